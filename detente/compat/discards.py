"""The TABARI/PETRARCH discards dictionary (``*.discards.txt``): phrases that stop coding.

Comments follow `detente.compat.lines` (here mostly ``#``). One phrase per line, in any
case (matching ignores case); a phrase with a leading '+' discards the whole story, one
without discards only the sentence it is in::

    MONTHS LATER                  the sentence is not coded
    BASEBALL
    +World Golf Championships     no sentence of the story is coded
    +TYPHOON
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.compat.lines import Line, Problems, content_lines, data_error, read_text
from detente.compat.phrases import tokenize
from detente.errors import DataError


@dataclass(frozen=True)
class Discard:
    """A discard phrase: as written, its words in upper case, and whether it kills the story."""

    phrase: str
    words: tuple[str, ...]
    story: bool
    line: int = 0


@dataclass(frozen=True)
class DiscardList:
    """A whole discards file."""

    entries: tuple[Discard, ...]
    path: str = ""

    @property
    def sentence_level(self) -> tuple[Discard, ...]:
        return tuple(entry for entry in self.entries if not entry.story)

    @property
    def story_level(self) -> tuple[Discard, ...]:
        return tuple(entry for entry in self.entries if entry.story)


def load_discards(path: Path | str, errors: list[DataError] | None = None) -> DiscardList:
    """Read a discards file; see `parse_discards`."""
    return parse_discards(read_text(path), str(path), errors)


def parse_discards(text: str, path: str = "<discards>", errors: list[DataError] | None = None) -> DiscardList:
    """Parse discards-file text; a malformed line raises `DataError` (or joins `errors`)."""
    problems, entries = Problems(errors), []
    for line in content_lines(text):
        try:
            entries.append(_discard(line, path))
        except DataError as error:
            problems.add(error)
    return DiscardList(tuple(entries), path)


def _discard(line: Line, path: str) -> Discard:
    story = line.text.startswith("+")
    phrase = line.text[1:].strip() if story else line.text
    if not phrase or any(char in phrase for char in "[]{}"):
        raise data_error(path, line, "a discard line is a phrase, or '+' and a phrase to discard the story")
    try:
        words = tuple(token.text for token in tokenize(phrase))
    except ValueError as error:
        raise data_error(path, line, str(error)) from None
    return Discard(" ".join(phrase.split()), words, story, line.number)
