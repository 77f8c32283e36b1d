"""Verb patterns (data/verbs/*.yaml) compiled into an index by inflected first word."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.coding.ontology import Ontology
from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.errors import DataError
from detente.model import VerbPattern
from detente.nlp.inflect import pluralize, verb_forms


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern with what matching needs: the words after the first, and object forms."""

    pattern: VerbPattern
    rest: tuple[str, ...]
    objects: frozenset[str]  # single-word object nouns, every form
    object_phrases: tuple[str, ...]  # multiword object nouns, every form
    participles: frozenset[str]  # first-word forms that can be past participles


@dataclass
class PatternIndex:
    """First-word form -> the patterns that start with it."""

    by_form: dict[str, list[CompiledPattern]] = field(default_factory=dict)
    count: int = 0

    @classmethod
    def load(cls, directory: Path | None = None, ontology: Ontology | None = None) -> "PatternIndex":
        ontology = ontology or Ontology.bundled()
        index = cls()
        for path in sorted((directory or DATA_DIR / "verbs").glob("*.yaml")):
            for entry in load_entries(path, "verbs"):
                index.add(_pattern(entry, ontology), entry.get("forms") or ())
        return index

    def add(self, pattern: VerbPattern, irregular: tuple[str, ...] = ()) -> None:
        words = pattern.verb.lower().split()
        first_forms = set(verb_forms(words[0])) | {f.lower().split()[0] for f in irregular}
        for american, british in (("ize", "ise"), ("yze", "yse")):  # "mobilize" and "mobilise"
            if words[0].endswith(american):
                first_forms |= set(verb_forms(words[0][: -len(american)] + british))
            elif words[0].endswith(british):
                first_forms |= set(verb_forms(words[0][: -len(british)] + american))
        if pattern.noun:
            first_forms = set(pluralize(words[0]))
        participles = {f for f in first_forms if f != words[0] and not f.endswith(("ing", "s"))}
        forms = {form.lower() for noun in pattern.objects for form in pluralize(noun)}
        single = frozenset(f for f in forms if " " not in f)
        multi = tuple(sorted(f for f in forms if " " in f))
        compiled = CompiledPattern(pattern, tuple(words[1:]), single, multi, frozenset(participles))
        for form in first_forms:
            self.by_form.setdefault(form, []).append(compiled)
        self.count += 1

    def candidates(self, lower: str) -> list[CompiledPattern]:
        return self.by_form.get(lower, [])


def _pattern(entry, ontology: Ontology) -> VerbPattern:
    plover, mode, cameo = entry.get("plover"), entry.get("mode"), entry.get("cameo")
    if cameo not in ontology.cameo_names:
        raise DataError(f"unknown CAMEO code {cameo!r}", entry.path, entry.line)
    if not ontology.is_valid_mode(plover, mode):
        raise DataError(f"{mode!r} is not a PLOVER 2.0 mode of {plover}", entry.path, entry.line)
    return VerbPattern(
        verb=entry.get("verb"),
        plover=plover,
        cameo=cameo,
        mode=mode,
        particle=(entry.get("particle") or None),
        objects=tuple(entry.get("objects") or ()),
        noun=bool(entry.get("noun")),
        passive_only=bool(entry.get("passive_only")),
        needs_target=bool(entry.get("needs_target")),
        inverse=bool(entry.get("inverse")),
        source_file=Path(entry.path).name,
        line=entry.line,
    )
