"""Quantities: how many of what ("60 Americans", "sixty diplomats", "two dozen
ambassadors", "hundreds of protesters"), with the noun counted."""
from __future__ import annotations

import calendar
import re

from detente.lexicon import Lexicon
from detente.model import QuantityMention, Sentence

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_UNIT_STOP = frozenset({
    "of", "and", "or", "in", "on", "at", "to", "from", "for", "with", "who", "that", "which", "by",
    "were", "was", "are", "is", "would", "will", "could", "can", "should", "may", "might", "must",
    "has", "have", "had", "did", "does", "do", "said", "says",
})
_NOT_AFTER = frozenset({"no", "any", "every", "some", "each", "the", "this", "that", "which", "only"})
_MONTH_WORDS = frozenset(m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] + ["Sept"])
_PLURALS_WITHOUT_S = frozenset({"people", "men", "women", "children", "police", "personnel", "staff", "troops", "fishermen", "servicemen", "crew"})
_ADDRESS_WORDS = frozenset({"street", "avenue", "road", "square", "boulevard", "lane", "place"})
_NOT_COUNTS = frozenset({"dollars", "dollar", "euros", "euro", "pounds", "yuan", "rubles", "roubles", "yen", "rupees", "francs", "percent", "%", "per", "cent", "years", "year", "months", "month", "days", "day", "weeks", "week", "hours", "hour", "minutes", "o'clock", "a.m", "p.m", "km", "kilometers", "kilometres", "miles", "meters", "metres"})


def find_quantities(sentence: Sentence, lexicon: Lexicon) -> list[QuantityMention]:
    """Every counted quantity in a sentence."""
    found = []
    tokens = sentence.tokens
    words = lexicon.values["number_words"]
    index = 0
    while index < len(tokens):
        lower = tokens[index].lower
        if not (lower[:1].isdigit() or lower in words or "-" in lower):
            index += 1
            continue
        parsed = _number_at(tokens, index, lexicon)
        if parsed is None:
            index += 1
            continue
        value, after = parsed
        unit_end = _unit_end(tokens, after)
        if unit_end > after and not _excluded(tokens, index, after):
            unit = sentence.span_text(after, unit_end)
            approximate = _approximate(tokens, index, after)
            found.append(QuantityMention(value, unit, index, unit_end, approximate))
        index = max(after, index + 1)
    return found


def _number_at(tokens, index: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """(value, index after the number) for a number starting at `index`."""
    words = lexicon.values["number_words"]
    lower = tokens[index].lower
    if _DIGITS.match(lower):
        value, after = int(lower.replace(",", "")), index + 1
    elif all(part in words for part in lower.split("-")) and lower:
        value, after = sum(words[p] for p in lower.split("-")), index + 1
    else:
        return None
    while after < len(tokens) and tokens[after].lower in ("dozen", "hundred", "thousand", "million"):
        value *= words[tokens[after].lower]
        after += 1
    if after < len(tokens) and tokens[after].lower == "of" and lower in ("hundreds", "thousands", "dozens", "millions"):
        after += 1  # "hundreds of diplomats": at least that many
    return value, after


_HEDGES = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "least", "than", "up", "estimated"})


def _approximate(tokens, start: int, after: int) -> bool:
    """ "hundreds of", "dozens of", "about 40", "more than 60", "at least 12"."""
    if any(t.lower in ("hundreds", "thousands", "dozens", "millions", "tens", "scores") for t in tokens[start:after]):
        return True
    return start > 0 and tokens[start - 1].lower in _HEDGES


def _unit_end(tokens, start: int) -> int:
    """End of the counted noun phrase: up to its plural head noun, a preposition or
    punctuation, three words at most ("Russian diplomats", not "diplomats left Moscow")."""
    end = start
    while end < len(tokens) and end - start < 3:
        word = tokens[end]
        if word.lower in _UNIT_STOP or not word.norm[:1].isalpha() and word.norm != "'s":
            break
        end += 1
        if word.lower in _PLURALS_WITHOUT_S or len(word.lower) > 3 and word.lower.endswith("s"):
            break
    return end


def _excluded(tokens, start: int, after: int) -> bool:
    """Years, money, percentages, times and measures are not counts of actors."""
    before = tokens[start - 1].norm if start > 0 else ""
    if before in ("$", "€", "£", "¥") or before.lower().rstrip(".") in _MONTH_WORDS or tokens[after].lower in _NOT_COUNTS:
        return True
    if any(t.lower in _ADDRESS_WORDS for t in tokens[after : after + 3]):
        return True  # "10 Downing Street"
    if tokens[start].lower == "one" and before.lower() in _NOT_AFTER:
        return True  # "no one", "the one"
    text = tokens[start].lower
    is_year = len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100
    return is_year and not tokens[after].lower.endswith("s")
