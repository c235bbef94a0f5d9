""""Co." belongs to the legal form it stands beside: "X Co. Ltd", "X Co., Limited", "X CO LTD" and "X Co., Ltd."
are one name in four spellings, and a reading of "X有限公司" (`llc`) meets each of them without a leftover `co`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hoarfrost.matching.forms import query_forms
from hoarfrost.model import Entity, Schema
from tests.helpers import read_list

SDN = Path("us_ofac_sdn/2024-05-03/sdn.csv")
_CO_LTD = re.compile(r"\s*\bCO(\.,?|,)?\s+(LTD\.?|LIMITED)$", re.IGNORECASE)
_SPELLINGS = (" Co. Ltd", " Co., Limited", " CO LTD", " Co., Ltd.", " Company Limited")


@pytest.fixture(scope="module")
def co_ltd_names(data_dir: Path) -> list[str]:
    entities: list[Entity]
    entities, _ = read_list([data_dir / SDN])
    return [name.value for entity in entities if entity.schema is not Schema.PERSON for name in entity.names
            if _CO_LTD.search(name.value) and len(_CO_LTD.sub("", name.value).split()) >= 1]


def test_co_ltd_spellings_make_one_form(co_ltd_names: list[str]) -> None:
    assert len(co_ltd_names) >= 20
    for name in co_ltd_names:
        core = _CO_LTD.sub("", name)
        shapes = {query_forms(core + spelling)[0].tokens for spelling in _SPELLINGS}
        assert len(shapes) == 1, (name, shapes)
        assert "co" not in next(iter(shapes)) or "co" in query_forms(core)[0].tokens


def test_a_chinese_legal_form_meets_co_ltd_alone() -> None:
    assert query_forms("VSE有限公司")[0].tokens[-1:] == query_forms("VSE Co. Ltd")[0].tokens[-1:] == ("llc",)
    assert "co" not in query_forms("VSE Co., Limited")[0].tokens
