"""said: in the query language: the speaker, and the words typed right after
it as the words of the same quotation."""

from datetime import datetime, timedelta

import pytest

from newsgrep.errors import QueryError
from newsgrep.query.parser import parse_query
from newsgrep.query.tree import And, AndNot, DateSpan, Every, Or, Phrase, Said, Term, Words

YEAR_2001 = DateSpan(datetime(2001, 1, 1), datetime(2002, 1, 1) - timedelta(microseconds=1))
PUTIN = Said(("putin",))
PUTIN_NATO = Said(("putin",), (Term("nato"),))


@pytest.mark.parametrize(
    "query,tree",
    [
        ("said:putin", PUTIN),
        ("said:putin nato", PUTIN_NATO),
        ("said:Putin NATO accession", Said(("Putin",), (Term("NATO"), Term("accession")))),
        (
            'said:"vladimir putin" "nato accession"',
            Said(("vladimir", "putin"), (Phrase(("nato", "accession")),)),
        ),
        (
            'said:putin "nato accession"~3',
            Said(("putin",), (Phrase(("nato", "accession"), slop=3),)),
        ),
        # Words before said: and after a bracket search the story; said: filters.
        ("russia said:putin nato", And((PUTIN_NATO, Words(("russia",))))),
        ("(said:putin nato) russia", And((PUTIN_NATO, Words(("russia",))))),
        # An operator, a sign or a field ends the quotation's words.
        ("said:putin nato AND russia", And((PUTIN_NATO, Term("russia")))),
        ("said:putin -nato", AndNot(PUTIN, Term("nato"))),
        ("said:putin nato people:bush", And((PUTIN_NATO, Term("bush", "people")))),
        (
            "said:putin nato OR said:blair iraq",
            Or((PUTIN_NATO, Said(("blair",), (Term("iraq"),)))),
        ),
        ("said:(putin OR blair)", Or((PUTIN, Said(("blair",))))),
        (
            "said:(putin OR blair) nato",
            Or((PUTIN_NATO, Said(("blair",), (Term("nato"),)))),
        ),
        ("said:(putin -blair) nato", AndNot(PUTIN_NATO, Said(("blair",)))),
        ("-said:putin nato", AndNot(Every(), PUTIN_NATO)),
        ("NOT said:putin", AndNot(Every(), PUTIN)),
        ("said:putin^2", Said(("putin",), boost=2.0)),
        # No speaker in the brackets: the words after them search the story.
        ("said:(date:2001) nato", And((YEAR_2001, Words(("nato",))))),
    ],
)
def test_said_takes_the_words_typed_right_after_it(query, tree):
    assert parse_query(query) == tree


def test_said_with_a_date_is_two_filters():
    tree = parse_query("said:putin date:2001")
    assert isinstance(tree, And) and tree.parts[0] == PUTIN


@pytest.mark.parametrize(
    "query,message",
    [
        ("said:", "said: needs a value"),
        ("said: nato", "said: needs a value"),
        ("nato said:", "said: needs a value"),
        ('said:""', "said: takes a name"),
        ('said:"..."', "said: takes a name"),
        ("said:put*", "said: takes a name"),
        ("said:putin~", "said: takes a name"),
        ("said:putin nat*", "without wildcards"),
        ("said:putin nato~2", "without wildcards"),
    ],
)
def test_bad_uses_of_said_are_one_line_errors(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)
