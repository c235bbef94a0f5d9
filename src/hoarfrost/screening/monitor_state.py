"""What the customer base was last screened under: the algorithm (with its code version) and the snapshots.

Kept in store_info "monitor" = {"algorithm": "<name>@<code version>", "snapshots": {source: snapshot id}}.
Screening on customer load writes it once every customer has been screened (screening/customers.py);
delta screening (screening/delta.py) reads it to know what changed, and moves it forward.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from hoarfrost.matching import index_cache
from hoarfrost.matching.algorithm import DEFAULT_ALGORITHM
from hoarfrost.store import schema as t

MONITOR_KEY = "monitor"


def algorithm_version(algorithm: str = DEFAULT_ALGORITHM) -> str:
    """The algorithm's name and the version of the code that matches with it (as the index cache keys it)."""
    return f"{algorithm}@{index_cache.code_version()}"


def monitor_state(conn: Connection) -> dict[str, Any] | None:
    value = conn.execute(select(t.store_info.c.value).where(t.store_info.c.key == MONITOR_KEY)).scalar()
    return json.loads(value) if value else None


def save_monitor(conn: Connection, state: dict[str, Any]) -> None:
    value = json.dumps(state, sort_keys=True)
    if conn.execute(t.store_info.update().where(t.store_info.c.key == MONITOR_KEY).values(value=value)).rowcount:
        return
    conn.execute(t.store_info.insert().values(key=MONITOR_KEY, value=value))
