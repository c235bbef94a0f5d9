"""What every list reader shares: the files it reads, its report, its base class.

A reader gets `SourceFile`s (already unpacked from a zip or gzip by
`sources.files`), yields `Entity` objects one at a time, and records in its
`ReadReport` what it learnt along the way: the source key, the publication
date, warnings, and how far through the bytes it is (for progress bars).
"""

from __future__ import annotations

import io
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, ClassVar

from hoarfrost.model import Entity

ProgressCallback = Callable[[int], None]  # called with the number of bytes just read


@dataclass(frozen=True)
class SourceFile:
    """One file of a list, as a name and a way to open its (unpacked) bytes."""

    name: str  # shown in messages: "lists/sdn.csv" or "CONS_ENHANCED.ZIP!CONS_ENHANCED.XML"
    size: int  # unpacked size in bytes, for progress
    opener: Callable[[], IO[bytes]]

    def open(self) -> IO[bytes]:
        return self.opener()

    def head(self, size: int = 65536) -> bytes:
        with self.open() as stream:
            return stream.read(size)

    @property
    def basename(self) -> str:
        return self.name.replace("!", "/").rsplit("/", 1)[-1].lower()


@dataclass
class ReadReport:
    """What a reader learns while it reads: filled in as entities stream out."""

    source: str | None = None
    published: str | None = None  # ISO date (or date-time) the publisher gives
    partial: bool = False  # a filtered export (e.g. OFAC by programme): never the current full list
    warnings: Counter[str] = field(default_factory=Counter)
    progress: ProgressCallback | None = None

    def warn(self, message: str, count: int = 1) -> None:
        """Count a recoverable problem; equal messages are counted, not repeated."""
        self.warnings[message] += count

    def advance(self, nbytes: int) -> None:
        if self.progress is not None and nbytes:
            self.progress(nbytes)


class ListReader(ABC):
    """A reader for one publisher format.

    Subclasses set `format` (the name `--format` takes), `source` (the list key
    when the format always carries one list) and `title`, and implement
    `sniff` (does this look like my format?) and `entities`.
    """

    format: ClassVar[str]
    source: ClassVar[str | None] = None
    title: ClassVar[str]

    def __init__(self, files: Sequence[SourceFile], report: ReadReport) -> None:
        self.files = list(files)
        self.report = report
        if report.source is None:
            report.source = self.source

    @classmethod
    @abstractmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        """True when `head` (the first 64 KiB) looks like this format."""

    @abstractmethod
    def entities(self) -> Iterator[Entity]:
        """Stream the entities of the list; raise `ListFileError` on broken input."""

    def open_counted(self, file: SourceFile) -> IO[bytes]:
        """Open a file so that reading it advances the report's progress."""
        return io.BufferedReader(CountingReader(file.open(), self.report.advance))


class CountingReader(io.RawIOBase):
    """A read-only stream that reports how many bytes pass through it."""

    def __init__(self, inner: IO[bytes], on_read: ProgressCallback) -> None:
        self._inner = inner
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self._on_read(size)
        return size

    def close(self) -> None:
        self._inner.close()
        super().close()


def text_of(value: str | None) -> str | None:
    """A cleaned text value: stripped, inner whitespace folded, None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
