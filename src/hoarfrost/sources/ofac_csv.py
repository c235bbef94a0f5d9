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

The OFAC vocabulary (ID types, features such as "Website" or "Vessel Registration Identification")
is shared with the sdnList XML reader, whose `idList` uses the same labels: `OfacDraft` below collects
one entity from either format.
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
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.tabular import MAX_FIELD
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

SDN_KEY = "us_ofac_sdn"
CONS_KEY = "us_ofac_cons"
AUTHORITY = "OFAC"
REMARKS_LIMIT = 1000  # OFAC's width of the Remarks column; longer remarks go on in sdn_comments.csv

# ---------------------------------------------------------------------------------------------------
# Values shared by the CSV and the sdnList XML reader
# ---------------------------------------------------------------------------------------------------

_ID_LABELS: dict[IdentifierKind, tuple[str, ...]] = {
    IdentifierKind.PASSPORT: (
        "Passport", "Diplomatic Passport", "Stateless Person Passport", "Passport No.",
        "Travel Document Number", "British National Overseas Passport",
    ),
    IdentifierKind.NATIONAL_ID: (
        "National ID No.", "Cedula No.", "C.U.R.P.", "CURP #", "D.N.I.", "DNI", "Identification Number",
        "Personal ID Card", "Kenyan ID No.", "Turkish Identification Number", "UAE Identification",
        "Moroccan Personal ID No.", "National Foreign ID Number", "C.U.I.", "SSN",
        "Stateless Person ID Card", "Refugee ID Card", "N.I.E.", "CNP (Personal Numerical Code)",
        "Citizen's Card Number", "Bosnian Personal ID No.", "Afghan Tazkira", "Tazkira National ID Card",
        "Numero de Identidad", "C.I.", "Pakistani National ID No.",
    ),
    IdentifierKind.TAX_ID: (
        "Tax ID No.", "R.F.C.", "RFC", "NIT #", "RUC #", "C.U.I.T.", "CUIT", "V.A.T. Number", "VAT Number",
        "Italian Fiscal Code", "Fiscal Code", "RIF #", "R.I.F.", "Economic Register Number (CBLS)",
        "Tax Identification Number", "C.I.F.", "US FEIN", "N.I.F.", "RTN",
        "Paraguayan tax identification number", "Numero Unico de Identificacao Tributaria (NUIT)",
    ),
    IdentifierKind.REGISTRATION: (
        "Registration Number", "Registration ID", "Business Registration Number",
        "Business Registration Document #", "Company Number", "UK Company Number",
        "Commercial Registry Number", "Commercial Registration Number", "Government Gazette Number",
        "Public Registration Number", "Unified Social Credit Code (USCC)", "C.R. No.", "Trade License No.",
        "Folio Mercantil No.", "Matricula Mercantil No", "Matricula Mercantil No.",
        "Chamber of Commerce Number", "Central Registration System Number", "Enterprise Number",
        "Istanbul Chamber of Comm. No.", "Business Number", "Certificate of Incorporation Number",
        "Dubai Chamber of Commerce Membership No.", "Company ID", "License", "Romanian C.R.",
        "Registered Charity No.", "D-U-N-S Number", "File Number", "Romanian Tax Registration",
        "United Social Credit Code Certificate (USCCC)", "Organization Code", "MSB Registration Number",
        "Registration Certificate Number (Dubai)", "Afghan Money Service Provider License Number",
        "Russian State Individual Business Registration Number Pattern (OGRNIP)",
    ),
    IdentifierKind.LEI: ("Legal Entity Number",),
    IdentifierKind.SWIFT_BIC: ("SWIFT/BIC",),
    IdentifierKind.IMO: (
        "Vessel Registration Identification", "International Maritime Organization No.",
    ),
    IdentifierKind.MMSI: ("MMSI",),
    IdentifierKind.AIRCRAFT_SERIAL: (
        "Aircraft Serial Identification", "Aircraft Manufacturer's Serial Number (MSN)",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
    ),
    IdentifierKind.AIRCRAFT_TAIL: ("Aircraft Tail Number", "Previous Aircraft Tail Number"),
    IdentifierKind.CALL_SIGN: ("Other Vessel Call Sign", "Call Sign"),
    IdentifierKind.OTHER: (
        "BIK (RU)", "ISIN", "Driver's License No.", "Birth Certificate Number", "Electoral Registry No.",
        "Credencial electoral", "Residency Number", "Immigration No.",
        "Cartilla de Servicio Militar Nacional", "Aircraft Mode S Transponder Code", "Serial No.",
        "Professional License Number",
    ),
}

