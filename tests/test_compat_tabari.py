"""detente/compat: readers of the TABARI/PETRARCH dictionaries (docs/tabari-format.md).

Unit tests use small snippets written here; the integration tests read the PETRARCH
validation dictionaries in ../shared/petrarch and skip when ../shared is absent."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.compat import (
    EventCode,
    find_tabari_files,
    load_actors,
    load_tabari_dictionaries,
    load_verbs,
    parse_actors,
    parse_agents,
    parse_discards,
    parse_verbs,
)
from detente.compat.lines import content_lines, decode, split_codes
from detente.compat.phrases import Token, tokenize
from detente.errors import DataError


def day(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


def raises_at(line: int, parse, text: str, match: str = "") -> DataError:
    """Parse `text` expecting a DataError at `<test>:line`."""
    with pytest.raises(DataError, match=match) as caught:
        parse(text, "<test>")
    assert (caught.value.path, caught.value.line) == ("<test>", line), str(caught.value)
    assert str(caught.value).startswith(f"<test>:{line}: ")
    return caught.value


# --- lines, comments, encodings ---------------------------------------------------------

def test_hash_starts_a_comment_except_inside_a_code():
    lines = list(content_lines("ATHENS  [GRC] #JW 10/17/91\n- * X  [###]  # pas\n#NASGUL [###]\n"))
    assert [(line.number, line.text) for line in lines] == [(1, "ATHENS  [GRC]"), (2, "- * X  [###]")]


def test_xml_comments_span_lines_and_the_typo_form_is_a_comment_too():
    text = "<!-- one -->\nA [X]\n<!--\n# inside\nB [Y]\n# -->\n<! -- typo -->\nC [Z]\n"
    assert [(line.number, line.text) for line in content_lines(text)] == [(2, "A [X]"), (8, "C [Z]")]


def test_latin1_and_utf8_with_bom_are_read(tmp_path):
    latin = tmp_path / "a.actors.txt"
    latin.write_bytes("CÔTE_D'IVOIRE [CIV]\n".encode("latin-1"))
    assert load_actors(latin).entries[0].names == ("CÔTE_D'IVOIRE",)
    bom = tmp_path / "b.actors.txt"
    bom.write_bytes("\ufeffGONDOR [GON]\n".encode("utf-8"))
    assert load_actors(bom).entries[0].names == ("GONDOR",)
    assert decode("É".encode("utf-8")) == "É"


def test_split_codes_separates_phrase_and_codes():
    assert split_codes("BAN {BANS BANNED} [191]") == ("BAN {BANS BANNED}", ["191"])
    assert split_codes("DELAY [120]  [031:031]") == ("DELAY", ["120", "031:031"])
    for bad in ("X [A] Y", "X [A", "X ]A["):
        with pytest.raises(ValueError):
            split_codes(bad)


def test_tokenize_keeps_joins_stems_and_markers():
    kinds = {"word", "synset", "verb", "source", "target", "compound", "skip"}
    tokens = tokenize("IN_ SO_&TIETYPES_* $ ^ + %", kinds)
    assert tokens == (
        Token("word", "IN", exact=True), Token("word", "SO"), Token("synset", "TIETYPES", attached=True),
        Token("verb", "*", attached=True), Token("source", "$"), Token("skip", "^"),
        Token("target", "+"), Token("compound", "%"),
    )
    with pytest.raises(ValueError):
        tokenize("A__B")
    with pytest.raises(ValueError):
        tokenize("* A")  # markers only where allowed


# --- verbs ------------------------------------------------------------------------------

VERBS = """\
<!-- SYNSETS -->
&CURRENCY   # money
+DOLLARS
+AUSTRIAN FLORIN
+GOLDEN_GOBLIN_GALLEONS

&MONEYLIKE
+&CURRENCY
+GOLD

&PREP_
+AT

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }   # irregular forms
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN }
WIRE_+TAP {WIRE_+TAPPED} [171]
- + KNOWN_ * IN_ $  [076]
- * &PREP ^ +  [162]
- SAID &MONEYLIKE *_OUT  [---]

--- ARRIVE  [032:033] # with a comment inside the header ---
ARRIVE

