"""Alerts, decisions with four eyes, the allow-list, and the hash-chained audit trail."""
