"""--source, --person and --place match as their fields do (issue 27): a word
or phrase of the name, case and accents folded, on both engines; a filter
that empties a search names the values the index holds."""

from __future__ import annotations

import shutil

import pytest
from whoosh.fields import KEYWORD

import newsgrep
from newsgrep.engine.opensearch.mapping import MAPPING_VERSION
from newsgrep.engine.whoosh.compile import compile_query
from newsgrep.engine.whoosh.schema import build_schema
from newsgrep.errors import IndexDamaged
from newsgrep.query.tree import Term
from tests.conftest import cli_on
from tests.helpers.cluster import delete_index, fresh_index_name, request


def count(run, *args: str) -> int:
    result = run("search", *args, "-c")
    assert result.exit_code in (0, 1), result.output
    return int(result.stdout)


@pytest.mark.parametrize(
    ("typed", "stories"),
    [
        # The sample corpus's sources: AP 12, Reuters 8, AFP 7, ITAR-TASS 6, RFE/RL 6, BBC 3.
        ("reuters", 8),
        ("REUTERS", 8),
        ("itar", 6),
        ("tass", 6),
        ("Itar-Tass", 6),
        ("rfe", 6),
        ("Associated Press", 12),  # stored as AP, as the indexer stores it
    ],
)
def test_a_source_option_finds_every_story_whose_source_holds_the_words(run_on, typed, stories):
    assert count(run_on, "*", "--source", typed) == stories
    assert count(run_on, f'source:"{typed}"') == stories


def test_a_source_word_alone_is_no_whole_name_match(run_on):
    """Words side by side, in order, as people:"vladimir putin" matches."""
    assert count(run_on, "*", "--source", "tass itar") == 0
    assert count(run_on, "*", "--source", "reuters", "--source", "afp") == 15


def test_person_and_place_match_a_word_of_the_name(run_on):
    assert count(run_on, "*", "--person", "putin") == count(run_on, "people:putin") > 0
    assert count(run_on, "*", "--place", "MOSCOW") == count(run_on, "place:moscow") > 0


def test_a_speaker_option_is_said_without_words(run_on):
    assert count(run_on, "*", "--speaker", "putin") == count(run_on, "said:putin") > 0
    both = count(run_on, "nato", "--speaker", "vladimir putin", "--speaker", "robertson")
    assert both == count(run_on, 'nato (said:"vladimir putin" OR said:robertson)') > 0


def test_a_watch_keeps_its_speakers(corpus_index, tmp_path, monkeypatch):
    shutil.copytree(corpus_index, tmp_path / "index")  # a watch writes beside the index
    run = cli_on(tmp_path / "index", monkeypatch)
    assert run("watch", "add", "putin-quoted", "nato", "--speaker", "putin").exit_code == 0
    assert "--speaker putin" in run("watch", "list").stdout
    assert (
        run("watch", "run", "putin-quoted", "-c").stdout
        == str(count(run, "nato", "--speaker", "putin")) + "\n"
    )


def test_an_emptying_filter_names_the_values_that_share_a_word(run_on):
    # (Not an agency's desk: 'Reuters Politics' is stored, and so searched, as Reuters.)
    result = run_on("search", "nato", "--source", "The AFP Review")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "newsgrep: no source 'The AFP Review'; sources with 'afp': AFP 7"
    )


def test_an_emptying_filter_names_values_spelled_alike(run_on):
    result = run_on("search", "nato", "--place", "Moskow", "-c")
    assert result.exit_code == 1
    assert "no place 'Moskow'; places like it: Moscow 9" in result.stderr
    assert result.stdout == "0\n"  # stdout keeps its form for programs


def test_a_filter_value_the_index_holds_gets_no_hint(run_on):
    result = run_on("search", "putin", "--source", "BBC", "--since", "2004")
    assert result.exit_code == 1
    assert "no source" not in result.stderr


def test_an_index_of_whole_source_names_asks_for_a_rebuild():
    """An index written before sources were analysed as names would answer
    source:cnn with nothing: it is refused instead."""
    schema = build_schema()
    schema.remove("source")
    schema.add("source", KEYWORD(stored=True, lowercase=True, commas=True))
    with pytest.raises(IndexDamaged, match="rebuild it"):
        compile_query(Term("cnn", "source"), schema)
    compile_query(Term("putin", "people"), schema)  # other fields still searched


@pytest.mark.opensearch
def test_a_cluster_index_of_an_older_mapping_refuses_a_search_by_source(
    opensearch_url, tmp_path, monkeypatch
):
    name = fresh_index_name("cli-old-mapping")
    location = f"{opensearch_url}/{name}"
    try:
        (tmp_path / "a.txt").write_text("Title: Budget\nSource: CNN (Web News)\n\nBudget held.\n")
        newsgrep.index_paths([tmp_path], location)
        old = {"_meta": {"newsgrep_mapping": MAPPING_VERSION - 1}}
        request(opensearch_url, "PUT", f"/{name}/_mapping", old)
        run = cli_on(location, monkeypatch)
        refused = run("search", "budget", "--source", "cnn")
        assert refused.exit_code == 2 and "rebuild it" in refused.stderr
        assert run("search", "budget", "-c").stdout == "1\n"  # no source asked: answered
    finally:
        delete_index(opensearch_url, name)
