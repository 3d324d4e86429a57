"""Person names from plain news text: one rule a test, on sentences written
for the purpose (not lifted from the benchmark's stories)."""

import pytest

from newsgrep.extract.article import build_article
from newsgrep.extract.people import extract_people
from newsgrep.model import RawStory


@pytest.mark.parametrize(
    "text, person",
    [
        (
            "National Security Adviser Condoleezza Rice told reporters the talks went well.",
            "Condoleezza Rice",
        ),
        ("Estonian Prime Minister Juhan Parts arrived in Riga on Monday.", "Juhan Parts"),
        ("U.S. President George W. Bush met the leaders of the Gulf states.", "George W. Bush"),
        ("Treasury Secretary Paul O'Neill spoke to business economists.", "Paul O'Neill"),
        ("German Chancellor Gerhard Schröder rejected the request.", "Gerhard Schröder"),
        ("Defence Minister Ng Eng Hen inspected the troops in Singapore.", "Ng Eng Hen"),
        ("North Korean leader Kim Jong-il did not attend the parade.", "Kim Jong-il"),
        (
            "IMF managing director Jacques de Larosiere urged debtor countries to act.",
            "Jacques de Larosiere",
        ),
        (
            "Iraqi Information Minister Mohammed Saeed al-Sahhaf denied the report.",
            "Mohammed Saeed al-Sahhaf",
        ),
        ("The bill was opposed by Sen. Robert Byrd, the majority leader.", "Robert Byrd"),
        ("Chancellor of the Exchequer Nigel Lawson set out the budget.", "Nigel Lawson"),
        ("The Rev. Martin Luther King Jr. led the march to Montgomery.", "Martin Luther King Jr."),
        ("Goldman Sachs economist Jan Hatzius expects two rate cuts.", "Jan Hatzius"),
        (
            "Japan's Prime Minister-designate Noboru Takeshita pledged to cut taxes.",
            "Noboru Takeshita",
        ),
        ("The bid was led by chairman Oscar S. Wyatt Jr of Coastal Corp.", "Oscar S. Wyatt Jr"),
        (
            "Shell's managing director Pieter van der Vorm opened the terminal.",
            "Pieter van der Vorm",
        ),
        ("The project's director, A.R. Suhud, expects losses until 1990.", "A.R. Suhud"),
        (
            "Dutch Coffee Roasters' Association secretary Jan de Vries welcomed the pact.",
            "Jan de Vries",
        ),
        (
            "Deputy chairman Karl-Herbert Schneider-Gaedicke spoke first.",
            "Karl-Herbert Schneider-Gaedicke",
        ),
        (
            "Governor of the Bank of England Robin Leigh-Pemberton spoke at the dinner.",
            "Robin Leigh-Pemberton",
        ),
        (
            "Talks went well, Mexican president Miguel de la Madrid told reporters.",
            "Miguel de la Madrid",
        ),
        (
            "The head of the Brazilian Coffee Institute, Jorio Dauster, said quotas were dead.",
            "Jorio Dauster",
        ),
        (
            "Senate Banking Committee chairman William Proxmire, D-Wis, said the choice was good.",
            "William Proxmire",
        ),
        ("SAUDI ARABIA'S KING FAHD WANTS STABLE OIL PRICES", "Fahd"),
    ],
)
def test_role_words_are_stripped_from_full_names(text, person):
    assert extract_people(text) == [person]


def test_possessive_is_not_part_of_the_name():
    text = (
        "Senators questioned George W. Bush's plan to cut taxes, "
        "and Prime Minister Tony Blair's support for it."
    )
    assert extract_people(text) == ["George W. Bush", "Tony Blair"]


def test_apposition_names_a_person():
    text = "Kofi Annan, the U.N. secretary-general, flew to Baghdad on Friday."
    assert extract_people(text) == ["Kofi Annan"]


@pytest.mark.parametrize(
    "text",
    [
        "Inflation will stay low this year, Volcker said in testimony to Congress.",
        '"We are not worried," said Volcker.',
        "Volcker told the committee the dollar had fallen far enough.",
    ],
)
def test_surname_only_speaker_is_a_person(text):
    assert extract_people(text) == ["Volcker"]


def test_later_surname_and_title_mentions_credit_the_full_name():
    text = (
        "Prime Minister Tony Blair flew to Washington. Mr Blair told reporters that "
        "Blair's government would back the plan. Blair said he was confident."
    )
    assert extract_people(text) == ["Tony Blair"]


