"""Monitoring: after a new list snapshot, screen only what changed against the whole customer base.

An asset freeze applies from publication, so a new designation must meet every customer at once, not
at the next batch. For each list whose snapshot in force differs from the one last screened:

- added and changed designations: the reverse index (screening/customer_index.py) finds the customers
  whose names could match them; each is then screened *forward*, exactly as a full screen would screen
  it, and only its matches on those designations are kept, so a delta alert has the score, explanation
  and snapshot a full screen would give it;
- removed designations: their open alerts are closed as "delisted".

A change of the matching code or algorithm (its name and the code version the index cache uses)
re-screens every customer, as does the first run on a store never monitored.

What was screened is kept in store_info "monitor": {"algorithm", "snapshots": {source: snapshot id}}.
It is written with the alerts, the closures and an audit record in one transaction at the end: a
killed process leaves the previous state and no alert, and the next run does the same work again
(raise_alerts does not raise twice for the same pair of versions).
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection as PipeEnd
from multiprocessing.process import BaseProcess
from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from hoarfrost.cases import audit
from hoarfrost.cases.alerts import OPEN_STATES, Hit, close_alerts, raise_alerts
from hoarfrost.errors import QueryError
from hoarfrost.matching.forms import NameForm
from hoarfrost.model import Customer, Schema
from hoarfrost.names.transliterate import warm_up
from hoarfrost.screening import customer_index as ci
from hoarfrost.screening.forward import forward_screener, screen_forms
from hoarfrost.screening.monitor_state import algorithm_version, monitor_state, save_monitor
from hoarfrost.screening.screener import Screener
from hoarfrost.store import Store
from hoarfrost.store import schema as t

log = logging.getLogger(__name__)

_PARALLEL_FROM = 400  # customers to screen forward before forking a second process pays
_EARLY_FORK_FROM = 50_000  # customers indexed: from here a delta has enough candidates to fork the workers early


@dataclass(frozen=True)
class SourceChange:
    source: str
    old_snapshot: int | None  # None: never screened
    new_snapshot: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"source": self.source, "old_snapshot": self.old_snapshot, "new_snapshot": self.new_snapshot,
                "added": len(self.added), "changed": len(self.changed), "removed": len(self.removed)}


@dataclass
class DeltaOutcome:
    sources: list[SourceChange] = field(default_factory=list)
    full_rescreen: bool = False
    customers_screened: int = 0
    raised: list[int] = field(default_factory=list)  # alert ids
    delisted: list[int] = field(default_factory=list)  # alert ids closed as delisted
    timings: dict[str, float] = field(default_factory=dict)  # seconds by phase
    hits: list[Hit] = field(default_factory=list)  # every match found on a changed designation, alerted or not

    def as_json(self) -> dict[str, Any]:
        return {"sources": [s.as_json() for s in self.sources], "full_rescreen": self.full_rescreen,
                "customers_screened": self.customers_screened, "raised": self.raised, "delisted": self.delisted}

    def summary(self) -> str:
        if not self.sources and not self.full_rescreen:
            return "monitoring: no list change to screen"
        how = "every customer re-screened (new algorithm)" if self.full_rescreen else "changes screened"
        return (f"monitoring: {how}: {self.customers_screened:,} customers screened, {len(self.raised):,} alerts "
                f"raised, {len(self.delisted):,} closed as delisted")


def has_customers(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(select(t.customers.c.customer_id).where(t.customers.c.deleted.is_(False))
                            .limit(1)).first() is not None


# -- what changed ---------------------------------------------------------------------------------


def list_changes(store: Store, monitored: dict[str, int]) -> list[SourceChange]:
    """Per list whose snapshot in force is not the one monitored: which designations came, changed, went."""
    changes = []
    for info in store.current_snapshots():
        old_id = monitored.get(info.source)
        if old_id == info.id:
            continue
        new = store.entity_hashes(info.id)
        old = store.entity_hashes(old_id) if old_id is not None else {}
        changes.append(SourceChange(
            info.source, old_id, info.id,
            added=tuple(sorted(new.keys() - old.keys())),
            changed=tuple(sorted(k for k in new.keys() & old.keys() if new[k] != old[k])),
            removed=tuple(sorted(old.keys() - new.keys())),
        ))
    return changes


# -- screening ------------------------------------------------------------------------------------


def screen_list_changes(store: Store, *, actor: str = "system", workers: int = 2) -> DeltaOutcome:
    """Screen what changed on the lists since the last run against every customer; store the alerts."""
    outcome = DeltaOutcome()
    clock = _Clock(outcome.timings)
    with store.engine.connect() as conn:
        state = monitor_state(conn)
    version = algorithm_version()
    snapshots = {info.source: info.id for info in store.current_snapshots()}
    outcome.full_rescreen = state is None or state.get("algorithm") != version
    monitored = {} if outcome.full_rescreen else dict(state["snapshots"]) if state else {}
    outcome.sources = list_changes(store, monitored)
    clock.lap("changes")
    if not outcome.sources and not outcome.full_rescreen:
        return outcome  # nothing new since the last run: nothing to screen, nothing to record
    hits: list[Hit] = []
    if has_customers(store) and (outcome.full_rescreen or any(c.added or c.changed for c in outcome.sources)):
        screener = Screener.from_store(store)
        clock.lap("list index")
        wanted = None if outcome.full_rescreen else {f"{c.source}:{i}" for c in outcome.sources
                                                     for i in c.added + c.changed}
        with _ForwardWorkers(screener, wanted, workers) as forward:
            forms_found: dict[str, tuple[int, ...]] | None = None
            if wanted is None:
                customers: Sequence[Customer] = list(ci.current_customers(store))
            else:
                customers, forms_found = _candidates(store, screener, wanted, clock, forward)
            hits = outcome.hits = forward.screen(customers, forms_found)
        outcome.customers_screened = len(customers)
        clock.lap("forward scoring")
    removed = {(c.source, source_id) for c in outcome.sources for source_id in c.removed}
    with store.writing() as conn:
        outcome.delisted = _close_delisted(conn, removed, actor)
        outcome.raised = raise_alerts(conn, hits, actor=actor)
        audit.append(conn, actor=actor, action="screening.delta", subject="lists", detail={
            "algorithm": version, "full_rescreen": outcome.full_rescreen,
            "sources": [c.as_json() for c in outcome.sources], "customers_screened": outcome.customers_screened,
            "raised": outcome.raised, "delisted": outcome.delisted})
        save_monitor(conn, {"algorithm": version, "snapshots": snapshots})
    clock.lap("write")
    log.info("%s", outcome.summary())
    return outcome


def _candidates(store: Store, screener: Screener, wanted: set[str], clock: _Clock,
                forward: _ForwardWorkers) -> tuple[list[Customer], dict[str, tuple[int, ...]]]:
    """The customers the reverse index finds for the listed forms of the wanted entities; each with the
    positions of the query forms found, which alone can meet a wanted entity (forward.screen_forms)."""
    list_index = screener.matcher.index
    index = ci.customer_index(store, list_index)
    clock.lap("customer index")
    if len(index.customer_ids) >= _EARLY_FORK_FROM:
        forward.start()  # the tables load there while retrieval runs here
    retrieval = ci.Retrieval(index, list_index)
    positions = {p for p, entity in enumerate(list_index.entities) if entity.id in wanted}
    listed = [(indexed.form, list_index.entities[indexed.entity].schema)
              for indexed in list_index.forms if indexed.entity in positions]
    split = forward.forking and len(index.customer_ids) >= _EARLY_FORK_FROM
    rows, places = retrieval.positions(_found_forms(retrieval, listed, split=split))
    forms_of: dict[str, list[int]] = {}
    for row, place in zip(rows.tolist(), places.tolist(), strict=True):
        forms_of.setdefault(index.customer_ids[row], []).append(place)
    clock.lap("retrieval")
    customers = list(ci.current_customers(store, forms_of))
    clock.lap("customers read")
    return customers, {customer_id: tuple(places) for customer_id, places in forms_of.items()}


def _found_forms(retrieval: ci.Retrieval, listed: list[tuple[NameForm, Schema]], *, split: bool) -> np.ndarray:
    """The customer query forms (sorted, distinct) that the listed forms find. With `split`, the second half
    is looked up in a forked process beside this one: the forward server loads its tables on the other core
    meanwhile, in less time than retrieval takes, so the two cores are busy instead of one."""
    if not split or len(listed) < 2:
        return _lookup(retrieval, listed)
    half = len(listed) // 2
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    helper = context.Process(target=_find_into, args=(theirs, retrieval, listed[half:]), name="hoarfrost-retrieval")
    helper.start()
    theirs.close()
    try:
        found = [_lookup(retrieval, listed[:half])]
        try:
            found.append(ours.recv())
        except EOFError:
            raise RuntimeError(f"the retrieval process ended (exit code {helper.exitcode})") from None
    finally:
        ours.close()
        helper.join()
    return np.unique(np.concatenate(found))


def _find_into(conn: PipeEnd, retrieval: ci.Retrieval, listed: list[tuple[NameForm, Schema]]) -> None:
    conn.send(_lookup(retrieval, listed))
    conn.close()


def _lookup(retrieval: ci.Retrieval, listed: list[tuple[NameForm, Schema]]) -> np.ndarray:
    found = [retrieval.forms(form, schema) for form, schema in listed]
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int32)


def refresh_customer_index(store: Store) -> None:
    """Bring the reverse index over customer names (`<store>.customers.index`) up to date with the
    customers and the lists in force: after a customer load, so that the next list change need not.
    Without lists there is nothing to index against yet: the first delta builds it."""
    if not has_customers(store) or not store.current_snapshots():
        return
    screener = Screener.from_store(store)
    ci.customer_index(store, screener.matcher.index)


# -- forward screening ----------------------------------------------------------------------------

_WORKER: tuple[Screener, set[str] | None] | None = None  # set in the parent before it forks
Item = tuple[Customer, tuple[int, ...] | None]  # a customer, and the positions of its query forms to screen


def _screen_one(item: Item) -> list[tuple[float, str, str, list[dict[str, Any]]]]:
    """(score, entity id, matched name, explanation) of a customer's matches on the wanted entities."""
    assert _WORKER is not None
    screener, wanted = _WORKER
    customer, forms = item
    try:
        query = ci.customer_query(customer)
    except QueryError:
        return []
    return [(match.score, match.entity.id, match.matched_name, match.explanation)
            for match in screen_forms(screener, query, forms) if wanted is None or match.entity.id in wanted]


