"""The validation cache: results of checking single files, kept between runs.

Re-validating a tree after one edit should not check the other ten thousand files again. The
result of checking a file on its own (its findings and the small summary the checks across
files need, see :mod:`iraq_ct_news.validator.facts`) is stored under a key made of:

* the tool: this package's version and the SHA-256 of its own source files (so a changed rule
  never meets results of the old one, even without a version bump), and the versions of Python,
  pydantic and PyYAML (whose messages and behaviour findings are made of);
* the file: its path in the tree (rules depend on where a file is) and the SHA-256 of its bytes.

An article's result also depends on other files; those are stored with it and compared before
it is used: its seed's state (the seed's SHA-256, or why it cannot be read), the fingerprint of
every registry name (C001, C004) and the titles people's positions quote from it (P010). The
checks across files (ids, references, orphans, versioning against ``dataset/``) are never cached:
they run on the whole tree every time, from the summaries. So a cached result is used only when
checking the file again would give the same one.

The release in ``dataset/`` is summarised too (what versioning needs of each released record),
keyed by the SHA-256 of its files.

Storage is one SQLite database (``validation.sqlite3``) in the cache folder: every write is one
transaction, so a run that is killed leaves the previous entries; every entry carries a BLAKE2
checksum of its bytes and is decoded strictly, and an entry that fails either is ignored (the
file is checked again). A database that cannot be opened or read is set aside and a new one
started; when even that fails, validation runs without a cache. The cache never changes a
finding, only how long it takes to find it.

The folder is ``$IRAQ_CT_NEWS_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/iraq-ct-news``, else
``~/.cache/iraq-ct-news``; ``iraq-ct-news validate --no-cache`` bypasses it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .fsutil import FileTooLarge, read_regular_file
from .layout import CuratedFile
from .limits import MAX_FILE_BYTES
from .signature import key as signature_key
from .signature import signature, signature_of, stable_signature

if TYPE_CHECKING:
    from .layout import RecordKind
    from .validator.stage import Outcome, StageContext
    from .validator.versioning import ReleasedRecord

#: Environment variable naming the cache folder.
CACHE_ENV = "IRAQ_CT_NEWS_CACHE_DIR"
DATABASE = "validation.sqlite3"
#: Version of the storage format; a new format starts a new database file.
FORMAT = 2
_CHECKSUM_BYTES = 16
#: Keys per SQL query (SQLite limits the number of parameters of one statement).
_BATCH = 500
#: Seconds to wait for another process writing the cache before giving up on writing.
_BUSY_TIMEOUT = 5.0


def default_directory() -> Path:
    """Where the cache lives (see the module docstring)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "iraq-ct-news"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "iraq-ct-news" / "Cache"
    return Path.home() / ".cache" / "iraq-ct-news"


