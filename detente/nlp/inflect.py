"""Regular English inflection for dictionary entries: noun plurals and verb forms.

Over-generation is harmless here (a form that never occurs in text never matches), so
both spellings of doubtful forms are produced ("expeled" and "expelled").
"""
from __future__ import annotations

_VOWELS = "aeiou"


def pluralize(noun: str) -> list[str]:
    """The singular and its regular plural(s); only the last word is inflected."""
    head, _, last = noun.rpartition(" ")
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if lower.endswith(("arch", "ach")):
        plurals = [last + "s", last + "es"]  # oligarchs, monarchs, but also "approaches"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        plurals = [last + "es"]
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        plurals = [last[:-1] + "ies"]
    elif lower.endswith("man") and len(lower) > 4:
        plurals = [last[:-3] + "men", last + "s"]
    else:
        plurals = [last + "s"]
    return [noun] + [prefix + p for p in plurals]


def verb_forms(lemma: str) -> list[str]:
    """Regular forms of a verb's first word: lemma, -s, -ed, -ing, with doubling variants."""
    first, sep, rest = lemma.partition(" ")
    tail = sep + rest
    forms = {first, _third_person(first), *_past(first), *_gerund(first)}
    return sorted(f + tail for f in forms)


def _third_person(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> list[str]:
    if word.endswith("e"):
        return [word + "d"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return [word[:-1] + "ied"]
    forms = [word + "ed"]
    if _can_double(word):
        forms.append(word + word[-1] + "ed")
    return forms


def _gerund(word: str) -> list[str]:
    if word.endswith("ie"):
        return [word[:-2] + "ying"]
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return [word[:-1] + "ing", word + "ing"]
    forms = [word + "ing"]
    if _can_double(word):
        forms.append(word + word[-1] + "ing")
    return forms


def _can_double(word: str) -> bool:
    """Consonant-vowel-consonant endings may double ("expelled", "acquitted"); both
    spellings are generated where it is doubtful, since an unused form is harmless."""
    return len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and (word[-3] not in _VOWELS or word[-4:-2] == "qu")
