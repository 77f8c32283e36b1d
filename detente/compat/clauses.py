"""What TABARI and PETRARCH take out of a sentence before coding it.

* **Discards**: a sentence holding a phrase of the discards file is not coded; one holding
  a ``+`` phrase stops the whole story (`discard_kind`). Phrases match whole words in
  sequence, in any case ("a typhoon trashed" holds ``+TYPHOON``).
* **Parentheses**: an aside in parentheses is dropped ("the European Union (EU)").
* **Comma clauses**: the words between two commas (a clause inside the sentence), before
  the first comma (at its beginning) or after the last (at its end) are dropped when
  their length in words is within `CoderOptions`' bounds for that place: "Arnor's foreign
  minister, in remarks published on Monday, urged Eriador" is coded as "Arnor's foreign
  minister urged Eriador"; "..., a senior official said on Saturday" loses its ending.
  A clause that names an actor and holds no verb is kept: it is part of a list of actors
  ("Evil Mordor, the awful Fornost, and good Gondor").
"""
from __future__ import annotations

from typing import Callable

from detente.compat.discards import DiscardList
from detente.compat.options import CoderOptions
from detente.compat.words import COMMA, Word
from detente.compat.wordclass import POSSESSIVES

STORY, SENTENCE = "story", "sentence"


def discard_kind(words: list[Word], discards: DiscardList | None) -> str | None:
    """``story`` or ``sentence`` when `words` hold a discard phrase of that kind, else None."""
    if discards is None:
        return None
    keys = [w.key for w in words if w.is_word]
    for entry in sorted(discards.entries, key=lambda e: not e.story):
        phrase = [word.upper() for word in entry.words]
        if any(keys[at:at + len(phrase)] == phrase for at in range(len(keys) - len(phrase) + 1)):
            return STORY if entry.story else SENTENCE
    return None


def drop_parentheses(words: list[Word]) -> list[Word]:
    """`words` without what stands between '(' and ')'."""
    kept, depth = [], 0
    for word in words:
        if word.text == "(":
            depth += 1
        elif word.text == ")" and depth:
            depth -= 1
        elif not depth:
            kept.append(word)
    return kept


def drop_comma_clauses(words: list[Word], options: CoderOptions, protected: Callable[[int, int], bool]) -> list[Word]:
    """`words` without the comma clauses the options drop; `protected(start, end)` says
    which spans of words must stay."""
    commas = [at for at, word in enumerate(words) if word.kind == COMMA]
    if not commas:
        return words
    end = len(words) - 1 if words and not words[-1].is_word and words[-1].kind != COMMA else len(words)
    bounds = [-1, *commas, end]
    dropped: set[int] = set()
    for index in range(len(bounds) - 1):
        start, stop = bounds[index] + 1, bounds[index + 1]
        where = "begin" if index == 0 else "end" if index == len(bounds) - 2 else "middle"
        if stop > start and options.drops(where, _length(words, start, stop)) and not protected(start, stop):
            dropped.update(range(start, stop))
            dropped.update(_commas_of(where, bounds[index], bounds[index + 1], end))
    return [word for at, word in enumerate(words) if at not in dropped]


def _commas_of(where: str, before: int, after: int, end: int) -> list[int]:
    """The commas that go with a dropped clause: the one after a beginning, the one before
    an ending, both around a clause inside."""
    if where == "begin":
        return [after]
    if where == "end":
        return [before]
    return [before, after] if after != end else [before]


def _length(words: list[Word], start: int, stop: int) -> int:
    return sum(1 for word in words[start:stop] if word.is_word and word.text not in POSSESSIVES)
