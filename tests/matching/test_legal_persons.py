"""A person's name has no legal form: a listed person whose name opens or closes with a syllable that is also a
short legal form somewhere (Yu, Se, Ku, Sa'd, Ag) keeps that name part, as a real list gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.compare import compare_names
from hoarfrost.matching.forms import query_forms
from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Schema
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.orgtypes import replace_legal_forms
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")


@pytest.fixture(scope="module")
def un_entities(data_dir: Path) -> list[Entity]:
    entities, _ = read_list([data_dir / UN])
    return entities


def _persons_read_as_companies(entities: list[Entity]) -> list[tuple[Entity, str, list[str]]]:
    """Listed persons with a plain three-word Latin name of which the legal-form reader takes the first word."""
    found = []
    for entity in entities:
        if entity.schema is not Schema.PERSON:
            continue
        for name in entity.names:
            words = normalise_name(name.value).split()
            if len(words) == 3 and name.value.isascii() and replace_legal_forms(" ".join(words)).split()[0] != words[0]:
                found.append((entity, name.value, words))
    return found


def test_a_person_query_keeps_its_first_name_part(un_entities: list[Entity]) -> None:
    names = _persons_read_as_companies(un_entities)
    assert names
    for _, name, words in names:
        assert query_forms(name, person=True)[0].tokens[0] == words[0]
        assert query_forms(name)[0].tokens[0] != words[0]  # a name of unknown kind is read as before


def test_another_family_name_is_not_the_listed_person(un_entities: list[Entity]) -> None:
    """With the family name read as a legal form (optional), "KIM CHOL U" met "YU CHOL U" as the same person."""
    matcher = Matcher(un_entities)
    names = _persons_read_as_companies(un_entities)
    for entity, name, words in names:
        found = matcher.match(name, schema=Schema.PERSON)
        assert found and found[0].entity.id == entity.id, name
        other = "Zhang " + " ".join(words[1:])
        assert entity.id not in {r.entity.id for r in matcher.match(other, schema=Schema.PERSON)}, other


def test_compare_names_reads_no_legal_form_in_a_persons_name() -> None:
    """compare_names as the screener: a person's "YU" or "AS" is a name, not a legal form let go."""
    threshold = ALGORITHMS[DEFAULT_ALGORITHM].weights.threshold
    for name in ("YU Jin", "AS Ali"):
        short = name.split()[1]
        assert compare_names(name, short, Schema.PERSON).score < threshold
        assert compare_names(name, short).score >= threshold  # schema unknown: read as before
