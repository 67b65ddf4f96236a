"""Optional consumers of the release (the ``downstream`` extra): skipped where they are not
installed, required in CI (``CI=1``), where a missing one is a failure, not a skip."""

from __future__ import annotations

import importlib
import os
import shutil
from types import ModuleType

import pytest

from .conftest import REPOSITORY


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require(module: str) -> ModuleType:
    """``module`` imported; skipped outside CI when it is missing, a failure in CI."""
    if in_ci():
        return importlib.import_module(module)
    return pytest.importorskip(module)


#: Where CI installs a program that cannot share the test environment (cffconvert).
PROGRAM_ENVIRONMENTS = (REPOSITORY / ".ci-cffconvert" / "bin",)


def require_program(name: str) -> str:
    """The path of the program ``name`` (on PATH or in :data:`PROGRAM_ENVIRONMENTS`), with the
    same skip/fail rule."""
    found = shutil.which(name) or next(
        (str(folder / name) for folder in PROGRAM_ENVIRONMENTS if (folder / name).is_file()),
        None,
    )
    if found is None:
        if in_ci():
            pytest.fail(f"{name} is not installed, and CI must run this test")
        pytest.skip(f"{name} is not installed")
    return found
