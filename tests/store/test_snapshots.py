"""Snapshots in a real SQLite file: atomic writes, no-op reloads, diffs, bad input that loses nothing."""

from __future__ import annotations

import gzip
import sqlite3
import zipfile
from pathlib import Path

import pytest

from hoarfrost.diff import diff_lists
from hoarfrost.errors import HostileInputError, ListFileError, UnknownFormatError
from hoarfrost.ingest import load_list
from hoarfrost.store import Store

UN_2026 = "un_sc_consolidated/2026-02-27/UN_consolidated.xml"
UN_2024 = "un_sc_consolidated/2024-11-30/consolidated.xml"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.open(tmp_path / "store.db")
    yield opened
    opened.close()


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ["snapshots", "entity_versions", "snapshot_entities", "names"]
        return {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in tables}


def test_same_content_twice_is_a_no_op(store: Store, data_dir: Path, tmp_path: Path) -> None:
    first = load_list(store, [data_dir / UN_2026])
    copy = tmp_path / "renamed.xml"
    copy.write_bytes((data_dir / UN_2026).read_bytes())
    second = load_list(store, [copy])
    assert first.created and not second.created
    assert second.snapshot.id == first.snapshot.id
    assert len(store.snapshots()) == 1
    assert first.snapshot.entity_count == 1003
    assert first.snapshot.published == "2026-02-27"


def test_versions_are_shared_between_snapshots(store: Store, data_dir: Path, tmp_path: Path) -> None:
    old = load_list(store, [data_dir / UN_2024]).snapshot
    new = load_list(store, [data_dir / UN_2026]).snapshot
    counts = table_counts(tmp_path / "store.db")
    # unchanged entries are stored once: fewer versions than entity rows of both snapshots
    assert counts["entity_versions"] < old.entity_count + new.entity_count
    assert counts["snapshot_entities"] == old.entity_count + new.entity_count
    assert store.current_snapshot("un_sc").id == new.id


def test_un_diff_finds_real_additions_and_removals(store: Store, data_dir: Path) -> None:
    old = load_list(store, [data_dir / UN_2024]).snapshot
    new = load_list(store, [data_dir / UN_2026]).snapshot
    result = diff_lists("un_sc", old.id, new.id, store.entity_hashes(old.id), store.entity_hashes(new.id),
                        store.entity_versions)
    added = {change.source_id for change in result.added}
    removed = {change.source_id for change in result.removed}
    assert (len(added), len(removed)) == (130, 6)
    assert len(added) == new.entity_count - old.entity_count + len(removed)
    assert {"CDi.001", "QDi.001"}.isdisjoint(added | removed)  # listed in both
    assert added >= EXPECTED_UN_ADDED
    assert removed >= EXPECTED_UN_REMOVED
    assert result.changed and all(change.changes for change in result.changed)


# From the real files: Haiti designations and the Iran 1737 list restored in September 2025 (snapback)
# were added; Abu Mohammed al-Jawlani (QDi.317) was delisted in November 2025.
EXPECTED_UN_ADDED = {"HTe.001", "HTe.002", "HTi.008", "HTi.009", "IRe.001", "IRe.007"}
EXPECTED_UN_REMOVED = {"IQi.074", "LYi.020", "QDi.095", "QDi.317", "QDi.328", "QDi.336"}


# -- bad input: a clear error naming the file, and the store exactly as before -------------------------

def assert_store_unchanged(store_path: Path, before: dict[str, int]) -> None:
    assert table_counts(store_path) == before


@pytest.fixture
def loaded(store: Store, data_dir: Path, tmp_path: Path) -> tuple[Store, dict[str, int]]:
    load_list(store, [data_dir / UN_2024])
    return store, table_counts(tmp_path / "store.db")


def test_truncated_xml_is_refused_with_its_line(loaded: tuple[Store, dict[str, int]], data_dir: Path,
                                                tmp_path: Path) -> None:
    store, before = loaded
    truncated = tmp_path / "consolidated.xml"
    data = (data_dir / UN_2026).read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFileError) as error:
        load_list(store, [truncated])
    assert str(truncated) in str(error.value) and "line" in str(error.value)
    assert_store_unchanged(tmp_path / "store.db", before)


def test_xml_bomb_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
        '<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol2;</FIRST_NAME>'
        "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(HostileInputError, match="bomb.xml"):
        load_list(store, [bomb], format="un_sc_xml")
    assert_store_unchanged(tmp_path / "store.db", before)


def test_external_entity_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        '<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&secret;'
        "</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(HostileInputError):
        load_list(store, [xxe], format="un_sc_xml")
    assert_store_unchanged(tmp_path / "store.db", before)


def test_empty_file_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"")
    with pytest.raises(ListFileError, match="empty"):
        load_list(store, [empty])
    assert_store_unchanged(tmp_path / "store.db", before)


def test_csv_with_a_10_mb_field_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    huge = tmp_path / "sdn.csv"
    huge.write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
                    f'37,"{"X" * 10_000_000}",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')
    with pytest.raises(ListFileError, match=r"line 2"):
        load_list(store, [huge], format="ofac_csv")
    assert_store_unchanged(tmp_path / "store.db", before)


def test_xlsx_that_is_html_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    page = tmp_path / "regulation8_consolidated.xlsx"
    page.write_text("<!DOCTYPE html><html><body>Access denied</body></html>")
    with pytest.raises(ListFileError, match="HTML"):
        load_list(store, [page], format="au_dfat_xlsx")
    assert_store_unchanged(tmp_path / "store.db", before)


def test_wrongly_encoded_csv_is_refused(loaded: tuple[Store, dict[str, int]], data_dir: Path,
                                        tmp_path: Path) -> None:
    store, before = loaded
    with gzip.open(data_dir / "us_trade_csl/consolidated.csv.gz", "rt", encoding="utf-8") as stream:
        head = "".join(stream.readline() for _ in range(50))
    utf16 = tmp_path / "consolidated.csv"
    utf16.write_bytes(head.encode("utf-8") + "Müller\n".encode("utf-16"))  # bytes no UTF-8 reader accepts
    with pytest.raises(ListFileError, match="consolidated.csv"):
        load_list(store, [utf16], format="us_csl_csv")
    assert_store_unchanged(tmp_path / "store.db", before)


def test_zip_bomb_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    bomb = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("CONS_ENHANCED.XML", b"<sanctionsData>" + b" " * 200_000_000 + b"</sanctionsData>")
    with pytest.raises(HostileInputError):
        load_list(store, [bomb])
    assert_store_unchanged(tmp_path / "store.db", before)


def test_unknown_file_is_refused(loaded: tuple[Store, dict[str, int]], tmp_path: Path) -> None:
    store, before = loaded
    notes = tmp_path / "notes.txt"
    notes.write_text("just some text\n")
    with pytest.raises(UnknownFormatError, match="notes.txt"):
        load_list(store, [notes])
    assert_store_unchanged(tmp_path / "store.db", before)


def test_aliases_of_missing_entries_are_counted_not_fatal(store: Store, data_dir: Path) -> None:
    outcome = load_list(store, [data_dir / "us_ofac_sdn/2024-05-03/sdn.csv",
                                data_dir / "us_ofac_sdn/2025-02_alt_add_only/alt.csv"])
    assert outcome.snapshot.entity_count == 14965
    warnings = " ".join(outcome.snapshot.warnings)
    assert "945" in warnings
