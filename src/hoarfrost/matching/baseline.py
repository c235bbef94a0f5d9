"""baseline-v0: the first, Latin-script matcher that `make demo` runs until the
cross-script matcher lands.

Retrieval: every list name is normalised and indexed by its tokens; a query's
candidates are the names that share a token with it. Scoring: rapidfuzz's
token-sort ratio of the normalised strings, which ignores word order
("ZHU, Hailun" ~ "Hailun Zhu") and tolerates small spelling differences.
It does not transliterate: a name in another script only meets names in the
same script. That gap is what the next algorithm closes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from hoarfrost.model import Entity, Schema
from hoarfrost.names.normalise import normalise_name

ALGORITHM = "baseline-v0"
DEFAULT_THRESHOLD = 0.88
_MAX_POSTING = 2000  # a token on more names than this (e.g. "al", "company") does not retrieve alone


@dataclass(frozen=True, slots=True)
class IndexedName:
    entity: int  # position in NameIndex.entities
    value: str
    normalised: str


@dataclass(frozen=True, slots=True)
class NameScore:
    entity: Entity
    name: IndexedName
    score: float


class NameIndex:
    """Token postings over every name of the given entities."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: list[Entity] = []
        self.names: list[IndexedName] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for entity in entities:
            position = len(self.entities)
            self.entities.append(entity)
            seen: set[str] = set()
            for name in entity.names:
                normalised = normalise_name(name.value)
                if not normalised or normalised in seen:
                    continue
                seen.add(normalised)
                name_id = len(self.names)
                self.names.append(IndexedName(position, name.value, normalised))
                for token in set(normalised.split()):
                    self.postings[token].append(name_id)

    def search(self, query: str, schema: Schema | None, threshold: float) -> list[NameScore]:
        """Best-scoring name per entity, at or above the threshold, best first."""
        normalised = normalise_name(query)
        best: dict[int, NameScore] = {}
        for name_id in self._candidates(normalised.split()):
            indexed = self.names[name_id]
            entity = self.entities[indexed.entity]
            if schema is not None and entity.schema is not schema:
                continue
            score = fuzz.token_sort_ratio(normalised, indexed.normalised) / 100.0
            held = best.get(indexed.entity)
            if score >= threshold and (held is None or score > held.score):
                best[indexed.entity] = NameScore(entity, indexed, score)
        return sorted(best.values(), key=lambda match: -match.score)

    def _candidates(self, tokens: list[str]) -> set[int]:
        postings = [self.postings.get(token, []) for token in set(tokens)]
        rare = [p for p in postings if len(p) <= _MAX_POSTING]
        found: set[int] = set()
        for posting in rare or postings:
            found.update(posting)
        return found


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two names: a score in [0, 1] and how it was reached."""

    score: float
    explanation: tuple[dict[str, object], ...] = ()


def compare_names(query: str, candidate: str, schema: Schema | None = None) -> Comparison:
    """Pairwise name comparison (baseline): token-sort ratio of the normalised names."""
    score = fuzz.token_sort_ratio(normalise_name(query), normalise_name(candidate)) / 100.0
    return Comparison(score, ({"method": "token_sort_ratio", "score": score},))
