"""Reciprocity (tit-for-tat): who answered whom, in kind, how fast and in what proportion.

The unit is the *act*: one row per (source, target, PLOVER type, mode, day) of the
asserted events, unnested into dyads as in the `analysis_events` view, however many
reports mention it (with `dedup`, made of the real events of `detente dedup`). Its
`doc_id`/`seq` are those of its first report (the lowest document id, then position),
`reports` counts the documents, and its `quantity` is the number most reports give (the
larger on a tie; a report giving two numbers for one act counts the larger). An event
with no date of its own has its document's (the view's rule). Acts without a target,
and acts of a state on itself, cannot be answered and are left out, and so are events
dated less precisely than a day ("in March 2018"): stored on the 1st, they would give
lags that are off by up to a month (`coarser_dates` counts them).

A *response* to an act of A on B is an act of B on A of the same family
(`detente.analysis.base.FAMILIES`) on the same day or up to `window_days` days later.
On the same day, acts are ordered by their first report (document id, then position in
it: of two acts told in one article, the one told first is the action). Each response
answers one act: the latest earlier act of the other side of the same type and mode
within the window if there is one, else the latest of the same family. Each act is
answered once: if two responses pick the same act, it keeps the one of the same type and
mode, then the earlier; the other response answers nothing (it may itself be answered).
`lag_days` is the response's date minus the action's; `ratio` is the response's
quantity over the action's (60 for 60 is 1.0; above 1 is escalation), NULL when either
quantity is missing.

Pairs link into *chains*: A on B, answered by B on A, answered by A on B... A response
is also an action that may be answered, and since each act answers at most one act and
is answered at most once, a chain is a simple path. Chains are numbered 1, 2, ... in
the order they start; every pair carries its `chain` and its `step` (1 for the first).

The work is split by what each tool does fastest. DuckDB finds the rows of one dyad
before the actors are unnested, makes the acts and numbers them, their dyads, types and
families; numpy finds "the latest earlier act of the other side" by a running maximum
over the acts sorted by kind (not a join of every act with every act), keeps one
response per act, and numbers the chains by pointer jumping; DuckDB then joins the pairs
back to their acts.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from detente.analysis.base import precise_to, prepare, temp_name
from detente.analysis.dedup import require_real_events
from detente.analysis.defaults import RECIPROCITY_WINDOW_DAYS

#: How many days after an act its answer may come (inclusive).
DEFAULT_WINDOW_DAYS = RECIPROCITY_WINDOW_DAYS

#: The columns describing one act, prefixed `action_` or `response_` in a pair.
ACT_COLUMNS = ["doc_id", "seq", "source", "target", "plover", "mode", "family", "cameo", "date", "quantity", "reports"]


def rows_sql(prefilter: str = "TRUE", dedup: bool = False) -> str:
    """The rows acts are made of: one per (asserted event, source code, target code), with
    the rules of the `analysis_events` view (an event without a date of its own has its
    document's) but read from the tables directly, so that `prefilter` (SQL over each
    event's code lists `sources` and `targets`, its `plover`, `date` and `date_precision`)
    applies before the unnest: one dyad's rows are found without unnesting the whole
    store. Events without a target give no row. Columns: doc_id, seq, date,
    date_precision, plover, mode, cameo, quantity, source, target, family, quad.

    With `dedup`, the events are the real events of `detente dedup` (dated by their first
    day, with their quantity), one row per mention so that reports are still counted."""
    if dedup:
        events = f"""
            SELECT m.doc_id, m.seq, x.date_first AS date, NULL AS date_precision, x.plover, x.mode, x.cameo,
                   x.quantity, x.source, x.target
            FROM (SELECT *, unnest(targets) AS target FROM (SELECT *, unnest(sources) AS source FROM (
                      SELECT id, date_first, plover, mode, cameo, quantity, source AS sources, target AS targets
                      FROM real_events) WHERE {prefilter})) x
            JOIN event_mentions m ON m.real_event_id = x.id"""
    else:
        events = f"""
            SELECT doc_id, seq, date, date_precision, plover, mode, cameo, quantity, source, target
            FROM (SELECT *, unnest(targets) AS target FROM (SELECT *, unnest(sources) AS source FROM (
                      SELECT doc_id, seq, date, date_precision, plover, mode, cameo, quantity,
                             source_codes AS sources, target_codes AS targets
                      FROM events WHERE status = 'asserted') WHERE {prefilter}))"""
    # Only the documents of undated events are looked up: a store whose events all have
    # dates (imported datasets) pays nothing for the rule.
    return f"""
        SELECT x.doc_id, x.seq, coalesce(x.date, d.date) AS date,
               CASE WHEN x.date IS NULL THEN 'day' ELSE coalesce(x.date_precision, 'day') END AS date_precision,
               x.plover, x.mode, x.cameo, x.quantity, x.source, x.target, q.family, q.quad
        FROM ({events}) x
        LEFT JOIN (SELECT id, date FROM documents
                   WHERE id IN (SELECT doc_id FROM events WHERE date IS NULL AND status = 'asserted')) d
          ON d.id = x.doc_id
        JOIN plover_classes q ON q.plover = x.plover
        WHERE coalesce(x.date, d.date) IS NOT NULL"""


def taking_part_sql(where: str = "TRUE", prefilter: str = "TRUE", dedup: bool = False) -> str:
    """The rows of `rows_sql(prefilter, dedup)` matching `where` (SQL over those rows,
    named `e`) that can take part in an act, however precisely they are dated: acts are
    made of those dated to the day, and the others are counted (`coarser_dates`)."""
    return f"SELECT * FROM ({rows_sql(prefilter, dedup)}) e WHERE e.source <> e.target AND ({where})"


def acts_sql(rows: str) -> str:
    """The SELECT of the act level (see the module doc) from `rows` (a table, or a
    parenthesised `taking_part_sql`). Columns: ACT_COLUMNS, `quad`, `mode_key` (the
    mode, '' for none: for joins) and `act_id` (chronological order, ties broken by the
    first report's document id and position)."""
    key = "source, target, plover, mode_key, date"
    return f"""
    WITH reports AS MATERIALIZED (  -- one row per report (document) of an act
        SELECT source, target, plover, coalesce(mode, '') AS mode_key, date, doc_id, any_value(mode) AS mode,
               any_value(family) AS family, any_value(quad) AS quad, min(seq) AS seq,
               arg_min(cameo, seq) AS cameo, max(quantity) AS quantity
        FROM {rows} e
        WHERE {precise_to("day", "e.date_precision")}
        GROUP BY source, target, plover, mode_key, date, doc_id
    ),
    numbers AS (      -- how many reports of an act give each number
        SELECT {key}, quantity, count(*) AS n FROM reports WHERE quantity IS NOT NULL GROUP BY ALL
    ),
    quantities AS (   -- the number most reports give, the larger on a tie
        SELECT {key}, arg_max(quantity, (n, quantity)) AS quantity FROM numbers GROUP BY ALL
    )
    SELECT a.source, a.target, a.plover, a.mode, a.date, a.family, a.quad, a.doc_id, a.seq, a.cameo, a.reports,
           q.quantity, a.mode_key,
           row_number() OVER (ORDER BY a.date, a.doc_id, a.seq, a.source, a.target) AS act_id
    FROM (SELECT {key}, any_value(mode) AS mode, any_value(family) AS family, any_value(quad) AS quad,
                 min(doc_id) AS doc_id, arg_min(seq, doc_id) AS seq, arg_min(cameo, doc_id) AS cameo,
                 count(*) AS reports
          FROM reports GROUP BY {key}) a
    LEFT JOIN quantities q USING ({key})
    """


def coarser_dates(connection: duckdb.DuckDBPyConnection, rows: str, params: dict[str, Any] | None = None) -> dict[str, int]:
    """The events (not dyad rows) of `rows` (as for `acts_sql`) that acts leave out because
    they are dated less precisely than a day ("in March 2018"), counted by precision: a
    lag or a window in days cannot be measured from them. Real events are dated by day."""
    found = connection.execute(f"""
        SELECT date_precision, count(DISTINCT (doc_id, seq)) FROM {rows} e
        WHERE NOT {precise_to("day", "e.date_precision")} GROUP BY date_precision ORDER BY date_precision
    """, params or {}).fetchall()
    return dict(found)


#: The pairs of numbered acts (`{acts}`, `{pairs}`: chain, step, action_id, response_id) as
#: the rows `reciprocity` returns, in chain order.
PAIRS_SQL = """
SELECT p.chain, p.step::INTEGER AS step, {fields}, r.family AS family, r.date - a.date AS lag_days,
       CASE WHEN a.quantity > 0 AND r.quantity IS NOT NULL THEN r.quantity / a.quantity END AS ratio
FROM {pairs} p JOIN {acts} a ON a.act_id = p.action_id JOIN {acts} r ON r.act_id = p.response_id
ORDER BY p.chain, p.step
"""


def _numbered_sql(acts: str) -> str:
    """The acts' numbers for the pairing, in act order: `act_id`, `day`, `outward` (which
    way along its dyad it goes), `kind` (its dyad, type and mode) and `family` (its dyad
    and family), the last two numbered."""
    return f"""
    WITH sided AS (
        SELECT act_id, (date - DATE '1970-01-01')::INTEGER AS day, source < target AS outward,
               least(source, target) AS one, greatest(source, target) AS other, plover, mode_key, family
        FROM {acts}
    ),
    kinds AS (
        SELECT *, row_number() OVER (ORDER BY one, other, plover, mode_key) AS kind,
               dense_rank() OVER (ORDER BY one, other, family) AS family_id
        FROM (SELECT DISTINCT one, other, plover, mode_key, family FROM sided)
    )
    SELECT s.act_id, s.day, s.outward, k.kind, k.family_id AS family
    FROM sided s JOIN kinds k USING (one, other, plover, mode_key, family)
    ORDER BY s.act_id
    """


def _latest_other(group: np.ndarray, outward: np.ndarray) -> np.ndarray:
    """For each act (in act order), the index of the latest earlier act of the same
    `group` going the other way along the dyad, -1 when none."""
    order, position = np.argsort(group, kind="stable"), np.arange(len(group))
    sorted_out, sorted_group = outward[order], group[order]
    last_out = np.maximum.accumulate(np.where(sorted_out, position, -1))
    last_in = np.maximum.accumulate(np.where(sorted_out, -1, position))
    other = np.where(sorted_out, last_in, last_out)
    found = (other >= 0) & (sorted_group[np.maximum(other, 0)] == sorted_group)
    latest = np.empty(len(group), np.int64)
    latest[order] = np.where(found, order[np.maximum(other, 0)], -1)
    return latest


def _within(action: np.ndarray, day: np.ndarray, window_days: int) -> np.ndarray:
    """The `action` indices (-1 for none) of acts that fall in the window before each act."""
    late = (action >= 0) & (day - day[np.maximum(action, 0)] > window_days)
    return np.where(late, -1, action)


def _pairs(day: np.ndarray, outward: np.ndarray, kind: np.ndarray, family: np.ndarray,
           window_days: int) -> tuple[np.ndarray, np.ndarray]:
    """(action, response) act indices: each response answers the latest earlier act of the
    other side in the window, of the same type and mode if any, else of the same family;
    each action keeps the response closest in kind, then the first."""
    same, kin = (_within(_latest_other(group, outward), day, window_days) for group in (kind, family))
    action = np.where(same >= 0, same, kin)
    closeness = (same >= 0).astype(np.int64)
    response = np.flatnonzero(action >= 0)
    action, closeness = action[response], closeness[response]
    order = np.lexsort((response, -closeness, action))
    first = np.ones(len(order), bool)
    first[1:] = action[order][1:] != action[order][:-1]
    kept = order[first]
    return action[kept], response[kept]


def _chains(count: int, action: np.ndarray, response: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(chain, step) of each pair: chains numbered in the order of their first act, steps
    from 1. Each act answers at most one and is answered at most once, so the pairs make
    simple paths; each act's first act is found by pointer jumping."""
    up, depth = np.arange(count), np.zeros(count, np.int64)
    up[response], depth[response] = action, 1
    while not np.array_equal(up[up], up):
        depth, up = depth + depth[up], up[up]
    _, chain = np.unique(up[action], return_inverse=True)
    return chain + 1, depth[action] + 1


def _where(a: str | None, b: str | None, since: dt.date | None, until: dt.date | None,
           window_days: int, family: str | None) -> tuple[str, str, dict[str, Any]]:
    """(where, prefilter, parameters) for `acts_sql`."""
    clauses, prefilter, params = [], "TRUE", {}
    if a and b:
        prefilter = ("((list_contains(sources, $a) AND list_contains(targets, $b)) OR "
                     "(list_contains(sources, $b) AND list_contains(targets, $a)))")
        clauses.append("((e.source = $a AND e.target = $b) OR (e.source = $b AND e.target = $a))")
        params.update(a=a, b=b)
    elif a or b:
        prefilter = "(list_contains(sources, $a) OR list_contains(targets, $a))"
        clauses.append("(e.source = $a OR e.target = $a)")
        params["a"] = a or b
    if since:
        clauses.append("e.date >= $since")
        params["since"] = since
    if until:  # an action up to `until` may be answered after it
        clauses.append("e.date <= $until_answer")
        params["until_answer"] = until + dt.timedelta(days=window_days)
    if family:
        clauses.append("e.family = $family")
        params["family"] = family
    return " AND ".join(clauses) or "TRUE", prefilter, params


def reciprocity(connection: duckdb.DuckDBPyConnection, a: str | None = None, b: str | None = None,
                window_days: int = DEFAULT_WINDOW_DAYS, *, directed: bool = False,
                since: dt.date | None = None, until: dt.date | None = None,
                family: str | None = None, dedup: bool = False) -> pd.DataFrame:
    """Every action paired with its response, one row per pair, in chain order.

    `a` and `b` restrict to the dyad (both directions unless `directed`: then only
    actions of `a` on `b`); `a` alone to dyads with `a` on either side. `since`/`until`
    bound the action's date, `family` the family (e.g. "sanction"). With `dedup`, the acts
    are made of the real events built by `detente dedup` (detente.analysis.dedup).
    Columns: `chain`, `step`, then `action_<c>` and `response_<c>` for c in ACT_COLUMNS,
    `family`, `lag_days`, `ratio`. Dates are pandas timestamps (day precision).

    Only events dated to the day take part: one dated "March 2018" is neither paired nor
    paired with, since its lag would be a guess. How many were left out, by precision,
    is in `frame.attrs["coarser_dates"]` (e.g. {"month": 2}).
    """
    window_days = _check_window(window_days)
    ready(connection, dedup)
    where, prefilter, params = _where(a, b, since, until, window_days, family)
    rows, acts, pairs = temp_name("reciprocity_rows"), temp_name("reciprocity_acts"), temp_name("reciprocity_pairs")
    connection.execute(f"CREATE TEMP TABLE {rows} AS {taking_part_sql(where, prefilter, dedup)}", params)
    try:  # the rows read once, for the acts and for those left out
        connection.execute(f"CREATE TEMP TABLE {acts} AS {acts_sql(rows)}")
        connection.register(pairs, _paired(connection.execute(_numbered_sql(acts)).fetchnumpy(), window_days))
        fields = ", ".join(f"{side[0]}.{c} AS {side}_{c}" for side in ("action", "response") for c in ACT_COLUMNS)
        frame = connection.execute(PAIRS_SQL.format(acts=acts, pairs=pairs, fields=fields)).df()
        left_out = coarser_dates(connection, rows)
    finally:
        connection.execute(f"DROP TABLE IF EXISTS {rows}")
        connection.execute(f"DROP TABLE IF EXISTS {acts}")
        connection.unregister(pairs)
    keep = pd.Series(True, index=frame.index)
    if directed and a and b:
        keep &= frame["action_source"] == a
    if until:
        keep &= frame["action_date"] <= pd.Timestamp(until)
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    frame.attrs["coarser_dates"] = left_out
    return frame


def _paired(numbers: dict[str, np.ndarray], window_days: int) -> pd.DataFrame:
    """The pairs of the numbered acts (`_numbered_sql`, in act order): chain, step,
    action_id, response_id."""
    day = numbers["day"].astype(np.int64)
    action, response = _pairs(day, numbers["outward"], numbers["kind"], numbers["family"], window_days)
    chain, step = _chains(len(day), action, response)
    act_id = numbers["act_id"]
    return pd.DataFrame({"chain": chain, "step": step, "action_id": act_id[action], "response_id": act_id[response]})


def chains(connection_or_pairs, a: str | None = None, b: str | None = None,
           window_days: int = DEFAULT_WINDOW_DAYS, **options) -> pd.DataFrame:
    """One row per chain: `chain`, `family`, `initiator` (the source of its first act),
    `responder`, `start`, `end` (dates of its first and last acts), `length` (number of
    acts, pairs + 1) and `acts` (a list of act dicts in order; each after the first has
    `lag_days` and `ratio` relative to the act it answers).

    Takes a connection (then the arguments of `reciprocity`) or a frame it returned."""
    if isinstance(connection_or_pairs, pd.DataFrame):
        pairs = connection_or_pairs
    else:
        pairs = reciprocity(connection_or_pairs, a, b, window_days, **options)
    rows: dict[int, dict[str, Any]] = {}
    for pair in pairs.sort_values(["chain", "step"]).to_dict("records"):
        chain = rows.get(pair["chain"])
        if chain is None:
            chain = rows[pair["chain"]] = {
                "chain": pair["chain"], "family": pair["family"], "initiator": pair["action_source"],
                "responder": pair["action_target"], "start": pair["action_date"], "acts": [_act(pair, "action")],
            }
        chain["acts"].append({**_act(pair, "response"), "lag_days": pair["lag_days"], "ratio": pair["ratio"]})
        chain["end"], chain["length"] = pair["response_date"], len(chain["acts"])
    columns = ["chain", "family", "initiator", "responder", "start", "end", "length", "acts"]
    return pd.DataFrame([{c: row[c] for c in columns} for row in rows.values()], columns=columns)


def _act(row: dict[str, Any], side: str) -> dict[str, Any]:
    return {column: row[f"{side}_{column}"] for column in ACT_COLUMNS}


def ready(connection: duckdb.DuckDBPyConnection, dedup: bool) -> None:
    """The helper table `plover_classes` in place (a connection not from `connect`), and
    with `dedup` the real events built."""
    exists = connection.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'plover_classes' AND temporary").fetchone()[0]
    if not exists:
        prepare(connection)
    if dedup:
        require_real_events(connection)


def _check_window(window_days: int) -> int:
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days must be a whole number of days, 0 or more, not {window_days!r}")
    return window_days
