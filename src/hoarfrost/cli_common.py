"""What every command module of the CLI shares: the consoles, the --db and --json options, the store opener.

Each group of commands (customers, alerts, audit, keys, ...) is its own module, `cli_<group>.py`,
registered in `cli.py`; they import this, never `cli.py`.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from hoarfrost.config import Settings
from hoarfrost.errors import HoarfrostError
from hoarfrost.store import Store

# Piped output (make demo, CI logs) gets a wide table rather than Rich's 80-column default. Markup and emoji
# codes are off: printed values are list and customer data, where "[/b]" or ":ru:" are text, not styling
# (a name holding "[/b]" would otherwise end the command in a MarkupError). Style goes through `styled`.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 180,
              markup=False, emoji=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)


def styled(style: str, label: str, rest: str = "") -> Text:
    """`label` in `style` followed by `rest` as plain text, whatever characters either holds."""
    return Text.assemble((label, style), rest)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Store path or URL (default: HOARFROST_DB, else the user data folder).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def os_user(fallback: str = "cli") -> str:
    """Who runs the command, for the audit trail: the login name, or `fallback` where there is none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor in the password database (containers)
        return fallback


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr and the exit code: what every user mistake ends in."""
    err.print(styled("red", "error:", f" {message}"))
    raise typer.Exit(code)


@contextmanager
def open_store(db: str | None) -> Iterator[Store]:
    """The store named by --db (or the settings), with any HoarfrostError turned into `fail`."""
    try:
        store = Store.open(Settings.from_env(db=db).db)
    except HoarfrostError as exc:
        fail(str(exc))
    try:
        yield store
    except HoarfrostError as exc:
        if os.environ.get("HOARFROST_DEBUG"):
            raise
        fail(str(exc))
    finally:
        store.close()
