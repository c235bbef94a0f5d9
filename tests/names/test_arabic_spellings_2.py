"""Arabic-script names: words typed without a space, Persian و read v, Latin digraphs over two letters, aliases
given in one field, Persian family names of two words, and organisation words written as one compound."""

from __future__ import annotations

import pytest

from hoarfrost.matching.compare import compare_names
from hoarfrost.model import Schema
from hoarfrost.names.arabic import _brand_joined, arabic_skeleton, latin_skeleton, readings, skeleton_readings
from hoarfrost.names.org_words_ar import translate_word


@pytest.mark.parametrize(("written", "words"), [
    ("ماجدعباس", ("mjd", "abs")),  # two common names, the space after non-joining د lost
    ("ناصرالعلي", ("nsr", "al")),  # the article opens the second word
    ("خليل ناصرالعمري", ("hll", "nsr", "amr")),
    ("سعدون", ("sdn",)),  # a name of its own: what follows سعد is no word
    ("ذوالفقار", ("dlfkr",)),  # ذو is too short to be a word cut off
    ("عبدللهپور", ("abdllhbr",)),  # عبد opens a compound, never a word of its own
])
def test_words_typed_without_the_space_after_a_non_joining_letter(written: str, words: tuple[str, ...]) -> None:
    assert arabic_skeleton(written) == words


@pytest.mark.parametrize(("name", "latin"), [
    ("ماجدعباس", "Majed ABBAS"),
    ("خليل ناصرالعمري", "Khalil Nasser AL-OMARI"),
])
def test_names_typed_without_a_space_meet_their_latin_spelling(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.PERSON).score >= 0.8


def test_persian_vav_between_consonants_may_be_v() -> None:
    assert ("al", "mfhd") in {reading.tokens for reading in skeleton_readings("علی موحدی")}
    assert compare_names("علی موحدی", "Ali MOVAHEDI", schema=Schema.PERSON).score >= 0.8
    assert compare_names("حسن روحانی", "Hassan ROUHANI", schema=Schema.PERSON).score >= 0.8  # and still a vowel
    assert skeleton_readings("محمود نوری")[0].tokens == ("mhmd", "nr")  # the vowel reading first


def test_persian_v_reading_only_for_persian_names() -> None:
    """Arabic writes و between consonants for the vowels ū and ō (يوسف, قوس): no v reading without Persian letters."""
    assert {reading.tokens for reading in skeleton_readings("يوسف")} == {("ysf",)}


@pytest.mark.parametrize(("name", "latin"), [
    ("مظهر حسين", "Mazhar HUSSAIN"),  # ظ + ه written zh, which Latin reads as ژ
    ("أدهم خليل", "Adham KHALIL"),  # د + ه written dh
    ("مدحت سالم", "Midhat SALEM"),  # د + ح written dh
])
def test_latin_digraph_over_two_arabic_letters(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.PERSON).score >= 0.8


def test_digraph_reading_keeps_the_plain_one_first() -> None:
    keys = [reading.tokens for reading in skeleton_readings("مظهر")]
    assert keys[0] == ("mdhr",)
    assert ("mjr",) in keys


def test_zah_and_dhal_written_th() -> None:
    assert compare_names("ناظم جبار", "Nathim JABBAR", schema=Schema.PERSON).score >= 0.8
    assert arabic_skeleton("ناظم جبار") == ("ndm", "jbr")  # the plain key stays d


def test_aliases_in_one_field_are_read_apart() -> None:
    name = "سمير حداد, سمير جورج حداد"
    tokens = [reading.tokens for reading in readings(name)]
    assert ("smr", "hdd") in tokens and ("smr", "jrj", "hdd") in tokens
    assert compare_names(name, "Samir George HADDAD", schema=Schema.PERSON).score >= 0.8
    # "family name, given name" is one name: not cut
    assert ("asd", "bxr") in [reading.tokens for reading in readings("الأسد، بشار")]


def test_persian_family_name_of_two_words_written_apart() -> None:
    assert ("mhmd", "al", "krhdk") in {reading.tokens for reading in skeleton_readings("محمد علی قره داغی")}
    assert compare_names("محمد علی قره داغی", "Mohammad Ali QAREHDAGHI", schema=Schema.PERSON).score >= 0.8


def test_latin_nasab_particle_written_on_the_name() -> None:
    assert latin_skeleton("Binalhadi") == latin_skeleton("Hadi")
    assert latin_skeleton("Abualhasan") == latin_skeleton("Abolhassan") == "abhsn"
    assert latin_skeleton("Benali") != latin_skeleton("Ali")  # Ben + Ali without the article: one name


def test_persian_vocabulary_compound_written_as_one_word() -> None:
    found = translate_word("صنایعدفاعی", persian=True)
    assert found is not None and found[0][0] == "industries defence"
    assert translate_word("جهانبانی", persian=True) is None  # a name, not two words of the vocabulary
    assert translate_word("کشورپناه", persian=True) is None


