"""Forward screening of the customers a list change concerns, exactly as a full screen scores them, faster.

A full screen of one customer ranks the candidate forms of every list entry (the index), aligns the best
of them and keeps each entry's best name. The result for one entry depends only on which of its forms
are among the ranked candidates and on their alignments: aligning the forms of the other entries changes
nothing for it. So, when only some entries are wanted (the designations a list change added or changed),
candidates are ranked over the whole index as always and then cut to the wanted entries' forms before
they are aligned: the same scores and explanations, for a fraction of the alignments.

Most query forms of a customer (its other readings) share no key with any wanted form, or too little:
ranking the whole index for them is wasted. A listed form's ranking total is a sum over the query tokens
of a share that is at most the token's weight, and only for tokens one of whose look-up keys the form is
posted under. So before ranking, the weights of the query tokens whose keys meet *any* wanted form's keys
are summed: under MIN_HIT_SHARE of the query's weight (less a margin far above float32 rounding), no wanted
form can be a candidate, and the query form has none (`_WantedIndex._may_reach`). Exact: only skipped
work, never a candidate lost.

Customers share names (many a "Mohammed Ali", many a "Maria Garcia"), and the name part of a screen
(`_best_names`) depends on the name and schema alone: it is kept per (name, schema) for the run, and the
qualifiers (date of birth, country, identifiers) are applied per customer as usual.
"""

from __future__ import annotations

import numpy as np

from hoarfrost.matching.forms import NameForm
from hoarfrost.matching.index import MIN_HIT_SHARE, NameIndex, _joined_keys, _token_keys
from hoarfrost.matching.matcher import Matcher, NameHit
from hoarfrost.model import Schema
from hoarfrost.names.readings import LATIN
from hoarfrost.screening.customer_index import listed_keys
from hoarfrost.screening.screener import Screener

_MARGIN = 1e-4  # far above float32 rounding of the ranking's shares (which allows 1e-6): a bound, never a cut


class _WantedIndex(NameIndex):
    """The list index, its ranked candidates cut to the forms of the wanted entries (never re-ranked)."""

    def __init__(self, index: NameIndex, wanted: set[int]) -> None:  # noqa: D107 - no NameIndex build
        self.__dict__.update(index.__dict__)  # the same arrays and caches, not a copy of them
        entity_of = np.fromiter((f.entity for f in index.forms), dtype=np.int64, count=len(index.forms))
        self._wanted = np.isin(entity_of, np.fromiter(wanted, dtype=np.int64, count=len(wanted)))
        # every key a wanted form is posted under (as retrieval mirrors the postings: customer_index.listed_keys)
        self._wanted_keys = {key for form in index.forms if form.entity in wanted for key in listed_keys(form.form)}

    def candidates(self, query: NameForm, schema: Schema | None) -> list[int]:
        if not self._may_reach(query):
            return []
        return [form_id for form_id in super().candidates(query, schema) if self._wanted[form_id]]

    def _may_reach(self, query: NameForm) -> bool:
        """Whether the query tokens whose look-up keys meet some wanted form carry the share a candidate
        needs (an upper bound of every wanted form's ranking total: see the module's docstring)."""
        weights = [self.token_weight(query.space, token) for token in query.tokens]
        joined = query.space == LATIN and len(query.tokens) > 1  # as NameIndex._token_hits
        reach = 0.0
        for position, token in enumerate(query.tokens):
            keys = [key for _, key in _token_keys(query.space, query.derived, token, query.keys[position])]
            if joined:
                keys.extend(_joined_keys(query.tokens, position))
            if not self._wanted_keys.isdisjoint(keys):
                reach += weights[position]
        return reach >= MIN_HIT_SHARE * (sum(weights) or 1.0) - _MARGIN


class _KeptNamesMatcher(Matcher):
    """A matcher that keeps the name part of each screen for names met again."""

    def __init__(self, algorithm: str, index: NameIndex) -> None:
        super().__init__((), algorithm)
        self.index = index
        self._kept: dict[tuple[str, Schema | None], dict[int, NameHit]] = {}

    def _best_names(self, name: str, schema: Schema | None) -> dict[int, NameHit]:
        key = (name, schema)
        best = self._kept.get(key)
        if best is None:
            best = self._kept[key] = super()._best_names(name, schema)
        return best


def forward_screener(screener: Screener, wanted_ids: set[str] | None) -> Screener:
    """A screener that gives `screener`'s matches on the wanted entity ids (all when None), and no others."""
    index = screener.matcher.index
    if wanted_ids is not None:
        index = _WantedIndex(index, {p for p, entity in enumerate(index.entities) if entity.id in wanted_ids})
    forward = Screener((), screener.algorithm)
    forward.matcher = _KeptNamesMatcher(screener.algorithm, index)
    return forward
