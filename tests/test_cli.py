"""detente/cli.py: the commands, run in-process through `main([...])`, plus the installed entry points.

In-process runs share the session's loaded resources (Resources.bundled is patched to
return them), so each `code`/`ingest`/`eval` builds its pipeline in milliseconds.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import detente
from detente.cli import main
from detente.pipeline import Resources

CONTRACT_FIELDS = {
    "doc_id", "sentence", "sentence_text", "source", "target", "plover", "mode", "cameo",
    "goldstein", "status", "date", "quantity", "location", "trigger",
}
EXPULSION = "Russia expelled 60 U.S. diplomats on Thursday."
TWO_EVENTS = "Russia expelled 60 U.S. diplomats on Thursday. China accused Japan of provocations on Friday.\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06" + bytes(range(256)) * 4


@pytest.fixture
def fast(monkeypatch, resources):
    """Make the CLI's Pipeline.default() reuse the session's resources instead of reloading them."""
    monkeypatch.setattr(Resources, "bundled", classmethod(lambda cls: resources))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _txt(tmp_path: Path, name: str = "moscow.txt", text: str = TWO_EVENTS) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _ids(records: list[dict]) -> set[str]:
    return {r["doc_id"] for r in records}


def _codes(actors: list[dict]) -> list[str]:
    return [a["country"] or a["org"] for a in actors]


# --- code ------------------------------------------------------------------------------


def test_cli_code_jsonl_prints_one_contract_record_per_event(tmp_path, capsys, fast):
    code, out, err = run(capsys, "code", _txt(tmp_path), "--date", "2018-03-31", "--format", "jsonl")
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert len(records) >= 2
    for record in records:
        assert isinstance(record, dict)
        assert CONTRACT_FIELDS <= set(record), CONTRACT_FIELDS - set(record)
        assert record["doc_id"] == "moscow.txt"
        assert isinstance(record["sentence"], int)
        assert set(record["trigger"]) >= {"text", "start", "end"}
        trigger = record["trigger"]
        assert record["sentence_text"][trigger["start"]:trigger["end"]] == trigger["text"]
        for actor in record["source"] + record["target"]:
            assert set(actor) >= {"text", "country", "org", "sector"}
        assert isinstance(record["cameo"], str)
        assert record["status"] in ("asserted", "negated", "hypothetical", "future")
    expulsion = next(r for r in records if r["plover"] == "SANCTION")
    assert expulsion["sentence"] == 0 and expulsion["sentence_text"] == EXPULSION
    assert _codes(expulsion["source"]) == ["RUS"] and _codes(expulsion["target"]) == ["USA"]
    assert expulsion["cameo"] == "161"
    assert expulsion["quantity"]["value"] == 60


def test_cli_code_default_format_is_jsonl(tmp_path, capsys, fast):
    code, out, _ = run(capsys, "code", _txt(tmp_path), "--date", "2018-03-31")
    assert code == 0
    assert all(isinstance(r, dict) for r in jsonl(out)) and jsonl(out)


def test_cli_code_date_anchors_relative_dates_of_txt_files(tmp_path, capsys, fast):
    path = _txt(tmp_path, text=EXPULSION)
    _, out_2018, _ = run(capsys, "code", path, "--date", "2018-03-31")
    _, out_2019, _ = run(capsys, "code", path, "--date", "2019-01-05")
    # "Thursday" before Saturday 2018-03-31, and before Saturday 2019-01-05
    assert [r["date"] for r in jsonl(out_2018)] == ["2018-03-29"]
    assert [r["date"] for r in jsonl(out_2019)] == ["2019-01-03"]


def test_cli_code_csv_has_a_header_row(tmp_path, capsys, fast):
    code, out, _ = run(capsys, "code", _txt(tmp_path), "--date", "2018-03-31", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    header = out.splitlines()[0].split(",")
    assert {"doc_id", "sentence", "source", "target", "plover", "cameo", "status", "date", "trigger", "sentence_text"} <= set(header)
    assert len(rows) >= 2
    expulsion = next(r for r in rows if r["plover"] == "SANCTION")
    assert expulsion["doc_id"] == "moscow.txt"
    assert expulsion["cameo"] == "161"  # the leading-zero string form survives
    assert "RUS" in expulsion["source"] and "USA" in expulsion["target"]
    assert expulsion["sentence_text"] == EXPULSION


def test_cli_code_csv_without_events_still_has_the_header(tmp_path, capsys, fast):
    code, out, _ = run(capsys, "code", _txt(tmp_path, text="The weather was fine on Tuesday.\n"), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("doc_id,sentence,")
    assert len(out.splitlines()) == 1


def test_cli_code_table_is_readable_text(tmp_path, capsys, monkeypatch, fast):
    monkeypatch.setenv("COLUMNS", "200")  # the table is cut to the terminal's width
    code, out, _ = run(capsys, "code", _txt(tmp_path), "--date", "2018-03-31", "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["doc", "s", "source", "event", "target"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    body = "\n".join(lines[2:])
    assert "SANCTION" in body and "RUS" in body and "USA" in body and "moscow.txt" in body
    assert lines[-1].endswith("events)")
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[2])


def test_cli_code_table_without_events_says_so(tmp_path, capsys, fast):
    code, out, _ = run(capsys, "code", _txt(tmp_path, text="The weather was fine on Tuesday.\n"), "--format", "table")
    assert code == 0 and "(no events)" in out


def test_cli_code_good_and_bad_files_prints_good_reports_bad_and_exits_3(tmp_path, capsys, fast):
    good = _txt(tmp_path, "good.txt", EXPULSION)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(PNG_BYTES)
    code, out, err = run(capsys, "code", str(empty), good, str(binary), "--date", "2018-03-31")
    assert code == 3
    records = jsonl(out)
    assert records and _ids(records) == {"good.txt"}
    assert str(empty) in err and str(binary) in err
    assert "skipped" in err
    assert "Traceback" not in err


def test_cli_code_malformed_jsonl_record_is_skipped_with_its_line(tmp_path, capsys, fast):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": EXPULSION, "date": "2018-03-31"}) + "\n{oops\n"
        + json.dumps({"id": "c", "text": EXPULSION, "date": "2018-03-31"}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "code", str(path))
    assert code == 3
    assert _ids(jsonl(out)) == {"a", "c"}
    assert f"{path}:2" in err


def test_cli_code_reads_jsonl_from_stdin_dash(capsys, monkeypatch, fast):
    data = json.dumps({"id": "stdin-1", "text": EXPULSION, "date": "2018-03-31"}) + "\n"
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data.encode("utf-8"))))
    code, out, err = run(capsys, "code", "-")
    assert code == 0, err
    (record,) = [r for r in jsonl(out) if r["plover"] == "SANCTION"]
    assert record["doc_id"] == "stdin-1" and record["date"] == "2018-03-29"


def test_cli_code_empty_stdin_is_skipped(capsys, monkeypatch, fast):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"")))
    code, out, err = run(capsys, "code", "-")
    assert code == 3
    assert out == ""
    assert "<stdin>" in err


def test_cli_code_keep_unresolved_adds_events_with_unknown_source(tmp_path, capsys, fast):
    path = _txt(tmp_path, "unresolved.txt", "The ministry expelled 60 U.S. diplomats on Thursday.\n")
    _, plain, _ = run(capsys, "code", path, "--date", "2018-03-31")
    _, kept, _ = run(capsys, "code", path, "--date", "2018-03-31", "--keep-unresolved")
    assert jsonl(plain) == []
    (record,) = jsonl(kept)
    assert record["source"][0]["country"] is None and record["source"][0]["org"] is None
    assert _codes(record["target"]) == ["USA"]


def test_cli_code_bad_date_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["code", _txt(tmp_path), "--date", "31/03/2018"])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_code_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["code", _txt(tmp_path), "--format", "xml"])
    assert caught.value.code == 2


# --- ingest and events -----------------------------------------------------------------


def test_cli_ingest_then_events_by_dyad(tmp_path, capsys, fast):
    db = str(tmp_path / "events.duckdb")
    docs = tmp_path / "news"
    docs.mkdir()
    _txt(docs, "moscow.txt", TWO_EVENTS)
    (docs / "oslo.jsonl").write_text(
        json.dumps({"id": "oslo-1", "date": "2023-04-18", "text": "Norway expelled 15 Russian diplomats on Tuesday."}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "ingest", str(docs), "--date", "2018-03-31", "--db", db)
    assert code == 0, err
    assert out == ""
    assert "2 added, 0 updated, 0 unchanged, 0 skipped" in err
    assert Path(db).is_file()

    for a, b in (("RUS", "USA"), ("USA", "RUS")):
        code, out, err = run(capsys, "events", "--db", db, "--dyad", a, b, "--format", "jsonl")
        assert code == 0, err
        records = jsonl(out)
        assert records, (a, b)
        for record in records:
            assert CONTRACT_FIELDS <= set(record)
            sides = {*_codes(record["source"]), *_codes(record["target"])}
            assert {"RUS", "USA"} <= sides
        assert _ids(records) == {"moscow.txt"}

    _, out, _ = run(capsys, "events", "--db", db, "--actor", "NOR")
    assert _ids(jsonl(out)) == {"oslo-1"}
    _, out, _ = run(capsys, "events", "--db", db, "--type", "sanction")  # --type is upper-cased
    assert jsonl(out) and {r["plover"] for r in jsonl(out)} == {"SANCTION"}
    _, out, _ = run(capsys, "events", "--db", db, "--since", "2020-01-01")
    assert _ids(jsonl(out)) == {"oslo-1"}
    _, out, _ = run(capsys, "events", "--db", db, "--limit", "1")
    assert len(jsonl(out)) == 1
    _, out, _ = run(capsys, "events", "--db", db, "--format", "table")
    assert "SANCTION" in out and "events)" in out


def test_cli_ingest_twice_reports_unchanged(tmp_path, capsys, fast):
    db = str(tmp_path / "events.duckdb")
    path = _txt(tmp_path)
    code, _, first = run(capsys, "ingest", path, "--date", "2018-03-31", "--db", db)
    assert code == 0 and "1 added" in first
    code, _, second = run(capsys, "ingest", path, "--date", "2018-03-31", "--db", db)
    assert code == 0
    assert "0 added, 0 updated, 1 unchanged" in second
    assert "now holds 1 documents" in second
    # a new --date changes what the text means: the document is re-coded
    code, _, third = run(capsys, "ingest", path, "--date", "2019-01-05", "--db", db)
    assert "0 added, 1 updated, 0 unchanged" in third


def test_cli_ingest_with_a_bad_file_stores_the_rest_and_exits_3(tmp_path, capsys, fast):
    db = str(tmp_path / "events.duckdb")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "ingest", _txt(tmp_path), str(empty), "--date", "2018-03-31", "--db", db)
    assert code == 3
    assert str(empty) in err and "1 added" in err and "1 skipped" in err


def test_cli_ingest_into_missing_directory_exits_1(tmp_path, capsys, fast):
    code, _, err = run(capsys, "ingest", _txt(tmp_path), "--db", str(tmp_path / "no" / "such" / "x.duckdb"))
    assert code == 1
    assert err.startswith("detente: error:") and "Traceback" not in err


def test_cli_events_on_missing_db_exits_1_with_a_clear_message(tmp_path, capsys):
    db = tmp_path / "missing.duckdb"
    code, out, err = run(capsys, "events", "--db", str(db))
    assert code == 1
    assert out == ""
    assert err.startswith("detente: error:")
    assert str(db) in err and "no such database" in err and "detente ingest" in err
    assert not db.exists()  # listing never creates a database


def test_cli_events_negative_limit_is_a_clean_error(tmp_path, capsys, fast):
    db = str(tmp_path / "events.duckdb")
    run(capsys, "ingest", _txt(tmp_path), "--db", db)
    try:
        code = main(["events", "--db", db, "--limit", "-1"])
    except SystemExit as exit_:  # argparse refusing it is fine too
        code = exit_.code
    err = capsys.readouterr().err
    assert code in (1, 2)
    assert "detente" in err and "limit" in err.lower()


# --- eval ------------------------------------------------------------------------------


@pytest.fixture
def gold_file(tmp_path) -> Path:
    records = [
        {
            "id": "gold-1", "date": "2018-03-31",
            "text": "Russia expelled 60 U.S. diplomats on Thursday. The weather in Moscow was cold.",
            "events": [{
                "evidence": "Russia expelled 60 U.S. diplomats", "source": ["RUS"], "target": ["USA"],
                "plover": "SANCTION", "mode": "expel", "status": "asserted",
                "date": ["2018-03-29", "2018-03-29"], "quantity": 60, "required": True,
            }],
            "forbid": [{"evidence": "The weather in Moscow", "status": "asserted"}],
        },
        {
            # a required event no sane coder finds: recall is exactly 1/2
            "id": "gold-2", "date": "2018-03-31", "text": "The weather in Oslo was cold on Friday.",
            "events": [{"evidence": "The weather in Oslo", "source": ["NOR"], "target": ["USA"], "plover": "ASSAULT"}],
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_eval_prints_recall_and_precision(gold_file, capsys, fast):
    code, out, err = run(capsys, "eval", str(gold_file))
    assert code == 0, err
    lines = out.splitlines()
    assert "found 1/2 required events: recall 0.50" in lines
    assert any(line.startswith("precision ") and "F1" in line for line in lines)
    assert "forbid violations: 0" in lines


def test_cli_eval_json_prints_a_summary(gold_file, capsys, fast):
    code, out, _ = run(capsys, "eval", str(gold_file), "--json")
    assert code == 0
    summary = json.loads(out)
    assert {"required", "found", "recall", "precision", "f1", "attributes", "forbid_violations"} <= set(summary)
    assert (summary["required"], summary["found"], summary["recall"]) == (2, 1, 0.5)
    assert summary["forbid_violations"] == 0
    assert 0.0 <= summary["precision"] <= 1.0 and 0.0 <= summary["f1"] <= 1.0
    assert summary["attributes"]["quantity"] == {"correct": 1, "scored": 1, "accuracy": 1.0}
    assert summary["attributes"]["date"]["correct"] == 1


def test_cli_eval_seed_gold_file_is_scored(shared_dir, capsys, fast):
    code, out, err = run(capsys, "eval", str(shared_dir / "seed" / "expected.jsonl"), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["required"] > 0
    assert 0 <= summary["found"] <= summary["required"]
    assert set(summary["attributes"]) == {"status", "mode", "date", "quantity", "location"}


def test_cli_eval_show_lists_missed_events(gold_file, capsys, fast):
    code, out, _ = run(capsys, "eval", str(gold_file), "--show")
    assert code == 0
    assert "Missed required events:" in out
    assert "The weather in Oslo" in out


def test_cli_eval_gold_event_without_evidence_exits_1_naming_the_line(tmp_path, capsys, fast):
    path = tmp_path / "bad-gold.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": EXPULSION, "events": []}) + "\n"
        + json.dumps({"id": "b", "text": EXPULSION, "events": [{"plover": "SANCTION"}]}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "eval", str(path))
    assert code == 1
    assert f"{path}:2" in err and "evidence" in err


def test_cli_eval_missing_gold_file_exits_1(tmp_path, capsys, fast):
    code, _, err = run(capsys, "eval", str(tmp_path / "nope.jsonl"))
    assert code == 1 and err.startswith("detente: error:")


# --- validate --------------------------------------------------------------------------


def test_cli_validate_bundled_files_exits_0(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0, out
    assert out == ""
    assert "0 problems" in err


def test_cli_validate_bad_file_exits_1_with_file_line(tmp_path, capsys):
    path = tmp_path / "verbs" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(
        '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n\n- verb: oust\n  plover: SANCTION\n  mode: expel\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert out.startswith(f"{path}:5: ")
    assert "cameo" in out
    assert "1 problems" in err


# --- the program itself ----------------------------------------------------------------


def test_cli_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"detente {detente.__version__}"


def test_cli_no_command_prints_help_and_exits_2(capsys):
    code, out, _ = run(capsys)
    assert code == 2
    assert out.startswith("usage: detente")
    for command in ("code", "ingest", "events", "eval", "validate"):
        assert command in out


def test_cli_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_cli_python_dash_m_detente_help(repo_root):
    done = subprocess.run([sys.executable, "-m", "detente", "--help"], capture_output=True, text=True, cwd=repo_root, env=_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: detente")
    assert "Exit status" in done.stdout


def test_cli_console_script_runs(tmp_path):
    script = Path(sys.executable).parent / "detente"
    if not script.exists():
        pytest.skip(f"the detente console script is not installed beside {sys.executable}")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"detente {detente.__version__}"
    bad = tmp_path / "verbs" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text("- verb: expel\n  plover: SANCTION\n", encoding="utf-8")
    done = subprocess.run([str(script), "validate", str(bad)], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{bad}:1: ") and "cameo" in done.stdout
    assert "1 files checked, 1 problems" in done.stderr


def test_cli_help_loads_no_analytics_libraries(repo_root):
    # --help and --version build every sub-command's parser: they must not load DuckDB,
    # pandas, numpy or Arrow, which the analysis and import commands load when they run.
    probe = ("import sys; from detente.cli import build_parser; build_parser(); "
             "print(sorted(m for m in ('duckdb', 'pandas', 'numpy', 'pyarrow') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=repo_root, env=_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
