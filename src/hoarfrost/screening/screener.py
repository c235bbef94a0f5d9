"""The Screener: a name (and optional qualifiers) in, alerts against the lists in force out.

It loads the current snapshot of every list from the store once, builds the
matcher's index, and answers queries in the JSON contract shared by the CLI
and the HTTP API: `{"score", "source", "source_id", "entity_id", "caption",
"schema", "matched_name", "explanation"}` per match, best first.
"""

from __future__ import annotations

import gc
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hoarfrost.errors import QueryError
from hoarfrost.matching import index_cache
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM, Weights
from hoarfrost.matching.forms import listed_texts
from hoarfrost.matching.index import NameIndex, collector_paused
from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Schema
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.transliterate import latin_readings, remember_readings
from hoarfrost.screening.readings_cache import decode_readings, encode_readings, readings_version
from hoarfrost.store import SnapshotInfo, Store
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_partial_date

MAX_NAME_LENGTH = 500


@dataclass(frozen=True)
class Query:
    name: str
    schema: Schema | None = None
    dob: str | None = None
    country: str | None = None
    identifiers: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "schema": self.schema, "dob": self.dob, "country": self.country,
                "identifiers": list(self.identifiers)}


@dataclass(frozen=True)
class Match:
    score: float
    entity: Entity
    matched_name: str
    explanation: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4), "source": self.entity.source, "source_id": self.entity.source_id,
            "entity_id": self.entity.id, "caption": self.entity.caption, "schema": str(self.entity.schema),
            "matched_name": self.matched_name, "explanation": self.explanation,
        }


_JOINERS = "\u200c\u200d"  # zero-width (non-)joiners shape Persian, Urdu and Indic words: kept for the readers


def _printable(ch: str) -> str:
    """A control character (tab, newline) parts words like a space; the joiners stay; other invisible
    format characters (soft hyphen, byte-order and direction marks) are dropped."""
    if ch.isprintable() or ch in _JOINERS:
        return ch
    return " " if unicodedata.category(ch) == "Cc" or ch == "\u200b" else ""


def make_query(name: str | None, schema: str | None = None, dob: str | None = None,
               country: str | None = None, identifiers: tuple[str, ...] = ()) -> Query:
    """A validated query; QueryError says what is wrong with the input."""
    text = name or ""
    # most names are printable throughout (str.isprintable, in C): only the others are looked at char by char
    cleaned = " ".join((text if text.isprintable() else "".join(map(_printable, text))).split())
    if not normalise_name(cleaned):
        raise QueryError("the name is empty (or holds no letters or digits)")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise QueryError(f"the name is longer than {MAX_NAME_LENGTH} characters")
    parsed_schema = None
    if schema:
        try:
            parsed_schema = Schema(schema.strip().capitalize() if schema.islower() else schema.strip())
        except ValueError:
            allowed = ", ".join(s.value for s in Schema)
            raise QueryError(f"unknown schema {schema!r}; use one of {allowed}") from None
    dob = dob.strip() if dob else None
    if dob and not _is_iso_partial_date(dob):
        raise QueryError(f"malformed date of birth {dob!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    if country and country_code(country) is None:
        raise QueryError(f"unknown country {country!r}; use an ISO 3166 code such as 'ru'")
    cleaned_ids = tuple(i.strip() for i in identifiers if i and i.strip())
    return Query(cleaned, parsed_schema, dob or None, country_code(country) if country else None, cleaned_ids)


def _is_iso_partial_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real date at that precision."""
    parsed = parse_partial_date(text)
    return parsed is not None and parsed.iso == text


def index_path(store: Store) -> Path | None:
    """Where the built index of a SQLite store is kept: beside it, as `<store>.index`; None for other stores."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(f"{url.database}.index")


def _mode(store: Store) -> int:
    """The permission bits of the store's file, for the index kept beside it."""
    try:
        return stat.S_IMODE(Path(str(store.engine.url.database)).stat().st_mode)
    except OSError:
        return 0o600


def _build(store: Store, snapshots: list[SnapshotInfo], weights: Weights) -> NameIndex:
    """The index over the entities of the snapshots, with every name read first (see _read_names)."""
    entities = [entity for snapshot in snapshots for entity in store.entities(snapshot.id)]
    gc.freeze()  # long-lived, as the index will be: the collection after reading names need not scan them
    _read_names(store, entities)
    return NameIndex(entities, weights)


def _read_names(store: Store, entities: list[Entity]) -> None:
    """Readings of every name, ready for the build: those the store keeps, and the others read now and kept.

    Reading names leaves cyclic garbage (recursive closures); it is collected here, while the heap is
    small, rather than after the build, when a collection would scan every object of the index.
    """
    version = readings_version()
    kept = store.load_readings(version)
    remember_readings({name: decode_readings(data) for name, data in kept.items()})
    new = {
        text: encode_readings(latin_readings(text))
        for entity in entities for name in entity.names for text in listed_texts(name.value) if text not in kept
    }
    if new:  # the kept ones are in the store under this version already: adding them again breaks its key
        store.save_readings(version, new)
        gc.collect()




class Screener:
    """Screens queries against a fixed set of list entities under one named algorithm."""

    def __init__(self, entities: Iterable[Entity], algorithm: str = DEFAULT_ALGORITHM) -> None:
        if algorithm not in ALGORITHMS:
            raise QueryError(f"unknown algorithm {algorithm!r}; known: {', '.join(ALGORITHMS)}")
        self.matcher = Matcher(entities, algorithm)
        self.algorithm = algorithm
        self.default_threshold = self.matcher.weights.threshold

    @classmethod
    def from_store(cls, store: Store, algorithm: str = DEFAULT_ALGORITHM, *, lazy: bool = False) -> Screener:
        """A screener over the snapshot in force of every list in the store.

        The index built by an earlier run over the same snapshots, by the same code, is loaded from
        the file beside the store (matching/index_cache.py); otherwise it is built, and kept there for
        the next run. Readings of names kept from an earlier run are reused in the build. `lazy`: the
        entries and name forms of a loaded index are decoded as they are met (for a delta, which meets a
        few hundred), not all at once.
        """
        screener = cls((), algorithm)
        snapshots = store.current_snapshots()
        path = index_path(store)
        key = index_cache.cache_key([(s.id, s.content_hash) for s in snapshots], algorithm)
        # The index is millions of long-lived objects and no cycles: the cyclic collector stays out while
        # they are made, and they are then moved out of its reach (gc.freeze), or every full collection
        # rescans them all (a pause of about a second in the middle of screening).
        with collector_paused():
            index = index_cache.load(path, key, screener.matcher.weights) if path else None
            if index is None:
                index = _build(store, snapshots, screener.matcher.weights)
                if path:
                    index_cache.save(path, key, index, _mode(store))
            elif not lazy:
                index_cache.decode_all(index)
            screener.matcher.index = index
            gc.freeze()
        return screener

    @property
    def entity_count(self) -> int:
        return len(self.matcher.index.entities)

    def screen(self, query: Query, threshold: float | None = None) -> list[Match]:
        dob = parse_partial_date(query.dob) if query.dob else None
        results = self.matcher.match(query.name, schema=query.schema, dob=dob, country=query.country,
                                     identifiers=query.identifiers, threshold=threshold)
        return [Match(r.score, r.entity, r.matched_name, list(r.explanation)) for r in results]
