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
from functools import lru_cache
from typing import Any

from hoarfrost.matching import qualifiers
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM, Algorithm, Weights
from hoarfrost.matching.align import Alignment, TokenMatch, align, person_order
from hoarfrost.matching.forms import NATIVE, NameForm, is_optional, native_form, query_forms, skeleton_of
from hoarfrost.matching.index import IndexedForm, NameIndex
from hoarfrost.model import Entity, PartialDate, Schema
from hoarfrost.names.scripts import family_name_end

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

    def may_match(self, name: str, schema: Schema | None, threshold: float | None = None) -> bool:
        """Whether match() can find anything for this name, whatever the date of birth, country and
        identifiers: some entry's best name comes close enough to the threshold for them to lift it."""
        floor = (self.weights.threshold if threshold is None else threshold) - _QUALIFIER_MARGIN
        return any(hit.score >= floor for hit in self._best_names(name, schema).values())

    def _best_names(self, name: str, schema: Schema | None) -> dict[int, NameHit]:
        return self._best_names_over(name, schema, query_forms(name, person=schema is Schema.PERSON))

    def _best_names_over(self, name: str, schema: Schema | None, forms: Iterable[NameForm],
                         every: tuple[NameForm, ...] | None = None) -> dict[int, NameHit]:
        """Each entity's best name met through the given forms of the query (all of them, but see
        screening/forward.py), and, for a query in another script, through its names in that script.
        `every`: all the query's forms, when the caller has them (else query_forms makes them again)."""
        best: dict[int, NameHit] = {}
        align = _AlignmentMemo(self.index, self.weights)
        person = schema is Schema.PERSON
        family_end = family_name_end(name) if person else None
        for query_form in forms:
            query_core = _core_count(query_form.tokens)
            for form_id in self.index.candidates(query_form, schema):
                indexed = self.index.forms[form_id]
                candidate = indexed.form if indexed.form.space == query_form.space else skeleton_of(indexed.form)
                if candidate is None or (query_form.derived and candidate.derived):
                    continue  # two Latin names meet in the Latin space, not through skeletons
                if candidate is not indexed.form:
                    indexed = IndexedForm(indexed.entity, indexed.name, candidate)
                alignment = align(query_form, candidate, self._person_order(indexed))
                score, penalties = self._penalised(alignment.score, query_form, indexed, alignment, query_core,
                                                   family_end)
                held = best.get(indexed.entity)
                if held is None or score > held.score:
                    best[indexed.entity] = NameHit(score, query_form, indexed, alignment, penalties)
        if every is None:
            every = query_forms(name, person=person)
        native = next((form for form in every if form.space.startswith(NATIVE)), None)
        if native is not None:
            self._prefer_native(native, best, align, family_end)
        return best

    def _prefer_native(self, native: NameForm, best: dict[int, NameHit], align: _AlignmentMemo,
                       family_end: int | None) -> None:
        """Where an entry also bears names in the query's own script, those are compared as written.
        For Han, Hangul and kana they decide: romanisation folds apart syllables that the script keeps
        apart (김종은 is not 김정은). For alphabets (Cyrillic, Arabic, ...) the better of the two counts,
        as one name may be spelled the Ukrainian way on one side and the Russian way on the other."""
        decisive = native.space.removeprefix(NATIVE) in _SYLLABIC_SCRIPTS
        for position in list(best):
            entity = self.index.entities[position]
            hits = []
            for name_position, listed in enumerate(entity.names):
                form = native_form(listed.value)
                if form is None or form.space != native.space:
                    continue
                indexed = IndexedForm(position, name_position, form)
                alignment = align(native, form, self._person_order(indexed))
                score, penalties = self._penalised(alignment.score, native, indexed, alignment, None, family_end)
                hits.append(NameHit(score, native, indexed, alignment, penalties))
            if hits:
                top = max(hits, key=lambda hit: hit.score)
                if decisive or top.score >= best[position].score:
                    best[position] = top

    def _person_order(self, indexed: IndexedForm) -> int | None:
        """For a person's name, how many leading tokens are a "FAMILY, " (see align.person_order)."""
        orders, key = self.index.person_orders, (indexed.entity, indexed.name)
        try:
            return orders[key]
        except KeyError:
            entity = self.index.entities[indexed.entity]
            person = entity.schema is Schema.PERSON
            order = orders[key] = person_order(entity.names[indexed.name].value) if person else None
            return order

    def _weight_function(self, space: str) -> Callable[[str], float]:
        return self.index.weight_function(space)

    def _penalised(self, score: float, query: NameForm, indexed: IndexedForm,
                   alignment: Alignment | None = None, query_core: int | None = None,
                   family_end: int | None = None) -> tuple[float, tuple[str, ...]]:
        """The score after the penalties of the name pair (`query_core`: the query form's count of
        non-optional tokens, when the caller has it; `family_end`: see scripts.family_name_end)."""
        single = (_core_count(query.tokens) if query_core is None else query_core) == 1
        one_word = (single and _core_count(indexed.form.tokens) >= 2
                    and not (alignment is not None and any(m.method in _SPANNING or _named_particle(m)
                                                           for m in alignment.matches)))
        weak = self.index.is_weak(indexed)
        family_unmatched = self._family_unmatched(query, indexed, alignment, family_end)
        if not one_word and not weak and not family_unmatched:
            return score, ()
        penalties = []
        if family_unmatched:
            score *= self.weights.family_name_unmatched
            penalties.append("the family name of the query meets no listed name part")
        if one_word:
            score *= self.weights.single_token_penalty
            penalties.append("one-word query against a longer listed name")
        if weak:
            score *= self.weights.weak_alias
            penalties.append("weak (low-quality) alias")
        return score, tuple(penalties)

    def _family_unmatched(self, query: NameForm, indexed: IndexedForm, alignment: Alignment | None,
                          end: int | None) -> bool:
        """The query is a person's name in Han or Hangul (see scripts.family_name_end) and its family name
        is left over against a listed person's name."""
        if end is None or alignment is None or len(query.tokens) < 2:
            return False
        if self.index.entities[indexed.entity].schema is not Schema.PERSON:
            return False
        return query.tokens[end] in alignment.unmatched_query

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


