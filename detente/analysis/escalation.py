"""Escalation alerts: periods in which a dyad's conflict rises well above its own baseline.

A dyad's *conflict* in a period is the sum of the Goldstein magnitudes of its
conflictual events (those with a negative Goldstein score): two expulsions of diplomats
(CAMEO 161, -4 each) and an accusation (-2) make 10. Its *baseline* is the mean and the
(sample) standard deviation of its conflict over the `window` periods before, periods
without events counting as 0. A period is an alert when

    conflict > baseline mean + threshold * baseline std   and   conflict >= min_conflict

and the dyad has a full baseline (its first event is at least `window` periods
earlier). The first condition is "well above its own baseline"; the second keeps a
lone accusation in a quiet dyad (mean 0, std 0) from raising an alert; the third keeps
a dyad's first appearance in the store from being one.

Dyads are unordered by default (A->B and B->A together, named in code order); with
`directed=True` each direction is its own dyad. An actor's acts on itself (a state's
curfew on its own people) are not a dyad. Each alert lists the conflictual events that
drove it, the most hostile first.
"""
from __future__ import annotations

import duckdb
import pandas as pd

from detente.analysis.base import precise_to
from detente.analysis.defaults import ALERT_MAX_EVENTS, ALERT_MIN_CONFLICT, ALERT_THRESHOLD, ALERT_WINDOW
from detente.analysis.dyads import PERIOD_LABELS, _day, check_period, dyad_filter, ensure_prepared, events_sql

_INDEX = {
    "day": "date_diff('day', DATE '1970-01-01', start)",
    "week": "date_diff('day', DATE '1969-12-29', start) // 7",  # 1969-12-29 was a Monday
    "month": "year(start) * 12 + month(start) - 1",
    "year": "year(start)",
}


