"""Reader: OFAC's sdnList XML (sdn.xml for the SDN list, consolidated.xml for the non-SDN lists).

The root `sdnList` lives in `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`
(current) or `http://tempuri.org/sdnList.xsd` (before 2023); `xml.iter_elements` strips either.
`publshInformation` (sic) gives `Publish_Date` (MM/DD/YYYY) and `Record_Count`; each `sdnEntry` gives
uid, firstName/lastName, title, sdnType (Individual / Entity / Vessel / Aircraft), remarks, programList,
idList (idType, idNumber, idCountry, issueDate, expirationDate), akaList (type a.k.a. / f.k.a. / n.k.a.,
category strong / weak), addressList, nationalityList, citizenshipList, dateOfBirthList,
placeOfBirthList and vesselInfo.

`idList` is OFAC's catch-all: besides passports and registration numbers it carries gender, websites,
e-mail addresses, IMO/MMSI numbers, aircraft serials, directive dates and sanctions notes. Its labels
are the ones the legacy CSV writes into its remarks, so both readers share `ofac_common.OfacLegacyDraft`.
Names are written "LAST, First" as in the CSV, so the same entry reads the same from either format.
Weak a.k.a.s become `weak_alias` (as the CSV's quoted remark aliases), strong f.k.a.s `former`.

Which list a file holds: the file name is the first hint ("cons" -> us_ofac_cons, "sdn" ->
us_ofac_sdn). When the name says neither (us_govt_sanctions_list.xml), the content decides: the file
is the Consolidated list when at least one entry carries only non-SDN programme tags ("NS-" tags such
as NS-PLC, NS-ISA, NS-MBS; "FSE-" tags; CAPTA / 561-Related; CMIC-EO13959). SDN entries may carry one
of these tags too (two SDGT entries are also NS-PLC), but always beside an SDN programme. Sectoral
(SSI) entries carry UKRAINE-EO13662, which SDN entries carry as well, so they prove nothing. The scan
reads only the programme lists with a byte pattern, before the first entity is built.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from datetime import datetime

from hoarfrost.errors import ListFileError
from hoarfrost.model import Address, Entity, IdentifierKind, NameKind, NameParts, Schema
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile
from hoarfrost.sources.ofac_common import CONS_KEY, SCHEMAS, SDN_KEY, OfacLegacyDraft
from hoarfrost.sources.ofac_labels import id_note, ofac_country, plain_number
from hoarfrost.sources.xml import find_text, find_texts, iter_elements

NAMESPACES = (
    b"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    b"http://tempuri.org/sdnList.xsd",
)
# The XML declaration, comments and a DOCTYPE (claimed here so that iter_elements refuses it as hostile).
_PROLOG = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.S)
_ROOT = re.compile(rb"<(?:[\w.-]+:)?sdnList\b([^>]*)>")
_XMLNS = re.compile(rb"""\bxmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']""")
_PROGRAM_LIST = re.compile(rb"<(?:[\w.-]+:)?programList\s*>(.*?)</(?:[\w.-]+:)?programList\s*>", re.S)
_PROGRAM = re.compile(rb"<(?:[\w.-]+:)?program\s*>\s*([^<]*?)\s*</")
_NON_SDN_TAGS = {"CAPTA", "561-RELATED", "CMIC-EO13959"}
_AKA_KINDS = {"a.k.a.": NameKind.ALIAS, "n.k.a.": NameKind.ALIAS, "f.k.a.": NameKind.FORMER}


def is_non_sdn_tag(tag: str) -> bool:
    """A programme tag only OFAC's non-SDN lists use."""
    tag = tag.strip().upper()
    return tag.startswith(("NS-", "FSE-")) or tag in _NON_SDN_TAGS


