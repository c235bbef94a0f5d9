"""The key cache of the screening routes (access.KeyCache): a key revoked while it sits in the cache is
still refused at once, because the audit writer checks it again in the record's transaction; the
refused call leaves no screening record."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import httpx

from hoarfrost.cases import audit
from hoarfrost.store import Store
from tests.api.conftest import Server, create_key
from tests.helpers import run_cli

MATCH_BODY = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Anyone"]}}}}


def _screening_records_of(server: Server, holder: str) -> int:
    store = Store.open(server.db)
    try:
        return sum(1 for r in audit.records(store) if r.actor == holder and r.action == "screening.api")
    finally:
        store.close()


def test_a_cached_key_revoked_is_refused_on_every_screening_route_and_not_recorded(server: Server) -> None:
    key = create_key(server.db, "cached then revoked", "screening")
    headers = {"Authorization": f"Bearer {key}"}
    calls = [("/screen", {"name": "Anyone"}), ("/screen/batch", {"queries": [{"id": "1", "name": "Anyone"}]}),
             ("/match/default", MATCH_BODY)]
    for path, body in calls:  # each route puts (or finds) the key in the cache
        assert httpx.post(f"{server.url}{path}", json=body, headers=headers).status_code == 200
    recorded = _screening_records_of(server, "cached then revoked")
    listed = json.loads(run_cli("keys", "list", "--json", db=server.db).stdout)
    run_cli("keys", "revoke", str(next(k["id"] for k in listed if k["name"] == "cached then revoked")), db=server.db)
    for path, body in calls:
        response = httpx.post(f"{server.url}{path}", json=body, headers=headers)
        assert response.status_code == 401, (path, response.text)
        assert "revoked" in response.json()["detail"]
    assert recorded == 3
    assert _screening_records_of(server, "cached then revoked") == recorded


def test_other_keys_in_the_same_audit_group_are_answered(server: Server) -> None:
    """A revoked key's refusal does not fail the records committed beside it."""
    revoked = create_key(server.db, "revoked beside", "screening")
    with httpx.Client(base_url=server.url, headers={"X-API-Key": revoked}) as client:
        assert client.post("/screen", json={"name": "Anyone"}).status_code == 200
    listed = json.loads(run_cli("keys", "list", "--json", db=server.db).stdout)
    run_cli("keys", "revoke", str(next(k["id"] for k in listed if k["name"] == "revoked beside")), db=server.db)
    good = server.client("screening")
    bad = httpx.Client(base_url=server.url, headers={"X-API-Key": revoked})
    with good, bad, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda i: (good if i % 2 else bad).post("/screen", json={"name": f"A {i}"})
                                 .status_code, range(40)))
    assert statuses == [200 if i % 2 else 401 for i in range(40)]
