"""The customer registry against a real store holding the UN list: load, screen, reload, change, delete.

The tests share one store and build on each other in file order, as a bank's files follow each other:
a first file, the same file again, a changed date of birth, a deletion, the customer back again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hoarfrost.cases import audit
from hoarfrost.customers.registry import (
    current_customers,
    customer_history,
    delete_customers,
    get_customer,
    load_customer_file,
    upsert_customers,
)
from hoarfrost.errors import AlertNotFound
from hoarfrost.ingest import load_list
from hoarfrost.model import Customer, Entity
from hoarfrost.screening.customers import MONITOR_KEY, NO_LISTS, PARALLEL_FROM
from hoarfrost.store import Store
from hoarfrost.store import schema as t

ORDINARY = ("Ingrid Vestergaard-Holm", "Tobiah Quenneville")


@pytest.fixture(scope="module")
def store(un_db: Path) -> Iterator[Store]:
    opened = Store.open(un_db)
    yield opened
    assert audit.verify(opened).ok, audit.verify(opened).problems
    opened.close()


def _write_csv(path: Path, planted: str, dob: str = "") -> Path:
    path.write_text("id,name,schema,dob,country,identifiers,branch\n"
                    f"K-1,{ORDINARY[0]},person,1975-03-09,dk,DK123;DK456,north\n"
                    f"K-2,\"{planted}\",person,{dob},,,south\n"
                    f"K-3,{ORDINARY[1]},person,1990,ca,,\n", encoding="utf-8")
    return path


def _year(entity: Entity) -> str:
    """A date of birth that agrees with the listed person's (a change that keeps the match)."""
    return str(entity.birth_dates[0].date.year) if entity.birth_dates else "1961"


def _alerts(store: Store, customer_id: str) -> list[tuple[int, str, str, str | None]]:
    a = t.alerts.c
    query = select(a.id, a.source_id, a.state, a.resolution).where(a.customer_id == customer_id).order_by(a.id)
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]  # type: ignore[misc]


def _counts(store: Store) -> dict[str, int]:
    tables = (t.customers, t.customer_versions, t.customer_changes, t.alerts, t.audit_log)
    with store.engine.connect() as conn:
        return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one() for table in tables}


def test_first_load_stores_screens_and_alerts_only_the_listed_person(store: Store, listed: Entity,
                                                                     tmp_path: Path) -> None:
    outcome = load_customer_file(store, _write_csv(tmp_path / "bank.csv", listed.caption), actor="loader")
    assert (outcome.added, outcome.changed, outcome.unchanged, outcome.skipped) == (3, 0, 0, [])
    assert outcome.screened == 3 and outcome.not_screened is None
    alerts = _alerts(store, "K-2")
    assert [(source_id, state) for _, source_id, state, _ in alerts] == [(listed.source_id, "open")]
    assert outcome.alert_ids == [alerts[0][0]]
    assert _alerts(store, "K-1") == [] and _alerts(store, "K-3") == []
    record = get_customer(store, "K-1")
    assert record.customer == Customer("K-1", ORDINARY[0], record.customer.schema, "1975-03-09", "dk",
                                       ("DK123", "DK456"), (("branch", "north"),))
    actions = [(r.actor, r.action, r.subject) for r in audit.records(store)]
    assert ("loader", "customer.add", "customer:K-2") in actions
    assert ("loader", "screening", "customers:bank.csv") in actions
    assert all(ORDINARY[0] not in r.detail for r in audit.records(store))  # the trail names versions, not people
    with store.engine.connect() as conn:
        monitor = json.loads(conn.execute(select(t.store_info.c.value).where(t.store_info.c.key == MONITOR_KEY))
                             .scalar_one())
    assert monitor == {"algorithm": outcome.algorithm, "snapshots": outcome.snapshots}


def test_the_same_file_again_changes_nothing(store: Store, listed: Entity, tmp_path: Path) -> None:
    before = _counts(store)
    outcome = load_customer_file(store, _write_csv(tmp_path / "bank.csv", listed.caption), actor="loader")
    assert (outcome.added, outcome.changed, outcome.unchanged, outcome.screened, outcome.alert_ids) == (0, 0, 3, 0, [])
    assert _counts(store) == before


