"""Reading customer files: CSV, TSV, JSON lines and Parquet, with bad rows reported by number and skipped."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hoarfrost.customers.files import CustomerRow, read_customer_file
from hoarfrost.errors import CustomerFileError
from hoarfrost.model import Customer, Schema


def _split(rows: list[CustomerRow]) -> tuple[dict[int, Customer], dict[int, str]]:
    good = {item[0]: item[1] for item in rows if not isinstance(item, CustomerFileError)}
    bad = {item.row: item.problem for item in rows if isinstance(item, CustomerFileError) and item.row is not None}
    return good, bad


def test_csv_rows_are_cleaned_and_extra_columns_kept(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text("ID,Name,schema,dob,country,identifiers,iban,Segment\n"
                    "c-1,  Ana   María  Ruiz ,person,1971-04,ES,P 1; N2 ;;P 1,ES91 2100,retail\n"
                    "c-2,Nordlicht Handel GmbH,Organization,,de,,,\n", encoding="utf-8")
    good, bad = _split(list(read_customer_file(path)))
    assert bad == {}
    assert good[1] == Customer("c-1", "Ana María Ruiz", Schema.PERSON, "1971-04", "es", ("P 1", "N2"),
                               (("Segment", "retail"), ("iban", "ES91 2100")))
    assert good[2] == Customer("c-2", "Nordlicht Handel GmbH", Schema.ORGANIZATION, None, "de", (), ())


def test_bad_csv_rows_are_named_by_row_and_values_are_not_quoted(tmp_path: Path) -> None:
    path = tmp_path / "customers.tsv"
    lines = ["id\tname\tdob\tcountry\tschema", "1\tGood Person\t\t\t", "2\t\t\t\t", "\t\t\t\t",
             "3\tBad Date\t1980-02-31\t\t", "4\tNo Land\t\tAtlantis\t", "5\tNo Kind\t\t\tPlanet",
             "6\tToo\tMany\tfields\there\tx", "", "7\t" + "x" * 501 + "\t\t\t"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    good, bad = _split(list(read_customer_file(path)))
    assert list(good) == [1]
    assert sorted(bad) == [2, 3, 4, 5, 6, 7, 8]  # the blank line is not a row
    assert "name is empty" in bad[2] and "id is missing" in bad[3]
    assert "date of birth" in bad[4] and "1980-02-31" not in bad[4]  # a date of birth is personal data
    assert "country" in bad[5] and "Atlantis" not in bad[5]
    assert "schema" in bad[6] and "fields where the header has" in bad[7] and "longer than" in bad[8]


def test_jsonl_lists_numbers_and_nested_values(tmp_path: Path) -> None:
    path = tmp_path / "customers.jsonl"
    records = [
        {"id": 17, "name": "Wang Mingshan", "dob": "1964", "identifiers": ["G123", 456], "risk": {"score": 3},
         "vip": True, "note": None},
        "not an object",
        {"name": "No Id"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n{broken\n\n", encoding="utf-8")
    good, bad = _split(list(read_customer_file(path)))
    assert good[1] == Customer("17", "Wang Mingshan", None, "1964", None, ("G123", "456"),
                               (("risk", '{"score": 3}'), ("vip", "true")))
    assert set(bad) == {2, 3, 4} and "not a JSON object" in bad[2] and "not valid JSON" in bad[4]


def test_parquet_with_dates_and_list_identifiers(tmp_path: Path) -> None:
    path = tmp_path / "customers.parquet"
    table = pa.table({
        "id": ["p1", "p2", "p3"],
        "name": ["Olena Kovalenko", None, "Kim Min-jun"],
        "dob": [datetime.date(1985, 6, 1), None, None],
        "identifiers": [["UA123"], [], None],
        "branch": [12, 13, None],
    })
    pq.write_table(table, path)
    good, bad = _split(list(read_customer_file(path)))
    assert good[1] == Customer("p1", "Olena Kovalenko", None, "1985-06-01", None, ("UA123",), (("branch", "12"),))
    assert good[3] == Customer("p3", "Kim Min-jun")
    assert list(bad) == [2]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("customers.xlsx", b"id,name\n", "unknown kind of file"),
    ("customers.csv", b"identifier,full_name\n1,Someone\n", "'id' and 'name'"),
    ("customers.csv", b"", "'id' and 'name'"),
    ("customers.csv", b"id,name\n1,Ren\xe9 Latin1\n", r"not UTF-8 text \(line 2\)"),
    ("customers.jsonl", b'{"id": 1, "name": "x"}\n\xff\xfe\x00garbage', "not UTF-8"),
    ("customers.parquet", b"PAR1 this is not parquet", "not a readable Parquet file"),
])
def test_unreadable_files_are_one_error_before_any_row(tmp_path: Path, name: str, content: bytes,
                                                        message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CustomerFileError, match=message) as caught:
        read_customer_file(path)  # raised by the call itself, before a row is read
    assert caught.value.row is None


def test_parquet_without_a_name_column_and_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "customers.parquet"
    pq.write_table(pa.table({"id": ["1"], "full_name": ["Someone"]}), path)
    with pytest.raises(CustomerFileError, match="'id' and 'name'"):
        read_customer_file(path)
    with pytest.raises(CustomerFileError, match="no such file"):
        read_customer_file(tmp_path / "absent.csv")
