"""Every plausible Latin reading of a name, whatever its script: the one entry point of names/.

A name is cut into runs of one script ("Jin Tiesan (金铁三)" gives a Latin run
and a Han run, each read on its own); each run goes to the module of its
script family; a script without a module of its own is read by anyascii,
which covers all of Unicode at a lower quality. Latin text gives a single
reading "as written". Legal forms are reduced to their class first, so that
"ПАО" and "PJSC" meet as `jsc`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anyascii import anyascii

from hoarfrost.names import alphabets, arabic, cyrillic, ethiopic, han, hangul, hebrew, kana, myanmar, thai, wade_giles
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.orgtypes import is_legal_form, replace_legal_forms
from hoarfrost.names.readings import LATIN, Reading, unique_readings
from hoarfrost.names.scripts import char_script
from hoarfrost.names.tokens import clean_tokens

AS_WRITTEN = "as-written"

Reader = Callable[[str], list[Reading]]

_FAMILY_OF_SCRIPT: dict[str, str] = {
    "Hani": "han", "Cyrl": "cyrillic", "Arab": "arabic", "Hebr": "hebrew", "Hang": "hangul",
    "Hira": "kana", "Kana": "kana", "Grek": "alphabets", "Geor": "alphabets", "Armn": "alphabets", "Thai": "thai",
    "Ethi": "ethiopic",
}
_READERS: dict[str, Reader] = {
    "han": han.readings, "cyrillic": cyrillic.readings, "arabic": arabic.readings, "hebrew": hebrew.readings,
    "hangul": hangul.readings, "kana": kana.readings, "alphabets": alphabets.readings, "thai": thai.readings,
    "ethiopic": ethiopic.readings, "Mymr": myanmar.readings,
}
_NOT_ASCII_TOKEN = re.compile(r"[^a-z0-9]")
_MIDDLE_DOT = re.compile("[·・•‧]")
_PARENTHESES = re.compile(r"[()\[\]{}（）]")
# Latin letters, digits, punctuation and spaces only: no script run needs cutting.
_LATIN_ONLY = re.compile(r"[\u0000-\u024F\u1E00-\u1EFF\u2000-\u206F]*")


_MEMO: dict[str, tuple[Reading, ...]] = {}
_MEMO_LIMIT = 1_000_000


def latin_readings(name: str) -> tuple[Reading, ...]:
    """Readings of a whole name, the as-written Latin one first (memoised: lists repeat names)."""
    cached = _MEMO.get(name)
    if cached is None:
        cached = _compute_readings(name)
        if len(_MEMO) < _MEMO_LIMIT:
            _MEMO[name] = cached
    return cached


def remember_readings(readings: dict[str, tuple[Reading, ...]]) -> None:
    """Prime the memo with readings computed earlier (by this same code version) and kept by the caller."""
    _MEMO.update(readings)


# One name per lazily built table: pykakasi's dictionaries (about 1.5 s to load), the Palladius,
# Polivanov and Korean-in-Cyrillic tables, the Wade-Giles inverse table and pypinyin's phrase readings.
_WARM_UP_NAMES = ("山田 たろう", "Чжан Сяолун", "Накамура Хироси", "Ким Чен Ын", "Chang Kai-shek", "中华人民共和国")


def warm_up() -> None:
    """Build every lazily loaded table now. Batch screening calls this before it forks its workers,
    so that they share the tables instead of each loading its own on its first Japanese name."""
    for name in _WARM_UP_NAMES:
        _compute_readings(name)


def needs_transliteration(name: str) -> bool:
    """True when a name has letters beyond Latin: its readings are worth keeping between runs."""
    return not _LATIN_ONLY.fullmatch(name)


def _compute_readings(name: str) -> tuple[Reading, ...]:
    text = replace_legal_forms(name)
    if _LATIN_ONLY.fullmatch(text):
        return _as_written(text)
    runs = script_runs(text)
    if not runs:
        return ()
    if all(family == "latin" for family, _ in runs):
        return _as_written(text)
    legal = tuple(token for family, run in runs if family == "latin" and _only_legal_forms(run)
                  for token in run.split())
    readings: list[Reading] = []
    for family, run in runs:
        if not legal:
            readings.extend(_read_run(family, run))
        elif family != "latin":  # the reader sees the legal form too (it tells a company from a person)
            readings.extend(_read_run(family, f"{run} {' '.join(legal)}"))
        elif not _only_legal_forms(run):
            readings.extend(_read_run(family, run))
    if legal:  # "保利科技有限公司" is "baoli keji llc", not also a name "llc" (which met every "X LLC")
        readings = [_with_legal_form(reading, legal) for reading in readings] or [Reading(legal, AS_WRITTEN)]
    return tuple(unique_readings(readings))


def _only_legal_forms(run: str) -> bool:
    return all(map(is_legal_form, run.split()))


def _with_legal_form(reading: Reading, legal: tuple[str, ...]) -> Reading:
    """A reading of the name's other run with the legal form that stood apart in Latin letters."""
    if reading.space != LATIN or any(map(is_legal_form, reading.tokens)):
        return reading
    return Reading((*reading.tokens, *legal), reading.scheme, reading.space)


