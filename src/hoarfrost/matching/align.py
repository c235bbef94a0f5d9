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

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from hoarfrost.matching.algorithm import Weights
from hoarfrost.matching.forms import NameForm, is_optional
from hoarfrost.names.readings import LATIN

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


@lru_cache(maxsize=524288)
def token_similarity(query: str, candidate: str, query_key: str, candidate_key: str, space: str,
                     weights: Weights) -> tuple[float, str]:
    """How alike two tokens are, and by which route."""
    if query == candidate and space == LATIN:
        return 1.0, "exact"
    if space != LATIN:  # consonant skeletons: equal, or nearly equal for long ones
        if query == candidate:
            return weights.skeleton_exact, "skeleton"
        if len(query) >= 3 and len(candidate) >= 3:
            ratio = Levenshtein.normalized_similarity(query, candidate)
            if ratio >= weights.skeleton_edit_floor:
                return weights.skeleton_edit * ratio, "skeleton edit distance"
        return 0.0, ""
    if len(query) == 1 or len(candidate) == 1:
        initial = len(query) != len(candidate) and query[0] == candidate[0]
        return (weights.initial, "initial") if initial else (0.0, "")
    # Short keys ("jn" for Jun, Jin, Jan) say too little: a phonetic match needs three consonants.
    if query_key == candidate_key and len(query_key) >= 3:
        return weights.phonetic, "phonetic"
    ratio = Levenshtein.normalized_similarity(query, candidate)
    floor = weights.edit_floor if min(len(query), len(candidate)) > 5 else weights.short_edit_floor
    if ratio >= floor:
        return ratio * weights.edit_scale, "edit distance"
    key_ratio = Levenshtein.normalized_similarity(query_key, candidate_key)
    if key_ratio >= weights.key_edit_floor and min(len(query_key), len(candidate_key)) >= 3:
        return key_ratio * weights.key_edit_scale, "phonetic edit distance"
    return 0.0, ""


def align(query: NameForm, candidate: NameForm, weight: TokenWeight, weights: Weights) -> Alignment:
    """Pair tokens greedily, best similarity first, then join leftovers; score the coverage."""
    pairs = _scored_pairs(query, candidate, weights)
    used_q: set[int] = set()
    used_c: set[int] = set()
    matches: list[tuple[int, int, TokenMatch]] = []
    for similarity, i, j, method in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        matches.append((i, j, TokenMatch(query.tokens[i], candidate.tokens[j], method, similarity)))
    joined = _join_leftovers(query, candidate, used_q, used_c, weights)
    return _score(query, candidate, matches, joined, used_q, used_c, weight, weights)


def _scored_pairs(query: NameForm, candidate: NameForm, weights: Weights) -> list[tuple[float, int, int, str]]:
    pairs = []
    for i, (q, qk) in enumerate(zip(query.tokens, query.keys, strict=True)):
        for j, (c, ck) in enumerate(zip(candidate.tokens, candidate.keys, strict=True)):
            similarity, method = token_similarity(q, c, qk, ck, query.space, weights)
            if similarity > 0:
                pairs.append((similarity, i, j, method))
    pairs.sort(key=lambda pair: -pair[0])
    return pairs


def _join_leftovers(query: NameForm, candidate: NameForm, used_q: set[int], used_c: set[int],
                    weights: Weights) -> list[tuple[tuple[int, ...], tuple[int, ...], TokenMatch]]:
    """Two adjacent leftover tokens on one side that spell one leftover token on the other."""
    found = []
    for short, long_side, flip in ((query, candidate, False), (candidate, query, True)):
        used_short, used_long = (used_c, used_q) if flip else (used_q, used_c)
        for i in range(len(long_side.tokens) - 1):
            if i in used_long or i + 1 in used_long:
                continue
            joined = long_side.tokens[i] + long_side.tokens[i + 1]
            for j, token in enumerate(short.tokens):
                if j in used_short:
                    continue
                ratio = 1.0 if joined == token else Levenshtein.normalized_similarity(joined, token)
                if ratio >= weights.edit_floor:
                    used_long.update((i, i + 1))
                    used_short.add(j)
                    pair = ((j,), (i, i + 1)) if not flip else ((i, i + 1), (j,))
                    text = (token, joined) if not flip else (joined, token)
                    found.append((*pair, TokenMatch(text[0], text[1], "joined", ratio * weights.joined)))
                    break
    return found


def _score(query: NameForm, candidate: NameForm, matches: list[tuple[int, int, TokenMatch]],
           joined: list[tuple[tuple[int, ...], tuple[int, ...], TokenMatch]], used_q: set[int], used_c: set[int],
           weight: TokenWeight, weights: Weights) -> Alignment:
    def side_weight(token: str, leftover_discount: float) -> float:
        base = weight(token)
        return base * (weights.optional_discount if is_optional(token) else leftover_discount)

    matched_q = matched_c = 0.0
    for i, j, match in matches:
        matched_q += weight(query.tokens[i]) * match.similarity
        matched_c += weight(candidate.tokens[j]) * match.similarity
    for qs, cs, match in joined:
        matched_q += sum(weight(query.tokens[i]) for i in qs) * match.similarity
        matched_c += sum(weight(candidate.tokens[j]) for j in cs) * match.similarity
    left_q = tuple(t for i, t in enumerate(query.tokens) if i not in used_q)
    left_c = tuple(t for j, t in enumerate(candidate.tokens) if j not in used_c)
    total_q = matched_q + sum(side_weight(t, 1.0) for t in left_q)
    total_c = matched_c + sum(side_weight(t, weights.candidate_leftover) for t in left_c)
    score = (matched_q / total_q * matched_c / total_c) ** 0.5 if total_q > 0 and total_c > 0 else 0.0
    all_matches = tuple(m for *_, m in matches) + tuple(m for *_, m in joined)
    return Alignment(score, all_matches, left_q, left_c)
