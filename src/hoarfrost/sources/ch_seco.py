"""Reader: Switzerland SECO sanctions list XML (`swiss-sanctions-list`).

SECO's file is normalised: `sanctions-program` elements name the programmes
and their `sanctions-set`s (annexes), each `target` refers to sets by
`sanctions-set-id`, and birth places and addresses refer by `place-id` to
`place` elements that the schema puts after the targets. So the file is read
twice: a first pass collects programmes and places (targets are parsed and
dropped at once), the second streams the targets out as entities. Only the
second pass counts towards progress.

A target holds one `individual`, `entity` or `object` (vessel, aircraft) with
one or more `identity`; the `main="true"` one carries the primary name, and
primary names of the other identities are aliases. Names come in ordered
`name-part`s, each possibly with `spelling-variant`s in other scripts or
transliterations. `modification`s record listing history; a target whose
latest modification is `de-listed` is no longer sanctioned and is skipped.
`list-type="amendment"` files are deltas, reported as partial.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

import defusedxml.ElementTree as DET

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
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ListReader, SourceFile, text_of
from hoarfrost.sources.common import NameList, gender_of, unique
from hoarfrost.sources.xml import find_text, iter_elements, iter_records, local_name, published_from_root, root_tag
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_partial_date

AUTHORITY = "SECO"

# Blocks the first pass picks out of the raw bytes ("<place " but not "<place-of-birth").
_BLOCKS = re.compile(
    rb"<place(?=[\s/>])[^>]*?(?:/>|>.*?</place>)|<sanctions-program(?=[\s/>]).*?</sanctions-program>", re.S
)
_DECLARATION = re.compile(rb"^[\xef\xbb\xbf\s]*<\?xml[^>]*\?>")

_OBJECT_SCHEMAS = {"vessel": Schema.VESSEL, "aircraft": Schema.AIRCRAFT}
_NAME_KINDS = {
    "primary-name": NameKind.PRIMARY,
    "alias": NameKind.ALIAS,
    "formerly-known-as": NameKind.FORMER,
}
_GIVEN, _MIDDLE, _FAMILY, _FATHER = "given-name", "further-given-name", "family-name", "father-name"
_PATRONYMIC = (_FATHER, "grand-father-name")
_LATIN = ("Latn", "Zyyy")

# Identifiers and contact details SECO writes into free-text `other-information`.
_IMO = re.compile(r"\bIMO\b[^0-9]{0,20}(\d{7})\b", re.I)
_SWIFT = re.compile(r"\bSWIFT\b[^:]*:\s*(.+)", re.I)
_BIC = re.compile(r"\b[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEBSITE = re.compile(r"(?:https?://|www\.)[^\s,;]+", re.I)
_PHONE = re.compile(r"\b(?:Tel\.?|Telephone|Phone)(?: number)?\s*:\s*(\+?[\d()][\d\s()\-]{5,}\d)", re.I)
_TAX = re.compile(
    r"\b(?:Taxpayer Identification Number|INN|Tax (?:ID|Identification|Registration) (?:No\.?|Number))"
    r"\s*:?\s*(\d{6,})",
    re.I,
)
_REGISTRATION = re.compile(r"\b(?:registration (?:number|no\.?)|OGRN|ОГРН)\s*:?\s*(\d{5,})", re.I)


@dataclass(frozen=True)
class _Programme:
    """What a `sanctions-set` ssid stands for: its programme and annex."""

    key: str | None
    name: str | None
    annex: str | None
    origin: str | None


@dataclass(frozen=True)
class _Place:
    location: str | None
    area: str | None
    country: str | None  # the country as written
    code: str | None


@dataclass
class _Index:
    programmes: dict[str, _Programme]
    places: dict[str, _Place]


@dataclass
class _Collected:
    """What the identities and the party element of one target add up to."""

    names: NameList
    births: list[BirthDate]
    places: list[Place]
    nationalities: list[str]
    identifiers: list[Identifier]
    addresses: list[Address]
    attributes: list[Attribute]


class ChSecoXmlReader(ListReader):
    format = "ch_seco_xml"
    source = "ch_seco"
    title = "Switzerland SECO sanctions list XML"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """The `swiss-sanctions-list` root element."""
        return root_tag(head) == b"swiss-sanctions-list"

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            index = self._index(file)
            yield from self._read_file(file, index)

    def _index(self, file: SourceFile) -> _Index:
        """First pass: programmes by sanctions-set ssid, places by ssid.

        The blocks are found by a byte scan and only they are parsed, which
        costs a tenth of a full parse. A file the scan cannot serve (UTF-16, a
        DTD) gets a full streaming pass instead, where xml.py refuses the DTD.
        """
        with file.open() as stream:
            data = stream.read()
        if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            return self._index_by_parsing(file)
        declaration = _DECLARATION.match(data)
        prefix = declaration.group(0).lstrip(b"\xef\xbb\xbf \t\r\n") if declaration else b""
        index = _Index({}, {})
        for match in _BLOCKS.finditer(data):
            _index_element(index, _parse_block(prefix + match.group(0), file.name))
        return index

    def _index_by_parsing(self, file: SourceFile) -> _Index:
        index = _Index({}, {})
        with file.open() as stream:
            for elem in iter_elements(stream, file.name, {"sanctions-program", "place", "target"}):
                _index_element(index, elem)
        return index

    def _read_file(self, file: SourceFile, index: _Index) -> Iterator[Entity]:
        with self.open_counted(file) as stream:
            targets = iter_records(
                stream, file.name, {"target"},
                root_tag="swiss-sanctions-list", what="a SECO list", on_root=self._take_date,
            )
            for number, elem in enumerate(targets, 1):
                entity = self._entity(elem, index, file.name, number)
                if entity is not None:
                    yield entity

    def _take_date(self, root: ET.Element) -> None:
        """The list's date from its root, and whether it is a delta (an amendment), until a date is known."""
        if self.report.published is None:
            if text_of(root.get("list-type")) == "amendment":
                self.report.partial = True
            published_from_root(self.report, "date", root)

    def _entity(self, target: ET.Element, index: _Index, file_name: str, number: int) -> Entity | None:
        ssid = text_of(target.get("ssid"))
        if not ssid:
            raise ListFileError(file_name, "a target has no ssid", where=f"element target #{number}")
        party, schema = self._party(target, ssid)
        if party is None or schema is None:
            return None
        history = _modifications(target)
        if history and history[-1][1] == "de-listed":
            self.report.warn("de-listed targets skipped")
            return None
        found = _Collected(NameList(), [], [], [], [], [], [])
        for identity in sorted(party.iterfind("identity"), key=lambda i: i.get("main") != "true"):
            self._identity(identity, schema, index, found, ssid)
        _other_information(party, found)
        if not found.names.names():
            self.report.warn("a target has no name")
        return Entity(
            source="ch_seco",
            source_id=ssid,
            schema=schema,
            names=found.names.names(),
            birth_dates=unique(found.births),
            birth_places=unique(found.places),
            nationalities=unique(found.nationalities),
            gender=gender_of(party.get("sex")),
            identifiers=unique(found.identifiers),
            addresses=unique(found.addresses),
            designations=self._designations(target, party, index, ssid, _listed_on(history)),
            attributes=unique(_target_attributes(target, party, index, history) + found.attributes),
        )

    def _party(self, target: ET.Element, ssid: str) -> tuple[ET.Element | None, Schema | None]:
        """The individual, entity or object element of a target, and its schema."""
        for tag, schema in (("individual", Schema.PERSON), ("entity", Schema.ORGANIZATION)):
            node = target.find(tag)
            if node is not None:
                return node, schema
        node = target.find("object")
        if node is None:
            self.report.warn("a target has no individual, entity or object: skipped")
            return None, None
        kind = (text_of(node.get("object-type")) or "").lower()
        if kind not in _OBJECT_SCHEMAS:
            self.report.warn(f"unknown object-type {kind!r}: read as Organization")
        return node, _OBJECT_SCHEMAS.get(kind, Schema.ORGANIZATION)

    def _identity(
        self, identity: ET.Element, schema: Schema, index: _Index, found: _Collected, ssid: str
    ) -> None:
        """Names, dates, nationalities, places, documents and addresses of one identity."""
        main = identity.get("main") == "true"
        for node in identity:
            tag = node.tag
            if tag == "name":
                _add_name(node, main, found.names)
            elif tag == "day-month-year":
                _add_date(node, schema, found)
            elif tag == "nationality":
                code = _country(node.find("country"))
                if code:
                    found.nationalities.append(code)
            elif tag == "place-of-birth":
                place = self._resolve(node, index, ssid)
                text = _joined(*_address_lines(node), place.location, place.area, place.country)
                if text:
                    found.places.append(Place(text, place.code))
            elif tag == "identification-document":
                _add_document(node, found)
            elif tag == "address":
                _add_address(node, self._resolve(node, index, ssid), found)

    def _resolve(self, node: ET.Element, index: _Index, ssid: str) -> _Place:
        """The place a `place-id` refers to, merged with what the element itself says."""
        own = _place(node)
        place_id = text_of(node.get("place-id"))
        if not place_id:
            return own
        place = index.places.get(place_id)
        if place is None:
            self.report.warn(f"target {ssid} refers to place {place_id}, which the file does not hold")
            return own
        return _Place(
            own.location or place.location,
            own.area or place.area,
            own.country or place.country,
            own.code or place.code,
        )

    def _designations(
        self, target: ET.Element, party: ET.Element, index: _Index, ssid: str, listed: str | None
    ) -> tuple[Designation, ...]:
        """One designation per sanctions set the target is listed under."""
        reasons = [text_of(n.text) for n in party.iterfind("justification")]
        reason = "\n".join(r for r in reasons if r) or None
        found = []
        for set_id in _set_ids(target):
            programme = index.programmes.get(set_id)
            if programme is None:
                self.report.warn(f"target {ssid} refers to sanctions set {set_id}, not in the file")
                found.append(Designation(AUTHORITY, listed_on=listed, reason=reason, source_id=ssid))
                continue
            basis = ", ".join(p for p in (programme.name, programme.annex) if p) or None
            found.append(Designation(AUTHORITY, programme.key, basis, listed, reason, ssid))
        if not found:
            found.append(Designation(AUTHORITY, listed_on=listed, reason=reason, source_id=ssid))
        return tuple(found)


