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
from hoarfrost.screening.forward import forward_screener, may_match, screen_forms
from hoarfrost.screening.monitor_state import algorithm_version, monitor_state, save_monitor
from hoarfrost.screening.regions import map_by_regions
from hoarfrost.screening.screener import Screener
from hoarfrost.store import Store
from hoarfrost.store import schema as t

log = logging.getLogger(__name__)

_PARALLEL_FROM = 400  # customers to screen forward before forking a second process pays
_SPLIT_RETRIEVAL_FROM = 50_000  # customers indexed: from here retrieval is split over two processes


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
        screener = Screener.from_store(store, lazy=not outcome.full_rescreen)  # a full rescreen meets every entry
        clock.lap("list index")
        if outcome.full_rescreen:
            everyone: list[Item] = [(customer, None, None) for customer in ci.current_customers(store)]
            screened, hits = _ForwardWorkers(screener, None, workers, store).screen(everyone)
        else:
            wanted = {f"{c.source}:{i}" for c in outcome.sources for i in c.added + c.changed}
            index, found = _candidates(store, screener, wanted, clock, split=workers > 1)
            screened, hits = _ForwardWorkers(screener, wanted, workers, store, index).screen(found)
        outcome.hits = hits
        outcome.customers_screened = screened
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
                *, split: bool) -> tuple[ci.CustomerIndex, list[Item]]:
    """The customers the reverse index finds for the listed forms of the wanted entities, by id (the forward
    workers read them); each with its row in the index (which keeps its query forms) and the positions of
    the query forms found, which alone can meet a wanted entity (forward.screen_forms)."""
    list_index = screener.matcher.index
    index = ci.customer_index(store, list_index)
    clock.lap("customer index")
    retrieval = ci.Retrieval(index, list_index)
    positions = np.fromiter(list_index.positions_of(wanted), dtype=np.int32)
    listed = [(indexed.form, list_index.entities[indexed.entity].schema)  # only these entries are decoded
              for indexed in map(list_index.forms.__getitem__,
                                 np.flatnonzero(np.isin(list_index.form_entities, positions)).tolist())]
    split = split and _forking() and len(index.customer_ids) >= _SPLIT_RETRIEVAL_FROM
    rows, places = retrieval.positions(_found_forms(retrieval, listed, split=split))
    forms_of: dict[str, tuple[int, list[int]]] = {}
    for row, place in zip(rows.tolist(), places.tolist(), strict=True):
        forms_of.setdefault(index.customer_ids[row], (row, []))[1].append(place)
    clock.lap("retrieval")
    return index, [(customer_id, row, tuple(places)) for customer_id, (row, places) in forms_of.items()]


def _found_forms(retrieval: ci.Retrieval, listed: list[tuple[NameForm, Schema]], *, split: bool) -> np.ndarray:
    """The customer query forms (sorted, distinct) that the listed forms find. With `split`, the second half
    is looked up in a forked process beside this one, so that both cores work."""
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

# A customer to screen in full (a full rescreen: row and positions None), or the id of one the reverse index
# found, with its row there (which keeps its name and query forms) and the positions of the forms found.
Item = tuple[Customer | str, int | None, tuple[int, ...] | None]
Result = tuple[float, str, str, list[dict[str, Any]]]  # score, entity id, matched name, explanation
_WORKER: tuple[Screener, set[str] | None, ci.CustomerIndex | None, Store] | None = None  # set before forking


def _screen_chunk(items: list[Item]) -> tuple[int, list[tuple[Customer, list[Result]]]]:
    """How many of the customers were screened, and each with matches on the wanted entities, with them.

    A customer found through the reverse index is first screened on the name and forms the index keeps for
    it: only if that name comes near a wanted entry (forward.may_match; about one in five) is the customer
    read, for its date of birth, country and identifiers. Those are read here, a chunk at a time, the forked
    workers beside one another. (One deleted since the index was built is then not screened; one whose name
    meets nothing counts as screened on the index's word.)"""
    assert _WORKER is not None
    screener, wanted, index, store = _WORKER
    screened, near = 0, []
    forms_of: dict[str, tuple[NameForm, ...]] = {}  # of the customers to read, by id
    for who, row, positions in items:
        if isinstance(who, str):
            assert index is not None and row is not None and positions is not None  # see _candidates
            forms = index.query_forms(row)
            if not may_match(screener, index.customer_names[row], index.schema(row), positions, forms):
                screened += 1
                continue
            forms_of[who] = forms
        near.append((who, positions))
    read = {customer.id: customer for customer in ci.current_customers(store, list(forms_of))} if forms_of else {}
    matched = []
    for who, positions in near:
        customer = read.get(who) if isinstance(who, str) else who
        if customer is None:
            continue
        screened += 1
        results = _screen_one(screener, wanted, customer, forms_of.get(who) if isinstance(who, str) else None,
                              positions)
        if results:
            matched.append((customer, results))
    return screened, matched


