"""A sentence as the TABARI/PETRARCH dictionaries see it: upper-case words and marks.

TABARI and PETRARCH matched dictionary phrases against upper-case words in the Penn
Treebank style. `split_words` reuses detente's tokenizer (`detente.nlp.tokens`) and then
makes its tokens look like that:

* every word is upper case: ``Gondor`` is ``GONDOR``;
* contractions are split as the Treebank does, which is how the dictionaries write them
  (``&NEGATVAUXVRB`` holds ``+DID N'T`` and ``+WO N'T``): ``didn't`` is ``DID N'T``,
  ``won't`` ``WO N'T``, ``can't`` ``CA N'T``;
* a possessive is a word of its own: ``Gondor's`` is ``GONDOR 'S``, ``nations'`` ``NATIONS '``;
* '_' in the text splits words as it does in a dictionary (``Dol_Amroth``);
* a hyphen written against a word and followed by a space stays with it (``anti- Gondor``
  is ``ANTI- GONDOR``, as the verbs file writes ``ANTI- + *``).

Each `Word` keeps its offsets in the sentence text, so an event can point at its verb.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from detente.nlp.tokens import tokenize

WORD, COMMA, MARK = "word", "comma", "mark"
_CONTRACTION_HEADS = MappingProxyType({"WON": "WO", "CAN": "CA", "SHAN": "SHA"})


@dataclass(frozen=True)
class Word:
    """One word or mark of a sentence: upper-case `text`, `kind` and character offsets."""

    text: str
    kind: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.kind == WORD

    @property
    def key(self) -> str:
        """The text compared with dictionary words: a final '.' does not matter (``U.S.``)."""
        return self.text[:-1] if len(self.text) > 1 and self.text.endswith(".") else self.text


def split_words(text: str) -> list[Word]:
    """The words and marks of one sentence."""
    words: list[Word] = []
    for token in tokenize(text):
        words.extend(_pieces(token.norm, token.start))
    return _attach_hyphens(words, text)


def _pieces(norm: str, start: int) -> list[Word]:
    upper = norm.upper()
    if len(upper) == 1 and not upper.isalnum():
        return [Word(upper, COMMA if upper == "," else MARK, start, start + 1)]
    if upper.endswith("N'T") and len(upper) > 3:
        head = upper[:-3]
        head = _CONTRACTION_HEADS.get(head, head)
        cut = start + len(upper) - 3
        return [Word(head, WORD, start, cut), Word("N'T", WORD, cut, start + len(norm))]
    pieces, offset = [], start
    for part in upper.split("_"):
        if part:
            pieces.append(Word(part, WORD, offset, offset + len(part)))
        offset += len(part) + 1
    return pieces


def _attach_hyphens(words: list[Word], text: str) -> list[Word]:
    """``anti- Gondor``: a '-' right after a word and before a space joins that word."""
    joined: list[Word] = []
    for word in words:
        previous = joined[-1] if joined else None
        if (word.text == "-" and previous is not None and previous.is_word and previous.end == word.start
                and (word.end >= len(text) or text[word.end].isspace())):
            joined[-1] = Word(previous.text + "-", WORD, previous.start, word.end)
        else:
            joined.append(word)
    return joined
