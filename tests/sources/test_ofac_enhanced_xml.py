"""OFAC Enhanced XML: the real CONS_ENHANCED (zip) and IRGC export, plus hand-written files."""

from __future__ import annotations

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
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.ofac_advanced_xml import OfacAdvancedXmlReader
from hoarfrost.sources.ofac_enhanced_xml import OfacEnhancedXmlReader
from hoarfrost.sources.registry import open_list
from tests.helpers import read_list


def read(path: Path, format: str | None = None) -> tuple[list[Entity], ReadReport]:
    return read_list([path], OfacEnhancedXmlReader, format)


def by_id(entities: list[Entity]) -> dict[str, Entity]:
    found = {entity.source_id: entity for entity in entities}
    assert len(found) == len(entities)
    return found


def attrs(entity: Entity, key: str) -> list[str]:
    return [attribute.value for attribute in entity.attributes if attribute.key == key]


def scripts(entities: dict[str, Entity]) -> Counter[str]:
    return Counter(name.script for e in entities.values() for name in e.names)


# --- CONS_ENHANCED.ZIP: the non-SDN consolidated list ------------------------------------------------------


@pytest.fixture(scope="module")
def cons(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(data_dir / "us_ofac_consolidated_nonsdn" / "CONS_ENHANCED.ZIP")
    return by_id(entities), report


def test_cons_report(cons: tuple[dict[str, Entity], ReadReport]) -> None:
    _, report = cons
    assert report.source == "us_ofac_cons"  # filtered on "Consolidated List" only
    assert report.published == "2025-01-10"
    assert not report.partial
    assert not report.warnings


def test_cons_counts(cons: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = cons
    assert len(entities) == 443
    assert {e.source for e in entities.values()} == {"us_ofac_cons"}
    assert Counter(e.schema for e in entities.values()) == {Schema.ORGANIZATION: 363, Schema.PERSON: 80}
    # 1,579 names with 1,624 name translations: Latin 1,579, Cyrillic 39, Chinese 5 + 1. (The file's
    # 2,151 Latin and 50 Cyrillic translations include 572 and 11 address translations.) One Latin
    # translation repeats another name of its entity and is kept once.
    assert scripts(entities) == {"Latn": 1578, "Cyrl": 39, "Hani": 6}
    assert Counter(n.kind for e in entities.values() for n in e.names) == {
        NameKind.PRIMARY: 468,
        NameKind.ALIAS: 942,
        NameKind.FORMER: 142,
        NameKind.WEAK_ALIAS: 71,
    }
    cyrillic_streets = [a for e in entities.values() for a in e.addresses if a.street and "ул" in a.street]
    assert cyrillic_streets  # address translations become addresses too
    assert sum(len(e.addresses) for e in entities.values()) == 531
    identifiers = Counter(i.kind for e in entities.values() for i in e.identifiers)
    assert identifiers == {
        IdentifierKind.REGISTRATION: 460,
        IdentifierKind.TAX_ID: 214,
        IdentifierKind.OTHER: 171,  # ISIN 165, BIK (RU) 6
        IdentifierKind.SWIFT_BIC: 33,
        IdentifierKind.LEI: 14,
        IdentifierKind.PASSPORT: 1,
        IdentifierKind.NATIONAL_ID: 1,
    }
    lists = Counter(value for e in entities.values() for value in attrs(e, "list"))
    assert lists["Consolidated List"] == 443
    assert lists["Non-SDN CMIC List"] == 68


def test_cons_chinese_and_cyrillic_names(cons: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = cons
    chinese = {e.source_id: n.value for e in entities.values() for n in e.names if n.script == "Hani"}
    assert chinese["33111"] == "深圳市大疆创新科技有限公司"
    assert chinese["33114"] == "商湯集團有限公司"  # the one Chinese Traditional translation
    assert len(chinese) == 6
    for entity_id, value in chinese.items():
        name = next(n for n in entities[entity_id].names if n.value == value)
        assert name.kind is NameKind.PRIMARY
        assert entities[entity_id].names[0].script == "Latn"  # the Latin primary stays the caption


def test_cons_entries(cons: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = cons
    haniya = entities["9639"]
    assert [n.value for n in haniya.names] == [
        "HANIYA, Ismail Abdul Salah",
        "HANIYA, Ismail",
        "HANIYYA, Ismaeel",
    ]
    assert haniya.names[0].parts == NameParts(given="Ismail Abdul Salah", family="HANIYA")
    assert haniya.birth_dates == (BirthDate(PartialDate("1962")),)
    assert haniya.birth_places == (Place("Shati"),)
    assert haniya.designations == (
        Designation(
            "OFAC", "NS-PLC", "General License 4 Under EO 13224 (Terrorism)", "2006-04-12", source_id="14296"
        ),
    )
    rosneft = entities["17022"]
    assert rosneft.identifiers[:3] == (
        Identifier(IdentifierKind.REGISTRATION, "1027700043502", "ru", "Registration ID"),
        Identifier(IdentifierKind.REGISTRATION, "00044428", "ru", "Government Gazette Number"),
        Identifier(IdentifierKind.TAX_ID, "7706107510", "ru", "Tax ID No."),
    )
    assert attrs(rosneft, "Secondary sanctions risk") == [
        "Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209"
    ]
    assert attrs(rosneft, "sanctions_type") == ["13662 Sectoral Directive 2", "13662 Sectoral Directive 4"]


def test_same_party_reads_the_same_from_advanced_xml(
    cons: tuple[dict[str, Entity], ReadReport], data_dir: Path
) -> None:
    report = ReadReport()
    reader = open_list([data_dir / "us_ofac_sdn_xml" / "cons_advanced.xml"], report)
    assert isinstance(reader, OfacAdvancedXmlReader)
    advanced = {e.source_id: e for e in reader.entities()}
    for entity_id in ("9639", "17022", "26182"):
        enhanced = cons[0][entity_id]
        assert advanced[entity_id].names == enhanced.names
        assert advanced[entity_id].birth_dates == enhanced.birth_dates
        assert advanced[entity_id].citizenships == enhanced.citizenships


# --- IRGC_sanctions.xml: an SDN export filtered by programme ----------------------------------------------


@pytest.fixture(scope="module")
def irgc(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(data_dir / "us_ofac_sdn_xml" / "IRGC_sanctions.xml")
    return by_id(entities), report


def test_irgc_report(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    _, report = irgc
    assert report.source == "us_ofac_sdn"  # the filter names every list; the entities are SDN
    assert report.published == "2024-08-28"
    assert report.partial  # filtered by programme IRGC
    assert not report.warnings


def test_irgc_counts(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = irgc
    assert len(entities) == 293
    assert Counter(e.schema for e in entities.values()) == {
        Schema.PERSON: 165,
        Schema.ORGANIZATION: 84,
        Schema.AIRCRAFT: 44,
    }
    # 834 names, 930 name translations: Latin 834, Arabic 92, Cyrillic 3, Chinese Traditional 1.
    # One entity (42538) gives the same Arabic translation twice: kept once.
    assert scripts(entities) == {"Latn": 834, "Arab": 91, "Cyrl": 3, "Hani": 1}
    assert Counter(attrs(e, "list")[0] for e in entities.values()) == {"SDN List": 293}
    assert sum(len(e.birth_dates) for e in entities.values()) == 183
    assert Counter(e.gender for e in entities.values()) == {None: 155, "male": 137, "female": 1}
    assert sum(len(e.nationalities) for e in entities.values()) == 115


def test_irgc_person(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    person = irgc[0]["26126"]
    assert person.schema is Schema.PERSON
    assert [(n.value, n.kind) for n in person.names][:2] == [
        ("YAGHOUBI MIAB, Hossein", NameKind.PRIMARY),
        ("YAQUBI, Hosein", NameKind.ALIAS),
    ]
    assert person.names[0].parts == NameParts(given="Hossein", family="Yaghoubi Miab")
    assert person.birth_dates == (BirthDate(PartialDate("1961-07-23")),)
    assert person.birth_places == (Place("Tehran, Iran", "ir"),)
    assert person.gender == "male"
    assert person.identifiers == (
        Identifier(
            IdentifierKind.PASSPORT,
            "G9342868",
            "ir",
            "Passport",
            "Issue Date 2016-03-16; Expiration Date 2021-03-16",
        ),
    )
    assert person.addresses == (Address(full="Iran", country="ir"),)
    assert [d.regime for d in person.designations] == ["IFSR", "IRGC", "SDGT"]
    assert {d.listed_on for d in person.designations} == {"2018-11-20"}
    assert attrs(person, "relationship") == [
        "Acting for or on behalf of: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE (10465)"
    ]
    assert attrs(person, "Additional Sanctions Information") == ["Subject to Secondary Sanctions"]


def test_irgc_arabic_and_cyrillic_names(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    fatemiyoun = irgc[0]["26347"]
    arabic = [n for n in fatemiyoun.names if n.script == "Arab"]
    assert arabic[0].value == "لواء فاطميون"  # without the U+202B/U+202C marks around it
    assert arabic[0].kind is NameKind.PRIMARY
    group = irgc[0]["26119"]
    assert [(n.value, n.kind, n.script) for n in group.names] == [
        ("GLOBAL VISION GROUP", NameKind.PRIMARY, "Latn"),
        ("LIMITED LIABILITY COMPANY GLOBAL CONCEPTS GROUP", NameKind.ALIAS, "Latn"),
        ("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ГЛОБАЛЬНЫЕ КОНЦЕПЦИИ ГРУПП", NameKind.ALIAS, "Cyrl"),
        ("LLC GKG", NameKind.WEAK_ALIAS, "Latn"),
        ("ООО ГКГ", NameKind.WEAK_ALIAS, "Cyrl"),
    ]
    assert group.addresses[0] == Address(
        full="Office I Room 7, Building 3, House 22, Staromonetny Lane, Moscow, 119180, Russia",
        street="Office I Room 7, Building 3, House 22, Staromonetny Lane",
        city="Moscow",
        postal_code="119180",
        country="ru",
    )
    assert (
        group.designations[0].legal_basis
        == "Executive Order 13224 (Terrorism); Executive Order 13582 (Syria)"
    )


def test_irgc_dates_ranges_and_circa(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = irgc
    assert entities["12057"].birth_dates[:3] == (
        BirthDate(PartialDate("1951"), until=PartialDate("1953")),  # "1951 to 1953"
        BirthDate(PartialDate("1960"), until=PartialDate("1962")),
        BirthDate(PartialDate("1961-04")),
    )
    assert BirthDate(PartialDate("1957"), circa=True) in entities["11177"].birth_dates  # "circa 1957"
    assert BirthDate(PartialDate("1955-03"), until=PartialDate("1956-03")) in entities["39438"].birth_dates


def test_irgc_aircraft(irgc: tuple[dict[str, Entity], ReadReport]) -> None:
    aircraft = irgc[0]["24475"]
    assert aircraft.schema is Schema.AIRCRAFT
    assert [n.value for n in aircraft.names] == ["EP-PUL"]
    assert aircraft.identifiers == (
        Identifier(
            IdentifierKind.AIRCRAFT_SERIAL, "33448393", None, "Aircraft Manufacturer’s Serial Number (MSN)"
        ),
    )
    assert attrs(aircraft, "aircraft_model") == ["IL-76"]
    assert attrs(aircraft, "aircraft_operator") == ["Pouya Air"]
    assert attrs(aircraft, "aircraft_manufacture_date") == ["1983"]
    assert attrs(aircraft, "relationship") == ["Owned or Controlled By: POUYA AIR (13109)"]


# --- hand-written files ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(fixtures_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(fixtures_dir / "ofac_enhanced_xml" / "sdn_enhanced_sample.xml")
    return by_id(entities), report


def test_sample_report(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = sample
    assert report.source == "us_ofac_sdn"  # filtered on "SDN List" only
    assert report.published == "2025-03-04"
    assert not report.partial
    assert not report.warnings
    assert scripts(entities) == {"Latn": 7, "Cyrl": 1, "Hani": 1, "Arab": 1}


def test_sample_vessel(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel = sample[0]["50001"]
    assert vessel.schema is Schema.VESSEL
    assert [(n.value, n.kind) for n in vessel.names] == [
        ("ADRIAN DARYA 1", NameKind.PRIMARY),
        ("GRACE 1", NameKind.FORMER),
    ]
    assert vessel.identifiers == (
        Identifier(IdentifierKind.CALL_SIGN, "3FZA7", None, "Vessel Call Sign"),
        Identifier(IdentifierKind.MMSI, "422130000", None, "MMSI"),
        Identifier(IdentifierKind.IMO, "9116412", None, "Vessel Registration Identification"),
    )
    assert vessel.attributes == (
        Attribute("remarks", "Hand-written test vessel."),
        Attribute("vessel_type", "Crude Oil Tanker"),
        Attribute("vessel_flag", "ir"),
        Attribute("vessel_flag_other", "pa"),
        Attribute("vessel_tonnage", "300,000"),
        Attribute("vessel_gross_tonnage", "158,000"),
        Attribute("vessel_build_year", "1997"),
        Attribute("vessel_owner", "Iranian Oil Shipping Co."),
        Attribute("list", "SDN List"),
        Attribute("sanctions_type", "Block"),
        Attribute("relationship", "Owned or Controlled By: IRANIAN OIL SHIPPING CO. (50003)"),
    )
    assert vessel.designations == (
        Designation("OFAC", "IRGC", "Executive Order 13224 (Terrorism)", "2019-08-30", source_id="70001"),
        Designation("OFAC", "SDGT", "Executive Order 13224 (Terrorism)", "2019-08-30", source_id="70001"),
    )


def test_sample_person_translations(sample: tuple[dict[str, Entity], ReadReport]) -> None:
    person = sample[0]["50002"]
    assert [(n.value, n.kind, n.script) for n in person.names] == [
        ("SMIRNOVA, Elena Viktorovna", NameKind.PRIMARY, "Latn"),  # the primary translation first
        ("СМИРНОВА, Елена Викторовна", NameKind.PRIMARY, "Cyrl"),
        ("斯米尔诺娃·叶莲娜", NameKind.PRIMARY, "Hani"),
        ("SMIRNOVA, Yelena", NameKind.ALIAS, "Latn"),
        ("يلينا سميرنوفا", NameKind.ALIAS, "Arab"),
        ("IVANOVA, Elena", NameKind.ALIAS, "Latn"),  # N.K.A.
        ("Lena", NameKind.WEAK_ALIAS, "Latn"),  # a low-quality nickname
        ("SMIRNOVA, Alyona", NameKind.ALIAS, "Latn"),  # no formattedFullName: built from its parts
    ]
    assert person.names[0].parts == NameParts(given="Elena", family="Smirnova", patronymic="Viktorovna")
    assert person.birth_dates == (
        BirthDate(PartialDate("1955"), until=PartialDate("1957")),
        BirthDate(PartialDate("1956-02-14"), circa=True),
    )
    assert person.birth_places == (Place("Leningrad, Russia", "ru"),)
    assert person.nationalities == ("ru",)
    assert person.citizenships == ("cn",)
    assert person.gender == "female"
    assert person.addresses == (
        Address(
            full="10 Tverskaya Street, Moscow, 125009, Russia",
            street="10 Tverskaya Street",
            city="Moscow",
            postal_code="125009",
            country="ru",
        ),
        Address(
            full="ул. Тверская, 10, Москва, Russia", street="ул. Тверская, 10", city="Москва", country="ru"
        ),
    )
    assert person.identifiers == (
        Identifier(
            IdentifierKind.PASSPORT,
            "720012345",
            "ru",
            "Passport",
            "MVD 770-001; Issue Date 2012-05-03; Expiration Date 2022-05-03; not valid",
        ),
        Identifier(IdentifierKind.TAX_ID, "771234567890", "ru", "Tax ID No."),
    )
    assert attrs(person, "title") == ["Deputy Minister"]
    assert attrs(person, "email") == ["e.smirnova@example.ru"]
    assert attrs(person, "note") == ["Email Address: work address"]
    assert attrs(person, "phone") == ["+7 495 000 00 00"]


def test_unfiltered_file_takes_its_list_from_the_first_entity(fixtures_dir: Path) -> None:
    entities, report = read(fixtures_dir / "ofac_enhanced_xml" / "unfiltered_mixed_lists.xml")
    assert report.source == "us_ofac_cons"
    assert [e.source for e in entities] == ["us_ofac_cons", "us_ofac_cons"]
    assert report.warnings == {"entities on another list than the file's (us_ofac_cons)": 1}
    assert report.published == "2025-02-01T10:30:00"
    assert entities[1].names[0].value == "DOE, John Q."
    assert entities[1].designations == (Designation("OFAC", None, None, "2023-01-01", source_id="7"),)


# --- broken input ----------------------------------------------------------------------------


@pytest.fixture()
def sample_text(fixtures_dir: Path) -> str:
    return (fixtures_dir / "ofac_enhanced_xml" / "sdn_enhanced_sample.xml").read_text(encoding="utf-8")


def test_entity_without_id(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "SDN_ENHANCED.XML"
    path.write_text(sample_text.replace('<entity id="50002">', "<entity>"), encoding="utf-8")
    with pytest.raises(ListFileError, match="no id") as raised:
        read(path)
    assert raised.value.where == "entity #2"


def test_truncated(tmp_path: Path, sample_text: str) -> None:
    path = tmp_path / "SDN_ENHANCED.XML"
    path.write_text(sample_text[: sample_text.index('<entity id="50002">') + 100], encoding="utf-8")
    report = ReadReport()
    reader = open_list([path], report)
    with pytest.raises(ListFileError, match="malformed XML"):
        list(reader.entities())


def test_other_xml_forced(data_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not OFAC Enhanced XML"):
        read(data_dir / "us_ofac_sdn_xml" / "cons_advanced.xml", format="ofac_enhanced_xml")


def test_sniff_claims_only_enhanced_xml(data_dir: Path) -> None:
    from hoarfrost.sources.files import expand_file

    claimed = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in (".xml", ".zip"):
            for file in expand_file(path):
                if OfacEnhancedXmlReader.sniff(file, file.head()):
                    claimed.append(file.basename)
    assert sorted(claimed) == ["cons_enhanced.xml", "irgc_sanctions.xml"]
