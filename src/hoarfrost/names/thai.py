"""Latin readings of names in Thai script.

Thai writes vowels before, above, below and after their consonant (เ-ีย, แ-, ไ-, -ั-ว) and marks silent
letters with the karan ์; a consonant is a syllable's initial or its final by position alone. Names on
sanctions lists are mostly company names whose words are English loanwords written in Thai letters
("ฮาร์ดแวร์" hardware, "แมชชีน" machine) or Latin acronyms spelled by their letters' Thai names ("ไอที" IT,
"ทีอีซีจีอาร์" TECGR), around the legal form "บริษัท ... จำกัด" (Co., Ltd).

So a name gets:

- RTGS, the Royal Thai General System (the official romanisation: "จำกัด" -> "chamkat"): final consonants
  reduced to k t p n m ng, silent letters dropped;
- two loanword readings, which undo the Thai spelling of a foreign word: letters silenced by the karan are
  read (ร์ r, ด์ d, ซ์ s), finals keep their letter (ด d, ซ s, ล l), aspirated letters lose their h
  (ท t, พ p, ค k), an initial consonant before ร ล ว forms a cluster ("บริ" bri), แ is a; the second reads
  ก as g and ซ inside a word as z, as Thai writes g and z ("โซกุโซ่" soguzo);
- Latin acronyms read from their letters' Thai names, where a whole word spells letters;
- the common organisation words (loanwords such as "คอร์ปอเรชั่น", Thai words such as "ธนาคาร" bank) in
  English, and the legal form as its class ("llc"), as `hoarfrost.names.orgtypes` does for Latin names.

All written here: PyICU has no wheels (its Thai-Latin transform is RTGS only, without the loanword
readings), and pythainlp's romanisers are RTGS or need a neural model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from hoarfrost.names.readings import Reading, unique_readings
from hoarfrost.names.word_tables import letter_table, word_table

RTGS = "rtgs"
LOANWORD = "thai-loanword"
LOANWORD_GZ = "thai-loanword-gz"
RTGS_WRITTEN = "rtgs-written"
ACRONYM = "thai-acronym"

_CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
# Initial sounds: RTGS, then the loanword reading (aspiration dropped).


_RTGS_INITIAL = letter_table(
    _CONSONANTS, "k kh kh kh kh kh ng ch ch ch s ch y d t th th th n d t th th th n b p ph f ph f ph m y r l w "
    "s s s h l - h")
_LOAN_INITIAL = letter_table(
    _CONSONANTS, "k k k k k k ng ch ch ch s ch y d t t t t n d t t t t n b p p f p f p m y r l w s s s h l - h")
# RTGS finals: the stops reduce to k t p, the sonorants to n m ng, ย and ว to vowels.
_RTGS_FINAL = {**{c: "k" for c in "กขคฆ"}, **{c: "t" for c in "จชซฌฎฏฐฑฒดตถทธศษส"},
               **{c: "p" for c in "บปพฟภ"}, **{c: "n" for c in "ญณนรลฬ"}, "ม": "m", "ง": "ng", "ย": "i", "ว": "o"}

_LEADING = "เแโใไ"
_ABOVE = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"  # ั ิ ี ึ ื ุ ู ็
_FOLLOWING = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_KARAN = "\u0e4c"
_MAI_HAN_AKAT, _MAITAIKHU = "\u0e31", "\u0e47"
_SIMPLE_VOWELS = {"\u0e31": "a", "\u0e34": "i", "\u0e35": "i", "\u0e36": "ue", "\u0e37": "ue", "\u0e38": "u",
                  "\u0e39": "u", "\u0e30": "a", "\u0e32": "a", "\u0e33": "am", "\u0e45": "a"}
_CLUSTER_SECONDS = frozenset("รลว")
_TRUE_CLUSTER_FIRSTS = frozenset("กขคตปพ")  # Thai's own clusters (กร ปร พล คว): บริษัท is bo-ri-sat


@dataclass(slots=True)
class _Unit:
    """One consonant with the vowel signs written around it and whether the karan silences it."""

    consonant: str
    lead: str = ""
    marks: str = ""  # above/below vowels and following vowels, in order; tone marks dropped
    silent: bool = False
    extra: list[str] = field(default_factory=list)
    silent_in_thai: bool = False  # silent in a Thai word, read in a loanword: ท of จันทร์ (chan)


@dataclass(frozen=True, slots=True)
class _Scheme:
    loanword: bool
    gz: bool = False
    written: bool = False  # RTGS, but the letters Thai leaves unsaid after a final are read (ชินวัตร chinwatr)


_SCHEMES = {RTGS: _Scheme(False), LOANWORD: _Scheme(True), LOANWORD_GZ: _Scheme(True, True),
            RTGS_WRITTEN: _Scheme(False, written=True)}


def _units(word: str) -> list[_Unit]:
    units: list[_Unit] = []
    lead = ""
    for char in word:
        if char in _LEADING:
            lead = char
        elif char in _CONSONANTS:
            units.append(_Unit(char, lead))
            lead = ""
        elif units and (char in _ABOVE or char in _FOLLOWING):
            units[-1].marks += char
        elif units and char == _KARAN:
            units[-1].silent = True
            if len(units) >= 4 and _bare(units[-2]) and _bare(units[-3]) and not _bare(units[-4]):
                units[-2].silent_in_thai = True  # after a final: จันทร์ chan, ลักษณ์ lak, ศาสตร์ sat
    if len(units) >= 3 and units[-1].consonant == "ร" and _bare(units[-1]) and _bare(units[-2]) and (
            units[-3].marks or units[-3].lead):
        units[-1].silent_in_thai = True  # a last ร after a final is silent: ชินวัตร chinwat, มิตร mit, จักร chak
    return _ro_han(units)


def _bare(unit: _Unit) -> bool:
    return not unit.lead and not unit.marks and not unit.silent


def _ro_han(units: list[_Unit]) -> list[_Unit]:
    """รร after a consonant (ro han) is the vowel a, with n as the final when no consonant follows: กรรม kam,
    สุวรรณ suwan, สวรรค์ sawan."""
    out: list[_Unit] = []
    index = 0
    while index < len(units):
        unit = units[index]
        pair = units[index + 1:index + 3]
        if (out or index == 0) and _bare(unit) and len(pair) == 2 and all(
                u.consonant == "ร" and _bare(u) for u in pair) and index + 1 < len(units):
            out.append(_Unit(unit.consonant, marks=_MAI_HAN_AKAT))
            following = units[index + 3] if index + 3 < len(units) else None
            if following is None or following.silent:
                out.append(_Unit("น"))
            index += 3
            continue
        out.append(unit)
        index += 1
    return out


def _initial(consonant: str, scheme: _Scheme, first: bool = False) -> str:
    """A consonant that opens a syllable; in the g/z reading ก is g, and ซ is z inside a word (a first ซ
    stays s, as in most loanwords: ซอฟต์แวร์ software)."""
    if scheme.gz and (consonant == "ก" or (consonant == "ซ" and not first)):
        return "g" if consonant == "ก" else "z"
    value = (_LOAN_INITIAL if scheme.loanword else _RTGS_INITIAL)[consonant]
    return "" if value == "-" else value


def _final(consonant: str, scheme: _Scheme) -> str:
    if scheme.loanword:
        return {"อ": "", "ย": "y", "ว": "w", "ก": "k"}.get(consonant, _initial(consonant, scheme))
    return _RTGS_FINAL.get(consonant, "")


def _vowel(lead: str, marks: str, scheme: _Scheme, follower: str) -> tuple[str, bool]:
    """The vowel of a syllable from its leading vowel, its signs and the unit after it (อ ย ว may belong
    to the vowel); and whether that following unit was used up."""
    if lead == "เ":
        if marks == "" and follower == "อ":
            return ("e" if scheme.loanword else "oe"), True
        if marks.startswith("\u0e35") and follower == "ย":
            return "ia", True
        if marks.startswith("\u0e37") and follower == "อ":
            return "uea", True
        if marks.startswith("\u0e32"):
            return "ao", False
        if marks.startswith("\u0e34"):
            return "oe", False
        return "e", False
    if lead == "แ":
        return ("a" if scheme.loanword else "ae"), False
    if lead == "โ":
        return "o", False
    if lead in ("ใ", "ไ"):
        return "ai", follower == "ย"  # ไทย: the ย after ไ- is silent
    if marks.startswith(_MAI_HAN_AKAT) and follower == "ว":
        return "ua", True
    vowel = "".join(_SIMPLE_VOWELS.get(mark, "") for mark in marks)
    if not vowel and follower == "อ":
        return "o", True  # คอ: อ after a bare consonant is the vowel o
    if not vowel and follower == "ว":
        return "ua", True
    return vowel, False


def _word(word: str, scheme: _Scheme) -> str:
    units = _units(word)
    out: list[str] = []
    index = 0
    open_syllable = False  # the last syllable has its vowel and may still take a final consonant
    while index < len(units):
        unit = units[index]
        follower = units[index + 1].consonant if index + 1 < len(units) else ""
        if unit.silent_in_thai and not scheme.loanword and not scheme.written:
            index += 1
            continue
        if unit.silent:
            if scheme.loanword:
                out.append(_final(unit.consonant, scheme))
            index += 1
            continue
        bare = not unit.lead and not unit.marks
        if bare and open_syllable:  # a final consonant closes the syllable
            out.append(_final(unit.consonant, scheme))
            open_syllable = False
            index += 1
            continue
        initial = _initial(unit.consonant, scheme, index == 0)
        if unit.lead and not unit.marks and _cluster_after_lead(units, index, scheme):
            index += 1  # เปรม prem, แพลนท์ plant: the vowel written before the cluster
            initial += _initial(units[index].consonant, scheme)
            unit = _Unit(unit.consonant, unit.lead, units[index].marks)
            follower = units[index + 1].consonant if index + 1 < len(units) else ""
        # อ ย ว are part of the vowel only when bare: in สวรรค์ (sawan) ว carries a vowel of its own
        vowel_follower = follower if index + 1 < len(units) and _bare(units[index + 1]) else ""
        vowel, used = _vowel(unit.lead, unit.marks, scheme, vowel_follower)
        if not vowel and not unit.lead:
            vowel = _inherent(units, index, scheme)
        out.append(initial + vowel)
        open_syllable = bool(vowel)
        index += 2 if used else 1
    return "".join(out)


def _cluster_after_lead(units: list[_Unit], index: int, scheme: _Scheme) -> bool:
    """After a leading vowel, is the next letter (ร ล ว) the second of a cluster rather than a final?"""
    if index + 2 >= len(units):
        return False
    second = units[index + 1]
    first_fits = scheme.loanword or units[index].consonant in _TRUE_CLUSTER_FIRSTS
    return first_fits and second.consonant in _CLUSTER_SECONDS and not second.lead and not second.silent


def _inherent(units: list[_Unit], index: int, scheme: _Scheme) -> str:
    """The unwritten vowel of a bare consonant: none before ร ล ว that carry a vowel in a loanword (a
    cluster: บริ bri), o before a final (คน khon), a before another syllable (สบาย sabai)."""
    following = units[index + 1] if index + 1 < len(units) else None
    if following is None:
        return "o" if index == 0 else ""
    carries_vowel = bool(following.lead or following.marks)
    cluster = scheme.loanword or units[index].consonant in _TRUE_CLUSTER_FIRSTS
    if cluster and following.consonant in _CLUSTER_SECONDS and following.marks and not following.lead:
        return ""
    if not carries_vowel and not following.silent:
        return "o"
    return "o" if not scheme.loanword and following.consonant in _CLUSTER_SECONDS else "a"


# --- acronyms spelled with the Thai names of Latin letters ----------------------------------------------

_LETTER_NAMES: dict[str, str] = {
    "เอ": "a", "บี": "b", "ซี": "c", "ดี": "d", "อี": "e", "เอฟ": "f", "จี": "g", "เอช": "h", "เฮช": "h",
    "ไอ": "i", "เจ": "j", "เค": "k", "แอล": "l", "เอ็ม": "m", "เอม": "m", "เอ็น": "n", "เอน": "n", "โอ": "o",
    "พี": "p", "คิว": "q", "อาร์": "r", "เอส": "s", "ที": "t", "ยู": "u", "วี": "v", "ดับเบิลยู": "w",
    "ดับบลิว": "w", "เอ็กซ์": "x", "เอกซ์": "x", "เอ็กซ": "x", "วาย": "y", "แซด": "z", "เซ็ด": "z",
}
_LONGEST_LETTER = max(map(len, _LETTER_NAMES))


@lru_cache(maxsize=16384)
def acronym(word: str) -> str:
    """The Latin letters a Thai word spells by their names ("ไอที" -> "it"), or "" when it spells none;
    tone marks are not part of the names."""
    text = "".join(char for char in word if char not in _TONES)
    spelled = _spell(text, 0)
    return spelled if spelled is not None and len(spelled) >= 2 else ""


def _spell(text: str, start: int) -> str | None:
    if start == len(text):
        return ""
    for size in range(min(_LONGEST_LETTER, len(text) - start), 1, -1):
        letter = _LETTER_NAMES.get(text[start:start + size])
        if letter is not None:
            rest = _spell(text, start + size)
            if rest is not None:
                return letter + rest
    return None


# --- organisation words -------------------------------------------------------------------------------

# English organisation vocabulary written in Thai letters (with the spellings in use), and Thai words.
_ORG_WORDS = word_table("""
    คอร์ปอเรชั่น=corporation; คอร์ปอเรชัน=corporation; คอร์เปอเรชั่น=corporation; คอร์เปอร์เรชั่น=corporation;
    คอร์ปอร์เรชั่น=corporation; กรุ๊ป=group; กรุ๊ปส์=group; โฮลดิ้ง=holding; โฮลดิ้งส์=holdings;
    อินเตอร์เนชั่นแนล=international; อินเตอร์เนชันแนล=international; อินเทอร์เนชันแนล=international;
    เทคโนโลยี=technology; เทคโนโลยีส์=technologies; เอ็นจิเนียริ่ง=engineering; เทรดดิ้ง=trading;
    อินดัสทรี=industry; อินดัสตรี=industry; อินดัสทรีส์=industries; เซอร์วิส=service; เซอร์วิสเซส=services;
    ซัพพลาย=supply; โลจิสติกส์=logistics; เอ็นเตอร์ไพรส์=enterprise; เอนเตอร์ไพรส์=enterprise;
    อิเล็กทรอนิกส์=electronics; ไทยแลนด์=thailand; ประเทศไทย=thailand; ธนาคาร=bank; มูลนิธิ=foundation;
    สมาคม=association; อุตสาหกรรม=industry; การค้า=trading; ขนส่ง=transport; พลังงาน=energy; ไทย=thai;
    มหาชน=public; ห้างหุ้นส่วนจำกัด=lp; ห้างหุ้นส่วน=partnership; จำกัด=llc; บริษัท=company
