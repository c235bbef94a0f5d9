"""Reader: UN Security Council consolidated list XML (sc-sanctions.xsd).

The UN publishes one XML file, `<CONSOLIDATED_LIST dateGenerated=...>`, with
`INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY` records. Each record carries the
permanent reference number (`QDi.001`), which is what every national list
quotes, so it is the `source_id`. The file has no namespace; repeated facts
sit in `<X><VALUE>..</VALUE></X>` wrappers (TITLE, DESIGNATION, NATIONALITY,
LIST_TYPE, LAST_DAY_UPDATED, SUBMITTED_BY) and empty placeholders
(`<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`) are common, so
every helper here skips empty values.

Name order: the UN writes given names first (FIRST_NAME is the given name),
except on the DPRK list (`KPi.` references), where FIRST_NAME holds the Korean
family name ("KIM" / "JONG SIK"); name parts follow that.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from functools import partial

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    Attribute,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
    NameParts,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ListReader, SourceFile
from hoarfrost.sources.common import NameList, gender_of, unique
from hoarfrost.sources.xml import find_text, find_texts, iter_records, published_from_root, root_tag
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date, parse_partial_date, year_range

AUTHORITY = "UN Security Council"
_NAME_TAGS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_SCRIPT_NOTE = re.compile(r"(?:original script|in arabic(?: script)?|in \w+ script)\s*:\s*(.+)$", re.I)
_LABEL = re.compile(r"^\s*original script\s*:\s*|\s*\(original script\)\s*$", re.I)
_LATIN = ("Latn", "Zyyy")
_DEPTH = {")": 1, "(": -1}

# UN_LIST_TYPE -> (regime, resolution that set up the sanctions committee).
_REGIMES: dict[str, tuple[str, str]] = {
    "Al-Qaida": ("ISIL (Da'esh) and Al-Qaida", "resolutions 1267 (1999), 1989 (2011) and 2253 (2015)"),
    "Taliban": ("Taliban", "resolution 1988 (2011)"),
    "DPRK": ("Democratic People's Republic of Korea", "resolution 1718 (2006)"),
    "Iran": ("Iran", "resolution 1737 (2006)"),
    "Iraq": ("Iraq", "resolution 1518 (2003)"),
    "Libya": ("Libya", "resolution 1970 (2011)"),
    "Somalia": ("Somalia / Al-Shabaab", "resolutions 751 (1992) and 2713 (2023)"),
    "DRC": ("Democratic Republic of the Congo", "resolution 1533 (2004)"),
    "CAR": ("Central African Republic", "resolution 2127 (2013)"),
    "SouthSudan": ("South Sudan", "resolution 2206 (2015)"),
    "Sudan": ("Sudan", "resolution 1591 (2005)"),
    "Yemen": ("Yemen", "resolution 2140 (2014)"),
    "GB": ("Guinea-Bissau", "resolution 2048 (2012)"),
    "Haiti": ("Haiti", "resolution 2653 (2022)"),
    "Mali": ("Mali", "resolution 2374 (2017)"),
    "Lebanon": ("Lebanon", "resolution 1636 (2005)"),
}

_ALIAS_KINDS = {
    "good": NameKind.ALIAS,
    "low": NameKind.WEAK_ALIAS,
    "a.k.a.": NameKind.ALIAS,
    "aka": NameKind.ALIAS,
    "f.k.a.": NameKind.FORMER,
    "fka": NameKind.FORMER,
}

# Keywords in the UN's document type texts, checked in order.
_DOC_KINDS: tuple[tuple[str, IdentifierKind], ...] = (
    ("passport", IdentifierKind.PASSPORT),
    ("passeport", IdentifierKind.PASSPORT),
    ("pasaporte", IdentifierKind.PASSPORT),
    ("fiscal", IdentifierKind.TAX_ID),
    ("tax", IdentifierKind.TAX_ID),
    ("birth certificate", IdentifierKind.OTHER),
    ("certificate", IdentifierKind.OTHER),
    ("ration card", IdentifierKind.OTHER),
    ("driver", IdentifierKind.OTHER),
    ("voter", IdentifierKind.OTHER),
    ("student", IdentifierKind.OTHER),
    ("residen", IdentifierKind.OTHER),
    ("military", IdentifierKind.OTHER),
    ("serviceman", IdentifierKind.OTHER),
    ("registration", IdentifierKind.REGISTRATION),
    ("social security", IdentifierKind.NATIONAL_ID),
    ("identi", IdentifierKind.NATIONAL_ID),
    ("national number", IdentifierKind.NATIONAL_ID),
    ("tazkira", IdentifierKind.NATIONAL_ID),
    ("other", IdentifierKind.OTHER),
    ("id", IdentifierKind.NATIONAL_ID),
)

class UnScXmlReader(ListReader):
    format = "un_sc_xml"
    source = "un_sc"
    title = "UN Security Council consolidated list XML"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """A `CONSOLIDATED_LIST` root with the UN's own sections or schema name."""
        if root_tag(head) != b"CONSOLIDATED_LIST":
            return False
        return any(marker in head for marker in (b"<INDIVIDUALS", b"<ENTITIES", b"sc-sanctions.xsd"))

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            yield from self._read_file(file)

    def _read_file(self, file: SourceFile) -> Iterator[Entity]:
        """The records of one file; the root's dateGenerated is the publication date."""
        take_date = partial(published_from_root, self.report, "dateGenerated")
        with self.open_counted(file) as stream:
            for elem in iter_records(
                stream, file.name, {"INDIVIDUAL", "ENTITY"},
                root_tag="CONSOLIDATED_LIST", what="a UN consolidated list", on_root=take_date,
            ):
                yield _entity(elem, file.name)


