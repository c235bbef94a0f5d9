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
or Windows-1252. What this reader shares with the FCDO and DFAT readers
(`EntityBuilder`, the UK date and country readings) is in `uk_common`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from hoarfrost.errors import ListFileError
from hoarfrost.model import Address, Designation, Entity, Identifier, IdentifierKind, NameKind, NameParts, Place, Schema
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.common import iso_date, language_code, original_script_kind
from hoarfrost.sources.tabular import cell_text, iter_csv_rows, load_sheet_rows, xlsx_head_strings
from hoarfrost.sources.uk_common import (
    AUTHORITY,
    EntityBuilder,
    birth_country,
    document_country,
    uk_birth_date,
    uk_country,
)
from hoarfrost.values.dates import parse_partial_date

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
# The labels OFSI packs into "Other Information"; free text may hold other "(...):" runs.
_OTHER_LABELS = (
    "UK Sanctions List Ref", "UN Ref", "UK Statement of Reasons", "Gender", "Phone number",
    "Email address", "Website", "Fax", "Type of entity", "Parent company", "Subsidiaries",
    "Business Reg No", "IMO number", "Current owners", "Previous owners", "Flag of ship",
    "Previous flags", "Type of ship", "Tonnage of ship", "Length of ship", "Year built",
    "Hull identification number",
)
_OTHER_SPLIT = re.compile(r"\((" + "|".join(map(re.escape, _OTHER_LABELS)) + r")\)\s*:", re.I)
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
    return builder.entity(UkOfsiCsvReader.source or "uk_ofsi", group_id, schema)


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
        builder.add_attribute("title", title)


def _name_kind(alias_type: str, quality: str) -> NameKind:
    kind = alias_type.lower()
    if kind == "primary name":
        return NameKind.PRIMARY
    if kind in ("fka", "former name", "formerly known as"):
        return NameKind.FORMER
    return NameKind.WEAK_ALIAS if quality.lower().startswith("low") else NameKind.ALIAS


def _add_person_details(builder: EntityBuilder, row: Row) -> None:
    for text in numbered(row.get("dob")):
        birth = uk_birth_date(text)
        if birth:
            builder.birth_dates[birth] = None
        else:
            builder.add_attribute("birth_date_text", text)
    for place in _birth_places(row.get("town of birth"), row.get("country of birth")):
        builder.birth_places[place] = None
    for text in numbered(row.get("nationality")):
        builder.add_countries(builder.nationalities, text, "nationality")
    _add_documents(builder, IdentifierKind.PASSPORT, row.get("passport number"), row.get("passport details"))
    _add_documents(builder, IdentifierKind.NATIONAL_ID, row.get("national identification number"),
                   row.get("national identification details") or row.get("ni number"))
    for position in numbered(row.get("position")):
        builder.add_attribute("position", position)


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
        builder.add_attribute("remarks", remarks)
    for ref in info.uk_refs[1:]:
        builder.add_attribute("uk_sanctions_list_ref", ref)
    for ref in info.un_refs:
        builder.add_attribute("un_reference", ref)
    return info


def _add_designations(builder: EntityBuilder, rows: list[Row], info: _OtherInfo) -> None:
    for row in rows:
        listed = row.get("listed on") or row.get("date listed")
        builder.designations[Designation(
            AUTHORITY, row.get("regime"), None, iso_date(listed), info.reason, info.source_id,
        )] = None
        if (designated := iso_date(row.get("uk sanctions list date designated"))):
            builder.add_attribute("uk_designated_on", designated)
        if (updated := iso_date(row.get("last updated"))):
            builder.add_attribute("last_updated", updated)


def numbered(text: str | None) -> list[str]:
    """The values of a cell that numbers them ("(1) A (2) B"), or the cell itself."""
    text = text_of(text)
    if not text:
        return []
    if not text.startswith("(1)"):
        return [text]
    values = (part.strip(" .,;") for part in _NUMBERED.split(text))
    return [value for value in values if value and value != "-"]
