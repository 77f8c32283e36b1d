"""The TABARI/PETRARCH coder's options, with the names of PETRARCH's configuration file.

The validation records switch them between records with ``<Config option=... value=...>``
(`detente.compat.records`); `CoderOptions.with_option` applies one such switch.

``require_dyad``
    Code an event only when both its source and its target are known actors (default on).
    Off, a missing target is written ``---`` ("a senior official said on Saturday").
``new_actor_length``
    0 (default) codes known actors only. N > 0 also codes a noun phrase of at most N words
    that names no known actor, by its own words in quotes: ``"THE MINISTRY OF MAGIC"``.
``comma_min``/``comma_max``, ``comma_bmin``/``comma_bmax``, ``comma_emin``/``comma_emax``
    A comma-delimited clause inside the sentence (``comma_``), at its beginning
    (``comma_b``) or at its end (``comma_e``) is dropped before coding when its length in
    words is within these bounds; a maximum of 0 drops none. Defaults 2-8, 0-0, 2-8.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from detente.errors import DataError

_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


@dataclass(frozen=True)
class CoderOptions:
    """How the TABARI-style coder codes; see the module docstring."""

    require_dyad: bool = True
    new_actor_length: int = 0
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8

    def with_option(self, name: str, value: str) -> "CoderOptions":
        """These options with `name` set from its text `value`; unknown names change nothing
        (PETRARCH has options, such as ``stop_on_error``, that do not affect coding)."""
        known = {field.name: field.type for field in fields(self)}
        if name not in known:
            return self
        text = value.strip().lower()
        if name == "require_dyad":
            if text not in _TRUE | _FALSE:
                raise DataError(f"option {name} is true or false, not {value!r}")
            return replace(self, require_dyad=text in _TRUE)
        if not text.isdigit():
            raise DataError(f"option {name} is a whole number, not {value!r}")
        return replace(self, **{name: int(text)})

    def drops(self, where: str, length: int) -> bool:
        """Whether a comma clause of `length` words at `where` (``begin``, ``middle``,
        ``end``) is dropped."""
        low, high = {"begin": (self.comma_bmin, self.comma_bmax), "middle": (self.comma_min, self.comma_max),
                     "end": (self.comma_emin, self.comma_emax)}[where]
        return high > 0 and low <= length <= high
