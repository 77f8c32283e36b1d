"""Phrases in TABARI dictionaries: words, joins, stems, synonym sets and slot markers.

Every dictionary writes its phrases the same way, in upper case::

    CARAS GALADHON            two words
    MINAS_TIRITH              two words joined by '_'
    UN_                       a word with a trailing '_': the whole word, not a stem
    ARGENTIN                  a stem: TABARI matches words that start with it
    NEW_&TIETYPES_RELATIONS   a word, a synonym-set reference, a word (verb patterns)
    + KNOWN_ * IN_ $          slot markers (verb patterns)

`tokenize` turns one into `Token`s and keeps how each was written, so the coder decides
what a join or a stem means (in TABARI a space lets other words come between, '_' does
not). The slot markers are only allowed in verb patterns:

    ``*`` the verb    ``$`` the source    ``+`` the target
    ``%`` a compound actor (source and target in one phrase)    ``^`` skip a noun phrase
"""
from __future__ import annotations

from dataclasses import dataclass

MARKERS = {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip"}
WORD, SYNSET = "word", "synset"


@dataclass(frozen=True)
class Token:
    """One element of a phrase.

    `kind` is ``word``, ``synset`` (a ``&NAME`` reference; `text` is NAME) or one of the
    slot kinds of `MARKERS` (`text` is the marker). `attached` is True when '_' joins it
    to the token on its left (for the first token after the verb: to the verb). `exact`
    is True for a word written with a trailing '_' (no stem matching).
    """

    kind: str
    text: str
    attached: bool = False
    exact: bool = False

    def __str__(self) -> str:
        shown = f"&{self.text}" if self.kind == SYNSET else self.text
        return shown + ("_" if self.exact else "")


def tokenize(text: str, kinds: frozenset[str] | set[str] = frozenset({WORD})) -> tuple[Token, ...]:
    """The tokens of `text`; ValueError when it holds a kind not in `kinds` or a stray '_'."""
    tokens: list[Token] = []
    for chunk in text.split():
        tokens.extend(_chunk_tokens(chunk, kinds))
    if not tokens:
        raise ValueError("an empty phrase")
    return tuple(tokens)


def words_of(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """The text of each token: ``MINAS_TIRITH`` gives ``("MINAS", "TIRITH")``."""
    return tuple(token.text for token in tokens)


def _chunk_tokens(chunk: str, kinds) -> list[Token]:
    parts = chunk.split("_")
    exact = len(parts) > 1 and parts[-1] == ""
    if exact:
        parts.pop()
    if "" in parts:
        raise ValueError(f"a stray '_' in {chunk!r}")
    tokens = [_token(part, index > 0, kinds) for index, part in enumerate(parts)]
    if exact:
        if tokens[-1].kind != WORD:
            raise ValueError(f"only a word can end in '_': {chunk!r}")
        tokens[-1] = Token(WORD, tokens[-1].text, tokens[-1].attached, exact=True)
    return tokens


def _token(part: str, attached: bool, kinds) -> Token:
    if part in MARKERS:
        kind, text = MARKERS[part], part
    elif part.startswith("&"):
        kind, text = SYNSET, part[1:].upper()
        if not text.isalnum():
            raise ValueError(f"a synonym set is named by letters and digits: {part!r}")
    else:
        kind, text = WORD, part.upper()
    if kind not in kinds:
        raise ValueError(f"{part!r} is not allowed here")
    return Token(kind, text, attached)
