"""JSON Lines documents (CONTRACT section 1): one object a line, `id` and `text` required.

A malformed record is yielded as a `RecordError` naming file:line, and reading goes on.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import IO, Iterator

from detente.config import MAX_DOCUMENT_CHARS, MAX_RECORD_BYTES
from detente.errors import BinaryInputError, InputError, RecordError
from detente.model import Document
from detente.readers.encoding import decode, looks_binary


def read_jsonl_lines(stream: IO[bytes], where: str) -> Iterator[Document | InputError]:
    if _binary_stream(stream):
        yield BinaryInputError("binary, not JSON Lines text", where)
        return
    seen_any = False
    for number, (raw, length) in enumerate(_lines(stream), start=1):
        if not raw.strip():
            continue
        seen_any = True
        if length > MAX_RECORD_BYTES:
            yield RecordError(f"line is {length:,} bytes, over the {MAX_RECORD_BYTES:,}-byte limit", where, number)
            continue
        try:
            yield parse_record(decode(raw, f"{where}:{number}"), where, number)
        except InputError as error:
            yield error if isinstance(error, RecordError) else RecordError(str(error).split(": ", 1)[-1], where, number)
    if not seen_any:
        yield InputError("empty: no JSON Lines records", where)


def _binary_stream(stream: IO[bytes]) -> bool:
    """Peek at the start of the stream (when it can be peeked) for binary data."""
    peek = getattr(stream, "peek", None)
    return bool(peek) and looks_binary(peek(8192)[:8192])


def _lines(stream: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """(line, its length without the newline), never reading an over-long line whole."""
    while True:
        line = stream.readline(MAX_RECORD_BYTES + 2)
        if not line:
            return
        length = len(line.rstrip(b"\r\n"))
        if length > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line, counting it
                rest = stream.readline(1 << 20)
                length += len(rest.rstrip(b"\r\n"))
                if not rest or rest.endswith(b"\n"):
                    break
        yield line, length


def parse_record(line: str, where: str = "<record>", number: int | None = None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON: {error.msg} at column {error.colno}", where, number) from error
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object", where, number)
    if not isinstance(record.get("id"), (str, int)) or not str(record["id"]).strip():
        raise RecordError("missing or empty required field 'id' (a string)", where, number)
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise RecordError("missing or empty required field 'text' (a string)", where, number)
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
