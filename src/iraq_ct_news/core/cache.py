"""The validation cache: a store of bytes under keys, kept between runs.

Re-validating a tree after one edit should not check the other ten thousand files again. This
module only stores: it knows keys, bytes, their integrity and where the store lives, and
nothing of the validator. What a result is, what it depends on and when it may be reused is
decided by the validator (:mod:`iraq_ct_news.checks.reuse`).

Every key starts with the tool's fingerprint (:func:`tool_fingerprint`): this package's version
and the SHA-256 of its own source files (so a changed rule never meets results of the old one,
even without a version bump), and the versions of Python, pydantic and PyYAML (whose messages
and behaviour findings are made of). A second table keeps file signatures (see
:mod:`iraq_ct_news.core.signature`), so that an unchanged file's SHA-256 is known without reading it.

Storage is one SQLite database (``validation.sqlite3``) in the cache folder: every write is one
transaction, so a run that is killed leaves the previous entries; every entry carries a BLAKE2
checksum of its bytes and is decoded strictly, and an entry that fails either is ignored (its
reader computes it again). A database that cannot be opened or read is set aside and a new one
started; when even that fails, the store holds nothing. The cache never changes a finding, only
how long it takes to find it.

The folder is ``$IRAQ_CT_NEWS_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/iraq-ct-news``, else
``~/.cache/iraq-ct-news``; ``iraq-ct-news validate --no-cache`` bypasses it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ._version import __version__
from .signature import FileHasher
from .signature import key as signature_key

#: Environment variable naming the cache folder.
CACHE_ENV = "IRAQ_CT_NEWS_CACHE_DIR"
DATABASE = "validation.sqlite3"
#: Version of the storage format; a new format starts a new database file.
FORMAT = 3
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
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class ValidationCache:
    """The cache in ``directory`` (created on first write).

    Its database stays open from first use until :meth:`close`, and is closed before this
    process forks (worker processes check files): an SQLite connection must not cross a fork.
    """

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
        """Results its user found still applicable this run (counted by the user)."""
        self.decoded = 0
        """Entries read and decoded by this object (a measure of a run's work)."""
        self.reads_compared = 0
        """Distinct things outside the files (a seed, the registry names) whose value now its
        user compared with the values results were stored with (counted by the user)."""
        self.misses = 0
        self.hasher = FileHasher()
        self._rows: dict[str, Any] | None = None
        """Every entry of this tool, as stored, once a large read has scanned them."""
        self.primed = False
        """Whether its user has looked at the store this run (see :meth:`has_entries`)."""
        self.empty = False
        self._connection: sqlite3.Connection | None = None
        """The open database, shared by every read and write until :meth:`close` (each
        opening of a database costs a connection, and each last closing a checkpoint)."""

    # -- storage ------------------------------------------------------------------------------

    def _connect(self, *, create: bool) -> sqlite3.Connection | None:
        """The open database, or None when there is none (or it cannot be used)."""
        if self._connection is not None:
            return self._connection
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
                self._connection = self._replace_damaged()
                if self._connection is not None:
                    _OPEN.add(self)
            return self._connection
        self._connection = connection
        _OPEN.add(self)
        return connection

    def close(self) -> None:
        """Close the database (the next use opens it again, and scans it again)."""
        connection, self._connection = self._connection, None
        self._rows = None
        if connection is not None:
            try:
                connection.close()
            except sqlite3.Error:
                pass

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
        pairs: Iterable[tuple[str, Any]]
        rows = self._rows
        if rows is None:
            connection = self._connect(create=False)
            if connection is None:
                return found
            try:
                if len(keys) > _BATCH:
                    # Many keys of this tool: one scan of its key range (keys start with the
                    # tool's fingerprint) beats thousands of look-ups, and serves every
                    # later read until the database is closed.
                    prefix = f"{tool_fingerprint()}:"
                    rows = self._rows = dict(connection.execute(
                        "SELECT key, value FROM entries WHERE key >= ? AND key < ?",
                        (prefix, prefix[:-1] + ";"),
                    ))
                else:
                    marks = ",".join("?" * len(keys))
                    pairs = connection.execute(
                        f"SELECT key, value FROM entries WHERE key IN ({marks})", list(keys)
                    ).fetchall()
            except sqlite3.DatabaseError:
                return found
        if rows is not None:
            get = rows.get
            pairs = ((key, get(key)) for key in keys)
        for key, value in pairs:
            if value is not None:
                decoded = _decode(value)
                if decoded is not None:
                    found[key] = decoded
        self.decoded += len(found)
        return found

    def has_entries(self) -> bool:
        """Whether the cache holds anything at all (a first run skips looking files up)."""
        if self._rows:
            return True
        connection = self._connect(create=False)
        if connection is None:
            return False
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
        if entries:  # a later look-up by this object must not skip what it holds now
            self.empty = False
        connection = self._connect(create=True)
        if connection is None:
            return
        rows = [(key, value if isinstance(value, bytes) else _encode(value))
                for key, value in entries.items()]
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", rows
            )
            connection.executemany(
                "INSERT OR REPLACE INTO signatures (path, signature, sha256) VALUES (?, ?, ?)",
                [(storable(path), sig, sha) for path, (sig, sha) in signatures.items()],
            )
            connection.execute("COMMIT")
            self.hasher.known.update(signatures)
            self.hasher.new = {}
            if self._rows is not None:  # what this object scanned stays what is stored
                self._rows.update(rows)
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
        prefix = storable(os.path.join(signature_key(root), ""))
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        try:
            self.hasher.known.update(
                (path, (sig, sha)) for path, sig, sha in connection.execute(
                    "SELECT path, signature, sha256 FROM signatures WHERE path >= ? AND path < ?"
                    " AND typeof(path) = 'text' AND typeof(signature) = 'text'"
                    " AND typeof(sha256) = 'text'",
                    (prefix, upper),
                )
            )
        except sqlite3.DatabaseError:
            self.hasher.known.clear()

    def prune(self, keep_at_least: int) -> None:
        """Drop entries not used this run once the database holds far more than the tree needs
        (old versions of edited files, results of older tools)."""
        connection = self._connect(create=False)
        if connection is None:
            return
        try:
            (count,) = connection.execute("SELECT count(*) FROM entries").fetchone()
            if count <= 2 * keep_at_least + 1000:
                return
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM keep")
            connection.executemany("INSERT OR IGNORE INTO keep VALUES (?)",
                                   [(key,) for key in self.used])
            connection.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM keep)")
            connection.execute("COMMIT")
            connection.execute("VACUUM")
        except sqlite3.Error:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        self._rows = None  # entries were dropped

    def key(self, *parts: str) -> str:
        """A key of this tool: its fingerprint, then ``parts`` (see :func:`storable`)."""
        return ":".join((tool_fingerprint(), *map(storable, parts)))

    def file_key(self, sha256: str, relative: str) -> str:
        """The key of a file's stored result: ``key(sha256, relative)``, at the cost of one
        string join on the hot path (a hash is ASCII; an ASCII path is stored as it is)."""
        name = relative if relative.isascii() else storable(relative)
        return f"{tool_fingerprint()}:{sha256}:{name}"


