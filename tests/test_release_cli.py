"""The commands for people: `stats`, `show`, `search`, and clear one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from iraq_ct_news import __version__
from iraq_ct_news.commands.cli import main

from .release_support import add_second_article, build_release, copy_valid_tree


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_valid_tree(tmp_path_factory.mktemp("cli") / "repo")
    add_second_article(tree, withdrawn=True)
    return build_release(tree)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_stats(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "stats", "--path", str(dataset))
    assert status == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "articles 2" in lines and "withdrawn 1" in lines
    assert "quotes 1" in lines  # the withdrawn article's quote is not counted
    assert "people 1" in lines and "organizations 1" in lines and "places 1" in lines
    publishers = lines.index("Active articles per publisher")
    assert lines[publishers + 1] == "International Organization for Migration 1"
    assert lines[lines.index("Active articles per publication year") + 1] == "2021 1"
    assert lines[lines.index("Active articles per theme") + 1] == "Preventing violent extremism 1"


def test_show_prints_the_record_with_arabic_intact(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "show", "fixture-iom-agreement", "--path", str(dataset))
    assert status == 0
    assert out.startswith("# article fixture-iom-agreement\n")
    record = yaml.safe_load(out)
    import iraq_ct_news as ictn

    assert record["body"] == ictn.load(dataset).articles["fixture-iom-agreement"].body
    assert "body: |-\n  في 16 كانون الاول 2021 ، وقعت المنظمة الدولية للهجرة (IOM)" in out
    assert "\\u" not in out  # no escapes: the Arabic is printed as stored, in logical order
    assert record["quotes"][0]["start"] == 360


def test_show_round_trips_every_kind(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import iraq_ct_news as ictn

    ds = ictn.load(dataset)
    for record_id, expected in (
        ("fixture-iom-agreement", ds.articles["fixture-iom-agreement"]),
        ("fixture-gigauri", ds.people["fixture-gigauri"]),
        ("fixture-iom", ds.organizations["fixture-iom"]),
        ("fixture-baghdad", ds.places["fixture-baghdad"]),
        ("fixture-pve", ds.themes["fixture-pve"]),
        ("057", ds.cameo["057"]),
    ):
        status, out, _ = run(capsys, "show", record_id, "--format", "json", "--path", str(dataset))
        assert status == 0
        assert type(expected).model_validate_json(out) == expected


def test_search(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "الامن القومى", "--path", str(dataset))
    assert status == 0
    assert out.startswith("2 article(s) match 'الامن القومى'\n")
    assert "fixture-second  2021-12-20  fixture-iom [withdrawn]" in out
    # The snippet shows the stored spelling (with hamza and ya) around the match.
    assert "[الأمن القومي]" in out
    status, out, _ = run(capsys, "search", "داعش", "--path", str(dataset))
    assert (status, out) == (0, "0 article(s) match 'داعش'\n")


def test_search_limit(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "IOM", "--limit", "1", "--path", str(dataset))
    assert status == 0
    assert out.count("\nfixture-") == 1
    assert out.rstrip().endswith("(1 more; use --limit)")


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["show", "fixture-gigaur"], 2,
         f"iraq-ct-news: error: no record has the id 'fixture-gigaur' in release {__version__}; "
         "did you mean fixture-gigauri"),
        (["stats", "--path", "/nonexistent"], 1,
         "iraq-ct-news: error: /nonexistent is not a release folder (it has no articles.jsonl)"),
        (["search", "ـــ"], 2, "iraq-ct-news: error: the search text is empty once normalised"),
    ],
)
def test_mistakes_are_one_line_without_traceback(
    dataset: Path, argv: list[str], status: int, message: str
) -> None:
    if "--path" not in argv:
        argv = [*argv, "--path", str(dataset)]
    result = subprocess.run(
        [sys.executable, "-m", "iraq_ct_news", *argv], capture_output=True, text=True, check=False
    )
    assert result.returncode == status
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr
