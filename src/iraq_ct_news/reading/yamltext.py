"""From a record file's bytes to the text the YAML parser reads.

A record file is strict UTF-8 without a byte-order mark, with LF line ends only, and within the
size limit; everything else is refused here, with its position, before YAML sees it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import ReaderError
from ..core.fsutil import FileTooLarge, NotARegularFile, read_regular_file
from ..core.limits import MAX_FILE_BYTES
from .yamldocument import position_of_offset


def read_record_bytes(path: Path) -> bytes:
    """The bytes of a record file, refusing (as reader errors) a file over the size limit
    before reading it, and anything but a regular file: a named pipe or a device under
    ``curated/`` would otherwise block the reader or feed it without end."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except FileTooLarge as error:
        raise ReaderError(
            "Y008", f"file is {error.size} bytes; the limit is {MAX_FILE_BYTES} bytes"
        ) from None
    except NotARegularFile:
        raise ReaderError(
            "Y007", "not a regular file (a folder, named pipe or device); records are files"
        ) from None
    except OSError as error:
        raise ReaderError("Y007", f"cannot read the file: {error.strerror}") from None


#: Characters YAML reads as line breaks besides LF: CR, and NEL, LS and PS, which git, GitHub's
#: diff and grep do not see as line breaks at all.
_OTHER_LINE_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_LINE_BREAK_NAMES = {
    "\r": "carriage return (CR or CRLF line end)",
    "\x85": "NEXT LINE (U+0085)",
    "\u2028": "LINE SEPARATOR (U+2028)",
    "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
}


def refuse_hidden_line_breaks(text: str) -> None:
    """Refuse every line break but LF (Y009), so that a file has the lines git shows.

    YAML breaks lines at CR, NEL, LS and PS too; git and a reviewer's diff do not. Accepting
    them would let a pull request hide a key on what looks like the end of another line, and put
    every later finding's line number off against ``grep -n``. In a double-quoted string the
    character can still be written as an escape (``"\\u2028"``).
    """
    found = _OTHER_LINE_BREAKS.search(text)
    if found is None:
        return
    line, column = position_of_offset(text, found.start())
    name = _LINE_BREAK_NAMES[found.group()]
    advice = (
        "records use LF line ends"
        if found.group() == "\r"
        else "YAML reads it as a line break that git and diffs do not show; records use LF "
        'line ends only (write it as "\\u%04x" in a double-quoted string if it is content)'
        % ord(found.group())
    )
    raise ReaderError("Y009", f"{name}; {advice}", line, column)


def decode_utf8(raw: bytes) -> str:
    """Strict UTF-8 decoding with a located error, refusing BOMs and UTF-16/32."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ReaderError("Y001", "file starts with a UTF-8 byte-order mark; save it without BOM")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise ReaderError("Y001", "file is UTF-32 (it has a UTF-32 byte-order mark); save as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReaderError("Y001", "file is UTF-16 (it has a UTF-16 byte-order mark); save as UTF-8")
    if b"\x00" in raw[:4]:
        # UTF-16 or UTF-32 without a byte-order mark: ASCII text with NUL bytes between the
        # letters is valid UTF-8, and would otherwise be reported as a stray control character.
        raise ReaderError(
            "Y001", "file looks like UTF-16 or UTF-32 (NUL bytes at its start); save as UTF-8"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = raw[: error.start].decode("utf-8", errors="replace")
        line, column = position_of_offset(prefix, len(prefix))
        raise ReaderError(
            "Y001",
            f"invalid UTF-8 byte 0x{raw[error.start]:02x} (is the file UTF-8?)",
            line,
            column,
        ) from None