def _as_written(text: str) -> tuple[Reading, ...]:
    """The Latin name as written, and its pinyin when it is a Chinese name in Wade-Giles."""
    tokens = clean_tokens(tuple(replace_legal_forms(normalise_name(text)).split()))
    if not tokens:
        return ()
    return (Reading(tokens, AS_WRITTEN), *wade_giles.pinyin_readings(tokens))


def _read_run(family: str, run: str) -> list[Reading]:
    if family == "latin":
        return list(_as_written(run))
    reader = _READERS.get(family)
    readings = reader(run) if reader else []
    if family == "han" and not _MIDDLE_DOT.search(run):
        # The transcription reading is for foreign names written in characters (巴拉克·奥巴马);
        # on a Chinese name it only invents near misses.
        readings = [r for r in readings if r.scheme != "transcription"]
    readings = _ascii_only(readings)
    if readings:
        return readings
    fallback = tuple(normalise_name(anyascii(run)).split())
    return [Reading(fallback, "anyascii")] if fallback else []


def _ascii_only(readings: list[Reading]) -> list[Reading]:
    """A safety net under every script module: tokens are lower-case ASCII letters and digits."""
    cleaned = []
    for reading in readings:
        tokens = tuple(filter(None, (_NOT_ASCII_TOKEN.sub("", token) for token in reading.tokens)))
        if tokens:
            cleaned.append(reading if tokens == reading.tokens else Reading(tokens, reading.scheme, reading.space))
    return cleaned


def script_runs(text: str) -> list[tuple[str, str]]:
    """The text cut into runs of words of one script family.

    A word belongs to the family of its non-Latin letters, so a Cyrillic word
    typed with a look-alike Latin letter ("Cергій" with a Latin C) stays whole
    for the Cyrillic reader; Japanese kanji beside kana go to the kana reader.
    """
    has_kana = any(char_script(c) in ("Hira", "Kana") for c in text)
    runs: list[tuple[str, list[str]]] = []
    # Words of no script (numbers) go with the run that follows them: "ООО «150 Авиационный Завод»" reads
    # the number with the Cyrillic words, not with the legal form before it.
    pending: list[str] = []
    for word in _PARENTHESES.sub(" ", text).split():
        family = _word_family(word, has_kana)
        if family is None:
            pending.append(word)
            continue
        if runs and runs[-1][0] == family:
            runs[-1][1].extend((*pending, word))
        else:
            runs.append((family, [*pending, word]))
        pending = []
    if runs:
        runs[-1][1].extend(pending)
    return [(family, " ".join(words)) for family, words in runs]


def _word_family(word: str, has_kana: bool) -> str | None:
    families = [f for f in (_family(char_script(c), has_kana) for c in word) if f is not None]
    if not families:
        return None
    foreign = [f for f in families if f != "latin"]
    return max(set(foreign), key=foreign.count) if foreign else "latin"


def _family(script: str | None, has_kana: bool) -> str | None:
    if script is None:
        return None
    if script == "Latn":
        return "latin"
    if script == "Hani" and has_kana:
        return "kana"
    return _FAMILY_OF_SCRIPT.get(script, script)


def is_latin_space(reading: Reading) -> bool:
    return reading.space == LATIN
