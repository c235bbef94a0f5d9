"""A new list snapshot loaded while the server runs: the screener is rebuilt and swapped in, and the
diff of the two snapshots is served. Its own server: the package's shared one keeps the 2024 list."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import Server, create_key, make_un_store, serving
from tests.helpers import run_cli


@pytest.fixture(scope="module")
def changing(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("api-change")
    db = make_un_store(folder, data_dir)
    keys = {"screening": create_key(db, "screening system", "screening")}
    with serving(db, folder / "server.log", keys, "--reload-seconds", "0.5") as running:
        yield running


def wait_for_new_screener(server: Server, old: list[int]) -> dict[str, Any]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        health: dict[str, Any] = httpx.get(f"{server.url}/healthz").json()
        if health["snapshots"] != old and health["status"] == "ok":
            return health
        time.sleep(0.2)
    raise AssertionError(f"the screener was not rebuilt:\n{server.log_text()}")


def test_a_new_snapshot_is_screened_against_and_diffed(changing: Server, un_2026_path: Path) -> None:
    with changing.client() as client:
        assert client.get("/lists/un_sc/diff").status_code == 404  # one snapshot: nothing to compare yet
        run_cli("load", un_2026_path, db=changing.db)
        health = wait_for_new_screener(changing, [1])
        assert health["entities"] == 1003
        diff = client.get("/lists/un_sc/diff")
        explicit = client.get("/lists/un_sc/diff", params={"old": 1, "new": health["snapshots"][0]})
        assert diff.status_code == 200, diff.text
        assert diff.json() == json.loads(run_cli("diff", "un_sc", "--json", db=changing.db).stdout)
        assert explicit.json() == diff.json()
        counts = diff.json()["counts"]
        assert counts["added"] > 0 and counts["removed"] > 0 and counts["changed"] > 0
        added = diff.json()["added"][0]
        screened = client.post("/screen", json={"name": added["caption"]})
        entity = client.get(f"/entities/un_sc:{added['source_id']}")
    assert any(m["source_id"] == added["source_id"] for m in screened.json()["matches"])
    assert entity.status_code == 200 and entity.json()["snapshot_id"] == health["snapshots"][0]
