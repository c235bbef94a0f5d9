"""Australia DFAT Consolidated List XLSX: the real November 2024 file, and a small workbook fixture."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    NameKind,
    PartialDate,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.au_dfat import AuDfatXlsxReader, au_birth_dates
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list

REAL = "au_dfat_consolidated/regulation8_consolidated.xlsx"


def read(path: Path, fmt: str | None = None) -> tuple[list[Entity], ReadReport, type]:
    report = ReadReport()
    reader = open_list([path], report, fmt)
    return list(reader.entities()), report, type(reader)


def attrs(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


@pytest.fixture(scope="module")
def real(data_dir: Path) -> tuple[dict[str, Entity], ReadReport, type]:
    entities, report, reader = read(data_dir / REAL)
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id, report, reader


def test_real_file_counts(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    entities, report, reader = real
    assert reader is AuDfatXlsxReader
    assert report.source == "au_dfat"
    assert report.published == "2024-11-11"  # the newest Control Date
    assert not report.warnings
    assert len(entities) == 3062  # base references, SOURCES.md
    assert Counter(e.schema for e in entities.values()) == {Schema.PERSON: 2316, Schema.ORGANIZATION: 746}
    assert all(sum(n.kind is NameKind.PRIMARY for n in e.names) == 1 for e in entities.values())
    assert all(e.caption == e.names[0].value for e in entities.values())
    assert all(len(e.designations) == 1 and e.designations[0].authority == "DFAT" for e in entities.values())


def test_real_names_per_script(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    names = [name for entity in real[0].values() for name in entity.names]
    assert len(names) == 9523  # 9,553 rows: the same name twice in a party counts once, notes split names
    assert all(name.value and name.script == detect_script(name.value) for name in names)
    # 440 "Original Script" rows (370 Arabic, 41 Cyrillic, 2 CJK, 2 Ethiopic in the exact spelling) plus
    # original-script names filed as "aka" or written in parentheses after a Latin one.
    assert Counter(name.script for name in names if name.script != "Latn") == {
        "Arab": 422, "Cyrl": 44, "Hani": 6, "Ethi": 2, "Zmix": 1,
    }
    assert sum(1 for e in real[0].values() if any(n.script != "Latn" for n in e.names)) == 410
    assert Counter(name.kind for name in names) == {
        NameKind.PRIMARY: 3062, NameKind.ALIAS: 6436, NameKind.FORMER: 25,
    }
    assert [(n.value, n.lang) for n in names if n.lang] == [("ኤርሚኣስ ግርማይ", "ti"), ("ፍትዊ ዓብዱረዛቕ", "ti")]


def test_real_person_field_by_field(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    akhund = real[0]["2"]
    assert akhund.schema is Schema.PERSON
    assert [(n.value, n.kind, n.script) for n in akhund.names] == [
        ("MOHAMMAD HASSAN AKHUND", NameKind.PRIMARY, "Latn"), ("محمد حسن أخوند", NameKind.ALIAS, "Arab"),
    ]
    assert akhund.birth_dates == (
        BirthDate(PartialDate("1955"), PartialDate("1958"), circa=True),
        BirthDate(PartialDate("1945"), PartialDate("1950"), circa=True),
    )
    pashmul = "Pashmul village, Panjwai District, Kandahar Province, Afghanistan"
    assert akhund.birth_places == (Place(pashmul, "af"),)
    assert akhund.citizenships == ("af",)
    assert akhund.addresses == ()  # "NA"
    (designation,) = akhund.designations
    assert designation.regime == "1988 (Taliban)"
    assert designation.listed_on == "2001-01-25"
    assert designation.source_id == "2"
    assert designation.reason is not None and designation.reason.startswith("Title: a) Mullah b) Haji.")
    assert attrs(akhund, "control_date") == ["2014-12-15"]
    assert attrs(akhund, "listing_information") == [
        "Listed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005, 9 July 2007 and "
        "21 Sep 2007, 29 Nov. 2011)"
    ]


def test_real_names_with_notes(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    kim = real[0]["3205"]  # "Jin Tiesan (金铁三)"
    assert [(n.value, n.script) for n in kim.names] == [
        ("KIM CHOL SAM", "Latn"), ("Jin Tiesan", "Latn"), ("金铁三", "Hani"),
    ]
    hijazi = real[0]["199"]  # "Ri'ad ... (Previously listed as. In Arabic: رياض ...)"
    assert [(n.value, n.kind) for n in hijazi.names if n.kind is NameKind.FORMER] == [
        ("رياض محمد حسن محمد الحجازي", NameKind.FORMER),
        ("Ri'ad Muhammad Hasan Muhammad Hijazi", NameKind.FORMER),
    ]
    alizai = real[0]["1226"]  # "Agha Jan Alizai اغا جان عالیزی (formerly listed as)"
    former = [n.value for n in alizai.names if n.kind is NameKind.FORMER]
    assert former == ["Agha Jan Alizai", "اغا جان عالیزی"]
    assert len(alizai.birth_dates) == 4
    gaziev = real[0]["3128"]
    assert sum(n.script == "Cyrl" for n in gaziev.names) == 11
    syria = Address(full="Syrian Arab Republic (located in as at Aug. 2015)", country="sy")
    assert gaziev.addresses[0] == syria


def test_real_birth_dates(real: tuple[dict[str, Entity], ReadReport, type]) -> None:
    persons = [e for e in real[0].values() if e.schema is Schema.PERSON]
    assert sum(1 for e in persons if e.birth_dates) == 2221
    months = (BirthDate(PartialDate("1965-03")), BirthDate(PartialDate("1965-04")))  # a) 03/1965; b) 04/1965
    assert real[0]["7311"].birth_dates == months
    unparsed = [a.value for e in persons for a in e.attributes if a.key == "birth_date_text"]
    assert len(unparsed) == 10
    assert "a) 19 Apr. 1982 b) 18 Apr. 1982 c) 24/06/1402 (Hijri Calendar)" in unparsed


@pytest.mark.parametrize(("text", "expected"), [
    ("1955", [BirthDate(PartialDate("1955"))]),
    ("01/01/1970", [BirthDate(PartialDate("1970-01-01"))]),
    ("circa 1960", [BirthDate(PartialDate("1960"), circa=True)]),
    ("Between 1961 and 1963", [BirthDate(PartialDate("1961"), PartialDate("1963"))]),
    ("1961; 5 May 1964", [BirthDate(PartialDate("1961")), BirthDate(PartialDate("1964-05-05"))]),
    ("01/10/1983,15/10/1983, 01/01/1980", [BirthDate(PartialDate("1983-10-01")),
                                           BirthDate(PartialDate("1983-10-15")),
                                           BirthDate(PartialDate("1980-01-01"))]),
    ("a) 1 Jan. 1964 b) Approximately 1964", [BirthDate(PartialDate("1964-01-01")),
                                             BirthDate(PartialDate("1964"), circa=True)]),
    ("12. Sep 1974", [BirthDate(PartialDate("1974-09-12"))]),
    ("a) 11-Sep-2000; \nb) 2001", [BirthDate(PartialDate("2000-09-11")), BirthDate(PartialDate("2001"))]),
    ("March 1955 to March 1956", [BirthDate(PartialDate("1955-03"), PartialDate("1956-03"))]),
    ("11/10/1953  10/11/1953", [BirthDate(PartialDate("1953-10-11")), BirthDate(PartialDate("1953-11-10"))]),
    ("Approximately 1960- 1962", [BirthDate(PartialDate("1960"), PartialDate("1962"), circa=True)]),
    ("na", []),
])
def test_birth_date_forms(text: str, expected: list[BirthDate]) -> None:
    births, complete = au_birth_dates(text)
    assert births == expected
    assert complete


# --- the fixture: a workbook built from a readable CSV ---------------------------------------------

def xlsx_from_csv(source: Path, target: Path) -> Path:
    """Write the rows as DFAT's workbook has them: Excel dates, integer references and years."""
    import openpyxl

    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    sheet.append(rows[0])
    for row in rows[1:]:
        cells: list[object] = []
        for cell in row:
            if cell == "":
                cells.append(None)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
                cells.append(dt.datetime.fromisoformat(cell))
            elif cell.isdigit():
                cells.append(int(cell))
            else:
                cells.append(cell)
        sheet.append(cells)
    workbook.save(target)
    return target


