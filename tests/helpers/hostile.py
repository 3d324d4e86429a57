"""Hostile input for the tests: stories and file names carrying terminal
escape sequences, rich markup and broken bytes, and a check that output holds
nothing a terminal would interpret."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

# Sequences a terminal acts on: an OSC 8 hyperlink, a window title (OSC 0/2),
# clipboard write (OSC 52), clear screen, colours, cursor moves, BEL, an
# 8-bit CSI, a DCS string, backspaces and a carriage return that overwrite.
ESCAPES = (
    "\x1b]8;;file:///etc/passwd\x1b\\click here\x1b]8;;\x1b\\",
    "\x1b]0;pwned window\x07",
    "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1b[2J\x1b[H",
    "\x1b[1;31m",
    "\x9b5m",
    "\x1bPq#0;2;0;0;0\x1b\\",
    "\x07\x08\x08\r",
    "\u202e",
)
MARKUP = "[bold red]x[/bold red] [link=file:///etc/passwd]y[/link]"
WORD = "walrus"  # the word every hostile story is found by

TITLE = f"The {WORD} {ESCAPES[0]} {ESCAPES[3]}{MARKUP}{ESCAPES[1]} talks"
BODY = (
    f"MOSCOW, Nov. 22, 2001 ({ESCAPES[1]}Reuters) - The {WORD} {ESCAPES[4]}treaty"
    f"\x1b[0m was signed {MARKUP} in Moscow {ESCAPES[2]}{ESCAPES[5]}today.\n\n"
    f"Officials said{ESCAPES[7]} the {WORD} {ESCAPES[6]}deal{ESCAPES[8]} holds.\n"
)
HEADED = (
    f"Title: {WORD.title()} summit {ESCAPES[0]}{MARKUP}\n"
    f"Source: \x1b[5mEvil{ESCAPES[1]} Wire\n"
    f"Author: [red]Jane[/red] {ESCAPES[3]}Doe\n"
    f"URL: http://example.com/{ESCAPES[0]}\n"
    f"Date: 2002-05-28\n\n"
    f"President Vladimir {ESCAPES[4]}Putin{ESCAPES[1]} said the {WORD} talks went well.\n"
)

# File names a terminal would act on, or that break lines.
HOSTILE_NAMES = (
    b"esc\x1b]0;title\x07name.txt",
    b"new\nline.txt",
    b"with space [b]markup[red].txt",
)
# Names that are not UTF-8: a story, and a binary file to be skipped.
UNDECODABLE_NAMES = (b"bad\xff\xfebytes.txt", b"bin\x1b[31m\xff.txt")

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def interpretable(output: str, colours: bool = False, allowed: str = "\n\t") -> list[str]:
    """What in ``output`` a terminal would act on: controls other than
    ``allowed``, C1 codes, bidi overrides, and (unless ``colours``) any escape;
    with ``colours``, only plain colour codes (SGR) are let through."""
    if colours:
        output = _SGR.sub("", output)
    return [
        repr(c)
        for c in output
        if (ord(c) < 32 and c not in allowed)
        or 0x7F <= ord(c) <= 0x9F
        or c in _BIDI
        or 0xD800 <= ord(c) <= 0xDFFF
    ]


def write_hostile_corpus(folder: Path, undecodable: bool = False) -> dict[str, Path]:
    """A folder of stories with hostile text and hostile names, and a binary
    file with a hostile name; ``undecodable`` adds names that are not UTF-8.
    Returns the files by role ("binary" is the one to be skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "headline": folder / "headline.txt",
        "headers": folder / "headers.txt",
    }
    files["headline"].write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    files["headers"].write_text(HEADED, encoding="utf-8")
    story_names, binary_name = HOSTILE_NAMES, b"bin\x1b[31m.txt"
    if undecodable:
        story_names, binary_name = HOSTILE_NAMES + UNDECODABLE_NAMES[:1], UNDECODABLE_NAMES[1]
    for name in story_names:
        path = named(folder, name)
        path.write_text(f"The {WORD} file\n\nA {WORD} story in a file named oddly.\n")
        files[name.decode("utf-8", "replace")] = path
    files["binary"] = named(folder, binary_name)
    files["binary"].write_bytes(b"\x00\x01\x02binary\x00" * 100)
    return files


def named(folder: Path, name: bytes) -> Path:
    """The path of a file named by raw bytes in ``folder``."""
    return Path(os.fsdecode(bytes(folder) + b"/" + name))


def run_newsgrep(
    *args: str, index: Path | None = None, unprivileged: bool = False, **kwargs
) -> subprocess.CompletedProcess:
    """Run ``python -m newsgrep`` in a subprocess, output kept as bytes;
    ``unprivileged`` makes file permissions apply even to root."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    if index is not None:
        env["NEWSGREP_INDEX"] = str(index)
    env.update(kwargs.pop("env", {}))
    prefix = permission_bound() if unprivileged else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "newsgrep", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        **kwargs,
    )


def permission_bound() -> list[str]:
    """A command prefix under which file permissions are obeyed. Root ignores
    them; without the DAC capabilities it obeys them like anyone."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file permissions are not enforced")
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}"]


def decoded(data: bytes) -> str:
    """Output as text; it must be valid UTF-8 (a stray byte 0x80-0x9F is a
    C1 control to an 8-bit terminal)."""
    return data.decode("utf-8")
