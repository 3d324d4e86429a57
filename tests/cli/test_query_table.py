"""Every example of the query table in docs/query.md, run on the sample corpus,
on both engines (the OpenSearch half skips without a test cluster).

The table's last column is the documented result: "N stories", "first
`name`", names of stories that must be among the hits, "nothing", "exit 2:
message" and "Did you mean: ...?" are each checked here.
"""

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.helpers.paths import DOCS


def _rows() -> list[tuple[list[str], str]]:
    text = (DOCS / "query.md").read_text(encoding="utf-8")
    section = text.split("## Every form, with an example", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 3 and cells[1].startswith("`newsgrep search"):
            rows.append((shlex.split(cells[1].strip("`"))[2:], cells[2]))
    return rows


ROWS = _rows()


def test_the_table_has_every_syntax_of_the_issue():
    examples = " ".join(" ".join(args) for args, _ in ROWS)
    for syntax in (
        "AND",
        "OR",
        "NOT",
        "+",
        "-",
        "(",
        '"',
        "~5",
        "*",
        "?",
        "~2",
        "^",
        "title:",
        "body:",
        "people:",
        "source:",
        "place:",
        "date:",
        "said:",
        "[",
        "TO]",
        "--since",
        "--until",
        "--source",
        "--person",
        "--place",
        "--sort",
        "--page",
    ):
        assert syntax in examples, syntax


# What orders or pages hits: refused beside -c and -l, which cover every match.
_PAGING = ("--sort", "--limit", "-n", "--page")


def _every_match(args: list[str]) -> list[str]:
    """The example without its order and paging (each option with its value), for -c and -l."""
    kept: list[str] = []
    value_of_paging = False
    for arg in args:
        if not value_of_paging and arg not in _PAGING:
            kept.append(arg)
        value_of_paging = arg in _PAGING and not value_of_paging
    return kept


def _stem(path: str) -> str:
    return Path(path.split("#")[0]).stem


@pytest.mark.parametrize("args,documented", ROWS, ids=[" ".join(a) for a, _ in ROWS])
def test_readme_example(run_on, args, documented):
    plain = run_on("search", *args)
    if documented.startswith("exit 2"):
        assert plain.exit_code == 2
        assert documented.split(":", 1)[1].strip() in plain.stderr
        assert len(plain.stderr.strip().splitlines()) == 1
        return
    if documented.startswith("nothing"):
        assert plain.exit_code == 1
        assert documented.split("stderr:", 1)[1].strip() in plain.stderr
        return
    assert plain.exit_code == 0, plain.stderr
    count = re.match(r"(\d+) stor(?:y|ies)", documented)
    if count:
        assert int(run_on("search", *_every_match(args), "-c").stdout) == int(count.group(1))
    first = re.search(r"first `([^`]+)`", documented)
    if first:
        hits = [json.loads(line) for line in run_on("search", *args, "--json").stdout.splitlines()]
        assert _stem(hits[0]["path"]) == first.group(1)
    listed = {_stem(p) for p in run_on("search", *_every_match(args), "-l").stdout.splitlines()}
    for name in re.findall(r"`([a-z0-9-]+)`", documented):
        assert name in listed
