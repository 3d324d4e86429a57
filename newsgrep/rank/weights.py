"""How the words of a query weigh: question words, repeats, titles, proximity.

Applied to words typed side by side (not to phrases, fields or operators'
operands), measured with benchmarks/ranking.py against plain Whoosh:

* question and request words ("what did ... say about", "tell me about")
  match nearly every story; with Whoosh's IDF, which never drops below 1,
  they outweigh the words that matter, so they are dropped while other
  words remain;
* a word typed twice counts twice (BM25's query term frequency), where
  Whoosh would fold the repeats into one;
* a title match counts about as much as a body match: the index already
  doubles title term frequency (schema.TITLE_BOOST), and on news with
  shouted wire headlines a further title boost ranked worse;
* stories where two words typed next to each other stand close together get
  a bonus: a cheap form of the sequential dependence model.
"""

from __future__ import annotations

from collections import Counter

from whoosh import query as q

from newsgrep.engine.whoosh.schema import TEXT_FIELDS

TITLE_WEIGHT = 0.6
PROXIMITY_WEIGHT = 0.6
PROXIMITY_SLOP = 8

# Words that ask rather than say: question words, verbs of asking and
# telling, pronouns and quantifiers that Whoosh's short stop list lets through.
QUESTION_WORDS = frozenset("""
what which who whom whose why how when where whether
do does did done doing say says said saying tell tells told telling
about any anything there here is are was were been be being has have had having
i me my mine you your yours we our us he him his she her it its they them their
please show give find know let like such these those this that some
many much more most other others also just very can could would should will shall
get got going happen happens happened happening
document documents article articles story stories information discuss discusses
discussing describe describes describing mention mentions mentioning relevant
identify concerning regarding
""".split())

_stops: list[tuple[object, frozenset[str]]] = []


def weigh_words(words: list[q.Query], schema, scale: float | None = None) -> q.Query:
    """The query for words typed side by side, each a per-field Or or a term."""
    texts = [plain_word(w) for w in words]
    stops = _question_stems(schema)
    content = [t for t in texts if t and t not in stops]
    others = [w for w, t in zip(words, texts) if t is None]
    if not content and not others:  # a query of question words only: keep them
        content = [t for t in texts if t]
    counts = Counter(content)
    parts: list[q.Query] = [_word(text, count) for text, count in counts.items()]
    parts += others
    parts += _proximity(content)
    return parts[0] if len(parts) == 1 else q.Or(parts, scale=scale)


def plain_word(node: q.Query) -> str | None:
    """The stem of a word typed without field or boost (title:w OR body:w), else None."""
    if (isinstance(node, q.Or) and node.boost == 1 and len(node.subqueries) == len(TEXT_FIELDS)
            and all(isinstance(t, q.Term) and t.boost == 1 for t in node.subqueries)
            and {t.fieldname for t in node.subqueries} == set(TEXT_FIELDS)
            and len({t.text for t in node.subqueries}) == 1):
        return node.subqueries[0].text
    return None


def _word(text: str, count: int) -> q.Query:
    return q.Or([q.Term("title", text, boost=TITLE_WEIGHT * count),
                 q.Term("body", text, boost=float(count))])


def _proximity(texts: list[str]) -> list[q.Query]:
    pairs = list(dict.fromkeys((a, b) for a, b in zip(texts, texts[1:]) if a != b))
    return [
        q.Or([q.Phrase(field, [a, b], slop=PROXIMITY_SLOP, boost=PROXIMITY_WEIGHT)
              for field in TEXT_FIELDS])
        for a, b in pairs
    ]


def _question_stems(schema) -> frozenset[str]:
    """The question words as the body analyser indexes them (the last schema's kept)."""
    analyzer = schema["body"].analyzer
    if not _stops or _stops[0][0] != analyzer:
        stems = frozenset(t.text for w in QUESTION_WORDS for t in analyzer(w, mode="query"))
        _stops[:] = [(analyzer, stems)]
    return _stops[0][1]
