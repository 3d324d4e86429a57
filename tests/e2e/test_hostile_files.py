"""Hostile files: each one indexed or skipped with a one-line reason, never
a traceback, the rest of the folder indexed and the index intact."""

import codecs
import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

import newsgrep
from newsgrep.errors import Unreadable
from newsgrep.indexing.stories import read_articles
from newsgrep.readers import read_file
from tests.helpers.hostile import WORD, decoded, interpretable, run_newsgrep, write_hostile_corpus

STORY = (
    "Talks on the {word} accord resume\n\n"
    "MOSCOW (Reuters) - Gerhard Schröder and Vladimir Putin met on Friday "
    "to discuss the {word} accord, officials said. “We agree,” Schröder told reporters.\n"
)


def story(word: str) -> str:
    return STORY.format(word=word)


ENCODED = {
    "utf8.txt": story("utf").encode("utf-8"),
    "utf8-bom.txt": codecs.BOM_UTF8 + story("bomeight").encode("utf-8"),
    "latin1.txt": story("latin").replace("“", '"').replace("”", '"').encode("latin-1"),
    "cp1252.txt": story("windows").encode("cp1252"),
    "utf16le-bom.txt": codecs.BOM_UTF16_LE + story("sixteenle").encode("utf-16-le"),
    "utf16be-bom.txt": codecs.BOM_UTF16_BE + story("sixteenbe").encode("utf-16-be"),
    "utf16le.txt": story("nobomle").encode("utf-16-le"),
    "utf16be.txt": story("nobombe").encode("utf-16-be"),
    "cyrillic-utf16.txt": (
        "Путин и НАТО\n\nМосква — Путин встретился с послом, сообщили официальные лица.\n"
    ).encode("utf-16-le"),
    "mixed.txt": story("mixed").encode("utf-8") + "Schröder’s “reply” followed.\n".encode("cp1252"),
    "crlf.txt": story("crlf").replace("\n", "\r\n").encode("utf-8"),
    "old-mac.txt": story("oldmac").replace("\n", "\r").encode("utf-8"),
    "nul-padded.txt": story("padded").encode("utf-8") + b"\x00" * 4096,
    "control-bytes.txt": story("controls").encode("utf-8") + b"-- \nJan\x02" * 50 + b"\n",
    "story.txt.gz": gzip.compress(story("gzipped").encode("utf-8")),
    "escapes.txt": (
        f"The {WORD} \x1b[31mred\x1b]0;title\x07 story\n\n"
        f"A \x1b]8;;http://x\x1b\\{WORD}\x1b]8;;\x1b\\ said hi.\n"
    ).encode(),
}
BINARY = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
    "archive.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(os.urandom(4000)),
    "program.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + os.urandom(3000),
    "text-then-binary.txt": story("tail").encode("utf-8") * 20 + os.urandom(20000) + b"\x00" * 100,
    "nul-inside.txt": story("nul").encode("utf-8") * 20 + b"\x00" + story("nul").encode("utf-8"),
}
SKIPPED = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n   \n",
    "broken.txt.gz": b"\x1f\x8b\x08\x00" + b"not gzip at all",
}


@pytest.mark.parametrize("name", ENCODED)
def test_every_encoding_reads_as_clean_text(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(ENCODED[name])
    [article] = read_articles(path)
    text = f"{article.title}\n{article.body}"
    assert interpretable(text) == []
    assert "\r" not in text and "\x00" not in text
    expected = {"cyrillic-utf16.txt": "Путин", "escapes.txt": "red story"}
    assert expected.get(name, "Schröder") in text


# A newsgroup post whose signature a mail client filled with ^B bytes.
POST = (
    "From: jlindqvist@cs.example.edu (Jan Lindqvist)\n"
    "Subject: Re: Clipper chip escrow keys\n"
    "Lines: 6\n\n"
    "In article <1993Apr20.1512@example.edu> someone writes:\n"
    "> Who holds the escrow keys?\n\n"
    "Two agencies hold the keys, and a court order releases them.\n\n"
    "-- \n"
    "Jan Lindqvist  | {controls} |  jlindqvist@cs.example.edu\n"
)


def test_a_post_with_control_bytes_is_text_indexed_and_cleaned(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "53912").write_text(POST.format(controls="\x02" * 50))
    skipped = []
    report = newsgrep.index_paths([corpus], tmp_path / "ix", on_skip=lambda *a: skipped.append(a))
    assert (report.indexed, skipped) == (1, [])
    [hit] = newsgrep.search(tmp_path / "ix", "escrow keys").hits
    [article] = read_articles(corpus / "53912")
    assert "Two agencies hold the keys" in article.body
    assert "Jan Lindqvist  |  |" in article.body
    assert not any(ord(c) < 32 and c not in "\n\t" for c in article.title + article.body)
    assert hit.path == str(corpus / "53912")


def test_mixed_encodings_decode_line_by_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(ENCODED["mixed.txt"])
    [article] = read_articles(path)
    assert "Schröder’s “reply” followed." in article.body


@pytest.mark.parametrize("name", {**BINARY, **SKIPPED})
def test_binary_empty_and_broken_files_are_skipped_with_a_reason(tmp_path, name):
    path = tmp_path / name
    path.write_bytes({**BINARY, **SKIPPED}[name])
    skipped = []
    assert read_articles(path, on_skip=lambda p, reason: skipped.append((p, reason))) == []
    assert [p for p, _ in skipped] == [str(path)]
    reason = skipped[0][1]
    assert reason and "\n" not in reason
    expected = {"empty.txt": "empty", "blank.txt": "whitespace", "broken.txt.gz": "gzip"}
    assert expected.get(name, "binary") in reason


def test_pipes_devices_and_folders_are_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path, Path(os.devnull)):
        with pytest.raises(Unreadable, match="not a regular file"):
            list(read_file(path))


