"""The review state machine of cases.decisions, edge by edge: transitions, four eyes, conflicts, bad requests,
and what each decision writes (the alert, the decision, the audit record) or, refused, does not write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hoarfrost.cases import audit
from hoarfrost.cases.decisions import MAX_REASON, decide
from hoarfrost.cases.queries import get_alert, list_alerts
from hoarfrost.errors import AlertNotFound, CaseError, DecisionConflict, FourEyesError
from hoarfrost.store import Store
from hoarfrost.store import schema as t
from tests.cases.support import Cases

Steps = list[tuple[str, str]]

# (the decisions taken in turn, by actor) -> the state, resolution and proposer they leave
TRANSITIONS: list[tuple[Steps, str, str | None, str | None]] = [
    ([("ann", "false_positive")], "closed", "false_positive", None),
    ([("ann", "true_match")], "pending_true_match", None, "ann"),
    ([("ann", "escalate")], "escalated", None, "ann"),
    ([("ann", "true_match"), ("bob", "true_match")], "closed", "true_match", "ann"),
    ([("ann", "true_match"), ("bob", "false_positive")], "closed", "false_positive", "ann"),
    ([("ann", "true_match"), ("ann", "escalate")], "escalated", None, "ann"),
    ([("ann", "true_match"), ("bob", "escalate")], "escalated", None, "bob"),
    ([("ann", "escalate"), ("bob", "true_match")], "closed", "true_match", "ann"),
    ([("ann", "escalate"), ("bob", "false_positive")], "closed", "false_positive", "ann"),
    ([("ann", "true_match"), ("bob", "escalate"), ("cem", "true_match")], "closed", "true_match", "bob"),
]

# (decisions that go through, then the one refused) -> the error
REFUSALS: list[tuple[Steps, tuple[str, str], type[CaseError]]] = [
    ([("ann", "true_match")], ("ann", "true_match"), FourEyesError),
    ([("ann", "true_match")], ("ann", "false_positive"), FourEyesError),
    ([("ann", "true_match")], ("ANN", "true_match"), FourEyesError),  # names compared case-insensitively
    ([("ann", "escalate")], ("ann", "true_match"), FourEyesError),
    ([("ann", "escalate")], ("ann", "false_positive"), FourEyesError),
    ([("ann", "true_match"), ("bob", "escalate")], ("ann", "true_match"), FourEyesError),  # the first proposer
    ([("ann", "true_match"), ("bob", "escalate")], ("bob", "false_positive"), FourEyesError),  # the escalator
    ([("ann", "escalate")], ("bob", "escalate"), CaseError),
    ([("ann", "false_positive")], ("bob", "false_positive"), DecisionConflict),
    ([("ann", "false_positive")], ("bob", "true_match"), DecisionConflict),
    ([("ann", "false_positive")], ("bob", "escalate"), DecisionConflict),
    ([("ann", "true_match"), ("bob", "true_match")], ("cem", "false_positive"), DecisionConflict),
    ([("ann", "escalate"), ("bob", "false_positive")], ("cem", "true_match"), DecisionConflict),
]


def _counts(store: Store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(t.decisions)).scalar_one(),
                conn.execute(select(func.count()).select_from(t.audit_log)).scalar_one())


@pytest.mark.parametrize(("steps", "state", "resolution", "proposer"), TRANSITIONS)
def test_every_transition(cases: Cases, store: Store, steps: Steps, state: str, resolution: str | None,
                          proposer: str | None) -> None:
    alert_id = cases.alert()
    for revision, (actor, action) in enumerate(steps, start=1):
        alert = decide(store, alert_id, actor=actor, action=action, reason=f"{action} by {actor}")
        assert alert.revision == revision
    assert (alert.state, alert.resolution, alert.proposed_by) == (state, resolution, proposer)
    assert [(d.actor, d.action) for d in alert.decisions] == steps
    assert [d.from_state for d in alert.decisions][0] == "open"
    assert all(a.to_state == b.from_state for a, b in zip(alert.decisions, alert.decisions[1:], strict=False))


@pytest.mark.parametrize(("steps", "refused", "error"), REFUSALS)
def test_every_refusal_writes_nothing(cases: Cases, store: Store, steps: Steps, refused: tuple[str, str],
                                      error: type[CaseError]) -> None:
    alert_id = cases.alert()
    for actor, action in steps:
        decide(store, alert_id, actor=actor, action=action, reason="first look")
    before, counts = get_alert(store, alert_id), _counts(store)
    with pytest.raises(error) as raised:
        decide(store, alert_id, actor=refused[0], action=refused[1], reason="second look")
    assert type(raised.value) is error
    if error is DecisionConflict:
        assert "already decided" in str(raised.value)
    assert get_alert(store, alert_id) == before
    assert _counts(store) == counts


def test_a_decision_is_audited_with_its_reason_and_states(cases: Cases, store: Store) -> None:
    alert_id = cases.alert()
    decide(store, alert_id, actor="ann", action="true_match", reason="same passport number")
    record = list(audit.records(store))[-1]
    assert (record.actor, record.action, record.subject) == ("ann", "decision", f"alert:{alert_id}")
    assert json.loads(record.detail) == {"action": "true_match", "reason": "same passport number",
                                         "from_state": "open", "to_state": "pending_true_match",
                                         "resolution": None, "revision": 1}
    assert audit.verify(store).ok


def test_expected_revision(cases: Cases, store: Store) -> None:
    alert_id = cases.alert()
    decide(store, alert_id, actor="ann", action="escalate", reason="unsure", expected_revision=0)
    with pytest.raises(DecisionConflict, match="changed since revision 0"):
        decide(store, alert_id, actor="bob", action="false_positive", reason="seen at revision 0",
               expected_revision=0)
    alert = decide(store, alert_id, actor="bob", action="false_positive", reason="other birth year",
                   expected_revision=1)
    assert (alert.state, alert.revision) == ("closed", 2)


@pytest.mark.parametrize(("actor", "action", "reason", "message"), [
    ("ann", "false_positive", "", "reason is required"),
    ("ann", "false_positive", "   \n", "reason is required"),
    ("ann", "false_positive", "x" * (MAX_REASON + 1), "at most"),
    ("ann", "freeze", "because", "unknown action"),
    (" ", "false_positive", "because", "actor"),
    ("a" * 129, "false_positive", "because", "actor"),
])
def test_bad_requests(cases: Cases, store: Store, actor: str, action: str, reason: str, message: str) -> None:
    alert_id = cases.alert()
    counts = _counts(store)
    with pytest.raises(CaseError, match=message):
        decide(store, alert_id, actor=actor, action=action, reason=reason)
    assert get_alert(store, alert_id).state == "open"
    assert _counts(store) == counts


def test_unknown_alert(store: Store) -> None:
    with pytest.raises(AlertNotFound, match="no alert 999999"):
        decide(store, 999_999, actor="ann", action="false_positive", reason="because")


_KILLED_MID_BATCH = """
import sys, time
from hoarfrost.cases import audit, decisions
from hoarfrost.store import Store

