"""Screening customers as they are loaded: each new or changed customer version once, against the lists in force.

The customer registry (customers/registry.py) asks for the matches of a chunk of customers before it
opens the chunk's write transaction (screening ten thousand names takes seconds; the write lock should
not be held that long), then records them inside it: the alerts (`cases.alerts.raise_alerts`) and one
audit record of the screening commit with the customer versions they belong to, so a killed load never
leaves a customer stored but unscreened.

The screener is built once per load, and only when something needs screening. A store without lists
loads customers unscreened and says so (`NO_LISTS`): they are screened by the next load that can.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select

from hoarfrost.cases import audit
from hoarfrost.cases.alerts import Hit, raise_alerts
from hoarfrost.model import Customer, Entity
from hoarfrost.screening.batch import screen_many
from hoarfrost.screening.monitor_state import algorithm_version, monitor_state, save_monitor
from hoarfrost.screening.screener import Query, Screener
from hoarfrost.store import Store
from hoarfrost.store import schema as t

NO_LISTS = "no lists in the store: customers were not screened (load a list, then load the customers again)"
PARALLEL_FROM = 500  # fewer customers than this are screened in-process: forking workers would cost more


Run = Callable[[Callable[[], list[list[dict[str, Any]]]]], list[list[dict[str, Any]]]]


def _here(work: Callable[[], list[list[dict[str, Any]]]]) -> list[list[dict[str, Any]]]:
    return work()


class CustomerScreening:
    """The screening of one load: the lists in force when it began, and the screener over them, built lazily."""

    def __init__(self, store: Store, *, workers: int | None = None, screener: Screener | None = None,
                 snapshots: dict[str, int] | None = None, run: Run = _here) -> None:
        """`screener` (with the `snapshots` it was built over) and `run`: the HTTP service's screener, and how to
        screen on the thread that owns it; without them a screener is built for the load when first needed.
        Loading one costs about half a second, a long wait for an API call that adds one customer."""
        self.store = store
        self.workers = workers
        self.snapshots = dict(snapshots) if snapshots is not None else {
            info.source: info.id for info in store.current_snapshots()}
        self._screener: Screener | None = None
        self._entities: dict[str, Entity] = {}
        self._run = run
        if screener is not None:
            self._use(screener)

    @property
    def available(self) -> bool:
        return bool(self.snapshots)

    @property
    def algorithm(self) -> str:
        return self.screener().algorithm

    def screener(self) -> Screener:
        if self._screener is None:
            self._use(Screener.from_store(self.store))
        assert self._screener is not None
        return self._screener

    def _use(self, screener: Screener) -> None:
        self._screener = screener
        self._entities = {entity.id: self._stamped(entity) for entity in screener.matcher.index.entities}

    def _stamped(self, entity: Entity) -> Entity:
        """The entity with the snapshot it was read from, as an alert must name it."""
        if entity.snapshot_id is None:
            return replace(entity, snapshot_id=self.snapshots[entity.source])
        return entity

    def matches(self, customers: Sequence[Customer]) -> dict[str, list[Hit]]:
        """Customer id -> its hits (empty when nothing matched), for every customer given."""
        if not customers:
            return {}
        screener = self.screener()
        queries = (Query(c.name, c.schema, c.dob, c.country, c.identifiers) for c in customers)
        workers = 1 if len(customers) < PARALLEL_FROM else self.workers
        results = self._run(lambda: list(screen_many(screener, queries, workers=workers)))
        return {customer.id: [self._hit(customer, match) for match in found]
                for customer, found in zip(customers, results, strict=True)}

    def _hit(self, customer: Customer, match: dict[str, Any]) -> Hit:
        return Hit(customer, self._entities[match["entity_id"]], match["score"], match["matched_name"],
                   match["explanation"], self.screener().algorithm)

    def record(self, conn: Connection, found: dict[str, list[Hit]], *, actor: str, subject: str) -> list[int]:
        """Raise the alerts of screened customers and audit the screening, in the caller's write transaction."""
        if not found:
            return []
        alert_ids = raise_alerts(conn, [hit for hits in found.values() for hit in hits], actor=actor)
        audit.append(conn, actor=actor, action="screening", subject=subject, detail={
            "customers": len(found), "with_matches": sum(1 for hits in found.values() if hits),
            "matches": sum(len(hits) for hits in found.values()), "alerts_raised": len(alert_ids),
            "algorithm": self.screener().algorithm, "snapshots": self.snapshots,
        })
        return alert_ids

    def note_monitor(self) -> None:
        """After every current customer has been screened: if the store does not yet say which algorithm and
        snapshots the customer base was screened under, say so (delta screening reads it). Never changes it."""
        if self._screener is None:
            return
        state = {"algorithm": algorithm_version(self._screener.algorithm), "snapshots": self.snapshots}
        c = t.customers.c
        unscreened = select(c.customer_id).where(
            c.deleted.is_(False), (c.screened_hash.is_(None)) | (c.screened_hash != c.hash)).limit(1)
        with self.store.writing() as conn:
            if monitor_state(conn) is None and conn.execute(unscreened).first() is None:
                save_monitor(conn, state)
