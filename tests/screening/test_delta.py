"""Delta screening on a real list change (UN 2024-11-30 -> 2026-02-27) against a few hundred customers:
names of added and changed designations planted with small variations among ordinary names.

The delta must find exactly what a full forward screen of every customer finds on the changed
designations, with the same scores; removed designations close their alerts as delisted; a new
algorithm version re-screens everyone; a second run finds nothing to do.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from hoarfrost.cases import audit
from hoarfrost.cases.alerts import Hit, close_alerts, customer_hash, raise_alerts
from hoarfrost.ingest import load_list
from hoarfrost.matching.forms import query_forms
from hoarfrost.model import Customer, Entity, NameKind, Schema, customer_to_json
from hoarfrost.screening import customer_index as ci
from hoarfrost.screening import delta, monitor_state
from hoarfrost.screening.screener import Screener
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list
from hoarfrost.store import Store
from hoarfrost.store import schema as t
from tests.helpers import run_cli

UN_OLD = "un_sc_consolidated/2024-11-30/consolidated.xml"
UN_NEW = "un_sc_consolidated/2026-02-27/UN_consolidated.xml"
GIVEN = ["Anna", "Peter", "Maria", "Jose", "Chen", "Aisha", "Olga", "Kwame", "Hiroshi", "Fatima", "Lars", "Priya",
         "Dmitri", "Sofia", "Tomasz", "Amara", "Luis", "Ingrid"]
FAMILY = ["Schmidt", "Garcia", "Novak", "Okafor", "Larsen", "Tanaka", "Kowalski", "Silva", "Moreau", "Jensen",
          "Rossi", "Haddad", "Petrov", "Nguyen", "Fischer"]


def insert_customers(store: Store, customers: list[Customer]) -> None:
    """A stand-in for the customers registry (customers/registry.py): its three tables, written directly."""
    with store.writing() as conn:
        for customer in customers:
            data, digest = customer_to_json(customer), customer_hash(customer)
            conn.execute(t.customer_versions.insert().values(hash=digest, customer_id=customer.id, data=data))
            conn.execute(t.customers.insert().values(customer_id=customer.id, hash=digest, name=customer.name,
                                                     schema=customer.schema, deleted=False, changed_at="2026-01-01"))
            conn.execute(t.customer_changes.insert().values(customer_id=customer.id, hash=digest, change="added",
                                                            at="2026-01-01"))


def entity_hash(entity: Entity) -> str:
    from hoarfrost.model import entity_to_json

    return hashlib.sha256(entity_to_json(entity)).hexdigest()


def read(path: Path) -> dict[str, Entity]:
    return {e.source_id: e for e in open_list([path], ReadReport()).entities()}


def variant(name: str, step: int) -> str:
    """A small variation, as a bank's record of the same person may show: a letter dropped from the
    longest word, the words in another order, or the name as is."""
    words = name.split()
    if step % 3 == 0 and len(words) > 1:
        return " ".join(words[1:] + words[:1])
    if step % 3 == 1:
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        word = words[longest]
        if len(word) > 5:
            words[longest] = word[:3] + word[4:]
        return " ".join(words)
    return name


def planted(data_dir: Path) -> tuple[list[Customer], list[str]]:
    """Customers bearing names of added and changed designations (picked from the 2026 file), of removed
    ones, and ordinary names; and the source ids of the removed designations planted."""
    old, new = read(data_dir / UN_OLD), read(data_dir / UN_NEW)
    moved = sorted(k for k in new if k not in old or entity_hash(old[k]) != entity_hash(new[k]))
    removed = sorted(old.keys() - new.keys())
    customers = []
    for step, source_id in enumerate(moved[::4][:60]):
        entity = new[source_id]
        names = [n for n in entity.names if n.kind is not NameKind.WEAK_ALIAS] or list(entity.names)
        name = names[step % len(names)].value
        schema = entity.schema if step % 2 else None
        dob = entity.birth_dates[0].date.iso if entity.birth_dates and step % 5 == 0 else None
        customers.append(Customer(f"P{step:03d}", variant(name, step), schema, dob))
    for step, source_id in enumerate(removed[:6]):
        customers.append(Customer(f"R{step:03d}", old[source_id].caption, old[source_id].schema))
    for step, (given, family) in enumerate(itertools.islice(itertools.product(GIVEN, FAMILY), 240)):
        schema = Schema.PERSON if step % 3 else None
        customers.append(Customer(f"C{step:03d}", f"{given} {family}", schema, country="de" if step % 7 == 0 else None))
    return customers, removed[:6]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> dict[str, object]:
    """The store before the change (customers screened, monitored) and after it (delta screened)."""
    folder = tmp_path_factory.mktemp("delta")
    path = folder / "store.db"
    store = Store.open(path)
    load_list(store, [data_dir / UN_OLD])
    customers, removed = planted(data_dir)
    insert_customers(store, customers)
    delta.refresh_customer_index(store)  # under the 2024 weights: the delta meets them moved (drifted forms)
    first = delta.screen_list_changes(store, actor="test")
    before = folder / "before.db"
    store.close()
    shutil.copy(path, before)
    store = Store.open(path)
    load_list(store, [data_dir / UN_NEW])
    second = delta.screen_list_changes(store, actor="test")
    store.close()
    return {"path": path, "before": before, "customers": customers, "removed": removed, "first": first,
            "second": second}


def test_first_run_screens_every_customer(world: dict[str, object]) -> None:
    first = world["first"]
    assert isinstance(first, delta.DeltaOutcome)
    assert first.full_rescreen and first.customers_screened == len(world["customers"])  # type: ignore[arg-type]
    assert first.raised, "the planted names of the 2024 list raise alerts"


def test_delta_equals_a_full_screen_on_the_changed_designations(world: dict[str, object], data_dir: Path) -> None:
    second = world["second"]
    assert isinstance(second, delta.DeltaOutcome)
    assert not second.full_rescreen
    [change] = second.sources
    old, new = read(data_dir / UN_OLD), read(data_dir / UN_NEW)
    assert set(change.added) == new.keys() - old.keys() and set(change.removed) == old.keys() - new.keys()
    assert len(change.changed) > 50
    wanted = {f"un_sc:{i}" for i in change.added + change.changed}
    store = Store.open(world["path"])  # type: ignore[arg-type]
    screener = Screener.from_store(store)
    expected = set()
    for customer in world["customers"]:  # type: ignore[attr-defined]
        for match in screener.screen(ci.customer_query(customer)):
            if match.entity.id in wanted:
                expected.add((customer.id, match.entity.id, round(match.score, 9), match.matched_name))
    found = {(h.customer.id, h.entity.id, round(h.score, 9), h.matched_name) for h in second.hits}
    assert found == expected
    planted_found = {cid for cid, *_ in found if cid.startswith("P")}
    assert len(planted_found) >= 30, planted_found
    assert second.customers_screened < len(world["customers"]) / 2  # type: ignore[arg-type]
    store.close()


def test_removed_designations_close_their_alerts_as_delisted(world: dict[str, object]) -> None:
    second = world["second"]
    assert isinstance(second, delta.DeltaOutcome)
    store = Store.open(world["path"])  # type: ignore[arg-type]
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.alerts.c.id, t.alerts.c.source_id, t.alerts.c.state, t.alerts.c.resolution)
                            .where(t.alerts.c.source_id.in_(world["removed"]))).all()  # type: ignore[arg-type]
    assert rows and sorted(r.id for r in rows) == second.delisted
    assert all(r.state == "closed" and r.resolution == "delisted" for r in rows)
    records = [r for r in audit.records(store) if r.action == "screening.delta"]
    assert len(records) == 2 and audit.verify(store).ok
    store.close()


@pytest.mark.parametrize("stale", [False, True])
def test_every_matching_customer_is_retrieved(world: dict[str, object], stale: bool) -> None:
    """Recall of the reverse index alone, on every entry of the list (not only the changed ones); also when
    no position of any form is marked rare any more, as if every weight had moved (all forms drifted).

    Per query form, not only per customer: every listed form among the forward candidates of a customer's
    query form finds that very query form, since the delta ranks candidates for the forms found only."""
    store = Store.open(world["path"])  # type: ignore[arg-type]
    screener = Screener.from_store(store)
    list_index = screener.matcher.index
    index = ci.customer_index(store, list_index)
    if stale:
        index = replace(index, form_rare=np.zeros_like(index.form_rare), rare_starts=np.zeros_like(index.rare_starts),
                        rare_forms=index.rare_forms[:0])
    retrieval = ci.Retrieval(index, list_index)
    assert (retrieval.drifted_count == index.form_count) is stale
    found_by = [set(retrieval.forms(indexed.form, list_index.entities[indexed.entity].schema).tolist())
                for indexed in list_index.forms]
    retrieved: dict[int, set[str]] = {}
    for listed, found in enumerate(found_by):
        rows, _ = retrieval.positions(np.asarray(sorted(found), dtype=np.int64))
        customers = retrieved.setdefault(list_index.forms[listed].entity, set())
        customers.update(index.customer_ids[r] for r in rows.tolist())
    row_of = {customer_id: row for row, customer_id in enumerate(index.customer_ids)}
    first_form = np.searchsorted(index.form_customer, np.arange(len(index.customer_ids)))
    pairs = 0
    for customer in world["customers"]:  # type: ignore[attr-defined]
        query = ci.customer_query(customer)
        for place, form in enumerate(query_forms(query.name, person=query.schema is Schema.PERSON)):
            for listed in list_index.candidates(form, query.schema):
                pairs += 1
                assert int(first_form[row_of[customer.id]]) + place in found_by[listed], (customer.id, form, listed)
    position = {entity.id: p for p, entity in enumerate(list_index.entities)}
    matched = 0
    for customer in world["customers"]:  # type: ignore[attr-defined]
        for match in screener.screen(ci.customer_query(customer)):
            matched += 1
            assert customer.id in retrieved[position[match.entity.id]], (customer.id, match.entity.id)
    assert matched >= 40 and pairs > matched
    total = sum(len(found) for found in retrieved.values())
    assert total < 20 * matched  # retrieval narrows: most entries find no customer at all
    store.close()


def test_nothing_changed_nothing_screened_and_new_algorithm_rescreens(world: dict[str, object],
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(world["path"], path)  # type: ignore[arg-type]
    store = Store.open(path)
    again = delta.screen_list_changes(store)
    assert not again.sources and not again.raised and again.customers_screened == 0
    with store.writing() as conn:
        state = delta.monitor_state(conn)
        assert state is not None
        conn.execute(t.store_info.update().where(t.store_info.c.key == monitor_state.MONITOR_KEY)
                     .values(value='{"algorithm": "hoarfrost-name-v0@old", "snapshots": {}}'))
    rescreen = delta.screen_list_changes(store)
    assert rescreen.full_rescreen and rescreen.customers_screened == len(world["customers"])  # type: ignore[arg-type]
    assert not rescreen.raised  # the same versions were alerted already
    with store.engine.connect() as conn:
        assert delta.monitor_state(conn) == state
    store.close()


def test_customer_index_is_kept_and_rebuilt_when_customers_change(world: dict[str, object], tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(world["path"], path)  # type: ignore[arg-type]
    store = Store.open(path)
    delta.refresh_customer_index(store)
    kept = ci.index_path(store)
    assert kept is not None and kept.is_file()
    screener = Screener.from_store(store)
    assert ci.load(kept, ci.index_key(store)) is not None
    insert_customers(store, [Customer("NEW1", "Someone Entirely New")])
    assert ci.load(kept, ci.index_key(store)) is None  # stale: the customers changed
    rebuilt = ci.customer_index(store, screener.matcher.index)
    assert "NEW1" in rebuilt.customer_ids
    kept.write_bytes(kept.read_bytes()[:-10])  # cut short: ignored, rebuilt
    assert ci.load(kept, rebuilt.key) is None
    store.close()


def test_the_kept_index_gives_back_every_customer_query_form(world: dict[str, object], tmp_path: Path) -> None:
    """A delta screens the customers it finds on the names and query forms the index keeps (no readings
    computed again, no customer read unless its name comes near): read back from the file, they are each
    customer's query name and schema and query_forms of the name, every field, in order; for names in
    Latin and Arabic script (the planted customers) and in Han, Cyrillic, Uyghur and Hangul."""
    store = Store.open(world["path"])  # type: ignore[arg-type]
    list_index = Screener.from_store(store).matcher.index
    store.close()
    others = [Customer("H1", "朱海仑", Schema.PERSON), Customer("H2", "王君正"), Customer("Y1", "Чжу Хайлунь"),
              Customer("U1", "جۇ خەيلۇن", Schema.PERSON), Customer("K1", "김정은", Schema.PERSON),
              Customer("O1", "新疆生产建设兵团公安局", Schema.ORGANIZATION)]
    customers = [*world["customers"], *others]  # type: ignore[misc]
    path = tmp_path / "customers.index"
    ci.save(path, ci.build_index("k", list_index, customers, workers=1))
    index = ci.load(path, "k")
    assert index is not None
    for name in index._ARRAYS:  # views of the mapped file, each where numpy wants it
        array = getattr(index, name)
        assert array.flags.aligned and not array.flags.writeable and not array.flags.owndata, name
    spaces = set()
    for row, customer in enumerate(customers):
        assert index.customer_ids[row] == customer.id
        query = ci.customer_query(customer)
        assert (index.customer_names[row], index.schema(row)) == (query.name, query.schema)
        expected = query_forms(query.name, person=query.schema is Schema.PERSON)
        assert index.query_forms(row) == expected, customer.id
        spaces.update(form.space for form in expected)
    assert {"latin", "native-Arab", "native-Hani", "native-Cyrl", "native-Hang"} <= spaces
    assert {index.schema(row) for row in range(len(customers))} >= {None, Schema.PERSON, Schema.ORGANIZATION}
    assert len({form.scheme for row in range(len(customers)) for form in index.query_forms(row)}) > 5


def test_cli_load_screens_the_change(world: dict[str, object], tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "cli.db"
    shutil.copy(world["before"], path)  # type: ignore[arg-type]
    result = run_cli("load", data_dir / UN_NEW, db=path)
    second = world["second"]
    assert isinstance(second, delta.DeltaOutcome)
    assert (f"{len(second.raised):,} alerts raised, {len(second.delisted):,} closed as delisted"
            in result.stdout), result.stdout


def test_bulk_raise_follows_the_alert_rules(world: dict[str, object], tmp_path: Path) -> None:
    """raise_alerts on many hits at once (as the delta raises them) keeps its rules: none while the pair is
    under review, none for versions confirmed as a true match or allowed, again for a closed false positive,
    one per pair in a batch; audited in the chain."""
    path = tmp_path / "copy.db"
    shutil.copy(world["path"], path)  # type: ignore[arg-type]
    store = Store.open(path)
    with store.engine.connect() as conn:
        alerts = conn.execute(select(t.alerts).where(t.alerts.c.state == "open")).all()
    alert, entity = next((a, e) for a in alerts
                         if entity_hash(e := store.entity(a.source, a.source_id)) == a.entity_hash)
    [customer] = ci.current_customers(store, [alert.customer_id])
    hit = Hit(customer, entity, 0.9, entity.caption, [], "hoarfrost-name-v1")
    allowed, other = replace(customer, dob="1901"), replace(customer, dob="1902")
    with store.writing() as conn:
        assert raise_alerts(conn, [hit]) == []  # under review
        close_alerts(conn, [alert.id], "false_positive", actor="test", reason="test")
        [again] = raise_alerts(conn, [hit])  # a false positive alerts again: clearing for good is the allow-list's
        close_alerts(conn, [again], "true_match", actor="test", reason="test")
        assert raise_alerts(conn, [hit]) == []  # a confirmed true match of these versions stands
        conn.execute(t.allow_list.insert().values(
            customer_id=customer.id, customer_hash=customer_hash(allowed), source=entity.source,
            source_id=entity.source_id, entity_hash=entity_hash(entity), actor="test", reason="test", at="2026"))
        assert raise_alerts(conn, [replace(hit, customer=allowed)]) == []
        [raised] = raise_alerts(conn, [replace(hit, customer=other), replace(hit, customer=other)])
        row = conn.execute(select(t.alerts).where(t.alerts.c.id == raised)).one()
    assert raised > again > alert.id
    assert (row.customer_hash, row.entity_hash, row.state) == (customer_hash(other), entity_hash(entity), "open")
    assert audit.verify(store).ok
    assert [r for r in audit.records(store) if r.subject == f"alert:{raised}"]
    store.close()


def test_forked_retrieval_and_workers_find_the_same(
        world: dict[str, object], tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The path of a large customer base (retrieval split with a forked helper, the customers screened by
    forked workers on the query forms the reverse index keeps) gives the very hits and alerts of the
    in-process run."""
    path = tmp_path / "early.db"
    shutil.copy(world["before"], path)  # type: ignore[arg-type]
    store = Store.open(path)
    load_list(store, [data_dir / UN_NEW])
    monkeypatch.setattr(delta, "_SPLIT_RETRIEVAL_FROM", 1)
    monkeypatch.setattr(delta, "_PARALLEL_FROM", 1)
    outcome = delta.screen_list_changes(store, actor="test", workers=2)
    store.close()
    second = world["second"]
    assert isinstance(second, delta.DeltaOutcome)

    def seen(hits: list[Hit]) -> list[tuple[str, str, float, str, str]]:
        return [(h.customer.id, h.entity.id, round(h.score, 9), h.matched_name, str(h.explanation)) for h in hits]

    assert outcome.hits and seen(outcome.hits) == seen(second.hits)
    assert outcome.raised == second.raised

