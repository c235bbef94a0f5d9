"""Load benchmark: every official list in the data folder into a fresh SQLite store.

Measures wall time per list and in total, entities per second and peak RSS,
in-process (the same code path as `hoarfrost update --from`).
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from hoarfrost.catalog import OFFICIAL_LISTS
from hoarfrost.ingest import discover_lists, load_list
from hoarfrost.store import Store


def run(data_dir: Path) -> dict[str, Any]:
    formats = {fmt for entry in OFFICIAL_LISTS for fmt in entry.formats}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        started = time.perf_counter()
        for group in discover_lists(data_dir, formats):
            t0 = time.perf_counter()
            try:
                outcome = load_list(store, group)
            except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
                rows.append({"list": _label(group, data_dir), "error": str(exc)[:80]})
                continue
            rows.append({
                "list": _label(group, data_dir), "source": outcome.snapshot.source,
                "entities": outcome.snapshot.entity_count, "seconds": time.perf_counter() - t0,
            })
        total = time.perf_counter() - started
        store.close()
    entities = sum(row.get("entities", 0) for row in rows)
    return {
        "rows": rows, "total_seconds": total, "entities": entities,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _label(group: list[Path], data_dir: Path) -> str:
    first = group[0].relative_to(data_dir)
    return str(first.parent) + "/" if len(group) > 1 else str(first)


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| list file | source | entities | seconds |", "|---|---|---:|---:|",
    ]
    for row in result["rows"]:
        if "error" in row:
            lines.append(f"| {row['list']} | not loaded: {row['error']} | | |")
        else:
            lines.append(f"| {row['list']} | {row['source']} | {row['entities']:,} | {row['seconds']:.2f} |")
    lines.append(f"| **all lists** | | **{result['entities']:,}** | **{result['total_seconds']:.1f}** |")
    lines.append("")
    lines.append(f"Peak RSS of the loading process: {result['peak_rss_mb']:.0f} MB. Target: all lists in under 60 s.")
    return "\n".join(lines)
