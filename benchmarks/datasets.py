"""The data sets of the matching benchmark, read from the shared data folder (see its SOURCES.md).

- nomenklatura's labelled name pairs (`cases.csv`);
- yente's screening fixtures: synthetic non-listed names, US Congress members, UN-listed persons;
- official lists through hoarfrost's own readers, and the OpenSanctions transcription of the EU
  Official Journal annexes (CC BY-NC, evaluation only), which is not an official list format: its rows
  are turned into model Entities here;
- cross-script queries: the lists' own non-Latin names, each with the entity it belongs to.

Nothing here scores or screens; `bench_matching` does. This module imports no other benchmark module,
so tests can load it on its own.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from hoarfrost.model import Entity, Name, NameKind, Schema
from hoarfrost.names.scripts import MIXED, NO_SCRIPT, detect_script
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list

T = TypeVar("T")
CASES = "pairs_nomenklatura_name_bench/cases.csv"
FIXTURES = "pairs_yente_screening_fixtures"
EU_JOURNAL = "eu_oj_sanctions_opensanctions/data/consolidated"
UK_OFSI = "uk_ofsi_conlist/UK_Sanctions_List.xlsx"
OFAC_CONS = "us_ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP"
OFAC_IRGC = "us_ofac_sdn_xml/IRGC_sanctions.xml"
UN_2026 = "un_sc_consolidated/2026-02-27/UN_consolidated.xml"

# Script buckets of the cross-script benchmark, in report order.
BUCKETS = ("Cyrillic", "Arabic", "Han", "Hangul", "other")
LOOKALIKE = "mixed: Cyrillic with Latin look-alike letters"  # reported apart, not in the overall figure
LATIN_IDENTIFIES = "mixed: a Latin part identifies it"  # skipped: not a cross-script query
_BUCKET_OF = {"Cyrl": "Cyrillic", "Arab": "Arabic", "Hani": "Han", "Hang": "Hangul", "Kore": "Hangul"}
# Latin letters that look like Cyrillic ones: words made only of these ("OOO", "AO") do not identify a name.
_LOOKALIKES = set("AaBCcEeHIiKMOoPpTXxYy")
_SCHEMAS = {"Person": Schema.PERSON, "Company": Schema.ORGANIZATION, "Organization": Schema.ORGANIZATION,
            "LegalEntity": Schema.ORGANIZATION, "Vessel": Schema.VESSEL}


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled pair of cases.csv."""

    group: str
    schema: str  # FollowTheMoney schema name: Person, Company, Organization, LegalEntity, Vessel
    name1: str
    name2: str
    is_match: bool
    category: str

    @property
    def model_schema(self) -> Schema:
        return _SCHEMAS.get(self.schema, Schema.ORGANIZATION)

    @property
    def cross_script(self) -> bool:
        return _is_latin(self.name1) != _is_latin(self.name2)


@dataclass(frozen=True, slots=True)
class CrossScriptQuery:
    """A non-Latin name of a list entity, to be found among that list's Latin names."""

    name: str
    schema: Schema
    entity_id: str
    bucket: str


@dataclass(frozen=True, slots=True)
class Positive:
    """A query for a listed party and the ids of the entities that carry the expected name."""

    query: str
    expected_name: str
    expected: frozenset[str]


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Case(row["case_group"], row["schema"], row["name1"], row["name2"],
                 row["is_match"].strip().lower() == "true", (row.get("category") or "").strip())
            for row in csv.DictReader(handle)
        ]


def fixture_rows(path: Path) -> list[dict[str, str]]:
    """yente fixture rows (full_name, first_name, middle_name, last_name, ...) with a full_name."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["full_name"].strip()]


def fixture_names(path: Path) -> list[str]:
    return [row["full_name"].strip() for row in fixture_rows(path)]


def read_official(path: Path) -> list[Entity]:
    """Every entity of an official list file, through hoarfrost's own reader."""
    return list(open_list([path], ReadReport()).entities())


# --- EU Official Journal transcription (not an official format: rows become Entities here) ---


def read_eu_journal(folder: Path) -> list[Entity]:
    """One Entity per (schema, name) over every consolidated CSV; rows of the same party are merged."""
    merged: dict[tuple[Schema, str], Entity] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                entity = _eu_entity(row, f"{path.stem}/row{number}")  # recordId repeats across annexes
                if entity is None:
                    continue
                key = (entity.schema, row["name"])
                held = merged.get(key)
                merged[key] = entity if held is None else replace(held, names=_union(held.names, entity.names))
    return list(merged.values())


def _eu_entity(row: dict[str, str], source_id: str) -> Entity | None:
    schema = _SCHEMAS.get(row["schema"])
    if schema is None or not row["name"].strip():  # Asset rows (facilities, zones) are not screened here
        return None
    cells = [([row["name"]], NameKind.PRIMARY), (_multi(row["alias"]), NameKind.ALIAS),
             (_multi(row["weakAlias"]), NameKind.WEAK_ALIAS), (_multi(row["previousName"]), NameKind.FORMER)]
    names = [Name(part, kind, detect_script(part)) for values, kind in cells for value in values
             for part in split_combined(value)]
    return Entity("eu_oj", source_id, schema, _union((), names))


def _multi(cell: str) -> list[str]:
    """A multi-valued cell: `;`-separated, CSV-quoted where a value holds `;` (see FORMAT.md).

    Transcription leftovers that are no name are dropped: a bare label ("Chinese:") and the
    placeholder "Text of image", both found in alias cells beside the original-script name.
    """
    if not cell.strip():
        return []
    values = (value.strip() for value in next(csv.reader([cell], delimiter=";", skipinitialspace=True)))
    return [value for value in values if value and not value.endswith(":") and value != "Text of image"]


