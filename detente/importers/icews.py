"""ICEWS event files (the Dataverse ``events.YYYY.*.tab``, also .zip or .gz): tab-separated,
one header line, one event per row.

Read, by header name (any order; other columns are ignored): Event ID (the event's key),
Event Date (YYYY-MM-DD), Source Name, Source Sectors, Source Country, Event Text, CAMEO
Code, Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number,
Publisher, City, District, Province, Country, Latitude, Longitude. Event ID, Event Date
and CAMEO Code are required.

Mapping: Source/Target Country are country names, mapped to ISO3 with detente's own
country dictionary (every name and other name it lists, plus the ISO "Name, Republic of"
forms and ICEWS's "Congo" for the Republic of the Congo); a name it does not know
leaves the country empty and is listed in the report. An actor with no country whose
name is an organisation detente knows ("United Nations", "NATO") gets that
organisation's code. The sector is read from the Sectors list (Military -> MIL, Police
-> COP, Government/Executive/Ministry -> GOV, Opposition/Dissident -> OPP, ... see
``SECTORS``). The CAMEO Code (written with or without its leading zero) gives the PLOVER
type and mode and the Goldstein weight from detente's table. One document per story
(``icews:<Story ID>``), dated by its earliest event, the Publisher as its outlet; an
event's key within it is its Event ID, so a story split over two files keeps the events
of both. ``sentence`` is Sentence Number - 1 (ICEWS counts from 1); ``sentence_text`` is
null (ICEWS does not publish the text); Event Text (the CAMEO code's name), Intensity
(ICEWS's own Goldstein score) and the sector lists are kept in ``dataset_fields``.
"""
from __future__ import annotations

import re
from pathlib import Path

from detente.importers import (
    ImportFileError, Reading, actor_list, cameo_enum, cameo_lookup, codes_sql, csv_options, first_line, lookup,
    normal_name, record_sql,
)

#: The ICEWS columns detente reads (by normalised header name) and their types.
TYPES = {
    "event_id": "BIGINT", "event_date": "DATE", "source_name": "VARCHAR", "source_sectors": "VARCHAR",
    "source_country": "VARCHAR", "event_text": "VARCHAR", "cameo_code": "CAMEO", "intensity": "DOUBLE",
    "target_name": "VARCHAR", "target_sectors": "VARCHAR", "target_country": "VARCHAR", "story_id": "VARCHAR",
    "sentence_number": "INTEGER", "publisher": "VARCHAR", "city": "VARCHAR", "district": "VARCHAR",
    "province": "VARCHAR", "country": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE",
}
REQUIRED = ("event_id", "event_date", "cameo_code")

#: ICEWS sector words (lower case, matched in the Sectors list) -> CAMEO/PLOVER sector, first match wins.
SECTORS = [
    ("military", "MIL"), ("army", "MIL"), ("navy", "MIL"), ("air force", "MIL"), ("police", "COP"),
    ("intelligence", "SPY"), ("judicial", "JUD"), ("legislative", "LEG"), ("parliament", "LEG"),
    ("rebel", "REB"), ("insurgent", "REB"), ("separatist", "REB"), ("opposition", "OPP"), ("dissident", "OPP"),
    ("protest", "OPP"), ("parties", "PTY"), ("party", "PTY"), ("executive", "GOV"), ("government", "GOV"),
    ("ministry", "GOV"), ("cabinet", "GOV"), ("media", "MED"), ("news", "MED"), ("business", "BUS"),
    ("education", "EDU"), ("religio", "REL"), ("refugee", "REF"), ("medical", "HLH"), ("health", "HLH"),
    ("labor", "LAB"), ("criminal", "CRM"), ("crime", "CRM"), ("non-governmental", "NGO"), ("ngo", "NGO"),
    ("international government", "IGO"), ("civilian", "CVL"), ("general population", "CVL"), ("social", "CVL"),
]

LABELS = {
    "event_id": "Event ID is not a number", "event_date": "Event Date is not a date (YYYY-MM-DD)",
    "cameo_code": "CAMEO Code is not a CAMEO code", "intensity": "Intensity is not a number",
    "sentence_number": "Sentence Number is not a number", "latitude": "Latitude is not a number",
    "longitude": "Longitude is not a number",
}


