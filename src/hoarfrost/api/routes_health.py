"""GET /healthz: the one route without a key, for load balancers and `hoarfrost serve` scripts.

200 when the store answers and the screener is ready; 503 otherwise, saying which. It shows counts
and snapshot ids only, nothing a key would protect.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from hoarfrost.api.auth import api_state
from hoarfrost.api.schemas import HealthResponse
from hoarfrost.api.state import ApiState
from hoarfrost.errors import HoarfrostError

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, responses={503: {"model": HealthResponse}})
def healthz(state: Annotated[ApiState, Depends(api_state)]) -> JSONResponse:
    """Store reachable, lists in force, screener ready."""
    try:
        lists = len(state.store.current_snapshots())
        store_ok = True
    except (SQLAlchemyError, HoarfrostError):
        lists, store_ok = 0, False
    holder = state.holder
    loaded = holder.loaded
    problems = [] if store_ok else ["the store does not answer"]
    if loaded is None:
        problems.append(f"the screener is {holder.status}" + (f" ({holder.error})" if holder.error else ""))
    body = {
        "status": "; ".join(problems) or "ok", "store": store_ok, "lists": lists, "screener": holder.status,
        "entities": loaded.screener.entity_count if loaded else 0,
        "algorithm": loaded.screener.algorithm if loaded else None,
        "snapshots": [info.id for info in loaded.snapshots] if loaded else [],
    }
    return JSONResponse(body, status_code=503 if problems else 200)
