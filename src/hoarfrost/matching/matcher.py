"""The Matcher: a query name (with optional qualifiers) against every indexed list entry.

For each form of the query, the index offers candidate forms; each is
aligned and scored; each entity keeps its best name; qualifiers then move
the score; what reaches the threshold is returned, best first, with an
explanation of every point: which query token met which list token and how,
through which reading, and what each qualifier did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hoarfrost.matching import qualifiers
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM, Algorithm
from hoarfrost.matching.align import Alignment, align, person_order
from hoarfrost.matching.forms import NATIVE, NameForm, is_optional, native_form, query_forms, skeleton_of
from hoarfrost.matching.index import IndexedForm, NameIndex
from hoarfrost.model import Entity, PartialDate, Schema

_QUALIFIER_MARGIN = 0.3  # name scores this far under the threshold may still be lifted by an identifier
_SYLLABIC_SCRIPTS = frozenset({"Hani", "Hang", "Jpan", "Kore", "Hira", "Kana"})


@dataclass(frozen=True, slots=True)
class NameHit:
    score: float
    query_form: NameForm
    indexed: IndexedForm
    alignment: Alignment
    penalties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchResult:
    entity: Entity
    score: float
    matched_name: str
    explanation: tuple[dict[str, Any], ...]


class Matcher:
    """Screens names against a fixed set of list entities under one named algorithm."""

    def __init__(self, entities: Iterable[Entity], algorithm: str = DEFAULT_ALGORITHM) -> None:
        self.algorithm: Algorithm = ALGORITHMS[algorithm]
        self.weights = self.algorithm.weights
        self.index = NameIndex(entities, self.weights)

    def match(self, name: str, *, schema: Schema | None = None, dob: PartialDate | None = None,
              country: str | None = None, identifiers: tuple[str, ...] = (),
              threshold: float | None = None) -> list[MatchResult]:
        limit = self.weights.threshold if threshold is None else threshold
        results = []
        for entity_position, hit in self._best_names(name, schema).items():
            if hit.score < limit - _QUALIFIER_MARGIN:
                continue
            entity = self.index.entities[entity_position]
            effects = self._qualify(hit.score, entity, dob, country, identifiers)
            score = effects[-1].after if effects else hit.score
            if score >= limit:
                results.append(self._result(name, entity, score, hit, effects))
        results.sort(key=lambda result: (-result.score, result.entity.id))
        return results

    def _best_names(self, name: str, schema: Schema | None) -> dict[int, NameHit]:
        best: dict[int, NameHit] = {}
        for query_form in query_forms(name):
            weight = self._weight_function(query_form.space)
            for form_id in self.index.candidates(query_form, schema):
                indexed = self.index.forms[form_id]
                candidate = indexed.form if indexed.form.space == query_form.space else skeleton_of(indexed.form)
                if candidate is None or (query_form.derived and candidate.derived):
                    continue  # two Latin names meet in the Latin space, not through skeletons
                if candidate is not indexed.form:
                    indexed = IndexedForm(indexed.entity, indexed.name, candidate)
                alignment = align(query_form, candidate, weight, self.weights, self._person_order(indexed))
                score, penalties = self._penalised(alignment.score, query_form, indexed, alignment)
                held = best.get(indexed.entity)
                if held is None or score > held.score:
                    best[indexed.entity] = NameHit(score, query_form, indexed, alignment, penalties)
        native = next((form for form in query_forms(name) if form.space.startswith(NATIVE)), None)
        if native is not None:
            self._prefer_native(native, best)
        return best

    def _prefer_native(self, native: NameForm, best: dict[int, NameHit]) -> None:
        """Where an entry also bears names in the query's own script, those are compared as written.
        For Han, Hangul and kana they decide: romanisation folds apart syllables that the script keeps
        apart (김종은 is not 김정은). For alphabets (Cyrillic, Arabic, ...) the better of the two counts,
        as one name may be spelled the Ukrainian way on one side and the Russian way on the other."""
        decisive = native.space.removeprefix(NATIVE) in _SYLLABIC_SCRIPTS
        weight = self._weight_function(native.space)
        for position in list(best):
            entity = self.index.entities[position]
            hits = []
            for name_position, listed in enumerate(entity.names):
                form = native_form(listed.value)
                if form is None or form.space != native.space:
                    continue
                indexed = IndexedForm(position, name_position, form)
                alignment = align(native, form, weight, self.weights, self._person_order(indexed))
                score, penalties = self._penalised(alignment.score, native, indexed, alignment)
                hits.append(NameHit(score, native, indexed, alignment, penalties))
            if hits:
                top = max(hits, key=lambda hit: hit.score)
                if decisive or top.score >= best[position].score:
                    best[position] = top

    def _person_order(self, indexed: IndexedForm) -> int | None:
        """For a person's name, how many leading tokens are a "FAMILY, " (see align.person_order)."""
        entity = self.index.entities[indexed.entity]
        return person_order(entity.names[indexed.name].value) if entity.schema is Schema.PERSON else None

    def _weight_function(self, space: str) -> Callable[[str], float]:
        index = self.index
        return lambda token: index.token_weight(space, token)

    def _penalised(self, score: float, query: NameForm, indexed: IndexedForm,
                   alignment: Alignment | None = None) -> tuple[float, tuple[str, ...]]:
        penalties = []
        query_core = [t for t in query.tokens if not is_optional(t)]
        listed_core = [t for t in indexed.form.tokens if not is_optional(t)]
        spans = alignment is not None and any(m.method in ("initials", "joined") for m in alignment.matches)
        if len(query_core) == 1 and len(listed_core) >= 2 and not spans:
            score *= self.weights.single_token_penalty
            penalties.append("one-word query against a longer listed name")
        if self.index.is_weak(indexed):
            score *= self.weights.weak_alias
            penalties.append("weak (low-quality) alias")
        return score, tuple(penalties)

    def _qualify(self, score: float, entity: Entity, dob: PartialDate | None, country: str | None,
                 identifiers: tuple[str, ...]) -> list[qualifiers.QualifierEffect]:
        """Date of birth, then country, then identifiers, each acting on the score the last one left."""
        w = self.weights
        steps: tuple[Callable[[float], qualifiers.QualifierEffect | None], ...] = (
            lambda s: qualifiers.date_of_birth(s, dob, entity, w),
            lambda s: qualifiers.country(s, country, entity, w),
            lambda s: qualifiers.identifier(s, identifiers, entity, w),
        )
        effects = []
        for step in steps:
            effect = step(score)
            if effect is not None:
                effects.append(effect)
                score = effect.after
        return effects

    def _result(self, query: str, entity: Entity, score: float, hit: NameHit,
                effects: list[qualifiers.QualifierEffect]) -> MatchResult:
        listed = entity.names[hit.indexed.name]
        explanation: list[dict[str, Any]] = [{
            "step": "name", "query_name": query, "list_name": listed.value, "list_name_kind": str(listed.kind),
            "query_reading": hit.query_form.scheme, "list_reading": hit.indexed.form.scheme,
            "space": hit.query_form.space, "score": round(hit.alignment.score, 4),
        }]
        weight = self._weight_function(hit.query_form.space)
        explanation.extend(
            {"step": "token", "query": m.query, "list": m.candidate, "method": m.method,
             "similarity": round(m.similarity, 4), "weight": round(weight(m.candidate.split()[0]), 3)}
            for m in hit.alignment.matches
        )
        explanation.extend({"step": "unmatched", "side": "query", "token": t, "weight": round(weight(t), 3)}
                           for t in hit.alignment.unmatched_query)
        explanation.extend({"step": "unmatched", "side": "list", "token": t, "weight": round(weight(t), 3)}
                           for t in hit.alignment.unmatched_candidate)
        explanation.extend({"step": "penalty", "detail": p} for p in hit.penalties)
        explanation.extend(effect.as_json() for effect in effects)
        explanation.append({"step": "algorithm", "name": self.algorithm.name})
        return MatchResult(entity, score, listed.value, tuple(explanation))
