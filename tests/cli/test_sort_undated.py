"""--sort newest and --sort oldest list undated stories last."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli

DATES = ["2001-11-20", "2003-05-02", "1999-01-07"]


@pytest.fixture
def dated_index(tmp_path: Path, index_location: str) -> str:
    """Three dated stories and one with no date anywhere, indexed by the CLI
    (once per engine)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for date in DATES:
        (corpus / f"{date}.txt").write_text(
            f"Date: {date}\n\nFarm bill vote {date}\n\nThe Senate voted on the farm bill.\n"
        )
    (corpus / "undated.txt").write_text(
        "Farm bill vote again\n\nThe Senate voted on the farm bill again, aides said.\n"
    )
    result = CliRunner().invoke(cli, ["index", str(corpus), "--index", index_location])
    assert result.exit_code == 0, result.output
    return index_location


@pytest.mark.parametrize(
    "order, expected",
    [
        ("newest", ["2003-05-02", "2001-11-20", "1999-01-07", "undated"]),
        ("oldest", ["1999-01-07", "2001-11-20", "2003-05-02", "undated"]),
    ],
)
def test_undated_stories_come_last_in_both_orders(dated_index, order, expected):
    args = ["search", "farm", "--sort", order, "-l", "--index", dated_index]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [Path(line).stem for line in result.output.splitlines()] == expected
