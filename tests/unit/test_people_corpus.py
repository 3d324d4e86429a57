"""People in the sample corpus's stories, as a reader lists them: the finder
end to end (reader, layout, extraction) on whole articles."""

import pytest

from newsgrep.extract.article import build_article
from newsgrep.readers import read_file
from tests.helpers.paths import CORPUS


def people_of(name: str) -> list[str]:
    path = CORPUS / name
    [raw] = list(read_file(path))
    return build_article(str(path), raw).people


@pytest.mark.parametrize(
    "name, people",
    [
        (
            "ivanov-robertson-talks-2001-11.txt",
            ["Sergei Ivanov", "George Robertson", "Igor Ivanov"],
        ),
        ("oneill-economy-oil-2002-03.txt", ["Paul O'Neill", "Alan Greenspan"]),
        (
            "axis-of-evil-2002-01.txt",
            [
                "George W. Bush",
                "Kim Jong-il",
                "Saddam Hussein",
                "Condoleezza Rice",
                "Mohammad Khatami",
                "Hamid Karzai",
            ],
        ),
        (
            "baltic-states-enter-nato-2004-03.txt",
            [
                "George W. Bush",
                "Jaap de Hoop Scheffer",
                "Simeon Saxe-Coburg-Gotha",
                "Adrian Nastase",
                "Algirdas Brazauskas",
                "Juhan Parts",
                "Indulis Emsis",
                "Colin Powell",
            ],
        ),
        (
            "blair-commons-afghanistan-2001-10.txt",
            ["Tony Blair", "Jack Straw", "Iain Duncan Smith", "Charles Kennedy", "Tam Dalyell"],
        ),
        (
            "chirac-schroder-iraq-2002-10.txt",
            [
                "Jacques Chirac",
                "Gerhard Schröder",
                "Dominique de Villepin",
                "José María Aznar",
                "George W. Bush",
                "Tony Blair",
                "Saddam Hussein",
            ],
        ),
    ],
)
def test_corpus_story_people(name, people):
    assert people_of(name) == people


def test_reporters_of_corpus_stories_are_not_people():
    path = CORPUS / "blair-commons-afghanistan-2001-10.txt"
    [raw] = list(read_file(path))
    article = build_article(str(path), raw)
    assert article.author == ["Catherine Aldridge"]
    assert "Catherine Aldridge" not in article.people
