"""Screening names against the lists in force: single queries and files."""
