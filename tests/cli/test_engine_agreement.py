"""Both engines answer the query table of docs/query.md alike (issue 16): the same
``-c`` for every query, the same top-10 stories for at least 80% of them,
through the command line. Skipped without the OpenSearch test cluster.
(Stats and similar stories: tests/conformance/test_reading.py.)"""

from __future__ import annotations

import json

import pytest

from tests.cli.test_query_table import ROWS
from tests.conftest import cli_on

pytestmark = pytest.mark.opensearch
SEARCHABLE = [(args, doc) for args, doc in ROWS if not doc.startswith("exit 2")]
TOP_AGREEMENT = 0.8


@pytest.fixture
def engines(corpus_index, opensearch_corpus_index, monkeypatch):
    """A CLI runner per engine, on the same sample corpus."""
    return cli_on(corpus_index, monkeypatch), cli_on(opensearch_corpus_index, monkeypatch)


def _count(run, args) -> int:
    result = run("search", *args, "-c")
    return int(result.stdout) if result.exit_code == 0 else 0


def _top10(run, args) -> list[str]:
    lines = run("search", *args, "--json", "--limit", "10").stdout.splitlines()
    return [json.loads(line)["path"] for line in lines]


@pytest.mark.parametrize(
    "args", [a for a, _ in SEARCHABLE], ids=[" ".join(a) for a, _ in SEARCHABLE]
)
def test_both_engines_count_the_same(engines, args):
    whoosh, opensearch = engines
    assert _count(whoosh, args) == _count(opensearch, args)


def test_both_engines_agree_on_the_top_ten_of_most_queries(engines):
    whoosh, opensearch = engines
    same = [set(_top10(whoosh, args)) == set(_top10(opensearch, args)) for args, _ in SEARCHABLE]
    assert sum(same) / len(same) >= TOP_AGREEMENT, f"{sum(same)} of {len(same)} the same"


@pytest.mark.parametrize(
    "by", ["source", "person", "speaker", "place", "year", "month", "week", "day"]
)
@pytest.mark.parametrize("query", ["*", "NATO", "people:Putin", "said:putin"])
def test_both_engines_count_alike_by_every_value(engines, query, by):
    whoosh, opensearch = (run("search", query, "--by", by, "--json").stdout for run in engines)
    assert whoosh and whoosh == opensearch


@pytest.mark.parametrize("query", ["said:putin nato", "said:putin", "russia said:putin"])
def test_both_engines_list_the_same_quotations_the_matched_first(engines, query):
    def quotes(run) -> dict[str, list]:
        lines = run("search", query, "--json", "--limit", "0").stdout.splitlines()
        return {hit["path"]: hit["quotes"] for hit in map(json.loads, lines)}

    whoosh, opensearch = (quotes(run) for run in engines)
    assert whoosh and whoosh == opensearch
