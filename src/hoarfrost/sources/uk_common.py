"""What the UK readers share, and the Australian DFAT reader borrows.

OFSI's ConList (one row per name, address, passport...) and the FCDO's UK
Sanctions List (one element per party) describe parties with the same
conventions: the same labelled facts ("IMO number", "Type of entity"), dates
of birth as "dd/mm/yyyy" with "dd"/"mm"/"00" for unknown parts or "mm/yyyy",
documents whose note starts with the issuing country, and a few country
spellings the shared country table lacks. DFAT's spreadsheet was modelled on
the ConList and is read with the same tools. `EntityBuilder` gathers one
party's facts from however many rows or elements describe it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hoarfrost.model import BirthDate, Identifier, IdentifierKind, Name, NameKind, NameParts, PartialDate
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import text_of
from hoarfrost.sources.common import NAME_RANK, EntityFacts
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date

AUTHORITY = "UK"

# Nationality adjectives in UK lists that values.countries does not know (yet).
_COUNTRY_FIXES = {"afghani": "af", "mauritian": "mu"}
_CURRENTLY = re.compile(r"\b(?:currently|now)\s+([^()]+)", re.I)
_COUNTRY_SPLIT = re.compile(r"[,;/.]|\band\b")
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_DOC_COUNTRY = re.compile(
    r"^\s*([A-Za-z][A-Za-z .'()-]*?)\s+(?:(?:diplomatic|official|service|national|passport)\s+)?"
    r"(?:passport|number|identity|id\b|national)", re.I,
)
_SLUG = re.compile(r"[^a-z0-9]+")

# Labelled values ("(Phone number):...", extra columns) and what they become.
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


def uk_country(text: str | None) -> str | None:
    """`country_code`, plus the few spellings of UK lists it lacks."""
    return country_code(text) or _COUNTRY_FIXES.get((text or "").strip(" .").lower())


def birth_country(text: str | None) -> str | None:
    """A country code, also for "Former USSR Currently Ukraine" and "Ukrainian SSR (now Ukraine)"."""
    code = uk_country(text)
    if code is None and text and (match := _CURRENTLY.search(text)):
        code = uk_country(match.group(1))
    return code


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


def document_country(note: str | None) -> str | None:
    """The issuing country a document note starts with ("Afghanistan passport number ...")."""
    if not note:
        return None
    match = _DOC_COUNTRY.match(note)
    return country_code(match.group(1) if match else re.split(r"[.,;(]", note, maxsplit=1)[0])


def imo_number(value: str) -> str:
    """An IMO number without the "IMO" the lists write before some."""
    return value.upper().removeprefix("IMO").strip(" .:")


class EntityBuilder(EntityFacts):
    """Collects one party's facts from many rows or elements; names come out strongest kind first."""

    def add_name(self, value: str | None, kind: NameKind, *, lang: str | None = None,
                 parts: NameParts | None = None) -> None:
        """Add a name; an identical value keeps the stronger kind, and the language and parts it lacked."""
        value = text_of(value)
        if not value:
            return
        known = self.names.get(value)
        if known is None:
            self.names[value] = Name(value, kind, detect_script(value), lang, parts)
        elif NAME_RANK[kind] < NAME_RANK[known.kind]:
            self.names[value] = Name(value, kind, known.script, lang or known.lang, parts or known.parts)

    def ordered_names(self) -> tuple[Name, ...]:
        return tuple(sorted(self.names.values(), key=lambda name: NAME_RANK[name.kind]))

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
            self.add_attribute(key, text)

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
                value = imo_number(value)
            self.identifiers[Identifier(kind, value, None, publisher_label)] = None
        else:
            self.add_attribute(_LABEL_ATTRIBUTES.get(label) or _SLUG.sub("_", label).strip("_"), value)

    def set_gender(self, text: str | None) -> None:
        gender = (text or "").strip().lower()
        if gender in ("male", "female"):
            self.gender = gender
        elif gender:
            self.add_attribute("gender", text)
