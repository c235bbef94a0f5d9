"""The bulk index build (NameIndex over _IndexBuilder) makes exactly the index that posting every key of
every form one by one makes: each form under the keys form_keys gives it and its skeleton, each key's
form ids sorted and distinct, each space token counted once per name of an entry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.forms import name_forms, skeleton_of
from hoarfrost.matching.index import NameIndex, form_keys
from hoarfrost.model import Entity, Schema
from hoarfrost.names.readings import LATIN
from tests.helpers import read_list

UN = Path("un_sc_consolidated/2026-02-27/UN_consolidated.xml")


@pytest.fixture(scope="module")
def un_entities(data_dir: Path) -> list[Entity]:
    entities, _ = read_list([data_dir / UN])
    return entities


def one_by_one(entities: list[Entity]) -> tuple[list[tuple[int, int, object]], dict[str, list[int]], Counter[str]]:
    """(forms, postings, document frequency) as a plain loop over every form of every name makes them."""
    forms: list[tuple[int, int, object]] = []
    postings: dict[str, list[int]] = {}
    frequency: Counter[str] = Counter()
    for position, entity in enumerate(entities):
        for name_position, name in enumerate(entity.names):
            seen: set[str] = set()
            for form in name_forms(name.value, entity.schema is Schema.PERSON):
                form_id = len(forms)
                forms.append((position, name_position, form))
                shapes = [form] + [s for s in (skeleton_of(form),) if s is not None]
                for key in {key for shape in shapes for _, key in form_keys(shape)}:
                    postings.setdefault(key, []).append(form_id)
                seen.update(t if s.space == LATIN else f"{s.space}:{t}" for s in shapes for t in s.tokens)
            frequency.update(seen)
    return forms, postings, frequency


def test_bulk_build_equals_one_by_one(un_entities: list[Entity]) -> None:
    entities = un_entities + un_entities[:300]  # names repeated on another list, as the lists repeat them
    index = NameIndex(iter(entities), ALGORITHMS[DEFAULT_ALGORITHM].weights)
    forms, postings, frequency = one_by_one(entities)
    assert index.entities == entities
    assert [(f.entity, f.name, f.form) for f in index.forms] == forms
    assert set(index.postings) == set(postings)
    for key, ids in index.postings.items():
        assert ids.dtype == np.int32
        assert ids.tolist() == postings[key], key
    assert index.document_frequency == frequency
    assert any(form.space != LATIN for _, _, form in forms)  # the list's names in other scripts are in it
    assert max(frequency.values()) > 1


def test_empty_build() -> None:
    index = NameIndex((), ALGORITHMS[DEFAULT_ALGORITHM].weights)
    assert (index.entities, index.forms, index.postings, index.document_frequency) == ([], [], {}, Counter())
