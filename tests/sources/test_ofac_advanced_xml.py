"""OFAC Advanced XML: the real cons_advanced.xml (2020), plus hand-written files in the full format."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import HostileInputError, ListFileError
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
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.ofac_advanced_xml import OfacAdvancedXmlReader
from hoarfrost.sources.ofac_features import identifier_kind
from hoarfrost.sources.registry import open_list
from tests.helpers import read_list


def read(path: Path, format: str | None = None) -> tuple[list[Entity], ReadReport]:
    return read_list([path], OfacAdvancedXmlReader, format)


def by_id(entities: list[Entity]) -> dict[str, Entity]:
    found = {entity.source_id: entity for entity in entities}
    assert len(found) == len(entities)
    return found


def names(entity: Entity, kind: NameKind | None = None) -> list[str]:
    return [name.value for name in entity.names if kind is None or name.kind is kind]


def attrs(entity: Entity, key: str) -> list[str]:
    return [attribute.value for attribute in entity.attributes if attribute.key == key]


# --- the real consolidated (non-SDN) list in the advanced format ----------------------------------


@pytest.fixture(scope="module")
def cons_file(data_dir: Path) -> Path:
    return data_dir / "us_ofac_sdn_xml" / "cons_advanced.xml"


@pytest.fixture(scope="module")
def real(cons_file: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(cons_file)
    return by_id(entities), report


def test_real_report(real: tuple[dict[str, Entity], ReadReport]) -> None:
    _, report = real
    assert report.source == "us_ofac_cons"  # all 375 parties are on OFAC's "Consolidated List"
    assert report.published == "2020-03-17"
    assert not report.partial
    assert not report.warnings


def test_real_counts(real: tuple[dict[str, Entity], ReadReport], cons_file: Path) -> None:
    entities, _ = real
    assert len(entities) == 375
    assert {e.source for e in entities.values()} == {"us_ofac_cons"}
    assert Counter(e.schema for e in entities.values()) == {Schema.ORGANIZATION: 293, Schema.PERSON: 82}
    text = cons_file.read_text(encoding="utf-8")
    assert text.count("<Alias ") == 1290
    all_names = [name for e in entities.values() for name in e.names]
    assert len(all_names) == 1288  # two aliases repeat a name of the same party
    assert Counter(name.script for name in all_names) == {"Latn": 1288}  # the file is all ScriptID 215
    assert Counter(name.kind for name in all_names) == {
        NameKind.PRIMARY: 375,
        NameKind.ALIAS: 800,
        NameKind.FORMER: 83,
        NameKind.WEAK_ALIAS: 30,
    }
    identifiers = [i for e in entities.values() for i in e.identifiers]
    assert text.count("<IDRegDocument ") == 573
    assert len(identifiers) == 573 + 34 + 3  # documents, SWIFT/BIC and BIK (RU) features
    assert Counter(i.kind for i in identifiers) == {
        IdentifierKind.REGISTRATION: 387,
        IdentifierKind.TAX_ID: 182,
        IdentifierKind.SWIFT_BIC: 34,
        IdentifierKind.OTHER: 4,
        IdentifierKind.PASSPORT: 3,
    }
    lists = Counter(value for e in entities.values() for value in attrs(e, "list"))
    assert lists == {
        "Consolidated List": 375,
        "Sectoral Sanctions Identifications List": 290,
        "Non-SDN Palestinian Legislative Council List": 78,
        "SDN List": 9,
        "FSE List": 6,
        "CAPTA List": 1,
    }
    assert sum(len(e.birth_dates) for e in entities.values()) == 77
    assert sum(len(e.addresses) for e in entities.values()) == 407
    assert sum(len(attrs(e, "relationship")) for e in entities.values()) == 276


def test_real_person(real: tuple[dict[str, Entity], ReadReport]) -> None:
    haniya = real[0]["9639"]
    assert haniya.schema is Schema.PERSON
    assert haniya.names[0].value == "HANIYA, Ismail Abdul Salah"
    assert haniya.names[0].kind is NameKind.PRIMARY
    assert haniya.names[0].parts == NameParts(given="Ismail Abdul Salah", family="HANIYA")
    assert names(haniya, NameKind.ALIAS) == ["HANIYA, Ismail", "HANIYYA, Ismaeel"]
    assert haniya.birth_dates == (BirthDate(PartialDate("1962")),)  # 1962-01-01 .. 1962-12-31
    assert haniya.birth_places == (Place("Shati"),)
    assert haniya.addresses == ()  # its Location says only "undetermined"
    assert haniya.designations == (
        Designation(
            authority="OFAC",
            regime="NS-PLC",
            legal_basis="General License 4 Under EO 13224 (Terrorism)",
            listed_on="2006-04-12",
            source_id="10009639",
        ),
    )
    assert attrs(haniya, "list") == ["Consolidated List", "Non-SDN Palestinian Legislative Council List"]
    assert attrs(haniya, "sanctions_type") == ["Reject"]

    bektas = real[0]["17526"]
    assert bektas.citizenships == ("ch",)  # by a Location holding only the text "Switzerland"
    assert bektas.birth_dates == (BirthDate(PartialDate("1966-02-13")),)
    assert bektas.identifiers == (Identifier(IdentifierKind.PASSPORT, "X0906223", "ch", "Passport"),)
    assert [d.regime for d in bektas.designations] == ["SYRIA", "FSE-SY"]
    assert "SDN List" in attrs(bektas, "list")

    assert real[0]["26182"].gender == "male"


def test_real_organization(real: tuple[dict[str, Entity], ReadReport]) -> None:
    rosneft = real[0]["17022"]
    assert rosneft.schema is Schema.ORGANIZATION
    assert rosneft.caption == "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY"
    assert "ROSNEFT" in names(rosneft, NameKind.ALIAS)
    assert rosneft.names[0].parts is None
    assert rosneft.identifiers == (
        Identifier(IdentifierKind.REGISTRATION, "1027700043502", "ru", "Registration ID"),
        Identifier(IdentifierKind.REGISTRATION, "00044428", "ru", "Government Gazette Number"),
        Identifier(IdentifierKind.TAX_ID, "7706107510", "ru", "Tax ID No."),
    )
    assert rosneft.addresses == (
        Address(
            full="26/1 Sofiyskaya Embankment, Moscow, 115035, Russia",
            street="26/1 Sofiyskaya Embankment",
            city="Moscow",
            postal_code="115035",
            country="ru",
        ),
    )
    assert rosneft.designations == (
        Designation(
            authority="OFAC",
            regime="UKRAINE-EO13662",
            legal_basis="Executive Order 13662 (Ukraine)",
            listed_on="2014-07-16",
            source_id="50017022",
        ),
    )
    assert attrs(rosneft, "Executive Order 13662 Directive Determination") == [
        "Subject to Directive 2",
        "Subject to Directive 4",
    ]
    assert attrs(rosneft, "website") == ["www.rosneft.com", "www.rosneft.ru"]
    assert attrs(rosneft, "email") == ["postman@rosneft.ru"]
    assert attrs(rosneft, "remarks")[0].startswith("For more information on directives")

    lengiproneftekhim = real[0]["23552"]
    assert attrs(lengiproneftekhim, "jurisdiction") == ["ru"]  # "Nationality of Registration"
    assert attrs(lengiproneftekhim, "relationship") == ["Owned or Controlled By: 17145"]
    assert lengiproneftekhim.identifiers[1] == Identifier(
        IdentifierKind.TAX_ID, "7810327462", "ru", "Tax ID No.", "INN"
    )


# --- hand-written SDN sample: scripts, vessel, aircraft, ranges, documents ----------------------------


@pytest.fixture(scope="module")
def sample(fixtures_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(fixtures_dir / "ofac_advanced_xml" / "sdn_advanced_sample.xml")
    return by_id(entities), report


def test_sample_report(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = sample
    assert report.source == "us_ofac_sdn"  # no entry on the "Consolidated List"
    assert report.published == "2024-06-21"
    assert list(entities) == ["1001", "1002", "2003", "3004", "4005"]
    assert report.warnings == {
        "SanctionsEntry refers to a profile that is not in the file": 1,
        "IDRegDocument refers to an identity that is not in the file": 1,
        "feature refers to a Location that is not in the file": 1,
    }
    scripts = Counter(name.script for e in entities.values() for name in e.names)
    assert scripts == {"Latn": 10, "Cyrl": 1, "Arab": 1, "Hani": 1}


def test_sample_person_with_cyrillic_name(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    petrov = sample[0]["1001"]
    assert [(n.value, n.kind, n.script) for n in petrov.names] == [
        ("PETROV, Ivan Sergeyevich", NameKind.PRIMARY, "Latn"),
        ("ПЕТРОВ, Иван Сергеевич", NameKind.PRIMARY, "Cyrl"),  # a second DocumentedName of the alias
        ("PETROFF, Ivan", NameKind.ALIAS, "Latn"),  # given twice in the file, kept once
        ("Vanya", NameKind.WEAK_ALIAS, "Latn"),
        ("IVANOV, Ivan", NameKind.FORMER, "Latn"),
    ]
    assert petrov.names[1].parts == NameParts(given="Иван", family="Петров", patronymic="Сергеевич")
    assert petrov.birth_dates == (
        BirthDate(PartialDate("1960"), until=PartialDate("1962")),
        BirthDate(PartialDate("1958"), circa=True),
    )
    assert petrov.birth_places == (Place("Moscow, Russia", "ru"),)
    assert petrov.nationalities == ("ru",)
    assert petrov.citizenships == ("ir",)
    assert petrov.gender == "male"
    assert petrov.addresses == (
        Address(
            full="12 Tverskaya Street, Moscow, 125009, Russia",
            street="12 Tverskaya Street",
            city="Moscow",
            postal_code="125009",
            country="ru",
        ),
    )
    assert petrov.identifiers == (
        Identifier(
            IdentifierKind.PASSPORT,
            "753123456",
            "ru",
            "Passport",
            "FMS 77001; Issue Date 2015-01-15; Expiration Date 2025-01-14",
        ),
        Identifier(IdentifierKind.NATIONAL_ID, "4509 123456", "ru", "National ID No.", "Fraudulent"),
        Identifier(
            IdentifierKind.OTHER, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", None, "Digital Currency Address - XBT"
        ),
    )
    assert petrov.designations == (
        Designation("OFAC", "SDGT", "Executive Order 13224 (Terrorism)", "2019-04-15", source_id="31001"),
        Designation("OFAC", "IRGC", "Executive Order 13224 (Terrorism)", "2019-04-15", source_id="31001"),
    )
    assert petrov.attributes == (
        Attribute("remarks", "Hand-written test person."),
        Attribute("title", "Director General"),
        Attribute("email", "i.petrov@example.ru"),
        Attribute("note", "Email Address: personal address"),
        Attribute("list", "SDN List"),
        Attribute("sanctions_type", "Block"),
        Attribute("relationship", "Acting for or on behalf of (former): 2003"),
    )


def test_sample_arabic_and_chinese_names(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    rashid = sample[0]["1002"]
    assert [(n.value, n.script) for n in rashid.names] == [
        ("AL-RASHID, Ahmad Yusuf", "Latn"),
        ("أحمد يوسف الرشيد", "Arab"),  # natural order, as OFAC writes Arabic; bidi marks dropped
    ]
    assert rashid.names[1].parts == NameParts(given="أحمد", middle="يوسف", family="الرشيد")
    assert rashid.birth_dates == (BirthDate(PartialDate("1970-03")),)  # 1970-03-01 .. 1970-03-31
    assert rashid.gender == "female"

    dragon = sample[0]["2003"]
    assert dragon.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script) for n in dragon.names] == [
        ("GOLDEN DRAGON TRADING CO., LTD.", NameKind.PRIMARY, "Latn"),
        ("金龙贸易有限公司", NameKind.PRIMARY, "Hani"),
        ("GOLDEN DRAGON SHIPPING", NameKind.ALIAS, "Latn"),  # N.K.A.
    ]
    assert dragon.addresses == (
        Address(
            full="88 Century Avenue, Pudong New District, Shanghai, Shanghai Municipality, China",
            street="88 Century Avenue, Pudong New District",
            city="Shanghai",
            region="Shanghai Municipality",
            country="cn",
        ),  # the country from the LocationAreaCode; the "undetermined" one is dropped
    )
    # two entry events: the earliest date, both legal bases
    assert dragon.designations == (
        Designation(
            "OFAC",
            "IRAN-EO13846",
            "Executive Order 13846; Executive Order 13224 (Terrorism)",
            "2019-09-03",
            source_id="32003",
        ),
    )
    assert dragon.identifiers == (
        Identifier(IdentifierKind.TAX_ID, "91310000MA1FL0000X", "cn", "Tax ID No."),
    )


def test_sample_vessel_and_aircraft(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel = sample[0]["3004"]
    assert vessel.schema is Schema.VESSEL
    assert [(n.value, n.kind) for n in vessel.names] == [
        ("OCEAN STAR", NameKind.PRIMARY),
        ("SEA PEARL", NameKind.FORMER),
    ]
    assert vessel.names[0].parts is None
    assert vessel.identifiers == (
        Identifier(IdentifierKind.IMO, "9187629", None, "Vessel Registration Identification"),
        Identifier(IdentifierKind.MMSI, "355123000", None, "MMSI"),
        Identifier(IdentifierKind.CALL_SIGN, "3FZA7", None, "Vessel Call Sign"),
    )
    assert [(a.key, a.value) for a in vessel.attributes] == [
        ("vessel_type", "Crude Oil Tanker"),
        ("vessel_flag", "pa"),
        ("vessel_tonnage", "156,000"),
        ("vessel_gross_tonnage", "81,479"),
        ("vessel_owner", "GOLDEN DRAGON TRADING CO., LTD."),
        ("list", "SDN List"),
        ("relationship", "Owned or Controlled By: 2003"),
    ]

    aircraft = sample[0]["4005"]
    assert aircraft.schema is Schema.AIRCRAFT
    assert names(aircraft) == ["EP-ABC"]
    assert aircraft.identifiers == (
        Identifier(
            IdentifierKind.AIRCRAFT_SERIAL, "21682", None, "Aircraft Manufacturer’s Serial Number (MSN)"
        ),
        Identifier(IdentifierKind.AIRCRAFT_TAIL, "EP-ABC", None, "Aircraft Tail Number"),
    )
    assert attrs(aircraft, "aircraft_model") == ["Boeing 747-200"]
    assert attrs(aircraft, "aircraft_manufacture_date") == ["1979"]  # Year-only date points
    # an entry with no programme measure and the "Unknown" legal basis
    assert aircraft.designations == (Designation("OFAC", None, None, "2018-05-24", source_id="34005"),)


def test_consolidated_sample_source(fixtures_dir: Path) -> None:
    entities, report = read(fixtures_dir / "ofac_advanced_xml" / "cons_advanced_sample.xml")
    assert report.source == "us_ofac_cons"
    assert report.published == "2024-07"  # DateOfIssue without a day
    assert [e.source for e in entities] == ["us_ofac_cons"]
    assert entities[0].designations == (
        Designation(
            "OFAC", "UKRAINE-EO13662", "Executive Order 13662 (Ukraine)", "2014-07-16", source_id="50017013"
        ),
    )
    assert attrs(entities[0], "sanctions_type") == ["13662 Sectoral Directive 1"]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Passport", IdentifierKind.PASSPORT),
        ("Diplomatic Passport", IdentifierKind.PASSPORT),
        ("National ID No.", IdentifierKind.NATIONAL_ID),
        ("Cedula No.", IdentifierKind.NATIONAL_ID),
        ("Tax ID No.", IdentifierKind.TAX_ID),
        ("Romanian Tax Registration", IdentifierKind.TAX_ID),
        ("V.A.T. Number", IdentifierKind.TAX_ID),
        ("RFC", IdentifierKind.TAX_ID),
        ("SWIFT/BIC", IdentifierKind.SWIFT_BIC),
        ("BIK (RU)", IdentifierKind.OTHER),
        ("Public Registration Number", IdentifierKind.REGISTRATION),
        ("LE Number", IdentifierKind.REGISTRATION),
        ("Legal Entity Number", IdentifierKind.LEI),
        ("Vessel Registration Identification", IdentifierKind.IMO),
        ("VESSEL IMO", IdentifierKind.IMO),
        ("MMSI", IdentifierKind.MMSI),
        ("Other Vessel Call Sign", IdentifierKind.CALL_SIGN),
        ("Aircraft Tail Number", IdentifierKind.AIRCRAFT_TAIL),
        ("Aircraft Serial Identification", IdentifierKind.AIRCRAFT_SERIAL),
        ("Driver's License No.", IdentifierKind.OTHER),
        ("Chinese Commercial Code", IdentifierKind.OTHER),
        ("Military Registration Number", IdentifierKind.OTHER),
    ],
)
def test_identifier_kinds(label: str, kind: IdentifierKind) -> None:
    assert identifier_kind(label) is kind


# --- broken input --------------------------------------------------------------------------------------


@pytest.fixture()
def sample_text(fixtures_dir: Path) -> str:
    return (fixtures_dir / "ofac_advanced_xml" / "sdn_advanced_sample.xml").read_text(encoding="utf-8")


def test_truncated_among_parties(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_text(
        sample_text[: sample_text.index('<DistinctParty FixedRef="3004">') + 40], encoding="utf-8"
    )
    report = ReadReport()
    reader = open_list([path], report)
    with pytest.raises(ListFileError, match="malformed XML"):
        list(reader.entities())


def test_truncated_in_sanctions_entries_reports_the_real_line(tmp_path: Path, sample_text: str) -> None:
    cut = sample_text.index('<SanctionsEntry ID="33004"') + 30
    path = tmp_path / "sdn_advanced.xml"
    path.write_text(sample_text[:cut], encoding="utf-8")
    try:
        ET.parse(path)
    except ET.ParseError as exc:
        line, column = exc.position
    report = ReadReport()
    reader = open_list([path], report)
    with pytest.raises(ListFileError) as raised:
        next(iter(reader.entities()))  # the tail is read before the first party
    assert raised.value.where == f"line {line}, column {column}"


def test_party_without_fixed_ref(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_text(
        sample_text.replace('<DistinctParty FixedRef="1002">', "<DistinctParty>"), encoding="utf-8"
    )
    with pytest.raises(ListFileError, match="no FixedRef") as raised:
        read(path)
    assert raised.value.where == "DistinctParty #2"


def test_unknown_reference_ids_are_warned(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_text(
        sample_text.replace('<FeatureType ID="26" FeatureTypeGroupID="1">Title</FeatureType>', ""),
        encoding="utf-8",
    )
    entities, report = read(path)
    assert report.warnings["unknown FeatureTypeID 26"] == 1
    assert attrs(by_id(entities)["1001"], "FeatureType 26") == ["Director General"]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_bytes(b"")
    with pytest.raises(ListFileError, match="empty"):
        read(path, format="ofac_advanced_xml")


def test_wrong_encoding(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_bytes(sample_text.replace("Hand-written test person.", "Caf\xe9").encode("latin-1", "replace"))
    with pytest.raises(ListFileError, match="malformed XML"):
        read(path)


def test_dtd_is_refused(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    bomb = '<!DOCTYPE Sanctions [<!ENTITY a "aaaaaaaa">]>\n<Sanctions '
    path.write_text(sample_text.replace("<Sanctions ", bomb, 1), encoding="utf-8")
    with pytest.raises(HostileInputError):
        read(path)


def test_other_xml_forced(data_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not OFAC Advanced XML"):
        read(data_dir / "us_ofac_sdn_xml" / "IRGC_sanctions.xml", format="ofac_advanced_xml")


def test_sniff_claims_only_advanced_xml(data_dir: Path) -> None:
    from hoarfrost.sources.files import expand_file

    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in (".xml", ".zip"):
            for file in expand_file(path):
                claimed = OfacAdvancedXmlReader.sniff(file, file.head())
                assert claimed == (path.name == "cons_advanced.xml"), file.name
