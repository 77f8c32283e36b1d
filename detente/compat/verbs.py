"""The TABARI/PETRARCH verbs dictionary (``*.verbs.txt``): synonym sets and verb blocks.

Comments and codes follow `detente.compat.lines`; phrases follow `detente.compat.phrases`.
The file holds two kinds of section, in any order.

A **synonym set** is ``&NAME`` followed by one ``+member`` per line. A member is a word,
a phrase, or another set (``+&TIETYPES``). Patterns use ``&NAME`` as a slot any member
fills. A trailing '_' on the name (``&PREPOSIT1_``) is dropped: patterns write
``&PREPOSIT1``::

    &CURRENCY
    +DOLLARS
    +AUSTRIAN FLORIN
    +GOLDEN_GOBLIN_GALLEONS

A **verb block** starts with a header ``--- NAME [code] ---`` (the closing ``---`` may be
missing). Its lines are verbs, then patterns::

    --- BREAK [1717] ---
    BREAK { BROKE BROKEN  }
    +BREAK_DOWN {+BREAKS_DOWN +BREAKING_DOWN +BROKE_DOWN +BROKEN_DOWN }
    - + KNOWN_ * IN_ $  [076]
    - * DEADLOCK  [102]

* A verb line is a verb or a verb phrase, irregular forms in braces (regular -S, -ED,
  -ING forms are left to the coder), and optionally its own code, which overrides the
  block's. In a phrase, '+' marks the verb itself (``WIRE_+TAP``: TAP, after WIRE);
  without '+' the first word is the verb. The first verb line is the block's verb; the
  others share its patterns.
* A pattern line starts with '-': tokens around ``*`` (the verb) and a code. Tokens are
  words, ``&SET`` references and the slots ``$`` source, ``+`` target, ``%`` compound
  actor and ``^`` skip; '_' joins neighbours (``IN_*``, ``*_OUT``).
* A code is ``[023]``; ``[---]`` is the null code (a match that codes nothing); a paired
  code ``[032:033]`` codes the event source->target with the first code and the reverse
  event target->source with the second ("arrived in": visit 032, host 033).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from detente.compat.lines import Line, Problems, content_lines, data_error, read_text, split_codes
from detente.compat.phrases import MARKERS, SYNSET, WORD, Token, tokenize
from detente.errors import DataError

_CODE = re.compile(r"[A-Za-z0-9?#+\-]+")
_PATTERN_KINDS = frozenset({WORD, SYNSET, *MARKERS.values()})
_MEMBER_KINDS = frozenset({WORD, SYNSET})
_FORMS = re.compile(r"^(?P<phrase>[^{}]*?)\s*(?:\{(?P<forms>[^{}]*)\})?$")


@dataclass(frozen=True)
class EventCode:
    """An event code; `paired` is the code of the reverse (target->source) event."""

    code: str
    paired: str | None = None

    @property
    def is_null(self) -> bool:
        """``[---]``: the phrase matches but codes no event."""
        return self.code == "---"

    def __str__(self) -> str:
        return self.code if self.paired is None else f"{self.code}:{self.paired}"


@dataclass(frozen=True)
class SynonymSet:
    """``&NAME`` and its members: `words` as written, `members` as tokens, and the line
    of the name and of each member."""

    name: str
    words: tuple[str, ...]
    members: tuple[tuple[Token, ...], ...]
    line: int
    member_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Pattern:
    """A pattern line: the tokens before and after the verb, and its code.

    `verb_attached` is True when '_' joins the verb to the token before it (``IN_*``);
    ``after[0].attached`` tells the same for the token after it (``*_OUT``).
    """

    before: tuple[Token, ...]
    after: tuple[Token, ...]
    code: EventCode
    line: int
    verb_attached: bool = False
    text: str = ""


@dataclass(frozen=True)
class VerbPhrase:
    """One verb line: its words, which one is the verb, its irregular forms and code."""

    words: tuple[str, ...]
    head: int
    forms: tuple[str, ...]
    code: EventCode | None
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def verb(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True)
class VerbEntry:
    """A verb block: its verb, that verb's irregular forms, the block code, its patterns.

    `phrases` holds every verb line of the block (the first is `verb`); `header` is the
    name as the ``---`` line writes it; `other_codes` any further codes on that line.
    """

    verb: str
    forms: tuple[str, ...]
    code: EventCode
    patterns: tuple[Pattern, ...]
    phrases: tuple[VerbPhrase, ...] = ()
    line: int = 0
    header: str = ""
    other_codes: tuple[EventCode, ...] = ()

    def code_of(self, phrase: VerbPhrase) -> EventCode:
        """The code a verb line codes with when no pattern matches."""
        return phrase.code or self.code


@dataclass(frozen=True)
class VerbDictionary:
    """A whole verbs file."""

    entries: tuple[VerbEntry, ...]
    synsets: dict[str, SynonymSet]
    path: str = ""

    @property
    def patterns(self) -> list[Pattern]:
        return [pattern for entry in self.entries for pattern in entry.patterns]

    def lookup(self, verb: str) -> list[tuple[VerbPhrase, VerbEntry]]:
        """The verb lines (with their blocks) whose verb word is `verb`."""
        verb = verb.upper()
        return [(p, e) for e in self.entries for p in e.phrases if p.verb == verb]

    def expand(self, name: str) -> tuple[tuple[Token, ...], ...]:
        """The members of set `name`, nested sets replaced by their own members (KeyError
        when there is no such set)."""
        return _expand(self.synsets, name.upper(), ())


def load_verbs(path: Path | str, errors: list[DataError] | None = None) -> VerbDictionary:
    """Read a verbs file; see `parse_verbs`."""
    return parse_verbs(read_text(path), str(path), errors)


def parse_verbs(text: str, path: str = "<verbs>", errors: list[DataError] | None = None) -> VerbDictionary:
    """Parse verbs-file text; a malformed line raises `DataError` (or joins `errors`)."""
    reader = _VerbReader(path, Problems(errors))
    for line in content_lines(text):
        try:
            reader.read(line)
        except DataError as error:
            reader.problems.add(error)
    return reader.finish()


@dataclass
class _Block:
    header: str
    code: EventCode
    other_codes: tuple[EventCode, ...]
    line: int
    phrases: list[VerbPhrase] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    broken: bool = False

    def entry(self) -> VerbEntry:
        phrases = self.phrases or [_header_phrase(self.header, self.line)]
        first = phrases[0]
        return VerbEntry(first.text, first.forms, self.code, tuple(self.patterns), tuple(phrases),
                         self.line, self.header, self.other_codes)


@dataclass
class _SetDraft:
    name: str
    line: int
    members: list[tuple[str, tuple[Token, ...], int]] = field(default_factory=list)
    broken: bool = False


class _VerbReader:
    def __init__(self, path: str, problems: Problems):
        self.path, self.problems = path, problems
        self.entries: list[VerbEntry] = []
        self.synsets: dict[str, SynonymSet] = {}
        self.block: _Block | None = None
        self.synset: _SetDraft | None = None

    def read(self, line: Line) -> None:
        text = line.text
        # A placeholder comes first, so that when the header line is malformed the lines
        # under it are skipped rather than each reported again.
        if text.startswith("---"):
            self._close()
            self.block = _Block("", EventCode("---"), (), line.number, broken=True)
            self.block = self._header(line)
        elif text.startswith("&"):
            self._close()
            self.synset = _SetDraft("", line.number, broken=True)
            self.synset = _SetDraft(self._synset_name(line), line.number)
        elif self.synset is not None:
            self._member(line)
        elif self.block is None:
            raise self._error(line, "expected a '--- VERB [code] ---' header or a '&SET' before this line")
        elif text.startswith("-"):
            self.block.patterns.append(self._call(line, _pattern, text[1:], line.number))
        else:
            self.block.phrases.append(self._call(line, _verb_phrase, text, line.number))

    def finish(self) -> VerbDictionary:
        self._close()
        for error in _reference_errors(self.path, self.entries, self.synsets):
            self.problems.add(error)
        return VerbDictionary(tuple(self.entries), self.synsets, self.path)

    def _header(self, line: Line) -> _Block:
        body = line.text[3:].strip()
        body = body[:-3].strip() if body.endswith("---") else body
        name, codes = self._call(line, split_codes, body)
        if not name or not codes:
            raise self._error(line, "a verb header is '--- VERB [code] ---'")
        parsed = [self._call(line, parse_event_code, code) for code in codes]
        return _Block(name, parsed[0], tuple(parsed[1:]), line.number)

    def _synset_name(self, line: Line) -> str:
        name = line.text[1:].strip().rstrip("_").upper()
        if not name.isalnum():
            raise self._error(line, f"a synonym set is named '&NAME' with letters and digits: {line.text!r}")
        return name

    def _member(self, line: Line) -> None:
        if not line.text.startswith("+") or len(line.text) < 2:
            message = f"expected a '+WORD' or '+&SET' member of &{self.synset.name} or a '---' verb header"
            raise self._error(line, message)
        words = " ".join(line.text[1:].split())
        self.synset.members.append((words, self._call(line, tokenize, words, _MEMBER_KINDS), line.number))

    def _close(self) -> None:
        block, synset = self.block, self.synset
        self.block = self.synset = None
        if block is not None and not block.broken:
            self.entries.append(block.entry())
        if synset is not None and not synset.broken:
            self._close_synset(synset)

    def _close_synset(self, draft: _SetDraft) -> None:
        if draft.name in self.synsets:
            first = self.synsets[draft.name].line
            self.problems.add(data_error(self.path, draft.line, f"&{draft.name} is already defined at line {first}"))
        elif not draft.members:
            self.problems.add(data_error(self.path, draft.line, f"&{draft.name} has no '+' members"))
        else:
            words, tokens, lines = zip(*draft.members)
            self.synsets[draft.name] = SynonymSet(draft.name, words, tokens, draft.line, lines)

    def _call(self, line: Line, function, *args):
        try:
            return function(*args)
        except ValueError as error:
            raise self._error(line, str(error)) from None

    def _error(self, line: Line, message: str) -> DataError:
        return data_error(self.path, line, message)


def parse_event_code(text: str) -> EventCode:
    """``"023"`` or ``"032:033"`` as an `EventCode`; ValueError when malformed."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) > 2 or not all(_CODE.fullmatch(part) for part in parts):
        raise ValueError(f"not an event code: [{text}]")
    return EventCode(parts[0], parts[1] if len(parts) == 2 else None)


