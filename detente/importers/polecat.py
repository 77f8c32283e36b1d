"""POLECAT (PLOVER-coded) event files: tab-separated with a header line, or JSON Lines
(one event object a line, the way ``.jsonl``/``.json``/``.ndjson`` files and any file
starting with ``{`` are read). Also .zip or .gz.

Columns are found by name, case and punctuation aside ("Event ID", "event_id" and
"event-id" are the same); the first of each list in ``FIELDS`` that the file has is read:

- required: event id (``event_id``/``id``), date (``event_date``/``date``, YYYY-MM-DD, a
  time after it is ignored), type (``event_type``/``event``: a PLOVER type);
- optional: mode (``event_mode``/``mode``), contexts (``contexts``/``context``, a list or
  ``;``/``,``-separated), actor and recipient name, country and sector
  (``actor_name``, ``actor_country``, ``primary_actor_sector``/``actor_sector``,
  ``recipient_*`` the same), story (``story_id``), publication date (``story_date``/
  ``publication_date``), outlet (``source``/``publisher``), ``url``, ``title``, place
  (``placename``/``location``, ``country``, ``latitude``, ``longitude``), sentence text
  (``text``/``sentence``), ``event_text``, and detente's own ``status``, ``quantity``,
  ``cameo`` and ``sentence`` (so that ``detente export --format plover`` reads back).
- In JSON, PLOVER's nested form is read too: ``actor`` and ``recipient`` as lists of
  entity objects (``code``/``country``, ``org``, ``sector``, ``entity_text``/``text``),
  ``event``/``mode``/``context`` as lists (the first type and mode are used),
  ``cite_info`` with ``url``, ``title`` and ``outlet``/``corpus``.

Mapping: countries are ISO3 codes (a country name is mapped too); an actor without a
country whose name or code is an organisation detente knows gets its code. POLECAT has
no CAMEO code: ``cameo`` is empty (unless the file gives one) and ``goldstein`` is the
codebook's PLOVER score of the type and mode (``plover.yaml``; the codebook designed
these scores to splice with Goldstein series). One document per story
(``polecat:<story id>``, else per event), dated by the publication date, else the
earliest event; an event's key within it is derived from its event id.
"""
from __future__ import annotations

from pathlib import Path

from detente.importers import (
    ImportFileError, Reading, actor_list, cameo_enum, cameo_lookup, csv_options, first_line, lookup, normal_name,
    record_sql, sql_string,
)

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

#: canonical field -> the names it may have in a file, in order of preference.
FIELDS: dict[str, list[str]] = {
    "event_id": ["event_id", "id", "eventid"],
    "event_date": ["event_date", "date"],
    "story_date": ["story_date", "publication_date", "pub_date", "published"],
    "event_type": ["event_type", "event"],
    "event_mode": ["event_mode", "mode"],
    "contexts": ["contexts", "context", "event_context"],
    "actor_name": ["actor_name", "actor", "actor_text"],
    "actor_country": ["actor_country", "actor_country_code", "actor_iso3", "actor_code"],
    "actor_sector": ["primary_actor_sector", "actor_sector", "actor_sectors"],
    "recipient_name": ["recipient_name", "recipient", "recipient_text"],
    "recipient_country": ["recipient_country", "recipient_country_code", "recipient_iso3", "recipient_code"],
    "recipient_sector": ["primary_recipient_sector", "recipient_sector", "recipient_sectors"],
    "story_id": ["story_id", "story", "article_id"],
    "outlet": ["source", "publisher", "outlet", "feed"],
    "url": ["url", "source_url", "story_url", "link"],
    "title": ["title", "headline"],
    "placename": ["placename", "place_name", "location", "raw_placename"],
    "location_country": ["country", "location_country", "event_country"],
    "latitude": ["latitude", "lat"],
    "longitude": ["longitude", "lon", "lng"],
    "sentence_text": ["sentence_text", "text", "sentence_texts"],
    "event_text": ["event_text", "trigger_text"],
    "status": ["status"],
    "quantity": ["quantity"],
    "cameo": ["cameo", "cameo_code"],
    "sentence": ["sentence", "sentence_number"],
}
REQUIRED = ("event_id", "event_date", "event_type")


def reading(path: Path, rejects: str) -> Reading:
    if _is_json(path):
        return Reading(STAGE.replace("{normalized}", _json_sql(path, rejects)), key_of_line=lambda line: line)
    header = first_line(path).split("\t")
    names = [normal_name(name) for name in header]
    where = {field: next((names.index(a) for a in aliases if a in names), None) for field, aliases in FIELDS.items()}
    missing = [field for field in REQUIRED if where[field] is None]
    if missing:
        raise ImportFileError(
            f"{path}: not a POLECAT file: no {' or '.join(FIELDS[missing[0]][:2])} column"
            f" (found: {', '.join(header[:8])}{' ...' if len(header) > 8 else ''})"
        )
    columns = [(f"c{i}", "VARCHAR") for i in range(len(header))]
    source = csv_options(path, columns, header=True, rejects=rejects)
    id_at = where["event_id"]
    return Reading(STAGE.replace("{normalized}", _tsv_sql(source, where)),
                   key_of_line=lambda line: _field(line, id_at), header_lines=1)


