"""CONTRIBUTING.md, run: the guide cannot drift from what the commands do.

The guide is read block by block, in order, and every block is exercised:

* every ```sh block runs with bash in a copy of the repository (a git repository with a bare
  ``origin`` to push to, and a home folder whose ``~/Downloads`` holds the invented seed of
  ``contribution_support``); it must exit 0, or the status its line ends with
  (``# exit status N``). Two commands are not run there: the README's test command (CI runs it;
  ``test_readme`` keeps the two equal) is checked to be that command, and the long Hypothesis
  run is checked to be SECURITY.md's command and run with ``--collect-only``;
* a ```text block lists lines the previous command printed, in order (``...`` skips lines;
  ``path:line:col`` numbers are not compared);
* a ```yaml block is either the top of the scaffold ``new`` just wrote, a fragment of a real
  record (``# from PATH``: every value in it is in that record), or an edit (``# apply to PATH``)
  that, made to a copy of the repository, validates without errors;
* the ```markdown block under "Add a CHANGELOG entry" is the entry added to CHANGELOG.md;
* the curation itself, which a person does by hand, is done by ``contribution_support.curate``
  when the walkthrough reaches the heading "Curate the record";
* every `iraq-ct-news ...` command quoted inline parses with the real command line.
"""

from __future__ import annotations

import datetime
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import build_parser, command_modules
from iraq_ct_news.core.findings import Finding
from iraq_ct_news.models.layout import classify
from iraq_ct_news.reading.yamlreader import read_yaml_file, read_yaml_text
from iraq_ct_news.store.formatting import render

from . import contribution_support as contribution
from .conftest import REPOSITORY
from .test_readme import setup_commands

GUIDE = REPOSITORY / "CONTRIBUTING.md"
#: What a clone holds that the guide's commands read or write.
CURATE_HEADING = "4. Curate the record"
CHANGELOG_HEADING = "7. Add a CHANGELOG entry"
EXPECTED_STATUS = re.compile(r"#\s*exit status (\d+)\s*$")
LOCATION = re.compile(r":\d+:\d+: ")


@dataclass(frozen=True)
class Block:
    lang: str
    code: str
    heading: str
    line: int


@dataclass(frozen=True)
class Heading:
    title: str


def read_guide() -> list[Block | Heading]:
    """Headings and fenced blocks (also indented ones, inside lists) in document order."""
    items: list[Block | Heading] = []
    lines = GUIDE.read_text(encoding="utf-8").split("\n")
    heading = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = re.fullmatch(r"( *)```([a-z]*)", line)
        if fence:
            indent, lang = len(fence.group(1)), fence.group(2)
            body: list[str] = []
            index += 1
            while lines[index].strip() != "```":
                body.append(lines[index][indent:])
                index += 1
            items.append(Block(lang, "\n".join(body), heading, index + 1 - len(body)))
        elif line.startswith("#"):
            heading = line.lstrip("#").strip()
            items.append(Heading(heading))
        index += 1
    return items


def blocks(lang: str | None = None) -> list[Block]:
    return [item for item in read_guide() if isinstance(item, Block)
            and (lang is None or item.lang == lang)]


def security_long_run() -> str:
    security = (REPOSITORY / "SECURITY.md").read_text(encoding="utf-8")
    commands: list[str] = re.findall(r"^HYPOTHESIS_PROFILE=long .+$", security, flags=re.MULTILINE)
    assert len(commands) == 1
    return commands[0]


# -- the walkthrough ----------------------------------------------------------------------------


