"""The label vocabulary of OFAC's legacy formats: sdn.csv's Remarks and the sdnList XML's `idList`.

Both formats name an identifier or fact by a free label ("Passport",
"Website", "Vessel Registration Identification", "Listing Date (CMIC)"), and
they use the same labels, so the CSV reader and the sdnList XML reader read
them with this one table, through `ofac_common.OfacLegacyDraft`. Here too:
how these formats write countries ("Korea, North", "Region: Crimea"), dates of
birth ("circa 1951", "01 Jan 1960 to 31 Dec 1962") and identifier notes.

The Advanced and Enhanced XML name the same things by typed feature and
document labels instead, read by `ofac_features`.
"""

from __future__ import annotations

import re

from hoarfrost.model import BirthDate, IdentifierKind, NameParts
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

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
IMO_CARRIERS = (IdentifierKind.IMO, IdentifierKind.NATIONAL_ID, IdentifierKind.OTHER)
_DATE_ATTRS = {"incorporation_date", "aircraft_manufacture_date", "build_year"}
# Labels that carry a variable part: directives, directive dates, wallets.
PATTERN_LABELS = (
    r"Executive Order \d+ Directive (?:Determination|Information)",
    r"Executive Order \d+ information",
    r"(?:Listing|Effective) Date \([^()]*\)",
    r"Purchase/Sales For Divestment Date \([^()]*\)",
    r"Digital Currency Address - [A-Za-z0-9]+",
)
_PATTERN_RE = re.compile("|".join(PATTERN_LABELS), re.I)
_DATED_PATTERN = re.compile(r"^(?:listing|effective) date|^purchase/sales for divestment date")


def norm_label(label: str) -> str:
    """A publisher label as a lookup key: "Secondary sanctions risk:" -> "secondary sanctions risk"."""
    return " ".join(label.split()).rstrip(" :-").lower()


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", norm_label(label)).strip("_")


ID_KINDS: dict[str, IdentifierKind] = {
    norm_label(lab): kind for kind, labs in _ID_LABELS.items() for lab in labs
}
_ATTR_KEYS: dict[str, str] = {norm_label(lab): key for key, labs in _ATTR_LABELS.items() for lab in labs}
ALL_LABELS = sorted(
    {lab for labs in _ID_LABELS.values() for lab in labs}
    | {lab for labs in _ATTR_LABELS.values() for lab in labs},
    key=len,
    reverse=True,
)


def is_id_label(key: str) -> bool:
    """Whether a normalised label names an identifier (a digital currency address is one)."""
    return key in ID_KINDS or key.startswith("digital currency address")


def attribute_key(label: str) -> str | None:
    """The attribute a label that names no identifier becomes; None when the label is unknown.

    A label with a variable part ("Listing Date (CMIC)", "Executive Order 13846 information") becomes
    its own slug.
    """
    return _ATTR_KEYS.get(norm_label(label)) or (_slug(label) if _PATTERN_RE.fullmatch(label.strip(" :-")) else None)


def is_date_attribute(attribute: str, key: str) -> bool:
    """Whether the attribute's value is a date (written as ISO when it parses)."""
    return attribute in _DATE_ATTRS or _DATED_PATTERN.match(key) is not None


# Countries by OFAC's own key (letters only). The first two the shared table lacks; it knows the others,
# but by a key that keeps digits, so "Yangon, Burma 11181" would no longer find Burma without them.
_COUNTRY_FIXES = {
    "netherlands antilles": "an",
    "serbia and montenegro": "csxx",
    "cote d ivoire": "ci",
    "north macedonia the republic of": "mk",
    "man isle of": "im",
    "palestinian": "ps",
    "gaza strip": "ps",
    "burma": "mm",
    "bosnia herzegovina": "ba",
    "comoros islands": "km",
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
    """OFAC's DOB forms: "03 Jun 1960", "1961", "circa 1951", "1961 to 1963", "01 Jan 1960 to 31 Dec 1962".

    `parse_birth_date` reads most of them; a " to " range is read here first because OFAC also joins
    ISO and slashed dates with it, and a range whose ends are equal is that one date.
    """
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


# A final period is OFAC's end of a text, except after an abbreviation ("S.A.", "Co.", "Washington, D.C.").
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]|\b(?:co|ltd|ltda|inc|corp|cia|jr|sr|bhd|pvt|dr|st|no|ca|sa|ag|kg|ab|bros|gmbh|plc|llc))\.$",
    re.I,
)


def ends_with_abbreviation(text: str) -> bool:
    return _ABBREVIATION_END.search(text) is not None


def without_end_period(text: str) -> str:
    """The text without OFAC's closing periods, which an abbreviation at the end keeps."""
    return text.rstrip(".") if not ends_with_abbreviation(text) else text