def _entity(elem: ET.Element, file_name: str) -> Entity:
    """One INDIVIDUAL or ENTITY record as an Entity."""
    reference = find_text(elem, "REFERENCE_NUMBER")
    if not reference:
        dataid = find_text(elem, "DATAID") or "?"
        where = f"element {elem.tag}, DATAID {dataid}"
        raise ListFileError(file_name, "a record has no REFERENCE_NUMBER", where=where)
    person = elem.tag == "INDIVIDUAL"
    attributes: list[Attribute] = []
    birth_dates: list[BirthDate] = []
    birth_places: list[Place] = []
    names = _names(elem, reference, person, attributes, birth_dates, birth_places)
    if person:
        _birth_dates(elem, birth_dates, attributes)
        _birth_places(elem, birth_places)
    return Entity(
        source="un_sc",
        source_id=reference,
        schema=Schema.PERSON if person else Schema.ORGANIZATION,
        names=names,
        birth_dates=unique(birth_dates),
        birth_places=unique(birth_places),
        nationalities=_codes(_values(elem, "NATIONALITY")),
        gender=gender_of(find_text(elem, "GENDER")),
        identifiers=_identifiers(elem, attributes),
        addresses=_addresses(elem, "INDIVIDUAL_ADDRESS" if person else "ENTITY_ADDRESS", attributes),
        designations=(_designation(elem, reference),),
        attributes=unique(_record_attributes(elem) + attributes + _unknown_nationalities(elem)),
    )


def _names(
    elem: ET.Element,
    reference: str,
    person: bool,
    attributes: list[Attribute],
    birth_dates: list[BirthDate],
    birth_places: list[Place],
) -> tuple[Name, ...]:
    """The primary name from the name fields, the original-script name, then the aliases."""
    names = NameList()
    words = [word for word in (find_text(elem, tag) for tag in _NAME_TAGS) if word]
    names.add(" ".join(words), NameKind.PRIMARY, _name_parts(words, reference) if person else None)
    names.add(find_text(elem, "NAME_ORIGINAL_SCRIPT"), NameKind.PRIMARY)
    for alias in elem.iterfind("INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"):
        _alias(alias, names, attributes, birth_dates, birth_places)
    return names.names()


def _name_parts(words: list[str], reference: str) -> NameParts | None:
    """Given / middle / family from the UN name fields (family first on the DPRK list)."""
    if not words:
        return None
    if reference.upper().startswith("KP") and len(words) > 1:
        return NameParts(given=" ".join(words[1:]), family=words[0])
    if len(words) == 1:
        return NameParts(given=words[0])
    return NameParts(given=words[0], middle=" ".join(words[1:-1]) or None, family=words[-1])


def _alias(
    alias: ET.Element,
    names: NameList,
    attributes: list[Attribute],
    birth_dates: list[BirthDate],
    birth_places: list[Place],
) -> None:
    """One alias: its name(s) and quality, plus the birth details and note some aliases carry."""
    value = find_text(alias, "ALIAS_NAME")
    if not value:
        return
    kind = _ALIAS_KINDS.get((find_text(alias, "QUALITY") or "").lower(), NameKind.ALIAS)
    for name in split_cross_script(value):
        names.add(name, kind)
    note = find_text(alias, "NOTE")
    if note:
        for name in _note_names(value, note):
            names.add(name, kind)
        attributes.append(Attribute("alias_note", f"{value}: {note}"))
    born_text = find_text(alias, "DATE_OF_BIRTH")
    exact = parse_partial_date(born_text)
    born = BirthDate(exact) if exact else parse_birth_date(born_text)
    if born:
        birth_dates.append(born)
    city, country = find_text(alias, "CITY_OF_BIRTH"), find_text(alias, "COUNTRY_OF_BIRTH")
    if city or country:
        birth_places.append(Place(", ".join(p for p in (city, country) if p), country_code(country)))


