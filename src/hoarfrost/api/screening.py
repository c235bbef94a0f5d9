"""Screening as the routes share it: the screener in force, and one audit record per call.

Every screening call (/screen, /screen/batch, /match) appends one record, action "screening.api",
actor = the key's holder, committed before the answer is sent (audit_writer.py): a call that cannot
be audited is not answered (503). The record holds counts, the entity ids met, the
snapshots and algorithm used, and the caller's own query references (batch ids, /match query keys),
but never the names or dates of birth screened: the chain cannot be edited, so personal data put in
it could never be erased, and a screened name belongs to someone who may not even be a customer. A
caller proves what it screened with its own reference and the record's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hoarfrost.access import KeyInfo
from hoarfrost.api.state import ApiState, LoadedScreener, ScreenerHolder
from hoarfrost.errors import StoreError
from hoarfrost.screening.screener import Match, Query

_MAX_AUDITED_REFS = 1000
ACTION = "screening.api"


class ScreenerNotReady(StoreError):
    """The lists are still being indexed (503, retry shortly)."""


def screener_in_force(holder: ScreenerHolder) -> LoadedScreener:
    loaded = holder.loaded
    if loaded is None:
        reason = f"it failed: {holder.error}" if holder.error else "retry in a few seconds"
        raise ScreenerNotReady(f"the screener is still loading the lists ({reason})")
    return loaded


@dataclass(frozen=True)
class Screened:
    ref: str | None  # the caller's reference for the query, if any
    matches: list[Match]


def screen_all(loaded: LoadedScreener, queries: Sequence[tuple[str | None, Query]],
               threshold: float | None) -> list[Screened]:
    return [Screened(ref, loaded.screener.screen(query, threshold)) for ref, query in queries]


def audit_detail(route: str, loaded: LoadedScreener, results: Iterable[Screened], threshold: float | None,
                 extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The detail of a call's audit record (see the module docstring for what it holds and why)."""
    results = list(results)
    alerts = [m for r in results for m in r.matches]
    detail: dict[str, Any] = {
        "route": route, "queries": len(results), "alerts": len(alerts),
        "entities": sorted({m.entity.id for m in alerts}),
        "snapshots": [info.id for info in loaded.snapshots], "algorithm": loaded.screener.algorithm,
        "threshold": threshold if threshold is not None else loaded.screener.default_threshold,
        **(extra or {}),
    }
    refs = [r.ref for r in results if r.ref is not None and r.matches][:_MAX_AUDITED_REFS]
    if refs:
        detail["refs_with_alerts"] = refs
    return detail


async def record(state: ApiState, key: KeyInfo, route: str, detail: dict[str, Any]) -> None:
    """Append the call's record (action "screening.api", actor the key's holder) and wait for its commit,
    the key checked again there (screening routes take it from the key cache: `auth.requires`)."""
    await state.audit.append(key.name, ACTION, route, detail, key)
