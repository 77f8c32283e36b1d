"""Plain-text files: the file name is the id, `--date` the publication date."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.config import MAX_DOCUMENT_CHARS
from detente.errors import InputError
from detente.model import Document
from detente.readers.encoding import decode


def read_text(path: Path, date: dt.date | None = None) -> Document:
    text = decode(path.read_bytes(), str(path))
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"too long for a news document ({len(text):,} characters)", str(path))
    return Document(id=path.name, text=text, date=date, path=str(path))