--- LASH OUT  [122]
"""


@pytest.fixture(scope="module")
def verbs():
    return parse_verbs(VERBS, "<verbs>")


def test_synonym_sets_hold_words_phrases_and_nested_sets(verbs):
    currency = verbs.synsets["CURRENCY"]
    assert currency.words == ("DOLLARS", "AUSTRIAN FLORIN", "GOLDEN_GOBLIN_GALLEONS")
    assert currency.member_lines == (3, 4, 5)
    assert currency.members[2] == (Token("word", "GOLDEN"), Token("word", "GOBLIN", True), Token("word", "GALLEONS", True))
    expanded = [" ".join(t.text for t in member) for member in verbs.expand("moneylike")]
    assert expanded == ["DOLLARS", "AUSTRIAN FLORIN", "GOLDEN GOBLIN GALLEONS", "GOLD"]
    assert "PREP" in verbs.synsets  # a trailing '_' on the name is dropped


def test_verb_block_has_irregular_forms_phrases_and_own_codes(verbs):
    entry = verbs.entries[0]
    assert (entry.verb, entry.forms, entry.code, entry.line) == ("BREAK", ("BROKE", "BROKEN"), EventCode("1717"), 14)
    down, tap = entry.phrases[1], entry.phrases[2]
    assert (down.words, down.verb, down.forms) == (("BREAK", "DOWN"), "BREAK", ("BREAKS DOWN", "BROKE DOWN"))
    assert (tap.words, tap.head, tap.verb, tap.forms) == (("WIRE", "TAP"), 1, "TAP", ("WIRE TAPPED",))
    assert entry.code_of(tap) == EventCode("171") and entry.code_of(down) == EventCode("1717")
    assert [phrase.text for phrase, _ in verbs.lookup("tap")] == ["WIRE TAP"]


def test_patterns_keep_slots_joins_and_the_verb_position(verbs):
    known, prep, said = verbs.entries[0].patterns
    assert known.before == (Token("target", "+"), Token("word", "KNOWN", exact=True))
    assert known.after == (Token("word", "IN", exact=True), Token("source", "$"))
    assert (known.code, known.line, known.verb_attached, known.text) == (EventCode("076"), 18, False, "+ KNOWN_ * IN_ $")
    assert [t.kind for t in prep.after] == ["synset", "skip", "target"]
    assert said.before == (Token("word", "SAID"), Token("synset", "MONEYLIKE"))
    assert said.after == (Token("word", "OUT", attached=True),) and said.code.is_null


def test_paired_codes_headers_and_header_fallback(verbs):
    arrive, lash = verbs.entries[1], verbs.entries[2]
    assert (arrive.code.code, arrive.code.paired, str(arrive.code)) == ("032", "033", "032:033")
    assert (lash.verb, lash.phrases[0].words, lash.header) == ("LASH OUT", ("LASH", "OUT"), "LASH OUT")


def test_a_second_header_code_is_kept_aside():
    entry = parse_verbs("--- DELAY [120]  [031:031]  ---\nDELAY\n").entries[0]
    assert (entry.code, entry.other_codes) == (EventCode("120"), (EventCode("031", "031"),))


@pytest.mark.parametrize("text, line, match", [
    ("--- A [1] ---\nA\n- * B\n", 3, "one code"),
    ("--- A [1] ---\nA\n- * B * [2]\n", 3, "one '\\*'"),
    ("--- A [1] ---\nA\n- B [2]\n", 3, "has 0"),
    ("- * B [2]\n", 1, "header"),
    ("BARE\n", 1, "header"),
    ("--- A ---\n", 1, "VERB \\[code\\]"),
    ("--- A [1] ---\nA\n- * B [2:3:4]\n", 3, "not an event code"),
    ("--- A [1] ---\nA\n- * B [2] extra\n", 3, "words after a code"),
    ("--- A [1] ---\n\nA\n- * &NOPE [2]\n", 4, "unknown synonym set &NOPE"),
    ("&S\n+X\nY\n", 3, "member of &S"),
    ("&S\n\n--- A [1] ---\n", 1, "no '\\+' members"),
    ("&S\n+X\n&S\n+Y\n", 3, "already defined at line 1"),
    ("&A\n+&B\n&B\n+&A\n", 1, "contains itself"),
    ("&A B\n+X\n", 1, "letters and digits"),
    ("--- A [1] ---\n+X_+Y\n", 2, "at most one word"),
])
def test_malformed_verb_lines_name_file_and_line(text, line, match):
    raises_at(line, parse_verbs, text, match)


def test_collecting_verb_errors_keeps_reading_the_rest():
    errors: list[DataError] = []
    text = "--- A [1] ---\nA\n- * B\n- * C [2]\n--- D ---\n- * E [3]\n--- F [4] ---\nF\n"
    verbs = parse_verbs(text, "<test>", errors)
    assert [error.line for error in errors] == [3, 5]
    assert [entry.verb for entry in verbs.entries] == ["A", "F"]
    assert [p.text for p in verbs.entries[0].patterns] == ["* C"]


def test_verbs_file_errors_name_the_file(tmp_path):
    path = tmp_path / "x.verbs.txt"
    path.write_text("--- A [1] ---\nA\n- * B [bad code]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"x\.verbs\.txt:3: ") as caught:
        load_verbs(path)
    assert caught.value.path == str(path)


# --- actors -----------------------------------------------------------------------------

ACTORS = """\
AUSTRALIA [AUS]
+AUSTRALIAN
ARNOR_  [ARN] # exact word
GOLLUM  # no code on the name line
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]

