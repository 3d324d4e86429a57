"""Issue 24's rules for quotations and speakers, each on a short made-up
story: a speaker is a person or a body, never a place or a piece of the
dateline; one name per speaker in a story; terms in quotation marks are no
quotations; a quotation's paragraphs stay one quotation."""

from __future__ import annotations

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.quotes import find_quotes
from newsgrep.model import RawStory


def said(body: str, people: tuple[str, ...] = ()) -> dict[str, str | None]:
    """Each quotation's text and its speaker."""
    return {q.text: q.speaker for q in find_quotes(body, list(people), [])}


def story_said(text: str) -> dict[str, str | None]:
    """The same, for a whole story read as `newsgrep index` reads it."""
    return {q.text: q.speaker for q in build_article("/x/a.txt", RawStory(text)).quotes}


LONG_DATELINE = (
    "MOSCOW, April 2, 2004 (ITAR-TASS) -- Russian Defence Minister Sergei Ivanov on "
    "Friday criticised the deployment of NATO fighter aircraft in Lithuania to patrol "
    "the skies over the three Baltic states as a step that brought no improvement to "
    "security in Europe, and warned that it would be answered with "
)


@pytest.mark.parametrize(
    "body, speaker",
    [
        # the clause read back 300 characters stops at a word, not in "MOSCOW"
        (LONG_DATELINE + '"appropriate measures."', "Sergei Ivanov"),
        # a participle's subject is the sentence's, past the dateline
        (
            "UNITED NATIONS, Nov 8 (Reuters) - The U.N. Security Council voted on Friday, "
            'warning Baghdad of "serious consequences" if it fails.',
            "U.N. Security Council",
        ),
        # "states" after a place's adjective is a noun: the verb is "said"
        (
            "Igor Ivanov said Russia expected the three Baltic states to accede to the "
            'treaty, so that there would be no "grey zone" on its border.',
            "Igor Ivanov",
        ),
    ],
)
def test_no_dateline_place_or_piece_of_a_word_speaks(body, speaker):
    assert list(said(body, ("Sergei Ivanov", "Igor Ivanov")).values()) == [speaker]


def test_an_unnamed_official_of_a_country_is_no_one_not_the_country():
    body = 'Lithuania\'s foreign minister said his country welcomed "a Russia that cooperates."'
    assert said(body) == {"a Russia that cooperates.": None}


def test_a_statement_speaks_for_its_owner_and_a_paper_keeps_its_name():
    body = 'Chirac\'s statement said the deficit needs "a vigorous effort to cut spending."'
    assert said(body, ("Jacques Chirac",)) == {
        "a vigorous effort to cut spending.": "Jacques Chirac"
    }
    junior = (
        "Donald Trump Jr. met her. Trump Jr.'s newest statement claims that an "
        '"acquaintance" asked for the meeting.'
    )
    assert said(junior, ("Donald Trump Jr.",)) == {"acquaintance": "Donald Trump Jr."}
    paper = '"Prices have been rising fast," the People\'s Daily said.'
    assert said(paper) == {"Prices have been rising fast": "People's Daily"}


def test_a_lawyer_speaks_for_the_owner_named_before_the_role():
    body = (
        "Tom Smith was charged on Monday. Smith's lawyer said the charges were "
        '"a disgrace to the whole justice system."'
    )
    assert said(body, ("Tom Smith",)) == {"a disgrace to the whole justice system.": "Tom Smith"}


def test_unnamed_speakers_words_are_quoted_with_no_speaker():
    assert said('Kremlin aides said the move was "unacceptable."') == {"unacceptable.": None}


def test_a_body_named_after_the_quotation_in_another_clause_is_no_speaker():
    body = 'The new council, in which the allies will meet "at 20," replaces the Joint Council.'
    assert said(body) == {}


@pytest.mark.parametrize(
    "body, people, speaker",
    [
        (
            '"The alliance has come through," de Hoop Scheffer said.',
            ("Jaap de Hoop Scheffer",),
            "Jaap de Hoop Scheffer",
        ),
        (
            '"The prime minister can count on us," Duncan Smith said.',
            ("Iain Duncan Smith",),
            "Iain Duncan Smith",
        ),
        ('"We will not go to war," Schroeder said.', ("Gerhard Schröder",), "Gerhard Schröder"),
        ('"Let them bring it," al-Saadi said.', ("Amir al-Saadi",), "Amir al-Saadi"),
        # a surname the referents left alone stays so: Mr. Romney is no Ann
        ('"I accept your nomination," Mr. Romney said.', ("Ann Romney",), "Romney"),
    ],
)
def test_one_name_per_speaker_the_fullest_the_story_gives(body, people, speaker):
    assert list(said(body, people).values()) == [speaker]


def test_an_organisation_keeps_its_own_name():
    body = (
        "Tulsi Gabbard ran. The Gabbard campaign counsel's letter went on to say that "
        'Gabbard is "a patriotic loyal American and a Major in the Guard."'
    )
    assert list(said(body, ("Tulsi Gabbard",)).values()) == ["Gabbard"]


