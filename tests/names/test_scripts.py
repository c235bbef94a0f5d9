"""Script detection and name normalisation: pure functions, property-tested."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.scripts import detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("ZHU Hailun", "Latn"), ("朱海仑", "Hani"), ("朱海侖", "Hani"), ("Чжу Хайлунь", "Cyrl"),
        ("محمد", "Arab"), ("김정은", "Hang"), ("金正恩 김정은", "Kore"), ("プーチン", "Kana"),
        ("ウラジーミル・プーチン 普京", "Jpan"), ("Πούτιν", "Grek"), ("პუტინი", "Geor"),
        ("Պուտին", "Armn"), ("פוטין", "Hebr"), ("पुतिन", "Deva"), ("ପୁଟିନ", "Orya"),
        ("Latin (Кириллица)", "Zmix"), ("12345", "Zyyy"), ("", "Zyyy"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("AL-QAIDA", "al qaida"), ("Müller, Hans-Peter", "muller hans peter"), ("ＺＨＵ Hailun", "zhu hailun"),
        ("O'Brien", "obrien"), ("محمد عَلي", "محمد علي"), ("Андрей Йошкар", "андрей йошкар"),
        ("  many   spaces ", "many spaces"),
    ],
)
def test_normalise_name(text: str, normalised: str) -> None:
    assert normalise_name(text) == normalised


@given(st.text(max_size=60))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


@given(st.text(max_size=60))
def test_normalised_names_have_no_edge_or_double_spaces(text: str) -> None:
    result = normalise_name(text)
    assert result == result.strip() and "  " not in result
