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
import itertools
import math
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from hoarfrost.matching.algorithm import Weights
from hoarfrost.matching.forms import NameForm, name_forms, skeleton_of
from hoarfrost.model import Entity, NameKind, Schema
from hoarfrost.names.arabic import SKELETON
from hoarfrost.names.readings import LATIN

_SCHEMA_CODES = {schema: code for code, schema in enumerate(Schema)}
_EMPTY = np.zeros(0, dtype=np.int32)
_NO_GRADES = np.zeros(0, dtype=np.intp)
# Ranking credit of a shared key by kind: exact token, joined neighbours, script keys; phonetic; one typo.
_KEY_CREDIT = (("l:", 1.0), ("s:", 1.0), ("d:", 1.0), ("n:", 1.0), ("k:", 0.9), ("e:", 0.75))
_CREDITS = np.asarray(sorted({credit for _, credit in _KEY_CREDIT}, reverse=True))  # by grade: 0 is the best
_GRADE = {kind: sorted({c for _, c in _KEY_CREDIT}, reverse=True).index(credit) for kind, credit in _KEY_CREDIT}
# Form ids (int32) held by the per-token cache: 8 bytes each with their shares (float32).
TOKEN_CACHE_IDS = 4_000_000
# A query token's weight, and (sorted distinct form ids, float32 share of the weight) of the forms it hits.
TokenHits = tuple[float, np.ndarray, np.ndarray]
MAX_CANDIDATES = 10  # forms scored in full per query form, and every form tied with the last of them ...
MAX_TIED = 30  # ... up to this many: a common name ("Ibrahim Mohammed") is borne by dozens of listed people
# A candidate must share keys carrying this share of the query's weight: a score of 0.8 needs the
# query's coverage at 0.64 or more, so this leaves a margin for near matches the keys missed.
MIN_HIT_SHARE = 0.55


@contextmanager
def collector_paused() -> Iterator[None]:
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


def _space_token(space: str, token: str) -> str:
    return token if space == LATIN else f"{space}:{token}"


IndexParts = tuple[list[Entity], list[IndexedForm], dict[str, np.ndarray], Counter[str]]


