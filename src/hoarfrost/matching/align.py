"""Aligning the tokens of two name forms and scoring the alignment.

Tokens are paired order-free (family name first or last, "LAST, First" list
order all align), best pairs first; two adjacent tokens on one side may meet
one token on the other ("Hai lun" ~ "Hailun", "Abdul Rahman" ~
"Abdulrahman"). Each token weighs by its rarity, so that sharing "Wang" or
"Mohammed" counts little and sharing "Hailun" counts much. The score is the
geometric mean of how much of each side's weight the pairs cover; tokens
left over on the list side (middle names, further given names) and optional
tokens (particles, patronymics, legal forms) cost less than the query's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from hoarfrost.matching.algorithm import Weights
from hoarfrost.matching.forms import _PATRONYMIC, NameForm, is_optional, name_forms
from hoarfrost.names.phonetic import is_nickname
from hoarfrost.names.readings import LATIN
from hoarfrost.names.transliterate import AS_WRITTEN

TokenWeight = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class TokenMatch:
    query: str
    candidate: str
    method: str  # exact, phonetic, edit distance, skeleton, joined, initial
    similarity: float


@dataclass(frozen=True, slots=True)
class Alignment:
    score: float
    matches: tuple[TokenMatch, ...]
    unmatched_query: tuple[str, ...]
    unmatched_candidate: tuple[str, ...]


def _token_similarity(query: str, candidate: str, query_key: str, candidate_key: str, space: str,
                      weights: Weights, transliterated: bool = False) -> tuple[float, str]:
    """How alike two tokens are, and by which route. `transliterated`: one side is a reading of
    another script, whose spelling varies more than a name written in Latin (Oleksiy ~ Alexey)."""
    if query == candidate and (space == LATIN or space.startswith("native-")):
        return 1.0, "exact"
    if space.startswith("native-"):  # the same script as written: equal, or a typo apart
        ratio = OSA.normalized_similarity(query, candidate)
        floor = weights.edit_floor if min(len(query), len(candidate)) > 5 else weights.short_edit_floor
        return (ratio * weights.edit_scale, "edit distance (as written)") if ratio >= floor else (0.0, "")
    if space != LATIN:  # consonant skeletons: equal, or nearly equal for long ones
        if query == candidate:  # most names have three root consonants; two (nf, hn, fr) fit many names
            return weights.skeleton_exact - weights.skeleton_short * (len(query) < 3), "skeleton"
        if len(query) >= 3 and len(candidate) >= 3:
            ratio = Levenshtein.normalized_similarity(query, candidate)
            if ratio >= weights.skeleton_edit_floor:
                return weights.skeleton_edit * ratio, "skeleton edit distance"
        return 0.0, ""
    if len(query) == 1 or len(candidate) == 1:
        initial = len(query) != len(candidate) and query[0] == candidate[0]
        return (weights.initial, "initial") if initial else (0.0, "")
    if query in _ARTICLE and candidate in _ARTICLE:
        return weights.article, "article"
    # Short keys ("jn" for Jun, Jin, Jan) say too little, and in one-syllable names (Chinese, Korean)
    # the vowel is the name (Zhang is not Zheng): a phonetic match needs three consonants and five letters.
    if query_key == candidate_key and _vowel_clash(query, candidate):
        return 0.0, ""
    ratio = OSA.normalized_similarity(query, candidate)  # a swap of two letters is one typo, not two
    floor = weights.edit_floor if min(len(query), len(candidate)) > 5 else weights.short_edit_floor
    edit = ratio * weights.edit_scale if ratio >= floor else 0.0
    if query_key == candidate_key and len(query_key) >= 3 and min(len(query), len(candidate)) >= 5:
        phonetic = _phonetic_credit(query, candidate, weights, transliterated)
        if phonetic > edit:
            return phonetic, "phonetic"
    baltic = weights.edit_scale * max(_baltic_stem(query, candidate), _baltic_stem(candidate, query))
    if baltic > edit:
        return baltic, "Baltic ending"
    if edit:
        return edit, "edit distance"
    if is_nickname(query, candidate):
        return weights.nickname, "nickname"
    # Jong ~ Joonng, Un ~ Uun: a letter typed or transliterated twice is one letter (VII is not VIII)
    if _undoubled(query) == _undoubled(candidate) and not _is_roman(query):
        return weights.doubled, "doubled letter"
    short, long = sorted((query, candidate), key=len)
    if (len(short) >= max(weights.truncated_length, len(long) / 2) and long.startswith(short)
            and not is_optional(long) and not _is_patronymic(long)):
        return weights.truncated, "truncated"  # Abiy ~ Abiyot (Oleksandr is not Oleksandrovych)
    if _abbreviates(short, long):
        return weights.abbreviation, "abbreviation"
    if min(len(query), len(candidate)) < 5:
        return 0.0, ""  # as above: short names differ by their vowels (Acme is not Youchem)
    key_ratio = Levenshtein.normalized_similarity(query_key, candidate_key)
    if key_ratio >= weights.key_edit_floor and min(len(query_key), len(candidate_key)) >= 3:
        return key_ratio * weights.key_edit_scale, "phonetic edit distance"
    return 0.0, ""


token_similarity = lru_cache(maxsize=524288)(_token_similarity)

# token_similarity for _pairs, one table per Weights: a frozen dataclass hashes all its fields on every call,
# so the table is found once per alignment and each token pair looked up by its strings alone.
_SIMILARITY_TABLE_SIZE = 524288
_similarity_tables: dict[Weights, dict[tuple[str, str, str, str, str, bool], tuple[float, str]]] = {}


def _similarity_table(weights: Weights) -> dict[tuple[str, str, str, str, str, bool], tuple[float, str]]:
    table = _similarity_tables.get(weights)
    if table is None or len(table) > _SIMILARITY_TABLE_SIZE:
        table = _similarity_tables[weights] = {}
    return table


def _phonetic_credit(query: str, candidate: str, weights: Weights, transliterated: bool) -> float:
    """Credit for two tokens with one consonant frame. The key alone merges different names (Oliver and
    Alvaro, Corinne and Chirino are both "alvr", "crn"): the credit falls as the spellings part
    (Jaro-Winkler)."""
    shortfall = max(0.0, weights.phonetic_spelling_full - JaroWinkler.similarity(query, candidate))
    floor = weights.phonetic_spelling_floor[transliterated]
    return max(floor, weights.phonetic - shortfall * weights.phonetic_spelling_slope)


_VOWELS = re.compile(r"[aeiou]+|y(?![aeiou])")  # y before a vowel is a consonant
_DOUBLED = re.compile(r"(.)\1+")
_NAMES = frozenset({"xi", "vi"})  # Roman numerals that are also names (Xi Jinping)
_ARTICLE = frozenset({"al", "el", "ul"})  # the Arabic article as romanisations spell it: el-Assad, Zia-ul-Haq
_ROMAN = re.compile(r"(x{0,3})(ix|iv|v?i{0,3})")  # I to XXXIX: the numbers of funds, trusts, vessels, heirs


def _baltic_stem(inflected: str, other: str) -> float:
    """Latvian and Lithuanian give foreign names their nominative endings: Sergejs, Lavrovs, Putinas for
    Sergej, Lavrov, Putin. The similarity of the stem to the other name (at least 0.8), or 0."""
    if other.endswith("s") or len(other) < 4:
        return 0.0
    for ending in ("as", "is", "us", "s"):
        stem = inflected.removesuffix(ending)
        if stem != inflected and len(stem) >= 4:
            ratio = OSA.normalized_similarity(stem, other)
            if ratio >= 0.8:
                return ratio
    return 0.0


def _abbreviates(short: str, long: str) -> bool:
    """A written abbreviation of a word: its first letter, then some of its letters in order, cut after
    the word's first letters or ending on its last one: Intl ~ International, Mfg ~ Manufacturing,
    Corp ~ Corporation, Ltd ~ Limited, Co ~ Company. Abbreviations keep the consonants: at most one vowel
    (Chris is cut, Ali is no abbreviation of Alison); two letters only for legal forms and company words."""
    if len(long) < len(short) + 3 or short[0] != long[0] or not short.isalpha():
        return False
    if len(short) < 3 and not (len(short) == 2 and is_optional(short) and is_optional(long)):
        return False
    if long.startswith(short):  # Corp, Inc; a name cut short is "truncated" (Lin is no abbreviation of Lindemann)
        if not is_optional(long):
            return False
    elif short[-1] != long[-1]:
        return False
    if len(_VOWELS.findall(short)) > 1:
        return False
    letters = iter(long)
    return all(letter in letters for letter in short)


def _vowel_clash(query: str, candidate: str) -> bool:
    """One-syllable tokens with one consonant frame and other vowels: in Chinese and Korean names the
    vowel is the name (Zhang, Zheng; Cheung, Cheng), and elsewhere too (Scholz, Schulz)."""
    vowels_q, vowels_c = _vowel_runs(query), _vowel_runs(candidate)
    return len(vowels_q) == 1 == len(vowels_c) and vowels_q != vowels_c


# Properties of one token, asked of it again for every token it meets: each worked out once.


@lru_cache(maxsize=262144)
def _vowel_runs(token: str) -> tuple[str, ...]:
    """The token's runs of vowels, a doubled letter as one (Pyong ~ Pong, Brody ~ Brady; Chooe ~ Choe)."""
    return tuple(_DOUBLED.sub(r"\1", run) for run in _VOWELS.findall(token))


