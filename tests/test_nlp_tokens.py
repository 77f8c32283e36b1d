"""detente/nlp/tokens.py: the tokenizer shared by dictionaries and text."""
from __future__ import annotations

import pytest

from detente.nlp.tokens import normalize, token_keys, tokenize


def _texts(sentence: str) -> list[str]:
    return [t.text for t in tokenize(sentence)]


def test_tokens_initialism_is_one_token():
    texts = _texts("The U.S. Embassy in Moscow received the note.")
    assert "U.S." in texts
    assert "U" not in texts and "S" not in texts


def test_tokens_initialism_with_three_letters_is_one_token():
    assert "U.S.A." in _texts("Officials in the U.S.A. declined to comment.")


def test_tokens_possessive_s_is_split_from_its_word():
    assert _texts("Russia's ambassador was summoned.")[:3] == ["Russia", "'s", "ambassador"]


def test_tokens_possessive_after_initialism_is_split():
    assert _texts("The U.K.'s envoy left London.")[1:3] == ["U.K.", "'s"]


def test_tokens_curly_apostrophe_possessive_is_normalised():
    tokens = tokenize("Britain’s foreign secretary spoke.")
    assert [t.text for t in tokens[:2]] == ["Britain", "’s"]
    assert tokens[1].norm == "'s"


def test_tokens_curly_quotes_are_straightened_in_norm_only():
    text = "The envoy said “we will respond” on Monday."
    tokens = tokenize(text)
    opening = next(t for t in tokens if t.text == "“")
    closing = next(t for t in tokens if t.text == "”")
    assert opening.norm == '"' and closing.norm == '"'
    assert opening.lower == '"'


@pytest.mark.parametrize(
    "text",
    [
        "The envoy said “we won’t leave” before the talks in Geneva.",
        "Moscow’s reply — “a hostile act” — came within hours.",
        "Russia's U.S. envoy didn't attend, officials said.",
    ],
)
def test_tokens_offsets_index_the_original_text(text):
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert len(token.norm) == len(token.text)
        assert token.lower == token.norm.lower()


def test_tokens_normalize_keeps_length():
    text = "“It’s over,” the minister said – twice — on Friday."
    assert len(normalize(text)) == len(text)
    assert normalize(text) == "\"It's over,\" the minister said - twice - on Friday."


def test_tokens_negated_contraction_is_kept_whole():
    assert "don't" in _texts("Officials don't expect a deal this week.")


def test_tokens_curly_negated_contraction_is_kept_whole_and_normalised():
    tokens = tokenize("The ministry didn’t comment.")
    token = next(t for t in tokens if t.lower.startswith("didn"))
    assert token.text == "didn’t"
    assert token.norm == "didn't"


def test_tokens_hyphenated_words_are_one_token():
    texts = _texts("A pro-Russian group staged a well-organised rally.")
    assert "pro-Russian" in texts
    assert "well-organised" in texts


def test_tokens_apostrophe_inside_a_name_is_one_token():
    assert "d'Ivoire" in _texts("Troops from Côte d'Ivoire arrived.")


def test_tokens_number_with_thousands_separator_is_one_token():
    texts = _texts("About 1,000 troops and 2,500,000 dollars were sent.")
    assert "1,000" in texts
    assert "2,500,000" in texts


def test_tokens_decimal_number_is_one_token():
    assert "3.5" in _texts("The economy grew 3.5 percent.")


def test_tokens_sentence_final_period_is_its_own_token():
    texts = _texts("Russia expelled the envoy.")
    assert texts[-2:] == ["envoy", "."]


def test_tokens_lower_is_lowercase_of_norm():
    tokens = tokenize("NATO Allies MET")
    assert [t.lower for t in tokens] == ["nato", "allies", "met"]


def test_tokens_token_keys_match_text_tokens():
    """A dictionary phrase and the same words in text give the same keys."""
    phrase_keys = token_keys("U.S. Embassy")
    text_norms = tuple(t.norm for t in tokenize("U.S. Embassy"))
    assert phrase_keys == text_norms == ("U.S.", "Embassy")


def test_tokens_token_keys_normalise_curly_apostrophes():
    assert token_keys("Côte d’Ivoire") == ("Côte", "d'Ivoire")
