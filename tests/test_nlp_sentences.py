"""detente/nlp/sentences.py: sentence splitting for news text."""
from __future__ import annotations

import pytest

from detente.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_sentences_split_on_period():
    assert _texts("Russia expelled the envoy. Britain responded on Friday.") == [
        "Russia expelled the envoy.",
        "Britain responded on Friday.",
    ]


def test_sentences_split_on_question_and_exclamation_marks():
    assert _texts("Will Moscow retaliate? Officials would not say! The talks ended.") == [
        "Will Moscow retaliate?",
        "Officials would not say!",
        "The talks ended.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Volkov met reporters in Geneva on Monday.",
        "The consulate in St. Petersburg will close on Saturday.",
        "The ruling cited Martin Luther King Jr. Day as the deadline.",
        "Sen. Adams and Gov. Baker issued a joint statement.",
        "The talks ended on Jan. 5 without a deal.",
    ],
)
def test_sentences_no_split_after_abbreviation(text):
    assert _texts(text) == [text]


def test_sentences_no_split_after_middle_initial():
    text = "National security adviser John R. Bolton met the envoy."
    assert _texts(text) == [text]


def test_sentences_no_split_after_initialism_before_non_starter():
    text = "Staff at the U.S. Consulate in Yekaterinburg were told to leave."
    assert _texts(text) == [text]


def test_sentences_split_after_initialism_before_the():
    assert _texts("The order came from the U.S. The Kremlin called it hostile.") == [
        "The order came from the U.S.",
        "The Kremlin called it hostile.",
    ]


def test_sentences_split_after_initialism_before_pronoun():
    assert _texts("The envoy flew back to the U.S. He declined to comment.") == [
        "The envoy flew back to the U.S.",
        "He declined to comment.",
    ]


def test_sentences_paragraphs_are_split_even_without_punctuation():
    text = "MOSCOW BRACES FOR SANCTIONS\n\nThe ministry said talks had failed."
    assert _texts(text) == ["MOSCOW BRACES FOR SANCTIONS", "The ministry said talks had failed."]


def test_sentences_closing_quote_stays_with_its_sentence():
    text = 'The spokeswoman said: "We will respond." The embassy closed on Friday.'
    assert _texts(text) == ['The spokeswoman said: "We will respond."', "The embassy closed on Friday."]


def test_sentences_curly_closing_quote_stays_with_its_sentence():
    text = "The envoy said “we will leave.” Then he walked out."
    assert _texts(text) == ["The envoy said “we will leave.”", "Then he walked out."]


def test_sentences_opening_quote_starts_a_new_sentence():
    text = "Russia expelled the diplomats. “This is a hostile act,” the ministry said."
    assert _texts(text) == ["Russia expelled the diplomats.", "“This is a hostile act,” the ministry said."]


def test_sentences_line_wrapped_text_is_flattened():
    text = "The ministry said the\ndiplomats must leave\n   within seven days. Britain protested."
    assert _texts(text) == ["The ministry said the diplomats must leave within seven days.", "Britain protested."]


def test_sentences_indices_count_up():
    sentences = split_sentences("One envoy left. Two stayed.\n\nThree were summoned.")
    assert [s.index for s in sentences] == [0, 1, 2]


def test_sentences_start_offsets_point_into_the_document():
    text = (
        "  MOSCOW — Russia expelled 60 diplomats on Thursday. The U.S. Embassy said\n"
        "it would comply.\n\n"
        "Mr. Volkov, the envoy, left Moscow. He said nothing."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 4
    for sentence in sentences:
        first_word = sentence.text.split()[0]
        assert text[sentence.start : sentence.start + len(first_word)] == first_word
    assert sentences[0].start == 2
    assert sentences[2].start == text.index("Mr. Volkov")
    assert sentences[3].start == text.index("He said")


def test_sentences_tokens_are_filled_in():
    sentence = split_sentences("Russia's envoy left.")[0]
    assert [t.text for t in sentence.tokens] == ["Russia", "'s", "envoy", "left", "."]


def test_sentences_tokens_of_a_wrapped_sentence_index_its_flat_text():
    sentence = split_sentences("The envoy\nleft Moscow.")[0]
    for token in sentence.tokens:
        assert sentence.text[token.start : token.end] == token.text


def test_sentences_empty_text_has_no_sentences():
    assert split_sentences("   \n\n  ") == []


def test_sentences_split_after_the_word_no():
    text = "Asked whether Moscow would retaliate, the spokesman said no. The ministry later issued a statement."
    assert _texts(text) == [
        "Asked whether Moscow would retaliate, the spokesman said no.",
        "The ministry later issued a statement.",
    ]