@lru_cache(maxsize=262144)
def _undoubled(token: str) -> str:
    return _DOUBLED.sub(r"\1", token)


@lru_cache(maxsize=262144)
def _is_roman(token: str) -> bool:
    return _ROMAN.fullmatch(token) is not None


@lru_cache(maxsize=262144)
def _is_number(token: str) -> bool:
    """Digits, a Roman numeral, a code with a digit (AHL2); not Xi or Vi, also names."""
    return any(c.isdigit() for c in token) or (_is_roman(token) and token not in _NAMES)


@lru_cache(maxsize=262144)
def person_order(name: str) -> int | None:
    """How many leading tokens of a person's name are the family name of a "FAMILY, Given Middle" form
    (0 for a name written in order), or None where that cannot be told (several commas)."""
    if name.count(",") > 1:
        return None
    family, comma, _ = name.partition(",")
    if not comma:
        return 0
    forms = name_forms(family)
    return len(forms[0].tokens) if forms else None


def _middle(query: NameForm, candidate: NameForm, chosen: list[_Pair],
            family_first: int) -> tuple[frozenset[int], frozenset[int]]:
    """Positions, on each side, of the middle names of a person: tokens between two matched tokens of an
    alignment that keeps both names in the same order ("Meir Ettinger" ~ "Meir Mordechai Ettinger",
    "ETTINGER, Meir Mordechai" read as given names then family name). Only there is a leftover known
    to be a middle name: in "RUIZ PEREZ, Leonardo" against "Leonardo Ruiz", or "RYAN, Damion Patrick"
    against "Patrick Ryan", the leftover is a family or first name. Syllables of a Han or Hangul
    reading are parts of one given name, never middle names."""
    if len(chosen) < 2 or query.scheme in _SYLLABIC_SCHEMES or candidate.scheme in _SYLLABIC_SCHEMES:
        return frozenset(), frozenset()
    size = len(candidate.tokens)
    if not 0 <= family_first < size:
        return frozenset(), frozenset()

    def in_order(position: int) -> int:  # the list name's position, given names first
        return position - family_first if position >= family_first else position + size - family_first

    pairs = [(pair.query, tuple(sorted(map(in_order, pair.candidate)))) for pair in chosen]
    ordered = sorted(pairs, key=lambda pair: pair[0][0])
    if any(a[1][-1] >= b[1][0] for a, b in zip(ordered, ordered[1:], strict=False)):
        return frozenset(), frozenset()
    first, last = ordered[0], ordered[-1]
    inside_q = set(range(first[0][-1] + 1, last[0][0]))
    inside_c = set(range(first[1][-1] + 1, last[1][0]))
    for query_side, candidate_side in pairs:
        inside_q.difference_update(query_side)
        inside_c.difference_update(candidate_side)
    inside_c = {(j + family_first) % size for j in inside_c}  # back to positions as written
    # A short one may be a syllable of a hyphenated given name (Young-Chol KIM): a middle name has five letters
    inside_q = {i for i in inside_q if len(query.tokens[i]) >= 5 and not is_optional(query.tokens[i])}
    inside_c = {j for j in inside_c if len(candidate.tokens[j]) >= 5 and not is_optional(candidate.tokens[j])}
    # A middle name on each side is another middle name, not an omitted one (Ben Hamid, Ben Abdallah);
    # one omitted middle name is common, several leave too little of the name to say it is the same.
    if (inside_q and inside_c) or len(inside_q) + len(inside_c) > 1:
        return frozenset(), frozenset()
    return frozenset(inside_q), frozenset(inside_c)


