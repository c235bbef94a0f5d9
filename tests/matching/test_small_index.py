"""A Matcher over a handful of listed entities (a bank screening against one short national list, or a
test store): token weights must be defined there too, not divide by zero."""
from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Schema
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")


@pytest.mark.parametrize("count", [1, 2, 4])
def test_a_tiny_index_finds_its_entities(data_dir: Path, count: int) -> None:
    entities, _ = read_list([data_dir / UN])
    persons = [e for e in entities if e.schema is Schema.PERSON and len(e.names) == 1][:count]
    matcher = Matcher(persons)
    for entity in persons:
        found = matcher.match(entity.names[0].value, schema=Schema.PERSON)
        assert [r.entity.id for r in found][:1] == [entity.id]
