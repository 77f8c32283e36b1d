"""Tokenization: the same rules for dictionary entries and for text, so that what a
dictionary writes ("U.S.", "St. Petersburg", "Côte d'Ivoire") matches the text."""
from __future__ import annotations

import re

from detente.model import Token

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                  # initialisms: U.S., U.K., U.S.A.
   |\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?  # numbers: 60, 1,000, 3.5, 21st, 1990s
   |\w+(?=['’]s\b)                      # a word before a possessive 's
   |['’]s\b                             # the possessive itself
   |\w+(?:n['’]t)                       # don't, isn't: kept whole, negation is read from it
   |\w+(?:[-'’]\w+)*                    # words, hyphenated words, d'Ivoire
   |\S                                  # any other single character
    """,
    re.VERBOSE,
)


def normalize(text: str) -> str:
    """Straighten curly quotes and dashes (length-preserving, so offsets stay valid)."""
    return text.translate(_QUOTES)


def tokenize(text: str) -> list[Token]:
    """Split a sentence into tokens with offsets into `text`."""
    norm_text = normalize(text)
    straight = norm_text == text  # the common case: no curly quotes, so text and norm agree
    tokens = []
    append = tokens.append
    for match in TOKEN_RE.finditer(norm_text):
        norm = match.group()
        start, end = match.span()
        append(Token(norm if straight else text[start:end], start, end, norm, norm.lower()))
    return tokens


def token_keys(phrase: str) -> tuple[str, ...]:
    """The normalized token sequence of a dictionary phrase."""
    return tuple(match.group() for match in TOKEN_RE.finditer(normalize(phrase)))
