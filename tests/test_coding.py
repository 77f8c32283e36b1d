"""The coding steps: verb patterns, clauses (who did it to whom), status and the coder."""
from __future__ import annotations

import datetime as dt

import pytest

from detente.coding.patterns import PatternIndex
from detente.errors import DataError
from detente.model import Document

PUBLISHED = dt.date(2018, 3, 31)


def code(pipeline, text: str, date: dt.date | None = PUBLISHED):
    return pipeline(Document(id="t", text=text, date=date)).events


def codes(actors) -> list[str | None]:
    return [a.country or a.org for a in actors]


def only(events, plover: str):
    found = [e for e in events if e.plover == plover]
    assert len(found) == 1, [(e.plover, e.trigger_text) for e in events]
    return found[0]


# --- verbs: patterns and their senses ---------------------------------------------


def test_verbs_expel_diplomats_is_sanction_expel(pipeline):
    event = only(code(pipeline, "Poland expelled 45 Russian diplomats on Wednesday."), "SANCTION")
    assert (event.mode, event.cameo) == ("expel", "161")
    assert codes(event.source) == ["POL"] and codes(event.target) == ["RUS"]


def test_verbs_particle_after_object_is_found(pipeline):
    event = only(code(pipeline, "Russia ordered 60 Americans out of the country."), "SANCTION")
    assert event.mode == "expel"


def test_verbs_object_constraint_decides_the_sense(pipeline):
    assert only(code(pipeline, "Britain closed the Russian consulate in Edinburgh."), "SANCTION").mode == "discontinue"
    assert [e for e in code(pipeline, "Britain closed the meeting early.") if e.plover == "SANCTION"] == []


def test_verbs_summoning_an_ambassador_is_accuse_not_consult(pipeline):
    events = code(pipeline, "Germany summoned the Iranian ambassador on Monday.")
    event = only(events, "ACCUSE")
    assert event.mode == "disapprove"
    assert codes(event.target) == ["IRN"]
    assert not [e for e in events if e.plover == "CONSULT"]


def test_verbs_noun_use_does_not_trigger(pipeline):
    assert code(pipeline, "An attack on the convoy was reported near the border.") == []


def test_verbs_passive_swaps_source_and_target(pipeline):
    event = only(code(pipeline, "Russian diplomats were harassed by U.S. intelligence agencies."), "COERCE")
    assert codes(event.source) == ["USA"] and event.source[0].sector == "SPY"
    assert codes(event.target) == ["RUS"]


