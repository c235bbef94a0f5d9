"""Readers for the official list formats, one module per publisher format."""
