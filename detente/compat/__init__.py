"""Readers for dictionaries in other coders' formats.

`detente.compat.tabari` reads the four TABARI/PETRARCH dictionaries (verbs, actors,
agents, discards) into plain dataclasses; docs/tabari-format.md describes the formats.
The readers only read: matching text against them is the coder's job. A malformed line is
a `detente.errors.DataError` naming ``file:line``.

    from detente.compat import load_tabari_dictionaries
    dictionaries = load_tabari_dictionaries("../shared/petrarch")
    dictionaries.actors.lookup("Smeagol")[0].code_on(datetime.date(1998, 1, 1))  # 'HOBGOV'
"""
from __future__ import annotations

from detente.compat.actors import ActorDictionary, ActorEntry, DatedCode, load_actors, parse_actors
from detente.compat.agents import AgentDictionary, AgentEntry, AgentSubstitution, load_agents, parse_agents
from detente.compat.discards import Discard, DiscardList, load_discards, parse_discards
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
    "KINDS", "ActorDictionary", "ActorEntry", "AgentDictionary", "AgentEntry", "AgentSubstitution",
    "DatedCode", "Discard", "DiscardList", "EventCode", "Pattern", "SynonymSet", "TabariDictionaries",
    "Token", "VerbDictionary", "VerbEntry", "VerbPhrase", "find_tabari_files", "load_actors",
    "load_agents", "load_discards", "load_tabari_dictionaries", "load_verbs", "parse_actors",
    "parse_agents", "parse_discards", "parse_verbs",
]
