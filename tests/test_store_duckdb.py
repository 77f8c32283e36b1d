"""detente/store: the DuckDB event store, always on a real DuckDB file in tmp_path."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.model import Actor, Document, Event
from detente.store import DuckDBStore, EventFilter, IngestResult, open_store

CONTRACT_FIELDS = {
    "doc_id", "sentence", "sentence_text", "source", "target", "plover", "mode", "cameo",
    "goldstein", "status", "date", "quantity", "location", "trigger",
}
EXPULSION = "Russia expelled 60 U.S. diplomats on Thursday."
DAY = dt.date(2018, 3, 31)


# --- helpers ---------------------------------------------------------------------------


def _actor(code: str) -> Actor:
    if len(code) == 3 and code.isupper():
        return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")
    return Actor(text=code, start=0, end=1, kind="org", org=code)


def _event(doc_id: str, sentence: int, source: list[str], target: list[str], plover: str = "SANCTION",
           status: str = "asserted", date: dt.date | None = None, cameo: str = "161") -> Event:
    text = f"{' and '.join(source)} did {plover.lower()} to {' and '.join(target) or 'nobody'}."
    return Event(
        doc_id=doc_id, sentence=sentence, sentence_text=text,
        source=[_actor(c) for c in source], target=[_actor(c) for c in target],
        plover=plover, mode=None, cameo=cameo, goldstein=-4.0, status=status, date=date,
        quantity=None, location=None, trigger_text="did", trigger_start=len(" and ".join(source)) + 1,
        trigger_end=len(" and ".join(source)) + 4,
    )


def _document(doc_id: str, events: list[Event], text: str | None = None, date: dt.date | None = None) -> Document:
    return Document(id=doc_id, text=text or f"text of {doc_id}", date=date, events=events)


def _keys(records: list[dict]) -> list[tuple[str, int]]:
    return [(r["doc_id"], r["sentence"]) for r in records]


class _FailingConnection:
    """A stand-in for the store's DuckDB connection whose executemany fails; all else is real."""

    def __init__(self, real, error: BaseException):
        self._real, self._error = real, error

    def executemany(self, *args, **kwargs):
        raise self._error

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "events.duckdb")


@pytest.fixture
def store(db_path):
    s = DuckDBStore(db_path)
    yield s
    try:
        s.close()
    except Exception:
        pass


@pytest.fixture
def coded(pipeline) -> Document:
    """A document coded by the real pipeline (a fresh one for each test)."""
    doc = pipeline(Document(id="moscow-2018-03-31", text=EXPULSION, date=DAY, title="Moscow expels diplomats", outlet="AP"))
    assert doc.events, "the pipeline codes no event in the expulsion sentence"
    return doc


@pytest.fixture
def many(store) -> DuckDBStore:
    """A store holding three documents with events chosen to exercise every filter."""
    store.ingest(_document("d1", [
        _event("d1", 0, ["RUS"], ["USA"], date=dt.date(2018, 3, 29)),
        _event("d1", 1, ["USA"], ["RUS"], date=dt.date(2018, 3, 30)),
    ], date=dt.date(2018, 3, 31)))
    store.ingest(_document("d2", [
        _event("d2", 0, ["NOR"], ["RUS"], date=dt.date(2023, 4, 18)),
        _event("d2", 2, ["RUS"], ["NOR"], plover="PROTEST", status="future", date=dt.date(2023, 4, 19), cameo="141"),
    ], date=dt.date(2023, 4, 18)))
    store.ingest(_document("d3", [
        _event("d3", 0, ["CHN"], ["JPN"], plover="ACCUSE", status="negated", cameo="112"),
        _event("d3", 1, ["NATO"], ["RUS", "BLR"], plover="THREATEN", status="hypothetical", date=dt.date(2020, 1, 1), cameo="138"),
    ]))
    return store


# --- ingest and read back --------------------------------------------------------------


