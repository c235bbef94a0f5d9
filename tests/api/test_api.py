"""The HTTP API over a real uvicorn server and a real SQLite store holding the UN list of 2024."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from hoarfrost.cases import audit
from hoarfrost.model import NameKind, Schema
from hoarfrost.store import Store
from tests.api.conftest import Server, create_key
from tests.helpers import run_cli

MATCH_FIELDS = {"score", "source", "source_id", "entity_id", "caption", "schema", "matched_name", "explanation"}


def listed_person(server: Server, offset: int = 0) -> tuple[str, str]:
    """(entity id, primary name) of a listed person with a Latin name of three words or more."""
    store = Store.open(server.db)
    try:
        snapshot = store.current_snapshot("un_sc")
        people = [e for e in store.entities(snapshot.id) if e.schema is Schema.PERSON
                  and e.names[0].kind is NameKind.PRIMARY and e.names[0].script == "Latn"
                  and len(e.names[0].value.split()) >= 3]
    finally:
        store.close()
    entity = people[offset]
    return entity.id, entity.names[0].value


# -- authentication and roles -------------------------------------------------------------------------

@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer hf_not-a-key"}, {"X-API-Key": "nonsense"},
                                     {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}])
def test_a_request_without_a_valid_key_is_401(server: Server, headers: dict[str, str]) -> None:
    response = httpx.post(f"{server.url}/screen", json={"name": "Anyone"}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "key" in response.json()["detail"]


@pytest.mark.parametrize("header", ["Authorization: Bearer {}", "Authorization: ApiKey {}", "X-API-Key: {}",
                                    "Authorization: {}"])
def test_a_key_is_taken_from_each_header_clients_send(server: Server, header: str) -> None:
    name, value = header.format(server.keys["screening"]).split(": ", 1)
    response = httpx.post(f"{server.url}/screen", json={"name": "Anyone"}, headers={name: value})
    assert response.status_code == 200, response.text


def test_a_revoked_key_stops_working_at_once(server: Server) -> None:
    key = create_key(server.db, "short-lived", "screening")
    headers = {"X-API-Key": key}
    assert httpx.post(f"{server.url}/screen", json={"name": "Anyone"}, headers=headers).status_code == 200
    listed = json.loads(run_cli("keys", "list", "--json", db=server.db).stdout)
    key_id = next(k["id"] for k in listed if k["name"] == "short-lived")
    run_cli("keys", "revoke", str(key_id), db=server.db)
    response = httpx.post(f"{server.url}/screen", json={"name": "Anyone"}, headers=headers)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


@pytest.mark.parametrize(("role", "status"), [("screening", 403), ("analyst", 403), ("supervisor", 200),
                                              ("admin", 200)])
def test_audit_export_needs_a_supervisor(server: Server, role: str, status: int) -> None:
    with server.client(role) as client:
        response = client.get("/audit/export")
    assert response.status_code == status, response.text
    if status == 403:
        assert "supervisor" in response.json()["detail"]


def test_health_needs_no_key_and_says_what_is_ready(server: Server) -> None:
    response = httpx.get(f"{server.url}/healthz")
    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "ok" and health["store"] is True and health["screener"] == "ready"
    assert health["lists"] == 1 and health["entities"] == 879


def test_openapi_is_served_with_every_route(server: Server) -> None:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    for path in ("/screen", "/screen/batch", "/match/{dataset}", "/entities/{entity_id}", "/lists",
                 "/lists/{source}/diff", "/audit/export", "/healthz"):
        assert path in spec["paths"], path
    assert httpx.get(f"{server.url}/docs").status_code == 200


# -- screening ----------------------------------------------------------------------------------------

def test_screen_finds_a_listed_name_in_the_json_contract_of_the_cli(server: Server) -> None:
    entity_id, name = listed_person(server)
    with server.client() as client:
        response = client.post("/screen", json={"name": name, "schema": "Person"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["query"]["name"] == name and result["query"]["schema"] == "Person"
    assert result["matches"][0]["entity_id"] == entity_id
    assert set(result["matches"][0]) == MATCH_FIELDS
    cli = json.loads(run_cli("screen", name, "--schema", "Person", "--json", db=server.db).stdout)
    assert cli == result


def test_screen_batch_answers_each_query_by_its_id_in_order(server: Server) -> None:
    first_id, first = listed_person(server, 0)
    second_id, second = listed_person(server, 5)
    queries = [{"id": "c-1", "name": first}, {"id": "c-2", "name": "Priya Sharma", "country": "in"},
               {"id": "c-3", "name": second, "schema": "Person"}]
    with server.client() as client:
        response = client.post("/screen/batch", json={"queries": queries})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["c-1", "c-2", "c-3"]
    assert results[0]["matches"][0]["entity_id"] == first_id
    assert results[1]["matches"] == []
    assert results[2]["matches"][0]["entity_id"] == second_id


def test_a_bad_query_fails_the_whole_batch_naming_it(server: Server) -> None:
    queries = [{"id": "ok", "name": "Priya Sharma"}, {"id": "bad", "name": "Jane Doe", "dob": "1990-13-01"}]
    with server.client() as client:
        response = client.post("/screen/batch", json={"queries": queries})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("queries[1] (id 'bad'): malformed date of birth")


# -- yente's /match -------------------------------------------------------------------------------------

def yente_body(name: str) -> dict[str, Any]:
    """Request bodies as yente's documentation and tests write them: lists of values, a bare string, parts."""
    parts = name.split()
    return {"queries": {
        "q1": {"schema": "Person", "properties": {"name": [name], "birthDate": ["1952"], "nationality": ["ru"]}},
        "q2": {"schema": "Person", "properties": {"firstName": [parts[0]], "lastName": [parts[-1], "Smith"]}},
        "q3": {"schema": "LegalEntity", "properties": {"name": name, "country": "Russia"}},
        "q4": {"schema": "Company", "properties": {"name": ["Brilliant Amazing Limited"], "jurisdiction": ["hk"],
                                                    "registrationNumber": ["84BA99810"]}},
        "q5": {"id": "my-ref", "schema": "Person", "properties": {"name": ["Nobody Atall Here"]}},
    }}


