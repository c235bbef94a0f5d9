"""The built index kept beside the store: a later run loads it and screens exactly as a fresh build
does; a new snapshot in force makes it stale and it is rebuilt; a damaged file is ignored with a
warning and replaced, never a traceback. Real UN lists (two publications) and the Canadian list."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from hoarfrost.ingest import load_list
from hoarfrost.matching import index_cache
from hoarfrost.matching.algorithm import DEFAULT_ALGORITHM
from hoarfrost.matching.align import person_order
from hoarfrost.matching.index import NameIndex
from hoarfrost.model import Schema
from hoarfrost.screening.readings_cache import readings_version
from hoarfrost.screening.screener import Screener, index_path, make_query
from hoarfrost.store import Store
from tests.helpers import run_cli

UN_OLD = "un_sc_consolidated/2024-11-30/consolidated.xml"
UN_NEW = "un_sc_consolidated/2026-02-27/UN_consolidated.xml"
CANADA = "ca_sema/sema-lmes.xml"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("index_cache") / "hoarfrost.db"
    store = Store.open(path)
    load_list(store, [data_dir / UN_NEW])
    load_list(store, [data_dir / CANADA])
    store.close()
    return path


def fresh_copy(db: Path, tmp_path: Path) -> Path:
    """The store in a folder of its own, without a kept index."""
    copy = tmp_path / db.name
    copy.write_bytes(db.read_bytes())
    return copy


def queries(screener: Screener) -> list[str]:
    """Names of the lists in every script they hold, and the same names slightly misspelt."""
    listed = [name for entity in screener.matcher.index.entities for name in entity.names]
    names = [name.value for name in listed[::20]] + [name.value for name in listed if name.script != "Latn"][::4]
    return names + [name[:-1] for name in names if len(name) > 6]


def results(screener: Screener, names: list[str]) -> list[list[dict[str, Any]]]:
    return [[match.as_json() for match in screener.screen(make_query(name), threshold=0.5)] for name in names]


def assert_same_index(loaded: NameIndex, built: NameIndex) -> None:
    assert set(vars(loaded)) == set(vars(built))
    assert list(loaded.entities) == list(built.entities)
    assert [e.snapshot_id for e in loaded.entities] == [e.snapshot_id for e in built.entities]
    assert loaded.entity_ids == built.entity_ids == [e.id for e in built.entities]
    assert np.array_equal(loaded.entity_schemas, built.entity_schemas)
    assert np.array_equal(loaded.form_entities, built.form_entities)
    assert loaded.form_entities.tolist() == [f.entity for f in built.forms]
    assert list(loaded.forms) == list(built.forms)
    assert loaded.document_frequency == built.document_frequency
    assert list(loaded.postings) == list(built.postings)
    assert all(np.array_equal(loaded.postings[key], ids) for key, ids in built.postings.items())
    assert np.array_equal(loaded._schema_codes, built._schema_codes)
    assert (loaded._total, loaded._idf_reference) == (built._total, built._idf_reference)


@pytest.mark.parametrize("lazy", [False, True])
def test_a_kept_index_screens_exactly_as_a_fresh_build(db: Path, tmp_path: Path, lazy: bool) -> None:
    """Loaded with every entry and form decoded at once, or (lazy, as a delta loads it) each when met."""
    path = fresh_copy(db, tmp_path)
    store = Store.open(path)
    built = Screener.from_store(store)
    kept = index_path(store)
    assert kept is not None and kept.is_file()
    inode = kept.stat().st_ino
    loaded = Screener.from_store(store, lazy=lazy)
    assert kept.stat().st_ino == inode  # loaded, not built and written again
    names = queries(built)
    assert {name.script for entity in built.matcher.index.entities for name in entity.names} >= {"Arab", "Cyrl", "Hani"}
    assert results(loaded, names) == results(built, names)  # before going through the entries: met one by one
    assert any(results(loaded, names[:50]))
    assert_same_index(loaded.matcher.index, built.matcher.index)


def test_the_kept_index_holds_where_each_listed_family_name_ends(db: Path, tmp_path: Path) -> None:
    """For a listed person's "FAMILY, Given" name, where the family name ends (align.person_order) reads
    the family name in full (name_forms): the kept index holds it, so that no screening process has to."""
    store = Store.open(fresh_copy(db, tmp_path))
    Screener.from_store(store)  # builds and keeps
    loaded = Screener.from_store(store).matcher.index
    expected = {(position, name_position): person_order(name.value)
                for position, entity in enumerate(loaded.entities) if entity.schema is Schema.PERSON
                for name_position, name in enumerate(entity.names) if name.value.count(",") == 1}
    assert len(expected) > 50 and set(expected.values()) >= {1, 2}
    assert loaded.person_orders == expected
    store.close()


def test_the_readings_of_every_name_are_kept_in_the_store(db: Path, tmp_path: Path) -> None:
    store = Store.open(fresh_copy(db, tmp_path))
    screener = Screener.from_store(store)
    kept = store.load_readings(readings_version())
    listed = {name.value for entity in screener.matcher.index.entities for name in entity.names}
    assert listed <= set(kept)  # Latin names too: a build after a new snapshot need not read them again
    assert {name for name in listed if name.isascii()} and {name for name in listed if not name.isascii()}


def test_a_store_without_a_folder_keeps_no_index() -> None:
    store = Store.open("sqlite://")  # in memory
    assert index_path(store) is None
    assert Screener.from_store(store).entity_count == 0


def test_a_new_snapshot_in_force_makes_the_kept_index_stale(tmp_path: Path, data_dir: Path) -> None:
    store = Store.open(tmp_path / "hoarfrost.db")
    load_list(store, [data_dir / UN_OLD])
    load_list(store, [data_dir / CANADA])
    before = Screener.from_store(store)
    load_list(store, [data_dir / UN_NEW])  # a later publication: now in force
    after = Screener.from_store(store)
    fresh = Screener(entity for snapshot in store.current_snapshots() for entity in store.entities(snapshot.id))
    assert_same_index(after.matcher.index, fresh.matcher.index)
    old, new = before.matcher.index.entities, after.matcher.index.entities
    assert {e.snapshot_id for e in new} != {e.snapshot_id for e in old} and {e.id for e in new} != {e.id for e in old}
    kept = index_path(store)
    assert kept is not None
    assert_same_index(index_cache.load(kept, _key(store), fresh.matcher.weights), fresh.matcher.index)


def _key(store: Store) -> str:
    return index_cache.cache_key([(s.id, s.content_hash) for s in store.current_snapshots()], DEFAULT_ALGORITHM)


def _flip_middle(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle : middle + 64]) + data[middle + 64 :]


@pytest.mark.parametrize(
    "damage",
    [_flip_middle, lambda data: data[: len(data) // 2], lambda data: data[:20], lambda data: b"",
     lambda data: b"PK\x03\x04 not an index at all" * 100],
    ids=["flipped bytes", "truncated", "truncated header", "empty", "another kind of file"],
)
def test_a_damaged_kept_index_is_ignored_with_a_warning_and_replaced(
    db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: Any
) -> None:
    store = Store.open(fresh_copy(db, tmp_path))
    built = Screener.from_store(store)
    kept = index_path(store)
    assert kept is not None
    kept.write_bytes(damage(kept.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="hoarfrost.matching.index_cache"):
        rebuilt = Screener.from_store(store)
    assert "ignoring the kept name index" in caplog.text
    assert_same_index(rebuilt.matcher.index, built.matcher.index)
    loaded = index_cache.load(kept, _key(store), built.matcher.weights)  # the damaged file was replaced
    assert loaded is not None
    assert_same_index(loaded, built.matcher.index)


def test_a_stale_kept_index_is_not_loaded_and_says_nothing(db: Path, tmp_path: Path,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    store = Store.open(fresh_copy(db, tmp_path))
    built = Screener.from_store(store)
    kept = index_path(store)
    assert kept is not None
    with caplog.at_level(logging.WARNING):
        assert index_cache.load(kept, _key(store), built.matcher.weights) is not None
        assert index_cache.load(kept, "another key", built.matcher.weights) is None
        assert index_cache.load(tmp_path / "nothing.index", _key(store), built.matcher.weights) is None
    assert not caplog.records


def test_the_cli_screens_over_a_damaged_kept_index_without_a_traceback(db: Path, tmp_path: Path) -> None:
    path = fresh_copy(db, tmp_path)
    Path(f"{path}.index").write_bytes(b"HOARFROST-INDEX\n" + b"\xff" * 1000)
    result = run_cli("screen", "Hailun Zhu", "--json", db=path)
    assert "ignoring the kept name index" in result.stderr and "Traceback" not in result.stderr
    assert Path(f"{path}.index").stat().st_size > 1000  # replaced by the rebuilt index