def test_store_duckdb_ingest_coded_document_and_read_contract_records(store, coded, db_path):
    result = store.ingest(coded)
    assert result == IngestResult(coded.id, "added", len(coded.events))
    assert store.counts() == {"documents": 1, "events": len(coded.events)}
    records = store.events()
    assert records == [e.to_dict() for e in coded.events]
    record = records[0]
    assert CONTRACT_FIELDS <= set(record)
    assert record["doc_id"] == "moscow-2018-03-31"
    assert record["plover"] == "SANCTION" and record["cameo"] == "161"
    assert [a["country"] for a in record["source"]] == ["RUS"]
    assert [a["country"] for a in record["target"]] == ["USA"]
    assert set(record["trigger"]) == {"text", "start", "end"}
    assert record["sentence_text"][record["trigger"]["start"]:record["trigger"]["end"]] == record["trigger"]["text"]
    assert record["date"] == "2018-03-29"  # "Thursday" before Saturday 2018-03-31
    assert Path(db_path).is_file()


def test_store_duckdb_stores_document_metadata(store, coded):
    store.ingest(coded)
    row = store.connection.execute("SELECT id, date, title, outlet, text, events FROM documents").fetchone()
    assert row == (coded.id, DAY, "Moscow expels diplomats", "AP", EXPULSION, len(coded.events))


def test_store_duckdb_same_document_twice_is_stored_once(store, coded, pipeline):
    store.ingest(coded)
    before = store.counts()
    again = pipeline(Document(id=coded.id, text=EXPULSION, date=DAY, title="Moscow expels diplomats", outlet="AP"))
    assert store.has(again)
    result = store.ingest(again)
    assert result.outcome == "unchanged" and result.events == 0
    assert store.counts() == before
    assert len(store.events()) == len(coded.events)


def test_store_duckdb_changed_text_updates_and_replaces_events(store):
    store.ingest(_document("d", [_event("d", 0, ["RUS"], ["USA"]), _event("d", 1, ["USA"], ["RUS"])], text="first version"))
    changed = _document("d", [_event("d", 0, ["NOR"], ["RUS"], plover="PROTEST", cameo="141")], text="second version")
    assert not store.has(changed)
    result = store.ingest(changed)
    assert result == IngestResult("d", "updated", 1)
    assert store.counts() == {"documents": 1, "events": 1}
    (record,) = store.events()
    assert record["plover"] == "PROTEST" and record["source"][0]["country"] == "NOR"
    assert store.connection.execute("SELECT text FROM documents WHERE id = 'd'").fetchone() == ("second version",)


def test_store_duckdb_changed_date_is_an_update(store):
    store.ingest(_document("d", [_event("d", 0, ["RUS"], ["USA"])], date=dt.date(2018, 3, 31)))
    result = store.ingest(_document("d", [_event("d", 0, ["RUS"], ["USA"])], date=dt.date(2018, 4, 1)))
    assert result.outcome == "updated"


def test_store_duckdb_document_without_events_is_stored(store):
    result = store.ingest(_document("quiet", []))
    assert result == IngestResult("quiet", "added", 0)
    assert store.counts() == {"documents": 1, "events": 0}
    assert store.has(_document("quiet", []))
    assert store.ingest(_document("quiet", [])).outcome == "unchanged"


def test_store_duckdb_reopened_file_still_holds_the_data(db_path, coded):
    first = DuckDBStore(db_path)
    first.ingest(coded)
    first.ingest(_document("other", [_event("other", 0, ["NOR"], ["RUS"])]))
    expected = first.events()
    first.close()

    second = open_store(db_path)
    try:
        assert second.counts() == {"documents": 2, "events": len(coded.events) + 1}
        assert second.events() == expected
        assert second.has(coded)
        assert second.ingest(coded).outcome == "unchanged"
    finally:
        second.close()


def test_store_duckdb_empty_store_has_no_events(store):
    assert store.events() == []
    assert store.counts() == {"documents": 0, "events": 0}
    assert not store.has(_document("nothing", []))


# --- filters ---------------------------------------------------------------------------


def test_store_duckdb_events_are_ordered_by_date_then_document_nulls_last(many):
    assert _keys(many.events()) == [("d1", 0), ("d1", 1), ("d3", 1), ("d2", 0), ("d2", 2), ("d3", 0)]


def test_store_duckdb_filter_actor_on_either_side(many):
    assert _keys(many.events(EventFilter(actor="USA"))) == [("d1", 0), ("d1", 1)]
    assert _keys(many.events(EventFilter(actor="RUS"))) == [("d1", 0), ("d1", 1), ("d3", 1), ("d2", 0), ("d2", 2)]
    assert _keys(many.events(EventFilter(actor="NATO"))) == [("d3", 1)]
    assert many.events(EventFilter(actor="FRA")) == []


