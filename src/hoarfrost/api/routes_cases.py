"""Alerts and decisions: GET /alerts, GET /alerts/{id}, POST /alerts/{id}/decisions, the allow-list.

The decider is the key's holder. Four eyes and the order of decisions are the library's
(cases/decisions.py): a decision that lost a race or names an old revision is a 409, a second decision
by the same person a 403. An escalated alert is for a supervisor: the route reads the alert, checks the
role against its state, and decides at the revision it read, so the state checked is the state decided.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from hoarfrost import access
from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import Strict, error_responses
from hoarfrost.api.state import ApiState
from hoarfrost.cases import decisions, queries

router = APIRouter(tags=["alerts"], dependencies=[Depends(known_query_only)])
ERRORS = error_responses(401, 403, 404, 409, 422)
Analyst = Annotated[KeyInfo, Depends(requires(Role.ANALYST))]
Supervisor = Annotated[KeyInfo, Depends(requires(Role.SUPERVISOR))]
State = Annotated[ApiState, Depends(api_state)]
Reason = Annotated[str, Field(min_length=1, max_length=decisions.MAX_REASON, description="Why, in words")]


class DecisionRequest(Strict):
    action: Literal["false_positive", "true_match", "escalate"]
    reason: Reason
    expected_revision: int | None = Field(None, ge=0, description="The revision you saw: 409 if it changed")


class ReasonRequest(Strict):
    reason: Reason


@router.get("/alerts", responses=ERRORS)
def list_alerts(
    _key: Analyst, state: State,
    alert_state: Annotated[Literal["open", "pending_true_match", "escalated", "closed"] | None,
                           Query(alias="state")] = None,
    customer_id: Annotated[str | None, Query(max_length=256)] = None,
    source: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Alerts, oldest first, filtered by state, customer and list."""
    found = queries.list_alerts(state.store, state=alert_state, customer_id=customer_id, source=source,
                                limit=limit, offset=offset)
    return [alert.as_json() for alert in found]


@router.get("/alerts/{alert_id}", responses=ERRORS)
def get_alert(alert_id: int, _key: Analyst, state: State) -> dict[str, Any]:
    """One alert with its explanation and every decision taken on it."""
    return queries.get_alert(state.store, alert_id).as_json()


@router.post("/alerts/{alert_id}/decisions", responses=ERRORS)
def decide(alert_id: int, body: DecisionRequest, key: Analyst, state: State) -> dict[str, Any]:
    """Decide: false_positive, true_match (a proposal, then a second user's confirmation) or escalate."""
    alert = queries.get_alert(state.store, alert_id)
    if alert.state == "escalated":
        access.require(key, Role.SUPERVISOR)
    revision = alert.revision if body.expected_revision is None else body.expected_revision
    return decisions.decide(state.store, alert_id, actor=key.name, action=body.action, reason=body.reason,
                            expected_revision=revision).as_json()


@router.post("/alerts/{alert_id}/allow", responses=ERRORS)
def allow(alert_id: int, body: ReasonRequest, key: Supervisor, state: State) -> dict[str, int]:
    """Allow-list the alert's pair: no new alert for it until the customer or the list entry changes."""
    return {"allow_list_entry": decisions.allow(state.store, alert_id, actor=key.name, reason=body.reason)}


@router.post("/allow-list/{entry_id}/revoke", responses=ERRORS)
def revoke_allow(entry_id: int, body: ReasonRequest, key: Supervisor, state: State) -> dict[str, int]:
    """End an allow-list entry: the pair alerts again on its next screening."""
    decisions.revoke_allow(state.store, entry_id, actor=key.name, reason=body.reason)
    return {"revoked": entry_id}
