"""The CLI in a real subprocess over a real SQLite file: every official list in ../shared/data loads
with the entity counts SOURCES.md gives, and `lists`, `show` and `diff` report them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import cli_json, run_cli

# (file or folder under the data dir, list key, entities, publication date) -- counts from SOURCES.md
EXPECTED = [
    ("un_sc_consolidated/2024-11-30/consolidated.xml", "un_sc", 879, "2024-11-30"),
    ("un_sc_consolidated/2026-02-27/UN_consolidated.xml", "un_sc", 1003, "2026-02-27"),
    ("us_ofac_sdn/2021-07_consistent_set", "us_ofac_sdn", 8976, None),
    ("us_ofac_sdn/2024-05-03/sdn.csv", "us_ofac_sdn", 14965, None),
    ("us_ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP", "us_ofac_cons", 443, "2025-01-10"),
    ("us_ofac_sdn_xml/consolidated.xml", "us_ofac_cons", 443, "2024-05-06"),
    ("us_ofac_sdn_xml/us_govt_sanctions_list.xml", "us_ofac_cons", 376, "2020-12-14"),
    ("us_ofac_sdn_xml/cons_advanced.xml", "us_ofac_cons", 375, "2020-03-17"),
    ("us_ofac_sdn_xml/IRGC_sanctions.xml", "us_ofac_sdn", 293, "2024-08-28"),
    ("uk_ofsi_conlist/UK_Sanctions_List.xlsx", "uk_ofsi", 4686, "2025-04-10"),
    ("uk_fcdo_sanctions_list/excerpt_2026-03-26/uk.xml", "uk_fcdo", 7, "2026-03-26"),
    ("eu_fsf_xml/excerpt_2021-01-15/eu_sanctions_list.xml", "eu_fsf", 8, "2021-01-15"),
    ("au_dfat_consolidated/regulation8_consolidated.xlsx", "au_dfat", 3062, "2024-11-11"),
    ("ca_sema/sema-lmes.xml", "ca_sema", 1369, None),
    ("ch_seco/seco.xml", "ch_seco", 3, "2024-01-17"),
    # 14,160 rows; 71 parties appear on several rows (SDN and SSI ...) and are merged into one entity each
    ("us_trade_csl/consolidated.csv.gz", "us_csl", 14048, None),
]


@pytest.fixture(scope="module")
def full_store(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """One store with every official list in ../shared/data, loaded through `hoarfrost update --from`."""
    db = tmp_path_factory.mktemp("store") / "hoarfrost.db"
    result = run_cli("update", "--from", data_dir, db=db)
    assert "Traceback" not in result.stderr
    return db


def test_every_list_loads_with_its_published_count(full_store: Path, data_dir: Path) -> None:
    snapshots = cli_json("lists", "--all", db=full_store)
    found = {(s["files"][0], s["source"]): s for s in snapshots}
    for relative, source, entities, published in EXPECTED:
        key = (str(data_dir / relative), source)
        if key not in found:  # a folder is recorded as the folder's files
            key = next(k for k in found if k[0].startswith(str(data_dir / relative)))
        snapshot = found[key]
        assert (snapshot["source"], snapshot["entities"]) == (source, entities), relative
        if published:
            assert snapshot["published"].startswith(published), relative


def test_lists_shows_one_row_per_source_in_force(full_store: Path) -> None:
    rows = cli_json("lists", db=full_store)
    by_source = {row["source"]: row for row in rows}
    assert len(rows) == len(by_source)
    assert by_source["un_sc"]["published"].startswith("2026-02-27")
    # the IRGC export is a filtered (partial) SDN export: the full sdn.csv stays in force
    assert by_source["us_ofac_sdn"]["entities"] == 14965


def test_show_prints_one_entry(full_store: Path) -> None:
    entry = cli_json("show", "un_sc", "QDi.001", db=full_store)
    assert entry["entity_id"] == "un_sc:QDi.001"
    assert entry["designations"][0]["authority"]


def test_diff_un_between_2024_and_2026(full_store: Path) -> None:
    result = cli_json("diff", "un_sc", db=full_store)
    assert result["counts"]["added"] > 0 and result["counts"]["removed"] > 0
    added = {entry["source_id"] for entry in result["added"]}
    removed = {entry["source_id"] for entry in result["removed"]}
    assert {"HTe.001", "IRe.001"} <= added and "QDi.317" in removed
    assert {"CDi.001", "QDi.001"}.isdisjoint(added | removed)


def test_reloading_is_a_no_op(full_store: Path, data_dir: Path) -> None:
    before = cli_json("lists", "--all", db=full_store)
    result = run_cli("load", data_dir / "un_sc_consolidated/2026-02-27/UN_consolidated.xml", db=full_store)
    assert "already loaded" in result.stdout
    assert cli_json("lists", "--all", db=full_store) == before


def test_unknown_source_is_a_clear_error(full_store: Path) -> None:
    result = run_cli("show", "nowhere", "1", db=full_store, check=False)
    assert result.returncode == 1
    assert "no list 'nowhere'" in result.stderr and "Traceback" not in result.stderr


def test_bad_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "consolidated.xml"
    broken.write_text('<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS>')
    result = run_cli("load", broken, db=tmp_path / "s.db", check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(broken) in result.stderr and "line" in result.stderr


def test_non_latin_names_arrive_with_their_script(full_store: Path) -> None:
    """Original-script names of the UK, Australian, UN and OFAC enhanced files, counted per script."""
    from hoarfrost.store import Store

    store = Store.open(full_store)
    try:
        by_file = {Path(info.files[0]).name: store.name_scripts(info.id) for info in store.snapshots()}
    finally:
        store.close()

    def non_latin(file: str) -> dict[str, int]:
        return {script: n for script, n in by_file[file].items() if script not in ("Latn", "Zyyy")}

    assert non_latin("UK_Sanctions_List.xlsx") == {
        "Cyrl": 2205, "Arab": 683, "Zmix": 118, "Hani": 29, "Geor": 12, "Hebr": 8, "Hang": 5, "Ethi": 2,
        "Grek": 2, "Thai": 2, "Jpan": 1, "Mymr": 1,
    }
    assert non_latin("regulation8_consolidated.xlsx") == {"Arab": 422, "Cyrl": 44, "Hani": 6, "Ethi": 2, "Zmix": 1}
    # 366 Arabic and 11 Cyrillic NAME_ORIGINAL_SCRIPT, plus other-script forms packed into aliases
    assert non_latin("UN_consolidated.xml") == {"Arab": 399, "Cyrl": 42, "Hani": 5, "Zmix": 1}
    assert non_latin("CONS_ENHANCED.ZIP") == {"Cyrl": 39, "Hani": 6}
    assert non_latin("IRGC_sanctions.xml") == {"Arab": 91, "Cyrl": 3, "Hani": 1}
    assert non_latin("uk.xml") == {"Arab": 7}
