"""Every rule of the validator, found by importing each module of this package.

The modules are discovered, not listed: a new rule is a new module here, and this catalog,
``validate --explain``, CONTRIBUTING.md and the checks that run all pick it up.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

from ...models.layout import FileKind
from . import base
from .base import Check, Code, Fixer, Stage

#: Modules of this package that hold no rule.
_NOT_RULES = frozenset({"base", "catalog", "helpers"})


def _import_all() -> list[str]:
    folder = str(Path(__file__).parent)
    names = sorted(
        info.name for info in pkgutil.iter_modules([folder]) if info.name not in _NOT_RULES
    )
    for name in names:
        importlib.import_module(f"{__package__}.{name}")
    return names


MODULES: tuple[str, ...] = tuple(_import_all())
"""The rule modules, by name (sorted: the order checks run in within a stage)."""

RULES: dict[str, Code] = dict(sorted(base.declared_codes().items()))
"""Every declared code, by its text (what ``--explain`` and the docs read)."""

CHECKS: tuple[Check, ...] = tuple(base.registered_checks())
FIXERS: tuple[Fixer, ...] = tuple(base.registered_fixers())
"""The fixes rules make by themselves (``validate --fix``), in module order."""
ARTICLE_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.stage is Stage.ARTICLE)
TREE_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.stage is Stage.TREE)
RELEASE_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.stage is Stage.RELEASE)


@dataclass(frozen=True)
class Plan:
    """The checks one file gets (worked out once per kind of file: this is looked up for every
    file of every run)."""

    checks: tuple[Check, ...]


@functools.cache
def plan(kind: FileKind | None, has_record: bool, with_registries: bool) -> Plan:
    """The file checks that run on a file of ``kind`` (those that need a model only when the
    file has one), then, for an article with a model checked once the registries are read, the
    article checks."""
    checks = [
        check for check in CHECKS
        if check.stage is Stage.FILE
        and (check.kinds is None or kind in check.kinds)
        and (has_record or not check.needs_record)
    ]
    if kind == "article" and has_record and with_registries:
        checks += ARTICLE_CHECKS
    return Plan(tuple(checks))


def explain(code: str) -> str:
    """The text printed by ``validate --explain CODE`` (raises KeyError for an unknown code)."""
    return RULES[code.upper()].explain()
