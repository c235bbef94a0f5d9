"""Matching a query name against list names: forms, candidate index, alignment, qualifiers, explanation.

`compare_names` compares two names pairwise under an algorithm; `Matcher`
screens a name against every indexed list entry. Algorithms are named,
versioned weight tables (`algorithm.ALGORITHMS`).
"""

from hoarfrost.matching.compare import Comparison, compare_names

__all__ = ["Comparison", "compare_names"]
