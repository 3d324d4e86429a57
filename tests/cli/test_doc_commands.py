"""Every command shown in README.md and docs/*.md runs on the sample corpus and
prints what its page shows (issue 27).

Commands come from the pages' ```console and ```sh blocks
(``tests/helpers/doc_commands.py`` says how they are recognised, CONTRIBUTING.md
how a page marks one the tests cannot run). Each page's commands run in page
order, from the repository's root, against a copy of the sample corpus's index
made for that page (so a page's ``watch add`` is seen by its ``watch``). A plain
``newsgrep ARGS`` runs in process through click's CliRunner; a command with a
pipe, ``;``, ``&&`` or ``$(...)`` runs under bash, with ``newsgrep`` on PATH as
``python -m newsgrep``. The query table's examples are run by test_query_table.py.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from newsgrep.rank.names import STATE_KEY as NAMES_KEY
from tests.helpers.doc_commands import ELLIPSIS, Command, blocks, commands, pages, stray_commands
from tests.helpers.paths import README, ROOT

PAGES = pages()
SHELL = re.compile(r"[|;&<>]|\$\(")
BUILTINS = {"eval", "echo", "export", "cd", "source"}
TIMEOUT = 120
ECHO_STATUS = "; echo $?"
README_LINES = 300  # issue 27: the reference lives in docs/


@pytest.fixture(scope="session")
def bin_folder(tmp_path_factory) -> Path:
    """A folder holding a ``newsgrep`` that runs this checkout's package."""
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "newsgrep"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsgrep "$@"\n')
    script.chmod(0o755)
    return folder


def _environment(index: Path, bin_folder: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ["NEWSGREP_INDEX"] = str(index)
    environ["PATH"] = f"{bin_folder}{os.pathsep}{environ.get('PATH', '')}"
    environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environ.get("PYTHONPATH")]))
    return environ


