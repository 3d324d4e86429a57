"""Quotations and their speakers (issue 18): the seed story, and each rule on
short made-up texts."""

from __future__ import annotations

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.quotes import find_quotes
from newsgrep.model import Quote
from newsgrep.readers import read_file
from tests.helpers.paths import SEED


def quotes(body: str, people: tuple[str, ...] = (), authors: tuple[str, ...] = ()) -> list[Quote]:
    return find_quotes(body, list(people), list(authors))


def said(
    body: str, people: tuple[str, ...] = (), authors: tuple[str, ...] = ()
) -> dict[str, str | None]:
    """Each quotation's first words and its speaker."""
    return {" ".join(q.text.split()[:3]): q.speaker for q in quotes(body, people, authors)}


@pytest.fixture(scope="module")
def seed_quotes() -> list[Quote]:
    (story,) = list(read_file(SEED))
    return build_article(str(SEED), story).quotes


def test_seed_story_quotes_and_speakers(seed_quotes):
    by_text = {q.text: q.speaker for q in seed_quotes}
    assert by_text["Russia will not be queuing up for NATO accession"] == "Vladimir Putin"
    assert by_text["must take due account to our national interests"] == "Vladimir Putin"
    robertson = [t for t, s in by_text.items() if t.startswith("We have a new kind of cooperation")]
    assert robertson and by_text[robertson[0]] == "George Robertson"


def test_seed_story_continuations_keep_their_speaker(seed_quotes):
    by_start = {q.text.split()[0]: q.speaker for q in seed_quotes}
    assert by_start["Our"] == "Vladimir Putin"  # "... accession," he added. "Our economy ..."
    assert by_start["I"] == "George Robertson"


def test_seed_story_partial_quote_shares_the_sentence_speaker(seed_quotes):
    (partial,) = [q for q in seed_quotes if q.text.startswith("as much [as]")]
    assert partial.speaker == "Vladimir Putin"


def test_straight_and_curly_marks():
    body = '"We will win," Smith said. Jones said: “They will lose the vote.”'
    assert said(body, ("John Smith", "Mary Jones")) == {
        "We will win": "John Smith",
        "They will lose": "Mary Jones",
    }


def test_nested_single_marks_stay_in_the_words():
    (quote,) = quotes("“He told me ‘never again’ and left,” Smith said.", ("Ann Smith",))
    assert quote.text == "He told me ‘never again’ and left"


def test_quotation_over_two_paragraphs_is_one():
    body = (
        "Smith said: “The first part of it runs here.\n\n"
        "“And the second part of it ends here.”\n\nThe vote is Monday."
    )
    (quote,) = quotes(body, ("Ann Smith",))
    assert quote.text == "The first part of it runs here. And the second part of it ends here."
    assert quote.speaker == "Ann Smith"


def test_a_mark_never_closed_is_no_quotation():
    assert quotes('Smith said "the plan is dead and gone.\n\nOther news follows here.') == []


@pytest.mark.parametrize(
    "body",
    [
        '"The talks will go on," said Smith.',
        'Smith told reporters: "The talks will go on."',
        '"The talks will go on," according to Smith.',
        '"The talks will go on," Smith added.',
        'Smith warned that the talks "will go on for months."',
        '"The talks will go on," Smith, the chief negotiator, said.',
    ],
)
def test_speech_verbs_on_either_side(body):
    (quote,) = quotes(body, ("Peter Smith",))
    assert quote.speaker == "Peter Smith"


def test_pronoun_is_the_latest_person_of_that_gender():
    body = (
        "Mary Brown met John Green on Monday. Green spoke first.\n\n"
        '"We found common ground," she said.'
    )
    assert said(body, ("Mary Brown", "John Green")) == {"We found common": "Mary Brown"}


def test_title_resolves_to_the_person_introduced_with_it():
    body = (
        "Finance Minister Hans Weber met bankers. Later Anna Klein spoke.\n\n"
        '"Rates will stay where they are," the finance minister said.'
    )
    assert said(body, ("Hans Weber", "Anna Klein")) == {"Rates will stay": "Hans Weber"}


def test_surname_and_title_give_the_fullest_name():
    body = 'President Vladimir Putin arrived. "We are ready to talk," President Putin said.'
    assert said(body, ("Vladimir Putin",)) == {"We are ready": "Vladimir Putin"}


