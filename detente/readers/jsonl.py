"""JSON Lines documents (CONTRACT section 1): one object a line, `id` and `text` required.

A malformed record is yielded as a `RecordError` naming file:line, and reading goes on.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import IO, Iterator

from detente.config import MAX_DOCUMENT_CHARS, MAX_RECORD_BYTES
from detente.errors import InputError, RecordError
from detente.model import Document
from detente.readers.encoding import decode


def read_jsonl_lines(stream: IO[bytes], where: str) -> Iterator[Document | InputError]:
    seen_any = False
    for number, raw in enumerate(_lines(stream), start=1):
        if len(raw) > MAX_RECORD_BYTES:
            yield RecordError(f"line is {len(raw):,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit", where, number)
            continue
        if not raw.strip():
            continue
        seen_any = True
        try:
            yield parse_record(decode(raw, f"{where}:{number}"), where, number)
        except InputError as error:
            yield error if isinstance(error, RecordError) else RecordError(str(error).split(": ", 1)[-1], where, number)
    if not seen_any:
        yield InputError("empty: no JSON Lines records", where)


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Lines of a byte stream, without reading an over-long line into memory whole."""
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def parse_record(line: str, where: str = "<record>", number: int | None = None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON: {error.msg} at column {error.colno}", where, number) from error
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object", where, number)
    for key in ("id", "text"):
        if not isinstance(record.get(key), (str, int)) or not str(record.get(key)).strip():
            raise RecordError(f"missing or empty required field {key!r}", where, number)
    if len(record["text"]) > MAX_DOCUMENT_CHARS:
        raise RecordError(f"text too long for a news document ({len(record['text']):,} characters)", where, number)
    return Document(
        id=str(record["id"]),
        text=str(record["text"]),
        date=_day(record.get("date"), where, number),
        title=record.get("title"),
        url=record.get("url"),
        outlet=record.get("outlet"),
        path=where,
    )


def _day(value, where: str, number: int | None) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise RecordError(f"date {value!r} is not an ISO day (YYYY-MM-DD)", where, number) from error
