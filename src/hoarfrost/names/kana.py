"""Latin readings of Japanese names: kana (hiragana, katakana) and kanji names with kana or alone.

Schemes, all written here over one table of kana morae (so that every scheme treats the same kana alike):

- `hepburn`: modern Hepburn with its macrons dropped, the way names are printed in Latin almost everywhere:
  long vowels are single (とうきょう -> "tokyo", 晋三 -> "shinzo", プーチン -> "puchin").
- `passport`: the Japanese passport's Hepburn: long o may be "oh" (大野 -> "ohno", 伊藤 -> "itoh"), and ん
  before b/m/p is "m" ("namba").
- `wapuro`: long vowels written out, as typed ("shinzou", "puuchin", "urajiimiru").
- `loanword`: for katakana transcriptions of foreign names, the vowels that Japanese adds after a final or
  clustered consonant are dropped (ブ bu, ス su, ク ku, ル ru, ト to, ド do before another consonant or at
  the end): "ブラムレット" -> "bramrett", "スミス" -> "smis"; once with r and once with l.

Kanji are read by `pykakasi` (its dictionary gives one reading per word; its segmentation usually cuts a
name into family and given names, 安倍晋三 -> 安倍 / 晋三, which become the tokens "abe", "shinzo"); its kana
output is then romanised by the schemes above rather than taking pykakasi's own romaji, whose "passport"
mode keeps "ou" in places (工場 -> "kojou") and which has no loanword reading. Kanji readings of names are
often ambiguous (名 can be read several ways); pykakasi's is one plausible reading, not the person's.

Tokens: names split at spaces and at the middle dot (・ ·) that separates the parts of a foreign name
("ウラジーミル・プーチン" -> "urajimiru", "puchin").
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import lru_cache
from typing import Any

from hoarfrost.names.readings import Reading, unique_readings
from hoarfrost.names.word_tables import segment, word_table


def _table(letters: str, spellings: str) -> dict[str, str]:
    """A kana -> romaji table from the kana and their space-separated spellings, in the same order."""
    return dict(zip(letters, spellings.split(), strict=True))


_SINGLE: dict[str, str] = _table(
    "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポ"
    "マミムメモヤユヨラリルレロワヰヱヲンヴァィゥェォャュョヮヵヶ",
    "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
    "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
    "wa i e o n vu a i u e o ya yu yo wa ka ke")

_DIGRAPH: dict[str, str] = {
    # yōon: consonant + small ya/yu/yo
    **{base + small: onset + vowel
       for base, onset in (("キ", "ky"), ("ギ", "gy"), ("シ", "sh"), ("ジ", "j"), ("チ", "ch"), ("ヂ", "j"),
                           ("ニ", "ny"), ("ヒ", "hy"), ("ビ", "by"), ("ピ", "py"), ("ミ", "my"), ("リ", "ry"))
       for small, vowel in (("ャ", "a"), ("ュ", "u"), ("ョ", "o"))},
    # extended katakana for foreign sounds
    "シェ": "she", "ジェ": "je", "チェ": "che", "ティ": "ti", "ディ": "di", "トゥ": "tu", "ドゥ": "du",
    "テュ": "tyu", "デュ": "dyu", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "フュ": "fyu",
    "ウィ": "wi", "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ヴュ": "vyu", "ツァ": "tsa", "ツィ": "tsi", "ツェ": "tse", "ツォ": "tso", "クァ": "kwa", "クィ": "kwi",
    "クェ": "kwe", "クォ": "kwo", "グァ": "gwa", "スィ": "si", "ズィ": "zi", "イェ": "ye", "キェ": "kye",
    "ニェ": "nye", "ヒェ": "hye", "ミェ": "mye", "リェ": "rye", "ギェ": "gye", "ビェ": "bye", "ピェ": "pye",
}
_SMALL = frozenset("ァィゥェォャュョヮ")
_SOKUON = "ッ"
_CHOON = "ー"
_N = "ン"
_VOWELS = frozenset("aeiou")
# Kana whose vowel a loanword adds to a consonant of the source language (u after most, o after t/d).
_EPENTHETIC = frozenset({"ku", "gu", "su", "zu", "bu", "pu", "fu", "mu", "ru", "tsu", "to", "do", "vu"})
_WORD = re.compile(r"[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe"
                   r"\u3005\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+")
_KANA_ONLY = re.compile(r"[\u30a1-\u30fa\u30fc-\u30fe\u3041-\u3096\u309d\u309e]+")
_HAN = re.compile(r"[\u3005\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa]")


def _to_katakana(text: str) -> str:
    """Hiragana folded onto katakana (a fixed offset of 0x60), so that one table serves both."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" or c in "ゝゞ" else c for c in text)


