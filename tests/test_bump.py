"""``iraq-ct-news bump``: a record changed since the release gets its next revision and a new
``modified`` date, and nothing else changes."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.reading.yamlreader import read_yaml_file

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
    released, later = before["revision"], _days_after(before["modified"], 1)
    assert {f.code for f in validate_repository(repository).errors} == {"V002", "V003"}
    assert main(["bump", "--root", str(repository), "--check", "--date", later]) == 1
    assert "curated/people/jan-kubis.yaml: changed since the release" in capsys.readouterr().out
    assert main(["bump", "--root", str(repository), "--date", later]) == 0
    after = read_yaml_file(person).data
    assert (after["revision"], after["modified"]) == (released + 1, later)
    assert {k: v for k, v in after.items() if k not in ("revision", "modified")} == {
        k: v for k, v in before.items() if k not in ("revision", "modified")
    }
    assert validate_repository(repository).errors == []
    capsys.readouterr()
    assert main(["bump", "--root", str(repository), "--date", _days_after(later, 1)]) == 0
    assert "no record needs a new revision" in capsys.readouterr().out
    assert read_yaml_file(person).data["revision"] == released + 1


def test_a_date_not_after_the_release_is_refused(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = repository / "curated" / "people" / "jan-kubis.yaml"
    text = person.read_text(encoding="utf-8")
    released = read_yaml_file(person).data
    person.write_text(text.replace("aliases: []", "aliases:\n- يان كوبيتش"), encoding="utf-8")
    assert main(["bump", "--root", str(repository), "--date", released["modified"]]) == 2
    assert "is not after the released modified date" in capsys.readouterr().err
    assert read_yaml_file(person).data["revision"] == released["revision"]


def _days_after(day: str, days: int) -> str:
    """The ISO date ``days`` after ``day``: the tests follow the record's released dates."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
