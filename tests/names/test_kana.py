"""Japanese names: kana in Hepburn, passport and typed forms, loanwords in katakana, kanji via pykakasi."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from hoarfrost.names import kana
from hoarfrost.names.kana import hepburn, kanji_kana, loanword, passport, readings, wapuro
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.scripts import detect_script

TOKEN = re.compile(r"[a-z0-9]+")


def token_sets(text: str) -> list[tuple[str, ...]]:
    return [reading.tokens for reading in readings(text)]


# --- schemes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [("とうきょう", "tokyo"), ("おおさか", "osaka"), ("しんぶん", "shinbun"), ("きっぷ", "kippu"),
     ("まっちゃ", "matcha"), ("ちゅうごく", "chugoku"), ("ふじ", "fuji"), ("つづき", "tsuzuki"),
     ("じゅんいちろう", "junichiro"), ("ゆうすけ", "yusuke"), ("にいがた", "niigata"), ("けいこ", "keiko"),
     ("プーチン", "puchin"), ("ヴァイオリン", "vaiorin"), ("ティッシュ", "tisshu"), ("ファックス", "fakkusu"),
     ("ﾌﾟｰﾁﾝ", "puchin"), ("ササキ", "sasaki")],
)
def test_hepburn(text: str, expected: str) -> None:
    # Modern Hepburn, macrons dropped: long vowels (おう, おお, うう, ー) are single letters.
    assert hepburn(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("おおの", "ohno"), ("いとう", "itoh"), ("しんぶん", "shimbun"), ("なんば", "namba"), ("ゆうすけ", "yusuke"),
     ("かとう", "katoh")],
)
def test_passport(text: str, expected: str) -> None:
    assert passport(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("プーチン", "puuchin"), ("とうきょう", "toukyou"), ("おおの", "oono"), ("ウラジーミル", "urajiimiru")],
)
def test_wapuro(text: str, expected: str) -> None:
    assert wapuro(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ブラムレット", "bramrett"), ("スミス", "smis"), ("ジェームズ", "jemz"), ("マイケル", "maiker"),
     ("プーチン", "puchin"), ("ミラー", "mirer"), ("ドストラー", "dostrer"), ("モーツァルト", "motsart")],
)
def test_loanword(text: str, expected: str) -> None:
    # Vowels added after a consonant (ブ, ス, ト ...) dropped; a final アー is English -er.
    assert loanword(text) == expected


def test_kanji_through_pykakasi() -> None:
    assert kanji_kana("安倍晋三") == ("あべ", "しんぞう")


# --- readings ----------------------------------------------------------------------------------------

def test_textbook_putin_in_katakana() -> None:
    found = token_sets("ウラジーミル・プーチン")
    assert found[0] == ("urajimiru", "puchin")
    assert {("urajiimiru", "puuchin"), ("urajimir", "puchin")} <= set(found)


def test_textbook_abe_shinzo() -> None:
    found = token_sets("安倍晋三")
    assert found[0] == ("abe", "shinzo")
    assert {("abeshinzo",), ("abe", "shinzou"), ("abe", "shinzoh")} <= set(found)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("山田太郎", ("yamada", "taro")), ("田中花子", ("tanaka", "hanako")), ("やまだ たろう", ("yamada", "taro")),
     ("ヤマダ・タロウ", ("yamada", "taro")), ("佐々木健一", ("sasaki", "kenichi")),
     ("ジョン・スミス", ("jon", "smis")), ("カザン火薬工場", ("kazan", "kayaku", "kojo"))],
)
def test_names(text: str, tokens: tuple[str, ...]) -> None:
    assert tokens in token_sets(text)


def test_middle_dots_and_other_separators() -> None:
    assert token_sets("ウラジーミル·プーチン")[0] == token_sets("ウラジーミル・プーチン")[0]
    assert token_sets("ｳﾗｼﾞｰﾐﾙ･ﾌﾟｰﾁﾝ")[0] == ("urajimiru", "puchin")
    assert token_sets("Vladimir ウラジーミル")[0] == ("urajimiru",)


@pytest.mark.parametrize("text", ["", "   ", "Putin", "12345", "・・", "ー", "ッ", "김정은"])
def test_nothing_to_say(text: str) -> None:
    assert readings(text) == []


# --- properties ---------------------------------------------------------------------------------------

KANA = st.characters(min_codepoint=0x3041, max_codepoint=0x30FF)


@given(st.text(max_size=40))
def test_any_text_never_raises_and_gives_ascii_tokens(text: str) -> None:
    for reading in readings(text):
        assert reading.tokens
        assert all(TOKEN.fullmatch(token) for token in reading.tokens)


@given(st.text(alphabet=KANA, min_size=1, max_size=12))
def test_kana_is_deterministic(text: str) -> None:
    first = readings(text)
    kana._readings.cache_clear()
    assert readings(text) == first
    assert all(TOKEN.fullmatch(token) for reading in first for token in reading.tokens)


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=6))
def test_kanji_never_raises(text: str) -> None:
    for reading in readings(text):
        assert all(TOKEN.fullmatch(token) for token in reading.tokens)


# --- real data ----------------------------------------------------------------------------------------

def folded(text: str) -> str:
    return anyascii(normalise_name(text)).replace(" ", "").lower()


def measure(path: Path) -> tuple[int, float, float]:
    exact = close = total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            english, chars, _count = line.rstrip("\n").split("\t")
            target = folded(english)
            joined = ["".join(reading.tokens) for reading in readings(chars.replace(" ", ""))]
            total += 1
            exact += target in joined
            close += max((fuzz.ratio(j, target) for j in joined), default=0) >= 80
    return total, exact / total, close / total


def test_wikidata_katakana_pairs(data_dir: Path) -> None:
    """Katakana Wikidata pairs (foreign names in katakana; CC0)."""
    total, exact, close = measure(data_dir / "translit_wikidata_coling2018" / "wd_katakana_20")
    assert total == 19763
    # Measured: exact 20.2 %, fuzz.ratio >= 80 60.1 %; the loanword reading does most of the work
    # (the Hepburn reading alone: 7.8 % exact, 37.5 % close).
    assert exact >= 0.19
    assert close >= 0.58


def test_wikidata_japanese_pairs(data_dir: Path) -> None:
    """Japanese Wikidata pairs: the katakana ones plus 289 with kanji (names read by pykakasi)."""
    total, exact, close = measure(data_dir / "translit_wikidata_coling2018" / "wd_japanese_20")
    assert total == 20095
    # Measured: exact 19.5 %, fuzz.ratio >= 80 59.2 %.
    assert exact >= 0.18
    assert close >= 0.57


def test_watchman_cross_script_pairs(data_dir: Path) -> None:
    path = data_dir / "pairs_watchman_cross_script" / "cross_script_pairs.csv"
    rows = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    japanese = [(query, expected) for query, expected, _score, description in rows
                if "Japanese" in description and detect_script(query) in ("Hani", "Jpan", "Kana", "Hira")]
    assert len(japanese) == 2
    for query, expected in japanese:  # 山田太郎 Yamada Taro, 田中花子 Tanaka Hanako: 2 of 2
        assert tuple(normalise_name(expected).split()) in token_sets(query)
