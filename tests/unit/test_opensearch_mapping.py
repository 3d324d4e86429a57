"""The OpenSearch mapping mirrors the Whoosh schema (no cluster needed)."""

from __future__ import annotations

import re

from whoosh.analysis import filters, tokenizers

from newsgrep.engine.opensearch import mapping
from newsgrep.engine.whoosh.schema import FACET_COLUMNS, PATH_COLUMN, build_schema
from newsgrep.engine.whoosh.writer import article_fields
from newsgrep.model import Article

# Whoosh's columns: near-duplicate sketches (the cluster's folding
# fingerprints the texts its search returns, the same sketches computed there)
# the facet columns Whoosh counts from without stored documents (OpenSearch
# counts with aggregations over the fields themselves) and the path column -l
# reads (OpenSearch lists the paths from its hits' _source).
WHOOSH_ONLY = {"sketch", PATH_COLUMN} | set(FACET_COLUMNS.values())


def test_every_whoosh_field_is_mapped_under_its_name():
    properties = mapping.index_body()["mappings"]["properties"]
    # run: the writer's own; quotations: the quotes for display, not indexed.
    assert set(properties) == set(build_schema().names()) - WHOOSH_ONLY | {"run", "quotations"}


def test_quotes_are_analysed_as_the_body_keeping_the_speaker_mark():
    properties = mapping.index_body()["mappings"]["properties"]
    assert properties["quotes"]["analyzer"] == properties["body"]["analyzer"]
    assert properties["quotes"]["position_increment_gap"] == mapping.ELEMENT_GAP
    assert re.fullmatch(mapping.WORD_PATTERN, "_putin")  # the mark is a word character
    assert properties["quotations"]["enabled"] is False


def test_text_is_analysed_like_whoosh():
    # Copied to spare index creation Whoosh's import: the copies must not drift.
    assert set(mapping.STOP_WORDS) == set(filters.STOP_WORDS)
    assert mapping.WORD_PATTERN == tokenizers.default_pattern.pattern.replace(r"\*", "*")
    analysis = mapping.index_body()["settings"]["index"]["analysis"]
    words = analysis["analyzer"]["newsgrep_words"]
    # Whoosh stems with Snowball's Porter (engine/whoosh/stemming.py)
    assert analysis["filter"][words["filter"][-1]] == {"type": "snowball", "language": "Porter"}
    assert {"lowercase", "asciifolding"} <= set(words["filter"])


def test_the_word_pattern_finds_what_whoosh_finds():
    text = "The U.S. deal, Schröder's e-mail; 3.5% growth"
    ours = [m.group(0) for m in re.finditer(mapping.WORD_PATTERN, text)]
    theirs = [t.text for t in tokenizers.RegexTokenizer()(text)]
    assert ours == theirs


def test_names_count_by_their_written_value_and_match_word_by_word():
    properties = mapping.index_body()["mappings"]["properties"]
    for name in ("people", "place", "author", "source"):
        assert properties[name]["fields"]["keyword"]["type"] == "keyword"
    assert properties["people"]["analyzer"] == "newsgrep_names"
    assert properties["people"]["position_increment_gap"] >= 1000
    assert properties["file"]["type"] == properties["path"]["type"] == "keyword"
    assert properties["date"]["type"] == "date"


def test_scoring_is_bm25_with_whooshs_parameters():
    from newsgrep.rank.weights import RANKING

    settings = mapping.index_body()["settings"]["index"]
    body = settings["similarity"][mapping.SIMILARITY]
    title = settings["similarity"][mapping.TITLE_SIMILARITY]
    assert (body["k1"], body["b"]) == (RANKING.k1, RANKING.body_b)
    assert (title["k1"], title["b"]) == (RANKING.k1, RANKING.title_b)
    properties = mapping.index_body()["mappings"]["properties"]
    assert properties["body"]["similarity"] == mapping.SIMILARITY
    assert properties["title"]["similarity"] == mapping.TITLE_SIMILARITY


def test_unknown_fields_are_refused():
    assert mapping.index_body()["mappings"]["dynamic"] == "strict"
    whoosh_doc = article_fields(Article(path="/a", body="b"), "/a")
    stored_only = {k for k in whoosh_doc if k.startswith("_stored_")} | WHOOSH_ONLY
    assert set(whoosh_doc) - stored_only <= set(mapping.index_body()["mappings"]["properties"])


def test_no_analyzer_makes_a_term_lucene_refuses():
    analysis = mapping.index_body()["settings"]["index"]["analysis"]
    for name, analyzer in analysis["analyzer"].items():
        capped = [f for f in analyzer["filter"] if analysis["filter"].get(f, {}).get("max")]
        assert capped, name
    assert 4 * mapping.LONGEST_WORD <= 32766
