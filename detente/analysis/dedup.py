"""One event per real-world event: mentions of the same event across reports, merged.

A *mention* is one asserted row of the `events` table (one sentence of one document).
Two mentions are the same real-world event when

- they have the same dyad: the same set of source codes and the same set of target
  codes (direction matters: RUS->USA is not USA->RUS);
- they have the same PLOVER type, and compatible modes (equal, or one missing);
- their dates overlap: each mention's date is the event's date or, when the text gives
  none, its document's publication date; every mention of a real event lies within
  `DEDUP_TOLERANCE_DAYS` days of the real event's first date (so a real event spans at
  most tolerance + 1 days, and a run of daily events is not chained into one);
- their quantities are compatible (equal, or one missing: 60 and 23 never merge);
- their places are compatible (equal ignoring case, or one missing).

Missing values make "compatible" non-transitive (60 ~ missing ~ 23), so mentions are
merged greedily in date order: each mention joins the open real event it is compatible
with that shares the most known values with it (then the one with the most mentions,
then the latest), or starts a new one; the real event takes on the values its mentions
supply. A mention with no date at all is its own real event.

`deduplicate(connection)` (re)builds two tables in the store:

- `real_events` (id, source, target, plover, mode, date_first, date_last, quantity,
  location, mentions, articles, outlets, first_seen, cameo, goldstein)
- `event_mentions` (real_event_id, doc_id, seq): which mentions make up each one; join
  it with `events` and `documents` for the mention level.

The normalising, grouping and aggregating are SQL; only the greedy assignment walks the
sorted mentions in Python (streamed in Arrow batches), since it needs per-group state.
Re-run it after ingesting: the tables are a snapshot.
"""
from __future__ import annotations

from array import array
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from detente.analysis.defaults import DEDUP_TOLERANCE_DAYS
from detente.errors import StoreError

#: Rows of mentions handed from DuckDB to the assignment loop at a time.
_BATCH_ROWS = 500_000

_MENTIONS = """
CREATE OR REPLACE TEMP TABLE dedup_mentions AS
SELECT *, array_to_string(src, '+') || '>' || array_to_string(tgt, '+') AS dyad
FROM (
    SELECT e.doc_id, e.seq,
           CASE WHEN len(e.source_codes) < 2 THEN e.source_codes ELSE list_sort(list_distinct(e.source_codes)) END AS src,
           CASE WHEN len(e.target_codes) < 2 THEN e.target_codes ELSE list_sort(list_distinct(e.target_codes)) END AS tgt,
           e.plover, e.mode, e.cameo, e.goldstein, e.quantity,
           e.location, nullif(lower(trim(e.location)), '') AS place,
           coalesce(e.date, d.date) AS day, d.date AS published, nullif(trim(d.outlet), '') AS outlet
    FROM events e LEFT JOIN documents d ON d.id = e.doc_id
    WHERE e.status = 'asserted'
)
"""

#: The mentions in merging order. Rows of one (dyad, type) group are adjacent, so the
#: loop needs only a hash of it to see where a group ends.
_KEYS = """
SELECT rowid AS rid, hash(dyad, plover) AS grp, date_diff('day', DATE '1970-01-01', day) AS daynum,
       mode, quantity, place
FROM dedup_mentions ORDER BY dyad, plover, day NULLS LAST, doc_id, seq
"""

_REAL_EVENTS = """
CREATE OR REPLACE TEMP TABLE dedup_real AS
WITH m AS (
    SELECT dm.*, a.cluster, a.pos AS rn FROM dedup_mentions dm JOIN dedup_assignment a ON a.rid = dm.rowid
), codes AS (  -- the CAMEO code most mentions give (on a tie, the first mention's)
    SELECT cluster, arg_max(cameo, {'n': n, 'first': -first_rn}) AS cameo, arg_max(goldstein, {'n': n, 'first': -first_rn}) AS goldstein
    FROM (SELECT cluster, cameo, any_value(goldstein) AS goldstein, count(*) AS n, min(rn) AS first_rn FROM m GROUP BY cluster, cameo)
    GROUP BY cluster
), grouped AS (
    SELECT cluster,
           any_value(src) AS source, any_value(tgt) AS target, any_value(plover) AS plover,
           max(mode) AS mode,  -- the known mode: all known modes of a real event are equal
           min(day) AS date_first, max(day) AS date_last,
           max(quantity) AS quantity,  -- likewise
           arg_min(location, rn) FILTER (WHERE place IS NOT NULL) AS location,  -- as first written
           count(*) AS mentions, count(DISTINCT doc_id) AS articles, count(DISTINCT outlet) AS outlets,
           min(published) AS first_seen
    FROM m GROUP BY cluster
)
SELECT CAST(row_number() OVER (ORDER BY date_first NULLS LAST, cluster) AS BIGINT) AS id,  -- clusters are numbered in (dyad, type, date) order
       CAST(source AS VARCHAR[]) AS source, CAST(target AS VARCHAR[]) AS target, plover, mode,
       CAST(date_first AS DATE) AS date_first, CAST(date_last AS DATE) AS date_last,
       CAST(quantity AS BIGINT) AS quantity, location,
       CAST(mentions AS BIGINT) AS mentions, CAST(articles AS BIGINT) AS articles, CAST(outlets AS BIGINT) AS outlets,
       CAST(first_seen AS DATE) AS first_seen, cameo, CAST(goldstein AS DOUBLE) AS goldstein,
       cluster
FROM grouped JOIN codes USING (cluster)
"""

