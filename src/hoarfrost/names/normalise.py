"""Unicode normalisation of names for comparison: one canonical form of each written name.

NFKC folds compatibility forms (full-width Latin, ligatures), case is folded,
Latin diacritics are dropped (Müller ~ Muller) and punctuation becomes a word
break, so "AL-QAIDA" and "al Qaida" give the same tokens. Letters of other
scripts are kept as they are: transliteration is a separate step.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hoarfrost.names.scripts import char_script

# Marks are dropped after letters of these scripts only: é -> e and Arabic
# vowel signs go, but Cyrillic й and Hangul jamo stay what they are.
_MARKS_DROPPED_AFTER = {"Latn", "Arab", "Hebr", "Grek"}

_LATIN_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                             "ı": "i", "ʼ": "", "'": "", "’": "", "`": "", "´": ""})


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Lower case, no Latin diacritics, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LATIN_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn" and kept and (char_script(kept[-1]) or "") in _MARKS_DROPPED_AFTER:
            continue
        kept.append(char if category[0] in "LNM" else " ")
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise_name(text).split())
