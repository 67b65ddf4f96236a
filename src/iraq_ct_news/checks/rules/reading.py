"""Reading a file as a record (Y001–Y011) and where record files may be (I005).

The strict YAML reader (:mod:`iraq_ct_news.reading.yamlreader`) is the one judge of what reads and
where a problem is; it names its problems with these codes' text, because it sits below the
rules. :func:`report_reader_error` turns them into findings, and is the only place that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.errors import ReaderError
from ...models.kinds import KINDS, one_of
from .base import Stage, declare, declared

if TYPE_CHECKING:
    from ..report import FileReport

#: Read by :mod:`.catalog`: these codes are raised while a file is read, before any check.
STAGE = Stage.FILE

Y001 = declare(
    "Y001", "file is not UTF-8", "error",
    "Records are UTF-8 text without a byte-order mark. UTF-16, Latin-1 or broken bytes are "
    "refused, because a wrong decoding silently changes the Arabic text.",
    "Re-save the file as UTF-8 without BOM (in most editors: 'Save with encoding: UTF-8').",
)
Y002 = declare(
    "Y002", "YAML syntax error", "error",
    "The file is not well-formed YAML: a bad indentation, a tab used for indentation, an "
    "unclosed quote, a control character (such as NUL) in the text.",
    "Fix the YAML at the reported spot; indent with spaces only.",
)
Y003 = declare(
    "Y003", "duplicate key", "error",
    "A mapping has the same key twice. YAML loaders silently keep the last value, so the "
    "first one would be lost without a word.",
    "Delete or merge one of the two entries.",
)
Y004 = declare(
    "Y004", "anchor or alias", "error",
    "Anchors (&name) and aliases (*name) are refused: they hide content at a distance, make "
    "diffs misleading and allow expansion bombs.",
    "Write the value out in full at each place it is needed.",
)
Y005 = declare(
    "Y005", "merge key", "error",
    "The '<<' merge key is refused for the same reasons as aliases.",
    "Write the merged keys out in full.",
)
Y006 = declare(
    "Y006", "tag", "error",
    "Explicit tags (!!str, !!python/object, !custom …) are refused: records hold only JSON "
    "types, and tags are how unsafe loaders are attacked.",
    "Remove the tag; quote the value if it must be a string.",
)
Y007 = declare(
    "Y007", "not a single mapping", "error",
    "A record file holds exactly one YAML document whose top level is a mapping of field "
    "names to values. Empty files, lists and several documents are refused.",
    "Make the file one mapping (`key: value` lines at the left margin).",
)
Y008 = declare(
    "Y008", "limit exceeded", "error",
    "The file is larger, nested deeper, or holds a longer string than the reader allows "
    "(see SECURITY.md for the limits). The limits keep hostile input from exhausting "
    "memory.",
    "Split the content; a real article is far below every limit.",
)
Y009 = declare(
    "Y009", "not LF line endings", "error",
    "Records use LF line ends only. CR or CRLF line ends change the bytes (and the hash) of "
    "text that looks identical, and end up inside block scalars. NEL (U+0085), LINE "
    "SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) are refused too: YAML reads them as "
    "line breaks, git, diffs and grep do not, so they could hide a key on what a reviewer "
    "sees as one line and put every later line number off.",
    "Convert the file to LF line endings (`dos2unix FILE`, or your editor's line-ending "
    "setting); write U+0085, U+2028 or U+2029 that is content as an escape in a "
    "double-quoted string (\"\\u2028\").",
)
Y010 = declare(
    "Y010", "key is not a string", "error",
    "Mapping keys are field names and must be plain strings. `1:`, `null:`, `true:` or a "
    "complex key are refused.",
    "Use the field name from the schema.",
)
Y011 = declare(
    "Y011", "value YAML tools read differently", "error",
    "An unquoted value is a number to YAML 1.2 tools (editors checking the published JSON "
    "Schema) but text or another number to YAML 1.1 ones (PyYAML), or a number JSON cannot "
    "hold: octal `0o17`, hexadecimal `0x1F`, a leading zero (`010` is 10 or 8), a leading "
    "`+`, `.5` or `1.`, and `.inf`/`.nan` in every spelling. Keeping it as this tool reads "
    "it would give the record another value in other tools. (`~`, `Null`, `True`, `FALSE` "
    "and the like are read as null and booleans, as every YAML tool reads them.)",
    "Write the number in plain decimal as JSON does (`15`, `0.5`, `1.0`), or quote the value "
    "if it is text.",
)
I005 = declare(
    "I005", "unexpected file", "error",
    "curated/ holds only "
    + ", ".join(f"`{row.curated}/`" for row in KINDS if not row.one_file)
    + " with one `<id>.yaml` per record, and "
    + one_of([f"`{row.curated}`" for row in KINDS if row.one_file], "and") + ".",
    "Move or rename the file (records use the `.yaml` extension).",
)
READER_CODES = frozenset({Y001, Y002, Y003, Y004, Y005, Y006, Y007, Y008, Y009, Y010, Y011})


def report_reader_error(report: FileReport, error: ReaderError) -> None:
    """The finding for a file the reader refused, at the spot the reader names."""
    code = declared(error.code)
    if code not in READER_CODES:
        raise LookupError(f"the reader raised {error.code}, which is not a reading code")
    report.add(code, error.message, position=(error.line, error.column))
