"""The other party: who an act is aimed at when its sentence does not say.

News leaves the recipient to context: "Moscow vowed to retaliate" (against whoever acted
last), "Iran reopened its embassy in Riyadh" (Saudi Arabia, named only as a place),
"Authorities imposed a curfew" (their own state). When an event has no resolved target,
detente looks, in order, at:
1. another state or body named in the same sentence, even as a place or a possessor;
2. the parties of the document's most recent event that are not this event's source;
3. for acts a state does at home (curfews, amnesties, arrests), the source's own state.
A target found this way is marked `inferred`; the event's confidence is lowered.
"""
from __future__ import annotations

from detente.model import Actor, Document, PlaceMention, Sentence, VerbMatch

#: Acts that, with no one else in view, a state does to its own people.
HOME_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE"})

#: Acts aimed, when no one is named, at the actors' own state.
OWN_STATE_TYPES = frozenset({"PROTEST", "CONCEDE", "AGREE"})

#: Sectors of society whose concessions and agreements, with no one named, are with their own state.
SOCIETY_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "MED", "PTY", "REF", "HLH"})

#: Sectors that are the state itself, as against its society.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

#: Acts that need no recipient and should not be given one by guesswork.
NO_GUESS_TYPES: frozenset[str] = frozenset()


def infer_target(document: Document, sentence: Sentence, match: VerbMatch, source: list[Actor]) -> list[Actor]:
    """A target for an event whose text names none, or []."""
    if match.pattern.plover in NO_GUESS_TYPES:
        return []
    own = {_code(a) for a in source if _code(a)}
    if not own:
        return []
    civilians = not all(a.sector == "GOV" or a.kind in ("country", "capital", "seat") for a in source)
    society = all(a.sector in SOCIETY_SECTORS and a.kind in ("sector", "composed", "place", "implied") for a in source)
    at_home = match.pattern.plover == "PROTEST" and civilians or match.pattern.plover in OWN_STATE_TYPES and society
    if at_home or _acts_at_home(sentence, match, source):
        return [as_inferred(next(a for a in source if _code(a)))]  # protests, police, deployments at home
    in_sentence = _other_in_sentence(sentence, match, own, source) or _other_place(sentence, match, own)
    if in_sentence:
        return [as_inferred(in_sentence)]
    recent = list(reversed(document.events[-6:]))
    for event in recent:  # first, whoever last acted on this source: "China's drills around Taiwan" -> Taiwan reacts
        if own & {_code(a) for a in event.target} and any(_code(a) not in own for a in event.source if _code(a)):
            return [as_inferred(next(a for a in event.source if _code(a) and _code(a) not in own))]
    for event in reversed(document.events):
        others = [a for a in event.source + event.target if _code(a) and _code(a) not in own]
        if others:
            return [as_inferred(others[0])]
    if match.pattern.plover in HOME_TYPES:
        first = next(a for a in source if _code(a))
        return [as_inferred(first)]
    return []


def _acts_at_home(sentence: Sentence, match: VerbMatch, source: list[Actor]) -> bool:
    """Police or troops acting inside their own state: "police fired tear gas",
    "India deployed troops in Kashmir"."""
    if match.pattern.plover not in ("ASSAULT", "COERCE", "MOBILIZE"):
        return False
    own = {a.country for a in source if a.country}
    if all(a.sector == "COP" for a in source):
        return True
    places = {p.country for p in sentence.places if p.start >= match.end and p.country}
    return bool(places) and places <= own


def memory_self_target(role_target: list[Actor], source: list[Actor], plover: str = "") -> bool:
    """A target that memory placed in the source's own state ("Berlin accused the
    diplomats"), which for an act between states is more likely a wrong guess (acts at
    home, such as arrests, are aimed at the own state's people)."""
    if plover in HOME_TYPES:
        return False
    if all(a.sector not in STATE_SECTORS for a in source) and any(a.sector in STATE_SECTORS for a in role_target):
        return False  # "protest leaders agreed to resume talks with the ruling military council": a domestic dyad
    own = {_code(a) for a in source}
    return bool(role_target) and all(_code(a) in own and a.kind in ("sector", "pronoun") for a in role_target)


#: Words after which an actor is the sentence's speaker ("..., the U.N. refugee agency said"), not a party.
SPEAKING = frozenset({"said", "says", "told", "announced", "added", "stated", "reported"})


def is_speaker(sentence: Sentence, actor: Actor) -> bool:
    """ "..., the U.N. refugee agency said": an actor right before a verb of saying."""
    return actor.end < len(sentence.tokens) and sentence.lowers[actor.end] in SPEAKING


def place_after(sentence: Sentence, match: VerbMatch) -> PlaceMention | None:
    """The first place in a known state named after the verb."""
    return next((p for p in sentence.places if p.country and p.start >= match.end), None)


def sole_state(sentence: Sentence) -> str | None:
    """The state a sentence names, if it names only one."""
    states = {a.country for a in sentence.actors if a.country and a.resolved}
    return states.pop() if len(states) == 1 else None


def _other_in_sentence(sentence: Sentence, match: VerbMatch, own: set[str], source: list[Actor] = ()) -> Actor | None:
    tokens = sentence.tokens
    others = [
        a for a in sentence.actors
        if _code(a) and _code(a) not in own and a.kind != "pronoun" and not (a.start > match.start and is_speaker(sentence, a))
    ]
    after = [a for a in others if a.start >= match.end]
    second_clause = bool(source) and source[0].start > 0 and tokens[source[0].start - 1].lower == "and"
    objects = [a for a in others if a.start > 0 and tokens[a.start - 1].lower not in (",", "and", "but", ";")] if second_clause else []
    return (after or objects or others or [None])[0]  # "Poland summoned the Israeli ambassador, and Britain demanded": Israel


def _other_place(sentence: Sentence, match: VerbMatch, own: set[str]) -> Actor | None:
    """ "Russian missiles struck the port of Odesa": the state of a place named after the verb."""
    place = next((p for p in sentence.places if p.start >= match.end and p.country and p.country not in own), None)
    if place is None:
        return None
    return Actor(place.text, place.start, place.end, "place", country=place.country, sector="GOV")


def as_inferred(actor: Actor) -> Actor:
    copy = Actor(actor.text, actor.start, actor.end, actor.kind, actor.country, actor.org, actor.sector, actor.person, actor.head, actor.possessor, actor.human)
    copy.inferred = True
    return copy


def _code(actor: Actor) -> str | None:
    return actor.country or actor.org
