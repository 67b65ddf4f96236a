"""`iraq-ct-news validate` as a user meets it: output formats, exit statuses, file selection."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iraq_ct_news.checks.rules.catalog import RULES
from iraq_ct_news.commands.cli import main

from .conftest import VALID_TREE

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PERSON = "curated/people/fixture-gigauri.yaml"


def break_article(tree: Path) -> None:
    path = tree / ARTICLE
    text = path.read_text(encoding="utf-8")
    text = text.replace("revision: 1", "revision: '1'").replace("status: active", "status: live")
    path.write_text(text, encoding="utf-8")


def test_clean_tree_exits_zero(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(valid_tree)]) == 0
    assert capsys.readouterr().out.strip() == "0 error(s), 0 warning(s)"


def test_errors_exit_one_with_located_lines(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_article(valid_tree)
    assert main(["validate", "--root", str(valid_tree)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{valid_tree.as_posix()}/{ARTICLE}:4:11: S003 revision: Input should be a valid integer (got text '1')"
    assert lines[1].startswith(f"{valid_tree.as_posix()}/{ARTICLE}:7:9: S004 status:")
    assert lines[-1] == "2 error(s), 0 warning(s)"


def test_paths_are_relative_when_run_from_the_root(
    valid_tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    break_article(valid_tree)
    monkeypatch.chdir(valid_tree)
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.startswith(f"{ARTICLE}:4:11: S003 ")


def test_json_format(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_article(valid_tree)
    assert main(["validate", "--root", str(valid_tree), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["errors"] == 2 and document["warnings"] == 0
    first = document["findings"][0]
    assert (first["line"], first["column"], first["code"], first["severity"]) == (4, 11, "S003", "error")


def test_github_format_annotates_the_line(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_article(valid_tree)
    main(["validate", "--root", str(valid_tree), "--format", "github"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=") and ",line=4,col=11,title=S003::" in first


def test_warnings_alone_exit_zero(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = valid_tree / "curated/articles/fixture-iom-agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  en: A test fixture headline", "  en: عنوان"), encoding="utf-8")
    assert main(["validate", "--root", str(valid_tree)]) == 0
    assert "T006 warning:" in capsys.readouterr().out


def test_files_limit_the_report_but_not_the_references(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Break the article, and make the person refer to an article that does not exist.
    break_article(valid_tree)
    person = valid_tree / PERSON
    person.write_text(person.read_text(encoding="utf-8").replace(
        "source_article: fixture-iom-agreement", "source_article: no-such-article"), encoding="utf-8")
    assert main(["validate", "--root", str(valid_tree), str(valid_tree / PERSON)]) == 1
    out = capsys.readouterr().out
    assert "I003" in out and "S003" not in out and ARTICLE not in out
    assert out.splitlines()[-1] == "1 error(s), 0 warning(s)"


def test_a_file_outside_the_tree_is_a_usage_error(
    valid_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    assert main(["validate", "--root", str(valid_tree), str(outside)]) == 2
    assert "is not inside the repository" in capsys.readouterr().err


def test_missing_curated_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(tmp_path)]) == 2
    assert "has no curated/ folder" in capsys.readouterr().err


def test_bad_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--format", "xml"])
    assert caught.value.code == 2


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_code_is_explained(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--explain", code.lower()]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} {RULES[code].title}") and "How to fix:" in out


def test_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--explain", "Z999"]) == 2
    assert "unknown rule code" in capsys.readouterr().err


def test_module_entry_point_and_no_traceback_for_user_errors(valid_tree: Path) -> None:
    (valid_tree / ARTICLE).write_bytes(b"\xff\xfe not yaml")
    completed = subprocess.run(
        [sys.executable, "-m", "iraq_ct_news", "validate", "--root", str(valid_tree)],
        capture_output=True, text=True, check=False,
    )
    assert completed.returncode == 1
    assert ":1:1: Y001 " in completed.stdout
    assert "Traceback" not in completed.stderr


def test_a_dozen_mistakes_give_a_dozen_located_findings(valid_tree: Path) -> None:
    """The acceptance scenario of the foundation: each mistake is found and placed."""
    path = valid_tree / ARTICLE
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("revision: 1", "revision: '1'"),                                  # S003
        ("modified: '2026-11-25'", "modified: '2026-11-20'"),              # D004
        ("language: ar\n", "language: ar\nlanguage_code: ar\n"),           # S002
        ("published: 2021-12-20", "published: 2021-12-21"),                # D006
        ("  exact: جيورجي جيغاوري\n", "  exact: جورج جيغاوري\n"),          # P005
        ("  delivery: in-person", "  delivery: in person"),                # S004
        ("  date: 2021-12-16", "  date: 2021-12-32"),                      # D001
        ("- fixture-pve\n", "- fixture-pve\n- fixture-border\n"),          # I003
        ("  - fixture-iom\n  - fixture-gigauri\n", "  - fixture-iom\n  - fixture-iom\n"),  # I006
        ("amounts: []\n", "amounts:\n- value: 2000\n  currency: USD\n  exact: 16 كانون\n  purpose:\n    en: x\n"),  # P007
        ("seed_sha256: 9dc1", "seed_sha256: 0dc1"),                        # P002
        ("  byline: null", "  byline: كاتب"),                              # P009
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    from iraq_ct_news.checks.run import validate_repository

    found = {(f.code, f.line) for f in validate_repository(valid_tree).errors}
    # Lines are those of the edited file (two inserted lines shift what follows them).
    assert found == {
        ("S003", 4), ("D004", 6), ("P002", 9), ("S002", 11), ("P009", 15), ("D006", 27),
        ("I003", 35), ("P005", 41), ("S004", 66), ("D001", 72), ("I006", 80), ("P007", 84),
    }


def test_an_unknown_field_is_never_suggested_back_to_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ar`` is a field of headlines, not of the English-only summary: the hint suggested
    'ar' for 'ar'."""
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    path = tree / "curated/articles/fixture-iom-agreement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary:\n", "summary:\n  ar: ملخص\n", 1), encoding="utf-8")
    assert main(["validate", "--root", str(tree), "--no-cache"]) == 1
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if " S002 " in line]
    assert "unknown field 'ar'" in line and "did you mean 'ar'" not in line, line
