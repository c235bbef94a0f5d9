"""Person names against a real list, with rarity weights: a listed person found without a middle name,
and not found when the query's given name is another one."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Schema
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")


@pytest.fixture(scope="module")
def un_persons(data_dir: Path) -> list[Entity]:
    entities, _ = read_list([data_dir / UN])
    return [entity for entity in entities if entity.schema is Schema.PERSON]


def _three_word_names(entities: list[Entity]) -> list[tuple[Entity, list[str]]]:
    """Listed persons named in order by exactly three plain words, the middle one of five letters or more."""
    found = []
    for entity in entities:
        words = entity.names[0].value.split()
        if len(words) == 3 and "," not in entity.names[0].value and all(w.isalpha() for w in words) \
                and len(words[1]) >= 5:
            found.append((entity, words))
    return found


def test_listed_person_found_without_the_middle_name(un_persons: list[Entity]) -> None:
    matcher = Matcher(un_persons)
    names = _three_word_names(un_persons)
    assert len(names) >= 20
    # well above the alert threshold: an omitted middle name is no doubt about the person
    found = sum(entity.id in {r.entity.id for r in matcher.match(f"{words[0]} {words[2]}", schema=Schema.PERSON,
                                                                  threshold=0.9)}
                for entity, words in names)
    assert found / len(names) >= 0.9, (found, len(names))


def test_another_given_name_is_not_an_omitted_middle_name(un_persons: list[Entity]) -> None:
    """The family name and the middle name with an unrelated first name in front: another person."""
    matcher = Matcher(un_persons)
    names = _three_word_names(un_persons)
    alerts = sum(entity.id in {r.entity.id for r in matcher.match(f"Zbigniew {words[1]} {words[2]}",
                                                                   schema=Schema.PERSON)}
                 for entity, words in names)
    assert alerts / len(names) <= 0.1, (alerts, len(names))
