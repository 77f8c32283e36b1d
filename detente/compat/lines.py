"""Reading a TABARI/PETRARCH dictionary file into numbered lines of content.

The four dictionary kinds (verbs, actors, agents, discards) share these conventions:

* Plain text, often ASCII or Latin-1 rather than UTF-8. `read_text` accepts UTF-8 (with or
  without a byte-order mark), UTF-16 with a byte-order mark, then Windows-1252, then
  Latin-1 (which accepts any byte), in that order.
* ``<!-- ... -->`` is a comment, possibly over several lines; it starts a line. The
  PETRARCH files also hold a ``<! -- ... -->`` typo, read as the same comment.
* ``#`` starts a comment that runs to the end of the line, except inside ``[...]``,
  where ``#`` is part of a code::

      ATHENS  [GRC] #JW   10/17/91        ->  ATHENS  [GRC]
      - * DIPLXMATIC  [###]  # -PAS       ->  - * DIPLXMATIC  [###]
      #NASGUL  [###]                      ->  (nothing: the whole line is a comment)

* Blank lines carry no meaning.
* Codes are written in square brackets after the phrase they belong to: `split_codes`.

A malformed line is a `DataError` naming ``file:line``. The readers either raise the first
one or, given a list, collect every one and skip the line (`Problems`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.errors import DataError
from detente.readers.encoding import looks_binary

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class Line:
    """One line of content: comments removed, surrounding blanks stripped."""

    number: int
    text: str


class Problems:
    """Where malformed lines go: raised at once (``errors=None``) or collected in a list."""

    def __init__(self, errors: list[DataError] | None = None):
        self.errors = errors

    def add(self, error: DataError) -> None:
        if self.errors is None:
            raise error
        self.errors.append(error)


def read_text(path: Path | str) -> str:
    """The text of a dictionary file, whatever its usual 8-bit or Unicode encoding."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read it: {error.strerror or error}", str(path)) from None
    if looks_binary(data):
        raise DataError("binary, not a text dictionary", str(path))
    return decode(data)


def decode(data: bytes) -> str:
    """`data` as text: a byte-order mark, else UTF-8, else Windows-1252, else Latin-1."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def content_lines(text: str) -> Iterator[Line]:
    """The non-blank lines of `text`, numbered from 1, without their comments."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!"):
            in_comment = "-->" not in raw
            continue
        content = strip_hash_comment(raw).strip()
        if content:
            yield Line(number, content)


def strip_hash_comment(text: str) -> str:
    """`text` up to its first ``#`` outside square brackets."""
    depth = 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == "#" and depth == 0:
            return text[:index]
    return text


def split_codes(text: str) -> tuple[str, list[str]]:
    """The phrase before the bracketed codes of `text`, and the inside of each code.

    ``"BAN {BANS BANNED} [191]"`` gives ``("BAN {BANS BANNED}", ["191"])``. Raises
    ValueError when a bracket is unbalanced or words follow the first code.
    """
    start = text.find("[")
    if "]" in text[: start if start >= 0 else len(text)]:
        raise ValueError("']' without a '[' before it")
    if start < 0:
        return text.strip(), []
    head, codes, rest = text[:start].strip(), [], text[start:]
    while rest:
        if not rest.startswith("["):
            raise ValueError(f"words after a code: {rest.strip()!r}")
        end = rest.find("]")
        if end < 0 or "[" in rest[1:end]:
            raise ValueError(f"unbalanced '[' in {rest.strip()!r}")
        codes.append(rest[1:end].strip())
        rest = rest[end + 1 :].strip()
    return head, codes


def data_error(path: str, line: Line | int, message: str) -> DataError:
    """A `DataError` at ``path:line``."""
    return DataError(message, path, line.number if isinstance(line, Line) else line)