def test_verbs_bad_mode_in_a_pattern_file_is_refused_with_its_line(tmp_path):
    folder = tmp_path / "verbs"
    folder.mkdir()
    (folder / "bad.yaml").write_text(
        "- verb: expel\n  plover: SANCTION\n  cameo: \"161\"\n\n- verb: meet\n  plover: CONSULT\n  mode: expel\n  cameo: \"040\"\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"bad\.yaml:5: 'expel' is not a PLOVER 2\.0 mode of CONSULT"):
        PatternIndex.load(folder)


def test_verbs_unknown_cameo_code_is_refused(tmp_path):
    folder = tmp_path / "verbs"
    folder.mkdir()
    (folder / "bad.yaml").write_text("- verb: expel\n  plover: SANCTION\n  cameo: \"999\"\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.yaml:1: unknown CAMEO code '999'"):
        PatternIndex.load(folder)


# --- clauses: who did it to whom ------------------------------------------------


def test_clauses_coordinated_verb_shares_the_subject(pipeline):
    events = code(pipeline, "Russia responded Thursday by ordering out 60 Americans and closing the U.S. Consulate in St. Petersburg.")
    assert [codes(e.source) for e in events] == [["RUS"], ["RUS"]]
    assert [codes(e.target) for e in events] == [["USA"], ["USA"]]


def test_clauses_participle_after_comma_shares_the_subject(pipeline):
    text = "WASHINGTON — The administration took a harder line, publicly blaming Russia for the attack and imposing sanctions on Moscow."
    events = code(pipeline, text)
    assert {e.plover for e in events} == {"ACCUSE", "SANCTION"}
    assert all(codes(e.source) == ["USA"] for e in events)  # "the administration" of the dateline's state
    assert all(codes(e.target) == ["RUS"] for e in events)


def test_clauses_compound_subject_is_one_event_with_several_actors(pipeline):
    event = only(code(pipeline, "South Korea, Japan and the United States condemned the launch."), "ACCUSE")
    assert codes(event.source) == ["KOR", "JPN", "USA"]


def test_clauses_causative_order_makes_the_orderer_the_source(pipeline):
    text = "The U.S. Embassy in Moscow cut staff. Last summer the Kremlin ordered that it dispense with 755 employees."
    event = only(code(pipeline, text), "SANCTION")
    assert codes(event.source) == ["RUS"]
    assert event.quantity.value == 755


def test_clauses_urged_party_is_the_one_who_would_act(pipeline):
    events = code(pipeline, "The European Union urged Serbia to release the detained journalists.")
    release = only(events, "RETREAT")
    assert codes(release.source) == ["SRB"]
    assert release.status == "hypothetical"


def test_clauses_complaint_targets_the_doer_of_the_complained_act(pipeline):
    text = "The Russian embassy complained that Russian diplomats were being harassed by U.S. intelligence agencies."
    complaint = only(code(pipeline, text), "ACCUSE")
    assert codes(complaint.source) == ["RUS"] and codes(complaint.target) == ["USA"]


def test_clauses_own_envoy_is_not_the_target(pipeline):
    event = only(code(pipeline, "Belarus recalled its envoy to the European Union."), "SANCTION")
    assert codes(event.target) == ["EU"]


def test_clauses_place_after_in_is_a_location_not_a_target(pipeline):
    event = only(code(pipeline, "Japan summoned the Chinese ambassador in Tokyo."), "ACCUSE")
    assert codes(event.target) == ["CHN"]
    assert event.location.text == "Tokyo"


# --- status -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, status",
    [
        ("Denmark expelled three Russian diplomats.", "asserted"),
        ("Denmark did not expel any Russian diplomats.", "negated"),
        ("Denmark has refused to expel Russian diplomats.", "negated"),
        ("Denmark could expel Russian diplomats.", "hypothetical"),
        ("Denmark is considering whether to expel Russian diplomats.", "hypothetical"),
        ("Denmark will expel Russian diplomats next week.", "future"),
        ("Denmark said it would expel Russian diplomats.", "future"),
        ("Denmark threatened to expel Russian diplomats.", "future"),
        ("Denmark would expel Russian diplomats if the spying went on.", "hypothetical"),
    ],
)
def test_status_of_an_expulsion(pipeline, text, status):
    assert only(code(pipeline, text), "SANCTION").status == status


def test_status_condition_outranks_negation(pipeline):
    event = only(code(pipeline, "Sanctions will follow if Minsk does not release political prisoners."), "RETREAT")
    assert event.status == "hypothetical"


def test_status_accused_act_is_only_alleged(pipeline):
    events = code(pipeline, "Ukraine accused Russia of shelling the city of Kharkiv.")
    assert only(events, "ACCUSE").status == "asserted"
    assert only(events, "ASSAULT").status == "hypothetical"


def test_status_is_inherited_by_a_coordinated_verb(pipeline):
    events = code(pipeline, "Denmark did not expel Russian diplomats or close the Russian consulate.")
    assert [e.status for e in events] == ["negated", "negated"]


# --- the coder: dates, quantities, locations, scores ----------------------------------


def test_coder_event_fields_follow_the_contract(pipeline):
    event = only(code(pipeline, "Russia responded Thursday by ordering out 60 Americans."), "SANCTION")
    record = event.to_dict()
    assert record["date"] == "2018-03-29"
    assert record["quantity"] == {"value": 60, "unit": "Americans"}
    assert record["goldstein"] == -4.0
    trigger = record["trigger"]
    assert record["sentence_text"][trigger["start"] : trigger["end"]] == trigger["text"] == "ordering out"


def test_coder_relative_date_without_publication_date_is_null(pipeline):
    event = only(code(pipeline, "Russia expelled 60 U.S. diplomats on Thursday.", date=None), "SANCTION")
    assert event.date is None


