"""The command line: parse, call the library, print. No logic of its own.

Errors the user can fix end in one line on stderr and exit code 1 (2 for
input rows that were skipped); HOARFROST_DEBUG=1 shows tracebacks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypedDict

import msgspec
import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from hoarfrost import cli_alerts, cli_audit, cli_customers, cli_keys, cli_report, cli_serve, cli_watch, ingest
from hoarfrost.cases import audit
from hoarfrost.cli_common import DbOption, JsonOption, err, fail, open_store, os_user, out, styled
from hoarfrost.config import Settings
from hoarfrost.diff import diff_lists
from hoarfrost.errors import HoarfrostError
from hoarfrost.screening import delta
from hoarfrost.screening.batch import screen_many
from hoarfrost.screening.inputs import read_queries
from hoarfrost.screening.screener import Screener, make_query
from hoarfrost.store import SnapshotInfo, Store

app = typer.Typer(help="hoarfrost: sanctions screening against the official lists.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)

class _LoadCallbacks(TypedDict):
    on_start: Callable[[str, int], None]
    progress: Callable[[int], None]


@contextmanager
def _progress() -> Iterator[_LoadCallbacks]:
    """Load callbacks that drive a Rich progress bar on stderr (hidden when not a terminal)."""
    bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=err, transient=True, disable=not err.is_terminal)
    task: list[Any] = []

    def on_start(what: str, total: int) -> None:
        if task:
            bar.remove_task(task.pop())
        task.append(bar.add_task(f"loading {Path(what.split(',')[0]).name}", total=total))

    def progress(nbytes: int) -> None:
        if task:
            bar.advance(task[0], nbytes)

    with bar:
        yield _LoadCallbacks(on_start=on_start, progress=progress)


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="List files or folders, read as one snapshot.")],
    format: Annotated[str | None, typer.Option("--format", help="Force a format instead of detecting it.")] = None,
    db: DbOption = None,
) -> None:
    """Load a list file (or the files of one list) as a new snapshot."""
    with open_store(db) as store, _progress() as callbacks:
        outcome = ingest.load_list(store, paths, format=format, actor=os_user(), **callbacks)
    _print_outcome(outcome)
    if outcome.created:
        _monitor(db)


def _print_outcome(outcome: ingest.LoadOutcome) -> None:
    info = outcome.snapshot
    verb = "loaded" if outcome.created else "already loaded (no change)"
    out.print(f"{info.source}: {verb} as snapshot {info.id}, published {info.published or 'unknown'}, "
              f"{info.entity_count:,} entities, {info.name_count:,} names", highlight=False)
    for message, count in info.warnings.items() if outcome.created else []:
        err.print(styled("yellow", "warning:", f" {info.source}: {message}" + (f" (x{count})" if count > 1 else "")),
                  highlight=False)


@app.command()
def update(
    from_dir: Annotated[Path | None, typer.Option("--from", help="Read local copies from this folder.")] = None,
    db: DbOption = None,
) -> None:
    """Fetch every official list from its publisher (or local copies) and load what changed."""
    settings = Settings.from_env(db=db)
    with open_store(db) as store, _progress() as callbacks:
        outcome = ingest.update(store, settings, from_dir=from_dir, log=lambda m: err.print(m, highlight=False),
                                actor=os_user(), **callbacks)
    for loaded in outcome.loaded:
        _print_outcome(loaded)
    for key, origin in sorted(outcome.origin.items()):
        out.print(f"{key}: from {origin}", highlight=False)
    for failure in outcome.failed:
        err.print(styled("red", "failed:", f" {failure}"))
    if not outcome.loaded:
        fail("no list could be loaded")
    if any(loaded.created for loaded in outcome.loaded):
        _monitor(db)


def _monitor(db: str | None) -> None:
    """After a new snapshot: screen what changed against the customers (when the store holds any)."""
    with open_store(db) as store:
        if delta.has_customers(store):
            out.print(delta.screen_list_changes(store, actor="cli").summary(), highlight=False)


@app.command("lists")
def lists_command(
    as_json: JsonOption = False,
    all_snapshots: Annotated[bool, typer.Option("--all", help="Every snapshot, not only the one in force.")] = False,
    db: DbOption = None,
) -> None:
    """One row per list: the snapshot in force, when it was published and loaded, its size."""
    with open_store(db) as store:
        rows = store.snapshots() if all_snapshots else store.current_snapshots()
    if as_json:
        out.print_json(data=[info.as_json() for info in rows])
        return
    table = Table("source", "snapshot", "published", "loaded", "entities", "names", "format")
    for info in rows:
        table.add_row(info.source + (" (partial)" if info.partial else ""), str(info.id), info.published or "-",
                      info.loaded_at, f"{info.entity_count:,}", f"{info.name_count:,}", info.format)
    out.print(table)


@app.command()
def show(
    source: Annotated[str, typer.Argument(help="List key, e.g. un_sc.")],
    source_id: Annotated[str, typer.Argument(help="The publisher's identifier, e.g. QDi.001.")],
    snapshot: Annotated[int | None, typer.Option(help="A snapshot id (default: the one in force).")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Everything the list says about one entry."""
    with open_store(db) as store:
        entity = store.entity(source, source_id, snapshot)
    data = msgspec.to_builtins(entity)
    data["entity_id"] = entity.id
    if as_json:
        out.print_json(data=data)
        return
    out.print(styled("bold", entity.caption, f"  {entity.schema}  {entity.id}  (snapshot {entity.snapshot_id})"))
    for key, value in data.items():
        if value and key not in ("source", "source_id", "schema", "snapshot_id", "entity_id"):
            out.print(styled("cyan", key, f": {json.dumps(value, ensure_ascii=False)}"))


