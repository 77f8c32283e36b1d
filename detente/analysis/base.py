"""What every analysis reads: a DuckDB connection to the store and the `analysis_events`
view, one row per (event, source code, target code) with the fields analyses need.

The view unnests compound actors into dyads (PLOVER's one event with several actors
becomes one row per source-target pair), keeps asserted events only, dates an event with
no date of its own by its document's publication date (`date_from_document` says so),
says how precisely each event is dated (`date_precision`: day, week, month, season,
year; see `precise_to`), and adds the PLOVER quad class and family, so that analyses
stay short SQL.
"""
from __future__ import annotations

import uuid
from pathlib import Path

import duckdb

from detente.analysis.defaults import FAMILIES, QUADS
from detente.errors import StoreError
from detente.store.duckdb_store import DuckDBStore

#: How precisely an event is dated, finest first: "March 2018" is a month, "last summer" a
#: season. An event without a date of its own has its document's publication day.
PRECISIONS = ("day", "week", "month", "season", "year")

#: SQL over `events e`: the event's date precision (its document's day when it has no date).
PRECISION_SQL = "CASE WHEN e.date IS NULL THEN 'day' ELSE coalesce(e.date_precision, 'day') END"


def precise_to(period: str, column: str = "date_precision") -> str:
    """SQL: whether an event whose precision is `column` is dated at least as precisely as
    `period` (day, week, month, season or year): only those can be placed in a period of
    that length, or be said to fall N days after another."""
    finer = PRECISIONS[: PRECISIONS.index(period) + 1]
    return f"coalesce({column}, 'day') IN ({', '.join(repr(p) for p in finer)})"


_DYAD_ROWS = """
WITH sourced AS (
    SELECT e.doc_id, e.seq, COALESCE(e.date, d.date) AS date, e.date IS NULL AS date_from_document,
           {precision} AS date_precision,
           e.plover, e.mode, e.cameo, e.goldstein, e.quantity, e.location, e.target_codes,
           unnest(e.source_codes) AS source
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.status = 'asserted' {filter}
), paired AS (
    SELECT * EXCLUDE (target_codes),
           unnest(CASE WHEN len(target_codes) = 0 THEN [NULL]::VARCHAR[] ELSE target_codes END) AS target
    FROM sourced
)
SELECT p.*, q.quad, q.family FROM paired p JOIN plover_classes q USING (plover)
"""

#: Every asserted event, one row per source-target pair.
ANALYSIS_VIEW = "CREATE OR REPLACE TEMP VIEW analysis_events AS " + _DYAD_ROWS.format(filter="", precision=PRECISION_SQL)

#: The same rows for one dyad, filtered before the actors are unnested (fast on a large
#: store): SELECT * FROM dyad_events('USA', 'RUS') gives both directions' rows.
DYAD_MACRO = "CREATE OR REPLACE TEMP MACRO dyad_events(a, b) AS TABLE " + _DYAD_ROWS.format(
    filter="AND ((list_contains(e.source_codes, a) AND list_contains(e.target_codes, b)) OR "
    "(list_contains(e.source_codes, b) AND list_contains(e.target_codes, a)))", precision=PRECISION_SQL
) + " WHERE (p.source = a AND p.target = b) OR (p.source = b AND p.target = a)"


def connect(db: str | Path) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `db`, with the analysis views in place."""
    if str(db) != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such database; create it with 'detente ingest PATH... --db {db}'")
    store = DuckDBStore(str(db))  # checks and creates the schema
    prepare(store.connection)
    return store.connection


def prepare(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Create the helper table and views analyses read (idempotent, temporary)."""
    rows = [(plover, quad, FAMILIES[plover]) for plover, quad in QUADS.items()]
    connection.execute("CREATE OR REPLACE TEMP TABLE plover_classes (plover VARCHAR, quad VARCHAR, family VARCHAR)")
    connection.executemany("INSERT INTO plover_classes VALUES (?, ?, ?)", rows)
    connection.execute(ANALYSIS_VIEW)
    connection.execute(DYAD_MACRO)
    return connection


def temp_name(what: str) -> str:
    """A name for a temporary table of one analysis run, unique on any connection."""
    return f"_detente_{what}_{uuid.uuid4().hex}"
