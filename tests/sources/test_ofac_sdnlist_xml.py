"""OFAC sdnList XML: the real Consolidated (non-SDN) lists of 2024 (current namespace) and 2020 (old
tempuri namespace), plus hand-written files for the SDN list, vessels, aircraft and broken input."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import HostileInputError, ListFileError
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
from hoarfrost.sources.ofac_sdnlist_xml import OfacSdnListXmlReader, is_non_sdn_tag
from hoarfrost.sources.registry import open_list

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ofac_sdnlist_xml"


def read(path: Path) -> tuple[dict[str, Entity], ReadReport]:
    report = ReadReport()
    reader = open_list([path], report)
    assert isinstance(reader, OfacSdnListXmlReader)
    entities = list(reader.entities())
    by_id = {entity.source_id: entity for entity in entities}
    assert len(by_id) == len(entities)
    return by_id, report


def attributes(entity: Entity, key: str) -> list[str]:
    return [a.value for a in entity.attributes if a.key == key]


# -- the real files -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def consolidated(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    return read(data_dir / "us_ofac_sdn_xml" / "consolidated.xml")


def test_consolidated_counts(consolidated: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = consolidated
    assert len(entities) == 443
    assert Counter(e.schema for e in entities.values()) == {Schema.PERSON: 79, Schema.ORGANIZATION: 364}
    assert report.source == "us_ofac_cons"  # "cons" in the file name
    assert report.published == "2024-05-06"
    assert report.warnings == {}
    names = [n for e in entities.values() for n in e.names]
    # 1,126 aka (982 a.k.a., 144 f.k.a.; 66 weak); one repeats its entry's primary name.
    assert Counter(n.kind for n in names) == {
        NameKind.PRIMARY: 443,
        NameKind.ALIAS: 918,
        NameKind.FORMER: 141,
        NameKind.WEAK_ALIAS: 66,
    }
    assert Counter(n.script for n in names) == {"Latn": 1568}
    regimes = Counter(d.regime for e in entities.values() for d in e.designations)
    assert regimes["UKRAINE-EO13662"] == 287
    assert regimes["NS-PLC"] == 78
    assert regimes["CMIC-EO13959"] == 68
    assert sum(len(e.identifiers) for e in entities.values()) == 886
    assert sum(len(e.addresses) for e in entities.values()) == 503


def test_consolidated_person(consolidated: tuple[dict[str, Entity], ReadReport]) -> None:
    person = consolidated[0]["9641"]
    assert person.source == "us_ofac_cons"
    assert [(n.value, n.kind, n.parts) for n in person.names] == [
        (
            "AL-SHANTI, Jamileh Abdullah",
            NameKind.PRIMARY,
            NameParts(given="Jamileh Abdullah", family="AL-SHANTI"),
        ),
        (
            "EL-SHANTI, Jameela Abdallah",
            NameKind.ALIAS,
            NameParts(given="Jameela Abdallah", family="EL-SHANTI"),
        ),
        (
            "AL SHANTEE, Jamila Abed Allah",
            NameKind.ALIAS,
            NameParts(given="Jamila Abed Allah", family="AL SHANTEE"),
        ),
    ]
    assert person.birth_dates == (BirthDate(PartialDate("1955")),)
    assert person.birth_places == (Place("Jabalia Camp"),)
    assert person.addresses == (Address(full="Gaza, Palestinian", region="Gaza", country="ps"),)
    assert person.designations == (Designation("OFAC", regime="NS-PLC", source_id="9641"),)


def test_consolidated_company(consolidated: tuple[dict[str, Entity], ReadReport]) -> None:
    bank = consolidated[0]["17016"]
    assert bank.caption == "GAZPROMBANK JOINT STOCK COMPANY"
    assert [n.value for n in bank.names if n.kind is NameKind.FORMER] == [
        "GAZPROMBANK OPEN JOINT STOCK COMPANY",
        "JOINT STOCK BANK OF THE GAS INDUSTRY GAZPROMBANK",
    ]
    assert bank.identifiers == (
        Identifier(IdentifierKind.REGISTRATION, "1027700167110", "ru", "Registration Number"),
        Identifier(IdentifierKind.REGISTRATION, "09807684", "ru", "Government Gazette Number"),
        Identifier(IdentifierKind.TAX_ID, "7744001497", "ru", "Tax ID No."),
        Identifier(IdentifierKind.SWIFT_BIC, "GAZPRUMM", None, "SWIFT/BIC"),
    )
    assert bank.addresses == (
        Address(
            full="16 Nametkina Street, Bldg. 1, Moscow, 117420, Russia",
            street="16 Nametkina Street, Bldg. 1",
            city="Moscow",
            postal_code="117420",
            country="ru",
        ),
    )
    assert [d.regime for d in bank.designations] == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert attributes(bank, "website") == ["www.gazprombank.ru"]
    assert attributes(bank, "incorporation_date") == ["1990-07-31"]
    assert attributes(bank, "executive_order_13662_directive_determination") == ["Subject to Directive 1"]
    assert attributes(bank, "listing_date_eo_14024_directive_3") == ["2022-02-24"]
    assert attributes(bank, "effective_date_eo_14024_directive_3") == ["2022-03-26"]
    assert attributes(bank, "secondary_sanctions_risk") == [
        "Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209",
    ]


def test_old_namespace_decided_by_content(data_dir: Path) -> None:
    """us_govt_sanctions_list.xml: neither "sdn" nor "cons" in its name; its NS-PLC entries make it cons."""
    entities, report = read(data_dir / "us_ofac_sdn_xml" / "us_govt_sanctions_list.xml")
    assert len(entities) == 376
    assert Counter(e.schema for e in entities.values()) == {Schema.PERSON: 82, Schema.ORGANIZATION: 294}
    assert report.source == "us_ofac_cons"
    assert report.published == "2020-12-14"
    assert report.warnings == {}
    assert Counter(n.kind for e in entities.values() for n in e.names) == {
        NameKind.PRIMARY: 376,
        NameKind.ALIAS: 801,
        NameKind.FORMER: 84,
        NameKind.WEAK_ALIAS: 32,
    }
    evader = entities["17526"]
    assert evader.caption == "BEKTAS, Halis"
    assert evader.citizenships == ("ch",)
    assert evader.birth_dates == (BirthDate(PartialDate("1966-02-13")),)
    assert evader.identifiers == (Identifier(IdentifierKind.PASSPORT, "X0906223", "ch", "Passport"),)
    assert [d.regime for d in evader.designations] == ["SYRIA", "FSE-SY"]


# -- hand-written files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sdn() -> tuple[dict[str, Entity], ReadReport]:
    return read(FIXTURES / "sdn.xml")


def test_fixture_list(sdn: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = sdn
    assert report.source == "us_ofac_sdn"
    assert report.published == "2024-05-03"
    assert report.warnings == {}
    assert [e.schema for e in entities.values()] == [
        Schema.PERSON,
        Schema.ORGANIZATION,
        Schema.VESSEL,
        Schema.AIRCRAFT,
        Schema.ORGANIZATION,
    ]


def test_fixture_person(sdn: tuple[dict[str, Entity], ReadReport]) -> None:
    person = sdn[0]["1001"]
    assert [(n.value, n.kind) for n in person.names] == [  # the aka repeating the primary name is dropped
        ("DOE, John Michael", NameKind.PRIMARY),
        ("DOE, Jonathan", NameKind.ALIAS),
        ("SMITH, John", NameKind.FORMER),
        ("ABU JOHN", NameKind.WEAK_ALIAS),
    ]
    assert person.birth_dates == (
        BirthDate(PartialDate("1960-06-03")),
        BirthDate(PartialDate("1961"), until=PartialDate("1963")),
        BirthDate(PartialDate("1958"), circa=True),
        BirthDate(PartialDate("1962-03")),
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
        Identifier(IdentifierKind.NATIONAL_ID, "445566", "ke", "Kenyan ID No."),
        Identifier(
            IdentifierKind.OTHER, "HP-77", "iq", "Hunting Permit Reference"
        ),  # an idType not in the table
    )
    assert person.addresses == (
        Address(
            full="12 Example Street, Building 4, Baghdad, Iraq",
            street="12 Example Street, Building 4",
            city="Baghdad",
            country="iq",
        ),
    )
    # SDGT beside NS-PLC: an SDN entry that is also on the non-SDN PLC list.
    assert [d.regime for d in person.designations] == ["SDGT", "NS-PLC"]
    assert attributes(person, "position") == ["Commander"]
    assert attributes(person, "website") == ["www.example.org"]
    assert attributes(person, "email") == ["john@example.org"]
    assert attributes(person, "secondary_sanctions_risk") == [
        "section 1(b) of Executive Order 13224, as amended by Executive Order 13886",
    ]
    assert attributes(person, "additional_sanctions_information") == ["Subject to Secondary Sanctions"]
    assert attributes(person, "linked_to") == ["EXAMPLE TRADING CO., LTD."]
    assert attributes(person, "remarks") == ["(Linked To: EXAMPLE TRADING CO., LTD.)"]


def test_fixture_organization(sdn: tuple[dict[str, Entity], ReadReport]) -> None:
    company = sdn[0]["1002"]
    assert [(n.value, n.kind) for n in company.names] == [
        ("EXAMPLE TRADING CO., LTD.", NameKind.PRIMARY),
        ("EXAMPLE TRADING FZE", NameKind.ALIAS),
    ]
    assert company.names[0].parts is None
    assert company.identifiers == (
        Identifier(IdentifierKind.SWIFT_BIC, "EXMPAEAD", None, "SWIFT/BIC"),
        Identifier(IdentifierKind.REGISTRATION, "7712345", "ae", "Registration Number", "issued 2005"),
        Identifier(IdentifierKind.LEI, "253400ABCDEF12345678", None, "Legal Entity Number"),
    )
    assert company.addresses == (
        Address(
            full="Office 5, Example Tower, Dubai, Dubai Emirate, 12345, United Arab Emirates",
            street="Office 5, Example Tower",
            city="Dubai",
            region="Dubai Emirate",
            postal_code="12345",
            country="ae",
        ),
    )
    assert attributes(company, "incorporation_date") == ["2005-03-12"]
    assert attributes(company, "organization_type") == ["Wholesale of fuels"]
    assert attributes(company, "listing_date_eo_14024_directive_2") == ["2022-02-24"]
    assert attributes(company, "sectoral_example_notice") == [
        "Subject to an example notice"
    ]  # unknown, prose


def test_fixture_vessel_aircraft_wallets(sdn: tuple[dict[str, Entity], ReadReport]) -> None:
    vessel, aircraft, cyber = sdn[0]["1003"], sdn[0]["1004"], sdn[0]["1005"]
    assert [(n.value, n.kind) for n in vessel.names] == [
        ("OCEAN EXAMPLE", NameKind.PRIMARY),
        ("OLD EXAMPLE", NameKind.WEAK_ALIAS),  # a weak f.k.a.
    ]
    assert vessel.identifiers == (
        Identifier(IdentifierKind.IMO, "9187629", None, "Vessel Registration Identification"),
        Identifier(IdentifierKind.MMSI, "572469210", None, "MMSI"),
        Identifier(IdentifierKind.CALL_SIGN, "9BXY2", None, "Call Sign"),
    )
    assert {a.key: a.value for a in vessel.attributes if a.key != "remarks"} == {
        "former_flag": "Malta",
        "build_year": "1999",
        "vessel_type": "Crude Oil Tanker",
        "flag": "Iran",
        "flag_country": "ir",
        "owner": "National Iranian Tanker Company",
        "tonnage": "318000",
        "gross_registered_tonnage": "159681",
        "linked_to": "NATIONAL IRANIAN TANKER COMPANY",
    }
    assert aircraft.identifiers == (
        Identifier(
            IdentifierKind.AIRCRAFT_SERIAL, "1023409321", None, "Aircraft Manufacturer's Serial Number (MSN)"
        ),
        Identifier(IdentifierKind.AIRCRAFT_TAIL, "EP-XYZ", None, "Aircraft Tail Number"),
    )
    assert attributes(aircraft, "aircraft_model") == ["IL76-TD"]
    assert attributes(aircraft, "aircraft_operator") == ["EXAMPLE AIR"]
    assert attributes(aircraft, "aircraft_manufacture_date") == ["1992-01-01"]
    assert [(i.label, i.value) for i in cyber.identifiers] == [
        ("Digital Currency Address - XBT", "1ExampleWa11et00AddressXyzQ9mNpKtAbCd"),
        ("Digital Currency Address - ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    ]


def test_list_key_by_content() -> None:
    """No hint in the name: SDGT + NS-PLC stays SDN; an entry with only FSE-IR makes it Consolidated."""
    entities, report = read(FIXTURES / "ofac_publication.xml")  # sdn.xml in the old namespace
    assert report.source == "us_ofac_sdn"
    assert entities["1001"].source == "us_ofac_sdn"
    entities, report = read(FIXTURES / "ns_only_list.xml")
    assert report.source == "us_ofac_cons"
    assert {e.source for e in entities.values()} == {"us_ofac_cons"}
    assert report.warnings == {"ns_only_list.xml: Record_Count says 3 entries but the file holds 2": 1}


def test_non_sdn_tags() -> None:
    assert all(
        map(
            is_non_sdn_tag,
            ["NS-PLC", "NS-ISA", "NS-MBS", "FSE-IR", "FSE-SY", "CAPTA", "561-Related", "CMIC-EO13959"],
        )
    )
    assert not any(map(is_non_sdn_tag, ["SDGT", "UKRAINE-EO13662", "RUSSIA-EO14024", "ISA", "IRAN"]))


# -- broken input ---------------------------------------------------------------------------------

HEAD = (
    '<?xml version="1.0"?>\n<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/'
    'PublicationPreview/exports/XML">\n<publshInformation><Publish_Date>05/03/2024</Publish_Date>'
    "</publshInformation>\n"
)
ENTRY = "<sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Entity</sdnType><programList/></sdnEntry>\n"


def read_text(tmp_path: Path, text: str) -> list[Entity]:
    path = tmp_path / "sdn.xml"
    path.write_text(text)
    return list(open_list([path], ReadReport()).entities())


def test_truncated(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="malformed XML"):
        read_text(tmp_path, HEAD + ENTRY + "<sdnEntry><uid>2</uid><lastName>Y")


def test_entry_without_uid(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match=r"sdnEntry #2.*without its uid"):
        read_text(tmp_path, HEAD + ENTRY + ENTRY.replace("<uid>1</uid>", "") + "</sdnList>")


def test_entry_without_name(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="sdnEntry 1 has no name"):
        read_text(tmp_path, HEAD + ENTRY.replace("<lastName>X</lastName>", "") + "</sdnList>")


def test_one_file_at_a_time(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_text(HEAD + ENTRY + "</sdnList>")
    second.write_text(HEAD + ENTRY + "</sdnList>")
    with pytest.raises(ListFileError, match="one file"):
        list(open_list([first, second], ReadReport()).entities())


def test_no_entries(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="no sdnEntry"):
        read_text(tmp_path, HEAD + "</sdnList>")


def test_dtd_refused(tmp_path: Path) -> None:
    text = HEAD.replace("<sdnList", '<!DOCTYPE sdnList [<!ENTITY x "y">]>\n<sdnList') + ENTRY + "</sdnList>"
    with pytest.raises(HostileInputError):
        read_text(tmp_path, text)


def test_bad_date_and_type_warn(tmp_path: Path) -> None:
    report = ReadReport()
    path = tmp_path / "sdn.xml"
    path.write_text(
        HEAD.replace("05/03/2024", "2024-05-03") + ENTRY.replace("Entity", "Submarine") + "</sdnList>"
    )
    entities = list(open_list([path], report).entities())
    assert entities[0].schema is Schema.ORGANIZATION
    assert report.published is None
    assert report.warnings == {
        "sdn.xml: Publish_Date '2024-05-03' is not MM/DD/YYYY": 1,
        "sdn.xml: unknown sdnType 'submarine' read as an organization": 1,
    }


def test_other_roots_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text('<?xml version="1.0"?><sdnList xmlns="urn:other"><sdnEntry/></sdnList>')
    assert not OfacSdnListXmlReader.sniff(expand_file(path)[0], path.read_bytes())
    path.write_text('<?xml version="1.0"?><Sanctions><sdnList/></Sanctions>')
    assert not OfacSdnListXmlReader.sniff(expand_file(path)[0], path.read_bytes())
