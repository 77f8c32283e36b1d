"""Names that often mean something else: "Georgia" the US state, "Michael Jordan",
"the Washington Post", "the Niger River". Rules are data (data/actors/ambiguity.yaml);
this module applies them to a name found in a sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.model import Sentence
from detente.nlp.tokens import token_keys


@dataclass(frozen=True)
class AmbiguityRule:
    not_before: tuple[tuple[str, ...], ...] = ()
    not_after: tuple[tuple[str, ...], ...] = ()
    cancel: tuple[tuple[str, ...], ...] = ()
    confirm: tuple[tuple[str, ...], ...] = ()


@dataclass
class AmbiguityRules:
    rules: dict[str, AmbiguityRule] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> "AmbiguityRules":
        rules = {}
        for entry in load_entries(path or DATA_DIR / "actors" / "ambiguity.yaml", "ambiguity"):
            keys = {k: tuple(token_keys(w) for w in entry.get(k) or ()) for k in ("not_before", "not_after", "cancel", "confirm")}
            rules[entry.get("name")] = AmbiguityRule(**keys)
        return cls(rules)

    def keeps(self, sentence: Sentence, start: int, end: int, is_actor_at: Callable[[int], bool], non_names: frozenset[str]) -> bool:
        """Whether the ambiguous name at tokens start..end names the state or body."""
        tokens = sentence.tokens
        if _in_longer_name(tokens, start, end, is_actor_at, non_names):
            return False
        rule = self.rules.get(sentence.span_text(start, end))
        if rule is None:
            return True
        if any(_occurs(tokens, phrase) for phrase in rule.confirm):
            return True
        if any(_matches_at(tokens, end, phrase) for phrase in rule.not_before):
            return False
        if any(_matches_at(tokens, start - len(phrase), phrase) for phrase in rule.not_after):
            return False
        return not any(_occurs(tokens, phrase) for phrase in rule.cancel)


def _in_longer_name(tokens, start: int, end: int, is_actor_at, non_names: frozenset[str]) -> bool:
    """ "Michael Jordan", "George Washington", "Washington Post", "Chad Smith"."""
    if start > 0:
        before = tokens[start - 1].norm
        if _capitalised(before) and before not in non_names and not is_actor_at(start - 1):
            return True
    if end < len(tokens):
        after = tokens[end].norm
        if _capitalised(after) and after not in non_names and not is_actor_at(end):
            return True
    return False


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha()


def _matches_at(tokens, at: int, phrase: tuple[str, ...]) -> bool:
    if at < 0 or at + len(phrase) > len(tokens):
        return False
    return all(_same(tokens[at + i], key) for i, key in enumerate(phrase))


def _occurs(tokens, phrase: tuple[str, ...]) -> bool:
    first = phrase[0].lower()
    return any(t.lower == first and _matches_at(tokens, at, phrase) for at, t in enumerate(tokens))


def _same(token, key: str) -> bool:
    return token.norm == key if key[:1].isupper() else token.lower == key.lower()
