"""Find actor mentions in a sentence and compose them.

Dictionary phrases are matched longest-first; then neighbours are composed:
"Russian" + "diplomats" -> RUS GOV, "Russia" + "'s" + "ambassador" -> RUS GOV,
"Foreign Minister" + "Sergei Lavrov", "the foreign minister of France". Capitalised
name sequences not in any dictionary become `name` mentions, left for document memory.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from detente.actors.ambiguity import AmbiguityRules
from detente.actors.dictionary import ActorDictionary, ActorEntry
from detente.lexicon import Lexicon
from detente.model import Actor, Sentence

#: "British-flagged", "Saudi-led", "Russian-backed": a state or body named inside a hyphenated word.
HYPHEN_TAILS = frozenset({"led", "backed", "flagged", "made", "based", "owned", "run", "supported", "brokered", "allied", "controlled", "sponsored", "funded", "armed", "trained", "registered", "operated", "born"})
COUNTRY_KINDS = frozenset({"country", "capital", "seat", "demonym", "org", "person", "name", "people"})
OF_KINDS = frozenset({"country", "capital", "org"})


#: Number words that, after "the", count the parties of a group: "the three countries".
GROUP_SIZES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

@dataclass
class ActorResolver:
    """Finds and composes the actor mentions of one sentence."""

    dictionary: ActorDictionary
    lexicon: Lexicon
    is_place: Callable[[str], bool] = lambda text: False
    ambiguity: AmbiguityRules | None = None
    verb_forms: frozenset[str] = frozenset()  # words that are verbs, never modifiers

    def __post_init__(self) -> None:
        lexicon = self.lexicon
        self._pronouns = lexicon["pronouns_person"] | lexicon["pronouns_thing"] | lexicon["pronouns_plural"]

    def __call__(self, sentence: Sentence, day: dt.date | None) -> list[Actor]:
        mentions = self._dictionary_mentions(sentence, day)
        mentions += self._group_mentions(sentence, mentions)
        mentions += self._name_mentions(sentence, mentions)
        mentions += self._pronoun_mentions(sentence, mentions)
        mentions.sort(key=lambda m: m.start)
        mentions = [m for m in mentions if not self._currency(sentence, m) and not self._inside_a_name(sentence, m) and not self._venue(sentence, m)]
        return self._compose(sentence, mentions)

    def _venue(self, sentence: Sentence, mention: Actor) -> bool:
        """ "the Singapore summit", "the Minsk agreements": a city naming a meeting is no party."""
        if mention.kind not in ("capital", "country") or mention.start == 0 or mention.end >= len(sentence.tokens):
            return False
        before, after = sentence.tokens[mention.start - 1].lower, sentence.tokens[mention.end].lower
        return before == "the" and after in self.lexicon["venue_nouns"]

    def _currency(self, sentence: Sentence, mention: Actor) -> bool:
        """ "200 million Australian dollars": a demonym naming a currency is no actor."""
        following = sentence.tokens[mention.end].lower if mention.end < len(sentence.tokens) else ""
        return mention.kind == "demonym" and following in self.lexicon["currency_nouns"]

    def _inside_a_name(self, sentence: Sentence, mention: Actor) -> bool:
        """ "the Lower Juba region", "South American countries": a name inside a longer one."""
        if mention.kind not in ("capital", "demonym") or mention.start < 1:
            return False
        before = sentence.tokens[mention.start - 1]
        return before.norm[:1].isupper() and before.lower in self.lexicon["name_prefixes"]

    def _dictionary_mentions(self, sentence: Sentence, day: dt.date | None) -> list[Actor]:
        norms = [t.norm for t in sentence.tokens]
        lowers = [t.lower for t in sentence.tokens]
        mentions, index = [], 0
        while index < len(norms):
            match = self.dictionary.longest_match(norms, lowers, index)
            if match is None:
                hyphenated = self._hyphenated(sentence, index, day)
                if hyphenated:
                    mentions.append(hyphenated)
                index += 1
                continue
            end, entries = match
            entry = _preferred(entries)
            if not entry.ambiguous or self._keeps_ambiguous(sentence, index, end, norms, lowers):
                mentions.append(self._actor(sentence, index, end, entry, day))
            index = end
        return mentions

    def _hyphenated(self, sentence: Sentence, index: int, day: dt.date | None) -> Actor | None:
        """ "a British-flagged tanker", "the Saudi-led coalition", "Russian-backed rebels"."""
        head, _, tail = sentence.tokens[index].norm.partition("-")
        if tail.lower() not in HYPHEN_TAILS:
            return None
        found = self.dictionary.longest_match([head], [head.lower()], 0)
        if found is None:
            return None
        entry = _preferred(found[1])
        if entry.kind not in ("country", "demonym", "org"):
            return None
        return self._actor(sentence, index, index + 1, entry, day)

    def _keeps_ambiguous(self, sentence: Sentence, start: int, end: int, norms: list[str], lowers: list[str]) -> bool:
        if self.ambiguity is None:
            return True
        is_actor_at = lambda at: self.dictionary.longest_match(norms, lowers, at) is not None  # noqa: E731
        return self.ambiguity.keeps(sentence, start, end, is_actor_at, self.lexicon["non_actor_capitals"])

    def _actor(self, sentence: Sentence, start: int, end: int, entry: ActorEntry, day: dt.date | None) -> Actor:
        actor = Actor(
            text=sentence.span_text(start, end),
            start=start,
            end=end,
            kind=entry.kind,
            country=entry.country,
            org=entry.org,
            sector=entry.sector,
            head=entry.head,
            human=entry.human,
            person=entry.person,
        )
        if entry.kind == "person":
            role = entry.role_on(day)
            if role:
                actor.country, actor.org, actor.sector = role.country, role.org, role.sector
        if entry.kind == "sector" and start > 0 and sentence.tokens[start - 1].lower in self.lexicon["possessive_pronouns"]:
            actor.possessor = sentence.tokens[start - 1].lower
            actor.start -= 1
            actor.text = sentence.span_text(actor.start, end)
        return actor

    def _group_mentions(self, sentence: Sentence, known: list[Actor]) -> list[Actor]:
        """ "the two leaders", "both sides", "the three countries": parties the story has
        named, for memory to name again."""
        covered = {i: m for m in known for i in range(m.start, m.end)}
        lowers = [t.lower for t in sentence.tokens]
        groups = []
        for at, word in enumerate(lowers[:-1]):
            counted = word in GROUP_SIZES and at > 0 and lowers[at - 1] == "the"
            if not (word in ("both", "each") or counted):
                continue  # "both sides", "each side", "the three countries"
            noun_at = at + 1
            existing = covered.get(noun_at)
            if existing is not None and existing.kind == "sector" and not existing.resolved:
                existing.kind, existing.start = "group", at - counted
                existing.text = sentence.span_text(existing.start, existing.end)
            elif existing is None and lowers[noun_at] in self.lexicon["group_nouns"]:
                start = at - counted
                groups.append(Actor(sentence.span_text(start, noun_at + 1), start, noun_at + 1, "group", sector="GOV"))
            elif existing is None and word == "two" and lowers[noun_at] in self.verb_forms:
                groups.append(Actor(sentence.span_text(at - 1, noun_at), at - 1, noun_at, "group", sector="GOV"))  # "The two agreed"
        return groups

    def _name_mentions(self, sentence: Sentence, known: list[Actor]) -> list[Actor]:
        covered = {i for m in known for i in range(m.start, m.end)}
        tokens, names, index = sentence.tokens, [], 0
        while index < len(tokens):
            end = index
            while end < len(tokens) and end not in covered and self._name_part(tokens, end, end == index):
                end += 2 if _is_initial(tokens, end) else 1
            words = [t for t in tokens[index:end] if t.norm[:1].isalpha()]
            if len(words) >= 2 and not self.is_place(sentence.span_text(index, end)):
                names.append(Actor(sentence.span_text(index, end), index, end, "name", human=True))
                index = end
            else:
                index += 1
        return names

    def _name_part(self, tokens, index: int, first: bool) -> bool:
        norm = tokens[index].norm
        if first and norm in self.lexicon["non_actor_capitals"]:
            return False
        if _is_initial(tokens, index):
            return not first
        return norm[:1].isupper() and norm.replace("-", "").isalpha() and not norm.isupper()

    def _pronoun_mentions(self, sentence: Sentence, known: list[Actor]) -> list[Actor]:
        covered = {i for m in known for i in range(m.start, m.end)}
        pronouns = self._pronouns
        return [
            Actor(t.text, i, i + 1, "pronoun", head=t.lower, human=t.lower != "it")
            for i, t in enumerate(sentence.tokens)
            if t.lower in pronouns and i not in covered and not _possessive_use(sentence, i)
        ]

    def _compose(self, sentence: Sentence, mentions: list[Actor]) -> list[Actor]:
        composed: list[Actor] = []
        for mention in mentions:
            previous = composed[-1] if composed else None
            if previous and self._joins(sentence, previous, mention):
                composed[-1] = _merge(sentence, previous, mention)
            elif previous and self._of_phrase(sentence, previous, mention):
                composed[-1] = _merge(sentence, mention, previous)
            else:
                composed.append(mention)
        return composed

    def _joins(self, sentence: Sentence, left: Actor, right: Actor) -> bool:
        """left + right name one actor: "Russian" "diplomats", "Foreign Minister" "Lavrov"."""
        gap = [t.lower for t in sentence.tokens[left.end : right.start]]
        if right.kind == "sector" and not right.possessor and left.kind in COUNTRY_KINDS | {"composed"}:
            if left.kind == "composed" and left.head:
                return False
            if left.kind == "demonym" and len(gap) == 1 and gap[0] in self.verb_forms and not gap[0].endswith(("ed", "ing", "s")):
                return True  # "Sudanese protest leaders", "Afghan aid workers": a noun that is also a verb
            return len(gap) <= 3 and all(word == "'s" or self._modifier(word) for word in gap)
        if right.kind in ("person", "name") and not gap and left.head and left.human:
            return left.kind in ("sector", "composed")
        return False

    def _modifier(self, word: str) -> bool:
        """A word that can stand between a state and its role noun: "senior",
        "garment" (workers), "constitutional" (tribunal); never a verb."""
        if word in self.lexicon["modifiers"]:
            return True
        lexicon = self.lexicon
        return (
            word.isalpha()
            and len(word) > 2
            and not word.endswith(("ed", "ing", "s", "ly"))
            and word not in self.verb_forms
            and word not in lexicon["prepositions"] and word not in lexicon["determiners"]
            and word not in lexicon["be_forms"] and word not in lexicon["have_forms"]
            and word not in lexicon["speech_verbs"] and word not in lexicon["clause_boundaries"] and word not in ("and", "or", "but", "who", "that", "which", "will", "would", "can", "could", "may", "might", "must", "should", "not", "also", "then", "than")
        )

    def _of_phrase(self, sentence: Sentence, left: Actor, right: Actor) -> bool:
        """ "the foreign minister of France": a role noun, "of", then a state or body."""
        between = [t for t in sentence.tokens[left.end : right.start] if t.lower != "the"]
        if left.human:  # "King Willem-Alexander of the Netherlands": a name between the title and "of"
            while len(between) > 1 and between[0].norm[:1].isupper() and len(between) <= 4:
                between = between[1:]
        gap = [t.lower for t in between]
        if left.kind != "sector" or left.resolved or right.kind not in OF_KINDS | {"seat"}:
            return False
        return gap == ["of"] or gap == ["for"] and left.human  # "a spokeswoman for the State Department"


def _merge(sentence: Sentence, owner: Actor, role: Actor) -> Actor:
    """One actor, spanning both parts, from a state-like part and a role part."""
    start, end = min(owner.start, role.start), max(owner.end, role.end)
    if role.kind in ("person", "name"):  # "Foreign Minister" + "Sergei Lavrov"
        owner, role = role, owner
        merged = Actor(sentence.span_text(start, end), start, end, "composed", human=True, head=role.head)
        merged.person = owner.person or owner.text
        merged.country = owner.country or role.country
        merged.org = owner.org or role.org
        merged.sector = owner.sector or role.sector
        return merged
    merged = Actor(sentence.span_text(start, end), start, end, "composed")
    merged.country, merged.org = owner.country, owner.org
    merged.sector, merged.head, merged.human = role.sector, role.head, role.human
    return merged  # "Putin's spokesman" is not Putin: no person is carried over


def _preferred(entries: list[ActorEntry]) -> ActorEntry:
    """Of several entries for one phrase, the least ambiguous state-like one."""
    return sorted(entries, key=lambda e: (e.ambiguous, e.kind == "sector"))[0]


def _is_initial(tokens, index: int) -> bool:
    """ "R." in "John R. Bolton", "Jr." after a surname."""
    norm = tokens[index].norm
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return following == "." and (len(norm) == 1 and norm.isupper() or norm in ("Jr", "Sr"))


def _possessive_use(sentence: Sentence, index: int) -> bool:
    """ "her" before a noun is possessive, not a pronoun for a person."""
    token = sentence.tokens[index]
    if token.lower != "her" or index + 1 >= len(sentence.tokens):
        return False
    return sentence.tokens[index + 1].norm[:1].isalpha()
