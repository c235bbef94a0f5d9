"""Hebrew names: consonant skeletons in the Arabic module's key space, letter and niqqud readings."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from hoarfrost.names.arabic import SKELETON, latin_skeleton
from hoarfrost.names.arabic import skeleton_readings as arabic_skeleton_readings
from hoarfrost.names.hebrew import (
    NIQQUD,
    TRANSLATION,
    VOWELLED,
    hebrew_skeleton,
    letters_reading,
    niqqud_reading,
    readings,
    skeleton_readings,
    translation_readings,
    vowelled_reading,
)
from hoarfrost.names.readings import LATIN, MAX_READINGS, Reading
from tests.helpers import eu_journal_names_found

_TOKEN = re.compile("[a-z0-9]+")


def _keys(text: str) -> set[tuple[str, ...]]:
    return {reading.tokens for reading in skeleton_readings(text)}


def _latin_keys(name: str) -> tuple[str, ...]:
    return tuple(key for key in map(latin_skeleton, name.replace("-", " ").split()) if key)


@pytest.mark.parametrize(
    ("hebrew", "latin"),
    [
        ("דוד", "David"), ("דויד", "David"), ("משה", "Moshe"), ("אברהם", "Avraham"), ("אברהם", "Abraham"),
        ("יעקב", "Yaakov"), ("יעקב", "Jakob"), ("חיים", "Chaim"), ("חיים", "Haim"), ("יצחק", "Yitzhak"),
        ("בנימין נתניהו", "Binyamin Netanyahu"), ("יצחק רבין", "Yitzhak Rabin"), ("שרה", "Sarah"),
        ("שרה", "Sara"), ("מנחם בגין", "Menachem Begin"), ("לוי", "Levi"), ("יוסף", "Yosef"),
        ("רחל", "Rachel"), ("אריאל שרון", "Ariel Sharon"), ("שמעון פרס", "Shimon Peres"),
        ("ז'אן", "Jean"), ("צ'רלס", "Charles"), ("פרידמן", "Friedman"), ("כץ", "Katz"),
        ("משה בן יוסף", "Moshe ben Yosef"),
        # From the EU journal: a modern given name beside an old-spelled surname, צ written z; a first י
        # read as i.
        ("אביחי סויסה", "Avichai Suissa"), ("בן ציון גופשטיין", "Ben-Zion Gopstein"), ("ישראל", "Israel"),
    ],
)
def test_hebrew_name_meets_its_latin_spelling(hebrew: str, latin: str) -> None:
    assert _latin_keys(latin) in _keys(hebrew)


def test_hebrew_and_arabic_meet_in_one_space() -> None:
    """The same Semitic name in both scripts and in Latin: one key."""
    for hebrew, arabic, latin in (("יוסף", "يوسف", "Yusuf"), ("אברהם", "ابراهيم", "Ibrahim"),
                                  ("משה", "موسى", "Musa"), ("יעקב", "يعقوب", "Yaqub")):
        hebrew_keys = {key for reading in skeleton_readings(hebrew) for key in reading.tokens}
        arabic_keys = {key for reading in arabic_skeleton_readings(arabic) for key in reading.tokens}
        assert latin_skeleton(latin) in arabic_keys, (arabic, latin)
        if latin != "Ibrahim" and latin != "Musa":  # Avraham has no i; Moshe has sh where Musa has s
            assert hebrew_keys & arabic_keys, (hebrew, arabic)


def test_plain_skeleton_is_one_key_per_word() -> None:
    assert hebrew_skeleton("דוד בן גוריון") == ("dd", "", "krn")
    assert hebrew_skeleton("שלום") == ("xlm",)


@pytest.mark.parametrize(
    ("pointed", "latin"),
    [("דָּוִד", "david"), ("מֹשֶׁה", "moshe"), ("שָׂרָה", "sara"), ("אַבְרָהָם", "avraham"), ("יִצְחָק", "yitzhak"),
     ("שְׁלֹמֹה", "shelomo"), ("רוּת", "rut")],
)
def test_niqqud_reading(pointed: str, latin: str) -> None:
    assert niqqud_reading(pointed) == latin
    assert readings(pointed)[0].scheme == NIQQUD


def test_niqqud_decides_the_skeleton() -> None:
    assert _keys("דָּוִד") == {("dfd",)}
    assert _keys("שָׂרָה") == {("sr",)}


def test_letters_reading() -> None:
    assert letters_reading("רולנד") == "rolnd"
    assert letters_reading("אברהם", modern=False) == "abrhm"
    assert letters_reading("אברהם") == "avrhm"
    assert letters_reading("שרה") == "shra"


@given(st.text(st.one_of(st.characters(min_codepoint=0x0590, max_codepoint=0x05FF),
                         st.sampled_from(" -'\u05f3\u200c"), st.characters()), max_size=30))
def test_never_raises_and_tokens_are_ascii(text: str) -> None:
    found = readings(text)
    assert len(found) <= MAX_READINGS
    for reading in found:
        assert reading.tokens and all(_TOKEN.fullmatch(token) for token in reading.tokens)
        assert reading.space in (LATIN, SKELETON)
    assert readings(text) == found


def test_no_hebrew_letters_no_readings() -> None:
    assert readings("") == [] and readings("David") == [] and readings("محمد") == []


def _pairs(data_dir: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in (data_dir / "translit_wikidata_coling2018" / "wd_hebrew_20").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            pairs.append((parts[0], parts[1].replace(" ", "")))
    return pairs


def test_wikidata_skeletons(data_dir: Path) -> None:
    pairs = _pairs(data_dir)
    equal = near = total = 0
    for english, target in pairs:
        key = latin_skeleton(english)
        keys = {k for reading in skeleton_readings(target) for k in reading.tokens}
        if not key or not keys:
            continue
        total += 1
        if key in keys:
            equal += 1
        elif any(Levenshtein.distance(key, k) <= 1 or Levenshtein.normalized_similarity(key, k) >= 0.75
                 for k in keys if len(k) >= 3 or Levenshtein.distance(key, k) <= 1):
            near += 1
    assert equal / total >= 0.78  # measured 0.798 of 10,000 pairs (mostly foreign names written in Hebrew)
    assert (equal + near) / total >= 0.93  # measured 0.954
    english_tokens = sorted({english for english, _ in pairs})
    rng = random.Random(0)
    sample = [rng.sample(english_tokens, 2) for _ in range(20000)]
    collisions = sum(1 for a, b in sample if latin_skeleton(a) and latin_skeleton(a) == latin_skeleton(b))
    assert collisions / len(sample) <= 0.002  # measured 0.0003


def test_wikidata_latin_readings(data_dir: Path) -> None:
    pairs = _pairs(data_dir)
    exact = near = 0
    for english, target in pairs:
        wanted = "".join(char for char in anyascii(english).casefold() if char.isalnum())
        joined = ["".join(reading.tokens) for reading in readings(target) if reading.space == LATIN]
        exact += wanted in joined
        near += bool(joined) and max(fuzz.ratio(wanted, candidate) for candidate in joined) >= 80
    assert exact / len(pairs) >= 0.11  # measured 0.127 (0.078 before the vowelled readings): vowels unwritten
    assert near / len(pairs) >= 0.56  # measured 0.584 (0.477 before)


@pytest.mark.parametrize(
    ("hebrew", "a_reading", "e_reading"),
    [("נחלה", "nachala", "nechele"), ("אמנה", "amana", "emene"), ("מאיר", "meir", "meir"),
     ("יעקב", "yakav", "yakev"), ("נוער", "noar", "noar"), ("אביחי", "avichi", "evichi"),
     ('להב"ה', "lahava", "leheve"), ("צה״ל", "tzahal", "tzehel")],  # acronyms: the gershayim is no space
)
def test_vowelled_reading(hebrew: str, a_reading: str, e_reading: str) -> None:
    assert vowelled_reading(hebrew) == a_reading
    assert vowelled_reading(hebrew, "e") == e_reading
    assert Reading((a_reading,), VOWELLED) in readings(hebrew)


def _sorted_skeletons(found: list[Reading]) -> list[list[str]]:
    return [sorted(reading.tokens) for reading in found if reading.space == SKELETON]


def test_organisation_vocabulary_is_translated() -> None:
    farm = translation_readings("החווה של משה")  # the article ה prefixed, "X של Y" is "Y's X"
    assert farm[0] == Reading(("farm", "masha"), TRANSLATION)
    assert sorted(_latin_keys("Moshe's Farm")) in _sorted_skeletons(farm)  # order-free, as the matcher aligns
    assert sorted(_latin_keys("Zvi's Farm")) in _sorted_skeletons(translation_readings("החווה של צבי"))
    assert translation_readings("תנועת נחלה")[0].tokens == ("movement", "nachala")  # construct form ־ת
    assert readings("תנועת נחלה")[1].scheme == TRANSLATION


def test_no_translation_without_an_organisation_word() -> None:
    assert translation_readings("בן ציון גופשטיין") == []  # ציון is in the table, but names no organisation
    assert translation_readings("נוער") == [Reading(("youth",), TRANSLATION), Reading(("yt",), TRANSLATION, SKELETON)]
    assert all(reading.scheme != TRANSLATION for reading in readings("משה שרביט"))


def test_eu_journal_hebrew_names_find_their_entry(data_dir: Path) -> None:
    """Every Hebrew name of the EU journal screened against the Latin names of every tenth entry and of
    the entries that bear Hebrew names: its own entry comes first."""
    found = eu_journal_names_found(data_dir, "Hebr")
    assert len(found) == 16, [name for name, _ in found]
    # Measured 14 of 16: נחלה alone is one word of "Nachala Movement" (a one-word query is discounted), and
    # יששכר מן "Issachar Mann" keeps the silent second ש of the traditional spelling (two written letters
    # are otherwise two consonants with a vowel between: ננסי Nancy, הררי Harari).
    assert sum(hit for _, hit in found) >= 14, [name for name, hit in found if not hit]
