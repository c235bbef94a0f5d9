"""The audit trail: an append-only, hash-chained log of every screening, decision, list load and customer change.

Each record's hash is the sha256 of the previous record's hash and the record's own canonical content
(sequence number, time, actor, action, subject, detail). Editing a record breaks its hash; removing one
leaves a gap in the sequence; reordering breaks the chain; removing the newest records is caught by the
head (count and last hash) kept in `store_info`, which every append updates in the same transaction.
`verify` says where the chain first breaks.

A record is appended inside the transaction of the change it records (`Store.writing`), so a change and
its record commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from hoarfrost.errors import QueryError
from hoarfrost.store import Store
from hoarfrost.store import schema as t

GENESIS = "0" * 64
_HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str  # canonical JSON
    prev_hash: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action,
                "subject": self.subject, "detail": json.loads(self.detail), "prev_hash": self.prev_hash,
                "hash": self.hash}


@dataclass(frozen=True)
class Verification:
    records: int
    problems: tuple[str, ...]  # empty when the chain is whole

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Anchor:
    """A record's sequence number and hash, kept outside the store (a ticket, a log, a letter to the
    regulator): the chain alone cannot show that someone with write access to the database rewrote it
    whole, every hash recomputed; a copy of one hash held elsewhere can. `verify` checks each anchor given."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        seq, _, digest = text.strip().partition(":")
        if not (seq.isdigit() and int(seq) > 0 and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)):
            raise QueryError(f"an anchor is SEQ:HASH as 'hoarfrost audit head' prints it (a record number and its "
                             f"64 hex digits), not {text!r}")
        return cls(int(seq), digest)


def head(store: Store) -> tuple[Anchor, str] | None:
    """The newest record as an anchor, and its time; None before the first record."""
    with store.engine.connect() as conn:
        seq, digest = _head(conn)
        at = conn.execute(select(t.audit_log.c.at).where(t.audit_log.c.seq == seq)).scalar() if seq else None
    return (Anchor(seq, digest), str(at)) if seq else None


