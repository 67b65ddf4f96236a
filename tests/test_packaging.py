"""The wheel carries the release: built, installed into a fresh virtual environment outside the
repository, and loaded there.

This is the path every user takes (`pip install iraq-ct-news`, then `ictn.load()`), so CI runs
it. It takes a few seconds: the wheel is built by hatchling in-process (no build isolation) and
the dependencies come from pip's cache after the first run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import iraq_ct_news as ictn

from .conftest import REPOSITORY
from .release_support import build_release, copy_valid_tree

pytestmark = pytest.mark.packaging

DUMP = """
import json, sys, iraq_ct_news as ictn
ds = ictn.load()
print(json.dumps({
    "file": ictn.__file__,
    "version": ds.version,
    "path": str(ds.path),
    "records": {
        kind: {key: record.model_dump(mode="json") for key, record in getattr(ds, kind).items()}
        for kind in ("articles", "people", "organizations", "places", "themes", "cameo")
    },
}, ensure_ascii=False))
"""


def source_copy(destination: Path, scratch: Path) -> Path:
    """What a wheel is built from: the package sources, metadata files and a release."""
    destination.mkdir()
    for name in ("pyproject.toml", "hatch_build.py", "LICENSE", "CHANGELOG.md", "README.md"):
        if (REPOSITORY / name).is_file():
            shutil.copy2(REPOSITORY / name, destination / name)
    if not (destination / "README.md").is_file():
        (destination / "README.md").write_text("# iraq-ct-news\n", encoding="utf-8")
    shutil.copytree(
        REPOSITORY / "src", destination / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_release"),
    )
    release = REPOSITORY / "dataset"
    if not (release / "articles.jsonl").is_file():
        # Before the first release is committed: ship a release built from the fixture tree.
        release = build_release(copy_valid_tree(scratch / "fixture"))
    shutil.copytree(release, destination / "dataset")
    return destination / "dataset"


def test_the_wheel_ships_the_release_and_loads_it_anywhere(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    release = source_copy(tmp_path / "source", tmp_path)
    (release / "parquet").mkdir(exist_ok=True)
    (release / "parquet" / "articles.parquet").write_bytes(b"not shipped")

    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-c",
         f"import hatchling.build as b; print(b.build_wheel({str(wheels)!r}))"],
        cwd=tmp_path / "source", capture_output=True, text=True, check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = wheels / built.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if "/_release/" in name}
    expected = {
        f"iraq_ct_news/_release/{path.relative_to(release).as_posix()}"
        for path in release.rglob("*")
        if path.is_file() and "parquet" not in path.parts
    }
    assert shipped == expected
    assert "iraq_ct_news/_release/articles.jsonl" in shipped

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install",
         "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True, check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    dumped = subprocess.run(
        [str(python), "-c", DUMP], cwd=outside, env=environment,
        capture_output=True, text=True, check=False,
    )
    assert dumped.returncode == 0, dumped.stderr
    there = json.loads(dumped.stdout)
    assert Path(there["file"]).is_relative_to(venv)
    assert Path(there["path"]) == Path(there["file"]).parent / "_release"

    here = ictn.load(release)
    assert there["version"] == here.version == ictn.DATA_VERSION
    for kind, records in there["records"].items():
        expected_records = {
            key: record.model_dump(mode="json") for key, record in getattr(here, kind).items()
        }
        assert records == expected_records, kind
    assert there["records"]["articles"], "the release shipped without articles"

    stats = subprocess.run(
        [str(venv / "bin" / "iraq-ct-news"), "stats"], cwd=outside, env=environment,
        capture_output=True, text=True, check=False,
    )
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.startswith(f"iraq-ct-news release {here.version} (")
    assert f"articles {len(here.articles)}" in " ".join(stats.stdout.split())