def split_combined(value: str) -> list[str]:
    """Split the transcription's combined strings, 'Latin (Кириллица)' or 'Кириллица / Кирилиця'.

    Only strings that mix scripts are split, and only at ' / ' and at one trailing parenthesis, so a
    Latin name with a parenthesis stays whole.
    """
    value = value.strip()
    if detect_script(value) != MIXED:
        return [value] if value else []
    parts: list[str] = []
    for piece in re.split(r"\s+/\s+", value):
        found = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", piece.strip())
        parts.extend(found.groups() if found else [piece])
    return [part.strip() for part in parts if part.strip()]


def _union(first: Iterable[Name], second: Iterable[Name]) -> tuple[Name, ...]:
    seen: dict[str, Name] = {}
    for name in (*first, *second):
        seen.setdefault(name.value, name)
    return tuple(seen.values())


# --- cross-script queries ---


def query_bucket(value: str) -> str | None:
    """The script bucket of a non-Latin name; None for a Latin (or letterless) name."""
    script = detect_script(value)
    if script in ("Latn", NO_SCRIPT):
        return None
    if script != MIXED:
        return _BUCKET_OF.get(script, "other")
    for word in re.split(r"[\W\d_]+", value):
        if len(word) >= 2 and _is_latin(word) and set(word) - _LOOKALIKES:
            return LATIN_IDENTIFIES
    return LOOKALIKE


def latin_only(entity: Entity) -> Entity | None:
    """The entity with its Latin names only; None when it has none (it cannot be found then)."""
    names = tuple(name for name in entity.names if query_bucket(name.value) is None)
    return replace(entity, names=names) if names else None


def cross_script_queries(entities: Sequence[Entity]) -> tuple[list[Entity], list[CrossScriptQuery], Counter[str]]:
    """(Latin-only entities to index, the non-Latin names as queries, what was left out and why)."""
    indexed: list[Entity] = []
    queries: list[CrossScriptQuery] = []
    left_out: Counter[str] = Counter()
    for entity in entities:
        latin = latin_only(entity)
        buckets = {name.value: query_bucket(name.value) for name in entity.names}
        foreign = {value: bucket for value, bucket in buckets.items() if bucket is not None}
        if latin is None:
            left_out["entity has no Latin name"] += len(foreign)
            continue
        indexed.append(latin)
        for value, bucket in foreign.items():
            if bucket == LATIN_IDENTIFIES:
                left_out[LATIN_IDENTIFIES] += 1
            else:
                queries.append(CrossScriptQuery(value, entity.schema, entity.id, bucket))
    return indexed, queries, left_out


def sample(items: Sequence[T], size: int, seed: int = 7) -> list[T]:
    """A seeded random sample in the original order (all items when there are not more than size)."""
    if len(items) <= size:
        return list(items)
    keep = set(random.Random(seed).sample(range(len(items)), size))
    return [item for position, item in enumerate(items) if position in keep]


# --- UN positives: the expected entity is identified by its name only ---


def name_key(value: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, for finding an expected entity by name."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    letters = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.split())


def un_positives(
    untreated: Path, treated: Path, entities: Sequence[Entity]
) -> tuple[list[Positive], list[Positive], list[Positive]]:
    """(untreated positives, treated positives, unresolved rows), aligned row by row.

    The fixtures carry no list id: row i of the treated file is row i of the untreated one with typos
    and reshuffles, and the untreated name is the list name. The expected entities are those carrying
    that name (exact `name_key`, else the same tokens in another order).
    """
    exact: dict[str, set[str]] = {}
    tokens: dict[str, set[str]] = {}
    for entity in entities:
        for name in entity.names:
            exact.setdefault(name_key(name.value), set()).add(entity.id)
            tokens.setdefault(" ".join(sorted(name_key(name.value).split())), set()).add(entity.id)
    plain, typos, unresolved = [], [], []
    for original, treated_name in zip(fixture_names(untreated), fixture_names(treated), strict=True):
        key = name_key(original)
        expected = frozenset(exact.get(key) or tokens.get(" ".join(sorted(key.split())), set()))
        if not expected:
            unresolved.append(Positive(original, original, expected))
            continue
        plain.append(Positive(original, original, expected))
        typos.append(Positive(treated_name, original, expected))
    return plain, typos, unresolved


# --- names for the speed benchmark ---


def recombined_names(rows: Sequence[dict[str, str]], count: int, exclude: set[str], seed: int = 11) -> list[str]:
    """Fresh realistic names: the given name of one fixture row with the family name of another row
    in the same script, none of them in `exclude` (so no cache has seen them)."""
    by_script: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        if row.get("first_name") and row.get("last_name"):
            by_script.setdefault(detect_script(row["full_name"]), []).append(row)
    pools = [pool for pool in by_script.values() if len(pool) > 1]
    weights = [len(pool) for pool in pools]
    rng = random.Random(seed)
    found: dict[str, None] = {}
    for _ in range(count * 20):
        if len(found) >= count:
            break
        first, last = rng.sample(rng.choices(pools, weights)[0], 2)
        name = f"{first['first_name'].strip()} {last['last_name'].strip()}"
        if name not in exclude:
            found.setdefault(name)
    return list(found)


def _is_latin(text: str) -> bool:
    return detect_script(text) in ("Latn", NO_SCRIPT)
