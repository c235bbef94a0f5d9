"""Token clean-up after normalisation: what Latin names write in more than one way.

- Runs of single letters are initials or an acronym written with dots: "A.B.C." and "J. C." become
  "abc" and "jc" (the matcher reads a short token as the initials of the other side's words).
- Digits typed for letters inside a word ("Ig0r Sech1n") are read as the letters they stand for.
- English number words and ordinals become digits: "Forty-Four", "First" and "3rd" meet "44", "1" and "3".
"""

from __future__ import annotations

from functools import lru_cache

from hoarfrost.names.orgtypes import replace_legal_forms

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "8": "b"})
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def clean_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return _numbers(_initials(tuple(_token(t) for t in tokens)))


@lru_cache(maxsize=131072)
def _token(token: str) -> str:
    if token.isalpha() or token.isdigit():
        return token
    if any(c.isdigit() for c in token) and sum(c.isalpha() for c in token) >= 2:
        stripped = token[:-2] if token.endswith(_ORDINAL_SUFFIXES) and token[:-2].isdigit() else None
        return stripped if stripped else token.translate(_LEET)
    return token


def _initials(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    run: list[str] = []
    for token in (*tokens, ""):
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            joined = "".join(run)
            out.append(replace_legal_forms(joined) if len(run) > 1 else joined)  # "o.O.O." is OOO, an LLC
            run = []
        if token:
            out.append(token)
    return tuple(out)


def _numbers(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for token in tokens:
        if token in _UNITS:
            if out and out[-1].isdigit() and int(out[-1]) in _TENS.values() and _UNITS[token] < 10:
                out[-1] = str(int(out[-1]) + _UNITS[token])
            else:
                out.append(str(_UNITS[token]))
        elif token in _TENS:
            out.append(str(_TENS[token]))
        elif token.isdigit() and out and out[-1].isdigit() and int(out[-1]) in _TENS.values() and len(token) == 1:
            out[-1] = str(int(out[-1]) + int(token))
        else:
            out.append(token)
    return tuple(out)