def _programs(text: str) -> list[str]:
    """The programs a command line runs: the first word of each pipeline part,
    and bash for any line that is more than ``newsgrep ARGS``."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.commenters = "#"
    words, programs, starts = list(lexer), [], True
    for word in words:
        if starts and "=" not in word:
            programs.append(word)
        starts = word in ("|", "||", "&&", ";", "&")
    plain = text.startswith("newsgrep ") and not SHELL.search(text.split(" # ")[0])
    shell = [] if plain else ["bash"]
    return shell + [p for p in programs if p not in BUILTINS]


def _newsgrep(args: list[str], index: Path):
    env = {"NEWSGREP_INDEX": str(index), "NO_COLOR": None, "FORCE_COLOR": None}
    return CliRunner().invoke(cli, args, env=env, catch_exceptions=False)


def _bash(text: str, environ: dict[str, str], stdin: bytes = b"") -> tuple[int, str]:
    done = subprocess.run(
        ["bash", "-c", text],
        input=stdin,
        cwd=ROOT,
        env=environ,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", errors="replace")


def run(command: Command, index: Path, environ: dict[str, str]) -> tuple[int, str]:
    """COMMAND's exit status and output. ``newsgrep ARGS`` alone, piped into
    other programs or followed by ``; echo $?``, runs in process (a process
    start costs more than the search); anything else runs under bash."""
    text = command.text.split(" # ")[0].rstrip()
    if text.endswith(ECHO_STATUS):
        status, output = run(
            Command(command.page, command.line, text[: -len(ECHO_STATUS)]), index, environ
        )
        return 0, f"{output}{status}\n"
    head, _, tail = text.partition(" | ")
    if not head.startswith("newsgrep ") or SHELL.search(head):
        return _bash(text, environ)
    result = _newsgrep(shlex.split(head)[1:], index)
    if not tail:
        return result.exit_code, result.output
    status, output = _bash(tail, environ, result.stdout_bytes)
    return status, output + result.stderr


def _same(shown: str, printed: str, cut: bool) -> bool:
    """A line of the page against a line printed. A shown line ending in `` …``
    leaves out the rest of the printed one (a time, say). Under ``cut -c1-N``
    the page shows N characters but GNU cut keeps N bytes: the printed line
    may stop short of the shown one."""
    if shown.endswith(f" {ELLIPSIS}") and printed.startswith(shown[:-1]):
        return True
    return shown == printed or (cut and len(printed) >= 10 and shown.startswith(printed))


def missing_lines(command: Command, output: str) -> list[str]:
    """The lines the page shows for COMMAND that its output lacks, in order.
    Paths under the repository are shown as ``…/``."""
    cut = "cut -c" in command.text
    printed = [
        line.replace(f"{ROOT}/", f"{ELLIPSIS}/").rstrip().rstrip("\ufffd").rstrip()
        for line in output.splitlines()
    ]
    missing, position = [], 0
    for shown in (line.rstrip() for line in command.output):
        if not shown.strip() or shown.strip() == ELLIPSIS:
            continue
        found = next(
            (i for i in range(position, len(printed)) if _same(shown, printed[i], cut)), None
        )
        if found is None:
            missing.append(shown)
        else:
            position = found + 1
    return missing


def _check(command: Command, index: Path, environ: dict[str, str]) -> str | None:
    """Run COMMAND; a description of what went wrong, or None."""
    status, output = run(command, index, environ)
    missing = missing_lines(command, output)
    if status == command.exit_code and not missing:
        return None
    shown = "\n    ".join(output.splitlines()[:20])
    return (
        f"{command.page}:{command.line}: $ {command.text}\n"
        f"  exit {status} (the page says {command.exit_code})\n"
        f"  lines shown but not printed: {missing}\n  printed:\n    {shown}"
    )


def _saved_searches(folder: str, names: list[str]) -> list[str]:
    """What a copy of the index leaves out: the saved searches another test
    left in the session's index (not the page's), but not the names table
    the index run kept with the index."""
    if Path(folder).name != "newsgrep-state":
        return []
    return [name for name in names if not name.startswith(NAMES_KEY)]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_command_of_a_page_runs_as_shown(
    page, corpus_index, bin_folder, tmp_path, monkeypatch
):
    runnable = [c for c in commands(page) if not c.untested]
    if not runnable:
        pytest.skip(f"{page.name} shows no command the tests can run")
    index = tmp_path / "index"
    shutil.copytree(corpus_index, index, ignore=_saved_searches)
    monkeypatch.chdir(ROOT)
    environ = _environment(index, bin_folder)
    failures, absent = [], []
    for command in runnable:
        lacking = [
            p for p in _programs(command.text) if shutil.which(p, path=environ["PATH"]) is None
        ]
        if lacking:
            absent.append(f"{command.page}:{command.line} needs {', '.join(lacking)}")
            continue
        failures.append(_check(command, index, environ))
    if absent:
        warnings.warn("not run, a program is missing: " + "; ".join(absent), stacklevel=1)
    assert not [f for f in failures if f], "\n\n".join(f for f in failures if f)


def test_no_command_hides_in_a_block_that_is_not_run():
    stray = [line for page in PAGES for line in stray_commands(page)]
    assert not stray, "label these blocks ```console or ```sh:\n" + "\n".join(stray)


def test_the_readme_stays_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= README_LINES


def test_the_readme_shows_commands_with_their_output():
    shown = [c for c in commands(README) if not c.untested and c.output]
    assert len(shown) >= 5
    assert any(c.exit_code for c in commands(README))


def test_a_shown_line_missing_from_the_output_is_found():
    command = Command("README.md", 1, "newsgrep search x", output=["a", ELLIPSIS, "c"])
    assert missing_lines(command, "a\nb\nc\n") == []
    assert missing_lines(command, "c\nb\na\n") == ["c"]
    assert missing_lines(command, f"a\n{ROOT}/c\n") == ["c"]
    timed = Command("README.md", 1, "newsgrep index x", output=["indexed 3, …"])
    assert missing_lines(timed, "indexed 3, 0.2 s\n") == []
    assert missing_lines(timed, "indexed 30, 0.2 s\n") == ["indexed 3, …"]


PYTHON = [
    pytest.param(block.lines, id=f"{page.name}:{block.line}")
    for page in PAGES
    for block in blocks(page)
    if block.kind == "python"
]


@pytest.mark.slow
@pytest.mark.parametrize("lines", PYTHON)
def test_every_python_example_runs(lines, tmp_path):
    """A page's Python runs from a folder holding the sample corpus as ``corpus/``."""
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(lines)],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
