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

This module also holds what both OFAC XML readers share (the Enhanced XML
reader imports it): name formatting, date windows, identifier kinds and the
feature → model mapping in `OfacDraft`.
"""

from __future__ import annotations

import calendar
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import IO, TypeVar
from xml.etree.ElementTree import Element

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
    PartialDate,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.xml import iter_elements
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date

AUTHORITY = "OFAC"
SDN_LIST = "SDN List"
CONSOLIDATED_LIST = "Consolidated List"

# ---------------------------------------------------------------------------
# Shared by the OFAC XML readers: text, names, dates, identifiers, features
# ---------------------------------------------------------------------------

# OFAC wraps right-to-left names in embedding marks (U+202B ... U+202C); they
# are invisible and would make equal names compare unequal.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)


def clean(value: str | None) -> str | None:
    """`text_of` without the bidi control characters OFAC puts around Arabic names."""
    if value is None:
        return None
    return text_of(value.translate(_INVISIBLE))


_ASCII_LETTER = re.compile(r"[A-Za-z]")


def script_of(value: str) -> str:
    """`detect_script`, with a fast path for the plain ASCII names that make up most of OFAC's lists."""
    if value.isascii() and _ASCII_LETTER.search(value):
        return "Latn"
    return detect_script(value)


def schema_of(label: str | None) -> Schema | None:
    """The schema an OFAC party type names (Individual, Entity, Vessel, Aircraft)."""
    return _SCHEMAS.get((label or "").strip().casefold())


_SCHEMAS = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}


def alias_kind(alias_type: str | None, *, primary: bool, low_quality: bool) -> NameKind:
    """Primary name, a.k.a., weak a.k.a. or f.k.a.; n.k.a. (the current name) counts as an alias."""
    if primary:
        return NameKind.PRIMARY
    if low_quality:
        return NameKind.WEAK_ALIAS
    if (alias_type or "").strip().upper() == "F.K.A.":
        return NameKind.FORMER
    return NameKind.ALIAS


_WHOLE_NAME_PARTS = {"entity name", "vessel name", "aircraft name"}
_GIVEN_ORDER = {"first name": 0, "middle name": 1, "patronymic": 2}
_RIGHT_TO_LEFT = {"Arab", "Hebr", "Syrc", "Thaa"}
_NO_SPACES = {"Hani", "Jpan", "Hira", "Kana"}


def format_name(parts: Iterable[tuple[str, str]]) -> tuple[str | None, NameParts | None]:
    """A full name from (part type, value) pairs, written as OFAC writes it.

    OFAC's own rendering (Enhanced XML `formattedFullName`, sdn.csv) is the
    surname or entity name in capitals, a comma, then the given names in the
    order first, middle, patronymic: "TEHRANI, Sayyed Mohammad Ali". Arabic
    script names it writes in their natural order without a comma (given names,
    then surname), and Chinese or Japanese names take no spaces. Producing the
    same strings from the advanced format keeps a party's names equal across
    OFAC formats.
    """
    family: list[str] = []
    given: list[tuple[int, int, str]] = []
    roles: dict[str, list[str]] = defaultdict(list)
    for index, (kind, value) in enumerate(parts):
        kind = kind.casefold()
        roles[kind].append(value)
        if kind == "last name" or kind in _WHOLE_NAME_PARTS:
            family.append(value)
        else:
            given.append((_GIVEN_ORDER.get(kind, 3), index, value))
    forenames = [value for _, _, value in sorted(given)]
    script = script_of(" ".join(family + forenames))
    if script in _RIGHT_TO_LEFT:
        full = " ".join(forenames + family)
    elif script in _NO_SPACES:
        full = "".join(family + forenames)
    else:
        surname, first = " ".join(family).upper(), " ".join(forenames)
        full = f"{surname}, {first}" if surname and first else surname or first
    return text_of(full), _name_parts(roles)


