"""Reader: EU Financial Sanctions File (FSF) XML 1.1.

The FSF file is `<export xmlns="http://eu.europa.ec/fpi/fsd/export"
generationDate=...>` holding one `sanctionEntity` per listed party. Nearly
everything is in attributes, and empty ones are written out (`middleName=""`),
so every value goes through `text_of`. `logicalId` is the FSF's stable id of
the entry (the `source_id`); `euReferenceNumber` is the listing reference
printed in the Official Journal, kept as the designation's `source_id`.

Names: every `nameAlias` is a name; `strong="false"` marks a weak alias. The
FSF has no primary flag, so the first strong name without a `nameLanguage`
(the one in the regulation's own language) is taken as primary. Translations
(`nameLanguage="FR"`) are aliases with `lang` set.

Each `regulation` is an act that listed or amended the entry; they are grouped
into one designation per `programme`, their `numberTitle`s joined as the legal
basis.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
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
from hoarfrost.sources.base import ListReader, SourceFile, text_of
from hoarfrost.sources.common import NameList, unique
from hoarfrost.sources.xml import find_text, iter_records, published_from_root, root_tag
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_partial_date, year_range

AUTHORITY = "EU"

_SCHEMAS = {
    "person": Schema.PERSON,
    "p": Schema.PERSON,
    "enterprise": Schema.ORGANIZATION,
    "e": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}

# identificationTypeCode values of FSF 1.1.
_ID_KINDS = {
    "passport": IdentifierKind.PASSPORT,
    "id": IdentifierKind.NATIONAL_ID,
    "nrn": IdentifierKind.NATIONAL_ID,
    "ssn": IdentifierKind.NATIONAL_ID,
    "fiscalcode": IdentifierKind.TAX_ID,
    "swiftbic": IdentifierKind.SWIFT_BIC,
    "imo": IdentifierKind.IMO,
    "regnumber": IdentifierKind.REGISTRATION,
    "tradelic": IdentifierKind.REGISTRATION,
}

# Flags on an identification document, written into the identifier's note.
_ID_FLAGS = {
    "diplomatic": "diplomatic",
    "knownExpired": "known expired",
    "knownFalse": "known false",
    "reportedLost": "reported lost",
    "revokedByIssuer": "revoked by issuer",
}

_CONTACT_KEYS = {"PHONE": "phone", "FAX": "fax", "EMAIL": "email", "WEB": "website"}
_GENDERS = {"m": "male", "f": "female", "male": "male", "female": "female"}


class EuFsfXmlReader(ListReader):
    format = "eu_fsf_xml"
    source = "eu_fsf"
    title = "EU Financial Sanctions File XML 1.1"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """An `<export>` root in the FSF namespace (or with `sanctionEntity` records)."""
        if root_tag(head) != b"export":
            return False
        return b"fpi/fsd/export" in head or b"<sanctionEntity" in head

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            yield from self._read_file(file)

    def _read_file(self, file: SourceFile) -> Iterator[Entity]:
        """The records of one file; the root's generationDate is the publication date."""
        take_date = partial(published_from_root, self.report, "generationDate")
        with self.open_counted(file) as stream:
            for elem in iter_records(
                stream, file.name, {"sanctionEntity"},
                root_tag="export", what="an EU FSF export", on_root=take_date,
            ):
                yield self._entity(elem, file.name)

    def _entity(self, elem: ET.Element, file_name: str) -> Entity:
        logical_id = text_of(elem.get("logicalId"))
        eu_ref = text_of(elem.get("euReferenceNumber"))
        if not logical_id:
            where = f"element sanctionEntity, euReferenceNumber {eu_ref or '?'}"
            raise ListFileError(file_name, "a sanctionEntity has no logicalId", where=where)
        attributes: list[Attribute] = []
        names, gender = _names(elem, attributes)
        if not names:
            self.report.warn("a sanctionEntity has no name")
        births, places = _births(elem, attributes)
        return Entity(
            source="eu_fsf",
            source_id=logical_id,
            schema=self._schema(elem),
            names=names,
            birth_dates=births,
            birth_places=places,
            citizenships=unique(c for c in map(_country, elem.iterfind("citizenship")) if c),
            gender=gender,
            identifiers=_identifiers(elem),
            addresses=_addresses(elem, attributes),
            designations=_designations(elem, eu_ref),
            attributes=unique(_entry_attributes(elem) + attributes),
        )

    def _schema(self, elem: ET.Element) -> Schema:
        """Person / Organization from subjectType's code (or its one-letter classificationCode)."""
        node = elem.find("subjectType")
        code = text_of(node.get("code")) if node is not None else None
        classification = text_of(node.get("classificationCode")) if node is not None else None
        schema = _SCHEMAS.get((code or "").lower()) or _SCHEMAS.get((classification or "").lower())
        if schema is None:
            self.report.warn(f"unknown subjectType {code!r}: read as Organization")
            return Schema.ORGANIZATION
        return schema


