"""The Screener over real official lists: the EU/UK/US designations of March 2021 for Xinjiang found
however their names are written, explanations an analyst can check, and qualifiers that move scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoarfrost.errors import QueryError
from hoarfrost.model import Entity
from hoarfrost.screening.screener import Screener, make_query
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list


def read(path: Path) -> list[Entity]:
    return list(open_list([path], ReadReport()).entities())


@pytest.fixture(scope="module")
def screener(data_dir: Path) -> Screener:
    entities = read(data_dir / "us_ofac_sdn/2024-05-03/sdn.csv")
    entities += read(data_dir / "uk_ofsi_conlist/UK_Sanctions_List.xlsx")
    entities += read(data_dir / "un_sc_consolidated/2026-02-27/UN_consolidated.xml")
    return Screener(entities)


def hits(screener: Screener, name: str, **qualifiers: str) -> set[str]:
    return {match.entity.id for match in screener.screen(make_query(name, **qualifiers))}


@pytest.mark.parametrize(
    "name",
    ["ZHU Hailun", "Hailun Zhu", "Zhu Hai-lun", "朱海仑", "朱海侖", "Чжу Хайлунь"],
)
def test_zhu_hailun_is_found_in_every_writing(screener: Screener, name: str) -> None:
    assert {"us_ofac_sdn:29219", "uk_ofsi:14078"} <= hits(screener, name, schema="Person")


@pytest.mark.parametrize(
    ("name", "ofac", "uk"),
    [
        ("王君正", "31492", "14077"), ("Wang Junzheng", "31492", "14077"),
        ("王明山", "29162", "14076"), ("Mingshan Wang", "29162", "14076"),
        ("陈明国", "31493", "14074"), ("陳明國", "31493", "14074"), ("Chen Mingguo", "31493", "14074"),
    ],
)
def test_xinjiang_officials_are_found(screener: Screener, name: str, ofac: str, uk: str) -> None:
    assert {f"us_ofac_sdn:{ofac}", f"uk_ofsi:{uk}"} <= hits(screener, name)


def test_the_public_security_bureau_is_found(screener: Screener) -> None:
    found = hits(screener, "Xinjiang Production and Construction Corps Public Security Bureau",
                 schema="Organization")
    assert "uk_ofsi:14079" in found


def test_common_family_name_alone_does_not_alert(screener: Screener) -> None:
    assert not {"us_ofac_sdn:29162", "uk_ofsi:14076"} & hits(screener, "Wang Jun")


def test_conflicting_birth_date_pushes_below_threshold(screener: Screener) -> None:
    assert "us_ofac_sdn:29219" in hits(screener, "Hailun Zhu", dob="1958")
    assert "us_ofac_sdn:29219" not in hits(screener, "Hailun Zhu", dob="1991-06-02")


def test_explanation_shows_reading_tokens_and_qualifiers(screener: Screener) -> None:
    (match,) = [m for m in screener.screen(make_query("朱海仑", dob="1958-01")) if m.entity.id == "us_ofac_sdn:29219"]
    steps = {step["step"] for step in match.explanation}
    assert {"name", "token", "qualifier", "algorithm"} <= steps
    name_step = match.explanation[0]
    assert name_step["query_reading"] == "pinyin" and name_step["list_name"] == "ZHU, Hailun"
    tokens = {(s["query"], s["list"]) for s in match.explanation if s["step"] == "token"}
    assert ("zhu", "zhu") in tokens
    qualifier = next(s for s in match.explanation if s["step"] == "qualifier")
    assert qualifier["qualifier"] == "date_of_birth" and "agrees" in qualifier["detail"]


def test_results_are_best_first_and_within_unit_interval(screener: Screener) -> None:
    matches = screener.screen(make_query("Usama bin Laden"))
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("", {}), ("   ", {}), ("\x00\x01", {}), ("😀😀", {}), ("x" * 10_000, {}), ("Zhu", {"schema": "Planet"}),
     ("Zhu", {"dob": "1958-02-30"}), ("Zhu", {"country": "Atlantis"})],
)
def test_bad_queries_are_clear_errors(name: str, kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        make_query(name, **kwargs)


def test_odd_but_valid_names_give_sane_results(screener: Screener) -> None:
    for name in ["Zhu Hailun 😀", "ZHU\u200bHailun", "Zhu Hailun Чжу 朱", "A", "Ω"]:
        for match in screener.screen(make_query(name)):
            assert 0 < match.score <= 1


def test_invisible_characters_in_a_query() -> None:
    # a tab or newline parts words; Persian keeps its zero-width non-joiner (احمدی‌مقدم is two words
    # joined in writing); soft hyphens and direction marks are dropped
    assert make_query("ZHU\tHailun\n").name == "ZHU Hailun"
    assert make_query("احمدی\u200cمقدم").name == "احمدی\u200cمقدم"
    assert make_query("Hai\u00adlun\u200e ZHU").name == "Hailun ZHU"
