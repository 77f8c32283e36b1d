"""Output formats of `detente code` and `detente events`."""
from __future__ import annotations

import csv
import io
import json

from detente.model import Document
from detente.output import EventWriter, render_table


def records(pipeline):
    document = pipeline(Document(id="o", text="Russia expelled 60 U.S. diplomats. France recalled its ambassador to Italy."))
    return [e.to_dict() for e in document.events]


def test_output_jsonl_is_one_object_per_line(pipeline):
    stream = io.StringIO()
    writer = EventWriter(stream, "jsonl")
    writer.write_all(records(pipeline))
    writer.close()
    lines = stream.getvalue().splitlines()
    assert [json.loads(line)["plover"] for line in lines] == ["SANCTION", "SANCTION"]


def test_output_csv_has_a_header_and_flat_actors(pipeline):
    stream = io.StringIO()
    writer = EventWriter(stream, "csv")
    writer.write_all(records(pipeline))
    writer.close()
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert rows[0]["source"].startswith("RUS GOV") and rows[0]["target"].startswith("USA")
    assert rows[1]["target"].startswith("ITA")


def test_output_csv_with_no_events_still_has_its_header():
    stream = io.StringIO()
    writer = EventWriter(stream, "csv")
    writer.close()
    assert stream.getvalue().startswith("doc_id,sentence,source")


def test_output_table_fits_the_width_and_counts_rows(pipeline):
    rows = [["x" * 80] * 12]
    text = render_table(rows, width=100)
    assert all(len(line) <= 100 for line in text.splitlines())
    assert text.endswith("(1 events)\n")
    assert render_table([]) == "(no events)\n"


def test_output_pairs_split_a_compound_event_into_dyads(pipeline):
    from detente.output import dyadic_pairs

    document = pipeline(Document(id="p", text="The United States and Britain condemned Iran and Syria."))
    (event,) = [e.to_dict() for e in document.events]
    assert len(event["source"]) == 2 and len(event["target"]) == 2  # one PLOVER event
    pairs = dyadic_pairs(event)
    assert [(p["source"][0]["country"], p["target"][0]["country"]) for p in pairs] == [
        ("USA", "IRN"), ("USA", "SYR"), ("GBR", "IRN"), ("GBR", "SYR")
    ]


def test_output_pairs_keep_an_event_without_target(pipeline):
    from detente.output import dyadic_pairs

    document = pipeline(Document(id="p", text="Russia and China condemned the decision."))
    pairs = dyadic_pairs(document.events[0].to_dict())
    assert [(p["source"][0]["country"], p["target"]) for p in pairs] == [("RUS", []), ("CHN", [])]


def test_output_cli_pairs_flag(tmp_path, capsys):
    from detente.cli import main

    path = tmp_path / "a.txt"
    path.write_text("The United States and Britain condemned Iran.", encoding="utf-8")
    assert main(["code", str(path), "--pairs"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"][0]["country"] for r in rows] == ["USA", "GBR"]