def test_coder_goldstein_comes_from_the_cameo_code(pipeline, resources):
    event = only(code(pipeline, "The European Union imposed sanctions on Belarus."), "SANCTION")
    assert event.cameo == "163"
    assert event.goldstein == resources.ontology.goldstein_of("163") == -8.0


def test_coder_unresolved_source_is_dropped_unless_asked(resources):
    from detente.pipeline import Pipeline

    text = "Gunmen attacked a police station overnight."
    strict = Pipeline.default(resources)(Document(id="t", text=text)).events
    lenient = Pipeline.default(resources, keep_unresolved_source=True)(Document(id="t", text=text)).events
    assert strict == []
    assert lenient and lenient[0].plover == "ASSAULT"


# --- breadth: every type and root has patterns, and a plain sentence of each codes ---------


def test_patterns_cover_every_plover_type_and_cameo_root(resources):
    patterns = [c.pattern for forms in resources.patterns.by_form.values() for c in forms]
    assert {p.plover for p in patterns} == set(resources.ontology.plover)
    assert {p.cameo[:2] for p in patterns} == {f"{root:02d}" for root in range(1, 21)}


@pytest.mark.parametrize(
    "text, plover",
    [
        ("Iran agreed to resume nuclear talks with the European Union.", "AGREE"),
        ("The Chinese foreign minister met his Indian counterpart in Beijing.", "CONSULT"),
        ("Germany praised Poland for its handling of the crisis.", "SUPPORT"),
        ("Japan apologized to South Korea for the remarks.", "CONCEDE"),
        ("India and Japan held joint naval exercises in the Arabian Sea.", "COOPERATE"),
        ("Canada sent humanitarian aid to Haiti.", "AID"),
        ("Azerbaijan released 15 Armenian prisoners.", "RETREAT"),
        ("The United Nations urged Israel to allow more aid into Gaza.", "REQUEST"),
        ("Turkey condemned Sweden after the protest.", "ACCUSE"),
        ("Venezuela rejected the proposal by Colombia.", "REJECT"),
        ("North Korea threatened to attack South Korea.", "THREATEN"),
        ("Thousands of Serbians protested in Belgrade on Sunday.", "PROTEST"),
        ("Australia imposed sanctions on Myanmar.", "SANCTION"),
        ("Russia deployed troops along the border with Ukraine.", "MOBILIZE"),
        ("Iranian police arrested two French citizens in Tehran.", "COERCE"),
        ("Israeli warplanes bombed targets in Syria.", "ASSAULT"),
    ],
)
def test_coder_one_plain_sentence_of_each_type(pipeline, text, plover):
    assert plover in {e.plover for e in code(pipeline, text)}, [(e.plover, e.trigger_text) for e in code(pipeline, text)]


def test_verbs_bare_participle_after_its_noun_is_a_passive(pipeline):
    (victims,) = code(pipeline, "There were 10 Russian soldiers killed in Ukraine today.")
    assert victims.source == [] and codes(victims.target) == ["RUS"]  # victims, not killers; the killer unknown
    events = code(pipeline, "Ten Russian soldiers were killed by Ukrainian drones.")
    assert [(codes(e.source), codes(e.target)) for e in events] == [(["UKR"], ["RUS"])]


def test_verbs_verb_form_after_a_preposition_is_a_noun(pipeline):
    events = code(pipeline, "Canada announced bans on travel to Canada for four Russian officers.")
    assert not [e for e in events if e.plover == "CONSULT"]


def test_status_claimed_act_is_hypothetical(pipeline):
    event = only(code(pipeline, "The US claimed that Iran had attacked Iraq."), "ASSAULT")
    assert event.status == "hypothetical"


def test_coder_contexts_come_from_code_and_cues(pipeline):
    event = only(code(pipeline, "Russia tested a new nuclear missile on Friday."), "MOBILIZE")
    assert {"military", "cbrn"} <= set(event.contexts)


