"""Reading a bank's customer file: CSV or TSV with a header row, JSON lines, or Parquet, told apart by suffix.

Rows stream: a file of a million customers is never held whole. Each row is cleaned and checked as the
screener checks a query (`make_query`), so a customer that loads is one that can be screened. A malformed
row becomes a `CustomerFileError` naming its row and is passed on in place of the customer, so the caller
skips it and loads the rest. A file that cannot be read at all (missing, not UTF-8, a broken Parquet
footer, no `id` and `name` columns) raises one `CustomerFileError` before any row is produced, so nothing
of it is loaded.

Row numbers count data rows from 1, the header not counted (CSV, TSV, Parquet), and lines from 1 in JSON
lines (blank lines are skipped but counted), as `hoarfrost screen-file` does.

Messages never quote a name, a date of birth or another value of the row: they may end up in logs.
"""

from __future__ import annotations

import codecs
import csv
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from hoarfrost.errors import CustomerFileError, QueryError
from hoarfrost.model import Customer
from hoarfrost.screening.inputs import json_objects
from hoarfrost.screening.screener import make_query

CustomerRow = tuple[int, Customer] | CustomerFileError  # a loadable customer and its row, or why the row is not

FIELDS = ("id", "name", "schema", "dob", "country", "identifiers")
MAX_ID_LENGTH = 256  # the store's customer_id column
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
_BATCH = 10_000  # Parquet rows decoded at a time
_QUOTED = re.compile(r"\s*(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def read_customer_file(path: Path) -> Iterator[CustomerRow]:
    """The rows of a customer file, in order. Checks what can be checked up front (the file is there, is
    text or Parquet, has the `id` and `name` columns) before returning, raising `CustomerFileError`."""
    kind = SUFFIXES.get(path.suffix.lower())
    label = path.name
    if kind is None:
        known = ", ".join(SUFFIXES)
        raise CustomerFileError(label, f"unknown kind of file '{path.suffix}'; a customer file ends in {known}")
    if not path.is_file():
        raise CustomerFileError(label, "no such file" if not path.exists() else "not a file")
    if kind == "parquet":
        return _parquet_rows(path, label)
    _check_utf8(path, label)
    if kind == "jsonl":
        return _jsonl_rows(path, label)
    return _csv_rows(path, label, "\t" if kind == "tsv" else ",")


# -- one row -----------------------------------------------------------------------------------------------


def customer_from_record(record: Mapping[str, object], row: int, file: str, *, split_identifiers: bool = False
                         ) -> CustomerRow:
    """A customer from one row's columns: the known fields cleaned, every other non-empty column kept in
    `extra` (sorted by column, so a file with its columns reordered loads as the same customers)."""
    known: dict[str, object] = {}
    extra: dict[str, str] = {}
    for column, value in record.items():
        field = _known_field(column)
        if field is not None and field not in known:
            known[field] = value
        elif text := _text(value):
            extra[column] = text
    identifiers = known.get("identifiers")
    if split_identifiers and isinstance(identifiers, str):
        identifiers = identifiers.split(";")
    try:
        customer = Customer(_customer_id(known.get("id")), _text(known.get("name")) or "",
                            dob=_date_text(known.get("dob")), identifiers=_identifiers(identifiers),
                            extra=tuple(extra.items()))
        return row, clean_customer(customer, schema=_text(known.get("schema")), country=_text(known.get("country")))
    except QueryError as exc:
        return CustomerFileError(file, _without_values(str(exc)), row=row)


@lru_cache(maxsize=1024)
def _known_field(column: str) -> str | None:
    """The field a column holds ("ID", " Name " count as id and name), None for any other column."""
    field = column.strip().lower()
    return field if field in FIELDS else None


def clean_customer(customer: Customer, *, schema: str | None = None, country: str | None = None) -> Customer:
    """The customer as it will be stored and screened: cleaned by the screener's own rules (`make_query`),
    identifiers without repeats, extra columns sorted (the version hash must not depend on their order);
    QueryError when it cannot be screened. `schema` and `country` as written, when not yet parsed."""
    if not customer.id or len(customer.id) > MAX_ID_LENGTH:
        raise QueryError(f"the id is missing or longer than {MAX_ID_LENGTH} characters")
    schema = schema if schema is not None else (str(customer.schema) if customer.schema else None)
    query = make_query(customer.name, schema, customer.dob, country if country is not None else customer.country,
                       customer.identifiers)
    return Customer(customer.id, query.name, query.schema, query.dob, query.country,
                    tuple(dict.fromkeys(query.identifiers)), tuple(sorted(customer.extra)))


def _customer_id(value: object) -> str:
    text = (_text(value) or "").strip()
    if not text:
        raise QueryError("the id is missing")
    return text


def _identifiers(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items: Iterable[object] = value if isinstance(value, list | tuple) else [value]
    return tuple(text for item in items if (text := _text(item)))


def _text(value: object) -> str | None:
    """A cell as text: numbers and dates as written in JSON and ISO 8601, nested values as JSON."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _date_text(value: object) -> str | None:
    """A date of birth: a Parquet date or timestamp counts by its day."""
    if isinstance(value, datetime):
        value = value.date()
    text = _text(value)
    return (text.strip() or None) if text else None


def _without_values(message: str) -> str:
    """The screener's message without the value it quotes (a date of birth is personal data)."""
    return _QUOTED.sub("", message)


# -- CSV and TSV -------------------------------------------------------------------------------------------


def _csv_rows(path: Path, label: str, delimiter: str) -> Iterator[CustomerRow]:
    stream = path.open(newline="", encoding="utf-8-sig")
    try:
        reader = csv.reader(stream, delimiter=delimiter)
        header = _csv_header(reader, label)
    except BaseException:
        stream.close()
        raise
    return _csv_records(stream, reader, header, label)


def _csv_header(reader: Iterator[list[str]], label: str) -> list[str]:
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CustomerFileError(label, f"the header row cannot be read ({exc})") from None
    fields = {column.strip().lower() for column in header or []}
    if not header or "id" not in fields or "name" not in fields:
        raise CustomerFileError(label, "the header row must have the columns 'id' and 'name'")
    return header


def _csv_records(stream: TextIO, reader: Iterator[list[str]], header: list[str], label: str
                 ) -> Iterator[CustomerRow]:
    with stream:
        row = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                row += 1
                yield CustomerFileError(label, f"not readable as CSV ({exc})", row=row)
                continue
            if not values:
                continue  # a blank line
            row += 1
            if len(values) > len(header):
                yield CustomerFileError(label, f"{len(values)} fields where the header has {len(header)}", row=row)
                continue
            yield customer_from_record(dict(zip(header, values, strict=False)), row, label, split_identifiers=True)


# -- JSON lines --------------------------------------------------------------------------------------------


def _jsonl_rows(path: Path, label: str) -> Iterator[CustomerRow]:
    with path.open(encoding="utf-8-sig") as stream:
        for row, record in json_objects(stream):
            if isinstance(record, str):
                yield CustomerFileError(label, record, row=row)
            else:
                yield customer_from_record(record, row, label)


def _check_utf8(path: Path, label: str) -> None:
    """The whole file decodes as UTF-8, checked before any row is read: a file that is not text (or not
    UTF-8) is refused whole rather than half-loaded. Reading it once more costs a fraction of a second."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    try:
        with path.open("rb") as stream:
            while block := stream.read(1 << 20):
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as exc:
                    where = line + block.count(b"\n", 0, max(0, exc.start))
                    raise CustomerFileError(label, f"not UTF-8 text (line {where}); save the file as UTF-8") from None
                line += block.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise CustomerFileError(label, f"not UTF-8 text (line {line}, cut in the middle of a character)") from None
    except OSError as exc:
        raise CustomerFileError(label, f"cannot be read: {exc.strerror}") from None


# -- Parquet -----------------------------------------------------------------------------------------------


def _parquet_rows(path: Path, label: str) -> Iterator[CustomerRow]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise CustomerFileError(label, f"not a readable Parquet file ({_first_line(exc)})") from None
    fields = {name.strip().lower() for name in parquet.schema_arrow.names}
    if "id" not in fields or "name" not in fields:
        parquet.close()
        raise CustomerFileError(label, "the Parquet file must have the columns 'id' and 'name'")
    return _parquet_records(parquet, label, pa.ArrowException)


def _parquet_records(parquet: object, label: str, arrow_error: type[Exception]) -> Iterator[CustomerRow]:
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=_BATCH):  # type: ignore[attr-defined]
            for record in batch.to_pylist():
                row += 1
                yield customer_from_record(record, row, label, split_identifiers=True)
    except (arrow_error, OSError) as exc:
        raise CustomerFileError(label, f"the Parquet file breaks after row {row} ({_first_line(exc)})") from None
    finally:
        parquet.close()  # type: ignore[attr-defined]


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
