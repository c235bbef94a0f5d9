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

from sqlalchemy import Connection, func, select

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
    """Record the hits that are new as open alerts (in the caller's `Store.writing` transaction); their ids.

    One hit or a list change's thousands, in a few statements: what the rules need (the customers' alerts
    under review, their confirmed true matches, their allow-list entries) is read for all the hits at once,
    the alerts are inserted in bulk and their audit records appended in one pass (audit.append_many)."""
    hits = list(hits)
    if not hits:
        return []
    under_review, frozen, allowed = _known(conn, sorted({hit.customer.id for hit in hits}))
    next_id = (conn.execute(select(func.max(t.alerts.c.id))).scalar() or 0) + 1
    now = _now()
    rows: list[dict[str, Any]] = []
    records: list[tuple[str, str, str, dict[str, Any]]] = []
    for hit in hits:
        if hit.entity.snapshot_id is None:
            raise ValueError("a hit's entity must come from a stored snapshot")
        c_hash, e_hash = customer_hash(hit.customer), entity_hash(hit.entity)
        pair = (hit.customer.id, hit.entity.source, hit.entity.source_id)
        if pair in under_review or (*pair, c_hash, e_hash) in frozen or (*pair, c_hash, e_hash) in allowed:
            continue
        under_review.add(pair)  # a second hit on the same pair: the alert just raised is under review
        rows.append({
            "id": next_id, "customer_id": hit.customer.id, "customer_hash": c_hash, "source": hit.entity.source,
            "source_id": hit.entity.source_id, "entity_hash": e_hash, "snapshot_id": hit.entity.snapshot_id,
            "algorithm": hit.algorithm, "score": hit.score, "matched_name": hit.matched_name,
            "explanation": json.dumps(hit.explanation, ensure_ascii=False), "state": "open", "resolution": None,
            "proposed_by": None, "created_at": now, "updated_at": now, "revision": 0})
        records.append((actor, "alert.raise", f"alert:{next_id}", {
            "customer_id": hit.customer.id, "customer_hash": c_hash, "entity_id": hit.entity.id,
            "entity_hash": e_hash, "snapshot_id": hit.entity.snapshot_id, "score": round(hit.score, 4),
            "algorithm": hit.algorithm}))
        next_id += 1  # the caller's write transaction holds the lock: no other writer takes these ids
    for start in range(0, len(rows), 5_000):
        conn.execute(t.alerts.insert(), rows[start : start + 5_000])
    audit.append_many(conn, records)
    return [row["id"] for row in rows]


_CHUNK = 900  # SQLite's bound parameters per statement, with room
_Pair = tuple[str, str, str]  # customer id, source, source id
_Versions = tuple[str, str, str, str, str]  # the pair, customer hash, entity hash


def _known(conn: Connection, customers: list[str]) -> tuple[set[_Pair], set[_Versions], set[_Versions]]:
    """For these customers: the pairs with an alert under review, the versions confirmed as true matches,
    the versions an allow-list entry in force covers."""
    a, w = t.alerts.c, t.allow_list.c
    under_review: set[_Pair] = set()
    frozen: set[_Versions] = set()
    allowed: set[_Versions] = set()
    for start in range(0, len(customers), _CHUNK):
        chunk = customers[start : start + _CHUNK]
        for row in conn.execute(select(a.customer_id, a.source, a.source_id, a.customer_hash, a.entity_hash,
                                       a.state, a.resolution).where(a.customer_id.in_(chunk))):
            if row.state in OPEN_STATES:
                under_review.add((row.customer_id, row.source, row.source_id))
            if row.resolution == "true_match":
                frozen.add((row.customer_id, row.source, row.source_id, row.customer_hash, row.entity_hash))
        allowed.update((e.customer_id, e.source, e.source_id, e.customer_hash, e.entity_hash) for e in conn.execute(
            select(w.customer_id, w.source, w.source_id, w.customer_hash, w.entity_hash)
            .where(w.customer_id.in_(chunk), w.revoked_at.is_(None))))
    return under_review, frozen, allowed


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
