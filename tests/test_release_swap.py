"""The release swap: a build killed at any step leaves the old release or the new one, whole.

A kill runs no ``finally`` and no ``except``, so it cannot be imitated by raising an
exception. Each case runs :func:`write_release` in a forked child process that ends itself with
``os._exit`` just before its n-th step (a file written into the staging folder, the exchange,
a rename, a folder removed), for every n until a run completes; after each kill the tree must
hold the old or the new release in ``dataset/`` (or, on the two-rename fallback, the old one
renamed aside), and the next build's recovery must leave exactly one of them and no leftovers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.core.fsutil import exchange_paths
from iraq_ct_news.release import build as build_module

OLD = {"articles.jsonl": b'{"id":"old"}\n', "tables/articles.csv": b"id\nold\n", "README.md": b"old\n"}
NEW = {"articles.jsonl": b'{"id":"new"}\n', "tables/articles.csv": b"id\nnew\n", "README.md": b"new\n",
       "tables/quotes.csv": b"id\n"}

def release(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _kill_at(target: Path, stop: int, exchange: bool) -> int:
    """Run ``write_release(target, NEW)`` in a forked child that ends itself, running no
    clean-up at all (``os._exit``, as a kill does), just before its ``stop``-th step; the
    child's exit status (0 when it completed)."""
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            steps = [0]

            def step(function: Any) -> Any:
                def counted(*args: Any, **kwargs: Any) -> Any:
                    steps[0] += 1
                    if steps[0] == stop:
                        os._exit(137)
                    return function(*args, **kwargs)
                return counted

            build_module._write_file = step(build_module._write_file)  # type: ignore[assignment]
            build_module._remove_tree = step(build_module._remove_tree)  # type: ignore[assignment]
            build_module.exchange_paths = step(  # type: ignore[assignment]
                build_module.exchange_paths if exchange else (lambda first, second: False)
            )
            os.rename = step(os.rename)  # type: ignore[assignment]
            os.rmdir = step(os.rmdir)  # type: ignore[assignment]
            build_module.write_release(target, NEW)
            os._exit(0)
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


def _exchange_available(tmp_path: Path) -> bool:
    (tmp_path / "probe-a").mkdir()
    (tmp_path / "probe-b").mkdir()
    try:
        return exchange_paths(tmp_path / "probe-a", tmp_path / "probe-b")
    finally:
        (tmp_path / "probe-a").rmdir()
        (tmp_path / "probe-b").rmdir()


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_build_killed_at_any_step_leaves_a_whole_release(
    tmp_path: Path, exchange: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "fork"):
        pytest.skip("needs fork to run the build in a child that can be killed")
    if exchange and not _exchange_available(tmp_path):
        if os.environ.get("CI") and sys.platform.startswith("linux"):
            pytest.fail("renameat2(RENAME_EXCHANGE) is missing on the Linux CI machine")
        pytest.skip("no atomic exchange on this system")
    # Flushing to disk is for power loss, not for a kill: skipped, so the many runs are quick.
    monkeypatch.setattr(os, "fsync", lambda descriptor: None)
    outcomes = []
    for stop in range(1, 50):
        case = tmp_path / f"kill-{stop}"
        target = case / "dataset"
        case.mkdir()
        build_module.write_release(target, OLD)
        status = _kill_at(target, stop, exchange)
        names = sorted(path.name for path in case.iterdir())
        if exchange:
            # The atomic exchange never leaves the tree without a release, at any step.
            assert (target / "articles.jsonl").exists(), (stop, names)
            assert release(target) in (OLD, NEW), (stop, names)
        elif not target.exists():
            retired = [path for path in case.iterdir() if path.name.startswith(".dataset.old-")]
            assert len(retired) == 1 and release(retired[0]) == OLD, (stop, names)
        else:
            assert release(target) in (OLD, NEW), (stop, names)
        build_module.recover(target)  # what the next build does first
        assert sorted(path.name for path in case.iterdir()) == ["dataset"], (stop, names)
        assert release(target) in (OLD, NEW)
        outcomes.append(release(target) == NEW)
        if status == 0:
            break
    else:
        pytest.fail("write_release never completed")
    assert outcomes[-1] and not outcomes[0], "the kills must span the whole swap"
    assert len(outcomes) >= (6 if exchange else 7)


def test_the_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    if not _exchange_available(tmp_path):
        pytest.skip("no atomic exchange on this system")
    (tmp_path / "a").mkdir()
    (tmp_path / "a/one").write_text("1")
    (tmp_path / "b").mkdir()
    assert exchange_paths(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["one"]
    assert list((tmp_path / "a").iterdir()) == []
    with pytest.raises(FileNotFoundError):
        exchange_paths(tmp_path / "a", tmp_path / "missing")


def test_leftovers_that_are_links_are_unlinked_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    case = tmp_path / "repo"
    case.mkdir()
    (case / ".dataset.old-x1").symlink_to(outside, target_is_directory=True)
    (case / ".dataset.new-x2").symlink_to(outside, target_is_directory=True)
    build_module.write_release(case / "dataset", NEW)
    assert sorted(path.name for path in case.iterdir()) == ["dataset"]
    assert release(case / "dataset") == NEW
    assert (outside / "keep.txt").read_text() == "mine"


def test_a_missing_release_is_not_restored_from_a_linked_leftover(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "articles.jsonl").write_text("forged")
    case = tmp_path / "repo"
    case.mkdir()
    (case / ".dataset.old-x1").symlink_to(outside, target_is_directory=True)
    build_module.recover(case / "dataset")
    assert not os.path.lexists(case / "dataset")
    assert list(case.iterdir()) == [] and (outside / "articles.jsonl").exists()
