"""detente/actors/resolver.py: actor mentions of one sentence, matched and composed."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.resolver import ActorResolver
from detente.model import Document
from detente.nlp.sentences import split_sentences

DAY = dt.date(2018, 3, 15)


@pytest.fixture(scope="module")
def resolver(resources):
    return ActorResolver(resources.actors, resources.lexicon, resources.gazetteer.__contains__)


@pytest.fixture(scope="module")
def actors(resolver):
    """The actors of a one-sentence text, as the resolver alone finds them."""

    def run(text: str, day: dt.date | None = DAY):
        sentences = split_sentences(text)
        assert len(sentences) == 1, [s.text for s in sentences]
        return resolver(sentences[0], day)

    return run


def _only(found, text: str | None = None):
    """The single non-pronoun mention (optionally: the one with this text)."""
    mentions = [a for a in found if a.kind != "pronoun" and (text is None or a.text == text)]
    assert len(mentions) == 1, [(a.text, a.kind, a.country) for a in found]
    return mentions[0]


def _first(found, text: str):
    for actor in found:
        if actor.text == text:
            return actor
    raise AssertionError(f"no mention {text!r} in {[(a.text, a.kind) for a in found]}")


# --- states ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Russia expelled the British envoy on Friday.", "Russia", "RUS"),
        ("The U.S. responded within hours.", "U.S.", "USA"),
        ("Britain summoned the ambassador.", "Britain", "GBR"),
        ("The United States said the move was hostile.", "United States", "USA"),
        ("The Russian Federation denied the claim.", "Russian Federation", "RUS"),
    ],
)
def test_resolver_country_names_and_short_forms(actors, text, mention, country):
    actor = _first(actors(text), mention)
    assert actor.kind == "country"
    assert actor.country == country
    assert actor.sector == "GOV"


def test_resolver_capital_stands_for_the_state(actors):
    actor = _first(actors("Moscow denied any role in the attack."), "Moscow")
    assert actor.kind == "capital"
    assert actor.country == "RUS"


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("The Kremlin denied the report.", "Kremlin", "RUS", "GOV"),
        ("The Pentagon announced new deployments.", "Pentagon", "USA", "MIL"),
        ("Downing Street said the decision was final.", "Downing Street", "GBR", "GOV"),
        ("The White House declined to comment.", "White House", "USA", "GOV"),
    ],
)
def test_resolver_seats_of_power(actors, text, mention, country, sector):
    actor = _first(actors(text), mention)
    assert actor.kind == "seat"
    assert (actor.country, actor.sector) == (country, sector)


# --- composition ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Russian diplomats were ordered to leave.", "Russian diplomats", "RUS", "GOV"),
        ("U.S. intelligence agencies reached the same conclusion.", "U.S. intelligence agencies", "USA", "SPY"),
        ("Chinese warships entered the strait on Tuesday.", "Chinese warships", "CHN", "MIL"),
        ("Ukrainian troops returned fire.", "Ukrainian troops", "UKR", "MIL"),
        ("British officials said the talks had stalled.", "British officials", "GBR", "GOV"),
    ],
)
def test_resolver_demonym_and_role_noun_compose(actors, text, mention, country, sector):
    actor = _only(actors(text))
    assert actor.text == mention
    assert actor.kind == "composed"
    assert (actor.country, actor.sector) == (country, sector)


def test_resolver_warship_is_a_mil_noun_in_the_data(resources):
    """The Chinese-warships case above relies on data/actors/sectors.yaml listing it under MIL."""
    from detente.datafiles import load_entries
    from detente.config import DATA_DIR

    mil = next(e for e in load_entries(DATA_DIR / "actors" / "sectors.yaml", "sectors") if e.get("sector") == "MIL")
    assert "warship" in mil.get("nouns")


def test_resolver_composed_mention_keeps_the_role_noun_as_head(actors):
    actor = _only(actors("Russian diplomats were ordered to leave."))
    assert actor.head == "diplomat"
    assert actor.human is True


def test_resolver_composed_body_is_not_human(actors):
    actor = _only(actors("The Russian Embassy issued a statement."))
    assert actor.country == "RUS"
    assert actor.head == "embassy"
    assert actor.human is False


def test_resolver_modifier_between_demonym_and_noun(actors):
    actor = _only(actors("Senior Russian officials attended."))
    assert (actor.country, actor.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Russia's ambassador was summoned on Monday.", "Russia's ambassador", "RUS"),
        ("Britain’s foreign secretary spoke by phone.", "Britain’s foreign secretary", "GBR"),
        ("The U.K.'s ambassador was recalled.", "U.K.'s ambassador", "GBR"),
    ],
)
def test_resolver_possessive_composes(actors, text, mention, country):
    actor = _only(actors(text))
    assert actor.text == mention
    assert (actor.country, actor.sector) == (country, "GOV")


@pytest.mark.parametrize(
    ("text", "mention", "code", "sector"),
    [
        ("NATO condemned the attack.", "NATO", "NATO", "MIL"),
        ("The European Union announced new sanctions.", "European Union", "EU", "IGO"),
        ("The EU announced new sanctions.", "EU", "EU", "IGO"),
    ],
)
def test_resolver_organisations(actors, text, mention, code, sector):
    actor = _first(actors(text), mention)
    assert actor.kind == "org"
    assert actor.org == code
    assert actor.sector == sector
    assert actor.country is None
    assert actor.resolved


def test_resolver_role_of_country(actors):
    actor = _only(actors("The foreign minister of France condemned the expulsions."))
    assert actor.text == "foreign minister of France"
    assert (actor.country, actor.sector) == ("FRA", "GOV")


def test_resolver_role_of_country_keeps_the_role_sector(actors):
    actor = _only(actors("The defense minister of Russia denied the report."))
    assert (actor.country, actor.sector) == ("RUS", "MIL")


def test_resolver_title_and_name_make_one_mention(actors):
    found = actors("Russian Foreign Minister Sergei Lavrov called the move hostile.")
    actor = _only(found)
    assert actor.text == "Russian Foreign Minister Sergei Lavrov"
    assert (actor.country, actor.sector) == ("RUS", "GOV")
    assert actor.person == "Sergei Lavrov"
    assert actor.human is True


# --- people and their dated roles ------------------------------------------------------


def test_resolver_person_in_office_on_the_day(actors):
    actor = _only(actors("Rex Tillerson condemned the attack."))
    assert actor.kind == "person"
    assert actor.person == "Rex Tillerson"
    assert (actor.country, actor.sector) == ("USA", "GOV")


def test_resolver_person_alias_resolves_like_the_full_name(actors):
    actor = _only(actors("Tillerson condemned the attack."))
    assert actor.person == "Rex Tillerson"
    assert actor.country == "USA"


def test_resolver_person_last_day_in_office_is_included(actors):
    """people.yaml: Tillerson's role ends 2018-03-31, the last day in office."""
    assert _only(actors("Rex Tillerson condemned the attack.", dt.date(2018, 3, 31))).country == "USA"


