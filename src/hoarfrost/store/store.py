"""The store's one interface: write a snapshot atomically, read snapshots and entities.

SQLite is the default and the only backend today; the code speaks SQLAlchemy
Core so that a PostgreSQL URL can be passed instead. A snapshot is written in
one transaction: a reader error, a duplicate or a killed process leaves the
store exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, update
from sqlalchemy.exc import DatabaseError, OperationalError

from hoarfrost.errors import ListFileError, SnapshotNotFound, StoreError
from hoarfrost.model import Entity, entity_from_json, entity_to_json
from hoarfrost.store import schema as t

_BATCH = 1000


@dataclass(frozen=True)
class SnapshotInfo:
    """One immutable version of one list, as loaded."""

    id: int
    source: str
    format: str
    content_hash: str
    published: str | None
    loaded_at: str
    partial: bool
    entity_count: int
    name_count: int
    files: tuple[str, ...]
    warnings: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "snapshot_id": self.id, "published": self.published,
            "loaded": self.loaded_at, "entities": self.entity_count, "names": self.name_count,
            "format": self.format, "partial": self.partial, "content_hash": self.content_hash,
            "files": list(self.files), "warnings": self.warnings,
        }


@dataclass(frozen=True)
class SnapshotDraft:
    """What is known of a snapshot before its entities are read."""

    format: str
    content_hash: str
    files: tuple[str, ...]


class Store:
    """Snapshots of official lists and the entities they hold."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._migrate()

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the SQLite store at `path`, or a SQLAlchemy URL."""
        text = str(path)
        if "://" in text:
            return cls(create_engine(text))
        file = Path(text)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {file}: {exc.strerror}") from None
        engine = create_engine(f"sqlite:///{file}")
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        try:
            return cls(engine)
        except DatabaseError as exc:
            raise StoreError(f"{file} is not a hoarfrost store (SQLite says: {exc.orig})") from None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction that holds the write lock from its first statement (SQLite: BEGIN IMMEDIATE).

        Use it for every read-then-write (a decision reading an alert's revision, an audit record reading
        the chain's head): two such transactions run one after the other instead of both reading the
        same state, and the second waits (busy_timeout) rather than failing on a lock upgrade.
        """
        with self.engine.connect() as conn:
            conn = conn.execution_options(hoarfrost_immediate=True)
            with conn.begin():
                yield conn

    def _migrate(self) -> None:
        try:
            t.metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                version = conn.execute(select(t.store_info.c.value).where(t.store_info.c.key == "schema")).scalar()
                if version is None:
                    conn.execute(t.store_info.insert().values(key="schema", value=str(t.SCHEMA_VERSION)))
                elif int(version) > t.SCHEMA_VERSION:
                    raise StoreError(f"the store has schema {version}, newer than this hoarfrost ({t.SCHEMA_VERSION})")
        except OperationalError as exc:
            raise StoreError(f"cannot open the store: {exc.orig}") from None

    # -- writing -------------------------------------------------------------------------------

    def snapshot_by_hash(self, content_hash: str) -> SnapshotInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.snapshots).where(t.snapshots.c.content_hash == content_hash)).first()
        return _snapshot_info(row) if row else None

    def write_snapshot(self, draft: SnapshotDraft, entities: Iterable[Entity], report: Any,
                       on_written: Callable[[Connection, SnapshotInfo], None] | None = None) -> SnapshotInfo:
        """Write all entities as one new snapshot, in one transaction.

        `report` is the reader's `ReadReport`: its source, publication date,
        partial flag and warnings are read after the entities are consumed,
        because some formats give them only at the end. `on_written` runs last in
        the same transaction (the audit record of the load commits with it).
        """
        with self.engine.begin() as conn:
            snapshot_id = conn.execute(
                t.snapshots.insert().values(
                    source="", format=draft.format, content_hash=draft.content_hash, published=None,
                    loaded_at=_now(), partial=False, entity_count=0, name_count=0,
                    files=json.dumps(list(draft.files)), warnings="{}",
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            entity_count, name_count, sources = self._write_entities(conn, snapshot_id, entities, report)
            source = report.source or (sources.pop() if len(sources) == 1 else None)
            if not source or len(sources) > 1:
                raise ListFileError(", ".join(draft.files), f"entities of several lists in one load: {sorted(sources)}")
            if entity_count == 0:
                raise ListFileError(", ".join(draft.files), "the list holds no entries")
            conn.execute(
                update(t.snapshots).where(t.snapshots.c.id == snapshot_id).values(
                    source=source, published=report.published, partial=report.partial,
                    entity_count=entity_count, name_count=name_count,
                    warnings=json.dumps(dict(report.warnings)),
                )
            )
            if on_written is not None:
                row = conn.execute(select(t.snapshots).where(t.snapshots.c.id == snapshot_id)).one()
                on_written(conn, _snapshot_info(row))
        return self.snapshot(snapshot_id)

    def _write_entities(
        self, conn: Connection, snapshot_id: int, entities: Iterable[Entity], report: Any
    ) -> tuple[int, int, set[str]]:
        seen: set[str] = set()
        sources: set[str] = set()
        batch: list[Entity] = []
        entity_count = name_count = 0
        for entity in entities:
            if entity.source_id in seen:
                report.warn(f"duplicate {entity.source} id in the list: later entries ignored ({entity.source_id})")
                continue
            seen.add(entity.source_id)
            sources.add(entity.source)
            batch.append(entity)
            entity_count += 1
            name_count += len(entity.names)
            if len(batch) >= _BATCH:
                _insert_batch(conn, snapshot_id, batch)
                batch = []
        if batch:
            _insert_batch(conn, snapshot_id, batch)
        return entity_count, name_count, sources

    # -- reading -------------------------------------------------------------------------------

    def snapshot(self, snapshot_id: int) -> SnapshotInfo:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.snapshots).where(t.snapshots.c.id == snapshot_id)).first()
        if row is None:
            raise SnapshotNotFound(f"no snapshot {snapshot_id} in the store")
        return _snapshot_info(row)

    def snapshots(self, source: str | None = None) -> list[SnapshotInfo]:
        """Every snapshot, oldest load first; only those of `source` when given."""
        query = select(t.snapshots).order_by(t.snapshots.c.id)
        if source:
            query = query.where(t.snapshots.c.source == source)
        with self.engine.connect() as conn:
            return [_snapshot_info(row) for row in conn.execute(query)]

    def current_snapshots(self) -> list[SnapshotInfo]:
        """The snapshot in force for each source: the newest publication among its full snapshots
        (a filtered export only when there is nothing else); undated ones count by load order."""
        current: dict[str, SnapshotInfo] = {}
        for info in sorted(self.snapshots(), key=lambda i: (i.published or "", i.id)):
            held = current.get(info.source)
            if held is None or not info.partial or held.partial:
                current[info.source] = info
        return sorted(current.values(), key=lambda info: info.source)

    def current_snapshot(self, source: str) -> SnapshotInfo:
        for info in self.current_snapshots():
            if info.source == source:
                return info
        raise SnapshotNotFound(f"no list '{source}' in the store (see 'hoarfrost lists')")

    def sources(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.snapshots.c.source).distinct().order_by(t.snapshots.c.source)).scalars())

    def entity_hashes(self, snapshot_id: int) -> dict[str, str]:
        """source_id -> entity version hash for every entity of a snapshot."""
        query = select(t.snapshot_entities.c.source_id, t.snapshot_entities.c.hash).where(
            t.snapshot_entities.c.snapshot_id == snapshot_id
        )
        with self.engine.connect() as conn:
            return {row.source_id: row.hash for row in conn.execute(query)}

    def entity_versions(self, hashes: Iterable[str]) -> dict[str, Entity]:
        """Entities by version hash."""
        wanted = list(hashes)
        found: dict[str, Entity] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                query = select(t.entity_versions.c.hash, t.entity_versions.c.data).where(
                    t.entity_versions.c.hash.in_(chunk)
                )
                found.update((row.hash, entity_from_json(row.data)) for row in conn.execute(query))
        return found

    def entities(self, snapshot_id: int) -> Iterator[Entity]:
        """Every entity of a snapshot, in publisher id order."""
        query = (
            select(t.entity_versions.c.data)
            .join(t.snapshot_entities, t.snapshot_entities.c.hash == t.entity_versions.c.hash)
            .where(t.snapshot_entities.c.snapshot_id == snapshot_id)
            .order_by(t.snapshot_entities.c.source_id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield entity_from_json(row.data, snapshot_id)

    def entity(self, source: str, source_id: str, snapshot_id: int | None = None) -> Entity:
        """One entity as the given (default: current) snapshot of its list holds it."""
        snapshot = self.snapshot(snapshot_id) if snapshot_id else self.current_snapshot(source)
        query = (
            select(t.entity_versions.c.data)
            .join(t.snapshot_entities, t.snapshot_entities.c.hash == t.entity_versions.c.hash)
            .where(t.snapshot_entities.c.snapshot_id == snapshot.id, t.snapshot_entities.c.source_id == source_id)
        )
        with self.engine.connect() as conn:
            data = conn.execute(query).scalar()
        if data is None:
            raise SnapshotNotFound(f"no entry '{source_id}' in {source} snapshot {snapshot.id}")
        return entity_from_json(data, snapshot.id)

    def name_scripts(self, snapshot_id: int) -> Counter[str]:
        """How many names of each script a snapshot holds."""
        query = (
            select(t.names.c.script, func.count())
            .join(t.snapshot_entities, t.snapshot_entities.c.hash == t.names.c.hash)
            .where(t.snapshot_entities.c.snapshot_id == snapshot_id)
            .group_by(t.names.c.script)
        )
        with self.engine.connect() as conn:
            return Counter({script: count for script, count in conn.execute(query)})


    # -- kept transliteration readings ---------------------------------------------------------

    def load_readings(self, version: str) -> dict[str, bytes]:
        query = select(t.name_readings.c.name, t.name_readings.c.data).where(t.name_readings.c.version == version)
        with self.engine.connect() as conn:
            return {row.name: row.data for row in conn.execute(query)}

    def save_readings(self, version: str, readings: dict[str, bytes]) -> None:
        """Keep readings of this version; older versions are dropped (they can never be used again)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(t.name_readings.delete().where(t.name_readings.c.version != version))
                items = iter(readings.items())
                # A batch of rows at a time: the first build keeps a row for every name of every list.
                while batch := [{"version": version, "name": n, "data": d} for n, d in islice(items, _BATCH)]:
                    conn.execute(t.name_readings.insert(), batch)
        except OperationalError:
            pass  # a read-only store: readings are recomputed next time


def _insert_batch(conn: Connection, snapshot_id: int, batch: list[Entity]) -> None:
    encoded = [(entity, entity_to_json(entity)) for entity in batch]
    hashes = [hashlib.sha256(data).hexdigest() for _, data in encoded]
    existing = set(
        conn.execute(select(t.entity_versions.c.hash).where(t.entity_versions.c.hash.in_(set(hashes)))).scalars()
    )
    versions: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    for (entity, data), digest in zip(encoded, hashes, strict=True):
        if digest in existing:
            continue
        existing.add(digest)
        versions.append({
            "hash": digest, "source": entity.source, "source_id": entity.source_id,
            "schema": str(entity.schema), "caption": entity.caption, "data": data,
        })
        names.extend(
            {"hash": digest, "position": i, "value": n.value, "kind": str(n.kind), "script": n.script, "lang": n.lang}
            for i, n in enumerate(entity.names)
        )
    if versions:
        conn.execute(t.entity_versions.insert(), versions)
    if names:
        conn.execute(t.names.insert(), names)
    links = [
        {"snapshot_id": snapshot_id, "source_id": entity.source_id, "hash": digest}
        for entity, digest in zip(batch, hashes, strict=True)
    ]
    conn.execute(t.snapshot_entities.insert(), links)


def _snapshot_info(row: Any) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id, source=row.source, format=row.format, content_hash=row.content_hash,
        published=row.published, loaded_at=row.loaded_at, partial=bool(row.partial),
        entity_count=row.entity_count, name_count=row.name_count,
        files=tuple(json.loads(row.files)), warnings=json.loads(row.warnings),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_begin(conn: Connection) -> None:
    """SQLAlchemy's recipe for SQLite: the driver's own transaction handling is off (see _sqlite_pragmas)
    and transactions begin here, immediate where `Store.writing` asks for it."""
    immediate = conn.get_execution_options().get("hoarfrost_immediate")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by _sqlite_begin, not by the driver
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
