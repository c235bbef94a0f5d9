"""Customers: read by an analyst working an alert, written by an admin (who is monitored is data management).

    GET  /customers                        analyst  a page of customers, in id order
    GET  /customers/{id}, .../history      analyst
    POST /customers                        admin    add or update customers, screening each new or changed one
    POST /customers/{id}/delete            admin    stop monitoring a customer, with a reason

A customer that cannot be screened is skipped and reported with its position in the request, as a
file's row is, and the others load; the reports quote no value of the customer (a date of birth is
personal data). Deletion is a POST with a JSON reason, not a DELETE: a body on DELETE has no defined
meaning and some proxies drop it, and a reason in the query string would be written to access logs.
Every change is audited by the registry, in its own transaction, with the key's name as the actor.

A load screens in the request, with the screener the service holds for /screen, on the screening thread
that owns it (a screener built for each request took about half a second to load, the wait of an API
call that adds one customer). A load of PARALLEL_FROM customers or more, or one before the service has
its screener, gets a screener of its own, so that /screen does not wait behind it. The
registry forks worker processes for a large load, and to rebuild the index over customer names of a
large customer base: a child of the server inherits uvicorn's signal handlers, which on SIGTERM only ask
the server to stop, so the pool's `terminate()` never ended its workers and the request hung (about one
load in two of 600 customers). Every child forked by the server therefore gets the default handlers back.
"""

from __future__ import annotations

import os
import signal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from hoarfrost.access import KeyInfo, Role
from hoarfrost.api.auth import api_state, requires
from hoarfrost.api.params import known_query_only
from hoarfrost.api.schemas import error_responses
from hoarfrost.api.schemas_customers import CustomersRequest, DeleteRequest
from hoarfrost.api.state import ApiState
from hoarfrost.customers import registry
from hoarfrost.customers.files import customer_from_record
from hoarfrost.errors import CustomerFileError
from hoarfrost.model import Customer
from hoarfrost.screening.customers import PARALLEL_FROM, CustomerScreening
from hoarfrost.store import Store

router = APIRouter(tags=["customers"], dependencies=[Depends(known_query_only)])
ERRORS = error_responses(401, 403, 404, 422)
Analyst = Annotated[KeyInfo, Depends(requires(Role.ANALYST))]
Admin = Annotated[KeyInfo, Depends(requires(Role.ADMIN))]
State = Annotated[ApiState, Depends(api_state)]
SOURCE = "customers"  # where a file names itself (skipped rows, audit records), an API load says this
MAX_PAGE = 1000


def _plain_signals_in_child() -> None:
    """In a process forked from the server: die on SIGTERM and SIGINT as any process does, and leave the
    server's event loop alone (its wake-up descriptor is the parent's)."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


os.register_at_fork(after_in_child=_plain_signals_in_child)


@router.get("/customers", responses=ERRORS)
def customers(
    _key: Analyst, state: State,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    deleted: Annotated[bool, Query(description="Include deleted customers")] = False,
) -> list[dict[str, Any]]:
    """Customers in id order, each its current version (or the one deleted) with its version hash."""
    found = registry.list_customers(state.store, limit=limit, offset=offset, include_deleted=deleted)
    return [record.as_json() for record in found]


@router.post("/customers", responses=error_responses(400, 401, 403, 413, 422))
def load(body: CustomersRequest, key: Admin, state: State) -> dict[str, Any]:
    """Add or update customers by id; each new or changed one is screened, its alerts raised.

    `skipped_rows` names each customer not loaded by its position in `customers` (from 1)."""
    loaded = state.holder.loaded
    screening = None
    if loaded is not None and len(body.customers) < PARALLEL_FROM:  # a large load forks its own workers instead
        screening = CustomerScreening(state.store, screener=loaded.screener, run=state.on_screening_thread_blocking,
                                      snapshots={info.source: info.id for info in loaded.snapshots})
    return upsert(state.store, body, actor=key.name, screening=screening).as_json()


def upsert(store: Store, body: CustomersRequest, *, actor: str,
           screening: CustomerScreening | None = None) -> registry.CustomerLoadOutcome:
    """Each customer cleaned as a file's row is (customer_from_record), the loadable ones upserted."""
    refused: list[CustomerFileError] = []
    loadable: list[tuple[int, Customer]] = []
    for position, given in enumerate(body.customers, start=1):
        row = customer_from_record(given.record(), position, SOURCE)
        if isinstance(row, CustomerFileError):
            refused.append(row)
        else:
            loadable.append(row)
    outcome = registry.upsert_customers(store, [customer for _, customer in loadable], actor=actor,
                                        screen=body.screen, screening=screening)
    # The registry numbers the customers it was given (an id given twice is skipped there): report each
    # skipped one at its place in the request.
    positions = [position for position, _ in loadable]
    moved = [CustomerFileError(SOURCE, error.problem, row=positions[error.row - 1] if error.row else None)
             for error in outcome.skipped]
    outcome.skipped = sorted([*refused, *moved], key=lambda error: error.row or 0)
    outcome.skipped_count += len(refused)
    return outcome


@router.post("/customers/{customer_id:path}/delete", responses=ERRORS)
def delete(customer_id: str, body: DeleteRequest, key: Admin, state: State) -> dict[str, Any]:
    """Stop monitoring the customer: marked deleted (their history stays), their open alerts closed as
    customer_deleted. Deleting a deleted customer changes nothing (`already_deleted`)."""
    deleted = registry.delete_customers(state.store, [customer_id], actor=key.name, reason=body.reason)
    return {"customer_id": customer_id, "deleted": True, "already_deleted": deleted == 0}


@router.get("/customers/{customer_id:path}/history", responses=ERRORS)
def history(customer_id: str, _key: Analyst, state: State) -> list[dict[str, Any]]:
    """Every add, change and deletion of the customer, oldest first."""
    return [change.as_json() for change in registry.customer_history(state.store, customer_id)]


@router.get("/customers/{customer_id:path}", responses=ERRORS)
def customer(customer_id: str, _key: Analyst, state: State) -> dict[str, Any]:
    """The customer's current version (or the one deleted), with its version hash."""
    return registry.get_customer(state.store, customer_id).as_json()
