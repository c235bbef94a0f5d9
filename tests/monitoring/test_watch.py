"""Monitoring end to end through the real CLI: customers loaded and screened, then `hoarfrost watch --once`
fetches a new UN list (a local copy), screens only what changed against the customers, and says so;
a list that cannot be read keeps its snapshot in force, loudly."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hoarfrost.model import NameKind, Schema
from hoarfrost.store import Store
from tests.helpers import read_list, run_cli

ENV = {"HOARFROST_SOURCES": "un_sc"}


def _added_person_name(store_path: Path, un_2026: Path) -> str:
    """The primary name of a person the 2026 UN list adds to the 2024 one."""
    store = Store.open(store_path)
    try:
        listed = store.entity_hashes(store.current_snapshot("un_sc").id)
    finally:
        store.close()
    entities, _ = read_list([un_2026])
    added = [e for e in entities if e.source_id not in listed and e.schema is Schema.PERSON]
    return next(n.value for e in added for n in e.names if n.kind is NameKind.PRIMARY and n.script == "Latn")


@pytest.fixture()
def customers_loaded(un_store_path: Path, un_2026_path: Path, tmp_path: Path) -> str:
    planted = _added_person_name(un_store_path, un_2026_path)
    path = tmp_path / "customers.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "name", "schema"])
        writer.writerows([["c1", planted, "Person"], ["c2", "Maria Schmidt", "Person"],
                          ["c3", "Harbour Logistics GmbH", "Organization"]])
    run_cli("customers", "load", path, db=un_store_path)
    return planted


def _open_alerts(db: Path) -> list[dict[str, object]]:
    return list(json.loads(run_cli("alerts", "list", "--json", db=db).stdout))


def test_watch_screens_a_new_list_against_the_customers(un_store_path: Path, un_2026_path: Path, tmp_path: Path,
                                                       customers_loaded: str) -> None:
    assert not [a for a in _open_alerts(un_store_path) if a["customer_id"] == "c1"]  # not listed in 2024
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "UN_consolidated.xml").symlink_to(un_2026_path)
    result = run_cli("watch", "--once", "--from", folder, db=un_store_path, env=ENV)
    assert "un_sc: new snapshot" in result.stderr
    assert "changes screened: 3 customers screened" not in result.stderr  # only the candidates are screened
    assert "monitoring: changes screened" in result.stderr
    assert "re-screened" not in result.stderr
    alerts = [a for a in _open_alerts(un_store_path) if a["customer_id"] == "c1"]
    assert alerts and alerts[0]["source"] == "un_sc"
    assert "Traceback" not in result.stderr
    again = run_cli("watch", "--once", "--from", folder, db=un_store_path, env=ENV)
    assert ": new snapshot" not in again.stderr and "monitoring: no list change to screen" in again.stderr


def test_a_list_that_cannot_be_read_keeps_its_snapshot_in_force(un_store_path: Path, un_2026_path: Path,
                                                                tmp_path: Path, customers_loaded: str) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "UN_consolidated.xml").write_bytes(un_2026_path.read_bytes()[:200_000])  # cut mid-file
    before = run_cli("lists", "--json", db=un_store_path).stdout
    result = run_cli("watch", "--once", "--from", folder, db=un_store_path, env=ENV)
    assert result.returncode == 0
    assert "FAILED" in result.stderr
    assert "WARNING: un_sc was not refreshed this cycle; snapshot 1 (published 2024-11-30" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("lists", "--json", db=un_store_path).stdout == before