def _parse_block(block: bytes, file_name: str) -> ET.Element:
    """One `place` or `sanctions-program` block found by the byte scan, parsed safely."""
    try:
        elem: ET.Element = DET.fromstring(block, forbid_dtd=True)
    except ET.ParseError as exc:
        problem = str(exc).split(":")[0]
        raise ListFileError(file_name, f"malformed XML: {problem}", where=f"in {block[:60]!r}") from None
    return elem


def _index_element(index: _Index, elem: ET.Element) -> None:
    """Record a programme's sets or a place (a target met in the slow pass is ignored)."""
    if elem.tag == "target":
        return
    for node in elem.iter():
        node.tag = local_name(node.tag)
    if elem.tag == "sanctions-program":
        index.programmes.update(_programme(elem))
    elif elem.tag == "place" and elem.get("ssid"):
        index.places[elem.get("ssid") or ""] = _place(elem)


def _programme(elem: ET.Element) -> dict[str, _Programme]:
    """The sets of one sanctions-program, by set ssid, with English texts where given."""
    key, name = _english(elem, "program-key"), _english(elem, "program-name")
    origin = find_text(elem, "origin")
    annexes: dict[str, str | None] = {}
    for node in elem.iterfind("sanctions-set"):
        set_id = text_of(node.get("ssid"))
        if set_id and (set_id not in annexes or node.get("lang") == "eng"):
            annexes[set_id] = text_of(node.text)
    return {set_id: _Programme(key, name, annex, origin) for set_id, annex in annexes.items()}


