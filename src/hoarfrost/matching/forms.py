"""Name forms: the comparable shapes of a name, built once per name and cached.

A form is one reading of a name (as written, pinyin, BGN/PCGN, ...) with a
phonetic key per token. Latin forms are also given in the consonant-skeleton
space, so that a Latin name meets an Arabic or Hebrew one, which are written
without vowels, on equal terms.

Organisation names carry more than their name: a parenthesised acronym or place ("FAR EASTERN SHIPPING
COMPANY (FESCO)", "NEWAY CNC EQUIPMENT (SUZHOU) CO LTD"), a quoted core ("State Corporation ‘Donbass
Development Corporation’"), and English function words that a reading of a foreign name does not have
("Ministry of Defence of the Russian Federation" read from Russian is "ministry defence russian
federation"). Each name therefore also stands in its shorter shapes (`name_variants`), and Latin forms
leave out the function words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hoarfrost.names.arabic import SKELETON, latin_skeleton
from hoarfrost.names.han import fold_han
from hoarfrost.names.normalise import normalise_name
from hoarfrost.names.orgtypes import COMPANY_WORDS, is_legal_form, kept_in_skeleton, replace_legal_forms
from hoarfrost.names.phonetic import phonetic_key
from hoarfrost.names.readings import LATIN, Reading
from hoarfrost.names.scripts import detect_script
from hoarfrost.names.tokens import clean_tokens
from hoarfrost.names.transliterate import AS_WRITTEN, latin_readings, needs_transliteration, script_runs
from hoarfrost.names.wade_giles import pinyin_readings

# Words that say "a company" in any company name: they do not tell one company from another.
_COMPANY_WORDS = COMPANY_WORDS
# Tokens that a name may carry or drop without being another name: particles, patronymics, legal forms.
_PARTICLES = _COMPANY_WORDS | {
    "al", "el", "ul", "bin", "ibn", "bint", "ben", "abu", "abou", "ould", "de", "del", "della", "di", "da", "do",
    "dos", "das", "du", "la", "le", "van", "von", "der", "den", "ter", "y", "e", "and", "of", "the", "mr", "mrs",
    "des", "les", "los", "las", "und", "et", "fur", "pour",  # French, Spanish, German function words
}
# Classes that the legal-form reader (rigour's generic org types) writes besides the legal forms proper:
# state-owned enterprise, non-governmental organisation, financial institution, sole proprietor, general
# partnership, military (private military company).
_GENERIC_ORG_CLASSES = frozenset({"soe", "ngo", "fin", "sp", "gp", "mil"})
# English words that join the parts of an organisation's name and are never a part of a person's: left out
# of Latin forms, as readings of other scripts (and many list spellings) have nothing for them.
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and"})
# A bracketed part: an acronym, a place, a former name ("(FESCO)", "(SUZHOU)", "(HONG KONG)").
_BRACKETED = re.compile(r"\s*[(\[（]([^()\[\]（）]*)[)\]）]")
# A quoted part, opening and closing marks of any usual kind, without quotes inside.
_QUOTED = re.compile(r"[‘“«„\"]([^‘’“”«»„\"]+)[’”»\"]")
_WORD = re.compile(r"\w+")
_MARKS = re.compile(r"[()\[\]（）‘’“”«»„\";,/]")  # a name without any of these is its only variant
# Russian, Ukrainian and Belarusian legal forms as their readings spell them: a form written with a Latin
# look-alike letter ("ОOO", "AО") escapes the legal-form reader and only shows in the reading.
_CYRILLIC_LEGAL_FORMS = frozenset({"ooo", "oao", "zao", "pao", "ao", "tov", "pat", "at", "aat"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Words that a company form may be written with ("Co., Ltd", "Company Limited"): beside one, a part of it.
# Not beside the classes that are English words as well ("Deutsche Bank Trust Company").
_PART_OF_LEGAL_FORM = frozenset({"co", "company"})
_COMPANY_FORM_CLASSES = frozenset({"llc", "jsc", "plc", "ltd", "lp", "llp"})
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
    return (len(token) == 1 or token in _PARTICLES or is_legal_form(token) or token in _GENERIC_ORG_CLASSES
            or bool(_PATRONYMIC.match(token)))


NATIVE = "native-"  # prefix of the spaces of names compared in their own script


def name_forms(name: str, person: bool = False) -> tuple[NameForm, ...]:
    """The readings of a listed name and of its variants as forms, in the Latin space or a script's key
    space, and the name in its own script when it is written in one other than Latin.

    `person`: the name is a person's, which has no legal form: "YU Jin" is not an LLC called Jin."""
    return _forms(name, listed=True, person=person)