def test_coder_confidence_reflects_how_the_event_was_found(pipeline):
    direct = only(code(pipeline, "Poland expelled 45 Russian diplomats."), "SANCTION")
    inferred = only(code(pipeline, "The Russian embassy said it condemned the decision."), "ACCUSE")
    assert 0 < inferred.confidence < direct.confidence <= 1


# --- events stated as nouns ---------------------------------------------------------


def test_nouns_expulsion_codes_like_the_verb(pipeline):
    by_noun = only(code(pipeline, "Russia's expulsion of 60 U.S. diplomats angered Washington."), "SANCTION")
    by_agent = only(code(pipeline, "The expulsion of a U.S. diplomat by Russia angered Washington."), "SANCTION")
    by_verb = only(code(pipeline, "Russia expelled a U.S. diplomat."), "SANCTION")
    assert {(e.mode, e.cameo) for e in (by_noun, by_agent, by_verb)} == {("expel", "161")}
    assert codes(by_noun.source) == codes(by_agent.source) == ["RUS"]
    assert codes(by_noun.target) == ["USA"] and by_noun.quantity.value == 60


def test_nouns_need_an_actor_tied_to_them(pipeline):
    assert code(pipeline, "Officials said the attack on the convoy killed six.") == []
    events = code(pipeline, "U.S. sanctions against Iran took effect on Monday.")
    assert [(e.plover, codes(e.source), codes(e.target)) for e in events] == [("SANCTION", ["USA"], ["IRN"])]


def test_nouns_object_of_a_coded_verb_is_not_a_second_event(pipeline):
    events = code(pipeline, "The European Union imposed sanctions on Iran.")
    assert len(events) == 1 and events[0].trigger_text == "imposed"


def test_nouns_considered_sanctions_are_not_asserted(pipeline):
    events = code(pipeline, "The White House is considering U.S. sanctions against Russia.")
    assert all(e.status != "asserted" for e in events if e.plover == "SANCTION")


# --- known failures of other coders ------------------------------------------------------


def test_known_failure_negation_is_a_status_not_a_rejection(pipeline):
    events = code(pipeline, "Australia and India have not concluded a free trade agreement.")
    assert [(e.plover, e.status) for e in events] == [("AGREE", "negated")]


def test_known_failure_refusing_cooperation_is_a_rejection(pipeline):
    event = only(code(pipeline, "Niger refused to receive a joint delegation from ECOWAS."), "REJECT")
    assert event.status == "asserted" and codes(event.target) == ["ECOWAS"]


@pytest.mark.parametrize(
    "text",
    [
        "Relations between Russia and the United States are at their lowest point since the Cold War.",
        "Russia beat France 3-1 in the World Cup quarter-final on Saturday.",
        "Apple attacks Samsung's pricing in a new advertising campaign.",
        "Brazil crushed Argentina in the Copa America final.",
        "Oil prices fell sharply after OPEC met in Vienna, traders said.",
    ],
)
def test_known_failure_background_sport_and_business_yield_no_conflict_event(pipeline, text):
    assert [e for e in code(pipeline, text) if e.plover in ("ASSAULT", "COERCE", "THREATEN", "SANCTION")] == []


def test_known_failure_warned_that_is_not_a_threat(pipeline):
    assert code(pipeline, "The World Food Programme warned that famine conditions were spreading in Gaza.") == []
    assert only(code(pipeline, "Russia warned Finland against joining NATO."), "THREATEN")


# --- the other party, from the context ------------------------------------------------------


def test_discourse_reaction_is_aimed_at_the_last_actor(pipeline):
    events = code(pipeline, "The Czech Republic expelled 18 Russian diplomats. Moscow vowed to retaliate.")
    threat = only(events, "THREATEN")
    assert codes(threat.target) == ["CZE"]
    assert threat.target[0].inferred and threat.to_dict()["target"][0]["inferred"] is True
    assert threat.confidence < only(events, "SANCTION").confidence


def test_discourse_state_named_as_a_place_is_the_target(pipeline):
    event = only(code(pipeline, "Iran reopened its embassy in Riyadh on Tuesday."), "SUPPORT")
    assert codes(event.target) == ["SAU"]


