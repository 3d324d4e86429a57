"""`newsgrep help query` and the end of `search --help` (issue 27): every
field, operator and date form with an example, made from the parser's own
tables, each example a query the parser reads."""

from __future__ import annotations

import shlex

import pytest

from newsgrep.query import tree
from newsgrep.query.syntax import DATES, FILTERS, OPERATORS, query_help

FIELD_EXAMPLES = [form.example for form in tree.FIELD_FORMS.values()]


@pytest.mark.parametrize("example", [f.example for f in OPERATORS + DATES] + FIELD_EXAMPLES)
def test_every_example_of_the_help_is_a_query_that_runs(run, example):
    result = run("search", example, "-c")
    assert result.exit_code in (0, 1), result.stderr


@pytest.mark.parametrize("example", [f.example for f in FILTERS])
def test_every_filter_example_runs(run, example):
    result = run("search", "*", *shlex.split(example), "-c")
    assert result.exit_code in (0, 1), result.stderr


def test_help_query_lists_every_field_and_its_aliases(run):
    text = run("help", "query").stdout
    for form in tree.FIELD_FORMS.values():
        assert form.example in text
        for name in form.names[1:]:
            assert f"{name}:" in text
    for form in OPERATORS + DATES + FILTERS:
        assert form.example in text


def test_a_field_added_to_the_table_is_in_the_help(run, monkeypatch):
    added = tree.FieldForm(("dateline",), "dateline:moscow", "the dateline's words")
    monkeypatch.setitem(tree.FIELD_FORMS, "dateline", added)
    assert any(
        line.split() == ["dateline:moscow", "the", "dateline's", "words"] for line in query_help()
    )
    assert "dateline:moscow" in run("help", "query").stdout


def test_search_help_ends_with_the_query_language(run):
    text = run("search", "--help").stdout
    assert text.rstrip().endswith(query_help()[-1].rstrip())
    assert "person:putin" in text and "date:7d" in text


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("person:putin", "people:putin"),
        ("speaker:putin nato", "said:putin nato"),
        ("PERSON:Putin", "people:putin"),
    ],
)
def test_the_old_and_the_new_names_find_the_same(run, alias, name):
    count = run("search", name, "-c").stdout
    assert int(count) > 0 and run("search", alias, "-c").stdout == count
