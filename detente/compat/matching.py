"""Matching TABARI/PETRARCH verb patterns around a verb found in a sentence.

A pattern such as ``- + KNOWN_ * IN_ $ [076]`` has tokens before the verb ``*`` (its
upper part, matched backwards from the verb) and after it (its lower part, matched
forwards). As the validation records use them:

* A word matches that whole word. Joined by '_' to its neighbour (or to the verb: ``IN_*``,
  ``*_OUT``) it must be next to it; otherwise any words may come between ("INDICATED
  WOULD * NOW" matches "indicated it would act now"). No stems: "efforts" is not
  ``EFFORT``.
* ``&SET`` matches any member of the synonym set, a member's words as the member writes
  them (``+GOLDEN_GOBLIN_GALLEONS`` needs all three words in a row).
* ``$`` takes the source and ``+`` the target: the nearest coded actor group before the
  place reached (upper part) or the next one after it (lower part). ``%`` takes a compound
  group (two or more actors): before the verb it is the source, after it the target.
  ``^`` skips one noun phrase ("IFTAR AT ^ ^ +": "Iftar at Osgiliath with the parliament
  of Gondor" skips Osgiliath and "the parliament", and Gondor is the target).
* Of the patterns that match, the one that matched most (words, counting a set member's
  words, plus slots) wins, the first written on a tie: "HEAVILY UNJUSTLY *" beats
  "HEAVILY *", and "* &HYPERCURR" (AUSTRIAN GOLD FLORIN) beats "* &CURRENCY" (AUSTRIAN
  FLORIN, with "gold" between).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from detente.compat.nps import Group, Unit
from detente.compat.phrases import SYNSET, WORD, Token
from detente.compat.verbs import Pattern
from detente.compat.words import Word

# the kinds of slot tokens (`detente.compat.phrases.MARKERS`), which are also the roles
SOURCE, TARGET, COMPOUND, SKIP = "source", "target", "compound", "skip"


@dataclass(frozen=True)
class PatternMatch:
    """A pattern that matched: its score and the groups its slots took."""

    pattern: Pattern
    score: int
    roles: dict[str, Group] = field(default_factory=dict)
    compound_before: bool = False


@dataclass(frozen=True)
class _State:
    score: int = 0
    roles: tuple[tuple[str, Group], ...] = ()

    def take(self, role: str, group: Group) -> "_State":
        return _State(self.score + 1, self.roles + ((role, group),))

    def scored(self) -> "_State":
        return _State(self.score + 1, self.roles)

    def used(self, group: Group) -> bool:
        return any(taken is group for _, taken in self.roles)


class PatternMatcher:
    """Patterns matched against one sentence's words, units and groups."""

    def __init__(self, words: list[Word], units: list[Unit], groups: list[Group], parts: list[Group],
                 expand: Callable[[str], tuple[tuple[Token, ...], ...]]):
        self.words, self.units, self.expand = words, units, expand
        self.groups = [g for g in groups if g.coded]
        # a slot reached inside "the parliament of Gondor" (after a ^) takes "Gondor"
        inner = [p for p in parts if p.coded and any(g.start < p.start and p.end <= g.end for g in groups)]
        self.slots = sorted(self.groups + inner, key=lambda g: (g.start, g.end))

    def best(self, patterns: list[Pattern], start: int, end: int, limit: int) -> PatternMatch | None:
        """The best of `patterns` around the verb at words `start`-`end`; the lower part
        is matched up to word `limit`."""
        best = None
        for pattern in patterns:
            found = self.match(pattern, start, end, limit)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def match(self, pattern: Pattern, start: int, end: int, limit: int) -> PatternMatch | None:
        upper = self._upper(list(pattern.before), len(pattern.before) - 1, start, pattern.verb_attached, _State())
        if upper is None:
            return None
        lower = self._lower(list(pattern.after), 0, end, limit, upper)
        if lower is None:
            return None
        roles = dict(lower.roles)
        before = any(role == COMPOUND for role, _ in upper.roles)
        return PatternMatch(pattern, lower.score, roles, before)

    # --- the lower part: forwards from the verb -----------------------------------------

    def _lower(self, tokens: list[Token], k: int, at: int, limit: int, state: _State) -> _State | None:
        if k == len(tokens):
            return state
        token = tokens[k]
        if token.kind == SYNSET:
            return self._splice(tokens, k, lambda spliced: self._lower(spliced, k, at, limit, state))
        if token.kind == WORD:
            for position in ([at] if token.attached else range(at, limit)):
                if position < limit and self._is(position, token.text):
                    found = self._lower(tokens, k + 1, position + 1, limit, state.scored())
                    if found is not None:
                        return found
            return None
        if token.kind == SKIP:
            return self._lower(tokens, k + 1, self._skip_forward(at), limit, state.scored())
        group = next((g for g in self.slots if g.start >= at and g.end <= limit and not state.used(g)), None)
        if group is None or (token.attached and group.start != at) or not _fits(token.kind, group):
            return None
        return self._lower(tokens, k + 1, group.end, limit, state.take(token.kind, group))

    def _skip_forward(self, at: int) -> int:
        for unit in self.units:
            if unit.start < at < unit.end or unit.start >= at:
                return unit.end
        return at

    # --- the upper part: backwards from the verb ----------------------------------------

    def _upper(self, tokens: list[Token], k: int, at: int, joined: bool, state: _State) -> _State | None:
        """Match tokens[k] and those before it, ending before word `at`; `joined` says
        whether tokens[k] must end right at `at`."""
        if k < 0:
            return state
        token = tokens[k]
        if token.kind == SYNSET:
            return self._splice(tokens, k, lambda spliced: self._upper(spliced, k + _grown(spliced, tokens), at, joined, state))
        if token.kind == WORD:
            for position in ([at - 1] if joined else range(at - 1, -1, -1)):
                if position >= 0 and self._is(position, token.text):
                    found = self._upper(tokens, k - 1, position, token.attached, state.scored())
                    if found is not None:
                        return found
            return None
        if token.kind == SKIP:
            return self._upper(tokens, k - 1, self._skip_backward(at), token.attached, state.scored())
        group = next((g for g in reversed(self.groups) if g.end <= at and not state.used(g)), None)
        if group is None or (joined and group.end != at) or not _fits(token.kind, group):
            return None
        return self._upper(tokens, k - 1, group.start, token.attached, state.take(token.kind, group))

    def _skip_backward(self, at: int) -> int:
        for unit in reversed(self.units):
            if unit.start < at < unit.end or unit.end <= at:
                return unit.start
        return at

    # --- shared ---------------------------------------------------------------------------

    def _splice(self, tokens: list[Token], k: int, go: Callable[[list[Token]], _State | None]) -> _State | None:
        """Try each member of the set at tokens[k] in its place."""
        for member in self.expand(tokens[k].text):
            first = replace(member[0], attached=tokens[k].attached)
            found = go(tokens[:k] + [first, *member[1:]] + tokens[k + 1:])
            if found is not None:
                return found
        return None

    def _is(self, position: int, text: str) -> bool:
        word = self.words[position]
        wanted = text[:-1] if len(text) > 1 and text.endswith(".") else text
        return word.is_word and word.key == wanted


def _grown(spliced: list[Token], tokens: list[Token]) -> int:
    """How many tokens a splice added (the upper part continues from the member's last)."""
    return len(spliced) - len(tokens)


def _fits(kind: str, group: Group) -> bool:
    return kind != COMPOUND or group.is_compound
