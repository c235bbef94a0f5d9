"""Thai names: RTGS, the loanword readings, acronyms spelled by letter names, organisation words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoarfrost.names.readings import MAX_READINGS
from hoarfrost.names.thai import ACRONYM, acronym, loanword, readings, rtgs
from hoarfrost.names.transliterate import latin_readings
from tests.helpers import eu_journal_names_found

_TOKEN = re.compile("[a-z0-9]+")


@pytest.mark.parametrize(
    ("thai", "latin"),
    [("จำกัด", "chamkat"), ("บริษัท", "borisat"), ("กรุงเทพ", "krungthep"), ("ทักษิณ", "thaksin"),
     ("สมชาย", "somchai"), ("เมือง", "mueang"), ("ขาว", "khao"), ("คน", "khon"), ("เปรม", "prem"),
     ("ไทย", "thai"), ("ตัว", "tua"), ("เรือ", "ruea")],
)
def test_rtgs(thai: str, latin: str) -> None:
    assert rtgs(thai) == latin


@pytest.mark.parametrize(
    ("thai", "latin", "gz"),
    [("ฮาร์ดแวร์", "hardwar", False), ("ไทยแลนด์", "tailand", False), ("เอ็กโซร่า", "eksora", False),
     ("แพลนท์", "plant", False), ("บริษัท", "brisat", False), ("เมนซ์", "mens", False),
     ("โซกุโซ่", "soguzo", True), ("กรุ๊ป", "grup", True)],
)
def test_loanword_reading_undoes_thai_spelling(thai: str, latin: str, gz: bool) -> None:
    """The karan's silent letters are read, finals keep their letter, aspiration goes, clusters stay."""
    assert loanword(thai, gz) == latin


@pytest.mark.parametrize(
    ("thai", "letters"),
    [("ไอที", "it"), ("ทีอีซีจีอาร์", "tecgr"), ("ทีเอบี", "tab"), ("เอ็มไอที", "mit"), ("ดี", ""),
     ("บริษัท", ""), ("ฮาร์ดแวร์", "")],
)
def test_acronyms_spelled_by_letter_names(thai: str, letters: str) -> None:
    assert acronym(thai) == letters


def test_legal_form_and_organisation_words() -> None:
    assert readings("บริษัท เอ็กโซร่า จำกัด")[0].tokens == ("eksora", "llc")  # Co., Ltd: the class of orgtypes
    first = readings("ทีเอบี คอร์เปอร์เรชั่น (ไทยแลนด์) จำกัด")[0]
    assert first.scheme == ACRONYM and first.tokens == ("tab", "corporation", "thailand", "llc")
    assert readings("บริษัท ไทย จำกัด (มหาชน)")[0].tokens == ("thai", "llc", "public")
    assert readings("บริษัท ไทย")[0].tokens == ("company", "thai")  # no จำกัด: บริษัท is a plain word


def test_thai_is_read_by_this_module() -> None:
    assert {reading.scheme for reading in latin_readings("ฮาร์ดแวร์")} == {"rtgs", "thai-loanword"}


@given(st.text(st.one_of(st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F), st.sampled_from(" ()-")),
               max_size=30))
def test_never_raises_and_tokens_are_ascii(text: str) -> None:
    found = readings(text)
    assert len(found) <= MAX_READINGS
    for reading in found:
        assert reading.tokens and all(_TOKEN.fullmatch(token) for token in reading.tokens)


def test_eu_journal_thai_names_find_their_entry(data_dir: Path) -> None:
    """Every Thai name of the EU journal screened against the Latin names of every tenth entry and of the
    entries that bear Thai names: its own entry comes first."""
    found = eu_journal_names_found(data_dir, "Thai")
    missed = [name for name, hit in found if not hit]
    assert len(found) == 4
    assert missed == []  # measured: TAB Corporation (Thailand), Thai IT Hardware, TECGR, Soguzo all found
