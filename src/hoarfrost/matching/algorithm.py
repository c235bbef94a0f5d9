"""Matching algorithms as named, versioned tables of weights.

A bank pins an algorithm by name; a new version is a new entry beside the
old ones, never an edit of them, so that a screening result can always be
reproduced and a change of version can trigger re-screening.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    # token similarity
    phonetic: float = 0.92  # equal phonetic keys: Mohammed ~ Muhammad
    phonetic_spelling_full: float = 0.85  # Jaro-Winkler of the spellings from which equal keys earn full credit
    phonetic_spelling_slope: float = 2.5  # credit lost per unit of Jaro-Winkler below that (Oliver ~ Alvaro)
    # ... down to: names written in Latin on both sides (or read from Han, Hangul, kana); one side a
    # reading of an alphabet, whose spelling varies more (Oleksiy ~ Alexey, Yusuf ~ Youssef): no loss
    phonetic_spelling_floor: tuple[float, float] = (0.7, 0.92)
    edit_floor: float = 0.75  # Levenshtein similarity below this is no match
    short_edit_floor: float = 0.8  # for tokens of five letters or fewer (Wang ~ Kang is no match)
    edit_scale: float = 0.97
    key_edit_floor: float = 0.8
    key_edit_scale: float = 0.85
    skeleton_exact: float = 0.95  # equal consonant skeletons: vowels unknown, so not quite exact
    skeleton_short: float = 0.1  # less for fewer than three consonants: "nf" fits Nouf, Navai, Nafi, Nofal...
    skeleton_edit_floor: float = 0.75  # consonant skeletons of Arabic / Hebrew script names
    skeleton_edit: float = 0.93
    article: float = 0.95  # "el" ~ "al" (the Arabic article)
    nickname: float = 0.85  # "Ben" ~ "Benjamin", "Bill" ~ "William"
    initial: float = 0.85  # "V." ~ "Vladimir"
    truncated: float = 0.8  # a name cut short: "Abiy" ~ "Abiyot"
    truncated_length: int = 4  # letters a cut name keeps at least
    acronym: float = 0.85  # "PLA" ~ "People's Liberation Army", "JC" ~ "Jean Claude"
    partial_floor: float = 0.8  # Jaro-Winkler of leftover tokens earning partial credit
    partial_scale: float = 0.65
    short_typo: tuple[float, float] = (0.65, 0.6)  # leftover short names one / two typos apart: Asif ~ Arif
    joined: float = 0.98  # "Hai lun" ~ "Hailun"
    doubled: float = 0.92  # one letter written twice: "Jong" ~ "Joong", "Hasan" ~ "Hassan"
    abbreviation: float = 0.85  # "Intl" ~ "International", "Corp" ~ "Corporation"
    # name coverage
    optional_discount: float = 0.35  # leftover particle, patronymic, legal form, initial
    candidate_leftover: float = 0.4  # leftover list token (further given or middle names)
    # a person's leftover middle name (between matched names, same order), query side and list side
    middle_leftover: tuple[float, float] = (0.6, 0.15)
    conflict_penalty: float = 0.85  # per pair of leftover tokens, one on each side
    single_token_penalty: float = 0.85  # a one-word query meeting one word of a longer listed name
    # a person's name in Han or Hangul whose family name meets nothing on the list ("유진 박" ~ "YU, Jin":
    # the listed family name met a syllable of the given name)
    family_name_unmatched: float = 0.85
    initials_only: float = 0.8  # nothing but one-letter initials met ("N. N." ~ "Nursultan Nazarbayev")
    weak_alias: float = 0.92  # matched a low-quality alias
    # token rarity: weight = clip(idf / idf_reference, min_token_weight, 1)
    min_token_weight: float = 0.12
    rare_document_frequency: int = 3  # a token on this few names or fewer weighs fully
    # qualifiers
    dob_conflict: float = 0.72  # birth dates more than two years apart: below any sane threshold
    dob_match_bonus: float = 0.03
    country_match_bonus: float = 0.02
    identifier_match_bonus: float = 0.25
    threshold: float = 0.8


@dataclass(frozen=True)
class Algorithm:
    name: str
    weights: Weights
    description: str


ALGORITHMS: dict[str, Algorithm] = {
    "hoarfrost-name-v1": Algorithm(
        "hoarfrost-name-v1", Weights(),
        "Cross-script token alignment over transliteration readings, rarity-weighted, with date of birth, "
        "country and identifier qualifiers.",
    ),
}
DEFAULT_ALGORITHM = "hoarfrost-name-v1"
