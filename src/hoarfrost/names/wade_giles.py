"""Latin Chinese names written in Wade-Giles, read back as Hanyu Pinyin.

"Chu Hai-lun", "Hsi Chin-ping" and "Mao Tse-tung" are the same names as
"Zhu Hailun", "Xi Jinping" and "Mao Zedong": Taiwan passports, older press
and many customer files still write Wade-Giles. A Latin name whose every
token splits into Wade-Giles syllables also gets its pinyin readings, so the
two romanisations meet without anything being known about the person. The
syllable inventory comes from pypinyin's dictionary and the conversion from
`han.wade_giles_syllable`, read backwards (apostrophes and umlauts, which
customer files drop, are dropped here too, so one spelling may stand for
several syllables: "chu" is zhu, chu or ju).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import product

from hoarfrost.names.readings import Reading

SCHEME = "wade-giles-to-pinyin"
_MAX_SYLLABLES_PER_TOKEN = 3
_MAX_READINGS = 6
_MIN_CHARACTERS = 8


@lru_cache(maxsize=1)
def _inverse_table() -> dict[str, tuple[str, ...]]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    from hoarfrost.names.han import wade_giles_syllable

    # How many characters read each syllable, toneless; to_normal once per toned syllable (about 1,500)
    # rather than per reading of every character (53,000): a third of a second at every start.
    toned = Counter(p for v in pinyin_dict.values() for p in v.split(","))
    counts: Counter[str] = Counter()
    for reading, characters in toned.items():
        counts[to_normal(reading).replace("ü", "v")] += characters
    # Syllables read for a handful of characters only (mae, hm, biang) are left out: they would pass
    # ordinary words for Chinese.
    syllables = {syllable for syllable, count in counts.items() if count >= _MIN_CHARACTERS}
    table: dict[str, set[str]] = {}
    for syllable in syllables:
        if not syllable.isascii() or not syllable.isalpha():
            continue
        spelling = wade_giles_syllable(syllable).replace("'", "").replace("ü", "u").replace("’", "")
        pinyin = syllable.replace("v", "u")
        if spelling.isascii() and spelling.isalpha():
            table.setdefault(spelling, set()).add(pinyin)
    # The pinyin spelled like the Wade-Giles comes first (hai is hai), then the others.
    return {spelling: tuple(sorted(pinyins, key=lambda p: (p != spelling, p))) for spelling, pinyins in table.items()}


@lru_cache(maxsize=262144)
def _segment(token: str) -> tuple[tuple[str, ...], ...]:
    """Ways to cut a token into at most three Wade-Giles syllables (longest first)."""
    if not token or len(token) > 6 * _MAX_SYLLABLES_PER_TOKEN:
        return ()
    table = _inverse_table()
    found: list[tuple[str, ...]] = []

    def cut(rest: str, taken: tuple[str, ...]) -> None:
        if not rest:
            found.append(taken)
            return
        if len(taken) == _MAX_SYLLABLES_PER_TOKEN or len(found) >= 2:
            return
        for size in range(min(6, len(rest)), 0, -1):
            if rest[:size] in table:
                cut(rest[size:], (*taken, rest[:size]))

    cut(token, ())
    fewest = min((len(c) for c in found), default=0)
    return tuple(c for c in found if len(c) == fewest)  # "hai" is one syllable, not "ha" + "i"


def pinyin_readings(tokens: tuple[str, ...]) -> list[Reading]:
    """Pinyin readings of a Latin name written in Wade-Giles; [] when it is not one."""
    if not 2 <= len(tokens) <= 4:
        return []
    per_token: list[list[str]] = []
    for token in tokens:
        cuts = _segment(token)
        if not cuts:
            return []
        options = ["".join(_pinyins(s)[0] for s in cut) for cut in cuts]
        options += ["".join(_pinyins(s)[-1] for s in cut) for cut in cuts]
        per_token.append(list(dict.fromkeys(options)))
    readings = []
    for combination in product(*per_token):
        if combination != tokens:
            readings.append(Reading(tuple(combination), SCHEME))
        if len(readings) >= _MAX_READINGS:
            break
    return readings


def _pinyins(syllable: str) -> tuple[str, ...]:
    return _inverse_table()[syllable]
