"""What is happening between two actors, period by period, and how bad it is.

`dyad_series(connection, a, b)` counts the asserted events between A and B per period
(day, ISO week, month or year): by PLOVER type, by quad class, the Goldstein sum and
mean, and the conflict-cooperation index

    cc_index = (cooperative - conflictual) / (cooperative + conflictual)

where cooperative events are PLOVER's verbal and material cooperation quads (AGREE,
CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT) and conflictual events the verbal and
material conflict quads (REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,
COERCE, ASSAULT). It runs from -1 (every event conflictual) to +1 (every event
cooperative); it counts events and ignores their intensity, which the Goldstein mean
measures (-10 to +10).

An event's date is its own date or, when the text gives none, its document's
publication date. An event is counted only in periods at least as long as its date is
precise: by day or week, one dated only to the month ("in March 2018", stored as 1 March)
is left out and counted apart (`frame.attrs["coarser_dates"]`); by month or year it counts. Undirected (the default), a series counts A->B and B->A events;
`directed=True` counts A->B only. An event with several actors counts once. Periods
with no events between the first and last period are included with zero counts (and no
mean or index), so a series has no gaps.

`lowest_point_since(connection, a, b, period)` answers "is this the lowest point in
years?": the most recent earlier period that was at least as hostile as `period`, by
default by Goldstein mean (lower is more hostile; see LOWEST_MEASURE), as data and in
words ("the most hostile month since 2014-03", or "... on record").

With `dedup=True` both count real-world events (`detente dedup`, detente.analysis.dedup)
instead of mentions, each dated by its first date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from detente.analysis.base import PRECISION_SQL, precise_to, temp_name
from detente.analysis.defaults import LOWEST_MEASURE, LOWEST_MEASURES, PERIODS, QUADS

#: How a period is labelled: 2018-03-26, 2018-W13 (ISO week), 2018-03, 2018.
PERIOD_LABELS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}

#: The PLOVER types, in the codebook's order: one count column each in a series.
PLOVER_TYPES = tuple(QUADS)

#: The quad classes: one count column each (spaces as underscores).
QUAD_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    """An analysis result as an Arrow table (for notebooks, Polars, Parquet)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def ensure_prepared(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the analysis views on a connection that does not have them yet."""
    from detente.analysis.base import prepare

    exists = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'plover_classes' AND temporary"
    ).fetchone()[0]
    if not exists:
        prepare(connection)


def events_sql(dedup: bool = False) -> str:
    """A SELECT of the events analyses count: (doc_id, seq, real_event_id, sources,
    targets, plover, mode, cameo, goldstein, quantity, location, day, date_precision),
    asserted only, `day` being the event's date or its document's publication date (real
    events have no precision: they are taken as dated by day)."""
    if dedup:
        return """
            SELECT NULL::VARCHAR AS doc_id, NULL::INTEGER AS seq, r.id AS real_event_id,
                   r.source AS sources, r.target AS targets, r.plover, r.mode, r.cameo, r.goldstein,
                   r.quantity, r.location, r.date_first AS day, NULL::VARCHAR AS date_precision
            FROM real_events r"""
    return f"""
            SELECT e.doc_id, e.seq, NULL::BIGINT AS real_event_id,
                   e.source_codes AS sources, e.target_codes AS targets, e.plover, e.mode, e.cameo, e.goldstein,
                   e.quantity, e.location, coalesce(e.date, d.date) AS day, {PRECISION_SQL} AS date_precision
            FROM events e
            LEFT JOIN (SELECT id, date FROM documents  -- only undated events need their document
                       WHERE id IN (SELECT doc_id FROM events WHERE date IS NULL AND status = 'asserted')) d
              ON d.id = e.doc_id
            WHERE e.status = 'asserted'"""


def dyad_filter(directed: bool) -> str:
    """A condition on `sources`/`targets` for the dyad ($a, $b): A->B, or either way."""
    condition = "(list_contains(sources, $a) AND list_contains(targets, $b))"
    if not directed:
        condition += " OR (list_contains(sources, $b) AND list_contains(targets, $a))"
    return f"({condition})"


def _hits_filter(directed: bool) -> str:
    """The dyad's dated events between $since and $until."""
    return (f"{dyad_filter(directed)} AND day IS NOT NULL AND ($since IS NULL OR day >= CAST($since AS DATE)) "
            "AND ($until IS NULL OR day <= CAST($until AS DATE))")


def _coarser_dates(connection: duckdb.DuckDBPyConnection, by: str, hits: str) -> dict[str, int]:
    """The dyad's events (the table `hits`) dated less precisely than a `by` period, by
    precision: a series by day or week cannot place an event known only to the month, so
    it leaves them out."""
    rows = connection.execute(f"""
        SELECT date_precision, count(*) FROM {hits}
        WHERE NOT {precise_to(by)} GROUP BY date_precision ORDER BY date_precision
    """).fetchall()
    return dict(rows)


def _hits_sql(directed: bool, dedup: bool) -> str:
    """The dyad's dated events between $since and $until, however precisely dated."""
    return f"SELECT * FROM ({events_sql(dedup)}) x WHERE {_hits_filter(directed)}"


def _series_sql(by: str, hits: str, fill: bool) -> str:
    """The series by `by` of the events of `hits` (a table or a parenthesised query)."""
    types = ",\n       ".join(f"count(*) FILTER (WHERE c.plover = '{t}') AS {t}" for t in PLOVER_TYPES)
    quads = ",\n       ".join(f"count(*) FILTER (WHERE c.quad = '{q.replace('_', ' ')}') AS {q}" for q in QUAD_COLUMNS)
    if fill:
        periods = f"""
periods AS (
    SELECT CAST(unnest(generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP), INTERVAL '1 {by}')) AS DATE) AS start
    FROM (SELECT coalesce(CAST(date_trunc('{by}', CAST($since AS DATE)) AS DATE), min(start)) AS lo,
                 coalesce(CAST(date_trunc('{by}', CAST($until AS DATE)) AS DATE), max(start)) AS hi
          FROM classified)
    WHERE lo IS NOT NULL AND hi IS NOT NULL
)"""
    else:
        periods = "periods AS (SELECT DISTINCT start FROM classified)"
    return f"""
WITH hits AS (
    SELECT * FROM {hits} x WHERE {precise_to(by)}
), classified AS (
    SELECT h.plover, h.goldstein, CAST(date_trunc('{by}', h.day) AS DATE) AS start,
           q.quad, q.quad LIKE '%cooperation' AS cooperative, q.quad LIKE '%conflict' AS conflictual
    FROM hits h LEFT JOIN plover_classes q ON q.plover = h.plover
), {periods.strip()}
SELECT strftime(p.start, '{PERIOD_LABELS[by]}') AS period, p.start,
       count(c.plover) AS events,
       count(*) FILTER (WHERE c.cooperative) AS cooperation,
       count(*) FILTER (WHERE c.conflictual) AS conflict,
       {quads},
       {types},
       coalesce(sum(c.goldstein), 0.0) AS goldstein_sum,
       avg(c.goldstein) AS goldstein_mean,
       (count(*) FILTER (WHERE c.cooperative) - count(*) FILTER (WHERE c.conflictual))
           / nullif(count(*) FILTER (WHERE c.cooperative OR c.conflictual), 0) AS cc_index
FROM periods p LEFT JOIN classified c ON c.start = p.start
GROUP BY p.start
ORDER BY p.start
"""


def _params(a: str, b: str, since, until) -> dict[str, Any]:
    return {"a": a, "b": b, "since": _day(since), "until": _day(until)}


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(str(value))


def dyad_series(connection: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", directed: bool = False,
                since=None, until=None, dedup: bool = False) -> pd.DataFrame:
    """One row per period between A and B (see the module docstring for the columns).

    Columns: period (label), start (first day), events, cooperation, conflict, the four
    quad classes, one count per PLOVER type, goldstein_sum, goldstein_mean, cc_index.

    An event counts only in periods at least as long as the precision of its date: by day
    or week, an event dated "March 2018" is not put on 1 March but left out, and counted,
    by precision, in `frame.attrs["coarser_dates"]` (e.g. {"month": 3}).
    """
    check_period(by)
    ensure_prepared(connection)
    if dedup:
        from detente.analysis.dedup import require_real_events

        require_real_events(connection)
    hits, params = temp_name("dyad_hits"), _params(a, b, since, until)
    connection.execute(f"CREATE TEMP TABLE {hits} AS {_hits_sql(directed, dedup)}", params)
    try:  # the dyad's events read once, for the series and for those it leaves out
        span = {"since": params["since"], "until": params["until"]}
        frame = _tidy(connection.execute(_series_sql(by, hits, fill=True), span).df())
        frame.attrs["coarser_dates"] = _coarser_dates(connection, by, hits)
    finally:
        connection.execute(f"DROP TABLE IF EXISTS {hits}")
    return frame


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    counts = ["events", "cooperation", "conflict", *QUAD_COLUMNS, *PLOVER_TYPES]
    for column in counts:
        frame[column] = frame[column].astype("int64")
    for column in ("goldstein_sum", "goldstein_mean", "cc_index"):
        frame[column] = frame[column].astype("float64")
    return frame


# --- "lowest point since" ---------------------------------------------------------------


def period_start(period, by: str) -> dt.date:
    """The first day of the period named by `period`: a date in it, or 2018, 2018-03, 2018-W13."""
    check_period(by)
    if isinstance(period, dt.datetime):
        period = period.date()
    if isinstance(period, dt.date):
        day = period
    else:
        text = str(period).strip()
        try:
            if re.fullmatch(r"\d{4}", text):
                day = dt.date(int(text), 1, 1)
            elif re.fullmatch(r"\d{4}-\d{1,2}", text):
                year, month = text.split("-")
                day = dt.date(int(year), int(month), 1)
            elif match := re.fullmatch(r"(\d{4})-?W(\d{1,2})", text, re.IGNORECASE):
                day = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            else:
                day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{period!r} is not a period: give YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD (or 'latest')"
            ) from None
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def lowest_point_since(connection: duckdb.DuckDBPyConnection, a: str, b: str, period="latest", by: str = "month",
                       directed: bool = False, measure: str = LOWEST_MEASURE, min_events: int = 1,
                       dedup: bool = False) -> pd.DataFrame:
    """The most recent period before `period` that was at least as hostile, as a one-row frame.

    `period` is a date in the period, a label (2018, 2018-03, 2018-W13) or "latest" (the
    last period with events). Hostility is `measure` (lower is more hostile), over periods
    with at least `min_events` events. Columns: a, b, by, period, start, measure, value,
    events, since, since_start, since_value, on_record, words. `since` is None and
    `on_record` True when no earlier period was as hostile; `value` is None when the
    period has too few events to say.
    """
    check_period(by)
    if measure not in LOWEST_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(LOWEST_MEASURES)}, not {measure!r}")
    ensure_prepared(connection)
    if dedup:
        from detente.analysis.dedup import require_real_events

        require_real_events(connection)
    params = _params(a, b, None, None)
    params["min_events"] = int(min_events)
    if str(period).strip().lower() == "latest":
        params["start"] = None
    else:
        params["start"] = period_start(period, by)
    series = _series_sql(by, f"({_hits_sql(directed, dedup)})", fill=False)
    sql = f"""
WITH series AS ({series}),
ranked AS (SELECT period, start, events, {measure} AS value FROM series WHERE events >= $min_events),
chosen AS (
    SELECT coalesce(CAST($start AS DATE), (SELECT max(start) FROM ranked)) AS start
),
here AS (
    SELECT c.start, strftime(c.start, '{PERIOD_LABELS[by]}') AS period, r.value, coalesce(s.events, 0) AS events
    FROM chosen c LEFT JOIN ranked r ON r.start = c.start LEFT JOIN series s ON s.start = c.start
),
before AS (
    SELECT r.period, r.start, r.value FROM ranked r, here h
    WHERE r.start < h.start AND h.value IS NOT NULL AND r.value <= h.value
    ORDER BY r.start DESC LIMIT 1
)
SELECT h.period, h.start, h.value, h.events, b.period AS since, b.start AS since_start, b.value AS since_value,
       (SELECT count(*) FROM ranked r WHERE r.start < h.start) AS earlier_periods
FROM here h LEFT JOIN before b ON true
"""
    row = connection.execute(sql, params).fetchone()
    period_label, start, value, events, since, since_start, since_value, earlier = row
    if start is None:  # "latest" with no events at all
        period_label = None
    words = _words(a, b, by, directed, measure, period_label, value, events, since, since_value, earlier, min_events)
    return pd.DataFrame([{
        "a": a, "b": b, "by": by, "period": period_label, "start": start, "measure": measure, "value": value,
        "events": int(events or 0), "since": since, "since_start": since_start, "since_value": since_value,
        "on_record": value is not None and since is None, "words": words,
    }])


_MEASURE_NAMES = {"goldstein_mean": "Goldstein mean", "cc_index": "conflict-cooperation index",
                  "goldstein_sum": "Goldstein sum"}


def _words(a, b, by, directed, measure, period, value, events, since, since_value, earlier, min_events) -> str:
    dyad = f"{a}->{b}" if directed else f"{a}-{b}"
    if period is None:
        return f"{dyad}: no events"
    if value is None:
        if events:
            return f"{dyad}, {period}: {events} events, fewer than the {min_events} needed to compare"
        return f"{dyad}, {period}: no events"
    name = _MEASURE_NAMES[measure]
    if since is not None:
        return f"{dyad}, {period}: the most hostile {by} since {since} ({name} {value:.2f}; {since}: {since_value:.2f})"
    if earlier:
        return f"{dyad}, {period}: the most hostile {by} on record ({name} {value:.2f}; {earlier} earlier {by}s with events)"
    return f"{dyad}, {period}: the most hostile {by} on record, the first with events ({name} {value:.2f})"