def _morae(word: str) -> list[str]:
    """The morae of a kana word in Hepburn, with "ッ", "ー" and "ン" kept as markers for the schemes."""
    kana = _to_katakana(word)
    out: list[str] = []
    index = 0
    while index < len(kana):
        pair = kana[index:index + 2]
        if len(pair) == 2 and pair[1] in _SMALL and pair in _DIGRAPH:
            out.append(_DIGRAPH[pair])
            index += 2
            continue
        char = kana[index]
        if char in (_SOKUON, _CHOON, _N):
            out.append(char)
        elif char in "ヽヾ" and out:  # iteration marks repeat the previous mora (ヾ voiced: rare, kept plain)
            out.append(out[-1])
        elif char in _SMALL and out and out[-1][-1:] in _VOWELS:  # a stray small vowel: its own vowel
            out.append(_SINGLE[char][-1])
        elif char in _SINGLE:
            out.append(_SINGLE[char])
        index += 1
    return out


def _long_vowel(previous: str, mora: str) -> bool:
    """Whether a mora only lengthens the vowel before it (おう, おお, うう), as Hepburn's macron would."""
    return bool(previous) and previous[-1:] in _VOWELS and (
        (mora == "u" and previous[-1] in "ou") or (mora == "o" and previous[-1] == "o"))


def _spell(morae: list[str], scheme: str) -> str:
    """One word in a scheme: "hepburn", "passport", "wapuro" or "loanword"."""
    out: list[str] = []
    previous = ""
    for index, mora in enumerate(morae):
        following = morae[index + 1] if index + 1 < len(morae) else ""
        if mora == _CHOON:
            if scheme == "loanword" and previous[-1:] == "a":  # English -er and -ar: ミラー, カーター
                out[-1] = out[-1][:-1] + ("er" if index == len(morae) - 1 else "ar")
            out.append(previous[-1] if scheme == "wapuro" and previous[-1:] in _VOWELS else "")
            continue  # the vowel before stays `previous`, so a second long mark is also folded
        if mora == _SOKUON:
            nxt = _next_spelled(morae, index + 1)
            out.append("t" if nxt.startswith("ch") else nxt[:1] if nxt[:1] not in _VOWELS else "")
        elif mora == _N:
            nxt = _next_spelled(morae, index + 1)
            out.append("m" if scheme == "passport" and nxt[:1] in ("b", "m", "p") else "n")
        elif scheme != "wapuro" and _long_vowel(previous, mora):
            out.append("h" if scheme == "passport" and mora in "ou" and previous[-1] == "o" else "")
        elif scheme == "loanword" and _epenthetic(mora, index, len(morae)) and _drops_vowel(following):
            out.append("ts" if mora == "tsu" else mora[:-1])
        else:
            out.append(mora)
        previous = mora
    return "".join(out)


def _next_spelled(morae: list[str], start: int) -> str:
    """The next mora that carries sound (skipping long marks), or ""."""
    for mora in morae[start:]:
        if mora not in (_CHOON,):
            return mora
    return ""


def _epenthetic(mora: str, index: int, length: int) -> bool:
    """A mora whose vowel a loanword may have added: u after most consonants, o after t/d but not first."""
    return mora in _EPENTHETIC and length > 1 and (index > 0 or mora[-1] == "u")


def _drops_vowel(following: str) -> bool:
    """A loanword's added vowel is dropped at the end of a word or before a consonant (not before ッ or ー)."""
    if not following:
        return True
    if following in (_SOKUON, _CHOON):
        return False
    return following == _N or following[0] not in _VOWELS


# --- public schemes over kana -------------------------------------------------------------------------

