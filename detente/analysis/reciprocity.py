"""Reciprocity (tit-for-tat): who answered whom, in kind, how fast and in what proportion.

The unit is the *act*: one row of `analysis_events` per (source, target, PLOVER type,
mode, day), however many reports mention it. Its `doc_id`/`seq` are those of the first
report (earliest publication, then document id), `reports` counts the documents, and its
`quantity` is the number most reports give (the larger on a tie). An event with no date
of its own has its document's (the view's rule). Acts without a target, and acts of a
state on itself, cannot be answered and are left out.

A *response* to an act of A on B is an act of B on A of the same family
(`detente.analysis.base.FAMILIES`) on the same day or up to `window_days` days later;
on the same day, the act first reported comes first. Each response answers one act:
among the candidates, the closest in kind (same type and mode, then same type), then the
most recent. Each act is answered once: if two responses pick the same act, it keeps the
closest in kind, then the earlier; the other response answers nothing (it may itself be
answered). `lag_days` is the response's date minus the action's; `ratio` is the
response's quantity over the action's (60 for 60 is 1.0; above 1 is escalation), NULL
when either quantity is missing.

Pairs link into *chains*: A on B, answered by B on A, answered by A on B... A response
is also an action that may be answered, and since each act answers at most one act and
is answered at most once, a chain is a simple path. Chains are numbered 1, 2, ... in
the order they start; every pair carries its `chain` and its `step` (1 for the first).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

#: How many days after an act its answer may come (inclusive): the issue's default.
DEFAULT_WINDOW_DAYS = 30

#: The columns describing one act, prefixed `action_` or `response_` in a pair.
ACT_COLUMNS = ["doc_id", "seq", "source", "target", "plover", "mode", "family", "cameo", "date", "quantity", "reports"]


def acts_sql(where: str = "TRUE") -> str:
    """The SELECT of the act level (see the module doc), from `analysis_events` rows
    matching `where` (SQL over the view's columns, which it names `e`). Columns:
    ACT_COLUMNS, `quad`, `published` (first report's publication date), `mode_key` (the
    mode, '' for none: for joins) and `act_id` (chronological order, ties broken by the
    first report's publication, document and position)."""
    return f"""
    SELECT *, coalesce(mode, '') AS mode_key,
           row_number() OVER (ORDER BY date, published NULLS LAST, doc_id, seq, source, target) AS act_id
    FROM (
        SELECT source, target, plover, mode, family, quad, date, doc_id, seq, cameo, published, reports,
               first_value(quantity) OVER (PARTITION BY source, target, plover, mode, date
                                           ORDER BY quantity IS NULL, same_quantity DESC, quantity DESC) AS quantity,
               row_number() OVER (PARTITION BY source, target, plover, mode, date
                                  ORDER BY published NULLS LAST, doc_id, seq) AS report
        FROM (
            SELECT e.*, d.date AS published,
                   count(*) OVER (PARTITION BY e.source, e.target, e.plover, e.mode, e.date, e.quantity) AS same_quantity,
                   count(DISTINCT e.doc_id) OVER (PARTITION BY e.source, e.target, e.plover, e.mode, e.date) AS reports
            FROM analysis_events e LEFT JOIN documents d ON d.id = e.doc_id
            WHERE e.date IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target AND ({where})
        )
    )
    WHERE report = 1
    """


def _pairs_sql(where: str) -> str:
    same = {2: "AND a.plover = r.plover AND a.mode_key = r.mode_key", 1: "AND a.plover = r.plover", 0: ""}
    candidates = "\n        UNION ALL\n        ".join(
        f"SELECT a.act_id AS action_id, r.act_id AS response_id, {kind} AS kind, r.date - a.date AS lag "
        f"FROM acts r ASOF JOIN acts a ON a.source = r.target AND a.target = r.source AND a.family = r.family "
        f"{condition} AND a.act_id < r.act_id"
        for kind, condition in same.items()
    )
    act_fields = ", ".join(f"{side[0]}.{c} AS {side}_{c}" for side in ("action", "response") for c in ACT_COLUMNS)
    return f"""
    WITH RECURSIVE
    acts AS MATERIALIZED ({acts_sql(where)}),
    candidates AS (   -- for each response, the latest earlier act of the other side of each kind:
                      -- 2 the same type and mode, 1 the same type, 0 the same family
        {candidates}
    ),
    answers AS (      -- each response answers one act: the closest in kind, then the most recent
        SELECT * FROM candidates WHERE lag <= $window
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
           window_days: int, family: str | None) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if a and b:
        clauses.append("((e.source = $a AND e.target = $b) OR (e.source = $b AND e.target = $a))")
        params.update(a=a, b=b)
    elif a or b:
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
    return " AND ".join(clauses) or "TRUE", params


def reciprocity(connection: duckdb.DuckDBPyConnection, a: str | None = None, b: str | None = None,
                window_days: int = DEFAULT_WINDOW_DAYS, *, directed: bool = False,
                since: dt.date | None = None, until: dt.date | None = None,
                family: str | None = None) -> pd.DataFrame:
    """Every action paired with its response, one row per pair, in chain order.

    `a` and `b` restrict to the dyad (both directions unless `directed`: then only
    actions of `a` on `b`); `a` alone to dyads with `a` on either side. `since`/`until`
    bound the action's date, `family` the family (e.g. "sanction").
    Columns: `chain`, `step`, then `action_<c>` and `response_<c>` for c in ACT_COLUMNS,
    `family`, `lag_days`, `ratio`. Dates are pandas timestamps (day precision).
    """
    window_days = _check_window(window_days)
    where, params = _where(a, b, since, until, window_days, family)
    frame = connection.execute(_pairs_sql(where), {**params, "window": window_days}).df()
    keep = pd.Series(True, index=frame.index)
    if directed and a and b:
        keep &= frame["action_source"] == a
    if until:
        keep &= frame["action_date"] <= pd.Timestamp(until)
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
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
    rows = []
    for chain, steps in pairs.groupby("chain", sort=True):
        steps = steps.sort_values("step")
        first = steps.iloc[0]
        acts = [_act(first, "action")]
        for _, pair in steps.iterrows():
            acts.append({**_act(pair, "response"), "lag_days": pair["lag_days"], "ratio": pair["ratio"]})
        rows.append({
            "chain": chain, "family": first["family"], "initiator": first["action_source"],
            "responder": first["action_target"], "start": first["action_date"],
            "end": steps.iloc[-1]["response_date"], "length": len(acts), "acts": acts,
        })
    columns = ["chain", "family", "initiator", "responder", "start", "end", "length", "acts"]
    return pd.DataFrame(rows, columns=columns)


def _act(row: pd.Series, side: str) -> dict[str, Any]:
    return {column: row[f"{side}_{column}"] for column in ACT_COLUMNS}


def _check_window(window_days: int) -> int:
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days must be a whole number of days, 0 or more, not {window_days!r}")
    return window_days
