"""Latin readings of a name: what every transliteration module produces.

A `Reading` is one plausible way the name is written in Latin letters, as
lower-case ASCII tokens, with the scheme that produced it (so an explanation
can say "matched through Wade-Giles"). Scripts written without vowels
(Arabic, Hebrew) give readings in a *key space* instead: tokens are
consonant skeletons, and the module that made them also provides the
function that maps a Latin token into the same key space, so that both sides
are compared in it.
"""

from __future__ import annotations

from dataclasses import dataclass

LATIN = "latin"  # the key space of ordinary Latin readings

# Cap on readings per name: polyphonic characters and schemes multiply quickly.
MAX_READINGS = 24


@dataclass(frozen=True, slots=True)
class Reading:
    tokens: tuple[str, ...]  # lower-case ASCII tokens; in `space`'s alphabet
    scheme: str  # "pinyin", "wade-giles", "cantonese-hk", "bgn-pcgn", "icao", "arabic-skeleton", ...
    space: str = LATIN  # LATIN, or the key space named by the module ("consonant-skeleton")

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def unique_readings(readings: list[Reading], limit: int = MAX_READINGS) -> list[Reading]:
    """Readings without repeats (first scheme wins), at most `limit`."""
    seen: set[tuple[tuple[str, ...], str]] = set()
    kept: list[Reading] = []
    for reading in readings:
        key = (reading.tokens, reading.space)
        if reading.tokens and key not in seen:
            seen.add(key)
            kept.append(reading)
            if len(kept) >= limit:
                break
    return kept
