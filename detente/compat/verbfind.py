"""Finding the verbs of a TABARI/PETRARCH verbs dictionary in a sentence's words.

* Each verb line of a block is a verb or a verb phrase (``BREAK``, ``+BREAK_DOWN``,
  ``WIRE_+TAP``). It matches in its written form, in the irregular forms given in braces,
  and in the regular forms of its verb word (-S, -ED, -ING, as `detente.nlp.inflect`
  makes them): ``DEPART`` matches "departs" and "departed" but not "departes". The words
  of a phrase must be adjacent; the longest phrase wins ("broken down" over "broken").
* A word that is also listed as the dictionary's verb is still a noun when it follows a
  determiner or a possessive ("an accord", "their meeting"), follows a preposition other
  than "to" ("of fighting"), or is followed by a possessive. Modal verbs (the dictionary
  has a ``SHOULD`` block) are never verbs: they only qualify the verb after them.
* A word inside an actor or agent phrase is not a verb ("security force").
"""
from __future__ import annotations

from dataclasses import dataclass

from detente.compat.mentions import Mention
from detente.compat.verbs import VerbDictionary, VerbEntry, VerbPhrase
from detente.compat.words import Word
from detente.compat.wordclass import DETERMINERS, MODALS, POSSESSIVES, PREPOSITIONS
from detente.nlp.inflect import verb_forms


@dataclass(frozen=True)
class VerbHit:
    """A verb phrase found at words `start` to `end` (exclusive), with every
    (verb line, block) pair written that way (a verb may head more than one block)."""

    start: int
    end: int
    senses: tuple[tuple[VerbPhrase, VerbEntry], ...]

    @property
    def head(self) -> int:
        """The position of the verb word itself (``WIRE TAPPED``: TAPPED)."""
        return self.start + self.senses[0][0].head


class VerbFinder:
    """Every form of every verb line of a verbs dictionary, indexed by its first word."""

    def __init__(self, verbs: VerbDictionary | None):
        self._index: dict[str, dict[tuple[str, ...], list[tuple[VerbPhrase, VerbEntry]]]] = {}
        for entry in verbs.entries if verbs else ():
            for phrase in entry.phrases:
                for form in _forms(phrase):
                    self._index.setdefault(form[0], {}).setdefault(form, []).append((phrase, entry))

    def find(self, words: list[Word], mentions: list[Mention]) -> list[VerbHit]:
        """The verbs of `words`, left to right; words in `mentions` are not verbs."""
        inside = {i for m in mentions for i in range(m.start, m.end)}
        hits, at = [], 0
        while at < len(words):
            hit = None if at in inside else self._longest(words, at)
            if hit is None or any(i in inside for i in range(hit.start, hit.end)):
                at += 1
                continue
            if _is_verb(words, hit):
                hits.append(hit)
            at = hit.end
        return hits

    def _longest(self, words: list[Word], at: int) -> VerbHit | None:
        if not words[at].is_word:
            return None
        best = None
        for form, senses in self._index.get(words[at].text, {}).items():
            end = at + len(form)
            if tuple(w.text for w in words[at:end]) == form and (best is None or end > best.end):
                best = VerbHit(at, end, tuple(senses))
        return best


def _is_verb(words: list[Word], hit: VerbHit) -> bool:
    if words[hit.start].text in MODALS:
        return False
    before = words[hit.start - 1].text if hit.start > 0 else ""
    after = words[hit.end].text if hit.end < len(words) else ""
    nominal = before in DETERMINERS or before in POSSESSIVES or (before in PREPOSITIONS and before != "TO")
    return not nominal and after not in POSSESSIVES


def _forms(phrase: VerbPhrase) -> set[tuple[str, ...]]:
    forms = {phrase.words} | {tuple(form.upper().split()) for form in phrase.forms}
    for inflected in verb_forms(phrase.verb.lower()):
        words = list(phrase.words)
        words[phrase.head] = inflected.upper()
        forms.add(tuple(words))
    return forms