@functools.lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """Changes whenever the code or the libraries that produce findings change."""
    import pydantic
    import pydantic_core
    import yaml

    digest = hashlib.sha256()
    try:
        from yaml._yaml import get_version_string

        libyaml = get_version_string()
    except ImportError:  # pragma: no cover - PyYAML without libyaml
        libyaml = "none"
    for part in (
        f"format {FORMAT}", __version__, sys.version, pydantic.VERSION, pydantic_core.__version__,
        yaml.__version__, libyaml,
    ):
        digest.update(part.encode("utf-8") + b"\0")
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class ValidationCache:
    """The cache in ``directory`` (created on first write)."""

    def __init__(self, directory: Path | None = None) -> None:
        if directory is None:
            try:
                directory = default_directory()
            except (RuntimeError, KeyError, OSError):  # no home folder to put it in
                directory = None
        self.directory = directory
        self.path = directory / DATABASE if directory is not None else None
        self.used: set[str] = set()
        """Keys read or written this run (the rest may be pruned)."""
        self.hits = 0
        self.misses = 0
        self.hasher = FileHasher()
        self._rows: dict[str, Any] | None = None
        """Every entry of this tool, as stored, once a large read has scanned them."""
        self._primed = False
        self._empty = False

    # -- storage ------------------------------------------------------------------------------

    def _connect(self, *, create: bool) -> sqlite3.Connection | None:
        """An open database, or None when there is none (or it cannot be used)."""
        if self.path is None or self.directory is None:
            return None
        if not create and not self.path.is_file():
            return None
        try:
            if create:
                self.directory.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT, isolation_level=None)
        except (sqlite3.Error, OSError):
            return None
        try:
            _prepare(connection)
        except sqlite3.DatabaseError:
            connection.close()
            if create:
                return self._replace_damaged()
            return None
        return connection

    def _replace_damaged(self) -> sqlite3.Connection | None:
        """Set a damaged database aside and start an empty one (or give up quietly)."""
        if self.path is None:
            return None
        try:
            os.replace(self.path, self.path.with_name(DATABASE + ".damaged"))
            for suffix in ("-wal", "-shm"):
                self.path.with_name(DATABASE + suffix).unlink(missing_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT, isolation_level=None)
            _prepare(connection)
            return connection
        except (sqlite3.Error, OSError):
            return None

    def read(self, keys: Sequence[str]) -> dict[str, Any]:
        """The decoded entries stored under ``keys`` (damaged entries left out)."""
        found: dict[str, Any] = {}
        if not keys:
            return found
        connection = self._connect(create=False)
        if connection is None:
            return found
        with closing(connection):
            try:
                if len(keys) > _BATCH or self._rows is not None:
                    # Many keys of this tool: one scan of its key range (keys start with the
                    # tool's fingerprint) beats thousands of look-ups, and serves every
                    # later read of the run.
                    if self._rows is None:
                        prefix = f"{tool_fingerprint()}:"
                        self._rows = dict(connection.execute(
                            "SELECT key, value FROM entries WHERE key >= ? AND key < ?",
                            (prefix, prefix[:-1] + ";"),
                        ))
                    rows = self._rows
                    pairs: Iterable[tuple[str, Any]] = (
                        (key, rows[key]) for key in keys if key in rows
                    )
                else:
                    marks = ",".join("?" * len(keys))
                    pairs = connection.execute(
                        f"SELECT key, value FROM entries WHERE key IN ({marks})", list(keys)
                    ).fetchall()
                for key, value in pairs:
                    decoded = _decode(value)
                    if decoded is not None:
                        found[key] = decoded
            except sqlite3.DatabaseError:
                return {}
        return found

    def has_entries(self) -> bool:
        """Whether the cache holds anything at all (a first run skips looking files up)."""
        connection = self._connect(create=False)
        if connection is None:
            return False
        with closing(connection):
            try:
                return connection.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
            except sqlite3.DatabaseError:
                return False

    def write(self, entries: dict[str, Any]) -> None:
        """Store ``entries`` (values, or their encoded bytes) and the new file signatures in one
        transaction (all or none); never raises for a problem of the database."""
        signatures = self.hasher.new
        if not entries and not signatures:
            return
        connection = self._connect(create=True)
        if connection is None:
            return
        with closing(connection):
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                    [(key, value if isinstance(value, bytes) else _encode(value))
                     for key, value in entries.items()],
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO signatures (path, signature, sha256) VALUES (?, ?, ?)",
                    [(path, sig, sha) for path, (sig, sha) in signatures.items()],
                )
                connection.execute("COMMIT")
                self.hasher.known.update(signatures)
                self.hasher.new = {}
            except sqlite3.Error:
                try:
                    connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass

    def load_signatures(self, root: Path) -> None:
        """Read the signatures of the files under ``root`` (see :mod:`.signature`)."""
        connection = self._connect(create=False)
        if connection is None:
            return
        prefix = os.path.join(signature_key(root), "")
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with closing(connection):
            try:
                rows = connection.execute(
                    "SELECT path, signature, sha256 FROM signatures WHERE path >= ? AND path < ?",
                    (prefix, upper),
                )
                for path, sig, sha in rows:
                    if isinstance(path, str) and isinstance(sig, str) and isinstance(sha, str):
                        self.hasher.known[path] = (sig, sha)
            except sqlite3.DatabaseError:
                self.hasher.known.clear()

    def prune(self, keep_at_least: int) -> None:
        """Drop entries not used this run once the database holds far more than the tree needs
        (old versions of edited files, results of older tools)."""
        connection = self._connect(create=False)
        if connection is None:
            return
        with closing(connection):
            try:
                (count,) = connection.execute("SELECT count(*) FROM entries").fetchone()
                if count <= 2 * keep_at_least + 1000:
                    return
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("CREATE TEMP TABLE keep (key TEXT PRIMARY KEY)")
                connection.executemany("INSERT OR IGNORE INTO keep VALUES (?)",
                                       [(key,) for key in self.used])
                connection.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM keep)")
                connection.execute("COMMIT")
                connection.execute("VACUUM")
            except sqlite3.Error:
                pass

    # -- per-file results ----------------------------------------------------------------------

    def lookup(
        self, context: StageContext, sources: Sequence[CuratedFile]
    ) -> list[Outcome | None]:
        """For each of ``sources``, its outcome if the cache holds one that still applies."""
        from .validator.seeds import SeedStore

        found: list[Outcome | None] = [None] * len(sources)
        if not self._primed:
            self._primed = True
            self._empty = not self.has_entries()
            if not self._empty:
                self.load_signatures(context.root)
        if self._empty:
            self.misses += len(sources)
            return found
        keyed: dict[str, tuple[int, str]] = {}
        for position, relative, sha256 in _hashes(context, sources, self.hasher):
            keyed[file_key(relative, sha256)] = (position, relative)
        entries = self.read(list(keyed))
        seeds = SeedStore(context.root, hasher=self.hasher)
        for key, entry in entries.items():
            position, relative = keyed[key]
            outcome = _outcome_from_entry(sources[position], relative, entry)
            if outcome is None or not _still_applies(outcome, context, seeds):
                continue
            found[position] = outcome
            self.used.add(key)
            self.hits += 1
        self.misses += len(sources) - len(entries)
        return found

    def store(self, outcomes: Iterable[Outcome]) -> None:
        """Remember outcomes that can be reused (those of files that could be read), and the
        signatures of the files they read."""
        entries: dict[str, Any] = {}
        for outcome in outcomes:
            if outcome.cached:
                continue  # read from the cache this run: already there
            for path, sig, sha in outcome.signatures:
                if self.hasher.known.get(path) != (sig, sha):
                    self.hasher.new[path] = (sig, sha)
            if outcome.file_sha256 is None:
                continue
            key = file_key(outcome.source.relative.as_posix(), outcome.file_sha256)
            if key in self.used:
                continue  # read from the cache this run: already there
            entries[key] = outcome.entry if outcome.entry is not None else encode_entry(outcome)
            self.used.add(key)
        self.write(entries)

    # -- the release ---------------------------------------------------------------------------

    def released(self, root: Path) -> dict[RecordKind, dict[str, ReleasedRecord]] | str | None:
        """What versioning needs of the release in ``root/dataset`` (see
        :func:`iraq_ct_news.validator.versioning.read_released`), from the cache when its
        files are unchanged; None when there is no release to compare with."""
        from .layout import DATASET
        from .validator import versioning

        directory = root / DATASET
        names = [name for name, _model in versioning.RELEASE_FILES.values()]
        if not (directory / names[0]).is_file():
            return None
        digest = hashlib.sha256(f"release\0{tool_fingerprint()}".encode())
        for name in names:
            path = directory / name
            if directory.is_symlink() or path.is_symlink() or not path.is_file():
                return versioning.read_released(directory)  # refused or missing: not cached
            try:
                sha256 = self.hasher.sha256(path, None)
            except OSError:
                return versioning.read_released(directory)
            digest.update(f"{name}\0{sha256}\0".encode())
        key = f"{tool_fingerprint()}:release:{digest.hexdigest()}"
        entry = self.read([key]).get(key)
        if entry is not None:
            decoded = versioning.released_from_json(entry)
            if decoded is not None:
                self.used.add(key)
                if self.hasher.new:
                    self.write({})
                return decoded
        released = versioning.read_released(directory)
        self.write({key: versioning.released_to_json(released)})
        self.used.add(key)
        return released


