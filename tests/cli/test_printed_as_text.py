"""Names are data: the CLI prints "[/b]" or ":ru:" in a name as written, not as Rich markup or an emoji
(a name holding "[/b]" used to end the command in a MarkupError traceback)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli

NAME = "Harbour [/b] Trading :ru: [bold]Ltd"


def test_names_with_markup_and_emoji_codes_are_printed_as_written(un_store_path: Path, tmp_path: Path) -> None:
    file = tmp_path / "customers.csv"
    file.write_text(f"id,name,schema\nc:ru:1,{NAME},Organization\n", encoding="utf-8")
    run_cli("customers", "load", file, db=un_store_path)
    for args in (("customers", "show", "c:ru:1"), ("customers", "list")):
        result = run_cli(*args, db=un_store_path)
        assert NAME in result.stdout and "c:ru:1" in result.stdout
        assert "Traceback" not in result.stderr
    failed = run_cli("customers", "show", "[/b]:ru:", db=un_store_path, check=False)
    assert failed.returncode == 1 and "[/b]:ru:" in failed.stderr and "Traceback" not in failed.stderr
