"""Quotations on the command line: said: on the sample corpus, the --quotes
view, --by speaker, show and --json; hostile quotations stay inert."""

import json

import pytest
from click.testing import CliRunner

from newsgrep.cli.app import cli
from newsgrep.model import Article, Quote
from tests.helpers.articles import index_articles
from tests.helpers.hostile import ESCAPES, MARKUP, interpretable
from tests.helpers.paths import SEED

ACCESSION = "Russia will not be queuing up for NATO accession"


def test_said_finds_the_seed_story_by_putins_words(run):
    result = run("search", "said:putin nato", "-l")
    assert result.exit_code == 0
    assert str(SEED) in result.stdout.splitlines()
    # Putin's own words hold no "terrorism"; Robertson's in the same story do.
    assert str(SEED) not in run("search", "said:putin terrorism", "-l").stdout.splitlines()
    assert str(SEED) in run("search", "said:robertson terrorism", "-l").stdout.splitlines()


def test_said_with_phrases_and_filters(run):
    listed = run("search", 'said:"vladimir putin" "nato accession"', "-l").stdout.splitlines()
    assert listed == [str(SEED)]
    filtered = run("search", "said:putin nato", "--source", "RFE/RL", "--since", "2001-11", "-l")
    assert str(SEED) in filtered.stdout.splitlines()
    assert run("search", "said:putin nato date:2002-05", "-l").exit_code == 1
    assert run("search", "said:putin nato", "--source", "AP", "-l").exit_code == 1


def test_quotes_view_shows_the_matching_quotations_under_title_and_date(run):
    out = run("search", "said:putin nato", "--quotes").stdout
    block = out.split(str(SEED), 1)[1].split("\n\n", 1)[0]
    assert f"Vladimir Putin: “{ACCESSION}”" in block
    assert "Robertson" not in block  # his quotations do not match
    assert "…" not in block  # no snippets
    assert out.startswith("1. Russia: Putin Says Not Interested In NATO Membership\n")
    assert "2001-11-22 · RFE/RL" in out.splitlines()[1]


def test_with_said_the_first_snippet_is_the_matching_quotation_and_its_speaker(run_on):
    """The body's snippets may hold other people's words (issue 27): the
    quotation said: matched comes first, on both engines."""
    out = run_on("search", "said:putin nato").stdout
    block = out.split(str(SEED), 1)[1].split("\n\n", 1)[0].strip().splitlines()
    assert block[0].strip() == f"Vladimir Putin: “{ACCESSION}”"
    assert block[1].strip().startswith("…")  # then the snippets, as before
    plain = run_on("search", "nato putin").stdout
    assert "Vladimir Putin: “" not in plain  # without said:, snippets only


def test_quotes_view_without_said_lists_a_few_quotations_and_how_many_more(run):
    out = run("search", "title:Putin title:NATO title:Membership", "--quotes").stdout
    block = out.split(str(SEED), 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in block.strip().splitlines()]
    assert len(lines) == 4 and lines[-1] == "+4 more"
    assert all(line.startswith("Vladimir Putin: “") for line in lines[:3])


@pytest.mark.parametrize("flag", ["--json", "-l", "-c"])
def test_quotes_view_is_for_people_only(run, flag):
    result = run("search", "said:putin", "--quotes", flag)
    assert result.exit_code == 2 and "--quotes" in result.stderr


def test_json_hits_carry_their_quotations_the_matching_first(run):
    hits = [
        json.loads(line)
        for line in run("search", "said:robertson", "--json").stdout.split("\n")
        if line
    ]
    seed = next(hit for hit in hits if hit["path"] == str(SEED))
    assert list(seed)[-1] == "quotes"
    assert seed["quotes"][0]["speaker"] == "George Robertson"
    assert {q["speaker"] for q in seed["quotes"]} == {"George Robertson", "Vladimir Putin"}
    assert all(set(q) == {"speaker", "text"} for q in seed["quotes"])


