"""A strict YAML reader for curated records.

Records are JSON data written as YAML, so the reader accepts exactly that and refuses what YAML
adds on top (tags, anchors, aliases, merge keys, YAML 1.1 booleans and timestamps), because each
of those either changes a value silently (``no`` → False, ``2018-04-11`` → date) or hides content.

It works on the parser's event stream (libyaml's C parser when present) rather than on a loader,
so that every refused construct is seen with its position, nothing is built before it is checked
(an alias bomb is refused at its first alias), and the line and column of every node are kept.

Most files are valid, and a valid file's positions are only needed when a later check reports
something in it. So a file whose text cannot hold a tag, an anchor or an alias is first read
through libyaml's composer (C code, about twice as fast as walking the events in Python) and
checked for everything else the event reader refuses; anything unusual sends it to the event
reader, which stays the only judge of errors. The positions of a file read the fast way are
worked out by the event reader when first asked for (see :class:`Document`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from .errors import ReaderError
from .fsutil import FileTooLarge, NotARegularFile, read_regular_file
from .limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_INTEGER, MAX_NODES, MAX_STRING_LENGTH

try:  # libyaml's parser is an order of magnitude faster; the pure one gives the same events.
    from yaml import CSafeLoader as _Loader
    from yaml._yaml import CParser as _CParser

    _HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _HAVE_LIBYAML = False

PathKey: TypeAlias = tuple[str | int, ...]
Position: TypeAlias = tuple[int, int]

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_MAX_INT_DIGITS = len(str(MAX_INTEGER))
#: First characters of every plain scalar that ``resolve_plain_scalar`` may turn into something
#: other than a string or refuse (nulls, booleans and numbers are looked up before this is
#: used): any other plain scalar is text.
_NON_STRING_STARTS = frozenset("-+.0123456789")
#: First characters of every plain scalar that may not be text at all (for the fast path).
_MAYBE_NOT_TEXT = _NON_STRING_STARTS | frozenset("~nNtTfF") | {""}
#: A tag (``!``), anchor (``&``) or alias (``*``) can only start where a node starts: after
#: whitespace, a line start or a flow indicator. A text without such a character there cannot
#: hold one, and may be read by the fast path.
_MAYBE_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},:])[!&*]")


@dataclass
class Layout:
    """Where each part of a file was written (see :class:`Document`)."""

    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    block_content_lines: dict[PathKey, int] = field(default_factory=dict)


@dataclass
class Document:
    """The data of one YAML file and where each part of it was written.

    ``positions`` maps a path such as ``("quotes", 2, "speaker")`` to the 1-based line and column
    of that value; ``key_positions`` to the line and column of the key naming it.
    ``block_content_lines`` gives, for literal block scalars (``|``), the line their first content
    line is on, so a finding about one paragraph of a body can point at that paragraph.

    The three tables are worked out from ``text`` on first use when the file was read by the
    fast path: a valid file never needs them.
    """

    data: dict[str, Any]
    text: str = ""
    """The decoded source, kept so a finding inside a block of text can name its exact column."""
    layout: Layout | None = field(default=None, repr=False, compare=False)

    @property
    def positions(self) -> dict[PathKey, Position]:
        return self._layout().positions

    @property
    def key_positions(self) -> dict[PathKey, Position]:
        return self._layout().key_positions

    @property
    def block_content_lines(self) -> dict[PathKey, int]:
        return self._layout().block_content_lines

    def _layout(self) -> Layout:
        if self.layout is None:
            self.layout = _strict_read(self.text).layout or Layout()
        return self.layout

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest written ancestor when it is absent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def locate_in_block(self, path: PathKey, offset: int) -> Position:
        """Position of code point ``offset`` inside the literal block scalar at ``path``.

        Falls back to the value's own position for other scalar styles, whose layout in the file
        does not map line by line onto the value.
        """
        first_line = self.block_content_lines.get(tuple(path))
        value = self._value_at(path)
        if first_line is None or not isinstance(value, str):
            return self.locate(path)
        starts = self._line_starts(tuple(path), value)
        line_index = bisect.bisect_right(starts, offset) - 1
        column_in_value = offset - starts[line_index]
        lines = self._lines
        target = first_line - 1 + line_index
        indent = 0
        if 0 <= target < len(lines):
            indent = len(lines[target]) - len(lines[target].lstrip(" "))
        return first_line + line_index, indent + column_in_value + 1

    def _line_starts(self, path: PathKey, value: str) -> list[int]:
        """Where each line of the block at ``path`` starts, once per block: counting line ends
        up to each finding's offset would make thousands of findings in one long body
        quadratic."""
        cache: dict[PathKey, list[int]] = self.__dict__.setdefault("_block_line_starts", {})
        starts = cache.get(path)
        if starts is None:
            starts = [0]
            position = value.find("\n")
            while position != -1:
                starts.append(position + 1)
                position = value.find("\n", position + 1)
            cache[path] = starts
        return starts

    @functools.cached_property
    def _lines(self) -> list[str]:
        """The source split into lines, once: a file with many findings inside text blocks
        would otherwise split the whole text again for each (quadratic in the file size)."""
        return self.text.split("\n")

    def _value_at(self, path: PathKey) -> Any:
        value: Any = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


def read_yaml_file(path: Path) -> Document:
    """Read one record file, refusing files over the size limit before reading them.

    Only regular files are read: a named pipe or a device under ``curated/`` would otherwise
    block the reader or feed it without end.
    """
    return read_yaml_bytes(read_record_bytes(path))


def read_record_bytes(path: Path) -> bytes:
    """The bytes of a record file, with :func:`read_yaml_file`'s refusals as reader errors."""
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


