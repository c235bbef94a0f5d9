"""Matcher.may_match, on which a delta decides not to read a customer at all: when it says no, match()
finds nothing for that name whatever the qualifiers, the listed entry's own identifiers, date of birth
and nationality included (the strongest lift there is). Real UN list, its names as listed, misspelt,
cut short and shuffled, and names of no one listed."""

from __future__ import annotations

from pathlib import Path

from hoarfrost.matching.matcher import Matcher, MatchResult
from hoarfrost.model import Entity
from hoarfrost.screening.screener import Screener
from hoarfrost.store import Store

UNLISTED = ["Maria Garcia Lopez", "John Smith", "Ahmed Hassan", "Olena Kovalenko", "Li Wei", "Acme Trading Ltd"]


def variants(name: str) -> list[str]:
    words = name.split()
    return [name, name[:-2], " ".join(reversed(words)), " ".join(words[:-1]), name.replace("a", "e", 1)]


def lifted(matcher: Matcher, query: str, entity: Entity) -> list[MatchResult]:
    """match() with the entry's own qualifiers: its identifiers, first date of birth and nationality."""
    dob = next((b.date for b in entity.birth_dates), None)
    return matcher.match(query, schema=entity.schema, dob=dob, country=next(iter(entity.nationalities), None),
                         identifiers=tuple(identifier.value for identifier in entity.identifiers))


def test_may_match_says_no_only_where_no_qualifier_could_lift_a_name(un_store_path: Path) -> None:
    store = Store.open(un_store_path)
    matcher = Screener.from_store(store).matcher
    store.close()
    said, near_only = set(), 0  # near_only: a yes where the name alone matches nothing (the margin at work)
    for entity in list(matcher.index.entities)[::7]:
        for name in [n.value for n in entity.names[:2]] + UNLISTED:
            for query in variants(name):
                may = matcher.may_match(query, entity.schema)
                said.add(may)
                if not may:
                    assert lifted(matcher, query, entity) == [], query
                elif not matcher.match(query, schema=entity.schema):
                    near_only += 1
    assert said == {True, False} and near_only > 0
