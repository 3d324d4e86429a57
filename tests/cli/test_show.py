"""newsgrep show: a whole story with its metadata header."""

import json
import re

import pytest

from tests.helpers.paths import CORPUS, SEED


@pytest.fixture
def run(run_on):
    """Every test here runs on both engines (OpenSearch's skipped without a cluster)."""
    return run_on


ESC = "\x1b"


def test_show_prints_header_and_whole_body(run, monkeypatch):
    monkeypatch.chdir(CORPUS.parent)
    result = run("show", "corpus/putin-nato-2001.txt")  # relative: made absolute
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Russia: Putin Says Not Interested In NATO Membership"
    assert "2001-11-22 · RFE/RL · Moscow" in lines[1]
    assert str(SEED) in result.output
    last_paragraph = SEED.read_text().strip().split("\n\n")[-1]
    assert " ".join(last_paragraph.split()) in " ".join(result.output.split())


def test_query_words_are_highlighted_on_request_only(run):
    result = run("show", str(SEED), "--query", "membership", "--color", "always")
    body = result.output.split(str(SEED), 1)[1]
    assert ESC + "[" in body
    marked = {w.lower() for w in re.findall(r"\x1b\[1;33m([^\x1b]*)\x1b\[0m", body)}
    assert marked == {"membership"}
    plain = run("show", str(SEED), "--query", "membership")
    assert ESC not in plain.output


def test_json_is_one_object_with_the_hit_fields_and_body(run):
    result = run("show", str(SEED), "--json")
    lines = result.output.splitlines()
    assert len(lines) == 1
    story = json.loads(lines[0])
    hit = json.loads(run("search", "NATO membership", "--json", "-n", "1").output)
    assert set(story) == set(hit) - {"rank", "score", "snippet"} | {"body"}
    assert story["path"] == hit["path"] == str(SEED)
    assert "queuing up" in story["body"]


def test_missing_story_is_exit_1_with_a_message(run):
    result = run("show", str(CORPUS / "no-such-story.txt"))
    assert result.exit_code == 1
    assert result.output.startswith("newsgrep: no story at")


def test_several_paths_from_a_listing(run):
    paths = run("search", "ABM", "-l").output.splitlines()
    result = run("show", *paths, "--json")
    assert [json.loads(line)["path"] for line in result.output.splitlines()] == paths


@pytest.fixture
def multi_story_index(tmp_path):
    """An index with a file of three stories, FILE#1..#3, written directly."""
    from whoosh import index

    from newsgrep.engine.whoosh.schema import build_schema

    file = str(tmp_path / "wire.jsonl")
    ix = index.create_in(str(tmp_path), build_schema())
    with ix.writer() as writer:
        for n in (1, 2, 3):
            writer.add_document(
                path=f"{file}#{n}",
                file=file,
                title=f"Story number {n}",
                body=f"Body of story {n} about the alliance.",
            )
    return tmp_path, file


def test_file_hash_id_shows_one_story_and_file_with_all_shows_all(multi_story_index, monkeypatch):
    from click.testing import CliRunner

    from newsgrep.cli.app import cli

    folder, file = multi_story_index
    one = CliRunner().invoke(cli, ["show", f"{file}#2", "--index", str(folder), "--json"])
    assert [json.loads(x)["title"] for x in one.output.splitlines()] == ["Story number 2"]
    every = CliRunner().invoke(cli, ["show", file, "--index", str(folder), "--json", "--all"])
    assert [json.loads(x)["path"] for x in every.output.splitlines()] == [
        f"{file}#{n}" for n in (1, 2, 3)
    ]
    similar = CliRunner().invoke(cli, ["similar", file, "--index", str(folder)])
    assert similar.exit_code == 2 and "FILE#ID" in similar.output
    monkeypatch.chdir(folder)
    relative = CliRunner().invoke(cli, ["show", "wire.jsonl#3", "--index", str(folder)])
    assert relative.output.startswith("Story number 3")


def test_a_file_of_several_stories_lists_their_paths_without_all(tmp_path, index_location):
    """A .jsonl.gz of 37,554 stories printed whole, unasked, was a flood: its
    FILE#ID paths instead (read from the path column, no story loaded), a
    line on stderr, exit 1 (no story shown)."""
    from click.testing import CliRunner

    import newsgrep
    from newsgrep.cli.app import cli

    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        "".join(
            json.dumps({"id": str(n), "title": f"Story {n}", "text": f"Alliance story {n}."}) + "\n"
            for n in (1, 2, 3)
        )
    )
    newsgrep.index_paths([wire], index_location)
    listed = CliRunner().invoke(cli, ["show", str(wire), "--index", index_location])
    assert listed.exit_code == 1
    assert sorted(listed.stdout.splitlines()) == [f"{wire}#{n}" for n in (1, 2, 3)]
    assert listed.stderr == (
        f"newsgrep: {wire} holds 3 stories: show one as FILE#ID (listed below), or all with --all\n"
    )
    one = CliRunner().invoke(cli, ["show", f"{wire}#2", "--index", index_location])
    assert one.exit_code == 0 and one.stdout.startswith("Story 2")