@pytest.fixture()
def fixture_entities(fixtures_dir: Path, tmp_path: Path) -> dict[str, Entity]:
    path = xlsx_from_csv(fixtures_dir / "au_dfat" / "consolidated_rows.csv", tmp_path / "consolidated.xlsx")
    entities, report, reader = read(path)
    assert reader is AuDfatXlsxReader
    assert report.published == "2024-11-11"
    assert [e.source_id for e in entities] == ["9001", "9002", "9003", "9004"]
    return {e.source_id: e for e in entities}


def test_fixture_vessel_with_newer_columns(fixture_entities: dict[str, Entity]) -> None:
    vessel = fixture_entities["9001"]
    assert vessel.schema is Schema.VESSEL
    assert [n.value for n in vessel.names] == ["PETREL NINE", "JAL EXAMPLE"]
    assert vessel.identifiers == (Identifier(IdentifierKind.IMO, "9562299", label="IMO number"),)
    assert vessel.designations == (Designation(
        "DFAT", "1718 (DPRK)",
        "Charter of the United Nations (Sanctions - Democratic People's Republic of Korea) Regulations 2008",
        "2018-03-06", "Oil tanker involved in ship-to-ship transfers.", "9001"),)


def test_fixture_person_rows_not_adjacent(fixture_entities: dict[str, Entity]) -> None:
    khan = fixture_entities["9002"]
    assert [(n.value, n.kind, n.script, n.lang) for n in khan.names] == [
        ("Ahmad KHAN", NameKind.PRIMARY, "Latn", None),
        ("احمد خان", NameKind.ALIAS, "Arab", None),  # "Original script " with a trailing space
        ("Jin Ahmad", NameKind.ALIAS, "Latn", None),  # "Jin Ahmad (金阿赫)", typed "individual" / "Aka "
        ("金阿赫", NameKind.ALIAS, "Hani", None),
        ("ኤርሚኣስ ግርማይ", NameKind.ALIAS, "Ethi", "ti"),  # reference 9002c1, "(Tigrinya)"
        ("حاجي احمد", NameKind.FORMER, "Arab", None),
        ("Haji Ahmad", NameKind.FORMER, "Latn", None),
    ]
    assert khan.birth_dates == (
        BirthDate(PartialDate("1964-01-01")), BirthDate(PartialDate("1964"), circa=True),
        BirthDate(PartialDate("1977-08"), PartialDate("1977-09")),  # "Between Aug. and Sep 1977"
        BirthDate(PartialDate("1970")),  # an integer cell
        BirthDate(PartialDate("1963-02-01")),  # a date cell
    )
    assert attrs(khan, "birth_date_text") == ["Between Aug. and Sep 1977; 24/06/1402 (Hijri Calendar)"]
    assert khan.birth_places == (Place("Kandahar, Afghanistan", "af"), Place("Quetta, Pakistan", "pk"))
    assert khan.citizenships == ("af", "pk", "ru", "ua")
    assert khan.addresses == (Address(full="Wazir Mohammad Road, Quetta, Pakistan", country="pk"),
                              Address(full="Kabul, Afghanistan", country="af"))
    assert khan.designations[0].listed_on == "2001-01-25"


