"""EU Financial Sanctions File XML 1.1: the real excerpt, and the parts of the format it lacks."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.model import Entity, IdentifierKind, NameKind, Schema
from hoarfrost.sources.base import ReadReport, SourceFile
from hoarfrost.sources.eu_fsf import EuFsfXmlReader
from tests.helpers import read_list

EXCERPT = Path("eu_fsf_xml/excerpt_2021-01-15/eu_sanctions_list.xml")


def read(path: Path, format: str | None = None) -> tuple[list[Entity], ReadReport]:
    return read_list([path], EuFsfXmlReader, format)


@pytest.fixture(scope="module")
def excerpt(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(data_dir / EXCERPT)
    return {e.source_id: e for e in entities}, report


@pytest.fixture(scope="module")
def fixture_list(fixtures_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(fixtures_dir / "eu_fsf" / "full_schema.xml")
    return {e.source_id: e for e in entities}, report


def test_excerpt_counts(excerpt: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = excerpt
    assert list(entities) == ["13", "20", "23", "25", "29", "33", "39", "43"]
    assert all(e.schema is Schema.PERSON for e in entities.values())
    assert (report.source, report.published, report.partial) == ("eu_fsf", "2021-01-15", False)
    assert not report.warnings
    # 35 nameAlias elements; repeated spellings (one per function) are one name each.
    names = Counter((n.kind, n.lang) for e in entities.values() for n in e.names)
    assert names == {
        (NameKind.PRIMARY, None): 8,
        (NameKind.ALIAS, None): 7,
        (NameKind.ALIAS, "fr"): 9,
        (NameKind.ALIAS, "es"): 2,
    }
    assert all(n.script == "Latn" for e in entities.values() for n in e.names)
    assert sum(len(e.birth_dates) for e in entities.values()) == 11
    assert sum(len(e.birth_places) for e in entities.values()) == 11
    assert all(e.citizenships == ("iq",) for e in entities.values())
    assert Counter(e.gender for e in entities.values()) == {"male": 6, None: 2}
    for entity in entities.values():
        (designation,) = entity.designations
        assert (designation.authority, designation.regime) == ("EU", "IRQ")
        assert (designation.legal_basis, designation.listed_on) == ("1210/2003 (OJ L169)", "2003-07-08")


def test_excerpt_saddam(excerpt: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = excerpt[0]["13"]
    assert entity.id == "eu_fsf:13"
    primary = entity.names[0]
    assert (primary.value, primary.kind, primary.lang) == (
        "Saddam Hussein Al-Tikriti",
        NameKind.PRIMARY,
        None,
    )
    assert primary.parts is not None
    assert (primary.parts.given, primary.parts.middle, primary.parts.family) == (
        "Saddam",
        None,
        "Hussein Al-Tikriti",
    )
    assert [(n.value, n.lang) for n in entity.names[1:]] == [("Abu Ali", None), ("Abou Ali", "fr")]
    assert [(b.date.iso, b.circa) for b in entity.birth_dates] == [("1937-04-28", False)]
    assert [(p.text, p.country) for p in entity.birth_places] == [("al-Awja, near Tikrit, IRAQ", "iq")]
    assert entity.gender == "male"
    (designation,) = entity.designations
    assert (designation.reason, designation.source_id) == ("UNSC RESOLUTION 1483", "EU.27.28")
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert ("eu_reference_number", "EU.27.28") in attributes
    assert ("regulation_entry_into_force", "2003-07-07") in attributes


def test_excerpt_primary_is_the_untranslated_name(excerpt: tuple[dict[str, Entity], ReadReport]) -> None:
    # The French spelling comes first in the file; the primary is the name without nameLanguage.
    entity = excerpt[0]["20"]
    assert [(n.value, n.kind, n.lang) for n in entity.names] == [
        ("Qusay Saddam Hussein Al-Tikriti", NameKind.PRIMARY, None),
        ("Qoussaï Saddam Hussein Al-Tikriti", NameKind.ALIAS, "fr"),
    ]
    assert [b.date.iso for b in entity.birth_dates] == ["1965", "1966"]
    assert [(p.text, p.country) for p in entity.birth_places] == [("Baghdad", None)]  # countryIso2Code "00"


def test_excerpt_circa_functions_and_titles(excerpt: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = excerpt[0]["25"]
    assert [(b.date.iso, b.circa) for b in entity.birth_dates] == [("1957", True)]
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert ("title", "Col") in attributes
    assert ("position", "Saddam's Presidential Secretary and Key Advisor") in attributes
    positions = [a.value for a in excerpt[0]["43"].attributes if a.key == "position"]
    assert "Président du commandement régional du parti Baas" in positions


def test_fixture_enterprise(fixture_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = fixture_list
    assert report.published == "2024-03-05"
    entity = entities["900001"]
    assert entity.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script, n.lang) for n in entity.names] == [
        ("Test Shipping Company LLC", NameKind.PRIMARY, "Latn", None),
        ("ООО Тест Шиппинг", NameKind.ALIAS, "Cyrl", "ru"),
        ("TSC", NameKind.WEAK_ALIAS, "Latn", None),  # strong="false"
        ("Test Shipping Co", NameKind.WEAK_ALIAS, "Latn", None),  # remark "low quality alias"
    ]
    assert [(i.kind, i.value, i.country, i.label) for i in entity.identifiers] == [
        (IdentifierKind.REGISTRATION, "1027700000001", "ru", "Registration Number"),
        (IdentifierKind.SWIFT_BIC, "TESTRUMMXXX", None, "SWIFT BIC"),
        (IdentifierKind.TAX_ID, "7700000001", "ru", "Fiscal Code"),
        (IdentifierKind.IMO, "9123456", None, "IMO number"),
    ]
    assert entity.identifiers[0].note == "issued 2010-01-02; issued by Moscow registry; OGRN"
    main, cyprus = entity.addresses
    assert (main.street, main.city, main.region, main.postal_code, main.country) == (
        "Testovaya ulitsa 5",
        "Moscow",
        "Moscow Oblast",
        "123456",
        "ru",
    )
    assert (
        main.full
        == "Testovaya ulitsa 5, P.O. Box 77, Building 2, Moscow, 123456, Moscow Oblast, RUSSIAN FEDERATION"
    )
    assert (cyprus.full, cyprus.country) == ("CYPRUS", "cy")


def test_fixture_enterprise_designations(fixture_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = fixture_list[0]["900001"]
    ukr, taqa = entity.designations
    assert (ukr.regime, ukr.legal_basis, ukr.listed_on) == (
        "UKR",
        "269/2014 (OJ L78); 2022/332 (OJ L53)",
        "2014-03-17",
    )
    assert (taqa.regime, taqa.legal_basis, taqa.listed_on) == ("TAQA", "2016/1686 (OJ L255)", "2014-03-17")
    assert ukr.reason == "Fictitious enterprise for tests.\nSecond remark."
    assert ukr.source_id == "EU.900.1"
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert {
        ("un_reference_number", "QDe.901"),
        ("designation_details", "Annex I, entry 12"),
        ("phone", "+7 495 000 00 00"),
        ("fax", "+7 495 000 00 01"),
        ("email", "info@test-shipping.example"),
        ("website", "https://test-shipping.example"),
        ("address_note", "Head office"),
        ("position", "Shipping and logistics"),
        ("regulation_url", "https://eur-lex.europa.eu/example/2022-332"),
    } <= attributes


def test_fixture_person(fixture_list: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = fixture_list[0]["900002"]
    assert entity.schema is Schema.PERSON
    assert entity.gender == "female"
    primary, cyrillic, short = entity.names
    assert primary.parts is not None
    assert (primary.value, primary.parts.middle, primary.parts.title) == (
        "Anna Ivanovna Testova",
        "Ivanovna",
        "Dr",
    )
    assert (cyrillic.value, cyrillic.script, cyrillic.lang) == ("Анна Ивановна Тестова", "Cyrl", "ru")
    # A name with only first and last name parts; the weak "Anna Testova" is the same string, kept once.
    assert (short.value, short.kind) == ("Anna Testova", NameKind.ALIAS)
    dates = [(b.date.iso, b.until.iso if b.until else None, b.circa) for b in entity.birth_dates]
    assert dates == [("1970", "1972", False), ("1971-06", None, True)]
    assert [(p.text, p.country) for p in entity.birth_places] == [
        ("Kazan, Tatarstan, RUSSIAN FEDERATION", "ru")
    ]
    assert entity.citizenships == ("ru", "ua")
    passport, latin, national, licence = entity.identifiers
    assert (passport.kind, passport.value, latin.value) == (IdentifierKind.PASSPORT, "АБ123456", "AB123456")
    assert passport.note == (
        "issued 2015-05-06; valid from 2015-05-06; valid to 2020-05-05; diplomatic; known expired; "
        "name on document: Anna Testova"
    )
    assert (national.kind, national.country) == (IdentifierKind.NATIONAL_ID, "ru")
    assert (licence.kind, licence.label, licence.country) == (IdentifierKind.OTHER, "Driving licence", None)
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert ("birth_date_note", "according to press reports") in attributes
    assert ("birth_date_other_calendar", "1390 (ISLAMIC)") in attributes  # a Hijri year is no Gregorian date
    assert ("citizenship_region", "Crimea") in attributes


def test_sniff_is_specific(fixtures_dir: Path) -> None:
    def sniff(content: bytes) -> bool:
        return EuFsfXmlReader.sniff(SourceFile("x.xml", len(content), lambda: io.BytesIO(content)), content)

    assert sniff(
        b'<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="x">'
    )
    assert not sniff(b"<export><something/></export>")
    for other in ("un_sc/full_schema.xml", "ch_seco/whole_list.xml"):
        assert not sniff((fixtures_dir / other).read_bytes())


def _write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "eu.xml"
    path.write_bytes(content)
    return path


def test_truncated_file(data_dir: Path, tmp_path: Path) -> None:
    content = (data_dir / EXCERPT).read_bytes()[:20_000]
    with pytest.raises(ListFileError, match="malformed XML") as error:
        read(_write(tmp_path, content))
    assert error.value.where and error.value.where.startswith("line ")


def test_entity_without_logical_id(tmp_path: Path) -> None:
    content = (
        b'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-01">'
        b'<sanctionEntity euReferenceNumber="EU.1.2"><subjectType code="person"/>'
        b'<nameAlias wholeName="X Y" strong="true"/></sanctionEntity></export>'
    )
    with pytest.raises(ListFileError, match="no logicalId") as error:
        read(_write(tmp_path, content))
    assert error.value.where == "element sanctionEntity, euReferenceNumber EU.1.2"


def test_unknown_subject_type_is_a_warning(tmp_path: Path) -> None:
    content = (
        b'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-01">'
        b'<sanctionEntity logicalId="5"><subjectType code="spaceship"/>'
        b'<nameAlias wholeName="X Y" strong="true"/></sanctionEntity></export>'
    )
    (entity,), report = read(_write(tmp_path, content))
    assert entity.schema is Schema.ORGANIZATION
    assert report.warnings == {"unknown subjectType 'spaceship': read as Organization": 1}
    assert entity.designations[0].authority == "EU"


def test_wrong_root_when_forced(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not an EU FSF export"):
        read(fixtures_dir / "un_sc" / "full_schema.xml", format="eu_fsf_xml")


def test_entity_expansion_refused(tmp_path: Path) -> None:
    content = (
        b'<?xml version="1.0"?><!DOCTYPE export [<!ENTITY lol "lol">]>'
        b'<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1"/></export>'
    )
    with pytest.raises(HostileInputError):
        read(_write(tmp_path, content))
