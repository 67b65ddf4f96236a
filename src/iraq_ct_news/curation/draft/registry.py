"""The registries as ``draft`` sees them: every person, organisation and place (every entity
kind of the table of kinds) with its spellings, and the validator's name matcher built over
them. One definition, shared with ``view``: :mod:`iraq_ct_news.store.entities`.
"""

from __future__ import annotations

from pathlib import Path

from ...models.kinds import EntityKind as EntityKind
from ...store.entities import Entity as Entity
from ...store.entities import Registry as Registry
from ...store.entities import read_registry
from ...store.repository import Repository


def load_registry(root: Path, repository: Repository | None = None) -> Registry:
    """Every entity record of the repository's store (read once per run, never through a
    link); a record that does not fit its model is not a source of names (``validate``
    reports it)."""
    return read_registry(root, repository)
