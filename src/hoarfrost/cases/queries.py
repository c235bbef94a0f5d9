"""Reading alerts back: one alert with its decisions, or a page of alerts filtered by state, customer or list.

The faces (CLI, API) show alerts through `Alert.as_json`, so both print the same fields; the explanation is
parsed back from the JSON the screening stored, and the decisions come in the order they were taken.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, select

from hoarfrost.errors import AlertNotFound, CaseError
from hoarfrost.store import Store
from hoarfrost.store import schema as t

STATES = ("open", "pending_true_match", "escalated", "closed")
MAX_PAGE = 1000


@dataclass(frozen=True)
class Decision:
    """One step of an alert's review, as recorded (including the system's closings: delisted, customer_deleted)."""

    id: int
    actor: str
    action: str
    reason: str
    from_state: str
    to_state: str
    at: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Alert:
    """An alert row, its explanation parsed, and its decisions oldest first."""

    id: int
    customer_id: str
    customer_hash: str
    source: str
    source_id: str
    entity_hash: str
    snapshot_id: int
    algorithm: str
    score: float
    matched_name: str
    explanation: list[dict[str, Any]]
    state: str
    resolution: str | None
    proposed_by: str | None
    created_at: str
    updated_at: str
    revision: int
    decisions: tuple[Decision, ...] = field(default=())

    @property
    def entity_id(self) -> str:
        return f"{self.source}:{self.source_id}"

    def as_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "decisions"}
        data["entity_id"] = self.entity_id
        data["score"] = round(self.score, 4)
        data["decisions"] = [decision.as_json() for decision in self.decisions]
        return data


def get_alert(store: Store, alert_id: int) -> Alert:
    """One alert with its decisions; AlertNotFound if there is none with that id."""
    with store.engine.connect() as conn:
        return read_alert(conn, alert_id)


def read_alert(conn: Connection, alert_id: int) -> Alert:
    """`get_alert` inside a caller's transaction (decisions read the alert under the write lock)."""
    row = conn.execute(select(t.alerts).where(t.alerts.c.id == alert_id)).first()
    if row is None:
        raise AlertNotFound(f"no alert {alert_id}")
    return _alert(row, _decisions(conn, [alert_id]).get(alert_id, ()))


def list_alerts(store: Store, *, state: str | None = None, customer_id: str | None = None,
                source: str | None = None, limit: int = 100, offset: int = 0) -> list[Alert]:
    """Alerts in id order (oldest first), filtered; `limit` at most MAX_PAGE."""
    if state is not None and state not in STATES:
        raise CaseError(f"unknown alert state {state!r}; known: {', '.join(STATES)}")
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise CaseError(f"limit must be between 1 and {MAX_PAGE} and offset not negative")
    a = t.alerts.c
    query = select(t.alerts).order_by(a.id).limit(limit).offset(offset)
    if state is not None:
        query = query.where(a.state == state)
    if customer_id is not None:
        query = query.where(a.customer_id == customer_id)
    if source is not None:
        query = query.where(a.source == source)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        decisions = _decisions(conn, [row.id for row in rows])
    return [_alert(row, decisions.get(row.id, ())) for row in rows]


def _decisions(conn: Connection, alert_ids: Sequence[int]) -> dict[int, tuple[Decision, ...]]:
    found: dict[int, list[Decision]] = defaultdict(list)
    d = t.decisions.c
    for start in range(0, len(alert_ids), 500):  # SQLite bounds the number of parameters of one statement
        chunk = alert_ids[start:start + 500]
        for row in conn.execute(select(t.decisions).where(d.alert_id.in_(chunk)).order_by(d.id)):
            found[row.alert_id].append(Decision(row.id, row.actor, row.action, row.reason, row.from_state,
                                                row.to_state, row.at))
    return {alert_id: tuple(items) for alert_id, items in found.items()}


def _alert(row: Row[Any], decisions: Iterable[Decision]) -> Alert:
    return Alert(
        id=row.id, customer_id=row.customer_id, customer_hash=row.customer_hash, source=row.source,
        source_id=row.source_id, entity_hash=row.entity_hash, snapshot_id=row.snapshot_id, algorithm=row.algorithm,
        score=row.score, matched_name=row.matched_name, explanation=json.loads(row.explanation), state=row.state,
        resolution=row.resolution, proposed_by=row.proposed_by, created_at=row.created_at,
        updated_at=row.updated_at, revision=row.revision, decisions=tuple(decisions),
    )
