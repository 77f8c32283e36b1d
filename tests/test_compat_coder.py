"""detente/compat: the TABARI-style coder (words, mentions, noun phrases, patterns, roles).

Each test codes a sentence or two with a small dictionary written here, so the
conventions are checked without ../shared (test_compat_suite.py runs PETRARCH's suite)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.compat import TabariDictionaries, parse_actors, parse_agents, parse_discards, parse_verbs
from detente.compat.coder import TabariCoder
from detente.compat.options import CoderOptions
from detente.compat.words import split_words
from detente.errors import DataError

VERBS = """
&CURRENCY
+DOLLARS
+SWISS FRANCS
+GOLDEN_GOBLIN_GALLEONS

--- RESTORE [064] ---
RESTORE
- * DIPLOMATIC [065]
- * FULL DIPLOMATIC TIES [066]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [903]

--- ALLOW [080] ---
ALLOW
- RECENTLY_* [025]
- INDICATED MAY * [024]

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- MEET [031:031] ---
MEET

--- AGREE [081] ---
AGREE
- % * [030:030]

--- HAS [---] ---
HAS
- *_NO_WISH [025]

--- QUESTION [---] ---
QUESTION
- BEGUN * [212]

--- OPPOSE [112] ---
OPPOSE

--- CONDEMN [122] ---
CONDEMN

--- PROMISE [050] ---
PROMISE

--- SAID [023] ---
SAID

--- CELEBRATE [181] ---
CELEBRATE
- * IFTAR AT ^ ^ + [044]

--- BREAK [1717] ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}

--- ACCORD [---] ---
ACCORD
- TO * [073]

--- SHOULD [101] ---
SHOULD
"""

ACTORS = """
ARNOR_ [ARN]
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]
ITHILEN [ITH]
ITHILEN TELEVISION [ITHTV]
NEW_ZEALAND [NZE]
DENMARK [DNK]
+DANISH
+ZEALAND
THE_AU [IGOAFR]
AUSTRALIA [AUS]
+AUSTRALIAN
LORIEN [ELR/GAL]
BOROMIR [---]
WHITE_HOUSE [USAGOV]
GOLLUM
    [HOB < 950601]
    [HOBGOV 19950601 - 19990815]
    [HOBREB > 990816]
