"""The TABARI/PETRARCH actors dictionary (``*.actors.txt``): names, synonyms, dated codes.

Comments and codes follow `detente.compat.lines`; names follow `detente.compat.phrases`
(``ARNOR_`` is exactly ARNOR, ``ARGENTIN`` a stem of ARGENTINA and ARGENTINE).

An entry is a name line, then any ``+synonym`` lines, then any code lines (an indented
``[...]``). The name line may carry the codes itself::

    AUSTRALIA [AUS]
    +AUSTRALIAN

    GOLLUM
    +SMEAGOL
        [HOB < 950601]
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]

A code is ``[CODE]`` (the default), ``[CODE <date]`` (before the date), ``[CODE >date]``
(after it) or ``[CODE first-last]`` (from first to last, both days included). Dates are
``YYYYMMDD`` or ``YYMMDD`` (years 00-29 are 20xx, 30-99 19xx). ``<`` and ``>`` exclude the
date itself: ``[HOBCIV <20080120]`` ends on 2008-01-19. On a given day the first dated
code (in file order) whose days include it wins, else the default::

    SAM_GAMGEE [HOB]
        [ORCHOB 20100109-20100112]    # listed first: wins over the next one
        [HOBMIL 20080120-20121109]

``[---]`` is the null code (the name is known but codes nothing); ``[ELR/GAL]`` codes two
actors at once (`DatedCode.parts`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from detente.compat.lines import Line, Problems, content_lines, data_error, read_text, split_codes
from detente.compat.phrases import Token, tokenize
from detente.errors import DataError

_CODE = re.compile(r"[A-Za-z0-9/]*[A-Za-z][A-Za-z0-9/]*|---|\+\+\+|###")
_BEFORE_AFTER = re.compile(r"(?P<code>[^\s<>]+?)\s*(?P<op>[<>])\s*(?P<day>\d+)")
_RANGE = re.compile(r"(?P<code>\S+)\s+(?P<first>\d+)\s*-\s*(?P<last>\d+)")
PIVOT = 30  # two-digit years below this are 20xx, the others 19xx


@dataclass(frozen=True)
class DatedCode:
    """An actor code and the days it applies: `start` to `end`, both included; None is open."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    line: int = 0

    @property
    def is_dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def parts(self) -> tuple[str, ...]:
        """The actors coded: ``ELR/GAL`` gives ``("ELR", "GAL")``."""
        return tuple(self.code.split("/"))

    def applies_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """An actor: its names (the first is the entry's name line) and its codes."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    line: int = 0
    phrases: tuple[tuple[Token, ...], ...] = ()

    @property
    def default(self) -> DatedCode | None:
        """The undated code, if any."""
        return next((code for code in self.codes if not code.is_dated), None)

    def code_on(self, day: dt.date | None = None) -> str | None:
        """The code on `day`: the first dated code that covers it, else the default."""
        if day is not None:
            for code in self.codes:
                if code.is_dated and code.applies_on(day):
                    return code.code
        return self.default.code if self.default else None


@dataclass(frozen=True)
class ActorDictionary:
    """A whole actors file; `lookup` finds entries by any of their names."""

    entries: tuple[ActorEntry, ...]
    path: str = ""

    @cached_property
    def names(self) -> dict[str, list[ActorEntry]]:
        """Every name, as `phrase_key` writes it, and the entries that have it."""
        index: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            for phrase in entry.phrases:
                index.setdefault(phrase_key(phrase), []).append(entry)
        return index

    def lookup(self, name: str) -> list[ActorEntry]:
        """The entries with `name` (case, '_' and a trailing '_' do not matter)."""
        try:
            return self.names.get(phrase_key(tokenize(name)), [])
        except ValueError:  # not a phrase at all
            return []


def phrase_key(tokens: tuple[Token, ...]) -> str:
    """The words of a phrase in upper case, separated by single spaces."""
    return " ".join(token.text for token in tokens)


def load_actors(path: Path | str, errors: list[DataError] | None = None) -> ActorDictionary:
    """Read an actors file; see `parse_actors`."""
    return parse_actors(read_text(path), str(path), errors)


def parse_actors(text: str, path: str = "<actors>", errors: list[DataError] | None = None) -> ActorDictionary:
    """Parse actors-file text; a malformed line raises `DataError` (or joins `errors`)."""
    problems, entries, draft = Problems(errors), [], None
    for line in content_lines(text):
        try:
            if line.text.startswith(("+", "[")):
                _continue_entry(draft, line, path)
            else:
                _close(draft, entries, path, problems)
                draft = _Draft(line.number)
                draft.add_name(line, path)
        except DataError as error:
            problems.add(error)
    _close(draft, entries, path, problems)
    return ActorDictionary(tuple(entries), path)


class _Draft:
    def __init__(self, number: int):
        self.line, self.names, self.phrases, self.codes = number, [], [], []
        self.code_lines = 0

    def add_name(self, line: Line, path: str) -> None:
        name, codes = _split(line, path)
        if not name:
            raise data_error(path, line, "expected an actor name before the code")
        try:
            self.phrases.append(tokenize(name))
        except ValueError as error:
            raise data_error(path, line, str(error)) from None
        self.names.append(name)
        self.add_codes(codes, line, path)

    def add_codes(self, codes: list[str], line: Line, path: str) -> None:
        for text in codes:
            code = parse_dated_code(text, line.number, path)
            if not code.is_dated and self.entry_default():
                first = self.entry_default().line
                raise data_error(path, line, f"a second undated code (the first is at line {first})")
            self.codes.append(code)

    def entry_default(self) -> DatedCode | None:
        return next((code for code in self.codes if not code.is_dated), None)

    def entry(self) -> ActorEntry:
        return ActorEntry(tuple(self.names), tuple(self.codes), self.line, tuple(self.phrases))


def _continue_entry(draft: _Draft | None, line: Line, path: str) -> None:
    if draft is None or not draft.names:
        raise data_error(path, line, "a synonym or code line needs an actor name line above it")
    if line.text.startswith("["):
        draft.code_lines += 1
        draft.add_codes(_split(line, path)[1], line, path)
        return
    if draft.code_lines:
        raise data_error(path, line, "a '+synonym' line goes before the entry's code lines")
    name, codes = _split(line, path)
    if codes:
        raise data_error(path, line, "a '+synonym' takes the entry's codes: write none on its line")
    draft.add_name(Line(line.number, name[1:].strip()), path)


def _close(draft: _Draft | None, entries: list[ActorEntry], path: str, problems: Problems) -> None:
    if draft is None or not draft.names:
        return
    if not draft.codes:
        problems.add(data_error(path, draft.line, f"actor {draft.names[0]!r} has no code"))
        return
    entries.append(draft.entry())


def _split(line: Line, path: str) -> tuple[str, list[str]]:
    try:
        return split_codes(line.text)
    except ValueError as error:
        raise data_error(path, line, str(error)) from None


def parse_dated_code(text: str, line: int = 0, path: str = "<actors>") -> DatedCode:
    """``"HOB"``, ``"HOB <950601"``, ``"HOB >990816"`` or ``"HOB 19950601-19990815"``."""
    text = " ".join(text.split())
    try:
        return _dated_code(text, line)
    except ValueError as error:
        raise DataError(f"[{text}]: {error}", path, line) from None


def _dated_code(text: str, line: int) -> DatedCode:
    if match := _BEFORE_AFTER.fullmatch(text):
        day = parse_day(match["day"])
        if match["op"] == "<":
            return DatedCode(_code(match["code"]), None, day - dt.timedelta(days=1), line)
        return DatedCode(_code(match["code"]), day + dt.timedelta(days=1), None, line)
    if match := _RANGE.fullmatch(text):
        first, last = parse_day(match["first"]), parse_day(match["last"])
        if first > last:
            raise ValueError("the range ends before it starts")
        return DatedCode(_code(match["code"]), first, last, line)
    return DatedCode(_code(text), None, None, line)


def _code(text: str) -> str:
    if not _CODE.fullmatch(text):
        raise ValueError(f"{text!r} is not an actor code (letters and digits, '/' between actors, or ---)")
    return text


def parse_day(text: str) -> dt.date:
    """``"20080120"`` or ``"080120"`` as a date (two-digit years: see `PIVOT`)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < PIVOT else 1900 + year}{text[2:]}"
    if len(text) != 8:
        raise ValueError(f"{text!r} is not a date: write YYYYMMDD or YYMMDD")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date") from None
