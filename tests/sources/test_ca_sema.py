"""Canada SEMA XML: the real 2020 file, plus hand-written files in the 2022+ and bilingual-tag layouts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    BirthDate,
    Entity,
    Identifier,
    IdentifierKind,
    NameKind,
    NameParts,
    PartialDate,
    Schema,
)
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.ca_sema import JVCFOA, SEMA, CaSemaXmlReader, split_aliases
from hoarfrost.sources.registry import open_list


def read(path: Path) -> tuple[list[Entity], ReadReport]:
    report = ReadReport()
    reader = open_list([path], report)
    assert isinstance(reader, CaSemaXmlReader)
    return list(reader.entities()), report


@pytest.fixture(scope="module")
def real(data_dir: Path) -> dict[str, Entity]:
    entities, report = read(data_dir / "ca_sema" / "sema-lmes.xml")
    assert report.source == "ca_sema"
    assert report.published is None  # the file states no date
    assert not report.warnings
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)  # the built ids are unique
    return by_id


def names(entity: Entity, kind: NameKind | None = None) -> list[str]:
    return [name.value for name in entity.names if kind is None or name.kind is kind]


def test_real_counts(real: dict[str, Entity], data_dir: Path) -> None:
    assert len(real) == 1369
    assert (data_dir / "ca_sema" / "sema-lmes.xml").read_text(encoding="utf-8").count("<Aliases>") == 99
    assert Counter(e.schema for e in real.values()) == {Schema.PERSON: 985, Schema.ORGANIZATION: 384}
    kinds = Counter(name.kind for e in real.values() for name in e.names)
    # 99 Aliases texts give 156 aliases; 46 more come from "English/French" names split in two.
    assert kinds == {NameKind.PRIMARY: 1369, NameKind.ALIAS: 195, NameKind.WEAK_ALIAS: 7}
    assert Counter(name.script for e in real.values() for name in e.names) == {"Latn": 1571}
    assert sum(len(e.birth_dates) for e in real.values()) == 213
    regimes = Counter(e.designations[0].regime for e in real.values())
    assert regimes["Syria (Schedule 2)"] == 225
    assert regimes["Russia (Schedule 1, Part 2)"] == 66
    assert regimes["Zimbabwe"] == 181  # Schedule "N/A"


def test_real_person(real: dict[str, Entity]) -> None:
    msipa = real["zimbabwe:175"]
    assert msipa.schema is Schema.PERSON
    assert names(msipa) == ["Cephas George Msipa"]
    assert msipa.names[0].parts == NameParts(given="Cephas George", family="Msipa")
    assert msipa.birth_dates == (BirthDate(PartialDate("1931-07-07")),)
    (designation,) = msipa.designations
    assert designation.authority == "Global Affairs Canada"
    assert designation.regime == "Zimbabwe"
    assert designation.legal_basis == SEMA
    assert designation.source_id == "zimbabwe:175"


def test_real_title_and_year_of_birth(real: dict[str, Entity]) -> None:
    aslan = real["syria:2:63"]
    assert aslan.names[0].parts is not None and aslan.names[0].parts.title == "General"
    assert ("title", "General/général") in [(a.key, a.value) for a in aslan.attributes]
    assert names(aslan, NameKind.ALIAS) == ["Aws Aslan"]
    assert real["burma:2:13"].birth_dates[0].date.iso == "1955"


def test_real_aliases_that_vary_one_name_part_are_completed(real: dict[str, Entity]) -> None:
    # <GivenName>Alexey Gennadyevich</GivenName> <Aliases>Alexei, Aleksei </Aliases>
    assert names(real["russia:1:96"], NameKind.ALIAS) == [
        "Alexei Gennadyevich DYUMIN", "Aleksei Gennadyevich DYUMIN",
    ]
    # <LastName>YERYGIN</LastName> <Aliases>ERYGIN</Aliases>
    assert names(real["russia:1:116"], NameKind.ALIAS) == ["Vladimir Vladimirovich ERYGIN"]
    # a full other name stays as written; a nickname is a weak alias
    assert names(real["russia:1:43"], NameKind.ALIAS) == ["Igor STRELKOV"]
    assert names(real["ukraine:1:83"], NameKind.WEAK_ALIAS) == ["Motorola"]


def test_real_bilingual_entity_names(real: dict[str, Entity]) -> None:
    irgc = real["iran:1:136"]
    assert irgc.schema is Schema.ORGANIZATION
    assert names(irgc, NameKind.PRIMARY) == ["Islamic Revolutionary Guard Corps"]
    aliases = names(irgc, NameKind.ALIAS)
    assert aliases[0] == "Corps des Gardiens de la Révolution islamique"
    assert "Sepah-e Pasdaran-e Enghelab-e Eslami" in aliases and "GRI" in aliases
    assert aliases[-1] == "Pasdaran"  # "... Eslami et Pasdaran": a French enumeration's last "and"
    assert names(real["russia:2:5"], NameKind.ALIAS) == ["Rosselkhozbank"]  # "(Rosselkhozbank)"
    # a slash inside parentheses does not split
    assert names(real["burma:1:16"]) == ["MEC Steel Mills (Hmaw Bi/Pyi/Ywama)"]


def test_real_magnitsky_listing(real: dict[str, Entity]) -> None:
    entry = real["jvcfor:1:54"]
    assert entry.designations[0].legal_basis == JVCFOA
    regulations = "Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)"
    assert entry.designations[0].regime == f"{regulations} (Schedule 1)"
    # "1972-08-10 or 1972-08-11"
    assert [b.date.iso for b in entry.birth_dates] == ["1972-08-10", "1972-08-11"]


def test_newer_layout_with_ships_and_listing_dates(fixtures_dir: Path) -> None:
    entities, report = read(fixtures_dir / "ca_sema" / "sema_2023.xml")
    by_id = {e.source_id: e for e in entities}
    assert list(by_id) == [
        "russia:1-part-1:1021", "russia:1-part-2:1021", "russia:1-part-3:12", "iran:1-part-1:200",
        "belarus:1-part-2:5", "belarus:1-part-2:5#2",
    ]
    person = by_id["russia:1-part-1:1021"]
    assert names(person) == [
        "Pyotr Sergeyevich IVANOV", "Petr Sergeyevich IVANOV", "Pyotr Sergeyevich IVANOFF",
    ]
    assert person.birth_dates == (BirthDate(PartialDate("1961"), circa=True),)
    assert person.designations[0].listed_on == "2022-02-24"
    assert ("title", "Deputy Minister of Defence") in [(a.key, a.value) for a in person.attributes]

    company = by_id["russia:1-part-2:1021"]
    assert names(company) == [
        "Volga Shipping Trading, Ltd.", "Volga Trading, Inc.", "Volga Trade S.A.", "Wolga Handel GmbH",
    ]

    ship = by_id["russia:1-part-3:12"]
    assert ship.schema is Schema.VESSEL
    assert ship.identifiers == (Identifier(IdentifierKind.IMO, "9743033", label="ShipIMONumber"),)
    assert ship.birth_dates == ()
    attributes = {a.key: a.value for a in ship.attributes}
    assert attributes["vessel_type"] == "General Cargo" and attributes["build_date"] == "2015"

    karimi = by_id["iran:1-part-1:200"]
    assert karimi.schema is Schema.PERSON  # junk text in ShipIMONumber does not make a person a ship
    assert [b.date.iso for b in karimi.birth_dates] == ["1970-01-15", "1971-01-15"]
    attributes = {a.key: a.value for a in karimi.attributes}
    assert attributes["ship_imo_number"] == "Not applicable"
    assert attributes["Notes"] == "Also known under another spelling."  # an element this reader does not know
    assert report.warnings == {
        "ShipIMONumber that is no IMO number kept as an attribute": 1,
        "two records share the id belarus:1-part-2:5: numbered apart": 1,
    }


def test_bilingual_tags(fixtures_dir: Path) -> None:
    entities, _ = read(fixtures_dir / "ca_sema" / "sema_bilingual.xml")
    ship, person = entities
    assert ship.schema is Schema.VESSEL and ship.source_id == "russia:1-part-3:7"
    assert ship.identifiers[0].value == "9074729"  # "IMO 9074729"
    assert ship.designations[0].listed_on == "2025-02-21"
    assert person.schema is Schema.PERSON
    assert names(person) == ["Khazalbek Bakhtibekovich Atabekov", "Khazalbek ATABEKOV"]
    assert person.birth_dates[0].date.iso == "1967"


def test_split_aliases() -> None:
    assert split_aliases("Foo Holdings, Ltd.; Bar S.A., Baz (Qux, Quux) LLC") == [
        "Foo Holdings, Ltd.", "Bar S.A.", "Baz (Qux, Quux) LLC",
    ]
    assert split_aliases("A One, B Two, C Trois et D Quatre") == ["A One", "B Two", "C Trois", "D Quatre"]
    assert split_aliases("Oil and Gas Co, Recherche et Développement") == [
        "Oil and Gas Co", "Recherche et Développement",
    ]
    assert split_aliases("GORT/ORTAS, A/S Nordic") == ["GORT", "ORTAS", "A/S Nordic"]
    assert split_aliases(None) == []


def test_truncated_file_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="malformed XML") as caught:
        read(fixtures_dir / "ca_sema" / "truncated.xml")
    assert caught.value.where is not None and caught.value.where.startswith("line 12")


def test_record_without_item_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="no Item") as caught:
        read(fixtures_dir / "ca_sema" / "no_item.xml")
    assert caught.value.where == "record 2"


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sema-lmes.xml"
    path.write_bytes(b"")
    with pytest.raises(ListFileError, match="empty"):
        read(path)
