"""detente/analysis/dyads.py (dyad series, "lowest point since"), plot.py and `detente dyad`,
on hand-checked USA-RUS events in a real DuckDB file.

Goldstein means by month (mentions): 2014-03 -4.0, 2014-05 +1.0, 2016-12 -3.33 (one
sanction reported twice and an accusation; -3.0 once deduplicated), 2017-06 -0.5,
2018-03 -3.5. Traps: a negated event, another dyad, a compound source, an undated
event (dated by its publication), an event dated before its publication month.
"""
from __future__ import annotations

import datetime as dt
import json
import math

import pyarrow as pa
import pytest

from detente.analysis.base import connect
from detente.analysis.dedup import deduplicate
from detente.analysis.dyads import (LOWEST_MEASURE, PLOVER_TYPES, QUAD_COLUMNS, dyad_series, lowest_point_since,
                                    period_start, to_arrow)
from detente.analysis.plot import dyad_chart, plot_dyad
from detente.cli import main
from detente.errors import StoreError
from detente.model import Actor, Document, Event, QuantityMention
from detente.store import DuckDBStore

D = dt.date
GOLDSTEIN = {"SANCTION": ("161", -4.0), "ACCUSE": ("112", -2.0), "CONSULT": ("040", 1.0)}


def _actor(code: str) -> Actor:
    return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")


def _event(source: str, target: str, plover: str, day=None, qty=None, status="asserted") -> Event:
    cameo, goldstein = GOLDSTEIN[plover]
    return Event(
        doc_id="", sentence=0, sentence_text="...", source=[_actor(c) for c in source.split("+")],
        target=[_actor(c) for c in target.split("+")], plover=plover, mode=None, cameo=cameo, goldstein=goldstein,
        status=status, date=day, quantity=QuantityMention(qty, "diplomats", 0, 1) if qty else None, location=None,
        trigger_text="...", trigger_start=0, trigger_end=3,
    )


def _doc(doc_id: str, published, outlet: str, *events: Event) -> Document:
    for i, event in enumerate(events):
        event.doc_id, event.sentence = doc_id, i
    return Document(id=doc_id, text=f"text of {doc_id}", date=published, outlet=outlet, events=list(events))


