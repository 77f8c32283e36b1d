"""The small interface every event store implements."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from detente.model import Document


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to list. Codes are ISO3 states or organisation codes."""

    actor: str | None = None  # on either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # between the two, either direction
    plover: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class IngestResult:
    doc_id: str
    outcome: str  # added, updated, unchanged
    events: int


class EventStore(Protocol):
    def ingest(self, document: Document) -> IngestResult: ...
    def has(self, document: Document) -> bool: ...
    def events(self, where: EventFilter = EventFilter()) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...
