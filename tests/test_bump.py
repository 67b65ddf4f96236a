"""``iraq-ct-news bump``: a record changed since the release gets its next revision and a new
``modified`` date, and nothing else changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iraq_ct_news.cli import main
from iraq_ct_news.validator import validate_repository
from iraq_ct_news.yamlreader import read_yaml_file

from .conftest import REPOSITORY


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for folder in ("curated", "seeds", "dataset", "schema"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    return root


def test_a_changed_record_is_bumped_once(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    person = repository / "curated" / "people" / "jan-kubis.yaml"
    person.write_text(
        person.read_text(encoding="utf-8").replace("aliases: []", "aliases:\n- يان كوبيتش"),
        encoding="utf-8",
    )
    before = read_yaml_file(person).data
    assert {f.code for f in validate_repository(repository).errors} == {"V002", "V003"}
    assert main(["bump", "--root", str(repository), "--check"]) == 1
    assert "curated/people/jan-kubis.yaml: changed since the release" in capsys.readouterr().out
    assert main(["bump", "--root", str(repository), "--date", "2026-12-02"]) == 0
    after = read_yaml_file(person).data
    assert (after["revision"], after["modified"]) == (2, "2026-12-02")
    assert {k: v for k, v in after.items() if k not in ("revision", "modified")} == {
        k: v for k, v in before.items() if k not in ("revision", "modified")
    }
    assert validate_repository(repository).errors == []
    capsys.readouterr()
    assert main(["bump", "--root", str(repository), "--date", "2026-12-03"]) == 0
    assert "no record needs a new revision" in capsys.readouterr().out
    assert read_yaml_file(person).data["revision"] == 2


def test_a_date_not_after_the_release_is_refused(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = repository / "curated" / "people" / "jan-kubis.yaml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("aliases: []", "aliases:\n- يان كوبيتش"), encoding="utf-8")
    assert main(["bump", "--root", str(repository), "--date", "2026-11-25"]) == 2
    assert "is not after the released modified date" in capsys.readouterr().err
    assert read_yaml_file(person).data["revision"] == 1
