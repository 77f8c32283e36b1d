"""detente/analysis/dedup.py: one event per real-world event, on a real DuckDB file.

The traps: mentions that must NOT merge (another type, another dyad, dates too far
apart, 60 vs 23, another place, a chain of daily events) and mentions that MUST merge
(one expulsion reported by three outlets with different wording and dates).
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.analysis.base import connect
from detente.analysis.dedup import DEDUP_TOLERANCE_DAYS, deduplicate, mentions_of, real_events
from detente.cli import main
from detente.errors import StoreError
from detente.model import Actor, Document, Event, PlaceMention, QuantityMention
from detente.store import DuckDBStore

D = dt.date
CAMEO = {"SANCTION": ("161", -4.0), "ACCUSE": ("112", -2.0), "CONSULT": ("040", 1.0)}


def _actor(code: str) -> Actor:
    return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")


def _event(source, target, plover="SANCTION", day=None, qty=None, place=None, mode="expel", status="asserted") -> Event:
    cameo, goldstein = CAMEO[plover]
    return Event(
        doc_id="", sentence=0, sentence_text=f"{source} acted on {target}.", source=[_actor(c) for c in source.split("+")],
        target=[_actor(c) for c in target.split("+")], plover=plover, mode=mode, cameo=cameo, goldstein=goldstein,
        status=status, date=day, quantity=QuantityMention(qty, "diplomats", 0, 1) if qty else None,
        location=PlaceMention(place, 0, 1) if place else None, trigger_text="acted", trigger_start=4, trigger_end=9,
    )


def _doc(doc_id: str, published: dt.date | None, outlet: str | None, *events: Event) -> Document:
    for i, event in enumerate(events):
        event.doc_id, event.sentence = doc_id, i
    return Document(id=doc_id, text=f"text of {doc_id}", date=published, outlet=outlet, events=list(events))


def _store(tmp_path, *documents: Document):
    path = tmp_path / "events.duckdb"
    store = DuckDBStore(str(path))
    for document in documents:
        store.ingest(document)
    store.close()
    return path


def _real(connection):
    return connection.execute(
        "SELECT id, source, target, plover, mode, date_first, date_last, quantity, location, mentions, articles, "
        "outlets, first_seen FROM real_events ORDER BY id"
    ).fetchall()


def _members(connection) -> dict[tuple[str, int], int]:
    return {(d, s): r for r, d, s in connection.execute("SELECT * FROM event_mentions").fetchall()}


# --- the same expulsion in three outlets, with the traps around it ------------------------


@pytest.fixture
def news(tmp_path):
    """March 2018: Russia's expulsion of 60 US diplomats in three outlets, and near misses."""
    path = _store(
        tmp_path,
        _doc("ap-1", D(2018, 3, 31), "AP",
             _event("RUS", "USA", day=D(2018, 3, 29), qty=60, place="Moscow"),        # the expulsion
             _event("RUS", "USA", "ACCUSE", day=D(2018, 3, 29), mode=None),           # another type
             _event("RUS", "USA", day=D(2018, 3, 29), qty=60),                        # again, same article
             _event("RUS", "USA", day=D(2018, 3, 29), qty=23)),                       # 60 vs 23
        _doc("reuters-1", D(2018, 3, 30), "Reuters",
             _event("RUS", "USA", qty=60),                                            # no date: published 03-30
             _event("USA", "RUS", day=D(2018, 3, 29), qty=60),                        # the other direction
             _event("RUS", "USA+GBR", day=D(2018, 3, 29), qty=60)),                   # another target set
        _doc("tass-1", D(2018, 3, 31), "TASS",
             _event("RUS", "USA", day=D(2018, 3, 30), place="moscow"),                # a day off, no number
             _event("RUS", "USA", day=D(2018, 3, 29), qty=60, status="negated")),     # not asserted
        _doc("ap-2", D(2018, 4, 9), "AP",
             _event("RUS", "USA", day=D(2018, 4, 6), qty=60, place="Moscow")),        # a week later
    )
    connection = connect(path)
    yield connection
    connection.close()