class Walkthrough:
    """A copy of the repository and the shell the guide's commands run in."""

    def __init__(self, tmp_path: Path) -> None:
        self.root = contribution.copy_repository(tmp_path / "iraq-ct-news")
        home = tmp_path / "home"
        (home / "Downloads").mkdir(parents=True)
        self.env = {
            **os.environ,
            "HOME": str(home),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "GIT_AUTHOR_NAME": "A Contributor", "GIT_AUTHOR_EMAIL": "contributor@example.org",
            "GIT_COMMITTER_NAME": "A Contributor",
            "GIT_COMMITTER_EMAIL": "contributor@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        self.env.pop("GIT_DIR", None)
        self.env.pop("GIT_WORK_TREE", None)
        origin = tmp_path / "origin.git"
        self.git("init", "--quiet", "--bare", str(origin), cwd=tmp_path)
        self.git("init", "--quiet", "-b", "main")
        self.git("add", ".")
        self.git("commit", "--quiet", "-m", "The repository as cloned")
        self.git("remote", "add", "origin", str(origin))
        self.downloads = home / "Downloads"
        self.output = ""

    def git(self, *arguments: str, cwd: Path | None = None) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=cwd or self.root, env=self.env, check=True,
            capture_output=True, text=True,
        ).stdout

    def run(self, block: Block) -> None:
        script = block.code
        lines = [line for line in script.split("\n") if line.strip()]
        if lines == [setup_commands()[1]]:
            self.output = ""  # the README's test command: CI runs it (test_readme)
            return
        if any(line.startswith("HYPOTHESIS_PROFILE=") for line in lines):
            assert lines == [security_long_run()], "the long run differs from SECURITY.md's"
            self.shell(f"{lines[0]} --collect-only -q -p no:cacheprovider", 0, REPOSITORY)
            return
        expected = 0
        statuses = [EXPECTED_STATUS.search(line) for line in lines]
        if any(statuses):
            assert len(lines) == 1, f"line {block.line}: an expected status needs a one-line block"
            expected = int(next(match for match in statuses if match).group(1))
        for match in re.finditer(r"^cp ~/Downloads/(\S+) seeds/(\S+)$", script, re.MULTILINE):
            assert match.group(2) == contribution.SEED_NAME
            contribution.write_seed(self.downloads / match.group(1))
        self.shell(script, expected, self.root)

    def shell(self, script: str, expected: int, cwd: Path) -> None:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=self.env,
            capture_output=True, text=True, check=False, timeout=120,
        )
        self.output = result.stdout + result.stderr
        assert result.returncode == expected, f"{script}\n→ {result.returncode}\n{self.output}"


def assert_printed(expected: str, output: str) -> None:
    """Each line of ``expected`` (but ``...``) is a line of ``output``, in order."""
    printed = [LOCATION.sub(":L:C: ", line) for line in output.split("\n")]
    position = 0
    for line in expected.split("\n"):
        if line.strip() == "...":
            continue
        wanted = LOCATION.sub(":L:C: ", line)
        assert wanted in printed[position:], f"not printed (in this order): {line}\n{output}"
        position = printed.index(wanted, position) + 1


def assert_scaffold_top(block: Block, root: Path) -> None:
    path = root / "curated" / "articles" / f"{contribution.ARTICLE_ID}.yaml"
    shown = block.code.split("\n")
    assert path.read_text(encoding="utf-8").split("\n")[: len(shown)] == shown


def add_changelog_entry(root: Path, entry: str) -> None:
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    unreleased = text.index("## [Unreleased]")
    added = text.index("### Added\n", unreleased) + len("### Added\n")
    changelog.write_text(text[:added] + entry + "\n" + text[added:], encoding="utf-8")


def test_the_guide_names_the_example_the_tests_curate() -> None:
    commands = "\n".join(block.code for block in blocks("sh"))
    assert (
        f"iraq-ct-news new --seed seeds/{contribution.SEED_NAME} --id {contribution.ARTICLE_ID}"
        in commands
    )
    headings = [item.title for item in read_guide() if isinstance(item, Heading)]
    assert CURATE_HEADING in headings and CHANGELOG_HEADING in headings


def test_following_the_guide_from_a_new_seed_to_a_pushed_branch(tmp_path: Path) -> None:
    walk = Walkthrough(tmp_path)
    today = datetime.date.today()
    previous: Block | None = None
    for item in read_guide():
        if isinstance(item, Heading):
            if item.title == CURATE_HEADING:
                contribution.curate(walk.root, today)
            continue
        if item.lang == "sh":
            walk.run(item)
        elif item.lang == "text":
            assert previous is not None and previous.lang == "sh", f"line {item.line}"
            assert_printed(item.code, walk.output)
        elif item.lang == "yaml" and "Scaffolded by `iraq-ct-news new`" in item.code:
            assert_scaffold_top(item, walk.root)
        elif item.lang == "markdown" and item.heading == CHANGELOG_HEADING:
            add_changelog_entry(walk.root, item.code)
        previous = item

    # The branch is pushed with the new seed, record and release, and the tree is clean.
    pushed = walk.git("ls-tree", "-r", "--name-only", "origin/add-unami-workshop-2019")
    for path in (
        f"seeds/{contribution.SEED_NAME}",
        f"curated/articles/{contribution.ARTICLE_ID}.yaml",
        f"curated/people/{contribution.PERSON_ID}.yaml",
    ):
        assert path in pushed.split("\n")
    assert walk.git("status", "--porcelain") == ""
    assert f"`{contribution.ARTICLE_ID}`" in (walk.root / "CHANGELOG.md").read_text("utf-8")
    walk.shell("iraq-ct-news build --check && iraq-ct-news fmt --check", 0, walk.root)


