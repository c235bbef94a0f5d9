"""Reader: OFAC's legacy CSV set (sdn.csv, alt.csv, add.csv, sdn_comments.csv and the cons_* twins).

OFAC publishes each of its lists as four header-less CSV files joined by `ent_num`:

- the main file (`sdn.csv`, or `cons_prim.csv` for the Consolidated non-SDN list): ent_num, SDN_Name,
  SDN_Type ("individual", "vessel", "aircraft", or the null "-0-" for an entity), Program ("SDGT] [IRGC":
  the bracketed tags with the outer brackets cut off), Title, Call_Sign, Vess_type, Tonnage, GRT,
  Vess_flag, Vess_owner, Remarks;
- `alt.csv`: ent_num, alt_num, alt_type (aka / fka / nka), alt_name, alt_remarks: the strong aliases;
- `add.csv`: ent_num, add_num, address, "city state/province postal code", country, add_remarks;
- `sdn_comments.csv`: ent_num, the rest of a Remarks field cut at its 1,000-character limit.

"-0-" (often "-0- ") is the null value. The Remarks field carries most of the data as "; "-separated
segments ("DOB 03 Jun 1960; POB Baghdad, Iraq; Passport A123 (Iraq) expires 2001; a.k.a. 'X'"), which
`parse_remarks` maps into the model; the quoted a.k.a.s of the remarks are OFAC's *weak* aliases (the
sdnList XML marks the same names `category weak`), so they become `NameKind.WEAK_ALIAS`. The full
remarks text is kept as the `remarks` attribute, so a segment this module does not understand (free
text such as "Member of the State Duma...") is never lost.

Which file is which is decided by content (the column count and the first fields), so renamed files
still join; the list key comes from the file names, the only thing that tells the SDN set from the
Consolidated one: a `cons` in the main file's name means `us_ofac_cons`.

The files are ASCII in practice, end with a ^Z (0x1A) byte, and older or hand-edited copies may be
Windows-1252: each file is decoded as UTF-8 until its first non-ASCII line proves otherwise, then as
Windows-1252; a file that mixes the two is refused rather than read half wrong.

This module reads and joins the files. The Remarks grammar is `ofac_remarks`; the label vocabulary
(ID types, features such as "Website" or "Vessel Registration Identification") is `ofac_labels`,
shared with the sdnList XML reader, whose `idList` uses the same labels; `ofac_common.OfacLegacyDraft`
collects one entity from either format.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, cast

from hoarfrost.errors import ListFileError
from hoarfrost.model import Address, Entity, IdentifierKind, NameKind, Schema
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.ofac_common import CONS_KEY, SCHEMAS, SDN_KEY, OfacLegacyDraft
from hoarfrost.sources.ofac_labels import ofac_country, plain_number
from hoarfrost.sources.ofac_remarks import parse_remarks
from hoarfrost.sources.tabular import MAX_FIELD

REMARKS_LIMIT = 1000  # OFAC's width of the Remarks column; longer remarks go on in sdn_comments.csv

MAIN, ALT, ADD, COMMENTS = "main", "alt", "add", "comments"
_WIDTHS = {MAIN: 12, ALT: 5, ADD: 6, COMMENTS: 2}
_KNOWN_NAMES = {
    "sdn.csv": MAIN,
    "alt.csv": ALT,
    "add.csv": ADD,
    "sdn_comments.csv": COMMENTS,
    "cons_prim.csv": MAIN,
    "cons_alt.csv": ALT,
    "cons_add.csv": ADD,
    "cons_comments.csv": COMMENTS,
}
_SDN_TYPES = {**SCHEMAS, "-0-": Schema.ORGANIZATION, "": Schema.ORGANIZATION}  # "-0-": OFAC's null
_ALT_KINDS = {"aka": NameKind.ALIAS, "nka": NameKind.ALIAS, "fka": NameKind.FORMER}
_REMARK_HINTS = re.compile(
    r"Linked To:|a\.k\.a\.|DOB |Passport|Registration|Website|Digital Currency|Tax ID|"
    r"nationality|Phone|Email|Secondary sanctions|Directive|-0-"
)


def _null(value: str | None) -> str | None:
    """A CSV value, or None for OFAC's null "-0-"."""
    value = text_of(value)
    return None if value is None or value == "-0-" else value


