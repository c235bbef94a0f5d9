"""`hoarfrost alerts` through the real CLI in a subprocess, and concurrent deciders in separate OS processes:
exactly one decision wins, the other gets the conflict (exit code 3, "already decided")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hoarfrost.cases.queries import get_alert
from hoarfrost.store import Store
from tests.cases.support import Cases
from tests.helpers import cli_json, run_cli


def _error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_list_and_show(cases: Cases, module_store_path: Path) -> None:
    customer = cases.new_customer(9)
    [alert_id], customer_id = cases.screen(customer), customer.id
    listed = cli_json("alerts", "list", "--customer", customer_id, db=module_store_path)
    assert [a["id"] for a in listed] == [alert_id]
    assert listed[0]["state"] == "open" and listed[0]["explanation"][0]["step"] == "name"
    assert alert_id not in [a["id"] for a in cli_json("alerts", "list", "--state", "closed", db=module_store_path)]
    shown = run_cli("alerts", "show", str(alert_id), db=module_store_path).stdout
    assert f"alert {alert_id}" in shown and "explanation" in shown and "decisions: none" in shown
    table = run_cli("alerts", "list", "--customer", customer_id, db=module_store_path).stdout
    assert customer_id in table and "1 alert(s)" in table


def test_decide_with_four_eyes_and_conflicts(cases: Cases, module_store_path: Path) -> None:
    alert_id = str(cases.alert(10))
    db = module_store_path
    done = run_cli("alerts", "decide", alert_id, "true_match", "--reason", "same passport", "--actor", "ann", db=db)
    assert "pending_true_match (by ann) (revision 1)" in done.stdout
    same = run_cli("alerts", "decide", alert_id, "true_match", "--reason", "me again", "--actor", "ann", db=db,
                   check=False)
    assert same.returncode == 1 and "a second, different user must close it" in _error_line(same)
    stale = run_cli("alerts", "decide", alert_id, "false_positive", "--reason", "x", "--actor", "bob",
                    "--revision", "0", db=db, check=False)
    assert stale.returncode == 3 and "changed since revision 0" in _error_line(stale)
    shown = cli_json("alerts", "decide", alert_id, "true_match", "--reason", "confirmed", "--actor", "bob",
                     "--revision", "1", db=db)
    assert (shown["state"], shown["resolution"], shown["revision"]) == ("closed", "true_match", 2)
    assert [(d["actor"], d["action"]) for d in shown["decisions"]] == [("ann", "true_match"), ("bob", "true_match")]
    late = run_cli("alerts", "decide", alert_id, "false_positive", "--reason", "x", "--actor", "cem", db=db,
                   check=False)
    assert late.returncode == 3 and f"alert {alert_id} already decided: closed as true_match by bob" in \
        _error_line(late)
    text = run_cli("alerts", "show", alert_id, db=db).stdout
    assert "ann: true_match (open -> pending_true_match): same passport" in text


@pytest.mark.parametrize(("args", "message"), [  # the library tests cover every refusal; these, the CLI's path
    (["alerts", "decide", "{id}", "false_positive", "--reason", " "], "a reason is required"),
    (["alerts", "allow", "{id}", "--reason", "r"], "only an alert closed as false_positive"),
    (["alerts", "show", "999999"], "no alert 999999"),
])
def test_bad_requests_end_in_one_line(cases: Cases, module_store_path: Path, args: list[str], message: str) -> None:
    alert_id = str(cases.alert(11))
    result = run_cli(*[a.replace("{id}", alert_id) for a in args], db=module_store_path, check=False)
    assert result.returncode == 1
    assert message in _error_line(result)


def test_allow_and_the_default_actor(cases: Cases, store: Store, module_store_path: Path) -> None:
    alert_id = str(cases.alert(12))
    run_cli("alerts", "decide", alert_id, "false_positive", "--reason", "born 1990, not 1962", db=module_store_path,
            env={"LOGNAME": "zoe"})
    done = run_cli("alerts", "allow", alert_id, "--reason", "cleared for good", db=module_store_path,
                   env={"LOGNAME": "yan"})
    entry = done.stdout.split()[2]
    assert done.stdout.startswith(f"allow-list entry {entry} for alert {alert_id}")
    assert [d.actor for d in get_alert(store, int(alert_id)).decisions] == ["zoe"]
    run_cli("alerts", "revoke-allow", entry, "--reason", "new facts", db=module_store_path)
    again = run_cli("alerts", "revoke-allow", entry, "--reason", "new facts", db=module_store_path, check=False)
    assert again.returncode == 3 and "already revoked" in _error_line(again)


def test_two_processes_deciding_at_once_through_the_cli(cases: Cases, store: Store, module_store_path: Path) -> None:
    alert_id = str(cases.alert(13))
    env = {**os.environ, "HOARFROST_DB": str(module_store_path), "NO_COLOR": "1"}
    deciders = [subprocess.Popen([sys.executable, "-m", "hoarfrost", "alerts", "decide", alert_id, "false_positive",
                                  "--reason", f"not them ({actor})", "--actor", actor],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                for actor in ("ann", "bob")]
    outcomes = [(p.wait(timeout=300), *p.communicate()) for p in deciders]
    assert sorted(code for code, _, _ in outcomes) == [0, 3]
    [(_, _, loser_err)] = [o for o in outcomes if o[0] == 3]
    assert f"alert {alert_id} already decided: closed as false_positive by" in loser_err
    assert len(get_alert(store, int(alert_id)).decisions) == 1


_DECIDER = """
import sys, time
from pathlib import Path
from hoarfrost.cases.decisions import decide
from hoarfrost.errors import DecisionConflict
from hoarfrost.store import Store

store, go = Store.open(sys.argv[1]), Path(sys.argv[3])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
try:
    decide(store, int(sys.argv[2]), actor=sys.argv[4], action="false_positive", reason="not them")
    print("won")
except DecisionConflict as exc:
    print("lost:", exc)
"""


def test_two_processes_released_together_one_wins(cases: Cases, store: Store, module_store_path: Path,
                                                  tmp_path: Path) -> None:
    """Both processes are started and ready before either decides, then released at the same moment."""
    alert_id, go = cases.alert(14), tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path("src").resolve()), os.getcwd()])}
    deciders = [subprocess.Popen([sys.executable, "-c", _DECIDER, str(module_store_path), str(alert_id), str(go),
                                  actor], stdout=subprocess.PIPE, text=True, env=env) for actor in ("ann", "bob")]
    for process in deciders:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    go.touch()
    said = sorted(p.communicate(timeout=300)[0].strip() for p in deciders)
    assert said[1] == "won" and said[0].startswith(f"lost: alert {alert_id} already decided"), said
    assert len(get_alert(store, alert_id).decisions) == 1