def _names(elem: ET.Element, attributes: list[Attribute]) -> tuple[tuple[Name, ...], str | None]:
    """Every nameAlias as a name, the primary first; and the gender the names state."""
    nodes = list(elem.iterfind("nameAlias"))
    primary = _primary_index(nodes)
    ordered = [nodes[primary]] if primary is not None else []
    ordered += [node for index, node in enumerate(nodes) if index != primary]
    names = NameList()
    gender: str | None = None
    for node in ordered:
        value = _whole_name(node)
        remark = find_text(node, "remark")
        weak = text_of(node.get("strong")) == "false" or "low quality" in (remark or "").lower()
        kind = NameKind.PRIMARY if node is ordered[0] and primary is not None else NameKind.ALIAS
        names.add(value, NameKind.WEAK_ALIAS if weak else kind, _parts(node), _lang(node))
        gender = gender or _GENDERS.get((text_of(node.get("gender")) or "").lower())
        attributes.extend(Attribute("title", t) for t in _texts(node, "title"))
        attributes.extend(Attribute("position", t) for t in _texts(node, "function"))
        if remark and value:
            attributes.append(Attribute("name_remark", f"{value}: {remark}"))
    return names.names(), gender


def _primary_index(nodes: list[ET.Element]) -> int | None:
    """The first strong name in the regulation's language, else the first strong name."""
    strong = [i for i, n in enumerate(nodes) if text_of(n.get("strong")) != "false" and _whole_name(n)]
    unmarked = [i for i in strong if not text_of(nodes[i].get("nameLanguage"))]
    candidates = unmarked or strong
    return candidates[0] if candidates else None


def _whole_name(node: ET.Element) -> str | None:
    whole = text_of(node.get("wholeName"))
    if whole:
        return whole
    parts = (text_of(node.get(key)) for key in ("firstName", "middleName", "lastName"))
    return " ".join(p for p in parts if p) or None


def _parts(node: ET.Element) -> NameParts | None:
    given, middle = text_of(node.get("firstName")), text_of(node.get("middleName"))
    family, title = text_of(node.get("lastName")), text_of(node.get("title"))
    if not (given or middle or family):
        return None
    return NameParts(given=given, middle=middle, family=family, title=title)


def _lang(node: ET.Element) -> str | None:
    lang = text_of(node.get("nameLanguage"))
    return lang.lower() if lang else None


def _texts(node: ET.Element, key: str) -> list[str]:
    value = text_of(node.get(key))
    return [value] if value else []


def _births(elem: ET.Element, attributes: list[Attribute]) -> tuple[tuple[BirthDate, ...], tuple[Place, ...]]:
    """Birth dates (exact, partial, circa, year ranges) and places from `birthdate` elements."""
    dates: list[BirthDate] = []
    places: list[Place] = []
    for node in elem.iterfind("birthdate"):
        born = _birth_date(node)
        calendar = text_of(node.get("calendarType"))
        if born and calendar and calendar.upper() != "GREGORIAN":
            # A Hijri (or other) year is no Gregorian date: keep it as the list writes it.
            attributes.append(Attribute("birth_date_other_calendar", f"{born.date.iso} ({calendar})"))
        elif born:
            dates.append(born)
        place = _birth_place(node)
        if place:
            places.append(place)
        attributes.extend(Attribute("birth_date_note", r) for r in _remarks(node))
    return unique(dates), unique(places)


def _birth_date(node: ET.Element) -> BirthDate | None:
    circa = text_of(node.get("circa")) == "true"
    full = parse_partial_date(text_of(node.get("birthdate")))
    if full:
        return BirthDate(full, circa=circa)
    year, month, day = (text_of(node.get(k)) for k in ("year", "monthOfYear", "dayOfMonth"))
    if year:
        partial = parse_partial_date("-".join(_leading(year, month, day)))
        if partial:
            return BirthDate(partial, circa=circa)
    return year_range(node.get("yearRangeFrom"), node.get("yearRangeTo"), circa=circa)


def _leading(year: str, month: str | None, day: str | None) -> list[str]:
    """Year, then month and day while they are given (a day without a month is dropped)."""
    parts = [year]
    if month and month.isdigit() and int(month) > 0:
        parts.append(month)
        if day and day.isdigit() and int(day) > 0:
            parts.append(day)
    return parts


def _birth_place(node: ET.Element) -> Place | None:
    country = _country(node)
    description = _country_description(node)
    parts = [text_of(node.get(k)) for k in ("place", "city", "zipCode", "region")] + [description]
    text = ", ".join(p for p in parts if p)
    return Place(text, country) if text else None


