"""detente/analysis/coalitions.py and `detente coalitions`: many actors, one kind of action,
one target, within days; on a real DuckDB file in tmp_path holding small hand-checked events."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from detente.analysis.base import connect
from detente.analysis.coalitions import DEFAULT_MIN_MEMBERS, DEFAULT_WINDOW_DAYS, coalition_members, coalitions
from detente.cli import main
from detente.model import Actor, Document, Event, QuantityMention
from detente.store import DuckDBStore

DAY0 = dt.date(2018, 3, 14)


def _actor(code: str) -> Actor:
    if len(code) == 3 and code.isupper():
        return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")
    return Actor(text=code, start=0, end=1, kind="org", org=code)


def act(doc_id: str, source: str, target: str, day: int, quantity: int | None = None, plover: str = "SANCTION",
        mode: str | None = "expel", status: str = "asserted") -> Document:
    """A document with one event: `source` (codes joined by "+") does `plover`/`mode` to
    `target` on DAY0 + `day`, published that day."""
    sources = source.split("+")
    date = DAY0 + dt.timedelta(days=day)
    event = Event(
        doc_id=doc_id, sentence=0, sentence_text=f"{source} did {plover.lower()} to {target}.",
        source=[_actor(c) for c in sources], target=[_actor(target)], plover=plover, mode=mode,
        cameo="163" if plover == "SANCTION" else "112", goldstein=-4.0, status=status, date=date,
        quantity=QuantityMention(quantity, "diplomats", 0, 1) if quantity is not None else None,
        location=None, trigger_text="did", trigger_start=len(source) + 1, trigger_end=len(source) + 4,
    )
    return Document(id=doc_id, text=f"text of {doc_id}", date=date, events=[event])


def _db(tmp_path, *documents: Document) -> str:
    path = str(tmp_path / f"store-{len(list(tmp_path.glob('*.duckdb')))}.duckdb")
    store = DuckDBStore(path)
    for document in documents:
        store.ingest(document)
    store.close()
    return path


@pytest.fixture
def store_of(tmp_path):
    """store_of(doc, doc, ...) -> an analysis connection on a fresh DuckDB file holding them."""
    opened = []

    def build(*documents: Document):
        connection = connect(_db(tmp_path, *documents))
        opened.append(connection)
        return connection

    yield build
    for connection in opened:
        connection.close()


def summary(frame) -> list[tuple]:
    """(target, plover, mode, start day, end day, [(actor, day, quantity)...], total) per coalition."""
    return [
        (c.target, c.plover, c.mode, (c.start.date() - DAY0).days, (c.end.date() - DAY0).days,
         [(m["actor"], (m["date"].date() - DAY0).days, m["quantity"]) for m in c.members],
         None if pd.isna(c.total) else int(c.total))
        for c in frame.itertuples()
    ]


def march_2018():
    """The model: Britain expels 23, then within days the US 60, Germany and France 4 each,
    NATO 7 (an organisation), Canada without a number in the report; Russia answers each
    (a different target each time: no coalition)."""
    return (
        act("gb", "GBR", "RUS", 0, 23), act("us", "USA", "RUS", 12, 60), act("eu", "DEU+FRA", "RUS", 12, 4),
        act("nato", "NATO", "RUS", 13, 7), act("ca", "CAN", "RUS", 12),
        act("ru-gb", "RUS", "GBR", 3, 23), act("ru-us", "RUS", "USA", 15, 60), act("ru-de", "RUS", "DEU", 16, 4),
    )


def test_coalitions_finds_the_members_and_total(store_of):
    frame = coalitions(store_of(*march_2018()))
    assert (DEFAULT_WINDOW_DAYS, DEFAULT_MIN_MEMBERS) == (14, 3)
    assert summary(frame) == [("RUS", "SANCTION", "expel", 0, 13, [
        ("GBR", 0, 23), ("CAN", 12, None), ("DEU", 12, 4), ("FRA", 12, 4), ("USA", 12, 60), ("NATO", 13, 7),
    ], 98)]
    row = frame.iloc[0]
    assert (row.coalition, row["size"]) == (1, 6)
    assert {m["actor"]: m["doc_id"] for m in row.members}["NATO"] == "nato"


def test_coalitions_a_lone_actor_or_two_is_not_a_coalition(store_of):
    connection = store_of(act("us1", "USA", "RUS", 0, 10), act("us2", "USA", "RUS", 2, 20), act("us3", "USA", "RUS", 4, 5),
                          act("gb", "GBR", "RUS", 3, 23))
    assert summary(coalitions(connection)) == []           # one actor acting thrice, and one more: two actors
    assert len(coalitions(connection, min_members=2)) == 1


def test_coalitions_different_targets_or_types_or_modes_are_not_grouped(store_of):
    connection = store_of(act("a", "USA", "RUS", 0, 1), act("b", "GBR", "IRN", 0, 1), act("c", "FRA", "RUS", 1, plover="ACCUSE", mode=None),
                          act("d", "DEU", "RUS", 1, mode="restrict"), act("e", "POL", "CHN", 2, 3), act("f", "ITA", "RUS", 2, 2))
    assert summary(coalitions(connection)) == []
    # the same three acts with one target and one type and mode make a coalition
    connection = store_of(act("a", "USA", "RUS", 0, 1), act("b", "GBR", "RUS", 0, 1), act("f", "ITA", "RUS", 2, 2))
    assert [c[5] for c in summary(coalitions(connection))] == [[("GBR", 0, 1), ("USA", 0, 1), ("ITA", 2, 2)]]


def test_coalitions_acts_spread_beyond_the_window_are_split(store_of):
    connection = store_of(act("a", "USA", "RUS", 0, 1), act("b", "GBR", "RUS", 1, 1), act("c", "FRA", "RUS", 2, 1),
                          act("d", "DEU", "RUS", 30, 2), act("e", "POL", "RUS", 31, 2), act("f", "ITA", "RUS", 32, 2),
                          act("g", "ESP", "RUS", 45, 2))  # 13 days after the second group's start: still in it
    assert [(c[3], c[4], [m[0] for m in c[5]], c[6]) for c in summary(coalitions(connection))] == [
        (0, 2, ["USA", "GBR", "FRA"], 3), (30, 32, ["DEU", "POL", "ITA"], 6)]
    assert [len(c[5]) for c in summary(coalitions(connection, window_days=15))] == [3, 4]  # ESP within 15 days of day 30


def test_coalitions_window_is_from_the_first_act_not_chained(store_of):
    # Acts every 10 days: with a 14-day window no three actors act within 14 days of each other.
    connection = store_of(*(act(code, code, "RUS", 10 * i, 1) for i, code in enumerate(["USA", "GBR", "FRA", "DEU", "POL"])))
    assert summary(coalitions(connection)) == []
    # With 20 days, three windows hold three actors: the earliest wins, and the two left are too few.
    assert [(c[3], c[4]) for c in summary(coalitions(connection, window_days=20))] == [(0, 20)]


def test_coalitions_a_lone_early_act_does_not_hold_the_window(store_of):
    # A lone act too early to share a window with enough others stays out; the crowd is found.
    connection = store_of(act("x", "SWE", "RUS", 0, 1), act("a", "USA", "RUS", 10, 1), act("b", "GBR", "RUS", 20, 1),
                          act("c", "FRA", "RUS", 21, 1), act("d", "DEU", "RUS", 22, 1))
    assert [(c[3], [m[0] for m in c[5]]) for c in summary(coalitions(connection))] == [(10, ["USA", "GBR", "FRA", "DEU"])]


def test_coalitions_merge_reports_and_keep_the_largest_number(store_of):
    connection = store_of(act("us-a", "USA", "RUS", 0, 48), act("us-b", "USA", "RUS", 0, 60), act("us-c", "USA", "RUS", 1, 60),
                          act("gb", "GBR", "RUS", 1, 23), act("ca", "CAN", "RUS", 2, 4), act("ru", "RUS", "RUS", 1, 9))
    (coalition,) = summary(coalitions(connection))
    assert coalition[5] == [("USA", 0, 60), ("GBR", 1, 23), ("CAN", 2, 4)] and coalition[6] == 87
    member = coalitions(connection).iloc[0].members[0]
    assert (member["doc_id"], member["reports"]) == ("us-a", 3)


def test_coalitions_ignore_negated_acts_and_filter(store_of):
    connection = store_of(*march_2018(), act("pl", "POL", "RUS", 5, 4, status="negated"),
                          act("x1", "USA", "CHN", 100, plover="ACCUSE", mode=None), act("x2", "JPN", "CHN", 100, plover="ACCUSE", mode=None),
                          act("x3", "AUS", "CHN", 101, plover="ACCUSE", mode=None))
    frame = coalitions(connection)
    assert [(c[0], c[1], len(c[5])) for c in summary(frame)] == [("RUS", "SANCTION", 6), ("CHN", "ACCUSE", 3)]
    assert list(coalitions(connection, target="CHN")["target"]) == ["CHN"]
    assert list(coalitions(connection, plover="SANCTION")["target"]) == ["RUS"]
    assert list(coalitions(connection, since=DAY0 + dt.timedelta(days=50))["target"]) == ["CHN"]
    assert list(coalitions(connection, until=DAY0 + dt.timedelta(days=12))["size"]) == [5]  # NATO acted on day 13
    flat = coalition_members(frame)
    assert len(flat) == 9 and list(flat.columns[-5:]) == ["actor", "date", "quantity", "doc_id", "reports"]
    assert coalitions(store_of()).empty


def test_coalitions_reject_bad_parameters(store_of):
    connection = store_of(*march_2018())
    with pytest.raises(ValueError):
        coalitions(connection, window_days=-1)
    with pytest.raises(ValueError):
        coalitions(connection, min_members=1)


# --- the command ------------------------------------------------------------------------


def test_coalitions_command_json(tmp_path, capsys):
    db = _db(tmp_path, *march_2018())
    assert main(["coalitions", "--db", db, "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert {"target", "plover", "mode", "start", "end", "members", "total"} <= set(item)
    assert (item["target"], item["plover"], item["mode"], item["start"], item["end"], item["total"]) == (
        "RUS", "SANCTION", "expel", "2018-03-14", "2018-03-27", 98)
    assert item["members"][0] == {"actor": "GBR", "date": "2018-03-14", "quantity": 23, "doc_id": "gb", "reports": 1}
    assert [m["quantity"] for m in item["members"]] == [23, None, 4, 4, 60, 7]


def test_coalitions_command_options_table_and_csv(tmp_path, capsys):
    db = _db(tmp_path, *march_2018())
    assert main(["coalitions", "--db", db, "--format", "json", "--window", "5"]) == 0
    assert [len(c["members"]) for c in json.loads(capsys.readouterr().out)] == [5]  # Britain is 12 days earlier
    assert main(["coalitions", "--db", db, "--format", "json", "--min-members", "7"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["coalitions", "--db", db, "--format", "json", "--target", "usa"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["coalitions", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "coalition 1: 6 actors, SANCTION/expel against RUS, 2018-03-14 to 2018-03-27, total 98" in out
    assert "(1 coalitions)" in out
    assert main(["coalitions", "--db", db, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "coalition,target,plover,mode,start,end,size,total,actor,date,quantity,doc_id,reports"
    assert len(lines) == 7 and lines[1] == "1,RUS,SANCTION,expel,2018-03-14,2018-03-27,6,98,GBR,2018-03-14,23,gb,1"
    with pytest.raises(SystemExit):
        main(["coalitions", "--db", db, "--min-members", "1"])


def test_coalitions_on_real_events(store_of):
    from detente.analysis.dedup import deduplicate

    # Three states, each reported twice a day apart: with real events each is one act.
    connection = store_of(act("gb-a", "GBR", "RUS", 0, 23), act("gb-b", "GBR", "RUS", 1, 23), act("us-a", "USA", "RUS", 12, 60),
                          act("us-b", "USA", "RUS", 13, 60), act("ca", "CAN", "RUS", 14, 4))
    deduplicate(connection)
    (coalition,) = summary(coalitions(connection, dedup=True))
    assert coalition[5] == [("GBR", 0, 23), ("USA", 12, 60), ("CAN", 14, 4)] and coalition[6] == 87
    assert coalitions(connection, dedup=True).iloc[0].members[0]["reports"] == 2


# --- events dated less precisely than a day -------------------------------------------------


def month_dated(document: Document, first_of_month: dt.date) -> Document:
    """The document's event dated only to the month: stored on its first day, precision month."""
    document.events[0].date, document.events[0].date_precision = first_of_month, "month"
    return document