def test_match_answers_yente_requests_in_yentes_shape(server: Server) -> None:
    entity_id, name = listed_person(server)
    with server.client() as client:
        response = client.post("/match/default", params={"limit": 3}, json=yente_body(name))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["limit"] == 3 and set(answer["matcher"]) >= {"name"}
    assert set(answer["responses"]) == {"q1", "q2", "q3", "q4", "q5"}
    q1 = answer["responses"]["q1"]
    assert q1["status"] == 200 and q1["total"]["relation"] == "eq" and q1["total"]["value"] >= 1
    assert q1["query"]["schema"] == "Person" and q1["query"]["properties"]["name"] == [name]
    top = q1["results"][0]
    assert top["id"] == entity_id and top["match"] is True and top["datasets"] == ["un_sc"]
    assert {"id", "caption", "schema", "properties", "datasets", "score", "match", "features"} <= set(top)
    assert name in top["properties"]["name"] and top["features"]["name"] > 0
    assert answer["responses"]["q3"]["results"][0]["id"] == entity_id
    assert answer["responses"]["q3"]["query"]["properties"]["country"] == ["ru"]  # cleaned, as yente does
    assert answer["responses"]["q4"]["results"] == []
    assert answer["responses"]["q5"]["query"]["id"] == "my-ref" and answer["responses"]["q5"]["results"] == []


def test_match_on_a_list_key_restricts_and_an_unknown_dataset_is_404(server: Server) -> None:
    entity_id, name = listed_person(server)
    with server.client() as client:
        on_list = client.post("/match/un_sc", json=yente_body(name))
        excluded = client.post("/match/default", params={"exclude_dataset": "un_sc"}, json=yente_body(name))
        unknown = client.post("/match/us_ofac_sdn", json=yente_body(name))
    assert on_list.json()["responses"]["q1"]["results"][0]["id"] == entity_id
    assert excluded.json()["responses"]["q1"]["results"] == []
    assert unknown.status_code == 404 and "no dataset 'us_ofac_sdn'" in unknown.json()["detail"]


def test_match_refuses_what_yente_refuses_with_400(server: Server) -> None:
    with server.client() as client:
        bad_schema = client.post("/match/default", json={"queries": {"x": {"schema": "xxx",
                                                                           "properties": {"name": "Banana"}}}})
        no_schema = client.post("/match/default", json={"queries": {"x": {"properties": {"name": "Banana"}}}})
        no_name = client.post("/match/default", json={"queries": {"x": {"schema": "Person",
                                                                        "properties": {"birthDate": ["1970"]}}}})
    assert bad_schema.status_code == 400 and "schema 'xxx'" in bad_schema.json()["detail"]
    assert no_schema.status_code == 422 and "queries.x.schema" in no_schema.json()["detail"]
    assert no_name.status_code == 400 and "no name" in no_name.json()["detail"]


# -- lists and entities --------------------------------------------------------------------------------

def test_entities_and_lists_answer_as_the_cli_does(server: Server) -> None:
    entity_id, name = listed_person(server)
    source, source_id = entity_id.split(":")
    with server.client() as client:
        entity = client.get(f"/entities/{entity_id}")
        lists = client.get("/lists")
        missing = client.get("/entities/un_sc:QDi.999999")
    assert entity.status_code == 200
    shown = json.loads(run_cli("show", source, source_id, "--json", db=server.db).stdout)
    assert entity.json().items() >= shown.items()  # the CLI's fields, and yente's beside them
    assert entity.json()["id"] == entity_id and name in entity.json()["properties"]["name"]
    assert lists.json() == json.loads(run_cli("lists", "--json", db=server.db).stdout)
    assert missing.status_code == 404 and "QDi.999999" in missing.json()["detail"]


