"""A person's name in Han or Hangul says where its family name is; a listed name that leaves it over is
another person ("유진 박", Park Yu-jin, is not YU Jin), whatever the romanisation meets."""
from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Name, Schema
from hoarfrost.names.scripts import family_name_end
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")
# invented listed persons beside the real UN list: no real party's name
YU_JIN = Entity("test", "invented-yu", Schema.PERSON, (Name("YU, Jin"),))
CHUNG_MING = Entity("test", "invented-chung", Schema.PERSON, (Name("CHUNG, Ming"),))


@pytest.mark.parametrize(("name", "end"), [
    ("朱海仑", 0), ("박유진", 0), ("유진 박", -1), ("聰明 蔡", -1), ("蔡 聰明", 0),
    ("斌 莉 徐", None), ("南宮世家", None), ("Hailun ZHU", None), ("유 진", None), ("Иван", None),
])
def test_where_the_family_name_is_written(name: str, end: int | None) -> None:
    assert family_name_end(name) == end


@pytest.fixture(scope="module")
def matcher(data_dir: Path) -> Matcher:
    entities, _ = read_list([data_dir / UN])
    return Matcher([*entities, YU_JIN, CHUNG_MING])


def _alerts(matcher: Matcher, query: str) -> set[str]:
    return {r.entity.id for r in matcher.match(query, schema=Schema.PERSON)}


@pytest.mark.parametrize(("query", "entity"), [("유진 박", YU_JIN), ("박유진", YU_JIN), ("聰明 蔡", CHUNG_MING)])
def test_an_unmatched_family_name_does_not_alert(matcher: Matcher, query: str, entity: Entity) -> None:
    assert entity.id not in _alerts(matcher, query)


@pytest.mark.parametrize(("query", "entity"), [("유진", YU_JIN), ("진 유", YU_JIN), ("鍾明", CHUNG_MING)])
def test_a_met_family_name_still_alerts(matcher: Matcher, query: str, entity: Entity) -> None:
    assert entity.id in _alerts(matcher, query)


def test_the_explanation_names_the_penalty(matcher: Matcher) -> None:
    hits = [r for r in matcher.match("유진 박", schema=Schema.PERSON, threshold=0.0) if r.entity.id == YU_JIN.id]
    assert hits and any(e.get("detail", "").startswith("the family name") for e in hits[0].explanation)