def test_surname_before_full_name_is_credited_too():
    text = (
        "Greenspan said rates were appropriate. Federal Reserve Chairman Alan Greenspan "
        "spoke to the Senate banking committee."
    )
    assert extract_people(text) == ["Alan Greenspan"]


def test_two_people_sharing_a_surname_both_survive():
    text = (
        "Defence Minister Sergei Ivanov met Foreign Minister Igor Ivanov in Moscow. "
        "Ivanov said the meeting was useful."
    )
    assert extract_people(text) == ["Sergei Ivanov", "Igor Ivanov"]


def test_people_come_in_order_of_first_mention():
    text = (
        "Finance Minister Kiichi Miyazawa met Paul Volcker on Tuesday. Later, Prime "
        "Minister Yasuhiro Nakasone said Miyazawa had done well."
    )
    assert extract_people(text) == ["Kiichi Miyazawa", "Paul Volcker", "Yasuhiro Nakasone"]


def test_given_name_alone_is_enough_for_a_full_name():
    text = "The proposal came from Paul Keating and was backed by most of the cabinet."
    assert extract_people(text) == ["Paul Keating"]


@pytest.mark.parametrize(
    "text",
    [
        "The Organization of the Petroleum Exporting Countries said output would be cut.",
        "Champion Products Inc said its board approved a split. "
        "Champion said the record date was April 1.",
        "The Bundesbank said it would not change its policy.",
        "The Tower Commission report was published on Thursday.",
        "Officials said the talks would resume on Monday. Several officials said nothing.",
        "Washington said it would not accept the offer, and Moscow said the same.",
        "Russian officials said the Kremlin had not been told.",
        "Analysts at Merrill Lynch said the stock was cheap.",
        "The figures came from the Central Bureau of Statistics, which said prices rose.",
        "Article 5 of the Washington Treaty was invoked, the alliance said.",
        "On Monday, March 3, Reuters said the market was closed.",
        "Tass said the talks were useful, the Soviet news agency reported.",
        "Saudi Arabia's oil minister said output would rise. Britain said it agreed.",
        "Shares were placed by Simon and Schuster, and Laventhol and Horwath said the audit "
        "was done.",
        "The issue was led by Goldman, Sachs and Co. Morgan Stanley said demand was strong.",
        "Dutch merchant bank Pierson said growth would slow, and food retailer Tesco said "
        "sales rose.",
        "Adsteam said its profit rose. Adsteam said it would buy more shares.",
        "US Sprint said the route was finished.",
        "Unilever added 8p and Plessey fell 2p, dealers said.",
        "He said Eurotunnel would offer a menu of securities.",
        "The Swiss Options and Financial Futures Exchange (Soffex) said trading would start.",
        "British Aerospace Plc (BAe) is a partner. BAe said the plane would fly in May.",
        "General Accident fell 21p to 936 and Royal Insurance dropped 18p.",
        "Further declines in base rates are expected, dealers said.",
    ],
)
def test_organisations_places_and_common_words_are_not_people(text):
    assert extract_people(text) == []


@pytest.mark.parametrize(
    "text, people",
    [
        ("The talks failed. Ultimately, an aide said the plan was too costly.", []),
        ("Afterward, Ms. Ward joined Mr. Lund in the hall.", ["Ward", "Lund"]),
        ("Halvorsen, the former attorney, said he lied.", ["Halvorsen"]),
    ],
)
def test_a_sentence_adverb_before_a_comma_is_no_person(text, people):
    assert extract_people(text) == people


def test_a_party_and_state_tag_is_no_person():
    text = "Rep. Lena Ostrow, D-California, told reporters. Sen. Al Brandt, R-Wis., agreed."
    assert extract_people(text) == ["Lena Ostrow", "Al Brandt"]


def test_words_a_saved_page_ran_together_are_two_words():
    text = (
        "The vote was set by Majority Leader Dale HuttonGOP senators balk at the trial, "
        "and by Rep. Nora LindqvistCNN anchors said."
    )
    assert extract_people(text) == ["Dale Hutton", "Nora Lindqvist"]


