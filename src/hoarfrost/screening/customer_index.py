"""The reverse index: for a list name, the customers whose names could match it, without screening them all.

A new designation must be screened against every customer at once. Screening a million customers forward
takes minutes; this index finds the few whose names share enough with the new name to possibly reach
the threshold, and only those are then screened forward (screening/delta.py), so an alert has exactly
the score a full screen would give it.

Why not the matcher's NameIndex over customers as entities: it indexes the *listed* forms of a name, and
its kept file decodes a million entities into Python objects (seconds, gigabytes). Forward screening
looks a customer's *query* forms up in the list index (`query_forms`, `index._token_keys`, the joined
neighbours); recall is only certain if the reverse direction mirrors exactly those look-ups. So this
index keeps, in numpy arrays loaded in a fraction of a second:

- units: the distinct (space, derived, token, phonetic key) of every customer query form, with the
  rarity weight each had in the list index at build time;
- forms: each customer query form as its run of units, its customer, and which of its positions are
  "rare" (see below); with its space, scheme and the units' tokens and keys, the forms themselves, and
  each customer's query name and schema, so that a delta screens the customers it finds without computing
  their readings again, and reads from the store only those whose names come near;
- the look-up keys of every unit, hashed to 64 bits (a collision only adds a candidate, never loses one),
  and the joined keys ("l:" + two adjacent tokens) of every form.

Retrieval mirrors the forward candidate test (matching/index.py `candidates`): a listed form is a forward
candidate of a query form only if the keys they share carry MIN_HIT_SHARE of the query's weight, and
then it shares a key with one of the query's *rare tokens* (the fewest rarest whose absence leaves less
than that share; index._rare_tokens). Only rare positions are posted from unit to form, so a common token
("mohammed") never drags in tens of thousands of customers; the share is then bounded exactly on the
forms found (Retrieval._rare_found). Rare positions are chosen with a margin, and the weights that moved
with a list change are checked at delta time (`drifted_forms`): a form whose choice no longer holds is
checked in full.

The file `<store>.customers.index` is keyed by the customers' state (last customer change) and the code,
not by the lists: a list change moves weights, which retrieval checks; a stale file is rebuilt
(`refresh_customer_index`).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import mmap
import multiprocessing
import os
import struct
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import msgspec
import numpy as np
from sqlalchemy import select

from hoarfrost.errors import QueryError
from hoarfrost.matching import index_cache
from hoarfrost.matching.forms import NameForm, query_forms, skeleton_of
from hoarfrost.matching.index import _KEY_CREDIT, MIN_HIT_SHARE, NameIndex, _idf_scale, _token_keys, form_keys
from hoarfrost.model import Customer, Schema, customer_from_json
from hoarfrost.names.readings import LATIN
from hoarfrost.screening.screener import Query, make_query
from hoarfrost.store import Store
from hoarfrost.store import schema as t

log = logging.getLogger(__name__)

FORMAT = 5  # 2: each form's space, scheme and tokens kept (query_forms); 3: arrays mapped; 4: rare_units;
# 5: customer names
_MAGIC = b"HOARFROST-CUSTOMERS\n"
_LENGTH = struct.Struct("<Q")
# Rare positions are chosen so that the others weigh less than the needed share by this much: the list
# changing moves every weight a little (the form count); what moves more is checked (drifted_forms).
RARE_MARGIN = 0.05
_SCHEMA_CODES = {schema: code for code, schema in enumerate(Schema)}
_SCHEMAS = list(Schema)  # by code
_CREDIT = dict(_KEY_CREDIT)  # "l:" -> 1.0, "k:" -> 0.9, "e:" -> 0.75, ...


def key_hash(key: str) -> int:
    """A stable 64-bit hash of a look-up key (Python's hash() changes from process to process)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def customer_query(customer: Customer) -> Query:
    """The query a customer is screened as, forward: the same everywhere (load, delta, full rescreen)."""
    return make_query(customer.name, str(customer.schema) if customer.schema else None, customer.dob,
                      customer.country, customer.identifiers)


def current_customers(store: Store, ids: Iterable[str] | None = None) -> Iterator[Customer]:
    """The current version of every customer not deleted (or of the given ids), in id order."""
    c, v = t.customers.c, t.customer_versions.c
    query = (select(v.data).join(t.customers, c.hash == v.hash).where(c.deleted.is_(False))
             .order_by(c.customer_id))
    if ids is None:
        with store.engine.connect() as conn:
            for row in conn.execute(query.execution_options(yield_per=10_000)):
                yield customer_from_json(row.data)
        return
    wanted = sorted(set(ids))
    with store.engine.connect() as conn:
        for start in range(0, len(wanted), 900):
            for row in conn.execute(query.where(c.customer_id.in_(wanted[start : start + 900]))):
                yield customer_from_json(row.data)


def customers_state(store: Store) -> str:
    """What the customers are: the last change recorded (its id and time). Every add, change or deletion
    of a customer records one in the same transaction (customers/registry.py), so nothing else need be
    read: counting the current customers took a tenth of a second at a million."""
    h = t.customer_changes.c
    with store.engine.connect() as conn:
        last = conn.execute(select(h.id, h.at).order_by(h.id.desc()).limit(1)).first()
    return f"{last.id}:{last.at}" if last else "0"


def index_key(store: Store) -> str:
    """Customers and code: not the lists, whose changes move weights that Retrieval checks (drifted)."""
    parts = [f"format={FORMAT}", index_cache.code_version(), customers_state(store)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# -- the index ------------------------------------------------------------------------------------


class _Meta(msgspec.Struct, array_like=True):
    """What a kept index holds besides its arrays, which follow it in the file as they lie in memory."""

    key: str
    list_forms: int  # form count of the list index the weights came from
    space_tokens: list[str]  # of each unit, as the list index counts them (document_frequency)
    unit_tokens: list[str]
    unit_keys: list[str]
    spaces: list[str]  # the values of form_spaces
    schemes: list[str]  # the values of form_schemes
    arrays: list[tuple[str, str, int, int]]  # name, dtype, offset from the end of the meta, length


class Texts(Sequence[str]):
    """Strings by row (customer ids, names), kept as one UTF-8 text and where each ends: a delta looks up the
    few rows it finds, and a million strings need not be made for that."""

    def __init__(self, text: np.ndarray, ends: np.ndarray) -> None:
        self.text, self.ends = text, ends  # uint8, int64

    @classmethod
    def of(cls, texts: list[str]) -> Texts:
        encoded = [text.encode() for text in texts]
        ends = np.cumsum([len(e) for e in encoded], dtype=np.int64) if encoded else np.zeros(0, dtype=np.int64)
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), ends)

    def __len__(self) -> int:
        return len(self.ends)

    @overload
    def __getitem__(self, row: int) -> str: ...
    @overload
    def __getitem__(self, row: slice) -> list[str]: ...
    def __getitem__(self, row: int | slice) -> str | list[str]:
        if isinstance(row, slice):
            return [self[r] for r in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        start = int(self.ends[row - 1]) if row else 0
        return bytes(self.text[start : int(self.ends[row])]).decode()


@dataclass
class CustomerIndex:
    key: str
    list_forms: int
    customer_ids: Texts
    customer_names: Texts  # the name each customer is screened by (its query's), which gave its forms
    customer_schemas: np.ndarray  # int8 schema code, -1 when the customer gives none
    space_tokens: list[str]
    unit_tokens: list[str]  # of each unit: its token and phonetic key, to give back the forms (query_forms)
    unit_keys: list[str]
    spaces: list[str]
    schemes: list[str]
    unit_weights: np.ndarray  # float32, in the list index at build time
    form_customer: np.ndarray  # int32
    form_starts: np.ndarray  # int64, forms + 1: where each form's units start in form_units
    form_units: np.ndarray  # int32
    form_rare: np.ndarray  # bool along form_units: a rare position at build time
    form_spaces: np.ndarray  # int16 code of each form's space (spaces), its scheme (schemes), derived or not
    form_schemes: np.ndarray
    form_derived: np.ndarray
    key_hashes: np.ndarray  # uint64 sorted; key_units along it: the unit looking that key up
    key_units: np.ndarray
    key_credits: np.ndarray  # float32 along it: the ranking credit of the key's kind (index._KEY_CREDIT)
    rare_starts: np.ndarray  # int64, units + 1: each unit's forms where it stands at a rare position
    rare_forms: np.ndarray
    rare_unit_starts: np.ndarray  # int64, along rare_forms + 1: the run of each one's units in rare_units
    rare_units: np.ndarray  # int32: the units of each form of rare_forms, again, beside one another
    all_starts: np.ndarray  # int64, units + 1: every form each unit stands in
    all_forms: np.ndarray
    joined_hashes: np.ndarray  # uint64 sorted: "l:" + tokens i and i+1 of a Latin form
    joined_forms: np.ndarray  # int32 along it
    joined_positions: np.ndarray  # int8: i

    _ARRAYS = ("customer_schemas", "unit_weights", "form_customer", "form_starts", "form_units", "form_rare",
               "form_spaces", "form_schemes", "form_derived",
               "key_hashes", "key_units", "key_credits", "rare_starts", "rare_forms", "rare_unit_starts",
               "rare_units", "all_starts", "all_forms",
               "joined_hashes", "joined_forms", "joined_positions")

    @property
    def form_count(self) -> int:
        return len(self.form_customer)

    def to_bytes(self) -> bytes:
        """The meta (with its length first), then each array, each starting at a multiple of 8 bytes."""
        chunks, arrays, offset = [], [], 0
        named = {name: getattr(self, name) for name in self._ARRAYS}
        named.update(customer_id_text=self.customer_ids.text, customer_id_ends=self.customer_ids.ends,
                     customer_name_text=self.customer_names.text, customer_name_ends=self.customer_names.ends)
        for name, array in named.items():
            data = np.ascontiguousarray(array).tobytes()
            arrays.append((name, str(array.dtype), offset, len(array)))
            chunks.append(data + bytes(-len(data) % 8))
            offset += len(chunks[-1])
        meta = msgspec.msgpack.encode(_Meta(self.key, self.list_forms, self.space_tokens, self.unit_tokens,
                                            self.unit_keys, self.spaces, self.schemes, arrays))
        padding = bytes(-(_LENGTH.size + len(meta)) % 8)  # the arrays start at a multiple of 8 bytes
        return b"".join([_LENGTH.pack(len(meta)), meta, padding, *chunks])

    @classmethod
    def from_buffer(cls, buffer: memoryview) -> CustomerIndex:
        """The index over `buffer` (as to_bytes wrote it): its arrays are views of it, not copies."""
        (size,) = _LENGTH.unpack(buffer[: _LENGTH.size])
        meta = msgspec.msgpack.decode(buffer[_LENGTH.size : _LENGTH.size + size], type=_Meta)
        base = _LENGTH.size + size + (-(_LENGTH.size + size) % 8)
        arrays = {name: np.frombuffer(buffer, dtype=dtype, count=length, offset=base + offset)
                  for name, dtype, offset, length in meta.arrays}
        ids = Texts(arrays.pop("customer_id_text"), arrays.pop("customer_id_ends"))
        names = Texts(arrays.pop("customer_name_text"), arrays.pop("customer_name_ends"))
        return cls(key=meta.key, list_forms=meta.list_forms, customer_ids=ids, customer_names=names,
                   space_tokens=meta.space_tokens,
                   unit_tokens=meta.unit_tokens, unit_keys=meta.unit_keys, spaces=meta.spaces, schemes=meta.schemes,
                   **arrays)

    def first_forms(self, rows: np.ndarray) -> np.ndarray:
        """Where each given customer row's forms begin along form_customer (which rises, forms being added
        customer by customer). The rows are cast to its dtype first: searching with another dtype makes
        numpy convert the whole array, two million entries, on every call."""
        return np.searchsorted(self.form_customer, rows.astype(self.form_customer.dtype, copy=False))

    def leading_units(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first two units of each customer's first query form (-1 where there is none): customers of
        one name have the same, and so sort together before their names are read."""
        first = np.minimum(self.first_forms(rows), max(self.form_count - 1, 0))  # a customer without forms: any will do
        start = self.form_starts[first]
        length = self.form_starts[first + 1] - start
        at = np.minimum(start + 1, len(self.form_units) - 1)
        return self.form_units[start], np.where(length > 1, self.form_units[at], -1)

    def schema(self, row: int) -> Schema | None:
        """The schema the customer at `row` is screened as (its query's)."""
        code = int(self.customer_schemas[row])
        return None if code < 0 else _SCHEMAS[code]

    def query_forms(self, row: int) -> tuple[NameForm, ...]:
        """The query forms of the customer at `row`, as forms.query_forms gave them at build time, in their
        order: a delta screens its customers on them without computing readings (nor loading the tables)."""
        first, end = self.first_forms(np.asarray([row, row + 1])).tolist()
        starts = self.form_starts[first : end + 1].tolist()  # Python ints: numpy scalars are slow to index with
        units = self.form_units[starts[0] : starts[-1]].tolist()
        tokens, keys = [self.unit_tokens[u] for u in units], [self.unit_keys[u] for u in units]
        spaces, schemes = self.form_spaces[first:end].tolist(), self.form_schemes[first:end].tolist()
        derived = self.form_derived[first:end].tolist()
        forms = []
        for form in range(end - first):
            run = slice(starts[form] - starts[0], starts[form + 1] - starts[0])
            forms.append(NameForm(tuple(tokens[run]), tuple(keys[run]), self.spaces[spaces[form]],
                                  self.schemes[schemes[form]], derived[form]))
        return tuple(forms)


def _ragged(owners: np.ndarray, values: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """(starts, values sorted by owner): the run of each owner 0..count-1, values in rising order."""
    order = np.lexsort((values, owners))
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owners, minlength=count), out=starts[1:])
    return starts, values[order].astype(np.int32)


# -- building -------------------------------------------------------------------------------------


_FormTuple = tuple[str, bool, tuple[str, ...], tuple[str, ...], str]  # space, derived, tokens, keys, scheme


def _forms_of(job: tuple[str, bool]) -> tuple[_FormTuple, ...]:
    name, person = job
    return tuple((f.space, f.derived, f.tokens, f.keys, f.scheme) for f in query_forms(name, person=person))


def _all_forms(jobs: list[tuple[str, bool]], workers: int) -> list[tuple[_FormTuple, ...]]:
    """query_forms of every distinct name, over `workers` forked processes (the costly part of a build)."""
    if workers <= 1 or len(jobs) < 20_000 or "fork" not in multiprocessing.get_all_start_methods():
        return [_forms_of(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_forms_of, jobs, chunksize=2_000)


class _Builder:
    def __init__(self, weights: NameIndex) -> None:
        self.list_index = weights
        self.unit_ids: dict[tuple[str, bool, str, str], int] = {}
        self.unit_weights: list[float] = []
        self.form_customer: list[int] = []
        self.form_lengths: list[int] = []
        self.form_units: list[int] = []
        self.form_rare: list[bool] = []
        self.codes: dict[str, dict[str, int]] = {"space": {}, "scheme": {}}  # a code for each distinct value
        self.form_codes: dict[str, list[int]] = {"space": [], "scheme": []}
        self.form_derived: list[bool] = []
        self.joined: list[tuple[int, int, int]] = []  # (hash, form, position)

    def unit(self, space: str, derived: bool, token: str, key: str) -> int:
        ident = (space, derived, token, key)
        known = self.unit_ids.get(ident)
        if known is None:
            known = self.unit_ids[ident] = len(self.unit_ids)
            self.unit_weights.append(self.list_index.token_weight(space, token))
        return known

    def add_form(self, customer: int, form: _FormTuple) -> None:
        space, derived, tokens, keys, scheme = form
        form_id = len(self.form_customer)
        for kind, value in (("space", space), ("scheme", scheme)):
            codes = self.codes[kind]
            self.form_codes[kind].append(codes.setdefault(value, len(codes)))
        self.form_derived.append(derived)
        units = [self.unit(space, derived, token, key) for token, key in zip(tokens, keys, strict=True)]
        weights = [self.unit_weights[u] for u in units]
        self.form_customer.append(customer)
        self.form_lengths.append(len(units))
        self.form_units.extend(units)
        self.form_rare.extend(rare_positions(weights))
        if space == LATIN and len(tokens) > 1:
            for i in range(len(tokens) - 1):
                self.joined.append((key_hash("l:" + tokens[i] + tokens[i + 1]), form_id, i))


def rare_positions(weights: list[float]) -> list[bool]:
    """Which positions must be shared for a form to be a forward candidate: the rarest, until the others
    weigh less than the needed share (less RARE_MARGIN of the total, for weights that move a little)."""
    total = sum(weights)
    needed = MIN_HIT_SHARE * (total or 1.0)
    rare = [False] * len(weights)
    remaining = total
    for position in sorted(range(len(weights)), key=lambda i: -weights[i]):
        if remaining < needed - RARE_MARGIN * total:
            break
        rare[position] = True
        remaining -= weights[position]
    return rare


def build_index(key: str, list_index: NameIndex, customers: Iterable[Customer], workers: int = 2) -> CustomerIndex:
    ids: list[str] = []
    names: list[str] = []
    schemas: list[int] = []
    jobs: list[tuple[str, bool]] = []
    for customer in customers:
        try:
            query = customer_query(customer)
        except QueryError:
            continue  # a name with no letters: it cannot match, forward either
        ids.append(customer.id)
        names.append(query.name)
        schemas.append(-1 if query.schema is None else _SCHEMA_CODES[query.schema])
        jobs.append((query.name, query.schema is Schema.PERSON))
    distinct = list(dict.fromkeys(jobs))
    forms = dict(zip(distinct, _all_forms(distinct, workers), strict=True))
    builder = _Builder(list_index)
    for row, job in enumerate(jobs):
        for form in forms[job]:
            builder.add_form(row, form)
    return _assemble(key, list_index, (ids, names, schemas), builder)


def _assemble(key: str, list_index: NameIndex, customers: tuple[list[str], list[str], list[int]],
              builder: _Builder) -> CustomerIndex:
    """The index's arrays from the builder's lists; `customers`: the id, name and schema code of each row."""
    ids, names, schemas = customers
    unit_count = len(builder.unit_ids)
    form_units = np.asarray(builder.form_units, dtype=np.int32)
    form_rare = np.asarray(builder.form_rare, dtype=bool)
    lengths = np.asarray(builder.form_lengths, dtype=np.int64)
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    owner = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    rare_starts, rare_forms = _ragged(form_units[form_rare], owner[form_rare], unit_count)
    rare_lengths = lengths[rare_forms]
    rare_unit_starts = np.zeros(len(rare_forms) + 1, dtype=np.int64)
    np.cumsum(rare_lengths, out=rare_unit_starts[1:])
    rare_units = form_units[_runs_between(starts[rare_forms], starts[rare_forms + 1])]
    all_starts, all_forms = _ragged(form_units, owner, unit_count)
    key_pairs = sorted((key_hash(k), unit, _CREDIT[k[:2]])
                       for (space, derived, token, phonetic), unit in builder.unit_ids.items()
                       for k in {k for _, k in _token_keys(space, derived, token, phonetic)})
    joined = sorted(builder.joined)
    space_tokens = [token if space == LATIN else f"{space}:{token}" for space, _, token, _ in builder.unit_ids]
    return CustomerIndex(
        key=key, list_forms=len(list_index.forms), customer_ids=Texts.of(ids), customer_names=Texts.of(names),
        space_tokens=space_tokens,
        unit_tokens=[token for _, _, token, _ in builder.unit_ids], unit_keys=[k for _, _, _, k in builder.unit_ids],
        spaces=list(builder.codes["space"]), schemes=list(builder.codes["scheme"]),
        form_spaces=np.asarray(builder.form_codes["space"], dtype=np.int16),
        form_schemes=np.asarray(builder.form_codes["scheme"], dtype=np.int16),
        form_derived=np.asarray(builder.form_derived, dtype=bool),
        customer_schemas=np.asarray(schemas, dtype=np.int8),
        unit_weights=np.asarray(builder.unit_weights, dtype=np.float32),
        form_customer=np.asarray(builder.form_customer, dtype=np.int32), form_starts=starts,
        form_units=form_units, form_rare=form_rare,
        key_hashes=np.asarray([h for h, _, _ in key_pairs], dtype=np.uint64),
        key_units=np.asarray([u for _, u, _ in key_pairs], dtype=np.int32),
        key_credits=np.asarray([c for _, _, c in key_pairs], dtype=np.float32),
        rare_starts=rare_starts, rare_forms=rare_forms, rare_unit_starts=rare_unit_starts, rare_units=rare_units,
        all_starts=all_starts, all_forms=all_forms,
        joined_hashes=np.asarray([h for h, _, _ in joined], dtype=np.uint64),
        joined_forms=np.asarray([f for _, f, _ in joined], dtype=np.int32),
        joined_positions=np.asarray([p for _, _, p in joined], dtype=np.int8),
    )


# -- keeping it beside the store ------------------------------------------------------------------


def index_path(store: Store) -> Path | None:
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(f"{url.database}.customers.index")


def save(path: Path, index: CustomerIndex) -> None:
    """Written to a temporary file and renamed into place; readable by the store's owner only (names)."""
    payload = index.to_bytes()
    header = msgspec.msgpack.encode([FORMAT, index.key, len(payload), zlib.crc32(payload)])
    temporary = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", delete=False) as out:
            temporary = Path(out.name)
            os.chmod(temporary, 0o600)
            out.write(_MAGIC + _LENGTH.pack(len(header)) + header + bytes(_header_padding(len(header))) + payload)
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("could not keep the customer index in %s (%s)", path, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _header_padding(size: int) -> int:
    """Bytes after a header of `size` bytes, so that the index, and so each of its arrays, starts at a
    multiple of 8 bytes in the file, as numpy wants them."""
    return -(len(_MAGIC) + _LENGTH.size + size) % 8


def load(path: Path, key: str) -> CustomerIndex | None:
    """The index kept under `key`, or None (absent, stale, or unreadable: then with a warning). The file is
    mapped, not read: its arrays are paged in as retrieval touches them, and shared with forked workers.
    (save replaces the file, never writes into it: a mapped index stays whole.)"""
    try:
        with path.open("rb") as file:
            if file.read(len(_MAGIC)) != _MAGIC:
                raise ValueError("not a customer index file")
            (size,) = _LENGTH.unpack(file.read(_LENGTH.size))
            if not 0 < size <= 4096:
                raise ValueError("damaged header")
            fmt, kept_key, length, checksum = msgspec.msgpack.decode(file.read(size))
            if fmt != FORMAT or kept_key != key:
                return None
            start = len(_MAGIC) + _LENGTH.size + size + _header_padding(size)
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        payload = memoryview(mapped)[start:]
        if len(payload) != length or zlib.crc32(payload) != checksum:
            raise ValueError("truncated or damaged")
        return CustomerIndex.from_buffer(payload)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, struct.error, msgspec.DecodeError) as exc:
        log.warning("ignoring the kept customer index %s (%s): building it again", path, exc)
        return None


def customer_index(store: Store, list_index: NameIndex, *, workers: int = 2) -> CustomerIndex:
    """The index over the current customers: the kept one when it is current, else built and kept."""
    key = index_key(store)
    path = index_path(store)
    index = load(path, key) if path else None
    if index is None:
        index = build_index(key, list_index, current_customers(store), workers)
        if path:
            save(path, index)
    return index


def weights_now(index: CustomerIndex, list_index: NameIndex) -> np.ndarray:
    """The rarity weight of every unit in the list index in force (float64), as NameIndex.token_weight
    computes it, for all units at once."""
    frequency = list_index.document_frequency
    counts = np.fromiter(map(frequency.get, index.space_tokens, itertools.repeat(0)), dtype=np.float64,
                         count=len(index.space_tokens))  # get(token, 0) called from C, not from a generator
    total, reference = _idf_scale(len(list_index.forms), list_index.weights)
    weights: np.ndarray = np.clip(np.log(total / (counts + 1)) / reference, list_index.weights.min_token_weight, 1.0)
    return weights


def form_sums(index: CustomerIndex, values: np.ndarray) -> np.ndarray:
    """The sum of `values` (one per position along form_units) over each form."""
    sums = np.add.reduceat(values, index.form_starts[:-1]) if len(values) else np.zeros(0)
    sums[np.diff(index.form_starts) == 0] = 0.0  # reduceat gives an empty run its next value
    return sums


# -- retrieval ------------------------------------------------------------------------------------


_TOLERANCE = 1e-4  # far above float32 rounding of the forward shares: a bound, never a cut


class Retrieval:
    """The customers that could match given listed forms forward, under the list index in force."""

    def __init__(self, index: CustomerIndex, list_index: NameIndex) -> None:
        self.index = index
        weights = self._unit_weights = weights_now(index, list_index)
        position_weights = weights[index.form_units]
        form_weights = form_sums(index, position_weights)
        self.needed = MIN_HIT_SHARE * np.where(form_weights > 0, form_weights, 1.0) - _TOLERANCE
        self._posting_needed = self.needed[index.rare_forms]
        # Forms whose rare positions no longer cover the needed share under today's weights: any of their
        # positions may then be the one shared, so all are looked at.
        others = form_sums(index, np.where(index.form_rare, 0.0, position_weights))
        self.drifted = others >= self.needed
        self.drifted_count = int(self.drifted.sum())
        self._unit_share = np.zeros(len(weights), dtype=np.float64)  # see forms: set and cleared there

    def forms(self, form: NameForm, schema: Schema) -> np.ndarray:
        """The customer query forms (ids along index.form_customer, sorted) that could have this listed form
        (of an entry of this schema) among their forward candidates."""
        index = self.index
        hashes = np.asarray(sorted({key_hash(k) for k in _listed_keys(form)}), dtype=np.uint64)
        matched = _runs(index.key_hashes, hashes)
        units, credits = _best_credit(index.key_units[matched], index.key_credits[matched])
        joined = _runs(index.joined_hashes, hashes)
        # the share each unit brings at its best key's credit: a table over all units, no search
        self._unit_share[units] = credits * self._unit_weights[units]
        try:
            found = [self._rare_found(units)]
            others = [index.joined_forms[joined]]
            if self.drifted_count:
                every = _gather(index.all_starts, index.all_forms, units)
                others.append(every[self.drifted[every]])
            checked = np.unique(np.concatenate(others))
            if len(checked):
                found.append(checked[self._shares(checked, joined) >= self.needed[checked]])
        finally:
            self._unit_share[units] = 0.0
        kept = np.unique(np.concatenate(found))
        customer_schemas = index.customer_schemas[index.form_customer[kept]]
        of_schema: np.ndarray = kept[(customer_schemas < 0) | (customer_schemas == _SCHEMA_CODES[schema])]
        return of_schema

    def positions(self, forms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(customer row, position among the customer's query forms) of each given query form."""
        rows = self.index.form_customer[forms]  # it rises: forms are added customer by customer, in order
        return rows, forms - self.index.first_forms(rows)

    def _rare_found(self, units: np.ndarray) -> np.ndarray:
        """The forms where a unit met stands at a rare position and whose share reaches the needed (a form
        found through two units comes twice). A common name's unit stands in tens of thousands of forms:
        each posting carries its form's units (rare_units), so that their shares are summed over runs of
        memory, not looked up form by form across the whole index."""
        index = self.index
        lo, hi = index.rare_starts[units], index.rare_starts[units + 1]
        postings = _runs_between(lo, hi)
        if not len(postings):
            return index.rare_forms[:0]
        first, last = index.rare_unit_starts[lo], index.rare_unit_starts[hi]
        shares = self._unit_share[index.rare_units[_runs_between(first, last)]]
        # each posting's run in `shares`: where it lies in its unit's block, after the blocks before it
        block_start = np.cumsum(last - first) - (last - first)
        starts = index.rare_unit_starts[postings] - np.repeat(first - block_start, hi - lo)
        sums = np.add.reduceat(shares, starts)
        found: np.ndarray = index.rare_forms[postings[sums >= self._posting_needed[postings]]]
        return found

    def _shares(self, forms: np.ndarray, joined: np.ndarray) -> np.ndarray:
        """The share of each of the given forms (sorted) that the keys met, a joined key crediting both its
        tokens in full (index.NameIndex._token_hits): for the few forms found otherwise than by rare_found."""
        index = self.index
        starts, ends = index.form_starts[forms], index.form_starts[forms + 1]
        owner = np.repeat(np.arange(len(forms)), ends - starts)
        flat = _runs_between(starts, ends)
        units = index.form_units[flat]
        share = self._unit_share[units]
        if len(joined):
            left = index.form_starts[index.joined_forms[joined]] + index.joined_positions[joined].astype(np.int64)
            at = np.searchsorted(flat, left)  # flat rises: the forms are sorted, their positions in order
            for both in (at, at + 1):
                share[both] = self._unit_weights[units[both]]
        return np.bincount(owner, weights=share, minlength=len(forms))


def _best_credit(units: np.ndarray, credits: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct units, the best credit each has among the matched keys)."""
    if not len(units):
        return units, credits.astype(np.float64)
    order = np.lexsort((-credits, units))
    units, credits = units[order], credits[order]
    first = np.ones(len(units), dtype=bool)
    first[1:] = units[1:] != units[:-1]
    return units[first], credits[first].astype(np.float64)


def _listed_keys(form: NameForm) -> set[str]:
    """The keys a listed form is posted under in the list index: its own and its skeleton's."""
    keys = {k for _, k in form_keys(form)}
    skeleton = skeleton_of(form)
    if skeleton is not None:
        keys.update(k for _, k in form_keys(skeleton))
    return keys


def _gather(starts: np.ndarray, values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The values of the given rows of a ragged array (row r: values[starts[r]:starts[r + 1]])."""
    gathered: np.ndarray = values[_runs_between(starts[rows], starts[rows + 1])]
    return gathered


def _runs(sorted_hashes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Positions in `sorted_hashes` of every entry equal to one of `wanted`."""
    return _runs_between(np.searchsorted(sorted_hashes, wanted, side="left"),
                         np.searchsorted(sorted_hashes, wanted, side="right"))


def _runs_between(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    counts = hi - lo
    ends = np.cumsum(counts)
    positions: np.ndarray = np.arange(ends[-1] if len(ends) else 0, dtype=np.int64)
    positions += np.repeat(lo - (ends - counts), counts)
    return positions