class OfacSdnListXmlReader(ListReader):
    format = "ofac_sdnlist_xml"
    source = SDN_KEY
    title = "OFAC sdnList XML (sdn.xml, consolidated.xml)"

    def __init__(self, files: Sequence[SourceFile], report: ReadReport) -> None:
        self._preset_source = report.source
        super().__init__(files, report)

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """The root element is sdnList, in one of OFAC's two namespaces (or none, as in hand-made copies)."""
        head = head.removeprefix(b"\xef\xbb\xbf")
        prolog = _PROLOG.match(head)
        root = _ROOT.match(head, prolog.end() if prolog else 0)
        if root is None:
            return False
        namespaces = _XMLNS.findall(root.group(1))
        if namespaces:
            return any(ns in NAMESPACES for ns in namespaces)
        return b"publshInformation" in head or b"sdnEntry" in head

    def entities(self) -> Iterator[Entity]:
        if len(self.files) != 1:
            names = ", ".join(file.name for file in self.files)
            raise ListFileError(names, "an sdnList XML is one file; load each list separately")
        file = self.files[0]
        source = self._preset_source or _list_key(file)
        self.report.source = source
        declared: int | None = None
        count = 0
        with self.open_counted(file) as stream:
            for elem in iter_elements(stream, file.name, {"publshInformation", "sdnEntry"}):
                if elem.tag == "publshInformation":
                    declared = self._publication(elem, file)
                    continue
                count += 1
                yield self._entity(elem, file, source, count)
        if count == 0:
            raise ListFileError(file.name, "the sdnList holds no sdnEntry")
        if declared is not None and declared != count:
            self.report.warn(
                f"{file.basename}: Record_Count says {declared:,} entries but the file holds {count:,}"
            )

    def _publication(self, elem: ET.Element, file: SourceFile) -> int | None:
        """Publish_Date (MM/DD/YYYY) into the report; the declared Record_Count, to check at the end."""
        published = find_text(elem, "Publish_Date")
        if published:
            try:
                self.report.published = datetime.strptime(published, "%m/%d/%Y").date().isoformat()
            except ValueError:
                self.report.warn(f"{file.basename}: Publish_Date {published!r} is not MM/DD/YYYY")
        declared = find_text(elem, "Record_Count")
        return int(declared) if declared and declared.isdigit() else None

    def _entity(self, elem: ET.Element, file: SourceFile, source: str, number: int) -> Entity:
        uid = find_text(elem, "uid")
        if not uid:
            raise ListFileError(file.name, "an sdnEntry without its uid", where=f"sdnEntry #{number}")
        sdn_type = (find_text(elem, "sdnType") or "").lower()
        schema = SCHEMAS.get(sdn_type)
        if schema is None:
            self.report.warn(f"{file.basename}: unknown sdnType {sdn_type!r} read as an organization")
            schema = Schema.ORGANIZATION
        draft = OfacLegacyDraft(schema)
        _add_name(draft, find_text(elem, "lastName"), find_text(elem, "firstName"), NameKind.PRIMARY)
        if not draft.names:
            raise ListFileError(file.name, f"sdnEntry {uid} has no name", where=f"sdnEntry #{number}")
        for aka in elem.iterfind("akaList/aka"):
            _add_aka(draft, aka)
        for program in find_texts(elem, "programList/program"):
            draft.add_program(program, uid)
        draft.add_attribute("position", find_text(elem, "title"))
        _add_person_fields(draft, elem)
        for item in elem.iterfind("idList/id"):
            _add_id(draft, item)
        for address in elem.iterfind("addressList/address"):
            _add_address(draft, address)
        _add_vessel(draft, elem.find("vesselInfo"))
        remarks = find_text(elem, "remarks")
        draft.add_linked_to(remarks)
        draft.add_attribute("remarks", remarks)
        return draft.build(source, uid)


def _list_key(file: SourceFile) -> str:
    name = file.basename
    if "cons" in name:
        return CONS_KEY
    if "sdn" in name:
        return SDN_KEY
    return CONS_KEY if _has_non_sdn_entry(file) else SDN_KEY


def _has_non_sdn_entry(file: SourceFile) -> bool:
    """Whether any entry's programmes are all non-SDN tags (see the module docstring)."""
    with file.open() as stream:
        buffer = b""
        while block := stream.read(1 << 20):
            buffer += block
            end = 0
            for match in _PROGRAM_LIST.finditer(buffer):
                tags = [tag.decode("utf-8", "replace") for tag in _PROGRAM.findall(match.group(1))]
                if tags and all(is_non_sdn_tag(tag) for tag in tags):
                    return True
                end = match.end()
            buffer = buffer[end:] if end else buffer[-65536:]
    return False


