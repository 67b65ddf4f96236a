"""The README's wheel install lines, run as written in a copy of the sources, offline: the wheel
is built and installed with no index (pip told so by its environment), into a fresh virtual
environment that sees only the package's own dependencies, and the package then loads its
release from another folder."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPOSITORY

pytestmark = pytest.mark.packaging

#: What a wheel is built from: the files the build reads.
SOURCES = ("pyproject.toml", "hatch_build.py", "LICENSE", "README.md", "src", "dataset")


def wheel_lines() -> list[str]:
    install = (REPOSITORY / "README.md").read_text(encoding="utf-8").split("## Install", 1)[1]
    blocks = re.findall(r"```sh\n(.+?)\n```", install.split("\n## ", 1)[0], flags=re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines()]
    return [line for line in lines if "wheel" in line or ".whl" in line]


def requirements(name: str) -> list[str]:
    """The distributions ``name`` requires here (markers evaluated, no extras)."""
    from packaging.requirements import Requirement

    found = []
    for text in importlib.metadata.requires(name) or []:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.append(requirement.name)
    return found


def dependency_closure(*names: str) -> list[importlib.metadata.Distribution]:
    """The installed distributions ``names`` need, and theirs."""
    seen: dict[str, importlib.metadata.Distribution] = {}
    pending = list(names)
    while pending:
        current = pending.pop()
        key = current.lower().replace("_", "-")
        if key in seen:
            continue
        distribution = importlib.metadata.distribution(current)
        seen[key] = distribution
        pending.extend(requirements(current))
    return list(seen.values())


def link_dependencies(folder: Path) -> None:
    """Every file of the package's dependencies and of its build backend (the build is not
    isolated: offline, pip cannot download the backend), linked into ``folder``."""
    folder.mkdir()
    for distribution in dependency_closure(*requirements("iraq-ct-news"), "hatchling"):
        for file in distribution.files or []:
            top = Path(file).parts[0]
            source = Path(str(distribution.locate_file(top)))
            target = folder / top
            if not target.exists() and source.exists() and top != "..":
                target.symlink_to(source)


def test_the_readme_wheel_lines_build_and_install_offline(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    lines = wheel_lines()
    assert len(lines) == 2 and lines[0].startswith("pip wheel") and "install" in lines[1]
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        origin = REPOSITORY / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.pyc", "_release", "parquet"))
        else:
            shutil.copy2(origin, source / name)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    link_dependencies(tmp_path / "deps")
    (site / "dependencies.pth").write_text(str(tmp_path / "deps") + "\n", encoding="utf-8")
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))},
        "PATH": os.pathsep.join([str(venv / "bin"), os.environ.get("PATH", "")]),
        "VIRTUAL_ENV": str(venv),
        # Offline: no index, and the build backend taken from the environment, not downloaded.
        "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    for line in lines:  # the README's lines, through a shell, as a reader types them
        done = subprocess.run(["bash", "-c", line], cwd=source, env=environment,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, (line, done.stdout[-2000:], done.stderr[-2000:])

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    loaded = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import iraq_ct_news as ictn, importlib.metadata as m; ds = ictn.load();"
         " print(ictn.__file__); print(len(ds.articles));"
         " print(sorted(e.name for e in m.entry_points(group='datasette')))"],
        cwd=outside, env=environment, capture_output=True, text=True, check=False,
    )
    assert loaded.returncode == 0, loaded.stderr
    file, count, plugins = loaded.stdout.splitlines()
    assert Path(file).is_relative_to(venv)
    assert int(count) == len(list((REPOSITORY / "dataset" / "articles.jsonl").open()))
    assert plugins == "['iraq_ct_news']"  # the Datasette plugin is declared by the wheel