def _is_json(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes]
    if any(s in (".jsonl", ".json", ".ndjson") for s in suffixes):
        return True
    return first_line(path).lstrip().startswith("{")


def _field(line: str, index: int) -> str | None:
    fields = line.split("\t")
    return fields[index].strip() or None if index < len(fields) else None


# --- tab-separated ------------------------------------------------------------------------


def _tsv_sql(source: str, where: dict[str, int | None]) -> str:
    def col(field: str) -> str:
        return "NULL::VARCHAR" if where[field] is None else f"nullif(trim(c{where[field]}), '')"

    def side(prefix: str) -> str:
        name, country = col(f"{prefix}_name"), col(f"{prefix}_country")
        iso3 = lookup(f"lower({country})", "country")
        org = f"CASE WHEN {iso3} IS NULL THEN coalesce({lookup(f'lower({country})', 'org')}, {lookup(f'lower({name})', 'org')}) END"
        return actor_list(text=name, country=iso3, org=org, sector=f"upper({col(f'{prefix}_sector')})")

    plain = ", ".join(f"{col(field)} AS {field}" for field in FIELDS if field != "contexts")
    return f"""
        SELECT {col('event_id')} AS key, NULL::VARCHAR AS bad, {plain},
               [c FOR c IN regexp_split_to_array(coalesce({col('contexts')}, ''), '\\s*[;,|]\\s*') IF c <> ''] AS contexts,
               {side('actor')} AS src, {side('recipient')} AS tgt
        FROM {source}
    """


# --- JSON Lines ---------------------------------------------------------------------------

_ENTITY = '[{"code": "VARCHAR", "country": "VARCHAR", "org": "VARCHAR", "sector": "VARCHAR", "entity_text": "VARCHAR", "text": "VARCHAR"}]'


def _json_sql(path: Path, rejects: str) -> str:
    source = csv_options(path, [("j", "VARCHAR")], header=False, rejects=rejects, delim=sql_string("\x01"))

    def scalar(field: str) -> str:
        values = [f"CASE WHEN json_type(j, '$.\"{a}\"') NOT IN ('OBJECT', 'ARRAY', 'NULL') THEN nullif(trim(j->>'$.\"{a}\"'), '') END"
                  for a in FIELDS[field]]
        return f"coalesce({', '.join(values)})"

    def side(key: str, prefix: str) -> str:
        nested = f"from_json(j->'$.{key}', '{_ENTITY}')"
        country = "lower(coalesce(a.country, a.code))"
        iso3 = lookup(country, "country")
        mapped = (
            f"[{{'text': coalesce(a.text, a.entity_text), 'country': {iso3}, "
            f"'org': CASE WHEN {iso3} IS NULL THEN coalesce({lookup('lower(a.org)', 'org')}, {lookup(country, 'org')}, "
            f"{lookup('lower(coalesce(a.text, a.entity_text))', 'org')}) END, "
            f"'sector': upper(a.sector), 'code': NULL::VARCHAR}} FOR a IN {nested}]"
        )
        name, flat_country = scalar(f"{prefix}_name"), scalar(f"{prefix}_country")
        flat_iso3 = lookup(f"lower({flat_country})", "country")
        flat_org = f"CASE WHEN {flat_iso3} IS NULL THEN coalesce({lookup(f'lower({flat_country})', 'org')}, {lookup(f'lower({name})', 'org')}) END"
        flat = actor_list(text=name, country=flat_iso3, org=flat_org, sector=f"upper({scalar(f'{prefix}_sector')})")
        return f"CASE WHEN json_type(j, '$.{key}') = 'ARRAY' THEN {mapped} ELSE {flat} END"

    overrides = {
        "event_type": f"coalesce({scalar('event_type')}, j->>'$.event[0]')",
        "event_mode": f"coalesce({scalar('event_mode')}, j->>'$.mode[0]')",
        "url": f"coalesce({scalar('url')}, j->>'$.cite_info.url')",
        "title": f"coalesce({scalar('title')}, j->>'$.cite_info.title')",
        "outlet": f"coalesce({scalar('outlet')}, j->>'$.cite_info.outlet', j->>'$.cite_info.corpus')",
        "quantity": f"coalesce({scalar('quantity')}, j->>'$.quantity.value')",
        "event_text": f"coalesce({scalar('event_text')}, j->>'$.event_text[0]')",
    }
    plain = ", ".join(f"{overrides.get(field, scalar(field))} AS {field}" for field in FIELDS if field != "contexts")
    contexts = (
        "CASE WHEN json_type(j, '$.contexts') = 'ARRAY' THEN from_json(j->'$.contexts', '[\"VARCHAR\"]') "
        "WHEN json_type(j, '$.context') = 'ARRAY' THEN from_json(j->'$.context', '[\"VARCHAR\"]') "
        f"ELSE [c FOR c IN regexp_split_to_array(coalesce({scalar('contexts')}, ''), '\\s*[;,|]\\s*') IF c <> ''] END"
    )
    return f"""
        SELECT raw AS key, bad, {plain}, {contexts} AS contexts,
               {side('actor', 'actor')} AS src, {side('recipient', 'recipient')} AS tgt
        FROM (
            SELECT raw,
                   CASE WHEN NOT json_valid(raw) THEN 'not valid JSON'
                        WHEN json_type(raw) <> 'OBJECT' THEN 'not a JSON object' END AS bad,
                   CASE WHEN json_valid(raw) THEN CASE WHEN json_type(raw) = 'OBJECT' THEN raw END END AS j
            FROM (SELECT j AS raw FROM {source}) WHERE trim(raw) <> ''
        )
    """


