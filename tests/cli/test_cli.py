"""The command line through click's runner and through a real pipe."""

import json
import os
import subprocess
import sys

import click
import pytest

from newsgrep.cli.app import cli
from tests.helpers.paths import ROOT


@pytest.fixture
def run(run_on):
    """Every test here that searches the sample corpus runs on both engines."""
    return run_on


def test_json_lines_parse_and_rank_from_one(run):
    result = run("search", "NATO", "--json", "-n", "5")
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert set(hits[0]) >= {
        "rank",
        "score",
        "path",
        "title",
        "date",
        "source",
        "people",
        "place",
        "snippet",
    }
    assert all(os.path.isabs(h["path"]) for h in hits)


def test_exit_codes_found_nothing_error(run):
    assert run("search", "NATO").exit_code == 0
    assert run("search", "zzzqqqxxx").exit_code == 1
    bad = run("search", "date:[2001-13-45 TO 2002]")
    assert bad.exit_code == 2
    assert "Traceback" not in bad.output


def test_missing_index_is_one_line_and_exit_2(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "newsgrep index" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_star_matches_every_story(run):
    from tests.helpers.paths import CORPUS

    assert int(run("search", "*", "-c").output) == len(list(CORPUS.glob("*.txt")))


def test_limit_zero_means_all(run):
    count = int(run("search", "*", "-c").output)
    assert len(run("search", "*", "-n", "0", "--json").output.splitlines()) == count


def test_paths_cover_every_match(run):
    count = int(run("search", "NATO", "-c").output)
    paths = run("search", "NATO", "-l").output.splitlines()
    assert len(paths) == count > 1
    assert all(os.path.exists(p) for p in paths)


def test_json_lines_parse_line_by_line_through_a_pipe(pipe):
    result = pipe("search", "nato", "--json", "-n", "0")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) > 5
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))


def test_count_equals_the_number_of_json_hits(pipe):
    count = int(pipe("search", "russia", "-c").stdout)
    assert count == len(pipe("search", "russia", "--json", "-n", "0").stdout.splitlines())


def test_paths_through_a_pipe_exist_and_null_separates(pipe):
    paths = pipe("search", "nato", "-l").stdout.splitlines()
    assert paths and all(os.path.isfile(p) for p in paths)
    nul = pipe("search", "nato", "-l", "-0").stdout
    assert nul.endswith("\0") and "\n" not in nul
    assert nul.split("\0")[:-1] == paths


def test_page_two_continues_page_one(run):
    def paths(*args):
        return [
            json.loads(line)["path"]
            for line in run("search", "nato", "--json", *args).output.splitlines()
        ]

    first, second = paths("-n", "4"), paths("-n", "4", "--page", "2")
    assert len(second) == 4
    assert first + second == paths("-n", "8")
    ranks = [
        json.loads(line)["rank"]
        for line in run("search", "nato", "--json", "-n", "4", "--page", "2").output.splitlines()
    ]
    assert ranks == [5, 6, 7, 8]


def test_python_m_newsgrep_runs():
    result = subprocess.run(
        [sys.executable, "-m", "newsgrep", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "search" in result.stdout


def test_index_skips_bad_file_with_reason_and_indexes_rest(tmp_path):
    from click.testing import CliRunner

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Good headline here\n\nLONDON (AP) - Alliance news today.\n")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (docs / "empty.txt").write_text("  \n")
    result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(tmp_path / "ix"), "-v"])
    assert result.exit_code == 0
    assert "skipped" in result.output and "binary.txt" in result.output
    assert "empty.txt" in result.output
    search = CliRunner().invoke(cli, ["search", "alliance", "--index", str(tmp_path / "ix"), "-c"])
    assert search.output.strip() == "1"


COMMANDS = ["browse", "help", "index", "search", "show", "similar", "stats", "watch"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"newsgrep {command} " in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x"],
        ["show", "corpus/putin-nato-2001.txt"],
        ["similar", "corpus/putin-nato-2001.txt"],
        ["stats"],
        ["search", "x", "--by", "month"],
        ["watch"],
        ["watch", "list"],
        ["watch", "add", "w", "x"],
        ["browse", "x"],
    ],
)
def test_a_missing_index_is_exit_2_everywhere(tmp_path, args):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*args, "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.output.startswith("newsgrep: ") and "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, code",
    [
        (["show", "corpus/putin-nato-2001.txt"], 0),
        (["show", "corpus/no-such-story.txt"], 1),
        (["similar", "corpus/putin-nato-2001.txt"], 0),
        (["similar", "corpus/no-such-story.txt"], 1),
        (["search", "nato", "--by", "month"], 0),
        (["search", "zzzqqqxxx", "--by", "month"], 1),
        (["search", "nato", "--by", "month", "-c"], 2),
        (["search", "nato", "--share"], 2),
        (["stats"], 0),
    ],
)
def test_exit_codes_are_the_same_everywhere(run, args, code):
    assert run(*args).exit_code == code


def test_closed_pipe_ends_quietly_for_every_listing(corpus_index):
    env = {**os.environ, "NEWSGREP_INDEX": str(corpus_index)}
    for args in (
        "search '*' -n 0",
        "search '*' -l",
        "search nato --by week",
        "similar corpus/putin-nato-2001.txt -n 0 --json",
    ):
        shell = f"{sys.executable} -m newsgrep {args} | head -1"
        result = subprocess.run(
            ["bash", "-c", shell], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert len(result.stdout.splitlines()) == 1, args
        assert result.stderr == "", args


def test_shell_completion_script_is_generated():
    env = {**os.environ, "_NEWSGREP_COMPLETE": "bash_source"}
    result = subprocess.run(
        [sys.executable, "-c", "from newsgrep.cli.app import main; main()"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0
    assert "_NEWSGREP_COMPLETE" in result.stdout and "complete" in result.stdout


def test_group_help_lists_each_command_by_its_own_help_without_importing_it():
    from newsgrep.cli.app import COMMANDS as REGISTERED

    for name, (_, summary) in REGISTERED.items():
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help is not None
        assert summary == " ".join(command.help.split("\n\n")[0].split()), name
    code = (
        "import sys; from newsgrep.cli.app import cli; "
        "cli.main(['--help'], standalone_mode=False); "
        "print(sorted(m for m in sys.modules if m.startswith('newsgrep.cli.')))"
    )
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "similar  Stories most like a given one" in listed.stdout
    assert "['newsgrep.cli.app']" in listed.stdout
