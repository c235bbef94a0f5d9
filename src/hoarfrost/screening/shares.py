"""The reverse index's share test, compiled: which customer query forms a listed form could be a forward
candidate of (customer_index.Retrieval.forms).

A listed form's keys meet a few customer units; the forms standing on those units at a rare position (and
those its joined keys find, and every form whose rare positions drifted) are the few to test, and each is
kept when the keys it shares carry MIN_HIT_SHARE of its weight. For a new designation with a common name
that is tens of thousands of forms, and a 500-designation list change tests about 13 million. Written with
numpy, each step makes a temporary array of that size (gather, sort, distinct, repeat, gather, bincount):
two seconds at a million customers, the largest serial step of a delta. One loop over the forms, compiled
by numba, needs no temporaries and no sort (a stamp per form says it was seen): a tenth of that time.

numba compiles these functions on first use and keeps the machine code beside this file (`cache=True`),
so only the first process after an install or a change of this file pays the compilation (about a second).

The sums are the very float sums of the numpy version (each form's positions in order, from 0.0), so the
test keeps exactly the forms it kept.
"""

from __future__ import annotations

import numpy as np
from numba import njit


class ShareTest:
    """Scratch space for `kept_forms` over one customer index, reused from one listed form to the next: the
    share each unit brings at the credit a listed form's keys give it, zero for the units it does not meet."""

    def __init__(self, unit_weights: np.ndarray) -> None:
        self.unit_weights = unit_weights  # float64, under the list index in force
        self.unit_share = np.zeros(len(unit_weights), dtype=np.float64)


@njit(cache=True, nogil=True)
def kept_forms(units: np.ndarray, credits: np.ndarray, joined_forms: np.ndarray, joined_positions: np.ndarray,
               rare_starts: np.ndarray, rare_forms: np.ndarray, all_starts: np.ndarray, all_forms: np.ndarray,
               drifted: np.ndarray, any_drifted: bool, form_starts: np.ndarray, form_units: np.ndarray,
               needed: np.ndarray, unit_weights: np.ndarray, unit_share: np.ndarray) -> np.ndarray:  # pragma: no cover
    """The forms (sorted, distinct) whose share of the keys met reaches `needed`: found at a rare position
    of a unit met (`units`, each at its best key's `credits`), by a joined key, or, when their rare
    positions drifted, at any position. A joined key credits both its tokens in full.

    A form is tested once per unit it is found through, not once: the few found twice are those that
    share much, and a mark per form would cost a cache miss for each of the millions found once."""
    for k in range(len(units)):
        unit_share[units[k]] = credits[k] * unit_weights[units[k]]
    kept = []
    for k in range(len(units)):
        unit = units[k]
        for r in range(rare_starts[unit], rare_starts[unit + 1]):
            if _share(rare_forms[r], form_starts, form_units, unit_share) >= needed[rare_forms[r]]:
                kept.append(rare_forms[r])
        if any_drifted:
            for r in range(all_starts[unit], all_starts[unit + 1]):
                form = all_forms[r]
                if drifted[form] and _share(form, form_starts, form_units, unit_share) >= needed[form]:
                    kept.append(form)
    # A joined key's form, with its two tokens at full credit; a form that passed above without that
    # credit passes with it (each term only grows, and rounding keeps the order of sums).
    for k in range(len(joined_forms)):
        form = joined_forms[k]
        start = form_starts[form]
        share = 0.0
        for p in range(start, form_starts[form + 1]):
            if _joined_at(joined_forms, joined_positions, form, p - start):
                share += 1.0 * unit_weights[form_units[p]]
            else:
                share += unit_share[form_units[p]]
        if share >= needed[form]:
            kept.append(form)
    for k in range(len(units)):
        unit_share[units[k]] = 0.0
    return np.unique(np.array(kept, dtype=np.int32))


@njit(cache=True, nogil=True, inline="always")
def _share(form: int, form_starts: np.ndarray, form_units: np.ndarray,
           unit_share: np.ndarray) -> float:  # pragma: no cover - compiled
    """The share of a form's weight the keys met: its positions in order, summed from 0.0 (as numpy's
    bincount of the same products sums them)."""
    share = 0.0
    for p in range(form_starts[form], form_starts[form + 1]):
        share += unit_share[form_units[p]]
    return share


@njit(cache=True, nogil=True)
def _joined_at(joined_forms: np.ndarray, joined_positions: np.ndarray, form: int,
               position: int) -> bool:  # pragma: no cover - compiled
    """A joined key met tokens `position` and `position + 1` of the form, or the two before."""
    for k in range(len(joined_forms)):
        if joined_forms[k] == form and (joined_positions[k] == position or joined_positions[k] + 1 == position):
            return True
    return False