class _IndexBuilder:
    """Makes the parts of a NameIndex in bulk.

    The lists repeat one another's names (a person on five lists, under the very same names), names share
    forms and forms share tokens: each distinct name, form and token is worked on once, in Python, and
    leaves ids in compact int arrays (a token: the ids of its keys; a form: its tokens, its skeleton's and
    the ids of its joined keys; a name: its forms). numpy then expands these into each form's keys and the
    postings, sorted into place at once, rather than millions of form ids appended one by one to Python
    lists: less time, and far less memory (a Python int in a list takes 36 bytes, an int32 four).
    """

    def __init__(self) -> None:
        self.key_ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # a new key: the next id
        self.token_ids: defaultdict[str, int] = defaultdict(itertools.count().__next__)
        # (space, derived) -> token -> (its key, its unit): one token of one kind of form, made once
        self.units: dict[tuple[str, bool], dict[str, tuple[str, int]]] = {}
        self.unit_keys, self.unit_lengths, self.unit_tokens = array("i"), array("i"), array("i")
        self.form_ids: dict[NameForm, int] = {}  # distinct forms
        self.form_units, self.form_unit_lengths = array("i"), array("i")
        self.joined, self.joined_lengths = array("i"), array("i")  # ids of a Latin form's joined keys
        # (name, a person's?) -> forms, their ids, name id
        self.names: dict[tuple[str, bool], tuple[tuple[NameForm, ...], array[int], int]] = {}
        self.name_forms, self.name_lengths = array("i"), array("i")

    def build(self, entities: Iterable[Entity]) -> IndexParts:
        listed: list[Entity] = []
        forms: list[IndexedForm] = []
        distinct = array("i")  # the distinct form of each form
        named = array("i")  # the distinct name of each name of an entry
        for position, entity in enumerate(entities):
            listed.append(entity)
            for name_position, name in enumerate(entity.names):
                key = (name.value, entity.schema is Schema.PERSON)
                parts = self.names.get(key)
                if parts is None:
                    parts = self.names[key] = self._name(*key)
                forms.extend([IndexedForm(position, name_position, form) for form in parts[0]])
                distinct.extend(parts[1])
                named.append(parts[2])
        postings = self._postings(_ints(distinct))
        return listed, forms, postings, self._document_frequency(_ints(named))

    def _name(self, name: str, person: bool) -> tuple[tuple[NameForm, ...], array[int], int]:
        forms = name_forms(name, person)
        ids = array("i", [self._form(form) for form in forms])
        self.name_forms.extend(ids)
        self.name_lengths.append(len(ids))
        return forms, ids, len(self.names)

    def _form(self, form: NameForm) -> int:
        """The distinct form's id; a new one leaves its units (its own tokens, then its skeleton's, which
        also stands, for Arabic-script queries) and in the Latin space the ids of two adjacent tokens joined:
        together, the keys form_keys gives it and its skeleton."""
        known = self.form_ids.get(form)
        if known is not None:
            return known
        units = self._units(form)
        skeleton = skeleton_of(form)
        if skeleton is not None:
            units.extend(self._units(skeleton))
        self.form_units.extend(units)
        self.form_unit_lengths.append(len(units))
        joined = [self.key_ids["l:" + a + b] for a, b in pairwise(form.tokens)] if form.space == LATIN else []
        self.joined.extend(joined)
        self.joined_lengths.append(len(joined))
        known = self.form_ids[form] = len(self.form_ids)
        return known

    def _units(self, form: NameForm) -> list[int]:
        table = self.units.get((form.space, form.derived))
        if table is None:
            table = self.units[form.space, form.derived] = {}
        units = []
        for token, key in zip(form.tokens, form.keys, strict=True):
            known = table.get(token)
            if known is None or known[0] != key:
                known = table[token] = (key, self._unit(form.space, form.derived, token, key))
            units.append(known[1])
        return units

    def _unit(self, space: str, derived: bool, token: str, key: str) -> int:
        """A new unit: the ids of the keys form_keys gives the token alone, and of its space token."""
        key_ids = self.key_ids
        ids = [key_ids[k] for _, k in form_keys(NameForm((token,), (key,), space, "", derived))]
        self.unit_keys.extend(ids)
        self.unit_lengths.append(len(ids))
        self.unit_tokens.append(self.token_ids[_space_token(space, token)])
        return len(self.unit_lengths) - 1

    def _form_keys(self) -> tuple[np.ndarray, np.ndarray]:
        """(number of keys of each distinct form, their ids form after form): its units' and joined keys,
        each once."""
        count = len(self.form_unit_lengths)
        unit_lengths = _ints(self.unit_lengths)
        owner, keys = _gather(unit_lengths, _ints(self.unit_keys), _ints(self.form_units))
        forms = np.repeat(np.arange(count, dtype=np.int64), _ints(self.form_unit_lengths))[owner]
        joined = np.repeat(np.arange(count, dtype=np.int64), _ints(self.joined_lengths))
        pairs = _distinct(np.concatenate([(forms << 32) | keys, (joined << 32) | _ints(self.joined)]))
        return np.bincount(pairs >> 32, minlength=count), (pairs & 0xFFFFFFFF).astype(np.int32)

    def _postings(self, distinct: np.ndarray) -> dict[str, np.ndarray]:
        """Each key's sorted form ids, as slices of one int32 array. Form ids rise along the expanded
        forms, so a stable sort by key leaves each key's sorted."""
        lengths, keys = self._form_keys()
        form_ids, key_ids = _gather(lengths, keys, distinct)
        by_key = form_ids.astype(np.int32)[np.argsort(key_ids, kind="stable")]
        bounds = np.zeros(len(self.key_ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(key_ids, minlength=len(self.key_ids)), out=bounds[1:])
        starts = bounds.tolist()
        return {key: by_key[starts[i] : starts[i + 1]] for i, key in enumerate(self.key_ids)}

    def _document_frequency(self, named: np.ndarray) -> Counter[str]:
        """How many names of entries each space token stands in (its forms' or their skeletons')."""
        names = len(self.name_lengths)
        owner, forms = _gather(_ints(self.name_lengths), _ints(self.name_forms), np.arange(names))
        owner, units = _gather(_ints(self.form_unit_lengths), _ints(self.form_units), forms, owner)
        tokens = _ints(self.unit_tokens)[units]
        pairs = _distinct((owner.astype(np.int64) << 32) | tokens)
        occurrences = np.bincount(named, minlength=names)
        counts = np.bincount(pairs & 0xFFFFFFFF, weights=occurrences[pairs >> 32], minlength=len(self.token_ids))
        return Counter(dict(zip(self.token_ids, counts.astype(np.int64).tolist(), strict=True)))


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique hashes them, many times slower on millions of ints)."""
    values = np.sort(values)
    kept = np.empty(len(values), dtype=bool)
    kept[:1] = True
    np.not_equal(values[1:], values[:-1], out=kept[1:])
    return values[kept]


def _ints(values: array[int]) -> np.ndarray:
    return np.frombuffer(values, dtype=np.int32) if len(values) else np.zeros(0, dtype=np.int32)


def _gather(lengths: np.ndarray, values: np.ndarray, rows: np.ndarray,
            owners: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(owner of each value, the values) of the given rows of a ragged array (row i: `lengths[i]` values,
    after those of the rows before it), row after row; a row's owner is its position in `rows`, or
    `owners` at that position."""
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    counts = lengths[rows].astype(np.int64)
    ends = np.cumsum(counts)
    positions = np.arange(ends[-1] if len(ends) else 0, dtype=np.int64)
    positions += np.repeat(starts[rows] - (ends - counts), counts)
    owner = np.repeat(np.arange(len(rows)) if owners is None else owners, counts)
    return owner, values[positions]


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


