"""Writing the store's events out: `detente export --format FORMAT --out PATH`.

Every format is written by DuckDB (``COPY``), one event (or one dyad) per row, ordered
by date, document and position. Records are read from the store's ``event_records`` view,
which rebuilds the records of imported GDELT events (stored as a stub):

- ``jsonl``: the stored records, one a line (CONTRACT section 2, with detente's extra
  fields), exactly as ``detente events`` prints them.
- ``plover``: PLOVER-style JSON lines (the codebook's record fields: ``id``, ``date``,
  ``actor`` and ``recipient`` as lists of entities with ``code``, ``country``, ``org``,
  ``sector`` and ``entity_text``, ``event``, ``mode``, ``context``, ``quad_code`` 1-4,
  ``event_text``, ``text``, ``event_loc``, ``cite_info``) plus detente's ``story_id``,
  ``sentence``, ``cameo``, ``goldstein``, ``status`` and ``quantity``.
  ``detente import polecat`` reads these files back.
- ``cameo-tsv``: tab-separated with a header, one row per dyad (a compound event gives
  one row per source-target pair, as CAMEO datasets do): date, source, target, CAMEO code
  and root code, CAMEO quad class (1: 01-05, 2: 06-09, 3: 10-14, 4: 15-20), Goldstein,
  PLOVER type and mode, status, quantity, document, position, publication date. Events
  without a CAMEO code (imported from POLECAT) are left out and counted.
- ``csv``: one row per event, the events table's columns flattened (actor codes joined
  by ``;``) with the document's publication date, url and outlet and the sentence text.
- ``parquet``: the same columns with the actor codes as lists and the full record (JSON).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from detente.errors import DetenteError

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "plover", "cameo-tsv")

_ORDER = "ORDER BY e.date NULLS LAST, e.doc_id, e.seq"

_FLAT = """
SELECT e.doc_id, e.seq, e.sentence, e.date, {source} AS source, {target} AS target, e.plover, e.mode,
       nullif(e.cameo, '') AS cameo, e.goldstein, e.status, e.quantity, e.location,
       d.date AS published, d.url, d.outlet, e.record->>'sentence_text' AS sentence_text{record}
FROM event_records e LEFT JOIN documents d ON d.id = e.doc_id
"""

#: PLOVER quad classes, numbered as the codebook numbers them.
_QUAD_CODES = """CASE
    WHEN e.plover IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE') THEN 1
    WHEN e.plover IN ('COOPERATE', 'AID', 'RETREAT') THEN 2
    WHEN e.plover IN ('REQUEST', 'ACCUSE', 'REJECT', 'THREATEN') THEN 3
    WHEN e.plover IS NOT NULL THEN 4 END"""

_ENTITIES = """[{{'code': coalesce(a.country, a.org), 'country': a.country, 'org': a.org, 'sector': a.sector,
                  'entity_text': a.text}}
                 FOR a IN from_json(e.record->'$.{side}', '[{{"text": "VARCHAR", "country": "VARCHAR", "org": "VARCHAR", "sector": "VARCHAR"}}]')]"""

_PLOVER = f"""
SELECT to_json({{
    'id': e.doc_id || '#' || e.seq,
    'date': e.date,
    'actor': {_ENTITIES.format(side='source')},
    'recipient': {_ENTITIES.format(side='target')},
    'event': e.plover,
    'mode': e.mode,
    'context': coalesce(from_json(e.record->'$.contexts', '["VARCHAR"]'), []::VARCHAR[]),
    'quad_code': {_QUAD_CODES},
    'event_text': nullif(e.record->>'$.trigger.text', ''),
    'text': e.record->>'$.sentence_text',
    'event_loc': CASE WHEN e.location IS NULL THEN NULL
                      ELSE {{'name': e.location, 'country': e.record->>'$.location_country'}} END,
    'cite_info': {{'url': d.url, 'title': d.title, 'outlet': d.outlet, 'published': d.date}},
    'story_id': e.doc_id,
    'sentence': e.sentence,
    'cameo': nullif(e.cameo, ''),
    'goldstein': e.goldstein,
    'status': e.status,
    'quantity': e.quantity
}})::VARCHAR AS line
FROM event_records e LEFT JOIN documents d ON d.id = e.doc_id
"""

_CAMEO_TSV = """
SELECT e.date, s.code AS source, t.code AS target, e.cameo, left(e.cameo, 2) AS root,
       CASE WHEN left(e.cameo, 2) <= '05' THEN 1 WHEN left(e.cameo, 2) <= '09' THEN 2
            WHEN left(e.cameo, 2) <= '14' THEN 3 ELSE 4 END AS quad_class,
       e.goldstein, e.plover, e.mode, e.status, e.quantity, e.doc_id, e.seq, d.date AS published
