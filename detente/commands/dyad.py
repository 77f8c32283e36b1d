"""`detente dyad A B`: the series of events between two actors, its plot, and "the lowest
point since". Also the small helpers the analysis commands share to print a frame."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import sys
from typing import IO, TYPE_CHECKING, Any, Iterable

from detente.cliargs import add_db, count, day  # noqa: F401  (shared with the other analysis commands)

if TYPE_CHECKING:  # pandas is loaded by the commands that run, not by `detente --help`
    import pandas as pd

FRAME_FORMATS = ("json", "csv", "table")


# --- shared by the analysis commands ------------------------------------------------------


def add_frame_format(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument("--format", choices=FRAME_FORMATS, default=default, help=f"output format (default: {default})")


def plain(value: Any) -> Any:
    """A frame cell as a JSON value: dates as YYYY-MM-DD, NaN/NaT as null, arrays as lists."""
    import pandas as pd

    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        listed = value.tolist() if hasattr(value, "tolist") else value
        return [plain(v) for v in listed] if isinstance(listed, (list, tuple)) else plain(listed)
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else (value.date().isoformat() if value == value.normalize() else value.isoformat())
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as JSON-ready dicts."""
    return [{column: plain(value) for column, value in zip(frame.columns, row)} for row in frame.itertuples(index=False)]


def write_json(records: Any, stream: IO[str] = None) -> None:
    stream = stream or sys.stdout
    stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def write_csv(frame: pd.DataFrame, stream: IO[str] = None) -> None:
    """CSV with one row per frame row; nested cells (lists, dicts) as JSON text."""
    stream = stream or sys.stdout
    writer = csv.writer(stream)
    writer.writerow(frame.columns)
    for record in frame_records(frame):
        writer.writerow("" if v is None else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                        for v in record.values())


