"""detente/importers and `detente import`: GDELT 2.0, ICEWS and POLECAT files in their real
column layouts (hand-written samples in tests/data/import, each with malformed rows),
loaded into a real DuckDB store in tmp_path."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from detente.cli import main
from detente.coding.ontology import Ontology
from detente.importers import ImportFileError, cameo_rows, import_files
from detente.importers.cameo_map import CAMEO_TO_PLOVER, NO_PLOVER, OVERRIDES, code_spellings, known_codes, plover_of
from detente.store.duckdb_store import SCHEMA

DATA = Path(__file__).parent / "data" / "import"
GDELT = DATA / "gdelt_events.export.CSV"
ICEWS = DATA / "icews_events.tab"
POLECAT_TSV = DATA / "polecat_events.tsv"
POLECAT_JSONL = DATA / "polecat_events.jsonl"
CONTRACT_FIELDS = {
    "doc_id", "sentence", "sentence_text", "source", "target", "plover", "mode", "cameo",
    "goldstein", "status", "date", "quantity", "location", "trigger",
}
ONTOLOGY = Ontology.bundled()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


def event(db: Path, doc_id: str, seq: int | None = None) -> dict:
    """The event's full record, as `detente events` prints it (the `event_records` view)."""
    where = "doc_id = ?" + ("" if seq is None else " AND seq = ?")
    (record,), = rows(db, f"SELECT record FROM event_records WHERE {where}", [doc_id] + ([] if seq is None else [seq]))
    return json.loads(record)


def columns(db: Path, doc_id: str, seq: int | None = None) -> dict:
    where = "doc_id = ?" + ("" if seq is None else " AND seq = ?")
    with duckdb.connect(str(db), read_only=True) as connection:
        cursor = connection.execute(f"SELECT * FROM event_records WHERE {where}", [doc_id] + ([] if seq is None else [seq]))
        names = [d[0] for d in cursor.description]
        (values,) = cursor.fetchall()
    return dict(zip(names, values))


# --- the CAMEO -> PLOVER table --------------------------------------------------------------


def test_every_cameo_code_of_the_ontology_is_mapped_or_explicitly_dropped():
    codes = [code for code in ONTOLOGY.cameo_names if len(code) > 2]  # 2-digit roots are not event codes
    assert [code for code in codes if code not in known_codes()] == []
    assert NO_PLOVER == {"010", "011", "014", "017"}


def test_every_mapped_mode_is_a_codebook_mode_of_its_type():
    bad = [(code, plover, mode) for code, (plover, mode) in CAMEO_TO_PLOVER.items()
           if plover not in ONTOLOGY.plover or not ONTOLOGY.is_valid_mode(plover, mode)]
    assert bad == []


def test_the_codebook_wins_over_the_2021_table():
    assert plover_of("163") == ("SANCTION", "discontinue")  # 0.8 table: COERCE
    assert plover_of("116") == ("SANCTION", "convict")
    assert plover_of("114") == ("ACCUSE", "disapprove")
    assert plover_of("166") == ("SANCTION", "expel")
    assert plover_of("174") == ("COERCE", "deport")
    assert plover_of("0874") == ("RETREAT", "withdraw")
    assert {"163", "116", "114"} <= set(OVERRIDES)


def test_statements_and_appeals():
    assert plover_of("010") is None and plover_of("014") is None
    assert plover_of("016") == ("REJECT", None)
    assert plover_of("020") == ("REQUEST", None)
    assert plover_of("0256") == ("REQUEST", "yield")
    assert plover_of("036") == ("AGREE", None)


def test_codes_written_without_their_leading_zero():
    spellings = code_spellings()
    assert spellings["42"] == "042" and spellings["042"] == "042"
    assert spellings["211"] == "0211" and spellings["10"] == "010"
    assert spellings["173"] == "173" and spellings["201"] == "201"


# --- GDELT ----------------------------------------------------------------------------------


