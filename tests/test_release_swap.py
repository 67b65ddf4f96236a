"""The release swap: a build killed at any step leaves the old release or the new one, whole.

A kill runs no ``finally`` and no ``except``, so it cannot be imitated by raising an
exception. Each case runs :func:`write_release` in a child process that ends itself with
``os._exit`` just before its n-th step (a file written into the staging folder, the exchange,
a rename, a folder removed), for every n until a run completes; after each kill the tree must
hold the old or the new release in ``dataset/`` (or, on the two-rename fallback, the old one
renamed aside), and the next build's recovery must leave exactly one of them and no leftovers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iraq_ct_news.fsutil import exchange_paths
from iraq_ct_news.release import build as build_module

OLD = {"articles.jsonl": b'{"id":"old"}\n', "tables/articles.csv": b"id\nold\n", "README.md": b"old\n"}
NEW = {"articles.jsonl": b'{"id":"new"}\n', "tables/articles.csv": b"id\nnew\n", "README.md": b"new\n",
       "tables/quotes.csv": b"id\n"}

#: Run in the child: count the swap's steps and die (no clean-up at all) before step ``stop``.
KILLED_WRITE = """
import json, os, sys
from pathlib import Path
from iraq_ct_news.release import build as build_module

target, stop, exchange, files = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
files = {name: data.encode() for name, data in json.loads(Path(files).read_text()).items()}
steps = [0]

def step(function):
    def counted(*args, **kwargs):
        steps[0] += 1
        if steps[0] == stop:
            os._exit(137)
        return function(*args, **kwargs)
    return counted

build_module._write_file = step(build_module._write_file)
build_module._remove_tree = step(build_module._remove_tree)
build_module.exchange_paths = step(build_module.exchange_paths if exchange else lambda a, b: False)
os.rename = step(os.rename)
os.rmdir = step(os.rmdir)
build_module.write_release(target, files)
os._exit(0)
"""


def release(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _kill_at(tmp_path: Path, target: Path, stop: int, exchange: bool) -> int:
    files = tmp_path / "files.json"
    files.write_text(json.dumps({name: data.decode() for name, data in NEW.items()}))
    process = subprocess.run(
        [sys.executable, "-c", KILLED_WRITE, str(target), str(stop), "1" if exchange else "0",
         str(files)],
        capture_output=True, text=True, timeout=60,
    )
    assert "Traceback" not in process.stderr, process.stderr
    return process.returncode


def _exchange_available(tmp_path: Path) -> bool:
    (tmp_path / "probe-a").mkdir()
    (tmp_path / "probe-b").mkdir()
    try:
        return exchange_paths(tmp_path / "probe-a", tmp_path / "probe-b")
    finally:
        (tmp_path / "probe-a").rmdir()
        (tmp_path / "probe-b").rmdir()


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_build_killed_at_any_step_leaves_a_whole_release(tmp_path: Path, exchange: bool) -> None:
    if os.name != "posix":
        pytest.skip("needs os._exit semantics of a POSIX kill")
    if exchange and not _exchange_available(tmp_path):
        if os.environ.get("CI") and sys.platform.startswith("linux"):
            pytest.fail("renameat2(RENAME_EXCHANGE) is missing on the Linux CI machine")
        pytest.skip("no atomic exchange on this system")
    outcomes = []
    for stop in range(1, 50):
        case = tmp_path / f"kill-{stop}"
        target = case / "dataset"
        case.mkdir()
        build_module.write_release(target, OLD)
        status = _kill_at(tmp_path, target, stop, exchange)
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
