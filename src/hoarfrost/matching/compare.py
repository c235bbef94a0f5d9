"""Pairwise comparison of two names, without an index: what the name benchmarks measure.

With no list at hand there is no token rarity to learn, so every token
weighs the same except the optional ones (particles, patronymics, legal
forms, initials), which cost little when left over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.align import Alignment, align, person_order
from hoarfrost.matching.forms import NATIVE, is_optional, query_forms
from hoarfrost.model import Schema


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two names: a score in [0, 1] and how it was reached."""

    score: float
    explanation: tuple[dict[str, Any], ...] = ()


def _uniform(token: str) -> float:
    return 1.0


def _initials_only(alignment: Alignment) -> bool:
    methods = {m.method for m in alignment.matches}
    return bool(methods) and methods <= {"initial", "initials"} and "initials" in methods


def compare_names(query: str, candidate: str, schema: Schema | None = None,
                  algorithm: str = DEFAULT_ALGORITHM) -> Comparison:
    """The best alignment of any form of `query` with any form of `candidate` in the same space."""
    weights = ALGORITHMS[algorithm].weights
    best = None
    person = schema is Schema.PERSON  # a person's name has no legal form ("YU Jin" is not "LLC Jin")
    query_all = query_forms(query, person=person)
    candidate_all = query_forms(candidate, listed_skeletons=True, person=person)
    native = {f.space for f in query_all if f.space.startswith(NATIVE)} & {f.space for f in candidate_all}
    if native:  # both written in the same script: compare them as written, not through romanisation
        query_all = tuple(f for f in query_all if f.space in native)
        candidate_all = tuple(f for f in candidate_all if f.space in native)
    # where a person's middle names are (see align): the query in order, the list name maybe "FAMILY, Given"
    order = person_order(candidate) if schema is Schema.PERSON and "," not in query else None
    for query_form in query_all:
        for candidate_form in candidate_all:
            if query_form.space != candidate_form.space or (query_form.derived and candidate_form.derived):
                continue
            alignment = align(query_form, candidate_form, _uniform, weights, order)
            score = alignment.score
            core_q = [t for t in query_form.tokens if not is_optional(t)]
            core_c = [t for t in candidate_form.tokens if not is_optional(t)]
            spans = any(m.method in ("initials", "joined", "initial", "nickname") for m in alignment.matches)
            if (len(core_q) == 1) != (len(core_c) == 1) and min(len(core_q), len(core_c)) <= 1 and not spans:
                score *= weights.single_token_penalty
            if schema is Schema.PERSON and _initials_only(alignment):  # "N.N.": an acronym is no person's name
                score *= weights.initials_only
            if best is None or score > best[0]:
                best = (score, query_form, candidate_form, alignment)
    if best is None:
        return Comparison(0.0, ({"step": "name", "detail": "no comparable reading"},))
    score, query_form, candidate_form, alignment = best
    explanation: list[dict[str, Any]] = [{"step": "name", "query_reading": query_form.scheme,
                                          "list_reading": candidate_form.scheme, "score": round(score, 4)}]
    explanation.extend({"step": "token", "query": m.query, "list": m.candidate, "method": m.method,
                        "similarity": round(m.similarity, 4)} for m in alignment.matches)
    return Comparison(score, tuple(explanation))