def test_coalitions_leave_out_acts_dated_only_to_the_month(store_of):
    # Three expulsions on 31 March - 2 April make a coalition. Italy's "in April" (stored
    # on 1 April, inside the window) is not placed in it; three states "in March" (stored
    # on 1 March, the same day) make no coalition of their own.
    connection = store_of(
        act("fr", "FRA", "RUS", 17, 4), act("de", "DEU", "RUS", 18, 4), act("pl", "POL", "RUS", 19, 4),
        month_dated(act("it", "ITA", "RUS", 17, 2), dt.date(2018, 4, 1)),
        *[month_dated(act(code.lower(), code, "RUS", 0, 1), dt.date(2018, 3, 1)) for code in ("NLD", "BEL", "ESP")],
    )
    found = coalitions(connection)
    assert [(c[0], c[3], c[4], [m[0] for m in c[5]]) for c in summary(found)] == [("RUS", 17, 19, ["FRA", "DEU", "POL"])]
    assert found.attrs["coarser_dates"] == {"month": 4}


def test_coalitions_take_the_same_act_when_it_is_dated_to_the_day(store_of):
    connection = store_of(act("fr", "FRA", "RUS", 17, 4), act("de", "DEU", "RUS", 18, 4), act("pl", "POL", "RUS", 19, 4),
                          act("it", "ITA", "RUS", 18, 2))
    found = coalitions(connection)
    assert [m[0] for m in summary(found)[0][5]] == ["FRA", "DEU", "ITA", "POL"]
    assert found.attrs["coarser_dates"] == {}


