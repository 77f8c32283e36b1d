"""HTML pages: the main text only (navigation, share buttons, captions and footers
removed by trafilatura), with the title and date from the page's metadata."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import trafilatura

from detente.errors import EmptyInputError
from detente.model import Document
from detente.readers.encoding import decode


def read_html(path: Path, date: dt.date | None = None) -> Document:
    markup = decode(path.read_bytes(), str(path))
    return html_document(markup, path.name, date, str(path))


def html_document(markup: str, doc_id: str, date: dt.date | None = None, where: str | None = None) -> Document:
    """A document from a page's markup; `date` is used only when the page has none."""
    text = trafilatura.extract(markup, include_comments=False, include_tables=False, include_images=False, favor_precision=True)
    if not text or not text.strip():
        raise EmptyInputError("no article text found in this page", where or doc_id)
    metadata = trafilatura.extract_metadata(markup)
    title = metadata.title if metadata else None
    page_date = _parse_day(metadata.date) if metadata and metadata.date else None
    paragraphs = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return Document(id=doc_id, text=paragraphs, date=page_date or date, title=title, url=metadata.url if metadata else None, path=where)


def _parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
