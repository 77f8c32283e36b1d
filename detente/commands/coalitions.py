"""`detente coalitions`: many actors taking the same kind of action against one target.

A thin layer over `detente.analysis.coalitions`: it parses, calls, and formats.
"""
from __future__ import annotations

import argparse
import sys

FORMATS = ("table", "json", "csv")


def register(commands) -> None:
    from detente.analysis.defaults import COALITION_LIMIT as DEFAULT_LIMIT
    from detente.analysis.defaults import COALITION_MIN_MEMBERS as DEFAULT_MIN_MEMBERS
    from detente.analysis.defaults import COALITION_WINDOW_DAYS as DEFAULT_WINDOW_DAYS
    from detente.cliargs import add_db as _add_db, count as _count, day as _day

    parser = commands.add_parser(
        "coalitions", help="many actors taking the same kind of action against one target within days",
        description="Find coalitions: at least N distinct actors taking the same PLOVER type and mode "
                    "against one target, all within DAYS days of the first (the coordinated expulsions "
                    "of March 2018 are the model).",
    )
    _add_db(parser)
    parser.add_argument("--target", type=str.upper, metavar="CODE", help="only coalitions against this state or organisation")
    parser.add_argument("--type", dest="plover", type=str.upper, metavar="PLOVER", help="only this PLOVER type, e.g. SANCTION")
    parser.add_argument("--window", type=_count, default=DEFAULT_WINDOW_DAYS, metavar="DAYS",
                        help=f"members act within DAYS days of the first (default: {DEFAULT_WINDOW_DAYS})")
    parser.add_argument("--min-members", type=_members, default=DEFAULT_MIN_MEMBERS, metavar="N",
                        help=f"the fewest distinct actors that make a coalition (default: {DEFAULT_MIN_MEMBERS})")
    parser.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="acts on or after this day")
    parser.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="acts on or before this day")
    parser.add_argument("--limit", type=_count, default=DEFAULT_LIMIT, metavar="N",
                        help=f"show the N largest coalitions, in order of start (default: {DEFAULT_LIMIT}; 0: all)")
    parser.add_argument("--dedup", action="store_true", help="use real-world events (built by 'detente dedup'), not mentions")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table; csv: one row per member)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from detente.analysis.base import connect
    from detente.analysis.coalitions import coalition_members, coalitions
    from detente.commands.dyad import note_coarser_dates
    from detente.commands.reciprocity import print_json, records, warn_if_stale, write_csv

    connection = connect(args.db)
    try:
        found = coalitions(connection, args.window, args.min_members, target=args.target, plover=args.plover,
                           since=args.since, until=args.until, dedup=args.dedup, limit=args.limit or None)
        if args.dedup:
            warn_if_stale(connection)
    finally:
        connection.close()
    note_coarser_dates(found, "day", "they cannot be placed in a window of days")
    if len(found) < found.attrs["found"]:
        print(f"detente: showing the {len(found):,} largest of {found.attrs['found']:,} coalitions "
              "(--limit N shows more, --limit 0 all)", file=sys.stderr)
    if args.format == "json":
        print_json(records(found))
    elif args.format == "csv":
        flat = coalition_members(found)
        write_csv(records(flat), list(flat.columns))
    else:
        lines = []
        for c in records(found):
            event = c["plover"] + (f"/{c['mode']}" if c["mode"] else "")
            total = "" if c["total"] is None else f", total {c['total']}"
            lines.append(f"coalition {c['coalition']}: {c['size']} actors, {event} against {c['target']}, "
                         f"{c['start']} to {c['end']}{total}")
            width = max(len(m["actor"]) for m in c["members"])
            for m in c["members"]:
                quantity = "" if m["quantity"] is None else str(m["quantity"])
                lines.append(f"  {m['date']}  {m['actor'].ljust(width)}  {quantity.rjust(6)}  [{m['doc_id']}]")
        lines.append(f"({len(found)} coalitions)" if len(found) == found.attrs["found"]
                     else f"({len(found)} of {found.attrs['found']} coalitions: the largest)")
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _members(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 2:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 2 or more")
    return number
