"""`hoarfrost alerts`: list and show alerts, decide them (four eyes), allow-list cleared pairs.

Exit codes: 0 done; 1 a request that cannot be carried out (unknown alert, missing reason, four eyes);
3 a conflict: someone else decided the alert first (or it changed since --revision). A script that
gets 3 re-reads the alert (`alerts show`) and decides again if still needed.
"""

from __future__ import annotations

import getpass
import json
from typing import Annotated

import typer
from rich.table import Table

from hoarfrost.cases import decisions
from hoarfrost.cases.queries import Alert, get_alert, list_alerts
from hoarfrost.cli_common import DbOption, JsonOption, fail, open_store, out, styled
from hoarfrost.errors import DecisionConflict

CONFLICT_EXIT = 3

app = typer.Typer(help="Alerts raised by screening, and the decisions on them.", no_args_is_help=True)

ActorOption = Annotated[str | None, typer.Option("--actor", help="Who decides (default: the login name).")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why: recorded with the decision and in the audit trail.")]


def _actor(actor: str | None) -> str:
    if actor is not None:
        return actor
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor in the password database (containers)
        fail("cannot tell who you are: pass --actor NAME")


@app.command("list")
def list_command(
    state: Annotated[str | None, typer.Option("--state", help="open, pending_true_match, escalated or closed.")
                     ] = None,
    customer: Annotated[str | None, typer.Option("--customer", help="Only this customer id.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this list, e.g. un_sc.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many (1 to 1000).")] = 100,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many first.")] = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Alerts, oldest first."""
    with open_store(db) as store:
        alerts = list_alerts(store, state=state, customer_id=customer, source=source, limit=limit, offset=offset)
    if as_json:
        out.print_json(data=[alert.as_json() for alert in alerts])
        return
    table = Table("alert", "state", "customer", "list entry", "matched name", "score", "revision", "raised")
    for alert in alerts:
        cells = (str(alert.id), _state(alert), alert.customer_id, alert.entity_id, alert.matched_name,
                 f"{alert.score:.2f}", str(alert.revision), alert.created_at)
        table.add_row(*cells)  # the consoles print data as text, never as Rich markup (cli_common)
    out.print(table)
    out.print(f"{len(alerts)} alert(s)", highlight=False)


@app.command()
def show(
    alert_id: Annotated[int, typer.Argument(help="The alert id.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One alert: what matched and why (the explanation), and every decision taken on it."""
    with open_store(db) as store:
        alert = get_alert(store, alert_id)
    if as_json:
        out.print_json(data=alert.as_json())
        return
    _print_alert(alert)


@app.command()
def decide(
    alert_id: Annotated[int, typer.Argument(help="The alert id.")],
    action: Annotated[str, typer.Argument(help="false_positive, true_match or escalate.")],
    reason: ReasonOption,
    actor: ActorOption = None,
    revision: Annotated[int | None, typer.Option("--revision", help="Refuse (exit 3) unless the alert is still "
                                                 "at this revision, as you read it.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Decide an alert. A true match or an escalation is closed by a second, different user (four eyes)."""
    with open_store(db) as store:
        try:
            alert = decisions.decide(store, alert_id, actor=_actor(actor), action=action, reason=reason,
                                     expected_revision=revision)
        except DecisionConflict as exc:
            fail(str(exc), CONFLICT_EXIT)
    if as_json:
        out.print_json(data=alert.as_json())
        return
    out.print(f"alert {alert.id}: {_state(alert)} (revision {alert.revision})", highlight=False, markup=False)


@app.command()
def allow(
    alert_id: Annotated[int, typer.Argument(help="An alert closed as false_positive.")],
    reason: ReasonOption,
    actor: ActorOption = None,
    db: DbOption = None,
) -> None:
    """Allow-list the pair of a false positive: no alert again until the customer or the list entry changes."""
    with open_store(db) as store:
        entry = decisions.allow(store, alert_id, actor=_actor(actor), reason=reason)
    out.print(f"allow-list entry {entry} for alert {alert_id}", highlight=False)


@app.command("revoke-allow")
def revoke_allow(
    entry_id: Annotated[int, typer.Argument(help="The allow-list entry id (printed by `alerts allow`).")],
    reason: ReasonOption,
    actor: ActorOption = None,
    db: DbOption = None,
) -> None:
    """Revoke an allow-list entry: the pair alerts again at its next screening."""
    with open_store(db) as store:
        try:
            decisions.revoke_allow(store, entry_id, actor=_actor(actor), reason=reason)
        except DecisionConflict as exc:
            fail(str(exc), CONFLICT_EXIT)
    out.print(f"allow-list entry {entry_id} revoked", highlight=False)


def _state(alert: Alert) -> str:
    if alert.state == "closed":
        return f"closed ({alert.resolution})"
    return f"{alert.state} (by {alert.proposed_by})" if alert.proposed_by else alert.state


def _print_alert(alert: Alert) -> None:
    out.print(styled("bold", f"alert {alert.id}", f"  {_state(alert)}  revision {alert.revision}"))
    out.print(f"customer {alert.customer_id} (version {alert.customer_hash[:12]}) meets {alert.entity_id} "
              f"(version {alert.entity_hash[:12]}, snapshot {alert.snapshot_id})", highlight=False, markup=False)
    out.print(f"matched name: {alert.matched_name}  score {alert.score:.4f}  algorithm {alert.algorithm}  "
              f"raised {alert.created_at}", highlight=False, markup=False)
    out.print(styled("cyan", "explanation", ":"))
    for step in alert.explanation:
        out.print("  " + json.dumps(step, ensure_ascii=False), highlight=False, markup=False)
    out.print(styled("cyan", "decisions", ":" + ("" if alert.decisions else " none")))
    for d in alert.decisions:
        out.print(f"  {d.at}  {d.actor}: {d.action} ({d.from_state} -> {d.to_state}): {d.reason}", highlight=False,
                  markup=False)
