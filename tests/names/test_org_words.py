"""The translation reading of organisation names: vocabulary in English, the rest transliterated; real names."""

from __future__ import annotations

import pytest

from hoarfrost.matching.compare import compare_names
from hoarfrost.names import arabic, cyrillic, han
from hoarfrost.names.org_words_ar import translate_word as translate_arabic_word
from hoarfrost.names.org_words_ru import geographic_stem, ic_stem, translate_word
from hoarfrost.names.org_words_zh import segment
from hoarfrost.names.readings import Reading


def _translation(readings: list[Reading]) -> str | None:
    found = [r for r in readings if r.scheme == "translation"]
    return found[0].text if found else None


@pytest.mark.parametrize(("word", "english"), [
    ("завод", "plant"), ("завода", "plant"), ("заводов", "plant"), ("институт", "institute"),
    ("министерство", "ministry"), ("обороны", "defence"), ("российской", "russian"), ("федерации", "federation"),
    ("исследовательский", "research"), ("судостроительный", "shipbuilding"), ("объединение", "association"),
    ("державне", "state"), ("підприємство", "enterprise"),
])
def test_russian_and_ukrainian_words_in_any_case(word: str, english: str) -> None:
    found = translate_word(word)
    assert found is not None and found[0] == english


def test_surname_built_on_a_vocabulary_word_does_not_mark_an_organisation() -> None:
    found = translate_word("банков")  # Банков: a surname from "bank"
    assert found is not None and not found[1]
    assert translate_word("путин") is None


def test_place_adjectives_and_ic_adjectives() -> None:
    assert geographic_stem("хабаровский") == "хабаровск"
    assert geographic_stem("пермского") == "пермск"
    assert ic_stem("органической") == "органи"


@pytest.mark.parametrize(("name", "translation"), [
    # UK consolidated list: "JSC PLANT ELECON"
    ("АКЦИОНЕРНОЕ ОБЩЕСТВО ЗАВОД ЭЛЕКОН", "joint stock company plant elekon"),
    # EU list: "Joint Stock Company Khabarovsk Shipbuilding Yard"
    ("Хабаровский Судостроительный Завод", "khabarovsk shipbuilding plant"),
    # EU list: "Perm Powder Plant"
    ("Пермский Пороховой Завод", "permsk powder plant"),
    ("Министерство обороны Российской Федерации", "ministry defence russian federation"),
    # EU list: "State Scientific Research Institute for Organic Chemistry and Technology"
    ("Государственный научно-исследовательский институт органической химии и технологии",
     "state scientific research institute organic chemistry and technologies"),
])
def test_cyrillic_organisation_translation(name: str, translation: str) -> None:
    readings = cyrillic.readings(name)
    assert _translation(readings) == translation
    assert readings[1].scheme == "translation"  # right after the main reading, never cut by the cap


@pytest.mark.parametrize("name", ["Владимир Владимирович Путин", "Банков Иван Петрович", "Олександр Заводський",
                                  "Аляксандр Лукашэнка", "Москвин Сергей", "Рада Иванова"])
def test_persons_get_no_translation(name: str) -> None:
    assert _translation(cyrillic.readings(name)) is None


@pytest.mark.parametrize(("name", "translation"), [
    ("中国电子科技集团公司", "china electronics technology group corporation"),
    # UK list: "NINGBO OUTENG MACHINERY CO., LTD"
    ("宁波欧腾机械", "ningbo outeng machinery"),
    # UK list: "JINHUA HAIRUN POWER TECHNOLOGY CO., LTD"; 市 (city) is not written in English
    ("金华市海润动力科技", "jinhua hairun power technology"),
    # traditional characters read as simplified: UK list "HK HENGBANGWEI ELECTRONICS LIMITED"
    ("香港恒邦微電子", "hong kong hengbang microelectronics"),
])
def test_han_organisation_translation(name: str, translation: str) -> None:
    assert _translation(han.readings(name)) == translation


@pytest.mark.parametrize("name", ["李建军", "习近平", "王新华", "林鄭月娥"])
def test_han_persons_get_no_translation(name: str) -> None:
    assert _translation(han.readings(name)) is None


def test_segment_longest_first() -> None:
    assert [chars for chars, _, _ in segment("中国电子科技集团公司")] == ["中国", "电子科技", "集团公司"]


@pytest.mark.parametrize(("listed", "latin"), [
    ("中国电子科技集团公司", "China Electronics Technology Group Corporation"),
    ("金华市海润动力科技有限公司", "JINHUA HAIRUN POWER TECHNOLOGY CO., LTD"),
    ("АКЦИОНЕРНОЕ ОБЩЕСТВО ЗАВОД ЭЛЕКОН", "JSC PLANT ELECON"),
    ("Министерство обороны Российской Федерации", "Ministry of Defence of the Russian Federation"),
])
def test_translation_meets_the_english_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


# --- Arabic script (Arabic, Persian) ------------------------------------------------------------------------

def _arabic_translations(name: str) -> list[tuple[str, str]]:
    return [(r.space, r.text) for r in arabic.readings(name) if r.scheme == "translation"]


