"""POST /screen and POST /screen/batch: names in, matches out, in the JSON contract of `screen --json`.

A batch is all or nothing: a query the screener refuses (empty name, bad date, unknown country)
fails the whole batch with 422 naming its position and id, before anything is screened or audited.
A client sends machine-made batches; one clear refusal is easier to act on than results with holes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api import screening
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import (
    BatchRequest,
    BatchResponse,
    ScreenQuery,
    ScreenRequest,
    ScreenResponse,
    error_responses,
)
from hoarfrost.api.state import ApiState
from hoarfrost.errors import QueryError
from hoarfrost.screening.screener import Query, make_query

router = APIRouter(tags=["screening"], dependencies=[Depends(known_query_only)])
ERRORS = error_responses(401, 403, 413, 422, 503)


def to_query(body: ScreenQuery) -> Query:
    return make_query(body.name, body.schema_, body.dob, body.country, tuple(body.identifiers))


@router.post("/screen", response_model=ScreenResponse, responses=ERRORS)
async def screen(body: ScreenRequest, key: Annotated[KeyInfo, Depends(requires(Role.SCREENING, audited=True))],
                 state: Annotated[ApiState, Depends(api_state)]) -> JSONResponse:
    """Screen one name (with optional date of birth, country, identifiers) against every list in force."""
    query = to_query(body)
    loaded = screening.screener_in_force(state.holder)
    results = await state.on_screening_thread(lambda: screening.screen_all(loaded, [(None, query)], body.threshold))
    await screening.record(state, key, "/screen", screening.audit_detail("/screen", loaded, results, body.threshold))
    return JSONResponse({"query": query.as_json(), "matches": [m.as_json() for m in results[0].matches]})


@router.post("/screen/batch", response_model=BatchResponse, responses=ERRORS)
async def screen_batch(body: BatchRequest, key: Annotated[KeyInfo, Depends(requires(Role.SCREENING, audited=True))],
                       state: Annotated[ApiState, Depends(api_state)]) -> JSONResponse:
    """Screen up to 1,000 names in one call; results in the order of the queries, each with its `id`."""
    queries = _batch_queries(body)
    loaded = screening.screener_in_force(state.holder)
    results = await state.on_screening_thread(lambda: screening.screen_all(loaded, queries, body.threshold))
    detail = screening.audit_detail("/screen/batch", loaded, results, body.threshold)
    await screening.record(state, key, "/screen/batch", detail)
    return JSONResponse({"results": [{"id": r.ref, "matches": [m.as_json() for m in r.matches]} for r in results]})


def _batch_queries(body: BatchRequest) -> list[tuple[str | None, Query]]:
    queries: list[tuple[str | None, Query]] = []
    seen: set[str] = set()
    for position, item in enumerate(body.queries):
        if item.id in seen:
            raise QueryError(f"queries[{position}]: the id {item.id!r} is used twice in the batch")
        seen.add(item.id)
        try:
            queries.append((item.id, to_query(item)))
        except QueryError as exc:
            raise QueryError(f"queries[{position}] (id {item.id!r}): {exc}; nothing was screened") from None
    return queries