def test_organisations_speak():
    body = (
        "Champion Products Inc posted a loss. "
        '"Sales will recover next year," the company said. '
        '"No troops will move this week," the Pentagon said.'
    )
    assert said(body) == {
        "Sales will recover": "Champion Products Inc",
        "No troops will": "Pentagon",
    }


def test_no_speaker_when_the_story_gives_none():
    body = 'The sign read "Everyone is welcome in this town tonight" in red letters.'
    assert said(body) == {"Everyone is welcome": None}


def test_a_reporter_is_never_the_speaker():
    body = 'Jane Doe reported from Kiev. "The war goes on and on," Doe said.'
    assert said(body, ("Jane Doe",), authors=("Jane Doe",)) == {"The war goes": None}


@pytest.mark.parametrize(
    "body",
    [
        'The "witch hunt" went on.',
        'The so-called "deep state" was blamed for the whole long sorry affair.',
        'She wrote the book "The Art of the Deal" in 1987.',
        'A song titled "Born in the USA" played.',
        'They watched "Gone With the Wind" on Sunday.',
    ],
)
def test_scare_quotes_and_titles_are_no_quotations(body):
    assert quotes(body) == []


def test_short_quotation_with_a_speaker_is_kept():
    assert said('"No," Smith said.', ("Tom Smith",)) == {"No": "Tom Smith"}


def test_title_case_spans_are_titles_unless_a_speaker_follows():
    body = (
        'Conway said on "Fox News Sunday" that nothing changed. '
        'The paper ran "Profits Soar as Economy Advances." '
        '"Make America Great Again," Trump said.'
    )
    assert said(body, ("Kellyanne Conway", "Donald Trump")) == {
        "Make America Great": "Donald Trump"
    }


def test_short_quoted_words_governed_by_a_speech_verb_are_quotations():
    body = 'Randy Pullen, a delegate, called the speech "fabulous." It was "a gift" indeed.'
    assert said(body, ("Randy Pullen",)) == {"fabulous.": "Randy Pullen"}


def test_an_abbreviated_title_ends_no_sentence():
    body = '"We will appeal the ruling," Wyoming Gov. Matt Mead said Wednesday.'
    assert said(body, ("Matt Mead",)) == {"We will appeal": "Matt Mead"}


def test_role_words_before_a_name():
    body = (
        '"Such measures are unfriendly," Kremlin spokesman Dmitry Peskov told reporters. '
        'The ruling is "clarifying for all of us," says Republican strategist Ford Hale.'
    )
    assert said(body, ("Dmitry Peskov",)) == {
        "Such measures are": "Dmitry Peskov",
        "clarifying for all": "Ford Hale",
    }


def test_wrapped_wire_lines_keep_the_apposition():
    body = (
        '    "We expect significant increases in earnings and revenues\n'
        'in 1987," Steven Rales, Danaher chairman and chief executive\n'
        "officer, said.\n"
    )
    assert said(body, ("Steven Rales",)) == {"We expect significant": "Steven Rales"}


def test_a_spokesperson_speaks_for_whom_the_story_says():
    body = (
        "A Clinton spokesperson was asked about it.\n\n"
        '"If the nesting doll fits," the spokesperson said. '
        '"Sales are fine," a spokesman for Acme Corp said.'
    )
    assert said(body, ("Hillary Clinton",)) == {
        "If the nesting": "Hillary Clinton",
        "Sales are fine": "Acme Corp",
    }


def test_a_paragraph_opening_quotation_is_introduced_by_the_sentence_before():
    body = (
        "Hanson added that the candidates are moving toward extreme positions.\n\n"
        "“Reparations. A wealth tax. Abolishing the agency.”\n\nOther news."
    )
    assert said(body, ("Victor Davis Hanson",)) == {"Reparations. A wealth": "Victor Davis Hanson"}


def test_continuation_into_the_next_paragraph():
    body = (
        '"We intend to file lawsuits," Esmaeili said at a press conference.\n\n'
        '"There is no doubt about what happened here."'
    )
    assert said(body, ("Gholam Hossein Esmaeili",)) == {
        "We intend to": "Gholam Hossein Esmaeili",
        "There is no": "Gholam Hossein Esmaeili",
    }


def test_he_said_goes_on_with_the_speaker_just_quoted():
    body = (
        '"It ends now," Trump said.\n\n'
        "He said Russia lost its seat over Vladimir Putin's annexation of Crimea.\n\n"
        '"I think the G8 would be better," he said.'
    )
    assert said(body, ("Trump", "Vladimir Putin"))["I think the"] == "Trump"


