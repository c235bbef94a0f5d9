"""The translation reading of organisation names: vocabulary in English, the rest transliterated; real names."""

from __future__ import annotations

import pytest

from hoarfrost.matching.compare import compare_names
from hoarfrost.names import arabic, cyrillic, han
from hoarfrost.names.org_words_ar import translate_word as translate_arabic_word
from hoarfrost.names.org_words_ru import geographic_stem, ic_stem, translate_word
from hoarfrost.names.org_words_zh import segment
from hoarfrost.names.orgtypes import replace_legal_forms
from hoarfrost.names.readings import Reading
from hoarfrost.names.transliterate import latin_readings


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
    ("Пермский Пороховой Завод", "perm powder plant"),
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


# --- Han organisation names: legal forms, word choices, brands (wt-han) ----------------------------------------



@pytest.mark.parametrize("name", ["保利科技有限公司", "华星电子股份有限公司", "ООО Ромашка"])
def test_a_legal_form_is_no_reading_of_its_own(name: str) -> None:
    """有限公司 becomes "llc" apart from the characters; it must not be a name "llc" meeting every "X LLC"."""
    assert all(set(reading.tokens) - {"llc", "jsc"} for reading in latin_readings(name))
    assert compare_names(name, "STAN LLC").score < 0.6


@pytest.mark.parametrize("name", ["王建设", "张科技", "李国际", "刘发展", "陈中华"])
def test_given_names_that_are_vocabulary_words_get_no_translation(name: str) -> None:
    assert _translation(han.readings(name)) is None


@pytest.mark.parametrize(("name", "translation"), [
    ("中国银行", "china bank"),  # a short name that ends in a kind of organisation
    ("瑞丰新材", "ruifeng new materials"),  # four characters, no double surname, ending in vocabulary
    ("保利科技 llc", "baoli technology llc"),  # the legal form says it is a company
])
def test_short_organisation_names_are_translated(name: str, translation: str) -> None:
    assert _translation(han.readings(name)) == translation


@pytest.mark.parametrize(("listed", "latin"), [
    ("中华控股集团有限公司", "Sino Holding Group Co., Ltd."),  # second English words: Sino, Holding
    ("中国航天科技集团有限公司", "China Space Technology Group"),  # one word in its second English
    ("深圳市金宏微电子有限公司", "Shenzhen Jinhongwei Electronics Co., Ltd."),  # the brand takes 微 of 微电子
    ("香港恒生电子有限公司", "Hang Seng Electronics (Hong Kong) Limited"),  # the brand in Cantonese
    ("贝斯特贸易有限公司", "Best Trading Co., Ltd."),  # a brand transcribed from English
    ("浙江新丰实业有限公司", "Zhejiang Xinfeng Industrial Co., Ltd."),  # 新 is part of the brand
    ("浙江新丰實業有限公司", "Zhejiang Xinfeng Industrial Co., Ltd."),  # traditional characters
])
def test_han_organisation_meets_its_latin_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


def test_organisation_pinyin_is_cut_into_words() -> None:
    """Joined Pinyin by words (the place, the brand, the vocabulary), not one token for the whole name."""
    pinyin = [r.tokens for r in latin_readings("深圳市金宏微电子有限公司") if r.scheme == "pinyin"]
    assert pinyin[0] == ("shenzhen", "shi", "jinhong", "weidianzi", "llc")


def test_company_limited_by_shares_meets_co_ltd() -> None:
    """股份有限公司 is written "Co., Ltd." in English: the same legal-form class, not a leftover on each side."""
    assert compare_names("兴华国际股份有限公司", "Xinghua International Co., Ltd.").score >= 0.9

# --- Cyrillic organisation names: legal forms, vocabulary, ordinals (wt-cyrl) --------------------------------



def _schemes(name: str) -> dict[str, str]:
    return {r.scheme: r.text for r in reversed(latin_readings(name))}


@pytest.mark.parametrize(("name", "replaced"), [
    # a research institute is a kind of body that lists write out ("State Scientific Research Institute ..."),
    # though rigour's table holds the Russian phrase as a state enterprise
    ("Государственный научно-исследовательский институт органической химии и технологии",
     "государственный научно-исследовательский институт органической химии и технологии"),
    ("Благотворительный фонд Х", "благотворительный фонд х"),
    ("Государственное унитарное предприятие Республики Крым", "soe республики крым"),
    ("ООО Вектор", "llc вектор"),
    # a form said twice at the end, the second in parentheses
    ("MTS BANK PUBLIC JOINT-STOCK COMPANY (PJSC)", "mts bank jsc"),
    ("Газпромбанк (АО)", "газпромбанк jsc"),
    # not every acronym in parentheses is a legal form, nor a form inside the name
    ("Supreme Council of Cyberspace (SCC)", "supreme council of cyberspace (scc"),
    ("Iyad Ag Ghali", "iyad ag ghali"),
    # КБ is a design bureau more often than a commercial bank: no `fin` class
    ("КБ Радар", "кб радар"),
])
def test_legal_forms_replaced_only_where_they_are_legal_forms(name: str, replaced: str) -> None:
    assert replace_legal_forms(name) == replaced