def test_gdelt_counts_loaded_rejected_and_skipped_rows(db):
    (report,) = import_files(db, "gdelt", [GDELT])
    assert (report.loaded, report.rejected, report.skipped) == (7, 4, 1)
    assert report.reasons == {"wrong number of columns": 1, "SQLDATE is not a date (YYYYMMDD)": 1,
                              "EventCode is not a CAMEO code": 1, "duplicate event id": 1}
    assert report.skipped_reasons == {"CAMEO 010 has no PLOVER type": 1}
    assert [(r.line, r.reason) for r in report.examples] == [
        (5, "wrong number of columns"), (8, "SQLDATE is not a date (YYYYMMDD)"),
        (11, "EventCode is not a CAMEO code"), (12, "duplicate event id"),
    ]
    assert report.summary().startswith("7 loaded, 4 rejected (")
    assert rows(db, "SELECT count(*) FROM events")[0][0] == 7
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 7


def test_gdelt_rejected_rows_are_not_loaded_at_all(db):
    import_files(db, "gdelt", [GDELT])
    stored = {doc for (doc,) in rows(db, "SELECT doc_id FROM events")}
    assert stored == {f"gdelt:73717100{n}" for n in (1, 2, 3, 4, 6, 7, 8)}
    assert rows(db, "SELECT count(*) FROM documents WHERE id IN ('gdelt:737171009', 'gdelt:737171010', 'gdelt:737171011')")[0][0] == 0
    # the duplicate id keeps its first row (166 expel), not the later one (111)
    assert columns(db, "gdelt:737171001")["cameo"] == "166"


def test_gdelt_fields_are_mapped(db):
    import_files(db, "gdelt", [GDELT])
    row = columns(db, "gdelt:737171001")
    assert row["source_codes"] == ["USA"] and row["target_codes"] == ["RUS"]
    assert (row["plover"], row["mode"], row["cameo"]) == ("SANCTION", "expel", "166")
    assert row["goldstein"] == ONTOLOGY.goldstein_of("166") == -7.0
    assert row["date"] == dt.date(2018, 3, 26) and row["status"] == "asserted" and row["seq"] == 0
    record = event(db, "gdelt:737171001")
    assert CONTRACT_FIELDS <= set(record)
    assert record["source"] == [{"text": "UNITED STATES", "country": "USA", "org": None, "sector": "GOV", "code": "USAGOV"}]
    assert record["target"][0]["country"] == "RUS" and record["sentence_text"] is None
    assert record["date"] == "2018-03-26" and record["cameo"] == "166"
    assert record["location"] == "Washington, District of Columbia, United States"
    assert record["location_country"] == "USA"  # FIPS US
    assert record["dataset"] == "gdelt" and record["dataset_event_id"] == "737171001"
    assert record["dataset_fields"]["NumArticles"] == 10
    (document,) = rows(db, "SELECT date, url, outlet, content_hash FROM documents WHERE id = 'gdelt:737171001'")
    assert document == (dt.date(2018, 3, 26), "https://www.example.com/world/2018/03/26/us-orders-russian-diplomats-out",
                        "example.com", "import:gdelt")


def test_gdelt_actors_groups_sectors_and_cameo_country_codes(db):
    import_files(db, "gdelt", [GDELT])
    nato = event(db, "gdelt:737171004")["source"][0]
    assert (nato["country"], nato["org"], nato["sector"], nato["code"]) == (None, "NATO", "IGO", "IGOWSTNAT")
    assert columns(db, "gdelt:737171004")["source_codes"] == ["NATO"]
    taliban = event(db, "gdelt:737171006")["source"][0]
    assert (taliban["country"], taliban["sector"]) == ("AFG", "REB")  # INS: PLOVER drops it
    assert columns(db, "gdelt:737171008")["source_codes"] == ["ROU"]  # CAMEO's ROM
    no_target = columns(db, "gdelt:737171007")
    assert no_target["target_codes"] == [] and json.loads(no_target["record"])["target"] == []
    assert event(db, "gdelt:737171003")["source"][0]["sector"] is None  # the state as such: no sector given