def test_fixture_entity_and_instrument(fixture_entities: dict[str, Entity]) -> None:
    company = fixture_entities["9003"]
    assert company.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind) for n in company.names] == [
        ("Example Trading LLC", NameKind.PRIMARY), ("Example Trading Company", NameKind.FORMER),
    ]
    assert company.addresses == (Address(full="Via Plebiscito 3, Cremona, Italy", country="it"),)
    assert company.designations == (Designation(
        "DFAT", "Autonomous (Iran)", "Autonomous Sanctions Regulations 2011", "2012-03-02", None, "9003"),)
    sidorov = fixture_entities["9004"]
    assert sidorov.birth_dates == (BirthDate(PartialDate("1955-03"), PartialDate("1956-03")),
                                   BirthDate(PartialDate("1965-03")))
    assert attrs(sidorov, "birth_date_text") == ["Approximately (30-35 years old)"]
    assert sidorov.designations[0].legal_basis == (
        "Autonomous Sanctions (Designated Persons and Entities and Declared Persons—Russia and Ukraine) "
        "Amendment (No. 9) Instrument 2022")
    assert sidorov.designations[0].listed_on is None
    assert sidorov.birth_places == (Place("Moscow"),)
    assert sidorov.citizenships == ("ru",)


def test_row_without_reference_is_an_error(fixtures_dir: Path, tmp_path: Path) -> None:
    rows = (fixtures_dir / "au_dfat" / "consolidated_rows.csv").read_text(encoding="utf-8").splitlines()
    rows.insert(3, "," + rows[3].split(",", 1)[1])
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(rows) + "\n", encoding="utf-8")
    path = xlsx_from_csv(broken, tmp_path / "broken.xlsx")
    with pytest.raises(ListFileError, match=r"row 4\).*no Reference"):
        read(path)


def test_html_saved_as_xlsx_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "regulation8_consolidated.xlsx"
    page.write_text("<!DOCTYPE html><html><body>Page not found</body></html>")
    with pytest.raises(ListFileError, match=r"not an XLSX workbook \(an HTML page\)"):
        read(page, "au_dfat_xlsx")


def test_does_not_claim_the_uk_workbook(data_dir: Path) -> None:
    from hoarfrost.sources.files import expand_file

    (file,) = expand_file(data_dir / "uk_ofsi_conlist" / "UK_Sanctions_List.xlsx")
    assert not AuDfatXlsxReader.sniff(file, file.head())
