"""The query language as ``newsgrep help query`` (and the end of ``search
--help``) teaches it: every field, operator and date form, one example each.

The fields come from the table the lexer reads (tree.FIELD_FORMS, with
their aliases); the operators and date forms are tables here whose every
example a test runs, so that what help shows is what the parser reads.
"""

from __future__ import annotations

from typing import NamedTuple

from newsgrep.query import tree


class Form(NamedTuple):
    """One form of the language: an example as typed, and what it finds."""

    example: str
    finds: str


OPERATORS = (
    Form("nato", "a word, stemmed and case-folded: members finds membership"),
    Form("nato russia", "any of the words, stories with more of them first"),
    Form('"missile defense"', "a phrase: the words side by side, in order"),
    Form('"putin nato"~5', "the words within 5 positions of each other"),
    Form("nato AND russia", "both (AND binds tighter than OR)"),
    Form("putin OR bush", "either"),
    Form("nato NOT russia", "the first without the second"),
    Form("+nato russia", "+ requires a word; the others only rank"),
    Form("nato -russia", "- leaves out stories with the word"),
    Form("(putin OR bush) nato", "brackets group"),
    Form("enlarg*", "* any letters"),
    Form("r?ssia", "? one letter"),
    Form("robertsen~", "~ spellings one edit away (~2: two)"),
    Form("putin^3 nato", "^N weighs a word N times"),
    Form("*", "every story (with filters: all that pass them)"),
)
DATES = (
    Form("date:2001-11-22", "that day (2001-11, 2001: that month, that year)"),
    Form('date:"22 Nov 2001"', "a date in words, with its year"),
    Form("date:[2001-11-01 TO 2001-11-30]", "a range, both ends included ({ }: excluded)"),
    Form("date:[2001-11 TO *]", "an open end: from November 2001 on"),
    Form("date:>=2001-11", "from then on (>, <, <= alike)"),
    Form("date:yesterday", "today, yesterday"),
    Form('date:"last week"', "this or last week, month or year (weeks start on Monday)"),
    Form("date:7d", "the last 7 days (2w weeks, 3m months, 1y a year)"),
    Form('date:<"3 days ago"', "before the day 3 days ago"),
)
FILTERS = (
    Form("--since 7d --until yesterday", "every date form, the ends included"),
    Form("--source cnn", "as source:cnn; --person as person:, --place as place:"),
    Form('--speaker "vladimir putin"', 'as said:"vladimir putin", any of his quotations'),
)


def query_help() -> list[str]:
    """The help's lines, each section a heading and aligned examples."""
    fields = [Form(form.example, form.finds + _aliases(form)) for form in tree.FIELD_FORMS.values()]
    sections = (
        ("Words and operators", OPERATORS),
        ("Fields (a word or a phrase after the colon)", fields),
        ("Dates", DATES),
        ("Filter options of search, watch and browse", FILTERS),
    )
    width = max(len(form.example) for _, forms in sections for form in forms) + 2
    lines: list[str] = []
    for heading, forms in sections:
        lines += ["", f"{heading}:"]
        lines += [f"  {form.example.ljust(width)}{form.finds}" for form in forms]
    return lines[1:]


def _aliases(form: tree.FieldForm) -> str:
    others = [f"{name}:" for name in form.names[1:]]
    return f"; also {', '.join(others)}" if others else ""
