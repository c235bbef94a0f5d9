"""What the running service holds: the store, and the screener over the lists in force.

The screener is built once (from the index kept beside the store, when there is one: a restart is
fast) and rebuilt in the background when the lists in force change; the new one replaces the old in
one assignment, so a request screens wholly against the old lists or wholly against the new. A
rebuild that fails leaves the old screener serving, and says so in /healthz and the log.

Screening runs on one dedicated thread, in arrival order: the matcher is pure Python, so threads
would only interleave under the GIL and make every request slower; one thread keeps the event loop
free for health checks and keeps the matcher's memos away from concurrent writers.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from hoarfrost.access import KeyCache
from hoarfrost.api.audit_writer import AuditWriter
from hoarfrost.names.transliterate import warm_up
from hoarfrost.screening.screener import Screener
from hoarfrost.store import SnapshotInfo, Store

log = logging.getLogger("hoarfrost.api")
T = TypeVar("T")

ListsKey = tuple[tuple[str, int, str], ...]  # (source, snapshot id, content hash) of each list in force


@dataclass(frozen=True)
class LoadedScreener:
    """A screener and the snapshots it was built over: swapped in together."""

    screener: Screener
    snapshots: tuple[SnapshotInfo, ...]
    key: ListsKey
    built_at: float


def lists_key(snapshots: list[SnapshotInfo]) -> ListsKey:
    return tuple((s.source, s.id, s.content_hash) for s in snapshots)


class ScreenerHolder:
    """The screener in force, checked against the store at most every `reload_seconds`."""

    def __init__(self, store: Store, reload_seconds: float) -> None:
        self.store = store
        self.reload_seconds = reload_seconds
        self.loaded: LoadedScreener | None = None
        self.error: str | None = None

    @property
    def status(self) -> str:
        if self.loaded is not None:
            return "ready"
        return "failed" if self.error else "loading"

    def refresh(self) -> bool:
        """Rebuild if the lists in force changed since the last build; whether it did (blocking)."""
        snapshots = self.store.current_snapshots()
        key = lists_key(snapshots)
        if self.loaded is not None and self.loaded.key == key:
            return False
        started = time.monotonic()
        # Key read before the build: if lists change during it, the next check sees a difference and
        # builds again, so the screener never claims snapshots it does not hold.
        screener = Screener.from_store(self.store)
        if self.loaded is None:
            # The transliteration tables load on first use: load them now, not on a client's first
            # Japanese or Thai name, and put them with the index out of the cyclic collector's reach.
            warm_up()
            gc.freeze()
        self.loaded = LoadedScreener(screener, tuple(snapshots), key, time.time())
        self.error = None
        log.info("screener ready: %d lists, %d entries, built in %.1f s", len(snapshots), screener.entity_count,
                 time.monotonic() - started)
        return True

    async def keep_fresh(self) -> None:
        """Check the store every `reload_seconds`, forever (a background task of the app)."""
        while True:
            try:
                await asyncio.to_thread(self.refresh)
            except Exception as exc:  # the old screener keeps serving; the next check tries again
                self.error = f"{type(exc).__name__}: {exc}"
                log.error("could not (re)build the screener, %s: %s", "keeping the old one" if self.loaded
                          else "no screener yet", self.error)
            await asyncio.sleep(self.reload_seconds)


class ApiState:
    """Everything a request needs, held by the app (`app.state.api`)."""

    def __init__(self, store: Store, holder: ScreenerHolder) -> None:
        self.store = store
        self.holder = holder
        self._screening = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screening")
        self.audit = AuditWriter(store)
        self.keys = KeyCache()  # used only where the audit writer checks the key again (auth.requires)

    async def on_screening_thread(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._screening, work)

    def on_screening_thread_blocking(self, work: Callable[[], T]) -> T:
        """For a synchronous route (run on FastAPI's thread pool, never on the screening thread itself)."""
        return self._screening.submit(work).result()

    def close(self) -> None:
        self._screening.shutdown(wait=True, cancel_futures=True)
        self.audit.close()
        self.store.close()
