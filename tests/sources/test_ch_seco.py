"""Swiss SECO sanctions list XML: the real (delta, test-programme) file, and the format parts it lacks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.model import Entity, IdentifierKind, NameKind, Schema
from hoarfrost.sources.base import ReadReport, SourceFile
from hoarfrost.sources.ch_seco import ChSecoXmlReader
from tests.helpers import read_list

SECO = Path("ch_seco/seco.xml")


def read(path: Path, format: str | None = None) -> tuple[list[Entity], ReadReport]:
    return read_list([path], ChSecoXmlReader, format)


@pytest.fixture(scope="module")
def whole_list(fixtures_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(fixtures_dir / "ch_seco" / "whole_list.xml")
    return {e.source_id: e for e in entities}, report


def test_real_delta_file(data_dir: Path) -> None:
    entities, report = read(data_dir / SECO)
    assert [e.source_id for e in entities] == ["64398", "64403", "64393"]
    assert (report.source, report.published) == ("ch_seco", "2024-01-17")
    assert report.partial  # list-type="amendment": a delta, not the whole list
    assert not report.warnings
    by_id = {e.source_id: e for e in entities}
    test_b = by_id["64398"]
    assert test_b.schema is Schema.PERSON
    assert [(n.value, n.kind, n.script, n.lang) for n in test_b.names] == [
        ("Test B", NameKind.PRIMARY, "Latn", "eng")
    ]
    assert test_b.gender == "female"
    assert test_b.nationalities == ("gb",)
    assert [(b.date.iso, b.circa) for b in test_b.birth_dates] == [("2025-12-31", False)]
    (designation,) = test_b.designations
    assert (designation.authority, designation.regime, designation.source_id) == ("SECO", "PPDM", "64398")
    assert designation.legal_basis == "EXAMPLE, Financial measures, annex 2"
    assert by_id["64403"].gender == "male" and by_id["64403"].nationalities == ("us",)
    test_a = by_id["64393"]
    assert test_a.gender is None
    assert [d.legal_basis for d in test_a.designations] == [
        "EXAMPLE, Financial measures, annex 2",
        "EXAMPLE, Travel ban, annex 1",
    ]
    assert ("programme_origin", "ONU, UE") in {(a.key, a.value) for a in test_a.attributes}


def test_whole_list(whole_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = whole_list
    assert list(entities) == ["5000", "6000", "7100", "7200"]  # 8000 is de-listed
    assert (report.published, report.partial) == ("2025-09-30", False)
    assert report.warnings == {
        "target 5000 refers to place 7999, which the file does not hold": 1,
        "target 7200 refers to sanctions set 99999, not in the file": 1,
        "de-listed targets skipped": 1,
    }


def test_individual_names(whole_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = whole_list[0]["5000"]
    assert entity.schema is Schema.PERSON
    assert entity.gender == "male"
    assert [(n.value, n.kind, n.script, n.lang) for n in entity.names] == [
        ("Testenko Ivan Petrovich", NameKind.PRIMARY, "Latn", "eng"),  # the title part is left out
        ("Тестенко Иван Петрович", NameKind.PRIMARY, "Cyrl", "rus"),  # spelling variants in another script
        ("Testsenka Ivan Petrovich", NameKind.ALIAS, "Latn", "bel"),  # a Latin variant spelling
        ("Vanya", NameKind.WEAK_ALIAS, "Latn", "eng"),  # quality="low"
        ("Ivan Petro Oldname", NameKind.FORMER, "Latn", "eng"),  # formerly-known-as
        ("Johann Testmann", NameKind.ALIAS, "Latn", "eng"),  # primary name of a non-main identity
    ]
    parts = entity.names[0].parts
    assert parts is not None
    assert (parts.given, parts.family, parts.patronymic, parts.title) == (
        "Ivan",
        "Testenko",
        "Petrovich",
        "General",
    )
    former = entity.names[4].parts
    assert former is not None and (former.given, former.middle, former.family) == ("Ivan", "Petro", "Oldname")


def test_individual_details(whole_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = whole_list[0]["5000"]
    assert [b.date.iso for b in entity.birth_dates] == ["1970-03-23", "1971", "1969-01-01"]
    assert [(p.text, p.country) for p in entity.birth_places] == [("Minsk, Minsk Region, Belarus", "by")]
    assert entity.nationalities == ("by", "de")
    passport, national = entity.identifiers
    assert (passport.kind, passport.value, passport.country, passport.label) == (
        IdentifierKind.PASSPORT,
        "MP1234567",
        "by",
        "passport",
    )
    assert passport.note == "issued by Belarus; issued 2015-01-02; expires 2025-01-01; biometric"
    assert (national.kind, national.value) == (IdentifierKind.NATIONAL_ID, "3230370A001PB1")
    (address,) = entity.addresses
    assert address.full == "Test Sports Club, ul. Testovaya, 4, P.O. Box 12, 220029, Minsk, Belarus"
    assert (address.street, address.city, address.postal_code, address.country) == (
        "ul. Testovaya, 4",
        "Minsk",
        "220029",
        "by",
    )
    annex_1, annex_5 = entity.designations
    assert (annex_1.regime, annex_1.listed_on) == ("Belarus", "2022-03-16")
    assert annex_1.legal_basis == "Ordinance of 16 March 2022 on measures against Belarus, annex 1"
    assert annex_5.legal_basis == "Ordinance of 16 March 2022 on measures against Belarus, annex 5"
    assert annex_1.reason == "Commander responsible for test repression.\nSecond justification."
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert {
        ("foreign_identifier", "EU.1234.56"),
        ("programme_origin", "EU"),
        ("modification", "listed 2022-03-16"),
        ("modification", "amended 2023-02-03"),
        ("last_modified", "2023-02-03"),
        ("relation", "related-to: 6000 (owner)"),
        ("document", "other: driving licence, number unknown"),
        ("other_information", "Personal identification number: 3230370A001PB1"),
    } <= attributes


def test_entity(whole_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = whole_list[0]["6000"]
    assert entity.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script) for n in entity.names] == [
        ("Testagroprombank", NameKind.PRIMARY, "Latn"),
        ("Тестагропромбанк", NameKind.PRIMARY, "Cyrl"),
    ]
    assert entity.birth_dates == ()
    assert [(i.kind, i.value) for i in entity.identifiers] == [
        (IdentifierKind.SWIFT_BIC, "TESTBY2X"),
        (IdentifierKind.TAX_ID, "7701234567"),
        (IdentifierKind.REGISTRATION, "100693551"),
    ]
    assert [(a.full, a.country) for a in entity.addresses] == [("pr. Testov, 3, Minsk, Belarus", "by")]
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert {
        ("registration_date", "1991-07-10"),
        ("email", "info@testagroprombank.example"),
        ("website", "www.testagroprombank.example"),
        ("phone", "+375 17 000 00 00"),
    } <= attributes
    assert entity.designations[0].listed_on == "2021-08-11"


def test_vessel_and_aircraft(whole_list: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel = whole_list[0]["7100"]
    assert vessel.schema is Schema.VESSEL
    assert [(n.value, n.kind) for n in vessel.names] == [
        ("Test Chon", NameKind.PRIMARY),
        ("Test Gum San 2", NameKind.ALIAS),
    ]
    assert [(i.kind, i.value) for i in vessel.identifiers] == [(IdentifierKind.IMO, "8405270")]
    attributes = {(a.key, a.value) for a in vessel.attributes}
    assert ("other_information", "Flag: North Korea. Type: oil tanker. Tonnage: 1,000 GRT") in attributes
    assert ("object_type", "vessel") in attributes
    assert ("date", "1984") in attributes
    (designation,) = vessel.designations
    assert (designation.regime, designation.listed_on) == ("North Korea", "2016-05-18")
    aircraft = whole_list[0]["7200"]
    assert aircraft.schema is Schema.AIRCRAFT
    known, unknown = aircraft.designations  # set 99999 is not in the file: kept without a programme
    assert known.regime == "North Korea"
    assert (unknown.regime, unknown.legal_basis, unknown.source_id) == (None, None, "7200")


def test_places_anywhere_and_other_encodings(fixtures_dir: Path, tmp_path: Path) -> None:
    """The index pass finds places before or after the targets, in Latin-2, or in UTF-16 by a full parse."""
    text = (fixtures_dir / "ch_seco" / "whole_list.xml").read_text(encoding="utf-8")
    text = text.replace("<location>Minsk</location>\n    <area>", "<location>Mińsk</location>\n    <area>")
    expected = "Mińsk, Minsk Region, Belarus"
    utf16 = tmp_path / "utf16.xml"
    utf16.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    entities, _ = read(utf16, format="ch_seco_xml")
    assert entities[0].birth_places[0].text == expected
    places = text[text.index("  <place ssid") : text.index("</swiss-sanctions-list>")]
    moved = text.replace(places, "").replace('  <target ssid="5000">', places + '  <target ssid="5000">')
    latin2 = tmp_path / "latin2.xml"
    latin2.write_bytes(
        moved.replace('encoding="UTF-8"', 'encoding="ISO-8859-2"').encode("iso-8859-2", "xmlcharrefreplace")
    )
    entities, report = read(latin2)
    assert entities[0].birth_places[0].text == expected
    assert entities[0].names[1].value == "Тестенко Иван Петрович"
    assert len(report.warnings) == 3


def test_sniff_is_specific(fixtures_dir: Path) -> None:
    def sniff(content: bytes) -> bool:
        return ChSecoXmlReader.sniff(SourceFile("x.xml", len(content), lambda: io.BytesIO(content)), content)

    assert sniff(b'<?xml version="1.0"?>\n<swiss-sanctions-list list-type="whole-list" date="2025-01-01">')
    assert not sniff(b"<sanctions-list><target/></sanctions-list>")
    for other in ("un_sc/full_schema.xml", "eu_fsf/full_schema.xml"):
        assert not sniff((fixtures_dir / other).read_bytes())


def _write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "seco.xml"
    path.write_bytes(content)
    return path


def test_truncated_file(fixtures_dir: Path, tmp_path: Path) -> None:
    content = (fixtures_dir / "ch_seco" / "whole_list.xml").read_bytes()[:5000]
    with pytest.raises(ListFileError, match="malformed XML") as error:
        read(_write(tmp_path, content))
    assert error.value.where and error.value.where.startswith("line ")


def test_malformed_place(tmp_path: Path) -> None:
    content = b'<swiss-sanctions-list date="2025-01-01"><place ssid="1"><location>A</area></place>'
    content += b"</swiss-sanctions-list>"
    with pytest.raises(ListFileError, match="malformed XML"):
        read(_write(tmp_path, content))


def test_target_without_ssid(tmp_path: Path) -> None:
    content = (
        b'<swiss-sanctions-list date="2025-01-01"><target ssid="1"><entity><identity main="true">'
        b'<name name-type="primary-name"><name-part order="1" name-part-type="whole-name"><value>A</value>'
        b"</name-part></name></identity></entity></target><target><entity/></target></swiss-sanctions-list>"
    )
    with pytest.raises(ListFileError, match="a target has no ssid") as error:
        read(_write(tmp_path, content))
    assert error.value.where == "element target #2"


def test_dtd_refused(tmp_path: Path) -> None:
    content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><swiss-sanctions-list date="2025-01-01"/>'
    with pytest.raises(HostileInputError):
        read(_write(tmp_path, content))


def test_wrong_root_when_forced(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not a SECO list"):
        read(fixtures_dir / "un_sc" / "full_schema.xml", format="ch_seco_xml")
