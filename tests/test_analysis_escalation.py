"""detente/analysis/escalation.py and `detente alerts`, on hand-checked weekly data in a
real DuckDB file. Weeks are ISO weeks of 2018 (week 1 starts Monday 2018-01-01).

- RUS-USA: one accusation (2 points) a week in weeks 1-12, then three sanctions and an
  accusation in week 13 (14 points): an alert (baseline 2 +/- 0).
- IRN-USA: 2, 4, 2, 4 ... points in weeks 1-12 (mean 3, std sqrt(12/11)), 6 in week 13:
  an alert (threshold 5.09).
- ISR-SYR: an assault in week 1, then nothing until two in week 20: an alert, because the
  empty weeks count as zero in the baseline.
Traps (no alert): GBR-RUS at a steady 8 points a week, then 8 again (high but normal);
FRA-DEU's lone accusation after quiet weeks (below the minimum) and its burst of
cooperation; CHN-JPN's first ever events (no baseline yet); a negated escalation.
"""
from __future__ import annotations

import datetime as dt
import json
import math

import pyarrow as pa
import pytest

from detente.analysis.base import connect
from detente.analysis.dedup import deduplicate
from detente.analysis.dyads import to_arrow
from detente.analysis.escalation import ALERT_MIN_CONFLICT, ALERT_THRESHOLD, ALERT_WINDOW, escalation_alerts
from detente.cli import main
from detente.model import Actor, Document, Event
from detente.store import DuckDBStore

GOLDSTEIN = {"ACCUSE": ("112", -2.0), "SANCTION": ("161", -4.0), "ASSAULT": ("190", -10.0), "CONSULT": ("040", 1.0)}


def _week(n: int, weekday: int = 0) -> dt.date:
    return dt.date(2018, 1, 1) + dt.timedelta(days=7 * (n - 1) + weekday)


def _actor(code: str) -> Actor:
    return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")


def _event(source: str, target: str, plover: str, day: dt.date, status="asserted") -> Event:
    cameo, goldstein = GOLDSTEIN[plover]
    return Event(
        doc_id="", sentence=0, sentence_text="...", source=[_actor(source)], target=[_actor(target)], plover=plover,
        mode=None, cameo=cameo, goldstein=goldstein, status=status, date=day, quantity=None, location=None,
        trigger_text="...", trigger_start=0, trigger_end=3,
    )


def _documents() -> list[Document]:
    events: list[Event] = []
    for week in range(1, 13):
        events.append(_event("RUS", "USA", "ACCUSE", _week(week)))
        events += [_event("IRN", "USA", "ACCUSE", _week(week, d)) for d in range(1 if week % 2 else 2)]
        events += [_event("GBR", "RUS", "SANCTION", _week(week, d)) for d in range(2)]
    events += [_event("USA", "RUS", "SANCTION", _week(13, d)) for d in range(3)] + [_event("RUS", "USA", "ACCUSE", _week(13, 4))]
    events += [_event("USA", "IRN", "ACCUSE", _week(13, d)) for d in range(3)]
    events += [_event("GBR", "RUS", "SANCTION", _week(w, d)) for w in (13, 14) for d in range(2)]
    events += [_event("ISR", "SYR", "ASSAULT", _week(1)), _event("ISR", "SYR", "ASSAULT", _week(20)),
               _event("SYR", "ISR", "ASSAULT", _week(20, 1))]
    events += [_event("FRA", "DEU", "CONSULT", _week(1)), _event("FRA", "DEU", "ACCUSE", _week(20))]
    events += [_event("DEU", "FRA", "CONSULT", _week(21, d)) for d in range(5)]
    events += [_event("CHN", "JPN", "SANCTION", _week(13, d)) for d in range(3)]
    events += [_event("FRA", "DEU", "ASSAULT", _week(22), status="negated")]
    documents = []
    for i, event in enumerate(events):
        event.doc_id = f"doc{i:03d}"
        documents.append(Document(id=event.doc_id, text=f"text {i}", date=event.date, outlet=f"outlet{i % 3}", events=[event]))
    return documents


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    store = DuckDBStore(str(path))
    for document in _documents():
        store.ingest(document)
    store.close()
    return path


@pytest.fixture
def connection(db):
    connection = connect(db)
    yield connection
    connection.close()


def test_escalation_alerts_every_dyad_only_where_conflict_leaves_its_baseline(connection):
    alerts = escalation_alerts(connection)
    assert list(zip(alerts["a"], alerts["b"], alerts["period"])) == [
        ("IRN", "USA", "2018-W13"), ("RUS", "USA", "2018-W13"), ("ISR", "SYR", "2018-W20")]
    assert (ALERT_WINDOW, ALERT_THRESHOLD, ALERT_MIN_CONFLICT) == (12, 2.0, 5.0)


