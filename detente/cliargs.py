"""Argument types and options shared by every command line module (detente.cli and
detente/commands/*)."""
from __future__ import annotations

import argparse
import datetime as dt

from detente.config import DEFAULT_DB


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB file (default: {DEFAULT_DB})")


def count(value: str) -> int:
    """A whole number of 0 or more."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 0 or more")
    return number


def day(value: str) -> dt.date:
    """A day in the form YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day in the form YYYY-MM-DD") from None
