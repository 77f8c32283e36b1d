"""A TABARI-style event coder that codes with TABARI/PETRARCH dictionaries as they are.

TABARI coded with a shallow reading of the sentence; PETRARCH with a parse tree. This
coder reads shallowly (`detente.compat.reading`) and follows the conventions that the
dictionaries and PETRARCH's 284 validation records document:

1. A sentence with a discard phrase is not coded (`CodedSentence.discarded`).
2. **The verb**: the first verb of the dictionary that codes: a pattern of its block
   matches (`detente.compat.matching`), or its verb line or block has a code. A verb whose
   code is the null code ``[---]`` and whose patterns do not match is passed over ("has
   begun to question": HAS, then QUESTION with ``BEGUN *``); a pattern with ``[---]``
   matches and codes nothing. Besides that first verb, a sentence codes the verbs of
   verb phrases joined to it by "and"/"but" ("condemned an attack ... and promised aid"),
   which share its subject, and a closing reporting clause after the last comma
   ("..., a senior official said on Saturday").
3. **The source** is the pattern's ``$``, else the first actor group of the verb's clause
   before the verb. When the pattern took the clause's actors (``NOTED + *``), the first
   free actor group before the verb in the sentence.
4. **The target** is the pattern's ``+``, else the first actor group after the verb, up
   to a joined verb phrase or the closing reporting clause.
5. **Passives**: after a form of "be", with "by" and an actor right after the verb, that
   actor is the source and the subject the target ("Eriador was opposed by Osgiliath").
6. **Codes**: ``[A:B]`` also codes the reverse event target->source with B. ``%`` before
   the verb with no other target codes the compound's members with each other. Compound
   groups code every source member with every target member; an event of an actor with
   itself is dropped, as is a repeated (source, target, code).
7. ``require_dyad`` (on by default) drops events without a known source or target;
   `CoderOptions` has the other options.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from detente.compat.clauses import discard_kind
from detente.compat.matching import COMPOUND, SOURCE, TARGET, PatternMatch, PatternMatcher
from detente.compat.mentions import MentionFinder
from detente.compat.nps import NULL, Group
from detente.compat.options import CoderOptions
from detente.compat.reading import Reading, read_sentence
from detente.compat.tabari import TabariDictionaries
from detente.compat.verbfind import VerbFinder, VerbHit
from detente.compat.verbs import EventCode, VerbDictionary
from detente.compat.words import split_words
from detente.compat.wordclass import BE_FORMS, CONJUNCTIONS, TIME_ADVERBS, is_adverb


@dataclass(frozen=True)
class CodedActor:
    """An actor's code and the words naming it (character offsets; equal when none)."""

    code: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class CodedEvent:
    """One coded event: TABARI codes and the verb (character offsets) that coded it."""

    source: CodedActor
    target: CodedActor
    code: str
    verb_start: int
    verb_end: int
    line: int  # the line of the pattern, verb line or block header that gave the code

    @property
    def triple(self) -> tuple[str, str, str]:
        return self.source.code, self.target.code, self.code


@dataclass(frozen=True)
class CodedSentence:
    """The events of one sentence, or the kind of discard (``story``, ``sentence``) that
    stopped it."""

    events: tuple[CodedEvent, ...] = ()
    discarded: str | None = None


@dataclass(frozen=True)
class _Coding:
    hit: VerbHit
    code: EventCode
    match: PatternMatch | None
    line: int
    limit: int  # where its lower part (and its target) ends

    @property
    def passes(self) -> bool:
        """A null code that no pattern gave: the next verb is tried."""
        return self.match is None and self.code.is_null


@dataclass
class _Roles:
    source: list[CodedActor] = field(default_factory=list)
    target: list[CodedActor] = field(default_factory=list)
    compound: list[CodedActor] = field(default_factory=list)


class TabariCoder:
    """Codes sentences with one folder's TABARI/PETRARCH dictionaries."""

    def __init__(self, dictionaries: TabariDictionaries, options: CoderOptions | None = None):
        self.dictionaries = dictionaries
        self.options = options or CoderOptions()
        self.mentions = MentionFinder(dictionaries.actors, dictionaries.agents)
        self.verbs = VerbFinder(dictionaries.verbs)
        verbs = dictionaries.verbs
        self.synsets = {name: _members(verbs, name) for name in verbs.synsets} if verbs else {}

    def code(self, text: str, day: dt.date | None = None, options: CoderOptions | None = None) -> CodedSentence:
        """The events of the sentence `text` on `day`."""
        options = options or self.options
        words = split_words(text)
        kind = discard_kind(words, self.dictionaries.discards)
        if kind is not None:
            return CodedSentence((), kind)
        reading = read_sentence(words, self.mentions, self.verbs, options)
        return CodedSentence(tuple(_SentenceCoder(self, reading, day, options).events()))


