"""Dictionaries in other coders' formats, and a coder that codes with them.

`detente.compat.tabari` reads the four TABARI/PETRARCH dictionaries (verbs, actors,
agents, discards) into plain dataclasses; docs/tabari-format.md describes the formats.
A malformed line is a `detente.errors.DataError` naming ``file:line``.

    from detente.compat import load_tabari_dictionaries
    dictionaries = load_tabari_dictionaries("../shared/petrarch")
    dictionaries.actors.lookup("Smeagol")[0].code_on(datetime.date(1998, 1, 1))  # 'HOBGOV'

`TabariCoder` (`detente.compat.coder`) codes sentences with them the TABARI way;
`detente.compat.events` makes detente events of its codings (`detente code --dict`),
`detente.compat.records` and `detente.compat.suite` run PETRARCH's validation records
(`detente eval RECORDS.xml`, docs/petrarch-suite.md), and `detente.compat.convert`
writes the dictionaries as detente YAML (`detente dict convert`).

    from detente.compat import TabariCoder
    coder = TabariCoder(dictionaries)
    [e.triple for e in coder.code("Arnor will restore ties with Gondor.").events]  # [('ARN', 'GON', '064')]
"""
from __future__ import annotations

from detente.compat.actors import ActorDictionary, ActorEntry, DatedCode, load_actors, parse_actors
from detente.compat.agents import AgentDictionary, AgentEntry, AgentSubstitution, load_agents, parse_agents
from detente.compat.coder import CodedEvent, CodedSentence, TabariCoder
from detente.compat.discards import Discard, DiscardList, load_discards, parse_discards
from detente.compat.options import CoderOptions
from detente.compat.phrases import Token
from detente.compat.tabari import KINDS, TabariDictionaries, find_tabari_files, load_tabari_dictionaries
from detente.compat.verbs import (
    EventCode,
    Pattern,
    SynonymSet,
    VerbDictionary,
    VerbEntry,
    VerbPhrase,
    load_verbs,
    parse_verbs,
)

__all__ = [
    "CodedEvent", "CodedSentence", "CoderOptions", "TabariCoder",
    "KINDS", "ActorDictionary", "ActorEntry", "AgentDictionary", "AgentEntry", "AgentSubstitution",
    "DatedCode", "Discard", "DiscardList", "EventCode", "Pattern", "SynonymSet", "TabariDictionaries",
    "Token", "VerbDictionary", "VerbEntry", "VerbPhrase", "find_tabari_files", "load_actors",
    "load_agents", "load_discards", "load_tabari_dictionaries", "load_verbs", "parse_actors",
    "parse_agents", "parse_discards", "parse_verbs",
]