def escalation_alerts(connection: duckdb.DuckDBPyConnection, a: str | None = None, b: str | None = None,
                      by: str = "week", window: int = ALERT_WINDOW, threshold: float = ALERT_THRESHOLD,
                      min_conflict: float = ALERT_MIN_CONFLICT, directed: bool = False, since=None, until=None,
                      max_events: int = ALERT_MAX_EVENTS, dedup: bool = False) -> pd.DataFrame:
    """Alerts for the dyad A-B, or for every dyad when A and B are None, oldest first.

    Columns: a, b, period, start, conflict, baseline_mean, baseline_std, threshold (the
    level conflict had to exceed), zscore (None when the baseline std is 0), n_events (all
    events of the dyad in the period), n_conflict (its conflictual events) and events (a
    list of the driving events: doc_id and seq, or real_event_id with dedup, source,
    target, plover, mode, date, goldstein, quantity, location). `since`/`until` choose
    which periods may be reported; baselines use the events before them too.
    """
    check_period(by)
    if (a is None) != (b is None):
        raise ValueError("give both actors of a dyad, or neither for every dyad")
    if int(window) != window or window < 2:
        raise ValueError(f"window must be a whole number of periods, 2 or more, not {window!r}")
    window = int(window)
    ensure_prepared(connection)
    if dedup:
        from detente.analysis.dedup import require_real_events

        require_real_events(connection)
    one = a is not None
    sql = f"""
WITH base AS (
    SELECT * FROM ({events_sql(dedup)}) x
    WHERE day IS NOT NULL AND {precise_to(by)} {"AND " + dyad_filter(directed) if one else ""}
), unnested AS (  -- unnest() in the select list: far faster than a lateral join at scale
    SELECT * EXCLUDE (target_list), unnest(target_list) AS t
    FROM (SELECT *, unnest(list_distinct(sources)) AS s, list_distinct(targets) AS target_list FROM base)
), pairs AS (
    SELECT * EXCLUDE (sources, targets, s, t), s AS source, t AS target,
           CASE WHEN $directed THEN s ELSE least(s, t) END AS a,
           CASE WHEN $directed THEN t ELSE greatest(s, t) END AS b,
           CAST(date_trunc('{by}', day) AS DATE) AS start
    FROM unnested
    WHERE s <> t  -- undirected, an event with A->B and B->A counts once, as A->B for A < B:
      AND ($directed OR NOT (s > t AND list_contains(sources, t) AND list_contains(targets, s)))
), dyadic AS (
    SELECT * FROM pairs
    {"WHERE (a = $a AND b = $b) OR (NOT $directed AND a = $b AND b = $a)" if one else ""}
), per AS (
    SELECT a, b, start, {_INDEX[by]} AS idx, count(*) AS n_events,
           count(*) FILTER (WHERE goldstein < 0) AS n_conflict,
           coalesce(sum(-goldstein) FILTER (WHERE goldstein < 0), 0.0) AS conflict
    FROM dyadic GROUP BY a, b, start
), rolled AS (
    SELECT *, min(idx) OVER (PARTITION BY a, b) AS first_idx,
           coalesce(sum(conflict) OVER w, 0.0) AS s1,
           coalesce(sum(conflict * conflict) OVER w, 0.0) AS s2
    FROM per
    WINDOW w AS (PARTITION BY a, b ORDER BY idx RANGE BETWEEN {window} PRECEDING AND 1 PRECEDING)
), scored AS (
    SELECT *, s1 / {window} AS baseline_mean,
           sqrt(greatest((s2 - s1 * s1 / {window}) / {window - 1}, 0.0)) AS baseline_std
    FROM rolled
), alerts AS (
    SELECT a, b, start, conflict, baseline_mean, baseline_std,
           baseline_mean + $threshold * baseline_std AS threshold,
           (conflict - baseline_mean) / nullif(baseline_std, 0.0) AS zscore, n_events, n_conflict
    FROM scored
    WHERE idx - first_idx >= {window}
      AND conflict > baseline_mean + $threshold * baseline_std
      AND conflict >= $min_conflict
      AND ($since IS NULL OR start >= CAST(date_trunc('{by}', CAST($since AS DATE)) AS DATE))
      AND ($until IS NULL OR start <= CAST($until AS DATE))
), drivers AS (
    SELECT d.a, d.b, d.start,
           list({{'doc_id': d.doc_id, 'seq': d.seq, 'real_event_id': d.real_event_id, 'source': d.source,
                  'target': d.target, 'plover': d.plover, 'mode': d.mode, 'date': d.day,
                  'goldstein': d.goldstein, 'quantity': d.quantity, 'location': d.location}}
                ORDER BY d.goldstein, d.day, d.doc_id, d.seq, d.real_event_id) AS events
    FROM dyadic d SEMI JOIN alerts al ON al.a = d.a AND al.b = d.b AND al.start = d.start
    WHERE d.goldstein < 0
    GROUP BY d.a, d.b, d.start
)
SELECT al.a, al.b, strftime(al.start, '{PERIOD_LABELS[by]}') AS period, al.start, al.conflict,
       al.baseline_mean, al.baseline_std, al.threshold, al.zscore, al.n_events, al.n_conflict,
       list_slice(dr.events, 1, $max_events) AS events
FROM alerts al JOIN drivers dr USING (a, b, start)
ORDER BY al.start, al.a, al.b
"""
    params = {
        "directed": bool(directed), "threshold": float(threshold), "min_conflict": float(min_conflict),
        "since": _day(since), "until": _day(until), "max_events": int(max_events),
    }
    if one:
        params.update(a=a, b=b)
    frame = connection.execute(sql, params).df()
    frame["events"] = [[_plain(e) for e in events] for events in frame["events"]]
    for column in ("n_events", "n_conflict"):
        frame[column] = frame[column].astype("int64")
    return frame


def _plain(event: dict) -> dict:
    """A driving event with JSON-friendly values (NaN and NaT as None)."""
    out = {}
    for key, value in event.items():
        if key == "doc_id" or key == "seq":
            if event.get("real_event_id") is not None:
                continue
        elif key == "real_event_id" and value is None:
            continue
        out[key] = None if _missing(value) else value
    return out


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
