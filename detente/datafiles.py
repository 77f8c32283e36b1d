"""Data files: YAML lists of entries, loaded with their line numbers and checked
against the JSON Schema of their kind, so that every mistake is reported as file:line.

The kinds and their schemas live in `data/schema/<kind>.schema.json`; the formats are
described for people in docs/dictionary-format.md.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import yaml

from detente.config import DATA_DIR
from detente.errors import DataError

LINE_KEY = "__line__"

#: Which schema checks which bundled file, by the folder or name it has.
KIND_BY_LOCATION = {
    "actors/countries.yaml": "countries",
    "actors/organisations.yaml": "organisations",
    "actors/sectors.yaml": "sectors",
    "actors/people.yaml": "people",
    "actors/ambiguity.yaml": "ambiguity",
    "ontology/contexts.yaml": "contexts",
    "ontology/modes.yaml": "modes",
    "verbs/": "verbs",
    "lexicon/": "lexicon",
}


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster


class _LineLoader(_BaseLoader):
    """A safe YAML loader that records the line of every mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = _BaseLoader.construct_mapping(loader, node, deep=deep)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings (the schemas check their form and the loaders parse them), and only
# true/false are booleans: in YAML 1.1 "no", "on" and "off" are too, which would turn
# the word "on" or the code "NO" into False.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class Entry:
    """One entry of a data file, with where it came from."""

    data: dict[str, Any]
    path: str
    line: int

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def kind_of(path: Path) -> str | None:
    """The schema kind of a data file, from its place under data/ or its name."""
    text = path.as_posix()
    for location, kind in KIND_BY_LOCATION.items():
        if location in text:
            return kind
    for kind in set(KIND_BY_LOCATION.values()):
        if path.name.startswith(kind):
            return kind
    return None


@functools.lru_cache(maxsize=None)
def schema(kind: str) -> dict:
    """The JSON Schema of one kind of data file."""
    return json.loads((DATA_DIR / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def load_entries(path: Path | str, kind: str | None = None) -> list[Entry]:
    """Load and validate a data file; raise DataError at the first bad entry."""
    entries, errors = _validated(Path(path), kind)
    if errors:
        raise errors[0]
    return entries


def check_file(path: Path | str, kind: str | None = None) -> Iterator[DataError]:
    """Every problem in one data file, each as a DataError with file:line."""
    yield from _validated(Path(path), kind)[1]


def _validated(path: Path, kind: str | None) -> tuple[list[Entry], list[DataError]]:
    kind = kind or kind_of(path)
    if kind is None:
        return [], [DataError("cannot tell which kind of data file this is", str(path))]
    try:
        entries = _entries(path)
    except DataError as error:
        return [], [error]
    validator = jsonschema.Draft202012Validator(schema(kind))
    errors = []
    for entry in entries:
        for problem in validator.iter_errors(entry.data):
            where = "/".join(str(p) for p in problem.absolute_path)
            message = f"{where}: {problem.message}" if where else problem.message
            errors.append(DataError(message, entry.path, entry.line))
    return entries, errors


def _entries(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read: {error}", str(path)) from error
    try:
        loaded = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataError(f"not valid YAML: {error.problem}", str(path), line) from error
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        line = _reader_line(text, error)
        raise DataError(f"not valid YAML: {error}", str(path), line) from error
    if loaded is None:
        return []
    if not isinstance(loaded, list):
        raise DataError("must be a YAML list of entries", str(path), 1)
    entries = []
    for position, item in enumerate(loaded):
        if not isinstance(item, dict):
            line = yaml.compose(text, Loader=_BaseLoader).value[position].start_mark.line + 1
            raise DataError(f"each entry must be a mapping (key: value lines), not {item!r}", str(path), line)
        line = item.pop(LINE_KEY)
        entries.append(Entry(_strip_lines(item), str(path), line))
    return entries


def _reader_line(text: str, error: yaml.YAMLError) -> int | None:
    position = getattr(error, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else None


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def bundled_files() -> list[Path]:
    """Every data file shipped with detente that has a schema."""
    return sorted(p for p in DATA_DIR.rglob("*.yaml") if kind_of(p.relative_to(DATA_DIR)))
