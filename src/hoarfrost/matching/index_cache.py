"""Keeping the built name index in a file next to the store, so that later runs load it instead of building it.

Building the index over every list (about 40,000 entries, 120,000 name forms) means reading each entry,
reading each name in every script and making its keys: seconds of Python work that give the same result
until a list is loaded or the code changes. The file `<store>.index` keeps what the build made (the
entries, their name forms, the postings and the token frequencies) under a key made from the snapshots in
force (ids and content hashes) and a hash of the code and libraries that make forms and keys; a file under
another key is stale and is rebuilt.

The entries and their name forms are decoded one by one, when first asked for (_Kept): screening a change
of a few hundred designations touches those and a few more, and decoding all 40,000 entries and 130,000
forms took 0.4 s of every run. What is asked of all of them at once (ids, schemas, the entry of each
form) is kept beside them.

The file is loaded safely: typed msgspec decoding and raw numpy int32 bytes, no pickle, so nothing in it
can run code. A header holds the key, the payload's length and its CRC-32: a stale file is skipped
without decoding the payload, and a truncated or corrupt one is ignored with a warning and rebuilt. It is
written to a temporary file in the same folder and renamed into place, so a reader never sees half a file
(and one left short by a crash fails its checksum).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import struct
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar, overload

import msgspec
import numpy as np

from hoarfrost import matching, model, names
from hoarfrost.matching.algorithm import Weights
from hoarfrost.matching.align import person_order
from hoarfrost.matching.index import IndexedForm, NameIndex, collector_paused
from hoarfrost.model import Entity, Schema

log = logging.getLogger(__name__)

FORMAT = 3  # bump when the layout of the file changes (2: person_orders; 3: entity tables, entries one by one)
_MAGIC = b"HOARFROST-INDEX\n"
_LENGTH = struct.Struct("<Q")
_LIBRARIES = ("opencc", "pypinyin", "tojyutping", "iuliia", "pykakasi", "korean-romanizer", "anyascii", "rigour",
              "jellyfish", "rapidfuzz", "unidecode")


class _Header(msgspec.Struct, frozen=True):
    format: int
    key: str
    length: int  # bytes of the payload that follows the header
    checksum: int  # CRC-32 of the payload


E = TypeVar("E", list[Entity], msgspec.Raw)
F = TypeVar("F", list[IndexedForm], msgspec.Raw)
T = TypeVar("T")


class _Payload(msgspec.Struct, Generic[E, F], array_like=True):
    """Written with the entries and forms as lists; read back with them as written (msgspec.Raw), see _Kept."""

    entities: E  # with their snapshot ids
    entity_ids: list[str]
    entity_schemas: bytes  # int8, index._SCHEMA_CODES
    form_entities: bytes  # int32: the entry of each form
    forms: F
    vocabulary: list[str]  # posting keys, in the order of their runs in `postings`
    offsets: bytes  # int64, len(vocabulary) + 1: where the run of each key starts in `postings`
    postings: bytes  # int32 form ids
    frequency: dict[str, int]
    # (entity, name, order) of the "FAMILY, Given" names of persons: align.person_order, -1 for None. It
    # reads the family name (name_forms), which may load the transliteration tables: each screening
    # process would otherwise do so on its first such name.
    person_orders: list[tuple[int, int, int]]


_HEADER_ENCODER = msgspec.msgpack.Encoder()
_HEADER_DECODER = msgspec.msgpack.Decoder(_Header)
_PAYLOAD_DECODER = msgspec.msgpack.Decoder(_Payload[msgspec.Raw, msgspec.Raw])
_RAW_ITEMS_DECODER = msgspec.msgpack.Decoder(list[msgspec.Raw])
_ENTITY_DECODERS = msgspec.msgpack.Decoder(Entity), msgspec.msgpack.Decoder(list[Entity])  # one, all
_FORM_DECODERS = msgspec.msgpack.Decoder(IndexedForm), msgspec.msgpack.Decoder(list[IndexedForm])


class CacheUnreadable(Exception):
    """The file is truncated, corrupt or not an index file."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that makes entries, forms and keys, and of the libraries it reads names with."""
    digest = hashlib.sha256(f"format={FORMAT}".encode())
    for package in (names, matching):
        for source in sorted(Path(str(package.__file__)).parent.glob("*.py")):
            digest.update(source.name.encode() + source.read_bytes())
    digest.update(Path(model.__file__).read_bytes())
    for library in _LIBRARIES + ("numpy", "msgspec"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()[:16]


def cache_key(snapshots: Sequence[tuple[int, str]], algorithm: str) -> str:
    """The key of an index over these (snapshot id, content hash) pairs, in this order."""
    parts = [code_version(), algorithm, *(f"{snapshot_id}:{content}" for snapshot_id, content in snapshots)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# -- writing ----------------------------------------------------------------------------------------


def save(path: Path, key: str, index: NameIndex, mode: int = 0o600) -> bool:
    """Write the index to `path` atomically, readable as `mode` says (the store's own: it holds the
    store's entries); False (with a warning) when the folder refuses it."""
    payload = msgspec.msgpack.encode(_payload(index))
    header = _HEADER_ENCODER.encode(_Header(FORMAT, key, len(payload), zlib.crc32(payload)))
    temporary = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", delete=False) as out:
            temporary = Path(out.name)
            os.chmod(temporary, mode)
            out.write(_MAGIC + _LENGTH.pack(len(header)) + header)
            out.write(payload)  # no fsync: a file cut short by a crash fails its checksum and is rebuilt
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("could not keep the name index in %s (%s): it will be built again next time", path, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False
    return True


def _payload(index: NameIndex) -> _Payload[list[Entity], list[IndexedForm]]:
    vocabulary = list(index.postings)
    runs = [index.postings[key] for key in vocabulary]
    offsets = np.zeros(len(runs) + 1, dtype=np.int64)
    np.cumsum([len(run) for run in runs], out=offsets[1:])
    postings = np.concatenate(runs).astype(np.int32) if runs else np.zeros(0, dtype=np.int32)
    return _Payload(list(index.entities), index.entity_ids, index.entity_schemas.tobytes(),
                    index.form_entities.astype(np.int32).tobytes(), list(index.forms), vocabulary, offsets.tobytes(),
                    postings.tobytes(), dict(index.document_frequency), _person_orders(index))


def _person_orders(index: NameIndex) -> list[tuple[int, int, int]]:
    orders = []
    for position, entity in enumerate(index.entities):
        if entity.schema is Schema.PERSON:
            for name_position, name in enumerate(entity.names):
                if name.value.count(",") == 1:  # else person_order needs no name_forms
                    order = person_order(name.value)
                    orders.append((position, name_position, -1 if order is None else order))
    return orders


# -- reading ----------------------------------------------------------------------------------------


def load(path: Path, key: str, weights: Weights) -> NameIndex | None:
    """The index kept in `path` under `key`, or None: no file, a stale one (silently), or an unreadable
    one (with a warning); the caller then builds the index and saves it over the file."""
    try:
        with path.open("rb") as file:
            header = _read_header(file)
            if header.format != FORMAT or header.key != key:
                return None  # stale: other snapshots, other code, another layout
            payload = file.read()
        if len(payload) != header.length or zlib.crc32(payload) != header.checksum:
            raise CacheUnreadable("its length or checksum does not match: truncated or damaged")
        return _index(_PAYLOAD_DECODER.decode(payload), weights)
    except FileNotFoundError:
        return None
    except (OSError, CacheUnreadable, msgspec.DecodeError, ValueError, IndexError, OverflowError) as exc:
        log.warning("ignoring the kept name index %s (%s): building it again", path, exc)
        return None


_MAX_HEADER = 4096


def _read_header(file: BinaryIO) -> _Header:
    if file.read(len(_MAGIC)) != _MAGIC:
        raise CacheUnreadable("not a hoarfrost index file")
    size = file.read(_LENGTH.size)
    if len(size) != _LENGTH.size or not 0 < _LENGTH.unpack(size)[0] <= _MAX_HEADER:
        raise CacheUnreadable("damaged header")
    try:
        return _HEADER_DECODER.decode(file.read(_LENGTH.unpack(size)[0]))
    except msgspec.DecodeError as exc:
        raise CacheUnreadable(f"unreadable header: {exc}") from None


class _KeptPostings(Mapping[str, np.ndarray]):
    """The postings as kept, one array of form ids, each key's run cut out when it is looked up: a dict of
    a slice for each of some 300,000 keys took a tenth of a second to make at every load, and a screening
    looks up a few thousand."""

    def __init__(self, vocabulary: list[str], offsets: np.ndarray, postings: np.ndarray) -> None:
        self._run = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
        self._bounds = offsets.tolist()
        self._postings = postings

    def __getitem__(self, key: str) -> np.ndarray:
        run = self._run[key]
        return self._postings[self._bounds[run] : self._bounds[run + 1]]

    def __contains__(self, key: object) -> bool:
        return key in self._run

    def __iter__(self) -> Iterator[str]:
        return iter(self._run)

    def __len__(self) -> int:
        return len(self._run)


class _Kept(Sequence[T]):
    """Entries or forms as kept, each decoded when first asked for, then held. Going through them decodes
    all those left at once, four times faster than one by one, and then puts them out of the collector's
    reach as loading the index does (Screener.from_store). Two threads asking for the same item at once
    may both decode it: they get equal items, and one is held."""

    def __init__(self, raw: msgspec.Raw,
                 decoders: tuple[msgspec.msgpack.Decoder[T], msgspec.msgpack.Decoder[list[T]]]) -> None:
        self._raw_all = raw
        self._raw = _RAW_ITEMS_DECODER.decode(raw)  # each item's bytes, not decoded
        self._decoded: list[T | None] = [None] * len(self._raw)
        self._one, self._every = decoders

    @overload
    def __getitem__(self, position: int) -> T: ...

    @overload
    def __getitem__(self, position: slice) -> list[T]: ...

    def __getitem__(self, position: int | slice) -> T | list[T]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        held = self._decoded[position]
        if held is not None:
            return held
        item = self._decoded[position] = self._one.decode(self._raw[position])
        return item

    def __len__(self) -> int:
        return len(self._decoded)

    def __iter__(self) -> Iterator[T]:
        self.decode_all()
        return (item for item in self._decoded if item is not None)  # none is None now

    def decode_all(self) -> None:
        if None in self._decoded:
            with collector_paused():
                every = self._every.decode(self._raw_all)
                self._decoded = [held or item for held, item in zip(self._decoded, every, strict=True)]
                gc.freeze()
        # what was read is no longer needed: it holds the whole file (tens of MB) while one Raw points in it
        self._raw_all, self._raw = msgspec.Raw(), []


def decode_all(index: NameIndex) -> None:
    """Every entry and name form of a kept index decoded now, at once (see _Kept): before screening many
    names, or before forking processes that would each decode again those they meet."""
    for items in (index.entities, index.forms):
        if isinstance(items, _Kept):
            items.decode_all()


def _entity_tables(payload: _Payload[msgspec.Raw, msgspec.Raw], entities: int,
                   forms: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The entry tables of NameIndex._set_entity_tables, checked against the entries and the forms."""
    ids, schemas = payload.entity_ids, np.frombuffer(payload.entity_schemas, dtype=np.int8)
    form_entities = np.frombuffer(payload.form_entities, dtype=np.int32)
    if len(ids) != entities or len(schemas) != len(ids) or len(form_entities) != forms:
        raise CacheUnreadable("the entry tables are out of step with the entries")
    if forms and (form_entities.min() < 0 or form_entities.max() >= len(ids)):
        raise CacheUnreadable("a form names an entry that is not there")
    return ids, schemas, form_entities


def _index(payload: _Payload[msgspec.Raw, msgspec.Raw], weights: Weights) -> NameIndex:
    entities, forms = _Kept(payload.entities, _ENTITY_DECODERS), _Kept(payload.forms, _FORM_DECODERS)
    offsets = np.frombuffer(payload.offsets, dtype=np.int64)
    postings = np.frombuffer(payload.postings, dtype=np.int32).copy()  # writable, as a fresh build's are
    if (len(offsets) != len(payload.vocabulary) + 1 or offsets[0] != 0 or offsets[-1] != len(postings)
            or np.any(np.diff(offsets) <= 0)):
        raise CacheUnreadable("posting offsets out of step with the vocabulary")
    if len(postings) and (postings.min() < 0 or postings.max() >= len(forms)):
        raise CacheUnreadable("a posting names a form that is not there")
    index = NameIndex.from_parts(entities, weights, forms, _KeptPostings(payload.vocabulary, offsets, postings),
                                 Counter(payload.frequency), _entity_tables(payload, len(entities), len(forms)))
    index.person_orders.update(((position, name), None if order < 0 else order)
                               for position, name, order in payload.person_orders)
    return index
