"""The closed word lists of data/lexicon/, loaded once into sets of words and phrases."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.nlp.tokens import token_keys


@dataclass
class Lexicon:
    """Named word lists: `words[name]` holds single words, `phrases[name]` token tuples."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    values: dict[str, dict[str, int]] = field(default_factory=dict)
    _by_last_word: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None = None) -> "Lexicon":
        lexicon = cls()
        for path in sorted((directory or DATA_DIR / "lexicon").glob("*.yaml")):
            for entry in load_entries(path, "lexicon"):
                lexicon.add(entry.get("list"), entry.get("words"), entry.get("values") or {})
        return lexicon

    def add(self, name: str, items: list[str], values: dict[str, int]) -> None:
        case_sensitive = name == "non_actor_capitals"
        singles, multi = set(), set()
        for item in items:
            keys = token_keys(item if case_sensitive else item.lower())
            (singles if len(keys) == 1 else multi).add(keys[0] if len(keys) == 1 else keys)
        self.words[name] = frozenset(singles)
        self.phrases[name] = frozenset(multi)
        self.values[name] = values
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in multi:
            by_last.setdefault(phrase[-1], []).append(phrase)
        self._by_last_word[name] = by_last

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.words[name]

    def occurs_in(self, name: str, lowers: list[str]) -> bool:
        """Whether any word or phrase of list `name` occurs in `lowers`."""
        if not self.words[name].isdisjoint(lowers):
            return True
        by_last = self._by_last_word[name]
        if by_last.keys().isdisjoint(lowers):
            return False  # the common case, checked at C speed
        return any(word in by_last and self.phrase_ending_at(name, lowers, end) is not None for end, word in enumerate(lowers, start=1))

    def phrase_ending_at(self, name: str, lowers: list[str], end: int) -> int | None:
        """Start index of a phrase of list `name` that ends just before `end`, if any."""
        if end <= 0:
            return None
        if lowers[end - 1] in self.words[name]:
            return end - 1
        for phrase in self._by_last_word[name].get(lowers[end - 1], ()):
            start = end - len(phrase)
            if start >= 0 and tuple(lowers[start:end]) == phrase:
                return start
        return None
