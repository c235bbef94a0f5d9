"""`hoarfrost serve`: the HTTP API under uvicorn.

FastAPI and uvicorn are imported only when the command runs, so every other command starts as fast
as before. Logs carry methods, paths and status codes, never request bodies (customer names).
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from hoarfrost.cli_common import DbOption, err, fail, open_store, styled
from hoarfrost.config import Settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 for every one).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes, each holding its own screener.", min=1)] = 1,
    reload_seconds: Annotated[float, typer.Option(
        "--reload-seconds", help="How often to check whether the lists in force changed.", min=0.1)] = 5.0,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest request body, in bytes.", min=1024)]
    = 1_000_000,
    log_level: Annotated[str, typer.Option("--log-level", help="debug, info, warning or error.")] = "info",
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log",
                                             help="Log each request (method, path, status).")] = True,
    db: DbOption = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs); every route but /healthz needs a key from 'hoarfrost keys'."""
    import uvicorn

    from hoarfrost.api.app import CONFIG_ENV, ApiConfig, config_to_env

    target = Settings.from_env(db=db).db
    if isinstance(target, Path) and not target.is_file():
        fail(f"no store at {target}: load lists first ('hoarfrost load' or 'hoarfrost update')")
    with open_store(db) as store:
        lists = len(store.current_snapshots())
    if not lists:
        err.print(styled("yellow", "warning:", " the store holds no list yet: every screening will find nothing"))
    os.environ[CONFIG_ENV] = config_to_env(ApiConfig(str(target), reload_seconds, max_body))
    uvicorn.run("hoarfrost.api.app:from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level.lower(), log_config=_log_config(log_level.upper()), server_header=False,
                access_log=access_log)


def _log_config(level: str) -> dict[str, Any]:
    """uvicorn's own logging, with hoarfrost's API logger beside it."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["hoarfrost"] = {"handlers": ["default"], "level": level, "propagate": False}
    return config
