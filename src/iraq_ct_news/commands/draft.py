"""``iraq-ct-news draft``: propose an article's annotations; with ``--write``, add them to the
record marked ``proposed: true`` for a person to confirm (the work is in :mod:`iraq_ct_news.curation.draft`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`: right after `new`.
ORDER = 6


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "draft",
        help="propose mentions, quotes, amounts, dates and events for an article record",
        description="Propose every annotation the article record FILE does not have yet: every "
        "occurrence of every registry name (through proclitics, pinned unambiguously), names the "
        "registries lack with the closest existing records, quotes with speaker and delivery, "
        "amounts, resolutions, figures, the publication date from the seed's date line, relative "
        "dates and event skeletons with CAMEO codes. Nothing is written without --write; with "
        "it, each proposal is added marked `proposed: true`, which `validate` reports until a "
        "person confirms it (deletes the mark) or deletes the item.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="an article record in curated/articles/")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text",
        help="text for people (default), json for tools: offsets as the release computes them",
    )
    parser.add_argument(
        "--write", action="store_true",
        help="merge the proposals into FILE, each marked proposed (what is there stays as it is)",
    )
    parser.add_argument(
        "--stubs", action="store_true",
        help="with --write: also add a registry stub (placeholders, marked proposed) for each "
        "new entity, and mention it",
    )
    add_root_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import UsageError
    from ..curation.draft.registry_cache import cached_registry
    from ..curation.draft.render import dumps, to_json, to_text
    from ..curation.draft.run import draft_file, read_seed_text
    from ..curation.draft.settle import settle
    from ..curation.draft.write import write_draft

    root: Path = args.root
    path: Path = args.file
    if args.stubs and not args.write:
        raise UsageError("--stubs works with --write")
    if not path.is_file() and (root / path).is_file():
        path = root / path
    if not path.is_file():
        raise UsageError(f"{args.file} is not a file; give an article record, e.g. "
                         "curated/articles/<id>.yaml")
    expect = _check_record(root, path, args.file.as_posix())
    registry = cached_registry(root)
    stream = sys.stderr if args.format == "json" else sys.stdout
    for finding in registry.findings:  # a registry record left out of the names: said
        print(f"{finding.render()} (not a source of names until it reads)", file=stream)
    drafted = draft_file(root, path, registry)
    draft = settle(drafted.draft, stubs=args.stubs)  # what is printed is what --write writes
    display = args.file.as_posix()
    if args.format == "json":
        seed = read_seed_text(root, drafted.document.data)
        print(dumps(to_json(draft, seed)))
    else:
        print(to_text(draft, display))
    if args.write:
        written = write_draft(root, path, drafted.document, drafted.texts, draft,
                              stubs=args.stubs, expect=expect)
        summary = ", ".join(f"{count} {group}" for group, count in written.added.items()) or "nothing"
        message = f"wrote {display}: added {summary}, each marked proposed"
        if written.stubs:
            message += f"; stubs {', '.join(written.stubs)}"
        if written.cameo_codes:
            message += f"; CAMEO codes {', '.join(written.cameo_codes)} added to cameo.yaml"
        print(message, file=stream)
        for skipped in written.skipped:
            print(f"not written: {skipped}", file=stream)
    return 0


def _check_record(root: Path, path: Path, display: str) -> Any:
    """Read the record through the repository's store before drafting: a link is refused, a
    file that does not read or holds a value of the wrong shape (``entity: [x]``,
    ``occurrence: 'two'``) is one located line per problem, never a traceback. Returns the
    token the write compares the file with before it renames.

    An article is read once here, by the store's one reader of curated files (a reading error
    is left to the draft, which reports it with the file's location)."""
    from pathlib import PurePosixPath

    from ..core.errors import DraftError
    from ..core.fsutil import LinkedPath
    from ..models.layout import classify
    from ..store.repository import StoredRecord, read_record
    from ..store.writer import Writer, WriteRefused

    writer = Writer(root)
    try:
        relative = writer.relative(path)
    except WriteRefused:
        return None  # outside the repository: drafted, and written as before
    kind = classify(PurePosixPath(relative))
    if kind != "article":
        try:
            return writer.read(relative).token
        except LinkedPath as error:
            raise DraftError(f"{display}: {error.strerror}") from None
    read = read_record(root, PurePosixPath(relative), "article", display=display)
    if isinstance(read, StoredRecord):
        return read.token
    if not all(finding.code.startswith("Y") for finding in read):
        raise DraftError("\n".join(finding.render() for finding in read))
    return writer.token(relative)
