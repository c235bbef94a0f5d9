"""yente's query-by-example, read and answered in hoarfrost's terms.

yente (OpenSanctions' API) takes FollowTheMoney examples, `{"schema": "Person", "properties": {"name":
[...], "birthDate": [...], "nationality": [...]}}`, and answers with FollowTheMoney entities carrying
`score`, `match` and `features`. Here an example becomes one hoarfrost query per name (names, aliases
and names composed from firstName/lastName parts), with its first usable birth date, country and the
identifiers it gives; an entry's best name decides its score. List entries are written back as
FollowTheMoney-like entities: id `source:source_id` (what GET /entities takes), the list key as dataset.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from hoarfrost.api.schemas import EntityExample
from hoarfrost.errors import QueryError
from hoarfrost.matching.algorithm import Weights
from hoarfrost.model import Entity, IdentifierKind, NameKind, Schema
from hoarfrost.screening.screener import Match, Query, make_query
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_partial_date

MAX_NAMES = 20  # names screened per example: each is a full screening
MAX_VALUES = 200  # property values per example
MAX_VALUE_CHARS = 1000

# FollowTheMoney schemata a list entry can be, and what they screen against (None: any kind).
QUERY_SCHEMATA: dict[str, Schema | None] = {
    "Person": Schema.PERSON, "Organization": Schema.ORGANIZATION, "Company": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION, "Vessel": Schema.VESSEL, "Airplane": Schema.AIRCRAFT,
    "Aircraft": Schema.AIRCRAFT, "LegalEntity": None, "Thing": None,
}
RESULT_SCHEMATA = {Schema.PERSON: "Person", Schema.ORGANIZATION: "Organization", Schema.VESSEL: "Vessel",
                   Schema.AIRCRAFT: "Airplane"}
NAME_PROPERTIES = ("name", "alias", "previousName", "weakAlias")
NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "lastName")
COUNTRY_PROPERTIES = ("nationality", "citizenship", "country", "jurisdiction", "mainCountry")
IDENTIFIER_PROPERTIES = ("idNumber", "passportNumber", "registrationNumber", "taxNumber", "innCode", "ogrnCode",
                         "leiCode", "swiftBic", "bicCode", "imoNumber", "mmsi", "callSign", "vatCode",
                         "serialNumber", "okpoCode")
_IDENTIFIER_PROPERTY = {
    IdentifierKind.PASSPORT: "passportNumber", IdentifierKind.NATIONAL_ID: "idNumber",
    IdentifierKind.TAX_ID: "taxNumber", IdentifierKind.IMO: "imoNumber", IdentifierKind.MMSI: "mmsi",
    IdentifierKind.SWIFT_BIC: "swiftBic", IdentifierKind.LEI: "leiCode",
    IdentifierKind.REGISTRATION: "registrationNumber", IdentifierKind.CALL_SIGN: "callSign",
    IdentifierKind.AIRCRAFT_SERIAL: "serialNumber", IdentifierKind.AIRCRAFT_TAIL: "registrationNumber",
    IdentifierKind.OTHER: "idNumber",
}
# What FollowTheMoney does not allow on each schema (an identifier falls back to one it allows), so that
# yente's clients can load every result as an entity of its schema.
_PERSON_ONLY = {"passportNumber", "nationality", "citizenship", "gender", "birthDate", "birthPlace"}
_LEGAL_ENTITY_ONLY = {"idNumber", "taxNumber", "swiftBic", "leiCode"}
_NOT_ON = {
    "Person": {"imoNumber", "mmsi", "callSign", "serialNumber"},
    "Organization": _PERSON_ONLY | {"mmsi", "callSign", "serialNumber"},
    "Vessel": _PERSON_ONLY | _LEGAL_ENTITY_ONLY | {"serialNumber"},
    "Airplane": _PERSON_ONLY | _LEGAL_ENTITY_ONLY | {"imoNumber", "mmsi", "callSign"},
}
_FALLBACK = {"Person": "idNumber", "Organization": "idNumber", "Vessel": "registrationNumber",
             "Airplane": "registrationNumber"}
_NAME_PROPERTY = {NameKind.PRIMARY: "name", NameKind.ALIAS: "alias", NameKind.WEAK_ALIAS: "weakAlias",
                  NameKind.FORMER: "previousName"}


@dataclass(frozen=True)
class Example:
    """An example read: the queries to screen, and the example as understood (echoed as `query`)."""

    queries: tuple[Query, ...]
    echo: dict[str, Any]


def read_example(key: str, example: EntityExample) -> Example:
    """The queries of one example; QueryError (400) naming the example when it cannot be screened."""
    if example.schema_ not in QUERY_SCHEMATA:
        known = ", ".join(QUERY_SCHEMATA)
        raise QueryError(f"queries.{key}: cannot match schema {example.schema_!r}; use one of {known}")
    props = _properties(key, example.properties)
    schema = QUERY_SCHEMATA[example.schema_]
    names = list(islice(dict.fromkeys(_names(props)), MAX_NAMES))
    if not names:
        raise QueryError(f"queries.{key}: no name to screen (give properties.name, or firstName and lastName)")
    countries = [code for code in (country_code(v) for p in COUNTRY_PROPERTIES for v in props.get(p, [])) if code]
    dob = next((d for d in map(_partial_date, props.get("birthDate", [])) if d), None)
    identifiers = tuple(islice((v for p in IDENTIFIER_PROPERTIES for v in props.get(p, [])), 20))
    queries, problems = [], []
    for name in names:
        try:
            queries.append(make_query(name, schema, dob, countries[0] if countries else None, identifiers))
        except QueryError as exc:
            problems.append(str(exc))
    if not queries:
        raise QueryError(f"queries.{key}: {problems[0]}")
    return Example(tuple(queries), {"id": example.id, "schema": example.schema_, "properties": _echo(props)})


def _properties(key: str, raw: dict[str, str | list[Any]]) -> dict[str, list[str]]:
    """Every property as a list of strings (yente takes a bare string too); nested entities are skipped."""
    props: dict[str, list[str]] = {}
    count = 0
    for prop, value in raw.items():
        values = [value] if isinstance(value, str) else value
        texts = [str(v) for v in values if isinstance(v, str | int | float) and not isinstance(v, bool)]
        count += len(texts)
        if count > MAX_VALUES:
            raise QueryError(f"queries.{key}: more than {MAX_VALUES} property values")
        if any(len(text) > MAX_VALUE_CHARS for text in texts):
            raise QueryError(f"queries.{key}: properties.{prop[:40]} holds a value longer than {MAX_VALUE_CHARS} "
                             "characters")
        props[prop] = [text for text in texts if text.strip()]
    return props


def _names(props: dict[str, list[str]]) -> Iterable[str]:
    for prop in NAME_PROPERTIES:
        yield from props.get(prop, [])
    # Parts compose one name per family name given ("Rotenberg", "Ротенберг"), with the first of the others.
    given = [props[p][0] for p in NAME_PARTS[:-1] if props.get(p)]
    for last in props.get("lastName", []) or ([""] if given else []):
        composed = " ".join([*given, last]).strip()
        if composed:
            yield composed


def _partial_date(text: str) -> str | None:
    """YYYY[-MM[-DD]] from a date or timestamp as FollowTheMoney writes them."""
    for size in (10, 7, 4):
        parsed = parse_partial_date(text.strip()[:size])
        if parsed is not None and parsed.iso == text.strip()[:size]:
            return parsed.iso
    return None


def _echo(props: dict[str, list[str]]) -> dict[str, list[str]]:
    """The properties as read: countries as ISO codes (as yente cleans them)."""
    return {prop: [country_code(v) or v for v in values] if prop in COUNTRY_PROPERTIES else values
            for prop, values in props.items()}


# -- answers ----------------------------------------------------------------------------------------

def best_per_entity(matches: Iterable[Match]) -> list[Match]:
    """Each entry once, with its best-scoring name across the example's names; best first."""
    best: dict[str, Match] = {}
    for match in matches:
        held = best.get(match.entity.id)
        if held is None or match.score > held.score:
            best[match.entity.id] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.entity.id))


