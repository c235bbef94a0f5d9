"""Hypocoristics of given names and names written in three parts or one (pairwise comparison).

Names here are made up or ordinary; none is taken from the name benchmark.
"""

from __future__ import annotations

import pytest

from hoarfrost.matching.compare import compare_names
from hoarfrost.model import Schema
from hoarfrost.names.phonetic import is_nickname

THRESHOLD = 0.8


def _methods(query: str, candidate: str) -> set[str]:
    return {step["method"] for step in compare_names(query, candidate, Schema.PERSON).explanation
            if step["step"] == "token"}


@pytest.mark.parametrize(("query", "candidate"), [
    ("Bill Harwood", "William Harwood"),
    ("Peggy Lindqvist", "Margaret Lindqvist"),
    ("Ben Okafor", "Benjamin Okafor"),  # "ben" is also the particle "son of"
    ("Harwood, Bob", "Robert HARWOOD"),
])
def test_hypocoristic_of_a_given_name(query: str, candidate: str) -> None:
    assert compare_names(query, candidate, Schema.PERSON).score >= THRESHOLD
    assert "nickname" in _methods(query, candidate)


def test_hypocoristics_are_pairs_of_given_names() -> None:
    assert is_nickname("bill", "william") and is_nickname("william", "bill")
    assert not is_nickname("bill", "thomas")
    assert not is_nickname("benny", "ben")  # two hypocoristics of one name


def test_another_given_name_is_still_another_name() -> None:
    assert compare_names("Robert Harwood", "William Harwood", Schema.PERSON).score < THRESHOLD


@pytest.mark.parametrize(("query", "candidate", "schema"), [
    ("Maria De La Cruz", "Maria Delacruz", Schema.PERSON),
    ("Silver Oak Ridge Trading", "Silveroakridge Trading", Schema.ORGANIZATION),
    ("Vanderwaal Shipping", "Van der Waal Shipping", Schema.ORGANIZATION),
])
def test_three_parts_written_as_one(query: str, candidate: str, schema: Schema) -> None:
    assert compare_names(query, candidate, schema).score >= THRESHOLD


@pytest.mark.parametrize(("query", "candidate"), [
    ("Andrejs Kozlovs", "Andrey KOZLOV"),  # Latvian nominative -s
    ("Olegas Ivanovas", "Oleg IVANOV"),  # Lithuanian -as
])
def test_baltic_nominative_endings(query: str, candidate: str) -> None:
    assert compare_names(query, candidate, Schema.PERSON).score >= THRESHOLD
    assert "Baltic ending" in _methods(query, candidate)
