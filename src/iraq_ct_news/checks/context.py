"""What checking one file needs besides the file: the pass's context, and the one way a rule
reaches anything outside its file.

A rule's result is reused by the cache only while everything it read is unchanged. Rules do not
declare what they read: they read it through :class:`FileRun` (the article's seed, the registry
names, the titles quoted from an article), which records each read with the value it depended
on. The cache compares those recorded values with the values now (:mod:`.dependencies`), so a
rule that starts reading something new is cached correctly without anyone declaring it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.arabic import search_key
from ..core.textutil import fold_whitespace
from ..models import AnchorFields, Article
from ..reading.name_index import NameIndex
from ..reading.seeds import Seed, SeedProblem, SeedStore

__all__ = ["RECORDED", "FileRun", "PassContext", "Seed", "SeedProblem"]
from ..reading.yamlreader import PathKey


@dataclass(frozen=True)
class PassContext:
    """What checking one file needs besides the file: shared by every file of one pass over the
    files (the registries, then the articles; see :mod:`.run`)."""

    root: Path
    keep_records: bool = False
    """Keep the model and span offsets of each file (for building a release)."""
    names: NameIndex | None = None
    """Registry names, for the article checks (None while reading the registries)."""
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Article id to the (folded) titles people's positions quote from it."""
    resolved_root: Path | None = None
    """``root.resolve()``, worked out once for the run (None: each file works it out)."""
    encode_entries: bool = False
    """Encode each result for the cache where it is made (in the workers, in parallel)."""
    display_prefix: str = ""
    """What goes before a root-relative path to name a file in findings."""
    keep_documents: frozenset[PurePosixPath] = frozenset()
    """The files whose YAML document comes back from the workers (those a caller shows)."""
    folders_inside: dict[Path, tuple[bool, tuple[int, int]]] = field(
        default_factory=dict, compare=False
    )
    """Whether each folder of the tree lies inside it with links followed, and the folder it
    led to then, learnt by each process of a run (see :func:`.loading.read_file`)."""


def _seed_state(context: PassContext, seeds: SeedStore, name: str) -> Any:
    return seeds.state(name)


def _names_state(context: PassContext, seeds: SeedStore, key: str) -> Any:
    return context.names.fingerprint if context.names is not None else None


def _titles_state(context: PassContext, seeds: SeedStore, article_id: str) -> Any:
    return list(context.titles.get(article_id, ()))


RECORDED: dict[str, Callable[[PassContext, SeedStore, str], Any]] = {
    "seed": _seed_state,
    "names": _names_state,
    "titles": _titles_state,
}
"""Everything a rule can read besides its file, by name: for a key (a seed's name, an article's
id), the value a read of it is recorded with (JSON, stored in the cache). Equal values give equal
findings: a seed's SHA-256 (or why it cannot be read), the registry names' fingerprint, the
titles quoted from an article."""


class FileRun:
    """What the checks of one file share while it is checked: the only way to what lies
    outside the file (each read recorded in :attr:`reads`), and intermediate results one check
    works out for others (the seed, the span positions), each computed once by the module that
    owns it."""

    __slots__ = ("_context", "_seeds", "memo", "reads")

    def __init__(self, context: PassContext, seeds: SeedStore) -> None:
        self._context = context
        self._seeds = seeds
        self.memo: dict[str, Any] = {}
        """Results worked out from the file for several checks (see :mod:`.rules.helpers`)."""
        self.reads: dict[str, dict[str, Any]] = {}
        """What the checks read besides the file: source (a key of :data:`RECORDED`) to key
        to the value it had (see :mod:`.dependencies`)."""

    def _record(self, source: str, key: str) -> None:
        found = self.reads.setdefault(source, {})
        if key not in found:
            found[key] = RECORDED[source](self._context, self._seeds, key)

    def seed(self, name: str) -> Seed | SeedProblem:
        """The seed named ``name`` (a record's ``seed``), or why it cannot be read."""
        found = self._seeds.get(name)
        self._record("seed", name)
        return found

    @property
    def names(self) -> NameIndex | None:
        """Every registry spelling (None only while the registries themselves are read)."""
        self._record("names", "")
        return self._context.names

    def quoted_titles(self, article_id: str) -> tuple[str, ...]:
        """The (folded) titles people's positions quote from the article ``article_id``."""
        self._record("titles", article_id)
        return self._context.titles.get(article_id, ())

    def body_key(self, article: Article) -> str:
        """``arabic.search_key(article.body)``, worked out once for the checks that match
        names or compare texts."""
        found: str | None = self.memo.get("body_key")
        if found is None:
            found = self.memo["body_key"] = search_key(article.body)
        return found

    def spans(self, article: Article) -> list[tuple[PathKey, AnchorFields]]:
        """``article.spans()`` as a list, made once for the checks that go through them."""
        found: list[tuple[PathKey, AnchorFields]] | None = self.memo.get("spans")
        if found is None:
            found = self.memo["spans"] = list(article.spans())
        return found

    def paragraphs(self, article: Article) -> list[tuple[str, str]]:
        """The body's paragraphs, each with its whitespace-folded form (worked out once for
        the layout and the seed checks)."""
        found: list[tuple[str, str]] | None = self.memo.get("paragraphs")
        if found is None:
            found = [(paragraph, _folded(paragraph)) for paragraph in article.body.split("\n\n")]
            self.memo["paragraphs"] = found
        return found


def _folded(text: str) -> str:
    """``fold_whitespace(text)``, at the cost of two C-speed tests for text that is folded
    already (every whitespace character but the space is unprintable)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return fold_whitespace(text)

