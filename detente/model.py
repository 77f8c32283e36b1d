"""The one data model every pipeline step reads and writes.

A `Document` enters the pipeline with only its text and metadata. Each step fills in
more: sentences and their tokens, actor mentions, dates, quantities, places, verb
matches and finally events. `Event.to_dict()` is the output record of CONTRACT section 2.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Token:
    """One token of a sentence; `start`/`end` are offsets into the sentence text."""

    text: str
    start: int
    end: int
    norm: str  # text with curly quotes straightened
    lower: str


@dataclass(slots=True)
class Actor:
    """Who: a state, an organisation or a person, with the words that name it.

    `start`/`end` are token indices in the sentence (end exclusive). `kind` says what
    matched: country, capital, seat, demonym, people, org, person, sector, pronoun, name.
    """

    text: str
    start: int
    end: int
    kind: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    person: str | None = None
    head: str | None = None  # the role noun, e.g. "embassy", used by document memory
    possessor: str | None = None  # "his", "her", "its", "their" before the head
    human: bool = False  # names a person (ambassador, Putin), not a body (embassy, Russia)
    inferred: bool = False  # not named as this event's target: taken from the context
    companions: list["Actor"] = field(default_factory=list)  # the others of "the two leaders", "both sides"
    code: str | None = None  # its TABARI/PETRARCH code, when a --dict dictionary coded it (detente.compat)

    @property
    def resolved(self) -> bool:
        return bool(self.country or self.org)

    def to_dict(self) -> dict[str, Any]:
        record = {"text": self.text, "country": self.country, "org": self.org, "sector": self.sector}
        if self.inferred:
            record["inferred"] = True
        if self.code is not None:
            record["code"] = self.code
        return record


@dataclass(slots=True)
class DateMention:
    """A date expression resolved against the publication date, or left unresolved."""

    text: str
    start: int
    end: int
    value: dt.date | None
    precision: str | None  # day, week, month, season, year
    end_value: dt.date | None = None  # last day of the period the expression names


@dataclass(slots=True)
class QuantityMention:
    """A counted number of something: "60 Americans", "two dozen diplomats"."""

    value: int
    unit: str
    start: int
    end: int
    approximate: bool = False  # "hundreds of", "about 40", "more than 60": value is a bound or a round figure


@dataclass(slots=True)
class PlaceMention:
    """A place name found after "in", "at" or "near", with its country if known."""

    text: str
    start: int
    end: int
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(slots=True)
class VerbPattern:
    """One sense of one verb from the pattern files (docs/dictionary-format.md)."""

    verb: str
    plover: str
    cameo: str
    mode: str | None = None
    particle: str | None = None
    objects: tuple[str, ...] = ()
    noun: bool = False
    passive_only: bool = False
    needs_target: bool = False
    inverse: bool = False  # the subject receives: "received aid from Japan"
    source_file: str = ""
    line: int = 0


@dataclass(slots=True)
class VerbMatch:
    """A verb pattern found in a sentence: token span of the trigger and its particle."""

    pattern: VerbPattern
    start: int
    end: int
    particle_at: int | None = None
    passive: bool = False


@dataclass(slots=True)
class Sentence:
    """A sentence and everything the pipeline has found in it."""

    index: int
    text: str
    start: int  # offset of the sentence in the document text
    tokens: list[Token] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    verbs: list[VerbMatch] = field(default_factory=list)
    _lowers: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def lowers(self) -> list[str]:
        """The tokens in lower case, computed once (tokens do not change after splitting)."""
        if self._lowers is None or len(self._lowers) != len(self.tokens):
            self._lowers = [t.lower for t in self.tokens]
        return self._lowers

    def span_text(self, start: int, end: int) -> str:
        """The sentence text covered by tokens start..end (end exclusive)."""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]


@dataclass(slots=True)
class Event:
    """A coded event: CONTRACT section 2, plus a few fields of detente's own."""

    doc_id: str
    sentence: int
    sentence_text: str
    source: list[Actor]
    target: list[Actor]
    plover: str
    mode: str | None
    cameo: str
    goldstein: float | None
    status: str
    date: dt.date | None
    quantity: QuantityMention | None
    location: PlaceMention | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    date_precision: str | None = None
    date_end: dt.date | None = None
    pattern: str = ""  # file:line of the pattern that coded it
    contexts: list[str] = field(default_factory=list)  # PLOVER contexts: military, economic, cbrn...
    confidence: float = 1.0  # 0-1: how directly the text states it (see coding/confidence.py)

    def to_dict(self) -> dict[str, Any]:
        """The CONTRACT section 2 record (with detente's extra fields after it)."""
        return {
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "sentence_text": self.sentence_text,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "plover": self.plover,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "quantity": {"value": self.quantity.value, "unit": self.quantity.unit} if self.quantity else None,
            "location": self.location.text if self.location else None,
            "trigger": {"text": self.trigger_text, "start": self.trigger_start, "end": self.trigger_end},
            "date_precision": self.date_precision,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "quantity_approximate": self.quantity.approximate if self.quantity else None,
            "location_country": self.location.country if self.location else None,
            "location_coordinates": [self.location.latitude, self.location.longitude] if self.location and self.location.latitude is not None else None,
            "contexts": self.contexts,
            "confidence": self.confidence,
            "pattern": self.pattern,
        }


@dataclass
class Document:
    """A news document on its way through the pipeline."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dateline_country: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """A stable hash of the text and the metadata that changes its coding."""
        key = f"{self.date}\x00{self.title or ''}\x00{self.text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def to_record(self) -> dict[str, Any]:
        """The CONTRACT section 1 record of this document."""
        return {
            "id": self.id,
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
        }
