"""`detente alerts [A B]`: periods in which a dyad's conflict rose well above its baseline."""
from __future__ import annotations

import argparse
import sys

from detente.commands.dyad import (add_db, add_frame_format, count, day, frame_records, number, render_rows, warn_if_stale,
                                   write_csv, write_json)


def register(commands) -> None:
    from detente.analysis.defaults import ALERT_MAX_EVENTS, ALERT_MIN_CONFLICT, ALERT_THRESHOLD, ALERT_WINDOW, PERIODS

    parser = commands.add_parser(
        "alerts", help="periods where a dyad's conflict rose well above its own baseline",
        description="Escalation alerts: periods in which a dyad's conflict (the summed Goldstein magnitude of its "
                    "conflictual events) exceeds the mean of its previous WINDOW periods by THRESHOLD standard "
                    "deviations, with the events that drove it. Without A B, every dyad.",
    )
    parser.add_argument("actors", nargs="*", metavar="A B", type=str.upper, help="a dyad, e.g. USA RUS (default: every dyad)")
    add_db(parser)
    parser.add_argument("--by", choices=PERIODS, default="week", help="period length (default: week)")
    parser.add_argument("--window", type=_window, default=ALERT_WINDOW, metavar="N",
                        help=f"periods in the baseline (default: {ALERT_WINDOW})")
    parser.add_argument("--threshold", type=float, default=ALERT_THRESHOLD, metavar="K",
                        help=f"standard deviations above the baseline mean (default: {ALERT_THRESHOLD})")
    parser.add_argument("--min-conflict", type=float, default=ALERT_MIN_CONFLICT, metavar="X",
                        help=f"least conflict, in Goldstein points, that can raise an alert (default: {ALERT_MIN_CONFLICT})")
    parser.add_argument("--directed", action="store_true", help="A->B and B->A are separate dyads")
    parser.add_argument("--since", type=day, metavar="YYYY-MM-DD", help="report alerts from this day")
    parser.add_argument("--until", type=day, metavar="YYYY-MM-DD", help="report alerts up to this day")
    parser.add_argument("--max-events", type=count, default=ALERT_MAX_EVENTS, metavar="N",
                        help=f"list at most N driving events per alert (default: {ALERT_MAX_EVENTS})")
    parser.add_argument("--dedup", action="store_true", help="count real-world events (built by 'detente dedup'), not mentions")
    add_frame_format(parser)
    parser.set_defaults(run=run_alerts, parser=parser)


def _window(value: str) -> int:
    number = count(value)
    if number < 2:
        raise argparse.ArgumentTypeError(f"{value!r}: a baseline needs 2 periods or more")
    return number


def run_alerts(args: argparse.Namespace) -> int:
    from detente.analysis.base import connect
    from detente.analysis.escalation import escalation_alerts

    if len(args.actors) not in (0, 2):
        args.parser.error("give two actors (A B) or none")
    a, b = args.actors if args.actors else (None, None)
    connection = connect(args.db)
    try:
        if args.dedup:
            warn_if_stale(connection)
        alerts = escalation_alerts(connection, a, b, by=args.by, window=args.window, threshold=args.threshold,
                                   min_conflict=args.min_conflict, directed=args.directed, since=args.since,
                                   until=args.until, max_events=args.max_events, dedup=args.dedup)
    finally:
        connection.close()
    if args.format == "json":
        write_json(frame_records(alerts))
    elif args.format == "csv":
        write_csv(alerts)
    elif alerts.empty:
        sys.stdout.write("(no alerts)\n")
    else:
        arrow = "->" if args.directed else "-"
        header = ["period", "dyad", "conflict", "baseline", "z", "events", "driven by"]
        rows = []
        for row in alerts.itertuples(index=False):
            drivers = "; ".join(_driver(e) for e in row.events[:3]) + ("; ..." if row.n_conflict > 3 else "")
            rows.append([row.period, f"{row.a}{arrow}{row.b}", f"{row.conflict:.1f}",
                         f"{row.baseline_mean:.1f} +/- {row.baseline_std:.1f}", number(row.zscore, 1),
                         f"{row.n_conflict}/{row.n_events}", drivers])
        sys.stdout.write(render_rows(header, rows, {"driven by": 110}))
        sys.stdout.write(f"({len(alerts)} alerts; conflict = summed Goldstein magnitude of conflictual events; "
                         f"baseline = mean +/- std of the previous {args.window} {args.by}s)\n")
    return 0


def _driver(event: dict) -> str:
    kind = event["plover"] + (f"/{event['mode']}" if event.get("mode") else "")
    quantity = f" {event['quantity']}" if event.get("quantity") is not None else ""
    when = event["date"].isoformat() if hasattr(event["date"], "isoformat") else str(event["date"])
    return f"{event['source']}->{event['target']} {kind}{quantity} {when}"
