"""UK FCDO "UK Sanctions List" XML: the real March 2026 excerpt, and a fixture with ships and entities."""

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
from hoarfrost.sources.registry import open_list
from hoarfrost.sources.uk_fcdo import UkFcdoXmlReader

REAL = "uk_fcdo_sanctions_list/excerpt_2026-03-26/uk.xml"
AFGHANISTAN = "The Afghanistan (Sanctions) (EU Exit) Regulations 2020"


def read(path: Path) -> tuple[list[Entity], ReadReport, type]:
    report = ReadReport()
    reader = open_list([path], report)
    return list(reader.entities()), report, type(reader)


def attrs(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


@pytest.fixture(scope="module")
def real(data_dir: Path) -> tuple[list[Entity], ReadReport, type]:
    return read(data_dir / REAL)


def test_real_excerpt_counts(real: tuple[list[Entity], ReadReport, type]) -> None:
    entities, report, reader = real
    assert reader is UkFcdoXmlReader
    assert report.source == "uk_fcdo"
    assert report.published == "2026-03-26"
    assert not report.warnings
    assert [e.source_id for e in entities] == [f"AFG000{n}" for n in range(1, 8)]
    assert [e.schema for e in entities] == [Schema.ORGANIZATION] * 5 + [Schema.PERSON] * 2
    names = [name for entity in entities for name in entity.names]
    assert len(names) == 43  # 36 Name rows (no two alike) + 7 NameNonLatinScript
    assert Counter(name.script for name in names) == {"Latn": 36, "Arab": 7}
    assert Counter(name.kind for name in names) == {NameKind.PRIMARY: 7, NameKind.ALIAS: 36}
    assert all(name.value == name.value.strip() for name in names)
    for entity in entities:
        (designation,) = entity.designations
        assert designation.authority == "UK"
        assert designation.regime == "Afghanistan"
        assert designation.legal_basis == AFGHANISTAN
        assert designation.source_id == entity.source_id
        assert attrs(entity, "designation_source") == ["UN"]


def test_real_entity_field_by_field(real: tuple[list[Entity], ReadReport, type]) -> None:
    exchange = real[0][0]
    assert exchange.caption == "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"
    assert len(exchange.names) == 10
    assert exchange.names[-1].value == "حاجی خيرالله و حاجی ستار صرافی"
    assert exchange.names[-1].kind is NameKind.ALIAS
    assert len(exchange.addresses) == 27
    assert exchange.addresses[0] == Address(
        full="Branch Office 7, Shop numbers 21 and 22, 2nd Floor, Kandahar City Sarafi Market, "
             "Kandahar City, Kandahar Province, Afghanistan", country="af")
    assert Counter(a.country for a in exchange.addresses) == {"af": 13, "pk": 11, "ir": 2, "ae": 1}
    assert exchange.designations[0].listed_on == "2012-06-29"
    reason = exchange.designations[0].reason
    assert reason is not None and reason.startswith("Pakistan National Tax Number: 1774308")
    assert attrs(exchange, "ofsi_group_id") == ["12703"]
    assert attrs(exchange, "un_reference") == ["TAe.010"]
    assert attrs(exchange, "last_updated") == ["2022-01-12"]
    assert attrs(exchange, "sanctions_imposed") == ["Asset freeze"]
    assert attrs(exchange, "sanction_indicator") == ["AssetFreeze"]
    assert attrs(exchange, "phone") == ["-101823", "-222831", "-103495", "-59763", "0202-104748"]
    assert attrs(exchange, "email") == ["helmand_exchange_msp@yahoo.com"]


def test_real_individuals_deduplicated(real: tuple[list[Entity], ReadReport, type]) -> None:
    akhund, kabir = real[0][5], real[0][6]
    assert akhund.caption == "MOHAMMAD HASSAN AKHUND"
    assert akhund.names[0].parts == NameParts(given="MOHAMMAD", middle="HASSAN", family="AKHUND",
                                              title="Mullah, Haji")
    assert akhund.names[1].value == "محمد حسن آخوند"  # the trailing space is gone
    years = ["1945", "1946", "1947", "1948", "1949", "1950", "1955", "1956", "1957", "1958"]
    assert akhund.birth_dates == tuple(BirthDate(PartialDate(year)) for year in years)
    assert akhund.identifiers == (Identifier(  # ten identical Passport rows
        IdentifierKind.PASSPORT, "P04581926", "af", None,
        "Afghanistan passport number P04581926, issued on 7 August 2024, issued in Kandahar, Afghanistan "
        "(expires 7 August 2034)"),)
    assert akhund.nationalities == ("af",)
    pashmul = "Pashmul village, Panjwai District, Kandahar Province, Afghanistan"
    assert akhund.birth_places == (Place(pashmul, "af"),)
    assert attrs(akhund, "title") == ["Mullah", "Haji"]
    assert len(attrs(akhund, "position")) == 4
    assert attrs(akhund, "sanctions_imposed") == ["Asset freeze", "Travel Ban"]
    assert akhund.designations[0].listed_on == "2001-01-25"
    assert [n.value for n in kabir.names] == [
        "Abdul Kabir MOHAMMAD JAN", "KABIR MUHAMMAD JAN ABDUL", "ABDUL KABIR MUHAMMAD JAN", "A Kabir",
        "عبد الکبیر محمد جان",
    ]
    parts = NameParts(given="ABDUL", middle="KABIR MUHAMMAD", family="JAN", title="Maulavi")
    assert kabir.names[2].parts == parts  # from "<Name1> ABDUL</Name1>", "<Name3> MUHAMMAD</Name3>"
    assert kabir.birth_dates == (BirthDate(PartialDate("1963")), BirthDate(PartialDate("1972-01-30")))
    assert kabir.identifiers[0].country == "af"
    assert kabir.addresses == (Address(full="Afghanistan", country="af"),)


def test_fixture_ship(fixtures_dir: Path) -> None:
    entities, report, reader = read(fixtures_dir / "uk_fcdo" / "ships_entities.xml")
    assert reader is UkFcdoXmlReader
    assert report.published == "2026-08-20"
    ship = entities[0]
    assert ship.schema is Schema.VESSEL
    assert [(n.value, n.kind) for n in ship.names] == [("PETREL 9", NameKind.PRIMARY),
                                                       ("JAL EXAMPLE", NameKind.ALIAS)]
    assert ship.identifiers == (
        Identifier(IdentifierKind.IMO, "9562299", label="IMO number"),
        Identifier(IdentifierKind.OTHER, "HIN-7731", label="Hull identification number"),
    )
    assert ship.designations == (Designation(
        "UK", "Democratic People's Republic of Korea",
        "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019", "2017-10-03",
        "Involved in ship-to-ship transfers of refined petroleum in 2019.", "DPR9075"),)
    assert {(a.key, a.value) for a in ship.attributes} >= {
        ("vessel_owner", "Example United Shipping"), ("vessel_previous_owner", "Old Example Shipping"),
        ("vessel_flag", "Comoros"), ("vessel_previous_flag", "India"), ("vessel_previous_flag", "Panama"),
        ("vessel_type", "Bulk Carrier"), ("vessel_tonnage", "7078"), ("vessel_length", "119"),
        ("vessel_year_built", "2011"), ("call_sign", "T3XY"), ("sanctions_imposed", "Deflag"),
        ("sanction_indicator", "ProhibitionOfPortEntry"),
    }
    assert Attribute("sanction_indicator", "AssetFreeze") not in ship.attributes


def test_fixture_entity(fixtures_dir: Path) -> None:
    company = read(fixtures_dir / "uk_fcdo" / "ships_entities.xml")[0][1]
    assert company.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script, n.lang) for n in company.names] == [
        ("JOINT STOCK COMPANY EXAMPLE ENGINEERING", NameKind.PRIMARY, "Latn", None),
        ("AO EXAMPLE ENGINEERING", NameKind.ALIAS, "Latn", None),  # a variation, then a good a.k.a.: once
        ("АО ПРИМЕР ИНЖИНИРИНГ", NameKind.ALIAS, "Cyrl", "ru"),
        ("EXENG", NameKind.WEAK_ALIAS, "Latn", None),
    ]
    assert company.identifiers == (
        Identifier(IdentifierKind.REGISTRATION, "1027700132195", label="Business registration number"),
    )
    assert company.addresses == (Address(full="12 Tverskaya St, Office 4, Moscow, 125009, Russia",
                                         postal_code="125009", country="ru"),)
    (designation,) = company.designations
    assert designation.regime == "Russia"
    assert designation.reason is not None and designation.reason.startswith("Example Engineering is an")
    assert {(a.key, a.value) for a in company.attributes} >= {
        ("remarks", "Financial sanctions imposed in addition to an asset freeze: Trust services."),
        ("designation_source", "UK"), ("phone", "+7 495 000 00 00"), ("email", "info@example.ru"),
        ("website", "www.example.ru"), ("entity_type", "Joint Stock Company"),
        ("parent_company", "Example Holding"), ("subsidiary", "Example Service LLC"),
        ("sanction_indicator", "TrustServicesSanctions"),
    }


