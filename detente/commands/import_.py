"""`detente import gdelt|icews|polecat FILE...`: load existing event datasets into the store."""
from __future__ import annotations

import argparse
import json
import sys

from detente.config import DEFAULT_DB

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 3


def register(commands) -> None:
    parser = commands.add_parser(
        "import", help="load GDELT, ICEWS or POLECAT event files into the database",
        description="Load existing event data into the store, so every analysis runs on it: GDELT 2.0 event "
                    "exports (tab-separated, 61 columns, no header), ICEWS event files (tab-separated, with header) "
                    "or POLECAT files (tab-separated with header, or PLOVER JSON Lines); .zip and .gz too. "
                    "Each file is loaded in one transaction; malformed rows are rejected whole and reported with "
                    "their line numbers. Importing a file again changes nothing. See docs/user-guide.md.",
        epilog="Exit status: 0 ok, 1 a file could not be imported, 3 some rows were rejected.",
    )
    parser.add_argument("dataset", choices=("gdelt", "icews", "polecat"), help="the dataset the files come from")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB file (default: {DEFAULT_DB})")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="report format on standard output (default: text)")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from detente.errors import DetenteError
    from detente.importers import import_file
    from detente.store.duckdb_store import DuckDBStore

    store = DuckDBStore(args.db)
    reports, failed = [], 0
    try:
        store.connection.execute("SET enable_progress_bar = false")
        for path in args.files:
            try:
                report = import_file(store.connection, args.dataset, path)
            except DetenteError as error:
                print(f"detente: error: {error}", file=sys.stderr)
                failed += 1
                continue
            reports.append(report)
            _diagnose(report)
            if args.format == "text":
                print(f"{report.path}: {report.summary()}", flush=True)
        documents, events = store.connection.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)"
        ).fetchone()
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"files": [r.to_dict() for r in reports], "failed": failed,
                          "store": {"path": args.db, "documents": documents, "events": events}}, indent=2))
    else:
        loaded = sum(r.loaded for r in reports)
        rows = sum(r.loaded + r.rejected + r.skipped for r in reports)
        seconds = sum(r.seconds for r in reports)
        speed = f" ({rows / seconds:,.0f} rows/s)" if seconds > 0 and rows else ""
        print(f"{len(reports)} file(s) imported{speed}: {loaded} events loaded, "
              f"{sum(r.rejected for r in reports)} rows rejected, {sum(r.skipped for r in reports)} skipped. "
              f"{args.db} now holds {documents} documents and {events} events.")
    if failed:
        return EXIT_ERROR
    return EXIT_REJECTED if any(r.rejected for r in reports) else EXIT_OK


def _diagnose(report) -> None:
    """Rejected rows (up to the first 20) and unknown country names, on standard error."""
    for rejection in report.examples:
        where = f"{report.path}:{rejection.line}" if rejection.line else report.path
        key = f" (event {_short(rejection.key)})" if rejection.key else ""
        print(f"detente: rejected {where}: {rejection.reason}{key}", file=sys.stderr)
    if report.rejected > len(report.examples):
        print(f"detente: ... and {report.rejected - len(report.examples)} more rejected rows in {report.path}",
              file=sys.stderr)
    if report.unmapped:
        names = ", ".join(f"{name} ({n})" for name, n in report.unmapped.most_common(10))
        more = f" and {len(report.unmapped) - 10} more" if len(report.unmapped) > 10 else ""
        print(f"detente: {report.path}: country names with no ISO3 code (left empty): {names}{more}", file=sys.stderr)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
