"""Customers, read: GET /customers/{id} and GET /customers/{id}/history, for an analyst working an alert.

Writing customers (POST /customers, DELETE /customers/{id}: admin) is the second wave: a load screens
each new or changed customer, and in the server that should use the screener already in memory
rather than build another per request.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import error_responses
from hoarfrost.api.state import ApiState
from hoarfrost.customers import registry

router = APIRouter(tags=["customers"], dependencies=[Depends(known_query_only)])
ERRORS = error_responses(401, 403, 404, 422)
Analyst = Annotated[KeyInfo, Depends(requires(Role.ANALYST))]
State = Annotated[ApiState, Depends(api_state)]


@router.get("/customers/{customer_id:path}/history", responses=ERRORS)
def history(customer_id: str, _key: Analyst, state: State) -> list[dict[str, Any]]:
    """Every add, change and deletion of the customer, oldest first."""
    return [change.as_json() for change in registry.customer_history(state.store, customer_id)]


@router.get("/customers/{customer_id:path}", responses=ERRORS)
def customer(customer_id: str, _key: Analyst, state: State) -> dict[str, Any]:
    """The customer's current version (or the one deleted), with its version hash."""
    return registry.get_customer(state.store, customer_id).as_json()
