"""Myanmar (Burmese) names: customary per-syllable spelling, plain variant, loanword reading, legal forms."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoarfrost.names.myanmar import CUSTOMARY, readings, romanise
from hoarfrost.names.readings import MAX_READINGS
from hoarfrost.names.scripts import detect_script
from hoarfrost.names.transliterate import latin_readings
from hoarfrost.screening.screener import Screener, make_query
from tests.helpers import bench_datasets

_TOKEN = re.compile("[a-z0-9]+")


def _texts(name: str) -> set[str]:
    return {reading.text for reading in readings(name)}


@pytest.mark.parametrize(
    ("burmese", "latin"),
    [("မင်းအောင်လှိုင်", "min aung hlaing"), ("သန်းရွှေ", "than shwe"), ("သိန်းစိန်", "thein sein"),
     ("ခင်ညွန့်", "khin nyunt"), ("မောင်မောင်ကျော်", "maung maung kyaw"), ("ဇော်ဝင်း", "zaw win"),
     ("ချစ်ဆွေ", "chit hswe"), ("ဦးသန့်", "u thant"), ("အောင်ဆန်းစုကြည်", "aung hsan su kyi")],
)
def test_customary_spelling_one_token_per_syllable(burmese: str, latin: str) -> None:
    assert romanise(burmese) == latin
    assert readings(burmese)[0].scheme == CUSTOMARY


@pytest.mark.parametrize(
    ("burmese", "latin"),
    [("ကျော်မိုးထွန်း", "kyaw moe tun"), ("နေပြည်တော်", "nay pyi taw"), ("လှထေးဝင်း", "hla tay win"),
     ("စိုးဝင်း", "soe win"), ("အောင်ဆန်းစုကြည်", "aung san su kyi"), ("မင်းအောင်လှိုင်", "minaunghlaing")],
)
def test_plain_and_joined_variants(burmese: str, latin: str) -> None:
    assert latin in _texts(burmese)


def test_honorific_left_out_in_one_reading() -> None:
    texts = _texts("ဒေါ်အောင်ဆန်းစုကြည်")
    assert "daw aung hsan su kyi" in texts
    assert "aung san su kyi" in texts


@pytest.mark.parametrize(
    ("burmese", "latin"),
    [("ဗလာဒီမီယာ ပူတင်", "vladimiya putin"), ("ဒေါ်နယ်(လ်)ထရမ့်", "donal tram"),
     ("ကင်း(င်)ရွိုင်ရယ်(လ်) တက်ကနော်လော်ဂျီ(စ်) ကုမ္ပဏီ လီမိတက်", "king roiral teknologis co llc")],
)
def test_loanword_reading_of_foreign_names(burmese: str, latin: str) -> None:
    assert latin in _texts(burmese)


def test_final_written_apart_joins_its_word() -> None:
    """The dispatcher cuts "ကင်း(င်)" at the parentheses; the reader puts the final back on its word."""
    assert _texts("ကင်း(င်) ကုမ္ပဏီ လီမိတက်") == _texts("ကင်း င် ကုမ္ပဏီ လီမိတက်")
    assert "king co llc" in {reading.text for reading in latin_readings("ကင်း(င်) ကုမ္ပဏီ လီမိတက်")}


def test_myanmar_is_read_by_this_module() -> None:
    assert latin_readings("မင်းအောင်လှိုင်")[0].text == "min aung hlaing"


@given(st.text(st.one_of(st.characters(min_codepoint=0x1000, max_codepoint=0x109F), st.sampled_from(" ()-")),
               max_size=30))
def test_never_raises_and_tokens_are_ascii(text: str) -> None:
    found = readings(text)
    assert len(found) <= MAX_READINGS
    for reading in found:
        assert reading.tokens and all(_TOKEN.fullmatch(token) for token in reading.tokens)


def test_uk_list_burmese_names_find_their_entry(data_dir: Path) -> None:
    """Every Burmese-script name of the UK list, screened against the Latin names of every tenth entry and
    of the entries bearing such names, finds its own entry first."""
    entities = bench_datasets().read_official(data_dir / bench_datasets().UK_OFSI)
    written = [(entity, name.value) for entity in entities for name in entity.names
               if detect_script(name.value) == "Mymr"]
    bearers = {entity.id for entity, _ in written}
    latin = [replace(entity, names=tuple(n for n in entity.names if detect_script(n.value) == "Latn"))
             for position, entity in enumerate(entities) if position % 10 == 0 or entity.id in bearers]
    screener = Screener([entity for entity in latin if entity.names])
    assert written
    for entity, name in written:
        matches = screener.screen(make_query(name, str(entity.schema)))
        assert matches and matches[0].entity.id == entity.id, name


def test_organisation_vocabulary_found_inside_a_run_together_word() -> None:
    assert "myanmar economic corporation" in _texts("မြန်မာ့စီးပွားရေးကော်ပိုရေးရှင်း")
    assert "myanmar economic holdings llc" in _texts("မြန်မာ့စီးပွားရေးဦးပိုင်လီမိတက်")


def test_person_name_syllables_are_not_vocabulary() -> None:
    """ဦးပိုင် is "holdings" in a company name, but "U Paing" in a person's."""
    assert romanise("ဦးပိုင်စိုး") == "u paing so"
