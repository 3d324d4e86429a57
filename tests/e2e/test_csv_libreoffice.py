"""--csv opens cleanly in LibreOffice: converted to a spreadsheet and back,
every cell is the one newsgrep wrote (dates become date cells). Skipped
where LibreOffice is not installed (apt-get install libreoffice-calc-nogui)."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

import newsgrep
from tests.helpers.awkward import write_awkward_feed
from tests.helpers.hostile import run_newsgrep

pytestmark = pytest.mark.slow  # LibreOffice starts in seconds


def read(path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def test_libreoffice_reads_every_cell_back(tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    feed = write_awkward_feed(tmp_path / "feed.jsonl")
    newsgrep.index_paths([feed], tmp_path / "ix")
    for name, args in (("search", ["search", "nato"]), ("show", ["show", str(feed)])):
        (tmp_path / f"{name}.csv").write_bytes(
            run_newsgrep(*args, "--csv", index=tmp_path / "ix").stdout
        )
    back = tmp_path / "back"
    back.mkdir()
    convert = [office, "--headless", "-env:UserInstallation=file://" + str(tmp_path / "profile")]
    # Comma, double quote, UTF-8 (76), from row 1; then out again the same way.
    files = [str(tmp_path / "search.csv"), str(tmp_path / "show.csv")]
    subprocess.run(
        [*convert, "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path)]
        + files,
        check=True,
        capture_output=True,
        timeout=120,
    )
    sheets = [str(tmp_path / "search.xlsx"), str(tmp_path / "show.xlsx")]
    subprocess.run(
        [*convert, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir"]
        + [str(back), *sheets],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for name in ("search", "show"):
        wrote, read_back = read(tmp_path / f"{name}.csv"), read(back / f"{name}.csv")
        assert len(read_back) == len(wrote) == 3
        header = wrote[0]
        for ours, theirs in zip(wrote, read_back, strict=True):
            assert len(theirs) == len(header)
            for column, mine, office_cell in zip(header, ours, theirs, strict=True):
                if column != "date":  # an ISO date becomes a date cell
                    assert office_cell == mine, (name, column)
        assert any(row[header.index("title")].startswith("'=") for row in read_back)
