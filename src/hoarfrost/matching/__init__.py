"""Matching a query name against list names: candidate index, scoring, explanation.

`compare_names` is the pairwise comparison of two names under the default
algorithm; `hoarfrost.screening.screener.Screener` uses the index to screen a
query against every list in force.
"""

from hoarfrost.matching.baseline import Comparison, compare_names

__all__ = ["Comparison", "compare_names"]
