"""What the pages need to know about the records an article points at: names and kinds, and
the CAMEO labels. One definition, shared with ``draft``: :mod:`iraq_ct_news.store.entities`.
"""

from __future__ import annotations

from pathlib import Path

from ..store.entities import Entity as Entity
from ..store.entities import Registry as Registry
from ..store.entities import read_registry as read_entities
from ..store.repository import Repository


def read_registry(root: Path, repository: Repository | None = None) -> Registry:
    """Names and kinds of every entity record, and the CAMEO labels, from the repository's
    store (read once per run, never through a link). A record whose values do not fit its
    model lends nothing (``validate`` reports it); an unfinished one (placeholders left) still
    lends its name."""
    return read_entities(root, repository, with_cameo=True)
