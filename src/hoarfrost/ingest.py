"""Getting lists into the store: load files, discover lists in a folder, update from publishers.

`load_list` is the one way a snapshot is written: content hash first (the same
bytes twice are a no-op), then the reader streams into one store transaction.
`update` fetches each official list from its publisher and, where a publisher
cannot be reached, falls back to local copies, saying which it used.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import Connection

from hoarfrost.cases import audit
from hoarfrost.catalog import BY_KEY, OFFICIAL_LISTS, OfficialList
from hoarfrost.config import Settings
from hoarfrost.errors import DownloadError, HoarfrostError, ListFileError
from hoarfrost.model import Entity
from hoarfrost.sources.base import ListReader, ProgressCallback, ReadReport
from hoarfrost.sources.files import content_hash, expand_file, list_files
from hoarfrost.sources.registry import MULTI_FILE_FORMATS, detect_format, open_list
from hoarfrost.store import SnapshotInfo, Store
from hoarfrost.store.store import SnapshotDraft

StartCallback = Callable[[str, int], None]  # (what is being loaded, total bytes)
LogCallback = Callable[[str], None]


@dataclass(frozen=True)
class LoadOutcome:
    snapshot: SnapshotInfo
    created: bool  # False when the same content was already loaded


@dataclass
class UpdateOutcome:
    loaded: list[LoadOutcome] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per list that could not be loaded
    origin: dict[str, str] = field(default_factory=dict)  # list key -> URL or local path used


def load_list(
    store: Store,
    paths: Sequence[Path],
    *,
    format: str | None = None,
    on_start: StartCallback | None = None,
    progress: ProgressCallback | None = None,
    actor: str = "system",
) -> LoadOutcome:
    """Load the files as one snapshot of one list; a no-op when the content is already stored.
    A new snapshot and its audit record ("list.load", by `actor`) commit together."""
    digest = content_hash(path for path, _ in list_files(paths))
    existing = store.snapshot_by_hash(digest)
    if existing is not None:
        return LoadOutcome(existing, created=False)
    report = ReadReport(progress=progress)
    reader = open_list(paths, report, format)
    if on_start is not None:
        on_start(", ".join(str(p) for p in paths), sum(f.size for f in reader.files))
    draft = SnapshotDraft(reader.format, digest, tuple(str(p) for p in paths))
    snapshot = store.write_snapshot(draft, _guarded(reader), report, on_written=_audited(actor))
    return LoadOutcome(snapshot, created=True)


def _audited(actor: str) -> Callable[[Connection, SnapshotInfo], None]:
    def record(conn: Connection, info: SnapshotInfo) -> None:
        audit.append(conn, actor=actor, action="list.load", subject=f"list:{info.source}", detail={
            "snapshot_id": info.id, "source": info.source, "format": info.format, "content_hash": info.content_hash,
            "published": info.published, "partial": info.partial, "entities": info.entity_count,
            "names": info.name_count, "files": [Path(f).name for f in info.files]})
    return record


def _guarded(reader: ListReader) -> Iterator[Entity]:
    """The reader's entities, with an unexpected exception turned into a one-line error."""
    try:
        yield from reader.entities()
    except HoarfrostError:
        raise
    except Exception as exc:  # a reader bug or input no reader foresaw: still no traceback for the user
        if os.environ.get("HOARFROST_DEBUG"):
            raise
        names = ", ".join(f.name for f in reader.files)
        raise ListFileError(names, f"could not be read as {reader.format} ({type(exc).__name__}: {exc})") from exc


