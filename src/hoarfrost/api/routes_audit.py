"""GET /audit/export: the audit trail between two times, as JSON lines or CSV, for a supervisor.

Streamed record by record, so a year of records never sits in memory. The export is itself audited
(who exported which period): a regulator may ask who saw the trail.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import error_responses
from hoarfrost.api.state import ApiState
from hoarfrost.cases import audit
from hoarfrost.errors import QueryError
from hoarfrost.store import Store

router = APIRouter(tags=["audit"], dependencies=[Depends(known_query_only)])
COLUMNS = ("seq", "at", "actor", "action", "subject", "detail", "prev_hash", "hash")


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"


@router.get("/audit/export", responses=error_responses(401, 403, 422))
def export(
    key: Annotated[KeyInfo, Depends(requires(Role.SUPERVISOR))],
    state: Annotated[ApiState, Depends(api_state)],
    since: Annotated[str | None, Query(max_length=40, description="First day (YYYY-MM-DD) or time, inclusive")]
    = None,
    until: Annotated[str | None, Query(max_length=40, description="Last day (inclusive) or time (exclusive)")]
    = None,
    format: Annotated[ExportFormat, Query(description="jsonl or csv")] = ExportFormat.JSONL,
) -> StreamingResponse:
    """Audit records in sequence order, each with its hash and the previous record's hash."""
    bounds = {"since": _bound("since", since, inclusive_day=False), "until": _bound("until", until, inclusive_day=True)}
    if bounds["since"] and bounds["until"] and bounds["until"] <= bounds["since"]:
        raise QueryError(f"'until' ({until}) is not after 'since' ({since})")
    with state.store.writing() as conn:
        audit.append(conn, actor=key.name, action="audit.export", subject="audit_log",
                     detail={**bounds, "format": format.value})
    lines = _jsonl(state.store, bounds["since"], bounds["until"]) if format is ExportFormat.JSONL else \
        _csv(state.store, bounds["since"], bounds["until"])
    media = "application/x-ndjson" if format is ExportFormat.JSONL else "text/csv; charset=utf-8"
    name = f"audit.{format.value}"
    return StreamingResponse(lines, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _bound(name: str, value: str | None, *, inclusive_day: bool) -> str | None:
    """As `hoarfrost audit export` reads its period (cases.audit.time_bound); empty means unbounded."""
    if value is None or not value.strip():
        return None
    return audit.time_bound(value.strip(), f"'{name}'", inclusive_day=inclusive_day)


def _jsonl(store: Store, since: str | None, until: str | None) -> Iterator[str]:
    for record in audit.records(store, since, until):
        yield json.dumps(record.as_json(), ensure_ascii=False) + "\n"


def _csv(store: Store, since: str | None, until: str | None) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for record in audit.records(store, since, until):
        writer.writerow([getattr(record, column) for column in COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
