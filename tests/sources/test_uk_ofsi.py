"""UK OFSI consolidated list (ConList): the real April 2025 XLSX, and small CSV/XLSX fixtures."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    Attribute,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    NameKind,
    NameParts,
    PartialDate,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list
from hoarfrost.sources.uk_ofsi import UkOfsiCsvReader, UkOfsiXlsxReader

REAL = "uk_ofsi_conlist/UK_Sanctions_List.xlsx"


def read(path: Path, fmt: str | None = None) -> tuple[list[Entity], ReadReport, type]:
    report = ReadReport()
    reader = open_list([path], report, fmt)
    return list(reader.entities()), report, type(reader)


@pytest.fixture(scope="module")
def real(data_dir: Path) -> tuple[dict[str, Entity], ReadReport, type]:
    entities, report, reader = read(data_dir / REAL)
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id, report, reader


def attrs(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


# --- the real file --------------------------------------------------------------------------------

def test_real_file_is_detected_and_counted(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    entities, report, reader = real
    assert reader is UkOfsiXlsxReader
    assert report.source == "uk_ofsi"
    assert report.published == "2025-04-10"
    assert not report.warnings
    assert len(entities) == 4686  # Group IDs, SOURCES.md
    assert Counter(e.schema for e in entities.values()) == {
        Schema.PERSON: 3662, Schema.ORGANIZATION: 1009, Schema.VESSEL: 15,
    }


def test_real_names_per_script(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    entities = real[0]
    names = [name for entity in entities.values() for name in entity.names]
    assert all(name.value and name.value == name.value.strip() for name in names)
    assert all(name.script == detect_script(name.value) for name in names)
    non_latin = Counter(name.script for name in names if name.script != "Latn")
    # 3,222 unique "Name Non-Latin Script" values (some repeat across groups; 159 of them are in fact
    # Latin with diacritics, and most Zmix ones are Cyrillic typed with a Latin look-alike letter),
    # plus one Arabic name written in the "Name 6" column of group 12066.
    assert non_latin == {
        "Cyrl": 2205, "Arab": 683, "Zmix": 118, "Hani": 29, "Geor": 12, "Hebr": 8, "Hang": 5,
        "Ethi": 2, "Thai": 2, "Grek": 2, "Jpan": 1, "Mymr": 1,
    }
    assert sum(1 for e in entities.values() if any(n.script != "Latn" for n in e.names)) == 2738
    languages = Counter(name.lang for name in names if name.lang)
    assert languages.most_common(6) == [
        ("ru", 1084), ("fa", 118), ("be", 48), ("ar", 45), ("uk", 27), ("zh", 24),
    ]
    assert Counter(name.kind for name in names) == {
        NameKind.PRIMARY: 4688, NameKind.ALIAS: 10617, NameKind.WEAK_ALIAS: 642, NameKind.FORMER: 17,
    }


def test_real_person_field_by_field(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    haq = real[0]["15672"]
    assert haq.schema is Schema.PERSON
    assert haq.caption == "Mian Abdul HAQ"
    assert haq.names[0].parts == NameParts(given="Mian", middle="Abdul", family="HAQ", title="Mr")
    assert {n.value for n in haq.names if n.kind is NameKind.ALIAS} == {
        "Mian MITHOO", "Mian MITHU", "Mian MITTO", "Mian MITTU",
    }
    assert haq.gender == "male"
    assert haq.nationalities == ("pk",)
    assert haq.birth_places == (Place("Pakistan", "pk"),)
    address = Address(full="Hafizabad Taluka Daharki, District Ghotki, Pakistan", country="pk")
    assert haq.addresses == (address,)
    (designation,) = haq.designations
    assert designation.authority == "UK"
    assert designation.regime == "Global Human Rights"
    assert designation.listed_on == "2022-12-09"
    assert designation.source_id == "GHR0086"
    assert designation.reason is not None and designation.reason.startswith("Mian Abdul HAQ is a cleric")
    assert "(Gender)" not in designation.reason
    assert attrs(haq, "position") == ["Cleric (“Pir”) of Bharchundi Sharif Shrine"]


def test_real_ship_and_multi_regime(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    ship = real[0]["13651"]
    assert ship.schema is Schema.VESSEL
    assert ship.caption == "SAM JONG 2"
    assert len(ship.names) == 9
    assert ship.identifiers == (Identifier(IdentifierKind.IMO, "7408873", label="IMO number"),)
    assert attrs(ship, "vessel_flag") == ["North Korea"]
    assert attrs(ship, "vessel_type") == ["Oil tanker"]
    assert attrs(ship, "vessel_year_built") == ["1975"]
    aweys = real[0]["6995"]
    assert [(d.regime, d.listed_on, d.source_id) for d in aweys.designations] == [
        ("Somalia", "2010-04-28", "AQD0194"), ("ISIL (Da'esh) and Al-Qaida", "2001-11-08", "AQD0194"),
    ]
    assert attrs(aweys, "uk_sanctions_list_ref") == ["SOM0003"]
    assert attrs(aweys, "un_reference") == ["QDi.042", "SOi.002"]
    assert aweys.birth_dates == (BirthDate(PartialDate("1935")),)


def test_real_non_latin_name_has_language(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    entities = real[0]
    russian = [e for e in entities.values() if any(n.lang == "ru" for n in e.names)]
    assert len(russian) == 1015
    for entity in russian:
        assert detect_script(entity.caption) == "Latn"
        assert any(n.script in ("Cyrl", "Zmix") and n.kind is NameKind.ALIAS for n in entity.names)


# --- the CSV variant ------------------------------------------------------------------------------

def test_csv_fixture_utf8_bom(fixtures_dir: Path) -> None:
    entities, report, reader = read(fixtures_dir / "uk_ofsi" / "ConList.csv")
    assert reader is UkOfsiCsvReader
    assert report.published == "2025-04-10"
    assert [e.source_id for e in entities] == ["1001", "1002", "1003", "1004"]  # groups need not be adjacent
    ivan = entities[0]
    assert [(n.value, n.kind, n.script, n.lang) for n in ivan.names] == [
        ("Ivan Petrovich SIDOROV", NameKind.PRIMARY, "Latn", None),
        ("Иван Петрович СИДОРОВ", NameKind.ALIAS, "Cyrl", "ru"),
        ("Iwan SIDOROFF", NameKind.ALIAS, "Latn", None),
        ("Vanya SIDOROV", NameKind.ALIAS, "Latn", None),
        ("THE BANKER", NameKind.WEAK_ALIAS, "Latn", None),
    ]
    assert ivan.names[0].parts == NameParts(given="Ivan", middle="Petrovich", family="SIDOROV",
                                            title="Dr, Professor")
    assert ivan.birth_dates == (BirthDate(PartialDate("1962")), BirthDate(PartialDate("1963-05")))
    tula = Place("Tula, Former USSR Currently Russia", "ru")
    assert ivan.birth_places == (Place("Moscow, Russia", "ru"), tula)
    assert ivan.nationalities == ("ru", "cy")
    assert ivan.gender == "male"
    assert ivan.identifiers == (
        Identifier(IdentifierKind.PASSPORT, "750000001", "ru", None, "Russia passport number, expires 2030"),
        Identifier(IdentifierKind.PASSPORT, "K1234567", "cy", None, "Cyprus number"),
        Identifier(IdentifierKind.NATIONAL_ID, "771234567890", "ru", None, "Russia. INN"),
    )
    assert ivan.addresses == (Address(full="12 Tverskaya St, Moscow, 125009, Russia", postal_code="125009",
                                      country="ru"),)
    assert ivan.designations == (Designation(
        "UK", "Russia", None, "2022-03-15",
        "Ivan Petrovich SIDOROV is a member of the board of Example Bank, an involved person under the "
        "Russia (Sanctions) (EU Exit) Regulations 2019.", "RUS9001"),)
    assert attrs(ivan, "title") == ["Dr", "Professor"]
    assert attrs(ivan, "position") == ["Chairman of Example Bank", "Member of the board"]
    trust = "Financial sanctions imposed in addition to an asset freeze: Trust services."
    assert attrs(ivan, "remarks") == [trust]
    assert attrs(ivan, "last_updated") == ["2023-03-21"]


def test_csv_fixture_entity_ship_and_two_regimes(fixtures_dir: Path) -> None:
    entities = {e.source_id: e for e in read(fixtures_dir / "uk_ofsi" / "ConList.csv")[0]}
    company = entities["1002"]
    assert company.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script) for n in company.names] == [
        ("SOCIÉTÉ EXEMPLE", NameKind.PRIMARY, "Latn"), ("شركة المثال", NameKind.ALIAS, "Arab"),
        ("EXEMPLE TRADING", NameKind.FORMER, "Latn"),
    ]
    assert all(n.parts is None for n in company.names)
    assert company.identifiers == (
        Identifier(IdentifierKind.REGISTRATION, "10101234567", label="Business Reg No"),
    )
    assert {(a.key, a.value) for a in company.attributes} >= {
        ("phone", "+98 21 5555 0000"), ("email", "info@example.ir"), ("website", "www.example.ir"),
        ("entity_type", "Private company"), ("parent_company", "Example Holding"),
        ("subsidiary", "Example Trading FZE"), ("remarks", "Listed as a front company."),
    }
    ship = entities["1003"]
    assert ship.schema is Schema.VESSEL
    assert ship.identifiers == (Identifier(IdentifierKind.IMO, "8910901", label="IMO number"),)
    assert ship.designations[0].reason == "Pursuant to paragraph 6 of resolution 2371 (2017)."
    assert ship.designations[0].source_id == "DPR9003"
    assert attrs(ship, "un_reference") == ["KPe.999"]
    assert {(a.key, a.value) for a in ship.attributes} >= {
        ("vessel_owner", "Example Shipping Co"), ("vessel_flag", "North Korea"),
        ("vessel_previous_flag", "Panama"), ("vessel_tonnage", "1676"), ("vessel_length", "80"),
    }
    dahir = entities["1004"]
    assert [(d.regime, d.listed_on, d.source_id) for d in dahir.designations] == [
        ("Somalia", "2010-04-12", "AQD9004"), ("ISIL (Da'esh) and Al-Qaida", "2001-11-08", "AQD9004"),
    ]
    assert attrs(dahir, "uk_sanctions_list_ref") == ["SOM9004"]
    assert attrs(dahir, "uk_designated_on") == ["2010-04-12", "2001-11-09"]
    assert dahir.birth_dates == (BirthDate(PartialDate("1945")),)


def test_csv_fixture_windows_1252(fixtures_dir: Path) -> None:
    path = fixtures_dir / "uk_ofsi" / "ConList_cp1252.csv"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    entities, report, reader = read(path)
    assert reader is UkOfsiCsvReader
    assert [e.caption for e in entities] == ["SOCIÉTÉ EXEMPLE", "SAM EXAMPLE 2"]
    assert attrs(entities[0], "remarks") == ["Listed as a front company (the ‘Société’)."]


def test_csv_row_without_group_id_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match=r"line 5.*no Group ID"):
        read(fixtures_dir / "uk_ofsi" / "no_group_id.csv")


def test_html_saved_as_xlsx_is_a_clear_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not an XLSX workbook \\(an HTML page\\)"):
        read(fixtures_dir / "uk_ofsi" / "ConList.xlsx", "uk_ofsi_xlsx")


def test_empty_csv_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "ConList.csv"
    empty.write_bytes(b"")
    with pytest.raises(ListFileError, match="empty"):
        read(empty, "uk_ofsi_csv")


# --- an XLSX with typed cells and the ship columns of newer versions -------------------------------

def _xlsx_from_csv(source: Path, target: Path, extra: dict[str, dict[str, str]]) -> None:
    """The CSV fixture as a workbook: dates as Excel dates, plus extra columns filled per group."""
    import openpyxl

    with source.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = rows[1] + sorted({key for values in extra.values() for key in values})
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["Last Updated", dt.datetime(2025, 4, 10)])
    sheet.append(header)
    for row in rows[2:]:
        cells: list[object] = [None if cell == "" else cell for cell in row]
        cells[header.index("Listed On")] = dt.datetime.strptime(row[header.index("Listed On")], "%d/%m/%Y")
        group = extra.get(row[header.index("Group ID")], {})
        sheet.append(cells + [group.get(key) for key in header[len(row):]])
    workbook.save(target)


def test_xlsx_with_typed_cells_and_ship_columns(fixtures_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "ConList.xlsx"
    _xlsx_from_csv(fixtures_dir / "uk_ofsi" / "ConList.csv", target,
                   {"1003": {"IMO number": "IMO 8910901", "Hull identification number": "HX-1",
                             "Call Sign": "HMZF7"}})
    entities, report, reader = read(target)
    assert reader is UkOfsiXlsxReader
    assert report.published == "2025-04-10"
    by_id = {e.source_id: e for e in entities}
    assert by_id["1001"].designations[0].listed_on == "2022-03-15"
    assert by_id["1001"].names[1].value == "Иван Петрович СИДОРОВ"
    ship = by_id["1003"]
    assert set(ship.identifiers) == {
        Identifier(IdentifierKind.IMO, "8910901", label="IMO number"),
        Identifier(IdentifierKind.OTHER, "HX-1", label="Hull identification number"),
    }
    assert Attribute("call_sign", "HMZF7") in ship.attributes
