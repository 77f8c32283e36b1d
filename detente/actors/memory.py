"""Document memory: resolve what a sentence alone cannot.

It walks the document in order and remembers, for the rest of the document:
- people by surname, from the dictionary or from the text's own description
  ("Anatoly Antonov, the Russian ambassador" makes "Antonov" RUS GOV);
- the state of each role noun ("the U.S. Embassy" makes a later "the embassy" USA);
- the last person and the last body named, for "his embassy", "he" and "it".
"The administration" or "the government" with nothing to go on is the state of the
dateline. When memory cannot decide, the actor stays unresolved rather than guessed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from detente.actors.resolver import GROUP_SIZES
from detente.lexicon import Lexicon
from detente.model import Actor, Document, Sentence

#: Role nouns that, with nothing else to go on, mean the government the story is about.
HOME_GOVERNMENT_HEADS = frozenset({"administration", "government", "cabinet", "regime", "authority", "authorities", "junta", "military junta", "military council", "ruling council", "transitional council", "sovereign council"})

#: Offices that, named bare in a story with a dateline, are that state's.
HOME_OFFICE_HEADS = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "foreign minister", "defence minister", "defense minister", "interior minister", "government spokesman", "spokesman", "spokeswoman"})

#: States whose names put the family name first: "Wang Yi" is Mr Wang, "Kim Jong Un" Mr Kim.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "PRK", "KOR", "VNM", "KHM", "MMR"})

#: Sectors of groups that act inside one state: protesters, police, courts, unions.
DOMESTIC_SECTORS = frozenset({"CVL", "OPP", "COP", "JUD", "LAB", "EDU", "REL", "HLH", "PTY", "CRM", "LEG"})


@dataclass
class _Identity:
    country: str | None
    org: str | None
    sector: str | None

    @classmethod
    def of(cls, actor: Actor) -> "_Identity":
        return cls(actor.country, actor.org, actor.sector)

    def apply(self, actor: Actor, keep_sector: bool = False) -> None:
        actor.country, actor.org = self.country, self.org
        if not (keep_sector and actor.sector):
            actor.sector = self.sector


@dataclass
class DocumentMemory:
    """What the document has said so far about who is who."""

    lexicon: Lexicon
    home_country: str | None = None
    surnames: dict[str, _Identity] = field(default_factory=dict)
    heads: dict[str, _Identity] = field(default_factory=dict)
    last_human: Actor | None = None
    last_bodies: list[Actor] = field(default_factory=list)
    plurals: list[tuple[int, Actor]] = field(default_factory=list)  # (sentence index, plural group)
    mentions: Counter = field(default_factory=Counter)  # states named so far
    named: list[str] = field(default_factory=list)  # states named so far, in order
    state_lists: list[tuple[int, list[str]]] = field(default_factory=list)  # (sentence index, "Spain, Ireland and Norway")
    last_org: str | None = None
    last_org_at: int = -1  # the sentence that named it
    last_place_country: str | None = None  # of the last place named in an earlier sentence
    sentence_index: int = 0

    def resolve(self, sentence: Sentence) -> None:
        self.sentence_index = sentence.index
        self._add_known_surnames(sentence)
        self._link_appositions(sentence)
        located = self.lexicon["location_prepositions"]
        self._remember_state_lists(sentence)  # before pronouns: "France, Germany and Britain said they ..."
        for actor in sentence.actors:
            if not actor.resolved:
                self._resolve_one(sentence, actor)
            if not actor.resolved and actor.kind == "sector" and actor.sector == "NGO" and actor.head != "humanitarian":
                actor.org = "NGO"  # "rights groups", "aid agencies": the contract's generic code
            in_place = actor.start > 0 and self._after_preposition(sentence, actor, located)
            self._remember(actor, in_place)
        placed = [p.country for p in sentence.places if p.country]
        if placed:
            self.last_place_country = placed[-1]

    def _after_preposition(self, sentence: Sentence, actor: Actor, located: frozenset[str]) -> bool:
        """ "the embassy in Moscow", "pressure from the European Union": not what a later
        "it" points back to, which is most often a subject."""
        at = actor.start - 1
        if at > 0 and sentence.tokens[at].lower == "the":
            at -= 1
        word = sentence.tokens[at].lower
        return word in located or word in ("from", "by", "against", "on", "with")

    def _remember_state_lists(self, sentence: Sentence) -> None:
        """Lists of two or more states named together: "Spain, Ireland and Norway"."""
        run: list[Actor] = []
        for actor in sentence.actors:
            joined = run and [t.lower for t in sentence.tokens[run[-1].end : actor.start]] in ([","], ["and"], [",", "and"], ["or"])
            if not (actor.country and actor.kind in ("country", "capital", "demonym", "composed") and not actor.companions):
                joined, actor = False, None
            if joined:
                run.append(actor)
                continue
            self._add_state_list(run)
            run = [actor] if actor else []
        self._add_state_list(run)

    def _add_state_list(self, run: list[Actor]) -> None:
        codes = list(dict.fromkeys(a.country for a in run))
        if len(codes) >= 2:
            self.state_lists.append((self.sentence_index, codes))

    def _add_known_surnames(self, sentence: Sentence) -> None:
        """ "Volkov said": a surname the document has introduced is a mention too."""
        covered = {i for a in sentence.actors for i in range(a.start, a.end)}
        added = [
            Actor(t.text, i, i + 1, "name", human=True)
            for i, t in enumerate(sentence.tokens)
            if i not in covered and t.norm in self.surnames and t.norm[:1].isupper()
        ]
        if added:
            sentence.actors = sorted(sentence.actors + added, key=lambda a: a.start)

    def _resolve_one(self, sentence: Sentence, actor: Actor) -> None:
        if actor.kind == "group":
            self._resolve_group(actor)
            return
        if actor.kind in ("name", "person"):
            name = actor.person or actor.text
            identity = self.surnames.get(name) or self.surnames.get(name.split()[-1].strip("."))
        elif actor.kind == "pronoun":
            identity = self._pronoun(sentence, actor)
        elif actor.possessor in ("his", "her"):
            human = self.last_human
            identity = _Identity(human.country, human.org, None) if human and human.resolved else None
        elif actor.possessor == "their" and self._listed_states():
            _as_group(actor, self._listed_states())  # "the three countries ... their envoys"
            identity = None
        elif actor.possessor == "its":
            bodies = [b for b in self.last_bodies if b.resolved]
            identity = _Identity(bodies[-1].country, bodies[-1].org, None) if bodies else None
        elif actor.kind == "composed" and actor.person:
            name = actor.person
            identity = self.surnames.get(name) or self.surnames.get(name.split()[-1]) or self._official(actor)
        elif actor.head and not actor.possessor and _singular(actor):
            identity = self.heads.get(actor.head) or self._home(actor) or self._local(sentence, actor) or self._official(actor) or self._last_org(actor)
        elif actor.head and not actor.possessor:
            identity = self._local(sentence, actor) or (self._home(actor) if actor.head in HOME_GOVERNMENT_HEADS else None) or self._definite_plural(sentence, actor)
        else:
            identity = None
        if identity and (identity.country or identity.org):
            identity.apply(actor, keep_sector=actor.kind != "name")

    def _resolve_group(self, actor: Actor) -> None:
        """ "the two leaders", "both sides": the last two states the story named; "the
        three countries": the last list of three states, else the last three named."""
        size = next((GROUP_SIZES[w] for w in actor.text.lower().split() if w in GROUP_SIZES), 2)
        listed = next((codes for _, codes in reversed(self.state_lists) if len(codes) == size), None)
        recent: list[str] = []
        for code in reversed(self.named):
            if code not in recent:
                recent.append(code)
            if len(recent) == size:
                break
        members = listed or list(reversed(recent))
        if len(members) == size:
            _as_group(actor, members)

    def _listed_states(self) -> list[str] | None:
        """The states of a list named in this or the last sentence."""
        recent = [codes for at, codes in self.state_lists if at >= self.sentence_index - 1]
        return recent[-1] if recent else None

    def _definite_plural(self, sentence: Sentence, actor: Actor) -> _Identity | None:
        """ "expelled 40 Russian diplomats ... accused the diplomats": the same ones."""
        if actor.start == 0 or sentence.tokens[actor.start - 1].lower not in ("the", "these", "those"):
            return None
        return next((_Identity.of(a) for _, a in reversed(self.plurals) if a.head == actor.head and a.resolved), None)

    def _plural_pronoun(self) -> _Identity | None:
        """ "they": the plural groups of this and the last sentence, if all of one state."""
        recent = [a for at, a in self.plurals if at >= self.sentence_index - 1]
        owners = {(a.country, a.org) for a in recent}
        if not recent and self.last_org and self.last_org_at >= self.sentence_index - 1:
            return _Identity(None, self.last_org, None)  # "The Taliban said they would not attend"
        return _Identity.of(recent[-1]) if len(owners) == 1 else None

    def _local(self, sentence: Sentence, actor: Actor) -> _Identity | None:
        """ "Protesters marched through Hong Kong", "police arrested 994 people" in a
        story from Paris: domestic groups belong to the one state where the sentence
        happens, or else to the dateline's state."""
        if actor.sector not in DOMESTIC_SECTORS:
            return None
        own_place = next((p for p in sentence.places if p.country and p.start == actor.end + 1 and sentence.tokens[actor.end].lower in ("in", "from")), None)
        if own_place is not None:
            return _Identity(own_place.country, None, actor.sector)  # "protesters in Baghdad", "police in Karachi"
        countries = {p.country for p in sentence.places if p.country}
        if len(countries) == 1:
            return _Identity(countries.pop(), None, actor.sector)
        home = self._topic_country() or self.last_place_country  # "Police fired tear gas" in a story about Hong Kong
        if not countries and home:
            return _Identity(home, None, actor.sector)
        return None

    def _last_org(self, actor: Actor) -> _Identity | None:
        """ "the bloc", "the alliance": the organisation the story named last."""
        if actor.sector != "IGO":
            return None
        return _Identity(None, self.last_org, "IGO") if self.last_org else None

    def _official(self, actor: Actor) -> _Identity | None:
        """ "Finance Minister Yanis Varoufakis" in a story about one state: its minister."""
        home = self._topic_country()
        if actor.kind == "composed" and actor.person and actor.sector == "GOV" and home:
            return _Identity(home, None, actor.sector)
        return None

    def _home(self, actor: Actor) -> _Identity | None:
        home = self._topic_country()
        if actor.head in HOME_GOVERNMENT_HEADS and home:
            return _Identity(home, None, actor.sector)
        if actor.head in HOME_OFFICE_HEADS and self.home_country:
            return _Identity(self.home_country, None, actor.sector)  # "the president" in a story from Santiago
        return None

    def _topic_country(self) -> str | None:
        """The state the story is about: its dateline's, or else the state named most
        so far, if it is named at least twice and clearly more than any other."""
        if self.home_country:
            return self.home_country
        ranked = self.mentions.most_common(2)
        if not ranked or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    def _pronoun(self, sentence: Sentence, actor: Actor) -> _Identity | None:
        if actor.head in self.lexicon["pronouns_plural"]:
            listed = self._listed_states()
            same_sentence = bool(self.state_lists) and self.state_lists[-1][0] == self.sentence_index
            if listed and (actor.head == "them" or same_sentence or self._plural_pronoun() is None):
                _as_group(actor, listed)  # "Spain, Ireland and Norway ... accused them"
                return None
            return self._plural_pronoun()
        if actor.human:
            human = self.last_human
            return _Identity.of(human) if human and human.resolved else None
        candidates = [b for b in self.last_bodies if b.resolved]
        before = [t.lower for t in sentence.tokens[max(0, actor.start - 2) : actor.start]]
        if before and before[-1] == "that" and len(before) == 2 and before[0] in self.lexicon["causative_verbs"]:
            candidates = candidates[:-1]  # "X ordered that it ...": it is not X
        return _Identity.of(candidates[-1]) if candidates else None

    def _remember(self, actor: Actor, in_place: bool = False) -> None:
        if actor.country and actor.kind in ("country", "capital", "seat", "demonym", "composed", "people", "person"):
            self.mentions[actor.country] += 1
            self.named.append(actor.country)
        if not actor.resolved:
            if actor.human and actor.kind in ("name", "person"):
                self.last_human = actor  # "he" after an unknown person is not someone earlier
            return
        if actor.org in ("NGO", "IGO") and actor.kind == "sector":
            return  # "rights groups": no antecedent for a later "it" or "the organisation"
        identity = _Identity.of(actor)
        if actor.org:
            self.last_org, self.last_org_at = actor.org, self.sentence_index
        if actor.person or actor.kind == "name":
            name = actor.person or actor.text
            self.surnames[name] = identity
            self.surnames[name.split()[-1].strip(".")] = identity
            surname = [w for w in name.split() if w not in ("Jr.", "Sr.", "Jr", "Sr")]
            if surname:
                self.surnames[surname[-1]] = identity
            if actor.country in FAMILY_NAME_FIRST and len(surname) in (2, 3):
                self.surnames.setdefault(surname[0], identity)  # "Wang Yi" ... "Wang said"
        if actor.head and actor.country:
            self.heads[actor.head] = identity
        if actor.head and actor.kind != "pronoun" and not _singular(actor):
            self.plurals.append((self.sentence_index, actor))
        if actor.human:
            self.last_human = actor
        elif not in_place:  # "the embassy in Moscow said it": it is the embassy, not Moscow
            self.last_bodies.append(actor)

    def _link_appositions(self, sentence: Sentence) -> None:
        """ "Anatoly Antonov, the Russian ambassador" / "the ambassador, Jon Huntsman"."""
        actors = sentence.actors
        for left, right in zip(actors, actors[1:]):
            gap = [t.lower for t in sentence.tokens[left.end : right.start]]
            if gap not in ([","], [",", "the"], [",", "a"], ["as"]) and not (gap[-1:] == ["as"] and len(gap) <= 3):
                continue  # "Anatoly Antonov, the Russian ambassador"; "Rajapaksa resigned as Sri Lanka's president"
            name, role = (left, right) if left.kind in ("name", "person") else (right, left)
            if name.kind not in ("name", "person") or role.kind not in ("sector", "composed"):
                continue
            if role.resolved and not name.resolved:
                _Identity.of(role).apply(name)
            elif name.resolved and not role.resolved:
                _Identity(name.country, name.org, role.sector).apply(role)


def _as_group(actor: Actor, codes: list[str]) -> None:
    """Make `actor` stand for several states: the first its own, the rest companions."""
    actor.country = codes[0]
    actor.companions = [Actor(actor.text, actor.start, actor.end, "group", country=code, sector=actor.sector) for code in codes[1:]]


def _singular(actor: Actor) -> bool:
    """ "the embassy", not "diplomats": only a singular role noun points back to one body."""
    return actor.text.lower().endswith(actor.head)


def resolve_document(document: Document, lexicon: Lexicon) -> Document:
    """Run document memory over every sentence, in order."""
    memory = DocumentMemory(lexicon, home_country=document.dateline_country)
    for sentence in document.sentences:
        memory.resolve(sentence)
    return document
