"""Releases written by earlier package versions stay readable (``diff`` against 0.1.0, ``load``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from iraq_ct_news.core.errors import BuildError
from iraq_ct_news.models import Theme
from iraq_ct_news.reading.jsonl import read_jsonl
from iraq_ct_news.release.dataset import load
from iraq_ct_news.release.diff import diff_releases

ROOT = Path(__file__).resolve().parent.parent
THEMES = ROOT / "dataset" / "themes.jsonl"


def _as_release_0_1_0(line: str) -> str:
    """The theme line as record format 1.0.0 wrote it: pillar numbers as JSON integers."""
    record = json.loads(line)
    for match in record["close_match"]:
        if match["scheme"] == "un-gcts-pillar":
            match["value"] = int(match["value"])
    return json.dumps(record, ensure_ascii=False)


def test_a_0_1_0_theme_line_reads_as_the_current_record(tmp_path: Path) -> None:
    lines = THEMES.read_text(encoding="utf-8").splitlines()
    old = tmp_path / "themes.jsonl"
    old.write_text("".join(_as_release_0_1_0(line) + "\n" for line in lines), encoding="utf-8")
    assert any('"value":1' in line.replace(" ", "") for line in old.read_text().splitlines())
    assert read_jsonl(old, Theme) == read_jsonl(THEMES, Theme)


def test_an_upgrade_never_lets_a_bad_line_through(tmp_path: Path) -> None:
    record = json.loads(THEMES.read_text(encoding="utf-8").splitlines()[0])
    for match in record["close_match"]:
        if match["scheme"] == "un-gcts-pillar":
            match["value"] = 7  # no such pillar, in any format
    bad = tmp_path / "themes.jsonl"
    bad.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"themes\.jsonl:1: not a valid Theme record"):
        read_jsonl(bad, Theme)


def test_diff_against_a_0_1_0_release_reports_no_theme_change(tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(ROOT / "dataset", old)
    lines = (old / "themes.jsonl").read_text(encoding="utf-8").splitlines()
    (old / "themes.jsonl").write_text(
        "".join(_as_release_0_1_0(line) + "\n" for line in lines), encoding="utf-8"
    )
    changes = diff_releases(load(old), load(ROOT / "dataset"))
    assert changes == []
