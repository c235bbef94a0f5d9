"""Reader: UK OFSI consolidated list (ConList), as CSV or XLSX.

OFSI publishes one row per name *and* per address, DOB, passport...: a party is
the set of rows sharing a "Group ID" (4,686 groups over 18,796 rows in April
2025). Rows of a group are usually adjacent but not always (the real file has
8,504 runs of group ids), so the reader collects all rows by group id in a dict
before building entities: the list is a few MB, and correctness does not then
depend on the publisher's ordering. Entities come out in the order of each
group's first row.

The file starts with a "Last Updated | dd/mm/yyyy" row (the publication date),
then the header. Cells that hold several values number them: "(1) X (2) Y".
"Other Information" packs labelled fields into one text:
"(UK Sanctions List Ref):RUS0548. ... (UK Statement of Reasons):... (Gender):Male";
they are split out here (gender, phone, IMO number, ship details, ...).

The CSV variant has the same columns and comes as UTF-8 (with or without BOM)
or Windows-1252. The helpers at the end (`EntityBuilder`, `language_code`,
`document_country`) are shared with the FCDO and DFAT readers.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

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
from hoarfrost.sources.tabular import cell_text, iter_csv_rows, iter_sheet_rows, open_workbook
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

AUTHORITY = "UK"
_SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "ship": Schema.VESSEL}
_NAME_COLUMNS = ("name 1", "name 2", "name 3", "name 4", "name 5", "name 6")
_ADDRESS_COLUMNS = ("address 1", "address 2", "address 3", "address 4", "address 5", "address 6")
_KNOWN_COLUMNS = frozenset(
    {*_NAME_COLUMNS, *_ADDRESS_COLUMNS, "title", "name non-latin script", "non-latin script type",
     "non-latin script language", "dob", "town of birth", "country of birth", "nationality",
     "passport number", "passport details", "national identification number",
     "national identification details", "ni number", "position", "post/zip code", "country",
     "other information", "group type", "alias type", "alias quality", "regime", "listed on",
     "date listed", "uk sanctions list date designated", "last updated", "group id"}
)

# "(1) X (2) Y": several values in one cell.
_NUMBERED = re.compile(r"\(\d{1,2}\)")
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_CURRENTLY = re.compile(r"\b(?:currently|now)\s+([^()]+)", re.I)
# Country spellings in UK lists that values.countries does not know (yet).
_COUNTRY_FIXES = {
    "occupied palestinian territories": "ps", "palestinian territories": "ps", "state of palestine": "ps",
    "united kingdom of great britain": "gb", "democratic republic of congo": "cd", "afghani": "af",
    "mauritian": "mu",
}
# The labels OFSI packs into "Other Information"; free text may hold other "(...):" runs.
_OTHER_LABELS = (
    "UK Sanctions List Ref", "UN Ref", "UK Statement of Reasons", "Gender", "Phone number",
    "Email address", "Website", "Fax", "Type of entity", "Parent company", "Subsidiaries",
    "Business Reg No", "IMO number", "Current owners", "Previous owners", "Flag of ship",
    "Previous flags", "Type of ship", "Tonnage of ship", "Length of ship", "Year built",
    "Hull identification number",
)
_OTHER_SPLIT = re.compile(r"\((" + "|".join(map(re.escape, _OTHER_LABELS)) + r")\)\s*:", re.I)
_DOC_COUNTRY = re.compile(
    r"^\s*([A-Za-z][A-Za-z .'()-]*?)\s+(?:(?:diplomatic|official|service|national|passport)\s+)?"
    r"(?:passport|number|identity|id\b|national)", re.I,
)
_SLUG = re.compile(r"[^a-z0-9]+")
_COUNTRY_SPLIT = re.compile(r"[,;/.]|\band\b")
# "(UK Sanctions List Ref):AQD0194 and SOM0003. Free text..." / "(UN Ref):QDi.042."
_REF_TOKEN = r"[A-Za-z]{2,4}\.?\d{2,5}"
_REF = re.compile(_REF_TOKEN)
_REFS = re.compile(rf"\s*({_REF_TOKEN}(?:\s*(?:,|and|&)\s*{_REF_TOKEN})*)\.?")


class UkOfsiCsvReader(ListReader):
    """The ConList as CSV (ConList.csv)."""

    format = "uk_ofsi_csv"
    source = "uk_ofsi"
    title = "UK OFSI consolidated list CSV"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        if head.startswith(b"PK\x03\x04"):
            return False
        text = _decode_head(head)
        lines = text.splitlines()[:4]
        return any(_is_header(row) for row in csv.reader(lines))

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            with self.open_counted(file) as stream:
                data = stream.read()
            if not data.strip():
                raise ListFileError(file.name, "the file is empty")
            rows = iter_csv_rows(io.BytesIO(data), file.name, encoding=_csv_encoding(data))
            yield from read_conlist(rows, file.name, self.report)


class UkOfsiXlsxReader(ListReader):
    """The ConList as an Excel workbook (ConList.xlsx; first sheet)."""

    format = "uk_ofsi_xlsx"
    source = "uk_ofsi"
    title = "UK OFSI consolidated list XLSX"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        strings = xlsx_head_strings(file, head)
        return b">Name 6<" in strings and b">Group ID<" in strings

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            with self.open_counted(file) as stream:
                rows = load_sheet_rows(stream, file.name)
            yield from read_conlist(rows, file.name, self.report)


def xlsx_head_strings(file: SourceFile, head: bytes, limit: int = 65536) -> bytes:
    """The first bytes of an XLSX's shared strings and first sheet, for sniffing.

    The zip is compressed, so the 64 KiB head shows no cell text; the header row's
    strings are near the start of `sharedStrings.xml` (or inline in the sheet).
    """
    if not head.startswith(b"PK\x03\x04"):
        return b""
    try:
        with file.open() as stream:
            data = stream.read()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            parts = []
            for member in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                if member in names:
                    with archive.open(member) as inner:
                        parts.append(inner.read(limit))
            return b"".join(parts)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return b""


def load_sheet_rows(stream: Any, name: str) -> list[tuple[int, tuple[Any, ...]]]:
    """All rows of the first sheet, read with openpyxl's warnings silenced.

    Rows are read eagerly so the warnings filter does not leak into the caller
    while a generator is suspended (pytest treats warnings as errors).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = open_workbook(stream, name)
        try:
            return list(iter_sheet_rows(workbook))
        finally:
            workbook.close()


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8-sig", errors="replace")


