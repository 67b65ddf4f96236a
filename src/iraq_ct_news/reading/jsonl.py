"""JSON Lines: one complete record per line, the form ``load()`` reads back.

Writing uses pydantic's own serialiser (field order as in the models, UTF-8, no ``\\u``
escapes), so the bytes are the same on every run. Reading goes line by line through
``model_validate_json`` — pydantic-core parses the JSON itself, with no intermediate Python
dicts — which keeps memory flat and time linear at tens of thousands of records.

Articles are most of a release and most programs use a few of them, so ``load()`` reads them
into a :class:`LazyRecords` mapping: every line is read and indexed by its id at once, and a
line becomes an (immutable, fully validated) model the first time it is asked for.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel

from ..core.errors import BuildError
from ..core.fsutil import FileTooLarge, LinkedPath, NotARegularFile, open_regular_file
from ..core.gcpause import bulk_allocation
from ..core.limits import MAX_RELEASE_FILE_BYTES, MAX_RELEASE_LINE_BYTES, MAX_RELEASE_VALUES
from . import legacy

__all__ = ["LazyRecords", "read_jsonl", "read_lazy", "render_jsonl"]

M = TypeVar("M", bound=BaseModel)


def render_jsonl(records: Iterable[BaseModel]) -> bytes:
    """One compact JSON object per line, LF-terminated."""
    return b"".join(record.__pydantic_serializer__.to_json(record) + b"\n" for record in records)


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Every record in ``path``, validated as ``model``; a bad line raises :class:`BuildError`."""
    records: list[M] = []
    with bulk_allocation():
        for number, line in numbered_lines(path):
            if not line.isspace():
                records.append(_validate(path, number, line, model))
    return records


def numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The numbered lines of the release file ``path``, read within the limits.

    A release folder can come from anywhere (``diff`` and ``show --path`` read pull requests'
    releases), so a file is read only if it is a regular file inside the folder, not a
    symbolic link (``build`` writes none; a link to ``/dev/zero`` or to a file elsewhere is
    refused without opening what it points at), no named pipe (refused without waiting), of
    at most ``MAX_RELEASE_FILE_BYTES``, and a line only up to ``MAX_RELEASE_LINE_BYTES``.
    """
    try:
        with open_regular_file(path, MAX_RELEASE_FILE_BYTES, follow_links=False) as stream:
            number = 0
            while True:
                line = stream.readline(MAX_RELEASE_LINE_BYTES + 1)
                if not line:
                    return
                number += 1
                if len(line) > MAX_RELEASE_LINE_BYTES:
                    raise BuildError(
                        f"{path}:{number}: line longer than {MAX_RELEASE_LINE_BYTES:,} bytes; "
                        "this is not a release file"
                    )
                yield number, line
    except FileNotFoundError:
        raise BuildError(f"{path} does not exist (is this a release folder?)") from None
    except LinkedPath:
        raise BuildError(
            f"{path} is a symbolic link; a release holds real files (not followed)"
        ) from None
    except NotARegularFile:
        raise BuildError(
            f"{path} is not a regular file (a folder, named pipe or device); not read"
        ) from None
    except FileTooLarge as error:
        raise BuildError(
            f"{path} is {error.size:,} bytes; a release file is at most "
            f"{MAX_RELEASE_FILE_BYTES:,} bytes"
        ) from None
    except OSError as error:
        raise BuildError(f"{path} cannot be read: {error.strerror or error}") from None


def _validate(path: Path, number: int, line: bytes, model: type[M]) -> M:
    if too_many_values(line):
        raise BuildError(f"{path}:{number}: {_TOO_MANY_VALUES}")
    try:
        return model.model_validate_json(line)
    except pydantic.ValidationError as error:
        # Checked only here, off the fast path: pydantic's parser has its own depth limit.
        if too_deep(line):
            raise BuildError(
                f"{path}:{number}: nested deeper than {MAX_RELEASE_DEPTH} levels; this is not "
                "a release file"
            ) from None
        earlier = _as_earlier_format(line, model)
        if earlier is not None:
            return earlier
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BuildError(
            f"{path}:{number}: not a valid {model.__name__} record ({where}: {first['msg']})"
        ) from None


#: How deep a release line may nest. A record nests 5 levels; ``json.loads`` recurses once per
#: level, so a line nested 50,000 deep would end in ``RecursionError`` instead of a message.
MAX_RELEASE_DEPTH = 64
#: A JSON string; one left open runs to the end of the line (JSON reads it so, and the
#: parser reports it), so that a match never fails: a failed match at each of 20,000 open
#: quotes (``\\"`` repeated) made the search start again at each, 7 s for a 40 KB line.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*(?:"|\\?\Z)', re.DOTALL)
#: An opening bracket as 2, a closing one as 0: the running sum less the brackets read is the
#: level.
_LEVELS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")
_NOT_BRACKET = bytes(set(range(256)) - set(b"[]{}"))


def too_deep(line: bytes, limit: int = MAX_RELEASE_DEPTH) -> bool:
    """Whether the JSON text ``line`` nests deeper than ``limit`` levels.

    Without recursion and in C loops: strings are dropped, then only brackets are kept, each
    opening one as 2 and each closing one as 0, and the deepest level is the largest running
    sum less the brackets read (one pass, whatever the nesting). Removing the innermost pairs
    once per level took ``limit`` passes over a line of many nests just under the limit (6.3 s
    for a 16 MiB line of 60-deep lists). Brackets that never close count as levels, as the
    parser would open each before it fails (``[`` × 100,000 is too deep, not a
    ``RecursionError`` in ``json.loads``); a closing bracket of the other kind is counted as
    closing, and the parser stops at it, no deeper than counted. (Other malformed JSON is left
    to the parser.)
    """
    if line.count(b"[") + line.count(b"{") <= limit:
        return False
    brackets = _STRING.sub(b"", line).translate(None, _NOT_BRACKET).translate(_LEVELS)
    running = itertools.accumulate(brackets)
    return max(map(operator.sub, running, itertools.count(1)), default=0) > limit


def too_many_values(line: bytes, limit: int = MAX_RELEASE_VALUES) -> bool:
    """Whether the JSON text ``line`` holds more than ``limit`` values (its commas and opening
    brackets outside strings): a few C passes, and none for a line shorter than ``limit``
    bytes, which cannot hold that many."""
    if len(line) <= limit:
        return False
    if line.count(b",") + line.count(b"[") + line.count(b"{") <= limit:
        return False
    kept = _STRING.sub(b"", line)
    return kept.count(b",") + kept.count(b"[") + kept.count(b"{") > limit


_TOO_MANY_VALUES = f"more than {MAX_RELEASE_VALUES:,} values on one line; this is not a release file"


def loads(line: bytes, where: str = "a release line") -> Any:
    """``json.loads`` of a release line within the depth and value limits; :class:`BuildError`
    beyond."""
    if too_many_values(line):
        raise BuildError(f"{where}: {_TOO_MANY_VALUES}")
    if too_deep(line):
        raise BuildError(
            f"{where}: nested deeper than {MAX_RELEASE_DEPTH} levels; this is not a release file"
        )
    return json.loads(line)


def _as_earlier_format(line: bytes, model: type[M]) -> M | None:
    """The record of a line an earlier release wrote (see :mod:`.legacy`), or None. The caller,
    :func:`_validate`, has already refused a line nested too deep for ``json.loads``."""
    try:
        upgraded = legacy.upgrade(model, json.loads(line))
        if upgraded is None:
            return None
        return model.model_validate_json(json.dumps(upgraded, ensure_ascii=False))
    except (ValueError, pydantic.ValidationError):
        return None


#: The start of every line ``render_jsonl`` writes for a versioned record: its id is the
#: second field. (A line written otherwise is parsed as JSON to find its id.)
_ID_AT_START = re.compile(rb'\{"schema_version":"[0-9.]*","id":"([a-z0-9-]+)",')


def read_lazy(path: Path, model: type[M]) -> LazyRecords[M]:
    """The records of ``path`` by id, each validated as ``model`` when first asked for.

    Reading checks that every line holds an object with a string ``id`` (a line that does not
    raises :class:`BuildError` naming it); the rest of a line is checked when it becomes a
    model, with the same error.
    """
    lines: dict[str, tuple[int, bytes]] = {}
    for number, line in numbered_lines(path):
        if line.isspace():
            continue
        match = _ID_AT_START.match(line)
        record_id = match.group(1).decode("ascii") if match else _id_of(path, number, line, model)
        lines.pop(record_id, None)  # a repeated id: the last line wins, as in a dict
        lines[record_id] = (number, line)
    return LazyRecords(path, model, lines)


def _id_of(path: Path, number: int, line: bytes, model: type[BaseModel]) -> str:
    try:
        value = loads(line, f"{path}:{number}")
    except ValueError:
        value = None
    record_id = value.get("id") if isinstance(value, dict) else None
    if not isinstance(record_id, str):
        raise BuildError(f"{path}:{number}: not a valid {model.__name__} record (no id)")
    return record_id


class LazyRecords(Mapping[str, M]):
    """A read-only mapping of id to record whose records are made on first access.

    Each line is validated into its model once (the same object is returned after that) and the
    line is then dropped. Asking for every value at once (``values()``, ``items()``) makes the
    missing ones in one pass with the garbage collector paused, which keeps that linear.
    Safe to share between threads.
    """

    def __init__(self, path: Path, model: type[M], lines: dict[str, tuple[int, bytes]]) -> None:
        self._path = path
        self._model = model
        self._order = list(lines)
        self._lines = lines
        self._made: dict[str, M] = {}
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> M:
        made = self._made.get(key)
        if made is not None:
            return made
        with self._lock:
            made = self._made.get(key)
            if made is not None:
                return made
            number, line = self._lines[key]
            record = _validate(self._path, number, line, self._model)
            if getattr(record, "id", key) != key:
                raise BuildError(f"{self._path}:{number}: the record's id is not {key!r}")
            self._made[key] = record
            del self._lines[key]
            return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._made or key in self._lines

    def __repr__(self) -> str:
        made = len(self._made)
        return f"<{type(self).__name__} of {len(self)} {self._model.__name__} ({made} made)>"

    def materialize(self) -> None:
        """Make every record that is not made yet."""
        if not self._lines:
            return
        with bulk_allocation():
            for key in list(self._lines):
                self[key]

    def values(self) -> Any:
        self.materialize()
        return super().values()

    def items(self) -> Any:
        self.materialize()
        return super().items()
