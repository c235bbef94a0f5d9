"""For a supervisor: GET /reports/freezes (the freeze report), GET /audit/verify (is the trail whole?) and
GET /audit/head (the newest record, to keep outside the store as an anchor for /audit/verify?anchor=).

The freeze report is the CLI's (`hoarfrost report freezes`), as CSV for systems or one HTML page for
people. It names customers, so who fetched it is audited, as an audit export is. Verifying reads the
whole chain and changes nothing; a broken chain is an answer (`ok: false` and where it breaks), not an
error of the request.
"""

from __future__ import annotations

import io
import logging
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import error_responses
from hoarfrost.api.state import ApiState
from hoarfrost.cases import audit
from hoarfrost.cases.report import freeze_csv, freeze_html, freeze_rows

router = APIRouter(tags=["reports"], dependencies=[Depends(known_query_only)])
log = logging.getLogger("hoarfrost.api")
ERRORS = error_responses(401, 403, 422)
Supervisor = Annotated[KeyInfo, Depends(requires(Role.SUPERVISOR))]
State = Annotated[ApiState, Depends(api_state)]
# The page carries no script and loads nothing: its own inline style is all it may use.
_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


class ReportFormat(StrEnum):
    CSV = "csv"
    HTML = "html"


class VerifyResponse(BaseModel):
    ok: bool
    records: int
    problems: list[str]


@router.get("/reports/freezes", responses=ERRORS, response_class=Response)
def freezes(key: Supervisor, state: State,
            format: Annotated[ReportFormat, Query(description="csv or html")] = ReportFormat.CSV) -> Response:
    """Every confirmed match: the customer, the designation, when the freeze was decided and by both deciders."""
    rows = freeze_rows(state.store)
    with state.store.writing() as conn:
        audit.append(conn, actor=key.name, action="report.freezes", subject="freezes",
                     detail={"format": format.value, "rows": len(rows)})
    if format is ReportFormat.HTML:
        return HTMLResponse(freeze_html(rows), headers={"Content-Security-Policy": _PAGE_POLICY})
    buffer = io.StringIO()
    freeze_csv(rows, buffer)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="freezes.csv"'})


@router.get("/audit/verify", responses=ERRORS)
def verify(_key: Supervisor, state: State,
           anchor: Annotated[list[str] | None, Query(max_length=100, description="SEQ:HASH of a record kept outside "
                                                     "the store (GET /audit/head); repeatable")] = None,
           ) -> VerifyResponse:
    """Walk the hash chain: `ok` when no record was edited, removed or reordered and every anchor given is
    still held; else where it breaks."""
    anchors = [audit.Anchor.parse(text) for text in anchor or ()]
    result = audit.verify(state.store, anchors)
    if not result.ok:
        log.warning("audit verify: the chain is broken (%d problems over %d records)", len(result.problems),
                    result.records)
    return VerifyResponse(ok=result.ok, records=result.records, problems=list(result.problems))


class HeadResponse(BaseModel):
    seq: int
    hash: str
    at: str
    anchor: str  # SEQ:HASH, as /audit/verify?anchor= and `hoarfrost audit verify --anchor` take it


@router.get("/audit/head", responses=error_responses(401, 403, 404))
def head(_key: Supervisor, state: State) -> HeadResponse:
    """The newest audit record's number and hash: keep it outside the store (a ticket, a log, the regulator)
    and pass it to /audit/verify later, which then also catches a chain rewritten whole."""
    found = audit.head(state.store)
    if found is None:
        raise HTTPException(404, "the audit trail has no record yet")
    anchor, at = found
    return HeadResponse(seq=anchor.seq, hash=anchor.hash, at=at, anchor=str(anchor))
