"""Keeping the transliteration readings of list names between runs.

Reading the names of every list costs seconds: a few thousand Han, Cyrillic and Arabic names (and
loading the pinyin and Jyutping tables), and tens of thousands of Latin names, each tried as a
Chinese name in Wade-Giles. Their readings only change when the code or its libraries do. They are
kept in the store, keyed by a version made from the source of `hoarfrost.names` and the versions of
the libraries it uses, so a stale reading can never be used. (The built index itself is kept beside
the store, matching/index_cache.py: the readings spare the build when a new snapshot comes in.)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import msgspec

from hoarfrost import names
from hoarfrost.names.readings import Reading

_LIBRARIES = ("opencc", "pypinyin", "tojyutping", "iuliia", "pykakasi", "korean-romanizer", "anyascii", "rigour")
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(list[tuple[list[str], str, str]])


@lru_cache(maxsize=1)
def readings_version() -> str:
    digest = hashlib.sha256()
    for source in sorted(Path(names.__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=absent".encode())
    return digest.hexdigest()[:16]


def encode_readings(readings: tuple[Reading, ...]) -> bytes:
    return _ENCODER.encode([(list(r.tokens), r.scheme, r.space) for r in readings])


def decode_readings(data: bytes) -> tuple[Reading, ...]:
    return tuple(Reading(tuple(tokens), scheme, space) for tokens, scheme, space in _DECODER.decode(data))
