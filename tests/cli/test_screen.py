"""Screening through the real CLI against real lists in a real SQLite file (baseline-v0 matcher)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hoarfrost.ingest import load_list
from hoarfrost.store import Store
from tests.helpers import run_cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("screen") / "hoarfrost.db"
    store = Store.open(path)
    load_list(store, [data_dir / "un_sc_consolidated/2026-02-27/UN_consolidated.xml"])
    load_list(store, [data_dir / "us_ofac_sdn/2024-05-03/sdn.csv"])
    store.close()
    return path


def test_screen_finds_a_listed_person_in_either_name_order(db: Path) -> None:
    result = json.loads(run_cli("screen", "Hailun Zhu", "--json", db=db).stdout)
    assert result["query"]["name"] == "Hailun Zhu"
    top = result["matches"][0]
    assert (top["source"], top["source_id"], top["matched_name"]) == ("us_ofac_sdn", "29219", "ZHU, Hailun")
    assert top["entity_id"] == "us_ofac_sdn:29219"
    assert set(top) == {"score", "source", "source_id", "entity_id", "caption", "schema", "matched_name",
                        "explanation"}


def test_screen_ordinary_name_has_no_alert(db: Path) -> None:
    result = json.loads(run_cli("screen", "Priya Sharma", "--json", db=db).stdout)
    assert result["matches"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["   "], "empty"),
        (["Zhu", "--schema", "Planet"], "unknown schema"),
        (["Zhu", "--dob", "1958-13-45"], "malformed date"),
        (["Zhu", "--country", "Atlantis"], "unknown country"),
        (["x" * 10_000], "longer than"),
    ],
)
def test_bad_queries_exit_2_without_traceback(db: Path, args: list[str], message: str) -> None:
    result = run_cli("screen", *args, db=db, check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_screen_file_skips_bad_rows_and_screens_the_rest(db: Path, tmp_path: Path) -> None:
    rows = tmp_path / "customers.csv"
    rows.write_text("id,name,schema,dob,country\n1,Hailun Zhu,Person,,\n2,,Person,,\n3,Mingshan Wang,,1964,cn\n"
                    "4,Someone,Spaceship,,\n")
    out = tmp_path / "alerts.jsonl"
    result = run_cli("screen-file", rows, "--out", out, db=db, check=False)
    assert result.returncode == 2
    assert "row 2" in result.stderr and "row 4" in result.stderr and "Traceback" not in result.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["1", "3"]
    assert lines[0]["matches"][0]["source_id"] == "29219"
    assert lines[1]["matches"][0]["source_id"] == "29162"


def test_screen_file_accepts_jsonl(db: Path, tmp_path: Path) -> None:
    rows = tmp_path / "customers.jsonl"
    rows.write_text('{"id": "a", "name": "BANCO NACIONAL DE CUBA", "schema": "Organization"}\n{not json}\n')
    out = tmp_path / "alerts.jsonl"
    result = run_cli("screen-file", rows, "--out", out, db=db, check=False)
    assert result.returncode == 2 and "row 2" in result.stderr
    (line,) = [json.loads(text) for text in out.read_text().splitlines()]
    assert line["matches"][0]["source_id"] == "306"


def test_demo_customers_file_runs(db: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "customers.csv"
    result = run_cli("screen-file", example, db=db)
    assert "ZHU, Hailun" in result.stdout
    assert "rows skipped" in result.stdout


def test_screening_from_the_cli_is_audited_without_the_names(un_store_path: Path, tmp_path: Path) -> None:
    from hoarfrost.cases import audit
    from hoarfrost.store import Store

    name = "Hailun Zhu-Testname"
    run_cli("screen", name, db=un_store_path)
    file = tmp_path / "names.csv"
    file.write_text(f"id,name\n1,{name}\n2,\n", encoding="utf-8")
    run_cli("screen-file", file, db=un_store_path, check=False)
    store = Store.open(un_store_path)
    try:
        records = [r for r in audit.records(store) if r.action == "screening.cli"]
        assert [r.subject for r in records] == ["screen", "file:names.csv"]
        assert '"queries":1' in records[1].detail and '"skipped":1' in records[1].detail
        assert all(name not in r.detail for r in records)
        assert audit.verify(store).ok
    finally:
        store.close()
