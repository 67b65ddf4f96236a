"""``iraq-ct-news fmt``: rewrite record files in the one canonical layout.

The layout itself is :mod:`iraq_ct_news.store.formatting`; this module picks the files, reports
refusals as located findings, and writes atomically. Every file is formatted before any is
written, so a file that cannot be formatted stops nothing but itself, and an error while
formatting leaves the whole tree untouched.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ._options import add_root_option

if TYPE_CHECKING:
    from ..store.writer import ReadToken

#: Position in `iraq-ct-news --help`.
ORDER = 20


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "fmt",
        help="rewrite records in the canonical layout",
        description="Rewrite record files in one canonical layout: keys in schema order, one "
        "quoting rule, literal blocks for long text, a final newline. Values are never "
        "changed; a file that does not read or does not match its schema is refused (exit 1) "
        "and left as it is. Without FILE, every record under curated/ is formatted.",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE",
        help="format only these record files (default: every record under curated/)",
    )
    add_root_option(parser, "curated/")
    parser.add_argument(
        "--check", action="store_true",
        help="write nothing; list the files that would change and exit 1 if there are any",
    )
    parser.set_defaults(handler=run)


@dataclass
class _Outcome:
    relative: PurePosixPath
    display: str
    text: str | None = None
    token: ReadToken | None = None
    """What the file held when read: the write refuses a file changed since."""
    changed: bool = False
    refusals: tuple[str, ...] = ()


def run(args: argparse.Namespace) -> int:
    from ..checks.run import display_path
    from ..core.errors import UsageError
    from ..core.safeoutput import one_line
    from ..models.layout import CURATED, curated_files
    from ..store.writer import Writer

    root: Path = args.root
    if not (root / CURATED).is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    if args.files:
        targets = [relative_record(root, path) for path in args.files]
    else:
        Writer(root).refuse_linked_curated()
        targets = [source.relative for source in curated_files(root) if source.kind is not None]
    outcomes = [_format_one(root, relative) for relative in sorted(set(targets))]

    refused = [outcome for outcome in outcomes if outcome.refusals]
    changed = [outcome for outcome in outcomes if outcome.changed]
    for outcome in refused:
        for line in outcome.refusals:
            print(line)
    status = 1 if refused else 0
    if args.check:
        for outcome in changed:
            print(f"{outcome.display}: would reformat")
        print(_summary(len(changed), len(outcomes), len(refused), "would be reformatted"))
        return 1 if changed or refused else 0
    for removed in _remove_leftovers(root):
        print(f"removed {one_line(display_path(root, removed))} (left by an interrupted write)")
    written = _write(root, changed)
    for outcome in changed[:written]:
        print(f"reformatted {outcome.display}")
    if written < len(changed):
        status = 1
    sys.stdout.flush()
    print(_summary(written, len(outcomes), len(refused), "reformatted"))
    return status


def _remove_leftovers(root: Path) -> list[PurePosixPath]:
    """Delete the temporary files that writes of records killed before their rename left in
    ``curated/`` (``.<id>.yaml.XXXXXXXX.tmp``, regular files in real folders only), which would
    otherwise sit there for ever and be reported as unexpected files."""
    from ..core.fsutil import leftover_target, remove_leftover_temporaries
    from ..models.layout import curated_files

    folders: dict[PurePosixPath, set[str]] = {}
    for source in curated_files(root):
        target = leftover_target(source.relative.name)
        if source.kind is None and target is not None and target.endswith(".yaml"):
            folders.setdefault(source.relative.parent, set()).add(target)
    removed: list[PurePosixPath] = []
    for folder, targets in sorted(folders.items()):
        for path in remove_leftover_temporaries(root / folder, targets):
            removed.append(folder / path.name)
    return removed


def _write(root: Path, changed: list[_Outcome]) -> int:
    """Write each changed file through the repository's writer, only if it still holds what
    was read (an editor's save meanwhile is never reverted); stop at the first failure (a full
    disk fails the rest too). Returns how many were written; the others keep their content."""
    from ..store.writer import Writer, WriteRefused

    writer = Writer(root)
    with writer.locked():
        for count, outcome in enumerate(changed):
            assert outcome.text is not None
            try:
                writer.write_text(outcome.relative, outcome.text,
                                  expect=outcome.token)
            except (OSError, WriteRefused) as error:
                reason = error.strerror if isinstance(error, OSError) else None
                print(
                    f"{outcome.display}: cannot write ({reason or _reason(error)}); it and the "
                    f"{len(changed) - count - 1} file(s) after it are unchanged",
                    file=sys.stderr,
                )
                return count
    return len(changed)


def _reason(error: Exception) -> str:
    """The refusal's reason without the path, which the line already starts with."""
    text = str(error)
    return text.split(": ", 1)[1] if ": " in text else text


def _summary(changed: int, total: int, refused: int, verb: str) -> str:
    unchanged = total - changed - refused
    text = f"{changed} file(s) {verb}, {unchanged} unchanged"
    return text + (f", {refused} refused" if refused else "")


def _format_one(root: Path, relative: PurePosixPath) -> _Outcome:
    from ..checks.run import display_path
    from ..core.findings import Finding
    from ..core.fsutil import FileTooLarge, NotARegularFile
    from ..core.limits import MAX_FILE_BYTES
    from ..core.safeoutput import one_line
    from ..models.layout import classify
    from ..store.formatting import FormatRefused, format_record
    from ..store.writer import Writer

    # Printed at the start of lines: a line end in a file name must not make a second line.
    outcome = _Outcome(relative, one_line(display_path(root, relative)))
    kind = classify(relative)
    path = root / relative

    def refuse(code: str | None, message: str, line: int = 1, column: int = 1) -> _Outcome:
        if code is None:
            outcome.refusals += (f"{outcome.display}:{line}:{column}: {message}",)
        else:
            outcome.refusals += (Finding(outcome.display, line, column, code, message).render(),)
        return outcome

    if kind is None:  # pragma: no cover - targets are records by construction
        return refuse("I005", "not a record file")
    if path.is_symlink() or not _inside(path, root):
        return refuse("I005", "is a symbolic link or leads outside the repository; fmt does "
                      "not follow it")
    try:
        read = Writer(root).read(relative)
    except FileTooLarge as error:
        return refuse("Y008", f"file is {error.size} bytes; the limit is {MAX_FILE_BYTES} bytes")
    except NotARegularFile:
        return refuse("Y007", "not a regular file (a folder, named pipe or device)")
    except OSError as error:
        return refuse("Y007", f"cannot read the file: {error.strerror}")
    try:
        formatted = format_record(read.data, kind)
    except FormatRefused as refusal:
        for code, message, line, column in refusal.problems:
            refuse(code, message, line, column)
        return outcome
    outcome.text = formatted.text
    outcome.token = read.token
    outcome.changed = formatted.changed
    return outcome


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def relative_record(root: Path, path: Path) -> PurePosixPath:
    """``path`` (as typed by the user) relative to the repository, if it names a record file.

    The last part of the path is not resolved, so a symbolic link is named, not followed.
    """
    from ..core.errors import UsageError
    from ..core.fsutil import relative_unresolved
    from ..models.kinds import KINDS
    from ..models.layout import classify

    posix = relative_unresolved(root, path)
    if posix is None:
        raise UsageError(f"{path} is not inside the repository {root}")
    if classify(posix) is None:
        raise UsageError(f"{path} is not a record file (records are {KINDS.listing()})")
    if not (root / posix).exists() and not (root / posix).is_symlink():
        raise UsageError(f"{path} does not exist")
    return posix
