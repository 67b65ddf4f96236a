"""The validator: the rules of :mod:`.checks` over a curated tree, as located findings.

The entry points are loaded on first use rather than here: the rule modules import helpers that
live beside them in this package (the name index, say) and that other packages import too, and
loading the whole validator whenever one of those helpers is imported first would run an import
circle through this file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .run import ValidationResult, validate_repository

__all__ = ["ValidationResult", "validate_repository"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