def _name_parts(roles: dict[str, list[str]]) -> NameParts | None:
    """NameParts for a person's name; None for entity, vessel and aircraft names."""
    fields = {
        "given": roles.get("first name"),
        "middle": roles.get("middle name"),
        "family": roles.get("last name"),
        "patronymic": roles.get("patronymic"),
    }
    values = {key: " ".join(found) for key, found in fields.items() if found}
    return NameParts(**values) if values else None


# --- dates -----------------------------------------------------------------


def _window(begin: date, end: date) -> PartialDate | None:
    """The partial date a window of days stands for: a day, a whole month or a whole year."""
    if begin == end:
        return PartialDate(begin.isoformat())
    same_month = (end.year, end.month) == (begin.year, begin.month)
    if same_month and begin.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return PartialDate(f"{begin.year:04d}-{begin.month:02d}")
    if (begin.month, begin.day, end.month, end.day) == (1, 1, 12, 31) and begin.year == end.year:
        return PartialDate(f"{begin.year:04d}")
    return None


def _snap(begin: date, end: date) -> tuple[PartialDate, PartialDate]:
    """Range ends at the coarsest precision both ends allow (1 Jan .. 31 Dec → years)."""
    if (begin.month, begin.day, end.month, end.day) == (1, 1, 12, 31):
        return PartialDate(f"{begin.year:04d}"), PartialDate(f"{end.year:04d}")
    if begin.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return PartialDate(begin.isoformat()[:7]), PartialDate(end.isoformat()[:7])
    return PartialDate(begin.isoformat()), PartialDate(end.isoformat())


def period_date(
    start: tuple[date, date], end: tuple[date, date], *, is_range: bool | None = None, circa: bool = False
) -> BirthDate:
    """A date, range or approximation from OFAC's date period.

    OFAC writes every date as two windows: when the period starts (from..to)
    and when it ends. "1962" is 1962-01-01 .. 1962-12-31; "1951 to 1953" starts
    in 1951-01-01..1951-12-31 and ends in 1953-01-01..1953-12-31. The Enhanced
    format also says `isDateRange`; the advanced one does not, so a period
    whose whole span is exactly one day, month or year is read as that date.
    """
    whole = _window(start[0], end[1])
    if whole is not None and not is_range:
        return BirthDate(whole, circa=circa)
    first = _window(*start)
    last = _window(*end)
    if first is None or last is None or (first.precision == last.precision == "day" and not is_range):
        first, last = _snap(start[0], end[1])
    if first == last:
        return BirthDate(first, circa=circa)
    return BirthDate(first, until=last, circa=circa)


def date_text(value: BirthDate) -> str:
    """A date (or range) as a short ISO text for attributes and notes."""
    text = value.date.iso if value.until is None else f"{value.date.iso}/{value.until.iso}"
    return f"circa {text}" if value.circa else text


