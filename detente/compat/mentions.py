"""Finding the actors and agents of TABARI/PETRARCH dictionaries in a sentence's words.

Conventions, as the dictionaries and the PETRARCH validation records use them:

* A phrase's words match whole words, in any case. Words joined by '_' must be adjacent
  (``MINAS_TIRITH``); a space lets up to `MAX_GAP` other noun-phrase words come between
  (``ITHILEN TELEVISION`` is found in "Ithilen state-run television"). Agent phrases are
  matched word by word.
* A word is not a stem: PETRARCH dropped TABARI's stem matching, so ``THE_AU`` does not
  match "The Australian" nor ``THE_KU`` "The Kuwait" (the validation records check it).
  A trailing '_' therefore changes nothing.
* An agent without braces also matches its regular plural (``OFFICIAL``: "officials");
  with braces, only the plurals given (``POLICE {}`` has none, so "polices" is no agent).
* At each word the longest phrase wins, actor or agent (``NEW_ZEALAND`` over the synonym
  ``ZEALAND``, ``MAIN_OPPOSITION_GROUP`` over ``OPPOSITION_GROUP``), reading left to right.
"""
from __future__ import annotations

from dataclasses import dataclass

from detente.compat.actors import ActorDictionary, ActorEntry
from detente.compat.agents import AgentDictionary, AgentEntry
from detente.compat.words import Word
from detente.compat.wordclass import POSSESSIVES, breaks_noun_phrase
from detente.nlp.inflect import pluralize

ACTOR, AGENT = "actor", "agent"
MAX_GAP = 2


@dataclass(frozen=True)
class Mention:
    """An actor or agent phrase found at words `start` to `end` (exclusive)."""

    start: int
    end: int
    kind: str
    entry: ActorEntry | AgentEntry


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    joined: tuple[bool, ...]  # joined[k]: word k must follow word k-1 directly
    kind: str
    entry: ActorEntry | AgentEntry


class MentionFinder:
    """The actor and agent phrases of two dictionaries, indexed by their first word."""

    def __init__(self, actors: ActorDictionary | None, agents: AgentDictionary | None):
        self._index: dict[str, list[_Phrase]] = {}
        for entry in actors.entries if actors else ():
            for tokens in entry.phrases:
                words = tuple(_key(token.text) for token in tokens)
                self._add(_Phrase(words, tuple(k == 0 or t.attached for k, t in enumerate(tokens)), ACTOR, entry))
        for entry in agents.entries if agents else ():
            for text in _agent_phrases(entry):
                words = tuple(_key(word) for word in text.split())
                self._add(_Phrase(words, (True,) * len(words), AGENT, entry))

    def _add(self, phrase: _Phrase) -> None:
        self._index.setdefault(phrase.words[0], []).append(phrase)

    def find(self, words: list[Word]) -> list[Mention]:
        """The mentions in `words`, left to right, none overlapping."""
        found, at = [], 0
        while at < len(words):
            best = self._longest(words, at)
            if best is None:
                at += 1
                continue
            found.append(best)
            at = best.end
        return found

    def _longest(self, words: list[Word], at: int) -> Mention | None:
        best, best_size = None, (0, 0)
        for phrase in self._index.get(words[at].key, ()) if words[at].is_word else ():
            end = _match(words, at, phrase)
            size = (len(phrase.words), -(end or 0))
            if end is not None and size > best_size:
                best, best_size = Mention(at, end, phrase.kind, phrase.entry), size
        return best


def _match(words: list[Word], at: int, phrase: _Phrase) -> int | None:
    """The end of `phrase` matched from word `at`, or None."""
    position = at
    for word, joined in zip(phrase.words[1:], phrase.joined[1:]):
        position = _next(words, position + 1, word, 0 if joined else MAX_GAP)
        if position is None:
            return None
    return position + 1


def _next(words: list[Word], start: int, wanted: str, gap: int) -> int | None:
    for position in range(start, min(start + gap + 1, len(words))):
        word = words[position]
        if word.is_word and word.key == wanted:
            return position
        if not word.is_word or word.text in POSSESSIVES or breaks_noun_phrase(word.text):
            return None
    return None


def _agent_phrases(entry: AgentEntry) -> list[str]:
    phrases = list(entry.phrases)
    if entry.plurals is None:
        phrases += [plural.upper() for phrase in entry.phrases for plural in pluralize(phrase.lower())[1:]]
    return phrases


def _key(word: str) -> str:
    word = word.upper()
    return word[:-1] if len(word) > 1 and word.endswith(".") else word
