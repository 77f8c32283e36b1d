"""detente/actors/memory.py: document memory, run through the whole pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.model import Actor, Document

DAY = dt.date(2018, 3, 15)


@pytest.fixture(scope="module")
def run(pipeline):
    def run(text: str, day: dt.date | None = DAY) -> Document:
        return pipeline(Document("memory-test", text, date=day))

    return run


def _actor(document: Document, sentence: int, text: str) -> Actor:
    actors = document.sentences[sentence].actors
    for actor in actors:
        if actor.text == text:
            return actor
    raise AssertionError(f"no mention {text!r} in sentence {sentence}: {[(a.text, a.kind) for a in actors]}")


def _identity(actor: Actor) -> tuple[str | None, str | None]:
    return actor.country, actor.sector


# --- people described by the text ----------------------------------------------------------


def test_memory_appositive_then_surname(run):
    doc = run(
        "Anatoly Antonov, the Russian ambassador to Washington, said the expulsions were hostile. "
        "Antonov said Moscow would respond in kind."
    )
    assert _identity(_actor(doc, 0, "Anatoly Antonov")) == ("RUS", "GOV")
    assert _identity(_actor(doc, 1, "Antonov")) == ("RUS", "GOV")


def test_memory_appositive_gives_an_unknown_name_its_role(run):
    doc = run("Boris Volkov, the Russian ambassador, was summoned on Friday. Boris Volkov said he would leave.")
    first = _actor(doc, 0, "Boris Volkov")
    assert first.kind == "name"
    assert _identity(first) == ("RUS", "GOV")
    assert _identity(_actor(doc, 1, "Boris Volkov")) == ("RUS", "GOV")


def test_memory_appositive_with_indefinite_article(run):
    doc = run("Boris Volkov, a Russian diplomat, was expelled on Friday.")
    assert _identity(_actor(doc, 0, "Boris Volkov")) == ("RUS", "GOV")


def test_memory_role_then_known_person(run):
    doc = run("The ambassador, Jon Huntsman, was summoned on Friday. The ambassador said he would meet officials.")
    assert _identity(_actor(doc, 0, "ambassador")) == ("USA", "GOV")
    assert _identity(_actor(doc, 1, "ambassador")) == ("USA", "GOV")


def test_memory_without_apposition_a_name_stays_unknown(run):
    doc = run("Boris Volkov was summoned on Friday. The Russian ambassador said the talks had failed.")
    assert _actor(doc, 0, "Boris Volkov").country is None


# --- role nouns pointing back ----------------------------------------------------------------


def test_memory_the_embassy_after_a_named_embassy(run):
    doc = run(
        "The U.S. Embassy in Moscow said it had received the diplomatic note. "
        "The embassy said all staff would leave by Friday."
    )
    assert _identity(_actor(doc, 1, "embassy")) == ("USA", "GOV")


def test_memory_the_embassy_follows_the_latest_embassy_named(run):
    doc = run(
        "The Russian Embassy in London condemned the decision. "
        "Separately, the U.S. Embassy in Moscow received a note. "
        "The embassy declined to comment."
    )
    assert _actor(doc, 2, "embassy").country == "USA"


def test_memory_his_embassy_after_an_ambassador(run):
    doc = run("The Russian ambassador was summoned on Monday. His embassy said it would respond.")
    assert _identity(_actor(doc, 1, "His embassy")) == ("RUS", "GOV")


def test_memory_the_administration_is_the_dateline_state(run):
    doc = run("WASHINGTON — The administration said on Friday that it would expel the diplomats.")
    assert doc.dateline_country == "USA"
    assert _identity(_actor(doc, 0, "administration")) == ("USA", "GOV")


def test_memory_the_government_is_the_dateline_state(run):
    doc = run("LONDON (Reuters) — The government said it would respond within days.")
    assert doc.dateline_country == "GBR"
    assert _actor(doc, 0, "government").country == "GBR"


def test_memory_the_administration_without_dateline_stays_unresolved(run):
    doc = run("The administration said on Friday that it would expel the diplomats.")
    assert doc.dateline_country is None
    assert _actor(doc, 0, "administration").country is None


def test_memory_plural_role_noun_alone_is_unresolved(run):
    doc = run("Diplomats were seen leaving the building on Friday.")
    actor = _actor(doc, 0, "Diplomats")
    assert actor.country is None
    assert actor.sector == "GOV"


def test_memory_plural_role_noun_is_not_given_the_dateline_state(run):
    doc = run("WASHINGTON — Diplomats were seen leaving the building on Friday.")
    assert doc.dateline_country == "USA"
    assert _actor(doc, 0, "Diplomats").country is None


def test_memory_plural_role_noun_is_not_guessed_from_a_singular_one(run):
    doc = run("The Russian diplomat was told to leave. Other diplomats stayed in the capital.")
    assert _actor(doc, 1, "diplomats").country is None


# --- pronouns ---------------------------------------------------------------------------------


def test_memory_he_is_the_last_person(run):
    doc = run("Sergei Lavrov met reporters on Monday. He said Moscow would respond.")
    assert _identity(_actor(doc, 1, "He")) == ("RUS", "GOV")


def test_memory_he_is_the_latest_of_two_people(run):
    doc = run("Sergei Lavrov spoke with Rex Tillerson by phone. He said the talks were useful.")
    assert _actor(doc, 1, "He").country == "USA"


def test_memory_he_with_no_person_before_is_unresolved(run):
    doc = run("The Kremlin issued a statement. He said the talks were useful.")
    assert _actor(doc, 1, "He").country is None


def test_memory_it_is_the_last_body(run):
    doc = run("The Kremlin said it would respond.")
    assert _identity(_actor(doc, 0, "it")) == ("RUS", "GOV")


def test_memory_it_after_ordered_that_is_not_the_orderer(run):
    doc = run("The Kremlin ordered that it be closed within two days.")
    it = _actor(doc, 0, "it")
    assert it.country != "RUS"
    assert it.country is None


def test_memory_it_after_ordered_that_skips_only_the_orderer(run):
    doc = run("Britain expelled the envoy. The Kremlin ordered that it respond in kind.")
    assert _actor(doc, 1, "it").country != "RUS"


def test_memory_he_after_an_unknown_person_is_not_guessed(run):
    doc = run("Sergei Lavrov met Boris Volkov on Monday. He said the talks went well.")
    assert _actor(doc, 1, "He").country is None


def test_memory_it_is_not_the_place_after_in(run):
    doc = run("The U.S. Embassy in Moscow said it had received the diplomatic note.")
    assert _actor(doc, 0, "it").country == "USA"


def test_memory_surname_of_an_unknown_name_after_apposition(run):
    doc = run("Boris Volkov, the Russian ambassador, was summoned on Friday. Volkov said he would leave.")
    assert _identity(_actor(doc, 1, "Volkov")) == ("RUS", "GOV")


def test_memory_appositive_then_surname_of_a_person_outside_role_dates(run):
    doc = run(
        "Anatoly Antonov, the Russian ambassador to Washington, said the expulsions were hostile. "
        "Antonov said Moscow would respond in kind.",
        day=dt.date(2016, 5, 2),
    )
    assert _identity(_actor(doc, 0, "Anatoly Antonov")) == ("RUS", "GOV")
    assert _identity(_actor(doc, 1, "Antonov")) == ("RUS", "GOV")


def test_memory_they_after_one_state_group_is_resolved(pipeline):
    from detente.model import Document

    document = pipeline(Document(id="m", text="Norway expelled 15 Russian diplomats. They must leave within a week."))
    they = [a for a in document.sentences[1].actors if a.text == "They"]
    assert they and they[0].country == "RUS"


def test_memory_they_after_groups_of_two_states_is_left_unresolved(pipeline):
    from detente.model import Document

    text = "Russian diplomats met Norwegian officials. They discussed the case."
    document = pipeline(Document(id="m", text=text))
    they = [a for a in document.sentences[1].actors if a.text == "They"]
    assert they and they[0].country is None


def test_memory_the_two_leaders_are_the_last_two_states_named(pipeline):
    from detente.model import Document

    text = "Chinese President Xi Jinping met U.S. President Joe Biden on Wednesday. The two leaders agreed to resume military talks."
    document = pipeline(Document(id="m", text=text))
    agree = [e for e in document.events if e.plover == "AGREE"]
    assert agree and sorted(a.country for a in agree[0].source) == ["CHN", "USA"]


def test_memory_authorities_belong_to_the_only_state_in_the_story(pipeline):
    from detente.model import Document

    text = "Iranian security forces have arrested more than 1,200 protesters. Authorities also restricted access to Instagram."
    document = pipeline(Document(id="m", text=text))
    restrict = [e for e in document.events if e.trigger_text == "restricted"]
    assert restrict and restrict[0].source[0].country == "IRN"
