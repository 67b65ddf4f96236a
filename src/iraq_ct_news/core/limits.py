"""Limits on what the reader accepts, documented in SECURITY.md.

They sit far above any real record (an article file is 10–40 KB, nested 5 levels deep, a few
hundred YAML nodes; a seed is 4–8 KB) and far below what could exhaust a machine, so hostile
input fails fast with a located finding. Every check after reading does work in proportion to
the number of nodes, so ``MAX_NODES`` is what bounds the time a validation can take (and the
number of findings it can print).
"""

from __future__ import annotations

#: Largest record file read, in bytes. Larger files are refused before their content is read.
MAX_FILE_BYTES = 1024 * 1024
#: Deepest nesting of mappings and sequences in one file.
MAX_DEPTH = 32
#: Longest single string value, in code points.
MAX_STRING_LENGTH = 200_000
#: Most YAML nodes (scalars, mappings, sequences) in one file.
MAX_NODES = 50_000
#: Largest magnitude of an integer written in a record (fits a signed 64-bit integer).
MAX_INTEGER = 2**63 - 1
#: Largest seed document read, in bytes.
MAX_SEED_BYTES = 1024 * 1024
#: Most non-blank lines of a seed ``new`` scaffolds a record from. A news page has a few
#: hundred; each line becomes a paragraph of the body or a line of the record's comment block,
#: and the seed is read line by line, so this bounds ``new``'s time (a 1 MiB seed of 500,000
#: one-letter lines took 9 s to be refused as a 9.6 MB record).
MAX_SEED_LINES = 50_000
#: Largest release file (JSON Lines, datapackage.json) ``load()``, ``diff`` and ``show`` read:
#: about eight times the articles.jsonl of a 10,000-article release (134 MB). A device such as
#: /dev/zero or a named pipe is refused before anything is read, whatever its size.
MAX_RELEASE_FILE_BYTES = 1024 * 1024 * 1024
#: Longest line of a release's JSON Lines file: one record, far above the largest article a
#: 1 MiB record file can become.
MAX_RELEASE_LINE_BYTES = 16 * 1024 * 1024
#: Most values on one line of a release's JSON Lines, counted by their commas and opening
#: brackets outside strings: ten times the nodes a record file may hold (a span of three YAML
#: nodes becomes about a dozen release values). Each value becomes a Python object when the line
#: is read, so this bounds its memory: a 16 MiB line of 7.8 million nested lists took 2.6 GB.
MAX_RELEASE_VALUES = 500_000