@pytest.mark.parametrize(("name", "latin"), [
    ("شركة القلعة للتجارة", "Castle Trading Company"),
    ("بنیاد عتبات عالیات", "Holy Shrines Foundation"),
    ("رابطة المهاجرين", "League of Emigrants"),
    ("جمعية الانصار الخيرية", "Supporters Charitable Society"),
])
def test_organisation_vocabulary(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.ORGANIZATION).score >= 0.8


@pytest.mark.parametrize(("name", "latin"), [
    ("سید حسن میرزایی", "Hassan MIRZAEI"),  # Sayyid left out of the list
    ("شيخ الحديث مولوي عبد الكريم يوسفزي", "Abdul Karim YOUSAFZAI"),  # a title of two words, then another
    ("دکتر علی کاظمی", "KAZEMI Dr Ali"),  # the title kept, in its Latin abbreviation
    ("حجت الاسلام محمد رضایی", "Mohammad REZAEI"),
])
def test_titles_that_open_a_name_are_optional(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.PERSON).score >= 0.8


def test_titles_are_kept_in_the_first_reading_and_never_leave_one_word() -> None:
    assert readings("سید حسن میرزایی")[0].tokens[0] in ("sd", "sayed", "seyed")
    assert not any(reading.tokens in (("al",), ("ali",), ("aly",)) for reading in readings("سید علی"))


@pytest.mark.parametrize(("name", "latin"), [
    ("ستار لايت ش.م.ح", "Starlight FZE"),  # an English brand of two words in Arabic letters, one word in Latin
    ("بلو ويف ذ.م.م", "Bluewave LLC"),
])
def test_english_brand_written_apart_in_arabic_letters(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.ORGANIZATION).score >= 0.8


def test_brand_reading_only_with_a_legal_form_and_no_vocabulary() -> None:
    assert ("strlt",) not in {reading.tokens for reading in readings("ستار لايت")}
    assert _brand_joined("شركة النور") == []  # a company word: a name of the vocabulary, not a brand
    assert _brand_joined("نور الهدى النجم الساطع") == []  # four words


def test_english_silent_gh() -> None:
    assert latin_skeleton("Moonlight") == arabic_skeleton("مونلايت")[0]
    assert latin_skeleton("Knight") == "knt"


def test_urdu_aspirated_kaf_and_pe_are_latin_kh_and_ph() -> None:
    assert compare_names("ذکی الرحمان لکھوی", "Zakiur Rehman LAKHVI", schema=Schema.PERSON).score >= 0.8
    assert arabic_skeleton("پھول") == (latin_skeleton("Phool"),)
    assert arabic_skeleton("بھٹو") == (latin_skeleton("Bhutto"),)  # bh: Latin writes the h


def test_persian_word_opening_with_al_keeps_its_v() -> None:
    """الوند, البرز: Persian names that open with the letters of the Arabic article."""
    assert (latin_skeleton("Alvand"),) in {reading.tokens for reading in skeleton_readings("الوند")}


@pytest.mark.parametrize(("name", "latin"), [
    ("بنیاد شهید", "Martyrs Foundation"),  # a name word translated
    ("بنیاد شهید", "Bonyad Shahid"),  # and romanised
    ("شركة الجبل للتجارة العامة", "Al-Jabal General Trading Company"),
    ("قرارگاه سازندگی خاتم الانبیا", "Khatam al-Anbiya Construction Headquarters"),
    ("شركة أجنحة الشام للطيران", "Cham Wings Airlines"),
    ("مرکز تحقیقات شهید علی رضایی", "Shahid Ali Rezaei Research Center"),  # Ali is no preposition (على)
])
def test_organisation_name_words_read_both_ways(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.ORGANIZATION).score >= 0.8


def test_persian_silent_heh_before_a_zero_width_non_joiner() -> None:
    """خامنه‌ای, اژه‌ای: the ه before the ZWNJ is the vowel e, and the ending ای is -i (Khamenei, Ejei)."""
    assert arabic_skeleton("خامنه\u200cای") == (latin_skeleton("Khamenei"),)
    assert compare_names("حسن اژه\u200cای", "Hassan EJEI", schema=Schema.PERSON).score >= 0.8
    assert arabic_skeleton("شاه\u200cای") == ("xh",)  # after a long vowel ه is h


@pytest.mark.parametrize(("name", "latin"), [
    ("بانک توسعه صادرات ایران", "Export Development Bank of Iran"),
    ("بانک صادرات ایران", "Bank Saderat Iran"),  # a name word: romanised as well
    ("سازمان پدافند غیرعامل", "Passive Defense Organization"),
    ("قوات الدعم السريع", "Rapid Support Forces"),
    ("الحشد الشعبي", "Popular Mobilization Forces"),
    ("الشركة السورية للنفط", "Syrian Petroleum Company"),
])
def test_more_organisation_vocabulary(name: str, latin: str) -> None:
    assert compare_names(name, latin, schema=Schema.ORGANIZATION).score >= 0.8