class FileHasher:
    """SHA-256 of files, from the signature table when a file is unchanged (see
    :mod:`iraq_ct_news.signature`)."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, str]] = {}
        """Absolute path to (signature, SHA-256), as stored."""
        self.new: dict[str, tuple[str, str]] = {}
        """Signatures learnt this run, to be stored."""

    def sha256_known(self, location: str, info: os.stat_result, max_bytes: int) -> str:
        """:meth:`sha256` of the regular file at the absolute, normalised ``location`` whose
        ``stat`` the caller already has."""
        before = signature_of(info)
        known = self.known.get(location)
        if known is not None and known[0] == before and info.st_size <= max_bytes:
            return known[1]
        return self.sha256(Path(location), max_bytes)

    def sha256(self, path: Path, max_bytes: int | None) -> str:
        """The SHA-256 of the regular file at ``path``; raises like ``read_regular_file``
        (``NotARegularFile``, ``FileTooLarge``, ``OSError``)."""
        name = signature_key(path)
        before = signature(path)
        if before is not None:
            known = self.known.get(name)
            if known is not None and known[0] == before:
                size = int(before.split(":")[2])
                if max_bytes is not None and size > max_bytes:
                    raise FileTooLarge(size, max_bytes)
                return known[1]
        if max_bytes is None:
            digest = _file_sha256(path)
        else:
            digest = hashlib.sha256(read_regular_file(path, max_bytes)).hexdigest()
        stable = stable_signature(path, before)
        if stable is not None:
            self.new[name] = (stable, digest)
        return digest


def file_key(relative: str, sha256: str) -> str:
    """The cache key of a file's result: tool, bytes, path in the tree (POSIX)."""
    return f"{tool_fingerprint()}:{sha256}:{relative}"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hashes(
    context: StageContext, sources: Sequence[CuratedFile], hasher: FileHasher
) -> Iterator[tuple[int, str, str]]:
    """``(position, relative path, SHA-256)`` of each file read the way the checks read it.

    A link, a file outside the tree, a file in no place for records or one that cannot be read
    is left out: checking it again is quick, and its findings depend on more than its bytes.
    (A file that is not a link, in a folder inside the tree, is inside the tree; folders are few,
    so each is checked once. This runs over every file of every warm run, so it works on
    strings and one ``lstat`` per file.)
    """
    from .validator.loading import inside

    root = context.root
    base = signature_key(root).rstrip("/")
    folders: dict[str, bool] = {}
    for position, source in enumerate(sources):
        if source.kind is None:
            continue
        relative = source.relative.as_posix()
        folder, _, _name = relative.rpartition("/")
        location = f"{base}/{relative}"
        try:
            if folder not in folders:
                folders[folder] = inside(root / folder, root, context.resolved_root)
            if not folders[folder]:
                continue
            info = os.lstat(location)
            if not stat.S_ISREG(info.st_mode):
                continue  # a link, or no regular file: the checks say what it is
            yield position, relative, hasher.sha256_known(location, info, MAX_FILE_BYTES)
        except OSError:
            continue


