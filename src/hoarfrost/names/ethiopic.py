"""Latin readings of names in Ethiopic (Ge'ez) script: Amharic, Tigrinya, Tigre.

Ethiopic is an abugida: each letter is a consonant with one of seven vowel orders, and Unicode names every
letter by its sound ("ETHIOPIC SYLLABLE FE", "... PHARYNGEAL AA", "... QHE"), so the table is read from
`unicodedata` instead of being typed out. Romanisation differs mostly in two orders:

- the first order (ä: ለ) is written e in Ethiopian and Eritrean usage ("Tesfaye", "Berhane") and a where
  the name is Arabic ("Abdurazak");
- the sixth order (ə: ል) is either no vowel (ዓብዱ "abdu") or an i or e that breaks a cluster (ፍትዊ
  "Fitiwi"); at the end of a word it is silent.

So a name gets readings with the first order as e and as a, the sixth silent after a vowel (a syllable's
close) and i elsewhere, or i everywhere, or silent everywhere; and its consonant skeleton in the key space
of `hoarfrost.names.arabic`, which absorbs all of these (Eritrean Muslim names are Arabic names: ዓብዱረዛቕ
meets "Abdelrazak" there). anyascii reads the sixth order as silent and the first as e only.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hoarfrost.names.arabic import SKELETON, latin_skeleton
from hoarfrost.names.readings import Reading, unique_readings

SCHEME = "ethiopic"
SKELETON_SCHEME = "ethiopic-skeleton"

_RANGES = ((0x1200, 0x137F), (0x1380, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F))
# Vowel orders as Unicode names spell them, longest first; FIRST and SIXTH are the ambiguous ones.
_ORDERS = ("WAA", "WEE", "WA", "WI", "WE", "AA", "EE", "OA", "A", "U", "I", "E", "O")
_FIRST, _SIXTH = "A", "E"
_VOWELS = {"WAA": "wa", "WEE": "we", "WA": "wa", "WI": "wi", "WE": "we", "AA": "a", "EE": "e", "OA": "wa",
           "U": "u", "I": "i", "O": "o"}
# Consonants as Unicode names spell them, in common Latin: ሐ ኀ ኸ are h, ሠ s, ቐ q, ጠ t, ጰ p, ጸ ፀ ts.
_CONSONANTS = {"HH": "h", "X": "h", "KX": "h", "SZ": "s", "QH": "q", "TH": "t", "PH": "p", "TZ": "ts",
               "C": "ch", "CH": "ch", "DD": "d", "GG": "g", "GLOTTAL": "", "PHARYNGEAL": "", "NY": "ny"}


def _letter_table() -> dict[str, tuple[str, str]]:
    """Ethiopic letter -> (Latin consonant, vowel order name) from the Unicode character names."""
    table: dict[str, tuple[str, str]] = {}
    for first, last in _RANGES:
        for code in range(first, last + 1):
            name = unicodedata.name(chr(code), "")
            if not name.startswith("ETHIOPIC SYLLABLE "):
                continue
            sound = name.removeprefix("ETHIOPIC SYLLABLE ").split()
            if sound[0] in ("SEBATBEIT", "FEMININE"):
                sound = sound[1:]
            if len(sound) == 2:  # GLOTTAL A, PHARYNGEAL AA: no consonant of its own in Latin
                table[chr(code)] = (_CONSONANTS.get(sound[0], ""), sound[1])
                continue
            parsed = _split(sound[0])
            if parsed:
                table[chr(code)] = (_CONSONANTS.get(parsed[0], parsed[0].lower()), parsed[1])
    return table


def _split(sound: str) -> tuple[str, str] | None:
    """"HWA" -> ("H", "WA"), "WA" -> ("W", "A"), "QHE" -> ("QH", "E"): a consonant is never empty."""
    for order in _ORDERS:
        if sound.endswith(order) and len(sound) > len(order):
            return sound[: -len(order)], order
    return None


_LETTERS = _letter_table()


def _word(word: str, first: str, sixth: str) -> str:
    """One word; `sixth` is "rule" (silent after a vowel and at the end, i elsewhere), "i" or ""."""
    out: list[str] = []
    letters = [_LETTERS[char] for char in word if char in _LETTERS]
    for index, (consonant, order) in enumerate(letters):
        if order == _FIRST:
            vowel = first
        elif order == _SIXTH:
            last = index == len(letters) - 1
            after_vowel = bool(out) and out[-1][-1:] in ("a", "e", "i", "o", "u")
            vowel = "" if last or sixth == "" or (sixth == "rule" and after_vowel) else "i"
        else:
            vowel = _VOWELS[order]
        out.append(consonant + vowel)
    return "".join(out)


_VARIANTS = (("e", "rule"), ("a", "rule"), ("e", "i"), ("a", ""))


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    words = [word for word in text.split() if any(char in _LETTERS for char in word)]
    if not words:
        return ()
    found = [Reading(tuple(token for token in (_word(word, first, sixth) for word in words) if token), SCHEME)
             for first, sixth in _VARIANTS]
    skeleton = tuple(key for key in map(latin_skeleton, found[1].tokens) if key)
    if skeleton:
        found.append(Reading(skeleton, SKELETON_SCHEME, SKELETON))
    return tuple(unique_readings(found))


def readings(text: str) -> list[Reading]:
    """Readings of the Ethiopic words of a name: first order e or a, sixth order by rule, i or silent, then
    the consonant skeleton."""
    return list(_readings(text))


def romanise(text: str, first: str = "e", sixth: str = "rule") -> str:
    """One reading: "ፍትዊ ዓብዱረዛቕ" -> "fitwi abdurezaq"; with sixth="i" "fitiwi abidurezaq"."""
    return " ".join(_word(word, first, sixth) for word in text.split() if any(char in _LETTERS for char in word))