def split_cross_script(value: str) -> list[str]:
    """An alias written as "Latin (original script)" or "script (Latin; Latin)" as separate names.

    The UN often packs a name and its other-script form into one alias; kept
    whole, the string matches neither form well. Same-script parentheses
    ("Ansar al Charia (ASL)") are left alone.
    """
    split = _trailing_group(value)
    if split is None:
        return [value]
    outer, group = split
    inner = [_LABEL.sub("", piece).strip() for piece in group.split(";")]
    inner = [piece for piece in inner if piece]
    if not outer or not inner or (detect_script(outer) in _LATIN) == (detect_script(inner[0]) in _LATIN):
        return [value]
    return [outer, *inner]


def _trailing_group(value: str) -> tuple[str, str] | None:
    """("outer", "inner") for a value ending in a balanced "(inner)" group, else None."""
    text = value.rstrip(" ,;")
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += _DEPTH.get(text[index], 0)
        if depth == 0:
            return text[:index].strip(" ,;"), text[index + 1 : -1]
    return None


def _note_names(value: str, note: str) -> list[str]:
    """Names an alias NOTE adds: "original script: X", "in Arabic: X", or Latin forms of a non-Latin alias."""
    in_script = _SCRIPT_NOTE.search(note)
    if in_script:
        return [in_script.group(1)]
    if detect_script(value) in _LATIN or detect_script(note) not in _LATIN:
        return []
    listed = note
    if note.startswith("(") and ")" in note:
        listed = note[1 : note.index(")")]
    elif ":" in note or any(char.isdigit() for char in note):
        return []
    pieces = [piece.strip() for piece in listed.split(";")]
    if any(not piece or len(piece.split()) > 6 for piece in pieces):
        return []
    return pieces


def _birth_dates(elem: ET.Element, dates: list[BirthDate], attributes: list[Attribute]) -> None:
    """INDIVIDUAL_DATE_OF_BIRTH in its three forms: EXACT, APPROXIMATELY and BETWEEN."""
    for node in elem.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        kind = (find_text(node, "TYPE_OF_DATE") or "").upper()
        note = find_text(node, "NOTE")
        circa = kind.startswith("APPROX") or (note or "").lower().startswith("approx")
        born, used_note = _one_birth_date(node, circa, note)
        if born:
            dates.append(born)
        if note and not used_note and not note.lower().startswith("approx"):
            attributes.append(Attribute("birth_date_note", note))


def _one_birth_date(node: ET.Element, circa: bool, note: str | None) -> tuple[BirthDate | None, bool]:
    """The date of one INDIVIDUAL_DATE_OF_BIRTH, and whether its NOTE was needed to read it."""
    start, end = find_text(node, "FROM_YEAR"), find_text(node, "TO_YEAR")
    if start or end:
        return year_range(start, end, circa=circa), False
    exact = parse_partial_date(find_text(node, "DATE"))
    if exact:
        return BirthDate(exact, circa=circa), False
    year = find_text(node, "YEAR")
    if year and note and not any(char.isdigit() for char in note):
        with_month = parse_partial_date(f"{note} {year}")
        if with_month:
            return BirthDate(with_month, circa=circa), True
    only_year = parse_partial_date(year)
    if only_year:
        return BirthDate(only_year, circa=circa), False
    from_note = parse_birth_date(note)
    if from_note:
        return BirthDate(from_note.date, from_note.until, from_note.circa or circa), True
    return None, False


def _birth_places(elem: ET.Element, places: list[Place]) -> None:
    for node in elem.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        country = find_text(node, "COUNTRY")
        parts = [find_text(node, tag) for tag in ("STREET", "CITY", "STATE_PROVINCE")] + [country]
        text = ", ".join(part for part in parts if part)
        note = find_text(node, "NOTE")
        if note:
            text = f"{text} ({note})" if text else note
        if text:
            places.append(Place(text, country_code(country)))


def _addresses(elem: ET.Element, tag: str, attributes: list[Attribute]) -> tuple[Address, ...]:
    """INDIVIDUAL_ADDRESS / ENTITY_ADDRESS; a NOTE beside a real address becomes an attribute."""
    found: list[Address] = []
    for node in elem.iterfind(tag):
        street, city, region = (find_text(node, t) for t in ("STREET", "CITY", "STATE_PROVINCE"))
        postal, country = find_text(node, "ZIP_CODE"), find_text(node, "COUNTRY")
        full = ", ".join(part for part in (street, city, region, postal, country) if part) or None
        note = find_text(node, "NOTE")
        if full is None and note is None:
            continue
        if full and note:
            attributes.append(Attribute("address_note", f"{full}: {note}"))
        found.append(Address(full or note, street, city, region, postal, country_code(country)))
    return unique(found)


