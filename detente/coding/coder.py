"""The coder: verb matches plus clause roles, status, date, quantity and place
become `Event`s in the contract's shape."""
from __future__ import annotations

import re
from dataclasses import dataclass

from detente.coding.appraisal import AppraisalReader, act_owner, already_coded
from detente.coding.clauses import ClauseReader, Roles
from detente.coding.confidence import confidence
from detente.coding.contexts import ContextTagger
from detente.coding.discourse import as_inferred, infer_target, is_speaker, memory_self_target, place_after
from detente.coding.modes import ModeCues
from detente.coding.ontology import Ontology
from detente.coding.reclassify import (
    as_assistance,
    as_intention,
    as_refusal,
    as_threat,
    event_token,
)
from detente.coding.status import YIELDING_TYPES, StatusReader
from detente.config import LOCATION_WINDOW
from detente.model import (
    Actor,
    DateMention,
    Document,
    Event,
    Sentence,
    VerbMatch,
    VerbPattern,
)


@dataclass
class EventCoder:
    clauses: ClauseReader
    status: StatusReader
    ontology: Ontology
    contexts: ContextTagger
    modes: ModeCues
    keep_unresolved_source: bool = False

    def __post_init__(self) -> None:
        self.appraise = AppraisalReader(self.status.lexicon)

    def __call__(self, document: Document) -> Document:
        document.events = []
        for sentence in document.sentences:
            document.events.extend(self.code_sentence(document, sentence))
        return document

    def code_sentence(self, document: Document, sentence: Sentence) -> list[Event]:
        roles = self.clauses.read(sentence)
        statuses: dict[int, str] = {}
        events = []
        for match in sentence.verbs:
            role = roles[match.start]
            status = self._status(sentence, match, role, statuses)
            statuses[match.start] = status
            if not role.target:
                role.target = self._anaphoric_target(document, sentence, match, role)
            _domestic_targets(match, role)
            if self._anonymous(sentence, role, match) and not any(a.resolved for a in role.target):
                role.target = _harmed(sentence, match) or _place_of(sentence, match)  # "gunmen stormed a studio in Guayaquil": Ecuador
            if not self._codable(sentence, role, match) or match.pattern.needs_target and not self._aimed(sentence, match, role):
                continue
            if match.pattern.plover == "ACCUSE" and _self_by_pronoun(role):
                continue  # "apologised for slavery, calling it a crime": "it" is the act, not the state
            if _aimed_at_itself(role, match):
                role.target = infer_target(document, sentence, match, role.source)
            elif not any(a.resolved for a in role.target) or memory_self_target(role.target, role.source, match.pattern.plover):
                role.target = infer_target(document, sentence, match, role.source) or role.target
            event = as_assistance(self._event(document, sentence, match, role, status), sentence, self.ontology, self.status.lexicon)
            event = as_intention(event, self.ontology)
            event = as_threat(event, sentence, match, self.ontology, self.status.lexicon)
            self.modes.refine(event, sentence)
            events.append(as_refusal(event, sentence, match, self.ontology, self.status.lexicon))
        events.extend(self._appraisals(document, sentence, events))
        events = self._claims(document, sentence, events)
        events.extend(self._joint_acts(document, sentence, events))
        events.extend(self._bare_refusals(document, sentence, events))
        events.extend(self._departures(document, sentence, events))
        events.extend(self._orders(document, sentence, events))
        if events and self._non_political(sentence):
            events = [e for e in events if e.plover not in METAPHOR_PRONE_TYPES]
        events = [e for e in events if not self._harmless(sentence, e) and not _background(document, sentence, e)]
        return _without_noun_echoes(_decisions(events, sentence, self.status.lexicon), sentence)

    def _non_political(self, sentence: Sentence) -> bool:
        """Sport and business ("Russia beat France 3-1", "Apple attacks Samsung's pricing"):
        a score or a word of the trade turns violence verbs into metaphors."""
        if SCORE_RE.search(sentence.text):
            return True
        return self.status.lexicon.occurs_in("non_political_cues", sentence.lowers)

    def _appraisals(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "Romania said Moscow's attacks were unacceptable": ACCUSE; "said the
        accusations were unfounded": REJECT (see coding/appraisal.py)."""
        found = []
        for appraisal in self.appraise(sentence):
            at = appraisal.match.start
            adjunct = sentence.tokens[at - 1].lower == ","  # "Germany expelled two diplomats ..., saying Moscow had failed to"
            source = self.clauses.main_subject_of(sentence, at) if adjunct else self.clauses.subject_of(sentence, at)
            if not any(a.resolved for a in source) or already_coded(events, appraisal, source):
                continue
            target = act_owner(document, source, appraisal.named)
            if target:
                status = "negated" if appraisal.denied else self.status(sentence, appraisal.match)
                found.append(self._event(document, sentence, appraisal.match, Roles(source, target), status))
        return found

    def _claims(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "Islamic State's Afghan affiliate claimed responsibility for the attack": the
        claimant is the doer of the story's unattributed attacks, and the claim is no
        concession."""
        lowers = sentence.lowers
        lexicon = self.status.lexicon
        if not lexicon.occurs_in("responsibility_claims", lowers):
            return events
        ends = [end for end in range(1, len(lowers) + 1) if lexicon.phrase_ending_at("responsibility_claims", lowers, end) is not None]
        if not ends:
            return events
        start = lexicon.phrase_ending_at("responsibility_claims", lowers, ends[0])
        claimant = _parent_org(sentence, self.clauses.subject_of(sentence, start))
        if not any(a.resolved for a in claimant):
            return events
        for event in document.events:
            if event.plover in ANONYMOUS_TYPES and not any(a.resolved for a in event.source):
                event.source = claimant
        claim_start = sentence.tokens[start].start
        return [e for e in events if not (e.plover == "CONCEDE" and e.trigger_start == claim_start)]

    def _joint_acts(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "Somali and Kenyan forces carried out joint raids", "in a joint operation": states
        acting together COOPERATE, whatever else they do (PLOVER 2.0)."""
        lowers = sentence.lowers
        found = []
        if "joint" not in lowers:
            return found
        for at, word in enumerate(lowers[:-1]):
            if word != "joint" or lowers[at + 1] not in self.status.lexicon["joint_nouns"]:
                continue
            source = self.clauses.subject_of(sentence, at)
            partners = {a.country or a.org for a in source if a.resolved}
            if len(partners) < 2 or any(e.plover == "COOPERATE" and partners <= {a.country or a.org for a in e.source} for e in events + found):
                continue
            match = VerbMatch(JOINT_ACT, at, at + 2)
            event = self._event(document, sentence, match, Roles(source, []), self.status(sentence, match))
            found.append(as_intention(event, self.ontology))
        return found

    def _bare_refusals(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "Colombia refused to accept two U.S. deportation flights": a refusal is a
        REJECT even when what is refused has no pattern of its own."""
        lowers = sentence.lowers
        lexicon = self.status.lexicon
        if not lexicon.occurs_in("bare_refusals", lowers):
            return []
        starts = {e.trigger_start for e in events}
        found = []
        for end in range(1, len(lowers)):
            begin = lexicon.phrase_ending_at("bare_refusals", lowers, end)
            if begin is None or sentence.tokens[end].start in starts or not lowers[end].isalpha():
                continue  # a coded verb after "refused to" was already made a REJECT
            if lowers[end] in lexicon["unrefusing_verbs"]:
                continue  # "declined to comment": no political act
            match = VerbMatch(BARE_REFUSAL, end, end + 1)
            source = self.clauses.subject_of(sentence, begin)
            if not any(a.resolved for a in source):
                continue
            target = self.clauses.object_of(sentence, match, source)
            if not any(a.resolved for a in target) and self._names_an_act(sentence, match):
                target = infer_target(document, sentence, match, source)  # "refused to accept the ruling": the court's
            if any(a.resolved for a in target):  # but "refused to embrace a tougher posture": no one refused
                found.append(self._event(document, sentence, match, Roles(source, target), "asserted"))
        return found

    def _departures(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "The last U.S. troops left Afghanistan", "Russian troops did not leave Belarus":
        forces leaving a state retreat from it (CAMEO 0874), a sense of "leave" no
        pattern can tell from a visitor leaving; a state leaving an organisation
        ("leaving ECOWAS") reduces relations with it (SANCTION 160)."""
        starts = {e.trigger_start for e in events}
        found = []
        if DEPARTING.isdisjoint(sentence.lowers):
            return found
        for at, token in enumerate(sentence.tokens[:-1]):
            if token.lower not in DEPARTING or token.start in starts:
                continue
            source = self.clauses.subject_of(sentence, at)
            left = next((a for a in sentence.actors if a.start in (at + 1, at + 2) and a.resolved), None)
            if left is None or not source or not all(a.resolved for a in source):
                continue
            if left.kind == "org" and not left.country and all(a.sector != "MIL" for a in source):
                pattern = QUITTING  # "Mali, Burkina Faso and Niger were leaving ECOWAS"
            elif left.kind in ("country", "capital") and left.start == at + 1 and all(a.sector == "MIL" for a in source):
                pattern = DEPARTURE
            else:
                continue
            match = VerbMatch(pattern, at, at + 1)
            found.append(self._event(document, sentence, match, Roles(source, [left]), self.status(sentence, match)))
        return found

    def _orders(self, document: Document, sentence: Sentence, events: list[Event]) -> list[Event]:
        """ "The court ordered Israel to halt its offensive": the halt is only demanded
        (hypothetical), and the order itself is a REQUEST of the one ordered."""
        lexicon = self.status.lexicon
        if lexicon["orders"].isdisjoint(sentence.lowers):
            return []
        found = []
        for event in events:
            if event.plover not in YIELDING_TYPES or event.status != "hypothetical":
                continue
            at = event_token(sentence, event)
            order_at = next((i for i in range(at - 1, max(-1, at - 10), -1) if sentence.lowers[i] in lexicon["orders"]), None)
            if order_at is None:
                continue
            source = self.clauses.subject_of(sentence, order_at)
            if any(a.resolved for a in source) and not {a.country or a.org for a in source} & {a.country or a.org for a in event.source}:
                found.append(self._event(document, sentence, VerbMatch(ORDER, order_at, order_at + 1), Roles(source, event.source), "asserted"))
        return found

    def _names_an_act(self, sentence: Sentence, match: VerbMatch) -> bool:
        """The object of `match` is someone's act: "the ruling", "the plan", "the charges"."""
        following = [t.lower for t in sentence.tokens[match.end : self.clauses.object_end(sentence, match)]][:5]
        lexicon = self.status.lexicon
        return any(w in lexicon["act_nouns"] or w in lexicon["accusation_nouns"] for w in following)

    def _harmless(self, sentence: Sentence, event: Event) -> bool:
        """ "fired guns into the air to celebrate": shooting at no one is no attack."""
        if event.plover != "ASSAULT":
            return False
        following = [t.lower for t in sentence.tokens if t.start >= event.trigger_end][:8]
        return self.status.lexicon.occurs_in("harmless_fire", following)

    def _aimed(self, sentence: Sentence, match: VerbMatch, role: Roles) -> bool:
        """A figurative-prone verb codes when it has a target, or (for warnings) when what
        follows threatens harm: "warned that airfields would be legitimate targets"."""
        if any(a.resolved for a in role.target):
            return True
        following = [t.lower for t in sentence.tokens[match.end : match.end + 14]]
        return match.pattern.plover == "THREATEN" and any(w in self.status.lexicon["threat_words"] for w in following)

    def _anaphoric_target(self, document: Document, sentence: Sentence, match: VerbMatch, role: Roles) -> list:
        """ "Taipei condemned the decision": the decision is the last event's, so its
        target is whoever took it (a source other than this event's own)."""
        if match.pattern.plover not in ANAPHORIC_TYPES:
            return []
        after = match.particle_at + 1 if match.particle_at is not None else match.end
        linked = [i for i in range(after, min(after + 4, len(sentence.tokens))) if sentence.tokens[i].lower in ("against", "over", "for")]
        if linked:
            after = linked[0] + 1  # "protested against the deal", "rallied in Seoul against the decision"
        words = [t.lower for t in sentence.tokens[after : after + 4]]
        reacts = match.pattern.plover in REACTIVE_TYPES  # "vowed to retaliate", "warned of consequences"
        names_an_act = any(w in ANAPHORIC_NOUNS for w in words[1:3]) and words[:1] in (["the"], ["this"], ["these"], ["that"], ["its"])
        if not (reacts or names_an_act):
            return []
        own = {a.country or a.org for a in role.source}
        if reacts and any(a.resolved and (a.country or a.org) not in own for a in sentence.actors if a.start >= after):
            return []  # "warned that it would respond to any Israeli retaliation": the sentence names them
        for event in reversed(document.events):
            others = [a for a in event.source if (a.country or a.org) and (a.country or a.org) not in own]
            if others:
                return [as_inferred(a) for a in others]
        return []

    def _status(self, sentence: Sentence, match: VerbMatch, role: Roles, known: dict[int, str]) -> str:
        own = self.status(sentence, match)
        inherited = known.get(role.inherited_from.start) if role.inherited_from else None
        if inherited and sentence.tokens[match.start - 1].lower == "but":
            inherited = None  # "did not expel them but summoned the envoy": a contrast
        if inherited == "negated" and _inflection(sentence, match) != _inflection(sentence, role.inherited_from):
            inherited = None  # "would not sign the bill and withdrew it": the second verb is finite, and done
        return inherited if own == "asserted" and inherited else own

    def _new_subject(self, sentence: Sentence, match: VerbMatch) -> bool:
        """An attack noun that opens its sentence as new information ("An air strike
        destroyed ...", "Drone attacks set ..."), not one that refers back ("the attack")."""
        before = sentence.lowers[: match.start]
        return not any(v.start < match.start for v in sentence.verbs) and not ({"the", "this", "that", "its", "their"} & set(before))

    def _codable(self, sentence: Sentence, role: Roles, match: VerbMatch) -> bool:
        if self._anonymous(sentence, role, match):
            # "Five aid workers were abducted in Borno", "gunmen attacked crowds in Kabul":
            # violence by someone unknown, to people or a place known
            return self.keep_unresolved_source or any(a.resolved for a in role.target)
        if self.keep_unresolved_source:
            return True
        return any(actor.resolved for actor in role.source)

    def _anonymous(self, sentence: Sentence, role: Roles, match: VerbMatch) -> bool:
        """Violence whose doer the text does not name, or names only as armed men."""
        if match.pattern.plover not in ANONYMOUS_TYPES:
            return False
        if not role.source:  # "five aid workers were abducted", "an air strike destroyed Iran's consulate"
            return match.pattern.plover == "ASSAULT" and (match.passive or match.pattern.noun and self._new_subject(sentence, match))
        return all(not a.resolved and a.kind == "sector" and a.sector in ARMED_SECTORS for a in role.source)

    def _event(self, document: Document, sentence: Sentence, match: VerbMatch, role: Roles, status: str) -> Event:
        pattern = match.pattern
        date = _nearest_date(sentence, match)
        trigger_end = match.particle_at + 1 if match.particle_at == match.end else match.end
        first, last = sentence.tokens[match.start], sentence.tokens[trigger_end - 1]
        span_end = self.clauses.object_end(sentence, match)
        quantity = next((q for q in sentence.quantities if match.end <= q.start < span_end), None)
        if quantity is None and match.passive:
            quantity = next((q for q in reversed(sentence.quantities) if q.end <= match.start), None)
        location = next((p for p in sentence.places if match.end <= p.start < min(span_end, match.end + LOCATION_WINDOW)), None)
        return Event(
            doc_id=document.id,
            sentence=sentence.index,
            sentence_text=sentence.text,
            source=role.source,
            target=list(role.target) if role.target == role.source else [a for a in role.target if a not in role.source],  # "accused each other"
            plover=pattern.plover,
            mode=pattern.mode,
            cameo=pattern.cameo,
            goldstein=self.ontology.goldstein_of(pattern.cameo),
            status=status,
            date=date.value if date else None,
            quantity=quantity,
            location=location,
            trigger_text=sentence.text[first.start : last.end],
            trigger_start=first.start,
            trigger_end=last.end,
            date_precision=date.precision if date and date.value else None,
            date_end=date.end_value if date else None,
            pattern=f"{pattern.source_file}:{pattern.line}",
            contexts=self.contexts(sentence, pattern.cameo),
            confidence=confidence(match, role),
        )


#: What "joint raids" and "a joint operation" code as: military cooperation (CAMEO 062).
JOINT_ACT = VerbPattern("joint", "COOPERATE", "062", source_file="coding/coder.py", line=0)

#: Troops leaving a state: a military retreat (CAMEO 0874).
DEPARTURE = VerbPattern("leave", "RETREAT", "0874", mode="withdraw", source_file="coding/coder.py", line=0)
DEPARTING = frozenset({"left", "leave", "leaves", "leaving", "quit", "quits", "quitting", "exited"})
#: A state leaving an organisation: reduced relations (CAMEO 160).
QUITTING = VerbPattern("leave", "SANCTION", "160", mode="withdraw", source_file="coding/coder.py", line=0)

#: An order to another to yield: a demand (CAMEO 100).
ORDER = VerbPattern("order", "REQUEST", "100", source_file="coding/coder.py", line=0)

#: What "refused to <verb>" codes as when the verb has no pattern: a rejection (CAMEO 120).
BARE_REFUSAL = VerbPattern("refuse", "REJECT", "120", source_file="coding/coder.py", line=0)

#: Acts coded even when their doers are only "gunmen", "militants" or "hackers".
ANONYMOUS_TYPES = frozenset({"ASSAULT", "COERCE"})
ARMED_SECTORS = frozenset({"REB", "CRM"})


def _parent_org(sentence: Sentence, actors: list[Actor]) -> list[Actor]:
    """ "Islamic State's Afghan affiliate": the organisation whose branch it is."""
    if not actors:
        return actors
    first = actors[0]
    lowers = sentence.lowers
    owner = next((a for a in sentence.actors if a.org and a.end == first.start - 1 and lowers[a.end] == "'s"), None)
    if owner is None:
        owner = next((a for a in sentence.actors if a.org and a.end <= first.start and "'s" in a.text and a.start == first.start), None)
    return [owner] if owner is not None else actors


def _background(document: Document, sentence: Sentence, event: Event) -> bool:
    """ "relations have sunk to their worst level since the two countries established
    ties in 1979": an act recalled in a "since" clause, a year or more before the story,
    is background, not news."""
    if event.date is None or document.date is None or (document.date - event.date).days < 365:
        return False
    at = event_token(sentence, event)
    return "since" in sentence.lowers[max(0, at - 8) : at]


def _harmed(sentence: Sentence, match: VerbMatch) -> list[Actor]:
    """Who an unattributed attack named as a noun hit: the first state or body named after
    it ("Drone attacks set two Saudi Aramco facilities ablaze"), if it is not a speaker."""
    for actor in sentence.actors:
        if actor.start >= match.end and actor.resolved and not is_speaker(sentence, actor):
            return [as_inferred(actor)]
    return []


def _place_of(sentence: Sentence, match: VerbMatch) -> list[Actor]:
    """The state where an act happens, from the first place named after its verb."""
    place = place_after(sentence, match)
    if place is None:
        return []
    return [Actor(place.text, place.start, place.end, "place", country=place.country, sector="CVL", inferred=True)]


#: Types that react to an earlier act, and the nouns that name one ("the decision").
#: Types whose verbs ("beat", "attack", "crush", "threaten") are metaphors in sport and business.
METAPHOR_PRONE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
SCORE_RE = re.compile(r"\b\d{1,2}-\d{1,2}\b(?!-)")

ANAPHORIC_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "THREATEN", "PROTEST"})
REACTIVE_TYPES = frozenset({"THREATEN"})
#: Types whose unnamed domestic targets ("arrested 994 people") belong to the source's state.
DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "RETREAT", "CONCEDE"})
DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "HLH", "MED", "PTY", "CRM", "REF", "JUD", "LEG"})
ANAPHORIC_NOUNS = frozenset({
    "decision", "move", "measure", "measures", "step", "steps", "sanctions", "expulsion", "expulsions",
    "agreement", "agreements", "deal", "accusation", "accusations", "charges", "claims", "allegations",
    "plan", "proposal", "demand", "demands", "strike", "strikes", "attack", "attacks", "launch", "test",
    "ban", "ruling", "closure", "annexation", "invasion", "visit", "remarks", "statement", "action", "actions",
    "seizure", "arguments", "warrant", "warrants", "bounties", "verdict", "sentence", "arrest", "detention",
    "killing", "raid", "incursion", "violation", "violations", "tariffs", "report", "resolution", "vote", "absence",
    "policy", "law", "bill", "restrictions", "drills", "exercises", "deployment", "buildup", "blockade",
})


