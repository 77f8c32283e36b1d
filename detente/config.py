"""Named defaults, in one place. Everything tunable about detente starts here."""
from __future__ import annotations

from pathlib import Path

#: Where the bundled dictionaries, patterns, lexicons and schemas live.
DATA_DIR = Path(__file__).parent / "data"

#: The default DuckDB file for `detente ingest` and `detente events`.
DEFAULT_DB = "detente.duckdb"

#: A line longer than this in a JSON Lines file is refused rather than parsed.
MAX_RECORD_BYTES = 10_000_000

#: A document longer than this (characters) is refused: it is not a news article.
MAX_DOCUMENT_CHARS = 5_000_000

#: How many tokens after a verb may hold its particle ("ordered 60 Americans out").
PARTICLE_WINDOW = 6

#: How many tokens after (or, for passives, before) a verb are searched for its object nouns.
OBJECT_WINDOW = 8

#: How many tokens after a verb may hold the place where it happened ("closed the consulate in Seattle").
LOCATION_WINDOW = 10

#: How many tokens left of a verb are searched for negation, modality and future cues.
STATUS_WINDOW = 6

#: Events whose source is not resolved to a state or an organisation are dropped unless
#: the caller asks to keep them: an event without a known actor is rarely usable.
KEEP_UNRESOLVED_SOURCE = False

#: Output formats of `detente code` and `detente events`.
OUTPUT_FORMATS = ("jsonl", "csv", "table")

#: The Goldstein table shipped with detente (GDELT's CAMEO lookup table).
GOLDSTEIN_TABLE = "GDELT CAMEO Goldstein scale"
