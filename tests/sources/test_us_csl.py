"""US Consolidated Screening List CSV: the real 2022 file, plus a small hand-written file."""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    BirthDate,
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
from hoarfrost.sources.us_csl import UsCslCsvReader, classify_id

SDN = "Specially Designated Nationals (SDN) - Treasury Department"


def read(path: Path) -> tuple[list[Entity], ReadReport]:
    report = ReadReport()
    reader = open_list([path], report)
    assert isinstance(reader, UsCslCsvReader)
    return list(reader.entities()), report


@pytest.fixture(scope="module")
def real(data_dir: Path) -> dict[str, Entity]:
    entities, report = read(data_dir / "us_trade_csl" / "consolidated.csv.gz")
    assert report.source == "us_csl"
    # 71 ids sit on 183 rows: one party on SDN and SSI and CAPTA is one entity.
    assert report.warnings == {"rows of one party on several lists merged": 183}
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id


def attributes(entity: Entity) -> dict[str, str]:
    return {a.key: a.value for a in entity.attributes}


def test_real_counts(real: dict[str, Entity]) -> None:
    assert len(real) == 14160 - 183 + 71
    assert Counter(e.schema for e in real.values()) == {
        Schema.ORGANIZATION: 8048, Schema.PERSON: 5284, Schema.VESSEL: 433, Schema.AIRCRAFT: 283,
    }
    authorities = Counter(d.authority for e in real.values() for d in e.designations)
    assert len(authorities) == 13
    assert authorities[SDN] == 10026
    assert authorities["Entity List (EL) - Bureau of Industry and Security"] == 2001
    assert authorities["ITAR Debarred (DTC) - State Department"] == 727
    assert authorities["Denied Persons List (DPL) - Bureau of Industry and Security"] == 462
    assert authorities["Sectoral Sanctions Identifications List (SSI) - Treasury Department"] == 290
    # 53 CAPTA rows, but one party is on it twice with the same listing
    assert authorities["Capta List (CAP) - Treasury Department"] == 52
    names = Counter(name.kind for e in real.values() for name in e.names)
    # 20,011 alt_names; 566 repeat across merged rows or within a row
    assert names == {NameKind.PRIMARY: 14048, NameKind.ALIAS: 19445}
    # All Latin: the 4 "Zyyy" are aliases made of digits ("7-28")
    assert Counter(name.script for e in real.values() for name in e.names) == {"Latn": 33489, "Zyyy": 4}
    assert Counter(e.gender for e in real.values() if e.gender) == {"male": 2143, "female": 261}


def test_real_alt_name_count(data_dir: Path) -> None:
    with gzip.open(data_dir / "us_trade_csl" / "consolidated.csv.gz") as stream:
        rows = list(csv.DictReader(io.TextIOWrapper(stream, encoding="utf-8", newline="")))
    assert len(rows) == 14160
    assert sum(len([a for a in row["alt_names"].split(";") if a.strip()]) for row in rows) == 20011


def test_real_individual(real: dict[str, Entity]) -> None:
    person = real["17291"]
    assert person.schema is Schema.PERSON
    assert person.names[0].value == "'ABD AL-SALAM, 'Abd al-Malik Muhammad Yusuf 'Uthman"
    given, family = "'Abd al-Malik Muhammad Yusuf 'Uthman", "'ABD AL-SALAM"
    assert person.names[0].parts == NameParts(given=given, family=family)
    assert [n.value for n in person.names if n.kind is NameKind.ALIAS] == [
        "'ABD-AL-SALAM, 'Abd al-Malik Muhammad Yusif", "'Umar al-Qatari", "'Umar al-Tayyar",
    ]
    assert person.birth_dates == (BirthDate(PartialDate("1989-07-13")),)
    assert person.nationalities == ("jo",)
    # "QA, 28940000602, National ID No.; JO, 2014-08-30, 2009-08-31, K475336, Passport"
    assert person.identifiers == (
        Identifier(IdentifierKind.NATIONAL_ID, "28940000602", country="qa", label="National ID No."),
        Identifier(IdentifierKind.PASSPORT, "K475336", country="jo", label="Passport",
                   note="issued 2009-08-31; expires 2014-08-30"),
    )
    (designation,) = person.designations
    assert (designation.authority, designation.regime, designation.source_id) == (SDN, "SDGT", "17291")


def test_real_party_on_three_lists(real: dict[str, Entity]) -> None:
    bank = real["18725"]
    assert [d.authority.split(" (")[0] for d in bank.designations] == [
        "Capta List", "Specially Designated Nationals", "Sectoral Sanctions Identifications List",
    ]
    assert {d.regime for d in bank.designations} == {"UKRAINE-EO13662; RUSSIA-EO14024"}
    assert Identifier(IdentifierKind.SWIFT_BIC, "VTBLAOLU", label="SWIFT/BIC") in bank.identifiers
    assert bank.addresses == (Address(full="22, Rua da Missao, Luanda, AO", country="ao"),)
    assert attributes(bank)["website"] == "www.vtb.ao"


