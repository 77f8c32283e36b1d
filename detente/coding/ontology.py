"""The two ontologies detente codes into: CAMEO codes with Goldstein weights, and
PLOVER 2.0 types with their modes, quad classes and scores (data/ontology/)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from detente.config import DATA_DIR


@dataclass(frozen=True)
class PloverType:
    name: str
    quad: str
    score: float
    modes: dict[str, float]


@dataclass(frozen=True)
class Ontology:
    cameo_names: dict[str, str]
    goldstein: dict[str, float]
    plover: dict[str, PloverType]

    @classmethod
    @functools.lru_cache(maxsize=1)
    def bundled(cls) -> "Ontology":
        names, weights = {}, {}
        for line in (DATA_DIR / "ontology" / "cameo.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            code, weight, name = line.split("\t")
            names[code] = name
            if weight:
                weights[code] = float(weight)
        raw = yaml.safe_load((DATA_DIR / "ontology" / "plover.yaml").read_text(encoding="utf-8"))
        plover = {k: PloverType(k, v["quad"], float(v["score"]), {m: float(s) for m, s in v["modes"].items()}) for k, v in raw.items()}
        return cls(names, weights, plover)

    def goldstein_of(self, cameo: str) -> float | None:
        """The Goldstein weight of a CAMEO code (a 4-digit code falls back to its 3-digit parent)."""
        return self.goldstein.get(cameo, self.goldstein.get(cameo[:3]))

    def plover_score(self, plover: str, mode: str | None) -> float | None:
        kind = self.plover.get(plover)
        if kind is None:
            return None
        return kind.modes.get(mode, kind.score) if mode else kind.score

    def is_valid_mode(self, plover: str, mode: str | None) -> bool:
        return mode is None or mode in self.plover[plover].modes
