"""Scoring the coder against gold annotations (CONTRACT section 3).

A prediction matches a gold event when the gold evidence is in its sentence, the PLOVER
type is equal (or the gold leaves it null), and each non-empty gold actor list overlaps
the predicted one by country, else by organisation (`IGO`/`NGO` match any organisation).
Precision counts asserted predictions only; a prediction that matches only an optional
gold event counts neither way. Status, mode, date, quantity and location are scored as
accuracies over matched gold events.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from detente.errors import GoldError, InputError
from detente.model import Document
from detente.readers.jsonl import parse_record

ATTRIBUTES = ("status", "mode", "date", "quantity", "location")


@dataclass
class Outcome:
    """One gold event and the prediction that matched it, if any."""

    doc_id: str
    gold: dict[str, Any]
    prediction: dict[str, Any] | None = None


@dataclass
class Score:
    required: int = 0
    found: int = 0
    predictions: int = 0
    correct_predictions: int = 0
    attributes: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES})
    forbid_violations: list[dict[str, Any]] = field(default_factory=list)
    misses: list[Outcome] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    matches: list[Outcome] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "required": self.required,
            "found": self.found,
            "recall": round(self.recall, 4),
            "asserted_predictions": self.predictions,
            "correct_predictions": self.correct_predictions,
            "precision": round(self.precision, 4),
            "f1": round(self.f1, 4),
            "attributes": {a: {"correct": c, "scored": n, "accuracy": round(c / n, 4) if n else None} for a, (c, n) in self.attributes.items()},
            "forbid_violations": len(self.forbid_violations),
        }


def load_gold(path: Path) -> list[tuple[Document, dict[str, Any]]]:
    """Documents and their annotations from a gold file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read: {error}") from error
    gold = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = parse_record(line, str(path), number)
        except InputError as error:
            raise GoldError(str(error)) from error
        record = json.loads(line)
        if not isinstance(record.get("events", []), list):
            raise GoldError(f"{path}:{number}: 'events' must be a list")
        for event in record.get("events", []):
            if "evidence" not in event:
                raise GoldError(f"{path}:{number}: every gold event needs 'evidence'")
        gold.append((document, record))
    if not gold:
        raise GoldError(f"{path}: no gold documents")
    return gold


def evaluate(gold: list[tuple[Document, dict[str, Any]]], code: Callable[[Document], list[dict[str, Any]]]) -> Score:
    """Score `code` (a document -> event records function) against gold documents."""
    score = Score()
    for document, record in gold:
        predictions = code(document)
        _score_document(score, document.id, record, predictions)
    return score


def _score_document(score: Score, doc_id: str, record: dict[str, Any], predictions: list[dict[str, Any]]) -> None:
    events = record.get("events", [])
    required = [g for g in events if g.get("required", True)]
    optional = [g for g in events if not g.get("required", True)]
    for gold in required:
        score.required += 1
        candidates = [p for p in predictions if matches(gold, p)]
        best = max(candidates, key=lambda p: _attribute_hits(gold, p), default=None)
        outcome = Outcome(doc_id, gold, best)
        if best is None:
            score.misses.append(outcome)
            continue
        score.found += 1
        score.matches.append(outcome)
        for attribute in ATTRIBUTES:
            verdict = attribute_correct(attribute, gold, best)
            if verdict is not None:
                score.attributes[attribute][0] += verdict
                score.attributes[attribute][1] += 1
    for prediction in predictions:
        if prediction["status"] != "asserted":
            continue
        if any(matches(g, prediction) for g in required):
            score.predictions += 1
            score.correct_predictions += 1
        elif not any(matches(g, prediction) for g in optional):
            score.predictions += 1
            score.false_positives.append(prediction)
    for forbid in record.get("forbid", []):
        for prediction in predictions:
            if violates(forbid, prediction):
                score.forbid_violations.append({"forbid": forbid, "prediction": prediction})


