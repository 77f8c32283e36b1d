"""GDELT 2.0 event exports (``YYYYMMDDHHMMSS.export.CSV``, also .zip or .gz): tab-separated,
no header (a header line starting GLOBALEVENTID, as BigQuery writes, is skipped), the 61
columns of the GDELT 2.0 Event Codebook (``COLUMNS``), one event per row.

Read: GLOBALEVENTID (the key: ``gdelt:<id>``), SQLDATE (the event's day, YYYYMMDD),
Actor1/Actor2 Code, Name, CountryCode, KnownGroupCode and Type1Code, EventCode (CAMEO),
QuadClass, NumMentions, NumSources, NumArticles, AvgTone, ActionGeo FullName,
CountryCode (FIPS 10-4), Lat and Long, DATEADDED (the publication day) and SOURCEURL.
A row without 61 columns is rejected, and so is a row whose value in one of these
columns is not of its type (GLOBALEVENTID a number, SQLDATE a date, EventCode a CAMEO
code ...); the columns not read are not checked.

Mapping: the actor's country is Actor*CountryCode when it is an ISO3 code detente knows
(a few CAMEO codes, such as ROM for Romania, are translated; regions such as AFR or EUR
give no country); an IGO or group is its KnownGroupCode translated to detente's
organisation codes (UNO -> UN, NAT -> NATO, EEC -> EU ...); the sector is Type1Code
(INS and SEP, which PLOVER drops, become REB). The CAMEO code gives the PLOVER type and
mode (``cameo_map``) and the Goldstein weight (detente's table, which is GDELT's). One
document per event (``gdelt:<GLOBALEVENTID>``), dated DATEADDED, with SOURCEURL and its
host name as the outlet. GDELT's own scores and counts are kept in ``dataset_fields``.
"""
from __future__ import annotations

from pathlib import Path

from detente.importers import (
    ImportFileError, Reading, actor_list, cameo_enum, cameo_lookup, codes_sql, csv_options, head_lines, lookup_key,
    lookup_value, record_sql,
)

