"""Korean names in Hangul: RR, McCune-Reischauer, DPRK usage, customary spellings, loanwords; real data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st
from korean_romanizer.romanizer import Romanizer
from rapidfuzz import fuzz

from hoarfrost.names import hangul
from hoarfrost.names.hangul import dprk, loanword, mccune_reischauer, readings, revised_romanization
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import ReadReport
from hoarfrost.sources.registry import open_list

TOKEN = re.compile(r"[a-z0-9]+")


def token_sets(text: str) -> list[tuple[str, ...]]:
    return [reading.tokens for reading in readings(text)]


# --- schemes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [("김정은", "gimjeongeun"), ("한복남", "hanboknam"), ("홍빛나", "hongbitna"), ("부산", "busan"),
     ("신금철", "singeumcheol"), ("최룡해", "choeryonghae"), ("울릉", "ulleung"), ("독립문", "dokripmun")],
)
def test_revised_romanization(text: str, expected: str) -> None:
    # Names are romanised syllable by syllable (no assimilation: 독립문 stays "dokripmun"), except ㄹㄹ -> ll.
    assert revised_romanization(text) == expected


@pytest.mark.parametrize("text", ["김정은", "한복남", "홍빛나", "신금철", "최룡해", "박지성", "송림"])
def test_revised_romanization_agrees_with_korean_romanizer_where_no_sound_change(text: str) -> None:
    assert revised_romanization(text) == Romanizer(text).romanize()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("부산", "pusan"), ("대구", "taegu"), ("제주", "cheju"), ("평양", "pyongyang"), ("광주", "kwangju"),
     ("박정희", "pakchonghui"), ("서울", "soul"), ("시", "shi"), ("철", "chol"), ("금", "kum")],
)
def test_mccune_reischauer_folded(text: str, expected: str) -> None:
    # Plain stops voiced between voiced sounds, unvoiced first and after a stop; ŏ ŭ and apostrophes folded.
    assert mccune_reischauer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("김정은", "kim jong un"), ("리용호", "ri yong ho"), ("최룡해", "choe ryong hae"), ("박재경", "pak jae gyong"),
     ("김영복", "kim yong bok"), ("신 금철", "sin kum chol"), ("김수길", "kim su gil"), ("신금철", "sin gum chol")],
)
def test_dprk(text: str, expected: str) -> None:
    # Per word as written: after 신 the ㄱ of 금 is voiced; `readings` knows 신 is a surname ("Sin Kum Chol").
    assert dprk(text) == expected


def test_loanword_drops_the_inserted_vowel() -> None:
    assert loanword("블라디미르 푸틴") == "bladimir putin"
    assert loanword("스미스") == "smis"
    assert loanword("윌슨") == "wilson"
    assert loanword("샬") == "shal"


# --- name structure --------------------------------------------------------------------------------

def test_textbook_kim_jong_un() -> None:
    found = token_sets("김정은")
    assert found[0] == ("kim", "jong", "un")
    assert {("kim", "jongun"), ("gim", "jeongeun"), ("gim", "jeong", "eun"), ("kim", "chongun")} <= set(found)


def test_textbook_ri_yong_ho_and_choe_ryong_hae() -> None:
    assert token_sets("리용호")[0] == ("ri", "yong", "ho")
    assert ("lee", "yongho") in token_sets("리용호")
    assert token_sets("최룡해")[0] == ("choe", "ryong", "hae")
    assert ("choi", "ryonghae") in token_sets("최룡해")
    assert ("choe", "yong", "hae") in token_sets("최룡해")  # the South's spelling 용 of the North's 룡


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("박지성", ("park", "ji", "sung")), ("이민호", ("lee", "min", "ho")), ("노광철", ("no", "kwang", "chol")),
     ("신금철", ("shin", "geum", "cheol")), ("김영복", ("kim", "young", "bok")), ("정승일", ("jong", "sung", "il")),
     ("윤정린", ("yun", "jong", "rin")), ("전지부", ("chon", "chi", "bu")), ("손철주", ("son", "chol", "ju")),
     ("리창호", ("rhee", "chang", "ho")), ("문재인", ("moon", "jaein")), ("우", ("woo",)), ("안", ("ahn",))],
)
def test_customary_spellings(text: str, tokens: tuple[str, ...]) -> None:
    assert tokens in token_sets(text)


def test_compound_surnames() -> None:
    assert token_sets("남궁민")[0] == ("namgung", "min")
    assert token_sets("선우용녀")[0] == ("sonu", "yong", "nyo")
    assert ("hwangbo", "jin", "su") in token_sets("황보진수")
    assert ("sunwoo", "yongnyeo") in token_sets("선우용녀")
    assert token_sets("신금철")[0] == ("sin", "kum", "chol")


def test_surname_written_apart() -> None:
    assert token_sets("김 정은")[0] == ("kim", "jong", "un")


def test_hanja_and_latin_around_are_ignored() -> None:
    assert token_sets("金正恩 김정은")[0] == ("kim", "jong", "un")
    assert token_sets("KIM Jong Un (김정은)")[0] == ("kim", "jong", "un")


def test_organisations_are_cut_into_words() -> None:
    found = token_sets("조선백호무역회사")
    assert found[0] == ("joson", "paekho", "muyok", "hoesa")
    assert ("korea", "paekho", "trading", "corporation") in found


def test_foreign_names_in_hangul() -> None:
    found = token_sets("블라디미르 푸틴")
    assert found[0] == ("bladimir", "putin")
    assert ("vladimir", "futin") in found


@pytest.mark.parametrize("text", ["", "   ", "Kim Jong Un", "12345", "金正恩", "ㄱㄴㄷ", "···"])
def test_nothing_to_say(text: str) -> None:
    assert readings(text) == []


def test_conjoining_jamo_are_composed() -> None:
    assert readings("\u1100\u1175\u11b7\u110c\u1165\u11bc\u110b\u1173\u11ab") == readings("김정은")


def test_reading_count_is_capped() -> None:
    assert all(len(readings(text)) <= 24 for text in ["리창호", "이민호", "조선민주주의인민공화국 국가해사감독국"])


# --- properties ---------------------------------------------------------------------------------------

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@given(st.text(max_size=40))
def test_any_text_never_raises_and_gives_ascii_tokens(text: str) -> None:
    for reading in readings(text):
        assert reading.tokens
        assert all(TOKEN.fullmatch(token) for token in reading.tokens)


@given(st.lists(st.text(alphabet=HANGUL, min_size=1, max_size=6), min_size=1, max_size=3))
def test_hangul_always_gives_readings(words: list[str]) -> None:
    text = " ".join(words)
    first = readings(text)
    assert first
    assert all(TOKEN.fullmatch(token) for reading in first for token in reading.tokens)
    hangul._readings.cache_clear()
    assert readings(text) == first  # deterministic


# --- real data ----------------------------------------------------------------------------------------

def folded(text: str) -> str:
    return anyascii(normalise_name(text)).replace(" ", "").lower()


def test_wikidata_pairs(data_dir: Path) -> None:
    """Korean Wikidata pairs (mostly foreign names transcribed into Hangul; CC0)."""
    exact = close = total = 0
    with (data_dir / "translit_wikidata_coling2018" / "wd_korean_20").open(encoding="utf-8") as handle:
        for line in handle:
            english, chars, _count = line.rstrip("\n").split("\t")
            target = folded(english)
            joined = ["".join(reading.tokens) for reading in readings(chars.replace(" ", ""))]
            total += 1
            exact += target in joined
            close += max((fuzz.ratio(j, target) for j in joined), default=0) >= 80
    assert total == 8251
    # Measured: exact 20.2 %, fuzz.ratio >= 80 54.5 %. Most pairs are Western names in Hangul, read back by
    # the loanword reading; Korean names proper are few in this slice.
    assert exact / total >= 0.19
    assert close / total >= 0.52


def latin_token_sets(names: list[str]) -> set[tuple[str, ...]]:
    return {tuple(sorted(normalise_name(name).split())) for name in names if name.strip()}


def matched(text: str, latin: list[str]) -> tuple[bool, float]:
    """Whether a reading has the tokens of a Latin name (order-free), and the best token_sort_ratio."""
    found = readings(text)
    targets = latin_token_sets(latin)
    exact = any(tuple(sorted(reading.tokens)) in targets for reading in found)
    best = max((fuzz.token_sort_ratio(reading.text, " ".join(t)) for reading in found for t in targets), default=0)
    return exact, best


def test_uk_ofsi_korean_names(data_dir: Path) -> None:
    report = ReadReport()
    reader = open_list([data_dir / "uk_ofsi_conlist" / "UK_Sanctions_List.xlsx"], report)
    results = []
    for entity in reader.entities():
        latin = [name.value for name in entity.names if name.script == "Latn"]
        for name in entity.names:
            if name.script in ("Hang", "Kore"):
                results.append(matched(name.value, latin))
    assert len(results) == 5
    assert all(exact for exact, _ in results)  # measured: 5 of 5 (김영복 KIM YONG BOK, 리창호 RI CHANG HO, ...)


def test_eu_sanctions_hangul_aliases(data_dir: Path) -> None:
    """Hangul aliases of the EU consolidated list (OpenSanctions' CSV, CC BY-NC: read in place, tests only)."""
    folder = data_dir / "eu_oj_sanctions_opensanctions" / "data" / "consolidated"
    hangul_text = re.compile("[\uac00-\ud7a3]")
    rows = exact = close = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names = [row["name"], *re.split(r"[;,]", row["alias"] or "")]
                korean = [name for name in names if hangul_text.search(name)]
                if not korean:
                    continue
                rows += 1
                latin = [name for name in names if not hangul_text.search(name) and detect_script(name) == "Latn"]
                for name in korean:
                    hit, best = matched(name, latin)
                    exact += hit
                    close += best >= 80
    assert rows == 84
    # Measured on the 86 Hangul aliases: 72 read exactly as one of the row's Latin names (order-free tokens),
    # 81 within token_sort_ratio 80 (the misses are mostly organisations glossed differently, and typos).
    assert exact >= 68
    assert close >= 78


def test_watchman_cross_script_pairs(data_dir: Path) -> None:
    path = data_dir / "pairs_watchman_cross_script" / "cross_script_pairs.csv"
    pairs = [line.split(",")[:2] for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    korean = [(query, expected) for query, expected in pairs if detect_script(query) == "Hang"]
    assert len(korean) == 3
    assert all(matched(query, [expected])[0] for query, expected in korean)  # 김정은, 박지성, 이민호: 3 of 3
