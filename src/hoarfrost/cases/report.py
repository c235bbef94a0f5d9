"""The freeze report: every confirmed match, as the bank reports it to the competent authority.

One row per confirmed match and designation (an entry listed under two regimes gives two rows): the
customer as the alert screened them (the exact customer version, not today's), the designation as the
list entry version the alert met (authority, regime, legal basis, listing date, publisher's id), when the
freeze was decided and by whom (who proposed it and who confirmed it). Written as CSV for systems and as
one self-contained HTML page for people; every value in the page is escaped.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from hoarfrost.cases.queries import Alert, list_alerts
from hoarfrost.model import Customer, Designation, Entity, customer_from_json, entity_from_json
from hoarfrost.store import Store
from hoarfrost.store import schema as t


@dataclass(frozen=True)
class FreezeRow:
    alert_id: int
    customer_id: str
    customer_name: str
    customer_dob: str
    customer_country: str
    list: str
    list_entry_id: str
    listed_name: str
    matched_name: str
    score: float
    authority: str
    regime: str
    legal_basis: str
    listed_on: str
    publisher_id: str
    snapshot_id: int
    proposed_by: str
    confirmed_by: str
    decided_at: str
    reason: str


COLUMNS = tuple(f.name for f in fields(FreezeRow))


def freeze_rows(store: Store) -> list[FreezeRow]:
    """Every alert closed as a true match, oldest alert first, one row per designation of its entry."""
    rows: list[FreezeRow] = []
    offset = 0
    while page := list_alerts(store, state="closed", limit=1000, offset=offset):
        offset += len(page)
        for alert in page:
            if alert.resolution == "true_match":
                customer, entity = _versions(store, alert)
                rows.extend(_rows(alert, customer, entity))
    return rows


def _versions(store: Store, alert: Alert) -> tuple[Customer | None, Entity | None]:
    """The customer and list entry versions the alert screened (None if the store lacks one)."""
    with store.engine.connect() as conn:
        customer = conn.execute(select(t.customer_versions.c.data).where(
            t.customer_versions.c.hash == alert.customer_hash)).scalar()
        entity = conn.execute(select(t.entity_versions.c.data).where(
            t.entity_versions.c.hash == alert.entity_hash)).scalar()
    return (customer_from_json(customer) if customer is not None else None,
            entity_from_json(entity) if entity is not None else None)


def _rows(alert: Alert, customer: Customer | None, entity: Entity | None) -> list[FreezeRow]:
    closing = alert.decisions[-1]
    proposers = list(dict.fromkeys(d.actor for d in alert.decisions[:-1]))
    designations: Sequence[Designation | None] = (entity.designations if entity else ()) or [None]
    return [FreezeRow(
        alert_id=alert.id, customer_id=alert.customer_id, customer_name=customer.name if customer else "",
        customer_dob=(customer.dob or "") if customer else "", customer_country=(customer.country or "").upper()
        if customer else "", list=alert.source, list_entry_id=alert.source_id,
        listed_name=entity.caption if entity else "", matched_name=alert.matched_name, score=round(alert.score, 4),
        authority=d.authority if d else "", regime=(d.regime or "") if d else "",
        legal_basis=(d.legal_basis or "") if d else "", listed_on=(d.listed_on or "") if d else "",
        publisher_id=(d.source_id if d and d.source_id else alert.source_id), snapshot_id=alert.snapshot_id,
        proposed_by="; ".join(proposers), confirmed_by=closing.actor, decided_at=closing.at, reason=closing.reason,
    ) for d in designations]


def write_freeze_csv(rows: Iterable[FreezeRow], path: Path) -> int:
    """Write the rows as CSV (UTF-8, a header line); the number of rows written."""
    with path.open("w", encoding="utf-8", newline="") as file:
        return freeze_csv(rows, file)


def freeze_csv(rows: Iterable[FreezeRow], file: TextIO) -> int:
    """The rows as CSV into an open text stream (a file, or a buffer the API answers with); how many.

    The file is opened in spreadsheets: a text cell that a spreadsheet would run as a formula (a name or
    reason starting with =, +, -, @) is written with a leading apostrophe, as OWASP advises.
    """
    count = 0
    writer = csv.writer(file)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_inert(value) for value in astuple(row)])
        count += 1
    return count


def _inert(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_HEADINGS = {
    "alert_id": "Alert", "customer_id": "Customer id", "customer_name": "Customer", "customer_dob": "Born",
    "customer_country": "Country", "list": "List", "list_entry_id": "List entry", "listed_name": "Listed name",
    "matched_name": "Matched name", "score": "Score", "authority": "Authority", "regime": "Regime",
    "legal_basis": "Legal basis", "listed_on": "Listed on", "publisher_id": "Publisher id",
    "snapshot_id": "Snapshot", "proposed_by": "Proposed by", "confirmed_by": "Confirmed by",
    "decided_at": "Decided at", "reason": "Reason",
}

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #1a1a1a; }
h1 { font-size: 1.4em; } p.meta { color: #555; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eef2f5; position: sticky; top: 0; } tr:nth-child(even) td { background: #fafafa; }
"""


def write_freeze_html(rows: Iterable[FreezeRow], path: Path) -> int:
    """Write the rows as one HTML page with no external assets; the number of rows written."""
    rows = list(rows)
    path.write_text(freeze_html(rows), encoding="utf-8")
    return len(rows)


def freeze_html(rows: Iterable[FreezeRow]) -> str:
    """The rows as one self-contained HTML page."""
    rows = list(rows)
    made = datetime.now(UTC).isoformat(timespec="seconds")
    head = "".join(f"<th>{html.escape(_HEADINGS[name])}</th>" for name in COLUMNS)
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(str(value))}</td>" for value in astuple(row)) + "</tr>"
                     for row in rows)
    empty = "" if rows else "<p>No confirmed matches.</p>"
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Asset freezes</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<h1>Asset freezes: confirmed matches</h1>\n"
            f'<p class="meta">{len(rows)} row(s), written {html.escape(made)} by hoarfrost. Each freeze was '
            "proposed and confirmed by two different users.</p>\n"
            f"{empty}<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n")
