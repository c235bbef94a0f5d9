"""Latin readings of Korean names written in Hangul.

Korean names reach sanctions lists in at least three romanisations, and customer files add a fourth:

- Revised Romanization (RR, South Korea since 2000): 김정은 -> "Gim Jeongeun".
- McCune-Reischauer (MR, the older academic standard), here with its breves and aspiration apostrophes
  folded to ASCII (ŏ -> o, ŭ -> u, ch' -> ch): "Kim Chongun".
- North Korean usage (the DPRK's official system is MR-like, but ㅈ is always "j" and every syllable of a
  name is written as its own word): "Kim Jong Un", "Ri Yong Ho", "Choe Ryong Hae". Lists of DPRK persons
  use this, sometimes with the given name hyphenated ("Pak Jae-gyong"), sometimes unvoiced ("Kim Su Kil").
- Customary South Korean spellings: surnames as families spell them ("Lee", "Park", "Choi", "Jung") and
  given names with ㅓ as "u" ("Sung", "Chul", "Hyun"), ㅕ as "yu"/"you" ("Kyung", "Young").

Every syllable is decomposed by Unicode arithmetic (U+AC00 + (initial * 21 + vowel) * 28 + final) and each
scheme is a small table over the jamo. This is written here rather than taken from `korean-romanizer`
because (1) romanisation of personal names is per syllable: RR's rule for names (Article 3.4) does not
reflect sound changes between the syllables of a given name, and the matcher needs each syllable as a
token as well as the joined given name, which needs syllable-level output that the package does not
expose; (2) MR and DPRK forms are not in the package at all; (3) the tables keep the hot path free of the
package's per-call object construction. Surname spellings come from a table of the common surnames and
their customary Latin forms (general knowledge, not tuned to any list).

Foreign names written in Hangul (the Korean press and the South Korean sanctions list write "블라디미르
푸틴") get one more reading that undoes the usual loanword conventions: the epenthetic vowel ㅡ inserted
after a consonant cluster or a final consonant ("스", "트", "크") is dropped, so 블라디미르 -> "bladimir".
It is ordered first when the name does not look like a Korean name (no known surname, or too long).

The South spells a word-initial ㄹ/ㄴ differently from the North (the initial sound law: 룡 -> 용, 리 -> 이,
녕 -> 영), so a name in Northern spelling also gets the Southern one ("Choe Yong Hae", "Yongbyon").
Organisation names, written run together in Hangul, are cut at a short glossary of the usual words of
DPRK company and ministry names (조선 Korea, 무역 trading, 회사 corporation, 은행 bank ...) and read both
romanised word by word ("Joson Paekho Muyok Hoesa") and glossed into English ("Korea Paekho Trading
Corporation").

Anything that is not Hangul (hanja, Latin) separates words and is otherwise ignored: the dispatcher gives
those runs to their own modules.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from hoarfrost.names.readings import Reading, unique_readings
from hoarfrost.names.word_tables import segment

_FIRST, _LAST = 0xAC00, 0xD7A3
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")

# The 19 initials, 21 vowels and 28 finals (index 0: none) in Unicode order.
_RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t")
# MR with breves folded: ㅓ ŏ -> o, ㅡ ŭ -> u, ㅝ wŏ -> wo, ㅢ ŭi -> ui.
_MR_VOWELS = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
              "yu", "u", "ui", "i")
# MR initials (aspiration marks dropped): unvoiced form, and the voiced form used between voiced sounds.
_MR_PLAIN = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h")
_MR_VOICED = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch", "k", "t", "p", "h")
# Customary South Korean spelling: ㅓ -> u (Sung, Chul), ㅕ -> yu (Kyung), ㅡ -> eu (Seung).
_SOUTH_VOWELS = ("a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
                 "yu", "eu", "ui", "i")
_SOUTH_INITIALS = ("k", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
# Loanword reading: ㅐ is English /æ/ (대니 Danny), ㅓ English schwa (밀러 Miller) read as "e".
_LOAN_INITIALS = ("g", "k", "n", "d", "t", "r", "m", "b", "p", "s", "ss", "", "j", "ts", "ch", "k", "t", "p", "h")
# Korean writes f as ㅍ and v as ㅂ: 프리드리히 Friedrich, 블라디미르 Vladimir.
_LOAN_FV_INITIALS = tuple({"b": "v", "p": "f"}.get(onset, onset) for onset in _LOAN_INITIALS)
_LOAN_VOWELS = ("a", "a", "ya", "ya", "e", "e", "ye", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi",
                "yu", "", "ui", "i")
_LOAN_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
                "t", "ng", "t", "t", "k", "t", "p", "t")

# French usage (older French and EU documents on DPRK persons): ㅈ "dj", ㅊ "tch", ㅓ ㅡ "eu", ㅜ "ou", ㅕ "yeu",
# ㅠ "you": 장철희 "Djang Tcheul Hi", 김수광 "Kim Sou Kwang".
_FRENCH_INITIALS = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "dj", "tch", "tch", "k", "t", "p",
                    "h")
_FRENCH_VOWELS = ("a", "ae", "ya", "yae", "eu", "e", "yeu", "ye", "o", "wa", "wae", "oe", "yo", "ou", "wo", "we", "wi",
                  "you", "eu", "eui", "i")

_VOICED_FINALS = frozenset({4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 21})  # n, l, m, ng (and clusters ending so)
_L_FINAL = frozenset({8, 9, 10, 11, 12, 13, 14, 15})
_IEUNG = 11  # ㅇ: silent as an initial
_RIEUL = 5  # ㄹ
_SIOT = 9  # ㅅ
_EU = 18  # ㅡ
_EO = 4  # ㅓ
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
_PALATALS = frozenset({9, 10, 12, 13, 14})  # ㅅ ㅆ ㅈ ㅉ ㅊ
_SH_VOWELS = frozenset({16, 20})  # ㅟ, ㅣ: MR writes ㅅ before them as "sh"

Syllable = tuple[int, int, int]  # (initial, vowel, final) indices

# Common surnames and their Latin spellings: "DPRK/MR-form RR-form customary-South-form further-variants...".
_SURNAME_TABLE = {
    "김": "kim gim kim", "이": "i i lee yi rhee ri li", "리": "ri ri lee li yi rhee i", "박": "pak bak park",
    "최": "choe choe choi", "정": "jong jeong jung chung chong", "조": "jo jo cho", "강": "kang gang kang",
    "윤": "yun yun yoon", "장": "jang jang chang", "임": "im im lim rim", "림": "rim rim lim im",
    "류": "ryu ryu yoo yu lyu", "유": "yu yu yoo ryu", "노": "no no roh", "로": "ro ro roh no",
    "문": "mun mun moon", "신": "sin sin shin", "손": "son son sohn", "오": "o o oh", "우": "u u woo",
    "안": "an an ahn", "송": "song song song", "한": "han han han", "황": "hwang hwang hwang",
    "서": "so seo suh", "전": "jon jeon chun chon jun", "권": "kwon gwon kwon", "홍": "hong hong hong",
    "고": "ko go koh", "양": "yang yang yang", "량": "ryang ryang yang", "배": "pae bae bae bai",
    "백": "paek baek paik baik", "허": "ho heo huh hur", "남": "nam nam nam", "심": "sim sim shim",
    "곽": "kwak gwak kwak", "성": "song seong sung", "차": "cha cha cha", "주": "ju ju joo chu",
    "구": "ku gu koo", "민": "min min min", "진": "jin jin chin", "나": "na na na ra", "라": "ra ra na",
    "지": "ji ji ji chi", "엄": "om eom um", "채": "chae chae chae", "원": "won won won",
    "천": "chon cheon chun", "방": "pang bang bang", "공": "kong gong kong", "현": "hyon hyeon hyun",
    "함": "ham ham ham", "변": "pyon byeon byun pyun", "염": "yom yeom yum", "렴": "ryom ryeom yeom yum",
    "여": "yo yeo yuh", "려": "ryo ryeo yeo yuh", "추": "chu chu choo", "도": "to do doh", "소": "so so so",
    "석": "sok seok suk", "선": "son seon sun", "설": "sol seol sul", "마": "ma ma ma", "길": "kil gil kil",
    "연": "yon yeon yun", "위": "wi wi wee", "표": "pyo pyo pyo", "명": "myong myeong myung",
    "기": "ki gi ki", "반": "pan ban ban", "왕": "wang wang wang", "금": "kum geum keum", "옥": "ok ok ok",
    "육": "yuk yuk yook", "륙": "ryuk ryuk yuk", "인": "in in in", "맹": "maeng maeng maeng",
    "제": "je je je che", "모": "mo mo mo", "탁": "tak tak tak", "국": "kuk guk kook", "어": "o eo uh",
    "은": "un eun eun", "편": "pyon pyeon pyun", "용": "yong yong yong", "예": "ye ye ye",
    "경": "kyong gyeong kyung", "봉": "pong bong bong", "사": "sa sa sa", "부": "pu bu boo",
    "가": "ka ga ka", "복": "pok bok bok", "태": "thae tae tae", "목": "mok mok mok",
    "형": "hyong hyeong hyung", "계": "kye gye kye", "피": "pi pi pi", "두": "tu du doo", "감": "kam gam kam",
    "음": "um eum eum", "빈": "pin bin bin", "동": "tong dong dong", "온": "on on on", "호": "ho ho ho",
    "범": "pom beom bum", "좌": "jwa jwa jwa chwa", "팽": "phaeng paeng paeng", "승": "sung seung seung",
    "간": "kan gan kan", "상": "sang sang sang", "단": "tan dan dan", "견": "kyon gyeon kyun",
    "당": "tang dang dang", "하": "ha ha ha", "시": "si si shi", "탄": "than tan tan", "엽": "yop yeop yup",
    "남궁": "namgung namgung namkoong namkung", "황보": "hwangbo hwangbo hwangbo", "제갈": "jegal jegal jegal chegal",
    "선우": "sonu seonu sunwoo", "독고": "tokko dokgo dokko", "사공": "sagong sagong sakong",
    "서문": "somun seomun suhmoon",
}
# Hangul -> (DPRK/MR, RR, customary South, further variants...), each position filled.
_SURNAMES: dict[str, tuple[str, ...]] = {key: tuple(value.split()) for key, value in _SURNAME_TABLE.items()}
_COMPOUND_SURNAMES = frozenset(key for key in _SURNAMES if len(key) == 2)


def _syllables(word: str) -> list[Syllable]:
    """The (initial, vowel, final) jamo indices of the precomposed syllables of a word; others skipped."""
    found: list[Syllable] = []
    for char in word:
        code = ord(char) - _FIRST
        if 0 <= code <= _LAST - _FIRST:
            found.append((code // 588, (code % 588) // 28, code % 28))
    return found


# --- one syllable at a time, per scheme -----------------------------------------------------------

def _rr(syllables: list[Syllable]) -> list[str]:
    """Revised Romanization, syllable by syllable, no sound changes across syllables (the rule for names)."""
    out: list[str] = []
    previous = 0
    for initial, vowel, final in syllables:
        onset = "l" if initial == _RIEUL and previous in _L_FINAL else _RR_INITIALS[initial]
        out.append(onset + _RR_VOWELS[vowel] + _FINALS[final])
        previous = final
    return out


def _mr(syllables: list[Syllable], voiced_start: bool = False, dprk: bool = False) -> list[str]:
    """McCune-Reischauer folded to ASCII (or the DPRK's variant of it), voicing plain stops inside a word.

    A plain stop (ㄱ ㄷ ㅂ ㅈ) is voiced after a vowel or a final ㄴ ㄹ ㅁ ㅇ and unvoiced at the start of a
    word or after a stop; the DPRK writes ㅈ as "j" everywhere and keeps "s" before i.
    """
    out: list[str] = []
    previous: int | None = 0 if voiced_start else None  # None: start of a word
    for initial, vowel, final in syllables:
        voiced = previous is not None and (previous == 0 or previous in _VOICED_FINALS)
        onset = (_MR_VOICED if voiced else _MR_PLAIN)[initial]
        if dprk and initial == 12:
            onset = "j"
        if initial == _RIEUL and previous is not None and previous in _L_FINAL:
            onset = "l"
        if initial == _SIOT and vowel in _SH_VOWELS and not dprk:
            onset = "sh"
        out.append(onset + _MR_VOWELS[vowel] + _FINALS[final])
        previous = final
    return out


def _south(syllables: list[Syllable]) -> list[str]:
    """Customary South Korean spelling of given names: "Sung", "Chul", "Kyung", "Young", "Seung"."""
    out: list[str] = []
    for initial, vowel, final in syllables:
        nucleus = _SOUTH_VOWELS[vowel]
        if initial == _IEUNG and vowel == 6 and final == 21:  # 영 is spelt "young"
            nucleus = "you"
        out.append(_SOUTH_INITIALS[initial] + nucleus + _FINALS[final])
    return out


def _french(syllables: list[Syllable]) -> list[str]:
    """French usage, syllable by syllable; ㅢ after a consonant is i, as it is said (희 "hi")."""
    out: list[str] = []
    for initial, vowel, final in syllables:
        nucleus = "i" if vowel == 19 and initial != _IEUNG else _FRENCH_VOWELS[vowel]
        out.append(_FRENCH_INITIALS[initial] + nucleus + _FINALS[final])
    return out


def _loan(syllables: list[Syllable], initials: tuple[str, ...] = _LOAN_INITIALS) -> list[str]:
    """A foreign name's Latin form behind its Hangul transcription, undoing the loanword conventions.

    Korean inserts ㅡ after a consonant that has no vowel of its own (스 s, 트 t, 크 k, 르 r, and 블 bl,
    클 kl before or after an l): that vowel is dropped, and 츠/즈 are then "ts"/"z". Elsewhere ㅡ stands
    for a schwa ("슨" -son).
    """
    out: list[str] = []
    previous = 0
    for index, (initial, vowel, final) in enumerate(syllables):
        onset = initials[initial]
        if initial == _RIEUL and previous in _L_FINAL:
            onset = "" if out and out[-1].endswith("l") and _epenthetic(syllables[index - 1], len(syllables)) else "l"
        nucleus = _LOAN_VOWELS[vowel]
        if vowel == _EU:
            if _epenthetic((initial, vowel, final), len(syllables)):
                onset = {14: "ts", 12: "z"}.get(initial, onset)
            else:
                nucleus = "o" if final else "eu"
        if initial == _SIOT and vowel in _SH_VOWELS:
            onset = "sh" if vowel == 16 else "s"
        elif initial in _PALATALS and nucleus[:1] == "y":  # 샤 sha, 쥬 ju, 쵸 cho: the y is the palatal itself
            onset, nucleus = ("sh" if initial == _SIOT else onset), nucleus[1:]
        out.append(onset + nucleus + _LOAN_FINALS[final])
        previous = final
    return out


def _epenthetic(syllable: Syllable, word_length: int) -> bool:
    """Whether a syllable's vowel is the inserted ㅡ of a loanword: ㅡ after a consonant, closed by nothing or l."""
    initial, vowel, final = syllable
    return vowel == _EU and initial != _IEUNG and final in (0, 8) and word_length > 1


# --- public schemes over whole text ---------------------------------------------------------------

def _hangul_words(text: str) -> list[str]:
    """The runs of Hangul syllables in a text (conjoining jamo composed first); anything else separates words."""
    return _HANGUL_RUN.findall(unicodedata.normalize("NFC", text))


def _words(text: str) -> list[list[Syllable]]:
    """The Hangul words of a text as syllable lists."""
    return [_syllables(word) for word in _hangul_words(text)]


def revised_romanization(text: str) -> str:
    """RR of each Hangul word, syllables joined within a word: 김정은 -> "gimjeongeun".

    The scheme functions read each word as written; `readings` is the one that knows a name's surname.
    """
    return " ".join("".join(_rr(word)) for word in _words(text))


def mccune_reischauer(text: str) -> str:
    """MR folded to ASCII of each Hangul word, voicing inside the word: 김정은 -> "kimchongun"."""
    return " ".join("".join(_mr(word)) for word in _words(text))


def dprk(text: str) -> str:
    """North Korean usage: every syllable its own word, ㅈ as "j": 김정은 -> "kim jong un"."""
    return " ".join(" ".join(_dprk_syllables(word)) for word in _words(text))


def loanword(text: str) -> str:
    """The foreign-name reading of each Hangul word: 블라디미르 푸틴 -> "bladimir putin"."""
    return " ".join("".join(_loan(word)) for word in _words(text))


def _voiced(syllable: Syllable) -> bool:
    """Whether a syllable ends in a voiced sound (a vowel or n, l, m, ng), which voices the next plain stop."""
    return syllable[2] == 0 or syllable[2] in _VOICED_FINALS


# --- name structure -------------------------------------------------------------------------------

def _surname_spellings(family: list[Syllable], hangul: str) -> tuple[str, ...]:
    """(DPRK/MR, RR, customary South, variants...) spellings of a surname; the schemes' forms for unknown ones."""
    known = _SURNAMES.get(hangul)
    if known:
        return known
    dprk_form = "".join(_mr(family, dprk=True))
    return (dprk_form, "".join(_rr(family)), dprk_form, "".join(_mr(family)))


def _south_initial(syllables: list[Syllable]) -> list[Syllable]:
    """South Korean spelling of a word's first syllable (the initial sound law, 두음법칙).

    The South writes a word-initial ㄹ as ㅇ before i/y and as ㄴ before other vowels, and a word-initial ㄴ as
    ㅇ before i/y; the North keeps both. So the North's 룡 (Ryong) and 녕 (Nyong) are the South's 용 (Yong)
    and 영 (Yong): 최룡해 is also "Choe Yong Hae", 녕변 also "Yongbyon".
    """
    if not syllables:
        return syllables
    initial, vowel, final = syllables[0]
    if initial == _RIEUL:
        initial = _IEUNG if vowel in _Y_VOWELS else 2
    elif initial == 2 and vowel in _Y_VOWELS:
        initial = _IEUNG
    return [(initial, vowel, final), *syllables[1:]]


def _dprk_syllables(syllables: list[Syllable]) -> list[str]:
    """DPRK syllables of a word: the first unvoiced, the rest voiced between voiced sounds."""
    if not syllables:
        return []
    return _mr(syllables[:1], dprk=True) + _mr(syllables[1:], dprk=True, voiced_start=_voiced(syllables[0]))


def _person_readings(family: list[Syllable], family_text: str, given: list[Syllable],
                     loans: list[Reading]) -> list[Reading]:
    """Readings of surname + given name: each scheme with syllables split and joined, then variants.

    DPRK usage writes each syllable apart ("Kim Jong Un"), the South joins the given name ("Gim Jeongeun",
    "Kim Jungeun"), and hyphenated forms ("Jong-un") reach us as either, so every scheme gives both. The
    loanword readings come after the main schemes (a Korean-looking name may still be foreign: 마이클).
    """
    spellings = _surname_spellings(family, family_text)
    if not given:
        return [Reading((spelling,), "surname") for spelling in spellings]
    dprk_given, rr_given, south_given = _dprk_syllables(given), _rr(given), _south(given)
    unvoiced = [syllable for one in given for syllable in _mr([one], dprk=True)]
    mr_surname = "".join(_mr(family))
    out = [
        Reading((spellings[0], *dprk_given), "dprk"), Reading((spellings[0], "".join(dprk_given)), "dprk"),
        Reading((spellings[1], "".join(rr_given)), "revised-romanization"),
        Reading((spellings[1], *rr_given), "revised-romanization"),
        Reading((mr_surname, "".join(_mr(given))), "mccune-reischauer"),
        Reading((mr_surname, *_mr(given)), "mccune-reischauer"),
        Reading((spellings[2], "".join(south_given)), "south-customary"),
        Reading((spellings[2], *south_given), "south-customary"),
        *loans,
        Reading((spellings[0], *unvoiced), "dprk"), Reading((spellings[0], "".join(unvoiced)), "dprk"),
        Reading(("".join(_french(family)), *_french(given)), "french"),
    ]
    south_given_first = _south_initial(given)
    if south_given_first != given:
        out.append(Reading((spellings[0], *_dprk_syllables(south_given_first)), "dprk-south-initial"))
        out.append(Reading((spellings[1], "".join(_rr(south_given_first))), "revised-romanization"))
    surnames = dict.fromkeys(spellings)
    for surname in surnames:  # every customary surname spelling with the commonest given forms
        out.append(Reading((surname, *dprk_given), "dprk"))
        out.append(Reading((surname, "".join(rr_given)), "revised-romanization"))
        out.append(Reading((surname, *rr_given), "revised-romanization"))
        out.append(Reading((surname, *south_given), "south-customary"))
    for surname in surnames:
        out.append(Reading((surname, "".join(dprk_given)), "dprk"))
        out.append(Reading((surname, "".join(south_given)), "south-customary"))
    return out


def _looks_korean(words: list[list[Syllable]], texts: list[str]) -> bool:
    """A Korean personal name: 2-4 syllables in one word (or surname + given words) with a known surname."""
    if len(words) == 1:
        return 2 <= len(words[0]) <= 4 and (texts[0][:1] in _SURNAMES or texts[0][:2] in _COMPOUND_SURNAMES)
    return len(words) == 2 and texts[0] in _SURNAMES and len(words[1]) <= 3


def _split_name(words: list[list[Syllable]], texts: list[str]) -> tuple[list[Syllable], str, list[Syllable]]:
    """Surname and given name: the first syllable, or two for a compound surname (남궁, 황보, 제갈 ...)."""
    if len(words) >= 2:
        return words[0], texts[0], [s for word in words[1:] for s in word]
    word, text = words[0], texts[0]
    size = 2 if len(word) >= 3 and text[:2] in _COMPOUND_SURNAMES else 1
    return word[:size], text[:size], word[size:]


# Words of organisation names (DPRK trading companies, ministries, banks), written run together in Hangul
# ("조선남강무역회사") but as separate words in Latin ("Korea Namgang Trading Corporation", "Joson ... Muyok
# Hoesa"): Hangul -> English. Multi-syllable words are found anywhere; one-syllable ones only at a word's end.
# "a|b": two usual translations (연구소 is a "Research Institute" or a "Research Centre"); each gives a reading.
_ORG_WORDS: dict[str, str] = {
    "조선민주주의인민공화국": "dprk|democratic peoples republic of korea",
    "조선": "korea", "무역": "trading", "회사": "corporation|company", "총회사": "general corporation",
    "총국": "general bureau", "은행": "bank", "연구소": "research institute|research centre",
    "연구원": "research institute|research centre", "련구소": "research institute|research centre",
    "연구센터": "research centre", "련구센터": "research centre", "공업": "industry", "위원회": "committee",
    "련합": "union",
    "연합": "union", "기업소": "enterprise", "상사": "trading company", "대외": "external", "건설": "construction",
    "광업": "mining", "개발": "development", "기술": "technology", "국제": "international", "해운": "shipping",
    "선박": "shipping", "수출입": "export import", "인민": "peoples", "공화국": "republic",
    "민주주의": "democratic", "원자력": "nuclear|atomic energy", "과학": "science|scientific", "센터": "centre",
    "그룹": "group",
    "국가": "national", "해사": "maritime", "감독": "supervision", "전람": "exhibition", "상업": "commercial",
    "합영": "joint venture", "합작": "joint venture", "금융": "finance", "보험": "insurance",
    "기계": "machinery", "석유": "oil", "제철소": "steel works", "광산": "mine", "대학": "university",
    "정보": "information", "통신": "communications", "전자": "electronics", "화학": "chemical",
}
_ORG_SUFFIXES: dict[str, str] = {"부": "ministry", "국": "bureau", "군": "army", "성": "ministry", "사": "company"}


def _segment(word: str) -> list[tuple[str, str | None]]:
    """An organisation word cut at the known words (longest first): (Hangul piece, English gloss or None)."""
    return segment(word, _ORG_WORDS, _ORG_SUFFIXES)


def _organisation_readings(texts: list[str]) -> list[Reading]:
    """Organisation names cut into words: DPRK-romanised words ("joson paekho muyok hoesa"), and English."""
    pieces = [piece for text in texts for piece in _segment(text)]
    if not any(gloss for _, gloss in pieces):
        return []
    romanised = tuple("".join(_mr(_syllables(piece), dprk=True)) for piece, _ in pieces)
    found = [Reading(romanised, "dprk-words")]
    # The first translations; then each word with two translations in its second one, and all in their
    # second, with the South's spelling of the names.
    ambiguous = [position for position, (_, gloss) in enumerate(pieces) if gloss and "|" in gloss]
    choices = [set(), *({position} for position in ambiguous[:3]), set(ambiguous)]
    for index, second in enumerate(choices):
        english = tuple(token for position, (piece, gloss) in enumerate(pieces) for token in (
            _gloss_choice(gloss, position in second).split() if gloss else [_org_name_word(piece, index > 0)]))
        found.append(Reading(english, "english-glossed"))
    if not ambiguous:
        found.append(Reading(tuple(token for piece, gloss in pieces for token in (
            gloss.split() if gloss else [_org_name_word(piece, True)])), "english-glossed"))
    return found


def _gloss_choice(gloss: str, second: bool) -> str:
    options = gloss.split("|")
    return options[-1] if second else options[0]


def _org_name_word(piece: str, south: bool) -> str:
    """A word of an organisation name that is not glossed (a place, a brand), DPRK-romanised; with `south`,
    in the South's spelling of its first sound (녕변 "Yongbyon")."""
    syllables = _syllables(piece)
    return "".join(_mr(_south_initial(syllables) if south else syllables, dprk=True))


def _generic_readings(words: list[list[Syllable]]) -> list[Reading]:
    """Readings of text that is not a plain personal name: each word whole, per scheme."""
    south = [_south_initial(word) for word in words]
    return [
        Reading(tuple("".join(_rr(word)) for word in words), "revised-romanization"),
        Reading(tuple("".join(_mr(word, dprk=True)) for word in words), "dprk"),
        Reading(tuple("".join(_mr(word)) for word in words), "mccune-reischauer"),
        Reading(tuple(s for word in words for s in _dprk_syllables(word)), "dprk"),
        Reading(tuple("".join(_mr(word, dprk=True)) for word in south), "dprk-south-initial"),
        Reading(tuple("".join(_rr(word)) for word in south), "revised-romanization"),
    ]


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    texts = _hangul_words(text)
    if not texts:
        return ()
    words = [_syllables(word) for word in texts]
    loans = [Reading(tuple("".join(_loan(word)) for word in words), "loanword"),
             Reading(tuple("".join(_loan(word, _LOAN_FV_INITIALS)) for word in words), "loanword")]
    if any(word[-1][1] == _EO and not word[-1][2] for word in words):  # a final 터 is English -ter: 피터 Peter
        loans.insert(1, Reading(tuple("".join(_loan(word)) + ("r" if word[-1][1] == _EO and not word[-1][2] else "")
                                      for word in words), "loanword"))
    if any(word[0][0] == _RIEUL for word in words):  # a first ㄹ is English l as often as r: 레밍 Lemming
        loans.append(Reading(tuple("l" + "".join(_loan(word))[1:] if word[0][0] == _RIEUL else "".join(_loan(word))
                                   for word in words), "loanword"))
    if len(words) == 1 and len(words[0]) == 1:  # a lone syllable: a surname or a one-syllable name
        singles = [Reading((spelling,), "surname") for spelling in _surname_spellings(words[0], texts[0])]
        return tuple(unique_readings([*singles, *_generic_readings(words), *loans]))
    if _looks_korean(words, texts):
        family, family_text, given = _split_name(words, texts)
        return tuple(unique_readings(_person_readings(family, family_text, given, loans)))
    organisation = _organisation_readings(texts)
    if organisation:
        return tuple(unique_readings([*organisation, *_generic_readings(words), *loans]))
    return tuple(unique_readings([*loans, *_generic_readings(words)]))


def readings(text: str) -> list[Reading]:
    """Every plausible Latin reading of a Korean name (or a foreign name) written in Hangul, best first."""
    return list(_readings(text))