class _ForwardWorkers:
    """Forward screening of customers as a full screen does, the matches on the wanted entities kept as hits;
    over `workers` forked processes when there are many (they share the list index copy-on-write).

    The transliteration tables load lazily and take seconds (warm_up); loaded before forking, the workers
    share them. With a large customer base that load need not wait for retrieval: `start` forks, before
    retrieval, one process that loads them and then forks the workers from itself; the parent meanwhile
    retrieves the candidates on the other core and hands them over. The tables are loaded once either way.
    """

    def __init__(self, screener: Screener, wanted: set[str] | None, workers: int) -> None:
        global _WORKER
        _WORKER = (forward_screener(screener, wanted), wanted)
        self.screener, self.wanted, self.workers = screener, wanted, workers
        self.forking = workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        self._server: tuple[BaseProcess, PipeEnd] | None = None

    def __enter__(self) -> _ForwardWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            process, conn = self._server
            self._server = None
            conn.close()  # the server, waiting for customers, meets the end of the pipe and stops
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()

    def start(self) -> None:
        """Fork the screening server now (its workers ready once the tables are loaded)."""
        if self.forking and self._server is None:
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, self.workers), name="hoarfrost-delta")
            process.start()
            theirs.close()
            self._server = (process, ours)

    def screen(self, customers: Sequence[Customer], forms_found: dict[str, tuple[int, ...]] | None = None) -> list[Hit]:
        """Each customer screened forward; on the query forms `forms_found` gives for it, when it gives any."""
        found = forms_found or {}
        results = self._results([(customer, found.get(customer.id)) for customer in customers])
        entities = {entity.id: entity for entity in self.screener.matcher.index.entities
                    if self.wanted is None or entity.id in self.wanted}
        algorithm = self.screener.algorithm
        return [Hit(customer, entities[entity_id], score, matched, explanation, algorithm)
                for customer, found in zip(customers, results, strict=True)
                for score, entity_id, matched, explanation in found]

    def _results(self, customers: Sequence[Item]) -> list[list[Any]]:
        """Each customer's results, in the order given. The workers get them by name: customers who share a
        name then fall to the same worker, which screens the name once (forward._KeptNamesMatcher)."""
        order = sorted(range(len(customers)), key=lambda i: customers[i][0].name)
        found = self._screened([customers[i] for i in order])
        results: list[list[Any]] = [[] for _ in customers]
        for position, result in zip(order, found, strict=True):
            results[position] = result
        return results

    def _screened(self, customers: Sequence[Item]) -> Iterable[list[Any]]:
        if len(customers) < _PARALLEL_FROM or not self.forking:
            return map(_screen_one, customers)
        if self._server is None:
            warm_up()  # once here, shared by the workers forked next
            with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                return pool.map(_screen_one, customers, chunksize=_chunk(len(customers), self.workers))
        process, conn = self._server
        conn.send(list(customers))
        try:
            results: list[list[Any]] = conn.recv()
        except EOFError:
            raise RuntimeError(f"the forward screening process ended (exit code {process.exitcode})") from None
        return results