def _encode(value: Any) -> bytes:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() + data


def _decode(value: Any) -> Any:
    """The value stored by :func:`_encode`, or None when the bytes are damaged."""
    if not isinstance(value, bytes) or len(value) < _CHECKSUM_BYTES:
        return None
    checksum, data = value[:_CHECKSUM_BYTES], value[_CHECKSUM_BYTES:]
    if hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() != checksum:
        return None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def encode_entry(outcome: Outcome) -> bytes:
    """The stored form of an outcome (worker processes encode their own, in parallel)."""
    return _encode(_entry_from_outcome(outcome))


def _entry_from_outcome(outcome: Outcome) -> list[Any]:
    """A cache entry: ``[path, sha256, findings, seed, names fingerprint, titles, facts]``."""
    return [
        outcome.source.relative.as_posix(),
        outcome.file_sha256,
        [list(finding) for finding in outcome.findings],
        list(outcome.seed) if outcome.seed is not None else None,
        outcome.names_fingerprint,
        list(outcome.titles),
        outcome.facts.to_json(),
    ]


def _outcome_from_entry(source: CuratedFile, relative: str, entry: Any) -> Outcome | None:
    """The outcome stored in ``entry``, or None if it is not one.

    The entry's bytes passed their checksum, so it is what a run of this very tool wrote; any
    surprise in its shape still only makes it a miss.
    """
    from .validator.facts import Facts
    from .validator.stage import Outcome

    try:
        path, sha256, findings, seed, names, titles, facts = entry
        if path != relative or not isinstance(sha256, str):
            return None
        return Outcome(
            cached=True,
            source=source,
            findings=[(int(line), int(column), str(code), str(message))
                      for line, column, code, message in findings],
            facts=Facts.from_json(facts),
            file_sha256=sha256,
            seed=(str(seed[0]), str(seed[1])) if seed is not None else None,
            names_fingerprint=names,
            titles=tuple(titles),
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _still_applies(outcome: Outcome, context: StageContext, seeds: Any) -> bool:
    """Whether checking the file again now would give ``outcome`` (its other inputs are as
    they were)."""
    if outcome.source.kind != "article":
        return True
    if outcome.seed is not None and seeds.state(outcome.seed[0]) != outcome.seed[1]:
        return False
    if outcome.facts.verified:
        # An article that validated was checked against the names and asked about titles.
        if context.names is None or outcome.names_fingerprint != context.names.fingerprint:
            return False
        record_id = outcome.facts.record_id
        asked = context.titles.get(record_id, ()) if record_id is not None else ()
        if tuple(asked) != outcome.titles:
            return False
    return True


def _prepare(connection: sqlite3.Connection) -> None:
    """Create the tables of a new database (raises ``sqlite3.DatabaseError`` on a damaged one)."""
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
    )
    connection.execute(
        "CREATE TABLE IF NOT EXISTS signatures "
        "(path TEXT PRIMARY KEY, signature TEXT NOT NULL, sha256 TEXT NOT NULL)"
    )