# --- common -------------------------------------------------------------------------------

_TYPES = "(" + ", ".join(f"'{t}'" for t in PLOVER_TYPES) + ")"
_DOC = "'polecat:' || coalesce(n.story_id, n.event_id)"

STAGE = f"""
SELECT
    n.key,
    CASE
        WHEN n.bad IS NOT NULL THEN n.bad
        WHEN n.event_id IS NULL THEN 'no event id'
        WHEN n.event_date IS NULL THEN 'no event date'
        WHEN v_date IS NULL THEN 'event date is not a date (YYYY-MM-DD)'
        WHEN n.event_type IS NULL THEN 'no event type'
        WHEN v_plover IS NULL THEN 'event type is not a PLOVER type'
        WHEN n.cameo IS NOT NULL AND v_cameo IS NULL THEN 'cameo is not a CAMEO code'
        WHEN n.quantity IS NOT NULL AND v_quantity IS NULL THEN 'quantity is not a whole number'
    END AS problem,
    [name FOR name IN [
        CASE WHEN n.actor_country IS NOT NULL AND len(source_codes) = 0 THEN n.actor_country END,
        CASE WHEN n.recipient_country IS NOT NULL AND len(target_codes) = 0 THEN n.recipient_country END,
        CASE WHEN n.location_country IS NOT NULL AND place_iso3 IS NULL THEN n.location_country END
    ] IF name IS NOT NULL] AS unmapped,
    {_DOC} AS doc_id,
    CAST(md5_number(coalesce(n.event_id, '')) % 2147483647 AS INTEGER) AS seq,
    v_sentence AS sentence,
    source_codes, target_codes,
    v_plover AS plover, v_mode AS mode, v_cameo AS cameo, v_goldstein AS goldstein, v_status AS status,
    v_date AS date, v_quantity AS quantity,
    n.placename AS location,
    {record_sql(
        doc_id=_DOC, sentence="v_sentence", source="n.src", target="n.tgt", plover="v_plover", mode="v_mode",
        cameo="coalesce(v_cameo, '')", goldstein="v_goldstein", date="v_date", location="n.placename",
        location_country="place_iso3", contexts="n.contexts", dataset="'polecat'", event_id="n.event_id",
        fields={"story_id": "n.story_id", "event_text": "n.event_text", "latitude": "TRY_CAST(n.latitude AS DOUBLE)",
                "longitude": "TRY_CAST(n.longitude AS DOUBLE)"},
        sentence_text="n.sentence_text", quantity="v_quantity", status="v_status",
    )} AS record,
    coalesce(TRY_CAST(left(n.story_date, 10) AS DATE), v_date) AS doc_date,
    n.url, n.outlet, n.title
FROM (
    SELECT n0.*,
           TRY_CAST(left(n0.event_date, 10) AS DATE) AS v_date,
           CASE WHEN upper(n0.event_type) IN {_TYPES} THEN upper(n0.event_type) END AS v_plover,
           nullif(lower(n0.event_mode), '') AS v_mode,
           {cameo_lookup(f"TRY_CAST(n0.cameo AS {cameo_enum()})", "code")} AS v_cameo,
           coalesce({cameo_lookup(f"TRY_CAST(n0.cameo AS {cameo_enum()})", "goldstein")},
                    {lookup("upper(n0.event_type) || '|' || coalesce(lower(n0.event_mode), '')", "plover_score")},
                    {lookup("upper(n0.event_type) || '|'", "plover_score")}) AS v_goldstein,
           CASE WHEN lower(n0.status) IN ('asserted', 'negated', 'hypothetical', 'future') THEN lower(n0.status)
                ELSE 'asserted' END AS v_status,
           TRY_CAST(n0.quantity AS BIGINT) AS v_quantity,
           coalesce(TRY_CAST(n0.sentence AS INTEGER), 0) AS v_sentence,
           {lookup("lower(n0.location_country)", "country")} AS place_iso3,
           [coalesce(a.country, a.org) FOR a IN n0.src IF coalesce(a.country, a.org) IS NOT NULL] AS source_codes,
           [coalesce(a.country, a.org) FOR a IN n0.tgt IF coalesce(a.country, a.org) IS NOT NULL] AS target_codes
    FROM ({{normalized}}) n0
) n
"""
