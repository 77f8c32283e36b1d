"""`detente dedup`: merge the mentions of each real-world event into one real event."""
from __future__ import annotations

import argparse
import sys

from detente.commands.dyad import add_db, count, number, render_rows, write_json


def register(commands) -> None:
    from detente.analysis.defaults import DEDUP_TOLERANCE_DAYS

    parser = commands.add_parser(
        "dedup", help="merge mentions of the same real-world event (tables real_events, event_mentions)",
        description="Merge the asserted events that report the same real-world event (same dyad and PLOVER type, "
                    "dates within the tolerance, compatible quantities, places and modes) into one real event with "
                    "its mentions, articles, outlets and first-seen date. Rebuilds the tables real_events and "
                    "event_mentions in the store; run it again after ingesting.",
    )
    add_db(parser)
    parser.add_argument("--tolerance", type=count, default=DEDUP_TOLERANCE_DAYS, metavar="DAYS",
                        help=f"mentions within DAYS of a real event's first date can be that event (default: {DEDUP_TOLERANCE_DAYS})")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="summary format (default: text)")
    parser.add_argument("--top", type=count, default=0, metavar="N", help="also list the N most reported real events")
    parser.set_defaults(run=run_dedup)


def run_dedup(args: argparse.Namespace) -> int:
    from detente.analysis.base import connect
    from detente.analysis.dedup import deduplicate, real_events
    from detente.commands.dyad import frame_records, plain

    connection = connect(args.db)
    try:
        summary = deduplicate(connection, tolerance_days=args.tolerance)
        top = real_events(connection).head(args.top) if args.top else None
    finally:
        connection.close()
    if args.format == "json":
        write_json({**summary.to_dict(), **({"top": frame_records(top)} if top is not None else {})})
        return 0
    sys.stdout.write(f"{summary}\n")
    if top is not None and not top.empty:
        header = ["id", "source", "event", "target", "first", "last", "qty", "where", "mentions", "articles", "outlets", "first seen"]
        rows = [[r.id, "+".join(r.source) or "-", r.plover + (f"/{r.mode}" if r.mode else ""), "+".join(r.target) or "-",
                 _date(r.date_first), _date(r.date_last), number(r.quantity), plain(r.location) or "", r.mentions, r.articles,
                 r.outlets, _date(r.first_seen)] for r in top.itertuples(index=False)]
        sys.stdout.write(render_rows(header, rows, {"where": 20}))
    return 0


def _date(value) -> str:
    from detente.commands.dyad import plain

    value = plain(value)
    return value or ""
