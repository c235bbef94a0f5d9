"""Ethiopic names: the letter table read from Unicode names, the first- and sixth-order readings, skeletons."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoarfrost.model import Entity, Name, Schema
from hoarfrost.names.arabic import SKELETON, latin_skeleton
from hoarfrost.names.ethiopic import _LETTERS, readings, romanise
from hoarfrost.names.transliterate import latin_readings
from hoarfrost.screening.screener import Screener, make_query

_TOKEN = re.compile("[a-z0-9]+")


def test_letter_table_from_unicode_names() -> None:
    assert _LETTERS["ሀ"] == ("h", "A") and _LETTERS["ፍ"] == ("f", "E") and _LETTERS["ዊ"] == ("w", "I")
    assert _LETTERS["ዓ"] == ("", "AA") and _LETTERS["ቕ"] == ("q", "E") and _LETTERS["ኋ"] == ("h", "WAA")
    assert _LETTERS["ጠ"] == ("t", "A") and _LETTERS["ጸ"] == ("ts", "A") and _LETTERS["ኸ"] == ("h", "A")
    assert len(_LETTERS) > 400  # every syllable of the main block and its supplements


@pytest.mark.parametrize(
    ("ethiopic", "first", "sixth", "latin"),
    [("ፍትዊ ዓብዱረዛቕ", "e", "rule", "fitwi abdurezaq"), ("ፍትዊ ዓብዱረዛቕ", "a", "rule", "fitwi abdurazaq"),
     ("ፍትዊ ዓብዱረዛቕ", "e", "i", "fitiwi abidurezaq"), ("ኤርሚኣስ ግርማይ", "e", "rule", "ermias girmay"),
     ("ተስፋዬ", "e", "rule", "tesfaye"), ("መለስ ዜናዊ", "e", "rule", "meles zenawi")],
)
def test_romanise(ethiopic: str, first: str, sixth: str, latin: str) -> None:
    assert romanise(ethiopic, first, sixth) == latin


def test_skeleton_meets_the_arabic_spelling() -> None:
    """ዓብዱረዛቕ (UK list) is the Arabic name Abdelrazak: equal in the consonant skeleton space."""
    skeletons = [reading.tokens for reading in readings("ፍትዊ ዓብዱረዛቕ") if reading.space == SKELETON]
    assert skeletons == [(latin_skeleton("Fitiwi"), latin_skeleton("ABDELRAZAK"))]


@pytest.mark.parametrize(
    ("ethiopic", "latin"),
    [("ፍትዊ ዓብዱረዛቕ", "Fitiwi ABDELRAZAK"), ("ኤርሚኣስ ግርማይ", "Ermies GHERMAY")],  # UK OFSI list
)
def test_uk_list_names_are_found(ethiopic: str, latin: str) -> None:
    entities = [Entity("uk", "1", Schema.PERSON, (Name(latin),)),
                Entity("uk", "2", Schema.PERSON, (Name("Fitsum Girma ABRAHA"),)),
                Entity("uk", "3", Schema.PERSON, (Name("Abdel Rahman HASSAN"),))]
    matches = Screener(entities).screen(make_query(ethiopic, "Person"))
    assert matches and matches[0].entity.id == "uk:1"
    assert "ethiopic" in {reading.scheme for reading in latin_readings(ethiopic)}


@given(st.text(st.one_of(st.characters(min_codepoint=0x1200, max_codepoint=0x139F), st.sampled_from(" -")),
               max_size=30))
def test_never_raises_and_tokens_are_ascii(text: str) -> None:
    for reading in readings(text):
        assert reading.tokens and all(_TOKEN.fullmatch(token) for token in reading.tokens)
