"""Shared test fixtures: where the real list files are, and a fresh store per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed, derandomised set of examples, so that a landing never depends
# on what the generator happens to try that day; developers' runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _data_dir() -> Path:
    configured = os.environ.get("HOARFROST_TEST_DATA")
    if configured:
        return Path(configured)
    return REPO.parent / "shared" / "data"


DATA = _data_dir()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of real official list files (../shared/data or HOARFROST_TEST_DATA)."""
    if not DATA.is_dir():
        pytest.fail(f"test data folder {DATA} is missing: set HOARFROST_TEST_DATA")
    return DATA


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture()
def un_store_path(tmp_path: Path, data_dir: Path) -> Path:
    """A fresh SQLite store file holding the UN Security Council list of 2024-11-30 (879 entries): small
    enough to build a screener in a second or two, real enough to screen against. Load the 2026 file
    on top (`un_2026_path`) for a real list change."""
    from hoarfrost import ingest
    from hoarfrost.store import Store

    path = tmp_path / "store.db"
    store = Store.open(path)
    try:
        ingest.load_list(store, [data_dir / "un_sc_consolidated" / "2024-11-30" / "consolidated.xml"])
    finally:
        store.close()
    return path


@pytest.fixture()
def un_2026_path(data_dir: Path) -> Path:
    """The UN list of 2026-02-27 (1,003 entries): loaded over `un_store_path` it adds, changes and removes."""
    return data_dir / "un_sc_consolidated" / "2026-02-27" / "UN_consolidated.xml"
