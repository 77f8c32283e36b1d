"""detente/nlp/quantities.py: counted quantities ("60 Russian diplomats")."""
from __future__ import annotations

import pytest

from detente.nlp.quantities import find_quantities
from detente.nlp.sentences import split_sentences


@pytest.fixture(scope="module")
def lexicon(resources):
    return resources.lexicon


def _quantities(text: str, lexicon):
    sentences = split_sentences(text)
    assert len(sentences) == 1, [s.text for s in sentences]
    return find_quantities(sentences[0], lexicon)


def _one(text: str, lexicon):
    found = _quantities(text, lexicon)
    assert len(found) == 1, [(q.value, q.unit) for q in found]
    return found[0]


def test_quantities_digits_with_demonym_and_noun(lexicon):
    quantity = _one("Washington expelled 60 Russian diplomats on Monday.", lexicon)
    assert quantity.value == 60
    assert "diplomats" in quantity.unit
    assert quantity.unit == "Russian diplomats"


def test_quantities_token_span_covers_number_and_unit(lexicon):
    sentence = split_sentences("Washington expelled 60 Russian diplomats on Monday.")[0]
    (quantity,) = find_quantities(sentence, lexicon)
    assert sentence.span_text(quantity.start, quantity.end) == "60 Russian diplomats"


def test_quantities_number_word(lexicon):
    quantity = _one("The ministry expelled sixty diplomats from the capital.", lexicon)
    assert quantity.value == 60
    assert "diplomats" in quantity.unit


def test_quantities_two_dozen(lexicon):
    quantity = _one("Britain sent two dozen ambassadors to the summit.", lexicon)
    assert quantity.value == 24
    assert "ambassadors" in quantity.unit


def test_quantities_hyphenated_number_word(lexicon):
    quantity = _one("The ministry expelled twenty-three envoys on Tuesday.", lexicon)
    assert quantity.value == 23
    assert "envoys" in quantity.unit


def test_quantities_thousands_separator(lexicon):
    quantity = _one("The ministry deployed 1,200 troops to the border.", lexicon)
    assert quantity.value == 1200
    assert quantity.unit == "troops"


def test_quantities_employees(lexicon):
    quantity = _one("The U.S. mission must cut 755 employees by September.", lexicon)
    assert quantity.value == 755
    assert quantity.unit == "employees"


def test_quantities_several_in_one_sentence(lexicon):
    found = _quantities("Russia expelled 23 British diplomats and 4 military attaches.", lexicon)
    assert [q.value for q in found] == [23, 4]


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions were first imposed in 2016.",
        "The envoy arrived before the 2016 election.",
    ],
)
def test_quantities_years_are_not_quantities(text, lexicon):
    assert _quantities(text, lexicon) == []


def test_quantities_money_is_not_a_count(lexicon):
    assert _quantities("Moscow pledged $5 million in aid to the region.", lexicon) == []


@pytest.mark.parametrize("text", ["Bilateral trade fell 5 percent.", "Bilateral trade fell 5% in March."])
def test_quantities_percentages_are_not_counts(text, lexicon):
    assert _quantities(text, lexicon) == []


def test_quantities_no_one_is_not_a_count(lexicon):
    assert _quantities("At first no one would meet the Russian envoy.", lexicon) == []


def test_quantities_month_day_is_not_a_count(lexicon):
    assert _quantities("The expulsion order was issued on March 29 in Moscow.", lexicon) == []


def test_quantities_durations_are_not_counts(lexicon):
    assert _quantities("The talks lasted 3 hours.", lexicon) == []


def test_quantities_decade_is_not_a_count(lexicon):
    assert _quantities("Relations were calmer in the 1990s than now.", lexicon) == []


def test_quantities_money_in_words_is_not_a_count(lexicon):
    assert _quantities("Moscow pledged 5 million dollars to the region.", lexicon) == []


def test_quantities_street_address_is_not_a_count(lexicon):
    assert _quantities("The envoy was received at 10 Downing Street.", lexicon) == []


def test_quantities_unit_stops_before_the_verb(lexicon):
    quantity = _one("Sixty diplomats left Moscow on Friday.", lexicon)
    assert quantity.unit == "diplomats"


def test_quantities_bounds_and_round_figures_are_marked_approximate(resources):
    from detente.nlp.quantities import find_quantities
    from detente.nlp.sentences import split_sentences

    def first(text):
        return find_quantities(split_sentences(text)[0], resources.lexicon)[0]

    assert first("Hundreds of diplomats left.").approximate
    assert first("More than 60 diplomats left.").approximate
    assert first("About 40 protesters were detained.").approximate
    assert not first("Exactly 60 diplomats left.").approximate