def test_escalation_alert_numbers_and_driving_events(connection):
    (alert,) = escalation_alerts(connection, "USA", "RUS").to_dict("records")
    assert (alert["conflict"], alert["baseline_mean"], alert["baseline_std"], alert["threshold"]) == (14.0, 2.0, 0.0, 2.0)
    assert alert["zscore"] is None or math.isnan(alert["zscore"])  # std 0: no z-score
    assert (alert["n_events"], alert["n_conflict"], str(alert["start"].date())) == (4, 4, "2018-03-26")
    drivers = alert["events"]
    assert [(e["source"], e["target"], e["plover"], e["goldstein"]) for e in drivers] == [
        ("USA", "RUS", "SANCTION", -4.0)] * 3 + [("RUS", "USA", "ACCUSE", -2.0)]
    assert drivers[0]["date"] == dt.date(2018, 3, 26) and drivers[0]["doc_id"].startswith("doc")
    assert set(drivers[0]) == {"doc_id", "seq", "source", "target", "plover", "mode", "date", "goldstein", "quantity", "location"}


def test_escalation_baseline_is_a_sample_std_over_the_window(connection):
    (alert,) = escalation_alerts(connection, "IRN", "USA").to_dict("records")
    std = math.sqrt(12 / 11)
    assert alert["conflict"] == 6.0 and alert["baseline_mean"] == pytest.approx(3.0)
    assert alert["baseline_std"] == pytest.approx(std) and alert["threshold"] == pytest.approx(3 + 2 * std)
    assert alert["zscore"] == pytest.approx(3 / std)
    assert escalation_alerts(connection, "IRN", "USA", threshold=3.0).empty  # 6 < 3 + 3 * 1.04


def test_escalation_empty_weeks_count_as_zero(connection):
    (alert,) = escalation_alerts(connection, "SYR", "ISR").to_dict("records")
    assert (alert["period"], alert["conflict"], alert["baseline_mean"]) == ("2018-W20", 20.0, 0.0)
    assert escalation_alerts(connection, "ISR", "SYR", window=20).empty  # the first event is only 19 weeks earlier


def test_escalation_traps_raise_no_alert(connection):
    assert escalation_alerts(connection, "GBR", "RUS").empty      # 8 a week, then 8: its normal
    assert escalation_alerts(connection, "FRA", "DEU").empty      # a lone accusation; cooperation; a negated assault
    assert escalation_alerts(connection, "CHN", "JPN").empty      # first appearance: no baseline
    assert not escalation_alerts(connection, "FRA", "DEU", min_conflict=2.0).empty  # the lone accusation, if allowed


def test_escalation_directed_dyads_have_their_own_baselines(connection):
    directed = escalation_alerts(connection, directed=True)
    assert ("USA", "RUS") not in set(zip(directed["a"], directed["b"]))  # USA->RUS starts in week 13
    assert list(escalation_alerts(connection, "USA", "RUS", directed=True)["period"]) == []
    assert ("ISR", "SYR", "2018-W20") in set(zip(directed["a"], directed["b"], directed["period"]))


def test_escalation_since_until_and_periods(connection):
    assert list(escalation_alerts(connection, since="2018-04-02")["period"]) == ["2018-W20"]
    assert len(escalation_alerts(connection, since="2018-04-01")) == 3  # a period counts if it holds the day
    assert list(escalation_alerts(connection, until="2018-03-31")["period"]) == ["2018-W13", "2018-W13"]
    monthly = escalation_alerts(connection, by="month", window=2, min_conflict=1)
    assert set(monthly["period"]) <= {"2018-03", "2018-04", "2018-05"}
    with pytest.raises(ValueError):
        escalation_alerts(connection, "USA")
    with pytest.raises(ValueError):
        escalation_alerts(connection, window=1)


def test_escalation_to_arrow_and_dedup(connection):
    table = to_arrow(escalation_alerts(connection))
    assert isinstance(table, pa.Table) and table.num_rows == 3
    assert pa.types.is_list(table.schema.field("events").type)
    deduplicate(connection)
    real = escalation_alerts(connection, "USA", "RUS", dedup=True)
    # the three sanctions of week 13 (Monday to Wednesday, no number) are one real event
    assert list(real["n_conflict"]) == [2] and "real_event_id" in real["events"][0][0]


def test_alerts_command(db, capsys):
    assert main(["alerts", "--db", str(db), "--format", "json"]) == 0
    alerts = json.loads(capsys.readouterr().out)
    assert [(a["a"], a["b"], a["period"]) for a in alerts][1] == ("RUS", "USA", "2018-W13")
    assert alerts[1]["events"][0]["date"] == "2018-03-26" and alerts[1]["start"] == "2018-03-26"
    assert main(["alerts", "usa", "rus", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "RUS-USA" in table and "USA->RUS SANCTION" in table and "(1 alerts" in table
    assert main(["alerts", "USA", "RUS", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("a,b,period,start,conflict")
    with pytest.raises(SystemExit) as stop:
        main(["alerts", "USA", "--db", str(db)])
    assert stop.value.code == 2
