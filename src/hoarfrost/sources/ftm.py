"""Reader: FollowTheMoney entities as JSON lines (the OpenSanctions `entities.ftm.json` export).

Each line is one entity: `{"id", "schema", "properties": {prop: [values]},
"datasets", "referents", "first_seen", "last_seen", "last_change", "target"}`.
Person, Organization, Company, LegalEntity, PublicBody, Vessel and Airplane
entities become parties; every other schema is not a party and is not
yielded, but some carry facts about parties, which are attached to them:

- `Sanction` (its `entity` property names the party): designations;
- `Address` (named by a party's `addressEntity`): addresses;
- `Identification` / `Passport` / `CryptoWallet` (`holder`): identifiers;
- `Occupancy` (`holder`, `post` -> `Position`): positions;
- `Family`, `Associate`, `Ownership`, `Directorship`, `Membership`,
  `Employment`, `Representation`, `UnknownLink`: links, kept as attributes
  ("relative": "Bakr bin Laden (sibling)") on both sides.

Those entities can come after the party they describe, so the file is read
twice: a first pass keeps only the relation entities and every party's
caption (small, even for a large export), the second builds and yields the
parties one at a time. How many entities of each skipped schema there were
is reported as a warning.

The source key stays "ftm" whatever the dataset; the dataset names go to the
attribute "dataset". FtM files carry no publication date. The followthemoney
library is not used: the schema is read as plain JSON (msgspec), and values
the real exports sometimes write as a bare string instead of a list are
accepted. Properties written with their schema prefix ("Person:country") are
read without it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, cast

import msgspec

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    Attribute,
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
from hoarfrost.sources.base import ListReader, SourceFile, text_of
from hoarfrost.values.countries import country_code, country_codes
from hoarfrost.values.dates import parse_birth_date, parse_partial_date

Props = dict[str, list[str]]

SCHEMATA = {
    "Person": Schema.PERSON, "Organization": Schema.ORGANIZATION, "Company": Schema.ORGANIZATION,
    "LegalEntity": Schema.ORGANIZATION, "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL, "Airplane": Schema.AIRCRAFT,
}
NAME_KINDS = {
    "name": NameKind.PRIMARY, "alias": NameKind.ALIAS, "abbreviation": NameKind.ALIAS,
    "weakAlias": NameKind.WEAK_ALIAS, "previousName": NameKind.FORMER,
}
PART_PROPS = ("firstName", "middleName", "secondName", "lastName", "fatherName", "title")
IDENTIFIER_PROPS = {
    "passportNumber": IdentifierKind.PASSPORT, "idNumber": IdentifierKind.NATIONAL_ID,
    "socialSecurityNumber": IdentifierKind.NATIONAL_ID, "taxNumber": IdentifierKind.TAX_ID,
    "innCode": IdentifierKind.TAX_ID, "vatCode": IdentifierKind.TAX_ID,
    "ogrnCode": IdentifierKind.REGISTRATION, "registrationNumber": IdentifierKind.REGISTRATION,
    "okpoCode": IdentifierKind.REGISTRATION, "leiCode": IdentifierKind.LEI,
    "swiftBic": IdentifierKind.SWIFT_BIC, "imoNumber": IdentifierKind.IMO, "mmsi": IdentifierKind.MMSI,
    "callSign": IdentifierKind.CALL_SIGN, "serialNumber": IdentifierKind.OTHER,
    "kppCode": IdentifierKind.OTHER, "dunsCode": IdentifierKind.OTHER, "bikCode": IdentifierKind.OTHER,
    "icaoCode": IdentifierKind.OTHER, "npiCode": IdentifierKind.OTHER, "uniqueEntityId": IdentifierKind.OTHER,
    "permId": IdentifierKind.OTHER, "cikCode": IdentifierKind.OTHER, "ricCode": IdentifierKind.OTHER,
}
AIRCRAFT_IDENTIFIERS = {
    "serialNumber": IdentifierKind.AIRCRAFT_SERIAL, "registrationNumber": IdentifierKind.AIRCRAFT_TAIL,
}
ATTRIBUTE_KEYS = {
    "sourceUrl": "source_url", "topics": "topic", "deathDate": "death_date", "buildDate": "build_date",
    "grossRegisteredTonnage": "gross_registered_tonnage", "flag": "vessel_flag", "programId": "program_id",
}
VESSEL_KEYS = {"type": "vessel_type"}
AIRCRAFT_KEYS = {"model": "aircraft_model", "type": "aircraft_type"}
# Props mapped to fields of their own (names, dates, countries, ids, addresses), not to attributes.
# (Name-part props are attributes too when they cannot be parts: several values, or a title.)
MAPPED = {
    *NAME_KINDS, *IDENTIFIER_PROPS, "birthDate", "birthPlace", "nationality",
    "citizenship", "gender", "address", "addressEntity",
}
# Sanction props that have no Designation field, kept on the party as attributes.
SANCTION_EXTRAS = {
    "endDate": "sanction_end_date", "status": "sanction_status", "sourceUrl": "sanction_source_url",
    "programUrl": "sanction_program_url", "summary": "sanction_summary", "duration": "sanction_duration",
    "country": "sanction_country",
}
# Link schemata: (one side, other side, key on the first, key on the second, role property).
LINKS = {
    "Family": ("person", "relative", "relative", "relative", "relationship"),
    "Associate": ("person", "associate", "associate", "associate", "relationship"),
    "Ownership": ("owner", "asset", "owns", "owned_by", "role"),
    "Directorship": ("director", "organization", "director_of", "director", "role"),
    "Membership": ("member", "organization", "member_of", "member", "role"),
    "Employment": ("employee", "employer", "employed_by", "employs", "role"),
    "Representation": ("agent", "client", "represents", "represented_by", "role"),
    "UnknownLink": ("subject", "object", "linked_to", "linked_to", "role"),
}
_ID_NOTES = ("startDate", "endDate", "authority")
HELD = {"Identification", "Passport", "CryptoWallet"}  # documents and wallets, by `holder`
RELATIONS = {"Sanction", "Address", "Occupancy", "Position", *HELD, *LINKS}


@dataclass
class Related:
    """Facts that other entities of the file give about the parties, keyed by party id."""

    captions: dict[str, str] = field(default_factory=dict)
    addresses: dict[str, Props] = field(default_factory=dict)
    positions: dict[str, Props] = field(default_factory=dict)
    sanctions: dict[str, list[tuple[str, Props, list[str]]]] = field(default_factory=dict)
    identifications: dict[str, list[tuple[str, Props]]] = field(default_factory=dict)
    occupancies: dict[str, list[Props]] = field(default_factory=dict)
    links: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    address_refs: set[str] = field(default_factory=set)  # addressEntity ids the parties name
    skipped: Counter[str] = field(default_factory=Counter)


class FtmJsonReader(ListReader):
    format = "ftm_json"
    source = "ftm"
    title = "FollowTheMoney entities as JSON lines"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """A first line that is a JSON object with "id", "schema" and "properties"."""
        first = head.removeprefix(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
        return first.startswith(b"{") and all(key in first for key in (b'"id"', b'"schema"', b'"properties"'))

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            related = self._first_pass(file)
            with self.open_counted(file) as stream:
                for _, record in iter_records(stream, file.name):
                    schema = SCHEMATA.get(record["schema"])
                    if schema is not None:
                        yield self._entity(record, schema, related)
            for name, count in sorted(related.skipped.items()):
                self.report.warn(f"skipped {name} entities (not parties; what they say is attached)", count)

    def _first_pass(self, file: SourceFile) -> Related:
        related = Related()
        with file.open() as stream:
            for _, record in iter_records(stream, file.name):
                schema, props = record["schema"], properties(record)
                if schema in SCHEMATA:
                    related.captions[record["id"]] = caption(record, props)
                    related.address_refs.update(_get(props, "addressEntity"))
                    continue
                related.skipped[schema] += 1
                if schema in RELATIONS:
                    _remember(related, record, schema, props)
        self._warn_dangling(related)
        return related

    def _warn_dangling(self, related: Related) -> None:
        """Relations to an entity that is not in the file are dropped, with a warning."""
        for what, targets in (("Sanction", related.sanctions), ("Identification", related.identifications),
                              ("Occupancy", related.occupancies), ("link", related.links)):
            missing = sum(1 for target in targets if target not in related.captions)
            if missing:
                self.report.warn(f"{what} entities refer to entities not in the file: ignored", missing)
        missing = len(related.address_refs - related.addresses.keys())
        if missing:
            self.report.warn("addressEntity refers to an Address not in the file: ignored", missing)

    def _entity(self, record: dict[str, Any], schema: Schema, related: Related) -> Entity:
        props = properties(record)
        entity_id = record["id"]
        held = related.identifications.get(entity_id, [])
        identifiers = _identifiers(props, schema) + _identifications(held)
        return Entity(
            source=self.source or "ftm",
            source_id=entity_id,
            schema=schema,
            names=entity_names(props, caption(record, props)),
            birth_dates=tuple(dict.fromkeys(d for d in map(parse_birth_date, _get(props, "birthDate")) if d)),
            birth_places=_places(props),
            nationalities=country_codes(tuple(props.get("nationality", []))),
            citizenships=country_codes(tuple(props.get("citizenship", []))),
            gender=_gender(props),
            identifiers=tuple(dict.fromkeys(identifiers)),
            addresses=_addresses(props, related),
            designations=self._designations(entity_id, props, record, related),
            attributes=tuple(dict.fromkeys(_attributes(record, props, schema, related))),
        )

    def _designations(
        self, entity_id: str, props: Props, record: dict[str, Any], related: Related
    ) -> tuple[Designation, ...]:
        sanctions = related.sanctions.get(entity_id, [])
        found = [designation(sid, sprops, datasets) for sid, sprops, datasets in sanctions]
        if not found and props.get("programId"):  # listed, but the export left out its Sanction entities
            authority = ", ".join(_strings(record.get("datasets"))) or "OpenSanctions"
            found = [Designation(authority=authority, regime="; ".join(props["programId"]))]
        return tuple(dict.fromkeys(found))


def iter_records(stream: IO[bytes], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, entity) for each non-blank line; broken lines are a ListFileError."""
    buffered = stream
    if not isinstance(stream, io.BufferedIOBase):  # a raw stream reads lines a byte at a time
        buffered = io.BufferedReader(cast(io.RawIOBase, stream))
    empty = True
    for number, line in enumerate(buffered, start=1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        empty = False
        yield number, _decode(line, name, number)
    if empty:
        raise ListFileError(name, "the file is empty")


def _decode(line: bytes, name: str, number: int) -> dict[str, Any]:
    where = f"line {number}"
    try:
        record = msgspec.json.decode(line)
    except msgspec.DecodeError as exc:
        raise ListFileError(name, f"malformed JSON: {exc}", where=where) from None
    except UnicodeDecodeError as exc:
        raise ListFileError(name, f"not valid UTF-8 text ({exc.reason})", where=where) from None
    if not isinstance(record, dict):
        raise ListFileError(name, "a line is not a JSON object (an FtM entity)", where=where)
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        raise ListFileError(name, "an entity has no id", where=where)
    if not isinstance(record.get("schema"), str):
        raise ListFileError(name, f"entity {record['id']} has no schema", where=where)
    if not isinstance(record.get("properties", {}), dict):
        raise ListFileError(name, f"entity {record['id']} has properties that are not an object", where=where)
    return record


def properties(record: dict[str, Any]) -> Props:
    """Cleaned property values as lists of strings, "Schema:prop" keys read as "prop"."""
    props: Props = {}
    for key, raw in (record.get("properties") or {}).items():
        values = _strings(raw)
        if values:
            props.setdefault(key.rsplit(":", 1)[-1], []).extend(values)
    return props


def _get(props: Props, key: str) -> list[str]:
    return props.get(key, [])


def _strings(raw: Any) -> list[str]:
    items = raw if isinstance(raw, list) else [raw]
    values = []
    for item in items:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = text_of(str(item))
            if text:
                values.append(text)
    return values


def caption(record: dict[str, Any], props: Props) -> str:
    found = props.get("name") or _strings(record.get("caption")) or [record["id"]]
    return found[0]


def _remember(related: Related, record: dict[str, Any], schema: str, props: Props) -> None:
    """Keep a relation entity under the id of the party it is about."""
    entity_id = record["id"]
    if schema == "Sanction":
        for target in props.get("entity", []):
            datasets = _strings(record.get("datasets"))
            related.sanctions.setdefault(target, []).append((entity_id, props, datasets))
    elif schema == "Address":
        related.addresses[entity_id] = props
    elif schema == "Position":
        related.positions[entity_id] = props
    elif schema in HELD:
        for holder in props.get("holder", []):
            related.identifications.setdefault(holder, []).append((schema, props))
    elif schema == "Occupancy":
        for holder in props.get("holder", []):
            related.occupancies.setdefault(holder, []).append(props)
    else:
        first, second, key_first, key_second, role = LINKS[schema]
        roles = ", ".join(props.get(role, []))
        for a in props.get(first, []):
            for b in props.get(second, []):
                related.links.setdefault(a, []).append((key_first, b, roles))
                related.links.setdefault(b, []).append((key_second, a, roles))


def entity_names(props: Props, fallback: str) -> tuple[Name, ...]:
    """Every name, alias and former name, without repeats; name parts go on the primary name they fit."""
    parts = _parts(props)
    names: dict[str, Name] = {}
    for prop, kind in NAME_KINDS.items():
        for value in props.get(prop, []):
            if value not in names:
                names[value] = Name(value=value, kind=kind, script=detect_script(value))
    if not any(name.kind is NameKind.PRIMARY for name in names.values()):
        built = " ".join(p for p in (parts.given, parts.middle, parts.family) if p) if parts else ""
        value = built or fallback
        others = {key: name for key, name in names.items() if key != value}
        names = {value: Name(value=value, script=detect_script(value)), **others}
    if parts:
        for value, name in names.items():
            if name.kind is NameKind.PRIMARY and _fits(value, parts):
                names[value] = Name(value=value, kind=name.kind, script=name.script, parts=parts)
                break
    return tuple(names.values())


def _parts(props: Props) -> NameParts | None:
    def one(*keys: str) -> str | None:
        values = [v for key in keys for v in props.get(key, [])]
        return values[0] if len(values) == 1 else None

    parts = NameParts(
        given=one("firstName"), middle=one("middleName", "secondName"), family=one("lastName"),
        patronymic=one("fatherName"), title=one("title"),
    )
    return parts if (parts.given or parts.family) else None


def _fits(value: str, parts: NameParts) -> bool:
    folded = value.casefold()
    return all(part.casefold() in folded for part in (parts.given, parts.family) if part)


def _identifiers(props: Props, schema: Schema) -> tuple[Identifier, ...]:
    found = []
    for prop, kind in IDENTIFIER_PROPS.items():
        if schema is Schema.AIRCRAFT:
            kind = AIRCRAFT_IDENTIFIERS.get(prop, kind)
        found += [Identifier(kind, value, label=prop) for value in props.get(prop, [])]
    return tuple(found)


def _identifications(items: list[tuple[str, Props]]) -> tuple[Identifier, ...]:
    """Identifiers from Identification / Passport / CryptoWallet entities, with country, type and validity."""
    found = []
    for schema, props in items:
        if schema == "CryptoWallet":
            label = " ".join(["CryptoWallet", *props.get("currency", [])])
            found += [Identifier(IdentifierKind.OTHER, key, label=label) for key in _get(props, "publicKey")]
            continue
        label = ", ".join(props.get("type", [])) or schema
        passport = schema == "Passport" or "passport" in label.lower()
        kind = IdentifierKind.PASSPORT if passport else IdentifierKind.OTHER
        country = next(iter(country_codes(tuple(props.get("country", [])))), None)
        note = "; ".join(f"{key} {', '.join(props[key])}" for key in _ID_NOTES if key in props)
        for number in props.get("number", []):
            found.append(Identifier(kind, number, country=country, label=label, note=note or None))
    return tuple(found)


def _places(props: Props) -> tuple[Place, ...]:
    birth_countries = country_codes(tuple(props.get("birthCountry", [])))
    fallback = birth_countries[0] if len(birth_countries) == 1 else None
    places = [Place(text, country_code(text.rsplit(",", 1)[-1]) or fallback)
              for text in _get(props, "birthPlace")]
    return tuple(dict.fromkeys(places))


def _gender(props: Props) -> str | None:
    for value in props.get("gender", []):
        if value.lower() in ("male", "female"):
            return value.lower()
    return None


def _addresses(props: Props, related: Related) -> tuple[Address, ...]:
    found = [Address(full=text) for text in props.get("address", [])]
    found += [_address(related.addresses[key])
              for key in _get(props, "addressEntity") if key in related.addresses]
    return tuple(dict.fromkeys(found))


def _address(props: Props) -> Address:
    def one(*keys: str) -> str | None:
        return ", ".join(v for key in keys for v in props.get(key, [])) or None

    countries = country_codes(tuple(props.get("country", [])))
    return Address(
        full=one("full"), street=one("street", "street2"), city=one("city"), region=one("region", "state"),
        postal_code=one("postalCode"), country=countries[0] if countries else None,
    )


def designation(sanction_id: str, props: Props, datasets: list[str]) -> Designation:
    def joined(*keys: str) -> str | None:
        return "; ".join(v for key in keys for v in props.get(key, [])) or None

    dates = sorted(d.iso for key in ("listingDate", "startDate", "date")
                   for d in map(parse_partial_date, props.get(key, [])) if d)
    return Designation(
        authority=joined("authority") or ", ".join(datasets) or "OpenSanctions",
        regime=joined("program") or joined("programId"),
        legal_basis=joined("provisions"),
        listed_on=dates[0] if dates else None,
        reason=joined("reason"),
        source_id=(props.get("authorityId") or props.get("unscId") or [sanction_id])[0],
    )


def _attributes(record: dict[str, Any], props: Props, schema: Schema, related: Related) -> list[Attribute]:
    keys = {**ATTRIBUTE_KEYS, **(VESSEL_KEYS if schema is Schema.VESSEL else {}),
            **(AIRCRAFT_KEYS if schema is Schema.AIRCRAFT else {})}
    attributes = [Attribute(keys.get(prop, prop), value)
                  for prop, values in props.items() if _unmapped(prop, values) for value in values]
    attributes += [Attribute("dataset", name) for name in _strings(record.get("datasets"))]
    attributes += [Attribute("referent", ref) for ref in _strings(record.get("referents"))]
    for key in ("first_seen", "last_seen", "last_change"):
        attributes += [Attribute(key, value) for value in _strings(record.get(key))]
    if isinstance(record.get("target"), bool):
        attributes.append(Attribute("target", str(record["target"]).lower()))
    entity_id = record["id"]
    for _, sanction, _ in related.sanctions.get(entity_id, []):
        attributes += [Attribute(key, value)
                       for prop, key in SANCTION_EXTRAS.items() for value in _get(sanction, prop)]
    attributes += _occupancy_attributes(related.occupancies.get(entity_id, []), related)
    for key, other, role in related.links.get(entity_id, []):
        label = related.captions.get(other, other)
        attributes.append(Attribute(key, f"{label} ({role})" if role else label))
    return attributes


def _unmapped(prop: str, values: list[str]) -> bool:
    if prop in PART_PROPS:
        return len(values) > 1 or prop == "title"
    return prop not in MAPPED


def _occupancy_attributes(occupancies: list[Props], related: Related) -> list[Attribute]:
    """Positions held, "Minister of Interior (2001-05 – 2005)", from Occupancy and Position entities."""
    found = []
    for props in occupancies:
        dates = " – ".join(props.get("startDate", [])[:1] + props.get("endDate", [])[:1])
        for post in props.get("post", []):
            position = related.positions.get(post, {})
            label = (position.get("name") or [post])[0]
            found.append(Attribute("position", f"{label} ({dates})" if dates else label))
    return found
