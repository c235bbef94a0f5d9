"""Country names, codes and adjectives as lists write them, to ISO codes."""

from __future__ import annotations

import pytest

from hoarfrost.values.countries import country_code, country_codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iran (Islamic Republic of)", "ir"), ("Russian Federation", "ru"), ("Russia", "ru"),
        ("Korea, Democratic People's Republic of", "kp"), ("DPRK", "kp"), ("Syrian Arab Republic", "sy"),
        ("Iraqi", "iq"), ("IR", "ir"), ("XK", "xk"), ("UK", "gb"), ("Türkiye", "tr"), ("Turkey", "tr"),
        ("Democratic Republic of the Congo", "cd"), ("Viet Nam", "vn"), ("Burma", "mm"),
        ("United Kingdom of Great Britain and Northern Ireland", "gb"),
    ],
)
def test_country_code(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", [None, "", "Atlantis", "ZZ", "--"])
def test_unknown_countries_are_none(text: str | None) -> None:
    assert country_code(text) is None


def test_country_codes_keep_order_without_repeats() -> None:
    assert country_codes(["Iraq", "Iraqi", None, "Atlantis", "Syria"]) == ("iq", "sy")