def test_state_research_institute_meets_its_english_name() -> None:
    # EU list: "State Scientific Research Institute for Organic Chemistry and Technology"
    name = "Государственный научно-исследовательский институт органической химии и технологии"
    assert _schemes(name)["translation"] == "state scientific research institute organic chemistry and technologies"
    assert compare_names(name, "State Scientific Research Institute for Organic Chemistry and Technology").score >= 0.8



def _translations(name: str) -> list[str]:
    return [r.text for r in cyrillic.readings(name) if r.scheme == "translation"]


def test_a_word_of_several_senses_gives_a_reading_per_sense() -> None:
    # "завод" is a plant, works or factory in list English; each further reading changes one thing, the
    # place first (Kurgan, not Kurgansk), and there are a few, not one per combination
    assert _translations("Курганский оружейный завод") == [
        "kurgansk arms plant", "kurgan arms plant", "kurgansk weapons plant", "kurgansk arms works"]
    assert translate_word("завода", 1) == ("works", True)
    assert translate_word("институт", 2) == ("institute", True)  # one sense: always that one


def test_place_adjective_reads_as_its_place_with_and_without_sk() -> None:
    assert geographic_stem("тульский", short=True) == "тул"
    assert geographic_stem("севастопольский", short=True) == "севастопол"
    assert geographic_stem("хабаровский") == "хабаровск"


@pytest.mark.parametrize(("listed", "latin"), [
    ("142-й отдельный батальон радиоэлектронной борьбы", "142nd Separate Electronic Warfare Battalion"),
    ("ЧЕЛЯБИНСКИЙ КУЗНЕЧНО-ПРЕССОВЫЙ ЗАВОД", "CHELYABINSK FORGE AND PRESS PLANT"),
    ("Волжское пароходство", "VOLGA SHIPPING COMPANY"),
    ("Пермский Пороховой Завод", "Perm Powder Plant"),  # EU list
    ("Российский фонд прямых инвестиций", "RUSSIAN DIRECT INVESTMENT FUND"),
    ("Чебоксарский завод электрооборудования", "CHEBOKSARY ELECTRICAL EQUIPMENT PLANT"),
])
def test_vocabulary_senses_and_ordinals_meet_the_english_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


def test_legal_form_marks_an_organisation() -> None:
    # the legal form, already its class, tells a company from a person
    assert _translations("soe республики крым черноморнефтегаз")[0] == "soe republic crimea chernomorneftegaz"


@pytest.mark.parametrize("name", [
    "Боев Иван Петрович", "Резин Олег", "Лесной Андрей", "Тульский Иван", "Радий Фаритович Хабиров",
    "Янина Валерьевна Охота",
])
def test_surnames_from_ordinary_words_get_no_translation(name: str) -> None:
    assert _translations(name) == []


@pytest.mark.parametrize(("name", "replaced"), [
    # Latin letters typed for Cyrillic look-alikes, inside Cyrillic words and as short words beside them
    ("Общество C Oграниченной Oтветственностью ‘М Лизинг’", "llc ‘м лизинг’"),
    ("Вiдкрите акцiонерне товариство ‘Пеленг’", "jsc ‘пеленг’"),
    ("AHO Диалог", "ано диалог"),  # АНО stays a word (orgtypes._NOT_FORMS_HERE), now in Cyrillic letters
    # a Latin word is left alone
    ("Ivan Petrov", "ivan petrov"),
])
def test_legal_forms_typed_with_latin_lookalikes(name: str, replaced: str) -> None:
    assert replace_legal_forms(name) == replaced


@pytest.mark.parametrize(("listed", "latin"), [
    ("Таварыства з абмежаванай адказнасцю ‘Лазерныя прыборы і тэхналогіі’", "Laser Devices and Technologies LLC"),
    ("Вiдкрите акцiонерне товариство ‘Пеленг’", "Open Joint Stock Company ‘Peleng’"),
])
def test_belarusian_and_ukrainian_organisations_meet_the_english_name(listed: str, latin: str) -> None:
    assert compare_names(listed, latin).score >= 0.8


def test_abbreviations_of_vocabulary_are_kept_as_letters_and_read_as_words() -> None:
    # "KB Radar" and "Oko Design Bureau" are both on lists: the letters first, the words in a further reading
    assert translate_word("кб") == ("kb", True)
    assert translate_word("кб", 1) == ("design bureau", True)
    assert "design bureau oko" in _translations("КБ “Око”")
    assert compare_names("КБ “Око”", "Oko Design Bureau").score >= 0.8


def test_scientific_research_institute_also_reads_as_research_institute() -> None:
    # lists write "Научно-исследовательский институт" as "Scientific Research Institute" and "Research Institute"
    found = _translations("Научно-исследовательский институт систем связи")
    assert "research institute systems communications" in found


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
    # UN list: "AEROSPACE INDUSTRIES ORGANISATION"; company words stay words in the skeleton
    ("سازمان صنایع هوافضا", "organization industries aerospace", "arkndtn industries arsbs"),
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
