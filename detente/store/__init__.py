"""Event stores. `EventStore` is the interface; `DuckDBStore` the embedded default."""
from detente.store.base import EventFilter, EventStore, IngestResult
from detente.store.duckdb_store import DuckDBStore

__all__ = ["DuckDBStore", "EventFilter", "EventStore", "IngestResult", "open_store"]


def open_store(path: str) -> EventStore:
    """The store at `path` (a DuckDB file)."""
    return DuckDBStore(path)