@pytest.mark.parametrize(
    "body",
    [
        'Mobile operator Vodafone said its "churn rate" fell to 20 percent in the quarter.',
        'The union said the company\'s "core function" would move abroad under the plan.',
        'Analysts at the bank raised the stock to "outperform." The bank said demand was strong.',
        'Unions oppose "outsourcing" of public sector jobs, which they say harms services.',
    ],
)
def test_a_term_in_quotation_marks_is_no_quotation(body):
    assert said(body) == {}


@pytest.mark.parametrize(
    "body, text",
    [
        # words a sentence of speech ends on, after a possessive
        (
            "Gerhard Schroeder told the Bundestag that Germany offered the American people "
            'its "unlimited solidarity."',
            "unlimited solidarity.",
        ),
        # a possessive of time is no owner of a term
        ('He said last week\'s "hiccup" in money rates was over.', "hiccup"),
        # a person's own words about what is theirs, reported
        (
            'Hammer said that because of his "extensive business experience" he may buy more.',
            "extensive business experience",
        ),
        # a name's possessive, and a judgement in one word after "its"
        (
            'The panel said Reagan\'s "intense compassion" for hostages led him astray.',
            "intense compassion",
        ),
        ('Zhao said the country must reform its "irrational" price system soon.', "irrational"),
        ('She said she had heard the president\'s "so insensitive" remarks.', "so insensitive"),
        # "accused" and "branded" report speech as "called" does
        ('He accused the U.S. of being "irrational." He said more.', "irrational."),
        (
            'The Sunday Mail branded the budget "shamelessly political." It said more.',
            "shamelessly political.",
        ),
    ],
)
def test_reported_words_after_a_possessive_stay_quotations(body, text):
    assert text in said(body, ("Gerhard Schroeder",))


@pytest.mark.parametrize("mark, close", [("“", "”"), ('"', '"')])
def test_paragraphs_a_lone_new_line_apart_are_one_quotation(mark, close):
    body = f"Smith said: {mark}One thing is here.\n{mark}Another is there.{close}\nMore."
    assert said(body, ("John Smith",)) == {"One thing is here. Another is there.": "John Smith"}


def test_a_closed_quotation_before_a_new_line_stays_whole():
    body = '"We go," Smith said.\n"We stay," Jones said.'
    assert said(body, ("John Smith", "Ann Jones")) == {
        "We go": "John Smith",
        "We stay": "Ann Jones",
    }


def test_the_wire_layout_with_a_note_quotes_no_dateline_piece():
    text = (
        "-- Carrier profit up\n-- Thu Nov 2, 2006 4:44pm EST\n\n"
        " (Adds executive comment, details)\n"
        " By  Sinead Carew NEW YORK  Nov 2 (Reuters) - Wireless carrier Verizon said on "
        "Thursday that its profit rose, and chief executive Denny Strigl said the results "
        'were "a very strong finish to the year."\n'
    )
    assert story_said(text) == {"a very strong finish to the year.": "Denny Strigl"}


@pytest.mark.parametrize(
    "body, speaker",
    [
        # a person named after an owner is the person, not the owner's body
        (
            '"We want a cleaner country," the Scottish Green Party\'s Robin Harper said.',
            "Robin Harper",
        ),
        # a body whose name joins words, before a role and a name
        (
            '"The tests change next year," Qualifications and Curriculum Authority chief '
            "executive Ken Boston said.",
            "Ken Boston",
        ),
        # a person "of" a body is the person, a body "of" a place the body's role
        (
            '"I\'d be very cautious about stock levels," Chris Honnor of London-based '
            "brokers Grieveson Grant said.",
            "Chris Honnor",
        ),
        (
            '"Rates will hold for now," Federal Reserve Bank of New York President '
            "Gerald Corrigan said.",
            "Gerald Corrigan",
        ),
        # a party's member is a person, where the Pentagon is a body
        ('Donald Trump spoke. "We will win so much," the Republican said.', "Donald Trump"),
        ('The Pentagon spoke. "We will win so much," the Pentagon said.', "Pentagon"),
    ],
)
def test_an_organisation_speaks_only_where_no_person_is_named(body, speaker):
    people = ("Robin Harper", "Ken Boston", "Donald Trump", "Chris Honnor", "Gerald Corrigan")
    assert list(said(body, people).values()) == [speaker]


def test_a_fragment_closing_a_sentence_takes_the_next_sentences_closing_speaker_only():
    people = ("Herbert Mittendorf",)
    closing = (
        'Herbert Mittendorf spoke. Efforts to cut budgets were "not unsuccessful." '
        "But the slump in oil prices hampered them, he said."
    )
    assert said(closing, people) == {"not unsuccessful.": "Herbert Mittendorf"}
    opening = (
        'Herbert Mittendorf spoke. Efforts to cut budgets were "not unsuccessful." '
        "Mittendorf said the slump in oil prices hampered them."
    )
    assert said(opening, people) == {}
