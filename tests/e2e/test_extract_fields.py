"""Extracted fields end to end, on both engines: indexed from a file, searchable, in --json."""

import json

from click.testing import CliRunner

from newsgrep.cli.app import cli

STORY = """-- Ivanov and Robertson agree on a joint body
-- By Anna Petrova
-- Fri Nov 23, 2001 11:45pm EST

MOSCOW, Nov 23 (REUTER) - Russian Defence Minister Sergei Ivanov and NATO
Secretary-General George Robertson agreed on Friday to draft plans for a new
council. Ivanov said the old one had failed.

(Additional reporting by John Roe in Brussels; Editing by Ann Lee)
"""


def _index(tmp_path, index, *extra):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "plain.txt").write_text(
        "Talks open in Geneva\n\nGENEVA - Talks opened.\n", encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["index", str(folder), "--index", index, *extra])
    assert result.exit_code == 0, result.output
    return runner, index


def _search(runner, index, query):
    result = runner.invoke(cli, ["search", query, "--index", str(index), "--json"])
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_story_fields_from_headers_dateline_and_credit_line(tmp_path, index_location):
    runner, index = _index(tmp_path, index_location, "--source", "Archive")
    [hit] = _search(runner, index, "people:robertson")
    assert hit["title"] == "Ivanov and Robertson agree on a joint body"
    assert hit["date"] == "2001-11-23T23:45:00"
    assert hit["source"] == "Reuters"
    assert hit["place"] == "Moscow"
    assert hit["people"] == ["Sergei Ivanov", "George Robertson"]
    assert hit["author"] == ["Anna Petrova", "John Roe", "Ann Lee"]


def test_reporters_are_searchable_as_author_not_people(tmp_path, index_location):
    runner, index = _index(tmp_path, index_location)
    assert len(_search(runner, index, 'author:"John Roe"')) == 1
    assert _search(runner, index, "people:petrova") == []


def test_default_source_only_for_files_naming_none(tmp_path, index_location):
    runner, index = _index(tmp_path, index_location, "--source", "Archive")
    [hit] = _search(runner, index, "geneva")
    assert hit["source"] == "Archive"
