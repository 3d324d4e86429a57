"""How the words of a query weigh: titles, proximity and coordination.

Applied to plain words typed side by side (not to phrases, fields or
operators' operands) by the engine that compiles the query tree, measured
with benchmarks/ranking.py against plain Whoosh, together with the query
package's own decisions on such words (query/questions.py: question and
request words are dropped while other words remain; a word typed twice
counts twice, BM25's query term frequency, where Whoosh would fold the
repeats into one):

* a title match counts about as much as a body match: the index already
  doubles title term frequency (schema.TITLE_BOOST), and on news with
  shouted wire headlines a further title boost ranked worse;
* stories where two words typed next to each other stand close together get
  a bonus: a cheap form of the sequential dependence model, scored on the
  top candidates of a first pass only;
* stories that have more of the clauses typed side by side rank higher
  (Whoosh's coordination bonus, scaled).
"""

from __future__ import annotations

# A title match's weight beside a body match's 1.
TITLE_WEIGHT = 0.6
# Two neighbouring words within PROXIMITY_SLOP positions: a bonus of this weight.
# Added after coordination (a second pass), so no longer scaled down with the
# words' scores: 0.4 here weighs about what 0.6 did inside the coordinated query.
PROXIMITY_WEIGHT = 0.4
PROXIMITY_SLOP = 8
# The proximity bonus is scored on this many top hits of a first pass without
# it, not as span matching over every story that holds both words (slow on
# common words at scale). Relevant stories far below the first hundred rarely
# climb into a page on a bonus this size; benchmarks/ranking.py checks it.
PROXIMITY_CANDIDATES = 100
# The coordination bonus for stories that have more of the clauses typed.
COORDINATION = 0.9
