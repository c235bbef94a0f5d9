"""Japanese organisation vocabulary in English, and Hebrew vowel letters after a first א or ע."""

from __future__ import annotations

from hoarfrost.names.hebrew import readings as hebrew_readings
from hoarfrost.names.kana import readings as kana_readings
from hoarfrost.names.readings import Reading
from hoarfrost.names.transliterate import latin_readings


def _texts(found: list[Reading]) -> set[str]:
    return {reading.text for reading in found}


def test_japanese_organisation_words_translated() -> None:
    texts = _texts(kana_readings("カザン火薬工場"))
    assert {"kazan gunpowder plant", "kazan powder plant", "kazan gunpowder works"} <= texts
    assert "kazan kayaku kojo" in texts  # the romanised reading stays first
    assert kana_readings("カザン火薬工場")[0].text == "kazan kayaku kojo"


def test_japanese_one_character_word_only_at_the_end() -> None:
    assert "russian federation defence ministry" in _texts(kana_readings("ロシア連邦国防省"))
    assert not any(r.scheme == "translation" for r in kana_readings("やまだ たろう"))  # a person: no vocabulary


def test_japanese_legal_form_beside_translation() -> None:
    assert "toyota automobile jsc" in _texts(list(latin_readings("トヨタ自動車株式会社")))


def test_hebrew_first_alef_carries_the_next_vowel_letter() -> None:
    assert "ilia" in _texts(hebrew_readings("איליה"))  # Ilya: not "aili"
    assert "uri" in _texts(hebrew_readings("אורי")) or "ori" in _texts(hebrew_readings("אורי"))
    assert "idan" in _texts(hebrew_readings("עידן"))
    assert "avi" in _texts(hebrew_readings("אבי"))  # before a consonant א is still a


def test_hebrew_doubled_vav_or_yod_after_first_alef_is_a_consonant() -> None:
    assert "eyl" in _texts(hebrew_readings("אייל"))
    assert "avlin" in _texts(hebrew_readings("אוולין"))


def test_hebrew_final_he_after_yod_is_read() -> None:
    assert "maria" in _texts(hebrew_readings("מריה"))
    assert "tovia" in _texts(hebrew_readings("טוביה"))


def test_hebrew_first_alef_or_ayin_before_a_consonant_takes_the_guessed_vowel() -> None:
    assert "eden" in _texts(hebrew_readings("עדן"))
    assert "elisha" in _texts(hebrew_readings("אלישע"))
    assert "adan" in _texts(hebrew_readings("עדן"))