def _kana_words(text: str) -> list[str]:
    return _KANA_ONLY.findall(unicodedata.normalize("NFKC", text))


def hepburn(text: str) -> str:
    """Modern Hepburn of the kana in a text, macrons dropped: "とうきょう" -> "tokyo"."""
    return " ".join(_spell(_morae(word), "hepburn") for word in _kana_words(text))


def passport(text: str) -> str:
    """The Japanese passport's Hepburn: long o as "oh", ん before b/m/p as "m": "おおの" -> "ohno"."""
    return " ".join(_spell(_morae(word), "passport") for word in _kana_words(text))


def wapuro(text: str) -> str:
    """Long vowels written out as typed: "プーチン" -> "puuchin"."""
    return " ".join(_spell(_morae(word), "wapuro") for word in _kana_words(text))


def loanword(text: str) -> str:
    """The foreign name behind a katakana transcription: "ブラムレット" -> "bramrett"."""
    return " ".join(_spell(_morae(word), "loanword") for word in _kana_words(text))


# --- kanji through pykakasi ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _kakasi() -> Any:
    """pykakasi's converter, built once (it loads its dictionaries); its own warnings silenced here."""
    import pykakasi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@lru_cache(maxsize=16384)
def kanji_kana(word: str) -> tuple[str, ...]:
    """pykakasi's reading of a word with kanji, as hiragana segments (its word cut: usually family / given)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        segments = _kakasi().convert(word)
    kana = (str(segment.get("hira", "")) for segment in segments)
    return tuple(piece for piece in kana if _KANA_ONLY.fullmatch(piece))


# --- organisation names: their vocabulary in English --------------------------------------------------------

# Words of organisation names (kinds of body, sectors, common place names), in kanji or katakana: a Japanese
# name of a foreign company or state enterprise ("カザン火薬工場", Kazan Gunpowder Plant) is its English or
# Russian name translated word by word, which no romanisation meets. "a|b": two usual translations, each
# tried. Multi-character words are found anywhere in a word, one-character ones only at its end.
_ORG_WORDS = word_table("""
    会社=company; 工場=plant|factory|works; 製作所=works|manufacturing plant; 製造所=works; 火薬=gunpowder|powder;
    研究所=research institute|research centre; 研究センター=research centre; 研究院=research institute;
    大学=university; 銀行=bank; 工業=industries|industrial; 重工業=heavy industries; 産業=industries;
    商事=trading; 貿易=trading; 物産=trading; 電機=electric; 電気=electric; 化学=chemical; 製薬=pharmaceutical;
    石油=oil; 鉱業=mining; 造船=shipbuilding; 造船所=shipyard; 海運=shipping; 船舶=shipping; 航空=aviation;
    航空機=aircraft; 自動車=automobile; 機械=machinery; 技術=technology; 科学=scientific|science;
    国際=international; 国営=state; 国立=national; 国家=state|national; 連邦=federal; 共和国=republic;
    人民=peoples; 民主主義=democratic; 協会=association; 財団=foundation; 基金=fund; 委員会=committee;
    運動=movement; 同盟=union|alliance; 連合=union; 公社=corporation; 公団=corporation; 集団=group;
    国防=defence; 防衛=defence; 情報=intelligence|information; 安全保障=security; 保安=security; 通信=communications;
    電子=electronics; 原子力=nuclear|atomic energy; 兵器=weapons|arms; 武器=arms; 弾薬=ammunition;
    設計局=design bureau; 製鉄所=steel works; 鉄道=railways; 輸出入=export import; 開発=development;
    建設=construction; 投資=investment; 金融=finance; 保険=insurance; 放送=broadcasting; 中央=central;
    総局=general directorate; 本部=headquarters; 司令部=command; 部隊=forces|unit; 旅団=brigade; 師団=division;
    連隊=regiment; 大隊=battalion; 艦隊=fleet; 警察=police; 親衛隊=guard; 州立=state; 市立=municipal;
    グループ=group; ホールディングス=holdings; カンパニー=company; コーポレーション=corporation;
    インターナショナル=international; テクノロジー=technology; テクノロジーズ=technologies;
    エンジニアリング=engineering; トレーディング=trading; バンク=bank; システムズ=systems; サービス=services;
    ロシア=russia; ロシア連邦=russian federation; 朝鮮=korea; 北朝鮮=north korea; 中国=china; 香港=hong kong;
    の=