def _is_header(row: Sequence[Any]) -> bool:
    cells = [(cell_text(cell) or "").lower() for cell in row]
    return bool(cells) and cells[0] == "name 6" and "group id" in cells


def _csv_encoding(data: bytes) -> str:
    """UTF-8 (BOM or not) when the bytes decode as UTF-8, else Windows-1252 as OFSI's older CSVs."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


# --- the shared ConList row mapping ---------------------------------------------------------------

Row = dict[str, str]


def read_conlist(
    rows: Iterable[tuple[int, Sequence[Any]]], name: str, report: ReadReport
) -> Iterator[Entity]:
    """Entities from ConList rows (CSV or XLSX cells), grouped by Group ID."""
    header: list[str] | None = None
    groups: dict[str, list[Row]] = {}
    for number, cells in rows:
        if header is None:
            header = _preamble_row(cells, number, name, report)
            continue
        row = {key: text for key, cell in zip(header, cells, strict=False)
               if key and (text := cell_text(cell))}
        if not row:
            continue
        group_id = row.get("group id")
        if not group_id:
            raise ListFileError(name, "a row has no Group ID", where=f"line {number}")
        groups.setdefault(group_id, []).append(row)
    if header is None:
        raise ListFileError(name, "no ConList header row (Name 6 ... Group ID) found")
    for group_id, group in groups.items():
        entity = _group_entity(group_id, group, report)
        if entity is not None:
            yield entity


def _preamble_row(cells: Sequence[Any], number: int, name: str, report: ReadReport) -> list[str] | None:
    """Read the "Last Updated" line; return the header keys once the header row is reached."""
    first = (cell_text(cells[0]) if cells else None) or ""
    if first.lower() == "last updated" and len(cells) > 1:
        published = parse_partial_date((cell_text(cells[1]) or "").split(" ")[0])  # "10/04/2025 09:30"
        if published:
            report.published = published.iso
        return None
    if _is_header(cells):
        return [(cell_text(cell) or "").lower() for cell in cells]
    if number > 5:
        raise ListFileError(name, "no ConList header row (Name 6 ... Group ID) found", where=f"line {number}")
    return None


def _group_entity(group_id: str, rows: list[Row], report: ReadReport) -> Entity | None:
    group_type = rows[0].get("group type", "")
    schema = _SCHEMAS.get(group_type.lower())
    if schema is None:
        report.warn(f"unknown Group Type {group_type!r}: read as Organization")
        schema = Schema.ORGANIZATION
    builder = EntityBuilder()
    for row in rows:
        _add_names(builder, row, schema)
        _add_person_details(builder, row)
        _add_address(builder, row)
        _add_extra_columns(builder, row)
    info = _other_information(builder, rows)
    _add_designations(builder, rows, info)
    if not builder.names:
        report.warn("a group has no name: skipped")
        return None
    return builder.build(UkOfsiCsvReader.source or "uk_ofsi", group_id, schema)


def _add_names(builder: EntityBuilder, row: Row, schema: Schema) -> None:
    kind = _name_kind(row.get("alias type", ""), row.get("alias quality", ""))
    given = [row[key] for key in _NAME_COLUMNS[:5] if key in row]
    family = row.get("name 6")
    value = " ".join([*given, family] if family else given)
    if value:
        parts = None
        if schema is Schema.PERSON:
            parts = NameParts(given=given[0] if given else None, middle=" ".join(given[1:]) or None,
                              family=family, title=", ".join(numbered(row.get("title"))) or None)
        builder.add_name(value, kind, parts=parts)
    original = row.get("name non-latin script")
    if original:
        lang = language_code(row.get("non-latin script language"))
        builder.add_name(original, original_script_kind(kind), lang=lang)
    for title in numbered(row.get("title")):
        builder.attr("title", title)


def _name_kind(alias_type: str, quality: str) -> NameKind:
    kind = alias_type.lower()
    if kind == "primary name":
        return NameKind.PRIMARY
    if kind in ("fka", "former name", "formerly known as"):
        return NameKind.FORMER
    return NameKind.WEAK_ALIAS if quality.lower().startswith("low") else NameKind.ALIAS


def original_script_kind(kind: NameKind) -> NameKind:
    """Original-script forms are aliases of the Latin names, but keep a weak or former qualifier."""
    return kind if kind in (NameKind.WEAK_ALIAS, NameKind.FORMER) else NameKind.ALIAS


def _add_person_details(builder: EntityBuilder, row: Row) -> None:
    for text in numbered(row.get("dob")):
        birth = uk_birth_date(text)
        if birth:
            builder.birth_dates[birth] = None
        else:
            builder.attr("birth_date_text", text)
    for place in _birth_places(row.get("town of birth"), row.get("country of birth")):
        builder.birth_places[place] = None
    for text in numbered(row.get("nationality")):
        builder.add_countries(builder.nationalities, text, "nationality")
    _add_documents(builder, IdentifierKind.PASSPORT, row.get("passport number"), row.get("passport details"))
    _add_documents(builder, IdentifierKind.NATIONAL_ID, row.get("national identification number"),
                   row.get("national identification details") or row.get("ni number"))
    for position in numbered(row.get("position")):
        builder.attr("position", position)


@lru_cache(maxsize=4096)
def uk_birth_date(text: str | None) -> BirthDate | None:
    """A UK date of birth: dd/mm/yyyy with "dd"/"mm"/"00" for unknown parts, or mm/yyyy."""
    birth = parse_birth_date(text)
    if birth or not text:
        return birth
    match = _MONTH_YEAR.fullmatch(text.strip())
    if match and 1 <= int(match.group(1)) <= 12:
        return BirthDate(PartialDate(f"{match.group(2)}-{int(match.group(1)):02d}"))
    return None


def _birth_places(town_text: str | None, country_text: str | None) -> list[Place]:
    """Towns and countries of birth, paired by their "(n)" numbers when both are numbered alike."""
    towns, countries = numbered(town_text), numbered(country_text)
    if not towns:
        return [Place(country, birth_country(country)) for country in countries]
    if len(countries) == len(towns):
        pairs = list(zip(towns, countries, strict=True))
    elif len(countries) == 1:
        pairs = [(town, countries[0]) for town in towns]
    else:
        return [Place(town) for town in towns] + [Place(c, birth_country(c)) for c in countries]
    return [Place(f"{town}, {country}", birth_country(country)) for town, country in pairs]


def birth_country(text: str | None) -> str | None:
    """A country code, also for "Former USSR Currently Ukraine" and "Ukrainian SSR (now Ukraine)"."""
    code = uk_country(text)
    if code is None and text and (match := _CURRENTLY.search(text)):
        code = uk_country(match.group(1))
    return code


def uk_country(text: str | None) -> str | None:
    """`country_code`, plus the few spellings of UK lists it lacks."""
    return country_code(text) or _COUNTRY_FIXES.get((text or "").strip(" .").lower())


def _add_documents(
    builder: EntityBuilder, kind: IdentifierKind, numbers: str | None, details: str | None
) -> None:
    values = [value for value in numbered(numbers) if any(c.isalnum() for c in value)]
    notes = numbered(details)
    paired = len(notes) == len(values)
    for index, value in enumerate(values):
        note = notes[index] if paired else details
        note = note if note and any(c.isalnum() for c in note) else None
        builder.identifiers[Identifier(kind, value, document_country(note), None, note)] = None


def _add_address(builder: EntityBuilder, row: Row) -> None:
    lines = [row[key] for key in _ADDRESS_COLUMNS if key in row]
    postal, country = row.get("post/zip code"), row.get("country")
    parts = [*lines, *(value for value in (postal, country) if value)]
    if parts:
        address = Address(full=", ".join(parts), postal_code=postal, country=uk_country(country))
        builder.addresses[address] = None


def _add_extra_columns(builder: EntityBuilder, row: Row) -> None:
    """Columns of newer ConList versions (ship details, ...) that the core layout lacks."""
    for key, value in row.items():
        if key not in _KNOWN_COLUMNS:
            builder.labelled(key, value)


@dataclass
class _OtherInfo:
    uk_refs: list[str] = field(default_factory=list)
    un_refs: list[str] = field(default_factory=list)
    reason: str | None = None

    @property
    def source_id(self) -> str | None:
        """The UK Sanctions List Ref (the UN ref when there is none); a second ref becomes an attribute."""
        refs = self.uk_refs or self.un_refs
        return refs[0] if refs else None


def _other_information(builder: EntityBuilder, rows: list[Row]) -> _OtherInfo:
    """Split "Other Information" into its labelled fields; the rest is free text."""
    info = _OtherInfo()
    texts = dict.fromkeys(row["other information"] for row in rows if "other information" in row)
    free: list[str] = []
    for text in texts:
        pieces = _OTHER_SPLIT.split(text)
        free.append(pieces[0])
        for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
            label = label.lower()
            if label in ("uk sanctions list ref", "un ref"):
                match = _REFS.match(value)
                refs = _REF.findall(match.group(1)) if match else []
                known = info.uk_refs if label.startswith("uk") else info.un_refs
                known.extend(ref for ref in refs if ref not in known)
                free.append(value[match.end():] if match else value)
            elif label == "uk statement of reasons":
                info.reason = text_of(value)
            else:
                builder.labelled(label, value)
    remarks = text_of(" ".join(free))
    if info.reason is None:
        info.reason = remarks
    elif remarks:
        builder.attr("remarks", remarks)
    for ref in info.uk_refs[1:]:
        builder.attr("uk_sanctions_list_ref", ref)
    for ref in info.un_refs:
        builder.attr("un_reference", ref)
    return info


def _add_designations(builder: EntityBuilder, rows: list[Row], info: _OtherInfo) -> None:
    for row in rows:
        listed = row.get("listed on") or row.get("date listed")
        builder.designations[Designation(
            AUTHORITY, row.get("regime"), None, iso_date(listed), info.reason, info.source_id,
        )] = None
        if (designated := iso_date(row.get("uk sanctions list date designated"))):
            builder.attr("uk_designated_on", designated)
        if (updated := iso_date(row.get("last updated"))):
            builder.attr("last_updated", updated)


# --- helpers shared by the UK and DFAT readers ----------------------------------------------------

_LABEL_ATTRIBUTES = {
    "phone number": "phone", "phone": "phone", "tel": "phone", "fax": "fax", "email address": "email",
    "email": "email", "website": "website", "type of entity": "entity_type",
    "parent company": "parent_company",
    "subsidiaries": "subsidiary", "subsidiary": "subsidiary", "current owners": "vessel_owner",
    "current owner/operator": "vessel_owner", "previous owners": "vessel_previous_owner",
    "flag of ship": "vessel_flag", "current believed flag of ship": "vessel_flag",
    "previous flags": "vessel_previous_flag", "type of ship": "vessel_type", "vessel type": "vessel_type",
    "tonnage of ship": "vessel_tonnage", "tonnage": "vessel_tonnage", "length of ship": "vessel_length",
    "year built": "vessel_year_built",
}
_LABEL_IDENTIFIERS = {
    "imo number": (IdentifierKind.IMO, "IMO number"), "imo": (IdentifierKind.IMO, "IMO number"),
    "business reg no": (IdentifierKind.REGISTRATION, "Business Reg No"),
    "business registration number": (IdentifierKind.REGISTRATION, "Business registration number"),
    "hull identification number": (IdentifierKind.OTHER, "Hull identification number"),
}
_KIND_RANK = {NameKind.PRIMARY: 0, NameKind.ALIAS: 1, NameKind.FORMER: 2, NameKind.WEAK_ALIAS: 3}


@dataclass
class EntityBuilder:
    """Collects one party's facts from many rows or elements, without repeats, in first-seen order."""

    names: dict[str, Name] = field(default_factory=dict)
    birth_dates: dict[BirthDate, None] = field(default_factory=dict)
    birth_places: dict[Place, None] = field(default_factory=dict)
    nationalities: dict[str, None] = field(default_factory=dict)
    citizenships: dict[str, None] = field(default_factory=dict)
    identifiers: dict[Identifier, None] = field(default_factory=dict)
    addresses: dict[Address, None] = field(default_factory=dict)
    designations: dict[Designation, None] = field(default_factory=dict)
    attributes: dict[Attribute, None] = field(default_factory=dict)
    gender: str | None = None

    def add_name(self, value: str | None, kind: NameKind, *, lang: str | None = None,
                 parts: NameParts | None = None) -> None:
        """Add a name; an identical value keeps the stronger kind (primary over alias over weak)."""
        value = text_of(value)
        if not value:
            return
        known = self.names.get(value)
        if known is None:
            self.names[value] = Name(value, kind, detect_script(value), lang, parts)
        elif _KIND_RANK[kind] < _KIND_RANK[known.kind]:
            self.names[value] = Name(value, kind, known.script, lang or known.lang, parts or known.parts)

    def attr(self, key: str, value: str | None) -> None:
        value = text_of(value)
        if value:
            self.attributes[Attribute(key, value)] = None

    def add_countries(self, target: dict[str, None], text: str | None, key: str) -> None:
        """Country codes of a text like "Russia", "Estonia, Russia"; unknown text kept as an attribute."""
        text = text_of(text)
        if not text:
            return
        code = uk_country(text)
        pieces = [code] if code else [uk_country(piece) for piece in _COUNTRY_SPLIT.split(text)]
        codes = [c for c in pieces if c]
        for found in codes:
            target[found] = None
        if len(codes) < len(pieces) or not codes:
            self.attr(key, text)

    def labelled(self, label: str, value: str | None) -> None:
        """A labelled value ("(IMO number):9123456", an extra column) as identifier, gender or attribute."""
        value = text_of(value)
        if not value:
            return
        label = label.strip().lower()
        if label == "gender":
            self.set_gender(value)
        elif label in _LABEL_IDENTIFIERS:
            kind, publisher_label = _LABEL_IDENTIFIERS[label]
            if kind is IdentifierKind.IMO:
                value = value.upper().removeprefix("IMO").strip(" .:")
            self.identifiers[Identifier(kind, value, None, publisher_label)] = None
        else:
            self.attr(_LABEL_ATTRIBUTES.get(label) or _SLUG.sub("_", label).strip("_"), value)

    def set_gender(self, text: str | None) -> None:
        gender = (text or "").strip().lower()
        if gender in ("male", "female"):
            self.gender = gender
        elif gender:
            self.attr("gender", text)

    def build(self, source: str, source_id: str, schema: Schema) -> Entity:
        names = sorted(self.names.values(), key=lambda name: _KIND_RANK[name.kind])
        return Entity(
            source=source, source_id=source_id, schema=schema, names=tuple(names),
            birth_dates=tuple(self.birth_dates), birth_places=tuple(self.birth_places),
            nationalities=tuple(self.nationalities), citizenships=tuple(self.citizenships),
            gender=self.gender, identifiers=tuple(self.identifiers), addresses=tuple(self.addresses),
            designations=tuple(self.designations), attributes=tuple(self.attributes),
        )


