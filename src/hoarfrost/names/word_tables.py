"""The compact text form in which the organisation vocabularies (org_words_ru, org_words_zh, kana) are
written, and the cutting of words written without spaces (Korean, Japanese) at such a vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def word_table(spec: str) -> Mapping[str, str]:
    """'word=english words; ...' -> {"word": "english words"}; an empty translation drops the word."""
    entries = {}
    for item in spec.split(";"):
        if item.strip():
            word, english = item.split("=")
            entries[word.strip()] = english.strip()
    return MappingProxyType(entries)


def segment(word: str, words: Mapping[str, str], endings: Mapping[str, str],
            single: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """A word written without spaces (Korean, Japanese) cut at the vocabulary's words, longest first:
    (piece, English gloss or None). Words are of two characters or more, but for those in `single`; a
    last character that names a kind of body on its own (`endings`: 부 ministry, 社 company) is glossed
    when nothing longer was found there."""
    longest = max(map(len, words), default=1)
    pieces: list[tuple[str, str | None]] = []
    pending, index = "", 0
    while index < len(word):
        size, gloss = 1, None
        for length in range(min(longest, len(word) - index), 0, -1):
            found = words.get(word[index:index + length])
            if found is not None and (length > 1 or word[index] in single):
                size, gloss = length, found
                break
        if gloss is None and index == len(word) - 1 and index > 0:
            gloss = endings.get(word[index])
        if gloss is None:
            pending += word[index]
        else:
            if pending:
                pieces.append((pending, None))
                pending = ""
            pieces.append((word[index:index + size], gloss))
        index += size
    if pending:
        pieces.append((pending, None))
    return pieces


def letter_table(letters: str, spellings: str) -> dict[str, str]:
    """A letter -> spelling table from the letters and their space-separated spellings, in the same order
    (one line per romanisation scheme, so that the letters and their spellings can be read side by side)."""
    return dict(zip(letters, spellings.split(), strict=True))
