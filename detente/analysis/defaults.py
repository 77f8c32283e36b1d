"""The choices and defaults of the analyses, in a module of their own so that the command
line can offer them (and `detente --help` can run) without loading DuckDB, pandas and
Arrow. The analysis modules take them from here."""
from __future__ import annotations

#: PLOVER type -> quad class (the codebook's grouping).
QUADS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}

#: Event families for reciprocity: a response "in kind" is of the same family.
FAMILIES = {
    "SANCTION": "sanction", "COERCE": "coerce", "ASSAULT": "force", "MOBILIZE": "force",
    "THREATEN": "threat", "ACCUSE": "verbal", "REJECT": "verbal", "REQUEST": "verbal", "PROTEST": "protest",
    "AGREE": "cooperation", "CONSULT": "cooperation", "SUPPORT": "cooperation", "CONCEDE": "cooperation",
    "COOPERATE": "cooperation", "AID": "cooperation", "RETREAT": "cooperation",
}

#: Period lengths a series can be cut into.
PERIODS = ("day", "week", "month", "year")

#: The measures "lowest point since" can rank periods by; for each, lower is more hostile.
LOWEST_MEASURES = ("goldstein_mean", "cc_index", "goldstein_sum")

#: The default measure of hostility: the mean Goldstein score of the period's events. It
#: weighs an expulsion (-7) above an accusation (-2), which the count-based index does not.
LOWEST_MEASURE = "goldstein_mean"

#: Mentions whose dates lie within this many days of a real event's first date can be
#: the same real event (a report a day or two late, a "Thursday" resolved one day off).
DEDUP_TOLERANCE_DAYS = 2

#: How many days after an act of A on B an act of B on A may come to be its response (inclusive).
RECIPROCITY_WINDOW_DAYS = 30

#: Members of a coalition act within this many days of its first act (inclusive).
COALITION_WINDOW_DAYS = 14

#: The fewest distinct actors that make a coalition.
COALITION_MIN_MEMBERS = 3

#: How many coalitions `detente coalitions` prints unless given --limit: the largest.
COALITION_LIMIT = 100

#: How many earlier periods make a dyad's baseline.
ALERT_WINDOW = 12

#: How many baseline standard deviations above the baseline mean a period must rise.
ALERT_THRESHOLD = 2.0

#: The least conflict (Goldstein points) that can raise an alert: an expulsion (-4) and an
#: accusation (-2), an embargo (-8) or three accusations, but not one expulsion or two accusations.
ALERT_MIN_CONFLICT = 5.0

#: How many driving events an alert lists at most (the most hostile ones).
ALERT_MAX_EVENTS = 20
