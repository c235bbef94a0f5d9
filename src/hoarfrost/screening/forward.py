"""Forward screening of the customers a list change concerns, exactly as a full screen scores them, faster.

A full screen of one customer ranks the candidate forms of every list entry (the index), aligns the best
of them and keeps each entry's best name. The result for one entry depends only on which of its forms
are among the ranked candidates and on their alignments: aligning the forms of the other entries changes
nothing for it. So, when only some entries are wanted (the designations a list change added or changed),
candidates are ranked over the whole index as always and then cut to the wanted entries' forms before
they are aligned: the same scores and explanations, for a fraction of the alignments.

Customers share names (many a "Mohammed Ali", many a "Maria Garcia"), and the name part of a screen
(`_best_names`) depends on the name and schema alone: it is kept per (name, schema) for the run, and the
qualifiers (date of birth, country, identifiers) are applied per customer as usual.
"""

from __future__ import annotations

import numpy as np

from hoarfrost.matching.forms import NameForm, query_forms
from hoarfrost.matching.index import NameIndex
from hoarfrost.matching.matcher import Matcher, NameHit
from hoarfrost.model import Schema
from hoarfrost.screening.screener import Match, Query, Screener


class _WantedIndex(NameIndex):
    """The list index, its ranked candidates cut to the forms of the wanted entries (never re-ranked)."""

    def __init__(self, index: NameIndex, wanted: set[int]) -> None:  # noqa: D107 - no NameIndex build
        self.__dict__.update(index.__dict__)  # the same arrays and caches, not a copy of them
        self._wanted = np.isin(index.form_entities, np.fromiter(wanted, dtype=np.int32, count=len(wanted)))

    def candidates(self, query: NameForm, schema: Schema | None) -> list[int]:
        return [form_id for form_id in super().candidates(query, schema) if self._wanted[form_id]]


class _KeptNamesMatcher(Matcher):
    """A matcher that keeps the name part of each screen for names met again, and that may be told the
    query's forms (`forms`, as the reverse index keeps them) and which of them to look up (`positions`),
    see screen_forms."""

    def __init__(self, algorithm: str, index: NameIndex) -> None:
        super().__init__((), algorithm)
        self.index = index
        self.positions: tuple[int, ...] | None = None
        self.forms: tuple[NameForm, ...] | None = None
        self._kept: dict[tuple[str, Schema | None, tuple[int, ...] | None], dict[int, NameHit]] = {}

    def _best_names(self, name: str, schema: Schema | None) -> dict[int, NameHit]:
        key = (name, schema, self.positions)
        best = self._kept.get(key)
        if best is None:
            every = self.forms if self.forms is not None else query_forms(name, person=schema is Schema.PERSON)
            forms = every
            if self.positions is not None and max(self.positions) < len(every):  # else not ours: all of them
                forms = tuple(every[position] for position in self.positions)
            best = self._kept[key] = self._best_names_over(name, schema, forms, every)
        return best


def forward_screener(screener: Screener, wanted_ids: set[str] | None) -> Screener:
    """A screener that gives `screener`'s matches on the wanted entity ids (all when None), and no others."""
    index = screener.matcher.index
    if wanted_ids is not None:
        index = _WantedIndex(index, index.positions_of(wanted_ids))
    forward = Screener((), screener.algorithm)
    forward.matcher = _KeptNamesMatcher(screener.algorithm, index)
    return forward


def may_match(forward: Screener, name: str, schema: Schema | None, positions: tuple[int, ...],
              forms: tuple[NameForm, ...]) -> bool:
    """Whether screen_forms can find anything for a customer of this name and schema (see Matcher.may_match):
    when not, the rest of the customer (date of birth, country, identifiers) need not even be read. The
    name part is kept (_KeptNamesMatcher): screen_forms then finds it done."""
    matcher = forward.matcher
    assert isinstance(matcher, _KeptNamesMatcher)
    matcher.positions, matcher.forms = positions, forms
    try:
        return matcher.may_match(name, schema)
    finally:
        matcher.positions = matcher.forms = None


def screen_forms(forward: Screener, query: Query, positions: tuple[int, ...] | None,
                 forms: tuple[NameForm, ...] | None = None) -> list[Match]:
    """forward.screen(query), its name looked up through the query forms at `positions` only (all when None),
    taken from `forms` (query_forms of the name, as the reverse index keeps them) when given.

    The reverse index (customer_index.Retrieval.forms) finds which of a customer's query forms could have
    a wanted entry's form among their candidates; its other forms cannot (the same share test, bounded from
    above), so their candidates need not be ranked: the same matches on the wanted entries, for less work.
    It also keeps the forms themselves: their readings need not be computed again."""
    matcher = forward.matcher
    if (positions is None and forms is None) or not isinstance(matcher, _KeptNamesMatcher):
        return forward.screen(query)
    matcher.positions, matcher.forms = positions, forms
    try:
        return forward.screen(query)
    finally:
        matcher.positions = matcher.forms = None
