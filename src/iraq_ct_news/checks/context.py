"""What checking one file needs besides the file: the run's context, and what the checks of
one file share while it is checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.arabic import search_key
from ..core.textutil import fold_whitespace
from ..models import AnchorFields, Article
from ..reading.name_index import NameIndex
from ..reading.seeds import SeedStore
from ..reading.yamlreader import PathKey


@dataclass(frozen=True)
class StageContext:
    """What checking one file needs besides the file: shared by every file of a run."""

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


class FileRun:
    """What the checks of one file share while it is checked: the run's context, the seeds,
    and intermediate results one check works out for others (the seed, the span positions),
    each computed once by the module that owns it."""

    def __init__(self, context: StageContext, seeds: SeedStore) -> None:
        self.context = context
        self.seeds = seeds
        self.memo: dict[str, Any] = {}

    @property
    def names(self) -> NameIndex | None:
        return self.context.names

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

