"""Unknown query parameters are refused, as unknown body fields are: `/screen?threshhold=0.9` is an
error, not a silently ignored option. (POST /match/{dataset} is exempt: yente's clients send options
of yente's that mean nothing here, such as `fuzzy`.)"""

from __future__ import annotations

from fastapi import Request
from fastapi.routing import APIRoute

from hoarfrost.errors import QueryError


async def known_query_only(request: Request) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = {field.alias for field in route.dependant.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = f"it takes {', '.join(sorted(known))}" if known else "it takes none"
        raise QueryError(f"unknown query parameter {unknown[0][:40]!r} for {request.url.path}; {takes}")
