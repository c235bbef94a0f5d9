"""POST /match/{dataset}: yente's matching endpoint, same request and answer, so its clients can switch.

`dataset` is `default` (or `sanctions`): every list in force; or a list key (un_sc, us_ofac_sdn, ...)
to screen against that list only. Query parameters as yente's: limit, threshold, cutoff, algorithm,
include_dataset, exclude_dataset, exclude_schema, exclude_entity_ids, topics. Scores are hoarfrost's,
so the default threshold is hoarfrost's algorithm's, not yente's 0.7. A bad example is a 400 naming
it, as yente answers; a body of the wrong shape is a 422.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api import screening, yente
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.schemas import EntityMatchQuery, EntityMatchResponse, error_responses
from hoarfrost.api.state import ApiState, LoadedScreener
from hoarfrost.errors import HoarfrostError, QueryError, SnapshotNotFound
from hoarfrost.matching.algorithm import DEFAULT_ALGORITHM
from hoarfrost.screening.screener import Match

router = APIRouter(tags=["matching (yente)"])
ALL_LISTS = ("default", "sanctions")
ALGORITHM_ALIASES = ("best", "default", DEFAULT_ALGORITHM)
MAX_LIMIT = 500


class BadExample(HoarfrostError):
    """An example or parameter yente would refuse with 400 (api/errors.py: a plain HoarfrostError is a 400)."""


@router.post("/match/{dataset}", response_model=EntityMatchResponse,
             responses=error_responses(400, 401, 403, 404, 413, 422, 503))
async def match(
    dataset: str,
    body: EntityMatchQuery,
    key: Annotated[KeyInfo, Depends(requires(Role.SCREENING, audited=True))],
    state: Annotated[ApiState, Depends(api_state)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Results per query")] = 5,
    threshold: Annotated[float | None, Query(ge=0, le=1, description="Score from which `match` is true")] = None,
    cutoff: Annotated[float | None, Query(ge=0, le=1, description="Lowest score returned (deprecated in yente)")]
    = None,
    algorithm: Annotated[str, Query(max_length=64, description="best, default or hoarfrost-name-v1")] = "best",
    include_dataset: Annotated[list[str], Query(description="Only results from these lists")] = [],  # noqa: B006
    exclude_dataset: Annotated[list[str], Query(description="No results from these lists")] = [],  # noqa: B006
    exclude_schema: Annotated[list[str], Query(description="No results of these schemata")] = [],  # noqa: B006
    exclude_entity_ids: Annotated[list[str], Query(max_length=50, description="No results with these ids")]
    = [],  # noqa: B006
    topics: Annotated[list[str], Query(description="Only entries with one of these topics (all are 'sanction')")]
    = [],  # noqa: B006
) -> JSONResponse:
    """Match FollowTheMoney examples (yente's query-by-example) against the lists."""
    if algorithm not in ALGORITHM_ALIASES:
        raise BadExample(f"unknown algorithm {algorithm!r}; use one of {', '.join(ALGORITHM_ALIASES)}")
    if body.config:
        raise BadExample(f"unknown configuration parameter {next(iter(body.config))!r} for {DEFAULT_ALGORITHM}")
    if not body.queries:
        raise BadExample("no queries given")
    loaded = screening.screener_in_force(state.holder)
    sources = _dataset_sources(dataset, loaded, include_dataset, exclude_dataset)
    try:
        examples = {name: yente.read_example(name, example) for name, example in body.queries.items()}
    except QueryError as exc:
        raise BadExample(str(exc)) from None
    alert_at = threshold if threshold is not None else loaded.screener.default_threshold
    lowest = min(cutoff, alert_at) if cutoff is not None else alert_at
    excluded = (set(exclude_schema), set(exclude_entity_ids), bool(topics) and "sanction" not in topics)

    def work() -> dict[str, list[Match]]:
        return {name: _kept(_screen(loaded, ex, lowest), sources, excluded) for name, ex in examples.items()}

    found = await state.on_screening_thread(work)
    route = f"/match/{dataset}"
    alerts = [screening.Screened(name, [m for m in ms if m.score >= alert_at]) for name, ms in found.items()]
    await screening.record(state, key, route, screening.audit_detail(route, loaded, alerts, alert_at,
                                                                      {"dataset": dataset}))
    responses = {name: _response(examples[name], matches, alert_at, limit) for name, matches in found.items()}
    return JSONResponse({"responses": responses, "matcher": yente.feature_docs(loaded.screener.matcher.weights),
                         "limit": limit}, headers={"x-batch-size": str(len(responses))})


def _dataset_sources(dataset: str, loaded: LoadedScreener, include: list[str], exclude: list[str]) -> set[str]:
    in_force = {info.source for info in loaded.snapshots}
    if dataset in ALL_LISTS:
        sources = in_force
    elif dataset in in_force:
        sources = {dataset}
    else:
        known = ", ".join([*ALL_LISTS, *sorted(in_force)])
        raise SnapshotNotFound(f"no dataset {dataset[:80]!r}; use one of {known}")
    if include:
        sources &= set(include)
    return sources - set(exclude)


def _screen(loaded: LoadedScreener, example: yente.Example, threshold: float) -> list[Match]:
    return yente.best_per_entity(m for query in example.queries for m in loaded.screener.screen(query, threshold))


def _kept(matches: list[Match], sources: set[str], excluded: tuple[set[str], set[str], bool]) -> list[Match]:
    schemata, ids, no_topic = excluded
    if no_topic:
        return []
    return [m for m in matches if m.entity.source in sources and m.entity.id not in ids
            and yente.RESULT_SCHEMATA[m.entity.schema] not in schemata]


def _response(example: yente.Example, matches: list[Match], threshold: float, limit: int) -> dict[str, Any]:
    return {"status": 200, "results": [yente.scored_entity(m, threshold) for m in matches[:limit]],
            "total": {"value": len(matches), "relation": "eq"}, "query": example.echo}
