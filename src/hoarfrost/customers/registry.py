"""The customer registry: every version of every customer kept, the current one marked, each change audited.

A load is applied in chunks of `CHUNK` customers, each in one write transaction holding the chunk's new
versions, the `customers` rows pointing at them, the history rows (`customer_changes`), one audit record
per changed customer and, when screening, the alerts and the audit record of the chunk's screening. A
killed load thus loses at most the chunk it was writing, never leaves half of one, and loading the same
file again carries on where it stopped (unchanged customers write nothing).

Choices:
- A customer id seen twice in one input: the first row counts, the later ones are skipped and reported
  (a file that says two things about one customer is a mistake to fix, not to guess at).
- Audit records name the customer (subject `customer:<id>`) and the version hash, never the name or date
  of birth: the hash binds the record to the exact content kept in `customer_versions`, and an audit
  export sent to a supervisor then carries no personal data it does not need.
- A deleted customer keeps its versions and history; if a later file holds it again, it is added again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import Connection, Table, bindparam, func, select

from hoarfrost.cases import audit
from hoarfrost.cases.alerts import OPEN_STATES, Hit, close_alerts, customer_hash
from hoarfrost.customers.files import CustomerRow, clean_customer, read_customer_file
from hoarfrost.errors import AlertNotFound, CaseError, CustomerFileError, QueryError
from hoarfrost.model import Customer, customer_from_json, customer_to_json
from hoarfrost.screening.customers import NO_LISTS, CustomerScreening
from hoarfrost.store import Store
from hoarfrost.store import schema as t

CHUNK = 10_000  # customers per transaction
MAX_REPORTED = 1_000  # skipped rows kept with their message; beyond, only counted
_IN_BATCH = 5_000  # ids per IN (...) query, well under SQLite's limit on bound parameters


@dataclass
class CustomerLoadOutcome:
    """What a load did. `skipped` holds the first `MAX_REPORTED` rows skipped; `skipped_count` counts them all."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: list[CustomerFileError] = field(default_factory=list)
    screened: int = 0  # customers screened (added, changed, or never screened before)
    alert_ids: list[int] = field(default_factory=list)
    skipped_count: int = 0
    not_screened: str | None = None  # why the customers were not screened, when they were not
    algorithm: str | None = None
    snapshots: dict[str, int] = field(default_factory=dict)  # source -> snapshot id screened against

    def skip(self, error: CustomerFileError) -> None:
        self.skipped_count += 1
        if len(self.skipped) < MAX_REPORTED:
            self.skipped.append(error)

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added, "changed": self.changed, "unchanged": self.unchanged,
            "skipped": self.skipped_count,
            "skipped_rows": [{"row": e.row, "problem": e.problem} for e in self.skipped],
            "screened": self.screened, "not_screened": self.not_screened, "alerts_raised": len(self.alert_ids),
            "alert_ids": self.alert_ids, "algorithm": self.algorithm, "snapshots": self.snapshots,
        }


@dataclass(frozen=True)
class CustomerRecord:
    customer: Customer
    hash: str
    deleted: bool
    changed_at: str

    def as_json(self) -> dict[str, Any]:
        return {"customer": customer_as_json(self.customer), "hash": self.hash, "deleted": self.deleted,
                "changed_at": self.changed_at}


@dataclass(frozen=True)
class CustomerChange:
    """One step of a customer's history: its version after an add or change, or the version deleted."""

    id: int
    change: str  # added | changed | deleted
    hash: str
    at: str
    customer: Customer

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "change": self.change, "hash": self.hash, "at": self.at,
                "customer": customer_as_json(self.customer)}


def customer_as_json(customer: Customer) -> dict[str, Any]:
    data: dict[str, Any] = msgspec.to_builtins(customer)
    data["extra"] = dict(customer.extra)
    return data


@dataclass(frozen=True)
class _State:
    """A customer's row in `customers`, as the chunk being written finds it."""

    hash: str
    deleted: bool
    screened_hash: str | None


# -- loading -----------------------------------------------------------------------------------------------


def upsert_customers(store: Store, customers: Iterable[Customer], *, actor: str, screen: bool = True,
                     progress: Callable[[int], None] | None = None,
                     screening: CustomerScreening | None = None) -> CustomerLoadOutcome:
    """Add or update customers given as objects (the API); one that cannot be screened is skipped and reported
    with its position (from 1), as a file's row would be. `progress` is told how many were written, per chunk.
    `screening`: how to screen them (the HTTP service passes its own screener), when `screen`."""
    return _load(store, _cleaned(customers), actor=actor, screen=screen, label="customers", progress=progress,
                 screening=screening)


