"""PLOVER's rules that change an event's type once it is coded: a future cooperative act
is an intention (AGREE), a conditional conflict act announced by its source a threat, a
refused cooperative act a REJECT, forces sent to help AID, quitting a body a SANCTION."""
from __future__ import annotations

from detente.coding.ontology import Ontology
from detente.model import Event, Sentence, VerbMatch

#: PLOVER 2.0: cooperative acts reported in the future are intentions (AGREE), and announced
#: future retreats are concessions (CONCEDE). CAMEO codes of the intentions they become.
INTENTIONS = {"CONSULT": ("AGREE", "036"), "SUPPORT": ("AGREE", "030"), "COOPERATE": ("AGREE", "031"), "AID": ("AGREE", "033"), "RETREAT": ("CONCEDE", "080")}


#: Conflict acts made conditional ("would reimpose sanctions unless ...") are threats.
CONDITIONAL_THREATS = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "restrict", "MOBILIZE": "violence"}


def as_threat(event: Event, sentence: Sentence, match: VerbMatch, ontology: Ontology, lexicon) -> Event:
    """ "Washington said it would reimpose oil sanctions on Venezuela unless ...": a
    conditional act announced by its own source is a THREATEN event, and so is an attack
    it announces it may make ("said it was examining a plan to fire missiles at Guam")."""
    if event.plover not in CONDITIONAL_THREATS or event.status not in ("future", "hypothetical"):
        return event
    if not any(t.lower in lexicon["speech_verbs"] for t in sentence.tokens[: match.start]):
        return event
    following = {t.lower for t in sentence.tokens[match.end :]}
    preceding = [t.lower for t in sentence.tokens[max(0, match.start - 5) : match.start]]
    conditional = bool({"unless", "if"} & following) and "if" not in preceding and "unless" not in preceding
    if not (conditional or _own_attack_plan(event, sentence)):
        return event
    event.mode = "expel" if event.mode == "expel" else CONDITIONAL_THREATS[event.plover]
    event.plover, event.cameo, event.status = "THREATEN", "130", "asserted"
    event.goldstein = ontology.goldstein_of("130")
    return event


def _own_attack_plan(event: Event, sentence: Sentence) -> bool:
    """ "North Korea said it was examining a plan to fire missiles at Guam": an attack a
    state announces it may make on a named other is a threat."""
    if event.plover != "ASSAULT" or not event.target or not sentence.actors:
        return False
    speaker = sentence.actors[0].country
    return bool(speaker) and speaker in {a.country for a in event.source} and speaker not in {a.country for a in event.target}


def as_assistance(event: Event, sentence: Sentence, ontology: Ontology, lexicon) -> Event:
    """ "Kenya sent 400 police officers to Haiti", "deployed troops to Mozambique to help
    fight an insurgency": forces sent to another state to help it are AID (CAMEO 074,
    military protection or peacekeeping), not a MOBILIZE against it. A state quitting an
    organisation ("would withdraw from OPEC") reduces relations: SANCTION, not RETREAT."""
    own = {a.country for a in event.source if a.country}
    foreign = [a for a in event.target if a.country and a.country not in own]
    if event.plover == "MOBILIZE" and foreign and event.mode in (None, "troops", "police"):
        helping = lexicon.occurs_in("assistance_cues", sentence.lowers)
        police = any(t.lower in ("police", "officers", "peacekeepers") for t in sentence.tokens[event_token(sentence, event) :][:6])
        if helping or police:
            event.plover, event.mode, event.cameo = "AID", None, "074"
            event.goldstein = ontology.goldstein_of("074")
    quits = event.trigger_text.lower().startswith(("withdr", "pull", "quit", "leav", "left", "exit"))
    bodies = event.target and all(a.org and a.org not in ("NGO", "IGO") and not a.country for a in event.target)
    following = sentence.lowers[event_token(sentence, event) :][:12]
    deal = any(w in ("deal", "agreement", "treaty", "accord", "pact", "convention") for w in following)  # "pulled out of the nuclear deal"
    if event.plover == "RETREAT" and quits and (bodies or deal) and not any(a.sector == "MIL" for a in event.source):
        event.plover, event.mode, event.cameo = "SANCTION", "withdraw", "160"
        event.goldstein = ontology.goldstein_of("160")
    return event


