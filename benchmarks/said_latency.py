"""What said: costs: a speaker's quotations searched against the same
speaker and words searched as people: and words, in the same run.

    python benchmarks/said_latency.py [--articles DIR] [--index DIR] [--runs N]

Indexes the Reuters-21578 articles with newsgrep (or reuses ``--index``, such
as an index of the 100,000 stories of ``benchmarks/make_corpus.py``), takes
the most quoted speakers from the index, and times ``newsgrep.search``
in-process (top 10, snippets), alternately, best of ``--runs``:

- ``said:NAME``: one speaker term;
- ``said:NAME WORD``: the speaker and a word within one quotation, a span
  query over the stories where both occur;
- ``people:NAME WORD``: the baseline, the same name as a filter and the
  word anywhere in the story.

Prints matches and milliseconds of each, and said: over people:. The
issue's budget is 150 ms for a said: query at 100,000 stories.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proximity import best_of, indexed, timing_arguments  # noqa: E402  (this folder, run as a script)

SPEAKERS = 3  # the most quoted ones
WORDS = ("prices", "market", "government")


def quoted_speakers(folder: Path, count: int) -> list[str]:
    """The ``count`` surnames quoted in the most stories (speakers sharing
    one, 'Donald Trump' and 'Trump', are one surname: said: matches both)."""
    from newsgrep.engine.whoosh.store import open_searcher

    with open_searcher(folder) as searcher:
        names = searcher.reader().most_frequent_terms("speaker", count * 4)
    surnames = (name.decode("utf-8").split()[-1] for _, name in names)
    return list(dict.fromkeys(surnames))[:count]


def main(argv: list[str] | None = None) -> None:
    import newsgrep
    from newsgrep.model import SearchOptions

    args = timing_arguments(__doc__, argv, runs=5)
    options = SearchOptions(suggest=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = indexed(args, tmp)
        columns = f"{'matches':>7} {'time':>9}"
        print(f"{'query':32} {columns}   {'people: query':32} {columns} {'ratio':>6}")
        for name in quoted_speakers(folder, SPEAKERS):
            for word in ("", *WORDS):
                said = f"said:{name} {word}".strip()
                people = f"people:{name} {word}".strip()
                times = best_of(
                    args.runs,
                    {
                        text: lambda text=text: newsgrep.search(folder, text, options)
                        for text in (said, people)
                    },
                )
                found = {text: newsgrep.search(folder, text, options).total for text in times}
                print(
                    f"{said:32} {found[said]:7} {times[said] * 1000:7.1f}ms   "
                    f"{people:32} {found[people]:7} {times[people] * 1000:7.1f}ms "
                    f"{times[said] / times[people]:6.2f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
