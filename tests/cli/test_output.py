"""Colour rules, terminal-only footer and wrapping, escape-free pipes."""

import io
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from newsgrep.output.render import make_console, wants_color

ESC = "\x1b"


@pytest.fixture
def terminal():
    """A writable pseudo-terminal, as a text stream."""
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as stream:
        yield stream
    os.close(master)


@pytest.mark.parametrize(
    "choice, tty, env, expected",
    [
        ("auto", False, {}, False),
        ("auto", True, {}, True),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # empty means unset (no-color.org)
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("auto", True, {"TERM": "dumb"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),  # an explicit flag wins
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_rules(terminal, choice, tty, env, expected):
    assert wants_color(choice, terminal if tty else io.StringIO(), env) is expected


def _on_terminal(args, corpus_index, env_extra=None, columns=100):
    """Run newsgrep with stdout a pseudo-terminal; returns what it showed."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(
        NEWSGREP_INDEX=str(corpus_index), COLUMNS=str(columns), TERM="xterm", **(env_extra or {})
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgrep", *args], stdout=slave, stderr=subprocess.DEVNULL, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 10)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=10)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_terminal_gets_colour_and_a_footer(corpus_index):
    shown = _on_terminal(["search", "NATO membership", "-n", "2"], corpus_index)
    assert ESC + "[" in shown
    assert re.search(r"2 of \d+ stories, \d+\.\d\d s", shown)


def test_no_color_means_no_escape_code_at_all_on_a_terminal(corpus_index):
    # rich alone would keep bold and dim under NO_COLOR
    shown = _on_terminal(["search", "NATO membership", "-n", "2"], corpus_index, {"NO_COLOR": "1"})
    assert ESC not in shown
    assert "stories" in shown  # still a terminal: the footer stays


def test_terminal_lines_wrap_to_its_width_with_a_hanging_indent(corpus_index):
    shown = _on_terminal(
        ["search", "NATO membership", "-n", "3"], corpus_index, {"NO_COLOR": "1"}, columns=50
    )
    lines = [line for line in shown.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 50
    hit_lines = [line for line in lines if not re.search(r"stories, \d", line)]
    assert all(re.match(r"\d\. |   \S", line) for line in hit_lines)


def test_pipe_gets_whole_lines_and_no_footer(pipe):
    result = pipe("search", "NATO membership", "-n", "2", env={"COLUMNS": "40"})
    assert not re.search(r"stories, \d+\.\d\d s", result.stdout)
    assert any(len(line) > 40 for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "args",
    [
        ["search", "NATO membership"],
        ["search", "nato", "--by", "month"],
        ["search", "ABM", "--dedup"],
        ["show", "corpus/putin-nato-2001.txt", "--query", "NATO"],
        ["similar", "corpus/putin-nato-2001.txt"],
        ["stats"],
    ],
)
def test_pipes_hold_no_escape_codes(pipe, args):
    result = pipe(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert ESC not in result.stdout


@pytest.mark.parametrize(
    "env, flag, coloured",
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
        ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
    ],
)
def test_environment_and_flag_in_a_pipe(pipe, env, flag, coloured):
    result = pipe("search", "NATO membership", *flag, env=env)
    assert (ESC + "[" in result.stdout) is coloured


def test_article_text_cannot_style_itself(tmp_path):
    """Markup-like and escape text in a story reaches the screen inert."""
    from click.testing import CliRunner

    import newsgrep
    from newsgrep.cli.app import cli

    (tmp_path / "evil.txt").write_text(
        "Evil [bold red]headline[/] here\n\nLONDON (AP) - Alliance \x1b[31mred\x1b[0m text.\n"
    )
    newsgrep.index_paths([tmp_path / "evil.txt"], tmp_path / "ix")
    result = CliRunner().invoke(cli, ["search", "alliance", "--index", str(tmp_path / "ix")])
    assert "[bold red]headline[/]" in result.output
    assert ESC not in result.output


def test_console_without_colour_writes_plain_text(tmp_path):
    from rich.text import Text

    with open(tmp_path / "out", "w") as file:
        make_console("never", file).print(Text("styled", style="bold red"))
    assert (tmp_path / "out").read_text() == "styled\n"