@dataclass(frozen=True, slots=True)
class _Pair:
    similarity: float
    query: tuple[int, ...]  # token positions on the query side
    candidate: tuple[int, ...]
    method: str


def align(query: NameForm, candidate: NameForm, weight: TokenWeight, weights: Weights,
          family_first: int | None = None) -> Alignment:
    """Pair tokens greedily, best similarity first (single tokens, joined neighbours and initials
    competing on equal terms), then give near leftovers partial credit; score the coverage.
    For a person (`family_first` not None, see person_order), a leftover between matched names in the
    same order is a middle name (see _middle)."""
    used_q: set[int] = set()
    used_c: set[int] = set()
    chosen: list[_Pair] = []
    ranked = sorted(_pairs(query, candidate, weights), key=lambda p: (-p.similarity, -len(p.query) - len(p.candidate)))
    for pair in ranked:
        if used_q.isdisjoint(pair.query) and used_c.isdisjoint(pair.candidate):
            used_q.update(pair.query)
            used_c.update(pair.candidate)
            chosen.append(pair)
    chosen.extend(_partial_leftovers(query, candidate, used_q, used_c, weights))
    middle = _middle(query, candidate, chosen, family_first) if family_first is not None else (frozenset(), frozenset())
    return _score(query, candidate, chosen, used_q, used_c, weight, weights, middle)