def listed_texts(name: str) -> tuple[str, ...]:
    """The texts whose readings name_forms(name) reads: the name and its shorter shapes. Their readings
    are kept with the store, so that a build reads none of them again."""
    return name_variants(name, listed=True)


@lru_cache(maxsize=131072)
def _forms(name: str, listed: bool, person: bool = False) -> tuple[NameForm, ...]:
    """Forms with no telling token (a reading of "有限公司" alone, "llc") are dropped, unless all are such."""
    forms: list[NameForm] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    cyrillic = bool(_CYRILLIC.search(name)) and not person
    for variant in name_variants(name, listed):
        readings = _person_readings(variant) if person else (*latin_readings(variant), *_whole_readings(variant))
        for reading in readings:
            tokens = reading.tokens
            if reading.space == LATIN:
                tokens = _without_function_words(_edge_legal_forms(tokens) if cyrillic else tokens)
                tokens = tokens if person else _joined_to_legal_forms(tokens)
            if (tokens, reading.space) in seen:
                continue
            seen.add((tokens, reading.space))
            keys = tuple(map(phonetic_key, tokens)) if reading.space == LATIN else tokens
            forms.append(NameForm(tokens, keys, reading.space, reading.scheme))
    telling = [form for form in forms if not all(map(is_optional, form.tokens))]
    native = native_form(name)
    if native is not None:
        telling.append(native)
    return tuple(telling or forms)


def _person_readings(name: str) -> tuple[Reading, ...]:
    """The readings of a person's name, none with a legal form: the legal-form reader takes a short form
    that opens or closes a name for its class, and a person's name part ("YU Jin", "AO Wei", "SA Lim",
    "Park OY") would be read as `llc`, `jsc`... and lost. A Latin name is read as written without it;
    a name in another script keeps its readings (its readers see legal forms only in their own script)."""
    readings = latin_readings(name)
    if needs_transliteration(name):
        return readings
    tokens = clean_tokens(tuple(normalise_name(name).split()))
    if not tokens or (readings and readings[0].tokens == tokens):
        return readings
    return (Reading(tokens, AS_WRITTEN), *pinyin_readings(tokens))


@lru_cache(maxsize=65536)
def _whole_readings(name: str) -> tuple[Reading, ...]:
    """Readings of a name whose legal form is written in one script and the rest in another, whole.

    The readings of a name are made run by run: "ООО Юнисервис" is the legal form, now Latin `llc`, then
    a Cyrillic run, each read alone (right for a name given again in a second script, "Jin Tiesan
    (金铁三)"), so that the name's parts would never meet the list's "Uniservice LLC" together. Here the
    legal-form runs (Latin runs of optional tokens only) frame every reading of the one other run.
    The name's own readings are reused: no run is read again.
    """
    if not needs_transliteration(name):
        return ()
    runs = script_runs(replace_legal_forms(name))
    if len(runs) < 2:
        return ()
    frames = [tuple(normalise_name(run).split()) if family == "latin" else None for family, run in runs]
    is_frame = [tokens is not None and bool(tokens) and all(map(is_optional, tokens)) for tokens in frames]
    if is_frame.count(False) != 1:
        return ()
    core = is_frame.index(False)
    before = tuple(t for tokens in frames[:core] for t in tokens or ())
    after = tuple(t for tokens in frames[core + 1 :] for t in tokens or ())
    framing = {tokens for tokens in frames if tokens}
    return tuple(Reading((*before, *reading.tokens, *after), reading.scheme)
                 for reading in latin_readings(name) if reading.space == LATIN and reading.tokens not in framing)