def matches(gold: dict[str, Any], prediction: dict[str, Any]) -> bool:
    if gold["evidence"] not in prediction["sentence_text"]:
        return False
    if gold.get("plover") and gold["plover"] != prediction["plover"]:
        return False
    return _overlaps(gold.get("source", []), prediction["source"]) and _overlaps(gold.get("target", []), prediction["target"])


def _overlaps(codes: list[str], actors: list[dict[str, Any]]) -> bool:
    if not codes:
        return True
    for code in codes:
        for actor in actors:
            if actor.get("country") == code or actor.get("org") == code:
                return True
            if code in ("IGO", "NGO") and actor.get("org"):
                return True
    return False


def attribute_correct(attribute: str, gold: dict[str, Any], prediction: dict[str, Any]) -> bool | None:
    """Whether one attribute is right; None when the gold does not say."""
    if attribute not in gold or gold[attribute] is None and attribute != "status":
        return None
    expected, got = gold.get(attribute), prediction.get(attribute)
    if attribute == "date":
        if not got:
            return False
        first, last = (dt.date.fromisoformat(d) for d in expected)
        return first <= dt.date.fromisoformat(got) <= last
    if attribute == "quantity":
        return bool(got) and got.get("value") == expected
    if attribute == "location":
        return bool(got) and (expected.lower() in got.lower() or got.lower() in expected.lower())
    return expected == got


def _attribute_hits(gold: dict[str, Any], prediction: dict[str, Any]) -> int:
    return sum(bool(attribute_correct(a, gold, prediction)) for a in ATTRIBUTES)


def violates(forbid: dict[str, Any], prediction: dict[str, Any]) -> bool:
    if forbid["evidence"] not in prediction["sentence_text"]:
        return False
    return all(prediction.get(key) == value for key, value in forbid.items() if key not in ("evidence", "note"))


def report(score: Score, show: bool = False) -> str:
    """A readable report; the last three lines are recall, precision and forbid violations."""
    lines = []
    if show:
        lines += _details(score)
    for attribute, (correct, scored) in score.attributes.items():
        if scored:
            lines.append(f"  {attribute:<9} {correct}/{scored} correct ({correct / scored:.0%})")
    lines.append(f"found {score.found}/{score.required} required events: recall {score.recall:.2f}")
    lines.append(f"precision {score.precision:.2f} ({score.correct_predictions}/{score.predictions} asserted predictions)  F1 {score.f1:.2f}")
    lines.append(f"forbid violations: {len(score.forbid_violations)}")
    return "\n".join(lines)


def _details(score: Score) -> list[str]:
    lines = ["Missed required events:"]
    lines += [f"  - [{m.doc_id}] {m.gold.get('plover')} {m.gold.get('source')}->{m.gold.get('target')}: {m.gold['evidence']!r}" for m in score.misses] or ["  (none)"]
    lines.append("False positives (asserted, matching no gold event):")
    lines += [f"  - [{p['doc_id']}:{p['sentence']}] {p['plover']} {_codes(p['source'])}->{_codes(p['target'])} trigger {p['trigger']['text']!r}: {p['sentence_text'][:90]!r}" for p in score.false_positives] or ["  (none)"]
    lines.append("Forbid violations:")
    lines += [f"  - {v['forbid']['evidence']!r}: {v['prediction']['plover']} {v['prediction']['status']}" for v in score.forbid_violations] or ["  (none)"]
    lines.append("Attribute errors on matched events:")
    for outcome in score.matches:
        wrong = [a for a in ATTRIBUTES if attribute_correct(a, outcome.gold, outcome.prediction) is False]
        if wrong:
            got = {a: outcome.prediction.get(a) for a in wrong}
            want = {a: outcome.gold.get(a) for a in wrong}
            lines.append(f"  - {outcome.gold['evidence'][:60]!r}: got {got}, want {want}")
    return lines


def _codes(actors: list[dict[str, Any]]) -> list[str]:
    return [a.get("country") or a.get("org") or "?" for a in actors]
