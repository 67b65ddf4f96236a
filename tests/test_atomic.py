"""Atomic writes: a failure in the middle of writing leaves every previous file intact.

Failures are injected with :mod:`tests.failure_injection`: a full disk (writes fail with ENOSPC
partway through), an exception from the writer, a failure of the final rename. After each, every
file must be byte for byte either its old content or its complete new content, and no
temporary file may be left behind.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core import fsutil
from iraq_ct_news.core.fsutil import write_atomic
from iraq_ct_news.models.schema_export import (
    SCHEMA_MODELS,
    render_schema,
    schema_file_name,
    write_schemas,
)
from iraq_ct_news.store.formatting import format_record

from .failure_injection import assert_old_or_new, disk_full, fail_on_call, snapshot

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PERSON = "curated/people/fixture-gigauri.yaml"


# -- the primitive -------------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [0, 1, 5000])
def test_a_full_disk_leaves_the_old_file(tmp_path: Path, budget: int) -> None:
    target = tmp_path / "record.yaml"
    target.write_bytes(b"old content\n")
    before = snapshot(tmp_path)
    with disk_full(after_bytes=budget), pytest.raises(OSError) as raised:
        write_atomic(target, b"new content " * 1000)
    assert raised.value.errno == errno.ENOSPC
    assert snapshot(tmp_path) == before


def test_a_full_disk_creates_no_half_file(tmp_path: Path) -> None:
    with disk_full(after_bytes=3), pytest.raises(OSError):
        write_atomic(tmp_path / "new.yaml", b"content")
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_a_failure_at_any_later_step_leaves_the_old_file(tmp_path: Path, step: str) -> None:
    target = tmp_path / "record.yaml"
    target.write_bytes(b"old content\n")
    before = snapshot(tmp_path)
    with fail_on_call(fsutil.os, step, error=OSError(errno.EIO, "injected")):
        with pytest.raises(OSError):
            write_atomic(target, b"new content\n")
    assert snapshot(tmp_path) == before


def test_an_interrupt_during_the_write_leaves_the_old_file(tmp_path: Path) -> None:
    """Not only errors: a KeyboardInterrupt in the middle must not leave a temporary file."""
    target = tmp_path / "record.yaml"
    target.write_bytes(b"old content\n")
    before = snapshot(tmp_path)
    with fail_on_call(fsutil.os, "fsync", error=KeyboardInterrupt()):
        with pytest.raises(KeyboardInterrupt):
            write_atomic(target, b"new content\n")
    assert snapshot(tmp_path) == before


def test_the_new_file_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "record.yaml"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# -- fmt ----------------------------------------------------------------------------------------


def _intended(tree: Path) -> dict[str, bytes]:
    """What fmt would write for each file that changes."""
    intended = {}
    for name, kind in ((ARTICLE, "article"), (PERSON, "person")):
        formatted = format_record((tree / name).read_bytes(), kind)  # type: ignore[arg-type]
        assert formatted.changed
        intended[name] = formatted.text.encode("utf-8")
    return intended


def test_fmt_on_a_disk_that_fills_up_leaves_each_file_old_or_new(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(valid_tree)
    intended = _intended(valid_tree)
    # Enough for the article (written first), not for the person record after it.
    with disk_full(after_bytes=len(intended[ARTICLE]) + 10):
        status = main(["fmt", "--root", str(valid_tree)])
    assert status == 1
    captured = capsys.readouterr()
    assert "cannot write" in captured.err and "Traceback" not in captured.err
    new, _ = assert_old_or_new(valid_tree, before, intended)
    assert new == [ARTICLE]


def test_fmt_on_a_full_disk_writes_nothing(valid_tree: Path) -> None:
    before = snapshot(valid_tree)
    with disk_full(after_bytes=0):
        assert main(["fmt", "--root", str(valid_tree)]) == 1
    assert snapshot(valid_tree) == before


def test_an_exception_from_the_writer_leaves_the_files_not_yet_written(valid_tree: Path) -> None:
    before = snapshot(valid_tree)
    intended = _intended(valid_tree)
    with fail_on_call(fsutil, "write_atomic", call=2):
        with pytest.raises(RuntimeError, match="injected"):
            main(["fmt", "--root", str(valid_tree)])
    new, _ = assert_old_or_new(valid_tree, before, intended)
    assert new == [ARTICLE]


def test_an_exception_while_formatting_writes_nothing(valid_tree: Path) -> None:
    """fmt formats every file before writing any, so a crash while formatting changes nothing."""
    import iraq_ct_news.store.formatting

    before = snapshot(valid_tree)
    with fail_on_call(iraq_ct_news.store.formatting, "format_record", call=3):
        with pytest.raises(RuntimeError, match="injected"):
            main(["fmt", "--root", str(valid_tree)])
    assert snapshot(valid_tree) == before


# -- schema -------------------------------------------------------------------------------------


def _stale_schemas(directory: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    directory.mkdir(parents=True, exist_ok=True)
    for kind in SCHEMA_MODELS:
        (directory / schema_file_name(kind)).write_bytes(b'{"stale": true}\n')
    intended = {schema_file_name(kind): render_schema(kind) for kind in SCHEMA_MODELS}
    return snapshot(directory), intended


def test_schema_on_a_disk_that_fills_up_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    directory = tmp_path / "schema"
    before, intended = _stale_schemas(directory)
    order = [schema_file_name(kind) for kind in SCHEMA_MODELS]
    budget = len(intended[order[0]]) + len(intended[order[1]]) + 100
    with disk_full(after_bytes=budget), pytest.raises(OSError):
        write_schemas(directory)
    new, old = assert_old_or_new(directory, before, intended)
    assert sorted(new) == sorted(order[:2]) and len(old) == len(order) - 2


def test_an_exception_from_the_schema_writer_leaves_the_rest_old(tmp_path: Path) -> None:
    import iraq_ct_news.models.schema_export

    directory = tmp_path / "schema"
    before, intended = _stale_schemas(directory)
    with fail_on_call(iraq_ct_news.models.schema_export, "write_atomic", call=4):
        with pytest.raises(RuntimeError, match="injected"):
            write_schemas(directory)
    new, old = assert_old_or_new(directory, before, intended)
    assert len(new) == 3 and len(old) == 3


def test_schema_reports_a_full_disk_without_a_traceback(tmp_path: Path) -> None:
    _stale_schemas(tmp_path / "schema")
    with disk_full(after_bytes=0):
        assert main(["schema", "--root", str(tmp_path)]) == 1


def test_the_injection_helpers_really_fail_writes(tmp_path: Path) -> None:
    """Guard against a helper that silently stops injecting (e.g. after a Python upgrade)."""
    with disk_full(after_bytes=4):
        with pytest.raises(OSError):
            (tmp_path / "a").write_bytes(b"123456")
        with pytest.raises(OSError):
            with open(tmp_path / "b", "w", encoding="utf-8") as stream:
                stream.write("123456")
        descriptor = os.open(tmp_path / "c", os.O_WRONLY | os.O_CREAT)
        try:
            with pytest.raises(OSError):
                os.write(descriptor, b"123456")
        finally:
            os.close(descriptor)
    assert (tmp_path / "a").read_bytes() == b"1234"
