"""Converting TABARI/PETRARCH dictionaries to detente's YAML (`detente dict convert DIR OUT`).

What is written (docs/dictionary-format.md describes the files):

* ``verbs/<plover>.yaml``: one sense per verb line of a block with its code, and one per
  verb line and pattern whose words all come after the verb: ``- * DIPLOMATIC TIES [901]``
  is ``objects: [diplomatic ties]``, ``- *_ON [095]`` is ``particle: on``, a synonym set
  becomes one object per member. ``cameo`` is the code, ``plover`` the PLOVER type of its
  CAMEO root (`detente.compat.events.PLOVER_OF_ROOT`); irregular forms go to ``forms``.
* ``actors/countries.yaml``: an actor with one undated three-letter code is a country;
  one whose code is a country's and a sector (``WASHINGTON [USAGOV]``) a seat of power
  of that country. ``actors/organisations.yaml``: codes starting IGO (kind IGO), NGO or
  NGM (NGO) and IMG (ARMED). ``actors/people.yaml``: an actor with dated codes, one role
  per dated country-and-sector code. ``actors/sectors.yaml``: suffix agents whose code is
  one of detente's sectors.
* Names are written in lower case, which detente matches in any case, as TABARI did.

Everything else is reported, never dropped in silence: patterns with words before the
verb or with ``$ + % ^`` slots, null codes (detente has no senses that code nothing),
codes that are not CAMEO codes, the reverse code of a pair, actor codes that are neither a
country, a seat nor an organisation, codes of several actors, dated codes without a start
or a sector, prefix agents and agent codes that are not sectors, agents without a plural
(detente forms plurals itself), and discards (detente has none).
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from detente.compat.actors import ActorEntry, DatedCode
from detente.compat.agents import PREFIX, AgentEntry
from detente.compat.events import PLOVER_OF_ROOT
from detente.compat.phrases import SYNSET, Token
from detente.compat.tabari import TabariDictionaries
from detente.compat.verbs import EventCode, Pattern, VerbDictionary, VerbPhrase

SECTORS = frozenset("GOV MIL COP JUD LEG SPY REB OPP PTY CVL MED BUS EDU REL REF HLH LAB CRM IGO NGO".split())
ORGANISATION_KINDS = MappingProxyType({"IGO": "IGO", "NGO": "NGO", "NGM": "NGO", "IMG": "ARMED"})
MAX_OBJECTS = 200  # a pattern whose sets expand to more objects than this is reported


@dataclass
class Conversion:
    """The entries to write, by file under OUT, and what could not be converted."""

    files: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    countries: dict[str, dict] = field(default_factory=dict)
    country_lines: dict[str, int] = field(default_factory=dict)  # where each country first appears

    def add(self, name: str, entry: dict) -> None:
        self.files.setdefault(name, []).append(entry)

    def report(self, where: str, line: int, what: str, why: str) -> None:
        self.problems.append(f"{where}:{line}: not converted: {what}: {why}")

    def write(self, out: Path) -> list[Path]:
        """Write every file under `out`; the paths written."""
        written = []
        for name, entries in sorted(self.files.items()):
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            header = f"# Converted by 'detente dict convert' from TABARI/PETRARCH dictionaries ({len(entries)} entries).\n"
            path.write_text(header + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
            written.append(path)
        return written


def convert(dictionaries: TabariDictionaries, cameo: set[str]) -> Conversion:
    """The conversion of every dictionary found; `cameo` holds the valid CAMEO codes."""
    conversion = Conversion()
    if dictionaries.verbs is not None:
        _VerbConverter(conversion, dictionaries.verbs, cameo).run()
    if dictionaries.actors is not None:
        for entry in dictionaries.actors.entries:
            _actor(conversion, entry, dictionaries.actors.path)
        countries = _countries(conversion, dictionaries.actors.path)
        if countries:
            conversion.files["actors/countries.yaml"] = countries
    if dictionaries.agents is not None:
        _agents(conversion, dictionaries.agents.entries, dictionaries.agents.path)
    if dictionaries.discards is not None:
        for discard in dictionaries.discards.entries:
            kind = "story" if discard.story else "sentence"
            conversion.report(dictionaries.discards.path, discard.line, f"{kind} discard {discard.phrase!r}", "detente has no discard lists")
    return conversion


# --- verbs --------------------------------------------------------------------------------

class _VerbConverter:
    def __init__(self, conversion: Conversion, verbs: VerbDictionary, cameo: set[str]):
        self.conversion, self.verbs, self.cameo, self.path = conversion, verbs, cameo, verbs.path

    def run(self) -> None:
        for entry in self.verbs.entries:
            phrases = [p for p in entry.phrases if self._writable(p)]
            for phrase in phrases:
                code = entry.code_of(phrase)
                if not code.is_null and self._expressible(code, phrase.line, f"verb {phrase.text!r}"):
                    self._add(phrase, code, phrase.line, {})
            for pattern in entry.patterns:
                what = f"pattern '- {pattern.text}' of {entry.header}"
                extra = self._pattern_sense(pattern, what)
                if extra is not None and self._expressible(pattern.code, pattern.line, what):
                    for phrase in phrases:
                        self._add(phrase, pattern.code, pattern.line, extra)

    def _writable(self, phrase: VerbPhrase) -> bool:
        if phrase.head != 0:
            self.conversion.report(self.path, phrase.line, f"verb {phrase.text!r}", "its verb is not the first word, and detente inflects the first")
            return False
        return True

    def _pattern_sense(self, pattern: Pattern, what: str) -> dict | None:
        """The particle and objects a pattern stands for, or None (reported)."""
        why = None
        if pattern.before:
            why = "words before the verb are not expressible"
        elif any(t.kind not in ("word", SYNSET) for t in pattern.after):
            why = "the slots $ + % ^ are not expressible"
        elif pattern.code.is_null:
            why = "a null code [---]: detente has no senses that code nothing"
        if why:
            self.conversion.report(self.path, pattern.line, what, why)
            return None
        particle, rest = _particle(pattern.after)
        objects = _objects(self.verbs, rest)
        if len(objects) > MAX_OBJECTS:
            self.conversion.report(self.path, pattern.line, what, f"its sets expand to more than {MAX_OBJECTS} objects")
            return None
        return {"particle": particle, "objects": objects}

    def _expressible(self, code: EventCode, line: int, what: str) -> bool:
        if code.code not in self.cameo or code.code[:2] not in PLOVER_OF_ROOT:
            self.conversion.report(self.path, line, what, f"[{code.code}] is not a CAMEO code with a PLOVER type")
            return False
        if code.paired is not None:
            self.conversion.report(self.path, line, f"the reverse code [{code.paired}] of {what}", "detente codes no reverse event")
        return True

    def _add(self, phrase: VerbPhrase, code: EventCode, line: int, extra: dict) -> None:
        sense = {"verb": phrase.text.lower()}
        if phrase.forms:
            sense["forms"] = [form.lower() for form in phrase.forms]
        sense.update({key: value for key, value in extra.items() if value})
        plover = PLOVER_OF_ROOT[code.code[:2]]
        sense.update({"plover": plover, "cameo": code.code, "note": f"{Path(self.path).name}:{line}"})
        self.conversion.add(f"verbs/{plover.lower()}.yaml", sense)


def _particle(tokens: tuple[Token, ...]) -> tuple[str | None, tuple[Token, ...]]:
    """``*_OUT``: a single word joined to the verb is its particle."""
    if tokens and tokens[0].attached and tokens[0].kind == "word" and (len(tokens) == 1 or not tokens[1].attached):
        return tokens[0].text.lower(), tokens[1:]
    return None, tokens


def _objects(verbs: VerbDictionary, tokens: tuple[Token, ...]) -> list[str]:
    choices = [[" ".join(t.text for t in member).lower() for member in verbs.expand(token.text)] if token.kind == SYNSET
               else [token.text.lower()] for token in tokens]
    return [" ".join(words) for words in itertools.islice(itertools.product(*choices), MAX_OBJECTS + 1)] if tokens else []


# --- actors -------------------------------------------------------------------------------

def _actor(conversion: Conversion, entry: ActorEntry, path: str) -> None:
    names = [_name(name) for name in entry.names]
    dated = [code for code in entry.codes if code.is_dated]
    if dated:
        return _person(conversion, entry, names, dated, path)
    code = entry.default.code.upper()
    what = f"actor {entry.names[0]!r} [{code}]"
    if "/" in code or not code.isalnum():
        return conversion.report(path, entry.line, what, "null codes and codes of several actors are not expressible")
    kind = ORGANISATION_KINDS.get(code[:3])
    if kind is not None:
        organisation = {"code": code, "name": names[0], "names": names[1:], "kind": kind}
        return conversion.add("actors/organisations.yaml", {k: v for k, v in organisation.items() if v})
    if len(code) == 3 and code.isalpha():
        conversion.country_lines.setdefault(code, entry.line)
        return _country_names(conversion.countries.setdefault(code, {"code": code, "name": None}), names)
    if len(code) == 6 and code[:3].isalpha() and code[3:] in SECTORS:
        conversion.country_lines.setdefault(code[:3], entry.line)
        country = conversion.countries.setdefault(code[:3], {"code": code[:3], "name": None})
        country.setdefault("seats", []).extend({"name": name, "sector": code[3:]} for name in names)
        return None
    conversion.report(path, entry.line, what, "neither a country, a country and a sector, nor an organisation code")


def _country_names(country: dict, names: list[str]) -> None:
    if country["name"] is None:
        country["name"], names = names[0], names[1:]
    known = [country["name"], *country.get("names", [])]
    extra = [name for name in names if name not in known]
    if extra:
        country.setdefault("names", []).extend(extra)


def _countries(conversion: Conversion, path: str) -> list[dict]:
    """The countries, those named only by seats of power named by their code (reported)."""
    countries = []
    for code, country in conversion.countries.items():
        if country["name"] is None:
            conversion.report(path, conversion.country_lines[code], f"country {code}", "only seats of power name it: it is named by its code")
            country["name"] = code
        countries.append({key: country[key] for key in ("code", "name", "names", "seats") if country.get(key)})
    return countries


def _person(conversion: Conversion, entry: ActorEntry, names: list[str], dated: list[DatedCode], path: str) -> None:
    roles = []
    for code in dated:
        what = f"dated code [{code.code}] of {entry.names[0]!r}"
        if code.start is None:
            conversion.report(path, code.line or entry.line, what, "a role needs a start date")
        elif len(code.code) != 6 or code.code[3:] not in SECTORS:
            conversion.report(path, code.line or entry.line, what, "a role needs a country and a sector code")
        else:
            roles.append({"country": code.code[:3], "sector": code.code[3:], "start": _iso(code.start), "end": _iso(code.end)})
    if entry.default is not None:
        conversion.report(path, entry.default.line or entry.line, f"undated code [{entry.default.code}] of {entry.names[0]!r}",
                          "a person's roles are dated")
    if roles:
        person = {"name": names[0], "aliases": names[1:], "roles": roles}
        conversion.add("actors/people.yaml", {k: v for k, v in person.items() if v})


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _name(written: str) -> str:
    """``MINAS_TIRITH`` as ``minas tirith``; a leading "the" goes (detente allows it)."""
    words = [word for word in written.replace("_", " ").lower().split()]
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def _agents(conversion: Conversion, agents: tuple[AgentEntry, ...], path: str) -> None:
    nouns: dict[str, list[str]] = {}
    for agent in agents:
        what = f"agent {agent.phrase!r} [{'~' + agent.code if agent.position != PREFIX else agent.code + '~'}]"
        if agent.position == PREFIX or agent.code not in SECTORS:
            conversion.report(path, agent.line, what, "only suffix agents whose code is a detente sector are expressible")
            continue
        if agent.plurals == ():
            conversion.report(path, agent.line, f"'no plural' {{}} of {what}", "detente forms plurals itself (converted without it)")
        known = nouns.setdefault(agent.code, [])
        known += [phrase for phrase in dict.fromkeys(p.lower() for p in agent.phrases) if phrase not in known]
    for sector, words in nouns.items():
        conversion.add("actors/sectors.yaml", {"sector": sector, "nouns": words})
