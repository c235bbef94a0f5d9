"""API benchmark: single-name screening over HTTP on loopback, driven by wrk (a real load generator).

A real `hoarfrost serve` process over a store with every list, a screening key made with
`hoarfrost keys create`, and wrk sending POST /screen with a different name each request (a Lua
script cycles through the benchmark's fresh names). Two runs:
- paced near 200 requests/s, the issue's target being p99 <= 50 ms at that rate. wrk paces only per
  connection (`delay()` before each request), so many connections each wait a random pause, uniform
  around a mean of (connections / rate - the expected latency): arrivals that are spread out and
  independent, as from many clients, rather than bursts in step. The rate reached is reported as is;
- closed loop (no pauses), for the most the server answers per second on this machine.
wrk runs on the same 2 cores as the server, so the figures include its own CPU use.

Standalone: `python benchmarks/bench_api.py [STORE]` (STORE: a store with lists loaded; default: load
every list into a temporary one). HOARFROST_BENCH_SERVE_ARGS adds options to `hoarfrost serve`.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

Row = dict[str, Any]
PACED_RATE = 200
PACED_CONNECTIONS = 100
EXPECTED_LATENCY_MS = 10  # subtracted from each connection's pause, so that the cycle (pause + answer) fits the rate
DURATION_S = 20
SERVE_ARGS_ENV = "HOARFROST_BENCH_SERVE_ARGS"  # more options for `hoarfrost serve`, e.g. "--workers 2"

_LUA = """
local bodies = {%(bodies)s}
local n = 0
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("seed", threads)
end
init = function(args)
  math.randomseed(seed or 1)
end
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %(key)s"}
request = function()
  n = n + 1
  return wrk.format("POST", "/screen", headers, bodies[(n %% #bodies) + 1])
end
%(delay)s
done = function(summary, latency, requests)
  io.write(string.format('WRKJSON {"requests": %%d, "seconds": %%f, "errors": %%d, "status": %%d, '
    .. '"p50": %%f, "p90": %%f, "p99": %%f, "max": %%f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
"""


def _lua(names: list[str], key: str, delay_ms: float | None) -> str:
    bodies = ",".join("[==[" + json.dumps({"name": n}) + "]==]" for n in names if "]==]" not in n)
    # Uniform in [0, 2 * mean]: the mean pause, without connections falling into step.
    delay = f"delay = function() return math.random() * {2 * delay_ms:.1f} end" if delay_ms else ""
    return _LUA % {"bodies": bodies, "key": key, "delay": delay}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(*args: str, db: Path) -> str:
    env = {**os.environ, "HOARFROST_DB": str(db), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "hoarfrost", *args], capture_output=True, text=True, env=env,
                          check=True)
    return done.stdout


def _serve(db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    env = {**os.environ, "HOARFROST_DB": str(db)}
    extra = os.environ.get(SERVE_ARGS_ENV, "").split()
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "hoarfrost", "serve", "--port", str(port), "--db", str(db),
                               *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    healthy = 0  # in a row, each on a new connection: with --workers, each worker must have its screener
    while time.monotonic() < deadline:
        try:
            healthy = healthy + 1 if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200 else 0
        except httpx.TransportError:
            healthy = 0
        if healthy >= 20:
            return server, time.perf_counter() - started
        if healthy:
            continue
        if server.poll() is not None:
            raise RuntimeError(f"hoarfrost serve exited with {server.returncode}")
        time.sleep(0.5)
    server.kill()
    raise RuntimeError("hoarfrost serve did not become healthy in 300 s")


def _wrk(port: int, script: Path, connections: int) -> Row:
    done = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{DURATION_S}s", "-s", str(script),
                           f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("WRKJSON "))
    row: Row = json.loads(line[len("WRKJSON "):])
    row["rate"] = row["requests"] / row["seconds"]
    row["connections"] = connections
    return row


def _key(output: str) -> str:
    return next(word for word in output.split() if word.startswith("hf_"))


def run(data: Path, store_path: Path | None = None) -> Row:
    if shutil.which("wrk") is None:
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_matching

    _, names = bench_matching.speed_names(data)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.db"
        if store_path is None:
            bench_matching.load_store(data, db)
        else:
            shutil.copy(store_path, db)
        key = _key(_cli("keys", "create", "bench", "--role", "screening", db=db))
        port = _free_port()
        server, ready_s = _serve(db, port)
        try:
            paced_script, open_script = Path(tmp) / "paced.lua", Path(tmp) / "open.lua"
            pause_ms = 1000 * PACED_CONNECTIONS / PACED_RATE - EXPECTED_LATENCY_MS
            paced_script.write_text(_lua(names, key, pause_ms), encoding="utf-8")
            open_script.write_text(_lua(names, key, None), encoding="utf-8")
            _wrk(port, open_script, 4)  # warm-up: first queries read the transliteration tables
            paced = _wrk(port, paced_script, PACED_CONNECTIONS)
            closed = _wrk(port, open_script, 8)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"ready_s": ready_s, "paced": paced, "closed": closed, "names": len(names)}


def markdown(result: Row) -> str:
    if "skipped" in result:
        return f"API benchmark skipped: {result['skipped']}."
    lines = ["| run | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, key in (("paced (target 200/s)", "paced"), ("closed loop", "closed")):
        r = result[key]
        lines.append(f"| {label} | {r['connections']} | {r['rate']:,.0f} | {r['p50']:.1f} | {r['p90']:.1f} | "
                     f"{r['p99']:.1f} | {r['max']:.1f} | {r['errors']} | {r['status']} |")
    paced = result["paced"]
    verdict = "PASS" if paced["p99"] <= 50 and paced["rate"] >= 190 and not paced["status"] else "MISS"
    lines += ["", f"Target p99 <= 50 ms at 200 requests/s: {verdict} (p99 {paced['p99']:.1f} ms at "
              f"{paced['rate']:.0f}/s). {result['names']} different names, {DURATION_S} s per run; the server "
              f"was ready (index loaded or built) {result['ready_s']:.1f} s after start."]
    return "\n".join(lines)


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[1]
    data_dir = Path(os.environ.get("HOARFROST_TEST_DATA") or repo.parent / "shared" / "data")
    print(markdown(run(data_dir, Path(sys.argv[1]) if len(sys.argv) > 1 else None)))
