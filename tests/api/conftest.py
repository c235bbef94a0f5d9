"""A real `hoarfrost serve` in a subprocess, over a real SQLite store holding the UN list, and keys made
with the real CLI. One server for the package's read-only tests; the list-change test starts its own."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from hoarfrost import ingest
from hoarfrost.store import Store
from tests.helpers import run_cli

UN_2024 = ("un_sc_consolidated", "2024-11-30", "consolidated.xml")


@dataclass
class Server:
    url: str
    db: Path
    log: Path
    process: subprocess.Popen[bytes]
    keys: dict[str, str] = field(default_factory=dict)  # role -> key

    def client(self, role: str | None = "screening") -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.keys[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def make_un_store(folder: Path, data_dir: Path) -> Path:
    path = folder / "store.db"
    store = Store.open(path)
    try:
        ingest.load_list(store, [data_dir.joinpath(*UN_2024)])
    finally:
        store.close()
    return path


def create_key(db: Path, name: str, role: str) -> str:
    return run_cli("keys", "create", name, "--role", role, db=db).stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(server: Server, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited with {server.process.returncode}:\n{server.log_text()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server did not become ready:\n{server.log_text()}")


def start_server(db: Path, log: Path, *extra: str) -> Server:
    port = _free_port()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HOARFROST_DEBUG", None)
    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "hoarfrost", "serve", "--port", str(port), "--db", str(db),
                                    *extra], stdout=sink, stderr=subprocess.STDOUT, env=env)
    server = Server(f"http://127.0.0.1:{port}", db, log, process)
    _wait_ready(server)
    return server


@contextmanager
def serving(db: Path, log: Path, keys: dict[str, str], *extra: str) -> Iterator[Server]:
    """A real `hoarfrost serve` on `db` holding these keys (role or person -> key), stopped afterwards."""
    running = start_server(db, log, *extra)
    running.keys.update(keys)
    try:
        yield running
    finally:
        stop_server(running)


def stop_server(server: Server) -> None:
    """SIGTERM, as a service manager stops it: uvicorn finishes in-flight requests and runs the shutdown."""
    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.process.kill()
        raise AssertionError("the server did not stop on SIGTERM") from None
    # uvicorn re-raises the signal once it has shut down cleanly, so the exit is "killed by SIGTERM".
    assert code in (0, -signal.SIGTERM), server.log_text()
    assert "Application shutdown complete" in server.log_text()


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("api")
    db = make_un_store(folder, data_dir)
    keys = {role: create_key(db, f"{role} user", role) for role in ("screening", "analyst", "supervisor", "admin")}
    with serving(db, folder / "server.log", keys) as running:
        yield running
