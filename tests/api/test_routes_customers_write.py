"""Customers written over HTTP: an admin's upsert screens and raises alerts, a repeat changes nothing, a change
is a new version, a deletion closes the open alerts; bad customers are skipped by position, bad bodies are 4xx,
and only an admin writes. Its own server over a UN store, keys made with the real CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hoarfrost.model import NameKind, Schema
from hoarfrost.store import Store
from tests.api.conftest import Server, create_key, make_un_store, serving

PEOPLE = {"ada": "admin", "ann": "analyst", "sue": "supervisor", "sam": "screening"}
SECRET_DOB = "1961-07-23"  # sent with a customer; must reach neither the log nor a skipped row's message


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, list[str]]:
    """A UN store and the primary Latin names of a few listed persons in it."""
    db = make_un_store(tmp_path_factory.mktemp("api-customers"), data_dir)
    store = Store.open(db)
    try:
        names = [e.names[0].value for e in store.entities(store.current_snapshot("un_sc").id)
                 if e.schema is Schema.PERSON and e.names[0].kind is NameKind.PRIMARY and e.names[0].script == "Latn"]
    finally:
        store.close()
    return db, names[:4]


@pytest.fixture(scope="module")
def api(listed: tuple[Path, list[str]]) -> Iterator[Server]:
    db = listed[0]
    keys = {name: create_key(db, name, role) for name, role in PEOPLE.items()}
    with serving(db, db.parent / "server.log", keys) as running:
        yield running


def post_customers(api: Server, customers: list[dict[str, Any]], who: str = "ada") -> dict[str, Any]:
    with api.client(who) as client:
        response = client.post("/customers", json={"customers": customers})
    assert response.status_code == 200, response.text
    return dict(response.json())


def alerts_of(api: Server, customer_id: str) -> list[dict[str, Any]]:
    with api.client("ann") as client:
        response = client.get("/alerts", params={"customer_id": customer_id})
    assert response.status_code == 200, response.text
    return list(response.json())


def test_an_upsert_screens_once_and_a_change_is_a_new_version(api: Server, listed: tuple[Path, list[str]]) -> None:
    name = listed[1][0]
    customers = [{"id": "w1", "name": name, "schema": "person"},
                 {"id": "w2", "name": "Ottilie Brackenridge-Vossberg", "dob": SECRET_DOB, "extra": {"branch": "7"}}]
    first = post_customers(api, customers)
    assert (first["added"], first["changed"], first["unchanged"], first["screened"]) == (2, 0, 0, 2)
    assert first["alerts_raised"] >= 1 and first["skipped"] == 0
    raised = alerts_of(api, "w1")
    assert {a["id"] for a in raised} <= set(first["alert_ids"]) and raised[0]["state"] == "open"
    again = post_customers(api, customers)
    assert (again["added"], again["changed"], again["unchanged"], again["alert_ids"]) == (0, 0, 2, [])
    changed = post_customers(api, [{**customers[1], "country": "at"}])
    assert (changed["changed"], changed["unchanged"]) == (1, 0)
    with api.client("ann") as client:
        history = client.get("/customers/w2/history").json()
        page = client.get("/customers", params={"limit": 10}).json()
    assert [step["change"] for step in history] == ["added", "changed"] and history[0]["hash"] != history[1]["hash"]
    assert history[1]["customer"]["country"] == "at" and history[1]["customer"]["extra"] == {"branch": "7"}
    assert [record["customer"]["id"] for record in page] == ["w1", "w2"]
    with api.client("sue") as client:
        trail = [r for r in map(json.loads, client.get("/audit/export").text.splitlines())
                 if r["action"] in ("customer.add", "customer.change")]
    assert [(r["actor"], r["subject"]) for r in trail] == [("ada", "customer:w1"), ("ada", "customer:w2"),
                                                           ("ada", "customer:w2")]
    assert name not in api.log_text() and SECRET_DOB not in api.log_text()


def test_a_customer_that_cannot_be_screened_is_skipped_by_position(api: Server) -> None:
    outcome = post_customers(api, [
        {"id": "s1", "name": " \t "},
        {"id": "s2", "name": "Ludmila Example", "dob": "1961-13-45"},
        {"id": "s3", "name": "Ferdinand Okonkwo-Lindqvist", "schema": "Planet"},
        {"id": "s4", "name": "Ferdinand Okonkwo-Lindqvist"},
        {"id": "s4", "name": "Someone Else Entirely"},
    ])
    assert outcome["added"] == 1 and outcome["skipped"] == 4
    rows = {row["row"]: row["problem"] for row in outcome["skipped_rows"]}
    assert sorted(rows) == [1, 2, 3, 5]
    assert "name is empty" in rows[1] and "date of birth" in rows[2] and "1961-13-45" not in rows[2]
    assert "schema" in rows[3] and "given again" in rows[5]


def test_deleting_a_customer_closes_its_open_alerts(api: Server, listed: tuple[Path, list[str]]) -> None:
    loaded = post_customers(api, [{"id": "d1", "name": listed[1][1], "schema": "Person"}])
    assert loaded["alert_ids"], "a listed person's name raises an alert"
    with api.client("ada") as ada:
        empty = ada.post("/customers/d1/delete", json={"reason": "  "})
        deleted = ada.post("/customers/d1/delete", json={"reason": "account closed"})
        again = ada.post("/customers/d1/delete", json={"reason": "account closed"})
        unknown = ada.post("/customers/nobody/delete", json={"reason": "account closed"})
    assert empty.status_code == 422
    assert deleted.status_code == 200 and deleted.json() == {"customer_id": "d1", "deleted": True,
                                                             "already_deleted": False}
    assert again.json()["already_deleted"] is True
    assert unknown.status_code == 404 and "no customer 'nobody'" in unknown.json()["detail"]
    closed = alerts_of(api, "d1")
    assert {a["id"] for a in closed} == set(loaded["alert_ids"])
    assert all(a["state"] == "closed" and a["resolution"] == "customer_deleted" for a in closed)
    with api.client("ann") as client:
        record = client.get("/customers/d1").json()
        current = [r["customer"]["id"] for r in client.get("/customers").json()]
        everyone = [r["customer"]["id"] for r in client.get("/customers", params={"deleted": "true"}).json()]
    assert record["deleted"] is True and "d1" not in current and "d1" in everyone


def test_only_an_admin_writes_customers(api: Server) -> None:
    body = {"customers": [{"id": "r1", "name": "Ottokar Vandersloot"}]}
    with api.client("sue") as sue, api.client("sam") as sam, api.client(None) as anonymous:
        assert sue.post("/customers", json=body).status_code == 403
        assert sue.post("/customers/w1/delete", json={"reason": "x"}).status_code == 403
        assert sam.get("/customers").status_code == 403
        assert anonymous.post("/customers", json=body).status_code == 401
    with api.client("ann") as client:
        assert client.get("/customers/r1").status_code == 404


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"customers": []}, 422, "body.customers: List should have at least 1 item"),
    ({"customers": [{"id": "x", "name": "A B", "nmae": "typo"}]}, 422, "body.customers[0].nmae: Extra inputs"),
    ({"customers": [{"id": "x", "name": "A B"}], "screnn": False}, 422, "body.screnn: Extra inputs"),
    ({"customers": [{"id": "x", "name": 42}]}, 422, "body.customers[0].name: Input should be a valid string"),
    ({"customers": [{"name": "A B"}]}, 422, "body.customers[0].id: Field required"),
    ({"customers": [{"id": "x", "name": "A B", "extra": {"Name": "C D"}}]}, 422, "a field of the customer"),
    ({"customers": [{"id": "x", "name": "A B", "identifiers": "P1"}]}, 422, "body.customers[0].identifiers"),
    ({"customers": [{"id": str(i), "name": "A B"} for i in range(1001)]}, 422, "at most 1000 items"),
    ({"customers": {"id": "x", "name": "A B"}}, 422, "body.customers"),
    ([{"id": "x", "name": "A B"}], 422, "must be a JSON object"),
])
def test_bad_bodies_are_4xx(api: Server, body: Any, status: int, words: str) -> None:
    with api.client("ada") as client:
        response = client.post("/customers", json=body)
    assert response.status_code == status and words in response.json()["detail"], response.text


def test_malformed_json_and_unknown_parameters_are_4xx(api: Server) -> None:
    with api.client("ada") as client:
        broken = client.post("/customers", content=b'{"customers": [', headers={"Content-Type": "application/json"})
        stray = client.post("/customers/nobody/delete?reason=x", json={"reason": "x"})
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["detail"]
    assert stray.status_code == 422 and "unknown query parameter 'reason'" in stray.json()["detail"]


def test_a_load_large_enough_for_worker_processes_is_answered(api: Server) -> None:
    """600 customers are screened by forked workers; children of the server once kept uvicorn's SIGTERM
    handler, so the pool's terminate() hung the request (about one time in two). Run last: it adds many."""
    customers = [{"id": f"x{i:04}", "name": f"Bulkperson Number{i} Examplestein"} for i in range(600)]
    with api.client("ada") as client:
        response = client.post("/customers", json={"customers": customers})
    assert response.status_code == 200, response.text
    assert (response.json()["added"], response.json()["screened"]) == (600, 600)