_ATTR_LABELS: dict[str, tuple[str, ...]] = {
    "website": ("Website",),
    "email": ("Email Address", "Email"),
    "phone": ("Phone Number", "Telephone", "Telephone Number", "Phone"),
    "fax": ("Fax", "Fax No.", "Fax Number"),
    "incorporation_date": ("Organization Established Date",),
    "organization_type": ("Organization Type",),
    "target_type": ("Target Type",),
    "secondary_sanctions_risk": ("Secondary sanctions risk",),
    "additional_sanctions_information": ("Additional Sanctions Information",),
    "transactions_prohibited": (
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
    ),
    "caatsa_section_235_information": ("CAATSA Section 235 Information",),
    "nationality_of_registration": ("Nationality of Registration",),
    "issuer_name": ("Issuer Name",),
    "equity_ticker": ("Equity Ticker",),
    "aircraft_model": ("Aircraft Model",),
    "aircraft_manufacture_date": ("Aircraft Manufacture Date",),
    "aircraft_operator": ("Aircraft Operator",),
    "build_year": ("Vessel Year of Build",),
    "former_flag": ("Former Vessel Flag",),
    "other_flag": ("Other Vessel Flag",),
    "vessel_type": ("Other Vessel Type", "Vessel Type"),
    "flag": ("Vessel Flag",),
    "location": ("Location",),
    "ethnicity": ("ethnicity",),
    "tribe": ("Tribe",),
    "ifca_determination": ("IFCA Determination",),
    "gender": ("Gender",),
}
_IMO_CARRIERS = (IdentifierKind.IMO, IdentifierKind.NATIONAL_ID, IdentifierKind.OTHER)
_DATE_ATTRS = {"incorporation_date", "aircraft_manufacture_date", "build_year"}
# Labels that carry a variable part: directives, directive dates, wallets.
_PATTERN_LABELS = (
    r"Executive Order \d+ Directive (?:Determination|Information)",
    r"Executive Order \d+ information",
    r"(?:Listing|Effective) Date \([^()]*\)",
    r"Purchase/Sales For Divestment Date \([^()]*\)",
    r"Digital Currency Address - [A-Za-z0-9]+",
)
_PATTERN_RE = re.compile("|".join(_PATTERN_LABELS), re.I)
_DATED_PATTERN = re.compile(r"^(?:listing|effective) date|^purchase/sales for divestment date")


def norm_label(label: str) -> str:
    """A publisher label as a lookup key: "Secondary sanctions risk:" -> "secondary sanctions risk"."""
    return " ".join(label.split()).rstrip(" :-").lower()


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", norm_label(label)).strip("_")


ID_KINDS: dict[str, IdentifierKind] = {
    norm_label(lab): kind for kind, labs in _ID_LABELS.items() for lab in labs
}
ATTR_KEYS: dict[str, str] = {norm_label(lab): key for key, labs in _ATTR_LABELS.items() for lab in labs}
_ALL_LABELS = sorted(
    {lab for labs in _ID_LABELS.values() for lab in labs}
    | {lab for labs in _ATTR_LABELS.values() for lab in labs},
    key=len,
    reverse=True,
)

# Country names OFAC writes that the shared country table does not know (see the final report).
_COUNTRY_FIXES = {
    "cote d ivoire": "ci",
    "netherlands antilles": "an",
    "north macedonia the republic of": "mk",
    "man isle of": "im",
    "palestinian": "ps",
    "gaza strip": "ps",
    "burma": "mm",
    "bosnia herzegovina": "ba",
    "comoros islands": "km",
    "serbia and montenegro": "csxx",
    "virgin islands british": "vg",
}


def ofac_country(text: str | None) -> str | None:
    """An ISO code for a country as OFAC writes it ("Korea, North", "Region: Crimea", "Man, Isle of")."""
    if not text:
        return None
    text = text.strip().rstrip(".")
    if text.lower().startswith("region:"):
        text = text[7:].strip()
    text = text.replace("&", " and ")
    code = country_code(text)
    if code:
        return code
    key = re.sub(r"[^a-z]+", " ", text.lower()).strip()
    return _COUNTRY_FIXES.get(key)