def _add_name(draft: OfacLegacyDraft, last: str | None, first: str | None, kind: NameKind) -> None:
    """A name as OFAC writes it in the CSV: "LAST, First" for people, the lastName alone otherwise."""
    if last and first:
        draft.add_name(f"{last}, {first}", kind, NameParts(given=first, family=last))
    elif last or first:
        parts = NameParts(family=last, given=first) if draft.schema is Schema.PERSON else None
        draft.add_name(last or first, kind, parts)


def _add_aka(draft: OfacLegacyDraft, aka: ET.Element) -> None:
    weak = (find_text(aka, "category") or "").lower() == "weak"
    kind = (
        NameKind.WEAK_ALIAS
        if weak
        else _AKA_KINDS.get((find_text(aka, "type") or "").lower(), NameKind.ALIAS)
    )
    _add_name(draft, find_text(aka, "lastName"), find_text(aka, "firstName"), kind)


def _add_person_fields(draft: OfacLegacyDraft, elem: ET.Element) -> None:
    for text in find_texts(elem, "dateOfBirthList/dateOfBirthItem/dateOfBirth"):
        draft.add_birth_date(text)
    for text in find_texts(elem, "placeOfBirthList/placeOfBirthItem/placeOfBirth"):
        draft.add_birth_place(text)
    for text in find_texts(elem, "nationalityList/nationality/country"):
        draft.add_country(draft.nationalities, text, "nationality")
    for text in find_texts(elem, "citizenshipList/citizenship/country"):
        draft.add_country(draft.citizenships, text, "citizenship")


def _add_id(draft: OfacLegacyDraft, item: ET.Element) -> None:
    """One idList/id: a known label maps through the shared vocabulary; an unknown one is kept as it reads."""
    label, value = find_text(item, "idType"), find_text(item, "idNumber")
    if not value:
        return
    country, issued, expires = (find_text(item, tag) for tag in ("idCountry", "issueDate", "expirationDate"))
    if not label:
        draft.add_identifier(IdentifierKind.OTHER, None, value, country, None)
    elif not draft.add_feature(label, value, country, issued, expires):
        _add_unknown_id(draft, label, value, country, issued, expires)


_PROSE_LABEL = re.compile(r"(?:[:\-]\s*$|information|determination|date|risk|sanction|type)", re.I)


def _add_unknown_id(
    draft: OfacLegacyDraft, label: str, value: str, country: str | None, issued: str | None, expires: str | None
) -> None:
    """An idType this reader does not know: prose-like ones ("X Information:") are attributes, others IDs."""
    if _PROSE_LABEL.search(label) and " " in value:
        key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
        draft.add_attribute(key, value if not country else f"{value} ({country})")
        return
    draft.add_identifier(IdentifierKind.OTHER, label, value, country, id_note(issued, expires, None))


def _add_address(draft: OfacLegacyDraft, elem: ET.Element) -> None:
    lines = [find_text(elem, tag) for tag in ("address1", "address2", "address3")]
    street = ", ".join(line for line in lines if line) or None
    city, region, postal = (
        find_text(elem, "city"),
        find_text(elem, "stateOrProvince"),
        find_text(elem, "postalCode"),
    )
    country, area = find_text(elem, "country"), find_text(elem, "region")
    full = ", ".join(part for part in (street, city, region, postal, country, area) if part)
    if full:
        address = Address(
            full=full,
            street=street,
            city=city,
            region=region,
            postal_code=postal,
            country=ofac_country(country),
        )
        draft.addresses[address] = None


def _add_vessel(draft: OfacLegacyDraft, info: ET.Element | None) -> None:
    if info is None:
        return
    call_sign = find_text(info, "callSign")
    if call_sign:
        draft.add_identifier(IdentifierKind.CALL_SIGN, "Call Sign", call_sign)
    draft.add_attribute("vessel_type", find_text(info, "vesselType"))
    flag = find_text(info, "vesselFlag")
    draft.add_attribute("flag", flag)
    draft.add_attribute("flag_country", ofac_country(flag))
    draft.add_attribute("owner", find_text(info, "vesselOwner"))
    draft.add_attribute("tonnage", plain_number(find_text(info, "tonnage") or ""))
    draft.add_attribute(
        "gross_registered_tonnage", plain_number(find_text(info, "grossRegisteredTonnage") or "")
    )
