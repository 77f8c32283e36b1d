"""How sure detente is of an event, from 0 to 1, from how it was found.

An event starts at 0.9 and loses confidence for each step of inference it needed:
a verb sense with no object constraint, a source found by document memory (a pronoun)
or shared with an earlier verb, a reduced passive, and a missing or unresolved target.
The weights are named here so that they can be read and changed in one place.
"""
from __future__ import annotations

from detente.coding.clauses import Roles
from detente.model import VerbMatch

BASE = 0.9
GENERIC_SENSE = 0.1  # the verb alone, no object noun confirmed the sense
PRONOUN_SOURCE = 0.2  # "it", "he": resolved by document memory
SHARED_SOURCE = 0.05  # coordinated verb: the subject of the verb before
NO_TARGET = 0.1
UNRESOLVED_TARGET = 0.1
INFERRED_TARGET = 0.15  # the recipient was taken from the context (coding/discourse.py)
FLOOR = 0.05


def confidence(match: VerbMatch, roles: Roles) -> float:
    score = BASE
    if not (match.pattern.objects or match.pattern.particle):
        score -= GENERIC_SENSE
    if any(actor.kind == "pronoun" for actor in roles.source):
        score -= PRONOUN_SOURCE
    if roles.inherited_from is not None:
        score -= SHARED_SOURCE
    if not roles.target:
        score -= NO_TARGET
    elif not any(actor.resolved for actor in roles.target):
        score -= UNRESOLVED_TARGET
    elif all(actor.inferred for actor in roles.target):
        score -= INFERRED_TARGET
    return round(max(FLOOR, score), 2)
