"""The API key on each request, and the role a route needs.

A key is read from `Authorization: Bearer <key>`, `Authorization: ApiKey <key>` (what OpenSanctions'
hosted API and its yente clients send), a bare `Authorization: <key>`, or `X-API-Key: <key>`. It is
never read from the query string: uvicorn's access log writes query strings, and keys must not be
logged. A revoked key stops working at once: a request either looks its key up (one indexed read), or,
on the screening routes (`requires(..., audited=True)`), takes it from a short cache and has it checked
again in the transaction that commits its audit record, before it is answered (audit_writer.py).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPBearer

from hoarfrost import access
from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.state import ApiState
from hoarfrost.errors import AuthError

# Declared for the OpenAPI page only (its "Authorize" button); the header is parsed below.
_BEARER = HTTPBearer(auto_error=False, description="Authorization: Bearer <key> (or ApiKey <key>)")
_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <key>")
_SCHEMES = ("bearer", "apikey")


async def api_state(request: Request) -> ApiState:
    """The service's state (a dependency). Async on purpose: FastAPI runs a plain `def` dependency in its
    thread pool, a hop to another thread and back on every request for one attribute read."""
    return _state(request)


def _state(request: Request) -> ApiState:
    state: ApiState = request.app.state.api
    return state


def presented_key(request: Request) -> str:
    """The key the request carries; AuthError when it carries none."""
    header = request.headers.get("x-api-key", "").strip()
    if header:
        return header
    authorization = request.headers.get("authorization", "").strip()
    scheme, _, rest = authorization.partition(" ")
    if rest.strip() and scheme.lower() in _SCHEMES:
        return rest.strip()
    if authorization and not rest:
        return authorization
    raise AuthError("no API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>' (see 'hoarfrost keys')")


def requires(role: Role, *, audited: bool = False) -> Callable[..., Coroutine[Any, Any, KeyInfo]]:
    """A dependency: the request's key, if its role includes `role` (401 without a valid key, 403 below it).

    `audited`: the route answers only once its audit record is committed with the key checked again
    (`screening.record`), so the key may come from the cache.
    """

    async def dependency(request: Request, _bearer: Annotated[Any, Security(_BEARER)],
                         _header: Annotated[Any, Security(_HEADER)]) -> KeyInfo:
        # A synchronous indexed read: quicker than a hop to the thread pool, and SQLite readers never wait
        # for a writer under WAL.
        state = _state(request)
        secret = presented_key(request)
        key = state.keys.authenticate(state.store, secret) if audited else access.authenticate(state.store, secret)
        access.require(key, role)
        request.state.key = key
        return key

    return dependency

