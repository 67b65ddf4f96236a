"""The one writer of every file the tools write inside a repository.

Records, vocabularies, ``seeds/SHA256SUMS``, ``schema/``, ``dataset/`` and the default
``view/`` are all written here, so each guarantee holds for every command at once:

* **atomic**: a temporary file beside the target, flushed, renamed over it; a kill leaves the
  old file and a ``.NAME.XXXXXXXX.tmp`` leftover, which the next write into that folder removes
  (and ``validate`` reports until then);
* **no links**: every part of the path below the root, and the file itself, is checked before
  anything is written, and folders are created one at a time, each checked;
* **nothing lost**: a record rewritten from a document keeps its top comment block, refuses a
  comment anywhere else, and refuses to drop or replace any value a person wrote (placeholders
  and empty values excepted, and the fields the caller names, such as ``bump``'s ``revision``);
* **no stale overwrite**: given the :class:`ReadToken` of what was read, the write refuses when
  the file on disk is no longer those bytes when the rename is about to happen;
* **one at a time**: every write holds the repository's lock (:mod:`.lock`).

Adopting it is one line: ``Writer(root).write_text("curated/x.yaml", text, expect=token)``.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.loading import read_curated
from ..checks.report import format_path
from ..core import fsutil
from ..core.errors import IraqCtNewsError, ReaderError
from ..core.fsutil import (
    LinkedPath,
    read_regular_file,
    refuse_links,
    relative_unresolved,
    remove_leftover_temporaries,
)
from ..core.limits import MAX_FILE_BYTES
from ..core.textutil import printable
from ..models.field_types import is_placeholder
from ..models.layout import classify, curated_files
from ..reading.yamlreader import Document, PathKey
from .formatting import comments, render
from .lock import tree_lock


class WriteRefused(IraqCtNewsError):
    """A write that would lose or overwrite something; nothing was written."""


@dataclass(frozen=True)
class ReadToken:
    """What a file held when it was read: its digest (None: there was no file)."""

    relative: PurePosixPath
    sha256: str | None


@dataclass(frozen=True)
class ReadFile:
    data: bytes
    token: ReadToken


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Writer:
    """Writes files below ``root`` (a repository, or a folder the user chose for output)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- reading, for a later write -----------------------------------------------------------

    def read(self, relative: str | PurePosixPath, max_bytes: int = MAX_FILE_BYTES) -> ReadFile:
        """The bytes of a file of the tree (never through a link) and its token."""
        relative = PurePosixPath(relative)
        data = read_regular_file(self.root / relative, max_bytes, root=self.root)
        return ReadFile(data, ReadToken(relative, _digest(data)))

    def read_document(self, relative: str | PurePosixPath) -> tuple[Document, ReadToken]:
        """A curated file of the tree, read by the one reader of curated files (never through
        a link), for a later write; a reading error names the file."""
        relative = PurePosixPath(relative)
        kind = classify(relative)
        if kind is None:
            raise WriteRefused(f"{self.display(relative)} is not a curated record file")
        read = read_curated(self.root / relative, kind, root=self.root, model=False)
        if read.unreadable is not None:
            raise read.unreadable
        if read.problem is not None or read.document is None:
            error = read.problem or ReaderError("Y007", "cannot read the file")
            raise WriteRefused(
                f"{self.display(relative)}:{error.line}:{error.column}: {error.code} "
                f"{error.message}"
            )
        return read.document, ReadToken(relative, read.sha256)

    def token(self, relative: str | PurePosixPath) -> ReadToken:
        """The token of the file as it is now (its digest, or None when there is none)."""
        relative = PurePosixPath(relative)
        try:
            return self.read(relative, 1 << 40).token
        except FileNotFoundError:
            return ReadToken(relative, None)

    def relative(self, path: Path) -> PurePosixPath:
        """``path`` (absolute, or as typed from the working folder) relative to the root; the
        last part is not resolved, so a link there is named, not followed."""
        absolute = path if path.is_absolute() else Path.cwd() / path
        # As written first: a path that names a place below the root is that place, even when
        # a folder on the way is a link leading out (resolving it first would call the file
        # "outside the repository" and read or write it through the link).
        for base in (self.root if self.root.is_absolute() else Path.cwd() / self.root,
                     self.root.resolve()):
            try:
                inside = Path(os.path.normpath(absolute)).relative_to(os.path.normpath(base))
            except ValueError:
                continue
            if ".." not in inside.parts:
                return PurePosixPath(inside.as_posix())
        unresolved = relative_unresolved(self.root, path)
        if unresolved is None:
            raise WriteRefused(f"{path} is not inside the repository {self.root}")
        return unresolved

    def display(self, relative: str | PurePosixPath) -> str:
        return printable((self.root / PurePosixPath(relative)).as_posix())

    # -- writing ------------------------------------------------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the repository's write lock (re-entrant) across a read-modify-write."""
        with tree_lock(self.root):
            yield

    def write_bytes(
        self, relative: str | PurePosixPath, data: bytes, *, expect: ReadToken | None = None
    ) -> None:
        """Replace (or create) the file atomically; with ``expect``, only if it still holds
        what was read."""
        relative = PurePosixPath(relative)
        path = self.root / relative
        with self.locked():
            self._prepare_folder(relative.parent)
            self.clean_leftovers(relative.parent, {relative.name})
            self._check_unchanged(relative, expect)
            fsutil.write_atomic(path, data, root=self.root, before_rename=lambda: self._check_unchanged(
                relative, expect))

    def write_text(
        self, relative: str | PurePosixPath, text: str, *, expect: ReadToken | None = None
    ) -> None:
        self.write_bytes(relative, text.encode("utf-8"), expect=expect)

    def refuse_linked_curated(self) -> None:
        """Refuse, before a command that rewrites records reads any, a curated tree with a
        link where records are (a folder, or a record file): the records behind it would be
        neither read nor written, and the command would report the tree as done."""
        linked = [source.relative.as_posix() for source in curated_files(self.root)
                  if source.kind is None and _hides_records(self.root, source.relative)]
        if linked:
            shown = ", ".join(printable(relative) for relative in linked[:5])
            more = f" and {len(linked) - 5} more" if len(linked) > 5 else ""
            raise WriteRefused(
                f"{shown}{more}: is a symbolic link; nothing in the repository is read or "
                "written through a link (replace it by the real file or folder)"
            )

    def check_writable(self, relative: str | PurePosixPath) -> None:
        """Refuse now, before a plan of several writes starts, what a write of ``relative``
        would refuse for links (a part of the way, or the file itself)."""
        refuse_links(self.root, self.root / PurePosixPath(relative))

    def write_path(self, path: Path, data: bytes) -> None:
        """:meth:`write_bytes` for a path below the root given whole (``root/schema/x.json``)."""
        self.write_bytes(PurePosixPath(path.relative_to(self.root).as_posix()), data)

    def create(self, relative: str | PurePosixPath, data: bytes) -> bool:
        """Create the file, complete or not at all; False (nothing written) when it exists."""
        relative = PurePosixPath(relative)
        with self.locked():
            self._prepare_folder(relative.parent)
            self.clean_leftovers(relative.parent, {relative.name})
            try:
                fsutil.create_new_file(self.root / relative, data, root=self.root)
            except FileExistsError:
                return False
        return True

    def write_record(
        self,
        relative: str | PurePosixPath,
        data: Any,
        kind: str,
        *,
        original: Document,
        expect: ReadToken | None,
        may_change: Collection[PathKey] = (),
    ) -> None:
        """Rewrite a record (or vocabulary) from ``data`` in the canonical layout.

        Refuses, naming the place, when the file has a comment below its top comment block, or
        when ``data`` drops or replaces a value of ``original`` that a person wrote (paths in
        ``may_change`` excepted); list items may be added, never removed or reordered.
        """
        text = self.record_text(relative, data, kind, original=original, may_change=may_change)
        self.write_text(relative, text, expect=expect)

    def record_text(
        self,
        relative: str | PurePosixPath,
        data: Any,
        kind: str,
        *,
        original: Document,
        may_change: Collection[PathKey] = (),
    ) -> str:
        """The canonical text :meth:`write_record` would write, with its refusals, writing
        nothing (to check a record before writing the files that go with it)."""
        display = self.display(relative)
        header, stray = comments(original.text)
        if stray:
            line, column = stray[0]
            raise WriteRefused(
                f"{display}:{line}:{column}: a comment below the top comment block would be "
                "lost; move it to the top of the file or delete it, then run the command again"
            )
        lost = lost_value(original.data, data, (), frozenset(may_change))
        if lost is not None:
            line, column = original.locate(lost)
            raise WriteRefused(
                f"{display}:{line}:{column}: {format_path(lost)} holds what a person wrote, "
                "which this write would replace; nothing was written (write it as the record "
                "model expects, e.g. a list item `- ` under a list field, then run the command "
                "again)"
            )
        return render(data, kind, header)  # type: ignore[arg-type]

    def clean_leftovers(
        self, folder: str | PurePosixPath, targets: set[str] | None = None
    ) -> list[Path]:
        """Remove what killed writes left in ``folder`` (regular files, never through a link)."""
        path = self.root / PurePosixPath(folder)
        try:
            refuse_links(self.root, path)
        except LinkedPath:
            return []
        return remove_leftover_temporaries(path, targets)

    # -- checks -------------------------------------------------------------------------------

    def _prepare_folder(self, folder: PurePosixPath) -> None:
        """Create ``folder`` below the root one part at a time, refusing any part that is a
        link (or not a folder)."""
        current = self.root
        for part in folder.parts:
            current = current / part
            try:
                mode = os.lstat(current).st_mode
            except FileNotFoundError:
                os.mkdir(current)
                mode = os.lstat(current).st_mode
            if stat.S_ISLNK(mode):
                raise LinkedPath(current)
            if not stat.S_ISDIR(mode):
                raise WriteRefused(f"{self.display(folder)}: {current} is not a folder")

    def _check_unchanged(self, relative: PurePosixPath, expect: ReadToken | None) -> None:
        if expect is None:
            return
        now = self.token(relative).sha256
        if now != expect.sha256:
            raise WriteRefused(
                f"{self.display(relative)}: the file changed on disk since it was read (an "
                "editor's save?); nothing was written, run the command again"
            )


