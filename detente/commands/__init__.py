"""Sub-commands that live in their own modules.

Each module here defines `register(commands)`, which adds its sub-parser(s) to the
`detente` command line (an `argparse` sub-parsers object) and sets `run` on them: a
function taking the parsed arguments and returning the exit status. `detente.cli`
finds the modules by listing this package, so adding a command is adding a module.
"""
from __future__ import annotations

import importlib
import pkgutil


def register_all(commands) -> None:
    """Let every module of this package add its sub-commands, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(commands)