def test_fixture_individual(fixtures_dir: Path) -> None:
    person = read(fixtures_dir / "uk_fcdo" / "ships_entities.xml")[0][2]
    assert person.schema is Schema.PERSON
    assert [(n.value, n.kind, n.lang) for n in person.names] == [
        ("Ivan Petrovich SIDOROV", NameKind.PRIMARY, None), ("Иван Петрович СИДОРОВ", NameKind.ALIAS, "ru"),
        ("SIDOROV-PETROV", NameKind.FORMER, None),
    ]
    assert person.gender == "male"
    assert person.birth_dates == (BirthDate(PartialDate("1962")), BirthDate(PartialDate("1962-05-12")))
    tula = Place("Tula, Former USSR Currently Russia", "ru")
    assert person.birth_places == (Place("Moscow, Russia", "ru"), tula)
    assert person.nationalities == ("ru", "cy")
    assert person.identifiers == (
        Identifier(IdentifierKind.PASSPORT, "750000001", "ru", None, "Russia passport number, expires 2030"),
        Identifier(IdentifierKind.NATIONAL_ID, "771234567890", "ru", None, "Russia. INN"),
    )
    assert attrs(person, "position") == ["Chairman of Example Bank"]
    assert attrs(person, "last_updated") == ["2024-02-01"]


@pytest.mark.parametrize(("name", "message"), [
    ("truncated.xml", r"truncated\.xml \(line \d+, column \d+\): malformed XML"),
    ("no_unique_id.xml", r"element Designation #2\): a Designation has no UniqueID"),
])
def test_broken_files(fixtures_dir: Path, name: str, message: str) -> None:
    with pytest.raises(ListFileError, match=message):
        read(fixtures_dir / "uk_fcdo" / name)


def test_does_not_claim_other_xml(data_dir: Path) -> None:
    from hoarfrost.sources.files import expand_file

    for other in ("un_sc_consolidated/2026-02-27/UN_consolidated.xml", "ca_sema/sema-lmes.xml",
                  "eu_fsf_xml/excerpt_2021-01-15/eu_sanctions_list.xml"):
        (file,) = expand_file(data_dir / other)
        assert not UkFcdoXmlReader.sniff(file, file.head())