@pytest.mark.parametrize(("word", "english"), [
    ("شركة", "company"), ("الشركة", "company"), ("للصرافة", "exchange"), ("والجهاد", "jihad"),
    ("الإسلامية", "islamic"), ("المسلحة", "armed"), ("المخابرات", "intelligence"), ("صناعات", "industries"),
    ("نیروی", "force"), ("هوافضای", "aerospace"), ("سازمان", "organization"),
])
def test_arabic_and_persian_words_with_article_clitics_and_endings(word: str, english: str) -> None:
    found = translate_arabic_word(word, persian=any(char in "یکگپچژ" for char in word))
    assert found is not None and found[0][0] == english


def test_arabic_word_senses_differ_by_language() -> None:
    arabic_sense = translate_arabic_word("مخابرات")
    persian_sense = translate_arabic_word("مخابرات", persian=True)
    assert arabic_sense is not None and arabic_sense[0][0] == "intelligence"
    assert persian_sense is not None and persian_sense[0][0] == "telecommunications"


def test_persian_nisba_surname_does_not_mark_an_organisation() -> None:
    banki = translate_arabic_word("بانکی", persian=True)  # Banki, a surname from "bank"
    assert banki is not None and not banki[1]
    ezafe = translate_arabic_word("نیروی", persian=True)  # niru-ye, "force of": the ezafe after a vowel
    assert ezafe is not None and ezafe[1]
    assert translate_arabic_word("محمد") is None


@pytest.mark.parametrize(("name", "latin", "skeleton"), [
    # UN list: "AL-NUSRAH FRONT"; the proper name keeps its consonant key, where it meets any romanisation
    ("جبهة النصرة", "front nsra", "frnt nsr"),
    # UN list: "AEROSPACE INDUSTRIES ORGANISATION"
    ("سازمان صنایع هوافضا", "organization industries aerospace", "arkndtn andstrs arsbs"),
    # UN list: "ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN": و, في and the article are not written in English
    ("الدولة الإسلامية في العراق والشام - اليمن", "state islamic iraq levant yemen", "stt aslmk ark lfnt ymn"),
])
def test_arabic_organisation_translation(name: str, latin: str, skeleton: str) -> None:
    found = _arabic_translations(name)
    assert found[0] == ("latin", latin)
    assert found[1] == ("consonant-skeleton", skeleton)
    assert arabic.readings(name)[1].scheme == "translation"  # right after the main reading, never cut by the cap


def test_arabic_translation_also_keeps_a_romanised_kind_of_name() -> None:
    # UK list: "Imen Sanat Zaman Fara Company": only the kind of organisation is translated
    found = _arabic_translations("شرکت ایمن صنعت زمان فرا")
    assert ("latin", "company ayman snat zaman fra") in found
    assert ("latin", "company ayman industry zaman fra") in found


def test_abbreviated_arabic_legal_form_is_its_class() -> None:
    readings = arabic.readings("إيجر شيبينغ م.د.م.س")  # UK list: "Eiger Shipping DMCC"
    assert all(r.tokens[-1] in ("llc", "lk") for r in readings)
    assert not any(len(token) == 1 for r in readings for token in r.tokens)
    assert readings == arabic.readings("إيجر شيبينغ ذ.م.م")


@pytest.mark.parametrize("name", ["محمد بن سلمان آل سعود", "حسین بانکی", "علي عبد الله صالح", "اسماعیل احمدی‌مقدم",
                                  "أيمن الظواهري"])
def test_arabic_script_persons_get_no_translation(name: str) -> None:
    assert _arabic_translations(name) == []


@pytest.mark.parametrize(("listed", "latin"), [
    ("جبهة النصرة", "AL-NUSRAH FRONT"),
    ("إدارة المخابرات العامة", "GENERAL INTELLIGENCE DIRECTORATE"),
    ("سازمان صنایع هوافضا", "AEROSPACE INDUSTRIES ORGANISATION"),
    ("شرکت بهارستان کیش", "BAHARESTAN KISH COMPANY"),
    ("وزارة الدفاع", "MINISTRY OF DEFENCE"),
    ("إيجر شيبينغ م.د.م.س", "Eiger Shipping DMCC"),
])
def test_arabic_translation_meets_the_english_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


@pytest.mark.parametrize(("listed", "latin"), [
    ("جبهة النصرة", "PEOPLE'S FRONT"),
    ("وزارة الدفاع", "MINISTRY OF FINANCE"),
    ("شرکت بهارستان کیش", "KISH AIRLINES COMPANY"),
])
def test_arabic_translation_does_not_meet_another_organisation(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score < 0.8


@pytest.mark.parametrize(("listed", "latin"), [
    ("سازمان بسیج مستضعفین", "BASIJ-E MOSTAZ'AFIN"),  # the kind left out where the rest is romanised
    ("سازمان صنایع دفاع جمهوری اسلامی ایران", "DEFENCE INDUSTRIES ORGANISATION"),  # the country left out
    ("شركة صروح العقارية", "SOURUH COMPANY"),  # the line of business left out
    ("شرکت ناجی تکنولوژی هوشمند فاطر، شرکت با مسئولیت محدود", "NAJEE TECHNOLOGY HOOSHMAND FATER LLC"),
    ("سازمان صدا و سیمای جمهوری اسلامی ایران", "Islamic Republic of Iran Broadcasting"),  # a phrase
])
def test_arabic_organisation_readings_without_part_of_the_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


def test_arabic_phrase_and_state_words() -> None:
    found = _arabic_translations("سازمان صدا و سیمای جمهوری اسلامی ایران")
    assert ("latin", "organization broadcasting islamic republic iran") in found
    assert _arabic_translations("جمهوری اسلامی ایران") != []  # a state word marks an organisation
