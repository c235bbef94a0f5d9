"""`make bench`: run every benchmark and write the figures to docs/BENCHMARKS.md.

Three sections: loading every official list (bench_load), then matching (bench_matching: labelled
pairs, cross-script recall, false alerts, UN positives and speed, hoarfrost beside its peers), then
delta screening of a list change against a million customers (bench_delta).

Each section records the date, the commit and the machine, so figures are
never read apart from where they were measured.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_api  # noqa: E402
import bench_delta  # noqa: E402
import bench_load  # noqa: E402
import bench_matching  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("HOARFROST_TEST_DATA") or REPO.parent / "shared" / "data")


def header() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    status = ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs/BENCHMARKS.md"]
    dirty = subprocess.run(status, cwd=REPO, capture_output=True, text=True).stdout.strip()
    revision = (commit.stdout.strip() or "uncommitted") + (" (with uncommitted changes)" if dirty else "")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"Measured {when} at commit {revision} on {machine}."


def main() -> None:
    data = data_dir()
    print(f"loading every official list in {data} ...", flush=True)
    load = bench_load.run(data)
    report = "\n".join([
        "# Benchmarks", "", "Written by `make bench` (benchmarks/run.py); do not edit by hand.", "",
        header(), "",
        "## Loading the official lists", "",
        "Every official list file in the data folder, loaded into a fresh SQLite store, one snapshot each,",
        "in-process (the code path of `hoarfrost update --from`). No peer is measured here: neither",
        "nomenklatura nor rapidfuzz reads publisher formats (OpenSanctions does this in its zavod crawlers).", "",
        bench_load.markdown(load), "",
    ])
    matching = bench_matching.run(data)
    report += "\n" + bench_matching.markdown(matching) + "\n"
    print("delta screening against 1,000,000 synthetic customers ...", flush=True)
    report += "\n" + bench_delta.markdown(bench_delta.run(data, 1_000_000)) + "\n"
    print("HTTP API under wrk ...", flush=True)
    report += "\n".join([
        "", "## HTTP API: single-name screening over loopback", "",
        "`hoarfrost serve` in its own process over a store with every list, driven by wrk on the same machine",
        "(benchmarks/bench_api.py): POST /screen with a screening key, a different name each request, each",
        "call answered only once its audit record is committed. No peer is measured: yente needs",
        "Elasticsearch or OpenSearch, which this machine cannot fetch.", "",
        bench_api.markdown(bench_api.run(data)), "",
    ])
    out = REPO / "docs" / "BENCHMARKS.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
