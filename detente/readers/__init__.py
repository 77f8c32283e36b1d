"""Readers: files and streams in, `Document`s out (CONTRACT section 1).

`read_paths` yields a `Document` or an `InputError` for each document, so a batch goes
on past a bad file or record and the caller reports what it skipped.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import IO, Iterator

from detente.errors import InputError
from detente.model import Document
from detente.readers.html import read_html
from detente.readers.jsonl import read_jsonl_lines
from detente.readers.text import read_text

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def read_paths(paths: list[str], date: dt.date | None = None, stdin: IO[bytes] | None = None) -> Iterator[Document | InputError]:
    """Documents from files, folders (their supported files) and "-" (JSON Lines on stdin)."""
    for name in paths:
        if name == "-":
            yield from read_jsonl_lines(stdin or sys.stdin.buffer, "<stdin>")
            continue
        path = Path(name)
        if path.is_dir():
            children = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            if not children:
                yield InputError("folder holds no .txt, .html or .jsonl files", name)
            for child in children:
                yield from read_path(child, date)
        else:
            yield from read_path(path, date)


def read_path(path: Path, date: dt.date | None = None) -> Iterator[Document | InputError]:
    """The documents in one file, by its suffix."""
    kind = SUFFIXES.get(path.suffix.lower())
    if not path.exists():
        yield InputError("no such file", str(path))
        return
    if kind is None:
        yield InputError(f"unsupported file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl", str(path))
        return
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_lines(stream, str(path))
        elif kind == "html":
            yield read_html(path, date)
        else:
            yield read_text(path, date)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror or error}", str(path))