def _pattern(text: str, number: int) -> Pattern:
    """A pattern line (after its '-'); ValueError when malformed."""
    body, codes = split_codes(text)
    tokens = tokenize(body, _PATTERN_KINDS)
    if len(codes) != 1:
        raise ValueError("a pattern line ends in one code: '- TOKENS * TOKENS [code]'")
    verbs = [index for index, token in enumerate(tokens) if token.kind == "verb"]
    if len(verbs) != 1:
        raise ValueError(f"a pattern has one '*' for the verb, this one has {len(verbs)}")
    at = verbs[0]
    return Pattern(tokens[:at], tokens[at + 1 :], parse_event_code(codes[0]), number, tokens[at].attached,
                   " ".join(body.split()))


def _verb_phrase(text: str, number: int) -> VerbPhrase:
    """A verb line; ValueError when malformed."""
    head_text, codes = split_codes(text)
    match = _FORMS.match(head_text)
    if match is None or len(codes) > 1:
        raise ValueError("a verb line is 'VERB {FORMS} [code]'")
    words, head = _verb_words(match["phrase"])
    forms = tuple(" ".join(_verb_words(form)[0]) for form in (match["forms"] or "").split())
    code = parse_event_code(codes[0]) if codes else None
    return VerbPhrase(words, head, forms, code, number)


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    parts = [part for part in re.split(r"[\s_]+", text.strip()) if part]
    heads = [index for index, part in enumerate(parts) if part.startswith("+")]
    if not parts or len(heads) > 1 or any(part == "+" for part in parts):
        raise ValueError(f"a verb phrase marks at most one word with '+': {text.strip()!r}")
    return tuple(part.lstrip("+").upper() for part in parts), heads[0] if heads else 0


