"""Pairwise name comparison: structure, romanisation and script differences that must match, and
near names that must not. Scores are compared with the default threshold, never with exact values."""

from __future__ import annotations

import pytest

from hoarfrost.matching import compare_names
from hoarfrost.matching.algorithm import ALGORITHMS, DEFAULT_ALGORITHM
from hoarfrost.matching.align import person_order, token_similarity
from hoarfrost.model import Schema
from hoarfrost.names.arabic import SKELETON
from hoarfrost.names.phonetic import phonetic_key
from hoarfrost.names.readings import LATIN

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


# --- persons: which leftover tokens say "another person" ---


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Meir Ettinger", "Meir Mordechai ETTINGER"),  # the list's middle name, omitted
        ("Janan Mohammad Agha", "Janan AGHA"),  # the query's middle name, not listed
        ("V. Putin", "Vladimir PUTIN"),  # an initial for the given name
        ("Kim Pong-ryul", "Kim Pyong-ryul"),  # y before a vowel is a glide, not another vowel
        ("Oleksiy Galchenkov", "Alexey GALCHENKOV"),  # Ukrainian and Russian spellings of one name
    ],
)
def test_same_person_with_middle_names_and_initials(query: str, listed: str) -> None:
    assert compare_names(query, listed, Schema.PERSON).score >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Sergey Viktorovich Lavrov", "Sergey Borisovich LAVROV"),  # two fathers
        ("Omar bin Abdullah al-Muhammad", "Abdullah bin Omar al-Muhammad"),  # son and father swapped
        ("Zheng Hailun", "ZHANG Hailun"),  # one syllable: the vowel is the name
        ("N. N.", "Nursultan Nazarbayev"),  # initials alone
        ("Ben Hamid Ali", "Ben Abdallah Ali"),  # a middle name on each side is another middle name
    ],
)
def test_different_persons_do_not_alert(query: str, listed: str) -> None:
    assert compare_names(query, listed, Schema.PERSON).score < THRESHOLD


def test_family_name_first_with_a_comma() -> None:
    """"FAMILY, Given Middle" reads as Given Middle FAMILY: after the comma a middle name is omitted,
    before it a second family name is not (RUIZ PEREZ is two family names, not a middle name)."""
    middle = compare_names("Meir Ettinger", "ETTINGER, Meir Mordechai", Schema.PERSON).score
    second_family = compare_names("Leonardo Ruiz", "RUIZ PEREZ, Leonardo", Schema.PERSON).score
    in_order = compare_names("Leonardo Ruiz", "Leonardo Perez RUIZ", Schema.PERSON).score
    assert middle >= THRESHOLD
    assert second_family < in_order
    assert person_order("RUIZ PEREZ, Leonardo") == 2
    assert person_order("Leonardo RUIZ PEREZ") == 0
    assert person_order("A, B, C") is None


def test_one_letter_syllables_are_not_initials() -> None:
    """이 (Lee) reads "I": no initial of Igor."""
    explanation = compare_names("수빈 이", "Igor SUBIN", Schema.PERSON).explanation
    assert not any(step.get("method") == "initial" for step in explanation)


def test_phonetic_credit_falls_with_unlike_spellings() -> None:
    """Corinne and Chirino share the consonant frame "crn" but little else; Mohammed and Muhammad much."""
    weights = ALGORITHMS[DEFAULT_ALGORITHM].weights
    unlike = token_similarity("corinne", "chirino", phonetic_key("corinne"), phonetic_key("chirino"), LATIN, weights)
    alike = token_similarity("mohammed", "muhammad", phonetic_key("mohammed"), phonetic_key("muhammad"), LATIN, weights)
    assert unlike[0] < alike[0]


def test_short_consonant_skeletons_earn_less() -> None:
    weights = ALGORITHMS[DEFAULT_ALGORITHM].weights
    short = token_similarity("nf", "nf", "nf", "nf", SKELETON, weights)[0]
    long = token_similarity("mhmd", "mhmd", "mhmd", "mhmd", SKELETON, weights)[0]
    assert short < long