def test_store_duckdb_filter_source(many):
    assert _keys(many.events(EventFilter(source="RUS"))) == [("d1", 0), ("d2", 2)]
    assert _keys(many.events(EventFilter(source="NATO"))) == [("d3", 1)]


def test_store_duckdb_filter_target_matches_any_of_a_compound_target(many):
    assert _keys(many.events(EventFilter(target="RUS"))) == [("d1", 1), ("d3", 1), ("d2", 0)]
    assert _keys(many.events(EventFilter(target="BLR"))) == [("d3", 1)]


def test_store_duckdb_filter_dyad_either_direction(many):
    forward = many.events(EventFilter(dyad=("RUS", "USA")))
    backward = many.events(EventFilter(dyad=("USA", "RUS")))
    assert _keys(forward) == _keys(backward) == [("d1", 0), ("d1", 1)]
    assert _keys(many.events(EventFilter(dyad=("NOR", "RUS")))) == [("d2", 0), ("d2", 2)]
    assert many.events(EventFilter(dyad=("NOR", "USA"))) == []
    # both actors must be on opposite sides: RUS and BLR are both targets of d3:1
    assert many.events(EventFilter(dyad=("RUS", "BLR"))) == []


def test_store_duckdb_filter_plover_and_status(many):
    assert _keys(many.events(EventFilter(plover="ACCUSE"))) == [("d3", 0)]
    assert _keys(many.events(EventFilter(plover="SANCTION"))) == [("d1", 0), ("d1", 1), ("d2", 0)]
    assert _keys(many.events(EventFilter(status="negated"))) == [("d3", 0)]
    assert _keys(many.events(EventFilter(status="future"))) == [("d2", 2)]
    assert _keys(many.events(EventFilter(status="hypothetical"))) == [("d3", 1)]
    assert len(many.events(EventFilter(status="asserted"))) == 3


def test_store_duckdb_filter_since_and_until_are_inclusive_and_skip_undated(many):
    assert _keys(many.events(EventFilter(since=dt.date(2020, 1, 1)))) == [("d3", 1), ("d2", 0), ("d2", 2)]
    assert _keys(many.events(EventFilter(until=dt.date(2018, 3, 30)))) == [("d1", 0), ("d1", 1)]
    assert _keys(many.events(EventFilter(since=dt.date(2018, 3, 30), until=dt.date(2023, 4, 18)))) == [("d1", 1), ("d3", 1), ("d2", 0)]
    assert many.events(EventFilter(since=dt.date(2030, 1, 1))) == []


def test_store_duckdb_filter_limit(many):
    assert _keys(many.events(EventFilter(limit=2))) == [("d1", 0), ("d1", 1)]
    assert _keys(many.events(EventFilter(actor="RUS", limit=3))) == [("d1", 0), ("d1", 1), ("d3", 1)]


def test_store_duckdb_filter_doc_id_and_combined_filters(many):
    assert _keys(many.events(EventFilter(doc_id="d2"))) == [("d2", 0), ("d2", 2)]
    assert _keys(many.events(EventFilter(actor="RUS", plover="SANCTION", since=dt.date(2019, 1, 1)))) == [("d2", 0)]
    assert _keys(many.events(EventFilter(dyad=("RUS", "NOR"), status="future"))) == [("d2", 2)]


def test_store_duckdb_filter_values_are_parameters_not_sql(many):
    assert many.events(EventFilter(actor="RUS' OR 1=1 --")) == []
    assert many.events(EventFilter(plover="x' OR '1'='1")) == []
    assert many.counts() == {"documents": 3, "events": 6}


# --- failures --------------------------------------------------------------------------


def test_store_duckdb_failed_ingest_leaves_nothing_and_rerun_completes(store, coded, monkeypatch):
    real = store.connection
    monkeypatch.setattr(store, "connection", _FailingConnection(real, duckdb.IOException("disk full")))
    with pytest.raises(StoreError, match=coded.id):
        store.ingest(coded)
    monkeypatch.setattr(store, "connection", real)
    assert store.counts() == {"documents": 0, "events": 0}
    assert not store.has(coded)
    assert store.events() == []

    result = store.ingest(coded)
    assert result.outcome == "added"
    assert store.counts() == {"documents": 1, "events": len(coded.events)}


