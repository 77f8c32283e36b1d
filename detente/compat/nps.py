"""Noun phrases for the TABARI-style coder: units, actor groups, and their codes.

A **unit** is a run of words that can belong to one noun phrase: actor and agent phrases,
determiners (which start a unit), possessives, and any word that is not a preposition,
conjunction, auxiliary, pronoun, adverb, verb or mark. Its actor is the first actor
phrase in it, its agents all its agent phrases ("Gondor's Prime Minister Falastur":
GON with GOV; "the evil Arnor awful Gondor": ARN).

A **group** is what fills a source or target: units joined as TABARI and PETRARCH join
them (the validation records' AGENT and COMPOUND categories):

* ``A and B``, ``A, B and C``, ``A, B, and C``, ``neither A nor B``: a compound, one
  member per coded part (parts that name no actor or agent are left out);
* a unit without an actor, then "of", "in" or "from" and a group: that group's actors with
  the unit's agents ("the ambassadors of Arnor, Osgiliath and Gondor": ARNGOV, OSGGOV,
  GONGOV; "Lawmakers and officials in Fornost and Gondor": all four pairs);
* an agent-only part after a part that has both ("Danish media and government") takes
  that part's actor and its other agents (DNKMED, DNKGOV).

A member's code is its actor's code on the day, each agent's code added as a suffix
(``[~GOV]``) or prefix (``[NGO~]``) unless it is already there at a three-letter boundary
(White House, USAGOV, with "officials" stays USAGOV; GMWGOV with WGO becomes GMWGOVWGO),
``---`` standing for a missing actor ("students": ---EDU). "former" makes the agents one
ELI ("former Gondor prosecutors": GONELI). ``[ELR/GAL]`` is two codes. Codes are upper
case (the validation actors file writes ``PALESTINIAN [pse]``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from detente.compat.agents import PREFIX
from detente.compat.mentions import ACTOR, Mention
from detente.compat.verbfind import VerbHit
from detente.compat.words import COMMA, Word
from detente.compat.wordclass import (
    DETERMINERS,
    FORMER,
    LIST_CONJUNCTIONS,
    OWNER_PREPOSITIONS,
    POSSESSIVES,
    breaks_noun_phrase,
)

NULL = "---"
ELITE = "ELI"


@dataclass(frozen=True)
class Unit:
    """Words `start` to `end` of one noun phrase, with its first actor and its agents."""

    start: int
    end: int
    actor: Mention | None
    agents: tuple[Mention, ...]
    former: bool = False


@dataclass(frozen=True)
class Member:
    """One actor of a group: an actor phrase and agent phrases, and the words naming it."""

    actor: Mention | None
    agents: tuple[Mention, ...]
    former: bool
    words: tuple[str, ...]
    start: int = 0  # the words naming it in the sentence, `start` to `end`
    end: int = 0

    @property
    def coded(self) -> bool:
        return self.actor is not None or bool(self.agents)

    def codes(self, day: dt.date | None) -> tuple[str, ...]:
        """Its codes on `day` (one per part of a ``[A/B]`` actor); () when uncoded."""
        actor = self.actor.entry.code_on(day) if self.actor else None
        if actor is None and not self.agents:
            return ()
        agents = self._agent_codes()
        return tuple(_compose(part, agents) for part in (actor or NULL).upper().split("/"))

    def _agent_codes(self) -> list[tuple[str, bool]]:
        if self.former and self.agents:
            return [(ELITE, False)]
        return [(m.entry.code.upper(), m.entry.position == PREFIX) for m in self.agents]


@dataclass(frozen=True)
class Group:
    """A source or target: words `start` to `end`, and its members."""

    start: int
    end: int
    members: tuple[Member, ...]

    @property
    def coded(self) -> tuple[Member, ...]:
        return tuple(member for member in self.members if member.coded)

    @property
    def is_compound(self) -> bool:
        return len(self.coded) > 1


def find_units(words: list[Word], mentions: list[Mention], verbs: list[VerbHit]) -> list[Unit]:
    """The noun-phrase units of `words`."""
    by_start = {m.start: m for m in mentions}
    verb_words = {i for v in verbs for i in range(v.start, v.end)}
    units, current, at = [], [], 0
    while at < len(words):
        mention = by_start.get(at)
        span = range(at, mention.end) if mention else range(at, at + 1)
        if mention is None and (at in verb_words or not _nominal(words[at])):
            units += _close(current, words, mentions)
            current = []
        else:
            if mention is None and words[at].text in DETERMINERS and current and words[current[-1]].text not in DETERMINERS:
                units += _close(current, words, mentions)
                current = []
            current.extend(span)
        at = span.stop
    return units + _close(current, words, mentions)


def _nominal(word: Word) -> bool:
    return word.is_word and (word.text in POSSESSIVES or not breaks_noun_phrase(word.text))


def _close(positions: list[int], words: list[Word], mentions: list[Mention]) -> list[Unit]:
    if not positions:
        return []
    start, end = positions[0], positions[-1] + 1
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    actor = next((m for m in inside if m.kind == ACTOR), None)
    agents = tuple(m for m in inside if m.kind != ACTOR)
    former = any(words[i].text == FORMER for i in range(start, end))
    return [Unit(start, end, actor, agents, former)]


def find_groups(words: list[Word], units: list[Unit], with_owners: bool = True) -> list[Group]:
    """The groups of `units`, left to right; every unit is in exactly one group. Without
    `with_owners`, "of/in/from" phrases are groups of their own ("the parliament", "Gondor")."""
    groups, index = [], 0
    while index < len(units):
        members, last = _parse_list(words, units, index, with_owners)
        groups.append(Group(units[index].start, units[last].end, tuple(members)))
        index = last + 1
    return groups


def _link(words: list[Word], left: Unit, right: Unit) -> tuple[str, ...]:
    return tuple(w.text for w in words[left.end:right.start])


@dataclass(frozen=True)
class _Part:
    """One part of a list: its members, its last unit, and the owner phrase's members
    when its actors came from "of/in/from ..."."""

    members: tuple[Member, ...]
    last: int
    owners: tuple[Member, ...] = ()


def _parse_list(words: list[Word], units: list[Unit], index: int, with_owners: bool = True) -> tuple[list[Member], int]:
    """The members of the list starting at unit `index`, and the index of its last unit.
    A list goes on over commas until its conjunction, and ends with the part after it."""
    parts = [_parse_base(words, units, index, with_owners)]
    conjoined = False
    while not conjoined and parts[-1].last + 1 < len(units):
        last = parts[-1].last
        joins = _list_link(_link(words, units[last], units[last + 1]))
        if joins is None:
            break
        parts.append(_parse_base(words, units, last + 1, with_owners))
        conjoined = joins
    if not conjoined:
        parts = parts[:1]
    return _share(parts), parts[-1].last


def _list_link(link: tuple[str, ...]) -> bool | None:
    """True for a conjunction ("and", ", and"), False for a bare comma, None for no list link."""
    if link == (",",):
        return False
    if link[-1:] and link[-1] in LIST_CONJUNCTIONS and link[:-1] in ((), (",",)):
        return True
    return None


def _parse_base(words: list[Word], units: list[Unit], index: int, with_owners: bool) -> _Part:
    """One part of a list: a unit, with its owner phrase when it names no actor itself."""
    unit = units[index]
    if with_owners and unit.actor is None and index + 1 < len(units):
        link = _link(words, unit, units[index + 1])
        if len(link) == 1 and link[0] in OWNER_PREPOSITIONS:
            owners, last = _parse_list(words, units, index + 1)
            owners = tuple(o for o in owners if o.actor is not None)
            end = units[last].end
            if owners:
                members = tuple(_owned(unit, owner, unit.start, end) for owner in owners)
                return _Part(members, last, owners)
            return _Part((Member(None, unit.agents, unit.former, _words(words, unit.start, end), unit.start, end),), last)
    member = Member(unit.actor, unit.agents, unit.former, _words(words, unit.start, unit.end), unit.start, unit.end)
    return _Part((member,), index)


def _owned(unit: Unit | Member, owner: Member, start: int, end: int) -> Member:
    """An actor of an owner phrase with the agents of the phrase it owns."""
    return Member(owner.actor, owner.agents + unit.agents, unit.former or owner.former, owner.words, start, end)


def _share(parts: list[_Part]) -> list[Member]:
    """The members of a list's parts, agent-only parts sharing actors as the module says."""
    return [shared for at, part in enumerate(parts) for member in part.members for shared in _shared(member, parts, at)]


def _shared(member: Member, parts: list[_Part], at: int) -> list[Member]:
    if member.actor is not None or not member.agents:
        return [member]
    owned = next((part.owners for part in parts[at + 1:] if part.owners), ())
    if owned:
        return [_owned(member, owner, member.start, member.end) for owner in owned]
    for part in reversed(parts[:at]):
        modified = [m for m in part.members if m.actor is not None and m.agents]
        if modified:
            return [replace(member, actor=modified[0].actor, agents=modified[0].agents[:-1] + member.agents)]
    return [member]


def _words(words: list[Word], start: int, end: int) -> tuple[str, ...]:
    return tuple(w.text for w in words[start:end] if w.is_word and w.text not in POSSESSIVES and w.kind != COMMA)


def _compose(actor: str, agents: list[tuple[str, bool]]) -> str:
    code = actor
    for agent, prefix in agents:
        if _has_code(code, agent):
            continue
        code = agent + code if prefix else code + agent
    return code


def _has_code(code: str, part: str) -> bool:
    """Whether `part` is in `code` at a three-letter boundary."""
    return any(code[at:at + len(part)] == part for at in range(0, len(code), 3))

