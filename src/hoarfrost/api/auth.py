"""The API key on each request, and the role a route needs.

A key is read from `Authorization: Bearer <key>`, `Authorization: ApiKey <key>` (what OpenSanctions'
hosted API and its yente clients send), a bare `Authorization: <key>`, or `X-API-Key: <key>`. It is
never read from the query string: uvicorn's access log writes query strings, and keys must not be
logged. Every request looks the key up (one indexed read), so a revoked key stops working at once.
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


def requires(role: Role) -> Callable[..., Coroutine[Any, Any, KeyInfo]]:
    """A dependency: the request's key, if its role includes `role` (401 without a valid key, 403 below it)."""

    async def dependency(request: Request, _bearer: Annotated[Any, Security(_BEARER)],
                         _header: Annotated[Any, Security(_HEADER)]) -> KeyInfo:
        # A synchronous indexed read: quicker than a hop to the thread pool, and SQLite readers never wait
        # for a writer under WAL.
        key = access.authenticate(_state(request).store, presented_key(request))
        access.require(key, role)
        request.state.key = key
        return key

    return dependency