def test_gdelt_reimport_is_idempotent(db):
    import_files(db, "gdelt", [GDELT])
    before = rows(db, "SELECT doc_id, seq, record FROM event_records ORDER BY doc_id")
    documents = rows(db, "SELECT id, date, url, outlet, events FROM documents ORDER BY id")
    (again,) = import_files(db, "gdelt", [GDELT])
    assert (again.loaded, again.unchanged, again.rejected, again.skipped) == (7, 7, 4, 1)
    assert rows(db, "SELECT doc_id, seq, record FROM event_records ORDER BY doc_id") == before
    assert rows(db, "SELECT id, date, url, outlet, events FROM documents ORDER BY id") == documents


def test_gdelt_reimport_of_a_changed_row_replaces_it(db, tmp_path):
    import_files(db, "gdelt", [GDELT])
    changed = tmp_path / "changed.CSV"
    lines = GDELT.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[1].split("\t")
    assert fields[0] == "737171002" and fields[26] == "111"
    fields[26:29] = ["112", "112", "11"]
    changed.write_text("".join(lines[:1] + ["\t".join(fields)]), encoding="utf-8")
    (report,) = import_files(db, "gdelt", [changed])
    assert (report.loaded, report.unchanged) == (2, 1)
    assert rows(db, "SELECT count(*) FROM events")[0][0] == 7
    row = columns(db, "gdelt:737171002")
    assert (row["cameo"], row["plover"], row["mode"]) == ("112", "ACCUSE", "allege")


def duplicated_keys(db: Path) -> list[tuple]:
    """(table, key) of every document id or event key stored more than once."""
    return rows(db, """
        SELECT 'documents', id FROM documents GROUP BY id HAVING count(*) > 1
        UNION ALL SELECT 'events', doc_id || '#' || seq FROM events GROUP BY doc_id, seq HAVING count(*) > 1
        UNION ALL SELECT 'gdelt_events', event_id::VARCHAR FROM gdelt_events GROUP BY event_id HAVING count(*) > 1
    """)


def test_keys_stay_unique_without_primary_keys(db, tmp_path):
    # The tables declare no keys; the import keeps them unique set-wise: the same file
    # twice, a changed row, and one event in two files are each stored once.
    import_files(db, "gdelt", [GDELT])
    import_files(db, "gdelt", [GDELT])
    changed = tmp_path / "changed.CSV"
    fields = GDELT.read_text(encoding="utf-8").splitlines()[0].split("\t")
    fields[26:29] = ["112", "112", "11"]
    changed.write_text("\t".join(fields) + "\n", encoding="utf-8")
    import_files(db, "gdelt", [changed, GDELT])
    import_files(db, "icews", [ICEWS, ICEWS])
    assert duplicated_keys(db) == []
    assert rows(db, "SELECT count(*) FROM events WHERE doc_id LIKE 'gdelt:%'")[0][0] == 7
    assert rows(db, "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'")[0][0] == 0


def test_a_store_with_the_primary_keys_of_an_earlier_detente_still_imports(db):
    connection = duckdb.connect(str(db))
    connection.execute(SCHEMA.replace("\n    id VARCHAR NOT NULL,", "\n    id VARCHAR PRIMARY KEY,")
                       .replace("date_precision VARCHAR\n);", "date_precision VARCHAR,\n    PRIMARY KEY (doc_id, seq)\n);"))
    assert connection.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchone()[0] == 2
    connection.close()
    (first,) = import_files(db, "gdelt", [GDELT])
    (again,) = import_files(db, "gdelt", [GDELT])
    assert (first.loaded, again.unchanged) == (7, 7)
    assert rows(db, "SELECT count(*) FROM events")[0][0] == 7 and duplicated_keys(db) == []


