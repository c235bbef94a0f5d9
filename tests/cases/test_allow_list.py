"""The allow-list: a cleared pair stays quiet for exactly the two versions it was cleared for, and alerts
again when the customer changes, when the list entry changes (a real UN list change), or when revoked."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hoarfrost import ingest
from hoarfrost.cases import audit
from hoarfrost.cases.decisions import allow, decide, revoke_allow
from hoarfrost.cases.queries import get_alert, list_alerts
from hoarfrost.errors import AlertNotFound, CaseError, DecisionConflict
from hoarfrost.screening.screener import Screener
from hoarfrost.store import Store
from tests.cases.support import Cases, Screened, copy_store, customer_like, screen_customer


def _cleared(store: Store, alert_id: int) -> None:
    decide(store, alert_id, actor="ann", action="false_positive", reason="different date of birth")


def test_only_a_closed_false_positive_can_be_allowed(cases: Cases, store: Store) -> None:
    pending = cases.alert()
    decide(store, pending, actor="ann", action="true_match", reason="same person")
    with pytest.raises(CaseError, match="pending_true_match: only an alert closed as false_positive"):
        allow(store, pending, actor="bob", reason="looks fine")
    decide(store, pending, actor="bob", action="true_match", reason="confirmed")
    with pytest.raises(CaseError, match="true_match: only"):
        allow(store, pending, actor="cem", reason="looks fine")
    with pytest.raises(CaseError, match="open: only"):
        allow(store, cases.alert(), actor="cem", reason="looks fine")
    with pytest.raises(AlertNotFound):
        allow(store, 999_999, actor="cem", reason="looks fine")


def test_a_false_positive_alerts_again_unless_allowed(cases: Cases, store: Store) -> None:
    customer = cases.new_customer(1)
    [first] = cases.screen(customer)
    _cleared(store, first)
    [again] = cases.screen(customer)  # the same versions, screened again (a full re-screen): not cleared for good
    assert again != first
    _cleared(store, again)
    entry = allow(store, again, actor="bob", reason="our customer since 1990, other nationality")
    assert allow(store, again, actor="bob", reason="twice") == entry
    assert cases.screen(customer) == []
    assert cases.screen(customer) == []
    record = list(audit.records(store))[-1]
    assert (record.action, record.subject, record.actor) == ("allow_list.add", f"allow:{entry}", "bob")
    assert json.loads(record.detail)["alert_id"] == again


def test_the_alert_returns_when_the_customer_changes(cases: Cases, store: Store) -> None:
    customer = cases.new_customer(2)
    [first] = cases.screen(customer)
    _cleared(store, first)
    allow(store, first, actor="bob", reason="cleared")
    assert cases.screen(customer) == []
    moved = replace(customer, extra=(("address", "12 New Street"),))  # any change makes a new customer version
    [returned] = cases.screen(moved)
    alert = get_alert(store, returned)
    assert alert.state == "open"
    assert alert.customer_hash != get_alert(store, first).customer_hash
    assert (alert.source, alert.source_id) == (get_alert(store, first).source, get_alert(store, first).source_id)


def test_revoking_lets_the_pair_alert_again(cases: Cases, store: Store) -> None:
    customer = cases.new_customer(3)
    [first] = cases.screen(customer)
    _cleared(store, first)
    entry = allow(store, first, actor="bob", reason="cleared")
    assert cases.screen(customer) == []
    revoke_allow(store, entry, actor="cem", reason="new information from the RM")
    with pytest.raises(DecisionConflict, match="already revoked"):
        revoke_allow(store, entry, actor="cem", reason="again")
    with pytest.raises(AlertNotFound):
        revoke_allow(store, 999_999, actor="cem", reason="no such entry")
    assert len(cases.screen(customer)) == 1


def test_a_confirmed_true_match_does_not_alert_again_for_the_same_versions(cases: Cases, store: Store) -> None:
    customer = cases.new_customer(4)
    [first] = cases.screen(customer)
    decide(store, first, actor="ann", action="true_match", reason="same person")
    assert cases.screen(customer) == []  # under review
    decide(store, first, actor="bob", action="true_match", reason="confirmed: freeze")
    assert cases.screen(customer) == []  # frozen
    assert [a.id for a in list_alerts(store, customer_id=customer.id)] == [first]


def test_the_alert_returns_when_the_list_entry_changes(screened: Screened, tmp_path: Path, un_2026_path: Path) -> None:
    """A real list change: the UN list of 2026 loaded over 2024 changes the entry; the cleared pair alerts again."""
    store = Store.open(copy_store(screened.path, tmp_path / "store.db"))
    try:
        old_hashes = store.entity_hashes(store.current_snapshots()[0].id)
        ingest.load_list(store, [un_2026_path])
        new_hashes = store.entity_hashes(store.current_snapshots()[0].id)
        changed = next(i for i, person in enumerate(screened.persons)
                       if new_hashes.get(person.source_id) not in (None, old_hashes[person.source_id]))
        person = screened.persons[changed]
        customer = customer_like(person, "C-LISTCHANGE")
        [first] = screen_customer(store, screened.screener, customer)  # screened against the 2024 entry
        assert get_alert(store, first).source_id == person.source_id
        _cleared(store, first)
        allow(store, first, actor="bob", reason="cleared")
        assert screen_customer(store, screened.screener, customer) == []
        [returned] = screen_customer(store, Screener.from_store(store), customer)  # the 2026 entry
        alert = get_alert(store, returned)
        assert alert.source_id == person.source_id
        assert alert.entity_hash == new_hashes[person.source_id] != get_alert(store, first).entity_hash
    finally:
        store.close()
