"""A list load killed mid-way (SIGKILL, a real process) leaves the store as it was: no half-written snapshot.

The load of OFAC's SDN list (14,965 entries) is killed at growing delays until a kill lands before the
load finishes; after every kill the store must hold either no snapshot of the list or a complete one,
pass SQLite's integrity check, keep the list loaded before, and accept the same load again.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run_cli

SDN = "us_ofac_sdn/2024-05-03/sdn.csv"
SDN_ENTRIES = 14965


def _start_load(db: Path, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HOARFROST_DB": str(db), "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "hoarfrost", "load", str(path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _snapshot_counts(db: Path) -> list[tuple[str, int, int]]:
    """(source, entity_count recorded, entities actually linked) for every snapshot, after checking that
    each snapshot has its one audit record ("list.load") and no load left a record without its snapshot."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        audited = conn.execute("SELECT json_extract(detail, '$.snapshot_id') FROM audit_log "
                               "WHERE action = 'list.load' ORDER BY seq").fetchall()
        assert audited == conn.execute("SELECT id FROM snapshots ORDER BY id").fetchall()
        return conn.execute(
            "SELECT s.source, s.entity_count, COUNT(e.source_id) FROM snapshots s "
            "LEFT JOIN snapshot_entities e ON e.snapshot_id = s.id GROUP BY s.id ORDER BY s.id").fetchall()


def test_a_killed_list_load_leaves_nothing_half_written(un_store_path: Path, data_dir: Path) -> None:
    before = _snapshot_counts(un_store_path)
    killed_mid_load = 0
    for delay in (0.6, 1.0, 1.5, 2.0, 3.0, 4.0):
        process = _start_load(un_store_path, data_dir / SDN)
        time.sleep(delay)
        finished = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts = _snapshot_counts(un_store_path)
        assert counts[: len(before)] == before  # the UN list loaded before is untouched
        for source, recorded, linked in counts[len(before):]:
            assert (source, recorded, linked) == ("us_ofac_sdn", SDN_ENTRIES, SDN_ENTRIES)  # complete, or absent
        if finished:
            break
        killed_mid_load += len(counts) == len(before)
    assert killed_mid_load, "no kill landed before the load finished: the test proved nothing"
    run_cli("load", data_dir / SDN, db=un_store_path)
    assert _snapshot_counts(un_store_path)[-1] == ("us_ofac_sdn", SDN_ENTRIES, SDN_ENTRIES)
    assert "audit trail intact" in run_cli("audit", "verify", db=un_store_path).stdout