def iso_date(text: str | None) -> date | None:
    """A `date` from an ISO date or date-time text, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


# --- identifiers -------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")
_ID_RULES: tuple[tuple[IdentifierKind, tuple[str, ...], frozenset[str]], ...] = (
    # (kind, phrases found anywhere in the label, whole words of the label); the first match wins
    (
        IdentifierKind.OTHER,
        ("militar", "birth certificate", "driver", "pilot", "visa", "seafarer", "refugee", "commercial code"),
        frozenset(),
    ),
    (IdentifierKind.PASSPORT, ("passport", "travel document"), frozenset()),
    (IdentifierKind.IMO, ("vessel registration identification",), frozenset({"imo"})),
    (IdentifierKind.MMSI, (), frozenset({"mmsi"})),
    (IdentifierKind.CALL_SIGN, ("call sign",), frozenset()),
    (IdentifierKind.AIRCRAFT_TAIL, ("tail number",), frozenset()),
    (
        IdentifierKind.AIRCRAFT_SERIAL,
        ("(msn)", "manufacturer's serial", "manufacturer\u2019s serial", "aircraft serial",
         "construction number"),
        frozenset(),
    ),
    (IdentifierKind.SWIFT_BIC, (), frozenset({"swift", "bic"})),
    (IdentifierKind.LEI, ("legal entity number", "legal entity identifier"), frozenset({"lei"})),
    (
        IdentifierKind.TAX_ID,
        ("tax", "fiscal", "tributaria", "v.a.t.", "c.u.i.t.", "r.f.c.", "n.i.f.", "nit #", "ruc #", "rif #",
         "c.i.f.", "fein"),
        frozenset({"vat", "rfc", "rtn", "inn", "tin", "cuit", "nif", "kpp"}),
    ),
    (
        IdentifierKind.NATIONAL_ID,
        ("national id", "personal id", "identification number", "identity card", "id card", "id no",
         "id number", "d.n.i.", "cedula", "c.u.r.p.", "citizen's card", "tazkira", "numero de identidad",
         "uae identification", "electoral", "i.f.e.", "personal numerical code"),
        frozenset({"ssn", "dni", "cnp", "curp"}),
    ),
    (
        IdentifierKind.REGISTRATION,
        ("registration", "registry", "register", "company number", "incorporation", "business number",
         "enterprise number", "organization code", "social credit", "chamber of comm", "gazette", "c.r. no",
         "romanian c.r.", "mercantil", "commercial", "branch unit number", "trade license"),
        frozenset({"uscc", "ogrn", "ogrnip", "okpo"}),
    ),
)
_ID_EXACT = {"le number": IdentifierKind.REGISTRATION}


@lru_cache(maxsize=1024)
def identifier_kind(label: str) -> IdentifierKind:
    """The identifier kind an OFAC document or feature type names ("Tax ID No." → tax_id)."""
    folded = label.strip().casefold()
    if folded in _ID_EXACT:
        return _ID_EXACT[folded]
    words = set(_WORD.findall(folded))
    for kind, phrases, tokens in _ID_RULES:
        if any(phrase in folded for phrase in phrases) or not tokens.isdisjoint(words):
            return kind
    return IdentifierKind.OTHER


_ID_PREFIX = {
    IdentifierKind.IMO: re.compile(r"^IMO[\s:#.-]*", re.I),
    IdentifierKind.MMSI: re.compile(r"^MMSI[\s:#.-]*", re.I),
}


def identifier_value(kind: IdentifierKind, value: str) -> str:
    """The number without the "IMO " / "MMSI " prefix OFAC writes in front of some."""
    prefix = _ID_PREFIX.get(kind)
    return (prefix.sub("", value) or value) if prefix else value


# --- features ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Feature:
    """One feature value of a party, as both OFAC XML formats carry it."""

    label: str  # the publisher's feature type: "Birthdate", "Vessel Flag", "Website"
    text: str | None = None  # the value as written
    date: BirthDate | None = None
    country: str | None = None  # ISO code when the value is a country
    address: Address | None = None
    comment: str | None = None


_FIELD_FEATURES = {
    "birthdate": "birth_date", "date of birth": "birth_date", "place of birth": "birth_place",
    "nationality country": "nationality", "nationality": "nationality",
    "citizenship country": "citizenship", "citizenship": "citizenship",
    "gender": "gender", "location": "address", "address": "address",
}
_ATTRIBUTE_FEATURES = {
    "website": "website", "email address": "email", "email": "email", "phone number": "phone",
    "fax": "fax", "title": "title", "vessel flag": "vessel_flag", "other vessel flag": "vessel_flag_other",
    "former vessel flag": "vessel_flag_former", "vessel type": "vessel_type",
    "other vessel type": "vessel_type",
    "vessel tonnage": "vessel_tonnage", "vessel gross registered tonnage": "vessel_gross_tonnage",
    "vessel deadweight tonnage": "vessel_deadweight_tonnage", "vessel owner": "vessel_owner",
    "vessel year of build": "vessel_build_year", "aircraft model": "aircraft_model",
    "aircraft operator": "aircraft_operator", "aircraft manufacture date": "aircraft_manufacture_date",
    "organization established date": "incorporation_date", "nationality of registration": "jurisdiction",
    "organization type": "organization_type", "target type": "target_type", "equity ticker": "ticker",
    "issuer name": "issuer_name",
}
_IDENTIFIER_FEATURES = ("digital currency address", "transponder code", "unique entity id")
_IDENTIFIER_FEATURE_WORDS = frozenset({"isin", "bik"})
_COUNTRY_ATTRIBUTES = {"vessel_flag", "vessel_flag_other", "vessel_flag_former", "jurisdiction"}


@lru_cache(maxsize=1024)
def feature_role(label: str) -> str:
    """What a feature type becomes: a model field, "id", or "attr:<key>" (publisher's label by default)."""
    key = label.strip().rstrip(":-").strip().casefold()
    if key in _FIELD_FEATURES:
        return _FIELD_FEATURES[key]
    if key in _ATTRIBUTE_FEATURES:
        return "attr:" + _ATTRIBUTE_FEATURES[key]
    if (
        any(phrase in key for phrase in _IDENTIFIER_FEATURES)
        or not _IDENTIFIER_FEATURE_WORDS.isdisjoint(_WORD.findall(key))
        or identifier_kind(label) is not IdentifierKind.OTHER
    ):
        return "id"
    return "attr:" + label.strip().rstrip(":-").strip()


_T = TypeVar("_T")


def _dedupe(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


@dataclass
class OfacDraft:
    """An entity being assembled from an OFAC party; both OFAC XML readers fill one per party."""

    names: dict[str, Name] = field(default_factory=dict)
    birth_dates: list[BirthDate] = field(default_factory=list)
    birth_places: list[Place] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    gender: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    designations: list[Designation] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)

    def add_name(self, value: str | None, kind: NameKind, parts: NameParts | None = None) -> None:
        """Add a name; an identical string already present (primary first) is kept once."""
        if value and value not in self.names:
            self.names[value] = Name(value, kind, script_of(value), None, parts)

    def attribute(self, key: str, value: str | None) -> None:
        if value:
            self.attributes.append(Attribute(key, value))

    def add_feature(self, feature: Feature) -> None:
        """Map one feature to its model field, an identifier or an attribute."""
        role = feature_role(feature.label)
        text = feature.text
        if role == "birth_date":
            found = feature.date or parse_birth_date(text)
            if found:
                self.birth_dates.append(found)
        elif role == "birth_place" and text:
            self.birth_places.append(Place(text, country_code(text.rsplit(",", 1)[-1])))
        elif role in ("nationality", "citizenship"):
            self._add_country(role, feature)
        elif role == "gender" and text and text.casefold() in ("male", "female"):
            self.gender = text.casefold()
        elif role == "address":
            if feature.address is not None:
                self.addresses.append(feature.address)
        elif role == "id":
            self._add_identifier(feature)
        else:
            self._add_attribute(role.removeprefix("attr:"), feature)
        if feature.comment and role != "id":
            self.attribute("note", f"{feature.label.rstrip(' :-')}: {feature.comment}")

    def _add_country(self, role: str, feature: Feature) -> None:
        code = feature.country or country_code(feature.text)
        if code:
            (self.nationalities if role == "nationality" else self.citizenships).append(code)
        elif feature.text and feature.text.casefold() != "undetermined":
            self.attribute(role, feature.text)

    def _add_identifier(self, feature: Feature) -> None:
        if not feature.text:
            return
        kind = identifier_kind(feature.label)
        value = identifier_value(kind, feature.text)
        self.identifiers.append(Identifier(kind, value, feature.country, feature.label, feature.comment))

    def _add_attribute(self, key: str, feature: Feature) -> None:
        if key in _COUNTRY_ATTRIBUTES:
            self.attribute(key, feature.country or country_code(feature.text) or feature.text)
        elif feature.date is not None:
            self.attribute(key, date_text(feature.date))
        else:
            self.attribute(key, feature.text)

    def entity(self, source: str, source_id: str, schema: Schema) -> Entity:
        return Entity(
            source=source,
            source_id=source_id,
            schema=schema,
            names=tuple(self.names.values()),
            birth_dates=_dedupe(self.birth_dates),
            birth_places=_dedupe(self.birth_places),
            nationalities=_dedupe(self.nationalities),
            citizenships=_dedupe(self.citizenships),
            gender=self.gender,
            identifiers=_dedupe(self.identifiers),
            addresses=_dedupe(self.addresses),
            designations=_dedupe(self.designations),
            attributes=_dedupe(self.attributes),
        )


def make_address(
    parts: list[tuple[str, str]], country: str | None, country_name: str | None
) -> Address | None:
    """An Address from OFAC's (part type, value) pairs (ADDRESS1..3, CITY, STATE/PROVINCE, POSTAL CODE)."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for kind, value in parts:
        by_type[kind.upper()].append(value)
    street = ", ".join(by_type["ADDRESS1"] + by_type["ADDRESS2"] + by_type["ADDRESS3"]) or None
    region = ", ".join(by_type["STATE/PROVINCE"] + by_type["REGION"]) or None
    pieces = [value for _, value in parts]
    if country_name and country:
        pieces.append(country_name)
    if not pieces and not country:
        return None
    return Address(
        full=", ".join(pieces) or None,
        street=street,
        city=", ".join(by_type["CITY"]) or None,
        region=region,
        postal_code=", ".join(by_type["POSTAL CODE"]) or None,
        country=country,
    )


def source_hint(file: SourceFile) -> str:
    """The list key the file name suggests, for files that do not say it themselves."""
    return "us_ofac_cons" if file.basename.startswith(("cons", "non-sdn", "nonsdn")) else "us_ofac_sdn"


# ---------------------------------------------------------------------------
# The advanced format itself
# ---------------------------------------------------------------------------

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
    source = "us_ofac_sdn"
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
                self.source = "us_ofac_cons"
            elif lists:
                self.source = "us_ofac_sdn"
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
        draft = OfacDraft()
        draft.attribute("remarks", clean(elem.findtext("Comment")))
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

    def _profile(self, profile: Element, draft: OfacDraft) -> None:
        profile_id = profile.get("ID") or ""
        self.seen_profiles.add(profile_id)
        draft.attribute("remarks", clean(profile.findtext("Comment")))
        for identity in profile.iterfind("Identity"):
            self._identity(identity, draft)
        for feature in profile.iterfind("Feature"):
            for found in self._features(feature):
                draft.add_feature(found)
        self._designations(self.tail.entries.get(profile_id, []), draft)
        for relation in self.tail.relations.get(profile_id, []):
            kind = self._label("RelationType", relation.type_id)
            former = " (former)" if relation.former else ""
            draft.attribute("relationship", f"{kind}{former}: {relation.to_profile}")

    def _identity(self, identity: Element, draft: OfacDraft) -> None:
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
        draft.identifiers.extend(self.documents.get(identity_id, ()))

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

    def _designations(self, entries: list[_Entry], draft: OfacDraft) -> None:
        """One Designation per programme (earliest listing wins); lists and measure types go to attributes."""
        by_programme: dict[str | None, list[_Entry]] = defaultdict(list)
        for entry in entries:
            draft.attribute("list", self._label("List", entry.list_id))
            programmes: list[str | None] = []
            for type_id, comment in entry.measures:
                measure = self._label("SanctionsType", type_id)
                if measure == "Program":
                    programmes.append(comment)
                else:
                    draft.attribute("sanctions_type", measure)
            for programme in dict.fromkeys(p for p in programmes if p) or [None]:
                by_programme[programme].append(entry)
        for programme, group in by_programme.items():
            dated = sorted(group, key=lambda e: min((d for d, _ in e.events if d), default="9999"))
            legal = [self._lookup("LegalBasis", basis) for e in group for _, basis in e.events]
            first = dated[0]
            draft.designations.append(
                Designation(
                    authority=AUTHORITY,
                    regime=programme,
                    legal_basis="; ".join(dict.fromkeys(b for b in legal if b and b != "Unknown")) or None,
                    listed_on=min((d for d, _ in first.events if d), default=None),
                    reason=first.comment,
                    source_id=first.id,
                )
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