def test_an_opening_mark_typed_for_a_closing_one_closes():
    body = "“It will be a big mistake made by the administration,“ Lindsey Graham said."
    assert said(body, ("Lindsey Graham",)) == {"It will be": "Lindsey Graham"}


def test_organisation_speaking_through_it():
    body = (
        '"You knew it was false," the Gabbard campaign said. '
        '"The spin cannot explain it away," it continued.'
    )
    assert said(body, ("Tulsi Gabbard",)) == {
        "You knew it": "Gabbard campaign",
        "The spin cannot": "Gabbard campaign",
    }


def test_said_before_a_long_description_and_a_name():
    body = (
        '"It will be a donnybrook," said Democratic strategist and Fox News contributor '
        'Joe Trippi. "It is the center of the universe," said the University of '
        "Virginia’s Larry Sabato."
    )
    assert said(body) == {"It will be": "Joe Trippi", "It is the": "Larry Sabato"}


def test_a_place_or_body_after_the_subject_is_not_the_speaker():
    body = (
        'The foreign banker in Sao Paulo said, "I think Brazil could have an agreement."\n\n'
        'Thomas E. Mann of the Brookings Institution wrote: "Most Americans were appalled."'
    )
    assert said(body, ("Thomas E. Mann",)) == {
        "I think Brazil": None,
        "Most Americans were": "Thomas E. Mann",
    }


def test_a_document_speaks_for_whoever_wrote_it():
    body = (
        "A letter from the Gabbard campaign’s legal counsel demanded a retraction.\n\n"
        "“You knew it was false,” the letter said.\n\n"
        '"Your spin cannot explain it away," it continued.'
    )
    assert said(body, ("Tulsi Gabbard", "Hillary Clinton")) == {
        "You knew it": "Gabbard campaign",
        "Your spin cannot": "Gabbard campaign",
    }


def test_a_straight_mark_closes_a_curly_quotation():
    body = '“We will see more of it,” Moore said. “So this is a great time for it."\n\nNext.'
    assert said(body, ("Stephen Moore",)) == {
        "We will see": "Stephen Moore",
        "So this is": "Stephen Moore",
    }


def test_a_short_whole_sentence_goes_on_from_the_quotation_before():
    body = "“Few have not had the experience,” Obama said. “That happens often.”"
    assert said(body, ("Barack Obama",)) == {
        "Few have not": "Barack Obama",
        "That happens often.": "Barack Obama",
    }


def test_described_as_quotes_and_known_as_names():
    body = (
        'He described the meetings with the leaders as "not contentious." '
        'It includes what is known in technical terms as a "backdoor" key.'
    )
    assert said(body, ("Donald Trump",)) == {"not contentious.": None}


def test_a_month_or_a_nationality_alone_is_no_speaker_but_a_country_is():
    body = (
        'In July, she called it "profoundly immoral and wrong for us." '
        '"We will not accept the sanctions now," China said.'
    )
    assert said(body) == {"profoundly immoral and": None, "We will not": "China"}


def test_quoted_as_saying_names_the_speaker():
    body = '"Russia will not be queuing up for NATO accession," Putin was quoted as saying.'
    assert said(body, ("Vladimir Putin",)) == {"Russia will not": "Vladimir Putin"}


def test_names_inside_the_quotation_are_no_antecedents():
    body = (
        'Chris Christie said, "You should wonder about him."\n\n'
        '"The core of my criticism of Mr. Trump is this," he said.'
    )
    assert said(body, ("Chris Christie", "Donald Trump"))["The core of"] == "Chris Christie"


def test_an_introducing_sentence_names_its_speaker_first():
    body = (
        "Activists who want to block Gorsuch say the senators are kidding themselves.\n\n"
        "“Grass-roots mobilization has opened the way,” MoveOn.org director Ben Wikler said."
    )
    assert said(body, ("Neil Gorsuch",)) == {"Grass-roots mobilization has": "Ben Wikler"}


def test_a_verb_naming_someone_beats_one_naming_no_one():
    body = (
        'Spokesperson Heather Nauert said, "It is like standing at the altar," '
        "according to the pool report."
    )
    assert said(body, ("Heather Nauert",)) == {"It is like": "Heather Nauert"}


