"""Scoring against gold files (CONTRACT section 3), on gold written here and on the seed."""
from __future__ import annotations

import json

import pytest

from detente.errors import GoldError
from detente.model import Document
from detente.evaluation import attribute_correct, evaluate, load_gold, matches, report, violates

SENTENCE = "Russia responded Thursday by ordering out 60 Americans."


def prediction(**fields):
    record = {
        "doc_id": "g", "sentence": 0, "sentence_text": SENTENCE,
        "source": [{"text": "Russia", "country": "RUS", "org": None, "sector": "GOV"}],
        "target": [{"text": "Americans", "country": "USA", "org": None, "sector": None}],
        "plover": "SANCTION", "mode": "expel", "cameo": "161", "goldstein": -4.0, "status": "asserted",
        "date": "2018-03-29", "quantity": {"value": 60, "unit": "Americans"}, "location": None,
        "trigger": {"text": "ordering out", "start": 29, "end": 41},
    }
    record.update(fields)
    return record


GOLD = {"evidence": "ordering out 60 Americans", "source": ["RUS"], "target": ["USA"], "plover": "SANCTION",
        "mode": "expel", "status": "asserted", "date": ["2018-03-29", "2018-03-29"], "quantity": 60, "required": True}


def test_evaluation_match_needs_evidence_type_and_actors():
    assert matches(GOLD, prediction())
    assert not matches(GOLD, prediction(plover="COERCE"))
    assert not matches(GOLD, prediction(sentence_text="Something else entirely."))
    assert not matches(GOLD, prediction(source=[{"text": "China", "country": "CHN", "org": None, "sector": None}]))
    assert matches({**GOLD, "source": [], "plover": None}, prediction(plover="COERCE"))


def test_evaluation_generic_igo_matches_any_organisation():
    gold = {**GOLD, "source": ["IGO"]}
    assert matches(gold, prediction(source=[{"text": "NATO", "country": None, "org": "NATO", "sector": None}]))


def test_evaluation_attributes_are_scored_only_where_the_gold_says():
    assert attribute_correct("date", GOLD, prediction()) is True
    assert attribute_correct("date", GOLD, prediction(date="2018-03-30")) is False
    assert attribute_correct("quantity", GOLD, prediction(quantity=None)) is False
    assert attribute_correct("location", GOLD, prediction()) is None


def test_evaluation_forbid_checks_every_given_field():
    forbid = {"evidence": "ordering out", "status": "asserted"}
    assert violates(forbid, prediction())
    assert not violates(forbid, prediction(status="hypothetical"))


def test_evaluation_precision_counts_asserted_predictions_and_skips_optional_matches():
    record = {"id": "g", "text": SENTENCE, "events": [GOLD, {"evidence": "60 Americans", "source": [], "target": [],
              "plover": "COERCE", "required": False}]}
    predictions = [prediction(), prediction(plover="COERCE"), prediction(plover="ASSAULT"), prediction(plover="AID", status="future")]
    score = evaluate([(Document(id="g", text=SENTENCE), record)], lambda _: predictions)
    assert (score.found, score.required) == (1, 1)
    assert (score.correct_predictions, score.predictions) == (1, 2)  # ASSAULT is the one false positive
    assert score.summary()["attributes"]["status"]["accuracy"] == 1.0


def test_evaluation_load_gold_refuses_a_bad_file(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "t", "events": [{"source": ["RUS"]}]}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="evidence"):
        load_gold(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(GoldError, match="no gold documents"):
        load_gold(empty)


def test_evaluation_seed_finds_all_ten_with_nothing_false(shared_dir, pipeline):
    gold = load_gold(shared_dir / "seed" / "expected.jsonl")
    score = evaluate(gold, lambda doc: [e.to_dict() for e in pipeline(doc).events])
    assert score.required == 10
    assert score.found == 10, report(score, show=True)
    assert score.precision == 1.0, report(score, show=True)  # officials "pressing for tougher action" request nothing of Russia
    assert score.forbid_violations == [], report(score, show=True)


DEV_GOLD_F1_FLOOR = 0.85  # raise as the coder improves; issue 4 aims at 0.85


def test_evaluation_dev_gold_set_is_well_formed(repo_root):
    from collections import Counter

    from detente.nlp.sentences import split_sentences

    gold = load_gold(repo_root / "tests" / "gold" / "dev.jsonl")
    sentences = sum(len(split_sentences(document.text)) for document, _ in gold)
    required = Counter(e["plover"] for _, record in gold for e in record["events"] if e.get("required", True))
    assert sentences >= 400
    assert len(required) == 16 and min(required.values()) >= 15, required
    for document, record in gold:
        for item in record["events"] + record.get("forbid", []):
            assert item["evidence"] in document.text, (document.id, item["evidence"])


def test_evaluation_dev_gold_set_does_not_regress(repo_root, pipeline):
    gold = load_gold(repo_root / "tests" / "gold" / "dev.jsonl")
    score = evaluate(gold, lambda doc: [e.to_dict() for e in pipeline(doc).events])
    assert score.f1 >= DEV_GOLD_F1_FLOOR, report(score)
    assert len(score.forbid_violations) <= 6, report(score, show=True)


#: The two sets written later and scored, not tuned on (fresh.jsonl was used for
#: development after its first score; unseen.jsonl has only ever been scored). Floors
#: catch regressions; they are well below the dev set's because the coder was built on it.
HELD_BACK_FLOORS = {"fresh.jsonl": 0.66, "unseen.jsonl": 0.63}


@pytest.mark.parametrize("name", sorted(HELD_BACK_FLOORS))
def test_evaluation_later_gold_sets_do_not_regress(repo_root, pipeline, name):
    gold = load_gold(repo_root / "tests" / "gold" / name)
    score = evaluate(gold, lambda doc: [e.to_dict() for e in pipeline(doc).events])
    assert score.f1 >= HELD_BACK_FLOORS[name], report(score)
