"""What OFAC's two feature-typed XML formats, the Advanced and the Enhanced XML, share.

The Advanced XML (sdn_advanced.xml) and the Enhanced XML (SDN_ENHANCED.XML)
both describe a party by typed records: names as (part type, value) pairs,
dates as periods of two windows, documents and features under a type label
("Tax ID No.", "Vessel Flag", "Website"). The Advanced format refers to these
labels by ID and the Enhanced one writes them out, but the labels and their
meaning are the same, so both readers map them here: `format_name` renders a
name the way OFAC writes it, `period_date` turns a period into a date, range or
circa date, `identifier_kind` and `feature_role` sort the labels, and
`ofac_common.OfacFeatureDraft` applies them. One party then reads the same
from both formats.

The legacy formats (sdn.csv, the sdnList XML) use another vocabulary, in
`ofac_labels`.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from hoarfrost.model import Address, BirthDate, IdentifierKind, NameKind, NameParts, PartialDate
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import text_of

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
    script = detect_script(" ".join(family + forenames))
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


# --- features and addresses ---------------------------------------------------


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
COUNTRY_ATTRIBUTES = {"vessel_flag", "vessel_flag_other", "vessel_flag_former", "jurisdiction"}


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
