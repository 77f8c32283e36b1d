"""The embedded DuckDB store: one file, documents and events, one transaction per
document so an interrupted ingest leaves no half-written document.

The tables declare no primary keys: an index on a text key costs a bulk import more
than reading its file does. The writers keep `documents.id` and `events (doc_id, seq)`
unique instead: `ingest` replaces a document and its events in one transaction, and an
import (detente.importers) checks its rows against the store set-wise before it writes.
A store created by an earlier detente keeps its keys; they hold the same rule."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from detente.errors import StoreError
from detente.model import Document, Event
from detente.store.base import EventFilter, IngestResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    date DATE,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    text VARCHAR NOT NULL,
    events INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    source_codes VARCHAR[] NOT NULL,
    target_codes VARCHAR[] NOT NULL,
    plover VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR NOT NULL,
    goldstein DOUBLE,
    status VARCHAR NOT NULL,
    date DATE,
    quantity BIGINT,
    location VARCHAR,
    record JSON NOT NULL,
    date_precision VARCHAR
);
CREATE TABLE IF NOT EXISTS gdelt_events (
    event_id BIGINT NOT NULL,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_org VARCHAR, source_sector VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_org VARCHAR, target_sector VARCHAR,
    location_country VARCHAR,
    quad_class INTEGER, num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, avg_tone DOUBLE
);
"""

#: The columns of `events`, in order.
EVENT_COLUMNS = ("doc_id", "seq", "sentence", "source_codes", "target_codes", "plover", "mode", "cameo", "goldstein",
                 "status", "date", "quantity", "location", "record", "date_precision")


