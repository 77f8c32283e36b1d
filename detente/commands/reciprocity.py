"""`detente reciprocity [A [B]]`: tit-for-tat pairs (or, with --chains, chains) from the store.

A thin layer over `detente.analysis.reciprocity`: it parses, calls, and formats.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import sys
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pandas is loaded by the commands that run, not by `detente --help`
    import pandas as pd

FORMATS = ("table", "json", "csv")


def register(commands) -> None:
    from detente.analysis.defaults import FAMILIES, RECIPROCITY_WINDOW_DAYS as DEFAULT_WINDOW_DAYS
    from detente.cliargs import add_db as _add_db, count as _count, day as _day

    parser = commands.add_parser(
        "reciprocity", help="tit-for-tat: actions paired with the other side's responses in kind",
        description="Pair each action of A on B with B's response on A of the same family within a window, "
                    "with the lag in days and the ratio of quantities, and follow the pairs into chains "
                    "(A on B, B on A, A on B ...). With no actor, every dyad; with A, every dyad of A.",
    )
    parser.add_argument("actors", nargs="*", type=str.upper, metavar="ACTOR", help="A, or A B: a state or organisation code, or two (a dyad)")
    _add_db(parser)
    parser.add_argument("--window", type=_count, default=DEFAULT_WINDOW_DAYS, metavar="DAYS",
                        help=f"a response comes at most DAYS days after the action (default: {DEFAULT_WINDOW_DAYS})")
    parser.add_argument("--directed", action="store_true", help="with A B: only actions of A on B (default: both directions)")
    parser.add_argument("--family", choices=sorted(set(FAMILIES.values())), help="only this family of acts")
    parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="actions on or after this day")
    parser.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="actions on or before this day")
    parser.add_argument("--dedup", action="store_true", help="use real-world events (built by 'detente dedup'), not mentions")
    parser.add_argument("--chains", action="store_true", help="print chains (each with its acts in order) instead of pairs")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.set_defaults(run=lambda args: run(args, parser))


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from detente.analysis.base import connect
    from detente.analysis.reciprocity import ACT_COLUMNS, chains, reciprocity
    from detente.commands.dyad import note_coarser_dates

    if len(args.actors) > 2:
        parser.error("give at most two actors: A, or A B")
    a, b = (args.actors + [None, None])[:2]
    connection = connect(args.db)
    try:
        pairs = reciprocity(connection, a, b, args.window, directed=args.directed, since=args.since,
                            until=args.until, family=args.family, dedup=args.dedup)
        if args.dedup:
            warn_if_stale(connection)
    finally:
        connection.close()
    note_coarser_dates(pairs, "day", "a lag in days cannot be measured from them")
    if args.chains:
        table = chains(pairs)
        if args.format == "json":
            print_json(records(table))
        elif args.format == "csv":
            write_csv([{"chain": c["chain"], "initiator": c["initiator"], "responder": c["responder"],
                        "position": i + 1, **act} for c in records(table) for i, act in enumerate(c["acts"])],
                      ["chain", "initiator", "responder", "position", *ACT_COLUMNS, "lag_days", "ratio"])
        else:
            sys.stdout.write(_chains_text(table))
        return 0
    if args.format == "json":
        print_json([
            {"action": {c: row[f"action_{c}"] for c in ACT_COLUMNS},
             "response": {c: row[f"response_{c}"] for c in ACT_COLUMNS},
             "lag_days": row["lag_days"], "ratio": row["ratio"], "family": row["family"],
             "chain": row["chain"], "step": row["step"]}
            for row in records(pairs)
        ])
    elif args.format == "csv":
        write_csv(records(pairs), list(pairs.columns))
    else:
        rows = [[str(r["chain"]), str(r["step"]), r["action_date"] or "", _describe(r, "action"),
                 r["response_date"] or "", _describe(r, "response"), f"{r['lag_days']} d", _ratio(r["ratio"])]
                for r in records(pairs)]
        if rows:
            sys.stdout.write(render(["chain", "step", "date", "action", "date", "response", "lag", "ratio"], rows))
        sys.stdout.write(f"({len(rows)} pairs in {pairs['chain'].nunique() if len(pairs) else 0} chains)\n")
    return 0


# --- helpers (also used by `detente coalitions`) ----------------------------------------


def warn_if_stale(connection) -> None:
    """With --dedup: say on stderr when the real events are older than the events."""
    from detente.analysis.dedup import stale_real_events

    reason = stale_real_events(connection)
    if reason:
        print(f"detente: warning: {reason}; run 'detente dedup' again", file=sys.stderr)


def plain(value: Any) -> Any:
    """A value from a DataFrame as JSON wants it: dates as YYYY-MM-DD, missing as None,
    numpy numbers as Python numbers, containers converted all the way down."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as plain dicts (see `plain`)."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def render(headers: list[str], rows: list[list[str]]) -> str:
    """Rows under headers, columns aligned (nothing cut: analytics rows are short)."""
    sizes = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(s) for h, s in zip(headers, sizes)).rstrip(), "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def print_json(items: list) -> None:
    json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_csv(rows: Iterable[dict[str, Any]], fields: list[str] | None = None) -> None:
    rows = list(rows)
    fields = fields or (list(rows[0]) if rows else [])
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)


def _describe(row: dict[str, Any], side: str) -> str:
    """ "USA→RUS SANCTION/expel 60" """
    event = row[f"{side}_plover"] + (f"/{row[f'{side}_mode']}" if row[f"{side}_mode"] else "")
    quantity = row[f"{side}_quantity"]
    return f"{row[f'{side}_source']}→{row[f'{side}_target']} {event}" + ("" if quantity is None else f" {quantity}")


def _ratio(ratio: float | None) -> str:
    return "" if ratio is None else f"{ratio:.2f}"


def _chains_text(table: pd.DataFrame) -> str:
    lines = []
    for chain in records(table):
        lines.append(f"chain {chain['chain']}: {chain['initiator']} and {chain['responder']}, {chain['family']}, "
                     f"{chain['start']} to {chain['end']}, {chain['length']} acts")
        for act in chain["acts"]:
            row = {f"a_{k}": v for k, v in act.items()}
            after = "" if act.get("lag_days") is None else f"  after {act['lag_days']} d" + (
                "" if act.get("ratio") is None else f", ratio {act['ratio']:.2f}")
            lines.append(f"  {act['date']}  {_describe(row, 'a')}{after}  [{act['doc_id']}]")
    lines.append(f"({len(table)} chains)")
    return "\n".join(lines) + "\n"
