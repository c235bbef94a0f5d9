"""OFAC legacy CSV set: the real sdn.csv of 2024-05-03, the consistent 2021 set, the 2025 alt/add files,
plus small hand-written sets for what the real files lack (cons_* names, Windows-1252, cut remarks)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import ListFileError, UnknownFormatError
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
from hoarfrost.sources.base import ReadReport, SourceFile
from hoarfrost.sources.ofac_common import OfacLegacyDraft as OfacDraft
from hoarfrost.sources.ofac_csv import OfacCsvReader
from hoarfrost.sources.ofac_remarks import parse_remarks
from hoarfrost.sources.registry import open_list

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ofac_csv"


def read(*paths: Path) -> tuple[dict[str, Entity], ReadReport]:
    report = ReadReport()
    reader = open_list(list(paths), report)
    assert isinstance(reader, OfacCsvReader)
    entities = list(reader.entities())
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id, report


def attributes(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


def names(entity: Entity, kind: NameKind) -> list[str]:
    return [n.value for n in entity.names if n.kind is kind]


# -- the real files -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdn_2024(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    return read(data_dir / "us_ofac_sdn" / "2024-05-03" / "sdn.csv")


@pytest.fixture(scope="module")
def set_2021(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    return read(data_dir / "us_ofac_sdn" / "2021-07_consistent_set")


def test_2024_counts(sdn_2024: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = sdn_2024
    assert len(entities) == 14965
    assert Counter(e.schema for e in entities.values()) == {
        Schema.PERSON: 6854,
        Schema.ORGANIZATION: 6884,
        Schema.VESSEL: 851,
        Schema.AIRCRAFT: 376,
    }
    assert report.source == "us_ofac_sdn"
    assert report.published is None  # the CSV carries no publication date
    # Alone, sdn.csv only has its weak aliases (from the remarks); 5 vessel names are bare numbers.
    all_names = [n for e in entities.values() for n in e.names]
    assert Counter(n.kind for n in all_names) == {NameKind.PRIMARY: 14965, NameKind.WEAK_ALIAS: 3663}
    assert Counter(n.script for n in all_names) == {"Latn": 18623, "Zyyy": 5}
    assert Counter(e.gender for e in entities.values()) == {None: 10701, "male": 3737, "female": 527}
    assert sum(len(e.designations) for e in entities.values()) == 17382
    # 18 remarks are cut at 1,000 characters; their continuation is in an sdn_comments.csv not given.
    assert report.warnings == {
        "sdn.csv: the remarks of 18 entries are cut at 1000 characters and no sdn_comments.csv row "
        "continues them; their last segment was dropped": 18,
    }


def test_2024_identifier_kinds(sdn_2024: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, _ = sdn_2024
    kinds = Counter(i.kind for e in entities.values() for i in e.identifiers)
    assert kinds[IdentifierKind.PASSPORT] == 2152
    assert (
        kinds[IdentifierKind.IMO] == 954
    )  # 857 vessels' "Vessel Registration Identification" + company IMOs
    assert kinds[IdentifierKind.MMSI] == 154
    assert kinds[IdentifierKind.SWIFT_BIC] == 162
    assert kinds[IdentifierKind.AIRCRAFT_TAIL] == 158


def test_2024_vessel(sdn_2024: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel = sdn_2024[0]["4243"]
    assert vessel.schema is Schema.VESSEL
    assert [(n.value, n.kind) for n in vessel.names] == [
        ("EBANO", NameKind.PRIMARY),
        ("ANA I", NameKind.WEAK_ALIAS),
        ("SAND SWAN", NameKind.WEAK_ALIAS),
    ]
    assert vessel.identifiers == (
        Identifier(IdentifierKind.IMO, "7406784", label="Vessel Registration Identification"),
    )
    assert vessel.designations == (Designation("OFAC", regime="CUBA", source_id="4243"),)
    assert attributes(vessel, "vessel_type") == ["General Cargo"]
    assert attributes(vessel, "tonnage") == ["2595"]
    assert attributes(vessel, "gross_registered_tonnage") == ["1865"]
    assert attributes(vessel, "flag") == ["Panama"]
    assert attributes(vessel, "flag_country") == ["pa"]


def test_2024_aircraft(sdn_2024: tuple[dict[str, Entity], ReadReport]) -> None:
    aircraft = sdn_2024[0]["15431"]
    assert aircraft.schema is Schema.AIRCRAFT
    assert aircraft.caption == "EP-GOM"
    assert {(i.kind, i.value) for i in aircraft.identifiers} == {
        (IdentifierKind.AIRCRAFT_SERIAL, "8401"),
        (IdentifierKind.AIRCRAFT_SERIAL, "1023409321"),
    }
    assert attributes(aircraft, "aircraft_model") == ["IL76-TD"]
    assert attributes(aircraft, "aircraft_operator") == ["YAS AIR"]
    assert attributes(aircraft, "aircraft_manufacture_date") == ["1992"]
    assert attributes(aircraft, "linked_to") == ["POUYA AIR"]


def test_2024_person(sdn_2024: tuple[dict[str, Entity], ReadReport]) -> None:
    person = sdn_2024[0]["2676"]
    assert person.schema is Schema.PERSON
    primary = person.names[0]
    assert primary.value == "AL ZAWAHIRI, Dr. Ayman"
    assert primary.parts == NameParts(given="Dr. Ayman", family="AL ZAWAHIRI")
    assert primary.script == "Latn"
    assert person.birth_dates == (BirthDate(PartialDate("1951-06-19")),)
    assert person.birth_places == (Place("Giza, Egypt", "eg"),)
    assert person.identifiers == (
        Identifier(IdentifierKind.PASSPORT, "1084010", "eg", "Passport"),
        Identifier(IdentifierKind.PASSPORT, "19820215", None, "Passport"),
    )
    assert attributes(person, "position") == ["Operational and Military Leader of JIHAD GROUP"]
    assert attributes(person, "remarks")[0].startswith("DOB 19 Jun 1951; POB Giza, Egypt;")


def test_2021_consistent_set(set_2021: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = set_2021
    assert len(entities) == 8976
    assert Counter(e.schema for e in entities.values())[Schema.PERSON] == 4620
    assert report.warnings == {}  # every alt/add/comments ent_num is in this sdn.csv
    kinds = Counter(n.kind for e in entities.values() for n in e.names)
    # 11,910 alt.csv rows, of which 6 repeat a name the entry already has.
    assert kinds[NameKind.ALIAS] + kinds[NameKind.FORMER] == 11904
    assert kinds == {
        NameKind.PRIMARY: 8976,
        NameKind.ALIAS: 11535,
        NameKind.FORMER: 369,
        NameKind.WEAK_ALIAS: 2441,
    }


def test_2021_joins(set_2021: tuple[dict[str, Entity], ReadReport]) -> None:
    bank = set_2021[0]["306"]
    assert names(bank, NameKind.ALIAS) == ["NATIONAL BANK OF CUBA"]
    assert names(bank, NameKind.WEAK_ALIAS) == ["BNC"]
    assert bank.addresses[0] == Address(
        full="Zweierstrasse 35, Zurich CH-8022, Switzerland",
        street="Zweierstrasse 35",
        city="Zurich CH-8022",
        country="ch",
    )
    assert [a.country for a in bank.addresses] == ["ch", "es", "jp", "pa"]
    # 12300's remarks are cut at 1,000 characters and go on in sdn_comments.csv ("...PROMO RAI" + "Z S.A.S.").
    linked = attributes(set_2021[0]["12300"], "linked_to")
    assert "PROMO RAIZ S.A.S." in linked
    assert linked[-1] == "R D I S.A."
    assert len(linked) == 25


def test_newer_alt_add_warn(data_dir: Path) -> None:
    folder = data_dir / "us_ofac_sdn"
    entities, report = read(folder / "2024-05-03" / "sdn.csv", folder / "2025-02_alt_add_only")
    assert len(entities) == 14965
    warnings = {message.split(":")[0]: count for message, count in report.warnings.items()}
    assert warnings["alt.csv"] == 945  # alias ent_nums of 2025 that the 2024 sdn.csv does not hold
    assert "alt.csv: 1,468 aliases of 945 ent_nums that are not in sdn.csv were skipped" in report.warnings
    assert warnings["add.csv"] == 2111
    # 2 continuations belong to entries that are not in the 2024 file, 1 to remarks that file does not cut.
    assert report.warnings["sdn_comments.csv: 2 remark continuations of 2 ent_nums that are not in sdn.csv "
                           "were skipped"] == 2
    assert report.warnings["sdn_comments.csv: the continuations of 1 entries were ignored: sdn.csv does not "
                           "cut their remarks (a file of another day?)"] == 1
    assert names(entities["2676"], NameKind.ALIAS) == [
        "AL-ZAWAHIRI, Ayman",
        "SALIM, Ahmad Fuad",
        "AL-ZAWAHIRI, Aiman Muhammad Rabi",
    ]


# -- hand-written sets ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdn_set() -> tuple[dict[str, Entity], ReadReport]:
    return read(FIXTURES / "sdn_set")


def test_fixture_person(sdn_set: tuple[dict[str, Entity], ReadReport]) -> None:
    person = sdn_set[0]["1001"]
    assert [(n.value, n.kind) for n in person.names] == [
        ("DOE, John Michael", NameKind.PRIMARY),
        ("DOE, Jonathan", NameKind.ALIAS),
        ("SMITH, John", NameKind.FORMER),
        ("ABU JOHN", NameKind.WEAK_ALIAS),
        ("DOE, Johnny", NameKind.WEAK_ALIAS),
    ]
    assert person.names[4].parts == NameParts(given="Johnny", family="DOE")
    assert person.birth_dates == (
        BirthDate(PartialDate("1960-06-03")),
        BirthDate(PartialDate("1961"), until=PartialDate("1963")),
        BirthDate(PartialDate("1958"), circa=True),
    )
    assert person.birth_places == (Place("Baghdad, Iraq", "iq"),)
    assert person.nationalities == ("iq",)
    assert person.citizenships == ("iq", "jo")
    assert person.gender == "male"
    assert person.identifiers == (
        Identifier(
            IdentifierKind.PASSPORT, "A1234567", "iq", "Passport", "issued 1996-01-01; expires 2001-12-31"
        ),
        Identifier(IdentifierKind.NATIONAL_ID, "12345", "iq", "National ID No."),
        Identifier(IdentifierKind.TAX_ID, "998877", "jo", "Tax ID No."),
    )
    assert person.designations == (
        Designation("OFAC", regime="SDGT", source_id="1001"),
        Designation("OFAC", regime="IRGC", source_id="1001"),
    )
    assert attributes(person, "website") == ["www.example.org"]
    assert attributes(person, "email") == ["john@example.org"]
    assert attributes(person, "phone") == ["964123456"]
    assert attributes(person, "additional_sanctions_information") == ["Subject to Secondary Sanctions"]
    assert attributes(person, "linked_to") == [
        "EXAMPLE TRADING CO., LTD."
    ]  # the closing period kept after LTD
    assert person.addresses == (
        Address("12 Example Street, Baghdad, Iraq", "12 Example Street", "Baghdad", country="iq"),
    )


def test_fixture_organization(sdn_set: tuple[dict[str, Entity], ReadReport]) -> None:
    company = sdn_set[0]["1002"]
    assert company.schema is Schema.ORGANIZATION
    assert names(company, NameKind.ALIAS) == ["EXAMPLE TRADING", "EXAMPLE TRADING FZE"]  # aka and nka
    assert names(company, NameKind.WEAK_ALIAS) == ["ETC"]
    assert company.identifiers == (
        Identifier(IdentifierKind.SWIFT_BIC, "EXMPAEAD", label="SWIFT/BIC"),
        Identifier(IdentifierKind.REGISTRATION, "7712345", "ae", "Registration Number", "issued 2005"),
        Identifier(IdentifierKind.LEI, "253400ABCDEF12345678", label="Legal Entity Number"),
        Identifier(IdentifierKind.REGISTRATION, "HRB 770549", "de", "Registration Number", "Stuttgart"),
        Identifier(IdentifierKind.NATIONAL_ID, "445566", "ke", "Kenyan ID No."),
    )
    assert attributes(company, "incorporation_date") == ["2005-03-12"]
    assert attributes(company, "organization_type") == ["Wholesale of fuels"]
    assert attributes(company, "target_type") == ["Private Company"]
    assert attributes(company, "alias_remarks") == ["EXAMPLE TRADING FZE: Registered in 2019"]
    assert attributes(company, "address_remarks") == ["Head office"]


def test_fixture_vessel_and_aircraft(sdn_set: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel, aircraft = sdn_set[0]["1003"], sdn_set[0]["1004"]
    assert vessel.identifiers == (
        Identifier(IdentifierKind.CALL_SIGN, "9BXY2", label="Call Sign"),
        Identifier(IdentifierKind.IMO, "9187629", label="Vessel Registration Identification"),
        Identifier(IdentifierKind.MMSI, "572469210", label="MMSI"),
    )
    assert names(vessel, NameKind.WEAK_ALIAS) == ["OLD EXAMPLE"]
    assert attributes(vessel, "tonnage") == ["318000"]
    assert attributes(vessel, "gross_registered_tonnage") == ["159681"]
    assert attributes(vessel, "owner") == ["National Iranian Tanker Company"]
    assert attributes(vessel, "flag_country") == ["ir"]
    assert attributes(vessel, "former_flag") == ["Malta", "Tanzania"]
    assert attributes(vessel, "build_year") == ["1999"]
    assert [(i.kind, i.value) for i in aircraft.identifiers] == [
        (IdentifierKind.AIRCRAFT_SERIAL, "8401"),
        (IdentifierKind.AIRCRAFT_SERIAL, "1023409321"),
        (IdentifierKind.AIRCRAFT_TAIL, "EP-XYZ"),
        (IdentifierKind.AIRCRAFT_TAIL, "EP-OLD"),
    ]
    assert attributes(aircraft, "aircraft_manufacture_date") == ["1992-01-01"]


def test_fixture_comments_and_cut_remarks(sdn_set: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = sdn_set
    cyber = entities["1005"]  # remarks of 1,960 characters: 1,000 in sdn.csv, the rest in sdn_comments.csv
    wallets = [i.value for i in cyber.identifiers if i.label == "Digital Currency Address - XBT"]
    assert len(wallets) == 25
    assert wallets[15] == "1ExampleWa11et15AddressXyzQ9mNpKtAbCd"  # the one the 1,000-character cut splits
    assert names(cyber, NameKind.WEAK_ALIAS) == ["CYBER EXAMPLE"]
    assert attributes(cyber, "linked_to") == ["LAZARUS EXAMPLE GROUP"]
    cut = entities["1007"]  # cut at 1,000 characters with nothing to continue: the half segment is dropped
    assert len(cut.identifiers) == 18
    assert cut.gender == "female"
    assert entities["1006"].addresses == (Address(full="Region: Crimea", country="ua"),)
    assert report.warnings == {
        "alt.csv: 3 aliases of 2 ent_nums that are not in sdn.csv were skipped": 2,
        "add.csv: 1 addresses of 1 ent_nums that are not in sdn.csv were skipped": 1,
        "sdn.csv: the remarks of 1 entries are cut at 1000 characters and no sdn_comments.csv row continues "
        "them; their last segment was dropped": 1,
    }


def test_consolidated_set_windows_1252() -> None:
    """cons_* names make it the Consolidated list; the files are Windows-1252, LF, no ^Z, comments empty."""
    entities, report = read(FIXTURES / "cons_set")
    assert report.source == "us_ofac_cons"
    assert all(e.source == "us_ofac_cons" for e in entities.values())
    bank, person = entities["2001"], entities["2002"]
    assert bank.caption == "BANQUE EXEMPLE SOCIÉTÉ ANONYME"
    assert bank.addresses[0].street == "Königstraße 1"
    assert attributes(bank, "listing_date_eo_14024_directive_2") == ["2022-02-24"]
    assert attributes(bank, "effective_date_eo_14024_directive_2") == ["2022-03-26"]
    assert attributes(bank, "executive_order_14024_directive_information") == ["Subject to Directive 2"]
    assert [d.regime for d in bank.designations] == ["NS-MBS", "RUSSIA-EO14024"]
    assert [(n.value, n.parts) for n in person.names] == [
        ("MÜLLER, Jürgen", NameParts(given="Jürgen", family="MÜLLER")),
        ("MUELLER, Juergen", NameParts(given="Juergen", family="MUELLER")),
    ]
    assert person.nationalities == ("ps",)
    assert person.birth_places == (Place("Gaza Strip", "ps"),)
    assert report.warnings == {}


def test_sniff_claims_every_file_of_a_set() -> None:
    for folder in ("sdn_set", "cons_set"):
        for path in (FIXTURES / folder).iterdir():
            if path.stat().st_size:  # an empty file named on its own is refused before detection
                assert isinstance(open_list([path], ReadReport()), OfacCsvReader), path.name
    empty = SourceFile("cons_comments.csv", 0, io.BytesIO)
    assert OfacCsvReader.sniff(empty, b"")  # inside a folder, OFAC's own name is enough for an empty file
    assert not OfacCsvReader.sniff(SourceFile("notes.csv", 0, io.BytesIO), b"")


# -- the remarks grammar --------------------------------------------------------------------------


def test_remarks_grammar() -> None:
    draft = OfacDraft(Schema.PERSON)
    parse_remarks(
        draft,
        (
            "DOB 01 Jan 1960 to 31 Dec 1962; alt. DOB Mar 1962; POB Washington, D.C.; "
            "nationality Korea, North; "
            "Citizen's Card Number 210222198011096648 (China); Nationality of Registration Russia; "
            "Folio Mercantil No. 12345 (Jalisco) (Mexico); Identification Number IMO 6128561; "
            "Cartilla de Servicio Militar Nacional 123456 (Mexico); Magistrate of the Court; "
            "Listing Date (CMIC) 03 Jun 2021; Executive Order 13846 information: BLOCKING PROPERTY; "
            "nationality possibly Palestinian; a.k.a. 'ABU-'UMAR'."
        ),
    )
    entity = draft.build("us_ofac_sdn", "1")
    assert entity.birth_dates == (
        BirthDate(PartialDate("1960-01-01"), until=PartialDate("1962-12-31")),
        BirthDate(PartialDate("1962-03")),
    )
    assert entity.birth_places == (Place("Washington, D.C.", None),)
    assert entity.nationalities == ("kp",)
    assert entity.identifiers == (
        Identifier(IdentifierKind.NATIONAL_ID, "210222198011096648", "cn", "Citizen's Card Number"),
        Identifier(IdentifierKind.REGISTRATION, "12345", "mx", "Folio Mercantil No.", "Jalisco"),
        Identifier(IdentifierKind.IMO, "6128561", None, "Identification Number"),
        Identifier(IdentifierKind.OTHER, "123456", "mx", "Cartilla de Servicio Militar Nacional"),
    )
    assert {a.key: a.value for a in entity.attributes} == {
        "nationality_of_registration": "Russia",
        "listing_date_cmic": "2021-06-03",
        "executive_order_13846_information": "BLOCKING PROPERTY",
        "nationality": "possibly Palestinian",
    }
    assert [n.value for n in entity.names] == ["ABU-'UMAR"]


# -- broken input ---------------------------------------------------------------------------------


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


ROW = '1,"A, B","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def test_no_main_file(tmp_path: Path) -> None:
    write(tmp_path / "alt.csv", '1,2,"aka","X",-0- \r\n')
    with pytest.raises(ListFileError, match="no main file"):
        list(open_list([tmp_path], ReadReport()).entities())


def test_wrong_field_count(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", ROW + '2,"C","individual","SDGT",-0- ,-0- \r\n')
    with pytest.raises(ListFileError, match=r"line 2.*expected 12 fields, found 6"):
        list(open_list([path], ReadReport()).entities())


def test_missing_ent_num(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", ROW + ROW.replace("1,", ",", 1))
    with pytest.raises(ListFileError, match=r"line 2.*without its ent_num"):
        list(open_list([path], ReadReport()).entities())


def test_mixed_encodings_refused(tmp_path: Path) -> None:
    utf8 = ROW.replace("A, B", "MÜLLER, A").encode("utf-8")
    latin = ROW.replace("1,", "2,", 1).replace("A, B", "MÜLLER, B").encode("cp1252")
    path = write(tmp_path / "sdn.csv", utf8 + latin)
    with pytest.raises(ListFileError, match=r"line 2.*mixes UTF-8 and Windows-1252"):
        list(open_list([path], ReadReport()).entities())


def test_utf8_with_bom(tmp_path: Path) -> None:
    row = ROW.replace("A, B", "MÜLLER, Jürgen").encode()
    path = write(tmp_path / "sdn.csv", b"\xef\xbb\xbf" + row + b"\x1a")
    (entity,) = open_list([path], ReadReport()).entities()
    assert entity.caption == "MÜLLER, Jürgen"
    assert entity.names[0].parts == NameParts(given="Jürgen", family="MÜLLER")


def test_empty_main_file(tmp_path: Path) -> None:
    path = write(tmp_path / "sdn.csv", b"\x1a")
    with pytest.raises(ListFileError, match="empty"):
        list(open_list([path], ReadReport()).entities())


def test_lists_are_not_mixed(tmp_path: Path) -> None:
    write(tmp_path / "sdn.csv", ROW)
    write(tmp_path / "cons_alt.csv", '1,2,"aka","X",-0- \r\n')
    with pytest.raises(ListFileError, match="another list"):
        list(open_list([tmp_path], ReadReport()).entities())


def test_unknown_type_and_duplicate_warn(tmp_path: Path) -> None:
    path = write(
        tmp_path / "sdn.csv", ROW + ROW.replace('"individual"', '"submarine"').replace("1,", "2,", 1) + ROW
    )
    report = ReadReport()
    entities = list(open_list([path], report).entities())
    assert [e.schema for e in entities] == [Schema.PERSON, Schema.ORGANIZATION]
    assert report.warnings == {
        "sdn.csv: unknown SDN_Type 'submarine' read as an organization": 1,
        "sdn.csv: ent_num 1 appears twice; the later row was skipped": 1,
    }


def test_other_csv_not_claimed(tmp_path: Path) -> None:
    path = write(tmp_path / "list.csv", "id,name,type\r\n1,A,individual\r\n")
    with pytest.raises(UnknownFormatError):
        open_list([path], ReadReport())