def _hides_records(root: Path, relative: PurePosixPath) -> bool:
    """Whether a listed entry is a link standing where records are (a folder, or a file named
    like a record); a stray link elsewhere hides none, and ``validate`` reports it."""
    path = root / relative
    return path.is_symlink() and (path.is_dir() or classify(relative) is not None)


def _unwritten(value: Any) -> bool:
    """A value no person wrote: null, an empty list or mapping, a ``TODO`` placeholder."""
    if value is None or value == [] or value == {}:
        return True
    return isinstance(value, str) and is_placeholder(value)


def lost_value(old: Any, new: Any, path: PathKey, may_change: frozenset[PathKey]) -> PathKey | None:
    """The path of the first value of ``old`` a person wrote that ``new`` drops or replaces.

    Mappings keep every written key; lists keep every item in order (others may be added
    between them); other values stay equal, type included (``True`` is not ``1``).
    """
    if path in may_change or _unwritten(old):
        return None
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return path
        for key, value in old.items():
            if key not in new:
                if _unwritten(value) or (*path, key) in may_change:
                    continue
                return (*path, key)
            lost = lost_value(value, new[key], (*path, key), may_change)
            if lost is not None:
                return lost
        return None
    if isinstance(old, list):
        if not isinstance(new, list):
            return path
        position = 0
        for index, item in enumerate(old):
            while position < len(new) and not _same(new[position], item):
                position += 1
            if position == len(new):
                return (*path, index)
            position += 1
        return None
    return None if _same(old, new) else path


def _same(first: Any, second: Any) -> bool:
    if type(first) is not type(second):
        return False
    if isinstance(first, dict):
        return first.keys() == second.keys() and all(_same(v, second[k]) for k, v in first.items())
    if isinstance(first, list):
        return len(first) == len(second) and all(map(_same, first, second))
    return bool(first == second)
