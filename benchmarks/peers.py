"""The peers hoarfrost is measured against, on the same data in the same run.

- nomenklatura logic-v2 and logic-v1 (the pinned dev dependency), called the way nomenklatura's own
  contrib/name_bench (comparators/logicv2.py) does: two FollowTheMoney entities that carry only `name`
  values, `Algorithm.compare(query, candidate, Algorithm.default_config()).score`. The algorithms have
  no threshold of their own; 0.7 is name_bench's DEFAULT_THRESHOLD and yente's SCORE_THRESHOLD.
- rapidfuzz: `fuzz.token_sort_ratio` of the casefolded names, over 100, threshold 0.8; as a search,
  `process.extract` over every list name.

Neither peer retrieves candidates from a list by itself (logic-v2 runs behind yente's Elasticsearch),
so where hoarfrost screens a whole list, the peers are scored pairwise against the right entity: that
favours them, and the report says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import uuid4

from rapidfuzz import fuzz, process

from hoarfrost.model import Entity, Schema

LOGIC_THRESHOLD = 0.7
RAPIDFUZZ_THRESHOLD = 0.8
_FTM_SCHEMAS = {Schema.PERSON: "Person", Schema.ORGANIZATION: "Organization", Schema.VESSEL: "Vessel",
                Schema.AIRCRAFT: "Airplane"}


class Nomenklatura:
    """One nomenklatura scoring algorithm ("logic-v2", "logic-v1") with its default configuration."""

    def __init__(self, name: str) -> None:
        from nomenklatura.matching import get_algorithm  # heavy: imported only when a peer is run

        algorithm = get_algorithm(name)
        if algorithm is None:
            raise ValueError(f"nomenklatura has no algorithm {name!r}")
        self.name = name
        self.algorithm: Any = algorithm
        self.config = algorithm.default_config()

    def score(self, query: str, candidates: Sequence[str], schema: Schema | str) -> float:
        """Score of a query name against an entity carrying the candidate names (its best name wins)."""
        ftm = _FTM_SCHEMAS.get(schema, str(schema)) if isinstance(schema, Schema) else schema
        return float(self.algorithm.compare(self._entity(ftm, [query]), self._entity(ftm, candidates),
                                            self.config).score)

    @staticmethod
    def _entity(schema: str, names: Iterable[str]) -> Any:
        from followthemoney import ValueEntity, model

        ftm_schema = model.get(schema)
        if ftm_schema is None:
            raise ValueError(f"FollowTheMoney has no schema {schema!r}")
        entity = ValueEntity(ftm_schema, {"id": uuid4().hex})
        for name in names:
            entity.add("name", name)
        return entity


def rapidfuzz_score(query: str, candidate: str) -> float:
    return fuzz.token_sort_ratio(query.casefold(), candidate.casefold()) / 100.0


def rapidfuzz_best(query: str, candidates: Iterable[str]) -> float:
    return max((rapidfuzz_score(query, candidate) for candidate in candidates), default=0.0)


class RapidfuzzIndex:
    """Every name of the given entities (optionally of one schema), searched by brute force."""

    def __init__(self, entities: Iterable[Entity], schema: Schema | None = None) -> None:
        self.names: list[str] = []
        self.owners: list[str] = []
        for entity in entities:
            if schema is not None and entity.schema is not schema:
                continue
            for name in entity.names:
                self.names.append(name.value.casefold())
                self.owners.append(entity.id)

    def alerts(self, query: str) -> bool:
        """Whether any name scores at or above the threshold."""
        cutoff = RAPIDFUZZ_THRESHOLD * 100
        return process.extractOne(query.casefold(), self.names, scorer=fuzz.token_sort_ratio, processor=None,
                                  score_cutoff=cutoff) is not None

    def matches(self, query: str) -> set[str]:
        """Ids of the entities with a name at or above the threshold."""
        found = process.extract(query.casefold(), self.names, scorer=fuzz.token_sort_ratio, processor=None,
                                score_cutoff=RAPIDFUZZ_THRESHOLD * 100, limit=None)
        return {self.owners[position] for _, _, position in found}
