"""`detente export --format FORMAT --out PATH`: write the store's events out."""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from detente.config import DEFAULT_DB

FORMATS = ("parquet", "csv", "jsonl", "plover", "cameo-tsv")


def register(commands) -> None:
    parser = commands.add_parser(
        "export", help="write the stored events to a file (parquet, csv, jsonl, plover, cameo-tsv)",
        description="Write every stored event out. jsonl: the stored records (CONTRACT section 2); plover: PLOVER "
                    "JSON lines (readable by 'detente import polecat'); cameo-tsv: one row per dyad with CAMEO code, "
                    "Goldstein and dates; csv and parquet: the events table with document date, url and outlet.",
    )
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB file (default: {DEFAULT_DB})")
    parser.add_argument("--format", choices=FORMATS, required=True, help="output format")
    parser.add_argument("--out", required=True, metavar="PATH",
                        help="file to write (overwritten); - writes to standard output (not for parquet)")
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from detente.errors import DetenteError
    from detente.exporters import export_store

    if args.out != "-":
        result = export_store(args.db, args.format, args.out)
        print(result.summary(), file=sys.stderr)
        return 0
    if args.format == "parquet":
        raise DetenteError("parquet cannot be written to standard output; give --out FILE")
    with tempfile.TemporaryDirectory(prefix="detente-export-") as folder:
        path = Path(folder) / f"events.{args.format}"
        result = export_store(args.db, args.format, path)
        with open(path, encoding="utf-8") as source:
            shutil.copyfileobj(source, sys.stdout)
    print(result.summary().replace(str(path), "standard output"), file=sys.stderr)
    return 0
