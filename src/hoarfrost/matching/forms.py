"""Name forms: the comparable shapes of a name, built once per name and cached.

A form is one reading of a name (as written, pinyin, BGN/PCGN, ...) with a
phonetic key per token. Latin forms are also given in the consonant-skeleton
space, so that a Latin name meets an Arabic or Hebrew one, which are written
without vowels, on equal terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hoarfrost.names.arabic import SKELETON, latin_skeleton
from hoarfrost.names.han import fold_han
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.orgtypes import is_legal_form, replace_legal_forms
from hoarfrost.names.phonetic import phonetic_key
from hoarfrost.names.readings import LATIN
from hoarfrost.names.scripts import detect_script
from hoarfrost.names.transliterate import AS_WRITTEN, latin_readings

# Tokens that a name may carry or drop without being another name: particles, patronymics, legal forms.
_PARTICLES = frozenset({
    "al", "el", "ul", "bin", "ibn", "bint", "ben", "abu", "abou", "ould", "de", "del", "della", "di", "da", "do",
    "dos", "das", "du", "la", "le", "van", "von", "der", "den", "ter", "y", "e", "and", "of", "the", "mr", "mrs",
    # words that say "a company" in any company name: they do not tell one company from another
    "company", "corporation", "corp", "co", "inc", "incorporated", "group", "holding", "holdings", "ltd",
})
_PATRONYMIC = re.compile(r".{3,}(ovich|evich|ovych|evych|vich|ovna|evna|ivna|ichna|inichna|ogly|oglu|kyzy|qizi|uly)$")


@dataclass(frozen=True, slots=True)
class NameForm:
    tokens: tuple[str, ...]
    keys: tuple[str, ...]  # phonetic key per token (the token itself in a key space)
    space: str
    scheme: str
    derived: bool = False  # a skeleton made from a Latin reading: meets only skeletons of other scripts


@lru_cache(maxsize=131072)
def is_optional(token: str) -> bool:
    """A token whose absence on one side costs little: particles, patronymics, legal forms, initials."""
    return len(token) == 1 or token in _PARTICLES or is_legal_form(token) or bool(_PATRONYMIC.match(token))


NATIVE = "native-"  # prefix of the spaces of names compared in their own script


@lru_cache(maxsize=131072)
def name_forms(name: str) -> tuple[NameForm, ...]:
    """The readings of a name as forms, in the Latin space or a script's key space, and the name in
    its own script when it is written in one other than Latin."""
    forms = []
    for reading in latin_readings(name):
        keys = tuple(map(phonetic_key, reading.tokens)) if reading.space == LATIN else reading.tokens
        forms.append(NameForm(reading.tokens, keys, reading.space, reading.scheme))
    native = native_form(name)
    if native is not None:
        forms.append(native)
    return tuple(forms)


def native_form(name: str) -> NameForm | None:
    """The name as written in its one non-Latin script (Han folded to simplified), or None.

    Two names in the same script are best compared as written: romanisation folds apart sounds
    (정 and 종 both become "jong") that the script keeps apart.
    """
    script = detect_script(name)
    if script in ("Latn", "Zyyy", "Zmix"):
        return None
    text = fold_han(name) if script in ("Hani", "Jpan", "Kore") else name
    tokens = tuple(normalise_name(replace_legal_forms(text)).split())
    return NameForm(tokens, tokens, NATIVE + script, "as written") if tokens else None


@lru_cache(maxsize=262144)
def skeleton_of(form: NameForm) -> NameForm | None:
    """The consonant skeleton of a Latin name as written, to meet names written in Arabic or Hebrew
    script (the readings of a Han or Hangul name have no business meeting Arabic names)."""
    if form.space != LATIN or form.scheme != AS_WRITTEN:
        return None
    skeleton = tuple(filter(None, map(latin_skeleton, form.tokens)))
    return NameForm(skeleton, skeleton, SKELETON, form.scheme + "+skeleton", derived=True) if skeleton else None


@lru_cache(maxsize=65536)
def query_forms(name: str) -> tuple[NameForm, ...]:
    """The forms a query is looked up and compared with: its readings and their skeletons."""
    forms = list(name_forms(name))
    seen = {(form.tokens, form.space) for form in forms}
    for form in name_forms(name):
        skeleton = skeleton_of(form)
        if skeleton is not None and (skeleton.tokens, skeleton.space) not in seen:
            seen.add((skeleton.tokens, skeleton.space))
            forms.append(skeleton)
    return tuple(forms)