def test_dedup_three_outlets_with_different_dates_and_wording_make_one_real_event(news):
    summary = deduplicate(news)
    rows = [r for r in _real(news) if r[7] == 60 and r[1] == ["RUS"] and r[2] == ["USA"] and r[5] == D(2018, 3, 29)]
    assert len(rows) == 1
    (_, source, target, plover, mode, first, last, qty, place, mentions, articles, outlets, first_seen) = rows[0]
    assert (source, target, plover, mode, qty) == (["RUS"], ["USA"], "SANCTION", "expel", 60)
    assert (first, last) == (D(2018, 3, 29), D(2018, 3, 30))
    assert place == "Moscow"  # as first written; "moscow" is the same place
    assert (mentions, articles, outlets) == (4, 3, 3)  # AP mentions it twice
    assert first_seen == D(2018, 3, 30)  # Reuters published first
    assert summary.mentions == 9  # the negated one is not a mention of anything
    assert summary.real_events == 6
    assert summary.merged == 3 and summary.reported_more_than_once == 1 and summary.largest == 4


def test_dedup_wrong_merges_are_kept_apart(news):
    deduplicate(news)
    members = _members(news)
    expulsion = members[("ap-1", 0)]
    assert members[("ap-1", 2)] == members[("reuters-1", 0)] == members[("tass-1", 0)] == expulsion
    for apart in [("ap-1", 1),       # ACCUSE, not SANCTION
                  ("ap-1", 3),       # 23 diplomats, not 60
                  ("reuters-1", 1),  # USA -> RUS
                  ("reuters-1", 2),  # RUS -> USA and GBR
                  ("ap-2", 0)]:      # eight days later
        assert members[apart] != expulsion, apart
    assert ("tass-1", 1) not in members  # negated


def test_dedup_missing_values_do_not_chain_incompatible_ones(tmp_path):
    """60 ~ (no number) ~ 23: the mention without a number joins one of them, never both."""
    path = _store(tmp_path,
                  _doc("a", D(2018, 3, 29), "A", _event("RUS", "GBR", day=D(2018, 3, 29), qty=60)),
                  _doc("b", D(2018, 3, 29), "B", _event("RUS", "GBR", day=D(2018, 3, 29))),
                  _doc("c", D(2018, 3, 29), "C", _event("RUS", "GBR", day=D(2018, 3, 29), qty=23)))
    connection = connect(path)
    deduplicate(connection)
    members = _members(connection)
    assert members[("a", 0)] != members[("c", 0)]
    assert members[("b", 0)] == members[("a", 0)]  # the first compatible one
    assert sorted(r[7] for r in _real(connection)) == [23, 60]
    connection.close()


def test_dedup_places_must_agree_when_both_known(tmp_path):
    path = _store(tmp_path,
                  _doc("a", D(2020, 5, 1), "A", _event("ISR", "SYR", day=D(2020, 5, 1), place="Damascus")),
                  _doc("b", D(2020, 5, 1), "B", _event("ISR", "SYR", day=D(2020, 5, 1), place="Homs")),
                  _doc("c", D(2020, 5, 2), "C", _event("ISR", "SYR", place="DAMASCUS ")))
    connection = connect(path)
    deduplicate(connection)
    members = _members(connection)
    assert members[("a", 0)] == members[("c", 0)] != members[("b", 0)]
    connection.close()


def test_dedup_modes_must_agree_when_both_known(tmp_path):
    path = _store(tmp_path,
                  _doc("a", D(2020, 5, 1), "A", _event("USA", "IRN", day=D(2020, 5, 1), mode="embargo")),
                  _doc("b", D(2020, 5, 1), "B", _event("USA", "IRN", day=D(2020, 5, 1), mode="expel")),
                  _doc("c", D(2020, 5, 1), "C", _event("USA", "IRN", day=D(2020, 5, 1), mode=None)))
    connection = connect(path)
    deduplicate(connection)
    assert sorted((r[4], r[9]) for r in _real(connection)) == [("embargo", 2), ("expel", 1)]
    connection.close()


def test_dedup_a_run_of_daily_events_is_not_chained_into_one(tmp_path):
    """Six daily strikes with no number or place: each real event spans at most tolerance + 1 days."""
    docs = [_doc(f"d{i}", D(2020, 5, i), "X", _event("ISR", "SYR", day=D(2020, 5, i))) for i in range(1, 7)]
    connection = connect(_store(tmp_path, *docs))
    deduplicate(connection)
    assert [(r[5], r[6], r[9]) for r in _real(connection)] == [
        (D(2020, 5, 1), D(2020, 5, 3), 3), (D(2020, 5, 4), D(2020, 5, 6), 3)]
    connection.close()


