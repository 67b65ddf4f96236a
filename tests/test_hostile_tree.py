"""Hostile trees for the commands that write or read more than records: build, schema, new,
fmt, diff and show.

Every writer and reader of the tree is run, in a measured child process (see
``test_hostile.py``), against symbolic links at each place it writes or reads, and the readers
of release files against devices and named pipes. Each run must end with a clear message and
no traceback, within the CPU and memory limits, having read and written nothing outside the
tree and lost nothing inside it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.fsutil import LinkedPath, read_regular_file, write_atomic
from iraq_ct_news.core.limits import MAX_STRING_LENGTH

from .test_hostile import (
    CPU_SECONDS,
    PEAK_MEMORY_BYTES,
    SECRET,
    Run,
    build_case,
    opened_outside,
    run_cli,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs symbolic links and named pipes")

SCHEMA_FILES = ("article", "person", "organization", "place", "themes", "cameo")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target (links not followed)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[relative] = path.read_bytes()
    return found


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A valid tree with a built release, and a folder outside it holding a secret."""
    tree, outside = build_case({"edits": []}, tmp_path)
    assert main(["build", "--root", str(tree), "--no-cache"]) == 0
    yield tree, outside


def run(tmp_path: Path, tree: Path, *arguments: str) -> Run:
    log = tmp_path / "opened.json"
    result = run_cli([*arguments, "--root", str(tree)] if arguments[0] != "diff"
                     and "--path" not in arguments else list(arguments), log, kill_after=20.0)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.cpu_seconds < CPU_SECONDS, f"{result.cpu_seconds:.2f} s of CPU"
    assert result.peak_memory_bytes < PEAK_MEMORY_BYTES
    assert opened_outside(result, tree, log) == [], "read outside the tree"
    assert SECRET not in result.stdout + result.stderr
    return result


def no_leftovers(tree: Path) -> None:
    assert sorted(p.name for p in tree.iterdir()) == ["curated", "dataset", "schema", "seeds"]


# -- build and schema: writes through links ---------------------------------------------------


@pytest.mark.parametrize("command", [["build", "--no-cache"], ["schema"]])
def test_a_linked_schema_folder_is_refused_before_anything_is_written(
    case: tuple[Path, Path], tmp_path: Path, command: list[str]
) -> None:
    tree, outside = case
    shutil.rmtree(tree / "schema")
    (tree / "schema").symlink_to(outside, target_is_directory=True)
    before, release = snapshot(outside), snapshot(tree / "dataset")
    result = run(tmp_path, tree, *command)
    assert result.status == 1 and "schema" in result.stderr and "symbolic link" in result.stderr
    assert snapshot(outside) == before, "written outside the tree"
    assert snapshot(tree / "dataset") == release


