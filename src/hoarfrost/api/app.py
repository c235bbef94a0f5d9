"""The application: settings, the store, the screener kept fresh, and the routes of each group.

A group of routes is a module with an `APIRouter` named `router`, listed in ROUTERS: the second wave
(customers, alerts and decisions) adds its modules there and nothing else changes. `hoarfrost serve`
runs `from_env` under uvicorn (a factory, so several worker processes can each build their own app).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass
from importlib import import_module

from fastapi import FastAPI

from hoarfrost import __version__
from hoarfrost.api import errors
from hoarfrost.api.guard import Guard
from hoarfrost.api.state import ApiState, ScreenerHolder
from hoarfrost.store import Store

ROUTERS = (
    "hoarfrost.api.routes_health",
    "hoarfrost.api.routes_screening",
    "hoarfrost.api.routes_match",
    "hoarfrost.api.routes_lists",
    "hoarfrost.api.routes_audit",
    "hoarfrost.api.routes_cases",
    "hoarfrost.api.routes_customers",
    "hoarfrost.api.routes_reports",
)
CONFIG_ENV = "HOARFROST_API_CONFIG"  # how `serve` hands its options to uvicorn's worker processes


@dataclass(frozen=True)
class ApiConfig:
    db: str
    reload_seconds: float = 5.0  # how often the lists in force are checked for a change
    max_body_bytes: int = 1_000_000


def create_app(config: ApiConfig) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(config.db)
        state = ApiState(store, ScreenerHolder(store, config.reload_seconds))
        app.state.api = state
        # The first build runs in the background: the port answers (/healthz says "loading") at once.
        refresher = asyncio.create_task(state.holder.keep_fresh())
        try:
            yield
        finally:
            refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await refresher
            state.close()

    app = FastAPI(title="hoarfrost", version=__version__, lifespan=lifespan,
                  description="Sanctions screening against the official lists. Every route but /healthz needs an "
                              "API key (`hoarfrost keys create`), sent as `Authorization: Bearer <key>` or "
                              "`X-API-Key: <key>`.")
    errors.install(app)
    for module in ROUTERS:
        app.include_router(import_module(module).router)
    app.add_middleware(Guard, max_body_bytes=config.max_body_bytes)
    return app


def config_to_env(config: ApiConfig) -> str:
    return json.dumps(asdict(config))


def from_env() -> FastAPI:
    """The app as `serve` configured it (uvicorn factory: `hoarfrost.api.app:from_env`)."""
    return create_app(ApiConfig(**json.loads(os.environ[CONFIG_ENV])))
