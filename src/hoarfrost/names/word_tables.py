"""The compact text form in which the organisation vocabularies (org_words_ru, org_words_zh) are written."""

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