def _identifiers(elem: ET.Element) -> tuple[Identifier, ...]:
    """`identification` documents; a latinNumber that differs from the number is a second identifier."""
    found: list[Identifier] = []
    for node in elem.iterfind("identification"):
        code = text_of(node.get("identificationTypeCode"))
        kind = _ID_KINDS.get((code or "").lower(), IdentifierKind.OTHER)
        label = text_of(node.get("identificationTypeDescription")) or code
        country, note = _country(node), _id_note(node)
        for number in dict.fromkeys(n for n in (node.get("number"), node.get("latinNumber")) if text_of(n)):
            found.append(Identifier(kind, text_of(number) or "", country, label, note))
    return unique(found)


def _id_note(node: ET.Element) -> str | None:
    parts = [f"issued {v}" for v in _texts(node, "issueDate")]
    parts += [f"issued by {v}" for v in _texts(node, "issuedBy")]
    parts += [f"valid from {v}" for v in _texts(node, "validFrom")]
    parts += [f"valid to {v}" for v in _texts(node, "validTo")]
    parts += [text for key, text in _ID_FLAGS.items() if text_of(node.get(key)) == "true"]
    parts += [f"name on document: {v}" for v in _texts(node, "nameOnDocument")]
    parts += [f"region: {v}" for v in _texts(node, "region")]
    parts += _remarks(node)
    return "; ".join(parts) or None


def _addresses(elem: ET.Element, attributes: list[Attribute]) -> tuple[Address, ...]:
    """`address` elements, with their contact details and remarks as attributes."""
    found: list[Address] = []
    for node in elem.iterfind("address"):
        street, city = text_of(node.get("street")), text_of(node.get("city"))
        postal, region = text_of(node.get("zipCode")), text_of(node.get("region"))
        po_box, place = text_of(node.get("poBox")), text_of(node.get("place"))
        box = f"P.O. Box {po_box}" if po_box else None
        parts = (street, box, place, city, postal, region, _country_description(node))
        full = ", ".join(p for p in parts if p) or None
        if full or _country(node):
            found.append(Address(full, street, city, region, postal, _country(node)))
        for contact in node.iterfind("contactInfo"):
            key, value = text_of(contact.get("key")), text_of(contact.get("value"))
            if key and value:
                attributes.append(Attribute(_CONTACT_KEYS.get(key.upper(), key.lower()), value))
        attributes.extend(Attribute("address_note", r) for r in _remarks(node))
        if text_of(node.get("asAtListingTime")) == "true" and full:
            attributes.append(Attribute("address_note", f"{full}: as at listing time"))
    return unique(found)


def _designations(elem: ET.Element, eu_ref: str | None) -> tuple[Designation, ...]:
    """One designation per programme, from the regulations that listed or amended the entry."""
    by_programme: dict[str | None, list[ET.Element]] = {}
    for node in elem.iterfind("regulation"):
        by_programme.setdefault(text_of(node.get("programme")), []).append(node)
    designated = parse_partial_date(text_of(elem.get("designationDate")))
    reason = "\n".join(_remarks(elem)) or None
    if not by_programme:
        listed = designated.iso if designated else None
        return (Designation(AUTHORITY, listed_on=listed, reason=reason, source_id=eu_ref),)
    found = []
    for programme, nodes in by_programme.items():
        basis = "; ".join(dict.fromkeys(t for n in nodes for t in _texts(n, "numberTitle"))) or None
        dates = sorted(d.iso for d in (parse_partial_date(text_of(n.get("publicationDate"))) for n in nodes) if d)
        listed = designated.iso if designated else (dates[0] if dates else None)
        found.append(Designation(AUTHORITY, programme, basis, listed, reason, eu_ref))
    return tuple(found)


def _entry_attributes(elem: ET.Element) -> list[Attribute]:
    """The entry's own references, and the regulations' links and dates."""
    found = [Attribute("eu_reference_number", v) for v in _texts(elem, "euReferenceNumber")]
    found += [Attribute("un_reference_number", v) for v in _texts(elem, "unitedNationId")]
    found += [Attribute("designation_details", v) for v in _texts(elem, "designationDetails")]
    found += [Attribute("designation_date", v) for v in _texts(elem, "designationDate")]
    for node in elem.iterfind("regulation"):
        found += [Attribute("regulation_url", v) for v in [find_text(node, "publicationUrl")] if v]
        found += [Attribute("regulation_entry_into_force", v) for v in _texts(node, "entryIntoForceDate")]
    for node in elem.iterfind("citizenship"):
        found += [Attribute("citizenship_region", v) for v in _texts(node, "region")]
        found += [Attribute("citizenship_note", r) for r in _remarks(node)]
    return found


def _remarks(node: ET.Element) -> list[str]:
    values = (text_of(r.text) for r in node.iterfind("remark"))
    return [v for v in values if v]


def _country(node: ET.Element) -> str | None:
    """ISO code from countryIso2Code, else from countryDescription; "00"/"UNKNOWN" is none."""
    return country_code(text_of(node.get("countryIso2Code"))) or country_code(_country_description(node))


def _country_description(node: ET.Element) -> str | None:
    description = text_of(node.get("countryDescription"))
    return None if description is None or description.upper() == "UNKNOWN" else description
