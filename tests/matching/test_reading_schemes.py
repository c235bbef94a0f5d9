"""A listed person with a name in Han and the same name in Latin letters (王晶 and "Wang Jing": the pinyin
reading of 王晶 is those very tokens). Each is aligned under its own reading scheme: the Latin name as a
Latin name, where a given name cut short counts ("Jinghe" ~ "Jing", truncated), and the pinyin reading as
a syllabic one, where it does not. Until 2026-12 the alignment memo left the scheme out of its key and the
Latin name got its pinyin twin's alignment: 0.51 instead of 0.90, an alert missed."""

from __future__ import annotations

import pytest

from hoarfrost.matching.matcher import Matcher
from hoarfrost.model import Entity, Name, NameKind, Schema


def person(source_id: str, *names: str) -> Entity:
    return Entity("test", source_id, Schema.PERSON,
                  tuple(Name(name, NameKind.PRIMARY if i == 0 else NameKind.ALIAS) for i, name in enumerate(names)))


@pytest.mark.parametrize("names", [("王晶", "Wang Jing"), ("Wang Jing", "王晶")])
def test_a_latin_name_is_aligned_as_latin_beside_its_pinyin_twin(names: tuple[str, str]) -> None:
    both = Matcher([person("1", *names)]).match("Wang Jinghe", schema=Schema.PERSON)
    latin_only = Matcher([person("2", "Wang Jing")]).match("Wang Jinghe", schema=Schema.PERSON)
    assert [round(r.score, 4) for r in both] == [round(r.score, 4) for r in latin_only] == [0.9]
    assert any(step.get("method") == "truncated" for step in both[0].explanation)
