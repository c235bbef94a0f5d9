"""The domain model: what a sanctions list says about a designated party.

Every reader maps its publisher's format into these frozen dataclasses, so the
store, the matcher and the faces never see a publisher format. Values are
already cleaned (ISO country codes, ISO partial dates, a script code on every
name); whatever a format carries that has no field of its own goes into
`Entity.attributes` rather than being dropped.

The classes are plain frozen dataclasses with slots, so they are cheap in hot
loops and serialise to and from JSON with msgspec (see `entity_to_json`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import msgspec


class Schema(StrEnum):
    """What kind of party a list entry is."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"


class NameKind(StrEnum):
    """How the publisher qualifies a name."""

    PRIMARY = "primary"
    ALIAS = "alias"  # a.k.a., good-quality alias
    WEAK_ALIAS = "weak_alias"  # low-quality a.k.a. (UN "Low", OFAC "weak")
    FORMER = "former"  # f.k.a., former name


class DatePrecision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class IdentifierKind(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    TAX_ID = "tax_id"
    IMO = "imo"
    MMSI = "mmsi"
    SWIFT_BIC = "swift_bic"
    LEI = "lei"
    REGISTRATION = "registration"
    CALL_SIGN = "call_sign"
    AIRCRAFT_SERIAL = "aircraft_serial"
    AIRCRAFT_TAIL = "aircraft_tail"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class NameParts:
    """Name parts when the source gives them separately (UN FIRST_NAME, UK Name1..6)."""

    given: str | None = None
    middle: str | None = None
    family: str | None = None
    patronymic: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Name:
    """One written form of a party's name.

    `script` is an ISO 15924 code (`Latn`, `Cyrl`, `Arab`, `Hani`, `Hang`, ...,
    `Zyyy` when no letters, `Zmix` for mixed scripts); `lang` an ISO 639 code
    only where the source states one.
    """

    value: str
    kind: NameKind = NameKind.PRIMARY
    script: str = "Latn"
    lang: str | None = None
    parts: NameParts | None = None


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to year, month or day: `iso` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""

    iso: str

    @property
    def precision(self) -> DatePrecision:
        return {4: DatePrecision.YEAR, 7: DatePrecision.MONTH}.get(len(self.iso), DatePrecision.DAY)

    @property
    def year(self) -> int:
        return int(self.iso[:4])


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A birth date, a range ("between 1961 and 1963") or an approximation ("circa 1947")."""

    date: PartialDate
    until: PartialDate | None = None  # set for ranges; `date` is then the earliest
    circa: bool = False


@dataclass(frozen=True, slots=True)
class Address:
    full: str | None = None
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, lower case


@dataclass(frozen=True, slots=True)
class Place:
    """A birth place as the list writes it, with its country code when known."""

    text: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: IdentifierKind
    value: str
    country: str | None = None
    label: str | None = None  # the publisher's own type label ("Passport", "Tax ID No.")
    note: str | None = None  # issue date, expiry, "expired", ...


@dataclass(frozen=True, slots=True)
class Designation:
    """One listing of the party by an authority under a regime."""

    authority: str  # "UN Security Council", "OFAC", "EU", "UK", ...
    regime: str | None = None  # programme / regime ("SDGT", "ISIL (Da'esh) and Al-Qaida")
    legal_basis: str | None = None  # regulation, executive order, resolution
    listed_on: str | None = None  # ISO date of listing
    reason: str | None = None  # statement of reasons or remarks
    source_id: str | None = None  # the publisher's id of this listing (UN ref in a UK row)


@dataclass(frozen=True, slots=True)
class Attribute:
    """Anything the format carries that has no field of its own (position, tonnage, ...)."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A designated party as one snapshot of one list describes it."""

    source: str  # list key: un_sc, us_ofac_sdn, uk_ofsi, eu_fsf, ...
    source_id: str  # the publisher's own identifier: OFAC ent_num, UN ref, UK group id
    schema: Schema
    names: tuple[Name, ...]
    birth_dates: tuple[BirthDate, ...] = ()
    birth_places: tuple[Place, ...] = ()
    nationalities: tuple[str, ...] = ()
    citizenships: tuple[str, ...] = ()
    gender: str | None = None  # "male" / "female"
    identifiers: tuple[Identifier, ...] = ()
    addresses: tuple[Address, ...] = ()
    designations: tuple[Designation, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    snapshot_id: int | None = field(default=None, compare=False)  # set when read from a store

    @property
    def id(self) -> str:
        return f"{self.source}:{self.source_id}"

    @property
    def caption(self) -> str:
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.value
        return self.names[0].value if self.names else self.source_id


@dataclass(frozen=True, slots=True)
class Customer:
    """A bank's customer as its file describes it: the id is the bank's own, kept as a string.

    `extra` keeps every column of the file that has no field here, so nothing the bank sent is lost.
    """

    id: str
    name: str
    schema: Schema | None = None
    dob: str | None = None  # ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD
    country: str | None = None  # ISO 3166-1 alpha-2, lower case
    identifiers: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Entity)
_CUSTOMER_DECODER = msgspec.json.Decoder(Customer)


def customer_to_json(customer: Customer) -> bytes:
    """Canonical JSON of a customer: its sha256 is the customer's version hash."""
    return _ENCODER.encode(customer)


def customer_from_json(data: bytes) -> Customer:
    return _CUSTOMER_DECODER.decode(data)


def entity_to_json(entity: Entity) -> bytes:
    """Canonical JSON of an entity, without its snapshot id (so equal content hashes equal)."""
    if entity.snapshot_id is not None:
        entity = _without_snapshot(entity)
    return _ENCODER.encode(entity)


def entity_from_json(data: bytes, snapshot_id: int | None = None) -> Entity:
    entity = _DECODER.decode(data)
    if snapshot_id is None:
        return entity
    return _with_snapshot(entity, snapshot_id)


def _without_snapshot(entity: Entity) -> Entity:
    return _with_snapshot(entity, None)


def _with_snapshot(entity: Entity, snapshot_id: int | None) -> Entity:
    from dataclasses import replace

    return replace(entity, snapshot_id=snapshot_id)
