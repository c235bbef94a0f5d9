"""Reader: OFAC Advanced XML (sdn_advanced.xml, cons_advanced.xml).

The advanced format (root `Sanctions`, namespace http://www.un.org/sanctions/1.0,
OFAC's `sdn_advanced.xsd`) is normalised like a database dump: every label is an
ID into `ReferenceValueSets`, and the facts about one party are spread over
top-level sections that refer to each other by ID, in this fixed order::

    DateOfIssue, ReferenceValueSets, Locations, IDRegDocuments,
    DistinctParties, ProfileRelationships, SanctionsEntries, SanctionsEntryLinks

Locations and IDRegDocuments come before the parties, so they are kept in dicts
while the parties stream. ProfileRelationships and SanctionsEntries (the
designations, and the only place that says which list a party is on) come
after them. Holding every party until the end would keep the whole SDN list in
memory as entities; parsing the file twice would double the dominant cost (the
XML parse: about 3 s per 60 MB here, and sdn_advanced.xml is tens of MB). So a
byte scan finds `</DistinctParties>` first, and only the tail after it is
parsed ahead of the main pass (see `_read_tail`). Memory stays flat apart from
the small side tables (locations, documents, entries); the extra cost is one
regex search per MiB of the file plus parsing the tail.

Source key: OFAC puts every party of the non-SDN consolidated file on the
umbrella list "Consolidated List" (cons_advanced.xml 2020-03-17: 375 of 375
parties; 9 of them are also on the SDN List), and the SDN file never uses it.
So a file with any SanctionsEntry on "Consolidated List" is `us_ofac_cons`,
otherwise `us_ofac_sdn`; a file without any SanctionsEntry falls back to the file
name (cons_*) as a hint.

What this reader shares with the Enhanced XML reader (name formatting, date
periods, identifier kinds, the feature mapping) is in `ofac_features` and
`ofac_common.OfacFeatureDraft`.
"""

from __future__ import annotations

import calendar
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO
from xml.etree.ElementTree import Element