SAM_GAMGEE [HOB]
\t[ORCHOB 20100109-20100112]  # listed first: wins
\t[HOBMIL 20080120-20121109]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
LORIEN  [ELR/GAL]
"""


@pytest.fixture(scope="module")
def actors():
    return parse_actors(ACTORS, "<actors>")


def test_actor_names_synonyms_and_default_codes(actors):
    australia = actors.entries[0]
    assert (australia.names, australia.code_on(), australia.line) == (("AUSTRALIA", "AUSTRALIAN"), "AUS", 1)
    assert actors.lookup("australian") == [australia]
    assert actors.lookup("Arnor")[0].phrases == ((Token("word", "ARNOR", exact=True),),)
    assert actors.lookup("sam gamgee")[0].names == ("SAM_GAMGEE",)
    assert actors.lookup("LORIEN")[0].default.parts == ("ELR", "GAL")


def test_dated_codes_before_after_and_ranges(actors):
    gollum = actors.lookup("SMEAGOL")[0]
    before, during, after = gollum.codes
    assert (before.start, before.end, before.line) == (None, dt.date(1995, 5, 31), 6)
    assert (during.start, during.end) == (dt.date(1995, 6, 1), dt.date(1999, 8, 15))
    assert (after.start, after.end) == (dt.date(1999, 8, 17), None)
    expected = {"19781223": "HOB", "19950531": "HOB", "19950601": "HOBGOV", "19990815": "HOBGOV",
                "19990816": None, "19990817": "HOBREB"}
    assert {text: gollum.code_on(day(text)) for text in expected} == expected
    assert gollum.code_on() is None  # no default code


def test_first_dated_code_wins_then_the_default(actors):
    sam = actors.lookup("SAM_GAMGEE")[0]
    expected = {"20100109": "ORCHOB", "20100112": "ORCHOB", "20100113": "HOBMIL", "20121110": "HOB"}
    assert {text: sam.code_on(day(text)) for text in expected} == expected
    prince = actors.lookup("prince of dol amroth")[0]
    assert (prince.code_on(day("19950629")), prince.code_on(day("19950630"))) == ("---", "DOL")


@pytest.mark.parametrize("text, line, match", [
    ("GOLLUM\n\t[950601-990815]\n", 2, "not an actor code"),
    ("GOLLUM\n\t[AAA950601-990815]\n", 2, "not an actor code"),
    ("GOLLUM\n\t[HOB 20081301-20090101]\n", 2, "not a valid date"),
    ("GOLLUM\n\t[HOB <9506]\n", 2, "YYYYMMDD"),
    ("GOLLUM\n\t[HOB 20090101-20080101]\n", 2, "ends before it starts"),
    ("GOLLUM [HOB]\n\t[HOG]\n", 2, "second undated code \\(the first is at line 1\\)"),
    ("GOLLUM\n+SMEAGOL [HOB]\n", 2, "takes the entry's codes"),
    ("GOLLUM\n\t[HOB]\n+SMEAGOL\n", 3, "before the entry's code lines"),
    ("+SMEAGOL\n", 1, "needs an actor name"),
    ("GOLLUM\n+SMEAGOL\n\nGONDOR [GON]\n", 1, "'GOLLUM' has no code"),
    ("GOLLUM [HOB\n", 1, "unbalanced"),
])
def test_malformed_actor_lines_name_file_and_line(text, line, match):
    raises_at(line, parse_actors, text, match)


# --- agents -----------------------------------------------------------------------------

AGENTS = """\
!PERSON! = MAN, MEN
MINISTER  [~GOV] # suffix
HUMAN_RIGHTS_BODY  [  NGO~]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
"""


def test_agents_prefix_suffix_plurals_and_substitutions():
    agents = parse_agents(AGENTS, "<agents>")
    minister, body, police, goose, congress = agents.entries
    assert (minister.code, minister.position, minister.apply("ARN"), minister.plurals) == ("GOV", "suffix", "ARNGOV", None)
    assert (body.code, body.position, body.apply("ARN"), body.phrases) == ("NGO", "prefix", "NGOARN", ("HUMAN RIGHTS BODY",))
    assert (police.plurals, police.apply("GON")) == ((), "GONCOP")
    assert goose.phrases == ("GOLDEN GOOSE", "GOLDEN GEESE")
    assert (congress.phrase, congress.phrases, congress.line) == ("CONGRESS!PERSON!", ("CONGRESSMAN", "CONGRESSMEN"), 6)
    assert agents.substitutions["PERSON"].words == ("MAN", "MEN")


@pytest.mark.parametrize("text, line, match", [
    ("MINISTER [GOV]\n", 1, "'~' before it"),
    ("MINISTER [A~B]\n", 1, "'~' before it"),
    ("MINISTER [~]\n", 1, "'~' before it"),
    ("MINISTER\n", 1, "PHRASE \\{PLURALS\\}"),
    ("MINISTER [~GOV] [~MIL]\n", 1, "PHRASE"),
    ("X\nMINISTER!NOPE! [~GOV]\n", 1, "PHRASE"),
    ("MINISTER!NOPE! [~GOV]\n", 1, "unknown substitution set !NOPE!"),
    ("!PERSON! = MAN, , MEN\n", 1, "substitution set"),
])
def test_malformed_agent_lines_name_file_and_line(text, line, match):
    raises_at(line, parse_agents, text, match)


# --- discards ---------------------------------------------------------------------------

def test_discards_kill_a_sentence_or_with_plus_the_story():
    discards = parse_discards("# header\nMONTHS LATER\n+World Golf Championships   # pas\n+ESPN2 \n")
    assert [(d.phrase, d.words, d.story, d.line) for d in discards.entries] == [
        ("MONTHS LATER", ("MONTHS", "LATER"), False, 2),
        ("World Golf Championships", ("WORLD", "GOLF", "CHAMPIONSHIPS"), True, 3),
        ("ESPN2", ("ESPN2",), True, 4),
    ]
    assert [d.phrase for d in discards.sentence_level] == ["MONTHS LATER"]
    assert len(discards.story_level) == 2


@pytest.mark.parametrize("text, line", [("OK\n+\n", 2), ("OK\nBASEBALL [###]\n", 2)])
def test_malformed_discard_lines_name_file_and_line(text, line):
    raises_at(line, parse_discards, text, "discard line")


# --- a folder of dictionaries -------------------------------------------------------------

def test_folder_reports_found_and_missing_kinds(tmp_path):
    (tmp_path / "Mine.VERBS.txt").write_text("--- A [1] ---\nA\n", encoding="utf-8")
    (tmp_path / "discards.txt").write_text("BASEBALL\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a dictionary\n", encoding="utf-8")
    loaded = load_tabari_dictionaries(tmp_path)
    assert (loaded.found, loaded.missing) == (("verbs", "discards"), ("actors", "agents"))
    assert loaded.actors is None and loaded.verbs.entries[0].verb == "A"
    assert loaded.files["verbs"].name == "Mine.VERBS.txt"


def test_folder_errors(tmp_path):
    with pytest.raises(DataError, match="no TABARI dictionaries"):
        load_tabari_dictionaries(tmp_path)
    with pytest.raises(DataError, match="not a folder"):
        find_tabari_files(tmp_path / "nowhere")
    (tmp_path / "a.verbs.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.verbs.txt").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="two verbs dictionaries"):
        find_tabari_files(tmp_path)


def test_folder_collects_errors_from_every_file(tmp_path):
    (tmp_path / "x.actors.txt").write_text("GONDOR [GON]\nGOLLUM\n\t[950601-990815]\n", encoding="utf-8")
    (tmp_path / "x.agents.txt").write_text("MINISTER [GOV]\nPOLICE [~COP]\n", encoding="utf-8")
    errors: list[DataError] = []
    loaded = load_tabari_dictionaries(tmp_path, errors)
    assert sorted(f"{Path(e.path).name}:{e.line}" for e in errors) == ["x.actors.txt:2", "x.actors.txt:3", "x.agents.txt:1"]
    assert [e.names[0] for e in loaded.actors.entries] == ["GONDOR"]
    assert [e.phrase for e in loaded.agents.entries] == ["POLICE"]


# --- the PETRARCH validation dictionaries in ../shared/petrarch ---------------------------

@pytest.fixture(scope="module")
def petrarch(shared_dir):
    folder = shared_dir / "petrarch"
    if not folder.is_dir():
        pytest.skip(f"../shared is not beside the project (it is on CI): no {folder}")
    return load_tabari_dictionaries(folder)


def test_petrarch_dictionaries_load_with_their_counts(petrarch):
    assert petrarch.missing == ()
    assert (len(petrarch.verbs.entries), len(petrarch.verbs.synsets), len(petrarch.verbs.patterns)) == (261, 17, 474)
    assert sum(len(entry.phrases) for entry in petrarch.verbs.entries) == 269
    actors = petrarch.actors.entries
    assert (len(actors), sum(len(e.names) for e in actors), sum(len(e.codes) for e in actors)) == (128, 161, 138)
    assert (len(petrarch.agents.entries), len(petrarch.agents.substitutions)) == (88, 2)
    assert (len(petrarch.discards.sentence_level), len(petrarch.discards.story_level)) == (5, 4)


def test_petrarch_verbs_known_entries(petrarch):
    verbs = petrarch.verbs
    (arrive_phrase, arrive), = verbs.lookup("ARRIVE")
    assert (arrive.code.code, arrive.code.paired) == ("032", "033")
    (_, brk), = [pair for pair in verbs.lookup("BREAK") if pair[0].words == ("BREAK",)]
    assert brk.forms == ("BROKE", "BROKEN") and brk.phrases[1].forms[0] == "BREAKS DOWN"
    (tap, _), = [pair for pair in verbs.lookup("TAP")]
    assert (tap.words, tap.head) == (("WIRE", "TAP"), 1)
    warn = verbs.lookup("WARN")[0][1]
    assert [(p.text, str(p.code)) for p in warn.patterns][1] == ("$ ^ FOR *", "164")
    assert "PREPOSIT1" in verbs.synsets and len(verbs.expand("ACCORDSYN")) == 15
    assert [entry.code.code for _, entry in verbs.lookup("SHOT")] == ["---", "223"]


# Expected actor codes on the dates of the DATE records of PETR.UnitTest.records.xml.
DATE_RECORDS = [
    ("SAM_GAMGEE", "19950104", "HOBCIV"), ("SAM_GAMGEE", "20080119", "HOBCIV"),
    ("HAMFAST GAMGEE", "19950104", "HOB"), ("HAMFAST GAMGEE", "20121109", "HOBGOV"),
    ("HAMFAST GAMGEE", "20121225", "HOBGOV"), ("HAMFAST GAMGEE", "20140104", "HOB"),
    ("SAM_GAMGEE", "20100106", "HOBMIL"), ("SAM_GAMGEE", "20100109", "ORCHOB"),
    ("SAM_GAMGEE", "20100112", "ORCHOB"), ("SAM_GAMGEE", "20100113", "HOBMIL"),
    ("SAM_GAMGEE", "20121231", "HOBGOV"), ("SMEAGOL", "19951101", "HOBGOV"),
    ("STINKER", "19950101", "HOB"), ("SLINKER", "19980101", "HOBGOV"),
    ("SLINKER", "20010101", "HOBREB"), ("SLINKER", "19781223", "HOB"),
    ("ZIMBABWE", "19781223", "RHO"), ("ZIMBABWE", "20010101", "ZBW"),
    ("PRINCE OF DOL AMROTH", "19990809", "DOL"),
]


@pytest.mark.parametrize("name, date, code", DATE_RECORDS)
def test_petrarch_actor_codes_on_the_unit_test_dates(petrarch, name, date, code):
    (entry,) = petrarch.actors.lookup(name)
    assert entry.code_on(day(date)) == code


def test_petrarch_actors_agents_discards_known_entries(petrarch):
    assert petrarch.actors.lookup("LORIEN")[0].default.parts == ("ELR", "GAL")
    assert petrarch.actors.lookup("U.N.")[0].code_on() == "UNO"
    assert [e.names[0] for e in petrarch.actors.lookup("PALESTINIAN")] == ["PALESTINIAN", "PALESTINE"]
    agents = {entry.phrase: entry for entry in petrarch.agents.entries}
    assert agents["MSF"].apply("ARN") == "NGOARN" and agents["CLERIC"].apply("ARN") == "ARNREL"
    assert agents["ATTORNEY_GENERAL"].phrases == ("ATTORNEY GENERAL", "ATTORNEYS GENERAL")
    assert agents["POLICE"].plurals == () and agents["OFFICIAL"].plurals is None
    assert "MINISTRY OF SILLY WALKS" in agents["!MINST!_OF_SILLY_WALKS"].phrases
    assert [d.phrase for d in petrarch.discards.story_level][:2] == ["World Golf Championships", "Manchester United"]
