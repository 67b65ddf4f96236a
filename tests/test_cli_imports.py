"""The command line starts fast: ``--help`` and the commands that do not validate import
neither the models (and pydantic) nor the release compiler.

Each check runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

#: Modules that cost a tenth of a second or more to import, and that only validating (or
#: reading a release) needs.
HEAVY = (
    "pydantic",
    "iraq_ct_news.models",
    "iraq_ct_news.release.compile",
    "iraq_ct_news.checks.run",
    "iraq_ct_news.checks.rules.catalog",
)


def _imported_after(code: str) -> list[str]:
    script = (
        "import sys, json\n"
        "import contextlib, io\n"
        f"{code}\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
    return modules


def _heavy(modules: list[str]) -> list[str]:
    return [name for name in modules if name in HEAVY or name.startswith("pydantic.")]


def test_the_heavy_modules_exist_and_are_seen_when_imported() -> None:
    """The list names modules that exist, and a validating import shows them: a renamed module
    or a broken listing would otherwise let every test below pass by finding nothing."""
    assert all(importlib.util.find_spec(name) is not None for name in HEAVY)
    assert set(_heavy(_imported_after("import iraq_ct_news.checks.run"))) >= {
        "pydantic", "iraq_ct_news.models", "iraq_ct_news.checks.run",
    }


def test_importing_the_command_line_and_the_package_is_light() -> None:
    assert _heavy(_imported_after("import iraq_ct_news, iraq_ct_news.commands.cli")) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],
        *([command, "--help"] for command in (
            "validate", "build", "export", "draft", "search", "view", "fmt", "new", "diff",
            "show", "stats", "schema", "bump",
        )),
    ],
    ids=" ".join,
)
def test_help_imports_neither_the_models_nor_the_release_compiler(arguments: list[str]) -> None:
    code = (
        "from iraq_ct_news.commands.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({arguments!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert _heavy(_imported_after(code)) == []
