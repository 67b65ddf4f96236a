"""A strict YAML reader for curated records.

Records are JSON data written as YAML, so the reader accepts exactly that and refuses what YAML
adds on top (tags, anchors, aliases, merge keys, YAML 1.1 booleans and timestamps), because each
of those either changes a value silently (``no`` → False, ``2018-04-11`` → date) or hides content.

This module is the reader's front door; each step has a module of its own:

* :mod:`.yamltext` — a file's bytes to text (size limit, strict UTF-8, LF line ends only);
* :mod:`.yamlfast` — the fast path: a text that cannot hold a tag, an anchor or an alias read by
  libyaml's composer, giving up (never failing) at anything unusual;
* :mod:`.yamlevents` — the event reader, the only judge of errors, with every node's position;
* :mod:`.yamlscalars` — what an unquoted scalar means (shared by both readers and ``fmt``);
* :mod:`.yamldocument` — the :class:`Document` read, whose positions a file read the fast way
  has worked out by the event reader when first asked for.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ReaderError
from ..core.limits import MAX_FILE_BYTES
from .yamldocument import Document, Layout, PathKey, Position, position_of_offset
from .yamlevents import layout_of, strict_read
from .yamlfast import fast_read
from .yamlscalars import resolve_plain_scalar
from .yamltext import decode_utf8, read_record_bytes, refuse_hidden_line_breaks

__all__ = [
    "Document", "Layout", "PathKey", "Position", "decode_utf8", "position_of_offset",
    "read_record_bytes", "read_yaml_bytes", "read_yaml_file", "read_yaml_text",
    "refuse_hidden_line_breaks", "resolve_plain_scalar",
]


def read_yaml_file(path: Path) -> Document:
    """Read one record file, refusing files over the size limit before reading them.

    Only regular files are read: a named pipe or a device under ``curated/`` would otherwise
    block the reader or feed it without end.
    """
    return read_yaml_bytes(read_record_bytes(path))


def read_yaml_bytes(raw: bytes) -> Document:
    """Decode ``raw`` as strict UTF-8 (no BOM, LF line ends) and read it as a record."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReaderError("Y008", f"file is over the limit of {MAX_FILE_BYTES} bytes")
    text = decode_utf8(raw)
    refuse_hidden_line_breaks(text)
    return read_yaml_text(text)


def read_yaml_text(text: str) -> Document:
    """Read a YAML text that holds one mapping, with every node's position (found on demand)."""
    data = fast_read(text)
    if data is not None:
        return Document(data, text, find_layout=layout_of)
    return strict_read(text)
