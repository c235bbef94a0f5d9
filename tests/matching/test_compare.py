"""Pairwise name comparison: structure, romanisation and script differences that must match, and
near names that must not. Scores are compared with the default threshold, never with exact values."""

from __future__ import annotations

import pytest

from hoarfrost.matching import compare_names
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM

THRESHOLD = ALGORITHMS[DEFAULT_ALGORITHM].weights.threshold


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hailun Zhu", "ZHU, Hailun"),  # list order LAST, First
        ("ZHU Hailun", "Hailun ZHU"),  # family name first or last
        ("Zhu Hai-lun", "ZHU, Hailun"),  # hyphenated given name
        ("Zhu Hai Lun", "ZHU, Hailun"),  # spaced given name
        ("Vladimir Vladimirovich Putin", "PUTIN, Vladimir"),  # optional patronymic
        ("Mohammed Ali Hassan", "Muhammad Ali HASAN"),  # vowel spellings
        ("Yevgeniy Prigozhin", "Evgeny PRIGOZHIN"),
        ("Alexander Lukashenko", "Aliaksandr LUKASHENKA"),
        ("Gazprom PJSC", "PUBLIC JOINT STOCK COMPANY GAZPROM"),  # legal form as a class
        ("ПАО Газпром", "Gazprom PJSC"),
        ("朱海仑", "ZHU, Hailun"),  # Han to pinyin
        ("朱海侖", "ZHU, Hailun"),  # traditional characters
        ("王君正", "WANG Junzheng"),
        ("陈明国", "Mingguo CHEN"),
        ("Чжу Хайлунь", "ZHU, Hailun"),  # Russian rendering of a Chinese name
        ("Евгений Пригожин", "Yevgeniy PRIGOZHIN"),
        ("Аляксандр Лукашэнка", "Alexander Lukashenko"),
        ("قاسم سليماني", "Qasem SOLEIMANI"),  # Arabic script, no vowels written
        ("김정은", "KIM Jong Un"),  # Hangul
    ],
)
def test_same_person_or_company_alerts(query: str, listed: str) -> None:
    assert compare_names(query, listed).score >= THRESHOLD, compare_names(query, listed).explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Wang Jun", "WANG, Mingshan"),  # a common family name alone
        ("Zhu", "ZHU, Hailun"),  # one word of a longer name
        ("Jun Kim", "KIM, Kang Jin"),
        ("Mohammed Hassan", "Mohammed ALI"),
        ("Gazprom Neft", "Gazprombank"),
        ("John Smith", "Jane Smithers"),
    ],
)
def test_different_people_do_not_alert(query: str, listed: str) -> None:
    assert compare_names(query, listed).score < THRESHOLD


def test_explanation_names_each_token_and_method() -> None:
    comparison = compare_names("Mohamed Hasan", "HASSAN, Muhammad")
    tokens = [step for step in comparison.explanation if step["step"] == "token"]
    assert {(t["query"], t["list"]) for t in tokens} == {("mohamed", "muhammad"), ("hasan", "hassan")}
    assert all(t["method"] in ("phonetic", "edit distance", "exact") for t in tokens)


def test_scores_are_within_zero_and_one() -> None:
    for query, listed in [("a", "b"), ("Hailun Zhu", "ZHU, Hailun"), ("朱海仑", "Чжу Хайлунь")]:
        assert 0.0 <= compare_names(query, listed).score <= 1.0