def _english(elem: ET.Element, tag: str) -> str | None:
    """The English text of a multilingual child, else the first one."""
    nodes = list(elem.iterfind(tag))
    for node in sorted(nodes, key=lambda n: n.get("lang") != "eng"):
        value = text_of(node.text)
        if value:
            return value
    return None


def _place(elem: ET.Element) -> _Place:
    country = elem.find("country")
    written = text_of(country.text) if country is not None else None
    return _Place(find_text(elem, "location"), find_text(elem, "area"), written, _country(country))


def _country(node: ET.Element | None) -> str | None:
    if node is None:
        return None
    return country_code(text_of(node.get("iso-code"))) or country_code(text_of(node.text))


def _add_name(node: ET.Element, main: bool, names: NameList) -> None:
    """A name from its ordered parts, and one more name per set of spelling variants."""
    kind = _NAME_KINDS.get(text_of(node.get("name-type")) or "", NameKind.ALIAS)
    if kind is NameKind.PRIMARY and not main:
        kind = NameKind.ALIAS
    if text_of(node.get("quality")) == "low" and kind is not NameKind.PRIMARY:
        kind = NameKind.WEAK_ALIAS
    lang = _lang(node.get("lang"))
    parts = sorted(node.iterfind("name-part"), key=_order)
    values = {id(p): find_text(p, "value") for p in parts}
    base = _compose(parts, values)
    names.add(base, kind, _name_parts(parts, values), lang)
    base_latin = detect_script(base or "") in _LATIN
    for variant_lang, variant_values in _variants(parts):
        value = _compose(parts, {**values, **variant_values})
        if value == base:
            continue
        same_script = (detect_script(value or "") in _LATIN) == base_latin
        variant_kind = NameKind.ALIAS if kind is NameKind.PRIMARY and same_script else kind
        names.add(value, variant_kind, None, _lang(variant_lang) or lang)