def _token_keys(space: str, derived: bool, token: str, key: str) -> list[tuple[int, str]]:
    """(grade, key) of one query token's own keys: lookup_keys without the joined neighbours."""
    if space == LATIN:
        keys = [(_GRADE["l:"], "l:" + token)]
        if len(key) >= 3:
            keys.append((_GRADE["k:"], "k:" + key))
        keys.extend((_GRADE["e:"], "e:" + variant) for variant in deletion_variants(key))
        return keys
    return [(_GRADE[prefix[:2]], prefix + token) for prefix in _script_prefixes(space, derived)]


def _script_prefixes(space: str, derived: bool) -> tuple[str, ...]:
    """Key prefixes a token of a script-space query form looks up (as lookup_keys does)."""
    if space == SKELETON:  # a skeleton query meets skeletons of script names, and of Latin ones unless it is one
        return ("s:",) if derived else ("s:", "d:")
    return ("d:",) if derived else (f"n:{space}:",)


def _joined_keys(tokens: tuple[str, ...], position: int) -> list[str]:
    """The exact keys of a Latin token joined with its left and right neighbours."""
    keys = []
    if position > 0:
        keys.append("l:" + tokens[position - 1] + tokens[position])
    if position + 1 < len(tokens):
        keys.append("l:" + tokens[position] + tokens[position + 1])
    return keys


class _SpaceWeights(dict[str, float]):
    """Token -> rarity weight in one space, each computed on its first lookup."""

    __slots__ = ("_compute", "_space")

    def __init__(self, compute: Callable[[str, str], float], space: str) -> None:
        super().__init__()
        self._compute = compute
        self._space = space

    def __missing__(self, token: str) -> float:
        weight = self[token] = self._compute(self._space, token)
        return weight