def test_dedup_tolerance_is_a_named_default_and_a_parameter(news):
    assert DEDUP_TOLERANCE_DAYS == 2
    strict = deduplicate(news, tolerance_days=0)
    assert strict.tolerance_days == 0
    members = _members(news)
    assert members[("ap-1", 0)] == members[("ap-1", 2)]  # same day
    assert members[("ap-1", 0)] != members[("reuters-1", 0)]  # a day later
    with pytest.raises(ValueError):
        deduplicate(news, tolerance_days=-1)


def test_dedup_undated_mentions_stay_alone_and_outlets_may_be_unknown(tmp_path):
    path = _store(tmp_path,
                  _doc("a", None, None, _event("FRA", "MLI")),
                  _doc("b", None, None, _event("FRA", "MLI")))
    connection = connect(path)
    summary = deduplicate(connection)
    assert (summary.real_events, summary.undated) == (2, 2)
    assert [(r[5], r[10], r[11], r[12]) for r in _real(connection)] == [(None, 1, 0, None)] * 2
    connection.close()


def test_dedup_rebuilds_idempotently_and_follows_new_documents(news, tmp_path):
    first = deduplicate(news)
    before = _real(news)
    assert deduplicate(news) == first
    assert _real(news) == before
    news.close()
    store = DuckDBStore(str(tmp_path / "events.duckdb"))
    store.ingest(_doc("bbc-1", D(2018, 3, 30), "BBC", _event("RUS", "USA", day=D(2018, 3, 29), qty=60)))
    store.close()
    connection = connect(tmp_path / "events.duckdb")
    assert deduplicate(connection).real_events == first.real_events
    (row,) = [r for r in _real(connection) if r[9] > 1]
    assert (row[9], row[10], row[11]) == (5, 4, 4)
    connection.close()


def test_dedup_mention_level_stays_queryable(news):
    deduplicate(news)
    top = real_events(news, actor="USA", min_articles=2)
    assert list(top["articles"]) == [3]
    mentions = mentions_of(news, int(top["id"][0]))
    assert list(mentions["doc_id"]) == ["reuters-1", "ap-1", "ap-1", "tass-1"]
    assert set(mentions["outlet"]) == {"AP", "Reuters", "TASS"}
    joined = news.execute(
        "SELECT count(*) FROM event_mentions m JOIN events e USING (doc_id, seq) WHERE e.status = 'asserted'"
    ).fetchone()[0]
    assert joined == news.execute("SELECT count(*) FROM events WHERE status = 'asserted'").fetchone()[0]


def test_dedup_real_event_helpers_need_the_tables(tmp_path):
    connection = connect(_store(tmp_path))
    with pytest.raises(StoreError, match="detente dedup"):
        real_events(connection)
    assert deduplicate(connection).real_events == 0
    assert real_events(connection).empty
    connection.close()


def test_dedup_pipeline_coded_reports_of_one_expulsion_merge(pipeline, tmp_path):
    """Three outlets word and date the same expulsion differently; the coder's events merge."""
    texts = [
        ("ap", D(2018, 3, 31), "AP", "Russia expelled 60 U.S. diplomats on Thursday."),
        ("reuters", D(2018, 3, 30), "Reuters", "Moscow expelled 60 American diplomats, the foreign ministry said."),
        ("tass", D(2018, 3, 31), "TASS", "On Friday Russia ordered the expulsion of 60 US diplomats."),
    ]
    documents = [pipeline(Document(id=i, text=t, date=d, outlet=o)) for i, d, o, t in texts]
    for document in documents:
        assert [(e.plover, e.quantity.value if e.quantity else None) for e in document.events] == [("SANCTION", 60)], document.id
    connection = connect(_store(tmp_path, *documents))
    deduplicate(connection)
    (row,) = _real(connection)
    assert (row[1], row[2], row[9], row[10], row[11]) == (["RUS"], ["USA"], 3, 3, 3)
    connection.close()


def test_dedup_command_prints_a_summary(news, tmp_path, capsys):
    news.close()
    db = str(tmp_path / "events.duckdb")
    assert main(["dedup", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "9 asserted event mentions -> 6 real events" in out
    assert main(["dedup", "--db", db, "--format", "json", "--tolerance", "0"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["tolerance_days"] == 0 and summary["real_events"] == 7
    assert main(["dedup", "--db", str(tmp_path / "missing.duckdb")]) == 1
