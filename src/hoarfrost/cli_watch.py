"""`hoarfrost watch`: fetch the lists on an interval and screen the customers against what changed.

Each cycle runs `update` (every official list from its publisher, local copies where a publisher
cannot be reached) and then delta screening (screening/delta.py). A list that could not be refreshed
keeps its snapshot in force, and the cycle says so on stderr, loudly, naming the snapshot that stays.
A failed cycle is reported and the next one runs: the watcher does not die of one bad download.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from hoarfrost import ingest
from hoarfrost.catalog import BY_KEY, OFFICIAL_LISTS
from hoarfrost.cli_common import DbOption, err, open_store, styled
from hoarfrost.config import Settings
from hoarfrost.errors import HoarfrostError
from hoarfrost.screening.delta import refresh_customer_index, screen_list_changes
from hoarfrost.store import Store


def watch(
    interval: Annotated[float, typer.Option(help="Seconds between cycles.", min=1)] = 3600,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle and exit.")] = False,
    from_dir: Annotated[Path | None, typer.Option("--from", help="Read local copies from this folder.")] = None,
    db: DbOption = None,
) -> None:
    """Fetch the lists every INTERVAL seconds and screen the customers against what changed."""
    settings = Settings.from_env(db=db)
    with open_store(db) as store:
        while True:
            try:
                _cycle(store, settings, from_dir)
            except HoarfrostError as exc:
                _say(styled("red", "cycle failed:", f" {exc}; the snapshots in force are unchanged"))
            if once:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                _say("stopped")
                return


def _cycle(store: Store, settings: Settings, from_dir: Path | None) -> None:
    # Customers added over the API since the last cycle: their reverse index is brought up to date before
    # a list change needs it, rather than inside the delta.
    refresh_customer_index(store)
    outcome = ingest.update(store, settings, from_dir=from_dir, log=lambda message: _say(message), actor="watch")
    for loaded in outcome.loaded:
        if loaded.created:
            info = loaded.snapshot
            _say(f"{info.source}: new snapshot {info.id}, published {info.published or 'unknown'}, "
                 f"{info.entity_count:,} entities")
    for failure in outcome.failed:
        _say(styled("red", "FAILED:", f" {failure}"))
    _report_stale(store, settings, {loaded.snapshot.source for loaded in outcome.loaded})
    delta = screen_list_changes(store, actor="watch")
    _say(delta.summary())


def _report_stale(store: Store, settings: Settings, refreshed: set[str]) -> None:
    """Loudly, each wanted list that was not refreshed, and the snapshot that stays in force."""
    wanted = [BY_KEY[key].key for key in settings.sources if key in BY_KEY] or [e.key for e in OFFICIAL_LISTS]
    in_force = {info.source: info for info in store.current_snapshots()}
    for key in wanted:
        if key in refreshed:
            continue
        held = in_force.get(key)
        stays = (f"snapshot {held.id} (published {held.published or 'unknown'}, loaded {held.loaded_at}) "
                 "stays in force") if held else "no snapshot of it is in the store"
        _say(styled("yellow", "WARNING:", f" {key} was not refreshed this cycle; {stays}"))


def _say(message: str | Text) -> None:
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    err.print(Text.assemble(f"{stamp} ", message))

