"""detente/nlp/places.py: place names after "in", "at", "near", and the gazetteer."""
from __future__ import annotations

import pytest

from detente.nlp.places import Gazetteer, Place, find_places
from detente.nlp.sentences import split_sentences


def _places(text: str, gazetteer, lexicon):
    sentences = split_sentences(text)
    assert len(sentences) == 1, [s.text for s in sentences]
    return find_places(sentences[0], gazetteer, lexicon)


@pytest.fixture(scope="module")
def find(resources):
    return lambda text: _places(text, resources.gazetteer, resources.lexicon)


def test_places_city_after_in(find):
    (place,) = find("Russia ordered the closure of the consulate in Seattle.")
    assert place.text == "Seattle"
    assert place.country == "USA"
    assert place.latitude is not None and place.longitude is not None


def test_places_token_span_names_the_place(resources):
    sentence = split_sentences("Russia ordered the closure of the consulate in Seattle.")[0]
    (place,) = find_places(sentence, resources.gazetteer, resources.lexicon)
    assert sentence.span_text(place.start, place.end) == "Seattle"


def test_places_abbreviated_saint(find):
    (place,) = find("The U.S. consulate in St. Petersburg will close.")
    assert place.text == "St. Petersburg"
    assert place.country == "RUS"


def test_places_country_name(find):
    (place,) = find("Fighting continued in Ukraine on Sunday.")
    assert place.text == "Ukraine"
    assert place.country == "UKR"


def test_places_countries_are_added_by_resources(resources):
    place = resources.gazetteer.get("Ukraine")
    assert place is not None and place.country == "UKR"


def test_places_country_after_the(find):
    (place,) = find("Talks were later held in the United States.")
    assert place.text == "United States"
    assert place.country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered outside the White House on Sunday.",
        "The envoy was received at the White House.",
    ],
)
def test_places_seat_of_power_is_not_a_place(text, find):
    assert find(text) == []


def test_places_seats_are_removed_from_the_gazetteer(resources):
    assert resources.gazetteer.get("White House") is None
    assert "Kremlin" not in resources.gazetteer


def test_places_without_a_location_preposition_nothing_is_found(find):
    assert find("Seattle officials declined to comment.") == []


def test_places_lower_case_word_is_not_a_place(find):
    assert find("The envoy spoke in private.") == []


def test_places_longest_name_wins(find):
    (place,) = find("The envoy was born in New Delhi.")
    assert place.text == "New Delhi"
    assert place.country == "IND"


def test_places_handmade_gazetteer_prefers_the_more_populous_place(resources):
    gazetteer = Gazetteer({})
    gazetteer.add("Alderburg", Place("Alderburg", "DEU", 50.0, 8.0, 40_000))
    gazetteer.add("Alderburg", Place("Alderburg", "USA", 40.0, -80.0, 250_000))
    gazetteer.add("Alderburg", Place("Alderburg", "CAN", 45.0, -75.0, 90_000))
    assert gazetteer.get("Alderburg").country == "USA"
    (place,) = _places("Talks were held in Alderburg on Monday.", gazetteer, resources.lexicon)
    assert place.country == "USA"
    assert (place.latitude, place.longitude) == (40.0, -80.0)


def test_places_handmade_gazetteer_from_a_dict(resources):
    gazetteer = Gazetteer({"Port Verity": Place("Port Verity", "AUS", -30.0, 150.0, 20_000)})
    assert "Port Verity" in gazetteer
    (place,) = _places("A ship docked near Port Verity overnight.", gazetteer, resources.lexicon)
    assert place.text == "Port Verity"
    assert place.country == "AUS"


def test_places_gazetteer_remove():
    gazetteer = Gazetteer({})
    gazetteer.add("Alderburg", Place("Alderburg", "DEU", None, None, 1))
    gazetteer.remove("Alderburg")
    gazetteer.remove("Nowhere")  # removing an unknown name is not an error
    assert "Alderburg" not in gazetteer


def test_places_month_name_is_not_a_place(find):
    assert find("The envoy took up his post in March.") == []


def test_places_context_picks_among_places_of_one_name(resources):
    from detente.nlp.places import Gazetteer, Place, find_places
    from detente.nlp.sentences import split_sentences

    gazetteer = Gazetteer({"Alexandria": [Place("Alexandria", "EGY", 31.2, 29.9, 4_000_000), Place("Alexandria", "USA", 38.8, -77.0, 150_000)]})
    sentence = split_sentences("The talks were held in Alexandria on Monday.")[0]
    assert find_places(sentence, gazetteer, resources.lexicon)[0].country == "EGY"
    assert find_places(sentence, gazetteer, resources.lexicon, frozenset({"USA"}))[0].country == "USA"


def test_places_story_about_a_state_places_its_city_there(pipeline):
    from detente.model import Document

    text = "Russia expelled 60 Americans. The U.S. consulate in St. Petersburg was closed."
    document = pipeline(Document(id="p", text=text))
    assert document.sentences[1].places[0].country == "RUS"
