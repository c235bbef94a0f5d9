"""Turning the paths a user gives into `SourceFile`s, and hashing their content.

A folder is read as its files; a zip as its members; a `.gz` as its
decompressed bytes. Archives are checked for bombs before anything is read:
lists are at most tens of megabytes, so a member that unpacks past 2 GiB or
100 times its packed size is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from hoarfrost.errors import HostileInputError, ListFileError
from hoarfrost.sources.base import SourceFile

MAX_UNPACKED = 2 << 30
MAX_RATIO = 100
_IGNORED = {".md", ".txt", ".json.meta", ".pdf", ".html~"}


def list_files(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """The files the paths name: (file, named explicitly rather than found in a folder)."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if not path.exists():
            raise ListFileError(str(path), "no such file or folder")
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            if not children:
                raise ListFileError(str(path), "the folder holds no files")
            found.extend((child, False) for child in children)
        else:
            found.append((path, True))
    return found


def expand_file(path: Path) -> list[SourceFile]:
    """A file as SourceFiles: itself, its zip members, or its gunzipped bytes."""
    return _expand_file(path)


def _expand_file(path: Path) -> list[SourceFile]:
    with path.open("rb") as stream:
        magic = stream.read(4)
    if magic == b"PK\x03\x04" and path.suffix.lower() == ".zip":
        return _zip_members(path)
    if magic[:2] == b"\x1f\x8b":
        return [_gzip_file(path)]
    return [SourceFile(str(path), path.stat().st_size, lambda: path.open("rb"))]


def _zip_members(path: Path) -> list[SourceFile]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ListFileError(str(path), f"not a readable zip archive: {exc}") from None
    members = []
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_UNPACKED or info.file_size > MAX_RATIO * max(info.compress_size, 1 << 16):
                raise HostileInputError(f"{path}!{info.filename}", "unpacks far beyond any list; refused")
            members.append(SourceFile(f"{path}!{info.filename}", info.file_size, _zip_opener(path, info.filename)))
    return members


def _zip_opener(path: Path, member: str):  # type: ignore[no-untyped-def]
    def open_member() -> IO[bytes]:
        archive = zipfile.ZipFile(path)
        return archive.open(member)

    return open_member


def _open_gzip(path: Path) -> IO[bytes]:
    return _BoundedGzip(path)  # type: ignore[return-value]


def _gzip_file(path: Path) -> SourceFile:
    packed = path.stat().st_size
    with path.open("rb") as stream:
        stream.seek(-4, 2)
        unpacked = struct.unpack("<I", stream.read(4))[0]  # size mod 2**32, good enough for progress
    name = str(path)
    return SourceFile(name[:-3] if name.endswith(".gz") else name, max(unpacked, packed), lambda: _open_gzip(path))


class _BoundedGzip(gzip.GzipFile):
    """A gzip stream that stops a bomb: refuses to unpack past MAX_UNPACKED."""

    def __init__(self, path: Path) -> None:
        super().__init__(filename=str(path), mode="rb")
        self._unpacked = 0
        self._path = path

    def read(self, size: int | None = -1) -> bytes:
        try:
            data = super().read(size)
        except (OSError, EOFError) as exc:
            raise ListFileError(str(self._path), f"broken gzip data: {exc}") from None
        self._unpacked += len(data)
        if self._unpacked > MAX_UNPACKED:
            raise HostileInputError(str(self._path), "unpacks far beyond any list; refused")
        return data


def content_hash(files: Iterable[Path]) -> str:
    """SHA-256 over the raw bytes of the given files, independent of order and names."""
    digests = []
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        digests.append(digest.hexdigest())
    return hashlib.sha256("".join(sorted(digests)).encode()).hexdigest()
