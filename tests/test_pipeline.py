"""The pipeline: named steps over one data model, and the library's front door."""
from __future__ import annotations

import datetime as dt

import pytest

import detente
from detente.model import Document

STEPS = ["sentences", "dateline", "dates", "quantities", "actors", "places", "memory", "verbs", "events"]


def test_pipeline_steps_are_named_in_order(pipeline):
    assert pipeline.names == STEPS


def test_pipeline_each_step_fills_its_part_of_the_document(pipeline):
    document = Document(id="d", text="MOSCOW — Russia expelled 60 U.S. diplomats in Moscow on Thursday.", date=dt.date(2018, 3, 31))
    filled = {}
    for name, step in pipeline.steps:
        document = step(document)
        sentence = document.sentences[0] if document.sentences else None
        filled[name] = {
            "sentences": bool(document.sentences),
            "dateline": document.dateline_country == "RUS",
            "dates": bool(sentence and sentence.dates),
            "quantities": bool(sentence and sentence.quantities),
            "places": bool(sentence and sentence.places),
            "actors": bool(sentence and sentence.actors),
            "memory": bool(sentence and all(a.resolved for a in sentence.actors)),
            "verbs": bool(sentence and sentence.verbs),
            "events": bool(document.events),
        }[name]
    assert filled == {name: True for name in STEPS}


def test_pipeline_without_a_step_leaves_its_part_empty(pipeline):
    document = pipeline.without("verbs")(Document(id="d", text="Russia expelled 60 U.S. diplomats."))
    assert document.sentences and document.events == []


def test_pipeline_replace_swaps_a_step(pipeline):
    def no_dates(document):
        return document

    document = pipeline.replace("dates", no_dates)(Document(id="d", text="Russia expelled diplomats on Thursday.", date=dt.date(2018, 3, 31)))
    assert document.sentences[0].dates == []
    with pytest.raises(KeyError, match="no step named 'parse'"):
        pipeline.replace("parse", no_dates)


def test_pipeline_is_reusable_across_documents(pipeline):
    first = pipeline(Document(id="a", text="Russia expelled 60 U.S. diplomats."))
    second = pipeline(Document(id="b", text="France recalled its ambassador to Italy."))
    assert [e.doc_id for e in first.events] == ["a"]
    assert [e.doc_id for e in second.events] == ["b"]


def test_pipeline_code_text_is_the_library_front_door():
    events = detente.code_text("Russia expelled 60 U.S. diplomats on Thursday.", date="2018-03-31")
    assert [(e.plover, e.source[0].country, e.target[0].country, e.date) for e in events] == [
        ("SANCTION", "RUS", "USA", dt.date(2018, 3, 29))
    ]


def test_pipeline_empty_text_codes_nothing(pipeline):
    assert pipeline(Document(id="e", text="   ")).events == []
