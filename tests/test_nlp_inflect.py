"""detente/nlp/inflect.py: noun plurals and verb forms for dictionary entries."""
from __future__ import annotations

import pytest

from detente.nlp.inflect import pluralize, verb_forms


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("embassy", "embassies"),
        ("official", "officials"),
        ("spokesman", "spokesmen"),
        ("intelligence agency", "intelligence agencies"),
        ("ministry", "ministries"),
        ("church", "churches"),
        ("foreign minister", "foreign ministers"),
        ("congresswoman", "congresswomen"),
    ],
)
def test_inflect_pluralize_makes_the_plural(noun, plural):
    assert plural in pluralize(noun)


def test_inflect_pluralize_keeps_the_singular_first():
    assert pluralize("embassy")[0] == "embassy"
    assert pluralize("intelligence agency")[0] == "intelligence agency"


def test_inflect_pluralize_consonant_y_does_not_add_plain_s():
    assert "embassys" not in pluralize("embassy")


def test_inflect_pluralize_vowel_y_adds_s():
    forms = pluralize("attorney")
    assert "attorneys" in forms
    assert "attornies" not in forms


def test_inflect_pluralize_inflects_only_the_last_word():
    forms = pluralize("intelligence agency")
    assert "intelligences agency" not in forms
    assert all(form.startswith("intelligence ") for form in forms)


def test_inflect_pluralize_short_man_word_is_not_made_men():
    """Only compounds in -man ("spokesman") take -men; a short word like "Oman" does not."""
    assert pluralize("Oman") == ["Oman", "Omans"]


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("expel", {"expel", "expels", "expelled", "expelling"}),
        ("close", {"close", "closes", "closed", "closing"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("summon", {"summon", "summons", "summoned", "summoning"}),
        ("impose", {"impose", "imposes", "imposed", "imposing"}),
        ("veto", {"veto", "vetoes", "vetoed", "vetoing"}),
    ],
)
def test_inflect_verb_forms_include_the_regular_forms(lemma, expected):
    assert expected <= set(verb_forms(lemma))


def test_inflect_verb_forms_final_e_is_not_doubled():
    forms = verb_forms("close")
    assert "closeed" not in forms
    assert "closeing" not in forms or "closing" in forms


def test_inflect_verb_forms_consonant_y_takes_ied_and_ies():
    forms = verb_forms("deny")
    assert "denyed" not in forms
    assert "denys" not in forms


def test_inflect_verb_forms_inflect_only_the_first_word():
    forms = verb_forms("carry out")
    assert {"carry out", "carries out", "carried out", "carrying out"} <= set(forms)
    assert all(form.endswith(" out") for form in forms)


def test_inflect_verb_forms_ie_takes_ying():
    assert "dying" in verb_forms("die")
    assert "dieing" not in verb_forms("die")