class NameIndex:
    """Every form of every name of the given entities, with postings and token document frequencies."""

    # Lists when built; when kept (index_cache), each entry and form is decoded when first asked for.
    entities: Sequence[Entity]
    forms: Sequence[IndexedForm]
    postings: Mapping[str, np.ndarray]  # posting key -> sorted form ids (a dict when built, see index_cache)

    def __init__(self, entities: Iterable[Entity], weights: Weights) -> None:
        self.weights = weights
        with collector_paused():
            self.entities, self.forms, self.postings, self.document_frequency = _IndexBuilder().build(entities)
        self._set_entity_tables([entity.id for entity in self.entities],
                                np.asarray([_SCHEMA_CODES[entity.schema] for entity in self.entities], dtype=np.int8),
                                np.fromiter((f.entity for f in self.forms), dtype=np.int32, count=len(self.forms)))
        self._total, self._idf_reference = _idf_scale(len(self.forms), weights)
        self._space_weights: dict[str, _SpaceWeights] = {}
        self._token_cache: OrderedDict[tuple[str, bool, str, str, int], TokenHits] = OrderedDict()
        self._token_cache_size = 0
        # (entity, name) -> where a person's "FAMILY, " ends (align.person_order), filled as names are met
        self.person_orders: dict[tuple[int, int], int | None] = {}

    def _set_entity_tables(self, entity_ids: list[str], entity_schemas: np.ndarray, form_entities: np.ndarray) -> None:
        """What is asked of all the entries at once, kept apart from them so that a kept index need not decode
        them all: each entry's id, its schema (as _SCHEMA_CODES), and the entry of each form (int32)."""
        self.entity_ids = entity_ids
        self.entity_schemas = entity_schemas
        self.form_entities = form_entities
        self._schema_codes = entity_schemas[form_entities]

    def positions_of(self, entity_ids: set[str]) -> set[int]:
        """The positions in `entities` of the entries with these ids."""
        return {position for position, entity_id in enumerate(self.entity_ids) if entity_id in entity_ids}

    @staticmethod
    def _space_token(space: str, token: str) -> str:
        return _space_token(space, token)

    def token_weight(self, space: str, token: str) -> float:
        """Rarity weight in [min_token_weight, 1]: names sharing a common token share little."""
        return self.weight_function(space)(token)

    def weight_function(self, space: str) -> Callable[[str], float]:
        """token_weight for one space, as a bare dict lookup: alignment asks it for every token it scores."""
        table = self._space_weights.get(space)
        if table is None:
            table = self._space_weights[space] = _SpaceWeights(self._rarity_weight, space)
        return table.__getitem__

    def _rarity_weight(self, space: str, token: str) -> float:
        frequency = self.document_frequency.get(self._space_token(space, token), 0)
        idf = math.log(self._total / (frequency + 1))
        return min(1.0, max(self.weights.min_token_weight, idf / self._idf_reference))

    def candidates(self, query: NameForm, schema: Schema | None) -> list[int]:
        """Form ids worth scoring against one query form, most promising first.

        Each form's share of the query's weight is summed over the query tokens whose keys it
        shares (numpy, no Python loop per form); forms under MIN_HIT_SHARE are dropped and the
        best MAX_CANDIDATES kept. Only forms hitting a rare token are summed (_rare_tokens), and
        only those that can still reach the share are summed exactly (_reachable).
        """
        code = -1 if schema is None else _SCHEMA_CODES[schema]
        hits = [self._token_hits(query, i, code) for i in range(len(query.tokens))]
        weights = [weight for weight, _, _ in hits]
        needed = MIN_HIT_SHARE * (sum(weights) or 1.0)
        rarest_first = _rarest_first(weights)
        rare = len(_rare_tokens(weights, needed, rarest_first))
        forms, credit = _credited_union([hits[i] for i in rarest_first[:rare]])
        if len(forms):
            forms = _reachable(forms, credit, [hits[i] for i in rarest_first[rare:]], needed)
        if not len(forms):
            return []
        totals = np.zeros(len(forms), dtype=np.float64)
        for _, ids, shares in hits:  # in query order: the very float sums the ranking always made
            _add_credit(forms, totals, ids, shares)
        keep = totals >= needed - 1e-6
        forms, totals = forms[keep], totals[keep]
        if len(forms) > MAX_CANDIDATES:
            forms, totals = _best(forms, totals)
        order = np.argsort(-totals, kind="stable")
        return [int(form_id) for form_id in forms[order]]

    def _token_hits(self, query: NameForm, position: int, schema_code: int) -> TokenHits:
        """The hits of one query token: its own keys' from the cache, with the forms that its joined
        neighbours (exact keys) find added at the full share."""
        token = query.tokens[position]
        hits = self._hits_of_token((query.space, query.derived, token, query.keys[position], schema_code))
        if query.space != LATIN or len(query.tokens) < 2:
            return hits
        joined = [self.postings[key] for key in _joined_keys(query.tokens, position) if key in self.postings]
        if not joined:
            return hits
        weight, ids, shares = hits
        top = self._of_schema(_union(joined), schema_code)
        return (weight, *_with_full_share(ids, shares, top, weight)) if len(top) else hits

    def _hits_of_token(self, cache_key: tuple[str, bool, str, str, int]) -> TokenHits:
        """A token's weight, and (form ids, float32 share) over its own keys, each form at its best key
        kind's credit; kept across queries (least recently used out first), as customer names repeat
        their given and family names and a query's readings share tokens."""
        cache = self._token_cache
        cached = cache.get(cache_key)
        if cached is not None:
            cache.move_to_end(cache_key)
            return cached
        space, derived, token, key, schema_code = cache_key
        weight = self.token_weight(space, token)
        ids, grades = _best_grades([(grade, self.postings[k]) for grade, k in _token_keys(space, derived, token, key)
                                    if k in self.postings])
        if schema_code >= 0 and len(ids):
            kept = self._schema_codes[ids] == schema_code
            ids, grades = ids[kept], grades[kept]
        best = (weight * _CREDITS).astype(np.float32)[grades]
        cached = (weight, ids, best)
        cache[cache_key] = cached
        self._token_cache_size += len(ids)
        while self._token_cache_size > TOKEN_CACHE_IDS and len(cache) > 1:
            _, (_, dropped, _) = cache.popitem(last=False)
            self._token_cache_size -= len(dropped)
        return cached

    def _of_schema(self, ids: np.ndarray, schema_code: int) -> np.ndarray:
        if schema_code < 0 or not len(ids):
            return ids
        kept: np.ndarray = ids[self._schema_codes[ids] == schema_code]
        return kept

    def is_weak(self, indexed: IndexedForm) -> bool:
        return self.entities[indexed.entity].names[indexed.name].kind is NameKind.WEAK_ALIAS

    @classmethod
    def from_parts(cls, entities: Sequence[Entity], weights: Weights, forms: Sequence[IndexedForm],
                   postings: Mapping[str, np.ndarray], document_frequency: Counter[str],
                   entity_tables: tuple[list[str], np.ndarray, np.ndarray]) -> NameIndex:
        """The index a build made, from its parts (entities, forms, postings, document_frequency, and the
        entity tables of _set_entity_tables) as kept by matching/index_cache.py: the rest is derived here,
        as __init__ derives it."""
        index = cls((), weights)
        index.entities, index.forms, index.postings, index.document_frequency = (
            entities, forms, postings, document_frequency)
        index._set_entity_tables(*entity_tables)
        index._total, index._idf_reference = _idf_scale(len(forms), weights)
        return index