def test_gdelt_dateadded_that_is_not_a_date_and_time_is_rejected(db, tmp_path):
    bad = tmp_path / "bad.CSV"
    lines = GDELT.read_text(encoding="utf-8").splitlines()
    fields = lines[0].split("\t")
    fields[59] = "20181399999999"
    bad.write_text("\t".join(fields) + "\n" + lines[1] + "\n", encoding="utf-8")
    (report,) = import_files(db, "gdelt", [bad])
    assert (report.loaded, report.rejected) == (1, 1)
    assert report.reasons == {"DATEADDED is not a date and time (YYYYMMDDHHMMSS)": 1}
    assert [(r.line, r.reason) for r in report.examples] == [(1, "DATEADDED is not a date and time (YYYYMMDDHHMMSS)")]


def test_gdelt_zip_and_gzip_files(db, tmp_path):
    archive = tmp_path / "20180326161500.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(GDELT, "20180326161500.export.CSV")
    (report,) = import_files(db, "gdelt", [archive])
    assert (report.loaded, report.rejected) == (7, 4)
    assert [r.line for r in report.examples] == [5, 8, 11, 12]
    import gzip

    packed = tmp_path / "20180326161500.export.CSV.gz"
    packed.write_bytes(gzip.compress(GDELT.read_bytes()))
    (report,) = import_files(tmp_path / "other.duckdb", "gdelt", [packed])
    assert (report.loaded, report.rejected) == (7, 4)


def test_gdelt_refuses_a_file_of_another_layout(db):
    with pytest.raises(ImportFileError, match="not a GDELT 2.0 event export.*19 tab-separated columns"):
        import_files(db, "gdelt", [POLECAT_TSV])
    with pytest.raises(ImportFileError, match="no such file"):
        import_files(db, "gdelt", [DATA / "missing.CSV"])


def test_gdelt_record_is_rebuilt_from_the_dataset_fields_table(db):
    # The events row keeps a stub record; GDELT's own values are in gdelt_events, one row
    # per event; the full record is what the event_records view and `detente events` give.
    import_files(db, "gdelt", [GDELT])
    assert rows(db, "SELECT DISTINCT CAST(record AS VARCHAR) FROM events") == [('{"dataset":"gdelt"}',)]
    assert rows(db, "SELECT count(*), count(DISTINCT event_id) FROM gdelt_events") == [(7, 7)]
    assert rows(db, "SELECT source_text, source_country, source_sector, num_articles, avg_tone FROM gdelt_events "
                    "WHERE event_id = 737171001") == [("UNITED STATES", "USA", "GOV", 10, -4.5)]
    from detente.store import EventFilter, open_store

    store = open_store(str(db))
    try:
        (printed,) = store.events(EventFilter(doc_id="gdelt:737171001"))
    finally:
        store.close()
    assert printed == event(db, "gdelt:737171001")
    assert printed["target"][0]["text"] == "RUSSIA" and printed["contexts"] == event(db, "gdelt:737171001")["contexts"]
    assert printed["dataset_fields"] == {"QuadClass": 4, "NumMentions": 10, "NumSources": 2, "NumArticles": 10,
                                         "AvgTone": -4.5}


def test_gdelt_contexts_come_from_the_cameo_code_and_older_stores_still_import(db, tmp_path):
    # The contexts are the CAMEO code's, rebuilt when read: gdelt_events has no column for
    # them. A store written before keeps its `contexts` column (left NULL by new imports).
    import_files(db, "gdelt", [GDELT])
    assert "contexts" not in {name for (name,) in rows(db, "SELECT column_name FROM information_schema.columns "
                                                          "WHERE table_name = 'gdelt_events'")}
    record = event(db, "gdelt:737171001")
    assert record["contexts"] == {code: contexts for code, *_, contexts in cameo_rows()}[record["cameo"]]
    older = tmp_path / "older.duckdb"
    with duckdb.connect(str(older)) as connection:
        connection.execute(SCHEMA.replace("location_country VARCHAR,", "location_country VARCHAR, contexts VARCHAR[],"))
        connection.execute("CREATE VIEW event_records AS SELECT * FROM events")
        connection.execute("COMMENT ON VIEW event_records IS 'detente event_records 1'")
    (report,) = import_files(older, "gdelt", [GDELT])
    assert report.loaded == 7 and rows(older, "SELECT count(contexts) FROM gdelt_events") == [(0,)]
    assert event(older, "gdelt:737171001") == event(db, "gdelt:737171001")


