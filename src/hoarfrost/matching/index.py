"""The candidate index over every name of every list entry, and the token rarity it implies.

Each name is indexed under several keys per token of each of its forms: the
token itself, its phonetic key, and in the skeleton space the consonant
skeleton. A query's candidates are the forms that share keys with it,
ranked by how much of the query's weight those keys carry; only the best
are scored in full. Retrieval aims at recall: any one rare token shared in
any reading makes a candidate.
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from hoarfrost.matching.algorithm import Weights
from hoarfrost.matching.forms import NameForm, name_forms, skeleton_of
from hoarfrost.model import Entity, NameKind, Schema
from hoarfrost.names.arabic import SKELETON
from hoarfrost.names.readings import LATIN

_SCHEMA_CODES = {schema: code for code, schema in enumerate(Schema)}
_EMPTY = np.zeros(0, dtype=np.int32)
# Ranking credit of a shared key by kind: exact token, joined neighbours, script keys; phonetic; one typo.
_KEY_CREDIT = (("l:", 1.0), ("s:", 1.0), ("d:", 1.0), ("n:", 1.0), ("k:", 0.9), ("e:", 0.75))
MAX_CANDIDATES = 10  # forms scored in full per query form
# A candidate must share keys carrying this share of the query's weight: a score of 0.8 needs the
# query's coverage at 0.64 or more, so this leaves a margin for near matches the keys missed.
MIN_HIT_SHARE = 0.55


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Build without cyclic garbage collection: the index makes millions of objects and no cycles,
    and the collector would rescan them (and the transliteration tables) over and over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class IndexedForm:
    entity: int  # position in NameIndex.entities
    name: int  # position in the entity's names
    form: NameForm


def form_keys(form: NameForm) -> list[tuple[int, str]]:
    """(token position, key) pairs under which a form is indexed.

    Skeletons made from Latin names ("d:") and skeletons of Arabic or Hebrew
    script names ("s:") live apart, so that a Latin query's skeleton looks up
    only the script names: two Latin names meet in the Latin space.
    """
    if form.space != LATIN:
        prefix = "d:" if form.derived else ("s:" if form.space == SKELETON else f"n:{form.space}:")
        return [(i, prefix + token) for i, token in enumerate(form.tokens)]
    keys = [(i, "l:" + token) for i, token in enumerate(form.tokens)]
    # Two adjacent tokens also stand joined, so "Hai Lun" and "Hailun" find each other.
    for i in range(len(form.tokens) - 1):
        joined = "l:" + form.tokens[i] + form.tokens[i + 1]
        keys.extend(((i, joined), (i + 1, joined)))
    for i, key in enumerate(form.keys):
        if len(key) >= 3:  # shorter keys ("jn") gather unrelated names: Jun, Jin, Jan, John
            keys.append((i, "k:" + key))
        keys.extend((i, "e:" + variant) for variant in deletion_variants(key))
    return keys


@lru_cache(maxsize=262144)
def deletion_variants(key: str) -> tuple[str, ...]:
    """The key with one letter deleted (keys of four letters or more): one typo on either side still meets."""
    if len(key) < 4:
        return ()
    return tuple({key[:i] + key[i + 1 :] for i in range(len(key))})


def lookup_keys(form: NameForm) -> list[tuple[int, str]]:
    """(token position, key) pairs under which a query form looks for candidates."""
    if form.space != SKELETON:
        return form_keys(form)
    prefixes = ("s:",) if form.derived else ("s:", "d:")
    return [(i, prefix + token) for i, token in enumerate(form.tokens) for prefix in prefixes]


class NameIndex:
    """Every form of every name of the given entities, with postings and token document frequencies."""

    def __init__(self, entities: Iterable[Entity], weights: Weights) -> None:
        self.weights = weights
        self.entities: list[Entity] = []
        self.forms: list[IndexedForm] = []
        self.postings: dict[str, Any] = defaultdict(list)
        self.document_frequency: Counter[str] = Counter()
        with _collector_paused():
            for entity in entities:
                self._add(entity)
        # Postings as sorted int32 arrays: a tenth of the memory of lists of ints, and numpy sums them.
        self.postings = {key: np.asarray(ids, dtype=np.int32) for key, ids in self.postings.items()}
        self._schema_codes = np.asarray([_SCHEMA_CODES[self.entities[f.entity].schema] for f in self.forms],
                                        dtype=np.int8)
        total = max(len(self.forms), 2)
        self._idf_reference = math.log(total / (weights.rare_document_frequency + 1))
        self._total = total
        self._weight_cache: dict[str, float] = {}
        self._set_cache: dict[tuple[str, ...], np.ndarray] = {}
        self._graded_cache: dict[tuple[tuple[str, tuple[str, ...]], ...], list[tuple[float, np.ndarray]]] = {}

    def _add(self, entity: Entity) -> None:
        position = len(self.entities)
        self.entities.append(entity)
        for name_position, name in enumerate(entity.names):
            tokens_seen: set[str] = set()
            for form in name_forms(name.value):
                form_id = len(self.forms)
                self.forms.append(IndexedForm(position, name_position, form))
                keys = {key for _, key in form_keys(form)}
                skeleton = skeleton_of(form)
                if skeleton is not None:  # the Latin form also stands, as a skeleton, for Arabic-script queries
                    keys.update(key for _, key in form_keys(skeleton))
                    tokens_seen.update(self._space_token(skeleton.space, t) for t in skeleton.tokens)
                for key in keys:
                    self.postings[key].append(form_id)
                tokens_seen.update(self._space_token(form.space, t) for t in form.tokens)
            self.document_frequency.update(tokens_seen)

    @staticmethod
    def _space_token(space: str, token: str) -> str:
        return token if space == LATIN else f"{space}:{token}"

    def token_weight(self, space: str, token: str) -> float:
        """Rarity weight in [min_token_weight, 1]: names sharing a common token share little."""
        key = self._space_token(space, token)
        cached = self._weight_cache.get(key)
        if cached is not None:
            return cached
        frequency = self.document_frequency.get(key, 0)
        idf = math.log(self._total / (frequency + 1))
        weight = min(1.0, max(self.weights.min_token_weight, idf / self._idf_reference))
        self._weight_cache[key] = weight
        return weight

    def candidates(self, query: NameForm, schema: Schema | None) -> list[int]:
        """Form ids worth scoring against one query form, most promising first.

        Each form's share of the query's weight is summed over the query tokens whose keys it
        shares (numpy, no Python loop per form); forms under MIN_HIT_SHARE are dropped and the
        best MAX_CANDIDATES kept. Only forms hitting a rare token are summed (_rare_tokens).
        """
        weights = [self.token_weight(query.space, t) for t in query.tokens]
        needed = MIN_HIT_SHARE * (sum(weights) or 1.0)
        graded = self._hit_arrays(query)
        forms = _union([hits for i in _rare_tokens(weights, needed) for _, hits in graded[i]])
        if not len(forms):
            return []
        totals = np.zeros(len(forms), dtype=np.float64)
        # Query order, then key kind, with float32 shares: the very sums np.bincount made before.
        for weight, token_hits in zip(weights, graded, strict=True):
            for credit, hits in token_hits:  # an exact token hit ranks above a phonetic one, above a typo
                _add_credit(forms, totals, hits, float(np.float32(weight * credit)))
        keep = totals >= needed - 1e-6
        if schema is not None:
            keep &= self._schema_codes[forms] == _SCHEMA_CODES[schema]
        forms, totals = forms[keep], totals[keep]
        if len(forms) > MAX_CANDIDATES:
            best = np.argpartition(-totals, MAX_CANDIDATES)[:MAX_CANDIDATES]
            forms, totals = forms[best], totals[best]
        order = np.argsort(-totals, kind="stable")
        return [int(form_id) for form_id in forms[order]]

    def _hit_arrays(self, query: NameForm) -> list[list[tuple[float, np.ndarray]]]:
        """Per query token, (credit, form ids) for its exact, phonetic and one-typo keys, each form once."""
        keys: list[dict[str, list[str]]] = [{} for _ in query.tokens]
        for i, key in lookup_keys(query):
            keys[i].setdefault(key[:2], []).append(key)
        return [self._graded_hits(tuple(sorted((kind, tuple(k)) for kind, k in token_keys.items())))
                for token_keys in keys]

    def _graded_hits(self, token_keys: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[float, np.ndarray]]:
        """(credit, form ids) per key kind of one token, each form under its best kind; cached, as
        customer names repeat their given and family names."""
        cached = self._graded_cache.get(token_keys)
        if cached is not None:
            return cached
        by_kind = dict(token_keys)
        seen = _EMPTY
        token_hits = []
        for kind, credit in _KEY_CREDIT:
            hits = self._posting_union(by_kind.get(kind, ()))
            if len(seen) and len(hits):
                hits = _without(hits, seen)
            if len(hits):
                token_hits.append((credit, hits))
                seen = _union([seen, hits])
        if len(self._graded_cache) > 100_000:
            self._graded_cache.clear()
        self._graded_cache[token_keys] = token_hits
        return token_hits

    def _posting_union(self, keys: tuple[str, ...]) -> np.ndarray:
        cached = self._set_cache.get(keys)
        if cached is None:
            cached = _union([self.postings[key] for key in keys if key in self.postings])
            if len(self._set_cache) > 50000:
                self._set_cache.clear()
            self._set_cache[keys] = cached
        return cached

    def is_weak(self, indexed: IndexedForm) -> bool:
        return self.entities[indexed.entity].names[indexed.name].kind is NameKind.WEAK_ALIAS

    @classmethod
    def from_parts(cls, entities: list[Entity], weights: Weights, forms: list[IndexedForm],
                   postings: dict[str, np.ndarray], document_frequency: Counter[str]) -> NameIndex:
        """The index a build made, from its parts (entities, forms, postings, document_frequency) as
        kept by matching/index_cache.py: the rest is derived here, as __init__ derives it."""
        index = cls((), weights)
        index.entities, index.forms, index.postings, index.document_frequency = (
            entities, forms, postings, document_frequency)
        index._schema_codes = np.asarray([_SCHEMA_CODES[entities[f.entity].schema] for f in forms], dtype=np.int8)
        index._total = max(len(forms), 2)
        index._idf_reference = math.log(index._total / (weights.rare_document_frequency + 1))
        return index


# Slack on the rare-token cut, well above float rounding (shares are float32, the cut allows 1e-6).
_PRUNE_MARGIN = 1e-4


def _rare_tokens(weights: list[float], needed: float) -> list[int]:
    """Positions of the query's rarest tokens, the fewest whose absence leaves under `needed`.

    Why pruning on them is exact: a token credits a form at most its weight (credits are at
    most 1), so a form sharing none of these tokens sums at most the weight of the others,
    which is below `needed`: it would be dropped anyway. Common tokens like "mohammed" hit
    tens of thousands of forms; they then only add credit to forms a rare token found.
    """
    by_weight = sorted(range(len(weights)), key=lambda i: -weights[i])
    remaining = sum(weights)
    for count, position in enumerate(by_weight):
        if remaining < needed - _PRUNE_MARGIN:
            return by_weight[:count]
        remaining -= weights[position]
    return by_weight


def _union(arrays: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct form ids of sorted, individually distinct arrays (np.unique's result).

    A stable sort merges the sorted runs (timsort), cheaper than np.unique's hashing."""
    arrays = [array for array in arrays if len(array)]
    if not arrays:
        return _EMPTY
    if len(arrays) == 1:
        return arrays[0]
    merged = np.sort(np.concatenate(arrays), kind="stable")
    distinct = np.empty(len(merged), dtype=bool)
    distinct[0] = True
    np.not_equal(merged[1:], merged[:-1], out=distinct[1:])
    return merged[distinct]


def _without(hits: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """The ids of sorted `hits` not in sorted `seen`, in order."""
    at = np.minimum(np.searchsorted(seen, hits), len(seen) - 1)
    kept: np.ndarray = hits[seen[at] != hits]
    return kept


def _add_credit(forms: np.ndarray, totals: np.ndarray, hits: np.ndarray, share: float) -> None:
    """Add `share` to totals of the forms found in hits; both sorted and distinct, so searching
    the smaller in the larger finds each pair once."""
    if len(hits) <= len(forms):
        at = np.minimum(np.searchsorted(forms, hits), len(forms) - 1)
        totals[at[forms[at] == hits]] += share
    else:
        at = np.minimum(np.searchsorted(hits, forms), len(hits) - 1)
        totals[hits[at] == forms] += share
