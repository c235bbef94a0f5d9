"""The audit chain against tampering done directly in the SQLite file, caught by `hoarfrost audit verify` (the real
CLI) and named by record; and `hoarfrost audit export` of a period as CSV and JSON lines."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hoarfrost.cases import audit
from hoarfrost.cases.decisions import decide
from hoarfrost.store import Store
from tests.cases.support import Cases, Screened, copy_store
from tests.helpers import run_cli

# Each tampering, as SQL run on the store file, and what `audit verify` must say about it (N: the last record).
TAMPERING = {
    "edit a record's detail": (["UPDATE audit_log SET detail = json_set(detail, '$.reason', 'edited') WHERE seq = 3"],
                               ["record 3: content does not match its hash (edited)"]),
    "edit a record and its hash": (["UPDATE audit_log SET actor = 'eve', hash = '{fake}' WHERE seq = 3"],
                                   ["record 3: content does not match its hash",
                                    "record 4: does not follow record 3"]),
    "delete a middle record": (["DELETE FROM audit_log WHERE seq = 3"],
                               ["record 3 missing (removed)", "record 4: does not follow record 3"]),
    "delete the last record": (["DELETE FROM audit_log WHERE seq = {last}"],
                               ["the chain ends at record {before_last} but its head says {last}"]),
    "swap two records": (["UPDATE audit_log SET seq = -1 WHERE seq = 3", "UPDATE audit_log SET seq = 3 WHERE seq = 4",
                          "UPDATE audit_log SET seq = 4 WHERE seq = -1"],
                         ["record 3: does not follow record 2", "record 4: does not follow record 3"]),
}


@pytest.fixture(scope="module")
def chained(module_store_path: Path, screened: Screened, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose audit trail holds raised alerts and decisions (a private copy: the tests tamper with copies)."""
    store = Store.open(module_store_path)
    try:
        cases = Cases(store, screened)
        for person in range(15, 18):
            alert_id = cases.alert(person)
            decide(store, alert_id, actor="ann", action="true_match", reason="same person")
            decide(store, alert_id, actor="bob", action="false_positive", reason="other date of birth")
    finally:
        store.close()
    return copy_store(module_store_path, tmp_path_factory.mktemp("chained") / "store.db")


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count: int = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    conn.close()
    return count


def test_an_intact_trail_verifies(chained: Path) -> None:
    result = run_cli("audit", "verify", db=chained)
    assert result.stdout.strip() == f"audit trail intact: {_count(chained)} records"


@pytest.mark.parametrize("case", TAMPERING)
def test_tampering_is_caught_and_named(chained: Path, tmp_path: Path, case: str) -> None:
    path = copy_store(chained, tmp_path / "tampered.db")
    last = _count(path)
    statements, expected = TAMPERING[case]
    values = {"last": last, "before_last": last - 1, "fake": "f" * 64}
    with sqlite3.connect(path) as conn:
        for statement in statements:
            assert conn.execute(statement.format(**values)).rowcount == 1
    conn.close()
    result = run_cli("audit", "verify", db=path, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for message in expected:
        assert message.format(**values) in result.stderr, result.stderr
    assert "audit trail broken" in result.stderr.strip().splitlines()[-1]


def _rewrite_from(path: Path, seq: int, *, drop_last: bool) -> None:
    """What an insider with write access to the file can do that the chain alone cannot show: edit record
    `seq` (or drop the newest record) and recompute every hash after it, and the head."""
    with sqlite3.connect(path) as conn:
        if drop_last:
            conn.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
        else:
            conn.execute("UPDATE audit_log SET detail = json_set(detail, '$.reason', 'rewritten') WHERE seq = ?",
                         (seq,))
        prev = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq - 1,)).fetchone()[0]
        rows = conn.execute("SELECT seq, at, actor, action, subject, detail FROM audit_log WHERE seq >= ? "
                            "ORDER BY seq", (seq,)).fetchall()
        for number, at, actor, action, subject, detail in rows:
            prev_hash, prev = prev, audit.record_hash(prev, number, at, actor, action, subject, detail)
            conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev_hash, prev, number))
        conn.execute("UPDATE store_info SET value = ? WHERE key = 'audit_head'",
                     (json.dumps({"seq": rows[-1][0], "hash": prev}),))
    conn.close()


