"""What every analysis reads: a DuckDB connection to the store and the `analysis_events`
view, one row per (event, source code, target code) with the fields analyses need.

The view unnests compound actors into dyads (PLOVER's one event with several actors
becomes one row per source-target pair), keeps asserted events only, dates an event with
no date of its own by its document's publication date (`date_from_document` says so),
and adds the PLOVER quad class and family, so that analyses stay short SQL.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from detente.errors import StoreError
from detente.store.duckdb_store import DuckDBStore

#: PLOVER type -> quad class (the codebook's grouping).
QUADS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}

#: Event families for reciprocity: a response "in kind" is of the same family.
FAMILIES = {
    "SANCTION": "sanction", "COERCE": "coerce", "ASSAULT": "force", "MOBILIZE": "force",
    "THREATEN": "threat", "ACCUSE": "verbal", "REJECT": "verbal", "REQUEST": "verbal", "PROTEST": "protest",
    "AGREE": "cooperation", "CONSULT": "cooperation", "SUPPORT": "cooperation", "CONCEDE": "cooperation",
    "COOPERATE": "cooperation", "AID": "cooperation", "RETREAT": "cooperation",
}

ANALYSIS_VIEW = """
CREATE OR REPLACE TEMP VIEW analysis_events AS
SELECT e.doc_id, e.seq, COALESCE(e.date, d.date) AS date, e.date IS NULL AS date_from_document,
       e.plover, e.mode, e.cameo, e.goldstein, e.quantity, e.location,
       s.code AS source, t.code AS target,
       q.quad, q.family
FROM events e
     JOIN documents d ON d.id = e.doc_id,
     UNNEST(e.source_codes) AS s(code),
     UNNEST(CASE WHEN len(e.target_codes) = 0 THEN [NULL] ELSE e.target_codes END) AS t(code),
     (SELECT * FROM plover_classes) q
WHERE e.status = 'asserted' AND q.plover = e.plover
"""


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
    return connection