FROM events e
     LEFT JOIN documents d ON d.id = e.doc_id,
     UNNEST(CASE WHEN len(e.source_codes) = 0 THEN [NULL] ELSE e.source_codes END) AS s(code),
     UNNEST(CASE WHEN len(e.target_codes) = 0 THEN [NULL] ELSE e.target_codes END) AS t(code)
WHERE e.cameo <> ''
"""


@dataclass
class ExportResult:
    path: str
    format: str
    rows: int
    events: int
    left_out: int = 0  # events a format cannot express (cameo-tsv: no CAMEO code)

    def summary(self) -> str:
        unit = "dyad rows" if self.format == "cameo-tsv" else "events"
        text = f"{self.rows} {unit} written to {self.path} ({self.format})"
        if self.left_out:
            text += f"; {self.left_out} events without a CAMEO code left out"
        return text


def export(connection: duckdb.DuckDBPyConnection, fmt: str, out: str | Path) -> ExportResult:
    """Write every stored event to `out` in format `fmt` (one of EXPORT_FORMATS)."""
    if fmt not in EXPORT_FORMATS:
        raise DetenteError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    if out.is_dir():
        raise DetenteError(f"{out}: is a folder; give a file name to write")
    if not out.parent.exists():
        raise DetenteError(f"{out.parent}: no such folder")
    target = _sql_string(str(out))
    events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    left_out = 0
    try:
        if fmt == "parquet":
            query = _FLAT.format(source="e.source_codes", target="e.target_codes", record=", e.record")
            connection.execute(f"COPY ({query} {_ORDER}) TO {target} (FORMAT parquet)")
            rows = events
        elif fmt == "csv":
            query = _FLAT.format(source="array_to_string(e.source_codes, ';')",
                                 target="array_to_string(e.target_codes, ';')", record="")
            connection.execute(f"COPY ({query} {_ORDER}) TO {target} (FORMAT csv, HEADER true)")
            rows = events
        elif fmt == "jsonl":
            _lines(connection, f"SELECT e.record::VARCHAR FROM event_records e {_ORDER}", target)
            rows = events
        elif fmt == "plover":
            _lines(connection, f"{_PLOVER} {_ORDER}", target)
            rows = events
        else:
            connection.execute(
                f"COPY ({_CAMEO_TSV} ORDER BY e.date NULLS LAST, e.doc_id, e.seq, s.code, t.code) TO {target} "
                "(FORMAT csv, DELIMITER '\t', HEADER true, QUOTE '', ESCAPE '', NULLSTR '')"
            )
            rows = connection.execute(f"SELECT count(*) FROM ({_CAMEO_TSV})").fetchone()[0]
            left_out = connection.execute("SELECT count(*) FROM events WHERE cameo = ''").fetchone()[0]
    except duckdb.Error as error:
        raise DetenteError(f"{out}: cannot export as {fmt}: {str(error).splitlines()[0]}") from error
    return ExportResult(str(out), fmt, rows, events, left_out)


def export_store(db: str | Path, fmt: str, out: str | Path) -> ExportResult:
    """Open the store at `db` (which must exist) and export it."""
    from detente.store.duckdb_store import DuckDBStore

    if str(db) != ":memory:" and not Path(db).exists():
        raise DetenteError(f"{db}: no such database; create it with 'detente ingest' or 'detente import'")
    store = DuckDBStore(str(db))
    try:
        store.connection.execute("SET enable_progress_bar = false")
        return export(store.connection, fmt, out)
    finally:
        store.close()


def _lines(connection: duckdb.DuckDBPyConnection, query: str, target: str) -> None:
    """One text value per line, unquoted (JSON text has no raw newlines or tabs to escape)."""
    connection.execute(
        f"COPY ({query}) TO {target} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')"
    )


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