def _chunk(count: int, workers: int) -> int:
    """Customers per task: large enough that the tasks cost little, small enough that the workers end together."""
    return max(16, min(1_000, count // (8 * workers)))


def _serve(conn: PipeEnd, workers: int) -> None:
    """The screening server (forked by _ForwardWorkers.start): load the tables, fork the workers from here so
    that they share them, then screen the customers the parent sends (None or a closed pipe: stop)."""
    warm_up()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        try:
            customers = conn.recv()
        except EOFError:
            return
        conn.send(pool.map(_screen_one, customers, chunksize=_chunk(len(customers), workers)))


# -- delisting ------------------------------------------------------------------------------------


def _close_delisted(conn: Connection, removed: set[tuple[str, str]], actor: str) -> list[int]:
    if not removed:
        return []
    a = t.alerts.c
    ids: list[int] = []
    by_source: dict[str, list[str]] = {}
    for source, source_id in removed:
        by_source.setdefault(source, []).append(source_id)
    for source, source_ids in by_source.items():
        for start in range(0, len(source_ids), 900):
            chunk = source_ids[start : start + 900]
            query = select(a.id).where(a.source == source, a.source_id.in_(chunk), a.state.in_(OPEN_STATES))
            ids.extend(conn.execute(query).scalars())
    ids.sort()
    close_alerts(conn, ids, "delisted", actor=actor, reason="the designation was removed from its list")
    return ids


class _Clock:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = self.timings.get(phase, 0.0) + now - self.last
        self.last = now