_OPEN: weakref.WeakSet[ValidationCache] = weakref.WeakSet()
"""The caches with an open database in this process."""


def _close_before_fork() -> None:
    for cache in list(_OPEN):
        cache.close()


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(before=_close_before_fork)


def storable(text: str) -> str:
    """``text`` as SQLite can store it: itself, or, for a file name with bytes that are not
    UTF-8 (which Python holds as lone surrogates, and which git allows), a form that cannot
    collide with any real name (a NUL, which no path holds, then the bytes in hex)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + os.fsencode(text).hex()
    return text


def _encode(value: Any) -> bytes:
    # Lone surrogates (file names that are not UTF-8, ids with a lone surrogate escape) are
    # kept as they are: "surrogatepass" round-trips them, where strict UTF-8 would raise.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() + data


def _decode(value: Any) -> Any:
    """The value stored by :func:`_encode`, or None when the bytes are damaged."""
    if not isinstance(value, bytes) or len(value) < _CHECKSUM_BYTES:
        return None
    checksum, data = value[:_CHECKSUM_BYTES], value[_CHECKSUM_BYTES:]
    if hashlib.blake2b(data, digest_size=_CHECKSUM_BYTES).digest() != checksum:
        return None
    try:
        return json.loads(data.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):
        return None


def encode(value: Any) -> bytes:
    """``value`` (JSON) as the checksummed bytes an entry is stored as; lets a worker process
    encode its own results, in parallel, for :meth:`ValidationCache.write`."""
    return _encode(value)


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
