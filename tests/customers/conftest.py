"""A store with the UN list of 2024, shared by the tests of a module, and a listed person's name to plant."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.ingest import load_list
from hoarfrost.model import Entity, Schema
from hoarfrost.screening.screener import Screener, make_query
from hoarfrost.store import Store


@pytest.fixture(scope="module")
def un_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("customers") / "store.db"
    store = Store.open(path)
    load_list(store, [data_dir / "un_sc_consolidated" / "2024-11-30" / "consolidated.xml"])
    store.close()
    return path


@pytest.fixture(scope="module")
def listed(un_db: Path) -> Entity:
    """A listed person whose primary name, screened alone, finds that person first: the customer to plant.
    Read from the loaded list, not written into the test."""
    store = Store.open(un_db)
    try:
        screener = Screener.from_store(store)
        snapshot = store.current_snapshot("un_sc")
        for entity in store.entities(snapshot.id):
            if entity.schema is Schema.PERSON and len(entity.caption.split()) >= 3:
                matches = screener.screen(make_query(entity.caption, "Person"))
                if matches and matches[0].entity.id == entity.id and matches[0].score >= 0.99:
                    return entity
    finally:
        store.close()
    raise AssertionError("no listed person to plant")
