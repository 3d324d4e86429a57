"""newsgrep: search folders of news articles, ranked, with the evidence highlighted.

The library API a Python user calls; the command line is a thin layer over it::

    import newsgrep
    newsgrep.index_paths(["corpus/"], "index")
    for hit in newsgrep.search("index", "NATO membership").hits:
        print(hit.rank, hit.title, hit.date)
"""

from newsgrep import whoosh_imports

whoosh_imports.prepare()  # before anything imports Whoosh: see the module

from newsgrep.article import Article  # noqa: E402
from newsgrep.indexer import IndexReport, index_paths  # noqa: E402
from newsgrep.search import Hit, SearchOptions, SearchResult, search  # noqa: E402

__all__ = ["Article", "Hit", "IndexReport", "SearchOptions", "SearchResult",
           "index_paths", "search"]
__version__ = "0.1.0"
