"""Request and response bodies of the API, as pydantic models: only here, at the edge.

Requests forbid unknown fields (a misspelt `threshhold` is an error, not a silently ignored option)
and bound every size. Responses are built by the library's `as_json()` and documented here for the
OpenAPI page; the routes return them without a second validation pass.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_BATCH = 1000  # queries per POST /screen/batch
MAX_MATCH_QUERIES = 100  # examples per POST /match (yente's own limit): each may hold up to 20 names
MAX_NAME_CHARS = 1000  # the screener's own limit (500 after cleaning) says the clearer thing below this
MAX_IDENTIFIERS = 20

Name = Annotated[str, StringConstraints(max_length=MAX_NAME_CHARS)]
Short = Annotated[str, StringConstraints(max_length=64)]
Identifier = Annotated[str, StringConstraints(max_length=128)]
Threshold = Annotated[float, Field(ge=0.0, le=1.0, description="Alert threshold in [0, 1] (default: the algorithm's)")]


class Strict(BaseModel):
    """A request body: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class ScreenQuery(Strict):
    name: Name = Field(description="The name to screen, in any script.")
    schema_: Short | None = Field(None, alias="schema", description="Person, Organization, Vessel or Aircraft.")
    dob: Short | None = Field(None, description="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    country: Short | None = Field(None, description="Country: an ISO code or a name.")
    identifiers: list[Identifier] = Field([], max_length=MAX_IDENTIFIERS,
                                          description="Passport, registration, IMO numbers...")


class ScreenRequest(ScreenQuery):
    threshold: Threshold | None = None


class BatchQuery(ScreenQuery):
    id: Annotated[str, StringConstraints(min_length=1, max_length=256)] = Field(
        description="Your reference for this query, repeated in its result.")


class BatchRequest(Strict):
    queries: list[BatchQuery] = Field(min_length=1, max_length=MAX_BATCH)
    threshold: Threshold | None = None


class MatchJSON(BaseModel):
    score: float
    source: str
    source_id: str
    entity_id: str
    caption: str
    schema_: str = Field(alias="schema")
    matched_name: str
    explanation: list[dict[str, Any]]


class ScreenResponse(BaseModel):
    query: dict[str, Any]
    matches: list[MatchJSON]


class BatchResult(BaseModel):
    id: str
    matches: list[MatchJSON]


class BatchResponse(BaseModel):
    results: list[BatchResult]


class ErrorResponse(BaseModel):
    detail: str


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route for the OpenAPI page: each error status with its `{"detail"}` body."""
    return {code: {"model": ErrorResponse} for code in codes}


class HealthResponse(BaseModel):
    status: str = Field(description="ok, or the reason the service cannot screen yet")
    store: bool
    lists: int
    screener: str = Field(description="ready, loading or failed")
    entities: int
    algorithm: str | None
    snapshots: list[int] = Field(description="The snapshot ids the screener holds")


# -- yente's /match ---------------------------------------------------------------------------------
# The shapes of yente's EntityExample / EntityMatchQuery, so that its clients can switch. An example may
# carry the fields of an entity as yente returns them (clients post results back); others are refused.

class EntityExample(Strict):
    id: str | None = Field(None, max_length=256)
    schema_: str = Field(alias="schema", max_length=64)
    properties: dict[str, str | list[Any]] = Field(max_length=64)
    caption: str | None = None
    datasets: list[str] = []
    referents: list[str] = []
    target: bool | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class EntityMatchQuery(Strict):
    queries: dict[str, EntityExample] = Field(max_length=MAX_MATCH_QUERIES)
    weights: dict[str, float] = Field({}, description="Accepted for yente clients; hoarfrost's weights are fixed "
                                                      "per named algorithm, so these are ignored.")
    config: dict[str, Any] = Field({}, description="yente algorithm settings: none are known here (400).")


class ScoredEntity(BaseModel):
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]
    datasets: list[str]
    referents: list[str]
    target: bool
    first_seen: str | None
    last_seen: str | None
    last_change: str | None
    score: float
    match: bool
    features: dict[str, float]
    explanation: list[dict[str, Any]]


class TotalSpec(BaseModel):
    value: int
    relation: str


class EntityMatches(BaseModel):
    status: int
    results: list[ScoredEntity]
    total: TotalSpec
    query: dict[str, Any]


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: dict[str, dict[str, Any]]
    limit: int