def load_customer_file(store: Store, path: Path, *, actor: str, screen: bool = True,
                       progress: Callable[[int], None] | None = None) -> CustomerLoadOutcome:
    """Add or update the customers of a CSV, TSV, JSON-lines or Parquet file (see customers/files.py).

    A file that cannot be read at all raises CustomerFileError before anything is written. One that breaks
    further on (a Parquet row group damaged in the middle) raises it too, the chunks before kept: the
    message says so, and loading the mended file again writes only what is still missing."""
    rows = read_customer_file(path)
    try:
        return _load(store, rows, actor=actor, screen=screen, label=path.name, progress=progress)
    except CustomerFileError as exc:  # the file broke midway (read_customer_file checked its start)
        raise CustomerFileError(exc.file, f"{exc.problem}; the rows before it that loaded are kept") from None


def _cleaned(customers: Iterable[Customer]) -> Iterator[CustomerRow]:
    for row, customer in enumerate(customers, start=1):
        try:
            yield row, clean_customer(customer)
        except QueryError as exc:
            yield CustomerFileError("customers", str(exc), row=row)


def _load(store: Store, rows: Iterable[CustomerRow], *, actor: str, screen: bool, label: str,
          progress: Callable[[int], None] | None, screening: CustomerScreening | None = None) -> CustomerLoadOutcome:
    outcome = CustomerLoadOutcome()
    screening = (screening or CustomerScreening(store)) if screen else None
    if screening is None:
        outcome.not_screened = "screening was not asked for"
    elif not screening.available:
        outcome.not_screened, screening = NO_LISTS, None
    else:
        outcome.snapshots = dict(screening.snapshots)
    unique = _first_of_each_id(rows, outcome, label)
    while chunk := list(islice(unique, CHUNK)):
        _load_chunk(store, chunk, outcome, screening, actor=actor, label=label)
        if progress:
            progress(len(chunk))
    if screening is not None:
        outcome.algorithm = screening.algorithm if outcome.screened else None
        screening.note_monitor()
    return outcome


def _first_of_each_id(rows: Iterable[CustomerRow], outcome: CustomerLoadOutcome, label: str) -> Iterator[Customer]:
    """The loadable customers, each id once (the first row counts); the other rows go to `outcome.skipped`.
    The ids seen are held for the whole load: about 80 bytes each, 80 MB for a million customers."""
    seen: set[str] = set()
    for item in rows:
        if isinstance(item, CustomerFileError):
            outcome.skip(item)
            continue
        row, customer = item
        if customer.id in seen:
            outcome.skip(CustomerFileError(label, f"id '{customer.id}' is given again: "
                                           "an earlier row counts, this one is skipped", row=row))
            continue
        seen.add(customer.id)
        yield customer


def _load_chunk(store: Store, chunk: list[Customer], outcome: CustomerLoadOutcome,
                screening: CustomerScreening | None, *, actor: str, label: str) -> None:
    hashes = [customer_hash(customer) for customer in chunk]
    found: dict[str, list[Hit]] = {}
    if screening is not None:  # screened before the transaction, so the write lock is held briefly
        with store.engine.connect() as conn:
            before = _states(conn, [c.id for c in chunk])
        found = screening.matches(_to_screen(chunk, hashes, before))
    with store.writing() as conn:
        states = _states(conn, [c.id for c in chunk])
        need = _to_screen(chunk, hashes, states) if screening is not None else []
        if screening is not None:  # another writer may have changed a customer meanwhile: screen it too
            found.update(screening.matches([c for c in need if c.id not in found]))
        _write_changes(conn, chunk, hashes, states, outcome, actor=actor, label=label)
        if screening is not None:
            found = {c.id: found[c.id] for c in need}  # what this transaction holds as unscreened, no more
            outcome.alert_ids.extend(screening.record(conn, found, actor=actor, subject=f"customers:{label}"))
            digests = dict(zip((c.id for c in chunk), hashes, strict=True))
            _mark_screened(conn, [(c.id, digests[c.id]) for c in need])
            outcome.screened += len(need)


def _to_screen(chunk: list[Customer], hashes: list[str], states: dict[str, _State]) -> list[Customer]:
    """Customers whose version has not been screened yet: new, changed, re-added, or loaded unscreened."""
    return [customer for customer, digest in zip(chunk, hashes, strict=True)
            if (state := states.get(customer.id)) is None or state.deleted or state.screened_hash != digest]


