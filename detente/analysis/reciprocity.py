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

Everything is SQL in DuckDB: the rows of one dyad are found before the actors are
unnested, and "the latest earlier act of the other side" is a window function, not a
join of every act with every act.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
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
    return f"""
    SELECT *, coalesce(mode, '') AS mode_key,
           row_number() OVER (ORDER BY date, doc_id, seq, source, target) AS act_id
    FROM (
        SELECT source, target, plover, mode, date, any_value(family) AS family, any_value(quad) AS quad,
               arg_min(doc_id, first_key) AS doc_id, arg_min(seq, first_key) AS seq,
               arg_min(cameo, first_key) AS cameo, count(*) AS reports,
               list_sort(list_transform(map_entries(histogram(quantity)),
                                        lambda x: struct_pack(n := x.value, q := x.key)), 'DESC')[1].q AS quantity
        FROM (  -- one row per report (document) of an act
            SELECT source, target, plover, mode, date, doc_id, any_value(family) AS family, any_value(quad) AS quad,
                   min(seq) AS seq, arg_min(cameo, seq) AS cameo, max(quantity) AS quantity,
                   (doc_id, min(seq)) AS first_key
            FROM {rows} e
            WHERE {precise_to("day", "e.date_precision")}
            GROUP BY source, target, plover, mode, date, doc_id
        )
        GROUP BY source, target, plover, mode, date
    )
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


def _latest(partition: str) -> str:
    """The act_id of the latest earlier act in the other direction of the same dyad with
    the same `partition` columns (NULL when none), as a window expression over `sided`."""
    frame = f"PARTITION BY one, other, {partition} ORDER BY act_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
    return (f"CASE WHEN outward THEN last_value(CASE WHEN NOT outward THEN act_id END IGNORE NULLS) OVER ({frame}) "
            f"ELSE last_value(CASE WHEN outward THEN act_id END IGNORE NULLS) OVER ({frame}) END")


def _pairs_sql(rows: str) -> str:
    latest = _latest
    candidates = "\n        UNION ALL\n        ".join(
        f"SELECT l.response_id, a.act_id AS action_id, {kind} AS kind FROM latest l JOIN acts a ON a.act_id = l.kind{kind} "
        f"WHERE l.date - a.date <= $window" for kind in (1, 0))
    act_fields = ", ".join(f"{side[0]}.{c} AS {side}_{c}" for side in ("action", "response") for c in ACT_COLUMNS)
    return f"""
    WITH RECURSIVE
    acts AS MATERIALIZED ({acts_sql(rows)}),
    sided AS (        -- the dyad without direction, and which way each act goes
        SELECT act_id, date, least(source, target) AS one, greatest(source, target) AS other,
               source < target AS outward, plover, mode_key, family
        FROM acts
    ),
    latest AS (       -- the latest earlier act of the other side: 1 of the same type and mode,
                      -- 0 of the same family
        SELECT act_id AS response_id, date,
               {latest("plover, mode_key")} AS kind1,
               {latest("family")} AS kind0
        FROM sided
    ),
    candidates AS (
        {candidates}
    ),
    answers AS (      -- each response answers one act: the closest in kind, then the most recent
        SELECT * FROM candidates
        QUALIFY row_number() OVER (PARTITION BY response_id ORDER BY kind DESC, action_id DESC) = 1
    ),
    pairs AS MATERIALIZED (  -- each act is answered once: the closest in kind, then the first
        SELECT action_id, response_id FROM answers
        QUALIFY row_number() OVER (PARTITION BY action_id ORDER BY kind DESC, response_id) = 1
    ),
    walk(root, action_id, response_id, step) AS (
        SELECT action_id, action_id, response_id, 1 FROM pairs
        WHERE action_id NOT IN (SELECT response_id FROM pairs)
        UNION ALL
        SELECT w.root, p.action_id, p.response_id, w.step + 1
        FROM walk w JOIN pairs p ON p.action_id = w.response_id
    )
    SELECT dense_rank() OVER (ORDER BY w.root) AS chain, w.step, {act_fields},
           r.family AS family, r.date - a.date AS lag_days,
           CASE WHEN a.quantity > 0 AND r.quantity IS NOT NULL THEN r.quantity / a.quantity END AS ratio
    FROM walk w JOIN acts a ON a.act_id = w.action_id JOIN acts r ON r.act_id = w.response_id
    ORDER BY chain, step
    """


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
    rows = temp_name("reciprocity_rows")
    connection.execute(f"CREATE TEMP TABLE {rows} AS {taking_part_sql(where, prefilter, dedup)}", params)
    try:  # the rows read once, for the acts and for those left out
        frame = connection.execute(_pairs_sql(rows), {"window": window_days}).df()
        left_out = coarser_dates(connection, rows)
    finally:
        connection.execute(f"DROP TABLE IF EXISTS {rows}")
    keep = pd.Series(True, index=frame.index)
    if directed and a and b:
        keep &= frame["action_source"] == a
    if until:
        keep &= frame["action_date"] <= pd.Timestamp(until)
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    frame.attrs["coarser_dates"] = left_out
    return frame


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