def test_names_with_inner_capitals_stay_whole():
    text = "Gen. Ross MacArthur met Bill FitzGerald and Rita DeSantos, officials said."
    assert extract_people(text) == ["Ross MacArthur", "Bill FitzGerald", "Rita DeSantos"]


def test_a_name_printed_twice_by_a_link_card_is_the_name_the_story_writes():
    text = (
        "President Hutton Dale Everett HuttonGOP senators balk at the trial spoke on Monday. "
        "Rep. Nora Lindqvist Nora LindqvistCNN said she agreed."
    )
    assert extract_people(text) == ["Hutton", "Nora Lindqvist"]


@pytest.mark.parametrize(
    "text, people",
    [
        (
            "Molly Brandt's shares fell 5 percent after the home loan insurer's losses grew, "
            "chairman Victor Hale said.",
            ["Victor Hale"],
        ),
        ("The law was a deal with Chuck Lomax, which he signed.", ["Chuck Lomax"]),
        (
            "Sally Finch, the No. 2 U.S. mortgage finance company, said on Tuesday it would "
            "raise capital.",
            [],
        ),
        ("Rosa Kemp said its quarterly profit doubled.", []),
        ("Jane Doe, a bank analyst, said rates would rise.", ["Jane Doe"]),
        ("John Roe, the head of the bank, said rates would rise.", ["John Roe"]),
        ("Ann Lee, the company's founder, said sales would rise.", ["Ann Lee"]),
    ],
)
def test_a_name_the_story_speaks_of_as_a_company_is_no_person(text, people):
    """Firms named like people ("Freddie Mac") give themselves away by how
    the story refers back to them: "which", "its", "the ... company"."""
    assert extract_people(text) == people


@pytest.mark.parametrize(
    "headline, people",
    [
        ("PRESIDENT REAGAN SAYS U.S. TO SUBMIT DRAFT TREATY", ["Reagan"]),
        ("TREASURY'S BAKER SAYS DOLLAR DECLINE HAS GONE FAR ENOUGH", ["Baker"]),
        ("GENCORP SAYS IT WILL FIGHT THE HOSTILE BID", []),
        ("BAHIA COCOA REVIEW", []),
        ("VIOLENCE REPORTED IN ECUADOR GENERAL STRIKE", []),
        ("Blair Publishes Dossier on Iraq Weapons", []),
        ("Russian Defense Chief Presses NATO for Real Partnership", []),
    ],
)
def test_headline_words_are_not_people(headline, people):
    assert extract_people(headline) == people


def test_headline_names_are_credited_to_the_body():
    text = (
        "Blair Publishes Dossier on Iraq Weapons\n\n"
        "LONDON (Reuters) - Prime Minister Tony Blair published the dossier on Tuesday."
    )
    assert extract_people(text) == ["Tony Blair"]


def test_reporters_go_to_author_not_people():
    text = (
        "Talks resume in Geneva\n\nBy Jane Doe\n\nGENEVA (Reuters) - Foreign Minister "
        "Igor Ivanov said talks would resume.\n\n(Reporting by John Roe; Editing by Ann Lee)"
    )
    article = build_article("/x.txt", RawStory(text))
    assert article.people == ["Igor Ivanov"]
    assert article.author == ["Jane Doe", "John Roe", "Ann Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "Oil firms asked the Reagan administration for relief from the tariffs.",
        "Oil firms asked the Reagan Administration for relief from the tariffs.",
    ],
)
def test_leader_named_in_the_administration_is_a_person(text):
    assert extract_people(text) == ["Reagan"]


def test_sentence_case_headline_speaker():
    assert extract_people("Stoltenberg declines comment on possible changed targets") == [
        "Stoltenberg"
    ]
    assert extract_people("Bundesbank has no interest in higher capital market rates - Poehl") == [
        "Poehl"
    ]


def test_full_name_with_a_role_survives_a_headline_that_reads_like_a_firm():
    text = (
        "SEC OKAYS BOESKY FIRMS' MOVE\n\nWASHINGTON - Two firms controlled by inside trader "
        "Ivan Boesky may pay claimants, the agency said. The Ivan Boesky firms agreed."
    )
    assert extract_people(text) == ["Ivan Boesky"]


def test_a_name_in_parentheses_is_not_taken_for_an_acronym():
    text = '"I told (Reagan) what I thought," Volcker said. Reagan declined to comment.'
    assert extract_people(text) == ["Volcker", "Reagan"]
