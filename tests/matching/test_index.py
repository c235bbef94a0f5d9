"""Candidate retrieval: the rare-token pruning in NameIndex.candidates finds exactly the forms, in
the order, that summing every query token's credit over every form finds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hoarfrost.matching import index as index_module
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.forms import NameForm, query_forms
from hoarfrost.matching.index import _KEY_CREDIT, MIN_HIT_SHARE, NameIndex, lookup_keys
from hoarfrost.model import Schema
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")
# Common given names next to rare family names, a name of common tokens only, and typos.
QUERIES = ["Mohammed Ali Hassan", "Muhammad Abdullah", "Abdul Rahman Mohammed Al Ali", "Mohammad Omar",
           "Ahmed Mohamed Ali", "Usama bin Ladin", "Ayman al-Zawahiri", "Kim Jong Un", "Hamza Ali Saleh",
           "محمد علي", "Abu Bakr al-Baghdadi", "Sirajuddin Haqqani", "Abdul Hakim", "Nasser Al Wuhayshi"]


@pytest.fixture(scope="module")
def name_index(data_dir: Path) -> NameIndex:
    entities, _ = read_list([data_dir / UN])
    return NameIndex(entities, ALGORITHMS[DEFAULT_ALGORITHM].weights)


def brute_force(index: NameIndex, query: NameForm, schema: Schema | None) -> list[tuple[int, float]]:
    """Every form's share of the query's weight, each token crediting a form its best key kind,
    summed in query-token order with float32 credits as the index does; best first, ties by form id."""
    weights = [index.token_weight(query.space, t) for t in query.tokens]
    needed = MIN_HIT_SHARE * (sum(weights) or 1.0)
    keys: list[list[str]] = [[] for _ in query.tokens]
    for position, key in lookup_keys(query):
        keys[position].append(key)
    totals: dict[int, float] = {}
    for weight, token_keys in zip(weights, keys, strict=True):
        best: dict[int, float] = {}
        for kind, credit in _KEY_CREDIT:
            for key in token_keys:
                if key.startswith(kind):
                    for form_id in index.postings.get(key, ()):
                        best.setdefault(int(form_id), credit)
        for form_id, credit in best.items():
            totals[form_id] = totals.get(form_id, 0.0) + float(np.float32(weight * credit))
    kept = [(total, form_id) for form_id, total in totals.items() if total >= needed - 1e-6
            and (schema is None or index.entities[index.forms[form_id].entity].schema is schema)]
    return [(form_id, total) for total, form_id in sorted(kept, key=lambda pair: (-pair[0], pair[1]))]


@pytest.mark.parametrize("schema", [None, Schema.PERSON])
def test_pruned_candidates_equal_brute_force(name_index: NameIndex, schema: Schema | None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "MAX_CANDIDATES", 10**9)  # every form over the share, in order
    checked = pruned = 0
    for name in QUERIES:
        for form in query_forms(name):
            expected = [form_id for form_id, _ in brute_force(name_index, form, schema)]
            assert name_index.candidates(form, schema) == expected, (name, form.tokens)
            checked += bool(expected)
            weights = [name_index.token_weight(form.space, t) for t in form.tokens]
            pruned += len(index_module._rare_tokens(weights, MIN_HIT_SHARE * sum(weights))) < len(weights)
    assert checked >= len(QUERIES)
    assert pruned  # some queries left their common tokens out of the candidate union


def test_best_candidates_carry_the_best_shares(name_index: NameIndex) -> None:
    """With the cut at MAX_CANDIDATES, the kept forms carry the best shares of the full ranking, and
    every form tied with the last of them is kept too (up to MAX_TIED): none is dropped by chance."""
    ties = 0
    for name in QUERIES:
        for form in query_forms(name):
            full = dict(brute_force(name_index, form, None))
            best = name_index.candidates(form, None)
            shares = list(full.values())
            if len(shares) <= index_module.MAX_CANDIDATES:
                assert best == list(full)
                continue
            last = shares[index_module.MAX_CANDIDATES - 1]
            tied = [form_id for form_id, share in full.items() if share >= last - 1e-9]
            assert len(best) == min(len(tied), index_module.MAX_TIED)
            assert [full[form_id] for form_id in best] == shares[: len(best)]
            if len(tied) <= index_module.MAX_TIED:
                assert set(best) == set(tied)
            ties += len(tied) > index_module.MAX_CANDIDATES
    assert ties  # some query had more forms tied at the cut than the cut keeps


def test_token_cache_evicts_and_still_finds_the_same(name_index: NameIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-token hits are kept across queries within a budget of form ids; an evicted token is looked
    up afresh, to the same candidates."""
    full = {(name, form): name_index.candidates(form, Schema.PERSON) for name in QUERIES for form in query_forms(name)}
    monkeypatch.setattr(index_module, "TOKEN_CACHE_IDS", 50)
    name_index._token_cache.clear()
    name_index._token_cache_size = 0
    for (_, form), expected in full.items():
        assert name_index.candidates(form, Schema.PERSON) == expected
        assert name_index._token_cache_size <= 50 or len(name_index._token_cache) == 1
    assert any(expected for expected in full.values())
