"""Find verb patterns in a sentence: the trigger, its particle, its object nouns, voice."""
from __future__ import annotations

from dataclasses import dataclass

from detente.coding.patterns import CompiledPattern, PatternIndex
from detente.config import OBJECT_WINDOW, PARTICLE_WINDOW
from detente.lexicon import Lexicon
from detente.model import Sentence, VerbMatch

#: Types whose verbs, as a bare participle after a noun, are passives ("soldiers killed in
#: Ukraine"); other verbs there are intransitive and active ("troops withdrew from").
REDUCED_PASSIVE_TYPES = frozenset({"COERCE", "ASSAULT", "ACCUSE", "SANCTION"})

#: Nouns of texts whose -ing participles are their authors' acts ("a statement condemning ...").
DOCUMENT_NOUNS = frozenset({"resolution", "statement", "letter", "decree", "declaration", "communique", "motion", "bill", "law", "order", "note", "report", "ruling"})

#: Words that show "at"/"on" begins a time or an amount, not the verb's particle.
NOT_AFTER_PARTICLE = frozenset(
    {"least", "most", "dawn", "dusk", "night", "midnight", "noon", "weekend", "friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday"}
    | {m.lower() for m in ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")}
)

def word_is_documents_act(lowers: list[str], index: int) -> bool:
    """ "a resolution condemning", "a decree recognising": an -ing form after a text's noun."""
    return index > 0 and lowers[index].endswith("ing") and lowers[index - 1] in DOCUMENT_NOUNS


#: Verbs whose -ing complement is the act itself: "began deporting", "resumed shelling".
ASPECTUAL_VERBS = frozenset({"began", "begin", "begins", "started", "start", "starts", "continued", "continue", "continues", "resumed", "resume", "resumes", "kept"})

#: Words after which a participle before a noun is an adjective: "all detained protesters".
ATTRIBUTIVE_QUANTIFIERS = frozenset({"all", "several", "many", "some", "other", "more", "most", "two", "three", "four", "five", "dozens", "hundreds", "thousands", "newly", "recently", "wrongfully", "unjustly"})

#: Words after a noun that tie actors to it: "expulsion of", "attack by", "sanctions against".
NOUN_LINKS = frozenset({"of", "by", "against", "on", "to", "with", "between", "over", "in"})


@dataclass
class VerbFinder:
    patterns: PatternIndex
    lexicon: Lexicon

    def __post_init__(self) -> None:
        self._capitalised: frozenset[int] = frozenset()  # of the sentence being read
        self._actor_modifiers: frozenset[int] = frozenset()
        self._actor_tokens: frozenset[int] = frozenset()
        self._windows: dict[tuple[int, int], tuple[list[str], str]] = {}  # of the sentence being read
        lexicon = self.lexicon
        self._not_modifiers = (
            lexicon["be_forms"] | lexicon["have_forms"] | lexicon["prepositions"] | lexicon["speech_verbs"]
            | {"will", "would", "to", "and", "or", "but", "yet", "then", "also", "not", "it", "he", "she", "they", "we", "i", "you"}
        )

    def __call__(self, sentence: Sentence) -> list[VerbMatch]:
        lowers = sentence.lowers
        proper = frozenset(i for i, t in enumerate(sentence.tokens) if t.norm[:1].isupper()) | frozenset(
            i for a in sentence.actors for i in range(a.start, a.end)
        )  # names and actors: never the modifiers of a following noun
        actor_ends = {a.end for a in sentence.actors if a.kind in ("sector", "composed") and a.head and not a.text.lower().endswith(a.head)}
        actor_ends |= {a.end for a in sentence.actors if a.kind == "people"}  # "88 Brazilians deported from ..."
        actor_ends |= {i + 1 for i, w in enumerate(lowers) if i + 1 < len(lowers) and w.endswith("ings") and lowers[i + 1].endswith("ed")}
        matches: list[VerbMatch] = []
        taken: set[int] = set()
        tokens = sentence.tokens
        self._actor_modifiers = frozenset(i for a in sentence.actors for i in range(a.start, a.end - 1))  # "riot police"
        self._actor_tokens = frozenset(i for a in sentence.actors for i in range(a.start, a.end))
        self._windows = {}
        self._capitalised = frozenset(  # "Port" in "Port Moresby": the start of a longer name
            i for i in range(1, len(tokens) - 1) if tokens[i].norm[:1].isupper() and tokens[i + 1].norm[:1].isupper() and tokens[i + 1].lower != "general"
        )
        for index, lower in enumerate(lowers):
            if index in taken or not self.patterns.candidates(lower):
                continue
            match = self._best(lowers, index, index in actor_ends, proper)
            if match:
                matches.append(match)
                taken.update(range(match.start, match.end))
                if match.particle_at is not None:
                    taken.add(match.particle_at)
        return [m for m in matches if not (m.pattern.noun and self._object_of_a_verb(lowers, m, matches))]

    def _object_of_a_verb(self, lowers: list[str], noun: VerbMatch, matches: list[VerbMatch]) -> bool:
        """ "imposed sanctions on Iran": the noun is the verb's object, not a second event."""
        for verb in matches:
            if not verb.pattern.noun and verb.start < noun.start <= verb.end + 5:
                between = lowers[verb.end : noun.start]
                content = ("for", "of", "over") if verb.pattern.plover in ("ACCUSE", "REQUEST", "PROTEST") else ()  # "blamed X for the attack"
                particle = verb.particle_at - verb.end if verb.particle_at is not None else None
                if not any(w in (",", ";", ".", "but") or i != particle and w in self.lexicon["prepositions"] and w not in content for i, w in enumerate(between)):
                    return True  # but "sent troops to Mozambique at the request of": a second event
        return False

    def _best(self, lowers: list[str], index: int, after_actor: bool, proper: frozenset[int] = frozenset()) -> VerbMatch | None:
        passive = self._is_passive(lowers, index)
        not_a_verb = self._used_as_noun(lowers, index, proper) or self._participle_modifier(lowers, index) or self._attributive(lowers, index)
        describing = lowers[index].endswith("ing") and (index - 1 in self._actor_tokens or index and lowers[index - 1] in self.lexicon["non_human_heads"])  # "the coalition fighting in Yemen"
        reduced = after_actor and not passive and self._no_object_follows(lowers, index)
        best, best_rank = None, None
        for compiled in self.patterns.candidates(lowers[index]):
            own_particle = compiled.pattern.particle and index + 1 < len(lowers) and lowers[index + 1] == compiled.pattern.particle
            is_reduced = reduced and compiled.pattern.plover in REDUCED_PASSIVE_TYPES and not own_particle
            if compiled.pattern.noun and (describing and compiled.pattern.plover != "CONSULT" or self._ended(lowers, index) or index in self._actor_modifiers):
                continue  # a description, not an event; but "NATO leaders meeting in Vilnius" met
            match = self._try(compiled, lowers, index, passive or is_reduced, not_a_verb)
            if match is None:
                continue
            rank = ((index == 0) == compiled.pattern.noun, bool(compiled.objects or compiled.object_phrases), len(compiled.rest) + (compiled.pattern.particle is not None))
            if best_rank is None or rank > best_rank:
                best, best_rank = match, rank
        return best

    def _ended(self, lowers: list[str], index: int) -> bool:
        """ "ending its veto", "lifted the blockade": the noun names what stops."""
        at = index - 1
        while at >= 0 and lowers[at] in self.lexicon["determiners"]:
            at -= 1
        return at >= 0 and at < index - 1 and lowers[at] in self.lexicon["ending_verbs"]

    def _try(self, compiled: CompiledPattern, lowers: list[str], index: int, passive: bool, not_a_verb: bool) -> VerbMatch | None:
        pattern = compiled.pattern
        end = index + 1 + len(compiled.rest)
        if tuple(lowers[index + 1 : end]) != compiled.rest:
            return None
        if pattern.noun:
            if not self._nominal(lowers, index, end) or index > 0 and lowers[index - 1] == "in":
                return None  # "in protest", "in retaliation": a reason, not an event
        elif not_a_verb:
            return None
        is_participle = passive and lowers[index] in compiled.participles
        if pattern.passive_only and not is_participle:
            return None
        particle_at = None
        if pattern.particle:
            particle_at = self._particle(lowers, end, pattern.particle)
            if particle_at is None:
                return None
        constrained = compiled.objects or compiled.object_phrases
        if constrained and not self._has_object(compiled, lowers, index, end, is_participle):
            return None
        return VerbMatch(pattern, index, end, particle_at, is_participle)

    def _particle(self, lowers: list[str], start: int, particle: str) -> int | None:
        words = particle.lower().split()
        for at in range(start, min(len(lowers), start + PARTICLE_WINDOW + 1)):
            following = lowers[at + len(words)] if at + len(words) < len(lowers) else ""
            if lowers[at : at + len(words)] == words and following not in NOT_AFTER_PARTICLE:
                return at  # "fired at Ukrainian cities", not "fired at least 23 missiles" or "on Wednesday"
            if lowers[at] in (".", ";", ","):
                return None
        return None

    def _has_object(self, compiled, lowers, index, end, passive) -> bool:
        window, joined = self._object_window(lowers, max(0, index - OBJECT_WINDOW), index) if passive else self._object_window(lowers, end, end + OBJECT_WINDOW)
        if not compiled.objects.isdisjoint(window):
            return True
        return any(f" {phrase} " in joined for phrase in compiled.object_phrases)

    def _object_window(self, lowers: list[str], start: int, end: int) -> tuple[list[str], str]:
        """The words where objects are looked for, and the same joined for phrases; the same
        window serves every sense of a verb, so it is made once per sentence."""
        key = (start, end)
        if key not in self._windows:
            window = [w for i, w in enumerate(lowers[start:end], start) if i not in self._capitalised]
            self._windows[key] = (window, f" {' '.join(window)} ")
        return self._windows[key]

    def _nominal(self, lowers: list[str], index: int, end: int) -> bool:
        """A noun in a noun phrase: after a determiner, possessive or modifier, or
        before "of", "by", "against", "on", "to", "with", "between"; or a gerund that
        opens the sentence ("Fighting erupted ... between the army and the RSF")."""
        if index == 0 and (lowers[0].endswith("ing") or end - index > 1):
            return True  # "Fighting erupted ...", "Drone attacks set ... ablaze"
        before = lowers[index - 1] if index else ""
        after = lowers[end] if end < len(lowers) else ""
        if after in NOUN_LINKS:
            return True
        return before in self.lexicon["determiners"] or before == "'s" or self._used_as_noun(lowers, index)

    def _used_as_noun(self, lowers: list[str], index: int, proper: frozenset[int] = frozenset()) -> bool:
        """ "an attack", "Russia's interference": a verb form used as a noun."""
        if index == 0:
            return False
        before = lowers[index - 1]
        determiners = self.lexicon["determiners"]
        if before in determiners or before == "'s" or before in self.lexicon["noun_modifiers"]:
            return True  # "joint raids", "renewed attacks"
        if word_is_documents_act(lowers, index):
            return False  # "a decree recognising Crimea": the decree's act, a verb
        followed_by_object = index + 1 < len(lowers) and lowers[index + 1] in ("a", "an", "the", "its", "their", "his", "her")
        if not followed_by_object and self._after_determiner_and_modifiers(lowers, index, proper):
            return True  # "a three-day visit", "a planned meeting"; but "the Fund's board approved a loan"
        if lowers[index].endswith("s") and ("-" in before or before.endswith(("al", "ic", "ive", "ful", "ous", "ary", "ral"))):
            return True  # "high-level talks", "bilateral talks", "family visits" after an adjective
        word = lowers[index]
        if index + 1 < len(lowers) and lowers[index + 1] == "of" and not word.endswith(("ing", "ed")):
            return True  # "the test of a missile", but not "warned of" or "accused of"
        if before in self.lexicon["prepositions"] and before != "to" and not word.endswith("ing"):
            return True  # "bans on travel", "talks on trade": after a preposition a verb is a gerund
        return False

    def _after_determiner_and_modifiers(self, lowers: list[str], index: int, proper: frozenset[int]) -> bool:
        """ "a planned visit": a determiner, then only lower-case modifiers (never a name:
        in "the Kremlin summoned" the verb follows its subject)."""
        lexicon = self.lexicon
        not_modifiers = self._not_modifiers
        for back in (2, 3):
            at = index - back
            if at < 0:
                return False
            between = lowers[at + 1 : index]
            if any(i in proper for i in range(at + 1, index)):
                return False
            if any(w in not_modifiers or not w.replace("-", "").isalnum() for w in between):
                return False
            if lowers[at] in lexicon["determiners"] or lowers[at] == "'s":
                return True
        return False

    def _attributive(self, lowers: list[str], index: int) -> bool:
        """ "release all detained protesters", "free several jailed opposition figures": a
        participle between a quantifier and its noun describes; it is not an act."""
        word = lowers[index]
        if not word.endswith("ed") or index == 0 or index + 1 >= len(lowers):
            return False
        following = lowers[index + 1]
        noun_follows = following.isalpha() and following not in self.lexicon["prepositions"] and following not in self.lexicon["determiners"] and following not in ("and", "or", "by")
        before = lowers[index - 1]
        return noun_follows and (before in ATTRIBUTIVE_QUANTIFIERS or before.endswith("ed") and before.isalpha())  # "swapped jailed agents"

    def _participle_modifier(self, lowers: list[str], index: int) -> bool:
        """ "the coalition fighting in Yemen", "to end fighting": an -ing form right after
        a noun or verb, with no "be" before it, describes; it is not the main verb."""
        word, before = lowers[index], lowers[index - 1] if index else ""
        if not word.endswith("ing") or not before.isalpha() or before in DOCUMENT_NOUNS:
            return False  # "a resolution demanding a ceasefire": the resolution's demand
        lexicon = self.lexicon
        if before in lexicon["be_forms"] or before in lexicon["adjunct_openers"] or before in lexicon["prepositions"] or before.endswith("ly"):
            return False
        return before not in ("and", "or", "but", "then", "also", "not") and before not in ASPECTUAL_VERBS

    def _no_object_follows(self, lowers: list[str], index: int) -> bool:
        """ "a Hamas member jailed over a year ago", "soldiers killed in Ukraine": a
        participle right after its noun, with no object after it, is a reduced passive."""
        following = lowers[index + 1] if index + 1 < len(lowers) else "."
        after = lowers[index + 2] if index + 2 < len(lowers) else ""
        if after[:1].isdigit():
            return False  # "troops killed around 50 jihadists": a hedged number is the object
        if following in ("into", "onto", "through", "across", "toward", "towards"):
            return False  # "Hamas gunmen stormed into southern Israel": moving, so acting
        return following in self.lexicon["prepositions"] or not following[:1].isalnum() or following.endswith("ly")

    def _is_passive(self, lowers: list[str], index: int) -> bool:
        """A be-form (maybe with an adverb between) right before the verb."""
        for back in (1, 2, 3):
            at = index - back
            if at < 0:
                return False
            if lowers[at] in self.lexicon["be_forms"]:
                return True
            if not lowers[at].endswith("ly") and lowers[at] not in ("not", "also", "already", "reportedly", "being"):
                return False
        return False
