"""detente/exporters.py and `detente export`: a small store (imported GDELT and POLECAT
events plus one coded document with a compound actor) written to every format and read back."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from detente.cli import main
from detente.exporters import EXPORT_FORMATS, export_store
from detente.importers import import_files
from detente.model import Actor, Document, Event, QuantityMention
from detente.store import DuckDBStore

DATA = Path(__file__).parent / "data" / "import"
CONTRACT_FIELDS = {
    "doc_id", "sentence", "sentence_text", "source", "target", "plover", "mode", "cameo",
    "goldstein", "status", "date", "quantity", "location", "trigger",
}
SENTENCE = "The United States and Canada expelled 60 Russian diplomats on Monday."


def _actor(code: str, text: str) -> Actor:
    return Actor(text=text, start=0, end=len(text), kind="country", country=code, sector="GOV")


@pytest.fixture
def store(tmp_path) -> Path:
    """7 GDELT events, 4 POLECAT events (no CAMEO code) and a coded document whose one
    event has two sources (3 dyads in all) and a quantity."""
    db = tmp_path / "store.duckdb"
    import_files(db, "gdelt", [DATA / "gdelt_events.export.CSV"])
    import_files(db, "polecat", [DATA / "polecat_events.tsv"])
    coded = Event(
        doc_id="coded-1", sentence=0, sentence_text=SENTENCE,
        source=[_actor("USA", "The United States"), _actor("CAN", "Canada")], target=[_actor("RUS", "Russian diplomats")],
        plover="SANCTION", mode="expel", cameo="166", goldstein=-7.0, status="asserted", date=dt.date(2018, 3, 26),
        quantity=QuantityMention(60, "Russian diplomats", 38, 40), location=None,
        trigger_text="expelled", trigger_start=29, trigger_end=37,
    )
    store = DuckDBStore(str(db))
    store.ingest(Document(id="coded-1", text=SENTENCE, date=dt.date(2018, 3, 27), url="https://example.org/coded-1",
                          outlet="Example Post", events=[coded]))
    store.close()
    return db


def stored(db: Path) -> list[dict]:
    store = DuckDBStore(str(db))
    try:
        return store.events()
    finally:
        store.close()


def test_formats():
    assert EXPORT_FORMATS == ("parquet", "csv", "jsonl", "plover", "cameo-tsv")


def test_jsonl_is_the_stored_records(store, tmp_path):
    out = tmp_path / "events.jsonl"
    result = export_store(store, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.rows == result.events == len(lines) == 12
    assert all(CONTRACT_FIELDS <= set(record) for record in lines)
    key = lambda r: (r["doc_id"], r["sentence"], json.dumps(r, sort_keys=True))  # noqa: E731
    assert sorted(lines, key=key) == sorted(stored(store), key=key)
    assert [r["date"] for r in lines] == sorted(r["date"] for r in lines)  # by date


def test_plover_lines_and_their_round_trip_through_import(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    export_store(store, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 12
    coded = next(r for r in records if r["story_id"] == "coded-1")
    assert coded["id"] == "coded-1#0" and coded["date"] == "2018-03-26" and coded["event"] == "SANCTION"
    assert [(a["code"], a["entity_text"]) for a in coded["actor"]] == [("USA", "The United States"), ("CAN", "Canada")]
    assert coded["recipient"][0]["country"] == "RUS" and coded["quad_code"] == 4
    assert coded["event_text"] == "expelled" and coded["text"] == SENTENCE and coded["quantity"] == 60
    assert coded["cite_info"]["url"] == "https://example.org/coded-1" and coded["cite_info"]["outlet"] == "Example Post"
    nato = next(r for r in records if r["id"].startswith("gdelt:737171004"))
    assert nato["actor"][0]["org"] == "NATO" and nato["cameo"] == "166"

    back = tmp_path / "back.duckdb"
    (report,) = import_files(back, "polecat", [out])
    assert (report.loaded, report.rejected) == (12, 0)
    with duckdb.connect(str(back), read_only=True) as connection:
        again = connection.execute(
            "SELECT source_codes, target_codes, plover, mode, cameo, goldstein, status, date, quantity FROM events"
        ).fetchall()
    with duckdb.connect(str(store), read_only=True) as connection:
        original = connection.execute(
            "SELECT source_codes, target_codes, plover, mode, cameo, goldstein, status, date, quantity FROM events"
        ).fetchall()
    assert sorted(again, key=repr) == sorted(original, key=repr)


def test_cameo_tsv_has_one_row_per_dyad_and_leaves_out_events_without_cameo(store, tmp_path):
    out = tmp_path / "events.tsv"
    result = export_store(store, "cameo-tsv", out)
    with open(out, encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))
    assert list(table[0]) == ["date", "source", "target", "cameo", "root", "quad_class", "goldstein", "plover", "mode",
                              "status", "quantity", "doc_id", "seq", "published"]
    # 7 GDELT events (one without a target) + the coded event's 2 dyads; POLECAT's 4 left out
    assert result.rows == len(table) == 9 and result.left_out == 4
    coded = [(r["source"], r["target"], r["cameo"], r["root"], r["quad_class"], r["goldstein"], r["quantity"])
             for r in table if r["doc_id"] == "coded-1"]
    assert coded == [("CAN", "RUS", "166", "16", "4", "-7.0", "60"), ("USA", "RUS", "166", "16", "4", "-7.0", "60")]
    praise = next(r for r in table if r["doc_id"] == "gdelt:737171007")
    assert (praise["target"], praise["cameo"], praise["quad_class"], praise["date"]) == ("", "051", "1", "2018-03-28")
    assert "4 events without a CAMEO code left out" in result.summary()


def test_csv_one_row_per_event(store, tmp_path):
    out = tmp_path / "events.csv"
    export_store(store, "csv", out)
    with open(out, encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == 12
    coded = next(r for r in table if r["doc_id"] == "coded-1")
    assert (coded["source"], coded["target"], coded["plover"], coded["quantity"]) == ("USA;CAN", "RUS", "SANCTION", "60")
    assert (coded["published"], coded["outlet"], coded["sentence_text"]) == ("2018-03-27", "Example Post", SENTENCE)
    polecat = next(r for r in table if r["doc_id"] == "polecat:story-9003")
    assert polecat["cameo"] == "" and polecat["mode"] == "phone"


def test_parquet_keeps_lists_and_records(store, tmp_path):
    out = tmp_path / "events.parquet"
    export_store(store, "parquet", out)
    with duckdb.connect() as connection:
        rows = connection.execute(f"SELECT doc_id, source, target, date, record FROM read_parquet('{out}')").fetchall()
    assert len(rows) == 12
    coded = next(r for r in rows if r[0] == "coded-1")
    assert coded[1:4] == (["USA", "CAN"], ["RUS"], dt.date(2018, 3, 26))
    assert json.loads(coded[4])["quantity"] == {"value": 60, "unit": "Russian diplomats"}


def test_export_command(store, tmp_path, capsys):
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", str(store), "--format", "cameo-tsv", "--out", str(out)]) == 0
    assert "9 dyad rows written" in capsys.readouterr().err
    assert main(["export", "--db", str(store), "--format", "jsonl", "--out", "-"]) == 0
    out_text, err = capsys.readouterr()
    assert len(out_text.splitlines()) == 12 and "standard output" in err
    assert main(["export", "--db", str(tmp_path / "missing.duckdb"), "--format", "csv", "--out", str(out)]) == 1
    assert "no such database" in capsys.readouterr().err


def test_export_of_an_empty_store(tmp_path):
    db = tmp_path / "empty.duckdb"
    DuckDBStore(str(db)).close()
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"empty.{fmt}"
        result = export_store(db, fmt, out)
        assert result.rows == 0 and out.exists()
