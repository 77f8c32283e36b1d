"""One sentence read the TABARI way: its words, actors, agents, verbs, noun phrases and
the places where its clauses start.

`read_sentence` does what TABARI did before coding: it splits the words
(`detente.compat.words`), finds the actor, agent and verb phrases of the dictionaries,
drops asides in parentheses and the comma clauses the options drop
(`detente.compat.clauses`), and groups the rest into noun phrases (`detente.compat.nps`).

Clause boundaries, where a verb's subject is not looked for beyond: a subordinating word
("after", "that", "who", ...), ';', ':', '--', and a comma that is not inside a list of
actors.
"""
from __future__ import annotations

from dataclasses import dataclass

from detente.compat.clauses import drop_comma_clauses, drop_parentheses
from detente.compat.mentions import ACTOR, Mention, MentionFinder
from detente.compat.nps import Group, Unit, find_groups, find_units
from detente.compat.options import CoderOptions
from detente.compat.verbfind import VerbFinder, VerbHit
from detente.compat.words import COMMA, Word
from detente.compat.wordclass import AUXILIARIES, CONJUNCTIONS, SUBORDINATORS, is_adverb

_CLAUSE_MARKS = frozenset({";", ":", "--"})


@dataclass(frozen=True)
class Reading:
    """A sentence's words after the drops, and what was found in them."""

    words: list[Word]
    mentions: list[Mention]
    verbs: list[VerbHit]
    units: list[Unit]
    groups: list[Group]
    parts: list[Group]  # groups without "of/in/from" phrases, for pattern slots

    def clause_start(self, at: int) -> int:
        """The first word of the clause that word `at` is in."""
        for position in range(at - 1, -1, -1):
            if self.is_boundary(position):
                return position + 1
        return 0

    def is_boundary(self, position: int) -> bool:
        word = self.words[position]
        if word.kind == COMMA:
            return not any(g.start < position < g.end for g in self.groups)
        return word.text in SUBORDINATORS or word.text in _CLAUSE_MARKS

    def last_boundary_comma(self) -> int | None:
        commas = [at for at, w in enumerate(self.words) if w.kind == COMMA and self.is_boundary(at)]
        return commas[-1] if commas else None

    def only_noun_phrases(self, start: int, end: int) -> bool:
        """Whether words `start` to `end` are all in units or adverbs (and there are some)."""
        inside = {i for u in self.units for i in range(u.start, u.end)}
        return end > start and all(i in inside or is_adverb(self.words[i].text) for i in range(start, end))


def read_sentence(words: list[Word], mentions: MentionFinder, verbs: VerbFinder, options: CoderOptions) -> Reading:
    """The reading of `words` with the dictionaries' phrases, after the drops."""
    words = drop_parentheses(words)
    first = _found(words, mentions, verbs)
    words = drop_comma_clauses(words, options, lambda start, end: _must_stay(first, start, end))
    return _found(words, mentions, verbs)


def _found(words: list[Word], mentions: MentionFinder, verbs: VerbFinder) -> Reading:
    found = mentions.find(words)
    hits = verbs.find(words, found)
    units = find_units(words, found, hits)
    return Reading(words, found, hits, units, find_groups(words, units), find_groups(words, units, with_owners=False))


def _must_stay(reading: Reading, start: int, end: int) -> bool:
    """Whether a comma clause is no aside: a part of a list of actors (it names one and has
    no verb), or the rest of the sentence's own clause (it starts with a conjunction, an
    auxiliary or a verb: "Arnor's minister, in remarks on Monday, will restore ...")."""
    first = reading.words[start].text
    if first in CONJUNCTIONS or first in AUXILIARIES or any(v.start == start for v in reading.verbs):
        return True
    names = any(m.kind == ACTOR and start <= m.start and m.end <= end for m in reading.mentions)
    return names and not any(start <= v.start < end for v in reading.verbs)
