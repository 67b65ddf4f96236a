"""README.md gives exactly two set-up commands, and CI runs the README's test command verbatim."""

from __future__ import annotations

import re

import pytest

from .conftest import REPOSITORY


def setup_commands() -> list[str]:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.DOTALL)


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


def test_the_load_example_runs_and_its_offsets_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example, run as written from the repository (its offsets line is an
    assert, so a mention in the headline cannot make it false again)."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Load the data", 1)[1].split("\n## ", 1)[0]
    code = re.findall(r"```python\n(.+?)```", section, flags=re.DOTALL)[0]
    monkeypatch.chdir(REPOSITORY)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["m"].exact  # type: ignore[attr-defined]