_STORE = """
CREATE OR REPLACE TABLE real_events AS SELECT * EXCLUDE (cluster) FROM dedup_real ORDER BY id;
CREATE OR REPLACE TABLE event_mentions AS
SELECT r.id AS real_event_id, dm.doc_id, dm.seq
FROM dedup_mentions dm JOIN dedup_assignment a ON a.rid = dm.rowid JOIN dedup_real r ON r.cluster = a.cluster
ORDER BY r.id;
"""

#: One row per (real event, source code, target code), like `analysis_events`.
REAL_VIEW = """
CREATE OR REPLACE TEMP VIEW analysis_real_events AS
SELECT r.id AS real_event_id, r.date_first AS date, r.plover, r.mode, r.cameo, r.goldstein, r.quantity,
       r.location, r.mentions, r.articles, r.outlets, s.code AS source, t.code AS target, q.quad, q.family
FROM real_events r,
     UNNEST(r.source) AS s(code),
     UNNEST(CASE WHEN len(r.target) = 0 THEN [NULL] ELSE r.target END) AS t(code),
     (SELECT * FROM plover_classes) q
WHERE q.plover = r.plover
"""


@dataclass(frozen=True)
class DedupSummary:
    """What `deduplicate` did."""

    mentions: int  # asserted event mentions read
    real_events: int  # real-world events they make
    merged: int  # mentions that joined an earlier mention's real event (mentions - real_events)
    reported_more_than_once: int  # real events with two or more mentions
    largest: int  # the most mentions of one real event
    undated: int  # mentions with no event date and no publication date (each its own event)
    tolerance_days: int

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    def __str__(self) -> str:
        return (
            f"{self.mentions} asserted event mentions -> {self.real_events} real events "
            f"({self.merged} mentions merged; {self.reported_more_than_once} events reported more than once, "
            f"the most {self.largest} times; {self.undated} undated mentions left alone; "
            f"dates within {self.tolerance_days} days)"
        )


def deduplicate(connection: duckdb.DuckDBPyConnection, tolerance_days: int = DEDUP_TOLERANCE_DAYS) -> DedupSummary:
    """(Re)build `real_events` and `event_mentions` from the asserted events in the store."""
    if int(tolerance_days) != tolerance_days or tolerance_days < 0:
        raise ValueError(f"tolerance_days must be a whole number of 0 or more, not {tolerance_days!r}")
    tolerance_days = int(tolerance_days)
    try:
        connection.execute(_MENTIONS)
        reader = connection.sql(_KEYS).to_arrow_reader(_BATCH_ROWS)
        rids, clusters = _assign(reader, tolerance_days)  # reads the whole result before the next query
        assignment = pa.table({"rid": rids, "pos": pa.array(range(len(clusters)), pa.int64()),
                               "cluster": pa.array(clusters, pa.int64())})
        connection.register("dedup_assignment_arrow", assignment)
        connection.execute("CREATE OR REPLACE TEMP TABLE dedup_assignment AS SELECT * FROM dedup_assignment_arrow")
        connection.unregister("dedup_assignment_arrow")
        connection.execute(_REAL_EVENTS)
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute(_STORE)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        row = connection.execute(
            "SELECT (SELECT count(*) FROM dedup_mentions), count(*), count(*) FILTER (WHERE mentions > 1), "
            "coalesce(max(mentions), 0), (SELECT count(*) FROM dedup_mentions WHERE day IS NULL) FROM real_events"
        ).fetchone()
        for table in ("dedup_real", "dedup_assignment", "dedup_mentions"):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
    except duckdb.Error as error:
        raise StoreError(f"cannot build the real events: {error}") from error
    mentions, real, repeated, largest, undated = row
    return DedupSummary(mentions, real, mentions - real, repeated, largest, undated, tolerance_days)