def numbered(text: str | None) -> list[str]:
    """The values of a cell that numbers them ("(1) A (2) B"), or the cell itself."""
    text = text_of(text)
    if not text:
        return []
    if not text.startswith("(1)"):
        return [text]
    values = (part.strip(" .,;") for part in _NUMBERED.split(text))
    return [value for value in values if value and value != "-"]


@lru_cache(maxsize=4096)
def iso_date(text: str | None) -> str | None:
    found = parse_partial_date(text) if text else None
    return found.iso if found else None


@lru_cache(maxsize=256)
def language_code(text: str | None) -> str | None:
    """ISO 639 code (two letters when one exists) for a language name ("Russian", "Persian/Farsi")."""
    import pycountry

    for name in re.split(r"[/,]", text or ""):
        name = name.strip()
        if not name:
            continue
        try:
            language = pycountry.languages.lookup(name)
        except LookupError:
            continue
        return str(getattr(language, "alpha_2", None) or language.alpha_3)
    return None


def document_country(note: str | None) -> str | None:
    """The issuing country a document note starts with ("Afghanistan passport number ...")."""
    if not note:
        return None
    match = _DOC_COUNTRY.match(note)
    return country_code(match.group(1) if match else re.split(r"[.,;(]", note, maxsplit=1)[0])