def test_a_linked_schema_file_is_not_written_through(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    target = tree / "schema/place.schema.json"
    target.unlink()
    target.symlink_to(outside / "secret.txt")
    result = run(tmp_path, tree, "build", "--no-cache")
    assert result.status == 1 and "place.schema.json" in result.stderr
    assert (outside / "secret.txt").read_text() == SECRET + "\n"
    assert target.is_symlink()


def test_a_linked_release_folder_is_refused_and_leaves_nothing_behind(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    shutil.move(tree / "dataset", outside / "dataset")
    (tree / "dataset").symlink_to(outside / "dataset", target_is_directory=True)
    before = snapshot(outside)
    result = run(tmp_path, tree, "build", "--no-cache")
    assert result.status == 1 and "dataset" in result.stderr and "symbolic link" in result.stderr
    assert snapshot(outside) == before
    no_leftovers(tree)


def test_leftover_release_links_are_removed_without_following_them(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    (outside / "old").mkdir()
    (outside / "old/keep.txt").write_text("keep")
    (tree / ".dataset.old-abc").symlink_to(outside / "old", target_is_directory=True)
    (tree / ".dataset.new-def").symlink_to(outside / "old", target_is_directory=True)
    result = run(tmp_path, tree, "build", "--no-cache")
    assert result.status == 0, result.stderr
    no_leftovers(tree)
    assert (outside / "old/keep.txt").read_text() == "keep"


# -- build --check: reads through links ---------------------------------------------------------


@pytest.mark.parametrize("relative", ["articles.jsonl", "tables/quotes.csv"])
def test_check_does_not_read_a_linked_release_file(
    case: tuple[Path, Path], tmp_path: Path, relative: str
) -> None:
    tree, outside = case
    shutil.copy(tree / "dataset" / relative, outside / "copy")
    (tree / "dataset" / relative).unlink()
    (tree / "dataset" / relative).symlink_to(outside / "copy")  # same bytes, but outside
    result = run(tmp_path, tree, "build", "--check", "--no-cache")
    assert result.status == 1
    assert f"dataset/{relative}: is a symbolic link" in result.stdout


def test_check_does_not_read_a_linked_release_folder_or_schema(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    shutil.move(tree / "dataset", outside / "dataset")
    (tree / "dataset").symlink_to(outside / "dataset", target_is_directory=True)
    shutil.move(tree / "schema", outside / "schema")
    (tree / "schema").symlink_to(outside / "schema", target_is_directory=True)
    result = run(tmp_path, tree, "build", "--check", "--no-cache")
    assert result.status == 1
    assert "dataset: is a symbolic link" in result.stdout
    assert "schema: is a symbolic link" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_check_reads_no_release_file_past_its_expected_size(
    case: tuple[Path, Path], tmp_path: Path, kind: str
) -> None:
    tree, _ = case
    target = tree / "dataset/people.jsonl"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "dev-zero":
        os.symlink("/dev/zero", target)
    else:
        with target.open("wb") as stream:  # sparse: costs nothing to make, 8 GB to read
            stream.truncate(8 * 1024**3)
    result = run(tmp_path, tree, "build", "--check", "--no-cache")
    assert result.status == 1 and "dataset/people.jsonl" in result.stdout


# -- new: writes through links, and its seed -----------------------------------------------------


def _add_seed(tree: Path, name: str, text: str) -> str:
    (tree / "seeds" / name).write_text(text, encoding="utf-8")
    return str(tree / "seeds" / name)


SEED_TEXT = "عنوان الخبر الجديد\n\n" + "فقرة من نص الخبر عن التعاون في مكافحة الإرهاب.\n" * 3


def test_new_does_not_write_into_a_linked_articles_folder(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    shutil.move(tree / "curated/articles", outside / "articles")
    (tree / "curated/articles").symlink_to(outside / "articles", target_is_directory=True)
    seed = _add_seed(tree, "900_new.txt", SEED_TEXT)
    sums = (tree / "seeds/SHA256SUMS").read_bytes() if (tree / "seeds/SHA256SUMS").exists() else None
    before = snapshot(outside)
    result = run(tmp_path, tree, "new", "--seed", seed)
    assert result.status == 1 and "curated/articles is a symbolic link" in result.stderr
    assert snapshot(outside) == before
    after = (tree / "seeds/SHA256SUMS").read_bytes() if (tree / "seeds/SHA256SUMS").exists() else None
    assert after == sums, "the seed list was written although the record was refused"


def test_new_does_not_write_a_linked_seed_list(case: tuple[Path, Path], tmp_path: Path) -> None:
    tree, outside = case
    (outside / "sums").write_text("")
    (tree / "seeds/SHA256SUMS").unlink(missing_ok=True)
    (tree / "seeds/SHA256SUMS").symlink_to(outside / "sums")
    seed = _add_seed(tree, "900_new.txt", SEED_TEXT)
    result = run(tmp_path, tree, "new", "--seed", seed)
    assert result.status == 1 and "SHA256SUMS" in result.stderr
    assert (outside / "sums").read_text() == ""
    assert not (tree / "curated/articles/900-new.yaml").exists()


def test_new_refuses_the_seed_list_as_a_seed(case: tuple[Path, Path], tmp_path: Path) -> None:
    tree, _ = case
    (tree / "seeds/SHA256SUMS").write_text("")
    before = snapshot(tree)
    result = run(tmp_path, tree, "new", "--seed", str(tree / "seeds/SHA256SUMS"))
    assert result.status == 2 and "SHA256SUMS" in result.stderr and "not a source" in result.stderr
    assert snapshot(tree) == before


def test_new_names_the_seed_line_too_long_for_a_record(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, _ = case
    seed = _add_seed(tree, "901_one_line.txt", "عنوان\n" + "ب" * (MAX_STRING_LENGTH + 100_000))
    before = snapshot(tree)
    result = run(tmp_path, tree, "new", "--seed", seed)
    assert result.status == 1
    assert "seeds/901_one_line.txt:2: Y008" in result.stderr, result.stderr
    assert snapshot(tree) == before, "nothing may be written"


# -- fmt: comments in block headers, and what a killed fmt leaves ---------------------------------


@pytest.mark.parametrize("header", ["|- # reviewer note", "|2-\t# note", ">- # folded"])
def test_fmt_refuses_a_comment_on_a_block_scalar_header(
    case: tuple[Path, Path], tmp_path: Path, header: str
) -> None:
    tree, _ = case
    article = tree / "curated/articles/fixture-iom-agreement.yaml"
    text = article.read_text(encoding="utf-8")
    assert text.count("body: |-\n") == 1
    if header.startswith(">"):
        header = "|-" + header[2:]  # a folded body would change the text: keep the literal
    edited = text.replace("body: |-\n", f"body: {header}\n")
    article.write_text(edited, encoding="utf-8")
    result = run(tmp_path, tree, "fmt")
    assert result.status == 1 and "would lose this comment" in result.stdout, result.stdout
    line = edited.split("\n").index(f"body: {header}") + 1
    assert f"fixture-iom-agreement.yaml:{line}:" in result.stdout
    assert article.read_text(encoding="utf-8") == edited


def test_fmt_keeps_a_hash_inside_a_block_and_in_a_quoted_header_value(tmp_path: Path) -> None:
    from iraq_ct_news.store.formatting import comments as _comments

    assert _comments("a: |-\n  # not a comment\nb: '|- # not'\n")[1] == []
    assert _comments("a: |-#x\n  y\n")[1] == []  # `|-#x` is not a block header with a comment


def test_fmt_removes_what_a_killed_write_left_and_check_only_ignores_it(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    tree, outside = case
    folder = tree / "curated/places"
    leftover = folder / ".fixture-baghdad.yaml.k2j_9xq1.tmp"
    leftover.write_text("half a file")
    linked = folder / ".fixture-x.yaml.abcdefgh.tmp"
    linked.symlink_to(outside / "secret.txt")
    unrelated = folder / ".notes.tmp"
    unrelated.write_text("not ours")
    result = run(tmp_path, tree, "fmt", "--check")
    assert leftover.exists() and "removed" not in result.stdout, "--check writes nothing"
    result = run(tmp_path, tree, "fmt")
    assert result.status == 0, result.stdout + result.stderr
    assert not leftover.exists()
    assert "curated/places/.fixture-baghdad.yaml.k2j_9xq1.tmp (left by an interrupted write)" in (
        result.stdout
    )
    assert linked.is_symlink() and unrelated.exists(), "only our own regular files are removed"
    assert (outside / "secret.txt").read_text() == SECRET + "\n"


# -- diff and show: bounded reads of release folders --------------------------------------------


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "one-long-line", "folder"])
@pytest.mark.parametrize("command", ["diff", "show"])
def test_release_readers_refuse_devices_pipes_and_endless_lines(
    case: tuple[Path, Path], tmp_path: Path, kind: str, command: str
) -> None:
    tree, _ = case
    release = tree / "dataset"
    target = release / "people.jsonl"
    target.unlink()
    if kind == "dev-zero":
        os.symlink("/dev/zero", target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        with target.open("wb") as stream:  # 40 MB without a line end
            stream.truncate(40 * 1024 * 1024)
    arguments = (
        ["diff", str(release), str(release)] if command == "diff"
        else ["show", "fixture-baghdad", "--path", str(release)]
    )
    result = run(tmp_path, tree, *arguments)
    assert result.status == 1, result.stdout + result.stderr
    assert "people.jsonl" in result.stderr and result.stderr.startswith("iraq-ct-news: error:")
    assert result.wall_seconds < 10


def test_read_regular_file_in_the_tree_refuses_links_on_the_way(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real/file").write_bytes(b"x")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    assert read_regular_file(tmp_path / "real/file", 10, root=tmp_path) == b"x"
    with pytest.raises(LinkedPath) as caught:
        read_regular_file(tmp_path / "linked/file", 10, root=tmp_path)
    assert caught.value.filename == str(tmp_path / "linked")
    (tmp_path / "real/link").symlink_to(tmp_path / "real/file")
    with pytest.raises(LinkedPath):
        read_regular_file(tmp_path / "real/link", 10, root=tmp_path)
    with pytest.raises(LinkedPath):
        write_atomic(tmp_path / "linked/new", b"y", root=tmp_path)
    assert not (tmp_path / "real/new").exists()
    with pytest.raises(LinkedPath):
        write_atomic(tmp_path / "real/link", b"y", root=tmp_path)
    assert (tmp_path / "real/file").read_bytes() == b"x"
