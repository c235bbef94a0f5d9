"""Bad input over real HTTP: each is a 4xx with a clear message, never a 500; nothing of it in the log."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Server

SECRET_NAME = "Wilhelmina Quertzenbacher"  # screened below; must never reach the server's log
JSON = {"Content-Type": "application/json"}

# (method, path, keyword arguments of the request, status, words the detail must hold)
CASES: list[tuple[str, str, dict[str, Any], int, str]] = [
    ("POST", "/screen", {"content": b'{"name": "Wilhelmina', "headers": JSON}, 400, "not valid JSON"),
    ("POST", "/screen", {"content": b"", "headers": JSON}, 422, "body"),
    ("POST", "/screen", {"content": SECRET_NAME.encode()}, 422, "Content-Type: application/json"),
    ("POST", "/screen", {"json": [SECRET_NAME]}, 422, "must be a JSON object"),
    ("POST", "/screen", {"json": {"name": 42}}, 422, "body.name: Input should be a valid string"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "threshold": "high"}}, 422, "body.threshold"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "threshold": 7}}, 422, "less than or equal to 1"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "nmae": "typo"}}, 422, "body.nmae: Extra inputs are not"),
    ("POST", "/screen", {"json": {"name": ""}}, 422, "the name is empty"),
    ("POST", "/screen", {"json": {"name": " \t\u200b "}}, 422, "the name is empty"),
    ("POST", "/screen", {"json": {"name": "x" * 10_000}}, 422, "at most 1000 characters"),
    ("POST", "/screen", {"json": {"name": "x " * 400}}, 422, "longer than 500 characters"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "dob": "1990-02-30"}}, 422, "malformed date of birth"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "country": "Atlantis"}}, 422, "unknown country"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "schema": "Planet"}}, 422, "unknown schema"),
    ("POST", "/screen", {"json": {"name": SECRET_NAME, "identifiers": "P123"}}, 422, "body.identifiers"),
    ("POST", "/screen", {"json": {"name": "a" * 2_000_000}}, 413, "larger than 1,000,000 bytes"),
    ("POST", "/screen/batch", {"json": {"queries": []}}, 422, "body.queries: List should have at least 1 item"),
    ("POST", "/screen/batch", {"json": {"queries": [{"id": str(i), "name": "A B"} for i in range(1001)]}}, 422,
     "at most 1000 items"),
    ("POST", "/screen/batch", {"json": {"queries": [{"name": SECRET_NAME}]}}, 422,
     "body.queries[0].id: Field required"),
    ("POST", "/screen/batch", {"json": {"queries": [{"id": "1", "name": "A B"}, {"id": "1", "name": "C D"}]}}, 422,
     "used twice"),
    ("POST", "/screen/batch", {"json": {"queries": [{"id": "1", "name": "  "}]}}, 422,
     "queries[0] (id '1'): the name is empty"),
    ("POST", "/match/default", {"json": {"queries": {"q": {"schema": "Person", "properties": {"name": [SECRET_NAME]},
                                                           "colour": "red"}}}}, 422, "queries.q.colour"),
    ("POST", "/match/default", {"json": {"queries": {"q": {"schema": "Person", "properties": [SECRET_NAME]}}}}, 422,
     "queries.q.properties"),
    ("POST", "/match/default", {"json": {"queries": {"q": {"schema": "Person", "properties": {"name": ["x" * 1001]}}}}},
     400, "longer than 1000"),
    ("POST", "/match/default", {"json": {"queries": {}}}, 400, "no queries"),
    ("POST", "/match/default", {"json": {"queries": {f"q{i}": {"schema": "Person", "properties": {"name": "A B"}}
                                                     for i in range(101)}}}, 422, "at most 100 items"),
    ("POST", "/match/default", {"json": {"queries": {"q": {"schema": "Person", "properties": {"name": ["A B"]}}},
                                         "config": {"nm_number_mismatch": 0.5}}}, 400, "unknown configuration"),
    ("POST", "/match/default?algorithm=logic-v9", {"json": {"queries": {"q": {"schema": "Person",
                                                                              "properties": {"name": ["A B"]}}}}},
     400, "unknown algorithm"),
    ("POST", "/match/default?limit=0", {"json": {"queries": {}}}, 422, "query.limit"),
    ("POST", "/match/nowhere", {"json": {"queries": {"q": {"schema": "Person", "properties": {"name": ["A B"]}}}}},
     404, "no dataset 'nowhere'"),
    ("GET", "/entities/un_sc:NOPE.1", {}, 404, "no entry 'NOPE.1'"),
    ("GET", "/entities/xx_unknown:1", {}, 404, "no list 'xx_unknown'"),
    ("GET", "/entities/justtext", {}, 422, "source:source_id"),
    ("GET", "/entities/un_sc:QDi.421?snapshot=abc", {}, 422, "query.snapshot"),
    ("GET", "/entities/un_sc:QDi.421?snapshot=99", {}, 404, "no snapshot 99"),
    ("GET", "/lists/un_sc/diff", {}, 404, "a diff needs two"),
    ("GET", "/lists/un_sc/diff?old=1", {}, 422, "both 'old' and 'new'"),
    ("GET", "/lists/nowhere/diff", {}, 404, "no list 'nowhere'"),
    ("GET", "/audit/export?since=yesterday", {}, 422, "ISO 8601 time"),
    ("GET", "/audit/export?since=2026-03-01&until=2026-01-31", {}, 422, "is not after"),
    ("GET", "/audit/export?format=xml", {}, 422, "query.format"),
    ("POST", "/screen?threshhold=0.9", {"json": {"name": "A B"}}, 422, "unknown query parameter 'threshhold'"),
    ("GET", "/lists?al=1", {}, 422, "unknown query parameter 'al' for /lists; it takes all"),
    ("GET", "/nowhere", {}, 404, "Not Found"),
    ("DELETE", "/screen", {}, 405, "Method Not Allowed"),
]


@pytest.mark.parametrize(("method", "path", "request_args", "status", "words"), CASES,
                         ids=[f"{c[0]} {c[1][:30]} {c[3]} {c[4][:25]}" for c in CASES])
def test_bad_input_is_a_clear_4xx(server: Server, method: str, path: str, request_args: dict[str, Any], status: int,
                                  words: str) -> None:
    with server.client("admin") as client:
        response = client.request(method, path, **request_args)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and words in detail, detail


def test_an_oversize_body_is_refused_while_it_streams_without_a_length(server: Server) -> None:
    def chunks() -> Any:
        yield b'{"name": "'
        for _ in range(300):
            yield b"a" * 10_000
        yield b'"}'

    with server.client("admin") as client:
        response = client.post("/screen", content=chunks(), headers=JSON)
    assert response.status_code == 413 and "larger than" in response.json()["detail"]


def test_the_log_holds_paths_but_no_names_and_no_errors(server: Server) -> None:
    with server.client() as client:
        assert client.post("/screen", json={"name": SECRET_NAME, "dob": "1961-03-04"}).status_code == 200
    log = server.log_text()
    assert '"POST /screen HTTP/1.1" 200' in log
    for secret in (SECRET_NAME, "Wilhelmina", "Quertzenbacher", "1961-03-04", server.keys["screening"]):
        assert secret not in log
    assert "Traceback" not in log and " 500 " not in log and "unexpected error" not in log
