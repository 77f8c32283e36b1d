"""Date expressions, resolved against the publication date.

Each resolved expression carries its precision (day, week, month, season, year) and
the first and last day of the period it names. Relative expressions with no
publication date stay unresolved: unknown is None, never a guess.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

from detente.model import DateMention, Sentence

WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["Sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("month_day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?")),
    ("relative_day", re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>(?i:last|next|this|on))\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")),
    ("period", re.compile(r"\b(?P<early>earlier |later )?(?P<rel>this|last|next|past)\s+(?P<unit>week|month|year|weekend)\b", re.I)),
    ("season", re.compile(r"\b(?P<rel>this|last|next|past)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
    ("in_month", re.compile(r"\b(?:in|since|during|until|by|early|late)\s+" + _MONTH + r"(?:\s+(?P<year>\d{4}))?\b")),
    ("in_year", re.compile(r"\b(?:in|since|during|until|by)\s+(?P<year>(?:19|20)\d{2})\b")),
]


_ANY_DATE = re.compile(
    r"\d|(?i:today|tonight|yesterday|tomorrow|week|month|year|spring|summer|autumn|fall|winter)|"
    + "|".join(WEEKDAYS) + "|" + "|".join(MONTHS)
)


def find_dates(sentence: Sentence, published: dt.date | None) -> list[DateMention]:
    """Every date expression in a sentence, resolved where possible."""
    if not _ANY_DATE.search(sentence.text):
        return []  # most sentences name no date: skip the nine patterns
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(sentence.text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _RESOLVERS[name](match, published)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            first, last, precision = resolved
            start, end = _token_span(sentence, match.start(), match.end())
            found.append(DateMention(match.group(), start, end, first, precision, last))
    return sorted(found, key=lambda d: d.start)


def _token_span(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The tokens overlapping characters start..end (tokens are in order, so bisect)."""
    ends = [t.end for t in sentence.tokens]
    first = bisect.bisect_right(ends, start)
    last = first
    while last < len(sentence.tokens) and sentence.tokens[last].start < end:
        last += 1
    return (first, last) if last > first else (0, 0)


def _iso(match, published):
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return day, day, "day"


def _month_day(match, published):
    month, day = MONTHS[match["month"]], int(match["day"])
    year = int(match["year"]) if match["year"] else None
    if year is None:
        if published is None:
            return (None, None, "day")
        year = published.year
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    if not match["year"]:
        value = _nearest_year(value, published)
    return value, value, "day"


def _nearest_year(value: dt.date, published: dt.date) -> dt.date:
    """A day named without its year is the occurrence nearest the publication date
    ("December 28" in a January story is last December; "in November" in a September
    story is this November)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(value.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=lambda d: abs((d - published).days))


def _relative_day(match, published):
    if published is None:
        return (None, None, "day")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
    day = published + dt.timedelta(days=offset)
    return day, day, "day"


def _weekday(match, published):
    if published is None:
        return (None, None, "day")
    target = WEEKDAYS[match["weekday"]]
    back = (published.weekday() - target) % 7
    rel = (match["rel"] or "").lower()
    if rel == "next":
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    elif rel == "last" and back == 0:
        day = published - dt.timedelta(days=7)
    else:
        day = published - dt.timedelta(days=back)
    return day, day, "day"


def _period(match, published):
    if published is None:
        return (None, None, match["unit"].lower())
    unit, rel = match["unit"].lower(), match["rel"].lower()
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        first, last = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if unit == "weekend" else (monday, monday + dt.timedelta(days=6))
        return first, min(last, published) if shift == 0 else last, "week"
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
        first = dt.date(year, month + 1, 1)
        last = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
        return first, min(last, published) if shift == 0 else last, "month"
    year = published.year + shift
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), published) if shift == 0 else dt.date(year, 12, 31), "year"


def _season(match, published):
    if published is None:
        return (None, None, "season")
    first_month, last_month = SEASONS[match["season"].lower()]
    rel = match["rel"].lower()
    year = published.year
    start = dt.date(year, first_month, 1)
    if rel in ("last", "past"):
        while _season_end(start, last_month) >= published:
            start = start.replace(year=start.year - 1)
    elif rel == "next":
        while start <= published:
            start = start.replace(year=start.year + 1)
    elif start > published and _season_end(start.replace(year=year - 1), last_month) >= published:
        start = start.replace(year=year - 1)  # "this winter" in January began last December
    return start, _season_end(start, last_month), "season"


def _season_end(start: dt.date, last_month: int) -> dt.date:
    year = start.year + (1 if last_month < start.month else 0)
    return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def _in_month(match, published):
    month = MONTHS[match["month"]]
    if match["year"]:
        year = int(match["year"])
    elif published is None:
        return (None, None, "month")
    else:
        year = _nearest_year(dt.date(published.year, month, 15), published).year
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month"


def _in_year(match, published):
    year = int(match["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


_RESOLVERS = {
    "iso": _iso,
    "month_day": _month_day,
    "day_month": _month_day,
    "relative_day": _relative_day,
    "weekday": _weekday,
    "period": _period,
    "season": _season,
    "in_month": _in_month,
    "in_year": _in_year,
}