def _assign(reader, tolerance: int) -> tuple[pa.ChunkedArray, array]:
    """The mentions' row ids and a real-event number for each (see the module docstring)."""
    out = array("q")
    rids = []
    next_id = 0
    group = None
    open_events: list[list[Any]] = []  # [first day, mode, quantity, place, id, mentions], by first day
    for batch in reader:
        rids.append(batch.column(0))
        columns = [batch.column(i).to_pylist() for i in range(1, 6)]
        for grp, day, mode, quantity, place in zip(*columns):
            if grp != group:
                group, open_events = grp, []
            if day is None:
                out.append(next_id)
                next_id += 1
                continue
            if open_events and open_events[0][0] < day - tolerance:
                open_events = [e for e in open_events if e[0] >= day - tolerance]
            best, best_score = None, None
            for event in open_events:
                if not (_fits(mode, event[1]) and _fits(quantity, event[2]) and _fits(place, event[3])):
                    continue
                shared = (mode is not None and mode == event[1]) + (quantity is not None and quantity == event[2]) \
                    + (place is not None and place == event[3])
                score = (shared, event[5], event[0])
                if best_score is None or score > best_score:
                    best, best_score = event, score
            if best is None:
                open_events.append([day, mode, quantity, place, next_id, 1])
                out.append(next_id)
                next_id += 1
            else:
                best[1] = best[1] if best[1] is not None else mode
                best[2] = best[2] if best[2] is not None else quantity
                best[3] = best[3] if best[3] is not None else place
                best[5] += 1
                out.append(best[4])
    return pa.chunked_array(rids, pa.int64()), out


def _fits(value: Any, known: Any) -> bool:
    return value is None or known is None or value == known


def has_real_events(connection: duckdb.DuckDBPyConnection) -> bool:
    """True when `deduplicate` has built the tables in this store."""
    rows = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('real_events', 'event_mentions')"
    ).fetchone()
    return rows[0] == 2


def require_real_events(connection: duckdb.DuckDBPyConnection) -> None:
    """Raise a StoreError naming the command to run when the real events are not built."""
    if not has_real_events(connection):
        raise StoreError("this store has no real events yet: run 'detente dedup --db FILE' first")


def stale_real_events(connection: duckdb.DuckDBPyConnection) -> str | None:
    """Why the real events no longer match the store (events ingested or removed since
    `deduplicate` ran, as far as counting shows), or None when they seem current."""
    require_real_events(connection)
    built, asserted = connection.execute(
        "SELECT (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM events WHERE status = 'asserted')"
    ).fetchone()
    if built != asserted:
        return f"the real events cover {built} mentions but the store holds {asserted} asserted events"
    return None


def prepare_real(connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """The `analysis_real_events` view: one row per real event and dyad, like `analysis_events`."""
    from detente.analysis.base import prepare

    require_real_events(connection)
    prepare(connection)
    connection.execute(REAL_VIEW)
    return connection


def real_events(connection: duckdb.DuckDBPyConnection, actor: str | None = None, plover: str | None = None,
                min_articles: int = 1) -> pd.DataFrame:
    """The real events (optionally with `actor` on either side, of one PLOVER type), most reported first."""
    require_real_events(connection)
    return connection.execute(
        """
        SELECT * FROM real_events
        WHERE ($1 IS NULL OR list_contains(source, $1) OR list_contains(target, $1))
          AND ($2 IS NULL OR plover = $2) AND articles >= $3
        ORDER BY articles DESC, mentions DESC, date_first, id
        """,
        [actor, plover, min_articles],
    ).df()


def mentions_of(connection: duckdb.DuckDBPyConnection, real_event_id: int) -> pd.DataFrame:
    """The mentions of one real event: document, outlet, publication date, sentence, and the coded values."""
    require_real_events(connection)
    return connection.execute(
        """
        SELECT m.real_event_id, m.doc_id, m.seq, d.outlet, d.date AS published, d.title, e.sentence,
               e.date, e.quantity, e.location, e.mode, e.cameo, e.record->>'sentence_text' AS sentence_text
        FROM event_mentions m
        JOIN events e ON e.doc_id = m.doc_id AND e.seq = m.seq
        LEFT JOIN documents d ON d.id = m.doc_id
        WHERE m.real_event_id = $1
        ORDER BY d.date NULLS LAST, m.doc_id, m.seq
        """,
        [real_event_id],
    ).df()