def _idf_scale(form_count: int, weights: Weights) -> tuple[int, float]:
    """The form count the IDF of a token is taken over, and the IDF at which a token weighs fully (a
    document frequency of `rare_document_frequency`). An index of a handful of forms has no statistics to
    tell common from rare: counting it as one form more than that frequency keeps the reference positive
    (no division by zero) and lets every token there weigh fully."""
    total = max(form_count, weights.rare_document_frequency + 2)
    return total, math.log(total / (weights.rare_document_frequency + 1))


# Slack on the rare-token cut, well above float rounding (shares are float32, the cut allows 1e-6).
_PRUNE_MARGIN = 1e-4


def _rarest_first(weights: list[float]) -> list[int]:
    return sorted(range(len(weights)), key=lambda i: -weights[i])


def _best(forms: np.ndarray, totals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The MAX_CANDIDATES best forms and those tied with the last of them (up to MAX_TIED): which of
    several equally promising forms goes on must not be left to the order of a partition."""
    last = -np.partition(-totals, MAX_CANDIDATES - 1)[MAX_CANDIDATES - 1]
    keep = np.flatnonzero(totals >= last - 1e-9)
    if len(keep) > MAX_TIED:
        keep = keep[np.argpartition(-totals[keep], MAX_TIED)[:MAX_TIED]]
    return forms[keep], totals[keep]


def _rare_tokens(weights: list[float], needed: float, rarest_first: list[int] | None = None) -> list[int]:
    """Positions of the query's rarest tokens, the fewest whose absence leaves under `needed`.

    Why pruning on them is exact: a token credits a form at most its weight (credits are at
    most 1), so a form sharing none of these tokens sums at most the weight of the others,
    which is below `needed`: it would be dropped anyway. Common tokens like "mohammed" hit
    tens of thousands of forms; they then only add credit to forms a rare token found.
    """
    by_weight = _rarest_first(weights) if rarest_first is None else rarest_first
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


def _add_credit(forms: np.ndarray, totals: np.ndarray, hits: np.ndarray, shares: np.ndarray) -> None:
    """Add to totals of the forms found in hits their share (shares run along hits); both sorted
    and distinct, so searching the smaller in the larger finds each pair once."""
    if len(hits) <= len(forms):
        at = np.minimum(np.searchsorted(forms, hits), len(forms) - 1)
        found = forms[at] == hits
        totals[at[found]] += shares[found]
    else:
        at = np.minimum(np.searchsorted(hits, forms), len(hits) - 1)
        found = hits[at] == forms
        totals[found] += shares[at[found]]


def _best_grades(arrays: list[tuple[int, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct form ids, the best grade each has) over (grade, sorted ids) postings."""
    arrays = [(grade, ids) for grade, ids in arrays if len(ids)]
    if not arrays:
        return _EMPTY, _NO_GRADES
    if len(arrays) == 1:
        grade, ids = arrays[0]
        return ids, np.full(len(ids), grade, dtype=np.intp)
    # id * 8 + grade sorts by id, then best grade first; the first of each id is kept. The postings are
    # sorted runs, which a stable sort (timsort) merges several times faster than the default quicksort.
    merged = np.sort(np.concatenate([ids.astype(np.int64) * 8 + grade for grade, ids in arrays]), kind="stable")
    ids = merged >> 3
    first = np.empty(len(merged), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    return ids[first].astype(np.int32), merged[first] & 7


def _credited_union(rare: list[TokenHits]) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct form ids hit by any of the rare tokens, the credit each has from them).

    One sort of all their hits gives both: the credit of a common token's thousands of forms is not
    looked up form by form. The credit only bounds (see _reachable): its order of summation is free."""
    arrays = [(ids, shares) for _, ids, shares in rare if len(ids)]
    if not arrays:
        return _EMPTY, np.zeros(0, dtype=np.float64)
    if len(arrays) == 1:
        return arrays[0][0], arrays[0][1].astype(np.float64)
    ids = np.concatenate([ids for ids, _ in arrays])
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    starts = np.empty(len(ids), dtype=bool)
    starts[0] = True
    np.not_equal(ids[1:], ids[:-1], out=starts[1:])
    at = np.flatnonzero(starts)
    shares = np.concatenate([shares for _, shares in arrays]).astype(np.float64)[order]
    return ids[at], np.add.reduceat(shares, at)


def _reachable(forms: np.ndarray, totals: np.ndarray, rest: list[TokenHits], needed: float) -> np.ndarray:
    """The forms (sorted ids, with their credit from the rare tokens) whose share can still reach
    `needed`: crediting the other tokens rarest first, a form is dropped once its credit plus the
    weight of the tokens left is short of it.

    Most query forms meet no candidate at all; this finds out at once, or after a token or two, on ever
    fewer forms. The sums here only bound (shares exceed no weight but by float32 rounding, far under
    _PRUNE_MARGIN), so any form that the exact sum would keep is kept: the forms kept are summed again
    in query order by the caller."""
    remaining = sum(weight for weight, _, _ in rest)
    for step in range(len(rest) + 1):
        if remaining < needed:
            keep = totals >= needed - remaining - _PRUNE_MARGIN
            forms, totals = forms[keep], totals[keep]
            if not len(forms):
                break
        if step == len(rest):
            break
        weight, ids, shares = rest[step]
        _add_credit(forms, totals, ids, shares)
        remaining -= weight
    return forms


def _with_full_share(ids: np.ndarray, shares: np.ndarray, top: np.ndarray,
                     weight: float) -> tuple[np.ndarray, np.ndarray]:
    """The (ids, shares) hits with the forms of `top` (sorted ids) added, or raised, to the full share:
    the best there is, as no credit exceeds 1 and float32 rounding keeps the order.

    `top` is mostly small and `ids` (a common token's hits) large: the forms of `top` missing from `ids`
    are inserted where they sort (a copy, no sort), and the cached arrays are left as they are."""
    full = np.float32(weight)
    if not len(ids):
        return top, np.full(len(top), full, dtype=np.float32)
    at = np.searchsorted(ids, top)
    missing = ids[np.minimum(at, len(ids) - 1)] != top
    if missing.any():
        merged = np.insert(ids, at[missing], top[missing])
        merged_shares = np.insert(shares, at[missing], full)
        at = np.searchsorted(merged, top)
    else:
        merged, merged_shares = ids, shares.copy()
    merged_shares[at] = full
    return merged, merged_shares
