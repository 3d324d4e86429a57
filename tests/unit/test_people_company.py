"""People told by the company they keep, and credits kept apart: sentences
written for the purpose (issue 24), not lifted from a gold set."""

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.credits import credited_names
from newsgrep.extract.people import extract_people
from newsgrep.model import RawStory


@pytest.mark.parametrize(
    "text, person",
    [
        # a name without a cue, in a list with a person
        (
            "Stars such as Zeb Quarrington, Arnold Palmer, and Mitch Daniels came.",
            "Zeb Quarrington",
        ),
        # kinship
        ("The senator came with his wife, Oriel, and their sons.", "Oriel"),
        ("He spoke of his son Kestrel at length.", "Kestrel"),
        # the full form of a surname the story names alone as a person
        ("Critics met Xoq Quarrington at noon. Quarrington said he would stay.", "Xoq Quarrington"),
        # a role, then a comma
        ("The firm sent its CEO, Zundar Pichoi, to testify.", "Zundar Pichoi"),
        # an apostrophe inside a name is no contraction
        ("Rivals such as Kamala Harris and Beto O’Rourke have left.", "Beto O’Rourke"),
        # a modifier only a person gives
        ("Much changed during the Quarrington presidency, critics say.", "Quarrington"),
    ],
)
def test_a_name_beside_a_person_is_a_person(text, person):
    assert person in extract_people(text)


@pytest.mark.parametrize(
    "text, name",
    [
        # lists of single words are as often firms or provinces
        ("Users of Zorbify, Quixly and Mark Hatherleigh complained.", "Quixly"),
        ("Mr. Vortigern, Albarn and Quillfeather met in Ohio.", "Quillfeather"),
        # share buttons before a name, and a place before a titled name
        (
            "Facebook Twitter Pinterest Trudeau said on Monday it works.",
            "Facebook Twitter Pinterest Trudeau",
        ),
        ("Besides his trip to Quetta, Mr. Rahami visited Karachi.", "Quetta"),
        # two headlines run together, a place, a place's preposition
        (
            "Democrats fear they cannot beat Trump Trump threatening to go. Trump said so.",
            "Trump Trump",
        ),
        ("Jo Quux, mayor of South Bend, spoke. Bend said no.", "South Bend"),
        ("Senators met on Capitol Hill on Monday. Hill said no.", "Capitol Hill"),
        # a sentence's opener is no name ("Separately, Baker said")
        ("Separately, Mr. Vortigern said he would stay.", "Separately"),
        # a word the story writes in small letters is no name's
        (
            'The slogan was "Don\'t Hire Quarrington". Quarrington said so. Never hire him.',
            "Hire Quarrington",
        ),
    ],
)
def test_no_person_without_company(text, name):
    assert name not in extract_people(text)


@pytest.mark.parametrize(
    "text, credited",
    [
        ("The senator speaks in Ohio. (Jim Bourg/Reuters)", ["Jim Bourg"]),
        ("The senator speaks in Ohio. REUTERS/Mike Segar\n\nMore text.", ["Mike Segar"]),
        ("The rally on Monday. (AP Photo/Noah Berger)", ["Noah Berger"]),
        ("The rally. Drew Angerer/Getty Images", ["Drew Angerer"]),
        ("Header\nBy Mark Sumner\nThe story.", ["Mark Sumner"]),
        (
            "CNN's Paul Steinhauser, Kevin Liptak and Ashley Killough contributed to this report.",
            ["Paul Steinhauser", "Kevin Liptak", "Ashley Killough"],
        ),
        (
            "Additional reporting by Shayan Sardarizadeh and Wanyuan Song",
            ["Shayan Sardarizadeh", "Wanyuan Song"],
        ),
        # no credit: two people, a poll, a caption's furniture
        ("Winners: Hillary Clinton/Bernie Sanders\n", []),
        ("the Cohen/Daniels payment", []),
        ("a bond issue underwritten by Drexel Burnham Lambert Inc", []),
        ("(Leah Millis/Reuters)\n\nThe president spoke.", ["Leah Millis"]),
        ("in the latest ABC News/Washington Post poll", []),
        ("(File Photo/Reuters)", []),
        # a firm mid-sentence, a price table, a letter's writer, a firm that contributed
        ("Shares of Royal Dutch/Shell Group rose.", []),
        ("            Le Havre/Marseilles  96.23\n", []),
        ("The letter, written by Coastal Chairman Oscar S. Wyatt Jr, said", []),
        ("California Federal Savings and Loan Association contributed to it.", []),
        ("Fox News' Gregg Re and the Associated Press contributed to this report.", ["Gregg Re"]),
        ("Department of Justice. Chip Somodevilla/Getty Images", ["Chip Somodevilla"]),
        ("toggle caption Saul Loeb/AFP/ Getty Images", ["Saul Loeb"]),
        ("Photograph by Angela Weiss/AFP via Getty Images.", ["Angela Weiss"]),
        ("New York, October 4, 2018 (Reuters/Stephen Yang)", ["Stephen Yang"]),
        ("—With reporting by Erin Banco and Sam Brodey.", ["Erin Banco", "Sam Brodey"]),
        ("Its equipment, developed by Royal Dutch/Shell Group, works.", []),
        ("postings for its Edmonton/Swann Hills crude\n", []),
        ("the dossier compiled by Christopher Steele, a former spy", []),
    ],
)
def test_credits(text, credited):
    assert credited_names(text) == credited


def test_a_photographer_is_an_author_never_a_person():
    raw = RawStory(
        title="Senate votes",
        text="Senator Ann Pelham voted no on Monday. (Jim Bourg/Reuters)\n\nShe left.",
        author=["Kay Lunt"],
    )
    article = build_article("/x.json#1", raw)
    assert article.people == ["Ann Pelham"]
    assert article.author == ["Kay Lunt", "Jim Bourg"]
