"""Curated record files read for an automatic change, and the one place such a change is written.

``migrate`` (a record of an older format brought to the current one) and ``validate --fix``
(the fixes a rule makes by itself) both read a record's data, change it, and write it back in
the canonical layout with its top comment block. They read with :func:`read_record_files`
(through the one reader of curated files, ``checks.loading.read_curated``) and
write only through :func:`write_record`, atomically, so nothing is half-written and the write
path can be changed in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.loading import read_curated
from ..checks.run import display_path
from ..core.textutil import printable
from ..models.layout import FileKind, curated_files
from .formatting import comments, render
from .writer import ReadToken, Writer, WriteRefused


@dataclass
class RecordFile:
    """One curated record as read: its data (changed in place by a step or fix) and what is
    needed to write it back."""

    root: Path
    relative: PurePosixPath
    kind: FileKind
    text: str
    """The file's text as read (to tell whether a rewrite changes it)."""
    data: dict[str, Any]
    header: list[str]
    """The comment block at the top of the file, kept on rewrite."""
    token: ReadToken
    """What the file held when it was read: the writer refuses to replace a file changed since."""
    stray_comment: tuple[int, int] | None = None
    """Line and column of the first comment below the top block, which a rewrite would lose."""

    def refusal(self) -> str | None:
        """Why this file is not rewritten (a comment below its top block would be lost), as
        the one-line message the command prints, or None when it may be rewritten. Asked only
        once a change is known: a file with such a comment is still read and checked."""
        if self.stray_comment is None:
            return None
        line, column = self.stray_comment
        return (f"{self.display}:{line}:{column}: skipped: a comment below the top comment "
                "block would be lost; move it to the top or delete it")

    @property
    def display(self) -> str:
        """How messages name the file (escaped to one line)."""
        return printable(display_path(self.root, self.relative))

    def rendered(self) -> str:
        """The record's current data in the canonical layout, with its top comment block."""
        return render(self.data, self.kind, self.header)


def read_record_files(
    root: Path, only: set[PurePosixPath] | None = None
) -> Iterator[RecordFile | str]:
    """Every record file under ``root/curated`` (or those in ``only``), read; a file that cannot
    be read as a record (a link, a file that does not read, no mapping) is given as a one-line
    message saying why it was skipped. A file with comments below its top block is read (its
    data can be checked) and says, through :meth:`RecordFile.refusal`, why it is not
    rewritten."""
    for source in curated_files(root):
        if source.kind is None or (only is not None and source.relative not in only):
            continue
        shown = printable(display_path(root, source.relative))
        path = root / source.relative
        if path.is_symlink():
            yield f"{shown}: skipped: a symbolic link is not followed"
            continue
        read = read_curated(path, source.kind, root=root, model=False)
        document = read.document
        if document is None or read.sha256 is None:
            yield f"{shown}: skipped: it does not read (`iraq-ct-news validate` says why)"
            continue
        token = ReadToken(source.relative, read.sha256)
        if not isinstance(document.data, dict):
            yield f"{shown}: skipped: not a mapping of fields"
            continue
        header, stray = comments(document.text)
        yield RecordFile(root, source.relative, source.kind, document.text, document.data, header,
                         token, stray[0] if stray else None)


def write_record(record: RecordFile, text: str) -> None:
    """Write ``text`` as ``record``'s file through the repository's writer (atomic, locked,
    refusing links and a file changed since it was read): the one write of this module's users."""
    refusal = record.refusal()
    if refusal is not None:  # every caller asks first; a caller that forgot loses nothing
        raise WriteRefused(refusal)
    writer = Writer(record.root)
    writer.write_text(record.relative, text, expect=record.token)
