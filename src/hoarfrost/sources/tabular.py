"""Safe CSV and XLSX reading for list readers.

CSV: a capped field size (a 10 MB field is refused with its line, not read
into memory without end) and strict decoding that names the line where the
encoding breaks. XLSX: openpyxl in read-only mode, which parses with
defusedxml when it is installed; a file that is not a zip (an HTML error page
saved as .xlsx, a common download failure) is refused up front.

`xlsx_head_strings` lets a reader sniff a workbook by its header cells, which
the compressed 64 KiB head does not show; `load_sheet_rows` reads a first sheet
with openpyxl's warnings kept out of the caller.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from hoarfrost.errors import ListFileError
from hoarfrost.sources.base import SourceFile

MAX_FIELD = 1 << 20  # 1 MiB: the longest real field (OFAC remarks) is a few KiB


def iter_csv_rows(
    stream: IO[bytes], name: str, *, encoding: str = "utf-8", delimiter: str = ",", skip_bom: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each CSV row, with clear errors."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if skip_bom and encoding == "utf-8" else encoding,
                            errors="strict", newline="")
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(text, delimiter=delimiter)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a field is longer than {MAX_FIELD // 1024} KiB; refused"
        raise ListFileError(name, f"malformed CSV: {problem}", where=f"line {reader.line_num}") from None
    except UnicodeDecodeError as exc:
        raise ListFileError(
            name, f"not valid {encoding} text ({exc.reason} at byte {exc.start} of a block)",
            where=f"near line {reader.line_num + 1}",
        ) from None
    finally:
        # The caller owns the byte stream and closes it; the wrapper must not (nor warn when dropped).
        with contextlib.suppress(ValueError):
            text.detach()


def open_workbook(stream: IO[bytes], name: str) -> Any:
    """An openpyxl read-only workbook, or a clear error when the file is no XLSX."""
    import openpyxl

    data = stream.read()
    if not data:
        raise ListFileError(name, "the file is empty")
    if not data.startswith(b"PK\x03\x04"):
        looks = "an HTML page" if data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")) else "not a zip"
        raise ListFileError(name, f"not an XLSX workbook ({looks})")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ListFileError(name, f"not a readable XLSX workbook: {exc}") from None


def xlsx_head_strings(file: SourceFile, head: bytes, limit: int = 65536) -> bytes:
    """The first bytes of an XLSX's shared strings and first sheet, for sniffing.

    The zip is compressed, so the 64 KiB head shows no cell text; the header row's
    strings are near the start of `sharedStrings.xml` (or inline in the sheet).
    """
    if not head.startswith(b"PK\x03\x04"):
        return b""
    try:
        with file.open() as stream:
            data = stream.read()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            parts = []
            for member in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                if member in names:
                    with archive.open(member) as inner:
                        parts.append(inner.read(limit))
            return b"".join(parts)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return b""


def load_sheet_rows(stream: Any, name: str) -> list[tuple[int, tuple[Any, ...]]]:
    """All rows of the first sheet, read with openpyxl's warnings silenced.

    Rows are read eagerly so the warnings filter does not leak into the caller
    while a generator is suspended (pytest treats warnings as errors).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = open_workbook(stream, name)
        try:
            return list(iter_sheet_rows(workbook))
        finally:
            workbook.close()


def iter_sheet_rows(workbook: Any, sheet: str | None = None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Yield (row number, cell values) from a sheet (the first when none is named)."""
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    yield from enumerate(worksheet.iter_rows(values_only=True), start=1)


def cell_text(value: Any) -> str | None:
    """A cell as cleaned text; dates as ISO, numbers without a trailing .0."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None