def _role_of(rows: list[list[str]]) -> str | None:
    """Which file of the set these rows come from, by the shape of the first; None for no OFAC CSV.

    Only the first row counts, so that a file broken further down is still recognised and then
    refused with the line of its problem.
    """
    if not rows or not rows[0] or not rows[0][0].strip().isdigit():
        return None
    row = rows[0]
    if len(row) == 12 and row[2].strip().lower() in _SDN_TYPES and row[1].strip():
        return MAIN
    if len(row) == 5 and row[1].strip().isdigit() and _alt_type(row[2]) in _ALT_KINDS:
        return ALT
    if len(row) == 6 and row[1].strip().isdigit():
        return ADD
    if len(row) == 2:
        return COMMENTS
    return None


def _alt_type(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _head_rows(head: bytes, limit: int = 2) -> list[list[str]]:
    """The first complete CSV rows of a head, decoded leniently (the head only serves detection)."""
    complete = len(head) >= 65536
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").replace("\x1a", "")
    lines = text.splitlines(keepends=True)
    if complete and lines:
        lines = lines[:-1]  # probably cut in the middle
    try:
        rows = [row for row in csv.reader(lines[: limit * 4]) if row]
    except csv.Error:
        return []
    return rows[:limit]


def _blank(head: bytes) -> bool:
    return not head.removeprefix(b"\xef\xbb\xbf").replace(b"\x1a", b"").strip()


class _Decoder:
    """Decodes the lines of one file: UTF-8 until a non-ASCII line proves it Windows-1252, never a mix."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.encoding: str | None = None

    def decode(self, raw: bytes, line: int) -> str:
        if raw.isascii():
            return raw.decode("ascii")
        if self.encoding is None:
            self.encoding = "utf-8" if _is_utf8(raw) else "cp1252"
        if self.encoding == "cp1252" and _is_utf8(raw):
            raise ListFileError(
                self.name,
                "mixes Windows-1252 and UTF-8 text; refused rather than misread",
                where=f"line {line}",
            )
        try:
            return raw.decode(self.encoding)
        except UnicodeDecodeError as exc:
            problem = (
                "mixes UTF-8 and Windows-1252 text"
                if self.encoding == "utf-8"
                else "is neither UTF-8 nor Windows-1252 text"
            )
            raise ListFileError(
                self.name, f"{problem} (byte 0x{raw[exc.start]:02x})", where=f"line {line}"
            ) from None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _buffered(stream: IO[bytes]) -> IO[bytes]:
    """Line iteration over the counting stream, without a read call per byte."""
    return io.BufferedReader(cast(io.RawIOBase, stream), 1 << 16)


def _text_lines(stream: IO[bytes], name: str) -> Iterator[str]:
    """The decoded lines of a CSV file, without its BOM and its trailing ^Z end-of-file byte."""
    decoder = _Decoder(name)
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        body = raw.rstrip(b"\r\n")
        if body.endswith(b"\x1a"):  # DOS end-of-file mark, on the last line
            raw = body.rstrip(b"\x1a") + raw[len(body) :]
        if raw:
            yield decoder.decode(raw, number)


def iter_rows(stream: IO[bytes], name: str, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each row, every row checked to have `width` fields and an integer ent_num."""
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(_text_lines(stream, name))
    try:
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            line = reader.line_num
            if len(row) != width:
                raise ListFileError(name, f"expected {width} fields, found {len(row)}", where=f"line {line}")
            if not row[0].strip().isdigit():
                what = (
                    "a record without its ent_num"
                    if not row[0].strip()
                    else f"ent_num {row[0]!r} is not a number"
                )
                raise ListFileError(name, what, where=f"line {line}")
            yield line, row
    except csv.Error as exc:  # line_num already counts the line the error is on
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a field is longer than {MAX_FIELD // 1024} KiB; refused"
        where = f"line {max(reader.line_num, 1)}"
        raise ListFileError(name, f"malformed CSV: {problem}", where=where) from None


@dataclass
class _Extras:
    """alt/add/comments rows by ent_num, read before the main file streams, and what joining them met."""

    aliases: defaultdict[str, list[tuple[str, str, str | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    addresses: defaultdict[str, list[Address]] = field(default_factory=lambda: defaultdict(list))
    address_notes: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    comments: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    rows: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # by role
    files: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    truncated: int = 0  # remarks cut at the column width with nothing to continue them
    unjoined: int = 0  # continuations of remarks that were not cut (a comments file of another day)


class OfacCsvReader(ListReader):
    format = "ofac_csv"
    source = SDN_KEY
    title = "OFAC legacy CSV set (sdn/alt/add/sdn_comments, cons_*)"

    def __init__(self, files: Sequence[SourceFile], report: ReadReport) -> None:
        self._preset_source = report.source
        super().__init__(files, report)

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        if _blank(head):  # an empty comments file is normal; only OFAC's own names are claimed then
            return file.basename in _KNOWN_NAMES
        role = _role_of(_head_rows(head))
        if role == COMMENTS:  # two columns are a weak shape: ask for the name or remark vocabulary too
            return "comment" in file.basename or _REMARK_HINTS.search(head.decode("latin-1")) is not None
        return role is not None

    def entities(self) -> Iterator[Entity]:
        roles = self._roles()
        main = roles[MAIN][0]
        source = self._preset_source or (CONS_KEY if "cons" in main.basename else SDN_KEY)
        self.report.source = source
        extras = self._read_extras(roles)
        seen: set[str] = set()
        with self.open_counted(main) as stream:
            for line, row in iter_rows(_buffered(stream), main.name, _WIDTHS[MAIN]):
                ent_num = row[0].strip()
                if ent_num in seen:
                    self.report.warn(
                        f"{main.basename}: ent_num {ent_num} appears twice; the later row was skipped"
                    )
                    continue
                seen.add(ent_num)
                entity = self._entity(row, line, main, source, extras)
                if entity is not None:
                    yield entity
        if not seen:
            raise ListFileError(main.name, "the file is empty: no entry to read")
        self._report_leftovers(main, extras, seen)

    # -- the set of files -------------------------------------------------------------------------

    def _roles(self) -> dict[str, list[SourceFile]]:
        roles: dict[str, list[SourceFile]] = {MAIN: [], ALT: [], ADD: [], COMMENTS: []}
        for file in self.files:
            head = file.head()
            role = _KNOWN_NAMES.get(file.basename) if _blank(head) else _role_of(_head_rows(head))
            if role is None:
                raise ListFileError(file.name, "not a file of an OFAC CSV set (sdn/alt/add/comments)")
            roles[role].append(file)
        if not roles[MAIN]:
            names = ", ".join(f.basename for f in self.files)
            raise ListFileError(
                names, "the OFAC CSV set has no main file (sdn.csv or cons_prim.csv) to join to"
            )
        if len(roles[MAIN]) > 1:
            names = ", ".join(f.basename for f in roles[MAIN])
            raise ListFileError(
                names, "more than one main file (sdn.csv / cons_prim.csv); load each list separately"
            )
        self._check_one_list(roles)
        return roles

    @staticmethod
    def _check_one_list(roles: dict[str, list[SourceFile]]) -> None:
        """cons_alt.csv beside sdn.csv (or the reverse) would join two lists by unrelated numbers."""
        main_is_cons = "cons" in roles[MAIN][0].basename
        for role in (ALT, ADD, COMMENTS):
            for file in roles[role]:
                if file.basename in _KNOWN_NAMES and ("cons" in file.basename) != main_is_cons:
                    raise ListFileError(file.name, f"belongs to another list than {roles[MAIN][0].basename}")

    def _read_extras(self, roles: dict[str, list[SourceFile]]) -> _Extras:
        extras = _Extras()
        for role in (ALT, ADD, COMMENTS):
            for file in roles[role]:
                extras.files[role].append(file.basename)
                with self.open_counted(file) as stream:
                    for _line, row in iter_rows(_buffered(stream), file.name, _WIDTHS[role]):
                        _store_extra(extras, role, row)
        return extras

    # -- one entry --------------------------------------------------------------------------------

    def _entity(
        self, row: list[str], line: int, main: SourceFile, source: str, extras: _Extras
    ) -> Entity | None:
        ent_num = row[0].strip()
        sdn_type = (text_of(row[2]) or "").lower()
        schema = _SDN_TYPES.get(sdn_type)
        if schema is None:
            self.report.warn(f"{main.basename}: unknown SDN_Type {sdn_type!r} read as an organization")
            schema = Schema.ORGANIZATION
        name = _null(row[1])
        if name is None:
            self.report.warn(f"{main.basename}: an entry without a name was skipped (line {line})")
            return None
        draft = OfacLegacyDraft(schema)
        draft.add_name(name, NameKind.PRIMARY)
        _add_row_fields(draft, row, ent_num)
        for alt_type, alt_name, alt_remarks in extras.aliases.get(ent_num, ()):
            draft.add_name(alt_name, _ALT_KINDS.get(alt_type, NameKind.ALIAS))
            if alt_remarks:
                draft.add_attribute("alias_remarks", f"{alt_name}: {alt_remarks}")
        remarks = _whole_remarks(row[11], extras.comments.get(ent_num), extras)
        if remarks:
            parse_remarks(draft, remarks)
            draft.add_attribute("remarks", remarks)
        for address in extras.addresses.get(ent_num, ()):
            draft.addresses[address] = None
        for note in extras.address_notes.get(ent_num, ()):
            draft.add_attribute("address_remarks", note)
        return draft.build(source, ent_num)

    def _report_leftovers(self, main: SourceFile, extras: _Extras, seen: set[str]) -> None:
        """One warning per kind of row whose ent_num is not in the main file, and for cut remarks."""
        for role, what in ((ALT, "aliases"), (ADD, "addresses"), (COMMENTS, "remark continuations")):
            orphans = [key for key in extras.rows[role] if key not in seen]
            if orphans:
                rows = sum(extras.rows[role][key] for key in orphans)
                files = "/".join(extras.files[role])
                self.report.warn(
                    f"{files}: {rows:,} {what} of {len(orphans):,} ent_nums that are not in "
                    f"{main.basename} were skipped",
                    count=len(orphans),
                )
        if extras.truncated:
            self.report.warn(
                f"{main.basename}: the remarks of {extras.truncated:,} entries are cut at "
                f"{REMARKS_LIMIT} characters and no sdn_comments.csv row continues them; their last "
                f"segment was dropped",
                count=extras.truncated,
            )
        if extras.unjoined:
            self.report.warn(
                f"{'/'.join(extras.files[COMMENTS])}: the continuations of {extras.unjoined:,} "
                f"entries were ignored: {main.basename} does not cut their remarks (a file of "
                f"another day?)",
                count=extras.unjoined,
            )


def _add_row_fields(draft: OfacLegacyDraft, row: list[str], ent_num: str) -> None:
    """Programs, title and the vessel columns of a main-file row."""
    program = _null(row[3])
    for tag in (program or "").strip("[] ").split("] ["):
        draft.add_program(tag, ent_num)
    draft.add_attribute("position", _null(row[4]))
    call_sign = _null(row[5])
    if call_sign:
        draft.add_identifier(IdentifierKind.CALL_SIGN, "Call Sign", call_sign)
    draft.add_attribute("vessel_type", _null(row[6]))
    draft.add_attribute("tonnage", plain_number(_null(row[7]) or ""))
    draft.add_attribute("gross_registered_tonnage", plain_number(_null(row[8]) or ""))
    flag = _null(row[9])
    draft.add_attribute("flag", flag)
    draft.add_attribute("flag_country", ofac_country(flag))
    draft.add_attribute("owner", _null(row[10]))


def _whole_remarks(field_text: str, continuation: list[str] | None, extras: _Extras) -> str | None:
    """The whole Remarks text: the field, continued by sdn_comments.csv where OFAC cut it.

    A cut field is 1,000 characters long or lacks OFAC's closing period; a continuation of a
    field that is not cut comes from another day's file and is not glued on.
    """
    remarks = _null(field_text)
    cut = remarks is not None and (len(field_text) >= REMARKS_LIMIT or not remarks.endswith("."))
    if continuation and not cut:
        extras.unjoined += 1
    if cut and continuation:
        return text_of(field_text + "".join(continuation))
    if remarks and len(field_text) >= REMARKS_LIMIT:
        extras.truncated += 1
        head, sep, _half = remarks.rpartition("; ")
        return head if sep else remarks
    return remarks


def _store_extra(extras: _Extras, role: str, row: list[str]) -> None:
    ent_num = row[0].strip()
    extras.rows[role][ent_num] += 1
    if role == ALT:
        name = _null(row[3])
        if name:
            extras.aliases[ent_num].append((_alt_type(row[2]), name, _null(row[4])))
    elif role == ADD:
        address = _csv_address(row)
        if address:
            extras.addresses[ent_num].append(address)
        note = _null(row[5])
        if note:
            extras.address_notes[ent_num].append(note)
    else:
        extras.comments[ent_num].append(row[1])


def _csv_address(row: list[str]) -> Address | None:
    """An add.csv row. Its second text column holds city, state and postal code together, as written."""
    street, city, country = _null(row[2]), _null(row[3]), _null(row[4])
    full = ", ".join(part for part in (street, city, country) if part)
    if not full:
        return None
    return Address(full=full, street=street, city=city, country=ofac_country(country))
