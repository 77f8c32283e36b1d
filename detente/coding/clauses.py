"""Who did it and to whom: the source and target of each verb in a sentence.

The rules, in order:
- passive ("diplomats were harassed by U.S. agencies"): the subject is the target,
  the "by" phrase the source;
- causative ("the Kremlin ordered that it dispense with ...", "X forced Y to leave"):
  the one who orders is the source, the one ordered the target;
- coordinated or adjunct verbs ("responded by ordering out ... and closing ...",
  ", accusing Moscow of ...") share the subject of the verb they follow;
- otherwise the subject is the nearest actor to the left in the clause that is not
  inside a prepositional phrase, and the target the first actor to the right.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from detente.coding.discourse import is_speaker, place_after, sole_state
from detente.lexicon import Lexicon
from detente.model import Actor, Sentence, VerbMatch

NOUN_PHRASE_WINDOW = 12
NOUN_PHRASE_STOPS = frozenset({"of", "by", "against", "on", "to", "with", "between", "over", "in", "and", "or", "was", "were", "is", "are", "has", "had", "that", "which"})
QUANTIFIERS = frozenset({"thousands", "hundreds", "dozens", "tens", "millions", "scores", "many", "some", "most", "all", "several", "both", "none", "each", "one", "two", "three", "group", "groups", "number", "crowd", "crowds"})
COORDINATORS = frozenset({"and", "or", ",", "then", "also", "but"})
#: Sectors of society, as against the state: their acts may be aimed at their own government.
SOCIETY_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "MED", "BUS", "NGO", "PTY", "REF", "HLH"})
TARGET_STOPS = frozenset({";", ":", "-", "that", "which", "who", "whom", "whose", "because", "while", "after", "before", "when", "as", "but", "."})


@dataclass
class Roles:
    """The actors of one verb and how they were found."""

    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    inherited_from: VerbMatch | None = None


@dataclass
class ClauseReader:
    lexicon: Lexicon

    def read(self, sentence: Sentence) -> dict[int, Roles]:
        """Roles of every verb match in the sentence, keyed by the match's start token."""
        roles: dict[int, Roles] = {}
        for match in sentence.verbs:
            roles[match.start] = self._roles(sentence, match, roles)
        self._fill_complement_targets(sentence, roles)
        return roles

    def _roles(self, sentence: Sentence, match: VerbMatch, done: dict[int, Roles]) -> Roles:
        if match.pattern.noun:
            return self._noun_roles(sentence, match)
        if match.passive:
            agent, subject = self._by_agent(sentence, match), self._subject(sentence, match.start)
            if not agent and (match.pattern.plover == "MOBILIZE" or match.pattern.plover == "RETREAT" and any(a.sector == "MIL" for a in subject)):
                if not any(a.resolved for a in subject) and match.pattern.plover == "MOBILIZE":
                    subject = _deploying_state(sentence, match) or subject  # "Soldiers were deployed to the streets of Quito"
                return Roles(subject, [])  # "25,000 troops were deployed", "U.S. troops will be withdrawn": they move
            if not agent and match.pattern.plover == "COERCE":
                agent = _authorities(sentence, match, subject)  # "78 people had been arrested": by the state
            if not agent and match.pattern.plover == "ASSAULT":
                agent = self._opponent(sentence, match)  # "soldiers were killed in a clash with Chinese troops"
            return Roles(agent, subject)
        causative = self._causative(sentence, match)
        if causative:
            return causative
        roles = Roles()
        opener_at = self._opener(sentence, match.start)
        opener = sentence.tokens[opener_at].lower if opener_at is not None else None
        previous = self._previous_verb(sentence, match)
        antecedent = self._closed_relative(sentence, opener_at) if opener == "," else []
        if antecedent:
            roles.source = antecedent  # "Israel, which had recalled its envoys, accused them"
        elif opener == "," and sentence.tokens[match.start].lower.endswith("ing") and self._after_complement(sentence, match.start):
            roles.source = self._clause_subject(sentence, match.start, main_first=True)  # "ruled that Chile ..., rejecting La Paz's claim"
        elif opener in COORDINATORS and previous is not None and previous.start in done:
            roles.source = done[previous.start].source
            roles.inherited_from = previous
            if self._possessive_object(sentence, match):
                roles.target = done[previous.start].target  # "imposed sanctions on PDVSA, freezing its assets"
                return roles
        elif opener == "to" and opener_at and sentence.tokens[opener_at - 1].lower == "and" and previous is not None and previous.start in done:
            roles.source = done[previous.start].source  # "agreed to suspend talks with Turkey and to cut funding"
            roles.inherited_from = previous
        elif opener == "to" and self._purpose_of(sentence, previous, opener_at, done):
            roles.source = done[previous.start].source  # "summoned the Russian ambassador to complain": Moldova complains
        elif opener == "to":
            roles.source = self._infinitive_subject(sentence, match.start)
        elif opener in self.lexicon["adjunct_openers"]:
            roles.source = self._clause_subject(sentence, match.start, main_first=self._after_complement(sentence, match.start))
        else:
            roles.source = self._subject(sentence, match.start)
        roles.target = self._object(sentence, match, roles.source)
        if not roles.target and roles.inherited_from is not None:
            own = {a.country for a in roles.source}
            inherited = done[roles.inherited_from.start].target  # "expelled 60 diplomats and closed the consulate"
            roles.target = inherited if any(a.resolved and a.country not in own for a in inherited) else []
        if match.pattern.inverse:  # "Pakistan received doses of China's vaccine": China gave
            roles.source, roles.target = self._giver(sentence, match), roles.source
        if match.pattern.plover == "PROTEST" and not any(a.resolved for a in roles.source):
            roles.source = _protesters(sentence, match) or roles.source  # "as tens of thousands protested in Yangon"
        if _reciprocal(sentence, match):
            roles.target = list(roles.source)  # "accused each other": both sides, both ways
        return roles

    def _purpose_of(self, sentence: Sentence, previous: VerbMatch | None, to_at: int, done: dict[int, Roles]) -> bool:
        """An infinitive of purpose after a verb's object: its subject is the verb's. Not
        after requests and orders ("urged Serbia to ...", "ordered troops to ...")."""
        if previous is None or previous.start not in done or previous.pattern.noun:
            return False
        lowers = [t.lower for t in sentence.tokens[previous.start : to_at]]
        if any(w in (",", ";", "of", "for") or w in self.lexicon["clause_boundaries"] for w in lowers):
            return False  # "failed to agree after Hungary refused to back", "accused X of trying to coerce"
        governing = self.lexicon["request_verbs"] | self.lexicon["causative_verbs"]
        return lowers[0] not in governing and previous.pattern.plover not in ("REQUEST", "COERCE", "THREATEN")

    def _possessive_object(self, sentence: Sentence, match: VerbMatch) -> bool:
        after = match.particle_at + 1 if match.particle_at is not None else match.end
        return after < len(sentence.tokens) and sentence.tokens[after].lower in ("its", "their")

    # --- subjects -----------------------------------------------------------------

    def object_of(self, sentence: Sentence, match: VerbMatch, source: list[Actor]) -> list[Actor]:
        """The target of a match no pattern made ("refused to accept ...")."""
        return self._object(sentence, match, source)

    def main_subject_of(self, sentence: Sentence, verb_at: int) -> list[Actor]:
        """The subject of the sentence's main clause, for an adjunct ", saying ..."."""
        return self._clause_subject(sentence, verb_at, main_first=True)

    def subject_of(self, sentence: Sentence, verb_at: int) -> list[Actor]:
        """The subject of the word at `verb_at`, for verbs no pattern codes ("said")."""
        return self._subject(sentence, verb_at)

    def _subject(self, sentence: Sentence, before: int) -> list[Actor]:
        """The nearest actor left of `before` in its clause, outside prepositional phrases;
        in a relative clause with no subject of its own, the one it describes."""
        start = self._clause_start(sentence, before)
        for actor in reversed(sentence.actors):
            if start <= actor.start and actor.end <= before and (self._is_subject_like(sentence, actor) or self._owns_the_subject(sentence, actor, before)):
                return self._coordinated(sentence, actor)
        return self._antecedent(sentence, start - 1)

    def _owns_the_subject(self, sentence: Sentence, actor: Actor, verb_at: int) -> bool:
        """ "the International Monetary Fund's board approved": the body acts through its organ."""
        tokens = sentence.tokens
        if actor.end >= len(tokens) or tokens[actor.end].lower != "'s":
            return False
        between = [t.lower for t in tokens[actor.end + 1 : verb_at]]
        return 1 <= len(between) <= 2 and between[-1] in self.lexicon["organ_nouns"]

    def _antecedent(self, sentence: Sentence, pronoun_at: int) -> list[Actor]:
        """ "Israel, which had recalled ...", "Lavrov, who met ...": the actor right
        before the comma that opens a relative clause."""
        tokens = sentence.tokens
        if pronoun_at < 2 or tokens[pronoun_at].lower not in ("which", "who") or tokens[pronoun_at - 1].lower != ",":
            return []
        actor = next((a for a in sentence.actors if a.end == pronoun_at - 1), None)
        return self._coordinated(sentence, actor) if actor else []

    def _closed_relative(self, sentence: Sentence, comma_at: int | None) -> list[Actor]:
        """The antecedent when the comma at `comma_at` closes a relative clause."""
        if comma_at is None:
            return []
        for at in range(comma_at - 1, 0, -1):
            word = sentence.tokens[at].lower
            if word in ("which", "who"):
                return self._antecedent(sentence, at)
            if word in (",", ";", ":"):
                return []
        return []

    def _infinitive_subject(self, sentence: Sentence, before: int) -> list[Actor]:
        """ "X plans to meet": X. After "urged Y ... to", the one urged would act; if
        no actor follows the request verb, nobody known does."""
        start = self._clause_start(sentence, before)
        lowers = sentence.lowers
        requests = [i for i in range(start, before) if lowers[i] in self.lexicon["request_verbs"]]
        if requests:
            after = [a for a in sentence.actors if requests[-1] < a.start and a.end <= before]
            return self._coordinated(sentence, after[0]) if after else []
        return self._subject(sentence, before)

    def _after_complement(self, sentence: Sentence, before: int) -> bool:
        """ "Moldova said that a Russian missile had crossed its airspace, and summoned
        the ambassador": after a "that" clause, ", and" goes back to the main clause."""
        start = self._clause_start(sentence, before)
        return start > 0 and sentence.tokens[start - 1].lower == "that"

    def _clause_subject(self, sentence: Sentence, before: int, main_first: bool = False) -> list[Actor]:
        """The first subject-like actor of the clause (or, failing that, of the sentence)."""
        starts = (0, self._clause_start(sentence, before)) if main_first else (self._clause_start(sentence, before), 0)
        for start in starts:
            for actor in sentence.actors:
                if start <= actor.start and actor.end <= before and self._is_subject_like(sentence, actor):
                    return self._coordinated(sentence, actor)
        return []

    def _opens_a_list(self, sentence: Sentence, actor: Actor) -> bool:
        """Whether a list of actors can start at `actor`: at the clause's start, not
        after a verb or a preposition."""
        at = actor.start - 1
        while at >= 0 and sentence.tokens[at].lower in ("the", "both", "a", "an"):
            at -= 1
        word = sentence.tokens[at].lower if at >= 0 else ""
        return at < 0 or word in (",", "and") or word in self.lexicon["clause_boundaries"] or sentence.tokens[at].norm[:1].isupper() and at == 0

    def _is_subject_like(self, sentence: Sentence, actor: Actor) -> bool:
        tokens = sentence.tokens
        if actor.end < len(tokens) and tokens[actor.end].lower == "'s":
            return False  # "Russia's interference": a possessor, not the doer
        at = actor.start - 1
        skipped_names = 0
        dated = {i for d in sentence.dates for i in range(d.start, d.end)}
        while at >= 0 and (tokens[at].lower in ("the", "a", "an") or tokens[at].lower[:1].isdigit() or at > 0 and at not in dated and tokens[at].norm[:1].isupper() and skipped_names < 2):
            skipped_names += tokens[at].norm[:1].isupper() and tokens[at].lower not in ("the", "a", "an")
            at -= 1  # "the Mercosur bloc of South American countries": still inside "of"
        if at >= 1 and tokens[at].lower == "of" and tokens[at - 1].lower in QUANTIFIERS:
            return True  # "thousands of Serbians protested"
        return at < 0 or tokens[at].lower not in self.lexicon["prepositions"]

    def _clause_start(self, sentence: Sentence, before: int) -> int:
        boundaries = self.lexicon["clause_boundaries"]
        lowers = sentence.lowers
        for at in range(before - 1, -1, -1):
            if lowers[at] in boundaries and not (lowers[at] == "since" and at > 0 and lowers[at - 1] in self.lexicon["have_forms"]):
                return at + 1  # but "India has since moved troops": an adverb
        return 0

    # --- objects and agents ----------------------------------------------------------

    def _object(self, sentence: Sentence, match: VerbMatch, source: list[Actor]) -> list[Actor]:
        end = self.object_end(sentence, match)
        candidates = [a for a in sentence.actors if match.end <= a.start and a.end <= end]
        located = self.lexicon["location_prepositions"]
        if match.pattern.plover == "MOBILIZE":  # "massed troops near Ukraine's border": the troops are its own
            own = {a.country for a in source}
            free = [a for a in candidates if a.sector not in ("MIL", "COP") or a.country and a.country not in own]
        else:
            free = [a for a in candidates if not self._located(sentence, a, located) or a.start - 1 == match.particle_at]
        free = [a for a in free if not is_speaker(sentence, a)]  # "struck what New Delhi said was"
        if not free:
            return []
        chosen = free[0]
        if not chosen.resolved:
            chosen = next((a for a in free if a.resolved), chosen)
        own = source[0].country if source else None
        society = bool(source) and all(a.kind in ("sector", "composed") and a.sector in SOCIETY_SECTORS for a in source)
        if own and not society and chosen.country == own and (chosen.possessor or chosen.sector == "GOV" and not chosen.org):  # "recalled its envoy to the EU": the EU
            chosen = next((a for a in free if a.resolved and a.country != own and a.start > chosen.start), chosen)
        return self._coordinated(sentence, chosen)

    def _located(self, sentence: Sentence, actor: Actor, located: frozenset[str]) -> bool:
        """ "in the United States": a place where something happens, not a party."""
        at = actor.start - 1
        if at >= 0 and sentence.tokens[at].lower == "the":
            at -= 1
        return at >= 0 and sentence.tokens[at].lower in located

    def object_end(self, sentence: Sentence, match: VerbMatch) -> int:
        later = [v.start for v in sentence.verbs if v.start > match.start]
        limit = min(later) if later else len(sentence.tokens)
        lowers = sentence.lowers
        for at in range(match.end, limit):
            if lowers[at] in TARGET_STOPS or lowers[at] == "," and self._ends_clause(lowers, at):
                return at
            if lowers[at] in ("and", "but") and self._speech_follows(lowers[at + 1 : at + 3]):
                return at  # "rejected the proposal and said it would ..."
        return limit

    def _ends_clause(self, lowers: list[str], comma: int) -> bool:
        """A comma before "and"/"but" or before a speech attribution ("..., officials said")."""
        following = lowers[comma + 1 : comma + 11]
        if following[:1] and following[0] in ("and", "but", "while", "although", "though"):
            return True
        return self._speech_follows(following)

    def _speech_follows(self, following: list[str]) -> bool:
        for word in following:
            if word in self.lexicon["speech_verbs"]:
                return True
            if word in (",", ".", ";"):
                return False
        return False

    def _by_agent(self, sentence: Sentence, match: VerbMatch) -> list[Actor]:
        """The "by" phrase of a passive; "killed by a roadside bomb planted by PKK
        militants": when the first "by" names a thing, a second may name its user."""
        after = match.particle_at + 1 if match.particle_at is not None else match.end
        limit = min(len(sentence.tokens), after + 10)
        for at in range(after, limit):
            word = sentence.tokens[at].lower
            if word in (",", ";", ".") or at >= after + 4 and word != "by" and not word.isalpha():
                break
            if word == "by":
                actor = next((a for a in sentence.actors if a.start in (at + 1, at + 2)), None)
                if actor:
                    return self._coordinated(sentence, actor)
        return []

    def _opponent(self, sentence: Sentence, match: VerbMatch) -> list[Actor]:
        """The other side of "in a clash with X", "in fighting with X" after a passive."""
        lowers = sentence.lowers
        for at in range(match.end, min(len(lowers) - 1, match.end + 8)):
            if lowers[at] in (",", ";", "."):
                return []
            if lowers[at] == "with" and any(w in self.lexicon["combat_nouns"] for w in lowers[max(match.end, at - 2) : at]):
                actor = next((a for a in sentence.actors if a.start in (at + 1, at + 2)), None)
                return self._coordinated(sentence, actor) if actor else []
        return []

    def _coordinated(self, sentence: Sentence, actor: Actor) -> list[Actor]:
        """The actor with those joined to it by "and" or commas: "the U.S. and Russia"."""
        group = [actor]
        actors = sentence.actors
        position = next((i for i, a in enumerate(actors) if a is actor), None)  # by identity: equal-looking actors differ
        if position is None:
            position = actors.index(actor)
        for step in (1, -1):
            at = position
            while 0 <= at + step < len(actors):
                near, far = (actors[at], actors[at + step]) if step == 1 else (actors[at + step], actors[at])
                gap = [t.lower for t in sentence.tokens[near.end : far.start] if t.lower not in ("the", "its", "their")]
                if gap not in (["and"], [","], [",", "and"], ["or"], ["as", "well", "as"]):
                    break
                if step == -1 and not self._opens_a_list(sentence, near):
                    break  # "summoned the Israeli ambassador, and Britain demanded": two clauses
                if far.end < len(sentence.tokens) and sentence.tokens[far.end].lower in self.lexicon["speech_verbs"]:
                    break  # "killing 30 militants, Somalia's defence ministry said": the speaker
                group.append(actors[at + step])
                at += step
        group.sort(key=lambda a: a.start)
        _distribute_country(group)
        return group + [c for a in group for c in a.companions]

    # --- causatives and complements ------------------------------------------------

    def _causative(self, sentence: Sentence, match: VerbMatch) -> Roles | None:
        """ "X ordered that Y <verb>" and "X ordered Y to <verb>"."""
        tokens = sentence.tokens
        causatives = self.lexicon["causative_verbs"]
        embedded = next((a for a in reversed(sentence.actors) if a.end <= match.start), None)
        if embedded is None:
            return None
        dated = {i for d in sentence.dates for i in range(d.start, d.end)}
        gap = [t.lower for i, t in enumerate(tokens[embedded.end : match.start], embedded.end) if i not in dated]
        before = embedded.start - 1  # "ordered Britain on Friday to reduce": the date is no obstacle
        if gap == [] and before >= 1 and tokens[before].lower == "that" and tokens[before - 1].lower in causatives:
            verb_at = before - 1
        elif gap == ["to"] and self._governing(tokens, before, causatives) is not None:
            verb_at = self._governing(tokens, before, causatives)
        else:
            return None
        return Roles(self._subject(sentence, verb_at), self._coordinated(sentence, embedded))

    def _governing(self, tokens, before: int, verbs: frozenset[str]) -> int | None:
        """The causative verb just before an actor, allowing two modifiers between
        ("ordered the warring parties to ...")."""
        for at in range(before, max(-1, before - 3), -1):
            word = tokens[at].lower
            if word in verbs:
                return at
            if not word.isalpha() and "-" not in word or word in self.lexicon["prepositions"]:
                return None
        return None

    def _fill_complement_targets(self, sentence: Sentence, roles: dict[int, Roles]) -> None:
        """ "complained that diplomats were harassed by U.S. agencies": the target of the
        complaint is whoever did what the complement reports; "agreed to resume talks with
        the council": the target of the agreement is the embedded act's."""
        for match in reversed(sentence.verbs):
            own = roles[match.start]
            after = match.particle_at + 1 if match.particle_at is not None else match.end
            shared = next((v for v in sentence.verbs if v.start == after + 1), None) if after < len(sentence.tokens) and sentence.lowers[after] == "and" else None
            if not own.target and shared is not None and not shared.pattern.noun:
                own.target = roles[shared.start].target  # "fired on and seized three Ukrainian vessels"
                continue
            if not own.target and after + 1 < len(sentence.tokens) and sentence.tokens[after].lower == "to":
                embedded = next((v for v in sentence.verbs if v.start == after + 1), None)
                if embedded is not None and roles[embedded.start].source == own.source:
                    own.target = roles[embedded.start].target
                    continue
            if own.target or after >= len(sentence.tokens) or sentence.tokens[after].lower != "that":
                continue
            embedded = next((v for v in sentence.verbs if v.start > after), None)
            if embedded is not None:
                own.target = [a for a in roles[embedded.start].source if a not in own.source]

    def _opener(self, sentence: Sentence, start: int) -> int | None:
        """Index of the word that introduces the verb, skipping adverbs."""
        at = start - 1
        while at >= 0 and (sentence.tokens[at].lower.endswith("ly") or sentence.tokens[at].lower in ("also", "then", "not")):
            at -= 1
        return at if at >= 0 else None

    def _giver(self, sentence: Sentence, match: VerbMatch) -> list[Actor]:
        """For "receive"-like verbs: the one after "from", or a possessor in the object."""
        end = self.object_end(sentence, match)
        after = [a for a in sentence.actors if match.end <= a.start < end and a.resolved]
        lowers = sentence.lowers
        for actor in after:
            if lowers[actor.start - 1] == "from" or actor.end < len(lowers) and lowers[actor.end] == "'s":
                return [actor]
        return after[:1]

    def _noun_roles(self, sentence: Sentence, match: VerbMatch) -> Roles:
        """An event stated as a noun: "Russia's expulsion of 60 diplomats", "the
        expulsion of 60 diplomats by Russia", "U.S. sanctions against Iran", "talks
        between Iran and Oman". With no actor tied to the noun, there is no source."""
        tokens = sentence.tokens
        lowers = [t.lower for t in tokens]
        end = min(len(tokens), match.end + NOUN_PHRASE_WINDOW)
        after = {a.start: a for a in sentence.actors if match.end <= a.start < end}
        source: list[Actor] = []
        target: list[Actor] = []
        for at in range(match.end, end):
            word = lowers[at]
            if word in TARGET_STOPS or word in (",", ";") or word in self.lexicon["be_forms"] or word.endswith("ed") and at + 1 < end and lowers[at + 1] == "by":
                break  # "talks in Pretoria mediated by the AU", "the invasion was condemned by the EU": another verb's "by"
            actor = self._actor_after_link(lowers, after, at, end)
            if actor is None:
                continue
            if word == "by" and not source:
                source = self._coordinated(sentence, actor)
            elif word == "between" and not source:
                parties = self._coordinated(sentence, actor)  # "talks between India and China": India -> China
                together = match.pattern.plover == "COOPERATE"  # but "joint exercises between India and France": both
                source, target = (parties, []) if together else (parties[:1], parties[1:])
            elif word == "of" and not source and match.pattern.plover == "REQUEST":
                source = self._coordinated(sentence, actor)  # "at the request of the Mozambican government"
            elif word in ("of", "against", "on", "to", "with", "over") and not target:
                target = self._coordinated(sentence, actor)
        if not source:
            source = self._noun_possessor(sentence, match)
        if not source and (self._governed_noun(lowers, match) or match.pattern.plover == "CONSULT" and self._after_talks(lowers, match)):
            source = self._clause_subject(sentence, match.start)  # "the EU is considering sanctions against ...", "agreed after talks"
        if not source and match.pattern.plover == "PROTEST":
            source = _protesters(sentence, match)  # "protests in Tbilisi": Georgians protest
        return Roles(source, [a for a in target if a not in source])

    def _after_talks(self, lowers: list[str], match: VerbMatch) -> bool:
        """ "agreed to a ceasefire after talks in Moscow": the talks were the subject's."""
        anchors = ("after", "following", "during", "at")
        for at in range(match.start - 1, max(-1, match.start - 5), -1):
            if lowers[at] in anchors:
                return True
            if not (lowers[at] in self.lexicon["determiners"] or lowers[at].replace("-", "").isalpha()):
                return False
        return False

    def _governed_noun(self, lowers: list[str], match: VerbMatch) -> bool:
        """The noun is the object of a verb like "considering", "announced", "began"."""
        for at in range(match.start - 1, max(-1, match.start - 5), -1):
            if lowers[at] in self.lexicon["noun_governors"]:
                return True
            if lowers[at] == "in" and at > 0 and lowers[at - 1] in ("part", "participate", "participated", "participating", "participates"):
                return True  # "would not take part in any counter-strike"
            if not lowers[at].replace("-", "").isalnum() or lowers[at] in self.lexicon["prepositions"]:
                return False  # but "opened a three-day summit"
        return False

    def _actor_after_link(self, lowers: list[str], after: dict[int, Actor], at: int, end: int) -> Actor | None:
        """The actor a link word ("of", "by", "against") introduces, past a determiner,
        a number or two modifiers: "of 60 U.S. diplomats", "against the Iranian regime"."""
        for start in range(at + 1, min(end, at + 4)):
            if start in after:
                return after[start]
            word = lowers[start]
            if not (word in self.lexicon["determiners"] or word[:1].isdigit() or word.isalpha() and word not in NOUN_PHRASE_STOPS):
                return None
        return None

    def _noun_possessor(self, sentence: Sentence, match: VerbMatch) -> list[Actor]:
        """ "Russia's expulsion", "U.S. sanctions", "the Russian invasion": the actor
        right before the noun, with only "'s" and modifiers between; "their withdrawal":
        the subject of the clause."""
        lowers = sentence.lowers
        before = [w for w in lowers[max(0, match.start - 3) : match.start] if w not in ("first", "full", "final", "planned", "own")]
        if before[-1:] in (["their"], ["its"]):
            return self._subject(sentence, match.start)
        for actor in reversed(sentence.actors):
            if actor.end > match.start:
                continue
            gap = lowers[actor.end : match.start]
            blocked = self.lexicon["prepositions"] | self.lexicon["determiners"] | self.lexicon["clause_boundaries"] | self.lexicon["be_forms"]
            listed = gap[:1] == ["'s"] and len(gap) <= 5  # "Iran's drone and missile attack"
            if len(gap) <= 3 + 2 * listed and all(w == "'s" or w.isalpha() and w not in blocked and (listed or w not in ("and", "or", "the")) for w in gap):
                return self._coordinated(sentence, actor) if self._is_subject_like(sentence, actor) or gap[:1] == ["'s"] else [actor]
            return []
        return []

    def _previous_verb(self, sentence: Sentence, match: VerbMatch) -> VerbMatch | None:
        """The verb this one is coordinated with: the nearest earlier verb of the same
        form ("blaming ..., accusing ... and imposing"), else the nearest earlier verb."""
        earlier = [v for v in sentence.verbs if v.start < match.start and not v.pattern.noun]
        form = _inflection(sentence.tokens[match.start].lower)
        alike = [v for v in earlier if _inflection(sentence.tokens[v.start].lower) == form]
        return (alike or earlier or [None])[-1]