# Readings of syllabic scripts (Han, Hangul, kana): a one-letter token there is a syllable (이 "I",
# 鄂 "E"), not an initial, and a syllable that begins another is no cut name (Jing, Jinghe).
_SYLLABIC_SCHEMES = frozenset({
    "pinyin", "wade-giles", "cantonese-hk", "tongyong", "mps2", "surname-spelling", "dprk", "dprk-words",
    "dprk-south-initial", "revised-romanization", "mccune-reischauer", "south-customary", "korean", "hepburn",
    "kakasi-hepburn", "passport", "wapuro", "loanword", "polivanov",
})


def _pairs(query: NameForm, candidate: NameForm, weights: Weights) -> list[_Pair]:
    pairs = []
    syllabic = query.scheme in _SYLLABIC_SCHEMES or candidate.scheme in _SYLLABIC_SCHEMES
    # readings of alphabets vary in spelling; those of syllabic scripts come one reading per scheme already
    transliterated = not syllabic and (query.scheme != AS_WRITTEN or candidate.scheme != AS_WRITTEN)
    table, space = _similarity_table(weights), query.space
    candidates = tuple(enumerate(zip(candidate.tokens, candidate.keys, strict=True)))
    for i, (q, qk) in enumerate(zip(query.tokens, query.keys, strict=True)):
        for j, (c, ck) in candidates:
            key = (q, c, qk, ck, space, transliterated)
            found = table.get(key)
            if found is None:
                found = table[key] = _token_similarity(q, c, qk, ck, space, weights, transliterated)
            similarity, method = found
            if similarity > 0 and not (syllabic and method in ("initial", "truncated")):
                pairs.append(_Pair(similarity, (i,), (j,), method))
    pairs.extend(_joined_pairs(query.tokens, candidate.tokens, weights, flip=False))
    pairs.extend(_joined_pairs(candidate.tokens, query.tokens, weights, flip=True))
    if query.space == LATIN:
        pairs.extend(_initials_pairs(query.tokens, candidate.tokens, flip=False, weights=weights))
        pairs.extend(_initials_pairs(candidate.tokens, query.tokens, flip=True, weights=weights))
    return pairs