def test_gdelt_reimport_with_only_a_dataset_field_changed_replaces_the_event(db, tmp_path):
    import_files(db, "gdelt", [GDELT])
    changed = tmp_path / "renamed.CSV"
    fields = GDELT.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert fields[0] == "737171001" and fields[6] == "UNITED STATES" and fields[33] == "10"
    fields[6], fields[33] = "USA", "99"  # Actor1Name, NumArticles: not in the events columns
    changed.write_text("\t".join(fields) + "\n", encoding="utf-8")
    (report,) = import_files(db, "gdelt", [changed])
    assert (report.loaded, report.unchanged) == (1, 0)
    record = event(db, "gdelt:737171001")
    assert record["source"][0]["text"] == "USA" and record["dataset_fields"]["NumArticles"] == 99
    assert rows(db, "SELECT count(*) FROM gdelt_events WHERE event_id = 737171001") == [(1,)]
    assert rows(db, "SELECT count(*) FROM events") == [(7,)]


def test_imported_events_are_day_precise(db):
    import_files(db, "gdelt", [GDELT])
    assert rows(db, "SELECT DISTINCT date_precision FROM events") == [("day",)]


# --- ICEWS ----------------------------------------------------------------------------------


def test_icews_counts_and_rejections_with_line_numbers(db):
    (report,) = import_files(db, "icews", [ICEWS])
    assert (report.loaded, report.rejected, report.skipped) == (6, 3, 1)
    assert [(r.line, r.reason) for r in report.examples] == [
        (8, "Event Date is not a date (YYYY-MM-DD)"), (9, "CAMEO Code is not a CAMEO code"), (10, "wrong number of columns"),
    ]
    assert report.skipped_reasons == {"CAMEO 010 has no PLOVER type": 1}  # "10", written without its zero
    assert report.unmapped == {"Ruritania": 1}
    assert report.documents == 5


def test_icews_country_names_sectors_and_codes(db):
    import_files(db, "icews", [ICEWS])
    row = columns(db, "icews:41234567", 26925101)
    assert row["source_codes"] == ["USA"] and row["target_codes"] == ["RUS"]  # "Russian Federation"
    assert (row["plover"], row["mode"], row["cameo"], row["date"]) == ("COERCE", "deport", "174", dt.date(2018, 3, 26))
    assert row["goldstein"] == ONTOLOGY.goldstein_of("174")  # detente's table, not ICEWS's Intensity
    assert row["sentence"] == 0  # Sentence Number 1
    record = json.loads(row["record"])
    assert record["sentence_text"] is None and record["dataset_fields"]["Event Text"] == "Expel or deport individuals"
    assert record["dataset_fields"]["Intensity"] == -5.0
    assert record["location"] == "Washington, District of Columbia, United States" and record["location_country"] == "USA"
    ministry = event(db, "icews:41234567", 26925102)
    assert ministry["source"][0]["sector"] == "GOV" and ministry["sentence"] == 2
    nato = columns(db, "icews:41234571")
    assert nato["source_codes"] == ["NATO"] and (nato["plover"], nato["mode"]) == ("CONSULT", "visit")  # "42"
    police = event(db, "icews:41234572")
    assert [(a["country"], a["sector"]) for a in police["source"] + police["target"]] == [("COG", "COP"), ("COG", "OPP")]
    unknown = columns(db, "icews:41234574")
    assert unknown["source_codes"] == [] and json.loads(unknown["record"])["source"][0]["text"] == "Ruritania"


