"""The lists and their entries: GET /lists, GET /lists/{source}/diff, GET /entities/{entity_id}.

The same JSON as `hoarfrost lists --json`, `hoarfrost diff --json` and `hoarfrost show --json` (an entry
also carries yente's fields, so that yente's clients can fetch what they matched).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api import yente
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import error_responses
from hoarfrost.api.state import ApiState
from hoarfrost.diff import diff_lists
from hoarfrost.errors import QueryError, SnapshotNotFound
from hoarfrost.store import SnapshotInfo, Store

router = APIRouter(tags=["lists"], dependencies=[Depends(known_query_only)])
ERRORS = error_responses(401, 403, 404, 422)
Reader = Annotated[KeyInfo, Depends(requires(Role.SCREENING))]
State = Annotated[ApiState, Depends(api_state)]


@router.get("/lists", responses=ERRORS)
def lists(_key: Reader, state: State,
          all_snapshots: Annotated[bool, Query(alias="all", description="Every snapshot, not only those in force")]
          = False) -> list[dict[str, Any]]:
    """One entry per list: the snapshot in force, when it was published and loaded, its size."""
    rows = state.store.snapshots() if all_snapshots else state.store.current_snapshots()
    return [info.as_json() for info in rows]


@router.get("/lists/{source}/diff", responses=ERRORS)
def diff(source: str, _key: Reader, state: State,
         old: Annotated[int | None, Query(ge=1, description="Old snapshot id (default: the one before the newest)")]
         = None,
         new: Annotated[int | None, Query(ge=1, description="New snapshot id (default: the newest)")] = None
         ) -> JSONResponse:
    """Designations added, removed and changed between two snapshots of a list."""
    store = state.store
    old_info, new_info = _diff_pair(store, source, old, new)
    result = diff_lists(source, old_info.id, new_info.id, store.entity_hashes(old_info.id),
                        store.entity_hashes(new_info.id), store.entity_versions)
    return JSONResponse(result.as_json())


def _diff_pair(store: Store, source: str, old: int | None, new: int | None) -> tuple[SnapshotInfo, SnapshotInfo]:
    """The two snapshots asked for, or the two newest of the list (as `hoarfrost diff` chooses them)."""
    if (old is None) != (new is None):
        raise QueryError("give both 'old' and 'new' snapshot ids, or neither (the two newest)")
    history = sorted(store.snapshots(source), key=lambda i: (i.published or i.loaded_at, i.id))
    if not history:
        raise SnapshotNotFound(f"no list '{source}' in the store (see GET /lists)")
    if old is not None and new is not None:
        pair = store.snapshot(old), store.snapshot(new)
        stray = [info.id for info in pair if info.source != source]
        if stray:
            raise SnapshotNotFound(f"snapshot {stray[0]} is not a snapshot of {source}")
        return pair
    if len(history) < 2:
        raise SnapshotNotFound(f"{source} has {len(history)} snapshot in the store; a diff needs two")
    return history[-2], history[-1]


@router.get("/entities/{entity_id:path}", responses=ERRORS)
def entity(entity_id: str, _key: Reader, state: State,
           snapshot: Annotated[int | None, Query(ge=1, description="A snapshot id (default: the one in force)")]
           = None,
           nested: Annotated[bool, Query(description="yente's option, taken and ignored: no entry nests others")]
           = False) -> JSONResponse:
    """Everything the list says about one entry; `entity_id` is `source:source_id`, e.g. `un_sc:QDi.421`.

    The fields of `hoarfrost show --json`, and yente's (`id`, `caption`, `properties`, `datasets`, ...)."""
    source, sep, source_id = entity_id.partition(":")
    if not sep or not source or not source_id:
        raise QueryError(f"an entity id is 'source:source_id' (e.g. un_sc:QDi.421), not {entity_id[:80]!r}")
    found = state.store.entity(source, source_id, snapshot)
    if found.source != source:
        raise SnapshotNotFound(f"snapshot {snapshot} is not a snapshot of {source}")
    data = msgspec.to_builtins(found)
    data["entity_id"] = found.id
    # yente's fields beside hoarfrost's own, so that a yente client can read the entry it matched.
    return JSONResponse({**{k: v for k, v in yente.ftm_entity(found).items() if k != "schema"}, **data})