def _authorities(sentence: Sentence, match: VerbMatch, subject: list[Actor]) -> list[Actor]:
    """The state that arrests, bans or deports when the passive does not say: the state
    of the place it happens in, else of the people it happens to."""
    lowers = sentence.lowers
    named = next((a for a in sentence.actors if a.start > match.end and a.country and lowers[a.start - 1] in ("from", "in", "by") or a.start > match.end + 1 and a.country and lowers[a.start - 2 : a.start] == ["from", "the"]), None)
    place = next((p for p in sentence.places if p.country and p.start >= match.end), None)
    country = named.country if named else place.country if place else next((a.country for a in subject if a.country), None)
    if country is None:
        country = sole_state(sentence)  # "1,300 people were detained at protests in dozens of Russian cities"
    if country is None:
        return []
    return [Actor("", match.start, match.start, "implied", country=country, sector="GOV", inferred=True)]


def _deploying_state(sentence: Sentence, match: VerbMatch) -> list[Actor]:
    """Troops deployed at home by no one named: the state of the place they go to."""
    place = place_after(sentence, match)
    capital = next((a for a in sentence.actors if a.kind == "capital" and a.start >= match.end), None)
    country = place.country if place else capital.country if capital else None
    if country is None:
        return []
    return [Actor("", match.start, match.start, "implied", country=country, sector="MIL", inferred=True)]