def place_country(text: str) -> str | None:
    """The country of a place written "city, region, country": the last one or two parts, or last word."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    words = text.replace(",", " ").split()
    candidates = (
        text,
        parts[-1] if parts else None,
        ", ".join(parts[-2:]) if len(parts) > 1 else None,
        words[-1] if len(words) > 1 else None,
    )
    for candidate in candidates:
        code = ofac_country(candidate)
        if code:
            return code
    return None


def ofac_birth_date(text: str) -> BirthDate | None:
    """OFAC's DOB forms: "03 Jun 1960", "1961", "circa 1951", "1961 to 1963", "01 Jan 1960 to 31 Dec 1962"."""
    text = text.strip().rstrip(".")
    circa = text.lower().startswith("circa ")
    body = text[6:] if circa else text
    if " to " in body:
        first, _, last = body.partition(" to ")
        start, end = parse_partial_date(first), parse_partial_date(last)
        if start and end:
            return BirthDate(start, until=end, circa=circa) if start != end else BirthDate(start, circa=circa)
    return parse_birth_date(text)


def iso_or_text(text: str) -> str:
    """A date as an ISO partial date when it parses, else the text as written."""
    parsed = parse_partial_date(text.strip().rstrip("."))
    return parsed.iso if parsed else text


def plain_number(text: str) -> str:
    """Tonnage as digits: "318,000" -> "318000" (the XML writes the same figures without commas)."""
    return text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else text