@app.command()
def diff(
    source: Annotated[str, typer.Argument(help="List key, e.g. un_sc.")],
    old: Annotated[int | None, typer.Argument(help="Old snapshot id (default: the one before the newest).")] = None,
    new: Annotated[int | None, typer.Argument(help="New snapshot id (default: the newest).")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Designations added, removed and changed between two snapshots of a list."""
    with open_store(db) as store:
        old_info, new_info = _diff_pair(store, source, old, new)
        result = diff_lists(source, old_info.id, new_info.id, store.entity_hashes(old_info.id),
                            store.entity_hashes(new_info.id), store.entity_versions)
    if as_json:
        out.print_json(data=result.as_json())
        return
    out.print(f"{source}: snapshot {old_info.id} ({old_info.published}) -> {new_info.id} ({new_info.published}): "
              f"{len(result.added)} added, {len(result.removed)} removed, {len(result.changed)} changed",
              highlight=False)
    for change in result.added + result.removed + result.changed:
        out.print(f"  {change.kind:8} {change.source_id:14} {change.caption}", highlight=False)
        for field in change.changes:
            for value in field.added:
                out.print(f"      + {field.field}: {value}", highlight=False)
            for value in field.removed:
                out.print(f"      - {field.field}: {value}", highlight=False)


def _diff_pair(store: Store, source: str, old: int | None, new: int | None) -> tuple[SnapshotInfo, SnapshotInfo]:
    if old is not None and new is not None:
        pair = store.snapshot(old), store.snapshot(new)
        if any(info.source != source for info in pair):
            fail(f"snapshots {old} and {new} are not both of {source}")
        return pair
    history = sorted(store.snapshots(source), key=lambda i: (i.published or i.loaded_at, i.id))
    if len(history) < 2:
        fail(f"{source} has {len(history)} snapshot(s) in the store; a diff needs two")
    return history[-2], history[-1]


@app.command()
def screen(
    name: Annotated[str, typer.Argument(help="The name to screen.")],
    schema: Annotated[str | None, typer.Option(help="Person, Organization, Vessel or Aircraft.")] = None,
    dob: Annotated[str | None, typer.Option(help="Date of birth: YYYY[-MM[-DD]].")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code.")] = None,
    threshold: Annotated[float | None, typer.Option(help="Alert threshold in [0, 1].")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Screen one name against every list in force."""
    try:
        query = make_query(name, schema, dob, country)
    except HoarfrostError as exc:
        fail(str(exc), code=2)
    with open_store(db) as store:
        screener = Screener.from_store(store)
    matches = screener.screen(query, threshold)
    _record_screening(db, "screen", {"queries": 1, "alerts": len(matches), "algorithm": screener.algorithm,
                                     "threshold": threshold, "entities": [m.entity.id for m in matches]})
    if as_json:
        out.print_json(data={"query": query.as_json(), "matches": [m.as_json() for m in matches]})
        return
    _print_matches([(query.name, m.as_json()) for m in matches])


@app.command("screen-file")
def screen_file(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL with columns id,name[,schema,dob,country].")],
    output: Annotated[Path | None, typer.Option("--out", help="Write JSON lines here (default: a table).")] = None,
    threshold: Annotated[float | None, typer.Option(help="Alert threshold in [0, 1].")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes to screen with (default: one per core).")] = None,
    db: DbOption = None,
) -> None:
    """Screen every name in a file; bad rows are reported with their row number and skipped (exit code 2)."""
    if not input.is_file():
        fail(f"{input}: no such file")
    with open_store(db) as store:
        screener = Screener.from_store(store)
    summary = _BatchSummary()
    sink = output.open("w", encoding="utf-8") if output else None
    try:
        with _row_progress() as advance:
            for chunk in _chunks(read_queries(input), 20_000):
                _screen_chunk(screener, chunk, threshold, workers, sink, summary, advance)
    except HoarfrostError as exc:
        fail(str(exc))
    finally:
        if sink:
            sink.close()
    _record_screening(db, f"file:{input.name}", {
        "queries": summary.screened, "skipped": summary.bad, "with_alerts": summary.alerted,
        "alerts": summary.alert_count, "algorithm": screener.algorithm, "threshold": threshold})
    if not output:
        _print_matches(summary.alerts)
    out.print(f"screened {summary.screened:,} names against {screener.entity_count:,} list entries "
              f"({screener.algorithm}): {summary.alerted:,} with alerts, {summary.alert_count:,} alerts, "
              f"{summary.bad} rows skipped", highlight=False)
    if summary.bad:
        raise typer.Exit(2)


def _record_screening(db: str | None, subject: str, detail: dict[str, Any]) -> None:
    """Screening from the command line is in the audit trail as the API's is: counts and the matched
    entries' ids, never the names screened (the chain cannot be edited, so they could never be erased)."""
    with open_store(db) as store, store.writing() as conn:
        audit.append(conn, actor=os_user(), action="screening.cli", subject=subject, detail=detail)


class _BatchSummary:
    def __init__(self) -> None:
        self.screened = self.bad = self.alerted = self.alert_count = 0
        self.alerts: list[tuple[str, dict[str, Any]]] = []


def _chunks(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _screen_chunk(screener: Screener, rows: list[Any], threshold: float | None, workers: int | None,
                  sink: Any, summary: _BatchSummary, advance: Callable[[int], None]) -> None:
    good = [row for row in rows if row.query is not None]
    for row in rows:
        if row.query is None:
            summary.bad += 1
            err.print(f"row {row.row}: skipped: {row.error}", highlight=False)
    results = screen_many(screener, (row.query for row in good), threshold=threshold, workers=workers,
                          progress=advance)
    for row, matches in zip(good, results, strict=True):
        summary.screened += 1
        summary.alerted += bool(matches)
        summary.alert_count += len(matches)
        if sink:
            sink.write(json.dumps({"id": row.id, "matches": matches}, ensure_ascii=False) + "\n")
        else:
            summary.alerts.extend((f"{row.id}: {row.query.name}", match) for match in matches)


@contextmanager
def _row_progress() -> Iterator[Callable[[int], None]]:
    bar = Progress(TextColumn("screening"), BarColumn(), TextColumn("{task.completed:,} names"),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task("screening", total=None)
        yield lambda n: bar.advance(task, n)


def _print_matches(rows: list[tuple[str, dict[str, Any]]]) -> None:
    table = Table("query", "score", "source", "source id", "listed name", "matched name", "schema")
    for query, match in rows:
        table.add_row(query, f"{match['score']:.2f}", match["source"], match["source_id"], match["caption"],
                      match["matched_name"], match["schema"])
    out.print(table)


# Command groups, each in its own module (cli_<group>.py): one line each below.
app.add_typer(cli_customers.app, name="customers")
app.add_typer(cli_alerts.app, name="alerts")
app.add_typer(cli_audit.app, name="audit")
app.add_typer(cli_report.app, name="report")
app.command()(cli_watch.watch)
app.add_typer(cli_keys.app, name="keys")
app.command("serve")(cli_serve.serve)


def main() -> None:
    try:
        app()
    except HoarfrostError as exc:  # pragma: no cover - the commands catch their own
        err.print(f"error: {exc}")
        sys.exit(1)
