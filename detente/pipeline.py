"""The pipeline: named steps, each `Document -> Document`, over shared resources.

    sentences -> dateline -> dates -> quantities -> actors -> places -> memory -> verbs -> events

`Pipeline.default()` loads the bundled dictionaries once; a pipeline is then reused for
any number of documents. Steps can be listed, removed or replaced by name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from detente.actors.ambiguity import AmbiguityRules
from detente.actors.dictionary import ActorDictionary
from detente.actors.memory import resolve_document
from detente.actors.resolver import ActorResolver
from detente.coding.clauses import ClauseReader
from detente.coding.contexts import ContextTagger
from detente.coding.modes import ModeCues
from detente.coding.coder import EventCoder
from detente.coding.ontology import Ontology
from detente.coding.patterns import PatternIndex
from detente.coding.status import StatusReader
from detente.coding.verbs import VerbFinder
from detente.config import KEEP_UNRESOLVED_SOURCE
from detente.lexicon import Lexicon
from detente.model import Document, Sentence
from detente.nlp.dates import find_dates
from detente.nlp.places import Gazetteer, Place, find_places
from detente.nlp.quantities import find_quantities
from detente.nlp.sentences import split_sentences

Step = Callable[[Document], Document]

_DATELINE_RE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


@dataclass
class Resources:
    """Everything the steps read: loaded once, shared by every document."""

    lexicon: Lexicon
    actors: ActorDictionary
    patterns: PatternIndex
    ontology: Ontology
    gazetteer: Gazetteer
    ambiguity: AmbiguityRules
    contexts: ContextTagger
    modes: ModeCues
    @classmethod
    def bundled(cls) -> "Resources":
        lexicon = Lexicon.load()
        actors = ActorDictionary.load(non_human_heads=lexicon["non_human_heads"])
        ontology = Ontology.bundled()
        gazetteer = Gazetteer.bundled().copy()  # the cached one stays untouched
        for code, name in actors.names.items():
            if len(code) == 3 and code.isalpha():
                gazetteer.add(name, Place(name, code, None, None, 10**10))
        for name in actors.non_places:
            gazetteer.remove(name)  # "White House" is a seat of power, not a town
        patterns = PatternIndex.load(ontology=ontology)
        return cls(lexicon, actors, patterns, ontology, gazetteer, AmbiguityRules.load(), ContextTagger.load(), ModeCues.load(ontology=ontology))


@dataclass
class Pipeline:
    """An ordered list of named steps."""

    steps: list[tuple[str, Step]] = field(default_factory=list)

    @classmethod
    def default(cls, resources: Resources | None = None, keep_unresolved_source: bool = KEEP_UNRESOLVED_SOURCE) -> "Pipeline":
        r = resources or Resources.bundled()
        resolver = ActorResolver(r.actors, r.lexicon, r.gazetteer.__contains__, r.ambiguity, frozenset(r.patterns.by_form))
        verbs = VerbFinder(r.patterns, r.lexicon)
        coder = EventCoder(ClauseReader(r.lexicon), StatusReader(r.lexicon), r.ontology, r.contexts, r.modes, keep_unresolved_source)

        def sentences(doc: Document) -> Document:
            doc.sentences = split_sentences(doc.text)
            return doc

        def dateline(doc: Document) -> Document:
            doc.dateline_country = _dateline_country(doc, r)
            return doc

        def places(doc: Document) -> Document:
            mentioned = frozenset(a.country for s in doc.sentences for a in s.actors if a.country)
            for s in doc.sentences:
                s.places = find_places(s, r.gazetteer, r.lexicon, mentioned)
            return doc

        def memory(doc: Document) -> Document:
            return resolve_document(doc, r.lexicon)

        return cls([
            ("sentences", sentences),
            ("dateline", dateline),
            ("dates", per_sentence("dates", lambda s, doc: find_dates(s, doc.date))),
            ("quantities", per_sentence("quantities", lambda s, doc: find_quantities(s, r.lexicon))),
            ("actors", per_sentence("actors", lambda s, doc: resolver(s, doc.date))),
            ("places", places),
            ("memory", memory),
            ("verbs", per_sentence("verbs", lambda s, doc: verbs(s))),
            ("events", coder),
        ])

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def __call__(self, document: Document) -> Document:
        for _, step in self.steps:
            document = step(document)
        return document

    def without(self, name: str) -> "Pipeline":
        return Pipeline([(n, s) for n, s in self.steps if n != name])

    def replace(self, name: str, step: Step) -> "Pipeline":
        if name not in self.names:
            raise KeyError(f"no step named {name!r}; steps are {', '.join(self.names)}")
        return Pipeline([(n, step if n == name else s) for n, s in self.steps])


def per_sentence(attribute: str, find: Callable[[Sentence, Document], list]) -> Step:
    """A step that fills one list attribute of every sentence."""

    def step(doc: Document) -> Document:
        for sentence in doc.sentences:
            setattr(sentence, attribute, find(sentence, doc))
        return doc

    step.__name__ = attribute
    return step


def _dateline_country(doc: Document, resources: Resources) -> str | None:
    """ "WASHINGTON —" at the start of the text: the state the story is filed from."""
    for paragraph in doc.text.split("\n\n", 3)[:3]:
        match = _DATELINE_RE.match(paragraph)
        if match:
            found = resources.gazetteer.get(match["place"].strip().title())
            return found.country if found else None
    return None