@pytest.mark.parametrize("drop_last", [False, True], ids=["edited and rehashed", "newest dropped, head rewritten"])
def test_an_anchor_kept_elsewhere_catches_a_chain_rewritten_whole(chained: Path, tmp_path: Path,
                                                                  drop_last: bool) -> None:
    path = copy_store(chained, tmp_path / "rewritten.db")
    anchor = run_cli("audit", "head", db=path).stdout.split()[0]
    seq, digest = anchor.split(":")
    assert int(seq) == _count(path) and len(digest) == 64
    assert json.loads(run_cli("audit", "head", "--json", db=path).stdout)["anchor"] == anchor
    assert run_cli("audit", "verify", "--anchor", anchor, db=path).returncode == 0
    _rewrite_from(path, 3, drop_last=drop_last)
    assert run_cli("audit", "verify", db=path).returncode == 0  # the chain alone looks whole: that is the limit
    result = run_cli("audit", "verify", "--anchor", anchor, db=path, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = "is missing" if drop_last else "has hash"
    assert f"record {seq} {found}" in result.stderr and "rewritten or cut after the anchor" in result.stderr


@pytest.mark.parametrize("anchor", ["12", "12:abc", "x:" + "0" * 64, "0:" + "0" * 64, "3:" + "G" * 64])
def test_a_malformed_anchor_is_refused(chained: Path, anchor: str) -> None:
    result = run_cli("audit", "verify", "--anchor", anchor, db=chained, check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "an anchor is SEQ:HASH" in result.stderr


def test_export_a_period(chained: Path, tmp_path: Path) -> None:
    store = Store.open(chained)
    try:
        records = list(audit.records(store))
    finally:
        store.close()
    today = datetime.now(UTC).date().isoformat()
    everything = run_cli("audit", "export", "--since", today, "--until", today, db=chained).stdout
    rows = list(csv.DictReader(io.StringIO(everything)))
    assert [int(row["seq"]) for row in rows] == [r.seq for r in records]
    assert [(row["hash"], row["prev_hash"], row["detail"]) for row in rows] == [
        (r.hash, r.prev_hash, r.detail) for r in records]

    out = tmp_path / "period.jsonl"
    run_cli("audit", "export", "--since", records[2].at, "--until", records[5].at, "--format", "jsonl",
            "--out", out, db=chained)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["seq"] for line in lines] == [3, 4, 5]  # --until a time is exclusive
    assert lines == [r.as_json() for r in records[2:5]]
    assert lines[0]["detail"] == json.loads(records[2].detail)
    previous = records[1].hash
    for line in lines:  # whoever receives the export can recompute its stretch of the chain
        assert line["prev_hash"] == previous
        previous = audit.record_hash(previous, line["seq"], line["at"], line["actor"], line["action"],
                                     line["subject"], audit.canonical(line["detail"]))
        assert previous == line["hash"]

    tomorrow = run_cli("audit", "export", "--since", "2999-01-01", "--until", "2999-01-02", db=chained).stdout
    assert tomorrow.strip() == "seq,at,actor,action,subject,detail,prev_hash,hash"


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2026-13-01", "--until", "2027-01-01"], "--since must be a date (YYYY-MM-DD)"),
    (["--since", "2026-02-01", "--until", "2026-01-01"], "is not after --since"),
    (["--since", "2026-01-01", "--until", "2027-01-01", "--format", "xml"], "unknown format 'xml'"),
])
def test_export_refuses_bad_periods(chained: Path, args: list[str], message: str) -> None:
    result = run_cli("audit", "export", *args, db=chained, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
