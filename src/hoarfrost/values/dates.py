"""Birth and listing dates as lists write them, cleaned to partial ISO dates.

Lists write "1971", "03/05/1971", "dd/mm/1945", "03 Jun 1960", "circa 1947",
"between 1961 and 1963" or "1955 to 1957". dateutil guesses a full date where
the text gives only a year, which would invent precision, so this parser keeps
exactly the precision the list states.
"""

from __future__ import annotations

import re
from datetime import date

from hoarfrost.model import BirthDate, PartialDate

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

_CIRCA = re.compile(r"^\s*(?:circa|ca\.?|c\.|approx(?:imately)?\.?|about|around)\s*", re.I)
_RANGE = re.compile(
    r"^\s*(?:between\s+)?(?P<a>.+?)\s*(?:\band\b|\bto\b|-|–|/)\s*(?P<b>(?:\d{1,2}\s+)?(?:[A-Za-z]{3,9}\.?\s+)?\d{4})\s*$",
    re.I,
)


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if not 1000 <= year <= 2100:
        return None
    if month is None or not 1 <= month <= 12:
        return PartialDate(f"{year:04d}")
    if day is None:
        return PartialDate(f"{year:04d}-{month:02d}")
    try:
        date(year, month, day)
    except ValueError:
        return PartialDate(f"{year:04d}-{month:02d}")
    return PartialDate(f"{year:04d}-{month:02d}-{day:02d}")


def parse_partial_date(text: str | None, *, day_first: bool = True) -> PartialDate | None:
    """One date at the precision the text gives, or None when it is not a date."""
    if not text:
        return None
    text = text.strip().rstrip(".")
    # ISO, with an optional time or time zone ("2015-04-07-04:00", "2024-08-28T00:00:00")
    if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*|[+-]\d\d:\d\d|Z)?", text):
        return _partial(*(int(g) if g else None for g in m.groups()))  # type: ignore[arg-type]
    if m := re.fullmatch(r"(\d{1,2}|dd|00)[/.\-](\d{1,2}|mm|00)[/.\-](\d{4})", text, re.I):
        first, second, year = m.groups()
        day, month = (first, second) if day_first else (second, first)
        return _partial(int(year), _int_or_none(month), _int_or_none(day))
    if m := re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})", text):
        day_text, month_name, year = m.groups()
        month = _MONTHS.get(month_name.lower())
        if month:
            return _partial(int(year), month, int(day_text) if day_text else None)
    if m := re.fullmatch(r"([A-Za-z]{3,9})\s+(\d{1,2}),?\s+(\d{4})", text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            return _partial(int(m.group(3)), month, int(m.group(2)))
    return None


def _int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) > 0 else None


def parse_birth_date(text: str | None, *, day_first: bool = True) -> BirthDate | None:
    """A birth date, range or approximation; None when the text holds no date."""
    if not text or not text.strip():
        return None
    circa = bool(_CIRCA.match(text))
    body = _CIRCA.sub("", text).strip()
    single = parse_partial_date(body, day_first=day_first)
    if single:
        return BirthDate(single, circa=circa)
    if m := _RANGE.match(body):
        start = parse_partial_date(m.group("a"), day_first=day_first)
        end = parse_partial_date(m.group("b"), day_first=day_first)
        if start and end:
            return BirthDate(start, until=end, circa=circa)
    return None


def year_range(start: str | None, end: str | None, *, circa: bool = False) -> BirthDate | None:
    """A birth date from separate from/to years, as XML formats give them."""
    first = parse_partial_date(start)
    last = parse_partial_date(end)
    if first and last and first != last:
        return BirthDate(first, until=last, circa=circa)
    if first or last:
        return BirthDate(first or last, circa=circa)  # type: ignore[arg-type]
    return None
