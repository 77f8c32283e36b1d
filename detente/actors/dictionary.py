"""The actor dictionaries (data/actors/*.yaml) compiled into token tries.

Entries written with a capital letter match case-sensitively, lower-case entries
match any case. Each phrase maps to one or more `ActorEntry`s.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from detente.config import DATA_DIR
from detente.datafiles import load_entries
from detente.nlp.inflect import pluralize
from detente.nlp.tokens import token_keys

_END = ""  # trie key that holds the entries ending at a node


@dataclass(frozen=True)
class Role:
    """One dated role of a person."""

    country: str | None
    org: str | None
    sector: str
    title: str | None
    start: dt.date
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """What a dictionary phrase names."""

    kind: str  # country, capital, seat, demonym, people, org, sector, person
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    head: str | None = None
    human: bool = False
    ambiguous: bool = False
    person: str | None = None
    roles: tuple[Role, ...] = ()

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on `day`; with no day, the most recent role."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: r.start)
        held = [r for r in self.roles if r.holds_on(day)]
        return max(held, key=lambda r: r.start) if held else None


@dataclass
class ActorDictionary:
    """Two tries of token keys: case-sensitive (proper nouns) and lower-case."""

    exact: dict = field(default_factory=dict)
    folded: dict = field(default_factory=dict)
    surnames: dict[str, ActorEntry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    non_places: set[str] = field(default_factory=set)  # seats and organisations: never a gazetteer place

    @classmethod
    def load(cls, directory: Path | None = None, non_human_heads: frozenset[str] = frozenset()) -> "ActorDictionary":
        directory = directory or DATA_DIR / "actors"
        dictionary = cls()
        dictionary._load_countries(directory / "countries.yaml")
        dictionary._load_organisations(directory / "organisations.yaml")
        dictionary._load_sectors(directory / "sectors.yaml", non_human_heads)
        dictionary._load_people(directory / "people.yaml")
        return dictionary

    def add(self, phrase: str, entry: ActorEntry) -> None:
        keys = token_keys(phrase)
        if not keys:
            return
        trie = self.exact if phrase[:1].isupper() or phrase[:1].isdigit() else self.folded
        node = trie
        for key in keys if trie is self.exact else (k.lower() for k in keys):
            node = node.setdefault(key, {})
        bucket = node.setdefault(_END, [])
        if entry not in bucket:
            bucket.append(entry)

    def longest_match(self, norms: list[str], lowers: list[str], start: int) -> tuple[int, list[ActorEntry]] | None:
        """The longest phrase starting at token `start`: (end, entries), or None."""
        best = None
        for trie, keys in ((self.exact, norms), (self.folded, lowers)):
            node, index = trie, start
            while index < len(keys) and keys[index] in node:
                node = node[keys[index]]
                index += 1
                if _END in node and (best is None or index > best[0]):
                    best = (index, node[_END])
        return best

    def _load_countries(self, path: Path) -> None:
        for entry in load_entries(path, "countries"):
            code = entry.get("code")
            self.names[code] = entry.get("name")
            ambiguous = set(entry.get("ambiguous") or ())
            for name in [entry.get("name"), *(entry.get("names") or ())]:
                self.add(name, ActorEntry("country", code, sector="GOV", ambiguous=name in ambiguous))
            for name in entry.get("capitals") or ():
                self.add(name, ActorEntry("capital", code, sector="GOV", ambiguous=name in ambiguous))
            for seat in entry.get("seats") or ():
                self.add(seat["name"], ActorEntry("seat", code, sector=seat["sector"]))
                self.non_places.add(seat["name"])
            for name in entry.get("demonyms") or ():
                self.add(name, ActorEntry("demonym", code))
            for name in entry.get("people") or ():
                self.add(name, ActorEntry("people", code, human=True))

    def _load_organisations(self, path: Path) -> None:
        for entry in load_entries(path, "organisations"):
            code = entry.get("code")
            self.names[code] = entry.get("name")
            ambiguous = set(entry.get("ambiguous") or ())
            actor = dict(org=code, sector=entry.get("sector") or entry.get("kind"), country=entry.get("country"))
            for name in [entry.get("name"), *(entry.get("names") or ())]:
                self.add(name, ActorEntry("org", ambiguous=name in ambiguous, **actor))
                self.non_places.add(name)

    def _load_sectors(self, path: Path, non_human_heads: frozenset[str]) -> None:
        for entry in load_entries(path, "sectors"):
            sector = entry.get("sector")
            for noun in entry.get("nouns"):
                for form in pluralize(noun) if noun[:1].islower() else [noun]:
                    words = form.split(" of ")[0].lower().split()  # "secretary of state": a person
                    if len(words) > 1 and words[-1] == "general":
                        words = words[:-1]  # "consulate general" is a consulate, "attorney general" an attorney
                    human = words[-1] not in non_human_heads
                    self.add(form, ActorEntry("sector", sector=sector, head=noun.lower(), human=human))

    def _load_people(self, path: Path) -> None:
        for entry in load_entries(path, "people"):
            roles = tuple(_role(r) for r in entry.get("roles"))
            person = ActorEntry("person", person=entry.get("name"), human=True, roles=roles)
            for name in [entry.get("name"), *(entry.get("aliases") or ())]:
                self.add(name, person)


def _role(data: dict) -> Role:
    end = data.get("end")
    return Role(
        country=data.get("country"),
        org=data.get("org"),
        sector=data.get("sector"),
        title=data.get("title"),
        start=dt.date.fromisoformat(data["start"]),
        end=dt.date.fromisoformat(end) if end else None,
    )
