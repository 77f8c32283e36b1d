"""PLOVER contexts of an event: from its CAMEO code and from cue words in its sentence
(data/ontology/contexts.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.model import Sentence
from detente.nlp.tokens import token_keys


@dataclass
class ContextTagger:
    by_cameo: list[tuple[str, str]] = field(default_factory=list)  # (code prefix, context)
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # first word -> (phrase, context)
    _code_cache: dict[str, frozenset[str]] = field(default_factory=dict)
    _last: tuple[Sentence, frozenset[str]] | None = None  # the last sentence asked about, and its contexts

    @classmethod
    def load(cls, path: Path | None = None) -> "ContextTagger":
        tagger = cls()
        for entry in load_entries(path or DATA_DIR / "ontology" / "contexts.yaml", "contexts"):
            context = entry.get("context")
            tagger.by_cameo += [(prefix, context) for prefix in entry.get("cameo") or ()]
            for cue in entry.get("cues") or ():
                keys = tuple(k if cue[:1].isupper() else k.lower() for k in token_keys(cue))
                tagger.cues.setdefault(keys[0].lower(), []).append((keys, context))
        return tagger

    def __call__(self, sentence: Sentence, cameo: str) -> list[str]:
        return sorted(self._of_code(cameo) | self._of_sentence(sentence))

    def _of_sentence(self, sentence: Sentence) -> frozenset[str]:
        """The contexts the sentence's cue words name; every event of a sentence asks, so
        the last sentence's answer is kept."""
        if self._last is not None and self._last[0] is sentence:
            return self._last[1]
        found = set()
        tokens = sentence.tokens
        if not self.cues.keys().isdisjoint(sentence.lowers):
            for at, token in enumerate(tokens):
                for phrase, context in self.cues.get(token.lower, ()):
                    words = tokens[at : at + len(phrase)]
                    if len(words) == len(phrase) and all(_same(t, k) for t, k in zip(words, phrase)):
                        found.add(context)
        self._last = (sentence, frozenset(found))
        return self._last[1]


    def _of_code(self, cameo: str) -> frozenset[str]:
        cached = self._code_cache.get(cameo)
        if cached is None:
            cached = self._code_cache[cameo] = frozenset(c for prefix, c in self.by_cameo if cameo.startswith(prefix))
        return cached


def _same(token, key: str) -> bool:
    return token.norm == key if key[:1].isupper() else token.lower == key
