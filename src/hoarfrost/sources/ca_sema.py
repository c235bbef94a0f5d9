"""Reader: Canada's consolidated autonomous sanctions list (SEMA / JVCFOA), `sema-lmes.xml`.

Global Affairs Canada publishes a flat `<data-set>` of `<record>` elements. The
element names changed over the years and all three generations are read:

- 2020: `Entity`, `DateOfBirth`, `Title`;
- 2022 on: `EntityOrShip`, `DateOfBirthOrShipBuildDate`, `TitleOrShip`,
  `ShipIMONumber`, `DateOfListing`;
- newest: bilingual tags (`Country-Pays`, `EntityOrShip-EntiteOuNavire`,
  `TitleOrShipType-TitreOuTypeDeNavire`, ...): only the part before the first
  `-` is used, so these read like the 2022 names.

A record with `LastName`/`GivenName` is a person; one with `EntityOrShip`
(or `Entity`) is an organisation, or a vessel when it carries a valid IMO
number. `Country` is the *regime*, not a nationality ("Russia / Russie"; the
English part is kept), except for the Magnitsky listings whose "country" is the
Justice for Victims of Corrupt Foreign Officials Regulations: those get that
Act as legal basis instead of the Special Economic Measures Act.

The publisher gives no identifier and no publication date. The source id is
built from the regime, the schedule and the item number, e.g. `russia:1-part-2:17`
(`zimbabwe:175` when the schedule is empty or "N/A"): the item alone repeats
across regimes and schedules, and the three together are unique in every file
seen. It changes when Canada renumbers a schedule, which is the best a list
without ids allows.

Many names are written "English/French" ("Iranian Army/Armée iranienne"): the
English part is the primary name, the French part an alias. `Aliases` is one
text with several aliases separated by commas or semicolons; see
`split_aliases` for how company names with commas survive, and
`_person_alias` for aliases that only vary one part of a person's name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from difflib import SequenceMatcher

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Attribute,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
    NameParts,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ListReader, SourceFile, text_of
from hoarfrost.sources.xml import iter_elements
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

AUTHORITY = "Global Affairs Canada"
SEMA = "Special Economic Measures Act"
JVCFOA = "Justice for Victims of Corrupt Foreign Officials Act (Sergei Magnitsky Law)"

# Canonical field name -> the element names that have carried it.
_FIELDS = {
    "Entity": "name", "EntityOrShip": "name",
    "DateOfBirth": "dob", "DateOfBirthOrShipBuildDate": "dob",
    "Title": "title", "TitleOrShip": "title", "TitleOrShipType": "title",
}
_KNOWN = {"Country", "LastName", "GivenName", "Schedule", "Item", "DateOfListing", "Aliases", "ShipIMONumber"}

_LEGAL_FORM = re.compile(
    r"(?:inc|ltd|llc|l\.l\.c|co|corp|plc|llp|lp|s\.?a|s\.?a\.?r\.?l|s\.?r\.?l|s\.?a\.?l|s\.?a\.?s|gmbh|ag|"
    r"b\.?v|n\.?v|jsc|pjsc|ojsc|cjsc|ooo|zao|oao|pao|ao|limited|pte|pty|fze|fzco|fzc)\.?",
    re.IGNORECASE,
)
_IMO = re.compile(r"(?:IMO[\s:#.]*)?(\d{7})", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-Z]{2,})\)")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DOB_SPLIT = re.compile(r"\s+or\s+|\s*;\s*", re.IGNORECASE)
_FRENCH_AND = re.compile(r"\s+et\s+")
_SIMILAR = 0.6  # SequenceMatcher ratio above which an alias token is a spelling of a name part


class CaSemaXmlReader(ListReader):
    format = "ca_sema_xml"
    source = "ca_sema"
    title = "Canada SEMA consolidated list XML"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """A `<data-set>` root holding `<record>`s with a `Country` and an `Item` (no other list has this)."""
        return b"<data-set" in head and b"<record" in head and b"<Country" in head and b"<Item" in head

    def entities(self) -> Iterator[Entity]:
        seen: set[str] = set()
        for file in self.files:
            with self.open_counted(file) as stream:
                for number, elem in enumerate(iter_elements(stream, file.name, {"record"}), start=1):
                    entity = self._entity(file, number, elem, seen)
                    if entity is not None:
                        yield entity

    def _entity(self, file: SourceFile, number: int, elem: ET.Element, seen: set[str]) -> Entity | None:
        fields = record_fields(elem)
        source_id = self._source_id(file, number, fields, seen)
        names = record_names(fields)
        if not names:
            self.report.warn(f"record {source_id} has no name: skipped")
            return None
        schema, identifiers, extra = self._kind(fields)
        is_person = schema is Schema.PERSON
        birth_dates, dob_attrs = _dates(fields.get("dob"), is_person)
        if dob_attrs and is_person:
            self.report.warn("unreadable date of birth kept as an attribute", len(dob_attrs))
        return Entity(
            source=self.source or "ca_sema",
            source_id=source_id,
            schema=schema,
            names=names,
            birth_dates=birth_dates,
            identifiers=identifiers,
            designations=(designation(fields, source_id),),
            attributes=tuple(_attributes(fields, schema)) + dob_attrs + extra,
        )

    def _source_id(self, file: SourceFile, number: int, fields: dict[str, str], seen: set[str]) -> str:
        country, item = fields.get("Country"), fields.get("Item")
        if not country or not item:
            missing = "Item" if country else "Country"
            problem = f"a record has no {missing}, so it has no id"
            raise ListFileError(file.name, problem, where=f"record {number}")
        parts = [_regime_slug(country)]
        schedule = _schedule(fields.get("Schedule"))
        if schedule:
            parts.append(_NOT_SLUG.sub("-", schedule.lower()).strip("-"))
        parts.append(item)
        source_id = ":".join(parts)
        if source_id in seen:
            self.report.warn(f"two records share the id {source_id}: numbered apart")
            n = 2
            while f"{source_id}#{n}" in seen:
                n += 1
            source_id = f"{source_id}#{n}"
        seen.add(source_id)
        return source_id

    def _kind(self, fields: dict[str, str]) -> tuple[Schema, tuple[Identifier, ...], tuple[Attribute, ...]]:
        """Person, organisation or vessel, with the IMO number when there is one."""
        imo_text = fields.get("ShipIMONumber")
        match = _IMO.fullmatch(imo_text) if imo_text else None
        extra: tuple[Attribute, ...] = ()
        if imo_text and not match:
            self.report.warn("ShipIMONumber that is no IMO number kept as an attribute")
            extra = (Attribute("ship_imo_number", imo_text),)
        if not fields.get("name"):
            return Schema.PERSON, (), extra
        if match:
            imo = Identifier(IdentifierKind.IMO, match.group(1), label="ShipIMONumber")
            return Schema.VESSEL, (imo,), extra
        return Schema.ORGANIZATION, (), extra


def record_fields(elem: ET.Element) -> dict[str, str]:
    """The record's non-empty children by canonical name (bilingual suffixes dropped)."""
    fields: dict[str, str] = {}
    for child in elem:
        tag = child.tag.split("-", 1)[0]
        value = text_of(child.text)
        if value:
            fields[_FIELDS.get(tag, tag)] = value
    return fields


