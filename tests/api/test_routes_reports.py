"""The supervisor's reports over HTTP: the freeze report (CSV and HTML) after a real four-eyes confirmation by
two keys, and audit verification, whole and then after a record is edited in the database underneath."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hoarfrost.model import NameKind, Schema
from hoarfrost.store import Store
from tests.api.conftest import Server, create_key, make_un_store, serving

PEOPLE = {"ada": "admin", "ann": "analyst", "bob": "analyst", "sue": "supervisor"}


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[tuple[Server, str, int]]:
    """A server where customer f1, named as a listed person, was confirmed a true match by ann then bob:
    the server, the listed name and the alert's id."""
    db = make_un_store(tmp_path_factory.mktemp("api-reports"), data_dir)
    store = Store.open(db)
    try:
        name = next(e.names[0].value for e in store.entities(store.current_snapshot("un_sc").id)
                    if e.schema is Schema.PERSON and e.names[0].kind is NameKind.PRIMARY
                    and e.names[0].script == "Latn")
    finally:
        store.close()
    keys = {person: create_key(db, person, role) for person, role in PEOPLE.items()}
    with serving(db, db.parent / "server.log", keys) as running:
        with running.client("ada") as ada:
            loaded = ada.post("/customers", json={"customers": [{"id": "f1", "name": name, "schema": "Person"}]})
        alert_id = loaded.json()["alert_ids"][0]
        url = f"/alerts/{alert_id}/decisions"
        with running.client("ann") as ann, running.client("bob") as bob:
            assert ann.post(url, json={"action": "true_match", "reason": "same person"}).status_code == 200
            confirmed = bob.post(url, json={"action": "true_match", "reason": "passport checked"})
        assert confirmed.json()["resolution"] == "true_match", confirmed.text
        yield running, name, alert_id


def test_the_freeze_report_names_both_deciders(frozen: tuple[Server, str, int]) -> None:
    server, name, alert_id = frozen
    with server.client("sue") as sue:
        as_csv = sue.get("/reports/freezes", params={"format": "csv"})
        as_html = sue.get("/reports/freezes", params={"format": "html"})
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert rows and {row["alert_id"] for row in rows} == {str(alert_id)}
    assert all((r["customer_id"], r["customer_name"], r["proposed_by"], r["confirmed_by"], r["list"])
               == ("f1", name, "ann", "bob", "un_sc") for r in rows)
    assert rows[0]["authority"] and rows[0]["publisher_id"]
    assert as_html.status_code == 200 and as_html.headers["content-type"].startswith("text/html")
    assert "Asset freezes" in as_html.text and f"<td>{alert_id}</td>" in as_html.text
    assert "default-src 'none'" in as_html.headers["content-security-policy"]
    assert name not in server.log_text()


def test_the_freeze_report_is_for_a_supervisor(frozen: tuple[Server, str, int]) -> None:
    server = frozen[0]
    with server.client("ann") as ann, server.client("sue") as sue:
        assert ann.get("/reports/freezes").status_code == 403
        assert ann.get("/audit/verify").status_code == 403
        wrong = sue.get("/reports/freezes", params={"format": "pdf"})
        stray = sue.get("/audit/verify", params={"deep": "1"})
    assert wrong.status_code == 422 and "query.format" in wrong.json()["detail"]
    assert stray.status_code == 422 and "unknown query parameter 'deep'" in stray.json()["detail"]


def test_audit_verify_finds_an_edited_record(frozen: tuple[Server, str, int]) -> None:
    server = frozen[0]
    with server.client("sue") as sue:
        whole = sue.get("/audit/verify").json()
        actions = [line for line in sue.get("/audit/export").text.splitlines() if '"report.freezes"' in line]
    assert whole["ok"] is True and whole["problems"] == [] and whole["records"] > 5
    assert actions and '"actor": "sue"' in actions[0]
    with sqlite3.connect(server.db) as conn:  # an insider edits the decision's reason underneath the service
        edited = conn.execute("UPDATE audit_log SET detail = replace(detail, 'passport checked', 'looked fine') "
                              "WHERE action LIKE 'decision%' AND detail LIKE '%passport checked%'").rowcount
    assert edited == 1
    with server.client("sue") as sue:
        broken = sue.get("/audit/verify").json()
    assert broken["ok"] is False and any("(edited)" in problem for problem in broken["problems"])


def test_audit_head_is_an_anchor_for_verify(frozen: tuple[Server, str, int]) -> None:
    server = frozen[0]
    with server.client("sue") as sue, server.client("ann") as ann:
        head = sue.get("/audit/head").json()
        held = sue.get("/audit/verify", params={"anchor": head["anchor"]}).json()
        unknown = sue.get("/audit/verify", params={"anchor": f"{head['seq'] + 1000}:{'0' * 64}"}).json()
        malformed = sue.get("/audit/verify", params={"anchor": "12:abc"})
        assert ann.get("/audit/head").status_code == 403
    assert head["anchor"] == f"{head['seq']}:{head['hash']}" and head["at"]
    # (an earlier test of this module edited a record underneath the service: only the anchors are looked at)
    assert not any("anchored" in problem for problem in held["problems"])
    assert unknown["ok"] is False and any("is missing" in problem for problem in unknown["problems"])
    assert malformed.status_code == 422 and "an anchor is SEQ:HASH" in malformed.json()["detail"]
