"""Coalitions: many actors taking the same kind of action against one target within days.

The model is the coordinated expulsions of March 2018: dozens of states and NATO
expelling Russian diplomats within days of each other.

The unit is the act of `detente.analysis.reciprocity` (one row per source, target,
PLOVER type, mode and day, however many reports mention it). A *coalition* is the set of
acts against one target with the same PLOVER type and the same mode in a window of
`window_days` days from its first act (end - start <= window_days, both days counted),
by at least `min_members` distinct actors.

Windows are found forward in time in each (target, type, mode): a coalition starts on
the first day whose window holds `min_members` actors and takes every act in that
window; the next may start only after the window ends. So coalitions never overlap,
every act belongs to at most one, acts spread over more than the window are split, a
steady trickle of acts is not chained into one endless coalition, and an act too early
to share a window with enough others (a lone act two weeks before the crowd) stays out.
Events dated less precisely than a day ("in March 2018") are left out and counted
(`coarser_dates`): stored on the 1st, they would open or join windows they may not be in.

Each member is one actor: `date` is its first act in the coalition, `quantity` the
largest number reported for it there (several reports of one act on different days are
not added up), `doc_id` the first report of its first act, `reports` the reports of
its acts. `total` is the sum of the members' quantities (NULL when none has one);
`size` the number of members.

SQL (DuckDB) builds the acts, counts the actors in each day's window and gathers the
members; only the forward sweep over the qualifying days is Python.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os

import duckdb
import pandas as pd
import pyarrow as pa

from detente.analysis.defaults import COALITION_MIN_MEMBERS, COALITION_WINDOW_DAYS
from detente.analysis.reciprocity import acts_sql, coarser_dates, ready

#: Members of a coalition act within this many days of its first act (inclusive).
DEFAULT_WINDOW_DAYS = COALITION_WINDOW_DAYS

#: The fewest distinct actors that make a coalition.
DEFAULT_MIN_MEMBERS = COALITION_MIN_MEMBERS

COLUMNS = ["coalition", "target", "plover", "mode", "start", "end", "size", "total", "members"]
MEMBER_KEYS = ["actor", "date", "quantity", "doc_id", "reports"]


def _opening_days_sql(window_days: int) -> str:
    """The days on which a window of `window_days` days holds at least $min_members actors,
    per (target, type, mode), from the acts table."""
    return f"""
    SELECT DISTINCT target, plover, mode, date FROM (
        SELECT target, plover, mode, date,
               count(DISTINCT source) OVER (PARTITION BY target, plover, mode ORDER BY date
                                            RANGE BETWEEN CURRENT ROW AND INTERVAL {window_days} DAY FOLLOWING) AS actors
        FROM {{acts}}
    ) WHERE actors >= $min_members
    ORDER BY target, plover, mode NULLS FIRST, date
    """


MEMBERS_SQL = """
WITH placed AS (  -- each act in the window of the latest coalition start on or before it
    SELECT w.coalition, a.* FROM {acts} a ASOF JOIN {windows} w
      ON a.target = w.target AND a.plover = w.plover AND a.mode_key = w.mode_key AND a.date >= w.start
    WHERE a.date <= w.start + $window::INTEGER
),
members AS (
    SELECT coalition, target, plover, mode, source AS actor, min(date) AS date, max(quantity) AS quantity,
           arg_min(doc_id, act_id) AS doc_id, sum(reports)::BIGINT AS reports
    FROM placed GROUP BY ALL
)
SELECT coalition, target, plover, mode, min(date) AS start, max(date) AS "end", count(*) AS size,
       sum(quantity)::BIGINT AS total,
       list(struct_pack(actor := actor, date := date, quantity := quantity, doc_id := doc_id, reports := reports)
            ORDER BY date, actor) AS members
