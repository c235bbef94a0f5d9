"""Which writing system a name is in, as an ISO 15924 code.

Python's `unicodedata` has no script property and PyICU is a heavy native
dependency for one lookup, so this module keeps a small table of the Unicode
blocks that names on sanctions lists actually use. Characters outside the
table (digits, punctuation, marks) do not vote.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

# (first code point, last code point, ISO 15924 code), sorted by first.
_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x024F, "Latn"),
    (0x0250, 0x02AF, "Latn"), (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"),
    (0x0531, 0x058F, "Armn"), (0x0591, 0x05FF, "Hebr"), (0x0600, 0x06FF, "Arab"),
    (0x0700, 0x074F, "Syrc"), (0x0750, 0x077F, "Arab"), (0x0780, 0x07BF, "Thaa"),
    (0x08A0, 0x08FF, "Arab"), (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"), (0x0A80, 0x0AFF, "Gujr"), (0x0B00, 0x0B7F, "Orya"), (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"), (0x0C80, 0x0CFF, "Knda"), (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Laoo"),
    (0x0F00, 0x0FFF, "Tibt"), (0x1000, 0x109F, "Mymr"), (0x10A0, 0x10FF, "Geor"),
    (0x1100, 0x11FF, "Hang"), (0x1200, 0x139F, "Ethi"), (0x1780, 0x17FF, "Khmr"),
    (0x1800, 0x18AF, "Mong"), (0x1C90, 0x1CBF, "Geor"), (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"), (0x2D80, 0x2DDF, "Ethi"), (0x2E80, 0x2FDF, "Hani"),
    (0x3040, 0x309F, "Hira"), (0x30A0, 0x30FF, "Kana"), (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"),
    (0xA640, 0xA69F, "Cyrl"), (0xA720, 0xA7FF, "Latn"), (0xAC00, 0xD7AF, "Hang"),
    (0xF900, 0xFAFF, "Hani"), (0xFB1D, 0xFB4F, "Hebr"), (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"), (0xFF21, 0xFF3A, "Latn"), (0xFF41, 0xFF5A, "Latn"),
    (0xFF66, 0xFF9F, "Kana"), (0x20000, 0x3134F, "Hani"),
)
_STARTS = [block[0] for block in _BLOCKS]

NO_SCRIPT = "Zyyy"  # no letters at all: digits, punctuation, empty
MIXED = "Zmix"  # letters of two unrelated scripts (not an ISO code: ours)


def char_script(char: str) -> str | None:
    """The script of one character, or None for digits, punctuation and marks."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        first, last, script = _BLOCKS[index]
        if first <= code <= last:
            return script
    return None


def scripts_of(text: str) -> Counter[str]:
    """How many letters of each script the text holds."""
    return Counter(s for s in map(char_script, text) if s is not None)


def detect_script(text: str) -> str:
    """The script of a whole name.

    Japanese (Han with kana) is `Jpan` and Korean with hanja is `Kore`, as in
    ISO 15924; any other mix of scripts is `Zmix`.
    """
    if text.isascii():  # most list names: no table look-ups needed
        return "Latn" if any(c.isalpha() for c in text) else NO_SCRIPT
    found = set(scripts_of(text))
    if not found:
        return NO_SCRIPT
    if len(found) == 1:
        return found.pop()
    if found <= {"Hani", "Hira", "Kana"}:
        return "Jpan"
    if found <= {"Hani", "Hang"}:
        return "Kore"
    return MIXED


def is_latin(text: str) -> bool:
    return detect_script(text) in ("Latn", NO_SCRIPT)


_FAMILY_FIRST_SCRIPTS = frozenset({"Hani", "Hang"})


def family_name_end(name: str) -> int | None:
    """Which end of a person's name written in Han or Hangul holds the family name: 0 (first token) or -1
    (last token), None when the writing does not say.

    Chinese and Korean family names are one syllable (a few two), written first: 朱海仑, 박유진. A name
    written in parts puts the family name in the part of one character, at either end ("유진 박", "聰明 蔡"
    in Western order). Four characters joined may open with a two-character family name (諸葛亮 is three,
    but 南宮 + two is four): not said. Readings keep the order of the characters, so the same end of a
    reading's tokens holds the family name's reading.
    """
    parts = name.split()
    if not parts or any(detect_script(part) not in _FAMILY_FIRST_SCRIPTS for part in parts):
        return None
    if len(parts) == 1:
        return 0 if 2 <= len(parts[0]) <= 3 else None
    first, last = len(parts[0]), len(parts[-1])
    if first == 1 and last > 1:
        return 0
    if last == 1 and first > 1:
        return -1
    return None
