"""Reading PETRARCH's validation records (``PETR.UnitTest.records.xml``).

The file is ``<Validation>`` with an ``<Environment>`` naming the dictionaries and a
``<Sentences>`` list, in which each ``<Sentence>`` is one record::

    <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
    <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
    <Text> Arnor is about to restore full diplomatic ties with Gondor ... </Text>
    <Parse> (ROOT (S ... </Parse>
    </Sentence>

* A record expects the set of its ``EventCoding`` triples; ``noevents="True"`` (or no
  coding at all) expects none, and so does ``error="..."`` (a discard, a dateline, a bad
  parse), whose kind is kept in `Record.error`.
* ``<Config option=... value=...>`` between records changes an option of the coder for
  the records after it (`detente.compat.options.CoderOptions`); each record carries the
  options in force.
* The root may be ``<Sentences>`` itself, as in ``GigaWord.sample.PETR.xml`` (sentences
  with no expected codings, for speed and robustness runs).
* Ids are not unique in the file (``AGENTS-18`` is two records), so records are known by
  their position too. The parse trees are not read: detente does its own analysis.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from detente.compat.options import CoderOptions
from detente.errors import DataError


@dataclass(frozen=True)
class Record:
    """One validation record."""

    index: int  # position in the file, from 0
    id: str
    category: str
    date: dt.date | None
    text: str
    expected: frozenset[tuple[str, str, str]]
    options: CoderOptions
    error: str | None = None
    noevents: bool = False


@dataclass(frozen=True)
class RecordFile:
    """A records file: its records and the dictionary files its environment names."""

    path: Path
    records: tuple[Record, ...]
    environment: dict[str, str]


def load_records(path: Path | str) -> RecordFile:
    """Read a validation records file; a malformed one is a `DataError` naming it."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise DataError(f"not a readable records file: {error}", str(path)) from None
    sentences = root if root.tag == "Sentences" else root.find("Sentences")
    if sentences is None:
        raise DataError("no <Sentences> element: not a PETRARCH records file", str(path))
    records, options = [], CoderOptions()
    for element in sentences:
        if element.tag == "Config":
            options = options.with_option(element.get("option", ""), element.get("value", ""))
        elif element.tag == "Sentence":
            records.append(_record(element, len(records), options, path))
    environment = {child.tag: (child.text or "").strip() for child in root.find("Environment") or ()}
    return RecordFile(path, tuple(records), environment)


def _record(element: ET.Element, index: int, options: CoderOptions, path: Path) -> Record:
    ident = element.get("id") or f"#{index + 1}"
    text = element.findtext("Text")
    if text is None:
        raise DataError(f"record {ident} has no <Text>", str(path))
    expected, error, noevents = set(), None, False
    for coding in element.findall("EventCoding"):
        if coding.get("noevents", "").strip().lower() == "true":
            noevents = True
        elif coding.get("error"):
            error = coding.get("error")
        else:
            expected.add(_triple(coding, ident, path))
    return Record(index, ident, element.get("category", ""), _day(element.get("date"), ident, path),
                  " ".join(text.split()), frozenset(expected), options, error, noevents)


def _triple(coding: ET.Element, ident: str, path: Path) -> tuple[str, str, str]:
    parts = tuple(coding.get(name) for name in ("sourcecode", "targetcode", "eventcode"))
    if None in parts:
        raise DataError(f"record {ident}: an EventCoding needs sourcecode, targetcode and eventcode", str(path))
    return tuple(part.strip() for part in parts)


def _day(text: str | None, ident: str, path: Path) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DataError(f"record {ident}: date {text!r} is not YYYYMMDD", str(path)) from None
