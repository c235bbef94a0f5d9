"""The reworked candidate arithmetic of the index (matching/index.py: _credited_union, _reachable,
_with_full_share) finds what the plain arithmetic finds: the same forms with the same credits, the cached
hit arrays untouched; and retrieval over a real list gives the very candidates, in the very order, that
the earlier implementation (every rare token's forms merged, then each token credited one by one) gave."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hoarfrost.matching import index as index_module
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.forms import query_forms
from hoarfrost.matching.index import NameIndex, TokenHits
from hoarfrost.model import Schema
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")
# Common tokens beside rare ones (Arabic names: "al", "abd", "mohammed" hit thousands of forms), joined
# neighbours ("abd al"), and names in the scripts the UN list also writes names in.
QUERIES = ["Mohammed Ali Hassan", "Abdul Rahman Mohammed Al Ali", "Ahmed Mohamed Ali", "Usama bin Ladin",
           "Ayman al-Zawahiri", "Kim Jong Un", "Ri Myong Su", "Abd al Rahman", "Hamza Ali Saleh",
           "Abu Bakr al-Baghdadi",
           "Muhannad al Najdi", "Said Ahmed Shahidkhel", "Korea Mining Development Trading Corporation",
           "محمد علي", "김정은", "金正恩", "Ким Чен Ын", "Jamaat ud Dawa", "Hailun Zhu", "Mohamad Ali Hasan"]


@pytest.fixture(scope="module")
def name_index(data_dir: Path) -> NameIndex:
    entities, _ = read_list([data_dir / UN])
    return NameIndex(entities, ALGORITHMS[DEFAULT_ALGORITHM].weights)


def _earlier_reachable(forms: np.ndarray, order: list[TokenHits], needed: float) -> np.ndarray:
    """The pruning as it was: the forms of the rare tokens merged, every token credited rarest first."""
    remaining = sum(weight for weight, _, _ in order)
    totals = np.zeros(len(forms), dtype=np.float64)
    for weight, ids, shares in order:
        index_module._add_credit(forms, totals, ids, shares)
        remaining -= weight
        if remaining < needed:
            keep = totals >= needed - remaining - index_module._PRUNE_MARGIN
            forms, totals = forms[keep], totals[keep]
            if not len(forms):
                break
    return forms


def _earlier_candidates(index: NameIndex, query: index_module.NameForm, schema: Schema | None) -> list[int]:
    code = -1 if schema is None else index_module._SCHEMA_CODES[schema]
    hits = [index._token_hits(query, i, code) for i in range(len(query.tokens))]
    weights = [weight for weight, _, _ in hits]
    needed = index_module.MIN_HIT_SHARE * (sum(weights) or 1.0)
    rarest_first = index_module._rarest_first(weights)
    forms = index_module._union([hits[i][1] for i in index_module._rare_tokens(weights, needed, rarest_first)])
    if len(forms):
        forms = _earlier_reachable(forms, [hits[i] for i in rarest_first], needed)
    if not len(forms):
        return []
    totals = np.zeros(len(forms), dtype=np.float64)
    for _, ids, shares in hits:
        index_module._add_credit(forms, totals, ids, shares)
    keep = totals >= needed - 1e-6
    forms, totals = forms[keep], totals[keep]
    if len(forms) > index_module.MAX_CANDIDATES:
        forms, totals = index_module._best(forms, totals)
    return [int(form_id) for form_id in forms[np.argsort(-totals, kind="stable")]]


@pytest.mark.parametrize("schema", [None, Schema.PERSON])
def test_candidates_are_those_the_earlier_pruning_found(name_index: NameIndex, schema: Schema | None) -> None:
    found = 0
    for name in QUERIES:
        for form in query_forms(name):
            candidates = name_index.candidates(form, schema)
            assert candidates == _earlier_candidates(name_index, form, schema), (name, form)
            found += len(candidates)
    assert found > 50


def _plain_credit(forms: np.ndarray, hits: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    totals = np.zeros(len(forms))
    for ids, shares in hits:
        for k, form in enumerate(forms):
            found = np.flatnonzero(ids == form)
            if len(found):
                totals[k] += shares[found[0]]
    return totals


def test_credited_union_and_full_share_equal_the_plain_arithmetic() -> None:
    rng = np.random.default_rng(7)
    for _ in range(60):
        arrays = []
        for _ in range(int(rng.integers(0, 4))):
            ids = np.unique(rng.integers(0, 400, int(rng.integers(0, 120)))).astype(np.int32)
            arrays.append((0.5, ids, rng.random(len(ids)).astype(np.float32)))
        forms, credit = index_module._credited_union(arrays)
        union = np.unique(np.concatenate([ids for _, ids, _ in arrays])) if arrays else np.zeros(0)
        assert forms.tolist() == union.tolist()
        assert np.allclose(credit, _plain_credit(forms, [(ids, shares) for _, ids, shares in arrays]))
        ids = np.unique(rng.integers(0, 400, int(rng.integers(0, 80)))).astype(np.int32)
        shares = rng.random(len(ids)).astype(np.float32)
        top = np.unique(rng.integers(0, 400, int(rng.integers(1, 12)))).astype(np.int32)
        kept = shares.copy()
        merged, merged_shares = index_module._with_full_share(ids, shares, top, 0.75)
        assert merged.tolist() == np.union1d(ids, top).tolist()
        expected = {int(i): float(s) for i, s in zip(ids, shares, strict=True)} | {int(t): float(np.float32(0.75))
                                                                                    for t in top}
        assert dict(zip(merged.tolist(), merged_shares.tolist(), strict=True)) == expected
        assert merged_shares.dtype == np.float32 and np.array_equal(shares, kept)  # the cached array untouched