def render_rows(header: list[str], rows: Iterable[list[str]], limits: dict[str, int] | None = None) -> str:
    """A plain-text table: columns padded to their widest cell (cut at `limits`)."""
    limits = limits or {}
    cells = [[_cut(str(v), limits.get(h, 60)) for h, v in zip(header, row)] for row in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(s) for h, s in zip(header, sizes)).rstrip(), "  ".join("-" * s for s in sizes)]
    lines += ["  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def number(value: Any, digits: int = 2) -> str:
    value = plain(value)
    if value is None:
        return ""
    return f"{value:+.{digits}f}" if isinstance(value, float) else str(value)


def warn_if_stale(connection) -> None:
    """With --dedup: say on stderr when the real events are older than the events."""
    from detente.analysis.dedup import stale_real_events

    reason = stale_real_events(connection)
    if reason:
        print(f"detente: warning: {reason}; run 'detente dedup' again", file=sys.stderr)


def note_coarser_dates(frame: pd.DataFrame, unit: str, why: str) -> None:
    """On stderr: how many events the analysis left out because they are dated less
    precisely than a `unit` (`frame.attrs["coarser_dates"]`, by precision), and `why`."""
    counts = frame.attrs.get("coarser_dates") or {}
    if counts:
        listed = ", ".join(f"{precision}: {n}" for precision, n in counts.items())
        print(f"detente: {sum(counts.values())} event(s) dated less precisely than a {unit} left out ({listed}); {why}",
              file=sys.stderr)


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


# --- detente dyad -------------------------------------------------------------------------


def register(commands) -> None:
    from detente.analysis.defaults import LOWEST_MEASURE, LOWEST_MEASURES, PERIODS

    parser = commands.add_parser(
        "dyad", help="events between two actors, period by period",
        description="Count the asserted events between A and B per period: by PLOVER type and quad class, "
                    "Goldstein sum and mean, and the conflict-cooperation index "
                    "(cooperative - conflictual) / (cooperative + conflictual), from -1 to +1.",
    )
    parser.add_argument("a", metavar="A", type=str.upper, help="a state (ISO3) or organisation code, e.g. USA")
    parser.add_argument("b", metavar="B", type=str.upper, help="the other one, e.g. RUS")
    add_db(parser)
    parser.add_argument("--by", choices=PERIODS, default="month", help="period length (default: month; weeks are ISO weeks)")
    parser.add_argument("--directed", action="store_true", help="only A's acts on B (default: both directions)")
    parser.add_argument("--since", type=day, metavar="YYYY-MM-DD", help="from this day")
    parser.add_argument("--until", type=day, metavar="YYYY-MM-DD", help="up to this day")
    parser.add_argument("--dedup", action="store_true", help="count real-world events (built by 'detente dedup'), not mentions")
    add_frame_format(parser)
    parser.add_argument("--plot", type=_png, metavar="FILE.png", help="also draw the series into a PNG file")
    parser.add_argument("--lowest", type=_period, metavar="PERIOD",
                        help="instead of the series, say whether PERIOD (2018-03, 2018-W13, 2018, a day, or 'latest') "
                             "was the most hostile since some earlier period")
    parser.add_argument("--measure", choices=LOWEST_MEASURES, default=LOWEST_MEASURE,
                        help=f"what --lowest ranks periods by; lower is more hostile (default: {LOWEST_MEASURE})")
    parser.add_argument("--min-events", type=count, default=1, metavar="N",
                        help="--lowest compares only periods with at least N events (default: 1)")
    parser.set_defaults(run=run_dyad)


def run_dyad(args: argparse.Namespace) -> int:
    from detente.analysis.base import connect
    from detente.analysis.dyads import dyad_series, lowest_point_since

    connection = connect(args.db)
    try:
        if args.dedup:
            warn_if_stale(connection)
        if args.lowest:
            lowest = lowest_point_since(connection, args.a, args.b, args.lowest, by=args.by, directed=args.directed,
                                        measure=args.measure, min_events=args.min_events, dedup=args.dedup)
        series = dyad_series(connection, args.a, args.b, by=args.by, directed=args.directed,
                             since=args.since, until=args.until, dedup=args.dedup) if args.plot or not args.lowest else None
        latest = None
        if not args.lowest and args.format == "table" and len(series) and series["events"].sum():
            latest = lowest_point_since(connection, args.a, args.b, "latest", by=args.by, directed=args.directed,
                                        measure=args.measure, min_events=args.min_events, dedup=args.dedup)
    finally:
        connection.close()
    if series is not None:
        note_coarser_dates(series, args.by, "a longer --by period counts them")
    if args.plot:
        from detente.analysis.plot import plot_dyad

        plot_dyad(series, args.plot, args.a, args.b, args.by, args.directed)
        print(f"detente: plot of {len(series)} {args.by}s written to {args.plot}", file=sys.stderr)
    if args.lowest:
        _write_lowest(lowest, args.format)
    else:
        _write_series(series, args.format, latest)
    return 0


def _png(value: str) -> str:
    if not value.lower().endswith(".png"):
        raise argparse.ArgumentTypeError(f"{value!r}: --plot writes a PNG file, give a name ending in .png")
    return value


def _period(value: str) -> str:
    from detente.analysis.dyads import period_start

    if value.strip().lower() == "latest":
        return "latest"
    try:
        period_start(value, "day")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def _write_lowest(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        write_json(frame_records(frame)[0])
    elif fmt == "csv":
        write_csv(frame)
    else:
        sys.stdout.write(frame["words"][0] + "\n")


def _write_series(series: pd.DataFrame, fmt: str, latest: pd.DataFrame | None) -> None:
    from detente.analysis.dyads import PLOVER_TYPES

    if fmt == "json":
        write_json(frame_records(series))
        return
    if fmt == "csv":
        write_csv(series)
        return
    if series.empty:
        sys.stdout.write("(no events)\n")
        return
    header = ["period", "events", "coop", "confl", "v-coop", "m-coop", "v-confl", "m-confl", "gold sum", "gold mean", "index", "types"]
    rows = []
    for row in series.itertuples(index=False):
        types = ", ".join(f"{t} {getattr(row, t)}" for t in PLOVER_TYPES if getattr(row, t))
        rows.append([row.period, row.events, row.cooperation, row.conflict, row.verbal_cooperation,
                     row.material_cooperation, row.verbal_conflict, row.material_conflict,
                     number(row.goldstein_sum, 1), number(row.goldstein_mean), number(row.cc_index), types])
    sys.stdout.write(render_rows(header, rows, {"types": 80}))
    sys.stdout.write(f"({len(series)} periods, {int(series['events'].sum())} events; "
                     "index = (cooperative - conflictual) / (cooperative + conflictual))\n")
    if latest is not None:
        sys.stdout.write(f"latest: {latest['words'][0]}\n")
