"""`hoarfrost keys`: make, list and revoke the API keys of the HTTP API (see access.py).

The key itself is printed once, by `create`, and never again: the store keeps only its hash.
"""

from __future__ import annotations

import getpass
from typing import Annotated

import typer
from rich.table import Table

from hoarfrost import access
from hoarfrost.cli_common import DbOption, JsonOption, err, open_store, out

app = typer.Typer(help="API keys for 'hoarfrost serve': create, list, revoke.", no_args_is_help=True)

_ROLES = ", ".join(role.value for role in access.Role)


def _actor() -> str:
    """Who ran the command, for the audit trail."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name in a bare container
        return "cli"


@app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who holds the key (a person or a system); recorded as the actor.")],
    role: Annotated[str, typer.Option("--role", help=f"One of: {_ROLES}.")] = "screening",
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Make a key and print it once: keep it now, it cannot be shown again."""
    with open_store(db) as store:
        secret, info = access.create_key(store, name, role, actor=_actor())
    if as_json:
        out.print_json(data={**info.as_json(), "key": secret})
        return
    out.print(secret, highlight=False, markup=False)
    err.print(f"key {info.id} for '{info.name}' (role {info.role.value}): shown once, keep it now", highlight=False)


@app.command("list")
def list_command(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Every key: id, holder, role, when made and revoked (never the key itself)."""
    with open_store(db) as store:
        keys = access.list_keys(store)
    if as_json:
        out.print_json(data=[info.as_json() for info in keys])
        return
    table = Table("id", "name", "role", "prefix", "created", "revoked")
    for info in keys:
        table.add_row(str(info.id), info.name, info.role.value, info.prefix + "...", info.created_at,
                      info.revoked_at or "-")
    out.print(table)


@app.command("revoke")
def revoke(
    key_id: Annotated[int, typer.Argument(help="The key's id, as 'hoarfrost keys list' shows it.")],
    db: DbOption = None,
) -> None:
    """Revoke a key: the API refuses it from the next request on."""
    with open_store(db) as store:
        info = access.revoke_key(store, key_id, actor=_actor())
    out.print(f"key {info.id} ('{info.name}', {info.role.value}) revoked at {info.revoked_at}", highlight=False)
