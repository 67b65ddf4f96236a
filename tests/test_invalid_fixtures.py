"""Every rule has a fixture that breaks it, and the validator reports that rule at that line.

A case under ``tests/fixtures/invalid/<CODE>/`` is a small edit of the valid fixture tree plus
the finding it must cause. Besides the expected finding, a case may only cause the errors it
lists under ``also``, so each fixture pins down one rule.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from iraq_ct_news.checks.rules.catalog import RULES
from iraq_ct_news.checks.run import validate_repository

from .conftest import FIXTURES, VALID_TREE

INVALID = FIXTURES / "invalid"
CASES = sorted(INVALID.glob("*/*.yaml"))


def apply_case(case: dict[str, Any], tree: Path) -> None:
    for edit in case["edits"]:
        target = tree / edit["file"]
        if "content" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit["content"], encoding="utf-8")
        elif "content_base64" in edit:
            target.write_bytes(base64.b64decode(edit["content_base64"]))
        else:
            text = target.read_text(encoding="utf-8")
            for old, new in edit["replace"]:
                assert text.count(old) == 1, f"edit target not unique in {edit['file']}: {old!r}"
                text = text.replace(old, new)
            target.write_bytes(text.encode("utf-8"))


def test_every_rule_has_an_invalid_fixture() -> None:
    covered = {path.parent.name for path in CASES}
    assert set(RULES) - covered == set()
    assert covered - set(RULES) == set(), "fixture folder named after an unknown code"


def test_the_valid_tree_is_clean() -> None:
    result = validate_repository(VALID_TREE)
    assert result.findings == []


@pytest.mark.parametrize("case_path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_invalid_fixture_reports_its_code_at_its_line(case_path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    apply_case(case, tree)

    result = validate_repository(tree)

    expect = case["expect"]
    expected_path = (tree / expect["file"]).as_posix()
    located = [(f.path, f.line, f.code) for f in result.findings]
    assert (expected_path, expect["line"], expect["code"]) in located, result.findings
    allowed = {expect["code"], *case.get("also", [])}
    unexpected = [f for f in result.errors if f.code not in allowed]
    assert unexpected == [], "the fixture breaks more rules than it declares"
    assert RULES[expect["code"]].severity == next(
        f.severity for f in result.findings if f.code == expect["code"]
    )
