"""Fixtures of the cases tests: one UN store and screener per session; a private copy of the store per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hoarfrost.model import Schema
from hoarfrost.screening.screener import Screener
from hoarfrost.store import Store
from tests.cases.support import Cases, Screened, copy_store


@pytest.fixture(scope="session")
def screened(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Screened]:
    from hoarfrost import ingest

    path = tmp_path_factory.mktemp("cases_base") / "store.db"
    store = Store.open(path)
    try:
        ingest.load_list(store, [data_dir / "un_sc_consolidated" / "2024-11-30" / "consolidated.xml"])
        screener = Screener.from_store(store)
        snapshot = store.current_snapshots()[0]
        persons = [e for e in store.entities(snapshot.id) if e.schema is Schema.PERSON and e.designations]
    finally:
        store.close()
    yield Screened(path, screener, persons)


@pytest.fixture(scope="module")
def module_store_path(screened: Screened, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the UN store that the tests of one module share (each test uses its own customer ids)."""
    return copy_store(screened.path, tmp_path_factory.mktemp("cases") / "store.db")


@pytest.fixture()
def store(module_store_path: Path) -> Iterator[Store]:
    opened = Store.open(module_store_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture()
def cases(store: Store, screened: Screened) -> Cases:
    return Cases(store, screened)