class DuckDBStore:
    """Documents and their events in a DuckDB file (`:memory:` for a throwaway store)."""

    def __init__(self, path: str):
        self.path = path
        try:
            self.connection = duckdb.connect(path)
            self.connection.execute(SCHEMA)
            self._check_schema()
            self._upgrade()
        except duckdb.Error as error:
            raise StoreError(f"{path}: cannot open the event store: {error}") from error

    def _check_schema(self) -> None:
        """Refuse a database whose tables of the same names belong to something else."""
        for table, needed in (("documents", {"id", "content_hash", "text"}), ("events", {"doc_id", "seq", "record", "source_codes"})):
            columns = {row[0] for row in self._all(f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'")}
            if not needed <= columns:
                self.connection.close()
                raise StoreError(f"{self.path}: not a detente database (its '{table}' table has other columns)")

    def _upgrade(self) -> None:
        """Bring a store written by an earlier detente up to this schema: the
        `date_precision` column (from the stored records), and the `event_records` view."""
        columns = {row[0] for row in self._all(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")}
        if "date_precision" not in columns:
            self.connection.execute("ALTER TABLE events ADD COLUMN date_precision VARCHAR")
            self.connection.execute(
                "UPDATE events SET date_precision = coalesce(record->>'date_precision', 'day') WHERE date IS NOT NULL")
        stored = self._one("SELECT comment FROM duckdb_views() WHERE view_name = 'event_records' AND NOT temporary")
        if not stored or stored[0] != RECORDS_VIEW_VERSION:
            self.connection.execute(records_view_sql())
            self.connection.execute(f"COMMENT ON VIEW event_records IS '{RECORDS_VIEW_VERSION}'")

    def has(self, document: Document) -> bool:
        row = self._one("SELECT content_hash FROM documents WHERE id = ?", [document.id])
        return bool(row) and row[0] == document.content_hash

    def ingest(self, document: Document) -> IngestResult:
        """Store a coded document and its events; the same content twice is stored once."""
        known = self._one("SELECT content_hash FROM documents WHERE id = ?", [document.id])
        if known and known[0] == document.content_hash:
            return IngestResult(document.id, "unchanged", 0)
        try:
            self.connection.execute("BEGIN TRANSACTION")
            if known:  # the document's previous version and its events go
                self.connection.execute("DELETE FROM events WHERE doc_id = ?", [document.id])
                self.connection.execute("DELETE FROM documents WHERE id = ?", [document.id])
            self._insert_document(document)
            rows = [_event_row(seq, event) for seq, event in enumerate(document.events)]
            if rows:
                self.connection.executemany(
                    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", rows
                )
            self.connection.execute("COMMIT")
        except BaseException as error:
            self._rollback()
            if isinstance(error, duckdb.Error):
                raise StoreError(f"{self.path}: cannot store document {document.id!r}: {error}") from error
            raise
        return IngestResult(document.id, "updated" if known else "added", len(document.events))

    def events(self, where: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        clauses, params = _conditions(where)
        sql = "SELECT record FROM event_records"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY date NULLS LAST, doc_id, seq"
        if where.limit is not None:
            if where.limit < 0:
                raise StoreError(f"limit must be 0 or more, not {where.limit}")
            sql += f" LIMIT {int(where.limit)}"
        return [json.loads(row[0]) for row in self._all(sql, params)]

    def counts(self) -> dict[str, int]:
        documents = self._one("SELECT count(*) FROM documents")[0]
        events = self._one("SELECT count(*) FROM events")[0]
        return {"documents": documents, "events": events}

    def close(self) -> None:
        self.connection.close()

    def _insert_document(self, document: Document) -> None:
        self.connection.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document.id, document.content_hash, document.date, document.title, document.url,
             document.outlet, document.text, len(document.events), dt.datetime.now()],
        )

    def _rollback(self) -> None:
        try:
            self.connection.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def _one(self, sql: str, params: list | None = None):
        return self.connection.execute(sql, params or []).fetchone()

    def _all(self, sql: str, params: list | None = None):
        return self.connection.execute(sql, params or []).fetchall()


def _event_row(seq: int, event: Event) -> list[Any]:
    return [
        event.doc_id, seq, event.sentence, _codes(event.source), _codes(event.target), event.plover,
        event.mode, event.cameo, event.goldstein, event.status, event.date,
        event.quantity.value if event.quantity else None,
        event.location.text if event.location else None,
        json.dumps(event.to_dict(), ensure_ascii=False),
        (event.date_precision or "day") if event.date else None,
    ]


#: Written on the `event_records` view; a store whose view has another is given this one.
RECORDS_VIEW_VERSION = "detente event_records 2"


def records_view_sql() -> str:
    """The `event_records` view: every event with its full record. Events imported from
    GDELT store a stub record ({"dataset": "gdelt"}) and their dataset's own values in
    `gdelt_events`; the view rebuilds their record from those (see detente.importers.gdelt)."""
    from detente.importers.gdelt import record_from_fields

    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS if c != "record")
    return (f"CREATE OR REPLACE VIEW event_records AS SELECT {columns}, "
            f"CASE WHEN g.event_id IS NULL THEN e.record ELSE {record_from_fields('e', 'g')} END AS record "
            "FROM events e LEFT JOIN gdelt_events g ON e.doc_id = 'gdelt:' || g.event_id AND e.seq = 0")


def _codes(actors) -> list[str]:
    return [a.country or a.org for a in actors if a.country or a.org]


def _conditions(where: EventFilter) -> tuple[list[str], list[Any]]:
    clauses, params = [], []
    if where.actor:
        clauses.append("(list_contains(source_codes, ?) OR list_contains(target_codes, ?))")
        params += [where.actor, where.actor]
    if where.source:
        clauses.append("list_contains(source_codes, ?)")
        params.append(where.source)
    if where.target:
        clauses.append("list_contains(target_codes, ?)")
        params.append(where.target)
    if where.dyad:
        a, b = where.dyad
        clauses.append(
            "((list_contains(source_codes, ?) AND list_contains(target_codes, ?)) OR "
            "(list_contains(source_codes, ?) AND list_contains(target_codes, ?)))"
        )
        params += [a, b, b, a]
    for column, value in (("plover", where.plover), ("status", where.status), ("doc_id", where.doc_id)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.since:
        clauses.append("date >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("date <= ?")
        params.append(where.until)
    return clauses, params
