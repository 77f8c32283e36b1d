"""detente/datafiles.py: YAML data files loaded with line numbers and checked against their
schemas, every problem reported as file:line (docs/dictionary-format.md); `detente validate`."""
from __future__ import annotations

from pathlib import Path

import pytest

from detente.cli import main
from detente.config import DATA_DIR
from detente.datafiles import Entry, bundled_files, check_file, kind_of, load_entries
from detente.errors import DataError

GOOD_VERBS = """\
# expulsions
- verb: expel
  objects: [diplomat, envoy]
  plover: SANCTION
  mode: expel
  cameo: "161"

- verb: order
  particle: out
  plover: SANCTION
  cameo: "161"
  noun: false
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path, kind: str | None = None) -> list[DataError]:
    return list(check_file(path, kind))


# --- kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "relative, kind",
    [
        ("actors/countries.yaml", "countries"),
        ("actors/organisations.yaml", "organisations"),
        ("actors/sectors.yaml", "sectors"),
        ("actors/people.yaml", "people"),
        ("verbs/sanction.yaml", "verbs"),
        ("lexicon/words.yaml", "lexicon"),
        ("elsewhere/verbs_extra.yaml", "verbs"),
        ("countries-2024.yaml", "countries"),
        ("ontology/plover.yaml", None),
        ("notes.yaml", None),
    ],
)
def test_datafiles_kind_of_by_folder_or_name(relative, kind):
    assert kind_of(Path(relative)) == kind


# --- good files ------------------------------------------------------------------------


def test_datafiles_good_file_has_no_problems_and_loads_entries_with_lines(tmp_path):
    path = _write(tmp_path / "verbs" / "good.yaml", GOOD_VERBS)
    assert _problems(path) == []
    entries = load_entries(path)
    assert [type(e) for e in entries] == [Entry, Entry]
    assert [e.line for e in entries] == [2, 8]
    assert entries[0].get("verb") == "expel" and entries[0].path == str(path)
    assert entries[0].get("objects") == ["diplomat", "envoy"]
    assert entries[1].get("mode") is None and entries[1].get("missing", "dflt") == "dflt"
    assert entries[1].get("noun") is False
    # no line-number bookkeeping leaks into the data
    assert all("__line__" not in repr(e.data) for e in entries)


def test_datafiles_nested_mappings_carry_no_line_keys(tmp_path):
    path = _write(tmp_path / "actors" / "countries.yaml", "- code: RUS\n  name: Russia\n  seats:\n    - {name: Kremlin, sector: GOV}\n")
    (entry,) = load_entries(path)
    assert entry.data == {"code": "RUS", "name": "Russia", "seats": [{"name": "Kremlin", "sector": "GOV"}]}


def test_datafiles_comment_only_file_has_no_entries(tmp_path):
    path = _write(tmp_path / "verbs" / "empty.yaml", "# nothing yet\n")
    assert _problems(path) == []
    assert load_entries(path) == []


# --- YAML 1.1 surprises ----------------------------------------------------------------


def test_datafiles_yaml11_boolean_words_stay_strings(tmp_path):
    path = _write(
        tmp_path / "actors" / "countries.yaml",
        "- code: NOR\n  name: Norway\n  names: [no, NO, No, on, off, yes, y, n]\n  note: on\n",
    )
    (entry,) = load_entries(path)
    assert entry.get("names") == ["no", "NO", "No", "on", "off", "yes", "y", "n"]
    assert entry.get("note") == "on"


def test_datafiles_true_and_false_are_still_booleans(tmp_path):
    path = _write(tmp_path / "verbs" / "bools.yaml", '- verb: talks\n  plover: CONSULT\n  cameo: "040"\n  noun: true\n  passive_only: False\n')
    (entry,) = load_entries(path)
    assert entry.get("noun") is True and entry.get("passive_only") is False


def test_datafiles_yes_is_not_a_boolean_so_schema_rejects_it(tmp_path):
    path = _write(tmp_path / "verbs" / "yes.yaml", '- verb: talks\n  plover: CONSULT\n  cameo: "040"\n  noun: yes\n')
    (problem,) = _problems(path)
    assert problem.line == 1
    assert "noun" in str(problem) and "boolean" in str(problem)


def test_datafiles_unquoted_dates_stay_strings(tmp_path):
    path = _write(
        tmp_path / "actors" / "people.yaml",
        "- name: Vladimir Putin\n  aliases: [Putin]\n  roles:\n"
        "    - {country: RUS, sector: GOV, title: President, start: 2000-05-07, end: 2008-05-07}\n",
    )
    assert _problems(path) == []
    (entry,) = load_entries(path)
    role = entry.get("roles")[0]
    assert role["start"] == "2000-05-07" and isinstance(role["start"], str)
    assert role["end"] == "2008-05-07" and isinstance(role["end"], str)


# --- problems, with file:line ----------------------------------------------------------


def test_datafiles_yaml_syntax_error_reports_its_line(tmp_path):
    path = _write(
        tmp_path / "verbs" / "syntax.yaml",
        '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n\n- verb: close\n  plover: SANCTION\n  cameo: "161"\n'
        '  note: "close" also covers "close down"\n',
    )
    (problem,) = _problems(path)
    assert isinstance(problem, DataError)
    assert problem.line == 8
    assert str(problem).startswith(f"{path}:8: ")
    assert "YAML" in str(problem)


def test_datafiles_tab_indentation_reports_its_line(tmp_path):
    path = _write(tmp_path / "verbs" / "tabs.yaml", '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n- verb: oust\n\tplover: SANCTION\n')
    (problem,) = _problems(path)
    assert problem.line == 5


def test_datafiles_schema_violation_reports_the_line_of_its_entry(tmp_path):
    path = _write(
        tmp_path / "actors" / "countries.yaml",
        "# countries\n- code: RUS\n  name: Russia\n\n- code: USA\n  name: United States\n\n- code: RUSS\n  name: Russland\n",
    )
    (problem,) = _problems(path)
    assert problem.path == str(path) and problem.line == 8
    assert str(problem).startswith(f"{path}:8: ")
    assert "RUSS" in str(problem)


def test_datafiles_every_problem_is_reported_not_just_the_first(tmp_path):
    path = _write(
        tmp_path / "verbs" / "bad.yaml",
        '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n'
        "- verb: oust\n  plover: SANCTION\n  mode: expel\n"  # no cameo (line 4)
        "- verb: sanction\n  plover: PUNISH\n  cameo: 163\n",  # bad plover and unquoted cameo (line 7)
    )
    problems = _problems(path)
    assert sorted(p.line for p in problems) == [4, 7, 7]
    text = "\n".join(map(str, problems))
    assert "'cameo' is a required property" in text
    assert "PUNISH" in text
    assert "163" in text


def test_datafiles_unknown_key_is_a_problem(tmp_path):
    path = _write(tmp_path / "verbs" / "typo.yaml", '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n  objets: [diplomat]\n')
    (problem,) = _problems(path)
    assert problem.line == 1 and "objets" in str(problem)


def test_datafiles_nested_problem_names_its_path(tmp_path):
    path = _write(tmp_path / "actors" / "countries.yaml", "- code: RUS\n  name: Russia\n  seats:\n    - {name: Kremlin, sector: KGB}\n")
    (problem,) = _problems(path)
    assert problem.line == 1
    assert "seats/0/sector" in str(problem)


def test_datafiles_load_entries_raises_the_first_problem(tmp_path):
    path = _write(tmp_path / "actors" / "countries.yaml", "- code: RUS\n  name: Russia\n- code: RUSS\n  name: Russland\n")
    with pytest.raises(DataError) as caught:
        load_entries(path)
    assert caught.value.line == 3


def test_datafiles_not_a_list_is_reported_at_line_1(tmp_path):
    path = _write(tmp_path / "verbs" / "map.yaml", 'verb: expel\nplover: SANCTION\ncameo: "161"\n')
    (problem,) = _problems(path)
    assert problem.line == 1 and "list" in str(problem)


def test_datafiles_entry_that_is_not_a_mapping_is_reported_with_its_line(tmp_path):
    path = _write(tmp_path / "verbs" / "scalar.yaml", '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n- expel\n')
    (problem,) = _problems(path)
    assert "mapping" in str(problem)
    assert problem.line == 4


def test_datafiles_control_character_is_a_data_error_not_a_crash(tmp_path):
    path = _write(tmp_path / "verbs" / "bell.yaml", '- verb: expel\n  plover: SANCTION\n  cameo: "161"\n  note: bell \x07 here\n')
    (problem,) = _problems(path)
    assert isinstance(problem, DataError)
    assert str(path) in str(problem)


def test_datafiles_unknown_kind_is_a_problem(tmp_path):
    path = _write(tmp_path / "misc.yaml", "- a: 1\n")
    (problem,) = _problems(path)
    assert str(path) in str(problem) and "kind" in str(problem)


def test_datafiles_explicit_kind_overrides_the_name(tmp_path):
    path = _write(tmp_path / "misc.yaml", "- code: RUSS\n  name: Russland\n")
    (problem,) = _problems(path, "countries")
    assert problem.line == 1


def test_datafiles_unreadable_file_is_a_problem(tmp_path):
    path = tmp_path / "verbs" / "missing.yaml"
    (problem,) = _problems(path)
    assert isinstance(problem, DataError) and str(path) in str(problem)


def test_datafiles_non_utf8_file_is_a_problem(tmp_path):
    path = tmp_path / "verbs" / "latin1.yaml"
    path.parent.mkdir()
    path.write_bytes('- verb: expel\n  plover: SANCTION\n  cameo: "161"\n  note: café\n'.encode("latin-1"))
    (problem,) = _problems(path)
    assert isinstance(problem, DataError) and str(path) in str(problem)


# --- the bundled files -----------------------------------------------------------------


def test_datafiles_bundled_files_are_found():
    files = bundled_files()
    assert files, "no bundled data files found"
    names = {p.relative_to(DATA_DIR).as_posix() for p in files}
    assert {"actors/countries.yaml", "actors/organisations.yaml"} <= names
    assert any(n.startswith("verbs/") for n in names)
    assert any(n.startswith("lexicon/") for n in names)
    assert all(kind_of(p.relative_to(DATA_DIR)) for p in files)


def test_datafiles_every_bundled_file_passes():
    problems = [str(p) for path in bundled_files() for p in check_file(path)]
    assert problems == []


# --- detente validate ------------------------------------------------------------------


def test_datafiles_validate_prints_each_problem_as_file_line(tmp_path, capsys):
    good = _write(tmp_path / "verbs" / "good.yaml", GOOD_VERBS)
    bad = _write(tmp_path / "actors" / "countries.yaml", "- code: RUS\n  name: Russia\n- code: RUSS\n  name: Russland\n- name: Nowhere\n")
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:3: ") and "RUSS" in lines[0]
    assert lines[1].startswith(f"{bad}:5: ") and "'code' is a required property" in lines[1]
    assert "2 files checked, 2 problems" in err


def test_datafiles_validate_good_files_exits_0(tmp_path, capsys):
    good = _write(tmp_path / "verbs" / "good.yaml", GOOD_VERBS)
    assert main(["validate", str(good)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 files checked, 0 problems" in err
