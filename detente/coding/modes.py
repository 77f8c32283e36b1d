"""PLOVER modes for events whose verb sense leaves the mode open, from cue words in the
sentence (data/ontology/modes.yaml): "killed" with "drone strike" is ASSAULT/drone. A
meeting held in the other party's country is a CONSULT/visit."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.coding.ontology import Ontology
from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.errors import DataError
from detente.model import Event, Sentence
from detente.nlp.tokens import token_keys


@dataclass
class ModeCues:
    by_type: dict[str, list[tuple[str, list[tuple[str, ...]]]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None, ontology: Ontology | None = None) -> "ModeCues":
        ontology = ontology or Ontology.bundled()
        cues = cls()
        for entry in load_entries(path or DATA_DIR / "ontology" / "modes.yaml", "modes"):
            plover, mode = entry.get("plover"), entry.get("mode")
            if not ontology.is_valid_mode(plover, mode):
                raise DataError(f"{mode!r} is not a PLOVER 2.0 mode of {plover}", entry.path, entry.line)
            phrases = [tuple(k if cue[:1].isupper() else k.lower() for k in token_keys(cue)) for cue in entry.get("cues")]
            cues.by_type.setdefault(plover, []).append((mode, phrases))
        return cues

    def refine(self, event: Event, sentence: Sentence) -> None:
        """Fill `event.mode` when it is open and the sentence gives a cue."""
        if event.mode is not None:
            return
        if event.plover == "CONSULT" and self._visit(event):
            event.mode = "visit"
            return
        present = {t.lower for t in sentence.tokens}
        for mode, phrases in self.by_type.get(event.plover, ()):
            if any(phrase[0].lower() in present and _occurs(sentence, phrase) for phrase in phrases):
                event.mode = mode
                return

    def _visit(self, event: Event) -> bool:
        """Met in the other party's country: the source visited."""
        where = event.location.country if event.location else None
        hosts = {a.country for a in event.target if a.country}
        own = {a.country for a in event.source if a.country}
        return bool(where) and where in hosts and where not in own


def _occurs(sentence: Sentence, phrase: tuple[str, ...]) -> bool:
    tokens = sentence.tokens
    for at in range(len(tokens) - len(phrase) + 1):
        if all((tokens[at + i].norm == key) if key[:1].isupper() else (tokens[at + i].lower == key) for i, key in enumerate(phrase)):
            return True
    return False