def discover_lists(folder: Path, formats: set[str] | None = None) -> list[list[Path]]:
    """Groups of files under `folder` that each form one list snapshot, in path order.

    A multi-file format (the OFAC CSV set) is one group per folder; any other
    list file is a group of its own. Files no reader knows are passed over.
    """
    singles: list[list[Path]] = []
    sets: dict[tuple[Path, str], list[Path]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        reader = _detect(path)
        if reader is None or (formats is not None and reader.format not in formats):
            continue
        if reader.format in MULTI_FILE_FORMATS:
            sets.setdefault((path.parent, reader.format), []).append(path)
        else:
            singles.append([path])
    groups = singles + list(sets.values())
    return sorted(groups, key=lambda group: str(group[0]))


def _detect(path: Path) -> type[ListReader] | None:
    try:
        files = expand_file(path)
    except HoarfrostError:
        return None
    return detect_format(files[0]) if files else None


def load_folder(
    store: Store, folder: Path, *, formats: set[str] | None = None, log: LogCallback | None = None,
    actor: str = "system", **callbacks: object
) -> UpdateOutcome:
    """Load every list found under a folder, each group as its own snapshot; errors are collected."""
    outcome = UpdateOutcome()
    for group in discover_lists(folder, formats):
        try:
            result = load_list(store, group, actor=actor, **callbacks)  # type: ignore[arg-type]
        except HoarfrostError as exc:
            outcome.failed.append(str(exc))
            if log:
                log(f"could not load {', '.join(map(str, group))}: {exc}")
            continue
        outcome.loaded.append(result)
        outcome.origin[result.snapshot.source] = str(group[0].parent)  # the last load is the one in force
    return outcome


def update(
    store: Store, settings: Settings, *, from_dir: Path | None = None, log: LogCallback | None = None,
    actor: str = "system", **callbacks: object,
) -> UpdateOutcome:
    """Fetch each official list from its publisher; use local copies where that fails."""
    wanted = [BY_KEY[key] for key in settings.sources if key in BY_KEY] or list(OFFICIAL_LISTS)
    if from_dir is not None:
        if not from_dir.is_dir():
            raise ListFileError(str(from_dir), "no such folder")
        official = {fmt for entry in wanted for fmt in entry.formats}
        return load_folder(store, from_dir, formats=official, log=log, actor=actor, **callbacks)
    outcome = UpdateOutcome()
    unreachable: list[OfficialList] = []
    for entry in wanted:
        try:
            with tempfile.TemporaryDirectory(prefix="hoarfrost-") as tmp:
                paths = [_download(url, Path(tmp), entry, settings) for url in _urls(entry, settings)]
                result = load_list(store, paths, actor=actor, **callbacks)  # type: ignore[arg-type]
        except DownloadError as exc:
            unreachable.append(entry)
            if log:
                log(f"{entry.key}: publisher unreachable ({exc})")
            continue
        except HoarfrostError as exc:
            outcome.failed.append(f"{entry.key}: {exc}")
            continue
        outcome.loaded.append(result)
        outcome.origin[entry.key] = _urls(entry, settings)[0]
    if unreachable:
        _load_local_copies(store, settings, unreachable, outcome, log, actor, callbacks)
    return outcome


def _load_local_copies(
    store: Store, settings: Settings, entries: list[OfficialList], outcome: UpdateOutcome,
    log: LogCallback | None, actor: str, callbacks: dict[str, object],
) -> None:
    folder = local_lists_dir(settings)
    if folder is None:
        outcome.failed.extend(f"{e.key}: publisher unreachable and no local copies (set HOARFROST_LISTS_DIR)"
                              for e in entries)
        return
    if log:
        log(f"using local copies in {folder} for: {', '.join(e.key for e in entries)}")
    formats = {fmt for entry in entries for fmt in entry.formats}
    local = load_folder(store, folder, formats=formats, log=log, actor=actor, **callbacks)
    outcome.loaded.extend(local.loaded)
    outcome.failed.extend(local.failed)
    for key, origin in local.origin.items():
        outcome.origin.setdefault(key, origin)


def local_lists_dir(settings: Settings) -> Path | None:
    """HOARFROST_LISTS_DIR, else ../shared/data beside the working folder or this checkout."""
    if settings.lists_dir is not None:
        return settings.lists_dir if settings.lists_dir.is_dir() else None
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _urls(entry: OfficialList, settings: Settings) -> tuple[str, ...]:
    override = settings.url_overrides.get(entry.key)
    return (override,) if override else entry.urls


def _download(url: str, folder: Path, entry: OfficialList, settings: Settings) -> Path:
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    target = folder / (name if "." in name else f"{entry.key}.xml")
    try:
        with httpx.stream("GET", url, timeout=settings.download_timeout, follow_redirects=True) as response:
            response.raise_for_status()
            with target.open("wb") as out:
                for chunk in response.iter_bytes(1 << 20):
                    out.write(chunk)
    except httpx.HTTPError as exc:
        raise DownloadError(f"{url}: {type(exc).__name__}: {exc}") from None
    return target
