"""What a newcomer meets first: commands find the repository from any folder inside it, ids are
found whatever their case, and mistakes get plain advice (a usage line, a tab in indentation, a
mistyped entity id)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iraq_ct_news.commands._options import repository_root
from iraq_ct_news.commands.cli import main
from iraq_ct_news.release.dataset import load

from .conftest import REPOSITORY
from .release_support import copy_valid_tree, edit

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_valid_tree(tmp_path / "repo")


def test_validate_finds_the_repository_from_a_folder_inside_it(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: fixture-gigaur")
    for folder in (tree / "curated", tree / "curated" / "articles"):
        monkeypatch.chdir(folder)
        assert main(["validate", "--no-cache"]) == 1
        out = capsys.readouterr().out
        assert f"{ARTICLE}:" in out and "I003" in out
    # A file named from the inner folder is the same file.
    monkeypatch.chdir(tree / "curated" / "articles")
    assert main(["validate", "--no-cache", "fixture-iom-agreement.yaml"]) == 1
    assert "I003" in capsys.readouterr().out


def test_outside_any_repository_the_command_says_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty" / "deeper"
    empty.mkdir(parents=True)
    assert repository_root(str(empty)) == empty
    monkeypatch.chdir(empty)
    assert main(["validate", "--no-cache"]) == 2
    assert "has no curated/ folder" in capsys.readouterr().err


def test_repository_root_stops_at_the_nearest_repository(tree: Path) -> None:
    assert repository_root(str(tree / "curated" / "people")) == tree.resolve()
    assert repository_root(str(tree)) == tree


def test_a_mistyped_entity_id_gets_a_did_you_mean(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: fixture-gigaur")
    assert main(["validate", "--no-cache", "--root", str(tree)]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "I003" in line)
    assert "did you mean 'fixture-gigauri'" in line


def test_a_tab_in_indentation_is_named_in_plain_words(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / ARTICLE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("  ") and ":" in line)
    lines[number] = "\t" + lines[number].lstrip(" ")
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["validate", "--no-cache", "--root", str(tree)]) == 1
    out = capsys.readouterr().out
    assert f"{ARTICLE}:{number + 1}:1: Y002" in out
    assert "tab" in out and "spaces" in out and "cannot start any token" not in out


def test_show_and_search_find_ids_whatever_their_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    dataset = load(REPOSITORY / "dataset")
    entity_id = sorted(dataset.organizations)[0]
    release = ["--path", str(REPOSITORY / "dataset")]
    assert main(["show", entity_id.upper(), *release]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(f" {entity_id}")
    assert main(["show", entity_id.upper(), "--format", "json", *release]) == 0
    assert f'"id": "{entity_id}"' in capsys.readouterr().out
    assert main(["search", "--entity", entity_id.upper(), *release]) == 0
    assert entity_id in capsys.readouterr().out


def test_search_with_nothing_to_look_for_says_how_to_call_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", "--path", str(REPOSITORY / "dataset")]) == 2
    err = capsys.readouterr().err
    assert "iraq-ct-news search TEXT" in err and "--entity ID" in err