def test_by_speaker_counts_stories_quoting_each(run):
    rows = dict(
        line.split("\t") for line in run("search", "*", "--by", "speaker").stdout.splitlines()
    )
    assert int(rows["Vladimir Putin"]) == int(run("search", "said:putin", "-c").stdout)
    quoted = run("search", "said:putin nato", "--by", "speaker", "--json").stdout
    values = {json.loads(line)["value"] for line in quoted.splitlines()}
    assert "Vladimir Putin" in values


def test_by_speaker_on_the_sample_corpus_lists_people_not_places_or_datelines(run):
    from newsgrep.extract.lexicon import places

    speakers = {
        line.split("\t")[0] for line in run("search", "*", "--by", "speaker").stdout.splitlines()
    }
    datelines = {run("show", str(path), "--json").stdout for path in SEED.parent.glob("*.txt")}
    dateline_places = {json.loads(story)["place"] for story in datelines}
    assert not speakers & dateline_places  # "Prague", "UNITED NATIONS"
    assert not {s for s in speakers if s.lower() in places()}  # "Baltic", "Lithuania"
    assert not {s for s in speakers if s.isupper()}  # "SCOW", a piece of MOSCOW
    assert "Permanent Joint Council" not in speakers
    # particles and double surnames whole, one name per speaker in a story
    assert {"Jaap de Hoop Scheffer", "Iain Duncan Smith"} <= speakers
    assert not {"Hoop Scheffer", "Duncan Smith"} & speakers


def test_said_finds_every_story_quoting_a_name_with_a_particle(run):
    quoting = {
        path.name for path in SEED.parent.glob("*.txt") if "Hoop Scheffer said" in path.read_text()
    }
    listed = run("search", 'said:"jaap de hoop scheffer"', "-l").stdout.splitlines()
    assert len(quoting) == 3 and {line.rsplit("/", 1)[-1] for line in listed} == quoting


def test_show_lists_the_quotations_after_the_metadata_before_the_text(run):
    out = run("show", str(SEED)).stdout
    header, rest = out.split(str(SEED) + "\n\n", 1)
    quotations, body = rest.split("\n\n", 1)
    assert f"Vladimir Putin: “{ACCESSION}”" in quotations.splitlines()
    assert body.startswith("Moscow, 22 November 2001")
    story = json.loads(run("show", str(SEED), "--json").stdout)
    assert {"speaker": "Vladimir Putin", "text": ACCESSION} in story["quotes"]


@pytest.mark.parametrize("query", ["said:", "said: nato", 'said:""', "said:putin nat*"])
def test_bad_said_is_one_line_and_exit_2(run, query):
    result = run("search", query)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "said:" in result.stderr


@pytest.fixture(scope="module")
def hostile_quotes(tmp_path_factory):
    """Quotations whose words and speaker hold escapes and markup, written
    straight to an index: nothing upstream has cleaned them."""
    quote = Quote(f"walrus {ESCAPES[0]} {MARKUP} {ESCAPES[3]}", f"[red]Evil{ESCAPES[1]} Speaker")
    article = Article("/n/hostile.txt", "The walrus story.", title="Walrus", quotes=[quote])
    return index_articles(tmp_path_factory.mktemp("hostile-quotes") / "ix", [article])


@pytest.mark.parametrize(
    "args",
    [
        ["search", "said:speaker walrus", "--quotes", "--color", "always"],
        ["search", "walrus", "--quotes"],
        ["search", "walrus", "--json"],
        ["search", "walrus", "--by", "speaker"],
        ["show", "/n/hostile.txt", "--color", "always"],
        ["show", "/n/hostile.txt", "--json"],
    ],
)
def test_hostile_quotations_stay_inert(hostile_quotes, args):
    result = CliRunner().invoke(cli, [*args, "--index", str(hostile_quotes)])
    assert result.exit_code == 0, result.output
    assert interpretable(result.stdout, colours="always" in args) == []
    if "--json" not in args and "--by" not in args:
        assert MARKUP in result.stdout and "[red]Evil" in result.stdout


def test_a_misspelt_speaker_or_quoted_word_gets_a_suggestion(run):
    result = run("search", "said:puttin natto")
    assert result.exit_code == 1
    assert "Did you mean: said:Putin NATO?" in result.stderr