def _screen_one(screener: Screener, wanted: set[str] | None, customer: Customer, forms: tuple[NameForm, ...] | None,
                positions: tuple[int, ...] | None) -> list[Result]:
    """A customer's matches on the wanted entities (all when None)."""
    try:
        query = ci.customer_query(customer)
    except QueryError:
        return []
    return [(match.score, match.entity.id, match.matched_name, match.explanation)
            for match in screen_forms(screener, query, positions, forms) if wanted is None or match.entity.id in wanted]


def _forked_worker() -> None:
    """A forked worker's own connections to the store: those of the parent's pool are the parent's."""
    assert _WORKER is not None
    _WORKER[3].engine.dispose(close=False)


def _forking() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class _ForwardWorkers:
    """Forward screening of customers as a full screen does, the matches on the wanted entities kept as hits;
    over `workers` forked processes when there are many (they share the list index and the customer index
    copy-on-write).

    Customers found through the reverse index are screened on the query forms it keeps: no readings to
    compute, no transliteration tables to load. Others (a full rescreen) need those tables, which load
    lazily and take seconds: loaded once before forking (warm_up), the workers share them.
    """

    def __init__(self, screener: Screener, wanted: set[str] | None, workers: int, store: Store,
                 index: ci.CustomerIndex | None = None) -> None:
        global _WORKER
        _WORKER = (forward_screener(screener, wanted), wanted, index, store)
        self.screener, self.wanted, self.workers, self.index = screener, wanted, workers, index

    def screen(self, items: Sequence[Item]) -> tuple[int, list[Hit]]:
        """How many customers were screened, and their hits, customer by customer in id order."""
        size = _chunk(len(items), self.workers)
        ordered = self._ordered(items)
        done = list(self._map([ordered[start : start + size] for start in range(0, len(ordered), size)]))
        listed = self.screener.matcher.index
        positions = range(len(listed.entities)) if self.wanted is None else listed.positions_of(self.wanted)
        entities = {listed.entity_ids[p]: listed.entities[p] for p in positions}
        algorithm = self.screener.algorithm
        matched = sorted((pair for _, pairs in done for pair in pairs), key=lambda pair: pair[0].id)
        return sum(count for count, _ in done), [
            Hit(customer, entities[entity_id], score, name, explanation, algorithm)
            for customer, results in matched for score, entity_id, name, explanation in results]

    def _ordered(self, items: Sequence[Item]) -> list[Item]:
        """The customers in name order: those who share a name then fall to the same worker, which screens
        the name once (forward._KeptNamesMatcher). Customers given by id are ordered by the first two
        tokens of their first query form, as the index keeps them (their names are not read yet)."""
        if not any(isinstance(who, str) for who, _, _ in items) or self.index is None:
            return sorted(items, key=lambda item: item[0].name if isinstance(item[0], Customer) else "")
        rows = np.asarray([-1 if row is None else row for _, row, _ in items], dtype=np.int64)
        first, second = self.index.leading_units(rows)
        return [items[i] for i in np.lexsort((rows, second, first)).tolist()]

    def _map(self, chunks: list[list[Item]]) -> Iterable[tuple[int, list[tuple[Customer, list[Result]]]]]:
        if sum(map(len, chunks)) < _PARALLEL_FROM or self.workers <= 1 or not _forking():
            return map(_screen_chunk, chunks)
        if any(row is None for chunk in chunks for _, row, _ in chunk):
            warm_up()  # once here, shared by the workers forked next
        return map_by_regions(_screen_chunk, chunks, self.workers, _forked_worker)


def _chunk(count: int, workers: int) -> int:
    """Customers per task: large enough that the tasks cost little, small enough that the workers end together
    (at a million customers, tasks of 1,000 left one worker alone for the last few tenths of a second)."""
    return max(16, min(250, count // (8 * workers)))


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