def _order(part: ET.Element) -> int:
    order = part.get("order") or ""
    return int(order) if order.isdigit() else 1_000


def _compose(parts: list[ET.Element], values: dict[int, str | None]) -> str | None:
    """The whole name: the parts' values in order, titles left out."""
    words = [values.get(id(p)) for p in parts if p.get("name-part-type") != "title"]
    return " ".join(w for w in words if w) or None


def _variants(parts: list[ET.Element]) -> list[tuple[str | None, dict[int, str | None]]]:
    """Spelling variants grouped by (lang, script): the lang, and part -> variant value."""
    grouped: dict[tuple[str | None, str | None], dict[int, str | None]] = {}
    for part in parts:
        for variant in part.iterfind("spelling-variant"):
            value = text_of(variant.text)
            if value:
                key = (text_of(variant.get("lang")), text_of(variant.get("script")))
                grouped.setdefault(key, {})[id(part)] = value
    return [(lang, values) for (lang, _), values in grouped.items()]


def _name_parts(parts: list[ET.Element], values: dict[int, str | None]) -> NameParts | None:
    by_type: dict[str, list[str]] = {}
    for part in parts:
        value = values.get(id(part))
        if value:
            by_type.setdefault(part.get("name-part-type") or "", []).append(value)
    if set(by_type) <= {"whole-name", "other"}:
        return None

    def joined(*types: str) -> str | None:
        return " ".join(v for t in types for v in by_type.get(t, [])) or None

    family = joined(_FAMILY, "maiden-name")
    return NameParts(joined(_GIVEN), joined(_MIDDLE), family, joined(*_PATRONYMIC), joined("title"))


def _lang(value: str | None) -> str | None:
    value = text_of(value)
    return value.lower() if value else None


def _add_date(node: ET.Element, schema: Schema, found: _Collected) -> None:
    """A day-month-year: a birth date for people, a registration or build date otherwise."""
    year, month, day = (text_of(node.get(k)) for k in ("year", "month", "day"))
    if not year:
        if month or day:
            found.attributes.append(Attribute("date_without_year", f"{day or '?'}.{month or '?'}."))
        return
    parts = [year] + ([month] if month else []) + ([day] if month and day else [])
    date = parse_partial_date("-".join(parts))
    if date is None:
        return
    quality = (text_of(node.get("quality")) or "").lower()
    calendar = text_of(node.get("calendar"))
    if calendar and calendar.lower() != "gregorian":
        found.attributes.append(Attribute("date_calendar", calendar))
    if schema is Schema.PERSON:
        found.births.append(BirthDate(date, circa="approx" in quality or "circa" in quality))
    else:
        key = "registration_date" if schema is Schema.ORGANIZATION else "date"
        found.attributes.append(Attribute(key, date.iso))


def _add_document(node: ET.Element, found: _Collected) -> None:
    number = find_text(node, "number")
    doc_type = text_of(node.get("document-type"))
    issuer = node.find("issuer")
    issuer_text = text_of(issuer.text) if issuer is not None else None
    country = None
    if issuer is not None:
        code = text_of(issuer.get("code") or issuer.get("iso-code"))
        country = country_code(code) or country_code(issuer_text)
    note_parts = [
        f"issued by {issuer_text}" if issuer_text else None,
        *(f"issued {v}" for v in [find_text(node, "date-of-issue")] if v),
        *(f"expires {v}" for v in [find_text(node, "expiry-date")] if v),
        find_text(node, "remark"),
    ]
    note = "; ".join(p for p in note_parts if p) or None
    if not number:
        if note or doc_type:
            found.attributes.append(Attribute("document", ": ".join(p for p in (doc_type, note) if p)))
        return
    found.identifiers.append(Identifier(_document_kind(doc_type), number, country, doc_type, note))


def _document_kind(doc_type: str | None) -> IdentifierKind:
    lowered = (doc_type or "").lower()
    if "passport" in lowered:
        return IdentifierKind.PASSPORT
    if "tax" in lowered:
        return IdentifierKind.TAX_ID
    if "registration" in lowered:
        return IdentifierKind.REGISTRATION
    if "id" in lowered.replace("-", " ").split() or "identity" in lowered or "id-card" in lowered:
        return IdentifierKind.NATIONAL_ID
    return IdentifierKind.OTHER