def read_yaml_bytes(raw: bytes) -> Document:
    """Decode ``raw`` as strict UTF-8 (no BOM, LF line ends) and read it as a record."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReaderError("Y008", f"file is over the limit of {MAX_FILE_BYTES} bytes")
    text = decode_utf8(raw)
    refuse_hidden_line_breaks(text)
    return read_yaml_text(text)


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


def position_of_offset(text: str, offset: int) -> Position:
    """1-based line and column of code-point ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def read_yaml_text(text: str) -> Document:
    """Read a YAML text that holds one mapping, with every node's position (found on demand)."""
    data = _fast_read(text)
    if data is not None:
        return Document(data, text)
    return _strict_read(text)


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 1-based line and column of ``text`` ("" past its end)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return ""
    row = lines[line - 1].removesuffix("\r")
    return row[column - 1] if 0 < column <= len(row) else ""


def _strict_read(text: str) -> Document:
    """The event reader: refuses what is not JSON data, with the position of the refusal."""
    builder = _Builder()
    try:
        builder.consume(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        if "nesting depth" in problem:
            # libyaml's own guard (it scans ahead of the events, so it can fire before ours).
            raise ReaderError("Y008", f"nesting is too deep ({problem})", line, column) from None
        if "cannot start any token" in problem and _char_at(text, line, column) == "\t":
            raise ReaderError(
                "Y002", "a tab character where YAML expects indentation or a value: YAML indents "
                "with spaces only; replace the tab with spaces", line, column,
            ) from None
        raise ReaderError("Y002", f"YAML syntax error: {problem}", line, column) from None
    except yaml.reader.ReaderError as error:
        line, column = position_of_offset(text, error.position)
        raise ReaderError(
            "Y002", f"character U+{error.character:04X} is not allowed in YAML", line, column
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - every parser error is one of the above
        raise ReaderError("Y002", f"YAML error: {error}") from None
    except RecursionError:  # pragma: no cover - the depth limit stops nesting long before
        raise ReaderError("Y008", "nesting is too deep") from None
    return builder.document(text)


@dataclass
class _Frame:
    """A mapping or sequence under construction."""

    value: dict[str, Any] | list[Any]
    path: PathKey
    pending_key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Builds plain Python data from parser events, refusing everything that is not JSON."""

    def __init__(self) -> None:
        self.frames: list[_Frame] = []
        self.root: dict[str, Any] | None = None
        self.documents = 0
        self.nodes = 0
        self.positions: dict[PathKey, Position] = {}
        self.key_positions: dict[PathKey, Position] = {}
        self.block_content_lines: dict[PathKey, int] = {}

    def document(self, text: str) -> Document:
        if self.root is None:
            raise ReaderError("Y007", "the file holds no record (it is empty or only comments)")
        return Document(
            self.root,
            text,
            Layout(self.positions, self.key_positions, self.block_content_lines),
        )

    def consume(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise ReaderError(
                        "Y007", "a record file holds one YAML document, not several", *_at(event)
                    )
            elif isinstance(event, yaml.AliasEvent):
                raise ReaderError("Y004", f"alias *{event.anchor} is not allowed", *_at(event))
            elif isinstance(event, yaml.NodeEvent):
                self._node(event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self._close()

    def _node(self, event: yaml.NodeEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ReaderError("Y008", f"more than {MAX_NODES} YAML nodes", *_at(event))
        if event.anchor is not None:
            raise ReaderError("Y004", f"anchor &{event.anchor} is not allowed", *_at(event))
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise ReaderError("Y006", f"tag {tag} is not allowed", *_at(event))
        parent = self.frames[-1] if self.frames else None
        if parent is not None and isinstance(parent.value, dict) and parent.pending_key is None:
            self._key(event, parent)
            return
        if isinstance(event, yaml.ScalarEvent):
            self._place(self._scalar(event), event, parent)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.frames) >= MAX_DEPTH:
                raise ReaderError(
                    "Y008", f"nesting deeper than {MAX_DEPTH} levels", *_at(event)
                )
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            path = self._place(container, event, parent)
            self.frames.append(_Frame(container, path))

    def _key(self, event: yaml.NodeEvent, parent: _Frame) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise ReaderError("Y010", "a mapping key must be a field name, not a collection", *_at(event))
        key = event.value
        if len(key) > MAX_STRING_LENGTH:
            # Quoted and explicit (``? "…"``) keys too: a key is a string like any other.
            raise ReaderError(
                "Y008", f"key of {len(key)} characters; the limit is {MAX_STRING_LENGTH}",
                *_at(event),
            )
        if event.style in (None, "") and key == "<<":
            raise ReaderError("Y005", "merge key '<<' is not allowed", *_at(event))
        if event.style in (None, "") and not isinstance(self._scalar(event), str):
            raise ReaderError(
                "Y010", f"key {key!r} is not a string (quote it if it must be)", *_at(event)
            )
        assert isinstance(parent.value, dict)
        if key in parent.key_lines:
            raise ReaderError(
                "Y003",
                f"duplicate key {key!r} (first written on line {parent.key_lines[key]})",
                *_at(event),
            )
        line, column = _at(event)
        parent.key_lines[key] = line
        parent.pending_key = key
        self.key_positions[(*parent.path, key)] = (line, column)

    def _place(self, value: Any, event: yaml.NodeEvent, parent: _Frame | None) -> PathKey:
        position = _at(event)
        if parent is None:
            if not isinstance(value, dict):
                raise ReaderError(
                    "Y007", "the top level of a record must be a mapping of fields", *position
                )
            self.root = value
            path: PathKey = ()
        elif isinstance(parent.value, dict):
            assert parent.pending_key is not None
            path = (*parent.path, parent.pending_key)
            parent.value[parent.pending_key] = value
            parent.pending_key = None
        else:
            path = (*parent.path, len(parent.value))
            parent.value.append(value)
        self.positions[path] = position
        if isinstance(event, yaml.ScalarEvent) and event.style == "|":
            self.block_content_lines[path] = position[0] + 1
        return path

    def _close(self) -> None:
        self.frames.pop()

    @staticmethod
    def _scalar(event: yaml.ScalarEvent) -> Any:
        value: str = event.value
        if len(value) > MAX_STRING_LENGTH:
            raise ReaderError(
                "Y008", f"string of {len(value)} characters; the limit is {MAX_STRING_LENGTH}",
                *_at(event),
            )
        if event.style not in (None, ""):
            return value
        return resolve_plain_scalar(value, event)


def resolve_plain_scalar(value: str, event: yaml.ScalarEvent | None = None) -> Any:
    """YAML 1.2 core's resolution of an unquoted scalar, kept only where every reader agrees.

    A record is read by this tool, by PyYAML (YAML 1.1) in users' scripts and by editors that
    check it against the published JSON Schema (YAML 1.2 core). A plain scalar must therefore
    mean one thing to all of them, or be refused (Y011) so that the author quotes it or writes
    the number plainly; nothing is kept silently as a value another tool reads differently:

    * ``null``/``Null``/``NULL``/``~``/empty are null, ``true``/``True``/``TRUE`` and the
      ``false`` spellings are booleans, decimal integers and decimal fractions are numbers, as
      in YAML 1.2 core (and 1.1);
    * an exponent without a fraction (``1e5``, ``0E0``) is a number, as YAML 1.2 core and JSON
      read it (PyYAML alone reads text there, which is why ``fmt`` writes ``100000.0``);
    * spellings 1.2 core reads as numbers that JSON cannot hold or that YAML 1.1 reads as
      another number or as text are refused (Y011): ``.inf``/``.nan`` in every spelling, octal
      ``0o17``, hexadecimal ``0x1F``, leading zeros (``010`` is 10 in 1.2, 8 in 1.1), a leading
      ``+`` and fractions without a digit on one side (``.5``, ``1.``);
    * YAML 1.1's other shorthands (``yes``/``no``/``on``/``off``, timestamps, ``1_000``,
      ``1:30``) are text, as YAML 1.2 core reads them; ``fmt`` writes them quoted, so ``fmt
      --check`` shows a file that relies on them.
    """
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if value[:1] not in _NON_STRING_STARTS:
        return value
    if _INT.fullmatch(value):
        if len(value.lstrip("-")) > _MAX_INT_DIGITS or abs(int(value)) > MAX_INTEGER:
            raise ReaderError(
                "Y008", f"integer {value[:24]}… is out of range (limit ±{MAX_INTEGER})",
                *(_at(event) if event else (1, 1)),
            )
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if number in (float("inf"), float("-inf")):
            raise ReaderError(
                "Y008", f"number {value[:24]} is out of range", *(_at(event) if event else (1, 1))
            )
        return number
    reading = _other_core_reading(value)
    if reading is not None:
        raise ReaderError(
            "Y011",
            f"unquoted {value[:24]!r} {reading}; write the number in plain decimal as JSON "
            "does (15, 0.5, 1.0), or quote the value if it is text",
            *(_at(event) if event else (1, 1)),
        )
    return value


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_CORE_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_CORE_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_CORE_OCTAL = re.compile(r"0o[0-7]+")
_CORE_HEX = re.compile(r"0x[0-9a-fA-F]+")
_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def _other_core_reading(value: str) -> str | None:
    """How YAML tools disagree about ``value``, for a number spelling JSON does not share."""
    if _CORE_INFINITY.fullmatch(value) or _CORE_NAN.fullmatch(value):
        return "is infinity or not-a-number to YAML tools, and JSON has no such number"
    if _CORE_OCTAL.fullmatch(value):
        return f"is the octal number {int(value[2:], 8)} to YAML 1.2 tools and text to YAML 1.1 ones"
    if _CORE_HEX.fullmatch(value):
        return f"is the hexadecimal number {int(value[2:], 16)}, a spelling JSON does not have"
    if _CORE_INT.fullmatch(value):
        if value.lstrip("+-").startswith("0"):
            return "has a leading zero: YAML 1.2 tools read a decimal number, YAML 1.1 ones an octal one"
        return "has a leading '+', a spelling JSON does not have"
    if _CORE_FLOAT.fullmatch(value):
        return "is a number to YAML 1.2 tools, in a spelling JSON does not have"
    return None


def _at(event: yaml.Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


# -- the fast path ------------------------------------------------------------------------------


class _Fallback(Exception):
    """The fast path met something only the event reader may judge."""


_PLAIN = "plain"
_QUOTED = "quoted"
_COLLECTION = "collection"
_TAGGED = "!"

if _HAVE_LIBYAML:

    class _Composer(_CParser):
        """libyaml's composer with a resolver that only records how each node was written.

        Explicit tags keep their own tag (anything else than the markers below); a collection
        with the non-specific tag ``!`` is passed ``implicit=False``. (A scalar with ``!`` looks
        untagged here, which is why texts that may hold a ``!`` never reach this composer.)
        """

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if isinstance(implicit, tuple):
                if implicit[0]:
                    return _PLAIN
                return _QUOTED if implicit[1] else _TAGGED
            return _COLLECTION if implicit else _TAGGED

        def descend_resolver(self, parent: Any, index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


def _fast_read(text: str) -> dict[str, Any] | None:
    """The data of ``text`` when it is certainly a valid record file, else None.

    None never means an error: the caller then reads the text with the event reader, which
    finds and locates the problem (or accepts the file after all).
    """
    if not _HAVE_LIBYAML:
        return None
    if ("!" in text or "&" in text or "*" in text) and _MAYBE_NODE_PROPERTY.search(text):
        return None
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        if node is None or node.tag != _COLLECTION or not isinstance(node, yaml.MappingNode):
            return None
        counter = [0]
        data = _convert(node, 0, counter)
    except Exception:  # noqa: BLE001 - every problem is the event reader's to report
        return None
    finally:
        composer.dispose()
    assert isinstance(data, dict)
    return data


def _convert(node: yaml.Node, depth: int, counter: list[int]) -> Any:
    """Plain data of ``node``, applying every check of the event reader (or giving up)."""
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _Fallback
    tag = node.tag
    if tag == _PLAIN or tag == _QUOTED:
        value: str = node.value
        if len(value) > MAX_STRING_LENGTH:
            raise _Fallback
        if tag == _QUOTED or value[:1] not in _MAYBE_NOT_TEXT:
            return value
        return resolve_plain_scalar(value)
    if tag != _COLLECTION or depth >= MAX_DEPTH:
        raise _Fallback
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            counter[0] += 1
            key_tag = key_node.tag
            if key_tag == _PLAIN:
                key = key_node.value
                if key == "<<" or len(key) > MAX_STRING_LENGTH:
                    raise _Fallback
                if key[:1] in _MAYBE_NOT_TEXT and not isinstance(resolve_plain_scalar(key), str):
                    raise _Fallback
            elif key_tag == _QUOTED and isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if len(key) > MAX_STRING_LENGTH:
                    raise _Fallback
            else:
                raise _Fallback
            if key in mapping:
                raise _Fallback
            mapping[key] = _convert(value_node, depth + 1, counter)
        return mapping
    return [_convert(item, depth + 1, counter) for item in node.value]
