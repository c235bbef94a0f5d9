"""`hoarfrost customers ...` through the real CLI in a subprocess, against a real SQLite file with the UN list."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from hoarfrost.cases import audit
from hoarfrost.customers.registry import CHUNK
from hoarfrost.model import Entity
from hoarfrost.store import Store
from hoarfrost.store import schema as t
from tests.helpers import cli_json, run_cli


def _counts(db: Path) -> dict[str, int]:
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            return {table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for table in (t.customers, t.customer_versions, t.customer_changes, t.alerts, t.audit_log)}
    finally:
        store.close()


@pytest.fixture(scope="module")
def loaded(un_db: Path, listed: Entity, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store after a Parquet file of three customers, one of them listed, was loaded by the CLI."""
    path = tmp_path_factory.mktemp("files") / "customers.parquet"
    names = ["Maren Oyelaran-Fitch", listed.caption, "Odile Brask"]
    pq.write_table(pa.table({"id": ["P-1", "P-2", "P-3"], "name": names, "schema": ["Person"] * 3,
                             "identifiers": [["X1", "X2"], [], None]}), path)
    result = run_cli("customers", "load", path, "--actor", "ops", "--json", db=un_db)
    outcome = json.loads(result.stdout)
    assert (outcome["added"], outcome["skipped"], outcome["screened"], outcome["alerts_raised"]) == (3, 0, 3, 1)
    return un_db


def test_bad_rows_are_listed_on_stderr_and_exit_2(loaded: Path, tmp_path: Path) -> None:
    path = tmp_path / "more.csv"
    path.write_text("id,name,dob\nQ-1,Halvard Emenike,1980\nQ-2,,1980\nQ-3,Bad Date,1980-02-30\nQ-1,Again,\n",
                    encoding="utf-8")
    result = run_cli("customers", "load", path, "--no-screen", db=loaded, check=False)
    assert result.returncode == 2, result.stderr
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["row 2", "row 3", "row 4"]
    assert "1980-02-30" not in result.stderr and "Traceback" not in result.stderr
    assert "more.csv: 1 added, 0 changed, 0 unchanged, 3 rows skipped" in result.stdout
    assert "not screened: screening was not asked for" in result.stdout


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.parquet", None, "not a readable Parquet file"),  # a real one, cut short
    ("broken.csv", b"customer,fullname\n1,Someone\n", "the header row must have the columns 'id' and 'name'"),
])
def test_an_unreadable_file_exits_1_with_one_line_and_changes_nothing(loaded: Path, tmp_path: Path, name: str,
                                                                      content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is None:
        pq.write_table(pa.table({"id": [str(i) for i in range(1000)], "name": ["Someone Else"] * 1000}), path)
        content = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(content)
    before = _counts(loaded)
    result = run_cli("customers", "load", path, db=loaded, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {name}: {message}"), result.stderr
    assert _counts(loaded) == before


def test_show_list_and_delete(loaded: Path, listed: Entity) -> None:
    shown = cli_json("customers", "show", "P-1", db=loaded)
    assert shown["customer"]["identifiers"] == ["X1", "X2"] and not shown["deleted"]
    assert [change["change"] for change in shown["history"]] == ["added"]
    listed_ids = [record["customer"]["id"] for record in cli_json("customers", "list", "--limit", "2", db=loaded)]
    assert listed_ids == ["P-1", "P-2"]
    result = run_cli("customers", "delete", "P-2", "--reason", "left the bank", "--actor", "officer", db=loaded)
    assert "deleted 1 customers" in result.stdout
    shown = cli_json("customers", "show", "P-2", db=loaded)
    assert shown["deleted"] and [c["change"] for c in shown["history"]] == ["added", "deleted"]
    assert "P-2" not in [r["customer"]["id"] for r in cli_json("customers", "list", db=loaded)]
    unknown = run_cli("customers", "show", "nobody", db=loaded, check=False)
    assert unknown.returncode == 1 and "no customer 'nobody'" in unknown.stderr
    store = Store.open(loaded)
    try:
        with store.engine.connect() as conn:
            alerts = conn.execute(select(t.alerts.c.state, t.alerts.c.resolution)
                                  .where(t.alerts.c.customer_id == "P-2")).all()
        assert [tuple(a) for a in alerts] == [("closed", "customer_deleted")]
        assert audit.verify(store).ok
    finally:
        store.close()


def test_a_load_killed_midway_keeps_whole_chunks_and_a_second_load_completes(tmp_path: Path) -> None:
    """Kill a real `customers load` once its first chunk is committed: what is stored is whole chunks, each
    with its history and audit records, the chain intact; loading the file again adds exactly the rest."""
    db, path = tmp_path / "store.db", tmp_path / "big.csv"
    rows = 6 * CHUNK
    path.write_text("id,name\n" + "".join(f"B{i:06d},Synthetic Person {i:06d}\n" for i in range(rows)),
                    encoding="utf-8")
    Store.open(db).close()
    env = {**os.environ, "HOARFROST_DB": str(db), "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-m", "hoarfrost", "customers", "load", str(path), "--no-screen"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while _counts(db)["customers"] == 0 and process.poll() is None:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    counts = _counts(db)
    assert process.returncode == -signal.SIGKILL and counts["customers"] < rows  # it was killed midway
    assert counts["customers"] % CHUNK == 0 and counts["customers"] > 0
    assert counts["customers"] == counts["customer_versions"] == counts["customer_changes"] == counts["audit_log"]
    store = Store.open(db)
    try:
        assert audit.verify(store).ok
    finally:
        store.close()
    outcome = json.loads(run_cli("customers", "load", path, "--no-screen", "--json", db=db).stdout)
    assert (outcome["added"], outcome["unchanged"]) == (rows - counts["customers"], counts["customers"])
