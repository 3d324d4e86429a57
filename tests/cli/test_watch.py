"""newsgrep watch: saved searches over a small corpus that changes between runs."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

import newsgrep
from newsgrep.cli.app import cli
from newsgrep.cli.watch import watch_command
from newsgrep.watch import SUBCOMMANDS
from tests.helpers.paths import CORPUS

PUTIN = "putin-nato-2001.txt"  # mentions NATO
KABUL = "kabul-falls-2001-11.txt"  # does not
BALTIC = "baltic-states-enter-nato-2004-03.txt"  # does


@pytest.fixture
def feeds(tmp_path):
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name in (PUTIN, KABUL):
        shutil.copy(CORPUS / name, folder)
    newsgrep.index_paths([folder], tmp_path / "ix")
    return folder


@pytest.fixture
def watch(feeds, tmp_path, monkeypatch):
    """Run `newsgrep watch ARGS` on the feeds' index; returns click's Result."""
    monkeypatch.setenv("NEWSGREP_INDEX", str(tmp_path / "ix"))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["watch", *args], catch_exceptions=False)

    return invoke


def reindex(feeds, rebuild: bool = False) -> None:
    newsgrep.index_paths([feeds], feeds.parent / "ix", rebuild=rebuild)


def paths(result) -> list[str]:
    return [line.rsplit("/", 1)[-1] for line in result.output.splitlines()]


def test_add_list_rm(watch):
    assert watch("add", "nato", "nato", "--since", "2001", "--source", "RFE/RL").exit_code == 0
    assert watch("add", "kabul", "kabul fall").exit_code == 0
    listed = watch("list")
    assert listed.exit_code == 0
    assert listed.output.splitlines() == [
        "kabul\t'kabul fall'\tnever run",
        "nato\tnato --since 2001 --source RFE/RL\tnever run",
    ]
    assert watch("rm", "kabul").exit_code == 0
    assert [line.split("\t")[0] for line in watch("list").output.splitlines()] == ["nato"]
    assert watch("rm", "nato").exit_code == 0
    assert watch("list").exit_code == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "bad", "title:("], "unbalanced brackets"),
        (["add", "bad", "nato", "--since", "someday"], "--since"),
        (["add", "list", "nato"], "subcommand"),
        (["add", "a/b", "nato"], "bad watch name"),
        (["rm", "nope"], "no watch named 'nope'"),
        (["nope"], "no watch named 'nope'"),
    ],
)
def test_errors_are_one_line_and_exit_2(watch, args, message):
    result = watch(*args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and message in result.output
    assert "Traceback" not in result.output


def test_first_run_reports_every_match_then_exit_1_until_something_enters(watch, feeds):
    watch("add", "nato", "nato")
    first = watch()
    assert first.exit_code == 0
    assert first.output.startswith("nato: 1 new story of 1 matching\n")
    assert "Russia: Putin Says Not Interested In NATO Membership" in first.output
    again = watch()
    assert again.exit_code == 1 and again.output == ""  # `mail -E` sends nothing


def test_reindexed_unchanged_is_not_new_edited_to_match_and_added_are(watch, feeds):
    watch("add", "nato", "nato")
    assert paths(watch("-l")) == [PUTIN]
    reindex(feeds, rebuild=True)  # every story written again, unchanged
    assert watch("-l").exit_code == 1
    with (feeds / KABUL).open("a") as story:
        story.write("\nNATO allies said the city had fallen.\n")
    shutil.copy(CORPUS / BALTIC, feeds)
    reindex(feeds)
    new = watch("-l")
    assert new.exit_code == 0 and sorted(paths(new)) == sorted([KABUL, BALTIC])
    assert watch("-l").exit_code == 1


def test_each_watch_reports_its_own_new_stories(watch, feeds):
    watch("add", "nato", "nato")
    watch("add", "kabul", "kabul")
    assert watch("nato", "-l").exit_code == 0  # only nato ran
    counts = watch("-c")
    assert counts.exit_code == 0
    assert counts.output.splitlines() == ["kabul\t1", "nato\t0"]
    assert watch("kabul", "-c").output == "1\n"  # one NAME: the bare count
    assert watch("kabul", "-l").exit_code == 0  # counting remembered nothing
    assert watch("-c").exit_code == 1


def test_peek_remembers_nothing(watch):
    watch("add", "nato", "nato")
    assert watch("--peek", "-l").exit_code == 0
    assert watch("-l").exit_code == 0
    assert watch("-l").exit_code == 1


def test_a_run_interrupted_while_printing_remembers_nothing(watch, monkeypatch):
    import newsgrep.cli.watch as command

    watch("add", "nato", "nato")

    def closed_pipe(*args, **kwargs):
        raise BrokenPipeError

    with monkeypatch.context() as patched:
        patched.setattr(command, "show_new", closed_pipe)
        assert watch().exit_code == 0  # quietly, as grep into a closed pipe
    assert paths(watch("-l")) == [PUTIN]  # still new


def test_json_is_the_hit_schema_plus_watch(watch):
    watch("add", "nato", "nato")
    watch("add", "putin", "putin")
    lines = [json.loads(line) for line in watch("--json").output.splitlines()]
    assert {(obj["watch"], obj["path"].rsplit("/", 1)[-1]) for obj in lines} == {
        ("nato", PUTIN),
        ("putin", PUTIN),
    }
    search = CliRunner().invoke(cli, ["search", "nato", "--json", "-n", "1"])  # the same index
    hit = json.loads(search.output)
    assert list(lines[0]) == [*hit, "watch"]
    assert lines[0]["snippet"] and lines[0]["rank"] == 1


def test_csv_has_one_header_for_every_watch(watch):
    watch("add", "nato", "nato")
    watch("add", "putin", "putin")
    rows = list(csv.reader(io.StringIO(watch("--csv").output, newline="")))
    assert rows[0][-1] == "watch" and rows[0][:3] == ["rank", "score", "path"]
    assert [row[-1] for row in rows[1:]] == ["nato", "putin"]


def test_no_watch_saved_is_exit_1_with_a_hint(watch):
    result = watch()
    assert result.exit_code == 1 and "watch add" in result.output


def test_help_is_the_groups_and_names_cannot_be_subcommands(watch):
    assert "newsgrep watch add" in watch("--help").output
    assert set(watch_command.commands) == SUBCOMMANDS