def record_names(fields: dict[str, str]) -> tuple[Name, ...]:
    entity_name = fields.get("name")
    if entity_name:
        return _dedupe(_entity_names(entity_name, fields.get("Aliases")))
    return _dedupe(_person_names(fields))


def _entity_names(value: str, aliases: str | None) -> list[Name]:
    forms = split_top_level(value, "/")
    names = [_name(forms[0])] + [_name(form, NameKind.ALIAS) for form in forms[1:]]
    names += [_name(alias, NameKind.ALIAS) for alias in split_aliases(aliases)]
    return names


def _person_names(fields: dict[str, str]) -> list[Name]:
    given, family = fields.get("GivenName"), fields.get("LastName")
    full = " ".join(part for part in (given, family) if part)
    if not full:
        return []
    title = split_top_level(fields["title"], "/")[0] if fields.get("title") else None
    names = [_name(full, parts=NameParts(given=given, family=family, title=title))]
    names += [_person_alias(alias, given, family) for alias in split_aliases(fields.get("Aliases"))]
    return names


def _person_alias(alias: str, given: str | None, family: str | None) -> Name:
    """An alias of a person, completed when it only respells one part of the name.

    Canada often lists only the varying part: "Andrei" for Andrey Igorevich
    AKIMOV, "ERYGIN" for Vladimir Vladimirovich YERYGIN. Alone, such a
    fragment would match every Andrei, so it is completed with the other part:
    an upper-case single word replaces the family name; a first-name-like
    alias (no more words than the given names, the first close in spelling to
    the first given name) replaces the leading given names. A single word that
    is neither ("Motorola", "Givi") is a nickname: a weak alias.
    """
    words = alias.split()
    if family and given and len(words) == 1 and alias.isupper():
        return _name(f"{given} {alias}", NameKind.ALIAS, NameParts(given=given, family=alias))
    if family and given and family.casefold() not in alias.casefold():
        given_words = given.split()
        if len(words) <= len(given_words) and _similar(words[0], given_words[0]):
            new_given = " ".join(words + given_words[len(words):])
            return _name(f"{new_given} {family}", NameKind.ALIAS, NameParts(given=new_given, family=family))
    return _name(alias, NameKind.WEAK_ALIAS if len(words) == 1 else NameKind.ALIAS)


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= _SIMILAR


