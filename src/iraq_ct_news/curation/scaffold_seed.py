"""The seed a scaffold is made from: where it must lie, that it is not curated yet, and its line
in ``seeds/SHA256SUMS`` (the list of frozen seeds the test suite checks).

A seed whose bytes differ from the hash already listed is refused, since seeds are never edited.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..core.errors import UsageError
from ..core.fsutil import FileTooLarge, LinkedPath, NotARegularFile, read_regular_file
from ..core.limits import MAX_FILE_BYTES
from ..models.field_types import SEED_NAME_PATTERN
from ..models.layout import SEEDS
from ..reading.seedpage.lines import ScaffoldError
from ..store.repository import Repository

SUMS_FILE = "SHA256SUMS"


def seed_name(root: Path, seed: Path) -> str:
    """The file name of ``seed`` if it lies directly inside ``root/seeds/``."""
    seeds = root / SEEDS
    guide = (
        "copy the source document into seeds/ first (it is never edited afterwards), then run "
        "`iraq-ct-news new --seed seeds/FILE`"
    )
    if not seeds.is_dir():
        raise UsageError(f"{root} has no seeds/ folder; {guide}")
    candidates = [seed] if seed.is_absolute() else [Path.cwd() / seed, root / seed]
    existing = [path for path in candidates if os.path.lexists(path)]
    if not existing:
        raise UsageError(f"{seed} does not exist; {guide}")
    path = existing[0]
    try:
        inside = path.parent.resolve() == seeds.resolve()
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise UsageError(f"{seed} is not in {seeds.as_posix()}/; {guide}")
    if path.name == SUMS_FILE:
        raise UsageError(
            f"seeds/{SUMS_FILE} is the list of the seeds' checksums, not a source document; {guide}"
        )
    if re.fullmatch(SEED_NAME_PATTERN, path.name) is None:
        raise UsageError(
            f"seed file name {path.name!r} may hold only letters, digits, '_', '.' and '-' and "
            "must start with a letter or digit; rename it"
        )
    return path.name


def refuse_curated_seed(root: Path, name: str) -> None:
    """A seed is curated into one record; a second scaffold of it would be a duplicate."""

    for stored in Repository(root).records(("article",)):
        if stored.data.get("seed") == name:
            raise ScaffoldError(
                f"seeds/{name} is already curated in {stored.relative}; correct that record "
                "instead (CONTRIBUTING.md: correcting a record)"
            )


def updated_sums(root: Path, name: str, digest: str) -> str | None:
    """seeds/SHA256SUMS with ``name`` added (sorted by name), or None if it is listed already."""
    path = root / SEEDS / SUMS_FILE
    raw = None
    if os.path.lexists(path):
        try:
            raw = read_regular_file(path, MAX_FILE_BYTES, root=root)
        except (FileTooLarge, NotARegularFile, LinkedPath) as error:
            reason = error.strerror if isinstance(error, LinkedPath) else error
            raise ScaffoldError(f"seeds/{SUMS_FILE} cannot be read: {reason}") from None
    return sums_with(raw, name, digest)


def sums_with(raw: bytes | None, name: str, digest: str) -> str | None:
    """The list ``raw`` (None: no list yet) with ``name`` added, or None if it is listed already.

    Also what ``new`` computes again, under the repository's lock, from the list as it is just
    before writing: a line another command or a person added since the plan is kept."""
    entries: dict[str, str] = {}
    if raw is not None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            row = raw.count(b"\n", 0, error.start) + 1
            column = error.start - raw.rfind(b"\n", 0, error.start)
            raise ScaffoldError(
                f"seeds/{SUMS_FILE}:{row}:{column}: not UTF-8 text; fix that line first"
            ) from None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            match = re.fullmatch(r"([0-9a-f]{64})  (\S.*)", line)
            if match is None:
                raise ScaffoldError(
                    f"seeds/{SUMS_FILE}:{number}:1: not '<sha256>  <file name>'; fix that line "
                    "first"
                )
            entries[match.group(2)] = match.group(1)
    listed = entries.get(name)
    if listed == digest:
        return None
    if listed is not None:
        raise ScaffoldError(
            f"seeds/{name} does not match its hash in seeds/{SUMS_FILE}: seeds are never edited "
            "once added; restore the original, or add the new document under a new file name"
        )
    entries[name] = digest
    return "".join(f"{entries[key]}  {key}\n" for key in sorted(entries))