@dataclass
class OfacDraft:
    """One OFAC entry being collected from CSV rows or XML elements; `build` freezes it into an Entity.

    Dicts keyed by value keep insertion order and drop repeats, which OFAC data has (the same
    passport as "Passport" and "alt. Passport", a strong alias repeated as a weak one).
    """

    schema: Schema
    names: dict[str, Name] = field(default_factory=dict)
    birth_dates: dict[BirthDate, None] = field(default_factory=dict)
    birth_places: dict[Place, None] = field(default_factory=dict)
    nationalities: dict[str, None] = field(default_factory=dict)
    citizenships: dict[str, None] = field(default_factory=dict)
    gender: str | None = None
    identifiers: dict[Identifier, None] = field(default_factory=dict)
    addresses: dict[Address, None] = field(default_factory=dict)
    designations: dict[Designation, None] = field(default_factory=dict)
    attributes: dict[Attribute, None] = field(default_factory=dict)

    def add_name(self, value: str | None, kind: NameKind, parts: NameParts | None = None) -> None:
        value = text_of(value)
        if not value or value in self.names:
            return
        if parts is None and self.schema is Schema.PERSON:
            parts = split_person_name(value)
        self.names[value] = Name(value, kind, _script(value), parts=parts)

    def add_attribute(self, key: str, value: str | None) -> None:
        value = text_of(value)
        if value:
            self.attributes[Attribute(key, value)] = None

    def add_country(self, target: dict[str, None], text: str | None, attribute: str) -> None:
        """A nationality or citizenship: its ISO code, or an attribute when the country is unknown."""
        text = text_of(text)
        if not text:
            return
        code = ofac_country(text)
        if code:
            target[code] = None
        else:
            self.add_attribute(attribute, text)

    def add_birth_date(self, text: str | None) -> None:
        text = text_of(text)
        if text:
            parsed = ofac_birth_date(text)
            if parsed:
                self.birth_dates[parsed] = None
            else:
                self.add_attribute("birth_date", text)

    def add_birth_place(self, text: str | None) -> None:
        text = text_of(text)
        if text:
            text = text.rstrip(".") if not _ABBREVIATION_END.search(text) else text
            self.birth_places[Place(text, place_country(text))] = None

    def add_program(self, program: str | None, source_id: str) -> None:
        program = text_of(program)
        if program:
            self.designations[Designation(AUTHORITY, regime=program, source_id=source_id)] = None

    def add_gender(self, text: str) -> None:
        value = text.strip().rstrip(".").lower()
        if value in ("male", "female"):
            self.gender = value
        else:
            self.add_attribute("gender", text)

    def add_feature(
        self,
        label: str,
        value: str | None,
        country: str | None = None,
        issued: str | None = None,
        expires: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Map one OFAC ID type / feature ("Passport", "Website", "Gender") into the draft.

        Returns False when the label is not part of the known vocabulary, so the caller can decide.
        """
        value = text_of(value)
        key = norm_label(label)
        if not value:
            return True
        if key in ID_KINDS or key.startswith("digital currency address"):
            kind = ID_KINDS.get(key, IdentifierKind.OTHER)
            self.add_identifier(kind, label, value, country, id_note(issued, expires, note))
            return True
        attribute = ATTR_KEYS.get(key) or (
            _slug(label) if _PATTERN_RE.fullmatch(label.strip(" :-")) else None
        )
        if attribute is None:
            return False
        self._add_feature_attribute(attribute, key, value, country)
        return True

    def _add_feature_attribute(self, attribute: str, key: str, value: str, country: str | None) -> None:
        if attribute == "gender":
            self.add_gender(value)
            return
        if attribute in _DATE_ATTRS or _DATED_PATTERN.match(key):
            value = iso_or_text(value)
        if country:
            value = f"{value} ({country})"
        self.add_attribute(attribute, value)
        if attribute == "flag":
            self.add_attribute("flag_country", ofac_country(value))

    def add_identifier(
        self,
        kind: IdentifierKind,
        label: str | None,
        value: str,
        country: str | None = None,
        note: str | None = None,
    ) -> None:
        """An identifier. "IMO 1234567" values (OFAC also files them as "Identification Number") become
        bare IMO numbers; "Identification Number" is a person's ID card but a company's register number.
        """
        value = value.strip()
        label = " ".join(label.split()).rstrip(" :-") if label else None
        if value.upper().startswith("IMO ") and kind in _IMO_CARRIERS:
            kind, value = IdentifierKind.IMO, value[4:].strip()
        elif label == "Identification Number" and self.schema is not Schema.PERSON:
            kind = IdentifierKind.REGISTRATION
        code = ofac_country(country)
        if country and not code:
            note = "; ".join(filter(None, (country, note)))
        self.identifiers[Identifier(kind, value, code, label, note)] = None

    def add_linked_to(self, remarks: str | None) -> None:
        """The "(Linked To: X)" segments the XML keeps in its remarks."""
        for segment in (remarks or "").split(";"):
            segment = segment.strip().strip("()").strip()
            if segment.lower().startswith("linked to:"):
                self.add_attribute("linked_to", segment[10:].strip())

    def build(self, source: str, source_id: str) -> Entity:
        return Entity(
            source=source,
            source_id=source_id,
            schema=self.schema,
            names=tuple(self.names.values()),
            birth_dates=tuple(self.birth_dates),
            birth_places=tuple(self.birth_places),
            nationalities=tuple(self.nationalities),
            citizenships=tuple(self.citizenships),
            gender=self.gender if self.schema is Schema.PERSON else None,
            identifiers=tuple(self.identifiers),
            addresses=tuple(self.addresses),
            designations=tuple(self.designations),
            attributes=tuple(self.attributes),
        )


def _script(value: str) -> str:
    """detect_script, short-cut for the ASCII names that make up nearly all of OFAC's lists."""
    if value.isascii() and any(char.isalpha() for char in value):
        return "Latn"
    return detect_script(value)


def id_note(issued: str | None, expires: str | None, note: str | None) -> str | None:
    parts = [note] if note else []
    if issued:
        parts.append(f"issued {iso_or_text(issued)}")
    if expires:
        parts.append(f"expires {iso_or_text(expires)}")
    return "; ".join(parts) or None


def split_person_name(value: str) -> NameParts | None:
    """OFAC writes people "LAST, First": the part before the first comma is the family name."""
    family, comma, given = value.partition(",")
    family, given = family.strip(), given.strip()
    if not comma or not family or not given:
        return None
    return NameParts(given=given, family=family)


# ---------------------------------------------------------------------------------------------------
# The Remarks field of the CSV
# ---------------------------------------------------------------------------------------------------

_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]|\b(?:co|ltd|ltda|inc|corp|cia|jr|sr|bhd|pvt|dr|st|no|ca|sa|ag|kg|ab|bros|gmbh|plc|llc))\.$",
    re.I,
)
_SPECIAL = re.compile(
    r"^(?:alt\.\s+)?(?P<key>DOB|POB|nationality(?!\s+of\s+registration)|citizenship|citizen"
    r"|[afn]\.k\.a\.|Linked To:)\s+(?P<value>.+)$",
    re.I,
)
_LABELLED = re.compile(
    r"^(?:alt\.\s+)?(?P<label>"
    + "|".join([re.escape(lab) for lab in _ALL_LABELS] + list(_PATTERN_LABELS))
    + r")(?:\s*[:\-])?\s+(?P<value>.+)$",
    re.I,
)
# "A123 (Jalisco) (Mexico) issued 01 Jan 1996 expires 2001": number, parenthesised places, dates.
_ID_TAIL = re.compile(
    r"^(?P<value>.+?)(?P<parens>(?:\s+\([^()]*\))*)(?:\s+issued\s+(?P<issued>.+?))?(?:\s+expires\s+(?P<expires>.+?))?$"
)
_PAREN = re.compile(r"\(([^()]*)\)")
_SEMICOLON = re.compile(r";\s*")
# An ID type OFAC added after this table was written: "Kenyan ID No. 123 (Kenya)".
_GENERIC_ID = re.compile(
    r"^(?:alt\.\s+)?(?P<label>[A-Za-z][^\d()]*?(?:\s\([A-Za-z. ]+\))?)\s+(?P<value>\S*\d.*)$"
)
_ID_WORDS = re.compile(r"(?:\bno\.?|\bnumber|#|\bid|\bcode|\bcard)$", re.I)