_SPANNING = ("initials", "joined")  # methods by which one token meets several


def _named_particle(match: TokenMatch) -> bool:
    """A query token that reads as a particle but met a given name as its nickname: in "Ben Smith" against
    "Benjamin Smith", ben is a name, and the query has two words, not one."""
    return match.method == "nickname" and is_optional(match.query)


@lru_cache(maxsize=262144)
def _core_count(tokens: tuple[str, ...]) -> int:
    """How many tokens of a form are not optional (see forms.is_optional)."""
    return sum(not is_optional(token) for token in tokens)


class _AlignmentMemo:
    """align() over one query: the same person stands on several lists under the very same names, so a
    query meets many candidate forms twice or more; an alignment depends only on the query form, the
    candidate's tokens, keys and reading scheme (a syllabic reading takes no initials: align._pairs) and,
    for a listed person, on where a "FAMILY, " ends, so each distinct pair is aligned once. (Until
    2026-12 the scheme was left out: two readings of one name with the same tokens shared the first's.)"""

    __slots__ = ("_done", "_index", "_weights")

    def __init__(self, index: NameIndex, weights: Weights) -> None:
        self._index = index
        self._weights = weights
        self._done: dict[tuple[NameForm, tuple[str, ...], tuple[str, ...], str, int | None], Alignment] = {}

    def __call__(self, query: NameForm, candidate: NameForm, family_first: int | None) -> Alignment:
        key = (query, candidate.tokens, candidate.keys, candidate.scheme, family_first)
        alignment = self._done.get(key)
        if alignment is None:
            alignment = self._done[key] = align(query, candidate, self._index.weight_function(query.space),
                                                self._weights, family_first)
        return alignment