def _protesters(sentence: Sentence, match: VerbMatch) -> list[Actor]:
    """Unnamed protesters are people of the place they protest in, or else of the one
    state the sentence names: "Iranian forces arrested ... as demonstrations entered a
    second week"."""
    place = place_after(sentence, match) or next((p for p in sentence.places if p.country), None)
    if place is not None:
        return [Actor(place.text, place.start, place.end, "place", country=place.country, sector="CVL")]
    state = sole_state(sentence)
    if state is None:
        return []
    return [Actor("", match.start, match.start, "implied", country=state, sector="CVL", inferred=True)]


def _reciprocal(sentence: Sentence, match: VerbMatch) -> bool:
    """ "accused each other", "attacked themselves": the target is the source."""
    after = sentence.lowers[match.end : match.end + 3]
    if after[:2] == ["the", "other"] and "each" in sentence.lowers[max(0, match.start - 4) : match.start]:
        return True  # "each side accused the other"
    return after[:2] in (["each", "other"], ["one", "another"]) or after[:1] in (["themselves"], ["itself"], ["himself"], ["herself"])


def _inflection(word: str) -> str:
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix):
            return suffix
    return ""


def _distribute_country(group: list[Actor]) -> None:
    """ "Russian diplomats and intelligence officers": the demonym covers both."""
    first = group[0]
    for actor in group[1:]:
        if not actor.resolved and actor.kind == "sector" and first.country:
            actor.country = first.country
