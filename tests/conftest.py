"""Shared test configuration.

Hypothesis runs with a fixed seed in CI (``HYPOTHESIS_PROFILE=ci``, set by ``.ci/run``), so a CI
failure can be replayed; ``dev`` explores new examples on every run; ``long`` is for maintainers
who want a much deeper search (``HYPOTHESIS_PROFILE=long pytest``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow], print_blob=True,
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

REPOSITORY = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID_TREE = FIXTURES / "valid"


@pytest.fixture
def valid_tree(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the valid fixture repository."""
    destination = tmp_path / "repo"
    shutil.copytree(VALID_TREE, destination)
    yield destination


@pytest.fixture(autouse=True, scope="session")
def _private_validation_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line caches validation results in the user's cache folder; the tests (and
    the command lines they start) use a folder of their own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IRAQ_CT_NEWS_CACHE_DIR", str(tmp_path_factory.mktemp("validation-cache")))
        yield
