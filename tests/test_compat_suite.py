"""PETRARCH's validation suite (../shared/petrarch) coded with its own dictionaries, the
records reader and scorer, and the commands that use them: `detente eval RECORDS.xml`,
`detente code --dict`.

The suite test asserts the level reached, record by record: a record outside
`KNOWN_FAILURES` that fails is a regression (docs/petrarch-suite.md says why each known
failure fails). Tests reading ../shared skip when it is absent; CI always has it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cli import main
from detente.compat.events import record_coder
from detente.compat.options import CoderOptions
from detente.compat.records import load_records
from detente.compat.suite import score_records, suite_report
from detente.errors import DataError
from detente.pipeline import Resources

RECORDS = "PETR.UnitTest.records.xml"
CORRECT = 265  # of 284
KNOWN_FAILURES = {
    "DEMO-04", "DEMO-25", "AGENT-08", "AGENT-12", "AGENT-13", "COMPOUND-17", "COMPOUND-19", "COMPOUND-26",
    "COMPOUND-27", "COMPOUND-34", "COMPOUND-35", "AFP0808020593-1a", "COMMA-07", "COMMA-08", "COMMA-11",
    "COMMA-15", "ERROR-02", "ERROR-03", "ICC-01",
}


@pytest.fixture(scope="module")
def petrarch(shared_dir) -> Path:
    path = shared_dir / "petrarch"
    if not (path / RECORDS).is_file():
        pytest.skip(f"PETRARCH's validation suite is not in {path} (the project's shared folder has it; CI does)")
    return path


@pytest.fixture(scope="module")
def score(petrarch):
    return score_records(load_records(petrarch / RECORDS), record_coder(str(petrarch)))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- the suite --------------------------------------------------------------------------

def test_the_suite_is_coded_at_the_level_reached(score):
    assert score.records == 284
    failed = {outcome.record.id for outcome in score.failures}
    assert failed <= KNOWN_FAILURES, suite_report(score, show=True)
    assert score.correct >= CORRECT
    assert score.share >= 0.85


def test_every_category_is_scored(score):
    categories = score.categories()
    assert set(categories) == {"DEMO", "AGENT", "AGENTS", "COMPOUND", "COMPOUNDx", "DATE", "PARSING", "ACTOR",
                               "VERB", "PATTERN", "MODIFY", "SYNSET", "ERROR"}
    assert sum(total for _, total in categories.values()) == 284
    assert categories["SYNSET"] == (52, 52) and categories["VERB"] == (23, 23) and categories["DATE"] == (21, 21)


def test_records_carry_the_options_in_force_and_their_expectations(petrarch):
    records = {r.id: r for r in load_records(petrarch / RECORDS).records}
    assert records["DEMO-00"].expected == {("ARN", "GON", "064")}
    assert records["DEMO-22"].options.new_actor_length == 4 and records["DEMO-23"].options.new_actor_length == 0
    assert records["COMPOUND-03"].options.require_dyad is False and records["COMPOUND-05"].options.require_dyad is True
    assert records["VERB-20"].noevents and not records["VERB-20"].expected
    assert records["DISCARD-01"].error == "storydiscard"


# --- records and scores, without ../shared ----------------------------------------------

SMALL = """<Validation>
<Environment><Verbfile>v.verbs.txt</Verbfile></Environment>
<Sentences>
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor will restore relations with Gondor.</Text>
<Parse>(ROOT (S ...</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="A-1" category="PATTERN" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Arnor will depart from Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
"""
SMALL_DICTIONARIES = {
    "v.verbs.txt": "--- RESTORE [064] ---\nRESTORE\n\n--- DEPART [032] ---\nDEPART\n",
    "v.actors.txt": "ARNOR [ARN]\nGONDOR [GON]\n",
}


@pytest.fixture
def small(tmp_path) -> Path:
    (tmp_path / "records.xml").write_text(SMALL, encoding="utf-8")
    for name, text in SMALL_DICTIONARIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_records_reader_keeps_order_duplicate_ids_options_and_environment(small):
    records = load_records(small / "records.xml")
    first, second = records.records
    assert (first.index, first.id, second.index, second.id) == (0, "A-1", 1, "A-1")
    assert first.options == CoderOptions() and second.options.require_dyad is False
    assert second.noevents and second.expected == frozenset()
    assert records.environment == {"Verbfile": "v.verbs.txt"}


def test_a_malformed_records_file_is_a_data_error(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Sentences><Sentence id='x'>", encoding="utf-8")
    with pytest.raises(DataError, match="bad.xml"):
        load_records(bad)
    (tmp_path / "other.xml").write_text("<Validation/>", encoding="utf-8")
    with pytest.raises(DataError, match="no <Sentences>"):
        load_records(tmp_path / "other.xml")


def test_scores_count_exact_sets_per_category(small):
    records = load_records(small / "records.xml")
    score = score_records(records, lambda record: frozenset({("ARN", "GON", "064")}))
    assert (score.records, score.correct) == (2, 1)
    assert score.categories() == {"DEMO": (1, 1), "PATTERN": (0, 1)}
    summary = score.summary(failures=True)
    assert (summary["records"], summary["correct"], summary["categories"]["PATTERN"]["correct"]) == (2, 1, 0)
    assert summary["failures"][0]["produced"] == [["ARN", "GON", "064"]]
    report = suite_report(score, show=True)
    assert "expected: (no events)" in report and report.splitlines()[-1] == "1/2 records exactly correct (50.0%)"


# --- commands ---------------------------------------------------------------------------

def test_cli_eval_records_reports_categories_and_the_share(petrarch, capsys):
    code, out, _ = run(capsys, "eval", str(petrarch / RECORDS), "--dict", str(petrarch))
    assert code == 0
    lines = out.splitlines()
    assert lines[-1].startswith(f"{CORRECT}/284 records exactly correct")
    assert any(line.split()[0] == "SYNSET" and "52/52" in line for line in lines[:-1])


def test_cli_eval_records_json_and_show(petrarch, capsys):
    code, out, _ = run(capsys, "eval", str(petrarch / RECORDS), "--json", "--show")
    summary = json.loads(out)
    assert code == 0 and summary["records"] == 284 and summary["correct"] >= CORRECT
    assert summary["categories"]["DATE"] == {"records": 21, "correct": 21, "share": 1.0}
    assert {failure["id"] for failure in summary["failures"]} <= KNOWN_FAILURES


def test_cli_eval_records_show_lists_failures_with_both_sets(small, capsys):
    code, out, _ = run(capsys, "eval", str(small / "records.xml"), "--show")
    assert code == 0
    assert "A-1 [PATTERN] Arnor will depart from Gondor." in out
    assert "    expected: (no events)\n    produced: ARN GON 032" in out
    assert out.splitlines()[-1] == "1/2 records exactly correct (50.0%)"


def test_cli_eval_records_without_dictionaries_says_where_it_looked(tmp_path, capsys):
    (tmp_path / "records.xml").write_text(SMALL, encoding="utf-8")
    code, _, err = run(capsys, "eval", str(tmp_path / "records.xml"))
    assert code == 1 and "no TABARI dictionaries here" in err


def test_cli_code_with_dictionaries_instead_of_detentes(small, capsys):
    text = small / "news.txt"
    text.write_text("Arnor restored relations with Gondor on Monday.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(text), "--dict", str(small), "--date", "1995-01-03")
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(events) == 1
    event = events[0]
    assert (event["source"][0]["code"], event["target"][0]["code"], event["cameo"]) == ("ARN", "GON", "064")
    assert event["source"][0]["text"] == "Arnor" and event["trigger"]["text"] == "restored"
    assert event["pattern"] == "v.verbs.txt:2" and event["status"] == "asserted" and event["date"] == "1995-01-03"


def test_cli_code_plus_dictionaries_adds_their_events_to_detentes(small, capsys, monkeypatch, resources):
    monkeypatch.setattr(Resources, "bundled", classmethod(lambda cls: resources))
    text = small / "news.txt"
    text.write_text("Russia expelled 60 U.S. diplomats on Thursday. Arnor restored relations with Gondor.", encoding="utf-8")
    code, out, _ = run(capsys, "code", str(text), "--dict", "+" + str(small), "--date", "2018-03-31")
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert any(e["source"] and e["source"][0].get("country") == "RUS" for e in events)
    assert any(e["source"] and e["source"][0].get("code") == "ARN" for e in events)


def test_cli_dict_option_needs_a_folder(small, capsys):
    text = small / "news.txt"
    text.write_text("Arnor restored relations with Gondor.", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["code", str(text), "--dict", "+"])
    assert caught.value.code == 2 and "+DIR" in capsys.readouterr().err
    code, _, err = run(capsys, "code", str(text), "--dict", str(small / "missing"))
    assert code == 1 and "missing" in err


def test_cli_code_without_dict_is_unchanged(small, capsys, monkeypatch, resources):
    monkeypatch.setattr(Resources, "bundled", classmethod(lambda cls: resources))
    text = small / "news.txt"
    text.write_text("Russia expelled 60 U.S. diplomats on Thursday.", encoding="utf-8")
    _, out, _ = run(capsys, "code", str(text), "--date", "2018-03-31")
    event = json.loads(out.splitlines()[0])
    assert "code" not in event["source"][0] and event["plover"] == "SANCTION"