# -- audit ---------------------------------------------------------------------------------------------

def audit_records(server: Server, **params: str) -> list[dict[str, Any]]:
    with server.client("supervisor") as client:
        response = client.get("/audit/export", params=params)
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines()]


def test_every_screening_call_is_audited_without_the_names_screened(server: Server) -> None:
    entity_id, name = listed_person(server, 2)
    before = len(audit_records(server))
    with server.client("analyst") as client:
        client.post("/screen", json={"name": name})
        client.post("/screen/batch", json={"queries": [{"id": "ref-1", "name": name}, {"id": "ref-2", "name": "Zz"}]})
        client.post("/match/default", json={"queries": {"k1": {"schema": "Person", "properties": {"name": [name]}}}})
    records = [r for r in audit_records(server)[before:] if r["action"] == "screening.api"]
    assert [r["subject"] for r in records] == ["/screen", "/screen/batch", "/match/default"]
    assert all(r["actor"] == "analyst user" for r in records)
    assert [r["detail"]["queries"] for r in records] == [1, 2, 1]
    assert all(entity_id in r["detail"]["entities"] and r["detail"]["alerts"] >= 1 for r in records)
    assert records[1]["detail"]["refs_with_alerts"] == ["ref-1"]
    assert name not in json.dumps(records, ensure_ascii=False)


def test_a_screening_call_that_cannot_be_audited_is_not_answered(server: Server) -> None:
    """The audit writer's transaction fails (here: the store refuses audit records, as a full disk or a locked
    file would): the call gets 503 and no matches, nothing half-written stays, and once the store takes
    records again the service answers and the chain is whole."""
    _, name = listed_person(server, 3)
    with sqlite3.connect(server.db) as conn:
        conn.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'full'); END")
    conn.close()
    try:
        with server.client() as client:
            refused = client.post("/screen", json={"name": name})
    finally:
        with sqlite3.connect(server.db) as conn:
            conn.execute("DROP TRIGGER refuse_audit")
        conn.close()
    assert refused.status_code == 503 and "not answered" in refused.json()["detail"]
    assert "matches" not in refused.json() and name not in refused.text
    with server.client() as client:
        answered = client.post("/screen", json={"name": name})
    with server.client("supervisor") as supervisor:
        verified = supervisor.get("/audit/verify").json()
    assert answered.status_code == 200 and answered.json()["matches"]
    assert verified["ok"] is True, verified["problems"]


def test_audit_export_as_csv_and_between_times(server: Server) -> None:
    everything = audit_records(server)
    assert [r["seq"] for r in everything] == list(range(1, len(everything) + 1))
    assert {"key.create", "screening.api"} <= {r["action"] for r in everything}
    later = audit_records(server, since=everything[-1]["at"])
    assert later[0]["seq"] == everything[-1]["seq"]
    assert audit_records(server, until="2000-01-01") == []
    today, last = everything[-1]["at"][:10], everything[-1]["seq"]
    # a bare day as 'until' is that whole day (the records the reads since added left out; on a run across
    # midnight the first records are of the day before)
    assert [r["seq"] for r in audit_records(server, since=today, until=today) if r["seq"] <= last] == \
        [r["seq"] for r in everything if r["at"][:10] == today]
    with server.client("supervisor") as client:
        response = client.get("/audit/export", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert response.headers["content-type"].startswith("text/csv")
    assert rows[0]["action"] == "list.load" and rows[0]["prev_hash"] == "0" * 64  # the store's UN list came first
    assert [row["action"] for row in rows[1:]][:1] == ["key.create"]


def test_match_returns_down_to_the_cutoff_and_marks_only_the_threshold(server: Server) -> None:
    entity_id, name = listed_person(server)
    body = {"queries": {"q": {"schema": "Person", "properties": {"name": [name.split()[0] + " " + name.split()[-1]]}}}}
    with server.client() as client:
        strict = client.post("/match/default", params={"threshold": 1.0, "cutoff": 0.5, "limit": 50}, json=body)
    results = strict.json()["responses"]["q"]["results"]
    assert results and all(r["score"] >= 0.5 for r in results)
    assert all(r["match"] is (r["score"] >= 1.0) for r in results)
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_concurrent_clients_are_all_answered_and_each_call_audited_once(server: Server) -> None:
    _, name = listed_person(server, 3)
    before = len(audit_records(server))

    def call(position: int) -> int:
        with server.client() as client:
            return client.post("/screen", json={"name": name if position % 2 else f"Nobody {position}"}).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(call, range(48)))
    assert statuses == [200] * 48
    records = audit_records(server)[before:]
    assert sum(r["action"] == "screening.api" for r in records) == 48
    store = Store.open(server.db)
    try:
        assert audit.verify(store).ok
    finally:
        store.close()
