"""detente/compat/convert.py and `detente dict convert DIR OUT`: TABARI/PETRARCH
dictionaries written as detente YAML, everything else reported as file:line."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.cli import main
from detente.coding.ontology import Ontology
from detente.compat import TabariDictionaries, parse_actors, parse_agents, parse_discards, parse_verbs
from detente.compat.convert import convert
from detente.datafiles import check_file

VERBS = """&MONEY
+DOLLARS
+SWISS FRANCS

--- EXPEL [161] ---
EXPEL {EXPELLED}
+KICK_OUT
WIRE_+TAP [171]
- * DIPLOMATS [1621]
- *_OUT [162:163]
- * &MONEY [999]
- SAID * [160]
- * + [161]
- * FUNDS [---]
"""
ACTORS = """RUSSIA [RUS]
+RUSSIAN
KREMLIN [RUSGOV]
UNITED_NATIONS [IGOUNO]
HAMAS [PSEREBHMS]
LORIEN [ELR/GAL]
GOLLUM
    [HOB < 950601]
    [HOBGOV 19950601 - 19990815]
"""
AGENTS = "MINISTER [~GOV]\nPOLICE {} [~COP]\nMSF {} [NGO~]\nISLAMIST [~MUS]\n"
DISCARDS = "+TYPHOON\n"


@pytest.fixture(scope="module")
def conversion():
    dictionaries = TabariDictionaries(Path("."), {}, parse_verbs(VERBS, "v.txt"), parse_actors(ACTORS, "a.txt"),
                                      parse_agents(AGENTS, "g.txt"), parse_discards(DISCARDS, "d.txt"))
    return convert(dictionaries, set(Ontology.bundled().cameo_names))


def test_verb_lines_and_patterns_after_the_verb_become_senses(conversion):
    senses = conversion.files["verbs/sanction.yaml"]
    assert {"verb": "expel", "forms": ["expelled"], "plover": "SANCTION", "cameo": "161", "note": "v.txt:6"} in senses
    assert {"verb": "kick out", "plover": "SANCTION", "cameo": "161", "note": "v.txt:7"} in senses
    assert any(s["verb"] == "expel" and s.get("objects") == ["diplomats"] and s["cameo"] == "1621" for s in senses)
    assert any(s["verb"] == "expel" and s.get("particle") == "out" and s["cameo"] == "162" for s in senses)


def test_what_cannot_be_expressed_is_reported_at_its_line(conversion):
    problems = "\n".join(conversion.problems)
    for line, why in [
        ("v.txt:8", "its verb is not the first word"),
        ("v.txt:10", "reverse code [163]"),
        ("v.txt:11", "[999] is not a CAMEO code"),
        ("v.txt:12", "words before the verb"),
        ("v.txt:13", "slots $ + % ^"),
        ("v.txt:14", "null code"),
        ("a.txt:5", "neither a country"),
        ("a.txt:6", "codes of several actors"),
        ("a.txt:8", "needs a start date"),
        ("g.txt:2", "forms plurals itself"),
        ("g.txt:3", "only suffix agents"),
        ("g.txt:4", "only suffix agents"),
        ("d.txt:1", "no discard lists"),
    ]:
        assert any(p.startswith(line + ":") and why in p for p in conversion.problems), (line, why, problems)


def test_actors_become_countries_seats_organisations_and_people(conversion):
    countries = conversion.files["actors/countries.yaml"]
    assert countries == [{"code": "RUS", "name": "russia", "names": ["russian"], "seats": [{"name": "kremlin", "sector": "GOV"}]}]
    assert conversion.files["actors/organisations.yaml"] == [{"code": "IGOUNO", "name": "united nations", "kind": "IGO"}]
    assert conversion.files["actors/people.yaml"] == [
        {"name": "gollum", "roles": [{"country": "HOB", "sector": "GOV", "start": "1995-06-01", "end": "1999-08-15"}]}
    ]
    assert conversion.files["actors/sectors.yaml"] == [{"sector": "GOV", "nouns": ["minister"]}, {"sector": "COP", "nouns": ["police"]}]


def test_cli_dict_convert_writes_valid_files_and_reports_the_rest(tmp_path, capsys):
    source = tmp_path / "dictionaries"
    source.mkdir()
    for name, text in {"x.verbs.txt": VERBS, "x.actors.txt": ACTORS, "x.agents.txt": AGENTS, "x.discards.txt": DISCARDS}.items():
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["dict", "convert", str(source), str(out)]) == 0
    err = capsys.readouterr().err
    assert "x.verbs.txt:11: not converted: " in err
    assert err.splitlines()[-1].endswith("items not converted (listed above)")
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert written == ["actors/countries.yaml", "actors/organisations.yaml", "actors/people.yaml", "actors/sectors.yaml", "verbs/sanction.yaml"]
    for path in out.rglob("*.yaml"):
        assert list(check_file(path)) == [], path
    assert yaml.safe_load((out / "verbs" / "sanction.yaml").read_text())[0]["verb"] == "expel"


def test_cli_dict_convert_of_the_validation_dictionaries_is_valid(shared_dir, tmp_path, capsys):
    petrarch = shared_dir / "petrarch"
    if not petrarch.is_dir():
        pytest.skip(f"no PETRARCH dictionaries in {petrarch}")
    assert main(["dict", "convert", str(petrarch), str(tmp_path)]) == 0
    assert "PETR.Validate.discards.txt:5: not converted: story discard" in capsys.readouterr().err
    for path in tmp_path.rglob("*.yaml"):
        assert list(check_file(path)) == [], path


def test_cli_dict_without_an_action_is_a_usage_error(capsys):
    assert main(["dict"]) == 2
    assert "convert" in capsys.readouterr().err
