"""detente: international-relations news in, coded political events out.

    >>> import detente
    >>> events = detente.code_text("Russia expelled 60 U.S. diplomats on Thursday.", date="2018-03-31")
    >>> events[0].plover, events[0].source[0].country, events[0].target[0].country
    ('SANCTION', 'RUS', 'USA')
"""
from __future__ import annotations

import datetime as dt
import functools

from detente.errors import DetenteError
from detente.model import Actor, Document, Event
from detente.pipeline import Pipeline, Resources

__version__ = "0.1.0"
__all__ = ["Actor", "DetenteError", "Document", "Event", "Pipeline", "Resources", "code_document", "code_text", "default_pipeline"]


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The bundled pipeline, loaded once per process."""
    return Pipeline.default()


def code_document(document: Document) -> list[Event]:
    """Code one document with the bundled pipeline."""
    return default_pipeline()(document).events


def code_text(text: str, date: str | dt.date | None = None, doc_id: str = "text") -> list[Event]:
    """Code a piece of text; `date` (ISO day) anchors relative dates like "Friday"."""
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return code_document(Document(id=doc_id, text=text, date=day))