class _SentenceCoder:
    """The coding of one reading: which verbs code, with which actors."""

    def __init__(self, coder: TabariCoder, reading: Reading, day: dt.date | None, options: CoderOptions):
        self.reading, self.day, self.options = reading, day, options
        self.matcher = PatternMatcher(reading.words, reading.units, reading.groups, reading.parts,
                                      lambda name: coder.synsets.get(name, ()))

    def events(self) -> list[CodedEvent]:
        """The sentence's events: those of its first verb that codes, of the verb phrases
        joined to it, and of a closing reporting clause."""
        ending = self._closing_clause()
        for index, hit in enumerate(self.reading.verbs):
            limit = ending[0] if ending and hit.start < ending[0] else len(self.reading.words)
            joined = [h for h in self.reading.verbs[index + 1:] if h.start < limit and self._is_joined(h)]
            first = self._coding(hit, self._limit(joined, limit))
            if not first.passes:
                return _unique(self._all_events(first, joined, limit, ending))
        return []

    def _all_events(self, first: _Coding, joined: list[VerbHit], limit: int,
                    ending: tuple[int, VerbHit] | None) -> list[CodedEvent]:
        subject = self._subject(first.hit, set())
        events = self._events(first, subject)
        for at, other in enumerate(joined):
            events += self._events(self._coding(other, self._limit(joined[at + 1:], limit)), subject)
        if ending and ending[1] is not first.hit and first.hit.start < ending[0]:
            closing = ending[1]
            events += self._events(self._coding(closing, len(self.reading.words)), self._subject(closing, set(), strict=True))
        return events

    # --- verbs ---------------------------------------------------------------------------

    def _coding(self, hit: VerbHit, limit: int) -> _Coding:
        patterns = [p for _, entry in _blocks(hit) for p in entry.patterns]
        match = self.matcher.best(patterns, hit.start, hit.end, limit)
        if match is not None:
            return _Coding(hit, match.pattern.code, match, match.pattern.line, limit)
        codes = [(entry.code_of(phrase), phrase.line) for phrase, entry in hit.senses]
        code, line = next(((c, n) for c, n in codes if not c.is_null), codes[0])
        return _Coding(hit, code, None, line, limit)

    def _is_joined(self, hit: VerbHit) -> bool:
        """A verb phrase joined by "and"/"but" to the one before: "... and promised aid"."""
        words, at = self.reading.words, hit.start - 1
        head = words[hit.head].text
        while at >= 0 and is_adverb(words[at].text):
            at -= 1
        return at >= 0 and words[at].text in CONJUNCTIONS and not head.endswith("ING")

    def _limit(self, joined: list[VerbHit], limit: int) -> int:
        """Where a verb's lower part ends: at the "and" of the next joined verb phrase."""
        if not joined:
            return limit
        at = joined[0].start - 1
        while is_adverb(self.reading.words[at].text):
            at -= 1
        return at

    def _closing_clause(self) -> tuple[int, VerbHit] | None:
        """The comma and verb of a closing clause ", a senior official said on Saturday"."""
        comma = self.reading.last_boundary_comma()
        if comma is None:
            return None
        hit = next((v for v in self.reading.verbs if v.start > comma), None)
        if hit is None or not self.reading.only_noun_phrases(comma + 1, hit.start):
            return None
        return comma, hit

    # --- actors --------------------------------------------------------------------------

    def _subject(self, hit: VerbHit, taken: set[int], strict: bool = False) -> Group | None:
        """The first free actor group of the verb's clause (see the module docstring)."""
        start = self.reading.clause_start(hit.start)
        before = [g for g in self.reading.groups if g.end <= hit.start]
        in_clause = [g for g in before if g.start >= start and g.coded]
        free = [g for g in in_clause if id(g) not in taken]
        if free:
            return free[0]
        if in_clause and not strict:
            return next((g for g in before if g.coded and id(g) not in taken), None)
        return self._new_actor([g for g in before if g.start >= start])

    def _object(self, hit: VerbHit, limit: int, taken: set[int]) -> Group | None:
        after = [g for g in self.reading.groups if g.start >= hit.end and g.end <= limit and id(g) not in taken]
        coded = next((g for g in after if g.coded), None)
        return coded or self._new_actor(after)

    def _new_actor(self, groups: list[Group]) -> Group | None:
        size = self.options.new_actor_length
        first = groups[0] if groups else None
        if size and first is not None and len(first.members) == 1 and 0 < len(first.members[0].words) <= size:
            return first
        return None

    def _passive_agent(self, hit: VerbHit) -> Group | None:
        """The actor after "by" when the verb follows a form of "be"."""
        words, at = self.reading.words, hit.start - 1
        while at >= 0 and is_adverb(words[at].text):
            at -= 1
        if at < 0 or words[at].text not in BE_FORMS:
            return None
        at = hit.end
        while at < len(words) and at < hit.end + 2 and is_adverb(words[at].text):
            at += 1
        if at >= len(words) or words[at].text != "BY":
            return None
        return next((g for g in self.reading.groups if g.start == at + 1 and g.coded), None)

    def _codes(self, group: Group | None) -> list[CodedActor]:
        """The codes of a group's members; with `new_actor_length`, a member that names no
        known actor is coded by its words."""
        if group is None:
            return []
        size, actors = self.options.new_actor_length, []
        for member in group.members:
            codes = member.codes(self.day)
            if not codes and size and 0 < len(member.words) <= size:
                codes = ('"' + " ".join(member.words) + '"',)
            actors += [CodedActor(code, *self._offsets(member.start, member.end)) for code in codes]
        return actors

    def _offsets(self, start: int, end: int) -> tuple[int, int]:
        words = self.reading.words
        return (words[start].start, words[end - 1].end) if end > start else (0, 0)

    # --- events --------------------------------------------------------------------------

    def _events(self, coding: _Coding, subject: Group | None) -> list[CodedEvent]:
        if coding.code.is_null:
            return []
        roles = self._roles(coding, subject)
        pairs = _reciprocal(roles.compound, coding.code) if roles.compound else _dyads(roles, coding.code)
        words = self.reading.words
        start, end = words[coding.hit.start].start, words[coding.hit.end - 1].end
        return [CodedEvent(s, t, c, start, end, coding.line) for s, t, c in pairs if self._keeps(s.code, t.code)]

    def _roles(self, coding: _Coding, subject: Group | None) -> _Roles:
        hit = coding.hit
        found = coding.match.roles if coding.match else {}
        taken = {id(g) for g in found.values()}
        source, target = found.get(SOURCE), found.get(TARGET)
        compound = found.get(COMPOUND)
        if compound is not None and coding.match.compound_before:
            if target is None:
                return _Roles(compound=self._codes(compound))
            source = compound
        elif compound is not None:
            target = compound
        if source is None:
            source = self._subject(hit, taken) if taken else subject
        if source is not None:
            taken.add(id(source))
        passive = None if found else self._passive_agent(hit)
        if passive is not None:
            source, target = passive, source
        elif target is None:
            target = self._object(hit, coding.limit, taken)
        targets = self._codes(target) or self._missing_target(hit, coding.limit)
        return _Roles(self._codes(source), targets)

    def _missing_target(self, hit: VerbHit, limit: int) -> list[CodedActor]:
        """``---`` for a verb with a noun phrase but no actor after it, when dyads are
        not required ("said on Saturday" has one, "said today" none)."""
        if self.options.require_dyad:
            return []
        words = self.reading.words
        rest = [u for u in self.reading.units if u.start >= hit.end and u.end <= limit]
        timeless = [u for u in rest if not all(words[i].text in TIME_ADVERBS for i in range(u.start, u.end))]
        return [CodedActor(NULL)] if timeless else []

    def _keeps(self, source: str, target: str) -> bool:
        if source == target:
            return False
        return not self.options.require_dyad or (source not in ("", NULL) and target not in ("", NULL))


