"""Alerts: a customer version meeting a list entity version above threshold, kept with its explanation.

`raise_alerts` is how screening (on customer load, on a new list snapshot, from the API) records what
it found. A pair (customer x list entity) does not alert again:
- while it has an alert under review (open, pending_true_match, escalated);
- for exactly the two versions of a confirmed true match (the freeze stands until either side changes);
- while an allow-list entry covers exactly these two versions (cases.decisions.allow).
A false positive closed without an allow-list entry alerts again when the same versions are screened
again (a full re-screen, a new algorithm): clearing a pair for good is the allow-list's job, as the
issue asks. A pair closed as delisted or customer_deleted alerts again when the entry is re-listed or
the customer comes back. When either the customer or the list entry changes, every pair alerts again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, select

from hoarfrost.cases import audit
from hoarfrost.model import Customer, Entity, customer_to_json, entity_to_json
from hoarfrost.store import schema as t

OPEN_STATES = ("open", "pending_true_match", "escalated")


def entity_hash(entity: Entity) -> str:
    """The version hash the store gives this entity's content (store.store._insert_batch)."""
    return hashlib.sha256(entity_to_json(entity)).hexdigest()


def customer_hash(customer: Customer) -> str:
    return hashlib.sha256(customer_to_json(customer)).hexdigest()


@dataclass(frozen=True)
class Hit:
    """One screening result worth an alert: which customer version met which list entity version, and how."""

    customer: Customer
    entity: Entity  # as read from a snapshot (snapshot_id set)
    score: float
    matched_name: str
    explanation: list[dict[str, Any]]
    algorithm: str


def raise_alerts(conn: Connection, hits: Iterable[Hit], *, actor: str = "system") -> list[int]:
    """Record the hits that are new as open alerts (in the caller's `Store.writing` transaction); their ids."""
    raised: list[int] = []
    now = _now()
    for hit in hits:
        if hit.entity.snapshot_id is None:
            raise ValueError("a hit's entity must come from a stored snapshot")
        c_hash, e_hash = customer_hash(hit.customer), entity_hash(hit.entity)
        if _already_alerted(conn, hit, c_hash, e_hash) or _allowed(conn, hit, c_hash, e_hash):
            continue
        alert_id = conn.execute(t.alerts.insert().values(
            customer_id=hit.customer.id, customer_hash=c_hash, source=hit.entity.source,
            source_id=hit.entity.source_id, entity_hash=e_hash, snapshot_id=hit.entity.snapshot_id,
            algorithm=hit.algorithm, score=hit.score, matched_name=hit.matched_name,
            explanation=json.dumps(hit.explanation, ensure_ascii=False), state="open", resolution=None,
            proposed_by=None, created_at=now, updated_at=now, revision=0,
        )).inserted_primary_key[0]  # type: ignore[index]
        audit.append(conn, actor=actor, action="alert.raise", subject=f"alert:{alert_id}", detail={
            "customer_id": hit.customer.id, "customer_hash": c_hash, "entity_id": hit.entity.id,
            "entity_hash": e_hash, "snapshot_id": hit.entity.snapshot_id, "score": round(hit.score, 4),
            "algorithm": hit.algorithm})
        raised.append(int(alert_id))
    return raised


def _already_alerted(conn: Connection, hit: Hit, c_hash: str, e_hash: str) -> bool:
    """An alert under review for the pair, or a confirmed true match of exactly these two versions."""
    a = t.alerts.c
    pair = and_(a.customer_id == hit.customer.id, a.source == hit.entity.source, a.source_id == hit.entity.source_id)
    frozen = and_(a.customer_hash == c_hash, a.entity_hash == e_hash, a.resolution == "true_match")
    query = select(a.id).where(pair, a.state.in_(OPEN_STATES) | frozen).limit(1)
    return conn.execute(query).first() is not None


def _allowed(conn: Connection, hit: Hit, c_hash: str, e_hash: str) -> bool:
    w = t.allow_list.c
    query = select(w.id).where(
        w.customer_id == hit.customer.id, w.source == hit.entity.source, w.source_id == hit.entity.source_id,
        w.customer_hash == c_hash, w.entity_hash == e_hash, w.revoked_at.is_(None),
    ).limit(1)
    return conn.execute(query).first() is not None


def close_alerts(conn: Connection, alert_ids: Iterable[int], resolution: str, *, actor: str = "system",
                 reason: str) -> int:
    """Close alerts without a reviewer (a designation removed from its list: "delisted"; a customer deleted)."""
    closed = 0
    now = _now()
    for alert_id in alert_ids:
        row = conn.execute(select(t.alerts.c.state, t.alerts.c.revision).where(t.alerts.c.id == alert_id)).first()
        if row is None or row.state not in OPEN_STATES:
            continue
        conn.execute(t.alerts.update().where(t.alerts.c.id == alert_id).values(
            state="closed", resolution=resolution, updated_at=now, revision=row.revision + 1))
        conn.execute(t.decisions.insert().values(alert_id=alert_id, actor=actor, action=resolution, reason=reason,
                                                 from_state=row.state, to_state="closed", at=now))
        audit.append(conn, actor=actor, action="alert.close", subject=f"alert:{alert_id}",
                     detail={"resolution": resolution, "reason": reason, "from_state": row.state})
        closed += 1
    return closed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
