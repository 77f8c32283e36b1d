"""The TABARI/PETRARCH agents dictionary (``*.agents.txt``): roles that refine an actor code.

Comments and codes follow `detente.compat.lines`; phrases follow `detente.compat.phrases`.
One agent per line: a phrase, optional plural forms in braces, and a code with '~'::

    MINISTER  [~GOV]                      "Arnor minister"      ARN + GOV = ARNGOV
    HUMAN_RIGHTS_BODY  [NGO~]             "MSF Arnor"           NGO + ARN = NGOARN
    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]    the plural is given
    POLICE {} [~COP]                      no plural at all ("polices" is not an agent)

The '~' stands for the actor's code: ``[~GOV]`` is a suffix (the agent code follows the
actor's), ``[NGO~]`` a prefix (it comes before). Without braces the coder forms the
regular plural itself (OFFICIAL -> OFFICIALS, CONGRESS -> CONGRESSES).

A substitution set names words that stand in for ``!NAME!`` inside phrases::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    CONGRESS!PERSON! [~LEG]               CONGRESSMAN, CONGRESSMEN, CONGRESSWOMAN, ...

`AgentEntry.phrases` holds the phrases with every set substituted.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from detente.compat.lines import Line, Problems, content_lines, data_error, read_text, split_codes
from detente.compat.phrases import tokenize
from detente.errors import DataError

SUFFIX, PREFIX = "suffix", "prefix"
_SUBSTITUTION = re.compile(r"!(?P<name>[A-Za-z0-9_]+)!\s*=\s*(?P<words>.*)")
_REFERENCE = re.compile(r"!([A-Za-z0-9_]+)!")
_ENTRY = re.compile(r"(?P<phrase>[^{}]+?)\s*(?:\{(?P<plurals>[^{}]*)\})?")
_AGENT_CODE = re.compile(r"(?P<before>[A-Za-z0-9]*)~(?P<after>[A-Za-z0-9]*)")


@dataclass(frozen=True)
class AgentSubstitution:
    """``!NAME! = WORD, WORD``: the words that stand in for ``!NAME!`` in agent phrases."""

    name: str
    words: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class AgentEntry:
    """An agent phrase and the code it adds to an actor's code.

    `plurals` is None when the coder should form the regular plural, ``()`` when the
    phrase has none (``{}``), else the plurals given in braces. `phrases` lists the
    phrase (and its given plurals) with substitution sets expanded, words joined by spaces.
    """

    phrase: str
    code: str
    position: str
    plurals: tuple[str, ...] | None = None
    line: int = 0
    phrases: tuple[str, ...] = ()

    def apply(self, actor_code: str) -> str:
        """The actor's code with this agent's added: ``ARN`` gives ``ARNGOV`` for ``~GOV``."""
        return actor_code + self.code if self.position == SUFFIX else self.code + actor_code


@dataclass(frozen=True)
class AgentDictionary:
    """A whole agents file."""

    entries: tuple[AgentEntry, ...]
    substitutions: dict[str, AgentSubstitution]
    path: str = ""


def load_agents(path: Path | str, errors: list[DataError] | None = None) -> AgentDictionary:
    """Read an agents file; see `parse_agents`."""
    return parse_agents(read_text(path), str(path), errors)


def parse_agents(text: str, path: str = "<agents>", errors: list[DataError] | None = None) -> AgentDictionary:
    """Parse agents-file text; a malformed line raises `DataError` (or joins `errors`)."""
    problems, substitutions, drafts = Problems(errors), {}, []
    for line in content_lines(text):
        try:
            if line.text.startswith("!") and "=" in line.text:
                substitution = _substitution(line, path)
                substitutions[substitution.name] = substitution
            else:
                drafts.append(_entry(line, path))
        except DataError as error:
            problems.add(error)
    entries = []
    for draft in drafts:
        try:
            entries.append(_expanded(draft, substitutions, path))
        except DataError as error:
            problems.add(error)
    return AgentDictionary(tuple(entries), substitutions, path)


def _substitution(line: Line, path: str) -> AgentSubstitution:
    match = _SUBSTITUTION.fullmatch(line.text)
    words = tuple(word.strip().upper() for word in match["words"].split(",")) if match else ()
    if not match or not all(words):
        raise data_error(path, line, "a substitution set is '!NAME! = WORD, WORD, ...'")
    return AgentSubstitution(match["name"].upper(), words, line.number)


def _entry(line: Line, path: str) -> AgentEntry:
    try:
        head, codes = split_codes(line.text)
    except ValueError as error:
        raise data_error(path, line, str(error)) from None
    match = _ENTRY.fullmatch(head)
    if not match or len(codes) != 1:
        raise data_error(path, line, "an agent line is 'PHRASE {PLURALS} [~CODE]' or '... [CODE~]'")
    code, position = _agent_code(codes[0], line, path)
    plurals = None if match["plurals"] is None else tuple(match["plurals"].split())
    return AgentEntry(match["phrase"], code, position, plurals, line.number)


def _agent_code(text: str, line: Line, path: str) -> tuple[str, str]:
    match = _AGENT_CODE.fullmatch(text.replace(" ", ""))
    if not match or bool(match["before"]) == bool(match["after"]):
        raise data_error(path, line, f"[{text}]: an agent code has '~' before it (suffix) or after it (prefix)")
    return (match["after"], SUFFIX) if match["after"] else (match["before"], PREFIX)


def _expanded(entry: AgentEntry, substitutions: dict[str, AgentSubstitution], path: str) -> AgentEntry:
    phrases: list[str] = []
    for written in (entry.phrase, *(entry.plurals or ())):
        for variant in _substitute(written, substitutions, entry.line, path):
            try:
                phrases.append(" ".join(token.text for token in tokenize(variant)))
            except ValueError as error:
                raise DataError(str(error), path, entry.line) from None
    return AgentEntry(entry.phrase, entry.code, entry.position, entry.plurals, entry.line, tuple(phrases))


def _substitute(phrase: str, substitutions: dict[str, AgentSubstitution], line: int, path: str) -> list[str]:
    parts = _REFERENCE.split(phrase)  # text, name, text, name, ..., text
    choices = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            choices.append((part,))
        elif part.upper() in substitutions:
            choices.append(substitutions[part.upper()].words)
        else:
            raise DataError(f"unknown substitution set !{part}!", path, line)
    return ["".join(combination) for combination in itertools.product(*choices)]
