"""The lowest layer: what every other layer uses and that knows nothing of records.

Errors and findings, limits and safe file access, one-line output, the Arabic text
primitives (folding, numerals, calendar names), ISO codes, progress and the user's cache.
"""