def event_token(sentence: Sentence, event: Event) -> int:
    return next((i for i, t in enumerate(sentence.tokens) if t.start == event.trigger_start), 0)


def as_intention(event: Event, ontology: Ontology) -> Event:
    """A future CONSULT, SUPPORT, COOPERATE or AID is AGREE; a future RETREAT is CONCEDE.
    Military exercises by two or more states together are COOPERATE, not MOBILIZE, and a
    state's "protest" is a diplomatic one: ACCUSE, not PROTEST (PLOVER 2.0)."""
    states = {a.country for a in event.source if a.country}
    if event.plover == "PROTEST" and event.trigger_text.lower().startswith("protest") and all(a.sector == "GOV" or a.kind in ("country", "capital", "seat") for a in event.source):
        event.plover, event.mode, event.cameo = "ACCUSE", "disapprove", "114"
        event.goldstein = ontology.goldstein_of("114")
    if event.plover == "MOBILIZE" and event.mode in (None, "troops") and len(states) >= 2:
        event.plover, event.mode, event.cameo = "COOPERATE", None, "062"
        event.goldstein = ontology.goldstein_of("062")
    if event.plover == "SANCTION" and event.mode == "withdraw" and any(a.sector == "MIL" for a in event.source):
        event.plover, event.cameo = "RETREAT", "0874"  # "Russian forces completed their withdrawal": a military retreat
        event.goldstein = ontology.goldstein_of("0874")
    if event.plover == "ASSAULT" and event.source and all(a.sector == "CVL" for a in event.source):
        event.plover, event.mode, event.cameo = "PROTEST", "riot", "145"  # rioters torching cars: a violent protest
        event.goldstein = ontology.goldstein_of("145")
    if event.plover == "THREATEN" and event.status == "future":
        event.status = "asserted"  # "said it would respond": the threat is made now
    if event.status != "future" or event.plover not in INTENTIONS:
        return event
    event.plover, event.cameo = INTENTIONS[event.plover]
    event.mode = None
    event.goldstein = ontology.goldstein_of(event.cameo)
    return event


#: A refused cooperative act is a REJECT (PLOVER's rules), with the mode its kind calls for.
REFUSALS = {"CONSULT": ("meet", "125"), "AGREE": (None, "120"), "SUPPORT": (None, "120"), "COOPERATE": ("assist", "121"), "AID": ("assist", "122"), "RETREAT": ("yield", "124"), "CONCEDE": ("yield", "124")}


def as_refusal(event: Event, sentence: Sentence, match: VerbMatch, ontology: Ontology, lexicon) -> Event:
    """ "would not negotiate", "refused to receive a delegation", "did not accept offers of
    help": a cooperative act refused is a REJECT; "did not meet", "has not ratified" say
    that something did not happen, and stay negated."""
    if event.status != "negated" or event.plover not in REFUSALS:
        return event
    dated = {i for d in sentence.dates for i in range(d.start, d.end)}
    lowers = [t.lower for i, t in enumerate(sentence.tokens[max(0, match.start - 6) : match.start], max(0, match.start - 6)) if i not in dated]
    refusing = any(lexicon.phrase_ending_at("refusals", lowers, end) is not None for end in range(1, len(lowers) + 1))
    verb = match.pattern.verb.split()[0]
    past = any(w in lexicon["past_auxiliaries"] for w in lowers)  # "did not meet": it did not happen
    if not (refusing or verb in lexicon["response_verbs"] or verb in lexicon["refusable_verbs"] and not past):
        return event
    event.mode, event.cameo = REFUSALS[event.plover]
    event.plover, event.status = "REJECT", "asserted"
    event.goldstein = ontology.goldstein_of(event.cameo)
    return event