def _joined_pairs(split: tuple[str, ...], whole: tuple[str, ...], weights: Weights, flip: bool) -> list[_Pair]:
    """Two or three adjacent tokens of one side that spell one token of the other ("Hai Lun" ~ "Hailun",
    "van der Bilt" ~ "Vanderbilt")."""
    found = []
    for span, joined in _spans(split):
        for j, token in enumerate(whole):
            if abs(len(joined) - len(token)) > 2:
                continue
            ratio = 1.0 if joined == token else OSA.normalized_similarity(joined, token)
            # three parts: one typo at most (gimyenghwan is not Rim Yong Hwan)
            if ratio >= weights.edit_floor and (len(span) == 2 or OSA.distance(joined, token) <= 1):
                sides = ((j,), span) if flip else (span, (j,))
                found.append(_Pair(ratio * weights.joined, sides[0], sides[1], "joined"))
    return found


@lru_cache(maxsize=262144)
def _spans(tokens: tuple[str, ...]) -> tuple[tuple[tuple[int, ...], str], ...]:
    """Each run of two, then three, adjacent tokens, and the tokens joined: one form meets many others."""
    return tuple((tuple(range(i, i + size)), "".join(tokens[i : i + size]))
                 for size in (2, 3) for i in range(len(tokens) - size + 1))


def _initials_pairs(short: tuple[str, ...], full: tuple[str, ...], flip: bool, weights: Weights) -> list[_Pair]:
    """A token that is the initials of consecutive tokens on the other side ("JC" ~ "Jean Claude")."""
    found = []
    for i, token in enumerate(short):
        size = len(token)
        if not 2 <= size <= 6 or not token.isalpha():
            continue
        for j in range(len(full) - size + 1):
            if all(full[j + k][:1] == token[k] and len(full[j + k]) > 1 for k in range(size)):
                span = tuple(range(j, j + size))
                sides = (span, (i,)) if flip else ((i,), span)
                found.append(_Pair(weights.acronym, sides[0], sides[1], "initials"))
    return found


