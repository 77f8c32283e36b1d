"""Fixtures shared by every test module: keep this file small and general."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "detente" / "data" / "samples"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The project's root folder (the one holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """detente/data/samples: the bundled example documents."""
    return SAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project (the evaluation contract, seed data, gold files)."""
    path = (REPO_ROOT / ".." / "shared").resolve()
    if not path.is_dir():
        pytest.skip(f"../shared is not beside the project (it is on CI): looked for {path}")
    return path


@pytest.fixture(scope="session")
def resources():
    """The bundled dictionaries, patterns and lexicons, loaded once per test session."""
    from detente.pipeline import Resources

    return Resources.bundled()


@pytest.fixture(scope="session")
def pipeline(resources):
    """The bundled pipeline (Pipeline.default()), built once per test session."""
    from detente.pipeline import Pipeline

    return Pipeline.default(resources)
