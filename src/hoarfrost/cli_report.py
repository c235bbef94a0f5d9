"""`hoarfrost report`: reports for the competent authority; today the freeze report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hoarfrost.cases.report import freeze_rows, write_freeze_csv, write_freeze_html
from hoarfrost.cli_common import DbOption, fail, open_store, out

app = typer.Typer(help="Reports: confirmed matches (freezes).", no_args_is_help=True)


@app.command()
def freezes(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write freezes.csv and freezes.html into.")],
    db: DbOption = None,
) -> None:
    """Every confirmed match: the customer, the designation, when the freeze was decided and by whom (both)."""
    with open_store(db) as store:
        rows = freeze_rows(store)
    csv_path, html_path = out_dir / "freezes.csv", out_dir / "freezes.html"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_freeze_csv(rows, csv_path)
        write_freeze_html(rows, html_path)
    except OSError as exc:
        fail(f"cannot write the report into {out_dir}: {exc.strerror}")
    out.print(f"{len(rows)} freeze row(s) written to {csv_path} and {html_path}", highlight=False, markup=False)