real_append, alert_ids = audit.append, [int(a) for a in sys.argv[2:]]
def append_then_hang_on_the_last(conn, **kwargs):
    real_append(conn, **kwargs)
    if kwargs["subject"] == f"alert:{alert_ids[-1]}":  # its alert, decision and audit record written, not committed
        print("written", flush=True)
        time.sleep(600)
audit.append = append_then_hang_on_the_last
store = Store.open(sys.argv[1])
for alert_id in alert_ids:
    decisions.decide(store, alert_id, actor="ann", action="false_positive", reason="batch")
"""


def test_a_process_killed_in_a_batch_of_decisions(cases: Cases, store: Store, module_store_path: Path) -> None:
    """The decisions committed before the kill stay; the one in flight leaves no trace; the chain is whole."""
    done, in_flight = [cases.alert(), cases.alert(1)], cases.alert(2)
    before, counts = get_alert(store, in_flight), _counts(store)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path("src").resolve()), os.getcwd()])}
    with subprocess.Popen([sys.executable, "-c", _KILLED_MID_BATCH, str(module_store_path),
                           *map(str, [*done, in_flight])], stdout=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "written"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
    assert [get_alert(store, a).state for a in done] == ["closed", "closed"]
    assert get_alert(store, in_flight) == before
    assert _counts(store) == (counts[0] + 2, counts[1] + 2)
    assert audit.verify(store).ok
    after = decide(store, in_flight, actor="bob", action="false_positive", reason="decided again after the crash")
    assert after.state == "closed"


def test_list_alerts_filters(cases: Cases, store: Store) -> None:
    customer = cases.new_customer(18)
    [alert_id] = cases.screen(customer)
    assert [a.id for a in list_alerts(store, customer_id=customer.id)] == [alert_id]
    assert alert_id in [a.id for a in list_alerts(store, state="open", source="un_sc", limit=1000)]
    assert list_alerts(store, customer_id=customer.id, source="us_ofac_sdn") == []
    decide(store, alert_id, actor="ann", action="escalate", reason="unsure")
    assert [a.id for a in list_alerts(store, state="escalated", customer_id=customer.id)] == [alert_id]
    first_two = list_alerts(store, limit=2)
    assert [a.id for a in first_two] == sorted(a.id for a in first_two)
    assert list_alerts(store, limit=1, offset=1)[0].id == first_two[1].id
    with pytest.raises(CaseError, match="unknown alert state"):
        list_alerts(store, state="shut")
    with pytest.raises(CaseError, match="limit"):
        list_alerts(store, limit=0)
    data = get_alert(store, alert_id).as_json()
    assert data["entity_id"] == f"un_sc:{data['source_id']}" and data["decisions"][0]["action"] == "escalate"
    json.dumps(data)  # JSON all the way down
