"""`hoarfrost customers ...`: load a bank's customer file (screening what is new), show, list and delete customers.

Like `screen-file`, a load reports each skipped row with its row number on stderr and exits 2 when rows
were skipped; a file that cannot be read at all exits 1 with one line, and nothing of it is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from hoarfrost.cli_common import DbOption, JsonOption, err, fail, open_store, os_user, out, styled
from hoarfrost.customers.registry import (
    CustomerLoadOutcome,
    count_customers,
    customer_history,
    delete_customers,
    get_customer,
    list_customers,
    load_customer_file,
)
from hoarfrost.screening.delta import refresh_customer_index

app = typer.Typer(help="The bank's customers: load a file (screening what is new), show, list, delete.",
                  no_args_is_help=True)

ActorOption = Annotated[str | None, typer.Option("--actor", help="Who does this, for the audit trail "
                                                 "(default: the operating-system user).")]


def _actor(given: str | None) -> str:
    if given and given.strip():
        return given.strip()
    return os_user()


@app.command("load")
def load(
    file: Annotated[Path, typer.Argument(help="CSV, TSV, JSON lines or Parquet: id, name, schema, dob, country, "
                                              "identifiers, and any other columns (kept).")],
    actor: ActorOption = None,
    no_screen: Annotated[bool, typer.Option("--no-screen", help="Load without screening (a later load "
                                                                "screens them).")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Add and update customers from a file; each new or changed one is screened against the lists in force."""
    with open_store(db) as store, _row_progress() as advance:
        outcome = load_customer_file(store, file, actor=_actor(actor), screen=not no_screen, progress=advance)
        if outcome.added or outcome.changed:
            refresh_customer_index(store)  # now, so that the next list change need not build it
    for error in outcome.skipped:
        err.print(f"row {error.row}: skipped: {error.problem}", highlight=False)
    if outcome.skipped_count > len(outcome.skipped):
        err.print(f"... and {outcome.skipped_count - len(outcome.skipped):,} more rows skipped", highlight=False)
    if as_json:
        out.print_json(data={"file": file.name, **outcome.as_json()})
    else:
        _print_load(file, outcome)
    if outcome.skipped_count:
        raise typer.Exit(2)


def _print_load(file: Path, outcome: CustomerLoadOutcome) -> None:
    out.print(f"{file.name}: {outcome.added:,} added, {outcome.changed:,} changed, {outcome.unchanged:,} unchanged, "
              f"{outcome.skipped_count:,} rows skipped", highlight=False)
    if outcome.not_screened:
        out.print(f"not screened: {outcome.not_screened}", highlight=False)
        return
    if not outcome.screened:
        out.print("screened none: every customer in the file was screened before", highlight=False)
        return
    lists = ", ".join(f"{source} (snapshot {snapshot})" for source, snapshot in sorted(outcome.snapshots.items()))
    ids = outcome.alert_ids
    shown = (": " + ", ".join(map(str, ids[:20])) + (" ..." if len(ids) > 20 else "")) if ids else ""
    out.print(f"screened {outcome.screened:,} customers against {lists}"
              + (f" ({outcome.algorithm})" if outcome.algorithm else "")
              + f": {len(ids):,} alerts raised{shown}", highlight=False)


@contextmanager
def _row_progress() -> Iterator[Callable[[int], None]]:
    bar = Progress(TextColumn("loading customers"), BarColumn(), TextColumn("{task.completed:,} rows"),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task("loading", total=None)
        yield lambda n: bar.advance(task, n)


@app.command("show")
def show(
    customer_id: Annotated[str, typer.Argument(metavar="ID", help="The bank's customer id.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """A customer's current version, whether it is deleted, and its history."""
    with open_store(db) as store:
        record = get_customer(store, customer_id)
        history = customer_history(store, customer_id)
    if as_json:
        out.print_json(data={**record.as_json(), "history": [change.as_json() for change in history]})
        return
    customer = record.customer
    line = styled("bold", customer.name, f"  {customer.id}")
    if record.deleted:
        line.append("  (deleted)", style="red")
    out.print(line)
    for label, value in (("schema", customer.schema), ("dob", customer.dob), ("country", customer.country),
                         ("identifiers", ", ".join(customer.identifiers)), *customer.extra,
                         ("version", record.hash), ("changed", record.changed_at)):
        if value:
            out.print(styled("cyan", label, f": {value}"))
    table = Table("at", "change", "version", "name", "dob", "country")
    for change in history:
        table.add_row(change.at, change.change, change.hash[:12], change.customer.name, change.customer.dob or "",
                      change.customer.country or "")
    out.print(table)


@app.command("list")
def list_command(
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many customers.")] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    deleted: Annotated[bool, typer.Option("--deleted", help="Include deleted customers.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Customers in id order (the current ones; with --deleted, the deleted ones too)."""
    with open_store(db) as store:
        records = list_customers(store, limit=limit, offset=offset, include_deleted=deleted)
        current, gone = count_customers(store)
    if as_json:
        out.print_json(data=[record.as_json() for record in records])
        return
    table = Table("id", "name", "schema", "dob", "country", "version", "changed")
    for record in records:
        c = record.customer
        table.add_row(c.id + (" (deleted)" if record.deleted else ""), c.name, str(c.schema or ""), c.dob or "",
                      c.country or "", record.hash[:12], record.changed_at)
    out.print(table)
    out.print(f"{current:,} customers, {gone:,} deleted; showing {len(records):,} from {offset + 1:,}", highlight=False)


@app.command("delete")
def delete(
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="The bank's customer ids.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the audit trail).")],
    actor: ActorOption = None,
    db: DbOption = None,
) -> None:
    """Mark customers deleted (their history stays) and close their open alerts as customer_deleted."""
    if not reason.strip():
        fail("--reason must say why")
    with open_store(db) as store:
        deleted = delete_customers(store, ids, actor=_actor(actor), reason=reason)
        if deleted:
            refresh_customer_index(store)
    already = len(set(ids)) - deleted
    out.print(f"deleted {deleted:,} customers" + (f" ({already:,} were deleted already)" if already else ""),
              highlight=False)
