"""Breadth of the pattern dictionaries (detente/data/verbs): events stated as nouns and
verb senses added for common news phrasings, each checked on a sentence written for
this file, plus traps where a pattern word has a sense that is no event."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.model import Document

PUBLISHED = dt.date(2024, 3, 1)


def code(pipeline, text: str):
    return pipeline(Document(id="t", text=text, date=PUBLISHED)).events


def codes(actors) -> list[str | None]:
    return [a.country or a.org for a in actors]


def one(events, plover: str):
    found = [e for e in events if e.plover == plover]
    assert len(found) == 1, [(e.plover, e.trigger_text) for e in events]
    return found[0]


# --- events stated as nouns ------------------------------------------------------------
# (sentence, PLOVER type, mode or None to skip, source, target or None to skip, trigger)
NOUNS = [
    ("The German chancellor's trip to Beijing angered Washington.", "CONSULT", "visit", ["DEU"], ["CHN"], "trip"),
    ("Russia's dialogue with the Taliban continued in Kazan.", "CONSULT", None, ["RUS"], ["AFG"], "dialogue"),
    ("Russia's praise for China's peace plan surprised Kyiv.", "SUPPORT", None, ["RUS"], ["CHN"], "praise"),
    ("Israel's strike on a school in Gaza killed 20 people, Palestinian officials said.", "ASSAULT", None, ["ISR"], ["PSE"], "strike"),
    ("The strike by Iranian truck drivers entered its third day.", "PROTEST", "strike", ["IRN"], None, "strike"),
    ("Russia's refusal to extend the grain deal angered Turkey.", "REJECT", None, ["RUS"], None, "refusal"),
    ("China's drills around Taiwan ended on Sunday.", "MOBILIZE", "troops", ["CHN"], ["TWN"], "drills"),
    ("The joint exercises between India and France ended on Friday.", "COOPERATE", None, ["IND", "FRA"], None, "joint exercises"),
    ("North Korea's missile test alarmed Japan.", "MOBILIZE", "weapons", ["PRK"], None, "missile test"),
    ("The EU's probe into Chinese electric vehicles angered Beijing.", "ACCUSE", "investigate", ["EU"], None, "probe"),
    ("China's ban on Japanese seafood imports remains in place.", "SANCTION", "discontinue", ["CHN"], ["JPN"], "ban"),
    ("The prisoner swap between Russia and the United States took place in Ankara.", "RETREAT", "release", ["RUS"], ["USA"], "prisoner swap"),
    ("The exchange of fire between Indian and Pakistani troops lasted an hour.", "ASSAULT", None, ["IND"], ["PAK"], "exchange"),
    ("Turkey's extradition of two Swedes to Iran drew protests.", "COOPERATE", None, ["TUR"], None, "extradition"),
    ("Japan's donation of vaccines to Vietnam arrived on Monday.", "AID", None, ["JPN"], ["VNM"], "donation"),
    ("Germany's deliveries of tanks to Ukraine began in March.", "AID", None, ["DEU"], ["UKR"], "deliveries"),
    ("The ICC's arrest warrant for Putin restricts his travel.", "THREATEN", "arrest", ["ICC"], ["RUS"], "arrest warrant"),
    ("Ukraine's lawsuit against Russia at the International Court of Justice continues.", "ACCUSE", "allege", ["UKR"], ["RUS"], "lawsuit"),
    ("Moscow's rebuke of Berlin came a day after the expulsions.", "ACCUSE", "disapprove", ["RUS"], ["DEU"], "rebuke"),
    ("Iran's seizure of the tanker angered Britain.", "COERCE", "seize", ["IRN"], None, "seizure"),
    ("Russia's mobilisation of 300,000 reservists began in September.", "MOBILIZE", "troops", ["RUS"], None, "mobilisation"),
    ("The U.S. tariffs on Chinese steel took effect on Monday.", "SANCTION", "discontinue", ["USA"], ["CHN"], "tariffs"),
    ("China's warning to the United States came after the visit.", "THREATEN", None, ["CHN"], ["USA"], "warning"),
    ("Israel's air strikes on Hezbollah positions continued overnight.", "ASSAULT", "aerial", ["ISR"], None, "air strikes"),
]


@pytest.mark.parametrize("text, plover, mode, source, target, trigger", NOUNS, ids=[n[-1] for n in NOUNS])
def test_noun_codes_its_event(pipeline, text, plover, mode, source, target, trigger):
    event = one(code(pipeline, text), plover)
    assert event.trigger_text == trigger
    assert codes(event.source) == source
    if mode is not None:
        assert event.mode == mode
    if target is not None:
        assert codes(event.target) == target


def test_noun_hunger_strike_is_protest_hunger(pipeline):
    event = one(code(pipeline, "Palestinian detainees in Israeli prisons began a hunger strike on Monday."), "PROTEST")
    assert event.mode == "hunger" and codes(event.source) == ["PSE"]


def test_noun_labour_strike_is_protest_not_assault(pipeline):
    events = code(pipeline, "British nurses began a strike over pay on Monday.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    assert one(events, "PROTEST").mode == "strike"


def test_noun_object_of_a_coded_verb_is_no_second_event(pipeline):
    events = code(pipeline, "Japan postponed a planned trip to Seoul on Friday.")
    assert [e.plover for e in events] == ["REJECT"]


# --- verb senses --------------------------------------------------------------------------
VERBS = [
    ("Japan postponed a planned visit to Seoul by its foreign minister.", "REJECT", "meet", ["JPN"], "postponed"),
    ("Kenya's president skipped a planned meeting with Uganda's president on Tuesday.", "REJECT", "meet", ["KEN"], "skipped"),
    ("Poland put its army on the highest level of combat readiness after the drone incursion.", "MOBILIZE", "troops", ["POL"], "put"),
    ("The African Union activated a standby force for Somalia on Monday.", "MOBILIZE", "troops", ["AU"], "activated"),
    ("The regional bloc ECOWAS ordered the activation of its standby force on Thursday.", "MOBILIZE", "troops", ["ECOWAS"], "ordered"),
    ("Germany linked Russian military intelligence to a 2015 hack of the Bundestag.", "ACCUSE", "allege", ["DEU"], "linked"),
    ("Nepal and India inaugurated a cross-border railway on Saturday.", "COOPERATE", None, ["NPL", "IND"], "inaugurated"),
    ("Japan and South Korea renewed their intelligence-sharing pact on Friday.", "COOPERATE", None, ["JPN", "KOR"], "renewed"),
    ("Canada and Britain brought their trade agreement into force on Monday.", "COOPERATE", None, ["CAN", "GBR"], "brought"),
    ("Serbia barred the Croatian president's plane from landing in Belgrade.", "REJECT", None, ["SRB"], "barred"),
]


@pytest.mark.parametrize("text, plover, mode, source, trigger", VERBS, ids=[v[-1] for v in VERBS])
def test_verb_sense_codes_its_event(pipeline, text, plover, mode, source, trigger):
    event = one(code(pipeline, text), plover)
    assert event.trigger_text == trigger and codes(event.source) == source
    assert event.mode == mode


def test_verb_linked_accusation_targets_the_accused(pipeline):
    event = one(code(pipeline, "Germany linked Russian military intelligence to a 2015 hack of the Bundestag."), "ACCUSE")
    assert codes(event.target) == ["RUS"] and event.cameo == "112"


def test_verb_inaugurated_link_is_cooperate_not_support(pipeline):
    events = code(pipeline, "Nepal and India inaugurated a cross-border railway on Saturday.")
    assert [e.plover for e in events] == ["COOPERATE"] and events[0].cameo == "061"


def test_verb_other_agreement_brought_into_force_is_support(pipeline):
    event = one(code(pipeline, "Chile and Peru brought their border treaty into force on Monday."), "SUPPORT")
    assert event.cameo == "057"


# --- traps: the same words with no event ------------------------------------------------
TRAPS = [
    ("The first sentence of the French statement praised Germany.", "COERCE"),  # a sentence of text
    ("China's exercise of sovereignty over the reef angered Manila.", "MOBILIZE"),  # "exercise" singular
    ("In the case of Ukraine, the EU acted quickly.", "ACCUSE"),  # no lawsuit
    ("The bridge linking Crimea to Russia reopened on Monday after an explosion damaged it.", "ACCUSE"),  # a bridge links places
    ("Pakistan's loan from the IMF was approved on Friday.", "AID"),  # a loan's possessor is often its recipient
    ("Nurses at three London hospitals began a strike over pay on Monday.", "ASSAULT"),  # a labour strike
    ("Egypt's mediation between Israel and Hamas produced a truce.", "CONSULT"),  # "between" names the parties, not the mediator
]


@pytest.mark.parametrize("text, plover", TRAPS, ids=[t[1] + str(i) for i, t in enumerate(TRAPS)])
def test_trap_codes_no_such_event(pipeline, text, plover):
    assert not [e for e in code(pipeline, text) if e.plover == plover and e.status == "asserted"]


def test_verb_suspended_from_an_organisation_is_sanction_expel(pipeline):
    event = one(code(pipeline, "ECOWAS suspended Guinea from the bloc's decision-making bodies."), "SANCTION")
    assert (event.mode, codes(event.source), codes(event.target)) == ("expel", ["ECOWAS"], ["GIN"])


def test_retaliation_in_kind_by_object():
    from detente import code_text

    strike = code_text("Israel retaliated for the drone attack with strikes on Lebanon.", "2024-04-20")
    duties = code_text("China retaliated against Canada with tariffs on canola.", "2024-04-20")
    assert [e.plover for e in strike][:1] == ["ASSAULT"]
    assert "SANCTION" in [e.plover for e in duties]


def test_withdrawing_accreditation_is_an_expulsion():
    from detente import code_text

    events = code_text("NATO withdrew the accreditation of eight members of the Russian mission on Tuesday.", "2021-10-06")
    assert [(e.plover, e.mode, [a.country for a in e.target]) for e in events] == [("SANCTION", "expel", ["RUS"])]


def test_vows_of_war_and_punishment_are_threats():
    from detente import code_text

    for text in ("Pakistan vowed to respond at a time of its choosing.", "Tehran vowed that Israel would be punished."):
        assert "THREATEN" in [e.plover for e in code_text(text, "2024-04-02")], text


def test_ferrying_relief_is_aid():
    from detente import code_text

    events = code_text("Australian navy ships began ferrying food and water to cyclone survivors in Vanuatu.", "2015-03-20")
    assert [(e.plover, [a.country for a in e.target]) for e in events][:1] == [("AID", ["VUT"])]
