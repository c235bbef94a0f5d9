"""What readers of different publishers share when they build entities.

The readers were written side by side, and each grew the same small helpers:
a way to keep one party's facts without repeats, the rank of name kinds, a
de-duplicating tuple, a language-name lookup. They live here so that no reader
imports another reader. Helpers tied to one family of lists stay with that
family: `uk_common` (UK and DFAT) and `ofac_common` (the four OFAC formats).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from hoarfrost.model import (
    Address,
    Attribute,
    BirthDate,
    Designation,
    Entity,
    Identifier,
    Name,
    NameKind,
    NameParts,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import text_of
from hoarfrost.values.dates import parse_partial_date

T = TypeVar("T")

# The strength of a name kind: an identical value listed as two kinds keeps the stronger (lower) one.
NAME_RANK = {NameKind.PRIMARY: 0, NameKind.ALIAS: 1, NameKind.FORMER: 2, NameKind.WEAK_ALIAS: 3}


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """The items without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


def gender_of(text: str | None) -> str | None:
    """"male" or "female" from a gender text in any case; anything else is None."""
    lowered = (text_of(text) or "").lower()
    return lowered if lowered in ("male", "female") else None


def original_script_kind(kind: NameKind) -> NameKind:
    """Original-script forms are aliases of the Latin names, but keep a weak or former qualifier."""
    return kind if kind in (NameKind.WEAK_ALIAS, NameKind.FORMER) else NameKind.ALIAS


@lru_cache(maxsize=4096)
def iso_date(text: str | None) -> str | None:
    """A date text as its partial ISO form ("10/04/2025" -> "2025-04-10"), or None."""
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


class NameList:
    """Names in order, each value once, keeping its strongest kind (primary > alias > former > weak).

    A stronger kind replaces the name whole (its language and parts too); see
    `uk_common.EntityBuilder.add_name` for the variant that keeps them.
    """

    def __init__(self) -> None:
        self._names: dict[str, Name] = {}

    def add(
        self, value: str | None, kind: NameKind, parts: NameParts | None = None, lang: str | None = None
    ) -> None:
        value = text_of(value)
        if not value:
            return
        known = self._names.get(value)
        if known is not None and NAME_RANK[known.kind] <= NAME_RANK[kind]:
            return
        self._names[value] = Name(value, kind, detect_script(value), lang, parts)

    def names(self) -> tuple[Name, ...]:
        return tuple(self._names.values())


@dataclass(kw_only=True)
class EntityFacts:
    """One party's facts while they are gathered from many rows or elements, each kept once.

    The dicts are ordered sets (every value maps to None): lists repeat facts
    (OFAC files one passport as "Passport" and "alt. Passport", the UK ConList
    repeats a party's details on each of its rows), and a dict drops a repeat
    where it is met while keeping first-seen order. Subclasses add their
    publisher's mapping; `entity` freezes the facts.
    """

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

    def add_attribute(self, key: str, value: str | None) -> None:
        """An attribute from cleaned text; empty text adds nothing."""
        value = text_of(value)
        if value:
            self.attributes[Attribute(key, value)] = None

    def ordered_names(self) -> tuple[Name, ...]:
        """The names as the entity lists them: here in first-seen order."""
        return tuple(self.names.values())

    def entity(self, source: str, source_id: str, schema: Schema) -> Entity:
        return Entity(
            source=source,
            source_id=source_id,
            schema=schema,
            names=self.ordered_names(),
            birth_dates=tuple(self.birth_dates),
            birth_places=tuple(self.birth_places),
            nationalities=tuple(self.nationalities),
            citizenships=tuple(self.citizenships),
            gender=self.gender,
            identifiers=tuple(self.identifiers),
            addresses=tuple(self.addresses),
            designations=tuple(self.designations),
            attributes=tuple(self.attributes),
        )