_REMARK_NAME_KINDS = {
    "a.k.a.": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.WEAK_ALIAS,
    "n.k.a.": NameKind.WEAK_ALIAS,
}


def split_remarks(remarks: str) -> list[str]:
    """The segments of a Remarks field, without OFAC's closing period (kept after "S.A." and the like)."""
    segments = [segment.strip() for segment in _SEMICOLON.split(remarks)]
    if segments and segments[-1].endswith(".") and not _ABBREVIATION_END.search(segments[-1]):
        segments[-1] = segments[-1][:-1]
    return [segment for segment in segments if segment]


def parse_remarks(draft: OfacDraft, remarks: str) -> None:
    """Map each remark segment into the draft; segments it cannot read stay in the `remarks` attribute."""
    for segment in split_remarks(remarks):
        if not _parse_special(draft, segment):
            _parse_labelled(draft, segment)


def _parse_special(draft: OfacDraft, segment: str) -> bool:
    match = _SPECIAL.match(segment)
    if not match:
        return False
    key, value = match.group("key").lower(), match.group("value").strip()
    if key == "dob":
        draft.add_birth_date(value)
    elif key == "pob":
        draft.add_birth_place(value)
    elif key == "nationality":
        draft.add_country(draft.nationalities, value.rstrip("."), "nationality")
    elif key.startswith("citizen"):
        draft.add_country(draft.citizenships, value.rstrip("."), "citizenship")
    elif key == "linked to:":
        draft.add_attribute("linked_to", value)
    else:
        if len(value) > 1 and value.startswith("'") and value.endswith("'"):
            value = value[1:-1]
        draft.add_name(value, _REMARK_NAME_KINDS[key])
    return True


def _parse_labelled(draft: OfacDraft, segment: str) -> bool:
    match = _LABELLED.match(segment) or _generic_id(segment)
    if not match:
        return False
    label, value = match.group("label"), match.group("value").strip()
    key = norm_label(label)
    if key in ID_KINDS or key.startswith("digital currency address") or match.re is _GENERIC_ID:
        return _parse_id(draft, label, value)
    return draft.add_feature(label, value.rstrip(".") if not _ABBREVIATION_END.search(value) else value)


def _generic_id(segment: str) -> re.Match[str] | None:
    """An unknown "Label number (Country)" segment, accepted when it reads like an ID and not like prose."""
    match = _GENERIC_ID.match(segment)
    if not match or len(match.group("label")) > 60:
        return None
    tail = _ID_TAIL.match(match.group("value").rstrip("."))
    parens = _PAREN.findall(tail.group("parens")) if tail else []
    if _ID_WORDS.search(match.group("label")) or any(ofac_country(p) for p in parens):
        return match
    return None


def _parse_id(draft: OfacDraft, label: str, value: str) -> bool:
    tail = _ID_TAIL.match(value.rstrip(". "))  # an ID never ends with a period: that is OFAC's end marker
    if tail is None:  # pragma: no cover - the pattern matches any non-empty text
        return False
    country: str | None = None
    note: list[str] = []
    for text in reversed(_PAREN.findall(tail.group("parens"))):
        if country is None and ofac_country(text):
            country = text
        else:
            note.insert(0, text)
    kind = ID_KINDS.get(norm_label(label), IdentifierKind.OTHER)
    draft.add_identifier(
        kind,
        label,
        tail.group("value"),
        country,
        id_note(tail.group("issued"), tail.group("expires"), ", ".join(note) or None),
    )
    return True


# ---------------------------------------------------------------------------------------------------
# Reading the files
# ---------------------------------------------------------------------------------------------------

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
_SDN_TYPES = {
    "individual": Schema.PERSON,
    "-0-": Schema.ORGANIZATION,
    "": Schema.ORGANIZATION,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}
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
        draft = OfacDraft(schema)
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


def _add_row_fields(draft: OfacDraft, row: list[str], ent_num: str) -> None:
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
