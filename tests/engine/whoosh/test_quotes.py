"""How Whoosh holds quotations: speaker terms no word can pass for,
quotations kept apart, the matching quotations found as the query finds
them, and indexes built before quotations were indexed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index

import newsgrep
from newsgrep.engine import open_engine
from newsgrep.engine.quotations import indexed_text, marked_name
from newsgrep.engine.whoosh.quotes import QUOTES, matching_first
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.engine.whoosh.store import INDEX_NAME
from newsgrep.errors import QueryError
from newsgrep.model import Article, Quote, SearchOptions
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import Said
from tests.helpers.articles import index_articles

SCHEMA = build_schema()


def test_speaker_terms_are_marked_word_by_word():
    assert marked_name("Jean-Claude Juncker") == "_Jean _Claude _Juncker"
    assert marked_name("Paul O'Neill") == "_Paul _O _Neill"
    terms = list(SCHEMA[QUOTES].process_text(indexed_text(Quote("Gerhard", "Gerhard Schröder"))))
    assert terms == ["_gerhard", "_schroder", "gerhard"]


def test_no_word_of_a_quotation_passes_for_a_speaker(tmp_path):
    index = index_articles(
        tmp_path / "ix",
        [Article("/n/a.txt", "x", title="a", quotes=[Quote("_putin _Putin said so", "Jane Roe")])],
    )
    assert newsgrep.search(index, "said:putin").total == 0
    assert newsgrep.search(index, "said:roe putin").total == 1


def test_a_long_story_keeps_its_quotations_apart(tmp_path):
    """Two hundred quotations: the last speaker's words are still found, and
    never joined with another quotation's."""
    quotes = [Quote(f"word{i} " * 30 + "alliance", f"Speaker{i}") for i in range(200)]
    index = index_articles(tmp_path / "ix", [Article("/n/long.txt", "x", quotes=quotes)])
    assert newsgrep.search(index, "said:speaker199 word199 alliance").total == 1
    assert newsgrep.search(index, "said:speaker199 word198").total == 0
    [hit] = newsgrep.search(index, "said:speaker7 alliance").hits
    assert hit.quotes_matched == 1 and hit.quotes[0].speaker == "Speaker7"


SPEAKERS = ["Vladimir Putin", "George Robertson", "Igor Ivanov", None]
WORDS = ["nato", "accession", "cooperation", "the", "russia", "ready", "of"]
quotes = st.lists(
    st.builds(
        Quote,
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
        st.sampled_from(SPEAKERS),
    ),
    min_size=1,
    max_size=4,
)
queries = st.builds(
    lambda speaker, words: "said:" + speaker + "".join(f" {w}" for w in words),
    st.sampled_from(["putin", "ivanov", '"vladimir putin"', '"putin vladimir"']),
    st.lists(
        st.sampled_from(WORDS + ['"nato accession"', '"accession nato"', '"ready of russia"']),
        max_size=2,
    ),
)


@settings(max_examples=60, deadline=None)
@given(quotes, queries)
def test_the_quotations_listed_first_are_those_the_query_finds(tmp_path_factory, story, text):
    """A quotation matches (listed first) exactly when the story, holding
    that quotation alone, would be found."""
    folder = tmp_path_factory.mktemp("agree")
    articles = [Article(f"/n/{i}.txt", "x", quotes=[quote]) for i, quote in enumerate(story)]
    index = index_articles(folder / "ix", articles)
    found = {hit.path for hit in newsgrep.search(index, text, SearchOptions(limit=0)).hits}
    tree = parse_query(text)
    assert isinstance(tree, Said)
    for article in articles:
        _, matched = matching_first(article.quotes, (tree,), SCHEMA)
        assert bool(matched) == (article.path in found), (article.quotes, text)


@pytest.fixture
def index_before_quotes(tmp_path):
    """An index whose schema has no quotations, as one built before them."""
    folder = tmp_path / "old"
    folder.mkdir()
    schema = build_schema()
    schema.remove(QUOTES)
    schema.remove("speaker")
    whoosh_index.create_in(str(folder), schema, INDEX_NAME)
    article = Article("/n/old.txt", "Putin on NATO", quotes=[Quote("NATO", "Vladimir Putin")])
    writer = open_engine(folder).open_writer()
    batch = writer.batch_maker()()
    batch.add(article, article.path)
    writer.commit([batch.finish()])
    return folder


def test_an_index_built_before_quotations_still_answers_and_asks_for_a_rebuild(
    index_before_quotes,
):
    [hit] = newsgrep.search(index_before_quotes, "nato").hits
    assert hit.quotes == []
    with pytest.raises(QueryError, match="rebuild"):
        newsgrep.search(index_before_quotes, "said:putin")