def _partial_leftovers(query: NameForm, candidate: NameForm, used_q: set[int], used_c: set[int],
                       weights: Weights) -> list[_Pair]:
    """Leftover tokens that are near but under the edit floor (Merkur ~ Merkel) earn partial credit
    instead of counting as a substitution."""
    if query.space != LATIN:
        return []
    found = []
    if query.scheme not in _SYLLABIC_SCHEMES and candidate.scheme not in _SYLLABIC_SCHEMES:  # Ming, Ping; Kim, Rim
        found.extend(_short_typos(query.tokens, candidate.tokens, used_q, used_c, weights))
    for i, q in enumerate(query.tokens):
        if i in used_q or len(q) < 5:
            continue
        # Viktorovich and Borisovich share only the "son of"; Stoltenberg and Store only their first letters
        best = max(((JaroWinkler.similarity(q, c), j) for j, c in enumerate(candidate.tokens)
                    if j not in used_c and len(c) >= 5 and not (_is_patronymic(q) and _is_patronymic(c))
                    and 2 * min(len(q), len(c)) >= max(len(q), len(c))), default=None)
        if best is not None and best[0] >= weights.partial_floor:
            used_q.add(i)
            used_c.add(best[1])
            found.append(_Pair(best[0] * weights.partial_scale, (i,), (best[1],), "partial (Jaro-Winkler)"))
    return found


def _short_typos(query: tuple[str, ...], candidate: tuple[str, ...], used_q: set[int], used_c: set[int],
                 weights: Weights) -> list[_Pair]:
    """Leftover tokens one typo apart (Asif ~ Arif, Benz ~ Benn), or two in names of five letters or more
    with the same first letter (Milei ~ Mihel, Merkel ~ Merkur): a letter is a larger share of a short
    name, too large for a match on its own, but a typo is likelier than a substitution of the whole name.
    Not in one-syllable names differing by their vowel (Zhang, Zheng), nor numbers (IV, V)."""
    found = []
    for i, q in enumerate(query):
        if i in used_q or len(q) < 3 or not q.isalpha() or _is_roman(q):
            continue
        for j, c in enumerate(candidate):
            if j in used_c or len(c) < 3 or not c.isalpha() or _is_roman(c) or _vowel_clash(q, c):
                continue
            typos = OSA.distance(q, c, score_cutoff=2)
            if typos == 1 or (typos == 2 and q[0] == c[0] and min(len(q), len(c)) >= 5):
                used_q.add(i)
                used_c.add(j)
                found.append(_Pair(weights.short_typo[typos - 1], (i,), (j,), "typo (short name)"))
                break
    return found


def _score(query: NameForm, candidate: NameForm, chosen: list[_Pair], used_q: set[int], used_c: set[int],
           weight: TokenWeight, weights: Weights,
           middle: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())) -> Alignment:
    weights_q = [weight(token) for token in query.tokens]  # each token's weight looked up once
    weights_c = [weight(token) for token in candidate.tokens]
    # "Usama bin Muhammad ibn Awad ibn Ladin": the ancestors a list names after bin / ibn, when the query
    # names none in their place (else they are another lineage: see _lineage_conflicts)
    ancestor: set[int] = set()
    if _SON_OF.intersection(candidate.tokens) and all(i in used_q or is_optional(t)
                                                      for i, t in enumerate(query.tokens)):
        ancestor = {j for j in range(1, len(candidate.tokens)) if candidate.tokens[j - 1] in _SON_OF}

    def leftover_weight(token: str, position: int, side: int) -> float:
        if is_optional(token):
            discount = weights.optional_discount
        elif position in middle[side] or (side and position in ancestor):
            discount = weights.middle_leftover[side]  # a middle name, or a listed ancestor's the query omits
        else:
            discount = (1.0, weights.candidate_leftover)[side]
        return (weights_q, weights_c)[side][position] * discount

    matched_q = matched_c = full_q = full_c = 0.0
    matches = []
    for pair in chosen:
        w_q = sum(weights_q[i] for i in pair.query)
        w_c = sum(weights_c[j] for j in pair.candidate)
        matched_q, full_q = matched_q + w_q * pair.similarity, full_q + w_q
        matched_c, full_c = matched_c + w_c * pair.similarity, full_c + w_c
        matches.append(TokenMatch(" ".join(query.tokens[i] for i in pair.query),
                                  " ".join(candidate.tokens[j] for j in pair.candidate), pair.method, pair.similarity))
    left_q = tuple(t for i, t in enumerate(query.tokens) if i not in used_q)
    left_c = tuple(t for j, t in enumerate(candidate.tokens) if j not in used_c)
    total_q = full_q + sum(leftover_weight(t, i, 0) for i, t in enumerate(query.tokens) if i not in used_q)
    total_c = full_c + sum(leftover_weight(t, j, 1) for j, t in enumerate(candidate.tokens) if j not in used_c)
    score = (matched_q / total_q * matched_c / total_c) ** 0.5 if total_q > 0 and total_c > 0 else 0.0
    # A token left over on each side is a substitution (al-Tikriti for al-Mosuli, another patronymic),
    # not a name part one side omits: that is evidence of another person.
    numbered_q, numbered_c = _numbered(left_q), _numbered(left_c)
    series = any(len(t) > 1 for t in numbered_q | numbered_c)  # a number, not only a letter I, V or X
    if numbered_q and numbered_c and series:  # Fund IV ~ Fund V, Trust 2007-AHL1 ~ 2007-AHL2: a number tells
        left_q = tuple(t for t in left_q if t not in numbered_q)  # the series apart, not another name
        left_c = tuple(t for t in left_c if t not in numbered_c)
    conflicts = min(_substantive_count(left_q, left_c), _substantive_count(left_c, left_q))
    conflicts += series and not (numbered_q and numbered_c)  # Fund II against Fund: another of the series
    conflicts += _lineage_conflicts(query.tokens, candidate.tokens, left_q, left_c, chosen)
    if conflicts and chosen:
        score *= weights.conflict_penalty ** conflicts
    if chosen and all(pair.method == "initial" for pair in chosen):  # "N. N." says too little of anyone
        score *= weights.initials_only
    return Alignment(score, tuple(matches), left_q, left_c)