DOCUMENTS = [
    _doc("a1", D(2014, 3, 20), "AP", _event("RUS", "USA", "SANCTION", D(2014, 3, 18)), _event("USA", "RUS", "SANCTION", D(2014, 3, 20))),
    _doc("a2", D(2014, 5, 10), "AP", _event("USA", "RUS", "CONSULT", D(2014, 5, 9)), _event("RUS", "USA", "CONSULT", D(2014, 5, 9))),
    _doc("b1", D(2016, 12, 30), "AP", _event("USA", "RUS", "SANCTION", D(2016, 12, 29), qty=35), _event("RUS", "USA", "ACCUSE", D(2016, 12, 30))),
    _doc("b2", D(2016, 12, 30), "Reuters", _event("USA", "RUS", "SANCTION", D(2016, 12, 29), qty=35)),  # the same sanction
    _doc("c1", D(2017, 6, 2), "AP", _event("RUS", "USA", "ACCUSE", D(2017, 6, 1)), _event("USA", "RUS", "CONSULT", D(2017, 6, 2))),
    _doc("d1", D(2018, 3, 30), "AP",
         _event("RUS", "USA", "SANCTION", D(2018, 3, 15), qty=60),
         _event("USA+GBR", "RUS", "SANCTION", D(2018, 3, 26), qty=60),          # compound source: counted once
         _event("RUS", "USA", "ACCUSE"),                                        # no date: published 2018-03-30
         _event("RUS", "USA", "SANCTION", D(2018, 3, 20), status="negated"),   # not asserted
         _event("RUS", "GBR", "SANCTION", D(2018, 3, 20))),                    # another dyad
    _doc("d2", D(2018, 4, 2), "TASS", _event("RUS", "USA", "SANCTION", D(2018, 3, 29), qty=23)),  # March, published in April
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    store = DuckDBStore(str(path))
    for document in DOCUMENTS:
        store.ingest(document)
    store.close()
    return path


@pytest.fixture
def connection(db):
    connection = connect(db)
    yield connection
    connection.close()


def _row(frame, period):
    (row,) = frame[frame["period"] == period].to_dict("records")
    return row


# --- dyad_series ----------------------------------------------------------------------------


def test_dyad_series_monthly_counts_types_quads_goldstein_and_index(connection):
    series = dyad_series(connection, "USA", "RUS")
    assert list(series["period"][:3]) == ["2014-03", "2014-04", "2014-05"]
    assert len(series) == 49  # 2014-03 .. 2018-03, no gaps
    march = _row(series, "2018-03")
    assert (march["events"], march["SANCTION"], march["ACCUSE"], march["CONSULT"]) == (4, 3, 1, 0)
    assert (march["material_conflict"], march["verbal_conflict"], march["cooperation"], march["conflict"]) == (3, 1, 0, 4)
    assert march["goldstein_sum"] == -14.0 and march["goldstein_mean"] == -3.5 and march["cc_index"] == -1.0
    mixed = _row(series, "2017-06")
    assert (mixed["cooperation"], mixed["conflict"], mixed["cc_index"], mixed["goldstein_mean"]) == (1, 1, 0.0, -0.5)
    assert _row(series, "2014-05")["cc_index"] == 1.0
    assert str(series["start"][0].date()) == "2014-03-01"


def test_dyad_series_fills_empty_periods_with_zero_counts_and_no_mean(connection):
    empty = _row(dyad_series(connection, "USA", "RUS"), "2014-04")
    assert empty["events"] == 0 and all(empty[t] == 0 for t in PLOVER_TYPES)
    assert empty["goldstein_sum"] == 0.0 and math.isnan(empty["goldstein_mean"]) and math.isnan(empty["cc_index"])


def test_dyad_series_has_a_column_per_type_and_quad(connection):
    columns = list(dyad_series(connection, "USA", "RUS").columns)
    assert columns[:5] == ["period", "start", "events", "cooperation", "conflict"]
    assert set(PLOVER_TYPES) | set(QUAD_COLUMNS) | {"goldstein_sum", "goldstein_mean", "cc_index"} <= set(columns)
    assert len(PLOVER_TYPES) == 16


def test_dyad_series_is_undirected_unless_asked(connection):
    both = dyad_series(connection, "RUS", "USA")
    assert _row(both, "2018-03")["events"] == 4
    assert _row(dyad_series(connection, "USA", "RUS", directed=True), "2018-03")["events"] == 1
    assert _row(dyad_series(connection, "RUS", "USA", directed=True), "2018-03")["events"] == 3


def test_dyad_series_other_periods_and_labels(connection):
    years = dyad_series(connection, "USA", "RUS", by="year")
    assert list(years["period"]) == ["2014", "2015", "2016", "2017", "2018"]
    assert list(years["events"]) == [4, 0, 3, 2, 4]
    weeks = dyad_series(connection, "USA", "RUS", by="week", since="2018-03-01")
    assert list(weeks["period"]) == ["2018-W09", "2018-W10", "2018-W11", "2018-W12", "2018-W13"]
    assert list(weeks["events"]) == [0, 0, 1, 0, 3]  # 03-15; 03-26, 03-29, 03-30
    days = dyad_series(connection, "USA", "RUS", by="day", since="2018-03-26", until="2018-03-31")
    assert list(days["period"]) == [f"2018-03-{d}" for d in range(26, 32)]
    with pytest.raises(ValueError):
        dyad_series(connection, "USA", "RUS", by="fortnight")


def test_dyad_series_since_and_until_bound_the_periods(connection):
    series = dyad_series(connection, "USA", "RUS", since=D(2018, 1, 1), until=D(2018, 3, 31))
    assert list(series["period"]) == ["2018-01", "2018-02", "2018-03"]
    assert list(series["events"]) == [0, 0, 4]
    assert dyad_series(connection, "USA", "RUS", until="2014-03-19")["events"].tolist() == [1]


def test_dyad_series_of_a_dyad_with_no_events_is_empty(connection):
    series = dyad_series(connection, "USA", "FRA")
    assert series.empty and "cc_index" in series.columns


def test_dyad_series_counts_real_events_with_dedup(connection):
    with pytest.raises(StoreError, match="detente dedup"):
        dyad_series(connection, "USA", "RUS", dedup=True)
    deduplicate(connection)
    assert _row(dyad_series(connection, "USA", "RUS"), "2016-12")["events"] == 3
    december = _row(dyad_series(connection, "USA", "RUS", dedup=True), "2016-12")
    assert (december["events"], december["goldstein_mean"]) == (2, -3.0)


def test_dyad_series_to_arrow(connection):
    table = to_arrow(dyad_series(connection, "USA", "RUS"))
    assert isinstance(table, pa.Table) and table.num_rows == 49
    assert table.schema.field("SANCTION").type == pa.int64()


# --- lowest point since -------------------------------------------------------------------------


def test_lowest_point_since_names_the_last_period_at_least_as_hostile(connection):
    (row,) = lowest_point_since(connection, "USA", "RUS", "2018-03").to_dict("records")
    assert LOWEST_MEASURE == "goldstein_mean"
    assert (row["period"], row["value"], row["since"], row["since_value"], row["on_record"]) == ("2018-03", -3.5, "2014-03", -4.0, False)
    assert "the most hostile month since 2014-03" in row["words"]
    # 2016-12 (-3.33) is less hostile than 2018-03 (-3.5), so it is not the answer


def test_lowest_point_since_on_record_and_no_events(connection):
    first = lowest_point_since(connection, "USA", "RUS", "2014-03")
    assert first["on_record"][0] and first["since"][0] is None
    assert "the most hostile month on record" in first["words"][0]
    quiet = lowest_point_since(connection, "USA", "RUS", "2014-04")
    assert quiet["value"][0] is None and not quiet["on_record"][0] and "no events" in quiet["words"][0]


def test_lowest_point_since_latest_ties_and_other_measures(connection):
    assert lowest_point_since(connection, "USA", "RUS")["period"][0] == "2018-03"  # latest
    assert lowest_point_since(connection, "USA", "RUS", "2017-06")["since"][0] == "2016-12"
    # by the count index 2018-03 (-1) ties 2016-12 (-1): a tie is "at least as hostile"
    assert lowest_point_since(connection, "USA", "RUS", "2018-03", measure="cc_index")["since"][0] == "2016-12"
    assert lowest_point_since(connection, "USA", "RUS", "2018-03", measure="goldstein_sum")["on_record"][0]
    assert lowest_point_since(connection, "USA", "RUS", "2017", by="year")["since"][0] == "2016"
    with pytest.raises(ValueError):
        lowest_point_since(connection, "USA", "RUS", "2018-03", measure="vibes")


def test_lowest_point_since_min_events_skips_thin_periods(connection):
    row = lowest_point_since(connection, "USA", "RUS", "2017-06", min_events=2)
    assert row["since"][0] == "2016-12" and row["since_value"][0] == pytest.approx(-10 / 3)
    row = lowest_point_since(connection, "USA", "RUS", "2018-03", min_events=3)  # 2014-03 had 2 events
    assert row["on_record"][0] and row["since"][0] is None
    thin = lowest_point_since(connection, "USA", "RUS", "2017-06", min_events=3)
    assert thin["value"][0] is None and "fewer than the 3 needed" in thin["words"][0]


def test_period_start_reads_labels_and_days():
    assert period_start("2018-03", "month") == D(2018, 3, 1)
    assert period_start("2018-03-28", "week") == D(2018, 3, 26)
    assert period_start("2018-W13", "week") == D(2018, 3, 26)
    assert period_start("2018", "year") == D(2018, 1, 1)
    assert period_start(D(2018, 3, 28), "day") == D(2018, 3, 28)
    with pytest.raises(ValueError):
        period_start("March", "month")


# --- plot --------------------------------------------------------------------------------------


def test_dyad_plot_renders_a_png(connection, tmp_path):
    series = dyad_series(connection, "USA", "RUS", since="2016-01-01")
    spec = dyad_chart(series, "USA", "RUS")
    assert spec["vconcat"] and "USA" in spec["title"]["text"]
    path = plot_dyad(series, tmp_path / "usa-rus.png", "USA", "RUS")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


# --- the command ------------------------------------------------------------------------------


def test_dyad_command_formats(db, capsys):
    assert main(["dyad", "usa", "rus", "--db", str(db), "--format", "json", "--since", "2018-01-01"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["period"] for r in rows] == ["2018-01", "2018-02", "2018-03"]
    assert rows[2]["start"] == "2018-03-01" and rows[2]["SANCTION"] == 3 and rows[0]["goldstein_mean"] is None
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--format", "csv", "--by", "year"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("period,start,events") and len(lines) == 6
    assert main(["dyad", "USA", "RUS", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "ACCUSE 1, SANCTION 3" in table and "latest: USA-RUS, 2018-03: the most hostile month since 2014-03" in table


def test_dyad_command_lowest_and_plot(db, tmp_path, capsys):
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--lowest", "2018-03"]) == 0
    assert "the most hostile month since 2014-03" in capsys.readouterr().out
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--lowest", "2018-03", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["since"] == "2014-03"
    png = tmp_path / "plot.png"
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--plot", str(png), "--format", "csv"]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "written to" in capsys.readouterr().err


def test_dyad_command_bad_usage(db, tmp_path, capsys):
    for args in (["--lowest", "March"], ["--plot", "out.svg"], ["--by", "fortnight"]):
        with pytest.raises(SystemExit) as stop:
            main(["dyad", "USA", "RUS", "--db", str(db), *args])
        assert stop.value.code == 2
    assert main(["dyad", "USA", "RUS", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--dedup"]) == 1
    assert "detente dedup" in capsys.readouterr().err


def test_dyad_command_dedup_warns_when_the_real_events_are_stale(db, capsys):
    assert main(["dedup", "--db", str(db)]) == 0
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--dedup", "--format", "json"]) == 0
    assert "warning" not in capsys.readouterr().err
    store = DuckDBStore(str(db))
    store.ingest(_doc("e1", D(2018, 4, 5), "AP", _event("RUS", "USA", "ACCUSE", D(2018, 4, 4))))
    store.close()
    assert main(["dyad", "USA", "RUS", "--db", str(db), "--dedup", "--format", "json"]) == 0
    assert "run 'detente dedup' again" in capsys.readouterr().err


# --- events dated less precisely than a day -------------------------------------------------


def _dated(event: Event, precision: str) -> Event:
    event.date_precision = precision
    return event


@pytest.fixture
def coarse(tmp_path):
    """USA->RUS: a sanction on 2018-03-26, an accusation "in March 2018" (stored 2018-03-01,
    month), a consultation "in 2018" (stored 2018-01-01, year)."""
    path = tmp_path / "coarse.duckdb"
    store = DuckDBStore(str(path))
    store.ingest(_doc("m1", D(2018, 3, 30), "AP",
                      _event("USA", "RUS", "SANCTION", D(2018, 3, 26)),
                      _dated(_event("USA", "RUS", "ACCUSE", D(2018, 3, 1)), "month"),
                      _dated(_event("USA", "RUS", "CONSULT", D(2018, 1, 1)), "year")))
    store.close()
    connection = connect(path)
    yield connection, path
    connection.close()


def test_dyad_series_by_week_leaves_out_and_counts_coarser_dates(coarse):
    connection, _ = coarse
    weekly = dyad_series(connection, "USA", "RUS", by="week")
    assert list(weekly["period"]) == ["2018-W13"]  # not 2018-W01 or the week of 1 March
    assert list(weekly["events"]) == [1] and weekly["SANCTION"][0] == 1
    assert weekly.attrs["coarser_dates"] == {"month": 1, "year": 1}
    assert dyad_series(connection, "USA", "RUS", by="day").attrs["coarser_dates"] == {"month": 1, "year": 1}


def test_dyad_series_by_month_counts_month_dates_and_by_year_all(coarse):
    connection, _ = coarse
    monthly = dyad_series(connection, "USA", "RUS", by="month")
    assert list(zip(monthly["period"], monthly["events"])) == [("2018-03", 2)]
    assert monthly.attrs["coarser_dates"] == {"year": 1}
    yearly = dyad_series(connection, "USA", "RUS", by="year")
    assert list(zip(yearly["period"], yearly["events"])) == [("2018", 3)]
    assert yearly.attrs["coarser_dates"] == {}


def test_analysis_view_says_how_precisely_events_are_dated(coarse):
    connection, _ = coarse
    rows = connection.execute("SELECT plover, date_precision FROM analysis_events ORDER BY plover").fetchall()
    assert rows == [("ACCUSE", "month"), ("CONSULT", "year"), ("SANCTION", "day")]


def test_cli_dyad_says_how_many_events_it_left_out(coarse, capsys):
    _, path = coarse
    assert main(["dyad", "USA", "RUS", "--db", str(path), "--by", "week", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [row["period"] for row in json.loads(captured.out)] == ["2018-W13"]
    assert "2 event(s) dated less precisely than a week left out (month: 1, year: 1)" in captured.err