def test_real_commerce_row_without_type(real: dict[str, Entity]) -> None:
    row = real["deb7a1d5743a85c354ca1a2c7f2664e2104b32d7"]
    assert row.schema is Schema.ORGANIZATION
    assert row.names[0].value == "I. ASH"
    (designation,) = row.designations
    assert designation.authority == "Denied Persons List (DPL) - Bureau of Industry and Security"
    assert designation.listed_on == "2003-06-19"
    assert designation.legal_basis == "68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07"
    assert row.addresses[0].country == "us"
    assert attributes(row)["end_date"] == "2056-06-29"


def test_real_vessel_and_aircraft(real: dict[str, Entity]) -> None:
    tug = real["26630"]
    assert tug.schema is Schema.VESSEL
    imo = Identifier(IdentifierKind.IMO, "9513309", label="Vessel Registration Identification")
    assert tug.identifiers == (imo,)
    assert attributes(tug)["vessel_type"] == "Tug" and attributes(tug)["vessel_flag"] == "Venezuela"
    plane = real["15432"]
    assert plane.schema is Schema.AIRCRAFT
    assert {i.kind for i in plane.identifiers} == {IdentifierKind.AIRCRAFT_SERIAL}
    assert attributes(plane)["aircraft_model"] == "IL-76TD"
    assert attributes(plane)["aircraft_operator"] == "YAS AIR"


def test_sample_every_field(fixtures_dir: Path) -> None:
    entities, report = read(fixtures_dir / "us_csl" / "csl_sample.csv")
    by_id = {e.source_id: e for e in entities}
    assert list(by_id) == ["90001", "90002", "90003", "bis-0004", "90006", "90005", "DTC-77"]
    person = by_id["90001"]
    assert person.birth_dates == (
        BirthDate(PartialDate("1958"), until=PartialDate("1960")),
        BirthDate(PartialDate("1962"), circa=True),
        BirthDate(PartialDate("1961-04-03")),
    )
    assert person.birth_places == (Place("Mosul, Iraq", "iq"), Place("Amman, Jordan", "jo"))
    assert (person.nationalities, person.citizenships, person.gender) == (("iq", "jo"), ("iq",), "male")
    assert person.addresses[1] == Address(full="Istanbul, TR", country="tr")
    assert attributes(person)["email"] == "kamal@example.com"
    assert attributes(person)["secondary_sanctions_risk"].startswith("section 1(b) of Executive Order 13224,")
    assert person.designations[0].reason == "(Linked To: EXAMPLE FINANCE NETWORK)"

    ship = by_id["90002"]
    assert [(i.kind, i.value) for i in ship.identifiers] == [
        (IdentifierKind.IMO, "9187629"),
        (IdentifierKind.MMSI, "422030600"),
        (IdentifierKind.CALL_SIGN, "9BQX"),
    ]
    assert attributes(ship)["former_vessel_flag"] == "Panama"
    assert attributes(ship)["gross_tonnage"] == "156,880"

    bis = by_id["bis-0004"]
    assert bis.schema is Schema.ORGANIZATION
    assert attributes(bis)["license_policy"] == "Presumption of denial."

    assert by_id["90006"].identifiers[0].country == "xk"  # Kosovo, which pycountry lacks
    assert by_id["90006"].gender == "female"

    merged = by_id["90005"]
    assert len(merged.designations) == 2
    assert [n.value for n in merged.names] == [
        "EXAMPLE BANK JSC", "EXAMPLEBANK", "EXAMPLE BANK OPEN JOINT STOCK COMPANY",
    ]
    assert [i.kind for i in merged.identifiers] == [
        IdentifierKind.SWIFT_BIC, IdentifierKind.REGISTRATION, IdentifierKind.LEI,
    ]
    assert by_id["DTC-77"].designations[0].source_id == "DTC-77"  # no _id: the entity_number
    assert report.warnings == {"rows of one party on several lists merged": 2}


def test_classify_id_labels() -> None:
    assert classify_id("Passport") is IdentifierKind.PASSPORT
    assert classify_id("Cedula No.") is IdentifierKind.NATIONAL_ID
    assert classify_id("Electoral Registry No.") is IdentifierKind.NATIONAL_ID
    assert classify_id("R.F.C.") is IdentifierKind.TAX_ID
    assert classify_id("Registration ID") is IdentifierKind.REGISTRATION
    assert classify_id("Unified Social Credit Code (USCC)") is IdentifierKind.REGISTRATION
    assert classify_id("Digital Currency Address - XBT") is IdentifierKind.OTHER
    assert classify_id("Chinese Commercial Code") == "chinese_commercial_code"
    assert classify_id("Listing Date (EO 14024 Directive 2):") == "listing_date_eo_14024_directive_2"


def test_truncated_row_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="6 fields") as caught:
        read(fixtures_dir / "us_csl" / "truncated.csv")
    assert caught.value.where == "line 3"


def test_row_without_id_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="neither _id nor entity_number") as caught:
        read(fixtures_dir / "us_csl" / "no_id.csv")
    assert caught.value.where == "line 3"


def test_wrong_encoding_is_an_error(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not valid utf-8"):
        read(fixtures_dir / "us_csl" / "latin1.csv")


def test_header_only_file_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.csv"
    path.write_text((Path(__file__).parent.parent / "fixtures" / "us_csl" / "csl_sample.csv")
                    .read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert read(path)[0] == []
