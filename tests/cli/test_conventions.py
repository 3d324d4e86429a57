"""grep's and ripgrep's conventions (issue 27): a closed pipe ends quietly
with 0; a flag that another makes meaningless is refused in one line, exit
2; a page past the last exits 1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsgrep.cli.clashes import CLASHES
from tests.helpers.paths import CORPUS, ROOT

PUTIN = str(CORPUS / "putin-nato-2001.txt")


@pytest.mark.parametrize(
    "args",
    [
        ["search", "nato"],
        ["search", "nato", "--json", "-n", "0"],
        ["search", "*", "-l"],
        ["show", *sorted(str(p) for p in CORPUS.glob("*.txt"))],
    ],
)
def test_a_closed_pipe_ends_quietly_with_what_was_found(corpus_index, args):
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    writer = subprocess.run(
        [sys.executable, "-m", "newsgrep", *args],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        env={**os.environ, "NEWSGREP_INDEX": str(corpus_index), "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        check=False,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait()
    assert writer.returncode == 0
    assert writer.stderr == b""


# Every rule of the table, as a command that breaks it.
BROKEN = {
    ("paths_only", "as_json"): ["search", "nato", "-l", "--json"],
    ("paths_only", "as_csv"): ["search", "nato", "-l", "--csv"],
    ("count", "as_json"): ["search", "nato", "-c", "--json"],
    ("count", "as_csv"): ["search", "nato", "-c", "--csv"],
    ("paths_only", "count"): ["search", "nato", "-l", "-c"],
    ("null", "paths_only"): ["search", "nato", "-0"],
    ("paths_only", "limit"): ["similar", PUTIN, "-l", "-n", "3"],
    ("paths_only", "page"): ["search", "nato", "-l", "--page", "2"],
    ("count", "limit"): ["search", "nato", "-c", "-n", "3"],
    ("count", "page"): ["search", "nato", "-c", "--page", "2"],
    ("count", "sort"): ["search", "nato", "-c", "--sort", "newest"],
    ("share", "by"): ["search", "nato", "--share"],
    ("by", "paths_only"): ["search", "nato", "--by", "month", "-l"],
    ("by", "count"): ["search", "nato", "--by", "month", "-c"],
    ("by", "dedup"): ["search", "nato", "--by", "month", "--dedup"],
    ("by", "limit"): ["search", "nato", "--by", "month", "-n", "3"],
    ("by", "page"): ["search", "nato", "--by", "month", "--page", "2"],
    ("by", "sort"): ["search", "nato", "--by", "month", "--sort", "oldest"],
    ("dedup", "show_all"): ["search", "nato", "--dedup", "--all"],
    ("show_all", "as_json"): ["search", "nato", "--all", "--json"],
    ("show_all", "as_csv"): ["search", "nato", "--all", "--csv"],
    ("show_all", "paths_only"): ["search", "nato", "--all", "-l"],
    ("show_all", "count"): ["search", "nato", "--all", "-c"],
    ("quotes_view", "as_json"): ["search", "said:putin", "--quotes", "--json"],
    ("quotes_view", "as_csv"): ["search", "said:putin", "--quotes", "--csv"],
    ("quotes_view", "paths_only"): ["search", "said:putin", "--quotes", "-l"],
    ("quotes_view", "count"): ["search", "said:putin", "--quotes", "-c"],
    ("quotes_view", "by"): ["search", "said:putin", "--quotes", "--by", "month"],
    ("peek", "count"): ["watch", "run", "--peek", "-c"],
}


def test_every_clash_of_the_table_is_exercised():
    assert {(first, second) for first, second, _, _ in CLASHES} == set(BROKEN)


@pytest.mark.parametrize("pair", sorted(BROKEN), ids=lambda pair: "+".join(pair))
def test_a_meaningless_flag_is_refused_in_one_line(run, pair):
    result = run(*BROKEN[pair])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("newsgrep: ") and result.stderr.count("\n") == 1


def test_a_page_of_all_hits_is_refused(run):
    result = run("search", "nato", "-n", "0", "--page", "2")
    assert result.exit_code == 2
    assert result.stderr == "newsgrep: --page with -n 0: every hit is on the one page\n"
    assert run("search", "nato", "-n", "0").exit_code == 0


def test_the_same_flags_alone_are_fine(run):
    assert run("search", "nato", "-l", "-0").exit_code == 0
    assert run("search", "nato", "--by", "month", "--share").exit_code == 0
    assert run("search", "nato", "--sort", "newest", "-n", "3", "--page", "2").exit_code == 0
    assert run("search", "nato", "-c", "--color", "always").exit_code == 0  # aliases add it


def test_a_page_past_the_last_exits_1(run):
    result = run("search", "nato", "--page", "1000")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "newsgrep: page 1000 is past the last, page 2 (16 stories, 10 a page)\n"
    )
    assert run("similar", PUTIN, "--page", "1000").exit_code == 1
    assert run("search", "nato", "--page", "2").exit_code == 0
