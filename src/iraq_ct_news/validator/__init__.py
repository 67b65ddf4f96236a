"""The validator: the rules of :mod:`.checks` over a curated tree, as located findings."""

from __future__ import annotations

from .run import ValidationResult, validate_repository

__all__ = ["ValidationResult", "validate_repository"]