def _domestic_targets(match: VerbMatch, role: Roles) -> None:
    """ "Iranian security forces arrested 1,200 protesters": with nothing else to place
    them, the people a state arrests, attacks or frees at home are its own."""
    if match.pattern.plover not in DOMESTIC_TYPES:
        return
    states = {a.country for a in role.source if a.country}
    if len(states) != 1:
        return
    for actor in role.target:
        if not actor.resolved and actor.sector in DOMESTIC_SECTORS:
            actor.country = next(iter(states))

#: Acts that, once a body "agreed" or "decided" to take them, are taken: "EU ministers
#: agreed to suspend talks with Turkey" is the suspension, not an agreement with anyone.
DECIDED_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})


def _decisions(events: list[Event], sentence: Sentence, lexicon) -> list[Event]:
    """Drop an AGREE whose content is a conflictual act of its own source, and assert the act."""
    starts = {t.start: i for i, t in enumerate(sentence.tokens)}
    dropped = []
    for decision in events:
        if decision.plover != "AGREE" or decision.trigger_text.lower() not in lexicon["decision_verbs"]:
            continue
        act = next((e for e in events if e.trigger_start > decision.trigger_start), None)
        if act is None or act.plover not in DECIDED_TYPES or act.source != decision.source:
            continue
        between = [t.lower for t in sentence.tokens[starts[decision.trigger_end] if decision.trigger_end in starts else starts[decision.trigger_start] + 1 : starts[act.trigger_start]]]
        if between[-1:] == ["to"] and "," not in between and len(between) <= 5:
            dropped.append(decision)
            for later in [act] + [e for e in events if e.trigger_start > act.trigger_start and e.source == act.source and _after_and_to(sentence, starts[e.trigger_start])]:
                later.status = "asserted" if later.status in ("future", "hypothetical") else later.status
    return [e for e in events if not any(e is d for d in dropped)]


