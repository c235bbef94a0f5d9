"""Alerts made the real way for the cases tests: a customer row and version in the store, the customer screened
by a real Screener over the UN list, the hit recorded by cases.alerts.raise_alerts.

The customers helper's registry is not on main yet, so the customer rows are written here, as the schema
says (customer_versions keyed by the hash of model.customer_to_json, customers pointing at the current one).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from hoarfrost.cases.alerts import Hit, customer_hash, raise_alerts
from hoarfrost.model import Customer, Entity, Schema, customer_to_json
from hoarfrost.screening.screener import Screener, make_query
from hoarfrost.store import Store
from hoarfrost.store import schema as t


@dataclass
class Screened:
    """The session's UN store (never written after setup), its screener, and listed persons to borrow names from."""

    path: Path
    screener: Screener
    persons: list[Entity]


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite store (WAL included), through SQLite's backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def put_customer(store: Store, customer: Customer) -> str:
    """Make `customer` the current version of its id (a new version row if new); its version hash."""
    digest = customer_hash(customer)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.writing() as conn:
        if conn.execute(select(t.customer_versions.c.hash).where(t.customer_versions.c.hash == digest)).first() is None:
            conn.execute(t.customer_versions.insert().values(hash=digest, customer_id=customer.id,
                                                             data=customer_to_json(customer)))
        row = {"hash": digest, "name": customer.name, "schema": customer.schema, "deleted": False, "changed_at": now}
        updated = conn.execute(t.customers.update().where(t.customers.c.customer_id == customer.id).values(**row))
        if updated.rowcount == 0:
            conn.execute(t.customers.insert().values(customer_id=customer.id, **row))
    return digest


def screen_customer(store: Store, screener: Screener, customer: Customer, *, actor: str = "system") -> list[int]:
    """Screen the customer as it is now and raise an alert for its best match; the alert ids raised."""
    put_customer(store, customer)
    query = make_query(customer.name, str(customer.schema) if customer.schema else None, customer.dob,
                       customer.country)
    matches = screener.screen(query)
    assert matches, f"{customer.name!r} meets nothing on the UN list"
    best = matches[0]
    hit = Hit(customer, best.entity, best.score, best.matched_name, best.explanation, screener.algorithm)
    with store.writing() as conn:
        return raise_alerts(conn, [hit], actor=actor)


def customer_like(entity: Entity, customer_id: str, **changes: str) -> Customer:
    """A customer bearing the listed person's name, birth date and nationality (so the screening meets that entry)."""
    dob = entity.birth_dates[0].date.iso if entity.birth_dates and not entity.birth_dates[0].until else None
    fields: dict[str, str | None] = {"dob": dob, "country": next(iter(entity.nationalities), None), **changes}
    return Customer(id=customer_id, name=fields.pop("name", None) or entity.caption, schema=Schema.PERSON, **fields)


class Cases:
    """Fresh customers and their alerts in one store; every customer id is new, so tests sharing a store
    do not meet each other's alerts."""

    _ids = 0

    def __init__(self, store: Store, screened: Screened) -> None:
        self.store = store
        self.screened = screened

    def new_customer(self, person: int = 0, **changes: str) -> Customer:
        Cases._ids += 1
        return customer_like(self.screened.persons[person], f"C-{Cases._ids:05d}", **changes)

    def screen(self, customer: Customer) -> list[int]:
        return screen_customer(self.store, self.screened.screener, customer)

    def alert(self, person: int = 0, **changes: str) -> int:
        """The id of the one alert a new customer bearing a listed person's name raises."""
        raised = self.screen(self.new_customer(person, **changes))
        assert len(raised) == 1
        return raised[0]