def _members(verbs: VerbDictionary, name: str) -> tuple:
    """The members of a synonym set with nested sets flattened; none for a set the reader
    reported as unknown or circular."""
    try:
        return verbs.expand(name)
    except (KeyError, ValueError):
        return ()


def _blocks(hit: VerbHit):
    """The (verb line, block) pairs of a hit, each block once, in file order."""
    seen, pairs = set(), []
    for phrase, entry in hit.senses:
        if id(entry) not in seen:
            seen.add(id(entry))
            pairs.append((phrase, entry))
    return sorted(pairs, key=lambda pair: pair[1].line)


def _dyads(roles: _Roles, code: EventCode) -> list[tuple[CodedActor, CodedActor, str]]:
    pairs = []
    for source in roles.source:
        for target in roles.target:
            pairs.append((source, target, code.code))
            if code.paired is not None:
                pairs.append((target, source, code.paired))
    return pairs


def _reciprocal(members: list[CodedActor], code: EventCode) -> list[tuple[CodedActor, CodedActor, str]]:
    pairs = []
    for i, first in enumerate(members):
        for second in members[i + 1:]:
            pairs += [(first, second, code.code), (second, first, code.paired or code.code)]
    return pairs


def _unique(events: list[CodedEvent]) -> list[CodedEvent]:
    seen, kept = set(), []
    for event in events:
        if event.triple not in seen:
            seen.add(event.triple)
            kept.append(event)
    return kept
