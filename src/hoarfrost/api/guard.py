"""The outermost layer of the app: body size limit, and the last word on unexpected errors.

A body is refused with 413 when its Content-Length says it is too large, before a byte is read, and
also while it streams (chunked bodies have no Content-Length, and a client may lie). An exception no
handler knew is answered with a bare 500 here, rather than re-raised to uvicorn, whose traceback in
the log could quote the request (customer names).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("hoarfrost.api")


class Guard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _respond(send, 413, self._too_large())
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._counting(receive), tracking_send)
        except Exception as exc:
            log.error("unexpected error on %s %s: %s", scope.get("method"), scope.get("path"), type(exc).__name__)
            log.debug("traceback", exc_info=exc)
            if not started:
                await _respond(send, 500, "internal error; the server log names the error's type")

    def _too_large(self) -> str:
        return f"the body is larger than {self.max_body_bytes:,} bytes"

    def _counting(self, receive: Receive) -> Receive:
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body_bytes:
                # Raised inside the route's body read: FastAPI passes HTTPException through as a 413.
                raise HTTPException(413, self._too_large())
            return message

        return counted


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _respond(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 413:  # the rest of the body is not read: the connection cannot carry another request
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
