"""Coding documents with TABARI/PETRARCH dictionaries: `detente code --dict DIR`.

`TabariStep` is a pipeline step (``Document -> Document``) that codes every sentence with a
`TabariCoder` and adds detente `Event` records:

* ``source`` and ``target`` hold one actor each, with the words that name it and its
  dictionary code in ``code`` (``country``, ``org`` and ``sector`` stay empty: a TABARI
  code is not split). A paired code's reverse event is an event of its own.
* ``cameo`` is the dictionary's event code as written. When it is a CAMEO code,
  ``goldstein`` is its weight and ``plover`` the PLOVER type of its CAMEO root (`PLOVER_OF_ROOT`,
  the type most of detente's own patterns with that root have); otherwise both are null.
* ``status`` is ``asserted`` (TABARI has no negation or modality); ``pattern`` is the
  ``file:line`` of the pattern, verb line or block that gave the code.
* A story discard stops every event of the document; a sentence discard, the sentence's.

`tabari_pipeline` builds ``--dict DIR`` (these dictionaries instead of detente's) and
``--dict +DIR`` (detente's pipeline, then this step: the union of both coders' events).
"""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from detente.compat.clauses import STORY
from detente.compat.coder import CodedActor, CodedEvent, TabariCoder
from detente.compat.tabari import load_tabari_dictionaries
from detente.model import Actor, Document, Event, Sentence
from detente.nlp.sentences import split_sentences

#: CAMEO root -> PLOVER type. Root 01 (public statements) has none.
PLOVER_OF_ROOT = MappingProxyType({
    "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
})


class TabariStep:
    """A pipeline step adding the events a `TabariCoder` finds in each sentence."""

    def __init__(self, coder: TabariCoder, cameo: dict[str, float | None]):
        self.coder = coder
        self.cameo = cameo  # CAMEO code -> Goldstein weight (None when it has none)
        verbs = coder.dictionaries.files.get("verbs")
        self.verbs_file = verbs.name if verbs else "verbs"

    def __call__(self, document: Document) -> Document:
        if not document.sentences:
            document.sentences = split_sentences(document.text)
        found: list[Event] = []
        for sentence in document.sentences:
            coded = self.coder.code(sentence.text, document.date)
            if coded.discarded == STORY:
                return document
            found += [self._event(document, sentence, event) for event in coded.events]
        document.events = document.events + found
        return document

    def _event(self, document: Document, sentence: Sentence, event: CodedEvent) -> Event:
        code = event.code
        known = code in self.cameo
        return Event(
            doc_id=document.id, sentence=sentence.index, sentence_text=sentence.text,
            source=_actors(sentence, event.source), target=_actors(sentence, event.target),
            plover=PLOVER_OF_ROOT.get(code[:2]) if known else None, mode=None, cameo=code,
            goldstein=self.cameo.get(code) if known else None, status="asserted", date=document.date,
            quantity=None, location=None, trigger_text=sentence.text[event.verb_start:event.verb_end],
            trigger_start=event.verb_start, trigger_end=event.verb_end,
            pattern=f"{self.verbs_file}:{event.line}",
        )


def _actors(sentence: Sentence, actor: CodedActor) -> list[Actor]:
    if actor.code == "---" and actor.start == actor.end:
        return []
    return [Actor(sentence.text[actor.start:actor.end], 0, 0, "tabari", code=actor.code)]


def tabari_pipeline(spec: str, keep_unresolved_source: bool = False):
    """The pipeline of ``--dict DIR`` (`spec` is DIR) or ``--dict +DIR``."""
    from detente.coding.ontology import Ontology
    from detente.pipeline import Pipeline

    union = spec.startswith("+")
    dictionaries = load_tabari_dictionaries(Path(spec[1:] if union else spec))
    ontology = Ontology.bundled()
    cameo = {code: ontology.goldstein_of(code) for code in ontology.cameo_names}
    step = TabariStep(TabariCoder(dictionaries), cameo)
    if union:
        return Pipeline([*Pipeline.default(keep_unresolved_source=keep_unresolved_source).steps, ("tabari", step)])
    return Pipeline([("sentences", _sentences), ("tabari", step)])


def record_coder(spec: str):
    """A function coding a validation record (`detente.compat.records.Record`) into its set
    of triples with ``--dict DIR`` (`spec` is DIR) or ``--dict +DIR`` (the union with the
    triples of detente's own events, `event_triples`). Each record is coded with the
    options in force for it."""
    from detente.pipeline import Pipeline

    union = spec.startswith("+")
    coder = TabariCoder(load_tabari_dictionaries(Path(spec[1:] if union else spec)))
    builtin = Pipeline.default() if union else None

    def code(record) -> frozenset[tuple[str, str, str]]:
        triples = {event.triple for event in coder.code(record.text, record.date, record.options).events}
        if builtin is not None:
            document = builtin(Document(id=record.id, text=record.text, date=record.date))
            triples |= {triple for event in document.events for triple in event_triples(event)}
        return frozenset(triples)

    return code


def _sentences(document: Document) -> Document:
    document.sentences = split_sentences(document.text)
    return document


def event_triples(event: Event) -> set[tuple[str, str, str]]:
    """The (source, target, code) triples of an event, in TABARI style: an actor's code, or
    its country or organisation and sector run together (RUS + GOV: RUSGOV)."""
    return {(_code(s), _code(t), event.cameo) for s in event.source or [None] for t in event.target or [None]}


def _code(actor: Actor | None) -> str:
    if actor is None:
        return "---"
    return actor.code or (actor.country or actor.org or "---") + (actor.sector or "")
