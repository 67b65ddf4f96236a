"""The checks contributors meet outside the test suite: pre-commit hooks and the CI workflow.

* ``.pre-commit-hooks.yaml`` (the hooks the repository offers) and ``.pre-commit-config.yaml``
  (the project's own use of them) parse, agree, select the curated records, and their entries
  run: clean records pass, a broken or badly laid-out one fails with its finding.
* ``.github/workflows/validate.yml`` runs on pull requests, annotates findings
  (``validate --format github``) and runs exactly the commands ``.ci/run`` runs.
* The pull-request template carries the curation checklist.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from iraq_ct_news.commands.cli import main

from .conftest import REPOSITORY
from .test_readme import setup_commands

HOOKS = REPOSITORY / ".pre-commit-hooks.yaml"
CONFIG = REPOSITORY / ".pre-commit-config.yaml"
WORKFLOW = REPOSITORY / ".github" / "workflows" / "validate.yml"
TEMPLATE = REPOSITORY / ".github" / "pull_request_template.md"
ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PLACE = "curated/places/fixture-baghdad.yaml"
ORGANIZATION = "curated/organizations/fixture-iom.yaml"
#: The CI lines that prepare a machine rather than check anything; the workflow does that with
#: actions (checkout, setup-python), its `env` and its runner image (which has Chrome and
#: ChromeDriver for the browser tests, where CI installs Debian's Chromium).
CI_SETUP = re.compile(
    r"^(?:set |cd |python3 -m venv \S+$|\. |python -m pip install --quiet --upgrade pip|export |if |fi$"
    r"|bash \.ci/install-browser$|bash \.ci/data-tests$)"
)
#: The workflow's counterpart of creating and activating the environment in .ci/run.
WORKFLOW_SETUP = re.compile(r'^python3 -m venv (\S+) && echo "\$PWD/\1/bin" >> "\$GITHUB_PATH"$')


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# -- pre-commit ---------------------------------------------------------------------------------


def offered_hooks() -> list[dict[str, Any]]:
    hooks = load(HOOKS)
    assert isinstance(hooks, list)
    return hooks


def local_hooks() -> list[dict[str, Any]]:
    (repository,) = load(CONFIG)["repos"]
    assert repository["repo"] == "local"
    hooks: list[dict[str, Any]] = repository["hooks"]
    return hooks


def test_hook_files_parse_and_agree() -> None:
    offered = {hook["id"]: hook for hook in offered_hooks()}
    used = {hook["id"]: hook for hook in local_hooks()}
    assert set(offered) == set(used) == {"iraq-ct-news-validate", "iraq-ct-news-fmt"}
    for hook_id, hook in offered.items():
        assert hook["language"] == "python"  # pre-commit installs the package for other repos
        assert used[hook_id]["language"] == "system"  # the project checks with its own checkout
        for key in ("name", "entry", "files", "require_serial"):
            assert hook[key] == used[hook_id][key], (hook_id, key)
    assert offered["iraq-ct-news-validate"]["entry"] == "iraq-ct-news validate"
    assert offered["iraq-ct-news-fmt"]["entry"] == "iraq-ct-news fmt --check"


@pytest.mark.parametrize("hook", offered_hooks(), ids=lambda hook: hook["id"])
def test_hooks_select_the_curated_records(hook: dict[str, Any]) -> None:
    files = re.compile(hook["files"])
    assert files.search(ARTICLE) and files.search("curated/vocabularies/themes.yaml")
    for other in ("seeds/000_9bfa1fe98483ed1f.txt", "dataset/articles.jsonl", "README.md"):
        assert not files.search(other)


def run_entry(hook: dict[str, Any], files: list[str]) -> int:
    """Run a hook's entry as pre-commit does: from the repository root, with file names."""
    program, *arguments = shlex.split(hook["entry"])
    assert program == "iraq-ct-news"
    return main([*arguments, *files])


@pytest.mark.parametrize("hook", offered_hooks(), ids=lambda hook: hook["id"])
def test_hook_entries_pass_clean_records_and_fail_broken_ones(
    hook: dict[str, Any],
    valid_tree: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(valid_tree)
    assert run_entry(hook, [ORGANIZATION, PLACE]) == 0

    place = valid_tree / PLACE
    place.write_text(place.read_text(encoding="utf-8").replace("kind: city", "kind: town"),
                     encoding="utf-8")
    capsys.readouterr()
    assert run_entry(hook, [PLACE]) == 1
    assert f"{PLACE}:" in capsys.readouterr().out


def test_fmt_hook_catches_a_layout_the_validator_accepts(
    valid_tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(valid_tree)
    place = valid_tree / PLACE
    place.write_text(place.read_text(encoding="utf-8").replace("kind: city", "kind:   city"),
                     encoding="utf-8")
    hooks = {hook["id"]: hook for hook in offered_hooks()}
    assert run_entry(hooks["iraq-ct-news-validate"], [PLACE]) == 0
    assert run_entry(hooks["iraq-ct-news-fmt"], [PLACE]) == 1
    assert f"{PLACE}: would reformat" in capsys.readouterr().out


# -- the workflow -------------------------------------------------------------------------------


def workflow_commands() -> list[str]:
    workflow = load(WORKFLOW)
    (job,) = workflow["jobs"].values()
    return [
        step["run"].strip() for step in job["steps"]
        if "run" in step and not WORKFLOW_SETUP.match(step["run"].strip())
    ]


def ci_commands() -> list[str]:
    lines = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith(("#", "#!")) and not CI_SETUP.match(line):
            commands.append(line)
    return commands


def normalised(command: str) -> str:
    """A command without the options that change only how it reports."""
    return re.sub(r" --quiet| --format github", "", command)


def test_workflow_runs_on_pull_requests_with_read_only_rights() -> None:
    workflow = load(WORKFLOW)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert job["timeout-minutes"] <= 30
    assert job["env"] == {"CI": "1", "HYPOTHESIS_PROFILE": "ci"}


def test_workflow_runs_what_ci_runs() -> None:
    commands = workflow_commands()
    assert "iraq-ct-news validate --format github" in commands
    assert {normalised(command) for command in commands} == {
        normalised(command) for command in ci_commands()
    }
    assert setup_commands()[1] in commands  # the README's test command
    for command in (
        "ruff check src tests benchmarks",
        "iraq-ct-news fmt --check",
        "iraq-ct-news build --check",
        "frictionless validate dataset/datapackage.json",
    ):
        assert command in commands
    assert "export CI=1 HYPOTHESIS_PROFILE=ci" in (REPOSITORY / ".ci" / "run").read_text("utf-8")


def test_every_check_reports_even_after_one_fails() -> None:
    (job,) = load(WORKFLOW)["jobs"].values()
    steps = [step for step in job["steps"] if "run" in step]
    validate = next(i for i, step in enumerate(steps) if "validate --format" in step["run"])
    for step in steps[validate + 1 :]:
        assert step.get("if") == "${{ !cancelled() }}", step["name"]


def test_pull_request_template_has_the_curation_checklist() -> None:
    template = TEMPLATE.read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+(?:\n {6}.+)*)", template, flags=re.MULTILINE)
    assert len(items) >= 10
    text = " ".join(" ".join(item.split()) for item in items)
    for rule in (
        "SHA256SUMS", "TODO", "verbatim", "invented", "aliases", "EDTF", "source.captured",
        "quotation marks", "CAMEO", "revision", "withdraw", "iraq-ct-news validate",
        "fmt --check", "build --check", "CHANGELOG.md", "python -m pytest",
    ):
        assert rule in text, rule