def split_aliases(text: str | None) -> list[str]:
    """The aliases of an `Aliases` text, split on top-level commas and semicolons.

    A piece that is only a legal form ("Ltd.", "S.A.") belongs to the piece
    before it ("Foo, Ltd."); commas inside parentheses do not split; a
    French enumeration's last "et" ("A, B et C") separates its last two
    aliases; English/French pairs "A/B" become two aliases; wrapping
    parentheses ("(Rosselkhozbank)") are dropped.
    """
    if not text:
        return []
    pieces: list[str] = []
    for piece in split_top_level(text, ",;"):
        if pieces and _LEGAL_FORM.fullmatch(piece):
            pieces[-1] = f"{pieces[-1]}, {piece}"
        else:
            pieces.append(piece)
    if len(pieces) >= 3:
        pieces[-1:] = [part for part in _FRENCH_AND.split(pieces[-1]) if part]
    aliases: list[str] = []
    for piece in pieces:
        if piece.startswith("(") and piece.endswith(")") and "(" not in piece[1:]:
            piece = piece[1:-1].strip()
        aliases.extend(split_top_level(piece, "/"))
    return aliases


def split_top_level(text: str, separators: str) -> list[str]:
    """Split on separator characters outside parentheses; "A/B" only when both sides are words."""
    pieces: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    cleaned = [piece for piece in (text_of(p) for p in pieces) if piece]
    if separators == "/" and any(len(piece) < 2 for piece in cleaned):
        return [text_of(text) or text]
    return cleaned


def designation(fields: dict[str, str], source_id: str) -> Designation:
    country = _english(fields["Country"])
    schedule = _schedule(fields.get("Schedule"))
    regime = f"{country} (Schedule {schedule})" if schedule else country
    listed = parse_partial_date(fields.get("DateOfListing"))
    return Designation(
        authority=AUTHORITY,
        regime=regime,
        legal_basis=JVCFOA if _is_magnitsky(fields["Country"]) else SEMA,
        listed_on=listed.iso if listed else None,
        source_id=source_id,
    )


def _attributes(fields: dict[str, str], schema: Schema) -> list[Attribute]:
    attributes = [Attribute("regime_text", fields["Country"])]
    for key in ("Schedule", "Item"):
        if key in fields:
            attributes.append(Attribute(key.lower(), fields[key]))
    if fields.get("DateOfListing") and not parse_partial_date(fields["DateOfListing"]):
        attributes.append(Attribute("date_of_listing", fields["DateOfListing"]))
    if fields.get("title"):
        attributes.append(Attribute("vessel_type" if schema is Schema.VESSEL else "title", fields["title"]))
    if fields.get("dob") and schema is not Schema.PERSON:
        key = "build_date" if schema is Schema.VESSEL else "date"
        attributes.append(Attribute(key, fields["dob"]))
    for key, value in fields.items():  # any element a newer version adds
        if key not in _KNOWN and key not in ("name", "dob", "title"):
            attributes.append(Attribute(key, value))
    return attributes


def _dates(text: str | None, is_person: bool) -> tuple[tuple[BirthDate, ...], tuple[Attribute, ...]]:
    """Birth dates ("1972-08-10 or 1972-08-11" is two); unreadable text is kept as an attribute."""
    if not text or not is_person:
        return (), ()
    dates, unread = [], []
    for part in _DOB_SPLIT.split(text):
        parsed = parse_birth_date(part)
        if parsed:
            dates.append(parsed)
        elif part.strip():
            unread.append(Attribute("date_of_birth", part.strip()))
    return tuple(dict.fromkeys(dates)), tuple(unread)


def _english(text: str) -> str:
    """The English half of an "English / French" text."""
    return (text_of(text.split(" / ", 1)[0]) or text).rstrip("/ ")


def _is_magnitsky(country: str) -> bool:
    return "JVCFOR" in country or "Corrupt Foreign Officials" in country


def _regime_slug(country: str) -> str:
    english = _english(country)
    acronym = _ACRONYM.search(english)
    if _is_magnitsky(country) and acronym:
        return acronym.group(1).lower()
    return _NOT_SLUG.sub("-", english.lower()).strip("-")


def _schedule(text: str | None) -> str | None:
    if not text or text.upper() in ("N/A", "NA", "-"):
        return None
    return text


def _name(value: str, kind: NameKind = NameKind.PRIMARY, parts: NameParts | None = None) -> Name:
    return Name(value=value, kind=kind, script=detect_script(value), parts=parts)


def _dedupe(names: list[Name]) -> tuple[Name, ...]:
    """Names without repeats: a value seen before (as any kind) is dropped."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if name.value and name.value not in seen:
            seen.add(name.value)
            kept.append(name)
    return tuple(kept)