# -- the YAML examples --------------------------------------------------------------------------


def yaml_blocks(kind: str) -> list[tuple[str, dict[str, Any], Block]]:
    found = []
    for block in blocks("yaml"):
        first = block.code.split("\n", 1)[0]
        match = re.fullmatch(rf"# {kind} (curated/\S+\.yaml)", first)
        if match:
            found.append((match.group(1), read_yaml_text(block.code).data, block))
    return found


def test_every_yaml_block_is_of_a_checked_kind() -> None:
    for block in blocks("yaml"):
        first = block.code.split("\n", 1)[0]
        assert (
            re.fullmatch(r"# (from|apply to) curated/\S+\.yaml", first)
            or "Scaffolded by `iraq-ct-news new`" in block.code
        ), f"CONTRIBUTING.md line {block.line}: a YAML example the tests do not check"
    assert len(yaml_blocks("from")) >= 6 and len(yaml_blocks("apply to")) == 2


def contained(fragment: Any, record: Any) -> bool:
    """Whether every value of ``fragment`` is in ``record`` (list items: each equal to one)."""
    if isinstance(fragment, dict):
        return isinstance(record, dict) and all(
            key in record and contained(value, record[key]) for key, value in fragment.items()
        )
    if isinstance(fragment, list):
        return isinstance(record, list) and all(item in record for item in fragment)
    return bool(fragment == record) and type(fragment) is type(record)


@pytest.mark.parametrize(
    ("path", "fragment"),
    [(path, data) for path, data, _ in yaml_blocks("from")],
    ids=[f"line-{block.line}" for _, _, block in yaml_blocks("from")],
)
def test_examples_are_quoted_from_the_real_records(path: str, fragment: dict[str, Any]) -> None:
    record = read_yaml_file(REPOSITORY / path).data
    assert contained(fragment, record), f"the example is not (or no longer) in {path}"


def merge(base: dict[str, Any], edit: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in edit.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def apply_edit(root: Path, path: str, edit: dict[str, Any]) -> list[Finding]:
    target = root / path
    kind = classify(PurePosixPath(path))
    header = [target.read_text(encoding="utf-8").split("\n", 1)[0]]
    data = merge(read_yaml_file(target).data, edit)
    target.write_text(render(data, kind, header), encoding="utf-8")
    return validate_repository(root).findings


@pytest.mark.parametrize(
    ("path", "edit"),
    [(path, data) for path, data, _ in yaml_blocks("apply to")],
    ids=[f"line-{block.line}" for _, _, block in yaml_blocks("apply to")],
)
def test_correction_and_withdrawal_examples_validate(
    path: str, edit: dict[str, Any], tmp_path: Path
) -> None:
    findings = apply_edit(contribution.copy_repository(tmp_path / "with"), path, edit)
    assert [f.render() for f in findings if f.is_error] == []
    # Without the new revision and modified date, the same change is refused.
    bare = {key: value for key, value in edit.items() if key not in ("revision", "modified")}
    findings = apply_edit(contribution.copy_repository(tmp_path / "without"), path, bare)
    assert {"V002", "V003"} <= {f.code for f in findings}


# -- commands quoted in the prose ---------------------------------------------------------------


def inline_commands() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    prose = re.sub(r"^( *)```.*?^\1```$", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.findall(r"`(iraq-ct-news [^`]+)`", prose)


def test_inline_commands_parse() -> None:
    commands = inline_commands()
    assert len(commands) >= 8
    parser = build_parser()
    names = {module.__name__.rsplit(".", 1)[1] for module in command_modules()}
    for command in commands:
        if len(command.split()) == 2:  # the command named in the text: `iraq-ct-news new`
            assert command.split()[1] in names, command
            continue
        # Upper-case words (FILE, CODE, OLD_DATASET_DIR) stand for a value the reader supplies.
        words = [
            "x" if re.fullmatch(r"[A-Z][A-Z_]*", word) else word
            for word in shlex.split(command)[1:]
        ]
        try:
            parser.parse_args(words)
        except SystemExit:  # pragma: no cover - reported as a failure
            pytest.fail(f"CONTRIBUTING.md quotes a command that does not parse: {command}")


def test_sh_commands_are_the_project_commands() -> None:
    """Every iraq-ct-news command in the shell blocks parses too (they all run in the walkthrough,
    but a parse error is easier to read here)."""
    parser = build_parser()
    for block in blocks("sh"):
        for line in block.code.split("\n"):
            line = EXPECTED_STATUS.sub("", line).strip()
            if line.startswith("iraq-ct-news "):
                parser.parse_args(shlex.split(line)[1:])
