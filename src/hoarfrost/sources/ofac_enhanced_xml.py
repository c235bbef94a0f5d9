"""Reader: OFAC Enhanced XML (SDN_ENHANCED, CONS_ENHANCED).

The Enhanced XML of OFAC's Sanctions List Service (root `sanctionsData`,
namespace .../api/PublicationPreview/exports/ENHANCED_XML) is denormalised:
each `entity` carries its own names, addresses, features, documents, lists,
programmes and relationships with their labels written out. So entities stream
one by one; only `referenceValues` (read first: country refIds → ISO codes) is
kept.

A name has translations, one per script ("Latin", "Cyrillic", "Arabic",
"Chinese Simplified", ...). Every translation becomes its own `Name` with the
kind of its parent name (primary, a.k.a., weak a.k.a., f.k.a.) and the script
`detect_script` finds in it. The value is OFAC's own `formattedFullName`
("TEHRANI, Sayyed Mohammad Ali") without the bidi marks OFAC wraps around
Arabic; the parts come from `nameParts`.

Source key, per file: `publicationInfo/filters` say which lists were exported.
Filters naming only "SDN List" mean `us_ofac_sdn`; filters without "SDN List"
(CONS_ENHANCED names just "Consolidated List") mean `us_ofac_cons`. When the
filters name both, or nothing (the IRGC export filters by programme and names
every list), the first entity decides: an entity on the SDN List and not on
OFAC's umbrella "Consolidated List" is SDN. Later entities that belong to the
other list are counted in a warning. An export filtered by anything but the
list (a programme, say) is marked `report.partial`: it is never the whole list.

Names, dates, identifier kinds and the feature mapping are shared with the
advanced-format reader, through `ofac_features` and
`ofac_common.OfacFeatureDraft`, so one party reads the same from both formats.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import IO
from xml.etree.ElementTree import Element

from hoarfrost.errors import ListFileError
from hoarfrost.model import BirthDate, Designation, Entity, Identifier, Schema
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile
from hoarfrost.sources.ofac_common import (
    AUTHORITY,
    CONS_KEY,
    CONSOLIDATED_LIST,
    SDN_KEY,
    SDN_LIST,
    OfacFeatureDraft,
    schema_of,
    source_hint,
)
from hoarfrost.sources.ofac_features import (
    Feature,
    alias_kind,
    clean,
    date_text,
    format_name,
    identifier_kind,
    identifier_value,
    make_address,
    period_date,
)
from hoarfrost.sources.xml import find_text, iter_elements
from hoarfrost.values.countries import country_code

_RECORDS = {"publicationInfo", "referenceValues", "entity"}


class OfacEnhancedXmlReader(ListReader):
    format = "ofac_enhanced_xml"
    source = SDN_KEY
    title = "OFAC Enhanced XML (SDN_ENHANCED, CONS_ENHANCED)"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """The `sanctionsData` root in the ENHANCED_XML namespace (the plain XML export is `sdnList`)."""
        return b"<sanctionsData" in head and b"exports/ENHANCED_XML" in head

    def entities(self) -> Iterator[Entity]:
        sources: set[str] = set()
        for file in self.files:
            yield from _FileReader(file, self.report, sources).read(self.open_counted(file))


class _FileReader:
    """One Enhanced XML file: publication info and reference values, then entities one at a time."""

    def __init__(self, file: SourceFile, report: ReadReport, sources: set[str]) -> None:
        self.file = file
        self.report = report
        self.sources = sources  # list keys of the files read before, to warn on a mix
        self.countries: dict[str, tuple[str | None, str]] = {}  # refId -> (ISO code, name)
        self.filter_lists: list[str] = []
        self.source: str | None = None
        self.other_list = 0  # entities that belong to the other list than the file's
        self.count = 0

    def read(self, stream: IO[bytes]) -> Iterator[Entity]:
        root: list[Element] = []
        with stream:
            for elem in iter_elements(stream, self.file.name, _RECORDS, root=root):
                if elem.tag == "entity":
                    self.count += 1
                    yield self._entity(elem)
                elif elem.tag == "referenceValues":
                    self._reference_values(elem)
                else:
                    self._publication(elem)
        if not root or root[0].tag != "sanctionsData":
            found = root[0].tag if root else "none"
            raise ListFileError(self.file.name, f"not OFAC Enhanced XML: the root element is {found}")
        if self.source is None:
            self._set_source(self._source_from_filters() or source_hint(self.file))
        if self.other_list:
            self.report.warn(f"entities on another list than the file's ({self.source})", self.other_list)

    # --- header ------------------------------------------------------------------

    def _publication(self, elem: Element) -> None:
        as_of = find_text(elem, "dataAsOf")
        if as_of:
            self.report.published = as_of.removesuffix("T00:00:00")
        found = elem.iterfind("filters/sanctionsLists/sanctionsList")
        self.filter_lists = [clean(item.text) or "" for item in found]
        filters = elem.find("filters")
        by_other = filters is not None and any(child.tag != "sanctionsLists" for child in filters)
        lists = set(self.filter_lists)
        if by_other or (lists and not lists & {SDN_LIST, CONSOLIDATED_LIST}):
            self.report.partial = True  # e.g. the IRGC export: filtered by programme

    def _reference_values(self, elem: Element) -> None:
        for value in elem.iterfind("referenceValue"):
            ref_id = value.get("refId")
            if ref_id and find_text(value, "type") == "COUNTRY":
                name = find_text(value, "value") or ""
                code = country_code(find_text(value, "isoCode")) or country_code(name)
                self.countries[ref_id] = (code, name)

    def _country(self, elem: Element | None) -> tuple[str | None, str | None]:
        """(ISO code, name) of an element holding a country refId and name."""
        if elem is None:
            return None, None
        name = clean(elem.text)
        found = self.countries.get(elem.get("refId") or "")
        code = found[0] if found else country_code(name)
        return code, name

    # --- source key ------------------------------------------------------------------

    def _source_from_filters(self) -> str | None:
        lists = set(self.filter_lists)
        if not lists:
            return None
        if SDN_LIST not in lists:
            return CONS_KEY
        return SDN_KEY if lists == {SDN_LIST} else None

    def _set_source(self, source: str) -> None:
        self.source = source
        if self.sources and source not in self.sources:
            earlier = ", ".join(sorted(self.sources))
            self.report.warn(f"{self.file.name} is {source} but earlier files were {earlier}")
        self.sources.add(source)
        self.report.source = source

    def _source_for(self, lists: list[str]) -> str:
        """The file's list key, decided on the first entity when the filters leave it open."""
        own = SDN_KEY if SDN_LIST in lists and CONSOLIDATED_LIST not in lists else CONS_KEY
        if self.source is None:
            self._set_source(self._source_from_filters() or own)
        if lists and own != self.source:
            self.other_list += 1
        return self.source or own

    # --- entities --------------------------------------------------------------------

    def _entity(self, elem: Element) -> Entity:
        entity_id = elem.get("id")
        if not entity_id:
            raise ListFileError(self.file.name, "an entity has no id", where=f"entity #{self.count}")
        draft = OfacFeatureDraft()
        general = elem.find("generalInfo")
        schema = self._schema(general)
        if general is not None:
            draft.add_attribute("title", find_text(general, "title"))
            draft.add_attribute("remarks", find_text(general, "remarks"))
        self._names(elem, draft)
        self._addresses(elem, draft)
        for feature in elem.iterfind("features/feature"):
            draft.add_feature(self._feature(feature))
        for document in elem.iterfind("identityDocuments/identityDocument"):
            self._document(document, draft)
        lists = self._listings(elem, draft)
        for relation in elem.iterfind("relationships/relationship"):
            related = relation.find("relatedEntity")
            who = f"{clean(related.text) or ''} ({related.get('entityId')})" if related is not None else ""
            draft.add_attribute("relationship", f"{find_text(relation, 'type')}: {who.strip()}")
        if not draft.names:
            self.report.warn("entity without any name")
        return draft.entity(self._source_for(lists), entity_id, schema)

    def _schema(self, general: Element | None) -> Schema:
        label = find_text(general, "entityType") if general is not None else None
        found = schema_of(label)
        if found is None:
            self.report.warn(f"entity type {label} read as Organization")
        return found or Schema.ORGANIZATION

    def _names(self, elem: Element, draft: OfacFeatureDraft) -> None:
        for name in elem.iterfind("names/name"):
            kind = alias_kind(
                find_text(name, "aliasType"),
                primary=find_text(name, "isPrimary") == "true",
                low_quality=find_text(name, "isLowQuality") == "true",
            )
            translations = name.findall("translations/translation")
            translations.sort(key=lambda t: find_text(t, "isPrimary") != "true")  # Latin primary first
            for translation in translations:
                parts = [
                    (find_text(part, "type") or "", value)
                    for part in translation.iterfind("nameParts/namePart")
                    if (value := clean(part.findtext("value")))
                ]
                formatted, name_parts = format_name(parts)
                value = clean(translation.findtext("formattedFullName")) or formatted
                draft.add_name(value, kind, name_parts)

    def _addresses(self, elem: Element, draft: OfacFeatureDraft) -> None:
        """One Address per translation of an address (Latin, Cyrillic, ...), or the bare country."""
        for address in elem.iterfind("addresses/address"):
            country, name = self._country(address.find("country"))
            translations = address.findall("translations/translation") or [address]
            for translation in translations:
                parts = [
                    (find_text(part, "type") or "", value)
                    for part in translation.iterfind("addressParts/addressPart")
                    if (value := clean(part.findtext("value")))
                ]
                found = make_address(parts, country, name)
                if found is not None:
                    draft.addresses[found] = None

    def _feature(self, elem: Element) -> Feature:
        label = find_text(elem, "type") or "feature"
        text = clean(elem.findtext("value"))
        ref = find_text(elem, "valueRefId")
        country = self.countries[ref][0] if ref in self.countries else None
        period = elem.find("valueDate")
        return Feature(label, text, _date(period) if period is not None else None, country,
                       comment=find_text(elem, "comments"))

    def _document(self, elem: Element, draft: OfacFeatureDraft) -> None:
        number = find_text(elem, "documentNumber")
        if not number:
            return
        label = find_text(elem, "type") or "document"
        country, _ = self._country(elem.find("issuingCountry"))
        notes = [find_text(elem, "issuingAuthority"), find_text(elem, "issuingLocation")]
        for tag, caption in (("issueDate", "Issue Date"), ("expirationDate", "Expiration Date")):
            period = elem.find(tag)
            found = _date(period) if period is not None else None
            if found:
                notes.append(f"{caption} {date_text(found)}")
        if find_text(elem, "isValid") == "false":
            notes.append("not valid")
        kind = identifier_kind(label)
        note = "; ".join(n for n in notes if n) or None
        draft.identifiers[Identifier(kind, identifier_value(kind, number), country, label, note)] = None

    def _listings(self, elem: Element, draft: OfacFeatureDraft) -> list[str]:
        """Designations per programme, dated by the entity's earliest list entry; lists as attributes."""
        listings = sorted(
            (item.get("datePublished") or "9999", item.get("id"), clean(item.text) or "")
            for item in elem.iterfind("sanctionsLists/sanctionsList")
        )
        for _, _, name in listings:
            draft.add_attribute("list", name)
        for measure in elem.iterfind("sanctionsTypes/sanctionsType"):
            draft.add_attribute("sanctions_type", clean(measure.text))
        authorities = [clean(a.text) for a in elem.iterfind("legalAuthorities/legalAuthority")]
        legal_basis = "; ".join(dict.fromkeys(a for a in authorities if a)) or None
        first_date, first_id = (listings[0][0], listings[0][1]) if listings else (None, None)
        programmes = [clean(p.text) for p in elem.iterfind("sanctionsPrograms/sanctionsProgram")]
        for programme in dict.fromkeys(p for p in programmes if p) or [None]:
            listed = Designation(
                authority=AUTHORITY,
                regime=programme,
                legal_basis=legal_basis,
                listed_on=first_date if first_date != "9999" else None,
                source_id=first_id,
            )
            draft.designations[listed] = None
        return [name for _, _, name in listings]


_DATE_TAGS = ("fromDateBegin", "fromDateEnd", "toDateBegin", "toDateEnd")


def _date(elem: Element) -> BirthDate | None:
    """A `valueDate` / `issueDate`: fromDateBegin..fromDateEnd starts it, toDateBegin..toDateEnd ends it."""
    from_begin, from_end, to_begin, to_end = (_day(elem.findtext(tag)) for tag in _DATE_TAGS)
    from_begin, from_end = from_begin or from_end, from_end or from_begin
    to_begin, to_end = to_begin or to_end, to_end or to_begin
    if not (from_begin and from_end):
        from_begin, from_end = to_begin, to_end
    if not (to_begin and to_end):
        to_begin, to_end = from_begin, from_end
    if not (from_begin and from_end and to_begin and to_end):
        return None
    return period_date(
        (from_begin, from_end),
        (to_begin, to_end),
        is_range=elem.findtext("isDateRange") == "true",
        circa=elem.findtext("isApproximate") == "true",
    )


def _day(text: str | None) -> date | None:
    """A `date` from an ISO date or date-time text, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