def _header_phrase(header: str, number: int) -> VerbPhrase:
    words, head = _verb_words(header)
    return VerbPhrase(words, head, (), None, number)


def _reference_errors(path: str, entries: list[VerbEntry], synsets: dict[str, SynonymSet]):
    used = [(p.before + p.after, p.line) for e in entries for p in e.patterns]
    used += [pair for s in synsets.values() for pair in zip(s.members, s.member_lines)]
    for tokens, number in used:
        for token in tokens:
            if token.kind == SYNSET and token.text not in synsets:
                yield DataError(f"unknown synonym set &{token.text}", path, number)
    for synset in synsets.values():
        try:
            _expand(synsets, synset.name, ())
        except _CycleError as error:
            yield DataError(str(error), path, synset.line)
        except KeyError:
            pass  # reported above


class _CycleError(ValueError):
    """A synonym set that contains itself, directly or through other sets."""


def _expand(synsets: dict[str, SynonymSet], name: str, seen: tuple[str, ...]) -> tuple[tuple[Token, ...], ...]:
    if name in seen:
        raise _CycleError(f"&{name} contains itself: {' -> '.join('&' + n for n in seen + (name,))}")
    if name not in synsets:
        raise KeyError(f"unknown synonym set &{name}")
    result: list[tuple[Token, ...]] = []
    for member in synsets[name].members:
        if len(member) == 1 and member[0].kind == SYNSET:
            result.extend(_expand(synsets, member[0].text, seen + (name,)))
        else:
            result.append(member)
    return tuple(result)