def test_the_group_is_the_body_that_spoke_before():
    body = (
        '"They will fail," said the CMP statement. '
        '"They are not succeeding in any of it," the group said. '
        'StemExpress won an order. A company spokesman said the firm is "grateful its rights '
        'were vindicated in court."'
    )
    assert said(body) == {
        "They will fail": "CMP",
        "They are not": "CMP",
        "grateful its rights": None,
    }


def test_mr_is_not_a_woman_of_that_surname():
    body = "“I accept your nomination,” Mr. Romney said."
    assert said(body, ("Ann Romney",)) == {"I accept your": "Romney"}


def test_titles_and_initials_end_no_sentence_for_a_pronoun():
    body = (
        "Mr. Eastwood spoke with Mr. Obama.\n\n"
        "He went on, saying, “What do you want me to tell him?”"
    )
    assert said(body, ("Clint Eastwood", "Barack Obama"))["What do you"] == "Clint Eastwood"


def test_who_said_is_the_name_before_it():
    body = (
        "Several Democrats, including Elizabeth Warren of Massachusetts, "
        "who called it the “next step” for all."
    )
    assert said(body, ("Elizabeth Warren",)) == {"next step": "Elizabeth Warren"}


def test_he_after_a_sentence_opened_by_a_title_is_the_titled_person():
    body = (
        "President Barack Obama spoke for an hour. Senator John McCain listened.\n\n"
        "The president demonstrated clearly how he plans to act.\n\n"
        '"If Congress will not act soon, I will," he said.'
    )
    assert said(body, ("Barack Obama", "John McCain")) == {"If Congress will": "Barack Obama"}


def test_a_name_between_commas_before_the_verb_and_a_first_name_alone():
    body = (
        "As his wife, Melania, recently put it, when you attack her husband, "
        "“he will punch back ten times harder.”"
    )
    assert said(body, ("Melania Trump", "Ann Smith")) == {"he will punch": "Melania Trump"}


def test_a_hyphenated_word_is_no_speech_verb():
    body = 'Trump left. He described his closed-door meetings as "not contentious."'
    assert said(body, ("Donald Trump",)) == {"not contentious.": "Donald Trump"}


def test_role_words_before_a_name_after_the_quotation_and_first_names_of_others():
    body = (
        "Michael Bloomberg said he was not running.\n\n"
        "“Joe Biden went out and apologized for being male,” he said.\n\n"
        "“It’s preseason,” a frustrated and hapless Mike Pence told the governors."
    )
    assert said(body, ("Michael Bloomberg", "Delvone Michael", "Mike Pence")) == {
        "Joe Biden went": "Michael Bloomberg",
        "It’s preseason": "Mike Pence",
    }


def test_a_sentence_closing_with_its_speaker_after_the_quoted_words():
    body = (
        "Releasing Mr. Brunson was “a tremendous step” toward better relations, "
        "Mr. Trump said. “Democrats must be careful in how they frame it” now, says "
        "John Pitney Jr., a congressional expert."
    )
    assert said(body, ("Donald Trump", "Andrew Brunson", "John Pitney Jr.")) == {
        "a tremendous step": "Donald Trump",
        "Democrats must be": "John Pitney Jr.",
    }


def test_a_clause_after_the_quoted_words_is_no_attribution_without_a_speech_verb():
    body = (
        'Giuliani told CNN he believes Mueller is "sensitive" to the fact that his inquiry '
        "is a year old, in part because Mueller mentioned the anniversary."
    )
    assert said(body, ("Rudy Giuliani", "Robert Mueller")) == {"sensitive": "Rudy Giuliani"}


def test_a_name_between_commas_and_a_party_tag():
    body = (
        "The suit was brought by the Coalition. Their lawyer, Dror Ladin of the ACLU, "
        'said, "It is time the president comes to terms with it." '
        'Sen. Marco Rubio, R-Fla., said: "We will not support this bill now."'
    )
    assert said(body, ("Dror Ladin", "Marco Rubio")) == {
        "It is time": "Dror Ladin",
        "We will not": "Marco Rubio",
    }


def test_a_colon_after_a_subject_and_any_verb_introduces_the_quotation():
    body = (
        'Cruz said he was "not in the habit of it." Kasich also hedged: '
        '"If the nominee is somebody hurting the country, I will not."'
    )
    assert said(body, ("Ted Cruz", "John Kasich"))["If the nominee"] == "John Kasich"