@pytest.mark.parametrize("day", [dt.date(2020, 6, 1), dt.date(2018, 4, 1), dt.date(2016, 5, 2)])
def test_resolver_person_outside_role_dates_has_no_country(actors, day):
    actor = _only(actors("Rex Tillerson condemned the attack.", day))
    assert actor.person == "Rex Tillerson"  # still the same person
    assert actor.country is None
    assert actor.sector is None
    assert not actor.resolved


def test_resolver_person_role_follows_the_document_date(pipeline):
    text = "Rex Tillerson condemned the attack in Salisbury."
    in_office = pipeline(Document("t-2018", text, date=DAY))
    out_of_office = pipeline(Document("t-2020", text, date=dt.date(2020, 6, 1)))
    assert _first(in_office.sentences[0].actors, "Rex Tillerson").country == "USA"
    assert _first(out_of_office.sentences[0].actors, "Rex Tillerson").country is None


def test_resolver_unknown_capitalised_name_is_a_name_mention(actors):
    actor = _only(actors("Boris Volkov was expelled on Friday."))
    assert actor.text == "Boris Volkov"
    assert actor.kind == "name"
    assert actor.human is True
    assert not actor.resolved


def test_resolver_name_with_middle_initial_is_one_name(actors):
    actor = _only(actors("Daniel K. Harwood was detained on Friday."))
    assert actor.text == "Daniel K. Harwood"
    assert actor.kind == "name"


def test_resolver_place_name_is_not_a_person_name(actors):
    assert [a for a in actors("The ministry said New Delhi would respond.") if a.kind == "name"] == []


def test_resolver_bare_role_noun_is_unresolved(actors):
    actor = _only(actors("The ambassador was summoned on Monday."))
    assert actor.kind == "sector"
    assert actor.sector == "GOV"
    assert actor.country is None


def test_resolver_possessive_pronoun_is_part_of_the_mention(actors):
    actor = _only(actors("His embassy issued a statement."))
    assert actor.text == "His embassy"
    assert actor.possessor == "his"
    assert actor.country is None


def test_resolver_pronouns_are_mentions(actors):
    found = actors("She told him the decision was final.")
    assert [(a.text, a.kind) for a in found] == [("She", "pronoun"), ("him", "pronoun")]


def test_resolver_mentions_are_in_sentence_order(actors):
    found = actors("The White House and the Kremlin spoke by phone.")
    assert [a.text for a in found] == ["White House", "Kremlin"]
    assert [a.start for a in found] == sorted(a.start for a in found)


def test_resolver_warships_are_not_human(actors):
    assert _only(actors("Chinese warships entered the strait on Tuesday.")).human is False


def test_resolver_role_for_a_body(actors):
    found = actors("A spokeswoman for the State Department declined to comment.")
    spokeswoman = next(a for a in found if a.text.startswith("spokeswoman"))
    assert (spokeswoman.country, spokeswoman.sector) == ("USA", "GOV")


def test_resolver_possessive_person_is_not_the_role_holder(actors):
    actor = _only(actors("Putin's spokesman dismissed the report."))
    assert (actor.country, actor.sector) == ("RUS", "GOV")
    assert actor.person != "Vladimir Putin"
