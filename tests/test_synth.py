"""The benchmark's synthetic corpus is valid (not one finding) and the same for the same seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from iraq_ct_news.checks import parallel
from iraq_ct_news.checks.run import validate_repository

from .conftest import REPOSITORY

SYNTH = REPOSITORY / "benchmarks" / "synth.py"


def synth(n: int, out: Path, seed: int = 7) -> None:
    subprocess.run(
        [sys.executable, str(SYNTH), "--n", str(n), "--out", str(out), "--seed", str(seed)],
        check=True, capture_output=True,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "tree"
    synth(40, out)
    return out


def test_a_synthetic_tree_validates_with_no_finding_at_all(corpus: Path) -> None:
    result = validate_repository(corpus)
    assert result.findings == [], "\n".join(f.render() for f in result.findings[:20])
    articles = [r for r in result.records() if type(r).__name__ == "Article"]
    assert len(articles) == 40
    sizes = [len(a.body.encode("utf-8")) for a in articles]  # type: ignore[attr-defined]
    assert min(sizes) >= 3000 and max(sizes) <= 8192
    assert all(5 <= len(a.mentions) <= 25 for a in articles)  # type: ignore[attr-defined]
    assert all(len(a.quotes) <= 5 and len(a.events) <= 4 for a in articles)  # type: ignore[attr-defined]
    assert any(a.quotes for a in articles) and any(a.events for a in articles)  # type: ignore[attr-defined]
    pinned = [m for a in articles for m in a.mentions if m.prefix or m.occurrence]  # type: ignore[attr-defined]
    assert pinned, "repeated words are pinned with prefix or occurrence"


def test_the_synthetic_tree_is_valid_through_worker_processes_and_the_cli(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    assert validate_repository(corpus, keep_records=False, jobs=2).findings == []
    result = subprocess.run(
        [sys.executable, "-m", "iraq_ct_news", "validate", "--root", str(corpus), "--no-cache"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and result.stdout.strip() == "0 error(s), 0 warning(s)"


def test_the_same_seed_gives_the_same_tree(tmp_path: Path, corpus: Path) -> None:
    again = tmp_path / "again"
    synth(40, again)
    files = sorted(p.relative_to(corpus) for p in corpus.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((corpus / f).read_bytes() == (again / f).read_bytes() for f in files)