def record_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str, detail: str) -> str:
    content = json.dumps([seq, at, actor, action, subject, detail], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def canonical(detail: Mapping[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def append(conn: Connection, *, actor: str, action: str, subject: str, detail: Mapping[str, Any]) -> AuditRecord:
    """Append one record in the caller's transaction (which must come from `Store.writing`)."""
    [record] = _chained(*_head(conn), [(actor, action, subject, detail)])
    conn.execute(t.audit_log.insert().values(dict(zip(_COLUMNS, _row(record), strict=True))))
    _set_head(conn, record.seq, record.hash)
    return record


def append_many(conn: Connection, entries: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> int:
    """Append (actor, action, subject, detail) records in one pass, in the caller's `Store.writing` transaction:
    for a load of a million customers, one record each without a million head updates."""
    seq, prev = _head(conn)
    count = 0
    rows: list[dict[str, Any]] = []
    for record in _chained(seq, prev, entries):
        rows.append(dict(zip(_COLUMNS, _row(record), strict=True)))
        count += 1
        if len(rows) >= 5000:
            conn.execute(t.audit_log.insert(), rows)
            rows = []
        seq, prev = record.seq, record.hash
    if rows:
        conn.execute(t.audit_log.insert(), rows)
    if count:
        _set_head(conn, seq, prev)
    return count


def _chained(seq: int, prev: str, entries: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> Iterator[AuditRecord]:
    """The records that follow the head (seq, prev), each hash chained to the one before."""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    for actor, action, subject, detail in entries:
        seq += 1
        text = canonical(detail)
        digest = record_hash(prev, seq, at, actor, action, subject, text)
        yield AuditRecord(seq, at, actor, action, subject, text, prev, digest)
        prev = digest


_COLUMNS = tuple(column.name for column in t.audit_log.columns)


def _row(record: AuditRecord) -> tuple[Any, ...]:
    return tuple(getattr(record, column) for column in _COLUMNS)


def _head(conn: Connection) -> tuple[int, str]:
    return _parsed_head(conn.execute(select(t.store_info.c.value).where(t.store_info.c.key == _HEAD_KEY)).scalar())


def _parsed_head(value: str | None) -> tuple[int, str]:
    if value is None:
        return 0, GENESIS
    head = json.loads(value)
    return int(head["seq"]), str(head["hash"])


def _head_value(seq: int, digest: str) -> str:
    return json.dumps({"seq": seq, "hash": digest})


def _set_head(conn: Connection, seq: int, digest: str) -> None:
    value = _head_value(seq, digest)
    updated = conn.execute(t.store_info.update().where(t.store_info.c.key == _HEAD_KEY).values(value=value))
    if updated.rowcount == 0:
        conn.execute(t.store_info.insert().values(key=_HEAD_KEY, value=value))


# The HTTP service appends one record per screening call. Through SQLAlchemy a commit of one record cost
# about 1.4 ms of the server's only GIL (pool checkout and reset, the begin hook, statement caching), more
# than the screening it records. Its writer thread (api/audit_writer.py) keeps one SQLite connection and
# appends through these, the same records and head in SQLite's own SQL.
_SQL_HEAD = f"SELECT value FROM {t.store_info.name} WHERE key = ?"
_SQL_SET_HEAD = (f"INSERT INTO {t.store_info.name} (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
_SQL_INSERT = f"INSERT INTO {t.audit_log.name} ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


def append_many_sqlite(cursor: sqlite3.Cursor, entries: Iterable[tuple[str, str, str, Mapping[str, Any]]]) -> int:
    """append_many on a sqlite3 cursor, in the caller's BEGIN IMMEDIATE transaction."""
    found = cursor.execute(_SQL_HEAD, (_HEAD_KEY,)).fetchone()
    seq, prev = _parsed_head(found[0] if found else None)
    records = list(_chained(seq, prev, entries))
    if records:
        cursor.executemany(_SQL_INSERT, [_row(record) for record in records])
        cursor.execute(_SQL_SET_HEAD, (_HEAD_KEY, _head_value(records[-1].seq, records[-1].hash)))
    return len(records)


def time_bound(text: str, name: str, *, inclusive_day: bool) -> str:
    """An ISO date or time as the log writes times (UTC, +00:00), comparable as text. A bare day as the end of
    a period (`inclusive_day`) means up to the end of that day, as a supervisor reading "--since 2026-01-01
    --until 2026-03-31" expects; a time is taken as given (exclusive). QueryError names `name` otherwise."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return (day + timedelta(days=1) if inclusive_day else day).isoformat()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise QueryError(f"{name} must be a date (YYYY-MM-DD) or an ISO 8601 time such as 2026-01-31T12:00:00, "
                         f"not {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def records(store: Store, since: str | None = None, until: str | None = None) -> Iterator[AuditRecord]:
    """Records in sequence order; `since`/`until` bound their time (ISO dates or times, until exclusive)."""
    with store.engine.connect() as conn:
        yield from _records(conn, since, until)


def _records(conn: Connection, since: str | None = None, until: str | None = None) -> Iterator[AuditRecord]:
    query = select(t.audit_log).order_by(t.audit_log.c.seq)
    if since:
        query = query.where(t.audit_log.c.at >= since)
    if until:
        query = query.where(t.audit_log.c.at < until)
    for row in conn.execute(query):
        yield AuditRecord(row.seq, row.at, row.actor, row.action, row.subject, row.detail, row.prev_hash, row.hash)


def verify(store: Store, anchors: Iterable[Anchor] = ()) -> Verification:
    """Walk the chain from the first record; every break is named by its sequence number, and so is every
    anchor the chain no longer holds."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    count = 0
    wanted = {anchor.seq: anchor for anchor in anchors}
    held: dict[int, str] = {}
    # One read transaction for the walk and the head: records appended meanwhile (a running API audits every
    # call) are then neither walked nor counted in the head, instead of looking like removed records.
    with store.engine.connect() as conn:
        head_seq, head_hash = _head(conn)
        for record in _records(conn):
            count += 1
            if record.seq != expected_seq:
                problems.append(f"record {expected_seq}" + (f" to {record.seq - 1}" if record.seq - 1 > expected_seq
                                                            else "") + " missing (removed)")
            if record.prev_hash != prev:
                problems.append(f"record {record.seq}: does not follow record {record.seq - 1} (removed or reordered)")
            recomputed = record_hash(record.prev_hash, record.seq, record.at, record.actor, record.action,
                                     record.subject, record.detail)
            if recomputed != record.hash:
                problems.append(f"record {record.seq}: content does not match its hash (edited)")
            if record.seq in wanted:
                held[record.seq] = record.hash
            expected_seq, prev = record.seq + 1, record.hash
    if head_seq != expected_seq - 1 or (head_seq and head_hash != prev):
        problems.append(f"the chain ends at record {expected_seq - 1} but its head says {head_seq} "
                        "(the newest records were removed or replaced)")
    for seq, anchor in sorted(wanted.items()):
        if held.get(seq) != anchor.hash:
            found = "is missing" if seq not in held else f"has hash {held[seq][:12]}..."
            problems.append(f"record {seq} {found}, not the anchored {anchor.hash[:12]}... (the chain was "
                            "rewritten or cut after the anchor was taken)")
    return Verification(count, tuple(problems))
