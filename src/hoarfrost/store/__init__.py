"""The store: every list snapshot, immutable, in SQLite by default (PostgreSQL-ready schema)."""

from hoarfrost.store.store import SnapshotInfo, Store

__all__ = ["SnapshotInfo", "Store"]
