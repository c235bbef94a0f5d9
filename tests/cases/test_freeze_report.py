"""The freeze report: every confirmed match with the customer version screened, the designation of the list
entry version met, the decision date and both deciders; as CSV (read back) and as escaped, self-contained HTML."""

from __future__ import annotations

import csv
import html
import re
from dataclasses import replace
from pathlib import Path

from hoarfrost.cases.decisions import decide
from hoarfrost.cases.queries import get_alert
from hoarfrost.store import Store
from tests.cases.support import Cases, Screened, put_customer
from tests.helpers import run_cli

HOSTILE = "<script>alert('x')</script> & \"quotes\""


def _freeze(store: Store, alert_id: int, proposer: str, confirmer: str, reason: str) -> None:
    decide(store, alert_id, actor=proposer, action="true_match", reason="same name, date of birth and nationality")
    decide(store, alert_id, actor=confirmer, action="true_match", reason=reason)


def test_freeze_report(cases: Cases, store: Store, screened: Screened, module_store_path: Path,
                       tmp_path: Path) -> None:
    customer = cases.new_customer(5)
    [frozen] = cases.screen(customer)
    _freeze(store, frozen, "ann", "bob", HOSTILE)
    put_customer(store, replace(customer, name="Renamed Since"))  # the report keeps the version screened
    escalated = cases.alert(6)
    decide(store, escalated, actor="cem", action="escalate", reason="needs the MLRO")
    decide(store, escalated, actor="dan", action="true_match", reason="=HYPERLINK(\"http://x\") confirmed")
    decide(store, cases.alert(7), actor="ann", action="false_positive", reason="not them")
    decide(store, cases.alert(8), actor="ann", action="true_match", reason="proposed only")

    run_cli("report", "freezes", "--out", tmp_path / "report", db=module_store_path)
    with (tmp_path / "report" / "freezes.csv").open(encoding="utf-8", newline="") as file:
        rows = {int(row["alert_id"]): row for row in csv.DictReader(file)}
    assert set(rows) == {frozen, escalated}  # not the false positive, not the unconfirmed proposal

    person, row = screened.persons[5], rows[frozen]
    [designation] = person.designations
    assert (row["customer_id"], row["customer_name"]) == (customer.id, person.caption)
    assert (row["customer_dob"], row["customer_country"]) == (customer.dob or "", (customer.country or "").upper())
    assert (row["list"], row["list_entry_id"], row["listed_name"]) == ("un_sc", person.source_id, person.caption)
    assert row["authority"] == designation.authority == "UN Security Council"
    assert (row["regime"], row["legal_basis"], row["listed_on"]) == (
        designation.regime, designation.legal_basis or "", designation.listed_on or "")
    assert row["publisher_id"] == designation.source_id == person.source_id
    assert (row["proposed_by"], row["confirmed_by"], row["reason"]) == ("ann", "bob", HOSTILE)
    assert row["decided_at"] == get_alert(store, frozen).decisions[-1].at
    assert (rows[escalated]["proposed_by"], rows[escalated]["confirmed_by"]) == ("cem", "dan")
    assert rows[escalated]["reason"] == "'=HYPERLINK(\"http://x\") confirmed"  # inert in a spreadsheet

    page = (tmp_path / "report" / "freezes.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert "<script" not in page
    assert not re.search(r"(src|href)=|@import|url\(", page)  # self-contained: nothing fetched
    assert html.escape(person.caption) in page and html.escape(designation.legal_basis or "") in page