def _write_changes(conn: Connection, chunk: list[Customer], hashes: list[str], states: dict[str, _State],
                   outcome: CustomerLoadOutcome, *, actor: str, label: str) -> None:
    now = _now()
    new_rows: list[dict[str, Any]] = []
    updated_rows: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    entries: list[tuple[str, str, str, dict[str, Any]]] = []
    versions: dict[str, Customer] = {}  # of customers the store has held before: the version may be there
    fresh: dict[str, Customer] = {}  # of customers new to the store: their versions cannot be there yet
    for customer, digest in zip(chunk, hashes, strict=True):
        state = states.get(customer.id)
        if state is not None and not state.deleted and state.hash == digest:
            outcome.unchanged += 1
            continue
        change = "changed" if state is not None and not state.deleted else "added"
        row = {"customer_id": customer.id, "hash": digest, "name": customer.name,
               "schema": str(customer.schema) if customer.schema else None, "deleted": False, "changed_at": now}
        (new_rows if state is None else updated_rows).append(row)
        (fresh if state is None else versions)[digest] = customer
        history.append({"customer_id": customer.id, "hash": digest, "change": change, "at": now})
        detail = {"hash": digest, "previous": state.hash if state else None, "file": label}
        entries.append((actor, "customer.add" if change == "added" else "customer.change", f"customer:{customer.id}",
                        detail))
        outcome.added += change == "added"
        outcome.changed += change == "changed"
    _insert_versions(conn, fresh, versions)
    _bulk_insert(conn, t.customers, new_rows)
    if updated_rows:
        _update_customers(conn, updated_rows)
    _bulk_insert(conn, t.customer_changes, history)
    audit.append_many(conn, entries)


def _insert_versions(conn: Connection, fresh: dict[str, Customer], versions: dict[str, Customer]) -> None:
    """The versions not stored yet: a customer changed back to an earlier version, or re-added unchanged,
    has its version already."""
    known: set[str] = set()
    digests = list(versions)
    for start in range(0, len(digests), _IN_BATCH):
        batch = digests[start : start + _IN_BATCH]
        known.update(conn.execute(select(t.customer_versions.c.hash).where(t.customer_versions.c.hash.in_(batch)))
                     .scalars())
    rows = [{"hash": digest, "customer_id": customer.id, "data": customer_to_json(customer)}
            for digest, customer in (*fresh.items(), *versions.items()) if digest not in known]
    _bulk_insert(conn, t.customer_versions, rows)


def _bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """An executemany of the insert Core compiles for the connection's dialect, handed to the driver with the
    values bound as parameters: SQLAlchemy's own per-row parameter processing was a sixth of the time of a
    million-customer load, and these values (text, bytes, ints, booleans) need none."""
    if not rows:
        return
    compiled = table.insert().compile(dialect=conn.dialect, column_keys=list(rows[0]))
    if not conn.dialect.positional or compiled.positiontup is None:
        conn.execute(table.insert(), rows)
        return
    order = compiled.positiontup
    conn.exec_driver_sql(str(compiled), [tuple(row[key] for key in order) for row in rows])


def _update_customers(conn: Connection, rows: list[dict[str, Any]]) -> None:
    c = t.customers.c
    statement = t.customers.update().where(c.customer_id == bindparam("b_id")).values(
        hash=bindparam("b_hash"), name=bindparam("b_name"), schema=bindparam("b_schema"), deleted=False,
        changed_at=bindparam("b_at"))
    conn.execute(statement, [{"b_id": r["customer_id"], "b_hash": r["hash"], "b_name": r["name"],
                              "b_schema": r["schema"], "b_at": r["changed_at"]} for r in rows])


def _mark_screened(conn: Connection, screened: Sequence[tuple[str, str]]) -> None:
    if screened:
        statement = t.customers.update().where(t.customers.c.customer_id == bindparam("b_id")).values(
            screened_hash=bindparam("b_hash"))
        conn.execute(statement, [{"b_id": customer_id, "b_hash": digest} for customer_id, digest in screened])


def _states(conn: Connection, ids: Sequence[str]) -> dict[str, _State]:
    c = t.customers.c
    states: dict[str, _State] = {}
    for start in range(0, len(ids), _IN_BATCH):
        query = select(c.customer_id, c.hash, c.deleted, c.screened_hash).where(
            c.customer_id.in_(ids[start : start + _IN_BATCH]))
        states.update((row.customer_id, _State(row.hash, bool(row.deleted), row.screened_hash))
                      for row in conn.execute(query))
    return states


# -- deleting ----------------------------------------------------------------------------------------------


