"""A folder of TABARI/PETRARCH dictionaries, found by their usual names and read together.

    PETR.Validate.verbs.txt       *.verbs.txt      `detente.compat.verbs`
    PETR.Validate.actors.txt      *.actors.txt     `detente.compat.actors`
    PETR.Validate.agents.txt      *.agents.txt     `detente.compat.agents`
    PETR.Validate.discards.txt    *.discards.txt   `detente.compat.discards`

A bare ``verbs.txt`` (and so on) is found too, and case does not matter. Any kind may be
missing (`TabariDictionaries.missing`); a folder with none of them, or with two files of
one kind, is a `DataError`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from detente.compat.actors import ActorDictionary, load_actors
from detente.compat.agents import AgentDictionary, load_agents
from detente.compat.discards import DiscardList, load_discards
from detente.compat.verbs import VerbDictionary, load_verbs
from detente.errors import DataError

KINDS = ("verbs", "actors", "agents", "discards")
_LOADERS = {"verbs": load_verbs, "actors": load_actors, "agents": load_agents, "discards": load_discards}


@dataclass(frozen=True)
class TabariDictionaries:
    """The dictionaries read from one folder; a kind not found is None."""

    directory: Path
    files: dict[str, Path] = field(default_factory=dict)
    verbs: VerbDictionary | None = None
    actors: ActorDictionary | None = None
    agents: AgentDictionary | None = None
    discards: DiscardList | None = None

    @property
    def found(self) -> tuple[str, ...]:
        return tuple(kind for kind in KINDS if kind in self.files)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(kind for kind in KINDS if kind not in self.files)


def find_tabari_files(directory: Path | str) -> dict[str, Path]:
    """The dictionary file of each kind in `directory` (kinds not there are left out)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError("not a folder of TABARI dictionaries", str(directory))
    files: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        kind = _kind_of(path)
        if kind is None:
            continue
        if kind in files:
            raise DataError(f"two {kind} dictionaries: {files[kind].name} and {path.name}", str(directory))
        files[kind] = path
    return files


def load_tabari_dictionaries(directory: Path | str, errors: list[DataError] | None = None) -> TabariDictionaries:
    """Read every dictionary in `directory`.

    A malformed line raises `DataError` naming ``file:line``; given a list `errors`, every
    malformed line is collected there instead and skipped.
    """
    files = find_tabari_files(directory)
    if not files:
        patterns = ", ".join(f"*.{kind}.txt" for kind in KINDS)
        raise DataError(f"no TABARI dictionaries here (looked for {patterns})", str(directory))
    loaded = {kind: _LOADERS[kind](path, errors) for kind, path in files.items()}
    return TabariDictionaries(Path(directory), files, **loaded)


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if not path.is_file() or not name.endswith(".txt"):
        return None
    return next((kind for kind in KINDS if name == f"{kind}.txt" or name.endswith(f".{kind}.txt")), None)
