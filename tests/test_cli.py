"""The command line through click's runner and through a real pipe."""

import json
import os
import subprocess
import sys

import pytest

from newsgrep.cli import cli


def test_json_lines_parse_and_rank_from_one(run):
    result = run("search", "NATO", "--json", "-n", "5")
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert set(hits[0]) >= {"rank", "score", "path", "title", "date", "source",
                            "people", "place", "snippet"}
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
    from conftest import CORPUS

    assert int(run("search", "*", "-c").output) == len(list(CORPUS.glob("*.txt")))


def test_limit_zero_means_all(run):
    count = int(run("search", "*", "-c").output)
    assert len(run("search", "*", "-n", "0", "--json").output.splitlines()) == count


def test_count_and_paths_ignore_limit(run):
    count = int(run("search", "NATO", "-c").output)
    paths = run("search", "NATO", "-l", "-n", "1").output.splitlines()
    assert len(paths) == count > 1
    assert all(os.path.exists(p) for p in paths)


def _pipe(args, index, env_extra=None):
    env = {**os.environ, "NEWSGREP_INDEX": str(index), **(env_extra or {})}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "newsgrep", *args], capture_output=True,
                          env=env, text=True)


def test_piped_output_has_no_escape_codes(corpus_index):
    result = _pipe(["search", "NATO membership"], corpus_index)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "NATO membership" in result.stdout


def test_color_always_colours_a_pipe(corpus_index):
    result = _pipe(["search", "NATO membership", "--color", "always"], corpus_index)
    assert "\x1b[" in result.stdout


def test_closed_pipe_ends_quietly(corpus_index):
    env = {**os.environ, "NEWSGREP_INDEX": str(corpus_index)}
    shell = f"{sys.executable} -m newsgrep search '*' -n 0 --json | head -1"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env)
    assert len(result.stdout.splitlines()) == 1
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def test_python_m_newsgrep_runs():
    result = subprocess.run([sys.executable, "-m", "newsgrep", "--help"], capture_output=True, text=True)
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


def test_reindexing_replaces_never_duplicates(tmp_path):
    import newsgrep

    doc = tmp_path / "a.txt"
    doc.write_text("First headline here\n\nLONDON (AP) - Alliance talk.\n")
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    doc.write_text("Second headline here\n\nLONDON (AP) - Alliance talk again.\n")
    newsgrep.index_paths([tmp_path], tmp_path / "ix")
    result = newsgrep.search(tmp_path / "ix", "alliance")
    assert result.total == 1
    assert result.hits[0].title == "Second headline here"
