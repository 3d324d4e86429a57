"""--csv: RFC 4180 rows with the --json fields as columns, for spreadsheets."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from newsgrep.output.csv import cell
from tests.helpers.awkward import AWKWARD_STORIES, write_awkward_feed
from tests.helpers.paths import SEED


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.fixture
def awkward(tmp_path, monkeypatch):
    """A CLI runner on an index of stories with commas, quotes, line breaks, formulas."""
    newsgrep.index_paths([write_awkward_feed(tmp_path / "awkward.jsonl")], tmp_path / "ix")
    monkeypatch.setenv("NEWSGREP_INDEX", str(tmp_path / "ix"))

    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_header_is_the_json_fields_in_order_and_rows_are_the_json_values(run):
    objects = [json.loads(line) for line in run("search", "nato", "--json").output.splitlines()]
    table = rows(run("search", "nato", "--csv").output)
    assert table[0] == list(objects[0])
    assert len(table) == len(objects) + 1
    for row, obj in zip(table[1:], objects, strict=True):
        assert row[table[0].index("path")] == obj["path"]
        assert row[table[0].index("title")] == obj["title"]
        assert row[table[0].index("people")] == "; ".join(obj["people"])
        assert row[table[0].index("score")] == str(obj["score"])


def test_records_end_in_crlf_utf8_without_bom(pipe):
    raw = pipe("search", "nato", "--csv", text=False).stdout
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # search's fields are one line each


def test_commas_quotes_and_line_breaks_are_quoted_and_read_back(awkward):
    result = awkward("search", "nato", "--csv", "--sort", "oldest")
    assert '"Allies say ""no"", then yes"' in result.output
    table = rows(result.output)
    title, author = table[0].index("title"), table[0].index("author")
    assert table[1][title] == 'Allies say "no", then yes'
    assert table[1][author] == "Jane Doe; John Roe"
    body = rows(awkward("show", table[1][table[0].index("path")], "--csv").output)
    assert (
        body[1][body[0].index("body")] == AWKWARD_STORIES[0]["text"]
    )  # line breaks kept inside one cell


def test_text_a_spreadsheet_would_run_as_a_formula_stays_text(awkward):
    table = rows(awkward("search", "alliance", "--csv").output)
    title = table[1][table[0].index("title")]
    assert title.startswith("'=HYPERLINK(") and "\n" not in title  # one line, as in --json
    assert "Путин" in table[1][table[0].index("snippet")]


@pytest.mark.parametrize(
    "args",
    [
        ["similar", str(SEED), "-n", "3"],
        ["show", str(SEED)],
        ["search", "nato", "--by", "month", "--share"],
        ["search", "ABM", "--dedup"],
        ["stats", "--top", "3"],
    ],
)
def test_every_csv_has_the_json_columns(run, args):
    objects = [json.loads(line) for line in run(*args, "--json").output.splitlines()]
    table = rows(run(*args, "--csv").output)
    assert table[0] == list(objects[0]) and len(table) == len(objects) + 1


def test_nested_lists_keep_one_thing_per_item(run):
    stats = rows(run("stats", "--top", "2", "--csv").output)
    obj = json.loads(run("stats", "--top", "2", "--json").output)
    sources = "; ".join(f"{s['value']} ({s['count']})" for s in obj["sources"])
    assert stats[1][stats[0].index("sources")] == sources
    lines = run("search", "ABM", "--dedup", "--json").output.splitlines()
    dedup = [json.loads(line) for line in lines]
    folded = next(obj for obj in dedup if obj["duplicates"])
    table = rows(run("search", "ABM", "--dedup", "--csv").output)
    row = next(r for r in table[1:] if r[table[0].index("path")] == folded["path"])
    assert row[table[0].index("duplicates")] == "; ".join(d["path"] for d in folded["duplicates"])
    quoting = json.loads(run("search", "said:putin nato", "--json").output.splitlines()[0])
    table = rows(run("search", "said:putin nato", "--csv").output)
    said = [f"{q['speaker'] or 'unattributed'}: “{q['text']}”" for q in quoting["quotes"]]
    assert quoting["quotes"] and table[1][table[0].index("quotes")] == "; ".join(said)


def test_no_hit_is_a_header_alone_and_exit_1(run):
    result = run("search", "zzzqqqxxx", "--csv")
    assert result.exit_code == 1 and rows(result.output)[0][:2] == ["rank", "score"]
    assert len(rows(result.output)) == 1


@pytest.mark.parametrize("order", [["--json", "--csv"], ["--csv", "--json"]])
@pytest.mark.parametrize("command", [["search", "nato"], ["show", str(SEED)], ["stats"]])
def test_json_and_csv_together_is_an_error(run, command, order):
    result = run(*command, *order)
    assert result.exit_code == 2
    assert result.output == "newsgrep: --json and --csv are two formats: choose one\n"


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (3, "3"),
        (0.25, "0.25"),
        (["a", "b"], "a; b"),
        ([], ""),
        ("-1 point", "'-1 point"),
        ("@cmd", "'@cmd"),
        ("plain", "plain"),
    ],
)
def test_cells(value, expected):
    assert cell(value) == expected
