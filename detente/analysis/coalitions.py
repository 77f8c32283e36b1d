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

The work is split by what each tool does fastest. DuckDB reads the events into report
rows (one per report of an act: actor, target, type, mode, day, document) and numbers
the targets, actors and kinds; numpy counts the distinct actors in each day's window (a
sweep over the days, not a window aggregate) and makes the forward choice of starts
by following "the first qualifying day after this window" from start to start; DuckDB
then gathers the acts of each coalition into its members with list aggregation. With
`limit`, only the largest coalitions are gathered and returned (`frame.attrs["found"]`
says how many there were).
"""
from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd

from detente.analysis.base import precise_to, temp_name
from detente.analysis.defaults import (
    COALITION_LIMIT,
    COALITION_MIN_MEMBERS,
    COALITION_WINDOW_DAYS,
)
from detente.analysis.reciprocity import coarser_dates, ready, rows_sql, taking_part_sql

#: Members of a coalition act within this many days of its first act (inclusive).
DEFAULT_WINDOW_DAYS = COALITION_WINDOW_DAYS

#: The fewest distinct actors that make a coalition.
DEFAULT_MIN_MEMBERS = COALITION_MIN_MEMBERS

#: How many coalitions `detente coalitions` shows unless told otherwise: the largest.
DEFAULT_LIMIT = COALITION_LIMIT

COLUMNS = ["coalition", "target", "plover", "mode", "start", "end", "size", "total", "members"]
MEMBER_KEYS = ["actor", "date", "quantity", "doc_id", "reports"]


def _rows_sql(where: str, prefilter: str, dedup: bool) -> str:
    """One row per event, actor and target taking part (see `rows_sql`), numbered: `grp`
    is its (target, type, mode), `actor_id` its actor, `day` its date in days since 1970."""
    return f"""
    WITH found AS MATERIALIZED (
        SELECT source, target, plover, mode, coalesce(mode, '') AS mode_key, date, doc_id, quantity
        FROM ({rows_sql(prefilter, dedup)}) e
        WHERE e.source <> e.target AND ({where}) AND {precise_to("day", "e.date_precision")}
    ),
    codes AS (SELECT code, row_number() OVER (ORDER BY code) AS id
              FROM (SELECT DISTINCT source AS code FROM found UNION SELECT DISTINCT target FROM found)),
    kinds AS (SELECT plover, mode_key, row_number() OVER (ORDER BY plover, mode_key) - 1 AS id
              FROM (SELECT DISTINCT plover, mode_key FROM found))
    SELECT f.*, t.id * (SELECT count(*) FROM kinds) + k.id AS grp, a.id AS actor_id,
           (f.date - DATE '1970-01-01')::INTEGER AS day
    FROM found f JOIN codes t ON t.code = f.target JOIN codes a ON a.code = f.source
         JOIN kinds k ON k.plover = f.plover AND k.mode_key = f.mode_key
    """


#: The coalitions of the placed rows (`{placed}`: the rows with `k`, their coalition's
#: number): reports, acts, members, then one row per coalition, in order of number.
COALITIONS_SQL = """
WITH reports AS (  -- one row per document reporting an act, with the largest number it gives
    SELECT k, source, date, doc_id, max(quantity) AS quantity, any_value(target) AS target,
           any_value(plover) AS plover, any_value(mode) AS mode
    FROM {placed} GROUP BY k, source, date, doc_id
),
numbers AS (       -- how many reports of an act give each number
    SELECT k, source, date, quantity, count(*) AS n, min(doc_id) AS doc_id, any_value(target) AS target,
           any_value(plover) AS plover, any_value(mode) AS mode
    FROM reports GROUP BY k, source, date, quantity
),
acts AS (          -- one row per act: the number most reports give (the larger on a tie)
    SELECT k, source, date, arg_max(quantity, (n, quantity)) FILTER (WHERE quantity IS NOT NULL) AS quantity,
           sum(n) AS reports, min(doc_id) AS doc_id, any_value(target) AS target, any_value(plover) AS plover,
           any_value(mode) AS mode
    FROM numbers GROUP BY k, source, date
),
members AS (
    SELECT k, source AS actor, any_value(target) AS target, any_value(plover) AS plover, any_value(mode) AS mode,
           min(date) AS date, max(quantity) AS quantity, arg_min(doc_id, date) AS doc_id, sum(reports)::BIGINT AS reports
    FROM acts GROUP BY k, source
)
SELECT k AS coalition, any_value(target) AS target, any_value(plover) AS plover, any_value(mode) AS mode,
       min(date) AS start, max(date) AS "end", count(*) AS size, sum(quantity)::BIGINT AS total,
       list(struct_pack(actor := actor, date := date, quantity := quantity, doc_id := doc_id, reports := reports)
            ORDER BY date, actor) AS members