def test_discourse_home_acts_target_the_own_state(pipeline):
    event = only(code(pipeline, "SANTIAGO — Authorities imposed a night-time curfew in the capital."), "COERCE")
    assert codes(event.source) == codes(event.target) == ["CHL"]


def test_discourse_named_targets_are_not_marked_inferred(pipeline):
    event = only(code(pipeline, "Poland expelled 45 Russian diplomats."), "SANCTION")
    assert not any(a.inferred for a in event.target)
    assert "inferred" not in event.to_dict()["target"][0]


def test_status_announced_conditional_sanction_is_a_threat(pipeline):
    events = code(pipeline, "Washington said it would reimpose oil sanctions on Venezuela unless the opposition candidate was allowed to run.")
    threat = only(events, "THREATEN")
    assert threat.status == "asserted" and codes(threat.target) == ["VEN"]
    assert not [e for e in events if e.plover == "SANCTION" and e.status == "asserted"]


def test_status_warning_of_harm_is_a_threat_and_a_forecast_is_not(pipeline):
    text = "Ukraine received its first F-16 jets. Moscow warned that airfields hosting the jets would be legitimate targets."
    assert only(code(pipeline, text), "THREATEN").status == "asserted"
    assert code(pipeline, "The agency warned that the harvest would be poor.") == []


def test_patterns_cover_every_three_digit_cameo_code_with_1500_senses(resources):
    patterns = {(c.pattern.source_file, c.pattern.line): c.pattern for forms in resources.patterns.by_form.values() for c in forms}
    three_digit = {code for code in resources.ontology.cameo_names if len(code) == 3}
    assert three_digit <= {p.cameo[:3] for p in patterns.values()}
    assert len(patterns) >= 1500


def test_status_considered_option_is_hypothetical(pipeline):
    event = only(code(pipeline, "The European Union is considering sanctions against Belarusian officials."), "SANCTION")
    assert (event.status, event.cameo) == ("hypothetical", "014")
    assert codes(event.target) == ["BLR"]


def test_verbs_inverse_sense_makes_the_giver_the_source(pipeline):
    event = only(code(pipeline, "Pakistan received 500,000 doses of China's Sinopharm vaccine."), "AID")
    assert codes(event.source) == ["CHN"] and codes(event.target) == ["PAK"]


def test_places_skip_area_modifiers(pipeline):
    from detente.model import Document

    document = pipeline(Document(id="p", text="Protesters clashed with riot police in central Paris."))
    assert [p.text for p in document.sentences[0].places] == ["Paris"]


def test_modes_come_from_cue_words_when_the_verb_leaves_them_open(pipeline):
    event = only(code(pipeline, "An Israeli drone strike killed a senior Hamas commander in Lebanon."), "ASSAULT")
    assert event.mode == "drone"
    visit = only(code(pipeline, "Brazil's president met Xi Jinping in Beijing on Friday."), "CONSULT")
    assert visit.mode == "visit"


def test_discourse_reacting_state_targets_whoever_last_acted_on_it(pipeline):
    text = "China began military drills around Taiwan on Thursday. Taiwan said it had put its forces on alert."
    alert = [e for e in code(pipeline, text) if e.trigger_text == "put"]
    assert alert and codes(alert[0].target) == ["CHN"]


def test_discourse_deployment_at_home_targets_the_own_state(pipeline):
    event = only(code(pipeline, "SANTIAGO — The president deployed soldiers on the streets of Santiago."), "MOBILIZE")
    assert codes(event.source) == codes(event.target) == ["CHL"]


def test_clauses_giver_after_from_and_own_forces_are_not_targets(pipeline):
    event = only(code(pipeline, "Kenya sent 400 police officers to Haiti on Tuesday."), "AID")  # police sent abroad help: CAMEO 074
    assert codes(event.target) == ["HTI"]


def test_clauses_causative_with_a_date_between_the_ordered_and_the_verb(pipeline):
    event = only(code(pipeline, "Russia ordered Britain on Friday to reduce its diplomatic staff by more than 50 people."), "SANCTION")
    assert codes(event.source) == ["RUS"] and codes(event.target) == ["GBR"]
