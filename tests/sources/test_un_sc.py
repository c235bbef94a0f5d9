"""UN Security Council consolidated list XML: the real 2026 and 2024 lists, and the schema parts they lack."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.model import Entity, IdentifierKind, NameKind, Schema
from hoarfrost.sources.base import ReadReport, SourceFile
from hoarfrost.sources.registry import open_list
from hoarfrost.sources.un_sc import UnScXmlReader, split_cross_script
from tests.helpers import read_list

UN_2026 = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")
UN_2024 = Path("un_sc_consolidated/2024-11-30/consolidated.xml")


def read(path: Path, format: str | None = None) -> tuple[list[Entity], ReadReport]:
    return read_list([path], UnScXmlReader, format)


@pytest.fixture(scope="module")
def un_2026(data_dir: Path) -> tuple[dict[str, Entity], ReadReport]:
    entities, report = read(data_dir / UN_2026)
    return {e.source_id: e for e in entities}, report


@pytest.fixture(scope="module")
def fixture_list(fixtures_dir: Path) -> dict[str, Entity]:
    entities, report = read(fixtures_dir / "un_sc" / "full_schema.xml")
    assert report.published == "2025-06-01"
    assert not report.warnings
    return {e.source_id: e for e in entities}


def test_real_2026_counts(un_2026: tuple[dict[str, Entity], ReadReport]) -> None:
    entities, report = un_2026
    assert len(entities) == 1003
    assert Counter(e.schema for e in entities.values()) == {Schema.PERSON: 730, Schema.ORGANIZATION: 273}
    assert report.source == "un_sc"
    assert report.published == "2026-02-27"
    assert not report.warnings
    names = Counter((n.kind, n.script) for e in entities.values() for n in e.names)
    # Every record has its Latin primary name; NAME_ORIGINAL_SCRIPT adds 366 Arabic and 11 Cyrillic primaries.
    assert names[NameKind.PRIMARY, "Latn"] == 1003
    assert names[NameKind.PRIMARY, "Arab"] == 366
    assert names[NameKind.PRIMARY, "Cyrl"] == 11
    assert names[NameKind.ALIAS, "Latn"] == 2134
    assert names[NameKind.WEAK_ALIAS, "Latn"] == 618
    assert names[NameKind.FORMER, "Latn"] == 18
    # Other-script forms packed into aliases or alias notes come out as names of their own.
    assert names[NameKind.ALIAS, "Arab"] + names[NameKind.WEAK_ALIAS, "Arab"] == 33
    assert names[NameKind.ALIAS, "Cyrl"] + names[NameKind.WEAK_ALIAS, "Cyrl"] == 31
    assert names[NameKind.ALIAS, "Hani"] == 5
    assert sum(names.values()) == 4220


def test_real_2026_other_fields(un_2026: tuple[dict[str, Entity], ReadReport]) -> None:
    entities = un_2026[0].values()
    assert Counter(i.kind for e in entities for i in e.identifiers) == {
        IdentifierKind.PASSPORT: 315,
        IdentifierKind.NATIONAL_ID: 122,
        IdentifierKind.OTHER: 16,
        IdentifierKind.TAX_ID: 1,
    }
    births = [b for e in entities for b in e.birth_dates]
    assert len(births) == 892
    assert (sum(b.circa for b in births), sum(b.until is not None for b in births)) == (124, 31)
    assert sum(len(e.nationalities) for e in entities) == 652
    assert sum(len(e.addresses) for e in entities) == 808
    assert Counter(e.gender for e in entities) == {None: 949, "male": 52, "female": 2}
    regimes = Counter(d.regime for e in entities for d in e.designations)
    assert regimes["ISIL (Da'esh) and Al-Qaida"] == 341
    assert regimes["Taliban"] == 140
    assert regimes["Iran"] == 121
    for entity in entities:
        assert entity.names and all(n.value and n.value == n.value.strip() for n in entity.names)
        assert len({n.value for n in entity.names}) == len(entity.names)
        (designation,) = entity.designations
        assert designation.authority == "UN Security Council"
        assert designation.source_id == entity.source_id
        assert designation.listed_on and len(designation.listed_on) == 10, entity.source_id


def test_real_2026_person(un_2026: tuple[dict[str, Entity], ReadReport]) -> None:
    entity = un_2026[0]["QDi.001"]
    assert entity.id == "un_sc:QDi.001"
    assert entity.schema is Schema.PERSON
    primary, original = entity.names[:2]
    assert primary.value == "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE"
    assert primary.parts is not None
    assert (primary.parts.given, primary.parts.middle, primary.parts.family) == (
        "MOHAMMED",
        "SALAHALDIN ABD EL HALIM",
        "ZIDANE",
    )
    assert original.value == "محمد صلاح الدين عبدالحليم زيدان"
    assert (original.kind, original.script) == (NameKind.PRIMARY, "Arab")
    kinds = {n.value: n.kind for n in entity.names}
    assert kinds["Sayf-Al Adl"] is NameKind.ALIAS
    assert kinds["Seif al Adel"] is NameKind.WEAK_ALIAS
    assert kinds["سيف العدل"] is NameKind.ALIAS  # from the alias note "In Arabic: ..."
    assert [b.date.iso for b in entity.birth_dates] == ["1963-04-11", "1960-04-11"]
    assert [(p.text, p.country) for p in entity.birth_places] == [("Monufia Governate, Egypt", "eg")]
    assert entity.nationalities == ("eg",)
    (designation,) = entity.designations
    assert designation.regime == "ISIL (Da'esh) and Al-Qaida"
    assert designation.legal_basis == "resolutions 1267 (1999), 1989 (2011) and 2253 (2015)"
    assert designation.listed_on == "2001-01-25"
    assert designation.reason and designation.reason.startswith("Responsible for Usama bin Laden")
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert ("last_updated", "2022-11-08") in attributes
    assert ("un_dataid", "113219") in attributes


def test_real_2026_documents_and_dprk_order(un_2026: tuple[dict[str, Entity], ReadReport]) -> None:
    entities = un_2026[0]
    passports = [i for e in entities.values() for i in e.identifiers if i.kind is IdentifierKind.PASSPORT]
    assert all(i.value for i in passports)
    korean = entities["KPi.001"].names[0]
    assert korean.value == "YUN HO-JIN"
    assert korean.parts is not None and (korean.parts.family, korean.parts.given) == ("YUN", "HO-JIN")
    drc = entities["CDi.001"]
    assert drc.gender == "male"
    assert drc.nationalities == ("cd",)
    assert drc.birth_dates[0].date.iso == "1971"
    assert [(a.full, a.country) for a in drc.addresses] == [("Rwanda", "rw")]
    entity = entities["QDe.157"]
    assert entity.schema is Schema.ORGANIZATION
    assert "شركة الكوثر" in {n.value for n in entity.names}


def test_real_2024(data_dir: Path) -> None:
    entities, report = read(data_dir / UN_2024)
    assert len(entities) == 879
    assert Counter(e.schema for e in entities) == {Schema.PERSON: 686, Schema.ORGANIZATION: 193}
    assert report.published == "2024-11-30"
    by_id = {e.source_id: e for e in entities}
    mullah = by_id["TAi.005"]
    assert [n.value for n in mullah.names[:2]] == ["MUHAMMAD TAHER ANWARI", "محمد طاهر أنوري"]
    assert mullah.birth_dates[0].date.iso == "1961" and mullah.birth_dates[0].circa
    assert mullah.birth_places[0].text == "Zurmat District, Paktia Province, Afghanistan"
    attributes = {(a.key, a.value) for a in mullah.attributes}
    assert ("title", "Mullah") in attributes
    assert ("position", "Minister of Finance under the Taliban regime") in attributes
    assert mullah.designations[0].regime == "Taliban"


def test_fixture_individual(fixture_list: dict[str, Entity]) -> None:
    entity = fixture_list["QDi.901"]
    assert entity.gender == "female"
    primary = entity.names[0]
    assert primary.value == "ABDUL KARIM BIN TESTER"
    assert primary.parts is not None
    parts = primary.parts
    assert (parts.given, parts.middle, parts.family) == ("ABDUL", "KARIM BIN", "TESTER")
    assert [(n.value, n.kind, n.script) for n in entity.names[1:]] == [
        ("عبد الكريم بن تستر", NameKind.PRIMARY, "Arab"),
        ("Abdul Kareem Tester", NameKind.ALIAS, "Latn"),
        ("Abu Test", NameKind.WEAK_ALIAS, "Latn"),
        ("Karim al-Test", NameKind.ALIAS, "Latn"),
        ("كريم التست", NameKind.ALIAS, "Arab"),
    ]
    dates = [(b.date.iso, b.until.iso if b.until else None, b.circa) for b in entity.birth_dates]
    assert dates == [
        ("1971-02-03", None, False),  # from the alias's DATE_OF_BIRTH
        ("1970-01-15", None, False),  # EXACT with DATE
        ("1968", None, True),  # APPROXIMATELY with YEAR
        ("1960", "1963", False),  # BETWEEN with FROM_YEAR / TO_YEAR
        ("1958-09", None, False),  # YEAR with a month in NOTE
        ("1973-11", None, False),  # only a NOTE
    ]
    assert [(p.text, p.country) for p in entity.birth_places] == [
        ("Sanaa, Yemen", "ye"),
        ("Old Quarter, Taiz, Taiz Governorate, Yemen (now Ta'izz)", "ye"),
    ]
    assert entity.nationalities == ("ye", "ps")
    (address,) = entity.addresses
    assert (address.street, address.city, address.region, address.postal_code, address.country) == (
        "12 Test Street",
        "Aden",
        "Aden Governorate",
        "1234",
        "ye",
    )


def test_fixture_documents_and_attributes(fixture_list: dict[str, Entity]) -> None:
    entity = fixture_list["QDi.901"]
    passport, fiscal, national = entity.identifiers
    assert (passport.kind, passport.value, passport.country, passport.label) == (
        IdentifierKind.PASSPORT,
        "P1234567",
        "ye",
        "Passport / Diplomatic passport",
    )
    assert passport.note == "issued 2005-06-07; issued in Sanaa; issued by Yemen; expired"
    assert (fiscal.kind, fiscal.value, fiscal.country) == (IdentifierKind.TAX_ID, "TSTKRM70A15Z999X", "it")
    assert (national.kind, national.value) == (IdentifierKind.NATIONAL_ID, "998877")
    attributes = {(a.key, a.value) for a in entity.attributes}
    assert {
        ("title", "Dr."),
        ("title", "Sheikh"),
        ("position", "Financier"),
        ("submitted_by", "Nowhereland"),
        ("sort_key", "TESTER ABDUL"),
        ("sort_key_last_mod", "2019-03-04"),
        ("version", "2"),
        ("alias_note", "Abdul Kareem Tester: used on a false passport"),
        ("birth_date_note", "30-35 years old"),
        ("document", "Passport: Yemeni passport number 000111, expired"),
        ("address_note", "12 Test Street, Aden, Aden Governorate, 1234, Yemen: as of 2019"),
    } <= attributes


def test_fixture_dprk_person_and_entity(fixture_list: dict[str, Entity]) -> None:
    person = fixture_list["KPi.901"]
    assert person.names[0].parts is not None
    assert (person.names[0].parts.family, person.names[0].parts.given) == ("PAK", "TEST HO")
    assert ("delisted_on", "2024-01-01") in {(a.key, a.value) for a in person.attributes}
    assert (person.birth_dates, person.addresses, person.identifiers) == ((), (), ())
    entity = fixture_list["KPe.901"]
    assert entity.schema is Schema.ORGANIZATION
    assert [(n.value, n.kind, n.script) for n in entity.names] == [
        ("TEST TRADING COMPANY LIMITED", NameKind.PRIMARY, "Latn"),
        ("测试贸易有限公司", NameKind.PRIMARY, "Hani"),
        ("Test Trade Co.", NameKind.ALIAS, "Latn"),
        ("Old Test Corporation", NameKind.FORMER, "Latn"),
        ("Test Kawthar Co.", NameKind.ALIAS, "Latn"),
        ("شركة الكوثر للتجربة", NameKind.ALIAS, "Arab"),
    ]
    assert [(a.full, a.postal_code, a.country) for a in entity.addresses] == [
        (
            "1 Harbour Road, Nampo, South Pyongan, KP-001, Democratic People's Republic of Korea",
            "KP-001",
            "kp",
        ),
        ("China, Hong Kong Special Administrative Region", None, "hk"),
        ("Offices in several ports", None, None),
    ]
    assert entity.designations[0].regime == "Democratic People's Republic of Korea"
    assert ("submitted_by", "Somewhere") in {(a.key, a.value) for a in entity.attributes}


def test_split_cross_script() -> None:
    assert split_cross_script("Jin Tiesan (金铁三)") == ["Jin Tiesan", "金铁三"]
    assert split_cross_script("حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)") == [
        "حاجى مالك نورزى",
        "Hajji Malik Noorzai",
        "Haji Malek Noorzai",
    ]
    packed = "Amir Khazmat (original script: Амир Хазмат)"
    assert split_cross_script(packed) == ["Amir Khazmat", "Амир Хазмат"]
    assert split_cross_script("Ansar al Charia (ASL)") == ["Ansar al Charia (ASL)"]


def test_progress_counts_every_byte(data_dir: Path) -> None:
    seen: list[int] = []
    report = ReadReport(progress=seen.append)
    entities = list(open_list([data_dir / UN_2024], report).entities())
    assert len(entities) == 879
    assert sum(seen) == (data_dir / UN_2024).stat().st_size


def test_sniff_is_specific(fixtures_dir: Path) -> None:
    def sniff(content: bytes) -> bool:
        return UnScXmlReader.sniff(SourceFile("x.xml", len(content), lambda: io.BytesIO(content)), content)

    assert sniff(b'<?xml version="1.0"?>\n<!-- c --><CONSOLIDATED_LIST dateGenerated="x"><INDIVIDUALS/>')
    assert not sniff(b"<CONSOLIDATED_LIST><other/></CONSOLIDATED_LIST>")
    assert not sniff(b"<!-- <CONSOLIDATED_LIST><INDIVIDUALS> --><html><INDIVIDUALS/></html>")
    assert not sniff(b'<export xmlns="http://eu.europa.ec/fpi/fsd/export"><INDIVIDUALS/>')
    for other in ("eu_fsf/full_schema.xml", "ch_seco/whole_list.xml"):
        content = (fixtures_dir / other).read_bytes()
        assert not sniff(content)


def _write(tmp_path: Path, content: bytes, name: str = "list.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_truncated_file(data_dir: Path, tmp_path: Path) -> None:
    content = (data_dir / UN_2026).read_bytes()[:500_000]
    with pytest.raises(ListFileError, match="malformed XML") as error:
        read(_write(tmp_path, content))
    assert error.value.where and error.value.where.startswith("line ")


def test_empty_file_forced(tmp_path: Path) -> None:
    with pytest.raises(ListFileError, match="empty"):
        read(_write(tmp_path, b""), format="un_sc_xml")


def test_record_without_reference(tmp_path: Path) -> None:
    content = (
        b'<CONSOLIDATED_LIST dateGenerated="2025-01-01"><INDIVIDUALS><INDIVIDUAL><DATAID>77</DATAID>'
        b"<FIRST_NAME>X</FIRST_NAME><REFERENCE_NUMBER/></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(ListFileError, match="no REFERENCE_NUMBER") as error:
        read(_write(tmp_path, content))
    assert error.value.where == "element INDIVIDUAL, DATAID 77"


def test_wrong_root_when_forced(fixtures_dir: Path) -> None:
    with pytest.raises(ListFileError, match="not a UN consolidated list"):
        read(fixtures_dir / "eu_fsf" / "full_schema.xml", format="un_sc_xml")


def test_dtd_refused(tmp_path: Path) -> None:
    content = (
        b'<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaa">]>'
        b"<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>"
    )
    with pytest.raises(HostileInputError):
        read(_write(tmp_path, content))


def test_empty_list(tmp_path: Path) -> None:
    content = b'<CONSOLIDATED_LIST dateGenerated="2025-02-03T00:00:00Z"><INDIVIDUALS/><ENTITIES/>'
    content += b"</CONSOLIDATED_LIST>"
    entities, report = read(_write(tmp_path, content))
    assert entities == []
    assert report.published == "2025-02-03"
