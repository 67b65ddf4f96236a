"""`mypy --strict` accepts the package and a downstream script that uses its public API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from iraq_ct_news import __version__

from .conftest import REPOSITORY
from .release_support import build_release, copy_valid_tree

DOWNSTREAM = REPOSITORY / "tests" / "downstream" / "use_api.py"


def test_mypy_strict_on_the_package_and_a_downstream_script(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
            "src/iraq_ct_news", str(DOWNSTREAM.relative_to(REPOSITORY)),
        ],
        cwd=REPOSITORY, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_the_downstream_script_runs(tmp_path: Path) -> None:
    tree = copy_valid_tree(tmp_path / "repo")
    dataset = build_release(tree)
    result = subprocess.run(
        [sys.executable, str(DOWNSTREAM), str(dataset)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"version {__version__} (package {__version__}, data {__version__})",
        "articles 1, first published 2021-12-20",
        "speakers {'Giorgi Gigauri': 1}",
        "mentions 9, person Giorgi Gigauri, theme Preventing violent extremism",
        "hits 1, precision day",
        "error UsageError",
    ]