def reading(path: Path, rejects: str) -> Reading:
    header = first_line(path).split("\t")
    names = [normal_name(name) for name in header]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise ImportFileError(
            f"{path}: not an ICEWS event file: its header has no {', '.join(n.replace('_', ' ').title() for n in missing)} column"
            f" (found: {', '.join(header[:8])}{' ...' if len(header) > 8 else ''})"
        )
    columns, seen = [], set()
    for index, name in enumerate(names):
        column = name if name in TYPES and name not in seen else f"extra_{index}"
        seen.add(column)
        kind = TYPES.get(column, "VARCHAR")
        columns.append((column, cameo_enum() if kind == "CAMEO" else kind))
    present = {name for name, _ in columns}
    source = csv_options(path, columns, header=True, rejects=rejects)
    stage = STAGE.replace("{source}", source)
    for name, kind in TYPES.items():  # columns the file lacks read as NULL
        if name not in present:
            for alias in ("r.", "r0."):
                stage = re.sub(rf"\b{re.escape(alias + name)}\b", f"NULL::{kind}", stage)
    id_at = names.index("event_id")
    return Reading(stage, key_of_line=lambda line: _field(line, id_at), column_labels=LABELS, columns=columns, header_lines=1)


def _field(line: str, index: int) -> str | None:
    fields = line.split("\t")
    return fields[index].strip() if index < len(fields) else None


def sector_sql(sectors: str) -> str:
    """SQL: the sector of an ICEWS Sectors list (NULL when none of SECTORS is in it)."""
    cases = " ".join(f"WHEN contains(lower({sectors}), '{word}') THEN '{code}'" for word, code in SECTORS)
    return f"CASE {cases} END"


def _country(name: str) -> str:
    return lookup(f"lower(trim({name}))", "country")


def _side(side: str) -> tuple[str, str]:
    country = f"{side}_iso3"
    org = f"CASE WHEN {country} IS NULL THEN {lookup(f'lower(trim(r.{side}_name))', 'org')} END"
    actors = actor_list(text=f"r.{side}_name", country=country, org=org, sector=sector_sql(f"r.{side}_sectors"))
    return actors, codes_sql(country, org)


_SOURCE, _SOURCE_CODES = _side("source")
_TARGET, _TARGET_CODES = _side("target")

STAGE = f"""
SELECT
    CAST(r.event_id AS VARCHAR) AS key,
    CASE
        WHEN r.event_id IS NULL THEN 'no Event ID'
        WHEN r.event_id NOT BETWEEN 0 AND 2147483647 THEN 'Event ID out of range'
        WHEN r.event_date IS NULL THEN 'no Event Date'
        WHEN r.cameo_code IS NULL THEN 'no CAMEO Code'
        WHEN plover IS NULL THEN 'skip: CAMEO ' || cameo || ' has no PLOVER type'
    END AS problem,
    [name FOR name IN [
        CASE WHEN r.source_country IS NOT NULL AND source_iso3 IS NULL THEN r.source_country END,
        CASE WHEN r.target_country IS NOT NULL AND target_iso3 IS NULL THEN r.target_country END,
        CASE WHEN r.country IS NOT NULL AND place_iso3 IS NULL THEN r.country END
    ] IF name IS NOT NULL] AS unmapped,
    'icews:' || coalesce(r.story_id, 'event-' || r.event_id) AS doc_id,
    TRY_CAST(r.event_id AS INTEGER) AS seq,
    coalesce(greatest(r.sentence_number - 1, 0), 0) AS sentence,
    {_SOURCE_CODES} AS source_codes,
    {_TARGET_CODES} AS target_codes,
    plover, mode, cameo, goldstein,
    'asserted' AS status,
    r.event_date AS date,
    NULL::BIGINT AS quantity,
    place AS location,
    {record_sql(
        doc_id="'icews:' || coalesce(r.story_id, 'event-' || r.event_id)",
        sentence="coalesce(greatest(r.sentence_number - 1, 0), 0)", source=_SOURCE, target=_TARGET,
        plover="plover", mode="mode", cameo="cameo", goldstein="goldstein", date="r.event_date",
        location="place", location_country="place_iso3", contexts="contexts", dataset="'icews'",
        event_id="CAST(r.event_id AS VARCHAR)",
        fields={"Event Text": "r.event_text", "Intensity": "r.intensity", "Source Sectors": "r.source_sectors",
                "Target Sectors": "r.target_sectors", "Story ID": "r.story_id",
                "Sentence Number": "r.sentence_number", "Latitude": "r.latitude", "Longitude": "r.longitude"},
    )} AS record,
    r.event_date AS doc_date,
    NULL::VARCHAR AS url,
    r.publisher AS outlet,
    NULL::VARCHAR AS title
FROM (
    SELECT *,
           {cameo_lookup("r0.cameo_code", "code")} AS cameo, {cameo_lookup("r0.cameo_code", "plover")} AS plover,
           {cameo_lookup("r0.cameo_code", "mode")} AS mode, {cameo_lookup("r0.cameo_code", "goldstein")} AS goldstein,
           {cameo_lookup("r0.cameo_code", "contexts")} AS contexts,
           {_country("r0.source_country")} AS source_iso3, {_country("r0.target_country")} AS target_iso3,
           {_country("r0.country")} AS place_iso3,
           nullif(concat_ws(', ', r0.city, r0.district, r0.province, r0.country), '') AS place
    FROM {{source}} r0
) r
"""