def test_permission_denied_is_a_reason(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(story("secret"))
    real_open = os.open

    def denied(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    skipped = []
    assert read_articles(path, on_skip=lambda p, r: skipped.append(r)) == []
    assert skipped == ["Permission denied"]


def test_files_that_vanish_or_change_during_the_run(tmp_path, monkeypatch):
    from newsgrep.indexing import stories

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(story(name[0] + "word"))
    read_file = stories.read_file

    def meddling(path):
        """As the first file is read, delete the second and rewrite the third."""
        if path.name == "a.txt":
            (corpus / "b.txt").unlink()
            (corpus / "c.txt").write_text(story("changedword") * 50)
        return read_file(path)

    monkeypatch.setattr(stories, "read_file", meddling)
    skipped = []
    report = newsgrep.index_paths(
        [corpus], tmp_path / "index", on_skip=lambda p, r: skipped.append((Path(p).name, r))
    )
    assert skipped == [("b.txt", "No such file or directory")]
    assert report.indexed == 2
    assert newsgrep.search(tmp_path / "index", "changedword").total == 1
    assert newsgrep.search(tmp_path / "index", "cword").total == 0


def test_symbolic_links_in_folders_are_named_not_followed(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(story("outsideword"))
    (corpus / "inside.txt").write_text(story("insideword"))
    (corpus / "loop").symlink_to(corpus)  # a folder loop
    (corpus / "self.txt").symlink_to(corpus / "self.txt")  # a link to itself
    (corpus / "out.txt").symlink_to(outside / "secret.txt")
    (corpus / "outdir").symlink_to(outside)
    skipped = {}
    report = newsgrep.index_paths(
        [corpus], tmp_path / "index", on_skip=lambda p, r: skipped.update({Path(p).name: r})
    )
    assert report.indexed == 1
    assert set(skipped) == {"loop", "self.txt", "out.txt", "outdir"}
    assert all("not followed" in reason for reason in skipped.values())
    assert newsgrep.search(tmp_path / "index", "outsideword").total == 0


def test_a_link_named_on_the_command_line_is_followed(tmp_path):
    (tmp_path / "real.txt").write_text(story("linkedword"))
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    report = newsgrep.index_paths([tmp_path / "link.txt"], tmp_path / "index")
    assert report.indexed == 1


def _mixed_folder(root: Path) -> tuple[set[str], set[str]]:
    """Every kind of bad file in one folder: (readable names, skipped names)."""
    corpus = root / "corpus"
    hostile = write_hostile_corpus(corpus / "hostile", undecodable=True)
    # A name that is not UTF-8 is skipped with its reason (README: bad input).
    undecodable = {p.name for p in hostile.values() if _not_utf8(p.name)}
    readable = {p.name for role, p in hostile.items() if role != "binary"} - undecodable
    skipped = {hostile["binary"].name} | undecodable
    for name, data in {**ENCODED, **BINARY, **SKIPPED}.items():
        (corpus / name).write_bytes(data)
    readable |= set(ENCODED)
    skipped |= set(BINARY) | set(SKIPPED)
    (corpus / "huge-line.txt").write_text("A story on one line\n\n" + f"{WORD} and more " * 200_000)
    readable.add("huge-line.txt")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "loop").symlink_to(corpus)
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "denied.txt").write_text(story("deniedword"))
    (corpus / "denied.txt").chmod(0)
    (corpus / "closed").mkdir()
    (corpus / "closed" / "inside.txt").write_text(story("closedword"))
    (corpus / "closed").chmod(0)
    skipped |= {"fifo.txt", "loop", "passwd.txt", "denied.txt", "closed"}
    return readable, skipped


@pytest.fixture
def mixed_folder(tmp_path):
    readable, skipped = _mixed_folder(tmp_path)
    yield tmp_path, readable, skipped
    for folder in (tmp_path / "corpus" / "closed",):
        folder.chmod(0o755)  # so that pytest can clean up


@pytest.mark.slow
def test_a_folder_mixing_every_bad_input_indexes_what_can_be_read(mixed_folder):
    """The issue's acceptance run: every readable story indexed, every
    skipped file named with its reason (-v, from issue 7), exit 0, nothing
    a terminal acts on."""
    root, readable, skipped = mixed_folder
    result = run_newsgrep(
        "index", "-v", str(root / "corpus"), index=root / "index", unprivileged=True
    )
    out, err = decoded(result.stdout), decoded(result.stderr)
    assert result.returncode == 0, err
    assert interpretable(out) == [] and interpretable(err) == []
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("newsgrep: skipped ")]
    assert len(lines) == len(skipped), err
    for name in skipped:
        [line] = [line for line in lines if f"/{_shown(name)}: " in line]
        assert line.split(f"/{_shown(name)}: ", 1)[1].strip()  # a reason
    listed = run_newsgrep("search", "*", "-n", "0", "--json", index=root / "index")
    found = {
        json.loads(line)["path"].rsplit("/", 1)[1] for line in decoded(listed.stdout).splitlines()
    }
    assert {_shown(name) for name in readable} == found


def _not_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(name: str) -> str:
    """A file name as newsgrep prints it (see newsgrep.safety.clean_line)."""
    from newsgrep.safety import clean_line

    return clean_line(name)
