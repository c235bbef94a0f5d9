"""A romanisation-insensitive key for Latin name tokens.

The same name reaches lists and customer files through different
romanisations: Mohammed / Muhammad / Mohamad, Alexander / Aleksandr,
Prigozhin / Prigozhine, Hussein / Husein, Wang / Wong. The key keeps the
consonant frame and folds the letters that schemes disagree on: vowels after
the first letter are dropped, digraphs of one sound become one letter,
doubled letters collapse. Metaphone and Soundex (jellyfish) are built for
English words and merge too much (Soundex) or keep English spelling rules
that transliterations do not follow (Metaphone), hence this small rule set.

Hypocoristics (Ben ~ Benjamin, Bill ~ William) share no consonant frame;
they come from the nicknames package's hand-curated table of English
given names (Apache-2.0).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nicknames import NickNamer

# Applied in order, longest first, on lower-case ASCII.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tsch", "c"), ("dzh", "j"), ("sch", "s"), ("tch", "c"), ("shch", "s"), ("sz", "s"), ("cz", "c"),
    ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"),
    ("sh", "s"), ("ch", "c"), ("ck", "k"), ("ts", "c"), ("tz", "c"), ("x", "ks"), ("q", "k"),
    ("w", "v"), ("y", "i"),
)
_VOWELS = re.compile(r"(?<!^)[aeiou]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """The consonant frame of a lower-case ASCII token: 'mohammed' and 'muhammad' both give 'mhmd'."""
    if not token.isalpha():
        return token
    key = token
    for digraph, replacement in _DIGRAPHS:
        if digraph in key:
            key = key.replace(digraph, replacement)
    key = _VOWELS.sub("", key)
    key = _REPEATS.sub(r"\1", key)
    if key and key[0] in "aeiou":  # any leading vowel is one class: Usama ~ Osama
        key = "a" + key[1:]
    return key


@cache
def _nickname_pairs() -> frozenset[tuple[str, str]]:
    """(given name, hypocoristic) pairs of the nicknames package's table of English given names."""
    table = NickNamer().nickname_lookup
    return frozenset((name, nick) for name, nicks in table.items() for nick in nicks)


def is_nickname(a: str, b: str) -> bool:
    """One lower-case given name is a hypocoristic of the other: Ben ~ Benjamin, Ted ~ Theodore, Bill ~ William
    (English names; two hypocoristics of one name, Ben and Benny, are not paired)."""
    pairs = _nickname_pairs()
    return (a, b) in pairs or (b, a) in pairs
