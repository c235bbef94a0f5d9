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
    Float,
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

SCHEMA_VERSION = 2  # 2: customers, alerts, decisions, allow-list, audit log, API keys

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


# -- customers (issue 4) ---------------------------------------------------------------------------
# Every version of a customer is kept (`customer_versions`, keyed by the hash of its canonical JSON);
# `customers` says which version is current, and whether the customer was deleted (kept, not erased).

customer_versions = Table(
    "customer_versions",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("customer_id", String(256), nullable=False),
    Column("data", LargeBinary, nullable=False),  # canonical JSON of the Customer (model.customer_to_json)
)

customers = Table(
    "customers",
    metadata,
    Column("customer_id", String(256), primary_key=True),
    Column("hash", String(64), ForeignKey("customer_versions.hash"), nullable=False),
    Column("name", Text, nullable=False),
    Column("schema", String(32)),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("changed_at", String(32), nullable=False),
    # The version last screened on load: a customer loaded unscreened (--no-screen, or before any list was
    # loaded) has screened_hash != hash, and the next screening load screens it (customers/registry.py).
    Column("screened_hash", String(64)),
)

customer_changes = Table(  # the history: one row per add, change or deletion, in order
    "customer_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", String(256), nullable=False),
    Column("hash", String(64), ForeignKey("customer_versions.hash"), nullable=False),
    Column("change", String(16), nullable=False),  # added | changed | deleted
    Column("at", String(32), nullable=False),
)
Index("ix_customer_changes_customer", customer_changes.c.customer_id, customer_changes.c.id)

# -- alerts and decisions --------------------------------------------------------------------------
# An alert is one customer version meeting one list entity version above threshold. `revision` grows
# with every decision: a decision names the revision it saw, so of two concurrent ones exactly one wins.

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", String(256), nullable=False),
    Column("customer_hash", String(64), nullable=False),
    Column("source", String(64), nullable=False),
    Column("source_id", String(256), nullable=False),
    Column("entity_hash", String(64), nullable=False),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), nullable=False),
    Column("algorithm", String(64), nullable=False),
    Column("score", Float, nullable=False),
    Column("matched_name", Text, nullable=False),
    Column("explanation", Text, nullable=False),  # JSON, as in the screening contract
    Column("state", String(32), nullable=False),  # open | pending_true_match | escalated | closed
    Column("resolution", String(32)),  # false_positive | true_match | delisted | customer_deleted
    Column("proposed_by", String(128)),  # who proposed the true match or escalated (four eyes)
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("revision", Integer, nullable=False, default=0),
)
Index("ix_alerts_pair", alerts.c.customer_id, alerts.c.source, alerts.c.source_id)
Index("ix_alerts_state", alerts.c.state)
Index("ix_alerts_entity", alerts.c.source, alerts.c.source_id)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id"), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(32), nullable=False),  # false_positive | true_match | escalate
    Column("reason", Text, nullable=False),
    Column("from_state", String(32), nullable=False),
    Column("to_state", String(32), nullable=False),
    Column("at", String(32), nullable=False),
)
Index("ix_decisions_alert", decisions.c.alert_id, decisions.c.id)

allow_list = Table(  # suppresses repeat alerts for a pair while neither side changes
    "allow_list",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", String(256), nullable=False),
    Column("customer_hash", String(64), nullable=False),
    Column("source", String(64), nullable=False),
    Column("source_id", String(256), nullable=False),
    Column("entity_hash", String(64), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)
Index("ix_allow_list_pair", allow_list.c.customer_id, allow_list.c.source, allow_list.c.source_id)

# -- audit trail -----------------------------------------------------------------------------------
# Append-only and hash-chained (cases/audit.py): each record's hash covers its content and the
# previous record's hash; the head (count and last hash) is also kept in store_info.

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),  # e.g. list.load, customer.change, screening, decision
    Column("subject", Text, nullable=False),  # what it is about: an alert id, a customer id, a list key
    Column("detail", Text, nullable=False),  # canonical JSON
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_audit_log_at", audit_log.c.at)

# -- API keys --------------------------------------------------------------------------------------

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False),  # who holds it; the actor recorded for its decisions
    Column("prefix", String(16), nullable=False),  # the first characters, to tell keys apart in lists
    Column("secret_hash", String(64), nullable=False, unique=True),  # sha256 of the whole key
    Column("role", String(16), nullable=False),  # screening | analyst | supervisor | admin
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)