def test_icews_story_is_one_document_and_survives_a_split_over_files(db, tmp_path):
    import_files(db, "icews", [ICEWS])
    assert rows(db, "SELECT events, outlet, date FROM documents WHERE id = 'icews:41234567'") == [
        (2, "Example Wire", dt.date(2018, 3, 26))]
    later = tmp_path / "events.2018.later.tab"
    header = ICEWS.read_text(encoding="utf-8").splitlines()[0]
    later.write_text(header + "\n" + "\t".join([
        "26925201", "2018-03-27", "Russia", "", "Russian Federation", "Reject", "120", "-4", "United States", "",
        "United States", "41234567", "5", "Example Wire", "", "", "", "", "", ""]) + "\n", encoding="utf-8")
    (report,) = import_files(db, "icews", [later])
    assert report.loaded == 1
    assert rows(db, "SELECT events FROM documents WHERE id = 'icews:41234567'") == [(3,)]
    assert rows(db, "SELECT count(*) FROM events WHERE doc_id = 'icews:41234567'") == [(3,)]
    (again,) = import_files(db, "icews", [ICEWS])
    assert again.unchanged == again.loaded == 6
    assert rows(db, "SELECT count(*) FROM events") == [(7,)]


def test_icews_refuses_a_file_without_its_columns(db):
    with pytest.raises(ImportFileError, match="not an ICEWS event file.*Event Id"):
        import_files(db, "icews", [GDELT])


# --- POLECAT --------------------------------------------------------------------------------


def test_polecat_tsv(db):
    (report,) = import_files(db, "polecat", [POLECAT_TSV])
    assert (report.loaded, report.rejected, report.skipped) == (4, 3, 0)
    assert [(r.line, r.reason) for r in report.examples] == [
        (6, "event date is not a date (YYYY-MM-DD)"), (7, "event type is not a PLOVER type"), (8, "wrong number of columns"),
    ]
    rows_ = {r[0]: r[1:] for r in rows(db, "SELECT record->>'dataset_event_id', source_codes, target_codes, plover, mode, cameo, goldstein, date FROM events")}
    assert rows_["20180329-0001-a1"] == (["RUS"], ["USA"], "SANCTION", "expel", "", -5.5, dt.date(2018, 3, 29))
    assert rows_["20180326-0003-c3"][:4] == (["NATO"], ["RUS"], "SANCTION", None)  # country "IGO": NATO by name
    assert rows_["20180326-0003-c3"][5] == ONTOLOGY.plover_score("SANCTION", None)
    assert rows_["20180327-0004-d4"][3:6] == ("phone", "", ONTOLOGY.plover_score("CONSULT", "phone"))
    nato = [json.loads(r) for (r,) in rows(db, "SELECT record FROM events WHERE record->>'dataset_event_id' = '20180326-0003-c3'")][0]
    assert nato["contexts"] == ["diplomatic", "military"] and nato["location_country"] == "BEL"
    assert rows(db, "SELECT date, outlet, events FROM documents WHERE id = 'polecat:story-9001'") == [
        (dt.date(2018, 3, 30), "Example Wire", 2)]  # the story's publication date


def test_polecat_json_lines_flat_and_nested(db):
    (report,) = import_files(db, "polecat", [POLECAT_JSONL])
    assert (report.loaded, report.rejected) == (3, 4)
    assert [(r.line, r.reason) for r in report.examples] == [
        (5, "not valid JSON"), (6, "not a JSON object"), (7, "event date is not a date (YYYY-MM-DD)"),
        (8, "event type is not a PLOVER type"),
    ]
    compound = columns(db, "polecat:plv-story-1")
    assert compound["source_codes"] == ["USA", "CAN"] and compound["target_codes"] == ["RUS"]
    record = json.loads(compound["record"])
    assert [a["text"] for a in record["source"]] == ["United States", "Canada"]
    assert record["contexts"] == ["diplomatic"] and record["mode"] == "expel"
    assert rows(db, "SELECT title, url, outlet FROM documents WHERE id = 'polecat:plv-story-1'") == [
        ("Allies expel Russian diplomats", "https://www.example.com/2018/03/26/expulsions", "Example Wire")]
    eu = [json.loads(r) for (r,) in rows(db, "SELECT record FROM events WHERE record->>'dataset_event_id' = '20180330-plv-0003'")][0]
    assert eu["source"][0]["org"] == "EU" and eu["plover"] == "ACCUSE"
    lower = [r for r in rows(db, "SELECT plover, date FROM events WHERE record->>'dataset_event_id' = '20180330-plv-0002'")]
    assert lower == [("SANCTION", dt.date(2018, 3, 30))]  # "sanction", with a time after the date
    (again,) = import_files(db, "polecat", [POLECAT_JSONL])
    assert again.unchanged == 3 and rows(db, "SELECT count(*) FROM events") == [(3,)]