def test_store_duckdb_interrupted_ingest_leaves_nothing(store, coded, monkeypatch):
    real = store.connection
    monkeypatch.setattr(store, "connection", _FailingConnection(real, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        store.ingest(coded)
    monkeypatch.setattr(store, "connection", real)
    assert store.counts() == {"documents": 0, "events": 0}
    assert store.ingest(coded).outcome == "added"


def test_store_duckdb_failed_update_keeps_the_previous_version(store, monkeypatch):
    store.ingest(_document("d", [_event("d", 0, ["RUS"], ["USA"])], text="first version"))
    before = store.events()
    real = store.connection
    monkeypatch.setattr(store, "connection", _FailingConnection(real, duckdb.IOException("disk full")))
    with pytest.raises(StoreError):
        store.ingest(_document("d", [_event("d", 0, ["NOR"], ["RUS"])], text="second version"))
    monkeypatch.setattr(store, "connection", real)
    assert store.events() == before
    assert store.connection.execute("SELECT text FROM documents").fetchall() == [("first version",)]


def test_store_duckdb_event_that_cannot_be_inserted_rolls_back_its_document(store, db_path):
    good = _event("bad-doc", 0, ["RUS"], ["USA"])
    broken = dataclasses.replace(_event("bad-doc", 1, ["USA"], ["RUS"]), plover=None)  # NOT NULL column
    document = _document("bad-doc", [good, broken])
    with pytest.raises(StoreError, match="bad-doc"):
        store.ingest(document)
    assert store.counts() == {"documents": 0, "events": 0}
    # the store is still usable, and the fixed document goes in
    document.events[1] = dataclasses.replace(broken, plover="SANCTION")
    assert store.ingest(document) == IngestResult("bad-doc", "added", 2)
    store.close()
    reopened = DuckDBStore(db_path)
    try:
        assert reopened.counts() == {"documents": 1, "events": 2}
    finally:
        reopened.close()


def test_store_duckdb_path_in_missing_directory_is_store_error(tmp_path):
    path = tmp_path / "no" / "such" / "dir" / "events.duckdb"
    with pytest.raises(StoreError, match="cannot open"):
        DuckDBStore(str(path))
    assert not path.parent.exists()


def test_store_duckdb_file_that_is_not_a_database_is_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=re.escape(str(path))):
        DuckDBStore(str(path))


def test_store_duckdb_foreign_database_is_store_error(tmp_path):
    path = tmp_path / "other-app.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE events (id INTEGER, name VARCHAR)")
    connection.close()
    with pytest.raises(StoreError, match=re.escape(str(path))):
        store = DuckDBStore(str(path))
        try:
            store.events()
        finally:
            store.close()


# --- date precision and stores written by an earlier detente ------------------------------


def test_store_duckdb_keeps_each_events_date_precision(store, db_path):
    month = dataclasses.replace(_event("p1", 1, ["USA"], ["RUS"], date=dt.date(2018, 3, 1)), date_precision="month")
    store.ingest(_document("p1", [
        _event("p1", 0, ["RUS"], ["USA"], date=dt.date(2018, 3, 29)),  # no precision given: a day
        month,
        _event("p1", 2, ["RUS"], ["GBR"]),  # no date at all
    ]))
    rows = store.connection.execute("SELECT seq, date_precision FROM events ORDER BY seq").fetchall()
    assert rows == [(0, "day"), (1, "month"), (2, None)]


def test_store_duckdb_upgrades_a_store_without_date_precision(tmp_path):
    path = str(tmp_path / "old.duckdb")
    store = DuckDBStore(path)
    store.ingest(_document("o1", [
        dataclasses.replace(_event("o1", 0, ["USA"], ["RUS"], date=dt.date(2018, 3, 1)), date_precision="month"),
        _event("o1", 1, ["RUS"], ["USA"], date=dt.date(2018, 3, 29)),
        _event("o1", 2, ["RUS"], ["GBR"]),
    ]))
    store.connection.execute("DROP VIEW event_records")
    store.connection.execute("ALTER TABLE events DROP COLUMN date_precision")  # as an earlier detente wrote it
    store.close()
    reopened = DuckDBStore(path)
    try:
        rows = reopened.connection.execute("SELECT seq, date_precision FROM events ORDER BY seq").fetchall()
        assert rows == [(0, "month"), (1, "day"), (2, None)]
        assert [r["sentence"] for r in reopened.events()] == [0, 1, 2]  # through the event_records view
    finally:
        reopened.close()
