"""Judgements reported as speech: "Romania said Moscow's attacks were unacceptable",
"Germany called the arrest bitter and disappointing", "France said the accusations were
unfounded".

No verb of the pattern dictionary is coded here: the speaker only says something of an
act. When the words said of it are a condemnation (lexicon list `condemnation_words`),
the speaker ACCUSEs (CAMEO 111, disapprove) whoever did the act, and so when they blame
someone (`blame_words`: "had failed to cooperate", "evidence of Russian involvement"); when they dismiss an
accusation (`dismissal_words` said of `accusation_nouns`), the speaker REJECTs it
(CAMEO 016, deny responsibility).

Who did the act: the actor named in the judged phrase ("Moscow's attacks", "China's
actions"), else the source of the document's last event who is not the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from detente.lexicon import Lexicon
from detente.model import Actor, Document, Event, Sentence, VerbMatch, VerbPattern

ACCUSATION = VerbPattern("said", "ACCUSE", "111", mode="disapprove", source_file="coding/appraisal.py", line=0)
DISMISSAL = VerbPattern("said", "REJECT", "016", source_file="coding/appraisal.py", line=0)

#: Words after which a judgement of an act can follow: "said", "called the arrest ...".
APPRAISING_VERBS = frozenset({"said", "says", "saying", "called", "calls", "described", "describes", "termed", "branded", "labelled", "labeled"})
#: How far past the verb the judgement may lie, in tokens.
JUDGEMENT_WINDOW = 16


@dataclass(frozen=True)
class Appraisal:
    """A judgement found in a sentence: the appraising verb, the pattern it codes as,
    and the actor the judged phrase names, if any."""

    match: VerbMatch
    named: Actor | None
    denied: bool = False  # "said there was no evidence of Russian involvement"


@dataclass
class AppraisalReader:
    lexicon: Lexicon

    def __call__(self, sentence: Sentence) -> list[Appraisal]:
        lowers = sentence.lowers
        if APPRAISING_VERBS.isdisjoint(lowers):
            return []
        coded = {v.start for v in sentence.verbs if not v.pattern.noun}
        found = []
        for at, word in enumerate(lowers):
            if word not in APPRAISING_VERBS or at == 0 or lowers[at - 1] == "," and word != "saying":
                continue  # "..., officials said": the judgement, if any, came before
            judged = self._judged(lowers, at + 1, coded)
            if not judged or any(at < v < at + len(judged) for v in coded) and not self.lexicon.occurs_in("blame_words", judged):
                continue  # a coded verb in the complement is an event of its own, unless it is what they are blamed for
            before = lowers[max(0, at - 6) : at] if word not in ("said", "says") else []  # "a move Grossi called ..."
            pattern = self._pattern(judged, before)
            if pattern is not None:
                blames = self.lexicon.occurs_in("blame_words", judged)
                denied = pattern is ACCUSATION and self._denied(judged)
                found.append(Appraisal(VerbMatch(pattern, at, at + 1), self._doer(sentence, lowers, at + 1, at + 1 + len(judged), blames), denied))
        return found

    def _denied(self, judged: list[str]) -> bool:
        """ "no evidence of Russian involvement" denies; "no justification for the coup"
        condemns (the negation is the condemnation's own word)."""
        denying = [i for i, w in enumerate(judged) if w in ("no", "not", "never", "n't", "neither", "nor")]
        condemning: set[int] = set()
        for end in range(1, len(judged) + 1):
            start = self.lexicon.phrase_ending_at("condemnation_words", judged, end)
            if start is not None:
                condemning.update(range(start, end))
        return any(i not in condemning for i in denying)

    def _doer(self, sentence: Sentence, lowers: list[str], start: int, end: int, blames: bool = False) -> Actor | None:
        """The actor the judged phrase ties to the act: "Moscow's attacks", "abuse by the
        United States"."""
        for actor in sentence.actors:
            if not (start <= actor.start < end and actor.resolved):
                continue
            after = lowers[actor.end] if actor.end < len(lowers) else ""
            before = lowers[actor.start - 1] if actor.start else ""
            possessive = after == "'s" or "'s" in actor.text or after in self.lexicon["act_nouns"] or after in self.lexicon["blamed_nouns"]
            if blames and actor.kind != "pronoun" and (actor.start == start or actor.start == start + 1 and lowers[start] == "that"):
                return actor  # "saying Moscow had failed to cooperate": the complement's subject
            if possessive or before == "by" or before == "the" and actor.start > 1 and lowers[actor.start - 2] == "by":
                return actor
        return None

    def _judged(self, lowers: list[str], start: int, coded: set[int] | frozenset[int] = frozenset()) -> list[str]:
        """The complement: from after the verb (and "that") to the clause's end, or to an
        "and" that opens another coded verb ("called the move an escalation and demanded")."""
        if start < len(lowers) and lowers[start] == "that":
            start += 1
        words = []
        for at in range(start, min(len(lowers), start + JUDGEMENT_WINDOW)):
            word = lowers[at]
            if word in (".", ";", ":", "but", "while", "although") or word == "and" and at + 1 in coded:
                break
            words.append(word)
        return words

    def _pattern(self, judged: list[str], before: list[str]) -> VerbPattern | None:
        has = self.lexicon.occurs_in
        if has("accusation_nouns", judged[:5]) and has("dismissal_words", judged):
            return DISMISSAL
        act_nouns = self.lexicon["act_nouns"]
        if any(w in act_nouns for w in judged[:8] + before) and has("condemnation_words", judged):
            return ACCUSATION
        if has("blame_words", judged):
            return ACCUSATION  # "saying Moscow had failed to cooperate", "evidence pointing to Russian involvement"
        return None


def act_owner(document: Document, speaker: list[Actor], named: Actor | None) -> list[Actor]:
    """Who did the judged act: the actor the phrase names, else the last event's source
    that is not the speaker."""
    own = {a.country or a.org for a in speaker}
    if named is not None and (named.country or named.org) not in own:
        return [named]
    for event in reversed(document.events):
        others = [a for a in event.source if (a.country or a.org) and (a.country or a.org) not in own]
        if others:
            return others
    for event in reversed(document.events):  # "Germany summoned the Turkish ambassador ... Merkel called the arrest bitter"
        if own & {a.country or a.org for a in event.source}:
            return [a for a in event.target if (a.country or a.org) and (a.country or a.org) not in own]
    return []


def already_coded(events: list[Event], appraisal: Appraisal, source: list[Actor]) -> bool:
    """A verb of the sentence already says this speaker accused or rejected."""
    own = {a.country or a.org for a in source}
    return any(e.plover == appraisal.match.pattern.plover and own & {a.country or a.org for a in e.source} for e in events)
