"""Dates as lists write them keep exactly the precision the list gives."""

from __future__ import annotations

import pytest

from hoarfrost.model import DatePrecision
from hoarfrost.values.dates import parse_birth_date, parse_partial_date, year_range


@pytest.mark.parametrize(
    ("text", "iso", "until", "circa"),
    [
        ("1971", "1971", None, False),
        ("03/05/1971", "1971-05-03", None, False),
        ("dd/mm/1945", "1945", None, False),  # UK: day and month unknown
        ("00/00/1962", "1962", None, False),
        ("03 Jun 1960", "1960-06-03", None, False),  # OFAC
        ("Jan 1964", "1964-01", None, False),
        ("circa 1947", "1947", None, True),
        ("Circa 1947", "1947", None, True),
        ("between 1961 and 1963", "1961", "1963", False),
        ("1955 to 1957", "1955", "1957", False),
        ("2024-08-28T00:00:00", "2024-08-28", None, False),
    ],
)
def test_birth_dates_keep_their_precision(text: str, iso: str, until: str | None, circa: bool) -> None:
    parsed = parse_birth_date(text)
    assert parsed is not None
    assert parsed.date.iso == iso
    assert (parsed.until.iso if parsed.until else None) == until
    assert parsed.circa is circa


def test_precision_follows_the_iso_length() -> None:
    assert parse_partial_date("1971").precision is DatePrecision.YEAR  # type: ignore[union-attr]
    assert parse_partial_date("1971-05").precision is DatePrecision.MONTH  # type: ignore[union-attr]
    assert parse_partial_date("1971-05-03").precision is DatePrecision.DAY  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "unknown", "31/31/31", "1971-13-45x", "9999"])
def test_non_dates_are_none(text: str) -> None:
    assert parse_birth_date(text) is None


def test_an_impossible_day_keeps_the_month() -> None:
    assert parse_partial_date("31/02/1970").iso == "1970-02"  # type: ignore[union-attr]


def test_year_range() -> None:
    ranged = year_range("1961", "1963")
    assert ranged is not None and ranged.until is not None and ranged.until.iso == "1963"
    assert year_range("1961", "1961") == parse_birth_date("1961")
    assert year_range(None, None) is None
