"""Scoring a coder against PETRARCH's validation records (`detente.compat.records`).

A record is correct when the set of (source, target, event code) triples coded for its
text equals the set it expects; a record that expects no events (``noevents``, or an
``error`` such as a discard) is correct when none are coded. The score is the share of
records exactly correct, overall and per category (as the file spells them: it has
``AGENTS`` and ``COMPOUNDx`` beside ``AGENT`` and ``COMPOUND``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from detente.compat.records import Record, RecordFile

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Outcome:
    """One record and the triples coded for it."""

    record: Record
    produced: frozenset[Triple]

    @property
    def correct(self) -> bool:
        return self.produced == self.record.expected


@dataclass(frozen=True)
class SuiteScore:
    """Every record's outcome, and the shares correct."""

    outcomes: tuple[Outcome, ...]

    @property
    def records(self) -> int:
        return len(self.outcomes)

    @property
    def correct(self) -> int:
        return sum(outcome.correct for outcome in self.outcomes)

    @property
    def share(self) -> float:
        return self.correct / self.records if self.records else 0.0

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.correct]

    def categories(self) -> dict[str, tuple[int, int]]:
        """(correct, records) per category, in the order categories first appear."""
        tally: dict[str, list[int]] = {}
        for outcome in self.outcomes:
            counts = tally.setdefault(outcome.record.category, [0, 0])
            counts[0] += outcome.correct
            counts[1] += 1
        return {category: (correct, total) for category, (correct, total) in tally.items()}

    def summary(self, failures: bool = False) -> dict[str, Any]:
        """The score as one JSON-ready object; with `failures`, each failed record too."""
        result: dict[str, Any] = {
            "records": self.records,
            "correct": self.correct,
            "share": round(self.share, 4),
            "categories": {name: {"records": total, "correct": correct, "share": round(correct / total, 4)}
                           for name, (correct, total) in self.categories().items()},
        }
        if failures:
            result["failures"] = [_failure(outcome) for outcome in self.failures]
        return result


def score_records(records: RecordFile, code: Callable[[Record], frozenset[Triple]]) -> SuiteScore:
    """Code every record with `code` (a record -> triples function) and score it."""
    return SuiteScore(tuple(Outcome(record, code(record)) for record in records.records))


def suite_report(score: SuiteScore, show: bool = False) -> str:
    """A readable report: the failures (with `show`), then one line per category, then
    the overall share as the last line."""
    lines = []
    if show:
        for outcome in score.failures:
            record = outcome.record
            lines.append(f"{record.id} [{record.category}] {record.text}")
            lines.append(f"    expected: {_triples(record.expected)}")
            lines.append(f"    produced: {_triples(outcome.produced)}")
        lines.append("")
    width = max((len(name) for name in score.categories()), default=8)
    for name, (correct, total) in score.categories().items():
        lines.append(f"  {name:<{width}}  {correct:>3}/{total:<3} {correct / total:7.1%}")
    lines.append(f"{score.correct}/{score.records} records exactly correct ({score.share:.1%})")
    return "\n".join(lines)


def _triples(triples: frozenset[Triple]) -> str:
    return ", ".join(f"{s} {t} {c}" for s, t, c in sorted(triples)) or "(no events)"


def _failure(outcome: Outcome) -> dict[str, Any]:
    record = outcome.record
    return {
        "id": record.id, "index": record.index, "category": record.category, "text": record.text,
        "expected": [list(t) for t in sorted(record.expected)], "produced": [list(t) for t in sorted(outcome.produced)],
    }
