"""One name per person (issue 24): within a story, across the archive's
table, and through the library calls on both engines."""

import json

import pytest

import newsgrep
from newsgrep.extract.people import extract_people
from newsgrep.extract.same_person import same_person, story_name
from newsgrep.model import Bucket
from newsgrep.rank.names import Names, build_table, dumps, folded_buckets, loads, made_from

COUNTS = {
    "Donald Trump": 1103,
    "Trump": 560,
    "Donald J. Trump": 93,
    "Ivanka Trump": 60,
    "Donald Trump Jr.": 40,
    "Hillary Clinton": 400,
    "Bill Clinton": 300,
    "Clinton": 300,
    "Gerhard Schröder": 3,
    "Gerhard Schroeder": 2,
    "Schröder": 1,
    "J. Smith": 2,
    "John Smith": 5,
}


def test_the_archive_names_each_person_once():
    table = build_table(COUNTS)
    assert table["Trump"] == "Donald Trump"  # named in full far most often
    assert table["Donald J. Trump"] == "Donald Trump"  # a middle initial
    assert table["Gerhard Schroeder"] == "Gerhard Schröder"  # accents folded
    assert table["Schröder"] == "Gerhard Schröder"
    assert table["J. Smith"] == "John Smith"  # an initial for the given name
    assert "Clinton" not in table  # Bill and Hillary: ambiguous, kept as written
    assert "Donald Trump Jr." not in table and "Ivanka Trump" not in table


def test_counts_fold_into_one_person():
    buckets = [Bucket(name, count) for name, count in COUNTS.items()] + [Bucket(None, 7)]
    folded = folded_buckets(buckets, build_table(COUNTS))
    assert folded[0] == Bucket("Donald Trump", 1103 + 560 + 93)
    assert [b.value for b in folded].count("Donald Trump") == 1
    assert folded[-1] == Bucket(None, 7)


def test_the_kept_names_read_back_and_a_damaged_document_is_none():
    kept = made_from(COUNTS, COUNTS)
    assert loads(dumps(kept)) == kept
    assert kept.top[0] == Bucket("Donald Trump", 1103 + 560 + 93)
    for damaged in ("{not json", '["a"]', '{"table": 3}', None):
        assert loads(damaged) == Names()


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Gerhard Schröder", "Gerhard Schroeder", True),
        ("Schroeder", "Gerhard Schröder", True),
        ("G. Bush", "George W. Bush", True),
        ("Donald Trump", "Ivanka Trump", False),
        ("Donald Trump Jr.", "Donald Trump", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_story_name_is_the_fullest_unless_ambiguous():
    assert story_name("Schroeder", ["Gerhard Schröder", "Tony Blair"]) == "Gerhard Schröder"
    assert story_name("Trump", ["Donald Trump", "Ivanka Trump"]) == "Trump"
    assert story_name("Quux", ["Tony Blair"]) == "Quux"


def test_one_story_names_a_person_once_whatever_the_accents():
    text = "Chancellor Gerhard Schröder arrived. Later Schroeder said he would stay."
    assert extract_people(text) == ["Gerhard Schröder"]


STORIES = [
    (
        "a.txt",
        "Trump visits Ohio",
        "President Donald Trump visited Ohio on Monday, his aides said.",
    ),
    ("b.txt", "Ohio rally", "President Donald J. Trump spoke at a rally, officials said."),
    ("c.txt", "Trump speaks", "Trump said on Tuesday that the rally went well."),
    ("d.txt", "Berlin talks", "Chancellor Gerhard Schröder met his ministers on Monday."),
    ("e.txt", "Berlin vote", "Chancellor Gerhard Schroeder lost a vote on Friday."),
    ("f.txt", "Berlin again", "Chancellor Gerhard Schroeder spoke to reporters on Friday."),
]


@pytest.fixture
def archive(tmp_path, index_location):
    for name, title, text in STORIES:
        (tmp_path / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    newsgrep.index_paths([tmp_path], index_location)
    return index_location


def test_stats_by_person_and_hits_use_one_name(archive):
    for top in (1, 10, 0):  # kept with the index, or counted again
        counted = {b.value: b.count for b in newsgrep.index_stats(archive, top).top["person"]}
        assert counted == dict(
            list({"Donald Trump": 3, "Gerhard Schroeder": 3}.items())[: top or 2]
        )
    by = newsgrep.count_by(archive, "*", "person")
    assert [(b.value, b.count) for b in by.buckets] == [
        ("Donald Trump", 3),
        ("Gerhard Schroeder", 3),
    ]
    hits = {h.path.rsplit("/", 1)[-1]: h for h in newsgrep.search(archive, "*").hits}
    assert hits["c.txt"].people == ["Donald Trump"]
    assert hits["c.txt"].people_as_written == ["Trump"]
    assert hits["d.txt"].people == ["Gerhard Schroeder"]


def test_json_keeps_the_name_as_written(archive, monkeypatch):
    from click.testing import CliRunner

    from newsgrep.cli.app import cli

    monkeypatch.setenv("NEWSGREP_INDEX", str(archive))
    result = CliRunner().invoke(cli, ["search", "rally", "--json"], catch_exceptions=False)
    lines = [json.loads(line) for line in result.output.splitlines()]
    story = next(line for line in lines if line["path"].endswith("b.txt"))
    assert story["people"] == ["Donald Trump"]
    assert story["people_as_written"] == ["Donald J. Trump"]


def test_people_and_said_find_every_full_form(archive):
    assert newsgrep.search(archive, "people:schroeder").total == 3  # one writes Schröder
    assert newsgrep.search(archive, 'people:"gerhard schröder"').total == 3
    assert newsgrep.search(archive, 'people:"donald trump"').total == 2  # and Donald J. Trump
    assert newsgrep.count_by(archive, "people:schröder", "person").buckets[0].count == 3