FROM members GROUP BY ALL
ORDER BY start, target, plover, mode NULLS FIRST
"""


def coalitions(connection: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS,
               min_members: int = DEFAULT_MIN_MEMBERS, *, target: str | None = None,
               plover: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None, dedup: bool = False) -> pd.DataFrame:
    """One row per coalition, in order of start (then target, type, mode).

    Columns: `coalition` (1, 2, ...), `target`, `plover`, `mode`, `start`, `end` (pandas
    timestamps, day precision), `size`, `total` and `members` (a list of dicts with
    MEMBER_KEYS, in order of date then actor). `target` and `plover` restrict to one
    target or PLOVER type; `since`/`until` to acts in those days. With `dedup`, the acts
    are made of the real events built by `detente dedup` (detente.analysis.dedup).

    Only events dated to the day take part (a window of days cannot hold "March 2018");
    how many were left out, by precision, is in `frame.attrs["coarser_dates"]`.
    """
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days must be a whole number of days, 0 or more, not {window_days!r}")
    if isinstance(min_members, bool) or not isinstance(min_members, int) or min_members < 2:
        raise ValueError(f"min_members must be a whole number, 2 or more, not {min_members!r}")
    ready(connection, dedup)
    clauses, early, params = [], [], {}
    for name, value, clause, before in (
        ("target", target, "e.target = $target", "list_contains(targets, $target)"),
        ("plover", plover, "e.plover = $plover", "plover = $plover"),
        ("since", since, "e.date >= $since", None), ("until", until, "e.date <= $until", None),
    ):
        if value:
            clauses.append(clause)
            early += [before] if before else []
            params[name] = value
    where, prefilter = " AND ".join(clauses) or "TRUE", " AND ".join(early) or "TRUE"
    acts, windows = _temp_name("acts"), _temp_name("windows")
    try:
        connection.execute(f"CREATE TEMP TABLE {acts} AS {acts_sql(where, prefilter, dedup)}", params)
        days = connection.execute(_opening_days_sql(window_days).format(acts=acts), {"min_members": min_members}).fetchall()
        starts = _sweep(days, window_days)
        connection.register(windows, pa.table({
            "coalition": pa.array(range(1, len(starts) + 1), pa.int64()),
            "target": pa.array([row[0] for row in starts], pa.string()),
            "plover": pa.array([row[1] for row in starts], pa.string()),
            "mode_key": pa.array([row[2] or "" for row in starts], pa.string()),
            "start": pa.array([row[3] for row in starts], pa.date32()),
        }))
        frame = connection.execute(MEMBERS_SQL.format(acts=acts, windows=windows), {"window": window_days}).df()
        left_out = coarser_dates(connection, where, prefilter, params, dedup)
    finally:
        connection.execute(f"DROP TABLE IF EXISTS {acts}")
        connection.unregister(windows)
    frame["coalition"] = range(1, len(frame) + 1)
    frame["members"] = [[{**m, "date": pd.Timestamp(m["date"])} for m in members] for members in frame["members"]]
    frame = frame[COLUMNS]
    for column in ("start", "end"):
        frame[column] = frame[column].astype("datetime64[us]")
    frame["total"] = frame["total"].astype("Int64")
    frame["size"] = frame["size"].astype("int64")
    frame.attrs["coarser_dates"] = left_out
    return frame


def coalition_members(frame: pd.DataFrame) -> pd.DataFrame:
    """The members of `coalitions(...)`, one row each: the coalition's columns (but
    `members`) then `actor`, `date`, `quantity`, `doc_id`, `reports`."""
    rows = [{**{c: row[c] for c in COLUMNS if c != "members"}, **member}
            for row in frame.to_dict("records") for member in row["members"]]
    flat = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "members"] + MEMBER_KEYS)
    for column in ("total", "quantity"):
        flat[column] = flat[column].astype("Int64")
    return flat


def _sweep(days: list[tuple], window_days: int) -> list[tuple]:
    """Forward in time in each (target, type, mode): a coalition starts on the first day
    whose window holds enough actors; the next may start only after its window ends."""
    chosen, window = [], dt.timedelta(days=window_days)
    for group, rows in itertools.groupby(days, key=lambda r: r[:3]):
        bound = None
        for *_, day in rows:
            if bound is None or day > bound:
                chosen.append((*group, day))
                bound = day + window
    return chosen


_counter = itertools.count()


def _temp_name(what: str) -> str:
    return f"_detente_coalition_{what}_{os.getpid()}_{next(_counter)}"
