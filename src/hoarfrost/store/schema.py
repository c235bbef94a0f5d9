"""The store's tables, in SQLAlchemy Core so the same schema runs on SQLite and PostgreSQL.

Entity content is stored once per distinct version (`entity_versions`, keyed
by the hash of its canonical JSON) and snapshots point at versions
(`snapshot_entities`). A daily list where a handful of entries change thus
costs a handful of rows, and a diff between two snapshots is a join on hashes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 1

metadata = MetaData()

store_info = Table(
    "store_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("format", String(64), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("published", String(32)),
    Column("loaded_at", String(32), nullable=False),
    Column("partial", Boolean, nullable=False, default=False),
    Column("entity_count", Integer, nullable=False),
    Column("name_count", Integer, nullable=False),
    Column("files", Text, nullable=False),  # JSON list of file names as given
    Column("warnings", Text, nullable=False),  # JSON object message -> count
    UniqueConstraint("content_hash", name="uq_snapshot_content"),
)
Index("ix_snapshots_source", snapshots.c.source, snapshots.c.id)

entity_versions = Table(
    "entity_versions",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("source", String(64), nullable=False),
    Column("source_id", String(256), nullable=False),
    Column("schema", String(32), nullable=False),
    Column("caption", Text, nullable=False),
    Column("data", LargeBinary, nullable=False),  # canonical JSON of the Entity
)

snapshot_entities = Table(
    "snapshot_entities",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("source_id", String(256), primary_key=True),
    Column("hash", String(64), ForeignKey("entity_versions.hash"), nullable=False),
)
Index("ix_snapshot_entities_hash", snapshot_entities.c.hash)

names = Table(
    "names",
    metadata,
    Column("hash", String(64), ForeignKey("entity_versions.hash"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("value", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("script", String(8), nullable=False),
    Column("lang", String(16)),
    UniqueConstraint("hash", "position", name="uq_names_position"),
)

# Transliteration readings of non-Latin names, kept between runs (see screening/readings_cache.py).
name_readings = Table(
    "name_readings",
    metadata,
    Column("version", String(32), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
