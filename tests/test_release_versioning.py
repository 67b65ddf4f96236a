"""Versioned records against the last release, `diff` between releases, and one version."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest

import iraq_ct_news
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.release.version_sync import changelog_version, version_mismatches

from .conftest import REPOSITORY
from .release_support import (
    ARTICLE,
    SECOND,
    add_second_article,
    build_release,
    copy_valid_tree,
    edit,
)

PERSON = "curated/people/fixture-gigauri.yaml"


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """A tree with two articles whose release is built: the state right after a release."""
    tree = copy_valid_tree(tmp_path / "repo")
    add_second_article(tree)
    build_release(tree)
    return tree


def codes(tree: Path) -> list[tuple[str, str]]:
    result = validate_repository(tree)
    return [(Path(f.path).name, f.code) for f in result.findings]


def test_a_fresh_release_has_no_versioning_findings(released: Path) -> None:
    assert codes(released) == []


def test_content_change_needs_revision_and_modified(released: Path) -> None:
    edit(released, ARTICLE, "en: A test fixture headline", "en: A reworded headline")
    assert codes(released) == [
        ("fixture-iom-agreement.yaml", "V002"), ("fixture-iom-agreement.yaml", "V003")
    ]
    edit(released, ARTICLE, "revision: 1", "revision: 2")
    assert codes(released) == [("fixture-iom-agreement.yaml", "V003")]
    edit(released, ARTICLE, "modified: '2026-11-25'", "modified: '2026-11-30'")
    assert codes(released) == []


def test_lifecycle_only_edits_are_not_content_changes(released: Path) -> None:
    edit(released, PERSON, "modified: '2026-11-25'", "modified: '2026-12-01'")
    edit(released, PERSON, "revision: 1", "revision: 3")
    assert codes(released) == []


def test_a_registry_change_is_versioned_too(released: Path) -> None:
    edit(released, PERSON, "en: Giorgi Gigauri", "en: Giorgi Gigauri Jr")
    assert codes(released) == [("fixture-gigauri.yaml", "V002"), ("fixture-gigauri.yaml", "V003")]


def test_deleting_a_released_record_is_an_error(released: Path) -> None:
    (released / SECOND).unlink()
    result = validate_repository(released)
    assert [(f.path, f.line, f.code) for f in result.errors] == [
        ((released / SECOND).as_posix(), 1, "V004")
    ]


def test_revision_and_created_never_go_back(released: Path) -> None:
    edit(released, PERSON, "created: '2026-11-25'", "created: '2026-11-20'")
    assert codes(released) == [("fixture-gigauri.yaml", "V005")]


def test_withdrawing_keeps_the_record_in_the_next_release(released: Path) -> None:
    edit(released, SECOND, "status: active",
         "status: withdrawn\nwithdrawn_reason: duplicate of fixture-iom-agreement\n"
         "superseded_by: fixture-iom-agreement")
    assert ("fixture-second.yaml", "V002") in codes(released)
    edit(released, SECOND, "revision: 1", "revision: 2")
    edit(released, SECOND, "modified: '2026-11-25'", "modified: '2026-12-02'")
    assert codes(released) == []
    build_release(released)
    line = (released / "dataset/articles.jsonl").read_text(encoding="utf-8").splitlines()[1]
    tombstone = json.loads(line)
    assert (tombstone["id"], tombstone["status"], tombstone["revision"]) == (
        "fixture-second", "withdrawn", 2
    )
    assert tombstone["superseded_by"] == "fixture-iom-agreement"
    assert codes(released) == []  # and the new release is the new reference


def test_diff_lists_added_modified_and_withdrawn(
    released: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = shutil.copytree(released / "dataset", tmp_path / "old")
    edit(released, SECOND, "status: active", "status: withdrawn\nwithdrawn_reason: a duplicate")
    edit(released, SECOND, "revision: 1", "revision: 2")
    edit(released, ARTICLE, "en: A test fixture headline", "en: A reworded headline")
    edit(released, ARTICLE, "revision: 1", "revision: 2")
    third = (released / SECOND).read_text(encoding="utf-8").replace(
        "id: fixture-second", "id: fixture-third"
    ).replace("status: withdrawn\nwithdrawn_reason: a duplicate", "status: active")
    (released / "curated/articles/fixture-third.yaml").write_text(third, encoding="utf-8")
    for path in (ARTICLE, SECOND):
        edit(released, path, "modified: '2026-11-25'", "modified: '2026-12-03'")
    build_release(released)

    assert main(["diff", str(old), str(released / "dataset")]) == 0
    out = capsys.readouterr().out
    assert "### Added\n- article `fixture-third` (revision 1)" not in out  # no old revision
    assert "### Added\n- article `fixture-third` — A second fixture headline" in out
    assert ("### Changed\n- article `fixture-iom-agreement` (revision 1 → 2): headline.en"
            in out)
    assert ("### Withdrawn\n- article `fixture-second` (revision 1 → 2): status, "
            "withdrawn_reason — a duplicate") in out
    assert "person" not in out  # registries did not change

    assert main(["diff", str(old), str(released / "dataset"), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["change"]) for c in document["changes"]] == [
        ("fixture-iom-agreement", "modified"), ("fixture-second", "withdrawn"),
        ("fixture-third", "added"),
    ]


def test_changelog_version() -> None:
    assert changelog_version("# Changelog\n\n## [Unreleased]\n\n- x\n") is None
    text = "## [Unreleased]\n\n## [1.2.0] - 2027-01-01\n\n## [1.1.0] - 2026-12-01\n"
    assert changelog_version(text) == "1.2.0"


def test_version_mismatches_are_named(released: Path) -> None:
    (released / "CHANGELOG.md").write_text(
        f"## [Unreleased]\n\n## [{iraq_ct_news.__version__}] - 2026-11-25\n", encoding="utf-8"
    )
    assert version_mismatches(released) == []
    assert version_mismatches(released, "9.9.9") == [
        f"CHANGELOG.md: top released section is {iraq_ct_news.__version__}, not 9.9.9",
        f"dataset/datapackage.json: version {iraq_ct_news.__version__}",
        f"dataset/README.md: version {iraq_ct_news.__version__}",
    ]


def test_one_version_everywhere_in_this_repository() -> None:
    pyproject = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/iraq_ct_news/core/_version.py"
    assert iraq_ct_news.DATA_VERSION == iraq_ct_news.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", iraq_ct_news.__version__)
    assert version_mismatches(REPOSITORY) == []
