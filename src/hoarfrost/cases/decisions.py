"""Analysts' decisions on alerts, with four eyes, and the allow-list that keeps a cleared pair quiet.

The review of an alert is a small state machine (action by actor -> new state)::

    open     --false_positive--> closed (false_positive)     one user suffices
    open     --true_match------> pending_true_match          a proposal: proposed_by = actor
    open     --escalate--------> escalated                   proposed_by = actor
    pending  --true_match------> closed (true_match: freeze) second user only
    pending  --false_positive--> closed (false_positive)     second user only
    pending  --escalate--------> escalated                   anyone; proposed_by = actor
    escalated--true_match------> closed (true_match: freeze) second user only
    escalated--false_positive--> closed (false_positive)     second user only
    escalated--escalate--------> refused (CaseError): it is with a reviewer already
    closed   --anything--------> DecisionConflict ("already decided: ...")

"Second user" (four eyes) means someone who has taken no earlier decision on this alert: whoever proposed
the true match or escalated it (both, when one proposed and another escalated) may not close it
(FourEyesError). Actor names are compared case-insensitively, so "Alice" cannot confirm "alice".

Every decision is one `Store.writing` transaction: it reads the alert under the write lock, checks the
machine, updates the alert only at the revision it read (revision + 1), records the decision and appends
the audit record. Two concurrent decisions therefore run one after the other: of two identical closing
decisions the second finds the alert closed and gets DecisionConflict; a caller that names the revision
it saw (`expected_revision`) gets DecisionConflict whenever anything was decided in between. A process
killed mid-way commits nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, select

from hoarfrost.cases import audit
from hoarfrost.cases.queries import Alert, read_alert
from hoarfrost.errors import AlertNotFound, CaseError, DecisionConflict, FourEyesError
from hoarfrost.store import Store
from hoarfrost.store import schema as t

ACTIONS = ("false_positive", "true_match", "escalate")
MAX_REASON = 4000
MAX_ACTOR = 128  # the width of the actor columns

# (state, action) -> (new state, resolution, needs a second user)
_TRANSITIONS: dict[tuple[str, str], tuple[str, str | None, bool]] = {
    ("open", "false_positive"): ("closed", "false_positive", False),
    ("open", "true_match"): ("pending_true_match", None, False),
    ("open", "escalate"): ("escalated", None, False),
    ("pending_true_match", "true_match"): ("closed", "true_match", True),
    ("pending_true_match", "false_positive"): ("closed", "false_positive", True),
    ("pending_true_match", "escalate"): ("escalated", None, False),
    ("escalated", "true_match"): ("closed", "true_match", True),
    ("escalated", "false_positive"): ("closed", "false_positive", True),
}


def decide(store: Store, alert_id: int, *, actor: str, action: str, reason: str,
           expected_revision: int | None = None) -> Alert:
    """Take one decision on an alert and return the alert as it now stands (with its decisions)."""
    actor, reason = _checked_actor(actor), _checked_reason(reason)
    if action not in ACTIONS:
        raise CaseError(f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
    with store.writing() as conn:
        alert = read_alert(conn, alert_id)
        to_state, resolution = _transition(alert, actor, action, expected_revision)
        _record(conn, alert, actor=actor, action=action, reason=reason, to_state=to_state, resolution=resolution)
        return read_alert(conn, alert_id)  # as this decision left it, whatever comes after


def _transition(alert: Alert, actor: str, action: str, expected_revision: int | None) -> tuple[str, str | None]:
    """The new state and resolution, or the error that refuses the decision."""
    if alert.state == "closed":
        last = alert.decisions[-1] if alert.decisions else None
        by = f" by {last.actor} at {last.at}" if last else ""
        raise DecisionConflict(f"alert {alert.id} already decided: closed as {alert.resolution}{by}")
    if expected_revision is not None and expected_revision != alert.revision:
        raise DecisionConflict(f"alert {alert.id} changed since revision {expected_revision} "
                               f"(now revision {alert.revision}, {alert.state}): re-read it and decide again")
    step = _TRANSITIONS.get((alert.state, action))
    if step is None:
        raise CaseError(f"alert {alert.id} is {alert.state}: it cannot be escalated again; decide "
                        "false_positive or true_match")
    to_state, resolution, second_user = step
    if second_user and _same_person(actor, [d.actor for d in alert.decisions]):
        raise FourEyesError(f"alert {alert.id}: {actor} already decided on it ({alert.state} by "
                            f"{alert.proposed_by}); a second, different user must close it")
    return to_state, resolution


def _record(conn: Connection, alert: Alert, *, actor: str, action: str, reason: str, to_state: str,
            resolution: str | None) -> None:
    now = _now()
    a = t.alerts.c
    proposed_by = actor if to_state in ("pending_true_match", "escalated") else alert.proposed_by
    updated = conn.execute(t.alerts.update().where(a.id == alert.id, a.revision == alert.revision).values(
        state=to_state, resolution=resolution, proposed_by=proposed_by, updated_at=now,
        revision=alert.revision + 1))
    if updated.rowcount != 1:  # only on a backend without an immediate write lock; SQLite never gets here
        raise DecisionConflict(f"alert {alert.id} was decided by someone else meanwhile: re-read it")
    conn.execute(t.decisions.insert().values(alert_id=alert.id, actor=actor, action=action, reason=reason,
                                             from_state=alert.state, to_state=to_state, at=now))
    audit.append(conn, actor=actor, action="decision", subject=f"alert:{alert.id}", detail={
        "action": action, "reason": reason, "from_state": alert.state, "to_state": to_state,
        "resolution": resolution, "revision": alert.revision + 1})


# -- the allow-list ----------------------------------------------------------------------------------


def allow(store: Store, alert_id: int, *, actor: str, reason: str) -> int:
    """Allow-list the pair of an alert closed as a false positive, for exactly the two versions it screened.

    Screening the same customer version against the same list entry version then raises no alert
    (cases.alerts.raise_alerts); when either changes the pair alerts again. Only a closed false positive
    can be allow-listed: a pair still under review must be decided first, and a true match is a freeze.
    Returns the entry's id; allow-listing the same versions twice returns the existing entry.
    """
    actor, reason = _checked_actor(actor), _checked_reason(reason)
    with store.writing() as conn:
        alert = read_alert(conn, alert_id)
        if alert.state != "closed" or alert.resolution != "false_positive":
            raise CaseError(f"alert {alert_id} is {alert.resolution or alert.state}: only an alert closed as "
                            "false_positive can be allow-listed")
        existing = _active_entry(conn, alert)
        if existing is not None:
            return existing
        entry_id = int(conn.execute(t.allow_list.insert().values(
            customer_id=alert.customer_id, customer_hash=alert.customer_hash, source=alert.source,
            source_id=alert.source_id, entity_hash=alert.entity_hash, actor=actor, reason=reason, at=_now(),
            revoked_at=None,
        )).inserted_primary_key[0])  # type: ignore[index]
        audit.append(conn, actor=actor, action="allow_list.add", subject=f"allow:{entry_id}", detail={
            "alert_id": alert.id, "customer_id": alert.customer_id, "customer_hash": alert.customer_hash,
            "entity_id": alert.entity_id, "entity_hash": alert.entity_hash, "reason": reason})
    return entry_id


def revoke_allow(store: Store, entry_id: int, *, actor: str, reason: str) -> None:
    """Revoke an allow-list entry: the pair alerts again at its next screening. Kept, marked revoked."""
    actor, reason = _checked_actor(actor), _checked_reason(reason)
    w = t.allow_list.c
    with store.writing() as conn:
        row = conn.execute(select(w.revoked_at).where(w.id == entry_id)).first()
        if row is None:
            raise AlertNotFound(f"no allow-list entry {entry_id}")
        if row.revoked_at is not None:
            raise DecisionConflict(f"allow-list entry {entry_id} already revoked at {row.revoked_at}")
        conn.execute(t.allow_list.update().where(w.id == entry_id).values(revoked_at=_now()))
        audit.append(conn, actor=actor, action="allow_list.revoke", subject=f"allow:{entry_id}",
                     detail={"reason": reason})


def _active_entry(conn: Connection, alert: Alert) -> int | None:
    w = t.allow_list.c
    return conn.execute(select(w.id).where(
        w.customer_id == alert.customer_id, w.customer_hash == alert.customer_hash, w.source == alert.source,
        w.source_id == alert.source_id, w.entity_hash == alert.entity_hash, w.revoked_at.is_(None),
    ).limit(1)).scalar()


# -- checks ---------------------------------------------------------------------------------------


def _checked_actor(actor: str) -> str:
    actor = actor.strip()
    if not actor or len(actor) > MAX_ACTOR:
        raise CaseError(f"an actor (user name) of 1 to {MAX_ACTOR} characters is required")
    return actor


def _checked_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CaseError("a reason is required for every decision")
    if len(reason) > MAX_REASON:
        raise CaseError(f"the reason is {len(reason):,} characters long; at most {MAX_REASON:,}")
    return reason


def _same_person(actor: str, others: list[str]) -> bool:
    return actor.casefold() in {other.casefold() for other in others}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
