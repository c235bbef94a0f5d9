"""Every error a request can meet, as an HTTP status and `{"detail": "<one clear sentence>"}`.

hoarfrost's own errors (`HoarfrostError`) say what is wrong in words a client can act on, so their
message is the detail. Validation errors of a body name the field. Anything unexpected is answered in guard.py.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from hoarfrost import errors as e

log = logging.getLogger("hoarfrost.api")

# Most specific first: the first class an error is an instance of gives the status.
STATUS: tuple[tuple[type[e.HoarfrostError], int], ...] = (
    (e.Forbidden, 403),
    (e.AuthError, 401),
    (e.QueryError, 422),
    (e.SnapshotNotFound, 404),
    (e.AlertNotFound, 404),
    (e.DecisionConflict, 409),
    (e.FourEyesError, 403),  # this user may not take this decision: a second, different one must
    (e.CaseError, 409),  # a decision the alert's state does not allow (e.g. deciding a closed alert)
    (e.CustomerFileError, 422),
    (e.ListFileError, 422),
    (e.DownloadError, 502),
    (e.StoreError, 503),
    (e.AuditError, 503),
    (e.ConfigError, 503),
)


_NOT_AN_OBJECT = ("model_attributes_type", "dict_type", "model_type")


def status_of(exc: e.HoarfrostError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 400


def install(app: FastAPI) -> None:
    app.add_exception_handler(e.HoarfrostError, _hoarfrost_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(SQLAlchemyError, _store_error)  # type: ignore[arg-type]


async def _hoarfrost_error(request: Request, exc: e.HoarfrostError) -> JSONResponse:
    status = status_of(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status >= 500:
        log.error("%s %s: %s", request.method, request.url.path, type(exc).__name__)
    return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)


async def _store_error(request: Request, exc: SQLAlchemyError) -> JSONResponse:
    """The database failed under a request (file gone, disk full, locked past the busy timeout)."""
    log.error("%s %s: the store failed: %s", request.method, request.url.path, type(exc).__name__)
    return JSONResponse({"detail": f"the store could not be read or written ({type(exc).__name__}); retry later"},
                        status_code=503)


async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """One sentence naming each wrong field; malformed JSON is a 400 (the body is not JSON at all)."""
    problems = list(exc.errors())
    if any(p.get("type") == "json_invalid" for p in problems):
        where = next(p for p in problems if p.get("type") == "json_invalid")
        error = where.get("ctx", {}).get("error", "")
        return JSONResponse({"detail": f"the body is not valid JSON ({error})".replace(" ()", "")}, status_code=400)
    if [tuple(p.get("loc", ())) for p in problems] == [("body",)] and problems[0].get("type") in _NOT_AN_OBJECT:
        return JSONResponse({"detail": "the body must be a JSON object, sent with Content-Type: application/json"},
                            status_code=422)
    lines = [f"{_where(p.get('loc', ()))}: {p.get('msg', 'invalid')}" for p in problems[:10]]
    more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
    errors = [{"loc": list(p.get("loc", ())), "msg": p.get("msg"), "type": p.get("type")} for p in problems[:50]]
    return JSONResponse({"detail": "; ".join(lines) + more, "errors": errors}, status_code=422)


def _where(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """`body.queries[3].name` from pydantic's ('body', 'queries', 3, 'name')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "request"

