"""The linguistics of names: scripts, normalisation, transliteration. Pure functions, no I/O."""
