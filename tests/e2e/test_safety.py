"""Terminal safety: text from files never reaches the screen as a control
sequence or as rich markup, in any command or output mode, on both engines
(snippets and highlights come from each engine's own highlighter)."""

import json

import pytest

from tests.helpers.cluster import ENGINES, location_on
from tests.helpers.hostile import (
    HOSTILE_NAMES,
    MARKUP,
    UNDECODABLE_NAMES,
    WORD,
    decoded,
    interpretable,
    named,
    run_newsgrep,
    write_hostile_corpus,
)

STORIES = 2 + len(HOSTILE_NAMES)  # the headline and header stories, and the odd names


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    """Stories and file names full of escapes and markup."""
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    write_hostile_corpus(corpus)
    return corpus


@pytest.fixture(scope="module", params=ENGINES)
def hostile_index(request, hostile_corpus, tmp_path_factory):
    """The hostile corpus indexed, on each engine in turn."""
    with location_on(request.param, tmp_path_factory.mktemp("engine"), request) as index:
        result = run_newsgrep("index", str(hostile_corpus), index=index)
        assert result.returncode == 0, result.stderr
        yield index


def _safe(result, colours=False, allowed="\n\t"):
    """The run's stdout and stderr, checked to be valid UTF-8 a terminal shows as is."""
    out, err = decoded(result.stdout), decoded(result.stderr)
    assert interpretable(out, colours, allowed) == []
    assert interpretable(err) == []
    assert "Traceback" not in err
    return out, err


def test_indexing_hostile_files_prints_nothing_a_terminal_acts_on(hostile_corpus, tmp_path):
    result = run_newsgrep("index", "-v", str(hostile_corpus), index=tmp_path / "index")
    out, err = _safe(result)
    assert result.returncode == 0
    skipped = [line for line in err.splitlines() if line.startswith("newsgrep: skipped")]
    assert len(skipped) == 1 and "binary" in skipped[0] and "/bin.txt: " in skipped[0]


@pytest.mark.parametrize("mode", [[], ["--color", "always"], ["--color", "never"], ["-n", "0"]])
def test_human_output_is_safe_and_shows_markup_literally(hostile_index, mode):
    result = run_newsgrep("search", WORD, *mode, index=hostile_index)
    assert result.returncode == 0
    out, _ = _safe(result, colours="always" in mode)
    assert "[bold red]x[/bold red]" in out
    assert "[link=file:///etc/passwd]y[/link]" in out
    assert "click here" in out  # the hyperlink's text stays, its target goes


def test_json_lines_are_valid_and_hold_clean_strings(hostile_index):
    result = run_newsgrep("search", WORD, "--json", "-n", "0", index=hostile_index)
    out, _ = _safe(result)
    hits = [json.loads(line) for line in out.splitlines()]
    assert len(hits) == STORIES
    for hit in hits:
        for value in _strings(hit):
            assert interpretable(value) == [], value
    titles = {hit["title"] for hit in hits}
    assert any(MARKUP in title for title in titles)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


@pytest.mark.parametrize("flags, allowed", [(["-l"], "\n"), (["-l", "-0"], "\0"), (["-c"], "\n")])
def test_paths_and_counts_are_safe(hostile_index, flags, allowed):
    result = run_newsgrep("search", WORD, *flags, index=hostile_index)
    out, _ = _safe(result, allowed=allowed)
    if "-c" in flags:
        assert out.strip() == str(STORIES)
    else:
        assert len(out.strip(allowed).split(allowed)) == STORIES  # one per story, none broken


def test_hostile_file_names_are_shown_cleaned_on_one_line(hostile_index):
    result = run_newsgrep("search", WORD, "--json", index=hostile_index)
    paths = {
        json.loads(line)["path"].rsplit("/", 1)[1] for line in decoded(result.stdout).splitlines()
    }
    assert paths >= {"escname.txt", "new line.txt", "with space [b]markup[red].txt"}


def test_a_file_name_that_is_not_utf8_is_skipped_and_named_as_ls_b_does(tmp_path):
    """Its bytes 0xFF 0xFE show as \\xff\\xfe in the skip line (README: bad input)."""
    named(tmp_path, UNDECODABLE_NAMES[0]).write_text(f"The {WORD} file\n\nA {WORD} story.\n")
    result = run_newsgrep("index", "-v", str(tmp_path), index=tmp_path / "index")
    _, err = _safe(result)
    assert result.returncode == 0
    assert "bad\\xff\\xfebytes.txt: file name is not valid UTF-8" in err
    assert run_newsgrep("search", WORD, index=tmp_path / "index").returncode == 1


OTHER_COMMANDS = [
    ["show", "{story}"],
    ["show", "{story}", "--json"],
    ["show", "{story}", "-q", WORD, "--color", "always"],
    ["show", "{headers}", "--color", "always"],
    ["stats"],
    ["stats", "--json"],
    ["stats", "--color", "always"],
    ["similar", "{story}"],
    ["similar", "{story}", "--json"],
    ["similar", "{story}", "-l"],
    ["search", WORD, "--by", "source"],
    ["search", WORD, "--by", "person", "--color", "always"],
    ["search", WORD, "--dedup"],
    ["search", WORD, "--csv"],
    ["show", "{story}", "--csv"],
    ["search", WORD, "--by", "source", "--csv"],
]


# Sixteen subprocess runs: several seconds.
@pytest.mark.slow
@pytest.mark.parametrize("args", OTHER_COMMANDS, ids=" ".join)
def test_every_other_command_is_safe(hostile_index, hostile_corpus, args):
    """show, stats, similar, --by, --dedup and --csv on hostile stories."""
    corpus = hostile_corpus
    args = [a.format(story=corpus / "headline.txt", headers=corpus / "headers.txt") for a in args]
    result = run_newsgrep(*args, index=hostile_index)
    assert result.returncode in (0, 1), decoded(result.stderr)
    out, _ = _safe(
        result, colours="always" in args, allowed="\r\n\t" if "--csv" in args else "\n\t"
    )
    if args[0] == "show" and "--json" not in args:
        assert "[bold red]x[/bold red]" in out and "[link=file:///etc/passwd]y[/link]" in out