""")
_ORG_ENDINGS = {"省": "ministry", "庁": "agency", "局": "bureau|directorate", "軍": "army", "党": "party",
                "社": "company"}


def _org_segments(word: str) -> list[tuple[str, str | None]]:
    """A word cut at the vocabulary (longest first): (piece, English or None)."""
    return segment(word, _ORG_WORDS, _ORG_ENDINGS, frozenset({"の"}))


def _name_part(piece: str) -> str:
    """A piece of an organisation name that is not vocabulary (a place, a brand): katakana as the foreign
    word it transcribes ("カザン" kazan), kanji and hiragana in Hepburn."""
    scheme = "loanword" if _KATAKANA.search(piece) and not _HAN.search(piece) else "hepburn"
    return "".join(_spell(_morae(kana), scheme) for kana in _word_pieces(piece))


def _organisation_readings(words: list[str]) -> list[Reading]:
    """The name with its vocabulary in English: the first translations, then each of up to three words with
    two translations in its second one, then all in their second."""
    pieces = [piece for word in words for piece in _org_segments(word)]
    if not any(gloss for _, gloss in pieces):
        return []
    ambiguous = [position for position, (_, gloss) in enumerate(pieces) if gloss and "|" in gloss]
    found = []
    for second in [set(), *({position} for position in ambiguous[:3]), set(ambiguous)]:
        tokens = [token for position, (piece, gloss) in enumerate(pieces) for token in (
            gloss.split("|")[-1 if position in second else 0].split() if gloss is not None else [_name_part(piece)])]
        found.append(Reading(tuple(token for token in tokens if token), "translation"))
    return found


# --- readings ---------------------------------------------------------------------------------------------

def _word_pieces(word: str) -> list[str]:
    """A word as kana pieces: kana as it is, words with kanji as pykakasi's segments."""
    return list(kanji_kana(word)) if _HAN.search(word) else [word]


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text))
    if not words:
        return ()
    has_kanji = any(_HAN.search(word) for word in words)
    pieces = [piece for word in words for piece in _word_pieces(word)]
    morae = [_morae(piece) for piece in pieces]

    def spelled(scheme: str) -> tuple[str, ...]:
        return tuple(token for token in (_spell(m, scheme) for m in morae) if token)

    scheme_hepburn = "kakasi-hepburn" if has_kanji else "hepburn"
    found = [Reading(spelled("hepburn"), scheme_hepburn)]
    if has_kanji and len(pieces) > len(words):  # pykakasi cut a word: also the word whole
        joined = tuple("".join(_spell(_morae(p), "hepburn") for p in _word_pieces(word)) for word in words)
        found.append(Reading(tuple(token for token in joined if token), scheme_hepburn))
    if any(_KATAKANA.search(piece) for piece in pieces):
        loan = spelled("loanword")
        found.append(Reading(loan, "loanword"))
        found.append(Reading(tuple(token.replace("r", "l") for token in loan), "loanword"))
    found[1:1] = _organisation_readings(words)  # an organisation: its translation right after the first reading
    found.append(Reading(spelled("passport"), "passport"))
    found.append(Reading(spelled("wapuro"), "wapuro"))
    if len(found[0].tokens) > 1:  # a name typed without its break: every token joined
        found.append(Reading(("".join(found[0].tokens),), scheme_hepburn))
    return tuple(unique_readings(found))


_ASCII_ONLY = re.compile(r"[^a-z0-9]")


def readings(text: str) -> list[Reading]:
    """Every plausible Latin reading of a Japanese name (kana, or kanji read by pykakasi), best first.

    A kana the tables leave unread (a sokuon with nothing to double, as in っッ) is dropped rather
    than left in a token: tokens are lower-case ASCII only.
    """
    cleaned = []
    for reading in _readings(text):
        tokens = tuple(filter(None, (_ASCII_ONLY.sub("", token) for token in reading.tokens)))
        if tokens:
            cleaned.append(Reading(tokens, reading.scheme, reading.space))
    return unique_readings(cleaned)