from hoarfrost.errors import ListFileError
from hoarfrost.model import Address, BirthDate, Designation, Entity, Identifier, Schema
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile
from hoarfrost.sources.ofac_common import (
    AUTHORITY,
    CONS_KEY,
    CONSOLIDATED_LIST,
    SDN_KEY,
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
from hoarfrost.sources.xml import iter_elements
from hoarfrost.values.countries import country_code

_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Sanctions[\s>/]")
_TAIL_MARK = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?DistinctParties\s*>")
_HEAD = 1 << 16  # the root start tag is in the first 64 KiB, where `sniff` looks for it
_CHUNK = 1 << 20
_OVERLAP = 128
_RECORDS = {
    "DateOfIssue", "ReferenceValueSets", "Location", "IDRegDocument", "DistinctParty",
    "ProfileRelationship", "SanctionsEntry", "SanctionsEntryLink",
}


@dataclass(frozen=True, slots=True)
class _Entry:
    """A SanctionsEntry with its IDs still unresolved (it is read before the reference values)."""

    id: str
    list_id: str | None
    events: tuple[tuple[str | None, str | None], ...]  # (ISO date, LegalBasisID)
    measures: tuple[tuple[str | None, str | None], ...]  # (SanctionsTypeID, Comment)
    comment: str | None


@dataclass(frozen=True, slots=True)
class _Relation:
    type_id: str | None
    to_profile: str | None
    former: bool


@dataclass
class _Tail:
    """What the sections after DistinctParties say, keyed by profile ID."""

    entries: dict[str, list[_Entry]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[str, list[_Relation]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True, slots=True)
class _Location:
    address: Address | None
    country: str | None
    text: str | None


class _Refs:
    """The ReferenceValueSets: for each value type (tag), ID → text and ID → attributes."""

    def __init__(self, elem: Element | None = None) -> None:
        self.values: dict[str, dict[str, str]] = defaultdict(dict)
        self.attrs: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
        if elem is not None:
            for group in elem:
                for item in group:
                    ref_id = item.get("ID")
                    if ref_id is not None:
                        self.values[item.tag][ref_id] = clean(item.text) or ""
                        self.attrs[item.tag][ref_id] = dict(item.attrib)

    def value(self, tag: str, ref_id: str | None) -> str | None:
        return self.values[tag].get(ref_id) if ref_id is not None else None

    def country(self, ref_id: str | None) -> tuple[str | None, str | None]:
        """(ISO code, name) of a Country reference value."""
        name = self.value("Country", ref_id)
        if name is None:
            return None, None
        iso = self.attrs["Country"].get(ref_id or "", {}).get("ISO2")
        return country_code(iso) or country_code(name), name

    def area_country(self, area_id: str | None) -> tuple[str | None, str | None]:
        attrs = self.attrs["AreaCode"].get(area_id or "")
        return self.country(attrs.get("CountryID")) if attrs else (None, None)


class _ChainedStream(io.RawIOBase):
    """Bytes given up front, then the rest of a stream: the tail of the file behind its root tag."""

    def __init__(self, first: bytes, rest: IO[bytes]) -> None:
        self._first = first
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._first:
            data, self._first = self._first[: len(buffer)], self._first[len(buffer) :]
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class OfacAdvancedXmlReader(ListReader):
    format = "ofac_advanced_xml"
    source = SDN_KEY
    title = "OFAC Advanced XML (sdn_advanced.xml, cons_advanced.xml)"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """The `Sanctions` root in the UN sanctions 1.0 namespace that OFAC's advanced schema uses."""
        return b"un.org/sanctions/1.0" in head and _ROOT_TAG.search(head) is not None

    def entities(self) -> Iterator[Entity]:
        sources: set[str] = set()
        for file in self.files:
            reader = _FileReader(file, self.report, sources)  # reads the tail first
            yield from reader.entities(self.open_counted(file))


class _FileReader:
    """One pass over one advanced XML file, after the tail has been read ahead."""

    def __init__(self, file: SourceFile, report: ReadReport, sources: set[str]) -> None:
        self.file = file
        self.sources = sources  # the list keys of the files read before, to warn on a mix
        self.report = report
        self.refs = _Refs()
        self.tail = _read_tail(file, report)
        self.locations: dict[str, _Location] = {}
        self.documents: dict[str, list[Identifier]] = defaultdict(list)
        self.source: str | None = None
        self.seen_profiles: set[str] = set()
        self.seen_identities: set[str] = set()
        self.parties = 0

    def entities(self, stream: IO[bytes]) -> Iterator[Entity]:
        root: list[Element] = []
        with stream:
            for elem in iter_elements(stream, self.file.name, _RECORDS, root=root):
                tag = elem.tag
                if tag == "DistinctParty":
                    self.parties += 1
                    yield self._party(elem)
                elif tag == "Location":
                    self._location(elem)
                elif tag == "IDRegDocument":
                    self._document(elem)
                elif tag == "ReferenceValueSets":
                    self.refs = _Refs(elem)
                elif tag == "DateOfIssue":
                    self.report.published = _point_iso(elem) or self.report.published
        if not root or root[0].tag != "Sanctions":
            found = root[0].tag if root else "none"
            problem = f"not OFAC Advanced XML: the root element is {found}, not Sanctions"
            raise ListFileError(self.file.name, problem)
        self._decide_source()
        self._warn_unused()

    # --- source key ---------------------------------------------------------

    def _decide_source(self) -> str:
        """us_ofac_cons when any entry is on OFAC's umbrella "Consolidated List" (see module doc)."""
        if self.source is None:
            entries = (entry for group in self.tail.entries.values() for entry in group)
            lists = {self.refs.value("List", entry.list_id) for entry in entries}
            if CONSOLIDATED_LIST in lists:
                self.source = CONS_KEY
            elif lists:
                self.source = SDN_KEY
            else:
                self.source = source_hint(self.file)
            if self.sources and self.source not in self.sources:
                earlier = ", ".join(sorted(self.sources))
                self.report.warn(f"{self.file.name} is {self.source} but earlier files were {earlier}")
            self.sources.add(self.source)
            self.report.source = self.source
        return self.source

    def _warn_unused(self) -> None:
        missing = sum(len(v) for k, v in self.tail.entries.items() if k not in self.seen_profiles)
        if missing:
            self.report.warn("SanctionsEntry refers to a profile that is not in the file", missing)
        missing = sum(len(v) for k, v in self.documents.items() if k not in self.seen_identities)
        if missing:
            self.report.warn("IDRegDocument refers to an identity that is not in the file", missing)
        missing = sum(len(v) for k, v in self.tail.relations.items() if k not in self.seen_profiles)
        if missing:
            self.report.warn("ProfileRelationship starts from a profile that is not in the file", missing)

    # --- side tables ----------------------------------------------------------

    def _location(self, elem: Element) -> None:
        loc_id = elem.get("ID")
        if loc_id is None:
            where = f"Location #{len(self.locations) + 1}"
            raise ListFileError(self.file.name, "a Location has no ID", where=where)
        parts: list[tuple[str, str]] = []
        for part in elem.iterfind("LocationPart"):
            kind = self.refs.value("LocPartType", part.get("LocPartTypeID")) or "Unknown"
            values = [clean(v.findtext("Value")) for v in part.iterfind("LocationPartValue")]
            parts.extend((kind, value) for value in values if value)
        country, name = self._location_country(elem)
        text = ", ".join(value for _, value in parts) or None
        if country is None and text and all(kind == "Unknown" for kind, _ in parts):
            country = country_code(text)  # a bare country name, as nationality features use
        self.locations[loc_id] = _Location(make_address(parts, country, name), country, text or name)

    def _location_country(self, elem: Element) -> tuple[str | None, str | None]:
        found = elem.find("LocationCountry")
        if found is not None:
            return self.refs.country(found.get("CountryID"))
        area = elem.find("LocationAreaCode")
        return self.refs.area_country(area.get("AreaCodeID")) if area is not None else (None, None)

    def _document(self, elem: Element) -> None:
        identity = elem.get("IdentityID")
        number = clean(elem.findtext("IDRegistrationNo"))
        if identity is None:
            self.report.warn("IDRegDocument without IdentityID skipped")
            return
        if not number:
            return
        label = self._label("IDRegDocType", elem.get("IDRegDocTypeID"))
        country, _ = self.refs.country(elem.get("IssuedBy-CountryID"))
        notes = [clean(elem.findtext("IssuingAuthority")), clean(elem.findtext("Comment"))]
        issued_in = self.locations.get(elem.get("IssuedIn-LocationID") or "")
        if issued_in is not None and issued_in.text:
            notes.append(f"issued in {issued_in.text}")
        for when in elem.iterfind("DocumentDate"):
            period = when.find("DatePeriod")
            found = _period(period) if period is not None else None
            if found:
                kind_of_date = self._label("IDRegDocDateType", when.get("IDRegDocDateTypeID"))
                notes.append(f"{kind_of_date} {date_text(found)}")
        validity = self.refs.value("Validity", elem.get("ValidityID"))
        if validity and validity != "Valid":
            notes.append(validity)
        note = "; ".join(n for n in notes if n) or None
        kind = identifier_kind(label)
        value = identifier_value(kind, number)
        self.documents[identity].append(Identifier(kind, value, country, label, note))

    def _lookup(self, tag: str, ref_id: str | None) -> str | None:
        """A reference value's text; an ID that is not in ReferenceValueSets is warned about."""
        value = self.refs.value(tag, ref_id)
        if value is None and ref_id is not None:
            self.report.warn(f"unknown {tag}ID {ref_id}")
        return value

    def _label(self, tag: str, ref_id: str | None) -> str:
        """A reference value's text, or "<tag> <id>" when it is unknown (and warned about)."""
        return self._lookup(tag, ref_id) or f"{tag} {ref_id}"

    # --- parties ----------------------------------------------------------------

    def _party(self, elem: Element) -> Entity:
        fixed_ref = elem.get("FixedRef")
        if not fixed_ref:
            where = f"DistinctParty #{self.parties}"
            raise ListFileError(self.file.name, "a DistinctParty has no FixedRef", where=where)
        draft = OfacFeatureDraft()
        draft.add_attribute("remarks", clean(elem.findtext("Comment")))
        schema: Schema | None = None
        for profile in elem.iterfind("Profile"):
            schema = schema or self._schema(profile.get("PartySubTypeID"))
            self._profile(profile, draft)
        if not draft.names:
            self.report.warn("DistinctParty without any name")
        return draft.entity(self._decide_source(), fixed_ref, schema or Schema.ORGANIZATION)

    def _schema(self, sub_type_id: str | None) -> Schema:
        """Vessel / Aircraft from the party sub type, else Individual / Entity from its party type."""
        sub_type = self.refs.value("PartySubType", sub_type_id)
        attrs = self.refs.attrs["PartySubType"].get(sub_type_id or "", {})
        party_type = self.refs.value("PartyType", attrs.get("PartyTypeID"))
        found = schema_of(sub_type) or schema_of(party_type)
        if found is None:
            self.report.warn(f"party type {party_type or sub_type_id!s} read as Organization")
        return found or Schema.ORGANIZATION

    def _profile(self, profile: Element, draft: OfacFeatureDraft) -> None:
        profile_id = profile.get("ID") or ""
        self.seen_profiles.add(profile_id)
        draft.add_attribute("remarks", clean(profile.findtext("Comment")))
        for identity in profile.iterfind("Identity"):
            self._identity(identity, draft)
        for feature in profile.iterfind("Feature"):
            for found in self._features(feature):
                draft.add_feature(found)
        self._designations(self.tail.entries.get(profile_id, []), draft)
        for relation in self.tail.relations.get(profile_id, []):
            kind = self._label("RelationType", relation.type_id)
            former = " (former)" if relation.former else ""
            draft.add_attribute("relationship", f"{kind}{former}: {relation.to_profile}")

    def _identity(self, identity: Element, draft: OfacFeatureDraft) -> None:
        identity_id = identity.get("ID") or ""
        self.seen_identities.add(identity_id)
        groups = {
            group.get("ID"): self.refs.value("NamePartType", group.get("NamePartTypeID")) or ""
            for group in identity.iter("NamePartGroup")
        }
        for alias in identity.iterfind("Alias"):
            kind = alias_kind(
                self.refs.value("AliasType", alias.get("AliasTypeID")),
                primary=alias.get("Primary") == "true",
                low_quality=alias.get("LowQuality") == "true",
            )
            for documented in alias.iterfind("DocumentedName"):
                parts = [
                    (groups.get(value.get("NamePartGroupID")) or "", text)
                    for value in documented.iter("NamePartValue")
                    if (text := clean(value.text))
                ]
                value, name_parts = format_name(parts)
                draft.add_name(value, kind, name_parts)
        for document in self.documents.get(identity_id, ()):
            draft.identifiers[document] = None

    def _features(self, elem: Element) -> Iterator[Feature]:
        label = self._label("FeatureType", elem.get("FeatureTypeID"))
        for version in elem.iterfind("FeatureVersion"):
            texts = [self._detail(detail) for detail in version.iterfind("VersionDetail")]
            period = version.find("DatePeriod")
            found = _period(period) if period is not None else None
            country = address = None
            for where in version.iterfind("VersionLocation"):
                location = self.locations.get(where.get("LocationID") or "")
                if location is None:
                    self.report.warn("feature refers to a Location that is not in the file")
                    continue
                country, address = location.country, location.address
                texts.append(location.text)
            text = "; ".join(t for t in texts if t) or None
            yield Feature(label, text, found, country, address, clean(version.findtext("Comment")))

    def _detail(self, detail: Element) -> str | None:
        ref = detail.get("DetailReferenceID")
        return self._label("DetailReference", ref) if ref else clean(detail.text)

    def _designations(self, entries: list[_Entry], draft: OfacFeatureDraft) -> None:
        """One Designation per programme (earliest listing wins); lists and measure types go to attributes."""
        by_programme: dict[str | None, list[_Entry]] = defaultdict(list)
        for entry in entries:
            draft.add_attribute("list", self._label("List", entry.list_id))
            for programme in self._programmes(entry, draft):
                by_programme[programme].append(entry)
        for programme, group in by_programme.items():
            draft.designations[self._designation(programme, group)] = None

    def _programmes(self, entry: _Entry, draft: OfacFeatureDraft) -> list[str | None]:
        """The programmes an entry lists the party under ([None] for none); other measure types are attributes."""
        programmes: list[str | None] = []
        for type_id, comment in entry.measures:
            measure = self._label("SanctionsType", type_id)
            if measure == "Program":
                programmes.append(comment)
            else:
                draft.add_attribute("sanctions_type", measure)
        return list(dict.fromkeys(p for p in programmes if p)) or [None]

    def _designation(self, programme: str | None, group: list[_Entry]) -> Designation:
        """The designation under one programme, dated and sourced by its earliest entry."""
        dated = sorted(group, key=lambda e: min((d for d, _ in e.events if d), default="9999"))
        legal = [self._lookup("LegalBasis", basis) for e in group for _, basis in e.events]
        first = dated[0]
        return Designation(
            authority=AUTHORITY,
            regime=programme,
            legal_basis="; ".join(dict.fromkeys(b for b in legal if b and b != "Unknown")) or None,
            listed_on=min((d for d, _ in first.events if d), default=None),
            reason=first.comment,
            source_id=first.id,
        )


# --- dates in the advanced format ------------------------------------------------


def _point(elem: Element | None, *, last: bool) -> date | None:
    """A date from Year/Month/Day; missing month/day give the first (or `last`) possible day."""
    if elem is None:
        return None
    try:
        year = int(elem.findtext("Year") or "")
        month = int(elem.findtext("Month") or (12 if last else 1))
        day_text = elem.findtext("Day")
        day = int(day_text) if day_text else (calendar.monthrange(year, month)[1] if last else 1)
        return date(year, month, day)
    except ValueError:
        return None


def _point_iso(elem: Element) -> str | None:
    """An ISO date at the precision given (DateOfIssue, EntryEvent/Date)."""
    year, month, day = (elem.findtext(part) for part in ("Year", "Month", "Day"))
    if not year or not year.strip().isdigit():
        return None
    if not month:
        return f"{int(year):04d}"
    found = _point(elem, last=False)
    if found is None:
        return None
    return found.isoformat() if day else found.isoformat()[:7]


def _boundary(elem: Element | None) -> tuple[date, date] | None:
    if elem is None:
        return None
    begin = _point(elem.find("From"), last=False) or _point(elem.find("To"), last=False)
    end = _point(elem.find("To"), last=True) or _point(elem.find("From"), last=True)
    return (begin, end) if begin and end else None


def _period(elem: Element) -> BirthDate | None:
    """A DatePeriod (Start and End boundaries, each From..To) as a date, range or circa date."""
    start_elem, end_elem = elem.find("Start"), elem.find("End")
    start = _boundary(start_elem)
    end = _boundary(end_elem)
    start, end = start or end, end or start
    if start is None or end is None:
        return None
    circa = any(b is not None and b.get("Approximate") == "true" for b in (start_elem, end_elem))
    try:
        return period_date(start, end, circa=circa)
    except ValueError:
        return None


# --- the tail: ProfileRelationships and SanctionsEntries ---------------------------


def _read_tail(file: SourceFile, report: ReadReport) -> _Tail:
    """Parse the sections after `</DistinctParties>` before the main pass.

    The byte scan costs one `bytes.search` per MiB. The tail is parsed behind
    the file's own prolog and root start tag (so namespaces resolve), padded
    with newlines and spaces so that a parse error there reports its real line
    and column. A file without the marker (truncated, or with no parties) has
    no tail; the main pass reports what is wrong with it.
    """
    tail = _Tail()
    with file.open() as stream:
        found = _find_tail(stream)
        if found is None:
            return tail
        prolog, padding, rest_of_window = found
        chained = io.BufferedReader(_ChainedStream(prolog + padding + rest_of_window, stream), _CHUNK)
        for elem in iter_elements(chained, file.name, {"ProfileRelationship", "SanctionsEntry"}):
            if elem.tag == "SanctionsEntry":
                _add_entry(elem, tail, report)
            else:
                _add_relation(elem, tail, report)
    return tail


def _find_tail(stream: IO[bytes]) -> tuple[bytes, bytes, bytes] | None:
    """(prolog up to the root start tag, padding, the bytes after </DistinctParties> read so far)."""
    window = stream.read(_HEAD)
    root = _ROOT_TAG.search(window)
    end_of_root = window.find(b">", root.start()) + 1 if root else 0
    if not end_of_root:
        return None
    prolog = window[:end_of_root]
    lines_before = 0  # newlines in the bytes already dropped from the window
    while (found := _TAIL_MARK.search(window)) is None:
        data = stream.read(_CHUNK)
        if not data:
            return None
        keep = min(len(window), _OVERLAP)
        lines_before += window.count(b"\n", 0, len(window) - keep)
        window = window[len(window) - keep :] + data
    cut = found.end()
    return prolog, _padding(prolog, window[:cut], lines_before), window[cut:]


def _padding(prolog: bytes, before: bytes, lines_before: int) -> bytes:
    """Newlines and spaces that put the tail, parsed behind `prolog`, at its real line and column.

    expat counts columns in characters, hence the decoding. A line longer than
    the scan window (1 MiB) gets a column that is too small; lines stay exact.
    """
    lines = lines_before + before.count(b"\n") - prolog.count(b"\n")
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "ignore"))
    if lines == 0:  # the tail goes on from the line the root start tag ends
        column -= len(prolog[prolog.rfind(b"\n") + 1 :].decode("utf-8", "ignore"))
    return b"\n" * max(lines, 0) + b" " * max(column, 0)


def _add_entry(elem: Element, tail: _Tail, report: ReadReport) -> None:
    profile = elem.get("ProfileID")
    if profile is None:
        report.warn("SanctionsEntry without ProfileID skipped")
        return
    events = tuple(
        (_point_iso(when) if (when := event.find("Date")) is not None else None, event.get("LegalBasisID"))
        for event in elem.iterfind("EntryEvent")
    )
    measures = tuple(
        (measure.get("SanctionsTypeID"), clean(measure.findtext("Comment")))
        for measure in elem.iterfind("SanctionsMeasure")
    )
    comment = clean(elem.findtext("Comment"))
    tail.entries[profile].append(_Entry(elem.get("ID") or "", elem.get("ListID"), events, measures, comment))


def _add_relation(elem: Element, tail: _Tail, report: ReadReport) -> None:
    source = elem.get("From-ProfileID")
    if source is None:
        report.warn("ProfileRelationship without From-ProfileID skipped")
        return
    relation = _Relation(elem.get("RelationTypeID"), elem.get("To-ProfileID"), elem.get("Former") == "true")
    tail.relations[source].append(relation)