def _address_lines(node: ET.Element) -> list[str | None]:
    """The element's own lines, before the place: c/o, street details, P.O. box, zip code."""
    po_box = find_text(node, "p-o-box")
    return [
        find_text(node, "c-o"),
        find_text(node, "address-details"),
        f"P.O. Box {po_box}" if po_box else None,
        find_text(node, "zip-code"),
    ]


def _add_address(node: ET.Element, place: _Place, found: _Collected) -> None:
    lines = _address_lines(node)
    full = _joined(*lines, place.location, place.area, place.country)
    if full:
        street = find_text(node, "address-details")
        zip_code = find_text(node, "zip-code")
        found.addresses.append(Address(full, street, place.location, place.area, zip_code, place.code))
    remarks = find_text(node, "remarks") or find_text(node, "remark")
    if remarks:
        found.attributes.append(Attribute("address_note", f"{full}: {remarks}" if full else remarks))


def _other_information(party: ET.Element, found: _Collected) -> None:
    """Free-text facts, kept whole, with the identifiers and contacts inside them picked out."""
    for node in party.iterfind("other-information"):
        text = text_of(node.text)
        if not text:
            continue
        found.attributes.append(Attribute("other_information", text))
        found.identifiers.extend(_identifiers_in(text))
        found.attributes.extend(Attribute("email", v) for v in _EMAIL.findall(text))
        found.attributes.extend(Attribute("website", v.rstrip(".")) for v in _WEBSITE.findall(text))
        found.attributes.extend(Attribute("phone", v.strip()) for v in _PHONE.findall(text))


def _identifiers_in(text: str) -> list[Identifier]:
    found = [Identifier(IdentifierKind.IMO, v, label="IMO number") for v in _IMO.findall(text)]
    found += [Identifier(IdentifierKind.TAX_ID, v, label="tax number") for v in _TAX.findall(text)]
    registrations = _REGISTRATION.findall(text)
    found += [Identifier(IdentifierKind.REGISTRATION, v, label="registration number") for v in registrations]
    swift = _SWIFT.search(text)
    bics = _BIC.findall(swift.group(1)) if swift else []
    found += [Identifier(IdentifierKind.SWIFT_BIC, v, label="SWIFT/BIC") for v in bics]
    return found


def _modifications(target: ET.Element) -> list[tuple[str, str]]:
    """(date, type) of each modification, oldest first; undated ones keep their place at the start."""
    found = []
    for node in target.iterfind("modification"):
        raw = node.get("effective-date") or node.get("publication-date") or node.get("enactment-date")
        date = parse_partial_date(text_of(raw))
        found.append((date.iso if date else "", (text_of(node.get("modification-type")) or "").lower()))
    return sorted(found, key=lambda item: item[0])


def _listed_on(history: list[tuple[str, str]]) -> str | None:
    dates = [date for date, kind in history if kind == "listed" and date]
    return dates[0] if dates else None


def _target_attributes(
    target: ET.Element, party: ET.Element, index: _Index, history: list[tuple[str, str]]
) -> list[Attribute]:
    """Foreign ids, programme origins, listing history, relations and the object type."""
    foreign = (text_of(n.text) for n in target.iterfind("foreign-identifier"))
    found = [Attribute("foreign_identifier", v) for v in foreign if v]
    programmes = [index.programmes.get(set_id) for set_id in _set_ids(target)]
    found += [Attribute("programme_origin", p.origin) for p in programmes if p and p.origin]
    found += [Attribute("modification", f"{kind} {date}".strip()) for date, kind in history]
    dates = [date for date, _ in history if date]
    if dates:
        found.append(Attribute("last_modified", dates[-1]))
    for relation in party.iterfind("relation"):
        other, kind = text_of(relation.get("target-id")), text_of(relation.get("relation-type"))
        if other:
            remark = find_text(relation, "remark")
            value = f"{kind or 'related'}: {other}" + (f" ({remark})" if remark else "")
            found.append(Attribute("relation", value))
    object_type = text_of(party.get("object-type"))
    if object_type:
        found.append(Attribute("object_type", object_type))
    return found


def _set_ids(target: ET.Element) -> list[str]:
    """The sanctions sets a target is listed under (child elements, or an attribute in old files)."""
    ids = [text_of(n.text) for n in target.iterfind("sanctions-set-id")]
    ids.append(text_of(target.get("sanctions-set-id")))
    return list(dict.fromkeys(i for i in ids if i))


def _joined(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None