#: The 61 columns of a GDELT 2.0 event export, in order, with the types they are read as.
COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "DATE"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[(f"Actor{n}{part}", "VARCHAR") for n in (1, 2) for part in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    ("IsRootEvent", "INTEGER"), ("EventCode", "CAMEO"), ("EventBaseCode", "VARCHAR"), ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "DOUBLE"),
    *[(f"{geo}_{part}", kind) for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for part, kind in (
        ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"), ("ADM1Code", "VARCHAR"),
        ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"))],
    ("DATEADDED", "TIMESTAMP"), ("SOURCEURL", "VARCHAR"),
]
assert len(COLUMNS) == 61

LABELS = {
    "GLOBALEVENTID": "GLOBALEVENTID is not a number",
    "SQLDATE": "SQLDATE is not a date (YYYYMMDD)",
    "EventCode": "EventCode is not a CAMEO code",
    "DATEADDED": "DATEADDED is not a date and time (YYYYMMDDHHMMSS)",
}


def reading(path: Path, rejects: str) -> Reading:
    header = _check_shape(path)
    columns = [(name, cameo_enum() if kind == "CAMEO" else kind) for name, kind in COLUMNS]
    source = csv_options(path, columns, header=header, rejects=rejects, dateformat=repr("%Y%m%d"),
                         timestampformat=repr("%Y%m%d%H%M%S"))
    labels = {name: LABELS.get(name, f"{name} is not {'a number' if kind in ('INTEGER', 'BIGINT', 'DOUBLE') else 'valid'}")
              for name, kind in COLUMNS}
    return Reading(_stage().replace("{source}", source), key_of_line=_key, column_labels=labels, columns=columns,
                   header_lines=1 if header else 0, one_event_per_document=True, rows_sql=_rows(),
                   key_sql="CAST(event_id AS VARCHAR)", fields_table="gdelt_events", fields=FIELDS)


def _check_shape(path: Path) -> bool:
    """Whether the file starts with a header line (as BigQuery exports do); refuse a file
    none of whose first lines has the 61 columns of a GDELT 2.0 event export."""
    lines = head_lines(path, 5)
    header = bool(lines) and lines[0].split("\t", 1)[0].strip().upper() == "GLOBALEVENTID"
    counts = [line.count("\t") + 1 for line in lines if line.strip()]
    if counts and len(COLUMNS) not in counts:
        hint = " (a GDELT 1.0 file has 57 or 58)" if set(counts) & {57, 58} else ""
        raise ImportFileError(
            f"{path}: not a GDELT 2.0 event export: its first lines have {', '.join(map(str, sorted(set(counts))))} "
            f"tab-separated columns, not 61{hint}"
        )
    return header


def _key(line: str) -> str:
    return line.split("\t", 1)[0]


def _sector(n: int) -> str:
    return f"CASE WHEN r.Actor{n}Type1Code IN ('INS', 'SEP') THEN 'REB' ELSE r.Actor{n}Type1Code END"


#: The columns of `gdelt_events` (the store's table of GDELT's own values), as staged.
FIELDS = (
    "event_id", "source_text", "source_code", "source_country", "source_org", "source_sector",
    "target_text", "target_code", "target_country", "target_org", "target_sector",
    "location_country", "quad_class", "num_mentions", "num_sources", "num_articles", "avg_tone",
)

#: The record an imported GDELT event stores in `events.record`: the full record is built
#: when read (the store's `event_records` view, `record_from_fields`), which keeps the
#: import from writing some 600 bytes of JSON per row.
STUB_RECORD = '{"dataset":"gdelt"}'


def record_from_fields(events: str, fields: str) -> str:
    """SQL: the full record of a GDELT event from its `events` row (alias `events`) and its
    `gdelt_events` row (alias `fields`): the CONTRACT section 2 fields, `location_country`,
    `contexts` (those of the CAMEO code: not stored), `dataset`, `dataset_event_id` and
    `dataset_fields`."""
    e, g = events, fields

    def actor(side: str) -> str:
        return actor_list(text=f"{g}.{side}_text", country=f"{g}.{side}_country", org=f"{g}.{side}_org",
                          sector=f"{g}.{side}_sector", code=f"{g}.{side}_code")

    names = {"QuadClass": "quad_class", "NumMentions": "num_mentions", "NumSources": "num_sources",
             "NumArticles": "num_articles", "AvgTone": "avg_tone"}
    return record_sql(
        doc_id=f"{e}.doc_id", sentence=f"{e}.sentence", source=actor("source"), target=actor("target"),
        plover=f"{e}.plover", mode=f"{e}.mode", cameo=f"{e}.cameo", goldstein=f"{e}.goldstein", date=f"{e}.date",
        location=f"{e}.location", location_country=f"{g}.location_country",
        contexts=cameo_lookup(f"TRY_CAST({e}.cameo AS {cameo_enum()})", "contexts"),
        dataset="'gdelt'", event_id=f"CAST({g}.event_id AS VARCHAR)",
        fields={name: f"{g}.{column}" for name, column in names.items()},
    )


def _staged_fields() -> str:
    sides = ",\n    ".join(
        f"r.Actor{n}Name AS {side}_text, r.Actor{n}Code AS {side}_code, c{n} AS {side}_country, "
        f"g{n} AS {side}_org, {_sector(n)} AS {side}_sector"
        for n, side in ((1, "source"), (2, "target")))
    return f"""r.event_id,
    {sides},
    {lookup_value("r.ActionGeo_CountryCode", "fips")} AS location_country,
    r.QuadClass AS quad_class, r.NumMentions AS num_mentions, r.NumSources AS num_sources,
    r.NumArticles AS num_articles, r.AvgTone AS avg_tone"""


#: The file's columns an import keeps in its staging table (the others are not read).
KEPT = ("EventCode", "Actor1Code", "Actor1Name", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2Type1Code",
        "QuadClass", "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_FullName", "DATEADDED", "SOURCEURL")

#: The file's columns staged as keys of a lookup (column: lookup table), mapped when read.
LOOKED_UP = {"Actor1CountryCode": "cameo_country", "Actor2CountryCode": "cameo_country",
             "Actor1KnownGroupCode": "known_group", "Actor2KnownGroupCode": "known_group",
             "ActionGeo_CountryCode": "fips"}


def _stage() -> str:
    """The staging table's columns of every row of {source}: `problem`, `key`, `event_id`,
    `date`, the file's columns in KEPT as read and those in LOOKED_UP as lookup keys (the
    rows view computes the rest)."""
    return f"""
SELECT
    CASE
        WHEN GLOBALEVENTID IS NULL THEN 'no GLOBALEVENTID'
        WHEN SQLDATE IS NULL THEN 'no SQLDATE'
        WHEN EventCode IS NULL THEN 'no EventCode'
        WHEN {cameo_lookup("EventCode", "plover")} IS NULL
            THEN 'skip: CAMEO ' || {cameo_lookup("EventCode", "code")} || ' has no PLOVER type'
    END AS problem,
    CASE WHEN problem IS NOT NULL THEN CAST(GLOBALEVENTID AS VARCHAR) END AS key,  -- only rejected rows need it
    GLOBALEVENTID AS event_id, SQLDATE AS date, {", ".join(KEPT)},
    {", ".join(f"{lookup_key(column, table)} AS {column}" for column, table in LOOKED_UP.items())}
FROM {{source}}
"""


def _rows() -> str:
    """The STAGED columns (see detente.importers, and FIELDS) of the staged rows, computed
    when read: an import writes each of them once, into its table."""
    return f"""
SELECT
    r.row_id, r.problem, r.key,
    NULL::VARCHAR[] AS unmapped,
    'gdelt:' || r.event_id AS doc_id,
    0 AS seq,
    0 AS sentence,
    {codes_sql("c1", "g1")} AS source_codes,
    {codes_sql("c2", "g2")} AS target_codes,
    {cameo_lookup("r.EventCode", "plover")} AS plover, {cameo_lookup("r.EventCode", "mode")} AS mode,
    {cameo_lookup("r.EventCode", "code")} AS cameo, {cameo_lookup("r.EventCode", "goldstein")} AS goldstein,
    'asserted' AS status,
    r.date,
    NULL::BIGINT AS quantity,
    r.ActionGeo_FullName AS location,
    '{STUB_RECORD}' AS record,
    {_staged_fields()},
    CAST(r.DATEADDED AS DATE) AS doc_date,
    r.SOURCEURL AS url,
    nullif(CASE WHEN starts_with(host, 'www.') THEN host[5:] ELSE host END, '') AS outlet,
    NULL::VARCHAR AS title
FROM (
    SELECT rowid AS row_id, *,
           {lookup_value("Actor1CountryCode", "cameo_country")} AS c1, {lookup_value("Actor2CountryCode", "cameo_country")} AS c2,
           {lookup_value("Actor1KnownGroupCode", "known_group")} AS g1, {lookup_value("Actor2KnownGroupCode", "known_group")} AS g2,
           lower(split_part(split_part(split_part(SOURCEURL, '://', 2), '/', 1), ':', 1)) AS host
    FROM imp_staged
) r
"""
