"""Latin readings and consonant skeletons of names written in Hebrew script.

Hebrew, like Arabic, leaves most vowels unwritten: "דוד" is David, and ו י are vowels (o, u, i, e) or
consonants (v, y) as the word needs. Names therefore meet Latin mainly in the consonant-skeleton space of
`hoarfrost.names.arabic` (`SKELETON`), which this module maps Hebrew letters into, so that a Latin token
keyed by `arabic.latin_skeleton` meets Hebrew and Arabic names in one space:

    a  first letter only: the word starts with א or ע (a vowel in Latin): Avraham, Ariel
    b  ב פ hard (b, p)       f  ב פ ף soft (v, f) in the modern profile below, and consonantal ו
    k  ג כ ך ק (g, k)         h  ה ח, and soft כ ך (kh) in the modern profile; a final ה is silent
    d  ד ז (d, z)             s  ס צ ץ (s, tz) and ש with the sin dot
    x  ש (sh), צ׳ טש (ch)     j  ג׳ ז׳ זש (j, zh)
    t  ט ת                    l m n r as written
    w  ו at the start of a word (v)     y  י at the start of a word

ו and י inside a word are dropped, as Latin inner vowels (and inner v, w, y) are. Final forms are their
letters. Particles (בן "ben", "son of") have no key.

Unpointed Hebrew does not show whether ב כ פ are hard (b k p) or soft (v kh f), nor ש shin from sin, so
a name gets skeletons under whole-name profiles, the way a person's name is romanised consistently:
"hard" (biblical and English habits: Jacob, Abraham), "soft" (modern Israeli: Yaakov, Avraham; ב כ פ soft
after the first letter, and a first פ, as foreign names write f), "European" (German, Yiddish and Polish
habits: ח and soft כ as "ch", a first י as "j", ב as b: Chaim, Menachem, Jakob), the sin reading of ש,
and the old full spelling in which every inner ו is v (דוד David). When the name carries niqqud, the
dagesh and the shin/sin dots decide, and a pointed Latin reading (scheme "hebrew-niqqud") spells its vowels.

Latin readings without niqqud (scheme "hebrew-letters") write ו as o or v and י as i or y by position and
א ע as a where they start a word; they suit foreign names, which Hebrew writes with their vowels
("רולנד" Roland), and are a fuzzy hint for Hebrew ones.

All written here: no maintained library transliterates Hebrew names (anyascii drops the vowels and knows
none of the b/v, k/kh, p/f or shin/sin ambiguities).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product

from hoarfrost.names.arabic import SKELETON, english_key
from hoarfrost.names.org_words_he import translate_word
from hoarfrost.names.readings import Reading, unique_readings

SKELETON_SCHEME = "hebrew-skeleton"
LETTERS = "hebrew-letters"
NIQQUD = "hebrew-niqqud"

_GERESH = frozenset("\u05f3'\u2019`\u02bc")
_GERSHAYIM = frozenset('"\u05f4\u201c\u201d')
_DAGESH = "\u05bc"
_SHIN_DOT, _SIN_DOT = "\u05c1", "\u05c2"
_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_PARTICLES = frozenset({"בנ", "בת"})  # ben, bat (son, daughter of), final forms folded


@dataclass(frozen=True, slots=True)
class _Letter:
    """One Hebrew letter (final forms folded) with its points and whether a geresh follows it."""

    char: str
    marks: str
    geresh: bool
    final_form: bool


def _is_letter(char: str) -> bool:
    return "\u05d0" <= char <= "\u05ea" or char in "\u05f0\u05f1\u05f2"


def _split_words(text: str) -> list[list[_Letter]]:
    return [list(word) for word in _cached_split(text)]


@lru_cache(maxsize=65536)
def _cached_split(text: str) -> tuple[tuple[_Letter, ...], ...]:
    """Words of Hebrew letters with their niqqud; a geresh stays with its letter, a gershayim inside a word
    (the mark of an acronym: להב"ה Lehava, צה"ל Tzahal) is dropped, anything else splits."""
    words: list[list[_Letter]] = []
    current: list[_Letter] = []
    decomposed = unicodedata.normalize("NFD", text)
    for position, char in enumerate(decomposed):
        if char in _GERSHAYIM and current and _is_letter(decomposed[position + 1:position + 2] or " "):
            continue
        if _is_letter(char):
            expanded = {"\u05f0": "וו", "\u05f1": "וי", "\u05f2": "יי"}.get(char, char)
            for part in expanded:
                current.append(_Letter(part.translate(_FINALS), "", False, part in "ךםןףץ"))
        elif current and unicodedata.category(char) == "Mn":
            last = current[-1]
            current[-1] = _Letter(last.char, last.marks + char, last.geresh, last.final_form)
        elif current and char in _GERESH and current[-1].char in "גזצתדחט":
            last = current[-1]
            current[-1] = _Letter(last.char, last.marks, True, last.final_form)
        elif current:
            words.append(current)
            current = []
    if current:
        words.append(current)
    return tuple(map(tuple, words))


def _pointed(words: list[list[_Letter]]) -> bool:
    return any(letter.marks for word in words for letter in word)


@dataclass(frozen=True, slots=True)
class _Profile:
    soft: bool  # ב כ פ after the first letter are v kh f (unless a dagesh says otherwise); so is a first פ
    ch: bool  # ח and soft כ are "ch" (x class): German, Yiddish and Polish habits, and Israeli names in English
    sin: bool  # an undotted ש is sin (s)
    vav: bool = False  # every ו inside a word is v: the old full spelling that writes David דוד
    german: bool = False  # German, Yiddish and Polish habits: a first י is "j", ב is b, a first פ is p
    z: bool = False  # צ is "z" as English writes it in Zion, Zvi (tz, ts otherwise)


_PROFILES = (_Profile(False, False, False), _Profile(True, False, False), _Profile(True, True, False, german=True),
             _Profile(False, False, True), _Profile(True, False, True), _Profile(True, False, False, True),
             _Profile(True, True, False), _Profile(True, True, True))
# Readings of single words beyond the whole-name profiles: צ as z.
_Z_PROFILES = (_Profile(False, False, False, z=True), _Profile(True, False, False, z=True))
# Skeleton readings of a name at most: whole-name profiles first, then mixes of the words' own variants.
_MAX_SKELETONS = 18

_HARD_KEYS = {"א": "", "ב": "b", "ג": "k", "ד": "d", "ה": "h", "ו": "", "ז": "d", "ח": "h", "ט": "t", "י": "",
              "כ": "k", "ל": "l", "מ": "m", "נ": "n", "ס": "s", "ע": "", "פ": "b", "צ": "s", "ק": "k", "ר": "r",
              "ש": "x", "ת": "t"}
_GERESH_KEYS = {"ג": "j", "ז": "j", "צ": "x", "ת": "t", "ד": "d", "ח": "h", "ט": "t"}


def _soft(letter: _Letter, index: int, pointed: bool, profile: _Profile) -> bool:
    """Is ב כ פ soft here? Niqqud says so by its missing dagesh; otherwise the profile and the position do."""
    if pointed:
        return _DAGESH not in letter.marks
    # A first פ is f in foreign names written in modern spelling (פרידמן Friedman); native ones (Peretz)
    # have the hard profile.
    if profile.german and letter.char == "ב":
        return False  # German and Yiddish habits keep b: Jakob, Abraham
    return profile.soft and (index > 0 or letter.final_form or (letter.char == "פ" and not profile.german))


def _letter_key(word: list[_Letter], index: int, pointed: bool, profile: _Profile) -> str:
    letter = word[index]
    char = letter.char
    if letter.geresh and char in _GERESH_KEYS:
        return _GERESH_KEYS[char]
    if char in "אע":
        return "a" if index == 0 else ""
    if char == "ו":
        if index == 0:
            return "w"
        return "f" if _consonantal_vav(word, index, pointed, profile) else ""
    if char == "י":
        return ("j" if profile.german else "y") if index == 0 else ""
    if char == "ז" and word[index + 1:index + 2] and word[index + 1].char == "ש":
        return "j"  # זש writes zh in foreign names
    if char == "ש" and index > 0 and word[index - 1].char == "ז":
        return ""
    if char == "ט" and word[index + 1:index + 2] and word[index + 1].char == "ש":
        return ""  # טש writes ch (tsh): one x, as Latin "tch", "tsch"
    if char == "ה" and index == len(word) - 1 and index > 1:
        return ""  # final ה is a vowel letter: Sarah, Moshe
    if char == "ש":
        if index > 0 and word[index - 1].char == "ט":
            return "x"
        sin = _SIN_DOT in letter.marks or (profile.sin and _SHIN_DOT not in letter.marks)
        return "s" if sin else "x"
    if char in "בכפ" and _soft(letter, index, pointed, profile):
        return {"ב": "f", "פ": "f", "כ": "x" if profile.ch else "h"}[char]
    if char == "ח" and profile.ch:
        return "x"
    if char == "צ" and profile.z:
        return "d"
    return _HARD_KEYS[char]


def _consonantal_vav(word: list[_Letter], index: int, pointed: bool, profile: _Profile) -> bool:
    """ו inside a word is v when doubled (וו), before a vowel letter (לוי Levi, דויד David) or pointed with
    a vowel that is not its own holam or shuruk; only the modern profile reads it so without niqqud."""
    letter = word[index]
    if pointed:
        own_vowel = _DAGESH in letter.marks or "\u05b9" in letter.marks or "\u05ba" in letter.marks
        return bool(letter.marks) and not own_vowel
    if not profile.soft:
        return False
    if profile.vav:
        return True
    following = word[index + 1].char if index + 1 < len(word) else ""
    return following in "וי" and word[index - 1].char != "ו"


def _word_skeleton(word: list[_Letter], pointed: bool, profile: _Profile) -> str:
    keys: list[str] = []
    previous = ""
    for index in range(len(word)):
        key = _letter_key(word, index, pointed, profile)
        if key and not (word[index].char == "ו" and previous == "ו"):
            keys.append(key)
        previous = word[index].char
    return "".join(keys)


def _is_particle(word: list[_Letter]) -> bool:
    return "".join(letter.char for letter in word) in _PARTICLES


@lru_cache(maxsize=65536)
def hebrew_skeleton(text: str) -> tuple[str, ...]:
    """One skeleton key per written word under the plain (hard, shin) profile; "" for the particle בן."""
    words = _split_words(text)
    pointed = _pointed(words)
    return tuple("" if _is_particle(word) else _word_skeleton(word, pointed, _PROFILES[0]) for word in words)


def skeleton_readings(text: str) -> list[Reading]:
    """Skeleton readings under every whole-name profile (just one when niqqud decides), plain first; then
    mixes of each word's own variants, since one name may join a modern given name (Avichai, soft ב, ח as
    ch) to an old-spelled surname (Suissa, ו a vowel)."""
    words = [word for word in _split_words(text) if not _is_particle(word)]
    if not words:
        return []
    pointed = _pointed(words)
    profiles = _PROFILES[:1] if pointed else _PROFILES
    found = [Reading(tuple(key for key in (_word_skeleton(w, pointed, p) for w in words) if key),
                     SKELETON_SCHEME, SKELETON) for p in profiles]
    if not pointed:
        variants = [_word_variants(word) for word in words]
        for mix in islice(product(*variants), _MAX_SKELETONS * 2):
            found.append(Reading(tuple(key for key in mix if key), SKELETON_SCHEME, SKELETON))
    return unique_readings(found, _MAX_SKELETONS)


def _word_variants(word: list[_Letter]) -> list[str]:
    """The distinct skeletons of one unpointed word: under each profile, with צ as z, each followed by its
    form with a first י before a consonant read as the vowel i that English writes (ישראל Israel, ישעיהו
    Isaiah). A letter written twice stays two consonants: a vowel stands between them unwritten (ננסי
    Nancy, הררי Harari)."""
    keys = [_word_skeleton(word, False, profile) for profile in _PROFILES]
    if any(letter.char == "צ" for letter in word):
        keys += [_word_skeleton(word, False, profile) for profile in _Z_PROFILES]
    if len(word) > 2 and word[0].char == "י" and word[1].char not in "ויאע":
        keys = [variant for key in keys for variant in (key, "a" + key[1:] if key[:1] in ("y", "j") else key)]
    return list(dict.fromkeys(key for key in keys if key))


# ---------------------------------------------------------------------------------------------------------
# Latin readings
# ---------------------------------------------------------------------------------------------------------

_LATIN = {"ב": "b", "ג": "g", "ד": "d", "ה": "h", "ז": "z", "ח": "h", "ט": "t", "כ": "k", "ל": "l", "מ": "m",
          "נ": "n", "ס": "s", "פ": "p", "צ": "tz", "ק": "k", "ר": "r", "ש": "sh", "ת": "t"}
_SOFT_LATIN = {"ב": "v", "כ": "kh", "פ": "f"}
_GERESH_LATIN = {"ג": "j", "ז": "zh", "צ": "ch", "ת": "th", "ד": "dh", "ח": "kh", "ט": "t"}
_VOWEL_POINTS = {"\u05b7": "a", "\u05b8": "a", "\u05b6": "e", "\u05b5": "e", "\u05b4": "i", "\u05b9": "o",
                 "\u05ba": "o", "\u05bb": "u", "\u05b2": "a", "\u05b1": "e", "\u05b3": "o", "\u05c7": "o"}


def _consonant_latin(word: list[_Letter], index: int, soft: bool) -> str:
    letter = word[index]
    if letter.geresh and letter.char in _GERESH_LATIN:
        return _GERESH_LATIN[letter.char]
    if letter.char == "ש" and _SIN_DOT in letter.marks:
        return "s"
    if soft and letter.char in _SOFT_LATIN:
        return _SOFT_LATIN[letter.char]
    return _LATIN.get(letter.char, "")


def _letters_word(word: list[_Letter], modern: bool, back: str = "o", final: str = "a") -> str:
    """Latin from unpointed letters: ו is v at the start or doubled, o inside; י is y at the start or
    doubled, i inside; א ע are a at the start, but only carry the vowel of a ו or י after them (אורי Uri,
    איליה Ilya); a final ה after a consonant or י is a ("Sarah" -> sara, "מריה" -> "maria")."""
    out: list[str] = []
    last = len(word) - 1
    for index, letter in enumerate(word):
        char = letter.char
        prev = word[index - 1].char if index else ""
        nxt = word[index + 1].char if index < last else ""
        if char in "אע":
            doubled = index == 0 and index + 2 <= last and word[index + 2].char == nxt  # אייל Eyal, אוולין Evelyn
            out.append(("e" if nxt == "י" else "a") if doubled else
                       "" if (prev and prev in "וי") or (nxt and nxt in "וי") else "a")
        elif char == "ו":
            if prev == "ו":
                continue
            out.append("v" if index == 0 or nxt == "ו" else back)
        elif char == "י":
            if prev == "י":
                continue
            out.append("y" if index == 0 or nxt == "י" or nxt in "אע" else "i")
        elif char == "ה" and index == last and index > 0:
            out.append("" if prev in "אעו" else final)
        else:
            soft = modern and char in "בכפ" and (index > 0 or letter.final_form)
            out.append(_consonant_latin(word, index, soft or letter.final_form))
    return "".join(out)


def letters_reading(text: str, modern: bool = True, back: str = "o", final: str = "a") -> str:
    """A Latin reading of unpointed Hebrew: "רולנד" -> "rolnd", "אברהם" -> "avrhm" (modern) / "abrhm";
    `back` is the vowel of an inner ו (o or u), `final` that of a final ה (a as in Sara, e as in Moshe)."""
    return " ".join(_letters_word(word, modern, back, final) for word in _split_words(text) if not _is_particle(word))


VOWELLED = "hebrew-vowelled"
_VOWEL_LETTERS = frozenset("אעוי")
_VOWELLED_CONSONANTS = {"ח": "ch", "כ": "ch"}  # Israeli names in English: Avichai, Mordechai, Nachala


def _vowelled_word(word: list[_Letter], vowel: str) -> str:
    """Latin from unpointed letters with the unwritten vowels supplied: `vowel` between two consonants that
    no vowel letter parts, and a final ה after a consonant read as `vowel` ("נחלה" -> "nachala", "אמנה" ->
    "amana"). A guess, right for many modern names; the skeletons cover the rest."""
    out: list[str] = []
    last = len(word) - 1
    for index, letter in enumerate(word):
        char = letter.char
        previous = word[index - 1].char if index else ""
        following = word[index + 1].char if index < last else ""
        if char in _VOWEL_LETTERS or (char == "ה" and index == last and index > 0):
            vowel_before = previous in "אע" or (previous == "ו" and index > 1 and word[index - 2].char != "ו")
            if index == 0 and char in "אע" and last >= 2 and following in "וי" and following == word[2].char:
                out.append("e" if following == "י" else "a")  # אייל Eyal, אוולין Evelyn: יי וו are consonants
                continue
            out.append(_vowel_letter(char, index, previous, following, vowel, vowel_before))
            continue
        soft = char in "בכפ" and (index > 0 or letter.final_form)
        spelled = _consonant_latin(word, index, soft)
        out.append(_VOWELLED_CONSONANTS[char] if char in _VOWELLED_CONSONANTS and not letter.geresh
                   and (soft or char == "ח") else spelled)
        vowel_follows = following in _VOWEL_LETTERS or (following == "ה" and index + 1 == last)
        if following and not vowel_follows:
            out.append(vowel)
    return "".join(out)


def _vowel_letter(char: str, index: int, previous: str, following: str, vowel: str, vowel_before: bool) -> str:
    """א ע ו י and a final ה in context: v and y at a word's start (i before a consonant: ישראל Israel),
    o and i inside; א ע as a, but e next to י (מאיר Meir, דניאל Daniel); a final ה is silent after a
    vowel letter."""
    if char in "אע":
        if index == 0 and following and following in "וי":  # the vowel is the next letter's: אורי Uri, אילן Ilan
            return ""
        if index == 0:  # before a consonant: the guessed vowel, as often e as a (אדן Eden, אלישע Elisha)
            return vowel
        return "e" if following == "י" or (previous == "י" and index > 1) else "a"
    if char == "ו":
        if previous == "ו":
            return ""
        return "v" if index == 0 or following == "ו" else "o"
    if char == "י":
        if previous == "י":
            return ""
        if index == 0:
            return "y" if following in _VOWEL_LETTERS else "i"
        return "y" if following and following in "יאע" else "i"
    return "" if vowel_before else vowel  # a final ה


def vowelled_reading(text: str, vowel: str = "a") -> str:
    """A Latin reading of unpointed Hebrew with its unwritten vowels guessed as `vowel`."""
    return " ".join(_vowelled_word(word, vowel) for word in _split_words(text) if not _is_particle(word))


def _niqqud_word(word: list[_Letter]) -> str:
    """Latin from pointed letters: the points give the vowels, the dagesh hard or soft, the dots shin or sin."""
    out: list[str] = []
    for index, letter in enumerate(word):
        char, marks = letter.char, letter.marks
        vowel = next((_VOWEL_POINTS[mark] for mark in marks if mark in _VOWEL_POINTS), "")
        if char == "ו" and index > 0 and (_DAGESH in marks and not vowel):
            out.append("u")  # shuruk
            continue
        if char == "ו" and index > 0 and vowel == "o" and not any(m in _VOWEL_POINTS for m in word[index - 1].marks):
            out.append("o")  # holam male
            continue
        if char in "אע" or (char == "י" and index > 0 and not vowel) or (char == "ה" and index == len(word) - 1):
            out.append(vowel)
            continue
        if char == "ו":
            consonant = "v"
        elif char == "י":
            consonant = "y"
        else:
            consonant = _consonant_latin(word, index, char in "בכפ" and _DAGESH not in marks)
        sheva = "\u05b0" in marks and index == 0
        out.append(consonant + (vowel or ("e" if sheva else "")))
    return "".join(out)


def niqqud_reading(text: str) -> str:
    """A Latin reading of pointed Hebrew: "דָּוִד" -> "david", "מֹשֶׁה" -> "moshe"; "" without niqqud."""
    words = _split_words(text)
    if not _pointed(words):
        return ""
    return " ".join(_niqqud_word(word) for word in words if not _is_particle(word))


# ---------------------------------------------------------------------------------------------------------
# Organisation names: their vocabulary in English
# ---------------------------------------------------------------------------------------------------------

TRANSLATION = "translation"
_OF = "של"  # "X של Y" is "Y's X": the owner's name takes the English possessive s


def translation_readings(text: str) -> list[Reading]:
    """An organisation name with its vocabulary in English, the rest read with vowels supplied, in Latin
    ("תנועת נחלה" -> "movement nachala"), and the same in the skeleton space with the possessive s on the
    owner's name ("החווה של משה" -> "frm mxs", which meets "Moshe's Farm"); none unless a word says the name
    is an organisation's."""
    words = [word for word in _split_words(text) if not _is_particle(word)]
    found = [translate_word("".join(letter.char for letter in word)) for word in words]
    if not any(entry is not None and entry[1] for entry in found):
        return []
    latin: list[str] = []
    for word, entry in zip(words, found, strict=True):
        latin.extend(entry[0].split() if entry is not None else [_vowelled_word(word, "a")])
    readings = [Reading(tuple(token for token in latin if token), TRANSLATION)]
    for profile in (_PROFILES[1], _PROFILES[0], _Z_PROFILES[1]):
        keys: list[str] = []
        for index, (word, entry) in enumerate(zip(words, found, strict=True)):
            if entry is not None:
                keys.extend(english_key(english) for english in entry[0].split())
                continue
            owner = index > 0 and "".join(letter.char for letter in words[index - 1]) == _OF
            keys.append(_word_skeleton(word, False, profile) + ("s" if owner else ""))
        readings.append(Reading(tuple(key for key in keys if key), TRANSLATION, SKELETON))
    return unique_readings(readings)


@lru_cache(maxsize=65536)
def _readings(text: str) -> tuple[Reading, ...]:
    words = _split_words(text)
    if not words:
        return ()
    found: list[Reading] = []
    pointed = niqqud_reading(text)
    if pointed:
        found.append(Reading(tuple(pointed.split()), NIQQUD))
    found.append(Reading(tuple(letters_reading(text, modern=False).split()), LETTERS))
    found.append(Reading(tuple(letters_reading(text, modern=True).split()), LETTERS))
    found.append(Reading(tuple(letters_reading(text, True, "u", "e").split()), LETTERS))
    found += [Reading(tuple(vowelled_reading(text, vowel).split()), VOWELLED) for vowel in "ae"]
    found[1:1] = translation_readings(text)  # an organisation: its translation right after the first reading
    return tuple(unique_readings(found + skeleton_readings(text)))


def readings(text: str) -> list[Reading]:
    """Every reading of a name in Hebrew script: the pointed reading when there is niqqud, letter readings,
    then the consonant skeletons under each profile."""
    return list(_readings(text))
