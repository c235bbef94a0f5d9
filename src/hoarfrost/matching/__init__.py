"""Matching a query name against list names: candidate index, scoring, explanation."""
