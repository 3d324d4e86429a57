"""Any query text, however broken: exit 0, 1 or 2, never a traceback, and
an error is one line on stderr. Property-based, over random strings and
random soups of the query language's operators."""

import traceback

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgrep.cli.app import cli

# A thousand hypothesis examples through the command: several seconds.
pytestmark = pytest.mark.slow

OPERATORS = [
    "AND",
    "OR",
    "NOT",
    "and",
    "or",
    "not",
    "(",
    ")",
    '"',
    "'",
    "*",
    "?",
    "~",
    "~2",
    "^",
    "^3",
    ":",
    "[",
    "]",
    "{",
    "}",
    "TO",
    "to",
    "+",
    "-",
    "\\",
    "/",
    "#",
    ",",
    "..",
    "title:",
    "body:",
    "people:",
    "person:",
    "source:",
    "place:",
    "author:",
    "date:",
    "url:",
    "path:",
    "file:",
    "nosuchfield:",
    "2001",
    "2001-11",
    "2001-11-22",
    "2001-W47",
    "2001-13-45",
    "0000",
    "99999999",
    "-1",
    "1e9",
    "nato",
    "putin",
    "Schröder",
    "nat*",
    "*ato",
    "n?to",
    "ИТАР-ТАСС",
    "北约",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\t",
    "\n",
    " ",
    "",
]
soups = st.lists(st.sampled_from(OPERATORS), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(OPERATORS), max_size=12
).map("".join)
# Text as a shell hands it over: any Unicode, and bytes that are not UTF-8
# arriving as lone surrogates.
texts = st.text(max_size=40) | st.binary(max_size=40).map(
    lambda b: b.decode("utf-8", "surrogateescape")
)
modes = st.sampled_from([[], ["--json"], ["-c"], ["-l"], ["--sort", "newest", "-n", "2"]])
SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _search(index, *args):
    runner = CliRunner()
    return runner.invoke(cli, ["search", *args], env={"NEWSGREP_INDEX": str(index)})


def _assert_graceful(result):
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsgrep: "), result.stderr


@SETTINGS
@given(query=soups, mode=modes)
def test_operator_soups_never_crash(corpus_index_on, query, mode):
    _assert_graceful(_search(corpus_index_on, *mode, "--", query))


@SETTINGS
@given(query=texts, mode=modes)
def test_random_text_never_crashes(corpus_index_on, query, mode):
    _assert_graceful(_search(corpus_index_on, *mode, "--", query))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(since=texts | soups, until=texts | soups, source=texts)
def test_random_filters_never_crash(corpus_index_on, since, until, source):
    _assert_graceful(
        _search(
            corpus_index_on, "--since", since, "--until", until, "--source", source, "--", "nato"
        )
    )