FROM members GROUP BY k ORDER BY k
"""


def coalitions(connection: duckdb.DuckDBPyConnection, window_days: int = DEFAULT_WINDOW_DAYS,
               min_members: int = DEFAULT_MIN_MEMBERS, *, target: str | None = None,
               plover: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None, dedup: bool = False, limit: int | None = None) -> pd.DataFrame:
    """One row per coalition, in order of start (then target, type, mode).

    Columns: `coalition` (1, 2, ... in that order), `target`, `plover`, `mode`, `start`,
    `end` (pandas timestamps, day precision), `size`, `total` and `members` (a list of
    dicts with MEMBER_KEYS, in order of date then actor). `target` and `plover` restrict
    to one target or PLOVER type; `since`/`until` to acts in those days. With `dedup`, the
    acts are made of the real events built by `detente dedup` (detente.analysis.dedup).
    With `limit`, only the `limit` largest coalitions (the earliest first among equals)
    are returned, still numbered among all; `frame.attrs["found"]` is how many there are.

    Only events dated to the day take part (a window of days cannot hold "March 2018");
    how many were left out, by precision, is in `frame.attrs["coarser_dates"]`.
    """
    _check(window_days, min_members, limit)
    ready(connection, dedup)
    where, prefilter, params = _filters(target, plover, since, until)
    rows, placed = temp_name("coalition_rows"), temp_name("coalition_placed")
    try:
        connection.execute(f"CREATE TEMP TABLE {rows} AS {_rows_sql(where, prefilter, dedup)}", params)
        numbers = connection.execute(f"SELECT rowid, grp, actor_id, day FROM {rows}").fetchnumpy()
        found = Coalitions.of(numbers["grp"], numbers["actor_id"], numbers["day"], window_days, min_members)
        by_row = np.empty(len(numbers["rowid"]), np.int64)  # in the table's order, for the positional join
        by_row[numbers["rowid"]] = found.numbers(limit)
        connection.register(placed, pd.DataFrame({"k": by_row}))
        frame = connection.execute(
            COALITIONS_SQL.format(placed=f"(SELECT * FROM {rows} POSITIONAL JOIN {placed} WHERE k > 0)")).df()
        left_out = coarser_dates(connection, f"({taking_part_sql(where, prefilter, dedup)})", params)
    finally:
        connection.execute(f"DROP TABLE IF EXISTS {rows}")
        connection.unregister(placed)
    return _tidy(frame, found=found.count, coarser=left_out)


class Coalitions:
    """The coalitions of rows given by their group, actor and day numbers (numpy arrays):
    forward in time in each group, a coalition starts on the first day whose window holds
    `min_members` distinct actors and takes every act in that window; the next may start
    only after the window ends."""

    def __init__(self, index: np.ndarray, order: np.ndarray, sizes: np.ndarray):
        self.index, self.order, self.sizes = index, order, sizes
        self.count = len(sizes)

    @classmethod
    def of(cls, groups: np.ndarray, actors: np.ndarray, days: np.ndarray, window_days: int,
           min_members: int) -> Coalitions:
        if len(days) == 0:
            return cls(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64))
        days = days.astype(np.int64) - int(days.min()) + window_days + 1  # room for day - window_days
        width = int(days.max() + 2 * window_days + 2).bit_length()
        if int(groups.max()).bit_length() + width + 21 > 63:
            raise ValueError("too many targets, kinds or days to number in 64 bits")
        groups = groups.astype(np.int64) << width
        acts = _distinct((groups << 20) | (actors.astype(np.int64) << width) | days)
        group, actor, day = acts >> (width + 20) << width, (acts >> width) & ((1 << 20) - 1), acts & ((1 << width) - 1)
        starts = _starts(_qualifying_days(group, actor, day, window_days, min_members), window_days)
        index = _place(groups | days, starts, width, window_days)
        placed = _place(group | day, starts, width, window_days)
        inside = placed >= 0
        members = _distinct((placed[inside] << 20) | actor[inside])  # (coalition, actor) pairs
        sizes = np.bincount(members >> 20, minlength=len(starts))
        order = np.lexsort((starts >> width, starts & ((1 << width) - 1)))  # by start day, then group
        return cls(index, order, sizes)

    def numbers(self, limit: int | None) -> np.ndarray:
        """Each row's coalition number (1, 2, ... in order of start day, then target, type
        and mode), 0 for rows in none or in a coalition beyond the `limit` largest."""
        number = np.empty(self.count + 1, np.int64)
        number[self.order] = np.arange(1, self.count + 1)
        if limit is not None and limit < self.count:
            kept = np.lexsort((number[:-1], -self.sizes))[:limit]
            dropped = np.ones(self.count, bool)
            dropped[kept] = False
            number[:-1][dropped] = 0
        number[-1] = 0
        return number[self.index]


def _distinct(keys: np.ndarray) -> np.ndarray:
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _starts(qualifying: np.ndarray, window_days: int) -> np.ndarray:
    """From the first qualifying day on, the first qualifying day after each window."""
    following = np.searchsorted(qualifying, qualifying + window_days, side="right").tolist()
    chosen, at = [], 0
    while at < len(qualifying):
        chosen.append(at)
        at = following[at]
    return qualifying[chosen]


def _place(keys: np.ndarray, starts: np.ndarray, width: int, window_days: int) -> np.ndarray:
    """For (group | day) keys, the index of the coalition whose window holds each, else -1."""
    if not len(starts):
        return np.full(len(keys), -1, np.int64)
    order = np.argsort(keys)  # sorted queries search fast
    index = np.empty(len(keys), np.int64)
    index[order] = np.searchsorted(starts, keys[order], side="right") - 1
    start = starts[np.maximum(index, 0)]
    inside = (index >= 0) & (start >> width == keys >> width) & (keys - start <= window_days)
    return np.where(inside, index, -1)


def _qualifying_days(group: np.ndarray, actor: np.ndarray, day: np.ndarray, window_days: int,
                     min_members: int) -> np.ndarray:
    """The (group | day) keys of the days with acts whose window [day, day + window_days]
    holds at least `min_members` distinct actors, sorted (`group`, `actor`, `day` are the
    distinct acts in that order). An actor's act on day d is its first in the windows
    starting from max(its previous act's day + 1, d - window_days) to d: counting +1 there
    and -1 after d counts each actor of a window once."""
    same = np.zeros(len(day), bool)
    same[1:] = (group[1:] == group[:-1]) & (actor[1:] == actor[:-1])
    opens = np.maximum(np.where(same, np.roll(day, 1), -1) + 1, day - window_days)
    # each key's lowest bit says whether an actor comes in (1) or goes (0) there
    keys = np.sort(np.concatenate([((group | opens) << 1) | 1, (group | (day + 1)) << 1]))
    running = np.cumsum((keys & 1) * 2 - 1)
    days_with_acts = _distinct(group | day)
    actors_in_window = running[np.searchsorted(keys, (days_with_acts << 1) | 1, side="right") - 1]
    return days_with_acts[actors_in_window >= min_members]


def _filters(target: str | None, plover: str | None, since: dt.date | None,
             until: dt.date | None) -> tuple[str, str, dict]:
    """(where over the rows `e`, prefilter over the events' code lists, parameters)."""
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
    return " AND ".join(clauses) or "TRUE", " AND ".join(early) or "TRUE", params


def _check(window_days: int, min_members: int, limit: int | None) -> None:
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days must be a whole number of days, 0 or more, not {window_days!r}")
    if isinstance(min_members, bool) or not isinstance(min_members, int) or min_members < 2:
        raise ValueError(f"min_members must be a whole number, 2 or more, not {min_members!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a whole number, 0 or more, or None, not {limit!r}")


def _tidy(frame: pd.DataFrame, found: int, coarser: dict[str, int]) -> pd.DataFrame:
    frame["members"] = [[{**m, "date": pd.Timestamp(m["date"])} for m in members] for members in frame["members"]]
    frame = frame[COLUMNS]
    for column in ("start", "end"):
        frame[column] = frame[column].astype("datetime64[us]")
    frame["total"] = frame["total"].astype("Int64")
    for column in ("coalition", "size"):
        frame[column] = frame[column].astype("int64")
    frame.attrs["coarser_dates"] = coarser
    frame.attrs["found"] = found
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
