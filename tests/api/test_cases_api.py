"""Alerts and decisions over HTTP: roles, four eyes, concurrent deciders (one wins, the other gets 409),
the allow-list. Its own server over a store with customers loaded through the real CLI."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from hoarfrost.model import NameKind, Schema
from hoarfrost.store import Store
from tests.api.conftest import Server, create_key, make_un_store, serving
from tests.helpers import run_cli

PEOPLE = {"ann": "analyst", "bob": "analyst", "sue": "supervisor", "sam": "screening"}


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("api-cases")
    db = make_un_store(folder, data_dir)
    store = Store.open(db)
    try:
        people = [e for e in store.entities(store.current_snapshot("un_sc").id) if e.schema is Schema.PERSON
                  and e.names[0].kind is NameKind.PRIMARY and e.names[0].script == "Latn"][:6]
    finally:
        store.close()
    customers = folder / "customers.csv"
    customers.write_text("id,name,schema\n" + "".join(f"c{i},\"{e.names[0].value}\",Person\n"
                                                       for i, e in enumerate(people)), encoding="utf-8")
    run_cli("customers", "load", customers, db=db)
    keys = {name: create_key(db, name, role) for name, role in PEOPLE.items()}
    with serving(db, folder / "server.log", keys) as running:
        yield running


def open_alerts(server: Server) -> list[dict[str, Any]]:
    with server.client("ann") as client:
        response = client.get("/alerts", params={"state": "open"})
    assert response.status_code == 200, response.text
    return list(response.json())


def test_alerts_need_an_analyst(cases: Server) -> None:
    with cases.client("sam") as client:
        refused = client.get("/alerts")
    assert refused.status_code == 403 and "'analyst' or higher" in refused.json()["detail"]
    alerts = open_alerts(cases)
    assert len(alerts) >= 4 and all(a["state"] == "open" and a["revision"] == 0 for a in alerts)
    with cases.client("ann") as client:
        one = client.get(f"/alerts/{alerts[0]['id']}")
        missing = client.get("/alerts/99999")
    assert one.json()["entity_id"] == alerts[0]["entity_id"] and one.json()["decisions"] == []
    assert missing.status_code == 404 and "no alert 99999" in missing.json()["detail"]


def test_of_two_concurrent_decisions_exactly_one_wins(cases: Server) -> None:
    alert = open_alerts(cases)[0]

    def decide(who: str) -> httpx.Response:
        with cases.client(who) as client:
            return client.post(f"/alerts/{alert['id']}/decisions", json={
                "action": "false_positive", "reason": f"{who}: another person", "expected_revision": 0})

    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(decide, ["ann", "bob"]))
    assert sorted(r.status_code for r in responses) == [200, 409]
    winner = next(r for r in responses if r.status_code == 200).json()
    loser = next(r for r in responses if r.status_code == 409).json()
    assert winner["state"] == "closed" and winner["resolution"] == "false_positive" and winner["revision"] == 1
    assert "already decided" in loser["detail"] or "changed since revision" in loser["detail"]


def test_a_true_match_needs_a_second_pair_of_eyes(cases: Server) -> None:
    alert = open_alerts(cases)[0]
    url = f"/alerts/{alert['id']}/decisions"
    with cases.client("ann") as ann, cases.client("bob") as bob:
        proposed = ann.post(url, json={"action": "true_match", "reason": "same person, same date of birth"})
        own = ann.post(url, json={"action": "true_match", "reason": "confirming my own"})
        confirmed = bob.post(url, json={"action": "true_match", "reason": "checked the passport"})
    assert proposed.json()["state"] == "pending_true_match" and proposed.json()["proposed_by"] == "ann"
    assert own.status_code == 403 and "second, different user" in own.json()["detail"]
    assert confirmed.status_code == 200 and confirmed.json()["resolution"] == "true_match"
    assert [d["actor"] for d in confirmed.json()["decisions"]] == ["ann", "bob"]


def test_an_escalated_alert_is_for_a_supervisor(cases: Server) -> None:
    alert = open_alerts(cases)[0]
    url = f"/alerts/{alert['id']}/decisions"
    with cases.client("ann") as ann, cases.client("bob") as bob, cases.client("sue") as sue:
        assert ann.post(url, json={"action": "escalate", "reason": "unsure"}).json()["state"] == "escalated"
        analyst = bob.post(url, json={"action": "false_positive", "reason": "looks different"})
        supervisor = sue.post(url, json={"action": "false_positive", "reason": "different birth year"})
        allowed_by_analyst = bob.post(f"/alerts/{alert['id']}/allow", json={"reason": "cleared"})
        allowed = sue.post(f"/alerts/{alert['id']}/allow", json={"reason": "cleared by review"})
        revoked = sue.post(f"/allow-list/{allowed.json()['allow_list_entry']}/revoke", json={"reason": "re-check"})
    assert analyst.status_code == 403 and "supervisor" in analyst.json()["detail"]
    assert supervisor.status_code == 200 and supervisor.json()["state"] == "closed"
    assert allowed_by_analyst.status_code == 403
    assert allowed.status_code == 200 and revoked.status_code == 200


@pytest.mark.parametrize(("body", "words"), [
    ({"action": "freeze", "reason": "x"}, "body.action"),
    ({"action": "false_positive"}, "body.reason: Field required"),
    ({"action": "false_positive", "reason": ""}, "body.reason"),
    ({"action": "false_positive", "reason": "x", "by": "someone else"}, "body.by: Extra inputs"),
])
def test_bad_decisions_are_422(cases: Server, body: dict[str, Any], words: str) -> None:
    alert = open_alerts(cases)[0]
    with cases.client("ann") as client:
        response = client.post(f"/alerts/{alert['id']}/decisions", json=body)
    assert response.status_code == 422 and words in response.json()["detail"]


def test_an_analyst_reads_the_customer_behind_an_alert(cases: Server) -> None:
    alert = open_alerts(cases)[0]
    with cases.client("bob") as bob, cases.client("sam") as sam:
        record = bob.get(f"/customers/{alert['customer_id']}")
        history = bob.get(f"/customers/{alert['customer_id']}/history")
        refused = sam.get(f"/customers/{alert['customer_id']}")
        missing = bob.get("/customers/nobody-here")
    assert record.status_code == 200 and record.json()["customer"]["id"] == alert["customer_id"]
    assert record.json()["hash"] == alert["customer_hash"]
    assert [change["change"] for change in history.json()] == ["added"]
    assert refused.status_code == 403
    assert missing.status_code == 404 and "no customer 'nobody-here'" in missing.json()["detail"]