def test_cli_coalitions_says_how_many_events_it_left_out(tmp_path, capsys):
    db = _db(tmp_path, act("fr", "FRA", "RUS", 17, 4), act("de", "DEU", "RUS", 18, 4), act("pl", "POL", "RUS", 19, 4),
             month_dated(act("it", "ITA", "RUS", 17, 2), dt.date(2018, 4, 1)))
    assert main(["coalitions", "--db", db, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [m["actor"] for m in json.loads(captured.out)[0]["members"]] == ["FRA", "DEU", "POL"]
    assert "1 event(s) dated less precisely than a day left out (month: 1)" in captured.err


# --- the largest coalitions only ------------------------------------------------------------


def three_coalitions():
    """Against RUS: 3 actors on days 0-2, then 4 actors on days 30-32, then 3 on days 60-61."""
    codes = ["USA", "GBR", "FRA", "DEU", "POL", "ITA", "ESP", "NLD", "BEL", "SWE"]
    days = [0, 1, 2, 30, 31, 31, 32, 60, 60, 61]
    return [act(f"d{i}", code, "RUS", day, 1) for i, (code, day) in enumerate(zip(codes, days))]


def test_coalitions_limit_keeps_the_largest_numbered_among_all(store_of):
    connection = store_of(*three_coalitions())
    everything = coalitions(connection)
    assert [(c[3], len(c[5])) for c in summary(everything)] == [(0, 3), (30, 4), (60, 3)]
    assert everything.attrs["found"] == 3
    two = coalitions(connection, limit=2)
    assert list(two["coalition"]) == [1, 2] and list(two["size"]) == [3, 4]  # the earlier of the two of 3
    one = coalitions(connection, limit=1)
    assert list(one["coalition"]) == [2] and one.attrs["found"] == 3
    assert summary(one) == [s for s in summary(everything) if len(s[5]) == 4]
    assert coalitions(connection, limit=0).empty
    with pytest.raises(ValueError):
        coalitions(connection, limit=-1)


def test_coalitions_command_says_when_it_shows_only_the_largest(tmp_path, capsys):
    db = _db(tmp_path, *three_coalitions())
    assert main(["coalitions", "--db", db, "--format", "json", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert [c["coalition"] for c in json.loads(captured.out)] == [2]
    assert "showing the 1 largest of 3 coalitions" in captured.err
    assert main(["coalitions", "--db", db, "--format", "json", "--limit", "0"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 3 and "largest" not in captured.err
    assert main(["coalitions", "--db", db, "--limit", "2"]) == 0
    assert "(2 of 3 coalitions: the largest)" in capsys.readouterr().out