def test_a_changed_date_of_birth_is_a_new_version_with_history(store: Store, listed: Entity, tmp_path: Path) -> None:
    first = get_customer(store, "K-2")
    file = _write_csv(tmp_path / "bank.csv", listed.caption, dob=_year(listed))
    outcome = load_customer_file(store, file, actor="loader")
    assert (outcome.added, outcome.changed, outcome.unchanged, outcome.screened) == (0, 1, 2, 1)
    record = get_customer(store, "K-2")
    assert record.customer.dob == _year(listed) and record.hash != first.hash and not record.deleted
    history = customer_history(store, "K-2")
    assert [(h.change, h.hash) for h in history] == [("added", first.hash), ("changed", record.hash)]
    assert history[0].customer.dob is None  # the earlier version is kept as it was
    assert len(_alerts(store, "K-2")) == 1  # the open alert for the pair is still under review: no second one


def test_deletion_keeps_history_and_closes_open_alerts(store: Store, listed: Entity, tmp_path: Path) -> None:
    assert delete_customers(store, ["K-2"], actor="officer", reason="account closed") == 1
    record = get_customer(store, "K-2")
    assert record.deleted
    assert [h.change for h in customer_history(store, "K-2")] == ["added", "changed", "deleted"]
    assert [(state, why) for _, _, state, why in _alerts(store, "K-2")] == [("closed", "customer_deleted")]
    assert "K-2" not in {customer.id for customer, _ in current_customers(store)}
    assert delete_customers(store, ["K-2"], actor="officer", reason="again") == 0  # deleted already
    with pytest.raises(AlertNotFound, match="nothing was deleted"):
        delete_customers(store, ["K-1", "no-such-customer"], actor="officer", reason="typo")
    assert not get_customer(store, "K-1").deleted


def test_a_deleted_customer_in_a_later_file_is_added_again(store: Store, listed: Entity, tmp_path: Path) -> None:
    file = _write_csv(tmp_path / "bank.csv", listed.caption, dob=_year(listed))
    outcome = load_customer_file(store, file, actor="loader")
    assert (outcome.added, outcome.changed, outcome.unchanged) == (1, 0, 2)
    assert not get_customer(store, "K-2").deleted
    assert [h.change for h in customer_history(store, "K-2")] == ["added", "changed", "deleted", "added"]
    assert [state for _, _, state, _ in _alerts(store, "K-2")] == ["closed", "open"]  # screened again: alerts again


def test_upsert_skips_a_customer_that_cannot_be_screened(store: Store) -> None:
    outcome = upsert_customers(store, [Customer("K-9", "  Tobiah   Quenneville Jr "), Customer("K-10", "   "),
                                       Customer("K-9", "Someone Else")], actor="api", screen=False)
    assert (outcome.added, outcome.not_screened) == (1, "screening was not asked for")
    assert [(e.row, "empty" in e.problem or "again" in e.problem) for e in outcome.skipped] == [(2, True), (3, True)]
    assert get_customer(store, "K-9").customer.name == "Tobiah Quenneville Jr"


def test_without_lists_customers_load_unscreened_and_a_later_load_screens_them(
        tmp_path: Path, data_dir: Path, listed: Entity) -> None:
    store = Store.open(tmp_path / "empty.db")
    try:
        file = _write_csv(tmp_path / "bank.csv", listed.caption)
        outcome = load_customer_file(store, file, actor="loader")
        assert (outcome.added, outcome.screened, outcome.not_screened) == (3, 0, NO_LISTS)
        load_list(store, [data_dir / "un_sc_consolidated" / "2024-11-30" / "consolidated.xml"])
        again = load_customer_file(store, file, actor="loader")
        assert (again.unchanged, again.screened, len(again.alert_ids)) == (3, 3, 1)
        assert [source_id for _, source_id, _, _ in _alerts(store, "K-2")] == [listed.source_id]
        assert audit.verify(store).ok
    finally:
        store.close()


def test_a_big_load_is_screened_over_worker_processes(store: Store, listed: Entity) -> None:
    """Enough customers to fork workers (screen_many): the listed one among them still becomes an alert."""
    crowd = [Customer(f"W-{i:04d}", f"Synthetic Customer Number {i:04d}") for i in range(PARALLEL_FROM)]
    crowd.insert(PARALLEL_FROM // 2, Customer("W-listed", listed.caption))
    outcome = upsert_customers(store, crowd, actor="api")
    assert (outcome.added, outcome.screened) == (len(crowd), len(crowd))
    assert [source_id for _, source_id, _, _ in _alerts(store, "W-listed")] == [listed.source_id]
    assert all(not _alerts(store, customer.id) for customer in crowd[:3])
