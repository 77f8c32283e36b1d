"""Every error detente raises on purpose, in one tree.

    DetenteError                  base: catch this to catch them all
    ├── InputError                a document could not be read
    │   ├── EmptyInputError       the file or text is empty
    │   ├── BinaryInputError      the file is not text
    │   ├── EncodingError         the bytes are not in any encoding we can detect
    │   └── RecordError           a JSON Lines record is malformed (carries the line)
    ├── DataError                 a dictionary or pattern file is invalid (carries file:line)
    ├── StoreError                the database could not be opened or written
    └── GoldError                 a gold file does not follow the contract

Each error's message names the file (and line) it is about, so the CLI can print it as
it is and a user knows what to fix.
"""
from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class _Located(DetenteError):
    """An error about a place in a file: its message starts with file:line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class InputError(_Located):
    """A document could not be read."""


class EmptyInputError(InputError):
    """The file, record or text holds no text."""


class BinaryInputError(InputError):
    """The file is binary, not text."""


class EncodingError(InputError):
    """The bytes are not in any text encoding we can detect."""


class RecordError(InputError):
    """A JSON Lines record is malformed or lacks a required field."""


class DataError(_Located):
    """A dictionary, pattern or lexicon file does not follow its schema."""


class StoreError(DetenteError):
    """The event store could not be opened, read or written."""


class GoldError(DetenteError):
    """A gold annotation file does not follow CONTRACT section 3."""
