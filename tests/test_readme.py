"""README.md gives exactly two set-up commands, CI runs the README's test command verbatim, its
install lines name only what exists, and every Python example in the README and the dataset card
runs as written, with the network unavailable."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPOSITORY
from .tool_support import require

README = REPOSITORY / "README.md"
CARD = REPOSITORY / "dataset" / "README.md"


def section(text: str, title: str) -> str:
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def setup_commands() -> list[str]:
    return re.findall(
        r"```sh\n(.+?)\n```", section(README.read_text(encoding="utf-8"), "Set up"),
        flags=re.DOTALL,
    )


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.+?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_readme_gives_exactly_two_setup_commands() -> None:
    main_job, tests = setup_commands()
    assert "iraq-ct-news validate" in main_job and "iraq-ct-news build" in main_job
    assert "pytest" in tests
    assert "\n" not in main_job and "\n" not in tests


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = [
        line for line in (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert ci_lines[-1] == setup_commands()[1]


def test_install_lines_name_only_local_sources_and_every_extra() -> None:
    """The package is on no index: no line installs it by name alone, and the extras table lists
    exactly the extras pyproject.toml declares."""
    readme = README.read_text(encoding="utf-8")
    install = section(readme, "Install")
    extras = set(tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
                 ["project"]["optional-dependencies"])
    assert set(re.findall(r"^\| `(\w+)` \|", install, flags=re.MULTILINE)) == extras
    for match in re.finditer(r"pip install ([^`\n]+)", readme):
        target = match.group(1).strip().strip('"')
        named = re.findall(r"\[([\w,]+)\]", target)
        assert all(set(group.split(",")) <= extras | {"test"} for group in named), target
        if target.startswith("iraq-ct-news"):
            assert "@ git+" in target, f"{target}: the package is on no index"
    for match in re.finditer(r"pip install -e \"?\.\[([\w,]+)\]", readme):
        assert set(match.group(1).split(",")) <= extras


def test_card_install_advice_is_true() -> None:
    assert "pip install iraq-ct-news" not in CARD.read_text(encoding="utf-8")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No connection can be opened: a remote JSON-LD context or a download would fail."""

    def refuse(*_: Any, **__: Any) -> Any:
        raise OSError("network unavailable in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _needs(code: str) -> None:
    for module in ("duckdb", "datasette", "rdflib", "pyld", "pandas", "datasets"):
        if re.search(rf"^(import|from) {module}\b", code, flags=re.MULTILINE):
            require(module)


def test_every_python_example_in_the_readme_runs(
    offline: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run as written: from the repository's top folder, or, for the one that writes files, from
    an empty folder (with this interpreter's scripts on PATH, as in an activated environment)."""
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent),
                                                os.environ.get("PATH", "")]))
    blocks = python_blocks(README)
    assert len(blocks) >= 4
    for code in blocks:
        _needs(code)
        monkeypatch.chdir(tmp_path if "subprocess.run" in code else REPOSITORY)
        namespace: dict[str, Any] = {}
        exec(compile(code, "README.md", "exec"), namespace)
        _check(namespace)


def test_the_duckdb_example_runs_from_a_folder_with_a_quote_in_its_name(
    offline: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    require("duckdb")
    (code,) = [block for block in python_blocks(README) if "import duckdb" in block]
    folder = tmp_path / "o'brien's copy"
    shutil.copytree(REPOSITORY / "dataset", folder / "dataset")
    monkeypatch.chdir(folder)
    namespace: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert namespace["con"].sql("SELECT count(*) FROM articles").fetchall()[0][0] > 0


def _check(namespace: dict[str, Any]) -> None:
    """What each example promises beyond running."""
    if "m" in namespace:
        assert namespace["m"].exact
        ds = namespace["ictn"].load()
        assert len(repr(ds)) < 300 and "\n" not in repr(ds)
        hits = ds.search("الامم المتحده")
        assert len(repr(hits).splitlines()) <= 7
        # The short form itself, not a one-line list of every article's full text.
        assert hits and repr(hits).startswith(f"<{len(hits)} article(s)>")
    if "con" in namespace:  # the DuckDB views work from any working folder
        os.chdir(Path(namespace["release"]).anchor)
        assert namespace["con"].sql("SELECT count(*) FROM articles").fetchall()[0][0] > 0
    if "response" in namespace:
        import iraq_ct_news as ictn

        ids = [row["id"] for row in namespace["response"].json()]
        assert ids and sorted(ids) == [a.id for a in ictn.load().search("مُكافحة")]
    if "graph" in namespace:
        assert len(namespace["graph"]) > 0 and namespace["expanded"]


def test_every_python_example_in_the_card_runs(
    offline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card's examples, from the release folder (where the card sits)."""
    for code in python_blocks(CARD):
        _needs(code)
        monkeypatch.chdir(CARD.parent)
        namespace: dict[str, Any] = {}
        exec(compile(code, "dataset/README.md", "exec"), namespace)
        _check(namespace)


def test_load_curated_outside_a_repository_says_what_to_pass(tmp_path: Path) -> None:
    import iraq_ct_news as ictn

    with pytest.raises(ictn.UsageError, match=r"has no curated/ folder: pass the repository"):
        ictn.load_curated(tmp_path)
