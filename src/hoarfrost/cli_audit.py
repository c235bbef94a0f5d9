"""`hoarfrost audit`: check the hash chain of the audit trail, and export a period of it for a supervisor.

`verify` exits 0 with "audit trail intact: N records", or 1 with one line per break naming the record.
`head` prints the newest record as SEQ:HASH, an anchor to keep outside the store: `verify --anchor` then
also catches a chain rewritten whole (see cases.audit.Anchor).
`export` writes the records of a period as CSV or JSON lines, with their hashes, so that whoever receives
them can recompute the chain over the exported stretch (cases.audit.record_hash).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, TextIO

import typer

from hoarfrost.cases import audit
from hoarfrost.cli_common import DbOption, err, fail, open_store, out
from hoarfrost.errors import QueryError

app = typer.Typer(help="The hash-chained audit trail: verify it, anchor it, export it.", no_args_is_help=True)

COLUMNS = ("seq", "at", "actor", "action", "subject", "detail", "prev_hash", "hash")


@app.command()
def verify(
    anchor: Annotated[list[str] | None, typer.Option(
        "--anchor", help="SEQ:HASH of a record kept outside the store ('audit head'); the chain must still hold "
                         "it. Repeatable.")] = None,
    db: DbOption = None,
) -> None:
    """Walk the whole chain; name every edited, removed or reordered record, and every anchor not held."""
    try:
        anchors = [audit.Anchor.parse(text) for text in anchor or ()]
    except QueryError as exc:
        fail(str(exc))
    with open_store(db) as store:
        result = audit.verify(store, anchors)
    if result.ok:
        out.print(f"audit trail intact: {result.records:,} records", highlight=False)
        return
    for problem in result.problems:
        err.print(f"broken: {problem}", highlight=False, markup=False)
    fail(f"audit trail broken: {len(result.problems)} problem(s) in {result.records:,} records")


@app.command()
def head(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: seq, hash, at, anchor.")] = False,
    db: DbOption = None,
) -> None:
    """The newest record's number and hash: keep it outside the store (a ticket, a log, the regulator) and give
    it to 'audit verify --anchor' later; a chain rewritten since, every hash recomputed, then fails."""
    with open_store(db) as store:
        found = audit.head(store)
    if found is None:
        fail("the audit trail has no record yet")
    anchor, at = found
    if as_json:
        out.print_json(data={"seq": anchor.seq, "hash": anchor.hash, "at": at, "anchor": str(anchor)})
        return
    out.print(f"{anchor}  (record {anchor.seq:,} of {at})", highlight=False, markup=False)


@app.command()
def export(
    since: Annotated[str, typer.Option("--since", help="First day (YYYY-MM-DD) or time (ISO 8601), inclusive.")],
    until: Annotated[str, typer.Option("--until", help="Last day (YYYY-MM-DD, inclusive) or time (exclusive).")],
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
    output: Annotated[Path | None, typer.Option("--out", help="Write here (default: standard output).")] = None,
    db: DbOption = None,
) -> None:
    """The audit records of a period, oldest first, as CSV or JSON lines."""
    if format not in ("csv", "jsonl"):
        fail(f"unknown format {format!r}; known: csv, jsonl")
    start, end = _bound(since, "--since", inclusive_day=False), _bound(until, "--until", inclusive_day=True)
    if end <= start:
        fail(f"--until {until} is not after --since {since}")
    with open_store(db) as store:
        records = list(audit.records(store, start, end))
    if output is None:
        _write(records, format, sys.stdout)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as file:
            _write(records, format, file)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    err.print(f"{len(records):,} audit records written to {output}", highlight=False, markup=False)


def _bound(text: str, option: str, *, inclusive_day: bool) -> str:
    try:
        return audit.time_bound(text, option, inclusive_day=inclusive_day)
    except QueryError as exc:
        fail(str(exc))


def _write(records: Iterable[audit.AuditRecord], format: str, file: TextIO) -> None:
    if format == "jsonl":
        for record in records:
            file.write(json.dumps(record.as_json(), ensure_ascii=False) + "\n")
        return
    writer = csv.writer(file)
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([getattr(record, column) for column in COLUMNS])
