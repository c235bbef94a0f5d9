"""FollowTheMoney JSON lines: the real OpenSanctions Saudi PEP export, plus a hand-written sanctions file."""

from __future__ import annotations

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
    NameParts,
    PartialDate,
    Place,
    Schema,
)
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.files import expand_file
from hoarfrost.sources.ftm import FtmJsonReader
from tests.helpers import read_list

SKIPPED = "skipped {} entities (not parties; what they say is attached)"


def read(path: Path) -> tuple[list[Entity], ReadReport]:
    return read_list([path], FtmJsonReader)


@pytest.fixture(scope="module")
def real(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(data_dir / "opensanctions_ftm_sa_wiki_peps" / "entities.ftm.json")
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id, report


def attributes(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


def test_real_counts(real: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = real
    # 1,565 entities: 607 Person, 756 Family, 102 Occupancy, 100 Position
    assert len(entities) == 607
    assert {e.schema for e in entities.values()} == {Schema.PERSON}
    assert report.source == "ftm" and report.published is None
    assert report.warnings == {
        SKIPPED.format("Family"): 756, SKIPPED.format("Occupancy"): 102, SKIPPED.format("Position"): 100,
    }
    scripts = Counter(name.script for e in entities.values() for name in e.names)
    assert scripts["Arab"] == 1104
    assert scripts["Latn"] == 2370
    assert scripts["Cyrl"] == 123
    both = [e for e in entities.values()
            if {"Arab", "Latn"} <= {name.script for name in e.names}]
    # 412 counting only "name" and "alias"; one more writes its aliases as "Person:alias"
    assert len(both) == 413
    kinds = Counter(name.kind for e in entities.values() for name in e.names)
    assert kinds == {
        NameKind.PRIMARY: 1435, NameKind.ALIAS: 2408, NameKind.WEAK_ALIAS: 13, NameKind.FORMER: 11,
    }
    assert Counter(e.gender for e in entities.values() if e.gender) == {"male": 362, "female": 101}
    targets = Counter(v for e in entities.values() for v in attributes(e, "target"))
    assert targets == {"true": 423, "false": 184}
    assert sum(len(attributes(e, "relative")) for e in entities.values()) == 1395  # from 756 Family entities
    assert all(attributes(e, "dataset") == ["sa_wiki_peps_v2"] for e in entities.values())
    assert not any(e.designations for e in entities.values())  # PEPs, not sanctions


def test_real_person(real: tuple[dict[str, Entity], ReadReport]) -> None:
    osama = real[0]["Q1317"]
    assert [n.value for n in osama.names if n.kind is NameKind.PRIMARY] == [
        "أسامة بن لادن", "Osama", "Bin-Laden", "Osama bin Laden",
    ]
    assert osama.names[0].script == "Arab"
    assert "Усама бен Ладен" in [n.value for n in osama.names if n.kind is NameKind.ALIAS]
    assert osama.gender == "male"
    assert osama.birth_dates == (BirthDate(PartialDate("1957-03-10")),)
    assert osama.birth_places == (Place("Riyadh", "sa"),)  # country from the (non-standard) birthCountry
    assert osama.nationalities == ("sa",)  # "yo" is no ISO code
    assert attributes(osama, "death_date") == ["2011-05-02"]
    assert attributes(osama, "relative") == ["بكر بن محمد بن عوض بن لادن (sibling)"]
    assert attributes(osama, "wikidataId") == ["Q1317"]


def test_real_person_without_name_property(real: tuple[dict[str, Entity], ReadReport]) -> None:
    # No "name": the primary name is built from firstName, middleName and lastName
    prince = real[0]["Q60195440"]
    primary = prince.names[0]
    assert (primary.value, primary.kind) == ("Abdullah bin Bandar bin Abdulaziz Al Saud", NameKind.PRIMARY)
    assert primary.parts == NameParts(given="Abdullah", middle="bin Bandar bin Abdulaziz", family="Al Saud",
                                      patronymic="Bandar bin Abdulaziz Al Saud", title="His Royal Highness")
    assert prince.birth_dates[0].date.iso == "1986-08-07"  # written as a bare string, not a list
    assert "Minister of National Guard" in attributes(prince, "position")


def test_sanctions_relations_and_other_schemata(fixtures_dir: Path) -> None:
    entities, report = read(fixtures_dir / "ftm" / "sanctions.ftm.json")
    by_id = {e.source_id: e for e in entities}
    assert list(by_id) == ["ofac-12345", "Q-person-1", "vessel-1", "plane-1", "body-1", "le-1"]
    assert report.warnings == {
        SKIPPED.format("Sanction"): 3, SKIPPED.format("Address"): 1, SKIPPED.format("Passport"): 1,
        SKIPPED.format("Position"): 1, SKIPPED.format("Occupancy"): 1, SKIPPED.format("Ownership"): 1,
        SKIPPED.format("CryptoWallet"): 1,
        "Sanction entities refer to entities not in the file: ignored": 1,
    }

    company = by_id["ofac-12345"]
    assert company.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind) for n in company.names] == [
        ("Example Trading LLC", NameKind.PRIMARY),
        ("Example Trading Limited Liability Company", NameKind.ALIAS),
        ("Пример Трейдинг", NameKind.ALIAS),
        ("ETL", NameKind.WEAK_ALIAS),
        ("Old Example Trading", NameKind.FORMER),
    ]
    assert company.names[2].script == "Cyrl"
    assert company.designations == (Designation(
        authority="Office of Foreign Assets Control", regime="RUSSIA-EO14024", legal_basis="Block",
        listed_on="2022-02-24",
        reason="Operating in the technology sector of the Russian Federation economy.",
        source_id="12345",
    ),)
    assert company.addresses == (
        Address(full="PO Box 17, Dubai, United Arab Emirates"),
        Address(full="ul. Tverskaya 1, Moscow, 125009, Russia", street="ul. Tverskaya 1", city="Moscow",
                postal_code="125009", country="ru"),
    )
    assert {i.kind for i in company.identifiers} == {
        IdentifierKind.TAX_ID, IdentifierKind.REGISTRATION, IdentifierKind.LEI, IdentifierKind.SWIFT_BIC,
    }
    assert attributes(company, "owned_by") == ["Ivan Petrovich Sidorov (beneficial owner)"]
    assert attributes(company, "sanction_status") == ["active"]
    assert attributes(company, "referent") == ["us-ofac-12345-old"]

    person = by_id["Q-person-1"]
    assert person.names[0].parts == NameParts(given="Ivan", family="Sidorov", patronymic="Petrovich")
    assert person.names[1].script == "Cyrl"
    assert person.birth_dates == (BirthDate(PartialDate("1965-03")),)
    assert person.birth_places == (Place("Perm, Russia", "ru"),)
    assert (person.nationalities, person.citizenships) == (("ru",), ("ru", "cy"))
    assert Identifier(IdentifierKind.PASSPORT, "753123456", country="ru", label="Foreign passport",
                      note="startDate 2015-06-01; endDate 2025-06-01") in person.identifiers
    assert Identifier(IdentifierKind.OTHER, "1ExampleBtcAddress", label="CryptoWallet") in person.identifiers
    assert person.designations[0].authority == "European Union"
    assert person.designations[0].listed_on == "2022-03-15"
    assert attributes(person, "position") == [
        "Chief Executive Officer of Example Trading LLC", "Chief Executive Officer (2010 – 2022-02)",
    ]
    assert attributes(person, "dataset") == ["us_ofac_sdn", "eu_fsf"]

    vessel = by_id["vessel-1"]
    assert vessel.schema is Schema.VESSEL
    assert [(i.kind, i.value) for i in vessel.identifiers] == [
        (IdentifierKind.IMO, "9187629"),
        (IdentifierKind.MMSI, "273456780"),
        (IdentifierKind.CALL_SIGN, "UBCD7"),
    ]
    assert attributes(vessel, "vessel_flag") == ["ru"] and attributes(vessel, "build_date") == ["2001"]

    plane = by_id["plane-1"]
    assert plane.schema is Schema.AIRCRAFT
    plane_ids = {i.kind for i in plane.identifiers}
    assert plane_ids == {IdentifierKind.AIRCRAFT_TAIL, IdentifierKind.AIRCRAFT_SERIAL}
    assert attributes(plane, "aircraft_model") == ["Airbus A340-642"]

    # programId without Sanction entities still makes a designation
    listed = Designation(authority="ch_seco_sanctions", regime="SY-SANCTIONS")
    assert by_id["body-1"].designations == (listed,)
    # no "name": the caption; "Organization:email" read as "email"
    foundation = by_id["le-1"]
    assert [n.value for n in foundation.names] == ["Example Foundation", "The Example Foundation"]
    assert attributes(foundation, "email") == ["info@example.org"]


def test_broken_json_line_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="malformed JSON") as caught:
        read(fixtures_dir / "ftm" / "broken_line.ftm.json")
    assert caught.value.where == "line 2"


def test_entity_without_id_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="no id") as caught:
        read(fixtures_dir / "ftm" / "missing_id.ftm.json")
    assert caught.value.where == "line 3"


def test_wrong_encoding_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(b'{"id": "x", "schema": "Person", "properties": {"name": ["Mu\xf1oz"]}}\n')
    with pytest.raises(ListFileError, match="UTF-8") as caught:
        read(path)
    assert caught.value.where == "line 1"


def test_index_json_is_not_ftm(data_dir: Path) -> None:
    index = data_dir / "opensanctions_ftm_sa_wiki_peps" / "index.json"
    (file,) = expand_file(index)
    assert not FtmJsonReader.sniff(file, file.head())
