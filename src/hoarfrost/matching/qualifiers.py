"""Qualifiers: what besides the name moves a score, each a small pure function.

Each returns the score after its effect and a line of explanation, or None
when it has nothing to say (the query or the list entry lacks the fact).
Birth dates compare at the precision both sides give; a full date more than
two years from every listed date pushes a name-only match below the alert
threshold, as the analyst would dismiss it. Country and identifiers only
add: a customer's country of residence says little against a nationality,
and a missing identifier says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoarfrost.matching.algorithm import Weights
from hoarfrost.model import BirthDate, Entity, PartialDate


@dataclass(frozen=True, slots=True)
class QualifierEffect:
    qualifier: str  # date_of_birth, country, identifier
    before: float
    after: float
    detail: str

    def as_json(self) -> dict[str, object]:
        return {"step": "qualifier", "qualifier": self.qualifier, "effect": round(self.after - self.before, 4),
                "detail": self.detail}


def _years(date: BirthDate) -> tuple[int, int]:
    first, last = date.date.year, (date.until or date.date).year
    return (first - 2, last + 2) if date.circa else (first, last)


def _agrees(query: PartialDate, listed: BirthDate) -> bool:
    """Same date at the precision both sides share (year, month, day)."""
    low, high = _years(listed)
    if not low <= query.year <= high:
        return False
    if listed.until is not None or listed.circa:
        return True
    shared = min(len(query.iso), len(listed.date.iso))
    return query.iso[:shared] == listed.date.iso[:shared]


def date_of_birth(score: float, query: PartialDate | None, entity: Entity, weights: Weights) -> QualifierEffect | None:
    if query is None or not entity.birth_dates:
        return None
    listed = ", ".join(d.date.iso + (f" to {d.until.iso}" if d.until else "") for d in entity.birth_dates[:4])
    if any(_agrees(query, d) for d in entity.birth_dates):
        after = min(1.0, score + weights.dob_match_bonus)
        return QualifierEffect("date_of_birth", score, after, f"{query.iso} agrees with listed {listed}")
    gap = min(max(low - query.year, query.year - high, 0) for low, high in map(_years, entity.birth_dates))
    if gap <= 2:
        return QualifierEffect("date_of_birth", score, score, f"{query.iso} is close to listed {listed}")
    # Year precision is already allowed for by the two-year margin (and circa widens it).
    return QualifierEffect("date_of_birth", score, score * weights.dob_conflict,
                           f"{query.iso} is {gap} years from listed {listed}")


def country(score: float, query: str | None, entity: Entity, weights: Weights) -> QualifierEffect | None:
    if query is None:
        return None
    known = set(entity.nationalities) | set(entity.citizenships)
    known.update(a.country for a in entity.addresses if a.country)
    known.update(p.country for p in entity.birth_places if p.country)
    if query not in known:
        return None
    after = min(1.0, score + weights.country_match_bonus)
    return QualifierEffect("country", score, after, f"{query} is among the entry's countries")


def _plain(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.casefold())


def identifier(score: float, query: tuple[str, ...], entity: Entity, weights: Weights) -> QualifierEffect | None:
    if not query or not entity.identifiers:
        return None
    wanted = {_plain(value) for value in query if len(_plain(value)) >= 4}
    for listed in entity.identifiers:
        if _plain(listed.value) in wanted:
            after = min(1.0, score + weights.identifier_match_bonus)
            return QualifierEffect("identifier", score, after, f"{listed.kind} {listed.value} is listed")
    return None