def scored_entity(match: Match, threshold: float) -> dict[str, Any]:
    return {**ftm_entity(match.entity), "score": round(match.score, 4), "match": match.score >= threshold,
            "features": features(match), "explanation": match.explanation}


def features(match: Match) -> dict[str, float]:
    """The explanation in yente's terms: the name's score and each qualifier's effect."""
    found: dict[str, float] = {}
    for step in match.explanation:
        if step.get("step") == "name" and "score" in step:
            found["name"] = float(step["score"])
        elif step.get("step") == "qualifier":
            found[str(step["qualifier"])] = float(step["effect"])
    return found


def feature_docs(weights: Weights) -> dict[str, dict[str, Any]]:
    """yente's `matcher` field: what each feature means and what it can weigh."""
    return {
        "name": {"description": "Best name alignment across scripts and readings, rarity-weighted (the base score)",
                 "coefficient": 1.0, "url": ""},
        "date_of_birth": {"description": "Birth dates agree (bonus) or are more than two years apart (penalty)",
                          "coefficient": weights.dob_match_bonus, "url": ""},
        "country": {"description": "A country of the query is among the entry's countries",
                    "coefficient": weights.country_match_bonus, "url": ""},
        "identifier": {"description": "An identifier of the query is listed for the entry",
                       "coefficient": weights.identifier_match_bonus, "url": ""},
    }


def ftm_entity(entity: Entity) -> dict[str, Any]:
    """The entry as yente writes an entity (GET /entities adds these fields for yente's clients)."""
    return {"id": entity.id, "caption": entity.caption, "schema": RESULT_SCHEMATA[entity.schema],
            "properties": ftm_properties(entity), "datasets": [entity.source], "referents": [], "target": True,
            "first_seen": None, "last_seen": None, "last_change": None}


def ftm_properties(entity: Entity) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    schema = RESULT_SCHEMATA[entity.schema]

    def add(prop: str, value: str | None) -> None:
        if prop in _NOT_ON[schema]:
            if prop not in IDENTIFIER_PROPERTIES:
                return
            prop = _FALLBACK[schema]
        if value and value not in props.setdefault(prop, []):
            props[prop].append(value)

    for name in entity.names:
        add(_NAME_PROPERTY[name.kind], name.value)
    for birth in entity.birth_dates:
        add("birthDate", birth.date.iso)
    for place in entity.birth_places:
        add("birthPlace", place.text)
    for code in entity.nationalities:
        add("nationality", code)
    for code in entity.citizenships:
        add("citizenship", code)
    add("gender", entity.gender)
    for identifier in entity.identifiers:
        add(_IDENTIFIER_PROPERTY[identifier.kind], identifier.value)
    for address in entity.addresses:
        add("address", address.full or ", ".join(filter(None, (address.street, address.city, address.region,
                                                                 address.postal_code))))
        add("country", address.country)
    for designation in entity.designations:
        add("program", designation.regime)
        add("notes", designation.reason)
    add("topics", "sanction")
    return {prop: values for prop, values in props.items() if values}