def _identifiers(elem: ET.Element, attributes: list[Attribute]) -> tuple[Identifier, ...]:
    """INDIVIDUAL_DOCUMENT rows; one without a NUMBER is kept as a `document` attribute."""
    found: list[Identifier] = []
    for node in elem.iterfind("INDIVIDUAL_DOCUMENT"):
        first, second = find_text(node, "TYPE_OF_DOCUMENT"), find_text(node, "TYPE_OF_DOCUMENT2")
        label = " / ".join(dict.fromkeys(t.rstrip(" :") for t in (first, second) if t)) or None
        number, note = find_text(node, "NUMBER"), _document_note(node)
        if not number:
            if label or note:
                attributes.append(Attribute("document", ": ".join(p for p in (label, note) if p)))
            continue
        country = country_code(find_text(node, "ISSUING_COUNTRY") or find_text(node, "COUNTRY_OF_ISSUE"))
        kind = _document_kind(second) or _document_kind(first) or IdentifierKind.OTHER
        found.append(Identifier(kind, number, country, label, note))
    return unique(found)


def _document_note(node: ET.Element) -> str | None:
    """Issue date and place, the country of issue and the UN's note, as one text."""
    issued, city = find_text(node, "DATE_OF_ISSUE"), find_text(node, "CITY_OF_ISSUE")
    issuing, country = find_text(node, "ISSUING_COUNTRY"), find_text(node, "COUNTRY_OF_ISSUE")
    parts = [
        f"issued {_date_text(issued)}" if issued else None,
        f"issued in {city}" if city else None,
        f"issued by {issuing}" if issuing else None,
        f"country of issue {country}" if country and country != issuing else None,
        find_text(node, "NOTE"),
    ]
    return "; ".join(p for p in parts if p) or None


def _document_kind(label: str | None) -> IdentifierKind | None:
    if not label:
        return None
    lowered = label.lower()
    for keyword, kind in _DOC_KINDS:
        if keyword in lowered:
            return kind
    return None


def _designation(elem: ET.Element, reference: str) -> Designation:
    list_type = find_text(elem, "UN_LIST_TYPE")
    regime, basis = _REGIMES.get(list_type or "", (list_type, None))
    listed = parse_partial_date(find_text(elem, "LISTED_ON"))
    return Designation(
        authority=AUTHORITY,
        regime=regime,
        legal_basis=basis,
        listed_on=listed.iso if listed else None,
        reason=find_text(elem, "COMMENTS1"),
        source_id=reference,
    )


def _record_attributes(elem: ET.Element) -> list[Attribute]:
    """Everything else on the record: titles, positions, update history, UN bookkeeping."""
    found = [Attribute("title", v) for v in _values(elem, "TITLE")]
    found += [Attribute("position", v) for v in _values(elem, "DESIGNATION")]
    found += [Attribute("list_type", v) for v in _values(elem, "LIST_TYPE")]
    found += [Attribute("un_list_type", v) for v in find_texts(elem, "UN_LIST_TYPE")]
    found += [Attribute("submitted_by", v) for v in _values(elem, "SUBMITTED_BY")]
    found += [Attribute("last_updated", _date_text(v)) for v in _values(elem, "LAST_DAY_UPDATED")]
    for tag, key in (
        ("DATAID", "un_dataid"),
        ("VERSIONNUM", "version"),
        ("SORT_KEY", "sort_key"),
        ("SORT_KEY_LAST_MOD", "sort_key_last_mod"),
        ("DELISTED_ON", "delisted_on"),
        ("SUBMITTED_ON", "submitted_on"),
    ):
        found += [Attribute(key, _date_text(v)) for v in find_texts(elem, tag)]
    return found


def _date_text(text: str) -> str:
    """An ISO date as the list gives it, without a time zone; other text unchanged."""
    date = parse_partial_date(text)
    return date.iso if date and len(date.iso) == 10 else text


def _values(elem: ET.Element, tag: str) -> list[str]:
    """The values of a `<TAG><VALUE>..</VALUE></TAG>` wrapper, or the tag's own text."""
    return find_texts(elem, f"{tag}/VALUE") or find_texts(elem, tag)


def _unknown_nationalities(elem: ET.Element) -> list[Attribute]:
    """Nationalities no country code stands for, kept as the list writes them."""
    return [Attribute("nationality", v) for v in _values(elem, "NATIONALITY") if not country_code(v)]


def _codes(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(code for code in map(country_code, texts) if code))
