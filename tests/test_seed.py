"""The seed article (../shared/seed): every actor, date and quantity a reader would resolve."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from detente.model import Document


@pytest.fixture(scope="module")
def seed(shared_dir, pipeline):
    record = json.loads((shared_dir / "seed" / "expected.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return pipeline(Document(id="seed", text=record["text"], date=dt.date.fromisoformat(record["date"])))


def mentions(document, text: str):
    return [a for s in document.sentences for a in s.actors if a.text == text]


@pytest.mark.parametrize(
    "text, country, sector",
    [
        ("administration", "USA", "GOV"),
        ("Trump administration", "USA", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("his embassy", "RUS", "GOV"),
        ("Anatoly Antonov", "RUS", "GOV"),
        ("Antonov", "RUS", "GOV"),
        ("Jon M. Huntsman Jr.", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("U.S. intelligence agencies", "USA", "SPY"),
        ("Russian diplomats", "RUS", "GOV"),
        ("Russia’s ambassador", "RUS", "GOV"),
        ("British foreign secretary", "GBR", "GOV"),
    ],
)
def test_seed_actor(seed, text, country, sector):
    found = mentions(seed, text)
    assert found, f"{text!r} not found"
    assert all((a.country, a.sector) == (country, sector) for a in found), [(a.country, a.sector) for a in found]


def test_seed_rex_tillerson_is_secretary_of_state_in_march_2018(seed):
    found = [a for s in seed.sentences for a in s.actors if "Tillerson" in a.text]
    assert found and all(a.country == "USA" for a in found)


def test_seed_dates(seed):
    by_text = {d.text: d for s in seed.sentences for d in s.dates}
    assert by_text["Thursday"].value == dt.date(2018, 3, 29)
    assert by_text["Friday"].value == dt.date(2018, 3, 30)
    summer = by_text["last summer"]
    assert (summer.value, summer.end_value, summer.precision) == (dt.date(2017, 6, 1), dt.date(2017, 8, 31), "season")
    assert by_text["this week"].precision == "week"


def test_seed_quantities_of_events(seed):
    assert sorted(e.quantity.value for e in seed.events if e.quantity) == [23, 60, 60, 755]