def delete_customers(store: Store, ids: Iterable[str], *, actor: str, reason: str) -> int:
    """Mark customers deleted (their versions and history stay) and close their open alerts as
    "customer_deleted", in one transaction; how many were deleted (those deleted already are not counted).
    An unknown id deletes nothing: AlertNotFound names it."""
    wanted = list(dict.fromkeys(ids))
    if not reason or not reason.strip():
        raise CaseError("a reason is needed to delete customers")
    with store.writing() as conn:
        states = _states(conn, wanted)
        unknown = [customer_id for customer_id in wanted if customer_id not in states]
        if unknown:
            more = f" (and {len(unknown) - 1} other unknown ids)" if len(unknown) > 1 else ""
            raise AlertNotFound(f"no customer '{unknown[0]}' in the store{more}: nothing was deleted")
        live = [customer_id for customer_id in wanted if not states[customer_id].deleted]
        _write_deletions(conn, live, states, actor=actor, reason=reason.strip())
    return len(live)


def _write_deletions(conn: Connection, ids: list[str], states: dict[str, _State], *, actor: str, reason: str
                     ) -> None:
    if not ids:
        return
    now = _now()
    c = t.customers.c
    conn.execute(t.customers.update().where(c.customer_id == bindparam("b_id")).values(deleted=True, changed_at=now),
                 [{"b_id": customer_id} for customer_id in ids])
    conn.execute(t.customer_changes.insert(), [
        {"customer_id": customer_id, "hash": states[customer_id].hash, "change": "deleted", "at": now}
        for customer_id in ids])
    audit.append_many(conn, ((actor, "customer.delete", f"customer:{customer_id}",
                              {"hash": states[customer_id].hash, "reason": reason}) for customer_id in ids))
    a = t.alerts.c
    open_alerts: list[int] = []
    for start in range(0, len(ids), _IN_BATCH):
        query = select(a.id).where(a.customer_id.in_(ids[start : start + _IN_BATCH]), a.state.in_(OPEN_STATES))
        open_alerts.extend(conn.execute(query.order_by(a.id)).scalars())
    close_alerts(conn, open_alerts, "customer_deleted", actor=actor, reason=reason)


# -- reading -----------------------------------------------------------------------------------------------


def get_customer(store: Store, customer_id: str) -> CustomerRecord:
    """The customer's current version (the one deleted, for a deleted customer); AlertNotFound if unknown."""
    with store.engine.connect() as conn:
        row = conn.execute(_records_query().where(t.customers.c.customer_id == customer_id)).first()
    if row is None:
        raise AlertNotFound(f"no customer '{customer_id}' in the store")
    return _record(row)


def list_customers(store: Store, *, limit: int = 100, offset: int = 0, include_deleted: bool = False
                   ) -> list[CustomerRecord]:
    """A page of customers in id order."""
    query = _records_query().order_by(t.customers.c.customer_id).limit(limit).offset(offset)
    if not include_deleted:
        query = query.where(t.customers.c.deleted.is_(False))
    with store.engine.connect() as conn:
        return [_record(row) for row in conn.execute(query)]


def count_customers(store: Store) -> tuple[int, int]:
    """(current, deleted) customers."""
    query = select(t.customers.c.deleted, func.count()).group_by(t.customers.c.deleted)
    with store.engine.connect() as conn:
        counts = {bool(deleted): count for deleted, count in conn.execute(query)}
    return counts.get(False, 0), counts.get(True, 0)


def customer_history(store: Store, customer_id: str) -> list[CustomerChange]:
    """Every add, change and deletion of the customer, oldest first; AlertNotFound if it never existed."""
    h, v = t.customer_changes.c, t.customer_versions.c
    query = (select(h.id, h.change, h.hash, h.at, v.data).join(t.customer_versions, v.hash == h.hash)
             .where(h.customer_id == customer_id).order_by(h.id))
    with store.engine.connect() as conn:
        changes = [CustomerChange(row.id, row.change, row.hash, row.at, customer_from_json(row.data))
                   for row in conn.execute(query)]
    if not changes:
        raise AlertNotFound(f"no customer '{customer_id}' in the store")
    return changes


def current_customers(store: Store) -> Iterator[tuple[Customer, str]]:
    """Every customer not deleted, with its version hash, in id order; streamed, not held."""
    c, v = t.customers.c, t.customer_versions.c
    query = (select(v.data, c.hash).join(t.customer_versions, v.hash == c.hash)
             .where(c.deleted.is_(False)).order_by(c.customer_id))
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            yield customer_from_json(row.data), row.hash


def _records_query() -> Any:
    c, v = t.customers.c, t.customer_versions.c
    return select(v.data, c.hash, c.deleted, c.changed_at).join(t.customer_versions, v.hash == c.hash)


def _record(row: Any) -> CustomerRecord:
    return CustomerRecord(customer_from_json(row.data), row.hash, bool(row.deleted), row.changed_at)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