def _after_and_to(sentence: Sentence, at: int) -> bool:
    """ "agreed to suspend talks and to cut funding": the second act of the decision."""
    return at >= 2 and [t.lower for t in sentence.tokens[at - 2 : at]] == ["and", "to"]


#: Acts between parties that a state does not aim at itself.
OUTWARD_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "SANCTION", "REQUEST", "MOBILIZE"})


def _aimed_at_itself(role: Roles, match: VerbMatch) -> bool:
    """ "Netanyahu declared that Israel was at war": a threat whose only named target is
    the source's own state names no target at all."""
    if match.pattern.plover not in OUTWARD_TYPES or not role.target or role.target == role.source:
        return False
    if len({a.country for a in role.source if a.country}) != 1:
        return False
    return all(a.kind in ("country", "capital", "seat") and _same_state(a, role.source) for a in role.target)


def _same_state(actor: Actor, source: list[Actor]) -> bool:
    return bool(actor.country) and actor.country in {a.country for a in source}


def _self_by_pronoun(role: Roles) -> bool:
    own = {a.country or a.org for a in role.source}
    return bool(role.target) and all(a.kind == "pronoun" and (a.country or a.org) in own for a in role.target)


def _inflection(sentence: Sentence, match: VerbMatch) -> str:
    """ "withdrew" (past), "sign" (bare), "signing": the form of a verb."""
    word = sentence.tokens[match.start].lower
    if word.endswith("ing"):
        return "ing"
    return "bare" if word == match.pattern.verb.split()[0] else "finite"


def _without_noun_echoes(events: list[Event], sentence: Sentence) -> list[Event]:
    """A noun event that repeats a verb event of the sentence ("will travel to Cairo for
    his first state visit") is the same event said twice."""
    nouns = {v.start for v in sentence.verbs if v.pattern.noun}
    verbs = [e for e in events if e.trigger_start not in {sentence.tokens[n].start for n in nouns}]
    keys = {(e.plover, tuple(a.country or a.org for a in e.source)) for e in verbs}
    noun_starts = {sentence.tokens[n].start for n in nouns}
    return [e for e in events if e.trigger_start not in noun_starts or (e.plover, tuple(a.country or a.org for a in e.source)) not in keys]


def _nearest_date(sentence: Sentence, match: VerbMatch) -> DateMention | None:
    """The resolved date expression closest to the verb, in tokens."""
    resolved = [d for d in sentence.dates if d.value is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda d: min(abs(d.start - match.start), abs(d.end - match.start)))
