"""detente/analysis/reciprocity.py and `detente reciprocity`: tit-for-tat pairs and chains,
on a real DuckDB file in tmp_path holding small hand-checked events."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.analysis.base import connect
from detente.analysis.reciprocity import DEFAULT_WINDOW_DAYS, chains, reciprocity
from detente.cli import main
from detente.model import Actor, Document, Event, QuantityMention
from detente.store import DuckDBStore

DAY0 = dt.date(2018, 3, 26)
CAMEO = {"SANCTION": "163", "ACCUSE": "112", "AGREE": "030", "COERCE": "172"}


def _actor(code: str) -> Actor:
    if len(code) == 3 and code.isupper():
        return Actor(text=code, start=0, end=1, kind="country", country=code, sector="GOV")
    return Actor(text=code, start=0, end=1, kind="org", org=code)


def act(doc_id: str, source: str, target: str, day: int, quantity: int | None = None, plover: str = "SANCTION",
        mode: str | None = "expel", status: str = "asserted", published: int | None = None) -> Document:
    """A document (published `published` days after DAY0, default the event's day) with one
    event: `source` (a code, or codes joined by "+") does `plover`/`mode` to `target` on DAY0 + `day`."""
    sources = source.split("+")
    date = DAY0 + dt.timedelta(days=day)
    event = Event(
        doc_id=doc_id, sentence=0, sentence_text=f"{source} did {plover.lower()} to {target}.",
        source=[_actor(c) for c in sources], target=[_actor(target)], plover=plover, mode=mode,
        cameo=CAMEO.get(plover, "010"), goldstein=-4.0, status=status, date=date,
        quantity=QuantityMention(quantity, "diplomats", 0, 1) if quantity is not None else None,
        location=None, trigger_text="did", trigger_start=len(source) + 1, trigger_end=len(source) + 4,
    )
    published_on = DAY0 + dt.timedelta(days=day if published is None else published)
    return Document(id=doc_id, text=f"text of {doc_id}", date=published_on, events=[event])


@pytest.fixture
def store_of(tmp_path):
    """store_of(doc, doc, ...) -> an analysis connection on a fresh DuckDB file holding them."""
    opened = []

    def build(*documents: Document):
        path = tmp_path / f"store{len(opened)}.duckdb"
        store = DuckDBStore(str(path))
        for document in documents:
            store.ingest(document)
        store.close()
        connection = connect(path)
        opened.append(connection)
        return connection

    yield build
    for connection in opened:
        connection.close()


def pairs_of(frame) -> list[tuple]:
    """(action doc, response doc, lag, ratio) per pair, in chain order."""
    return [(r.action_doc_id, r.response_doc_id, r.lag_days, None if r.ratio != r.ratio else r.ratio)
            for r in frame.itertuples()]


# --- pairs ------------------------------------------------------------------------------


def test_reciprocity_pairs_a_response_in_kind_with_lag_and_ratio(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru", "RUS", "USA", 3, 60))
    frame = reciprocity(connection, "USA", "RUS")
    assert pairs_of(frame) == [("us", "ru", 3, 1.0)]
    row = frame.iloc[0]
    assert (row.action_source, row.action_target, row.response_source, row.response_target) == ("USA", "RUS", "RUS", "USA")
    assert row.action_date.date() == DAY0 and row.response_date.date() == DAY0 + dt.timedelta(days=3)
    assert (row.action_plover, row.action_mode, row.response_quantity, row.family) == ("SANCTION", "expel", 60, "sanction")
    assert (row.chain, row.step) == (1, 1)


def test_reciprocity_ratio_above_one_is_escalation_and_null_without_quantity(store_of):
    connection = store_of(act("us1", "USA", "RUS", 0, 35), act("ru1", "RUS", "USA", 10, 70),
                          act("gb", "GBR", "RUS", 0, 23), act("ru2", "RUS", "GBR", 4))
    assert pairs_of(reciprocity(connection, "USA", "RUS")) == [("us1", "ru1", 10, 2.0)]
    assert pairs_of(reciprocity(connection, "GBR", "RUS")) == [("gb", "ru2", 4, None)]


def test_reciprocity_response_outside_the_window_is_not_paired(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru", "RUS", "USA", 31, 60))
    assert DEFAULT_WINDOW_DAYS == 30
    assert pairs_of(reciprocity(connection)) == []
    assert pairs_of(reciprocity(connection, window_days=31)) == [("us", "ru", 31, 1.0)]


def test_reciprocity_window_is_inclusive(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru", "RUS", "USA", 30, 60))
    assert pairs_of(reciprocity(connection)) == [("us", "ru", 30, 1.0)]
    assert pairs_of(reciprocity(connection, window_days=29)) == []


def test_reciprocity_response_of_another_family_is_not_paired(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60),
                          act("ru-accuse", "RUS", "USA", 2, plover="ACCUSE", mode=None),
                          act("ru-coerce", "RUS", "USA", 3, plover="COERCE", mode="arrest"))
    assert pairs_of(reciprocity(connection)) == []


def test_reciprocity_same_day_response_is_paired_once_with_lag_zero(store_of):
    # Both on the same day, in two articles: one is the action, the other its response,
    # never the other way round as well.
    connection = store_of(act("a-us", "USA", "RUS", 0, 60), act("b-ru", "RUS", "USA", 0, 60))
    assert pairs_of(reciprocity(connection)) == [("a-us", "b-ru", 0, 1.0)]


def test_reciprocity_same_day_acts_in_one_article_in_the_order_told(store_of):
    told = act("story", "NOR", "RUS", 0, 15)
    answer = act("story", "RUS", "NOR", 0, 10).events[0]
    answer.sentence = 1
    told.events.append(answer)
    frame = reciprocity(store_of(told))
    assert [(r.action_source, r.action_seq, r.response_source, r.response_seq, r.lag_days) for r in frame.itertuples()] == [
        ("NOR", 0, "RUS", 1, 0)]
    assert frame.iloc[0].ratio == pytest.approx(10 / 15)


def test_reciprocity_response_by_a_third_state_is_not_paired(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60),
                          act("gb", "GBR", "USA", 2, 60),   # a third state acting on A
                          act("ru", "RUS", "GBR", 3, 60))   # B acting on a third state
    assert pairs_of(reciprocity(connection)) == []


def test_reciprocity_two_actions_one_response_pairs_the_most_recent_action(store_of):
    connection = store_of(act("us1", "USA", "RUS", 0, 10), act("us2", "USA", "RUS", 10, 20), act("ru", "RUS", "USA", 15, 40))
    assert pairs_of(reciprocity(connection)) == [("us2", "ru", 5, 2.0)]


def test_reciprocity_each_act_is_answered_once(store_of):
    # Two responses to one action: the first answers it; the second answers nothing.
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru1", "RUS", "USA", 2, 60), act("ru2", "RUS", "USA", 5, 10))
    assert pairs_of(reciprocity(connection)) == [("us", "ru1", 2, 1.0)]


def test_reciprocity_prefers_the_response_in_the_same_mode(store_of):
    # Expulsion answers expulsion and closure answers closure, though all are sanctions.
    connection = store_of(act("us-expel", "USA", "RUS", 0, 60), act("us-close", "USA", "RUS", 1, mode="restrict"),
                          act("ru-expel", "RUS", "USA", 3, 60), act("ru-close", "RUS", "USA", 3, mode="restrict"))
    assert sorted(pairs_of(reciprocity(connection))) == [("us-close", "ru-close", 2, None), ("us-expel", "ru-expel", 3, 1.0)]


def test_reciprocity_ignores_negated_acts(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru-not", "RUS", "USA", 2, 60, status="negated"))
    assert pairs_of(reciprocity(connection)) == []


def test_reciprocity_dates_an_undated_act_by_its_document(store_of):
    undated, late = act("ru-undated", "RUS", "USA", 1, 60, published=4), act("ru-late", "RUS", "USA", 1, 60, published=40)
    undated.events[0].date = late.events[0].date = None
    assert pairs_of(reciprocity(store_of(act("us", "USA", "RUS", 0, 60), undated))) == [("us", "ru-undated", 4, 1.0)]
    assert pairs_of(reciprocity(store_of(act("us", "USA", "RUS", 0, 60), late))) == []


def test_reciprocity_merges_reports_of_one_act(store_of):
    # Four reports of the US expulsion (one without the number, one with a wrong one):
    # one act, its first report's doc_id, the number most reports give.
    connection = store_of(act("us-b", "USA", "RUS", 0, 60), act("us-a", "USA", "RUS", 0),
                          act("us-c", "USA", "RUS", 0, 60), act("us-d", "USA", "RUS", 0, 48),
                          act("ru", "RUS", "USA", 3, 60))
    frame = reciprocity(connection)
    assert pairs_of(frame) == [("us-a", "ru", 3, 1.0)]
    assert (frame.iloc[0].action_quantity, frame.iloc[0].action_reports) == (60, 4)


def test_reciprocity_dyad_filter_and_directed(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru", "RUS", "USA", 3, 60),
                          act("ru2", "RUS", "USA", 10, 5, mode="restrict"), act("us2", "USA", "RUS", 12, 5, mode="restrict"),
                          act("gb", "GBR", "RUS", 1, 23), act("ru-gb", "RUS", "GBR", 4, 23))
    assert sorted(pairs_of(reciprocity(connection))) == [("gb", "ru-gb", 3, 1.0), ("ru2", "us2", 2, 1.0), ("us", "ru", 3, 1.0)]
    assert sorted(pairs_of(reciprocity(connection, "USA", "RUS"))) == [("ru2", "us2", 2, 1.0), ("us", "ru", 3, 1.0)]
    assert pairs_of(reciprocity(connection, "USA", "RUS", directed=True)) == [("us", "ru", 3, 1.0)]
    assert pairs_of(reciprocity(connection, "RUS", "USA", directed=True)) == [("ru2", "us2", 2, 1.0)]
    assert sorted(pairs_of(reciprocity(connection, "GBR"))) == [("gb", "ru-gb", 3, 1.0)]


def test_reciprocity_compound_actors_are_dyads(store_of):
    connection = store_of(act("west", "USA+GBR", "RUS", 0, 10), act("ru-us", "RUS", "USA", 2, 10), act("ru-gb", "RUS", "GBR", 2, 20))
    frame = reciprocity(connection)
    assert sorted((r.action_source, r.response_doc_id, r.ratio) for r in frame.itertuples()) == [("GBR", "ru-gb", 2.0), ("USA", "ru-us", 1.0)]


def test_reciprocity_since_until_bound_the_action(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), act("ru", "RUS", "USA", 3, 60),
                          act("us2", "USA", "RUS", 100, 1, plover="AGREE", mode=None), act("ru2", "RUS", "USA", 101, 1, plover="AGREE", mode=None))
    assert pairs_of(reciprocity(connection, until=DAY0)) == [("us", "ru", 3, 1.0)]  # its response comes after `until`
    assert pairs_of(reciprocity(connection, since=DAY0 + dt.timedelta(days=50))) == [("us2", "ru2", 1, 1.0)]
    assert pairs_of(reciprocity(connection, family="cooperation")) == [("us2", "ru2", 1, 1.0)]


def test_reciprocity_rejects_a_negative_window(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60))
    with pytest.raises(ValueError):
        reciprocity(connection, window_days=-1)


# --- chains -----------------------------------------------------------------------------


def tit_for_tat():
    """USA, RUS, USA answer each other in sanctions; a separate GBR-RUS exchange; a lone act."""
    return (act("us1", "USA", "RUS", 0, 60), act("ru1", "RUS", "USA", 3, 60), act("us2", "USA", "RUS", 20, 10),
            act("gb1", "GBR", "RUS", 1, 23), act("ru-gb", "RUS", "GBR", 5, 23),
            act("fr", "FRA", "RUS", 2, 4))


def test_reciprocity_chains_follow_responses(store_of):
    connection = store_of(*tit_for_tat())
    frame = reciprocity(connection)
    assert [(r.chain, r.step, r.action_doc_id, r.response_doc_id) for r in frame.itertuples()] == [
        (1, 1, "us1", "ru1"), (1, 2, "ru1", "us2"), (2, 1, "gb1", "ru-gb"),
    ]
    table = chains(frame)
    assert list(table["chain"]) == [1, 2]
    first = table.iloc[0]
    assert (first.initiator, first.responder, first.family, first.length) == ("USA", "RUS", "sanction", 3)
    assert (first.start.date(), first.end.date()) == (DAY0, DAY0 + dt.timedelta(days=20))
    assert [(a["doc_id"], a["source"], a.get("lag_days"), a.get("ratio")) for a in first.acts] == [
        ("us1", "USA", None, None), ("ru1", "RUS", 3, 1.0), ("us2", "USA", 17, 10 / 60),
    ]
    assert list(chains(connection, "USA", "RUS")["length"]) == [3]


# --- the command ------------------------------------------------------------------------


def _db(tmp_path, *documents) -> str:
    path = str(tmp_path / "cli.duckdb")
    store = DuckDBStore(path)
    for document in documents:
        store.ingest(document)
    store.close()
    return path


def test_reciprocity_command_json_items(tmp_path, capsys):
    db = _db(tmp_path, *tit_for_tat())
    assert main(["reciprocity", "USA", "RUS", "--db", db, "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert isinstance(items, list) and len(items) == 2
    item = items[0]
    assert {"action", "response", "lag_days", "ratio", "chain", "step"} <= set(item)
    assert item["action"] == {"doc_id": "us1", "seq": 0, "source": "USA", "target": "RUS", "plover": "SANCTION",
                              "mode": "expel", "family": "sanction", "cameo": "163", "date": "2018-03-26",
                              "quantity": 60, "reports": 1}
    assert (item["response"]["source"], item["response"]["date"], item["lag_days"], item["ratio"]) == ("RUS", "2018-03-29", 3, 1.0)
    assert items[1]["action"]["doc_id"] == "ru1" and items[1]["ratio"] == pytest.approx(10 / 60)


def test_reciprocity_command_chains_window_and_table(tmp_path, capsys):
    db = _db(tmp_path, *tit_for_tat(), act("ru-late", "RUS", "FRA", 40, 4))
    assert main(["reciprocity", "--db", db, "--format", "json", "--chains"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["chain"], c["initiator"], c["responder"], c["length"]) for c in listed] == [(1, "USA", "RUS", 3), (2, "GBR", "RUS", 2)]
    assert [a["doc_id"] for a in listed[0]["acts"]] == ["us1", "ru1", "us2"]
    assert listed[0]["start"] == "2018-03-26" and listed[0]["acts"][1]["lag_days"] == 3

    assert main(["reciprocity", "FRA", "--db", db, "--format", "json", "--window", "40"]) == 0
    assert [i["response"]["doc_id"] for i in json.loads(capsys.readouterr().out)] == ["ru-late"]

    assert main(["reciprocity", "USA", "RUS", "--db", db, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "USA→RUS SANCTION/expel 60" in out and "2018-03-29" in out and "(2 pairs in 1 chains)" in out
    assert main(["reciprocity", "USA", "RUS", "--db", db, "--format", "table", "--chains"]) == 0
    assert "chain 1" in capsys.readouterr().out


def test_reciprocity_command_csv_and_errors(tmp_path, capsys):
    db = _db(tmp_path, *tit_for_tat())
    assert main(["reciprocity", "USA", "RUS", "--db", db, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("chain,step,action_doc_id") and len(lines) == 3
    assert main(["reciprocity", "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "no such database" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["reciprocity", "--db", db, "--window", "-3"])


# --- real events (detente dedup) --------------------------------------------------------


def test_reciprocity_on_real_events(store_of, tmp_path, capsys):
    from detente.analysis.dedup import deduplicate

    # The US expulsion reported on the day and (one day off) the next: two acts of mentions,
    # one real event; Russia's answer three days later.
    connection = store_of(act("us-a", "USA", "RUS", 0, 60), act("us-b", "USA", "RUS", 1, 60), act("ru", "RUS", "USA", 3, 60))
    assert pairs_of(reciprocity(connection)) == [("us-b", "ru", 2, 1.0)]
    with pytest.raises(Exception, match="detente dedup"):
        reciprocity(connection, dedup=True)
    deduplicate(connection)
    frame = reciprocity(connection, dedup=True)
    assert pairs_of(frame) == [("us-a", "ru", 3, 1.0)]
    assert frame.iloc[0].action_reports == 2

    db = _db(tmp_path, act("us-a", "USA", "RUS", 0, 60), act("us-b", "USA", "RUS", 1, 60), act("ru", "RUS", "USA", 3, 60))
    assert main(["reciprocity", "--db", db, "--dedup"]) == 1
    assert "detente dedup" in capsys.readouterr().err
    assert main(["dedup", "--db", db]) == 0
    capsys.readouterr()
    assert main(["reciprocity", "--db", db, "--dedup", "--format", "json"]) == 0
    assert [i["lag_days"] for i in json.loads(capsys.readouterr().out)] == [3]


# --- events dated less precisely than a day -------------------------------------------------


def month_dated(document: Document, first_of_month: dt.date) -> Document:
    """The document's event dated only to the month: stored on its first day, precision month."""
    document.events[0].date, document.events[0].date_precision = first_of_month, "month"
    return document


def test_reciprocity_does_not_pair_an_act_dated_only_to_the_month(store_of):
    # Russia's answer "in April" is stored on 1 April, 6 days after the US expulsion: a
    # lag of 6 days would be made up. It is left out and counted.
    connection = store_of(act("us", "USA", "RUS", 0, 60), month_dated(act("ru", "RUS", "USA", 0, 60), dt.date(2018, 4, 1)))
    frame = reciprocity(connection, "USA", "RUS")
    assert pairs_of(frame) == []
    assert frame.attrs["coarser_dates"] == {"month": 1}


def test_reciprocity_pairs_around_an_act_dated_only_to_the_month(store_of):
    connection = store_of(act("us", "USA", "RUS", 0, 60), month_dated(act("ru1", "RUS", "USA", 0, 60), dt.date(2018, 4, 1)),
                          act("ru2", "RUS", "USA", 3, 60))
    frame = reciprocity(connection, "USA", "RUS")
    assert pairs_of(frame) == [("us", "ru2", 3, 1.0)]
    assert frame.attrs["coarser_dates"] == {"month": 1}


def test_cli_reciprocity_says_how_many_events_it_left_out(store_of, tmp_path, capsys):
    store_of(act("us", "USA", "RUS", 0, 60), month_dated(act("ru", "RUS", "USA", 0, 60), dt.date(2018, 4, 1)))
    assert main(["reciprocity", "USA", "RUS", "--db", str(tmp_path / "store0.duckdb"), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "1 event(s) dated less precisely than a day left out (month: 1)" in captured.err