""")
_LIMITED = "จำกัด"
_COMPANY = "บริษัท"


def _translated(word: str, words: list[str]) -> str | None:
    """The English of an organisation word; บริษัท "company" disappears into the legal form beside จำกัด."""
    if word == _COMPANY and _LIMITED in words:
        return ""
    return _ORG_WORDS.get(word)


# --- readings -------------------------------------------------------------------------------------------

_WORD = re.compile("[\u0e01-\u0e4e]+")


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    words = _WORD.findall(text)
    if not words:
        return ()
    found: list[Reading] = []
    for name in (LOANWORD, RTGS, LOANWORD_GZ, RTGS_WRITTEN):
        scheme = _SCHEMES[name]
        for spell_acronyms in (True, False):
            tokens: list[str] = []
            for word in words:
                english = _translated(word, words)
                if english is not None:
                    tokens.extend(english.split())
                else:
                    tokens.append((spell_acronyms and acronym(word)) or _word(word, scheme))
            spelled = spell_acronyms and any(acronym(word) for word in words)
            found.append(Reading(tuple(token for token in tokens if token), ACRONYM if spelled else name))
    return tuple(unique_readings(found))


def readings(text: str) -> list[Reading]:
    """Readings of the Thai words of a name: loanword, RTGS, loanword with g and z; acronyms spelled out."""
    return list(_readings(text))


def rtgs(text: str) -> str:
    """RTGS: "จำกัด" -> "chamkat", "บริษัท" -> "borisat"."""
    return " ".join(_word(word, _SCHEMES[RTGS]) for word in _WORD.findall(text))


def loanword(text: str, gz: bool = False) -> str:
    """The loanword reading: "ฮาร์ดแวร์" -> "hardwar", "แมชชีน" -> "machchin"; with gz "โซกุโซ่" -> "soguzo"."""
    return " ".join(_word(word, _SCHEMES[LOANWORD_GZ if gz else LOANWORD]) for word in _WORD.findall(text))