def _edge_legal_forms(tokens: tuple[str, ...]) -> tuple[str, ...]:
    if tokens and (tokens[0] in _CYRILLIC_LEGAL_FORMS or tokens[-1] in _CYRILLIC_LEGAL_FORMS):
        return tuple(replace_legal_forms(" ".join(tokens)).split()) or tokens
    return tokens


def _joined_to_legal_forms(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """"Co." or "Company" next to a legal form is a part of it: the legal-form reader takes "Co., Ltd." and
    "CO LTD" whole but leaves `co` of "Co. Ltd" and "Co., Limited", which a reading of 有限公司 (`llc`)
    then has to account for."""
    if len(tokens) < 3 or _COMPANY_FORM_CLASSES.isdisjoint(tokens):
        return tokens
    kept = tuple(token for position, token in enumerate(tokens)
                 if token not in _PART_OF_LEGAL_FORM or not _next_to_legal_form(tokens, position))
    return kept if any(not is_optional(token) for token in kept) else tokens


def _next_to_legal_form(tokens: tuple[str, ...], position: int) -> bool:
    return any(0 <= at < len(tokens) and tokens[at] in _COMPANY_FORM_CLASSES for at in (position - 1, position + 1))


def _without_function_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(token for token in tokens if token not in _FUNCTION_WORDS)
    return kept if kept else tokens


@lru_cache(maxsize=131072)
def name_variants(name: str, listed: bool = True) -> tuple[str, ...]:
    """The name, then its shorter shapes: without bracketed parts; a bracketed acronym of the rest alone;
    a quoted part of two words or more alone; without a one-word quoted part between two others (a
    nickname: "Ben-Zion ‘Bentzi’ Gopstein") when the rest is two to four words of no organisation.
    A listed name that is several names in one ("X Co., Ltd, Y Technology Group Company Limited") also
    stands as each of them.

    A form of a variant only adds a way to meet the name; the full name keeps all its forms. A query
    drops a bracketed part only when it restates the name (acronym, legal form, quoted short name):
    "Bank of China (Hong Kong)" is not "Bank of China (Singapore)", and would meet it if both sides
    dropped their places; a listed name may drop it, as the query then still has its place to lose.
    """
    if not _MARKS.search(name):
        return (name,)
    variants = [name]
    if listed:
        for part in _listed_parts(name):
            variants.extend(name_variants(part))
    bare = _BRACKETED.sub(" ", name).strip()
    restates = listed or all(_restates(inner.strip(), bare) for inner in _BRACKETED.findall(name))
    if bare != name and _WORD.search(bare) and restates:
        variants.append(bare)
        variants.extend(inner.strip() for inner in _BRACKETED.findall(name) if _is_acronym_of(inner.strip(), bare))
    for quoted in _QUOTED.finditer(bare):
        words = _WORD.findall(quoted[1])
        if len(words) >= 2:
            variants.append(quoted[1].strip())
        elif len(words) == 1:
            before, after = bare[: quoted.start()], bare[quoted.end() :]
            if _WORD.search(before) and _WORD.search(after) and _is_plain_name(before + " " + after):
                variants.append(" ".join((before + " " + after).split()))
    return tuple(dict.fromkeys(variants))


_NAME_SEPARATORS = re.compile(r";| / ")


def _listed_parts(name: str) -> list[str]:
    """The names a listed name strings together: parts between semicolons or spaced slashes, or between
    commas when two parts or more are company names (a legal form or company word each), of two words
    or more; "ZHU, Hailun" and "Arsenal Machine-Building plant, OJSC" are one name."""
    parts = [part.strip() for part in _NAME_SEPARATORS.split(name)]
    if len(parts) < 2:
        parts = [part.strip() for part in name.split(",")]
        if sum(len(_WORD.findall(part)) >= 2 for part in parts) < 2 or sum(map(_is_company_name, parts)) < 2:
            return []
    named = [part for part in parts if len(_WORD.findall(part)) >= 2]
    return named if len(parts) >= 2 else []


def _is_company_name(text: str) -> bool:
    words = replace_legal_forms(normalise_name(text)).split()
    return len(words) >= 2 and any(w in _COMPANY_WORDS or is_legal_form(w) or w in _GENERIC_ORG_CLASSES
                                   for w in words)


def _restates(inner: str, name: str) -> bool:
    """A bracketed part that gives the name again in short: an acronym of it, or with a legal form or quotes
    ("(FESCO)", "(АО «АОМЗ»)"), or in another script ("Jin Tiesan (金铁三)"), as opposed to a place or
    another name ("(Hong Kong)")."""
    if _is_acronym_of(inner, name) or _QUOTED.search(inner) or _other_script(inner, name):
        return True
    return any(map(is_legal_form, replace_legal_forms(normalise_name(inner)).split()))


def _other_script(inner: str, name: str) -> bool:
    script = detect_script(inner)
    return script not in ("Zyyy", "Zmix") and detect_script(name) not in (script, "Zyyy", "Zmix")


def _is_plain_name(text: str) -> bool:
    """Two to four Latin words, none a legal form or a company word: what is left of a person's name."""
    words = replace_legal_forms(normalise_name(text)).split()
    return (2 <= len(words) <= 4 and detect_script(text) == "Latn"
            and not any(w in _COMPANY_WORDS or is_legal_form(w) for w in words))


def _is_acronym_of(token: str, name: str) -> bool:
    """One word of three letters or more, upper case in the main, whose letters begin with the name's first
    letter and run through the name in order: "FESCO" of "Far Eastern Shipping Company", not "SUZHOU"."""
    letters = token.casefold()
    if not (3 <= len(token) <= 10 and token.isalnum() and sum(c.isupper() for c in token) * 2 > len(token)):
        return False
    words = _WORD.findall(name.casefold())
    if not words or words[0][0] != letters[0]:
        return False
    rest = iter("".join(words))
    return all(letter in rest for letter in letters)


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
def skeleton_of(form: NameForm, listed: bool = True) -> NameForm | None:
    """The consonant skeleton of a Latin name as written, to meet names written in Arabic or Hebrew
    script (the readings of a Han or Hangul name have no business meeting Arabic names).

    A listed name keeps its company words and legal forms as they are (optional there as in the Latin
    space, where no Arabic-script reading meets "kmbn" for company); a query's skeleton has them as
    skeletons, lest "CDE Company" be the two consonants "kd" (al-Qaida) and an optional word."""
    if form.space != LATIN or form.scheme != AS_WRITTEN:
        return None
    skeleton = tuple(filter(None, map(_skeleton_token if listed else latin_skeleton, form.tokens)))
    return NameForm(skeleton, skeleton, SKELETON, form.scheme + "+skeleton", derived=True) if skeleton else None


def _skeleton_token(token: str) -> str:
    return token if kept_in_skeleton(token) else latin_skeleton(token)


@lru_cache(maxsize=65536)
def query_forms(name: str, listed_skeletons: bool = False, person: bool = False) -> tuple[NameForm, ...]:
    """The forms a query is looked up and compared with: its readings and their skeletons.

    `listed_skeletons`: skeletons made as a listed name's (company words kept as words), for the second
    name of a pairwise comparison (compare.py), which must meet a query's readings as a listed name does.
    `person`: the query is screened as a person's name, which has no legal form (see name_forms)."""
    forms = list(_forms(name, listed=False, person=person))
    seen = {(form.tokens, form.space) for form in forms}
    for form in _forms(name, listed=False, person=person):
        skeleton = skeleton_of(form, listed=listed_skeletons)
        if skeleton is not None and (skeleton.tokens, skeleton.space) not in seen:
            seen.add((skeleton.tokens, skeleton.space))
            forms.append(skeleton)
    return tuple(forms)
