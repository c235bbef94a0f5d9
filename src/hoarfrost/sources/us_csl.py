"""Reader: the US Consolidated Screening List (trade.gov) as CSV.

The CSL joins thirteen export-control and sanctions lists of the Departments
of Commerce, State and the Treasury into one table, one listing per row. The
`source` column names the list ("Specially Designated Nationals (SDN) -
Treasury Department"), which is the designation's authority; `programs` is
the regime, `start_date` the listing date, `federal_register_notice` the
legal basis and `remarks` the reason. Multi-valued cells are separated by
"; ".

`_id` is the source id. For Treasury lists it is OFAC's entity number, and a
party on several Treasury lists (SDN and SSI and CAPTA) has one row per list
with the same `_id`: those rows are merged into one entity with one
designation per row. A first pass over the file finds the repeated ids, so
every other row can still be yielded as soon as it is read.

`ids` packs what OFAC spreads over many features into "[country, ][dates, ]
value, Type" items: real identifiers (passports, tax ids, IMO, SWIFT/BIC...),
the gender, websites and e-mails, aircraft and vessel facts, and sanction
notes ("Secondary sanctions risk:"). They are sorted by their type label in
`classify_id`. With two dates the first is the expiry and the second the
issue date (as in OFAC's "issued 31 Aug 2009 expires 30 Aug 2014"); a single
date is kept as "date ..." because the CSV does not say which it is.

Rows of the Commerce and State lists have no `type`: they are read as
organisations, although the Denied Persons and ITAR lists hold people too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import IO, TypeVar, cast

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
from hoarfrost.sources.base import CountingReader, ListReader, SourceFile, text_of
from hoarfrost.sources.common import unique
from hoarfrost.sources.tabular import iter_csv_rows
from hoarfrost.values.countries import country_code, country_codes
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

T = TypeVar("T")

HEADER_START = b"_id,source,entity_number,type,programs,name"
REQUIRED = ("_id", "source", "name")

_SCHEMA = {
    "individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT, "": Schema.ORGANIZATION,
}

# Plain columns kept as attributes, by attribute key.
_ATTRIBUTE_COLUMNS = {
    "title": "title", "end_date": "end_date", "standard_order": "standard_order",
    "license_requirement": "license_requirement", "license_policy": "license_policy",
    "vessel_type": "vessel_type", "gross_tonnage": "gross_tonnage",
    "gross_registered_tonnage": "gross_registered_tonnage", "vessel_flag": "vessel_flag",
    "vessel_owner": "vessel_owner", "source_list_url": "source_list_url",
    "source_information_url": "source_information_url",
}

# `ids` type labels with a fixed meaning. A kind is an identifier; a str is an attribute key.
_ID_LABELS: dict[str, IdentifierKind | str] = {
    "vessel registration identification": IdentifierKind.IMO,
    "mmsi": IdentifierKind.MMSI,
    "swift/bic": IdentifierKind.SWIFT_BIC,
    "legal entity number": IdentifierKind.LEI,
    "aircraft manufacturer's serial number (msn)": IdentifierKind.AIRCRAFT_SERIAL,
    "aircraft construction number (also called l/n or s/n or f/n)": IdentifierKind.AIRCRAFT_SERIAL,
    "aircraft serial identification": IdentifierKind.AIRCRAFT_SERIAL,
    "aircraft tail number": IdentifierKind.AIRCRAFT_TAIL,
    "previous aircraft tail number": IdentifierKind.AIRCRAFT_TAIL,
    "other vessel call sign": IdentifierKind.CALL_SIGN,
    "website": "website", "email address": "email", "phone number": "phone",
    "aircraft model": "aircraft_model", "aircraft manufacture date": "aircraft_manufacture_date",
    "aircraft operator": "aircraft_operator", "target type": "target_type",
    "organization established date": "established", "organization type:": "organization_type",
    "former vessel flag": "former_vessel_flag", "other vessel flag": "other_vessel_flag",
    "other vessel type": "other_vessel_type", "nationality of registration": "nationality_of_registration",
    "registration country": "registration_country", "issuer name": "issuer_name",
    "chinese commercial code": "chinese_commercial_code",  # telegraph code of the name's characters
}
# Keyword rules for the many national labels ("C.U.R.P.", "NIT #", "Folio Mercantil No."), in order.
_ID_KEYWORDS: tuple[tuple[re.Pattern[str], IdentifierKind], ...] = (
    (re.compile(r"passport|travel document", re.I), IdentifierKind.PASSPORT),
    (re.compile(r"tax|fiscal|v\.a\.t|\br\.?f\.?c\b|\bnit\b|\bruc\b|\brif\b|\brtn\b|c\.u\.i\.t|c\.i\.f|fein|nuit|rsin",
                re.I), IdentifierKind.TAX_ID),
    (re.compile(r"national|identi|id card|id no|cedula|c\.u\.r\.p|d\.n\.i|citizen|\bssn\b|i\.f\.e|electoral|"
                r"\bcnp\b|tazkira|residen|n\.i\.e|refugee|birth certificate|immigration|c\.u\.i|cartilla",
                re.I), IdentifierKind.NATIONAL_ID),
    (re.compile(r"regist|company|commerc|incorporation|enterprise|business|chamber|gazette|mercantil|"
                r"trade license|c\.r\.|social credit|uscc|charity|branch unit|d-u-n-s|file number|^license$",
                re.I), IdentifierKind.REGISTRATION),
)
_NOTE_LABEL = re.compile(r"[:\-]$|information|determination|date \(|sanctions risk|prohibited", re.I)
_COUNTRY = re.compile(r"[A-Z]{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_IMO_PREFIX = re.compile(r"^IMO\s*", re.I)


class UsCslCsvReader(ListReader):
    format = "us_csl_csv"
    source = "us_csl"
    title = "US trade.gov Consolidated Screening List CSV"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """The CSL header row, which no other list has (OFAC's CSV has no header at all)."""
        return head.removeprefix(b"\xef\xbb\xbf").startswith(HEADER_START)

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            repeated = self._repeated_ids(file)
            pending: dict[str, list[Entity]] = {}
            for entity in self._read(file):
                if entity.source_id not in repeated:
                    yield entity
                    continue
                parts = pending.setdefault(entity.source_id, [])
                parts.append(entity)
                if len(parts) == repeated[entity.source_id]:
                    yield merge(pending.pop(entity.source_id))
            if repeated:
                self.report.warn("rows of one party on several lists merged", sum(repeated.values()))

    def _repeated_ids(self, file: SourceFile) -> dict[str, int]:
        """First pass: the ids that occur on more than one row, with their row counts.

        The stream is wrapped like `open_counted` does (without counting, so progress
        counts the file once): iter_csv_rows drops its text wrapper when the rows run
        out, and on a plain file that raises a ResourceWarning.
        """
        with cast(IO[bytes], CountingReader(file.open(), _ignore)) as stream:
            rows = iter_csv_rows(stream, file.name)
            columns = _header(file, rows)
            id_at, number_at = columns["_id"], columns.get("entity_number")
            counts = Counter(_row_id(row, id_at, number_at) for _, row in rows if any(row))
        return {key: count for key, count in counts.items() if count > 1}

    def _read(self, file: SourceFile) -> Iterator[Entity]:
        with self.open_counted(file) as stream:
            rows = iter_csv_rows(stream, file.name)
            columns = _header(file, rows)
            for line, row in rows:
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(columns):
                    problem = f"a row has {len(row)} fields, the header {len(columns)} (truncated file?)"
                    raise ListFileError(file.name, problem, where=f"line {line}")
                record = {key: text_of(row[index]) for key, index in columns.items()}
                yield self._entity(file, line, record)

    def _entity(self, file: SourceFile, line: int, record: dict[str, str | None]) -> Entity:
        source_id = record["_id"] or record.get("entity_number")
        if not source_id:
            raise ListFileError(file.name, "a row has neither _id nor entity_number", where=f"line {line}")
        schema = self._schema(record.get("type"))
        names = row_names(record, schema)
        if not names:
            raise ListFileError(file.name, "a row has no name", where=f"line {line}")
        found = parse_ids(record.get("ids"))
        if found.unread:
            self.report.warn("ids item without a type label kept as an attribute", found.unread)
        birth_dates, unread_dates = _birth_dates(record.get("dates_of_birth"))
        if unread_dates:
            self.report.warn("unreadable date of birth kept as an attribute", len(unread_dates))
        call_sign = record.get("call_sign")
        call_signs: tuple[Identifier, ...] = ()
        if call_sign:
            call_signs = (Identifier(IdentifierKind.CALL_SIGN, call_sign, label="call_sign"),)
        return Entity(
            source=self.source or "us_csl",
            source_id=source_id,
            schema=schema,
            names=names,
            birth_dates=birth_dates,
            birth_places=_places(record.get("places_of_birth")),
            nationalities=country_codes(tuple(_split(record.get("nationalities")))),
            citizenships=country_codes(tuple(_split(record.get("citizenships")))),
            gender=found.gender,
            identifiers=unique(found.identifiers + call_signs),
            addresses=unique(tuple(_address(text) for text in _split(record.get("addresses")))),
            designations=(_designation(record),),
            attributes=unique(_attributes(record) + found.attributes + unread_dates),
        )

    def _schema(self, text: str | None) -> Schema:
        schema = _SCHEMA.get((text or "").lower())
        if schema is None:
            self.report.warn(f"unknown type {text!r} read as an organisation")
            return Schema.ORGANIZATION
        return schema


def _ignore(nbytes: int) -> None:
    """A progress callback that does nothing (the first pass is not progress)."""


def _header(file: SourceFile, rows: Iterator[tuple[int, list[str]]]) -> dict[str, int]:
    first = next(rows, None)
    if first is None:
        raise ListFileError(file.name, "the file is empty")
    columns = {name.strip(): index for index, name in enumerate(first[1])}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ListFileError(file.name, f"the header lacks {', '.join(missing)}", where="line 1")
    return columns


def _row_id(row: list[str], id_at: int, number_at: int | None) -> str:
    value = row[id_at].strip() if id_at < len(row) else ""
    if not value and number_at is not None and number_at < len(row):
        value = row[number_at].strip()
    return value


def row_names(record: dict[str, str | None], schema: Schema) -> tuple[Name, ...]:
    """The row's name and its `alt_names`, without repeats; "LAST, First" gives name parts for people."""
    values = [(record.get("name"), NameKind.PRIMARY)]
    values += [(alias, NameKind.ALIAS) for alias in _split(record.get("alt_names"))]
    names: dict[str, Name] = {}
    for value, kind in values:
        if value and value not in names:
            parts = _parts(value) if schema is Schema.PERSON else None
            names[value] = Name(value=value, kind=kind, script=detect_script(value), parts=parts)
    return tuple(names.values())


def _parts(value: str) -> NameParts | None:
    family, comma, given = value.partition(", ")
    if not comma or ", " in given:
        return None
    return NameParts(given=given.strip() or None, family=family.strip() or None)


class FoundIds:
    """What the `ids` cell holds, sorted into the model's fields."""

    def __init__(self) -> None:
        self.identifiers: tuple[Identifier, ...] = ()
        self.attributes: tuple[Attribute, ...] = ()
        self.gender: str | None = None
        self.unread = 0


def parse_ids(text: str | None) -> FoundIds:
    found = FoundIds()
    for item in _split(text):
        value, comma, label = item.rpartition(", ")
        if not comma:
            found.attributes += (Attribute("ids", item),)
            found.unread += 1
            continue
        _add_id(found, value, label)
    return found


def _add_id(found: FoundIds, value: str, label: str) -> None:
    kind = classify_id(label)
    if label.lower() == "gender":
        gender = value.lower()
        if gender in ("male", "female"):
            found.gender = gender
        else:
            found.attributes += (Attribute("gender", value),)
    elif isinstance(kind, IdentifierKind):  # before str: an IdentifierKind is a str too
        found.identifiers += (_identifier(kind, value, label),)
    else:
        found.attributes += (Attribute(kind, value),)


def classify_id(label: str) -> IdentifierKind | str:
    """The identifier kind for an `ids` type label, or the attribute key for a non-identifier."""
    fixed = _ID_LABELS.get(label.lower())
    if fixed is not None:
        return fixed
    if _NOTE_LABEL.search(label):
        return _NOT_KEY.sub("_", label.lower()).strip("_")
    for pattern, kind in _ID_KEYWORDS:
        if pattern.search(label):
            return kind
    return IdentifierKind.OTHER


def _identifier(kind: IdentifierKind, value: str, label: str) -> Identifier:
    """An identifier from "[country, ][expiry, ][issue, ]number": the number may itself hold commas."""
    fields = value.split(", ")
    country = None
    if len(fields) > 1 and _COUNTRY.fullmatch(fields[0]) and country_code(fields[0]):
        country = country_code(fields.pop(0))
    dates = []
    while len(fields) > 1 and _DATE.fullmatch(fields[0]):
        dates.append(fields.pop(0))
    number = ", ".join(fields)
    if kind is IdentifierKind.IMO:
        number = _IMO_PREFIX.sub("", number)
    note = None
    if len(dates) == 2:
        note = f"issued {dates[1]}; expires {dates[0]}"
    elif dates:
        note = "date " + "; ".join(dates)
    return Identifier(kind, number, country=country, label=label, note=note)


def _birth_dates(text: str | None) -> tuple[tuple[BirthDate, ...], tuple[Attribute, ...]]:
    dates, unread = [], []
    for part in _split(text):
        parsed = parse_birth_date(part)
        if parsed:
            dates.append(parsed)
        else:
            unread.append(Attribute("date_of_birth", part))
    return tuple(dict.fromkeys(dates)), tuple(unread)


def _places(text: str | None) -> tuple[Place, ...]:
    places = (Place(part, country_code(part.rsplit(", ", 1)[-1])) for part in _split(text))
    return tuple(dict.fromkeys(places))


def _address(text: str) -> Address:
    """An address as written; its last part is the ISO country code ("..., Limassol, 3035, CY")."""
    head, _, last = text.rpartition(", ")
    code = country_code(last) if _COUNTRY.fullmatch(last) else None
    if head:
        return Address(full=text, country=code)
    return Address(full=None if code else text, country=code)


def _designation(record: dict[str, str | None]) -> Designation:
    listed = parse_partial_date(record.get("start_date"))
    return Designation(
        authority=record.get("source") or "US Consolidated Screening List",
        regime=record.get("programs"),
        legal_basis=record.get("federal_register_notice"),
        listed_on=listed.iso if listed else None,
        reason=record.get("remarks"),
        source_id=record.get("entity_number") or record.get("_id"),
    )


def _attributes(record: dict[str, str | None]) -> tuple[Attribute, ...]:
    attributes = []
    for column, key in _ATTRIBUTE_COLUMNS.items():
        value = record.get(column)
        if value:
            attributes.append(Attribute(key, value))
    start = record.get("start_date")
    if start and not parse_partial_date(start):
        attributes.append(Attribute("start_date", start))
    return tuple(attributes)


def merge(entities: list[Entity]) -> Entity:
    """One party listed on several lists: the first row, with every row's names, ids and designations."""
    first = entities[0]
    names: dict[str, Name] = {}
    for entity in entities:
        for name in entity.names:
            names.setdefault(name.value, name)
    return replace(
        first,
        names=tuple(names.values()),
        birth_dates=_union(entities, lambda e: e.birth_dates),
        birth_places=_union(entities, lambda e: e.birth_places),
        nationalities=_union(entities, lambda e: e.nationalities),
        citizenships=_union(entities, lambda e: e.citizenships),
        gender=next((e.gender for e in entities if e.gender), None),
        identifiers=_union(entities, lambda e: e.identifiers),
        addresses=_union(entities, lambda e: e.addresses),
        designations=_union(entities, lambda e: e.designations),
        attributes=_union(entities, lambda e: e.attributes),
    )


def _union(entities: list[Entity], field: Callable[[Entity], tuple[T, ...]]) -> tuple[T, ...]:
    return unique(tuple(value for entity in entities for value in field(entity)))


def _split(text: str | None) -> list[str]:
    if not text:
        return []
    return [part for part in (text_of(p) for p in text.split(";")) if part]
