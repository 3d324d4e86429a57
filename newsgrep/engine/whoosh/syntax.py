"""The Whoosh query parser, configured for newsgrep's syntax.

Lucene-like, as Whoosh parses it, with three changes: words typed side by
side build a :class:`SideBySide` group (query.py makes metadata clauses in it
required), ``+``/``-`` count only at the start of a word (``ITAR-TASS`` is one
word), and a typed word that analyses to several tokens (``O'Neill``) is a
phrase rather than an OR of its pieces. 'Single quotes' are not syntax: they
would swallow apostrophes ("Putin's view and Bush's plan").
"""

from __future__ import annotations

from whoosh import qparser
from whoosh import query as q
from whoosh.matching.binary import AndNotMatcher
from whoosh.qparser import syntax

from newsgrep.engine.whoosh.schema import TEXT_FIELDS

# The coordination bonus for stories that have more of the words typed.
COORDINATION = 0.9


class ExclusionMatcher(AndNotMatcher):
    """Whoosh 2.7.5's AndNotMatcher, with its first step fixed.

    Whoosh skips the excluded postings forward to the first candidate only
    when both already sit on the same story, so 'nato -russia' kept the
    first NATO story whenever a story with Russia came before it.
    """

    def _find_first(self):
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class AndNot(q.AndNot):
    """'a ANDNOT b' that really leaves out every story matching b."""

    def matcher(self, searcher, context=None):
        kept = self.a.matcher(searcher, context)
        left_out = self.b.matcher(searcher, searcher.boolean_context())
        return ExclusionMatcher(kept, left_out)


class SideBySide(q.Or):
    """The Or built for clauses typed with no operator between them."""


class SideBySideGroup(syntax.OrGroup):
    qclass = SideBySide

    def __init__(self, nodes=None, **kwargs):
        kwargs["scale"] = COORDINATION
        super().__init__(nodes=nodes, **kwargs)


class Parser(qparser.QueryParser):
    def multitoken_query(self, spec, texts, fieldname, termclass, boost):
        # "O'Neill", "Vike-Freiberga": one word typed, so its pieces stand together.
        return super().multitoken_query("phrase", texts, fieldname, termclass, boost)


class PlusMinus(qparser.PlusMinusPlugin):
    """+word and -word, but only at the start of a word."""

    def __init__(self):
        super().__init__(plusexpr=r"(?:^|(?<=[\s(]))\+(?=\S)",
                         minusexpr=r"(?:^|(?<=[\s(]))-(?=\S)")

    def do_plusminus(self, parser, group):
        # Whoosh's version rebuilds the group as a plain OrGroup, losing the
        # parser's grouping class; this one keeps it.
        required, optional, banned = syntax.AndGroup(), type(group)(), syntax.OrGroup()
        target = optional
        for node in group:
            if isinstance(node, self.Plus):
                target = required
            elif isinstance(node, self.Minus):
                target = banned
            else:
                target.append(node)
                target = optional
        result = optional
        if required:
            result = syntax.AndMaybeGroup([required, result])
        if banned:
            result = syntax.AndNotGroup([result, banned])
        return result


def parser_for(schema) -> Parser:
    """A parser for the schema of the index being searched (building one takes
    under a millisecond, so none is cached)."""
    parser = Parser(None, schema, group=SideBySideGroup)
    parser.add_plugin(qparser.MultifieldPlugin(list(TEXT_FIELDS)))
    parser.remove_plugin_class(qparser.SingleQuotePlugin)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(PlusMinus())
    parser.add_plugin(qparser.GtLtPlugin())
    return parser
