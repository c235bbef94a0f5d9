"""Raising many alerts at once: what cases.alerts.raise_alerts does hit by hit, in a few statements.

A list change can concern thousands of customers; raise_alerts costs a handful of statements per hit
(its checks, the insert, an audit append that reads and moves the chain's head). Here the checks read
every alert and allow-list entry of the customers concerned at once, the alerts are inserted in bulk
and their audit records appended in one pass (audit.append_many), with the same rules: no alert for a
pair with one under review or one for exactly these two versions, none where an allow-list entry
covers exactly these versions. Same columns, same audit record as raise_alerts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from hoarfrost.cases import audit
from hoarfrost.cases.alerts import OPEN_STATES, Hit, customer_hash, entity_hash
from hoarfrost.store import schema as t

_CHUNK = 900  # SQLite's bound parameters per statement, with room


def raise_many(conn: Connection, hits: Iterable[Hit], *, actor: str = "system") -> list[int]:
    """Record the hits that are new as open alerts (in the caller's `Store.writing` transaction); their ids."""
    hits = list(hits)
    if not hits:
        return []
    customers = sorted({hit.customer.id for hit in hits})
    under_review, alerted, allowed = _known(conn, customers)
    next_id = (conn.execute(select(func.max(t.alerts.c.id))).scalar() or 0) + 1
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows: list[dict[str, Any]] = []
    records: list[tuple[str, str, str, dict[str, Any]]] = []
    for hit in hits:
        if hit.entity.snapshot_id is None:
            raise ValueError("a hit's entity must come from a stored snapshot")
        c_hash, e_hash = customer_hash(hit.customer), entity_hash(hit.entity)
        pair = (hit.customer.id, hit.entity.source, hit.entity.source_id)
        if pair in under_review or (*pair, c_hash, e_hash) in alerted or (*pair, c_hash, e_hash) in allowed:
            continue
        under_review.add(pair)  # a second hit on the same pair in this batch: one alert
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
        next_id += 1
    for start in range(0, len(rows), 5000):
        conn.execute(t.alerts.insert(), rows[start : start + 5000])
    audit.append_many(conn, records)
    return [row["id"] for row in rows]


_Pair = tuple[str, str, str]
_Versions = tuple[str, str, str, str, str]


def _known(conn: Connection, customers: list[str]) -> tuple[set[_Pair], set[_Versions], set[_Versions]]:
    """For these customers: pairs with an alert under review, versions alerted before, versions allowed."""
    a, w = t.alerts.c, t.allow_list.c
    under_review: set[_Pair] = set()
    alerted: set[_Versions] = set()
    allowed: set[_Versions] = set()
    for start in range(0, len(customers), _CHUNK):
        chunk = customers[start : start + _CHUNK]
        for row in conn.execute(select(a.customer_id, a.source, a.source_id, a.customer_hash, a.entity_hash,
                                       a.state).where(a.customer_id.in_(chunk))):
            alerted.add((row.customer_id, row.source, row.source_id, row.customer_hash, row.entity_hash))
            if row.state in OPEN_STATES:
                under_review.add((row.customer_id, row.source, row.source_id))
        allowed.update((e.customer_id, e.source, e.source_id, e.customer_hash, e.entity_hash) for e in conn.execute(
            select(w.customer_id, w.source, w.source_id, w.customer_hash, w.entity_hash)
            .where(w.customer_id.in_(chunk), w.revoked_at.is_(None))))
    return under_review, alerted, allowed
