"""Writing events: JSON Lines (CONTRACT section 2), CSV, or a table for the terminal."""
from __future__ import annotations

import csv
import json
import shutil
from typing import IO, Any, Iterable

CSV_FIELDS = [
    "doc_id", "sentence", "source", "target", "plover", "mode", "cameo", "goldstein", "status",
    "date", "quantity", "location", "trigger", "sentence_text",
]


class EventWriter:
    """Writes event records (dicts in the contract's shape) in one format."""

    def __init__(self, stream: IO[str], fmt: str):
        self.stream, self.format = stream, fmt
        self._csv = None
        self._rows: list[list[str]] = []

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.format == "csv":
            if self._csv is None:
                self._csv = csv.writer(self.stream)
                self._csv.writerow(CSV_FIELDS)
            self._csv.writerow(_flat(record)[key] for key in CSV_FIELDS)
        else:
            self._rows.append(_table_row(record))

    def write_all(self, records: Iterable[dict[str, Any]]) -> int:
        count = 0
        for record in records:
            self.write(record)
            count += 1
        return count

    def close(self) -> None:
        if self.format == "csv" and self._csv is None:
            csv.writer(self.stream).writerow(CSV_FIELDS)
        if self.format == "table":
            self.stream.write(render_table(self._rows))


def dyadic_pairs(record: dict[str, Any]) -> list[dict[str, Any]]:
    """CAMEO-style rows: one per (source actor, target actor) pair of a compound event.
    PLOVER records a compound actor as one event; tools that need dyads get them here."""
    targets = record["target"] or [None]
    return [
        {**record, "source": [source], "target": [target] if target else [], "pair": f"{i + 1}/{len(record['source']) * len(targets)}"}
        for i, (source, target) in enumerate((s, t) for s in record["source"] for t in targets)
    ]


def actors_text(actors: list[dict[str, Any]]) -> str:
    """ "RUS GOV (Russia)" for each actor, joined by "+"."""
    parts = []
    for actor in actors:
        code = actor.get("code") or " ".join(x for x in (actor.get("country") or actor.get("org") or "---", actor.get("sector")) if x)
        parts.append(f"{code} ({actor.get('text')})")
    return " + ".join(parts) or "-"


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    quantity = record.get("quantity")
    return {
        **record,
        "source": actors_text(record["source"]),
        "target": actors_text(record["target"]),
        "quantity": f"{quantity['value']} {quantity['unit']}" if quantity else "",
        "trigger": record["trigger"]["text"],
        "date": record.get("date") or "",
        "location": record.get("location") or "",
        "mode": record.get("mode") or "",
    }


TABLE_COLUMNS = ["doc", "s", "source", "event", "target", "status", "date", "qty", "where", "cameo", "gold", "trigger"]


def _table_row(record: dict[str, Any]) -> list[str]:
    flat = _flat(record)
    event = (record["plover"] or "") + (f"/{record['mode']}" if record.get("mode") else "")
    quantity = record.get("quantity")
    return [
        str(record["doc_id"]), str(record["sentence"]), flat["source"], event, flat["target"], record["status"],
        flat["date"], str(quantity["value"]) if quantity else "", flat["location"], record["cameo"],
        "" if record.get("goldstein") is None else f"{record['goldstein']:+.1f}", flat["trigger"],
    ]


def render_table(rows: list[list[str]], width: int | None = None) -> str:
    """Rows under TABLE_COLUMNS, cut to fit the terminal."""
    if not rows:
        return "(no events)\n"
    width = width or shutil.get_terminal_size((200, 24)).columns
    limits = {"source": 28, "target": 28, "trigger": 20, "doc": 14, "where": 14, "event": 22, "qty": 9}
    cells = [[_cut(v, limits.get(c, 20)) for c, v in zip(TABLE_COLUMNS, row)] for row in rows]
    sizes = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(TABLE_COLUMNS)]
    lines = ["  ".join(c.ljust(s) for c, s in zip(TABLE_COLUMNS, sizes)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    lines += ["  ".join(v.ljust(s) for v, s in zip(row, sizes)).rstrip() for row in cells]
    return "\n".join(line[:width] for line in lines) + f"\n({len(rows)} events)\n"


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
