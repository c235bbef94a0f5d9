"""Hangul organisation names: second usual translations of a word, and the South's spelling of a name in them."""

from __future__ import annotations

from hoarfrost.names.hangul import readings


def _texts(name: str) -> set[str]:
    return {reading.text for reading in readings(name)}


def test_second_translation_of_a_word() -> None:
    texts = _texts("영변 원자력 연구소")
    assert "yongbyon nuclear research institute" in texts
    assert "yongbyon nuclear research centre" in texts
    assert "korea namgang trading company" in _texts("조선남강무역회사")


def test_northern_spelling_of_a_place_also_read_the_southern_way() -> None:
    """The North writes 녕변 (Nyongbyon) where the South and most lists write Yongbyon."""
    texts = _texts("녕변 원자력 연구소")
    assert "nyongbyon nuclear research institute" in texts
    assert "yongbyon nuclear research centre" in texts


def test_state_name_as_its_usual_abbreviation() -> None:
    texts = _texts("조선민주주의인민공화국 국가해사감독국")
    assert "dprk national maritime supervision bureau" in texts
    assert "democratic peoples republic of korea national maritime supervision bureau" in texts


def test_french_usage_of_dprk_names() -> None:
    """Older French and EU documents write ㅈ "dj", ㅊ "tch", ㅓ "eu", ㅜ "ou": "Kim Sou Kwang"."""
    assert "kim sou kwang" in _texts("김수광")
    assert "djang tcheul hi" in _texts("장철희")


def test_loanword_final_eo_as_english_er_and_first_rieul_as_l() -> None:
    """Korean writes English -er as ㅓ (피터 Peter, 밀러 Miller) and a first l as ㄹ (레밍 Lemming)."""
    assert "piter" in _texts("피터")
    assert "miller" in _texts("밀러")
    assert "leming" in _texts("레밍")
    assert "reming" in _texts("레밍")