"""

AGENTS = """
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
SECURITY_OFFICIALS [~GOV]
MEDIA {} [~MED]
POLICE {} [~COP]
MSF {} [NGO~]
AMBASSADOR [~GOV]
PARLIAMENT [~LEG]
PROSECUTOR [~JUD]
"""

DISCARDS = """
BASEBALL
+TYPHOON
"""


@pytest.fixture(scope="module")
def coder() -> TabariCoder:
    dictionaries = TabariDictionaries(
        Path("."), {}, parse_verbs(VERBS), parse_actors(ACTORS), parse_agents(AGENTS), parse_discards(DISCARDS),
    )
    return TabariCoder(dictionaries)


def triples(coder: TabariCoder, text: str, day: str = "1995-01-01", **options) -> set[tuple[str, str, str]]:
    coded = coder.code(text, dt.date.fromisoformat(day), CoderOptions(**options))
    return {event.triple for event in coded.events}


# --- words ------------------------------------------------------------------------------

def test_words_are_upper_case_with_treebank_contractions_and_possessives():
    assert [w.text for w in split_words("Gondor's envoy didn't, won't or can't go.")] == [
        "GONDOR", "'S", "ENVOY", "DID", "N'T", ",", "WO", "N'T", "OR", "CA", "N'T", "GO", ".",
    ]


def test_underscores_split_words_and_a_hanging_hyphen_stays_with_its_word():
    assert [w.text for w in split_words("the Prince of Dol_Amroth at an anti- Gondor parade")][3:] == [
        "DOL", "AMROTH", "AT", "AN", "ANTI-", "GONDOR", "PARADE",
    ]


def test_words_keep_their_offsets():
    text = "Arnor didn't go."
    assert [(w.text, text[w.start:w.end]) for w in split_words(text)][:3] == [("ARNOR", "Arnor"), ("DID", "did"), ("N'T", "n't")]


# --- actors and agents ------------------------------------------------------------------

def test_actor_synonym_and_default_code(coder):
    assert triples(coder, "Minas Tirith is about to restore relations with Arnor.") == {("GON", "ARN", "064")}


def test_longest_name_wins_and_words_are_not_stems(coder):
    assert triples(coder, "Arnor is about to restore relations with New Zealand.") == {("ARN", "NZE", "064")}
    assert triples(coder, "The Australian government is about to restore relations with Gondor.") == {("AUSGOV", "GON", "064")}
    assert triples(coder, "The Arnorian envoy is about to restore relations with Gondor.") == set()


def test_a_space_in_a_name_lets_other_words_between(coder):
    assert triples(coder, "Arnor will restore relations with Ithilen state-run television.") == {("ARN", "ITHTV", "064")}


def test_agents_add_suffixes_and_prefixes_without_repeating_a_code(coder):
    assert triples(coder, "An MSF Arnor official will restore relations with Gondor police.") == {("NGOARNGOV", "GONCOP", "064")}
    assert triples(coder, "White House security officials will restore relations with Gondor.") == {("USAGOV", "GON", "064")}


def test_regular_plurals_unless_braces_say_none(coder):
    assert triples(coder, "Arnor will restore relations with Gondor's ambassadors.") == {("ARN", "GONGOV", "064")}
    assert triples(coder, "Arnor will restore relations with Gondor's polices.") == {("ARN", "GON", "064")}


def test_an_agent_without_an_actor_is_coded_with_a_null_actor(coder):
    assert triples(coder, "Arnor police will restore relations with the government.") == {("ARNCOP", "---GOV", "064")}


def test_former_makes_the_agents_elite(coder):
    assert triples(coder, "Former Gondor prosecutors will restore relations with Arnor.") == {("GONELI", "ARN", "064")}


def test_dated_codes_follow_the_day(coder):
    sentence = "Gollum will restore relations with Gondor."
    assert triples(coder, sentence, "1995-05-31") == {("HOB", "GON", "064")}
    assert triples(coder, sentence, "1995-06-01") == {("HOBGOV", "GON", "064")}
    assert triples(coder, sentence, "1999-08-16") == set()  # no code that day: no source
    assert triples(coder, sentence, "2001-01-01") == {("HOBREB", "GON", "064")}


def test_a_code_of_several_actors_codes_each(coder):
    assert triples(coder, "Arnor will restore relations with Lorien.") == {("ARN", "ELR", "064"), ("ARN", "GAL", "064")}


# --- noun phrases -----------------------------------------------------------------------

def test_compound_lists_code_every_member(coder):
    assert triples(coder, "Arnor, Osgiliath, and Ithilen will restore relations with Gondor and Lorien.") == {
        (s, t, "064") for s in ("ARN", "OSG", "ITH") for t in ("GON", "ELR", "GAL")
    }


def test_an_agent_takes_the_actors_of_its_of_phrase(coder):
    assert triples(coder, "The ambassadors of Arnor and Osgiliath will restore relations with the government of Gondor.") == {
        ("ARNGOV", "GONGOV", "064"), ("OSGGOV", "GONGOV", "064"),
    }


def test_agent_only_parts_share_the_actor_of_the_part_before(coder):
    assert triples(coder, "Danish media and government will restore relations with Gondor.") == {
        ("DNKMED", "GON", "064"), ("DNKGOV", "GON", "064"),
    }


def test_parts_naming_no_actor_are_left_out(coder):
    assert triples(coder, "The lions and Arnor will restore relations with Gondor.") == {("ARN", "GON", "064")}


# --- verbs and patterns -----------------------------------------------------------------

def test_regular_and_irregular_forms_and_verb_phrases(coder):
    assert triples(coder, "Arnor restored relations with Gondor.") == {("ARN", "GON", "064")}
    assert triples(coder, "Arnor has broken relations with Gondor.") == {("ARN", "GON", "1717")}
    assert triples(coder, "Arnor broke down with Gondor.") == {("ARN", "GON", "1717")}
    assert triples(coder, "Arnor restores relations with Gondor.") == {("ARN", "GON", "064")}
    assert triples(coder, "Arnor restorees relations with Gondor.") == set()


def test_the_longest_matching_pattern_wins(coder):
    assert triples(coder, "Arnor will restore diplomatic ties with Gondor.") == {("ARN", "GON", "065")}
    assert triples(coder, "Arnor will restore full diplomatic ties with Gondor.") == {("ARN", "GON", "066")}


def test_joined_words_must_be_adjacent(coder):
    assert triples(coder, "Arnor recently allowed Gondor to trade.") == {("ARN", "GON", "025")}
    assert triples(coder, "Arnor recently did allow Gondor to trade.") == {("ARN", "GON", "080")}
    assert triples(coder, "Arnor indicated it may allow Gondor to trade.") == {("ARN", "GON", "024")}


def test_synonym_set_members_match_as_written(coder):
    assert triples(coder, "Arnor will contribute swiss francs to Gondor.") == {("ARN", "GON", "903")}
    assert triples(coder, "Arnor will contribute golden goblin galleons to Gondor.") == {("ARN", "GON", "903")}
    assert triples(coder, "Arnor will contribute golden galleons to Gondor.") == {("ARN", "GON", "070")}


def test_slots_take_source_and_target_around_the_verb(coder):
    assert triples(coder, "Ithilen's guard was freed from Osgiliath after days of fighting.") == {("OSG", "ITH", "067")}


def test_skip_slots_pass_over_noun_phrases(coder):
    sentence = "Arnor has celebrated Iftar at Osgiliath with the parliament of Gondor in Ithilen."
    assert triples(coder, sentence) == {("ARN", "GON", "044")}


def test_a_compound_before_the_verb_codes_its_members_with_each_other(coder):
    assert triples(coder, "Arnor and Gondor agree that the border should be open.") == {("ARN", "GON", "030"), ("GON", "ARN", "030")}


def test_paired_codes_add_the_reverse_event(coder):
    assert triples(coder, "Arnor will meet Gondor.") == {("ARN", "GON", "031"), ("GON", "ARN", "031")}


def test_a_null_coded_verb_without_a_pattern_passes_to_the_next_verb(coder):
    assert triples(coder, "Arnor has begun to question Gondor.") == {("ARN", "GON", "212")}


def test_a_verb_after_a_determiner_or_preposition_is_a_noun_and_modals_are_no_verbs(coder):
    assert triples(coder, "Arnor reached an accord with Gondor.") == set()
    assert triples(coder, "Arnor is inching nearer to accord with Gondor.") == {("ARN", "GON", "073")}
    assert triples(coder, "Arnor should restore relations with Gondor.") == {("ARN", "GON", "064")}


def test_passives_with_by_swap_source_and_target(coder):
    assert triples(coder, "Arnor was fiercely opposed by Osgiliath.") == {("OSG", "ARN", "112")}
    assert triples(coder, "Arnor was opposed over its dispute with Osgiliath.") == {("ARN", "OSG", "112")}


def test_verb_phrases_joined_by_and_share_the_subject(coder):
    sentence = "The Arnor government condemned an attack by Osgiliath soldiers and promised aid to Ithilen villages."
    assert triples(coder, sentence) == {("ARNGOV", "OSG", "122"), ("ARNGOV", "ITH", "050")}


def test_only_the_first_verb_that_codes_and_no_actor_with_itself(coder):
    assert triples(coder, "Arnor will restore relations with Gondor to meet Osgiliath.") == {("ARN", "GON", "064")}
    assert triples(coder, "Gondor will restore relations with Minas Tirith.") == set()


def test_a_source_inside_a_clause_that_names_no_actor_is_not_borrowed(coder):
    assert triples(coder, "In Arnor, he said the government would meet Gondor.") == set()


# --- options, clauses, discards ---------------------------------------------------------

def test_comma_clauses_within_bounds_are_dropped(coder):
    sentence = "Arnor's government, in remarks published on Monday, will restore relations with Gondor."
    assert triples(coder, sentence) == {("ARNGOV", "GON", "064")}
    long_aside = "Arnor, which Osgiliath and Ithilen have long fought in wars of old, will restore relations with Gondor."
    assert triples(coder, long_aside, comma_max=4) == set()


def test_lists_of_actors_between_commas_are_kept(coder):
    assert triples(coder, "Arnor, the awful Osgiliath, and Ithilen will restore relations with Gondor.") == {
        ("ARN", "GON", "064"), ("OSG", "GON", "064"), ("ITH", "GON", "064"),
    }


def test_require_dyad_off_codes_a_closing_clause_with_a_null_target(coder):
    sentence = "Arnor will restore relations with Gondor after a long rift, a very senior official said on Saturday."
    assert triples(coder, sentence) == {("ARN", "GON", "064")}
    assert triples(coder, sentence, require_dyad=False) == {("ARN", "GON", "064")}  # the closing clause is dropped
    assert triples(coder, sentence, require_dyad=False, comma_emax=0) == {("ARN", "GON", "064"), ("---GOV", "---", "023")}
    today = sentence.replace("on Saturday", "today")
    assert triples(coder, today, require_dyad=False, comma_emax=0) == {("ARN", "GON", "064")}


def test_new_actor_length_codes_unknown_noun_phrases_by_their_words(coder):
    sentence = "The Ministry of Magic will meet the Order of the Phoenix."
    assert triples(coder, sentence) == set()
    assert triples(coder, sentence, new_actor_length=4) == set()  # the target has five words
    assert triples(coder, sentence, new_actor_length=5) == {
        ('"THE MINISTRY OF MAGIC"', '"THE ORDER OF THE PHOENIX"', "031"),
        ('"THE ORDER OF THE PHOENIX"', '"THE MINISTRY OF MAGIC"', "031"),
    }
    assert triples(coder, "The Ministry of Magic will meet Gondor in the dead of night.", new_actor_length=4) == {
        ('"THE MINISTRY OF MAGIC"', "GON", "031"), ("GON", '"THE MINISTRY OF MAGIC"', "031"),
    }


def test_discards_stop_the_sentence_or_the_story(coder):
    assert coder.code("Arnor will restore baseball with Gondor.").discarded == "sentence"
    assert coder.code("A typhoon made Arnor restore relations with Gondor.").discarded == "story"
    assert coder.code("Arnor will restore relations with Gondor.").discarded is None


def test_parenthetical_asides_are_dropped(coder):
    assert triples(coder, "Arnor and the Australian government (AU) agree that trade is good.") == {
        ("ARN", "AUSGOV", "030"), ("AUSGOV", "ARN", "030"),
    }


def test_options_take_petrarch_config_values():
    options = CoderOptions().with_option("require_dyad", "FALSE").with_option("comma_emax", "0").with_option("stop_on_error", "True")
    assert (options.require_dyad, options.comma_emax) == (False, 0)
    assert not options.drops("end", 3) and CoderOptions().drops("end", 3) and not CoderOptions().drops("begin", 3)
    with pytest.raises(DataError, match="whole number"):
        CoderOptions().with_option("comma_max", "many")


def test_events_point_at_their_verb_and_actors(coder):
    text = "Soon the Arnor government restored relations with Gondor."
    event = coder.code(text).events[0]
    assert text[event.verb_start:event.verb_end] == "restored"
    assert text[event.source.start:event.source.end] == "the Arnor government"
    assert text[event.target.start:event.target.end] == "Gondor"
    assert event.line > 0