# --- every analysis runs on imported events ---------------------------------------------------


def test_analysis_events_sees_imported_events(db):
    from detente.analysis.base import connect

    import_files(db, "gdelt", [GDELT])
    import_files(db, "icews", [ICEWS])
    import_files(db, "polecat", [POLECAT_TSV])
    connection = connect(db)
    try:
        dyad = connection.execute("""
            SELECT split_part(doc_id, ':', 1) AS dataset, plover, date, quad, family FROM analysis_events
            WHERE source = 'RUS' AND target = 'USA' ORDER BY dataset, date, plover
        """).fetchall()
        nato = connection.execute("SELECT count(*) FROM analysis_events WHERE source = 'NATO' AND target = 'RUS'").fetchone()[0]
    finally:
        connection.close()
    assert ("gdelt", "SANCTION", dt.date(2018, 3, 29), "material conflict", "sanction") in dyad
    assert ("icews", "SANCTION", dt.date(2018, 3, 29), "material conflict", "sanction") in dyad
    assert ("polecat", "SANCTION", dt.date(2018, 3, 29), "material conflict", "sanction") in dyad
    assert ("gdelt", "ACCUSE", dt.date(2018, 3, 26), "verbal conflict", "verbal") in dyad
    assert nato == 2  # GDELT and POLECAT (ICEWS's NATO visits Ukraine)


def test_reciprocity_runs_on_imported_gdelt_events(db):
    reciprocity = pytest.importorskip("detente.analysis.reciprocity")
    from detente.analysis.base import connect

    import_files(db, "gdelt", [GDELT])
    connection = connect(db)
    try:
        pairs = reciprocity.reciprocity(connection, "USA", "RUS")
    finally:
        connection.close()
    first = pairs.iloc[0]
    assert (first["action_source"], first["response_source"], first["lag_days"]) == ("USA", "RUS", 3)


# --- the command ------------------------------------------------------------------------------


def test_import_command_reports_and_exits_3_when_rows_are_rejected(db, capsys):
    code = main(["import", "gdelt", str(GDELT), "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 3
    assert f"{GDELT}: 7 loaded, 4 rejected (" in out and "1 skipped (CAMEO 010 has no PLOVER type: 1)" in out
    assert "now holds 7 documents and 7 events" in out
    assert f"detente: rejected {GDELT}:5: wrong number of columns" in err
    assert f"detente: rejected {GDELT}:12: duplicate event id (event 737171001)" in err


def test_import_command_json_report_and_clean_file(db, tmp_path, capsys):
    clean = tmp_path / "clean.CSV"
    clean.write_text("".join(GDELT.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
    code = main(["import", "gdelt", str(clean), "--db", str(db), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["files"][0]["loaded"] == 3 and report["files"][0]["rejected"] == 0
    assert report["store"]["events"] == 3


def test_import_command_carries_on_after_a_file_it_cannot_read(db, capsys):
    code = main(["import", "icews", str(GDELT), str(ICEWS), "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "not an ICEWS event file" in err and f"{ICEWS}: 6 loaded" in out


# --- the benchmark --------------------------------------------------------------------------


def test_bench_analytics_runs(tmp_path):
    """bench/bench_analytics.py is a benchmark, not a test: this only checks that it runs."""
    bench = Path(__file__).resolve().parent.parent / "bench" / "bench_analytics.py"
    done = subprocess.run(
        [sys.executable, str(bench), "--events", "10000", "--quick", "--gdelt-rows", "2000", "--db",
         str(tmp_path / "bench.duckdb")],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "dyad series" in done.stdout and "reciprocity" in done.stdout and "rows/s" in done.stdout
