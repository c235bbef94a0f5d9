"""Reader: Australia DFAT Consolidated List (regulation8_consolidated.xlsx).

One row per name: "Reference" 123 is the party and its primary name, 123a,
123b, ... (and 123b1 in a few places) are its other names, each row repeating
the party's details. A party is therefore every row whose reference starts
with the same number (3,062 parties over 9,553 rows in November 2024). Rows
of a party are not always adjacent, so rows are collected by base reference
before entities are built; the list is small.

The sheet is typed by hand and it shows: "Name Type" comes as "aka", "Aka ",
"Original script", "Primary name"; dates of birth are Excel dates, bare years
or free text ("a) 1 Jan. 1964 b) Approximately 1964", "Between 1963 and 1968",
"1961; 5 May 1964", "24/06/1402 (Hijri Calendar)"). Each piece is parsed at
the precision it states; Hijri dates are skipped and any text that does not
parse is kept as a `birth_date_text` attribute. The file states no publication
date, so the newest "Control Date" is taken as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from hoarfrost.errors import ListFileError
from hoarfrost.model import Address, BirthDate, Designation, Entity, NameKind, Place, Schema
from hoarfrost.names.scripts import detect_script, is_latin
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.common import iso_date, language_code, original_script_kind
from hoarfrost.sources.tabular import cell_text, load_sheet_rows, xlsx_head_strings
from hoarfrost.sources.uk_common import EntityBuilder, birth_country, uk_birth_date, uk_country
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

AUTHORITY = "DFAT"
Row = dict[str, Any]

_SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "vessel": Schema.VESSEL,
            "ship": Schema.VESSEL, "aircraft": Schema.AIRCRAFT}
_KINDS = {"primary name": NameKind.PRIMARY, "aka": NameKind.ALIAS, "original script": NameKind.ALIAS,
          "formerly known as": NameKind.FORMER, "previously listed as": NameKind.FORMER,
          "fka": NameKind.FORMER}
_KNOWN_COLUMNS = frozenset({
    "reference", "name of individual or entity", "type", "name type", "date of birth", "place of birth",
    "citizenship", "address", "additional information", "listing information", "committees", "control date",
    "instrument of designation",
})
_NOTHING = frozenset({"na", "n/a", "nil", "none", "unknown", "-"})
_BASE_REF = re.compile(r"\s*(\d+)")
# "a) X b) Y": several values in one cell.
_MARKER = re.compile(r"(?:^|(?<=[\s;,.]))[a-z]\)\s*")
# Names: "(previously listed as. In Arabic: ...)", a trailing "(Tigrinya)" or "(金铁三)".
_FORMER_NOTE = re.compile(r"\s*\((?:previously|formerly) listed as\b([^)]*)\)?\s*$", re.I)
_IN_SCRIPT = re.compile(r"\bin \w+\s*:\s*(.+)$", re.I)
_TRAILING_PAREN = re.compile(r"\s*\(([^()]+)\)\s*$")
# Dates of birth.
_HIJRI = re.compile(r"[\d/.\-]+\s*\(\s*hijri[^)]*\)?", re.I)
_DOB_SPLIT = re.compile(
    r"(?:^|(?<=[\s;,.]))[a-z]\)|;|\n|\s+or\s+|>>|\balt\.?\s*(?:DOB|born)\s*:?|\s{2,}|[()]", re.I
)
_DAY_DOT = re.compile(r"(\d)\.\s*(?=[A-Za-z])")
_MONTH_DOT = re.compile(r"([A-Za-z])\.(?=\d)")
_DASHED = re.compile(r"\b(\d{1,2})-([A-Za-z]{3,9})-(\d{4})\b")
_SLASH_SPACE = re.compile(r"/\s+")
_DATE_PREFIX = re.compile(r"^(?:alt(?:ernative)?\.?\s*)?(?:DOB|born|date of birth)\s*:?\s*", re.I)
_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approx(?:imately)?\.?|about|around)\s*", re.I)
_BETWEEN = re.compile(r"^(?:between\s+)?(.+?)\s+(?:and|to)\s+(.+)$", re.I)
# Listing information: the first date written in it, and the regulations it names.
_DATE_IN_TEXT = re.compile(
    r"\d{1,2}\s*\.?\s*[A-Za-z]{3,9}\.?\s*\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"
)
# The instrument (legislative act) that designated the party, or the regulations / UN resolution.
_LEGAL_BASIS = (
    re.compile(
        r"(?:Autonomous Sanctions|Charter of the United Nations)\b.*?\b(?:Instrument|List)\b(?:\s+\d{4})?"
    ),
    re.compile(r"(?<=Designated under the ).+? Regulations \d{4}", re.I),
    re.compile(r"(?:UNSC |Security Council )?Resolution \d+(?: \(\d{4}\))?", re.I),
)


class AuDfatXlsxReader(ListReader):
    format = "au_dfat_xlsx"
    source = "au_dfat"
    title = "Australia DFAT consolidated list XLSX"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        strings = xlsx_head_strings(file, head)
        return b">Name of Individual or Entity<" in strings and b">Reference<" in strings

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            with self.open_counted(file) as stream:
                rows = load_sheet_rows(stream, file.name)
            groups = _group_rows(rows, file.name)
            control_dates = [d for group in groups.values() for row in group
                             if (d := iso_date(cell_text(row.get("control date"))))]
            if control_dates:
                self.report.published = max(control_dates)
            for base, group in groups.items():
                yield _party_entity(base, group, self.report)


def _group_rows(rows: Sequence[tuple[int, tuple[Any, ...]]], name: str) -> dict[str, list[Row]]:
    """Rows by base reference ("12" for 12, 12a, 12b1), after the header row."""
    header: list[str] | None = None
    groups: dict[str, list[Row]] = {}
    for number, cells in rows:
        if header is None:
            keys = [(cell_text(cell) or "").lower() for cell in cells]
            if "reference" in keys and "name of individual or entity" in keys:
                header = keys
            elif number > 5:
                break
            continue
        row = {key: cell for key, cell in zip(header, cells, strict=False) if key and cell_text(cell)}
        if not row:
            continue
        match = _BASE_REF.match(cell_text(row.get("reference")) or "")
        if not match:
            raise ListFileError(name, "a row has no Reference number", where=f"row {number}")
        groups.setdefault(match.group(1), []).append(row)
    if header is None:
        raise ListFileError(name, "no DFAT header row (Reference, Name of Individual or Entity, ...) found")
    return groups


def _party_entity(base: str, rows: list[Row], report: ReadReport) -> Entity:
    builder = EntityBuilder()
    for row in rows:
        _add_names(builder, text_of(cell_text(row.get("name of individual or entity"))),
                   (cell_text(row.get("name type")) or "").lower())
        _add_birth_dates(builder, row.get("date of birth"))
        _add_details(builder, row)
    _add_designations(builder, rows, base)
    if not builder.names:
        report.warn("a party has no name")
        builder.add_name(base, NameKind.PRIMARY)
    return builder.entity(AuDfatXlsxReader.source or "au_dfat", base, _schema(rows, report))


def _schema(rows: list[Row], report: ReadReport) -> Schema:
    kinds = [text.lower() for row in rows if (text := cell_text(row.get("type")))]
    for kind in kinds:
        if kind in _SCHEMAS:
            return _SCHEMAS[kind]
    report.warn(f"unknown Type {kinds[0] if kinds else None!r}: read as Organization")
    return Schema.ORGANIZATION


def _add_names(builder: EntityBuilder, text: str | None, name_type: str) -> None:
    """A name cell, with the notes DFAT writes into it turned into name kinds and languages."""
    if not text:
        return
    kind = _KINDS.get(name_type, NameKind.ALIAS)
    if match := _FORMER_NOTE.search(text):
        kind, text = NameKind.FORMER, text[:match.start()]
        if written := _IN_SCRIPT.search(match.group(1)):
            builder.add_name(written.group(1), NameKind.FORMER)
    if match := _TRAILING_PAREN.search(text):
        inner, outer = match.group(1).strip(), text[:match.start()].strip()
        if outer and not is_latin(outer) and (lang := language_code(inner)):
            builder.add_name(outer, kind, lang=lang)
            return
        if outer and is_latin(outer) and not is_latin(inner):
            builder.add_name(outer, kind)
            builder.add_name(inner, original_script_kind(kind))
            return
    for index, piece in enumerate(_script_runs(text)):
        builder.add_name(piece, kind if index == 0 else original_script_kind(kind))


def _script_runs(text: str) -> list[str]:
    """ "Agha Jan Alizai اغا جان عالیزی" as its Latin and its Arabic name; other text whole."""
    if detect_script(text) != "Zmix":
        return [text]
    runs: list[tuple[str, list[str]]] = []
    for token in text.split():
        script = detect_script(token)
        if script == "Zmix":
            return [text]
        if runs and script in (runs[-1][0], "Zyyy"):
            runs[-1][1].append(token)
        else:
            runs.append((script, [token]))
    return [" ".join(tokens) for _, tokens in runs]


def _add_birth_dates(builder: EntityBuilder, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        birth = parse_birth_date(cell_text(value))
        if birth:
            builder.birth_dates[birth] = None
        return
    births, complete = au_birth_dates(value)
    for birth in births:
        builder.birth_dates[birth] = None
    if not complete:
        builder.add_attribute("birth_date_text", value)


def au_birth_dates(text: str) -> tuple[list[BirthDate], bool]:
    """Every date in a DFAT date-of-birth cell, and whether all of the cell was understood."""
    if text_of(text) is None or text.strip().lower() in _NOTHING:
        return [], True
    complete = not _HIJRI.search(text)
    births: list[BirthDate] = []
    for piece in _DOB_SPLIT.split(_HIJRI.sub(";", text)):
        piece = _clean_date(piece)
        if not any(char.isdigit() for char in piece):
            continue
        found = _piece_dates(piece)
        births.extend(found)
        complete = complete and bool(found)
    return births, complete


def _clean_date(piece: str) -> str:
    piece = piece.replace("\xa0", " ")
    piece = _DAY_DOT.sub(r"\1 ", piece)
    piece = _MONTH_DOT.sub(r"\1. ", piece)
    piece = _DASHED.sub(r"\1 \2 \3", piece)
    piece = _SLASH_SPACE.sub("/", piece)
    piece = " ".join(piece.split()).strip(" .,;:")
    return _DATE_PREFIX.sub("", piece)


def _piece_dates(piece: str) -> list[BirthDate]:
    """One date, range or approximation; failing that, dates separated by commas."""
    found = uk_birth_date(piece) or _range(piece)
    if found:
        return [found]
    parts = [part.strip(" .") for part in piece.split(",") if part.strip(" .")]
    if len(parts) < 2:
        return []
    dates = [uk_birth_date(part) or _range(part) for part in parts]
    return [date for date in dates if date] if all(dates) else []


def _range(piece: str) -> BirthDate | None:
    """Ranges `parse_birth_date` leaves: "March 1955 to March 1956", "Between Aug. and Sep 1977"."""
    circa = bool(_CIRCA.match(piece))
    match = _BETWEEN.match(_CIRCA.sub("", piece))
    if not match:
        return None
    end = parse_partial_date(match.group(2))
    if end is None:
        return None
    start = parse_partial_date(match.group(1)) or parse_partial_date(f"{match.group(1)} {end.iso[:4]}")
    return BirthDate(start, until=end, circa=circa) if start else None


def _add_details(builder: EntityBuilder, row: Row) -> None:
    for place in _items(row.get("place of birth")):
        builder.birth_places[Place(place, _trailing_country(place))] = None
    for citizenship in _items(row.get("citizenship")):
        builder.add_countries(builder.citizenships, citizenship, "citizenship")
    for address in _items(row.get("address")):
        builder.addresses[Address(full=address, country=_trailing_country(address))] = None
    for key, value in row.items():
        if key not in _KNOWN_COLUMNS:
            builder.labelled(key, cell_text(value))


def _items(value: Any) -> list[str]:
    """The values of a cell, split at "a) ... b) ..." markers; "NA" and the like dropped."""
    text = text_of(cell_text(value))
    if not text or text.lower() in _NOTHING:
        return []
    pieces = _MARKER.split(text) if text.startswith("a)") else [text]
    return [piece for part in pieces if (piece := part.strip(" ;,."))]


def _trailing_country(text: str) -> str | None:
    """The country an address or place ends with ("..., Kandahar Province, Afghanistan")."""
    last = text.rsplit(",", 1)[-1].strip(" .;")
    code = birth_country(last)
    if code:
        return code
    words = last.split()
    for size in (3, 2, 1):
        if len(words) > size and (code := uk_country(" ".join(words[-size:]))):
            return code
    return None


def _add_designations(builder: EntityBuilder, rows: list[Row], base: str) -> None:
    """One designation per committee; other listing texts and remarks of alias rows kept as attributes."""
    seen: set[str | None] = set()
    for row in rows:
        regime = text_of(cell_text(row.get("committees")))
        listing = text_of(cell_text(row.get("listing information")))
        reason = text_of(cell_text(row.get("additional information")))
        if regime not in seen:
            seen.add(regime)
            legal_basis = text_of(cell_text(row.get("instrument of designation"))) or _legal_basis(listing)
            listed = Designation(AUTHORITY, regime, legal_basis, _listed_on(row), reason, base)
            builder.designations[listed] = None
        builder.add_attribute("listing_information", listing)
        if reason and not any(d.reason == reason for d in builder.designations):
            builder.add_attribute("remarks", reason)
    dates = [d for row in rows if (d := iso_date(cell_text(row.get("control date"))))]
    if dates:
        builder.add_attribute("control_date", max(dates))


def _listed_on(row: Row) -> str | None:
    value = row.get("listing information")
    if value is not None and not isinstance(value, str):
        return iso_date(cell_text(value))
    for match in _DATE_IN_TEXT.finditer(value or ""):
        found = parse_partial_date(_clean_date(match.group(0)))
        if found:
            return found.iso
    return None


def _legal_basis(listing: str | None) -> str | None:
    for pattern in _LEGAL_BASIS:
        if match := pattern.search(listing or ""):
            return match.group(0)
    return None
