"""Sentence splitting for news text: paragraphs, then sentence-final punctuation,
without breaking after abbreviations ("Mr.", "St.", "U.S. Consulate")."""
from __future__ import annotations

import re

from detente.model import Sentence
from detente.nlp.tokens import tokenize

#: Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gen col lt maj capt cmdr adm sgt sen rep gov prof rev
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp ltd co mt ft
    pres sec dept univ est approx""".split()
)

#: Words that start a new sentence after an initialism such as "U.S.".
SENTENCE_STARTERS = frozenset(
    """The A An He She It They We I This That These Those But And In On At After
    Before When While His Her Its Their Our There Some Many Most Officials""".split()
)

_PARAGRAPH_RE = re.compile(r"\n\s*\n")
_CANDIDATE_RE = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])""")


def split_sentences(text: str) -> list[Sentence]:
    """Split a document into sentences with their offsets; tokens are filled in."""
    sentences: list[Sentence] = []
    for para_start, para_end in _paragraph_spans(text):
        for start, end in _sentence_spans(text, para_start, para_end):
            chunk = text[start:end]
            stripped = chunk.strip()
            if not stripped:
                continue
            offset = start + chunk.index(stripped[0])
            flat = " ".join(stripped.split())  # line-wrapped text becomes one line
            sentence = Sentence(index=len(sentences), text=flat, start=offset)
            sentence.tokens = tokenize(flat)
            sentences.append(sentence)
    return sentences


def _paragraph_spans(text: str):
    start = 0
    for match in _PARAGRAPH_RE.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sentence_spans(text: str, start: int, end: int):
    cursor = start
    for match in _CANDIDATE_RE.finditer(text, start, end):
        if _is_boundary(text, cursor, match):
            yield cursor, match.end()
            cursor = match.end()
    yield cursor, end


def _is_boundary(text: str, cursor: int, match: re.Match) -> bool:
    if not match.group().startswith("."):
        return True
    before = text[cursor : match.start()].split()
    if not before:
        return False
    last = before[-1]
    word = last.rsplit("(", 1)[-1].rstrip(".").lower()
    if word == "no":  # "No. 10" but "the spokesman said no."
        return not text[match.end() :].lstrip()[:1].isdigit()
    if word in ABBREVIATIONS:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", last):  # "U.S.", "John R. Bolton"
        following = text[match.end() :].split(None, 1)
        return bool(following) and following[0].strip("\"'“‘(") in SENTENCE_STARTERS
    return True