def _numbered(tokens: tuple[str, ...]) -> frozenset[str]:
    """Numbers among tokens: digits, Roman numerals, codes with a digit (AHL2); not Xi or Vi, also names."""
    return frozenset(filter(_is_number, tokens))


def _substantive_count(leftovers: tuple[str, ...], others: tuple[str, ...]) -> int:
    """Leftovers that name something: not numbers, particles or legal forms; an initial counts when
    no leftover on the other side starts with it (I against Kim is another name, V against Viktor not)."""
    count = 0
    for token in leftovers:
        if token.isdigit():
            continue
        if len(token) == 1:
            count += bool(others) and not any(other.startswith(token) for other in others)
        elif not is_optional(token):
            count += 1
    return count


_SON_OF = frozenset({"bin", "ibn", "bint", "ben", "ould"})


def _lineage_conflicts(query: tuple[str, ...], candidate: tuple[str, ...], left_q: tuple[str, ...],
                       left_c: tuple[str, ...], chosen: list[_Pair]) -> int:
    """Names of the father that disagree: a patronymic left over on each side (Viktorovich against
    Borisovich), or a name that follows "bin" on one side and not on the other (Omar bin Abdullah is
    the son of Abdullah bin Omar). A patronymic one side omits costs nothing here."""
    conflicts = min(sum(map(_is_patronymic, left_q)), sum(map(_is_patronymic, left_c)))
    if _SON_OF.intersection(query) and _SON_OF.intersection(candidate):
        for pair in chosen:
            if len(pair.query) == 1 and len(pair.candidate) == 1:
                conflicts += _after_son_of(query, pair.query[0]) != _after_son_of(candidate, pair.candidate[0])
    return conflicts


@lru_cache(maxsize=262144)
def _is_patronymic(token: str) -> bool:
    return bool(_PATRONYMIC.match(token)) or (len(token) > 7 and token.endswith(("ovitch", "evitch")))  # French


def _after_son_of(tokens: tuple[str, ...], position: int) -> bool:
    before = [t for t in tokens[:position] if t not in ("al", "el")]  # bin al-Din: the article is no name
    return bool(before) and before[-1] in _SON_OF
