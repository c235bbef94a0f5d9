"""Reading names to screen from CSV or JSON lines: `id,name[,schema,dob,country]` per row.

A bad row does not stop a file: it is reported with its row number and
skipped, and the rest are screened.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hoarfrost.errors import HoarfrostError, QueryError
from hoarfrost.screening.screener import Query, make_query


@dataclass(frozen=True)
class InputRow:
    row: int  # 1-based data row number (header not counted)
    id: str | None
    query: Query | None
    error: str | None = None


def read_queries(path: Path) -> Iterator[InputRow]:
    """Queries from a CSV (with a header) or JSONL file; errors per row, not per file."""
    if not path.is_file():
        raise HoarfrostError(f"{path}: no such file")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl_rows(path)
    else:
        yield from _csv_rows(path)


def _csv_rows(path: Path) -> Iterator[InputRow]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as stream:
        reader = csv.DictReader(stream)
        if reader.fieldnames is None or "name" not in reader.fieldnames or "id" not in reader.fieldnames:
            raise HoarfrostError(f"{path}: the header must have the columns 'id' and 'name'")
        for number, record in enumerate(reader, start=1):
            yield _row(number, record)


def json_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, the JSON object) per non-blank line, or (line number, what is wrong with it):
    a bad line is reported by its number, never the end of the file. Shared with customer files."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg})"
            continue
        yield number, record if isinstance(record, dict) else "not a JSON object"


def _jsonl_rows(path: Path) -> Iterator[InputRow]:
    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, record in json_objects(stream):
            yield _row(number, record) if isinstance(record, dict) else InputRow(number, None, None, record)


def _row(number: int, record: dict[str, object]) -> InputRow:
    row_id = record.get("id")
    if row_id is None or str(row_id).strip() == "":
        return InputRow(number, None, None, "the 'id' is missing")
    try:
        query = make_query(_text(record.get("name")), _text(record.get("schema")), _text(record.get("dob")),
                           _text(record.get("country")))
    except QueryError as exc:
        return InputRow(number, str(row_id), None, str(exc))
    return InputRow(number, str(row_id), query)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
