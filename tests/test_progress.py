"""The progress line: drawn on a terminal once work takes about a second, never when piped."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iraq_ct_news.core import progress as progress_module
from iraq_ct_news.core.progress import Progress

from .conftest import REPOSITORY, VALID_TREE


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_for_quick_work() -> None:
    stream = FakeTerminal()
    progress = Progress(stream)
    progress.start(10, "validating")
    progress.advance(10)
    progress.finish()
    assert stream.getvalue() == ""


def test_slow_work_on_a_terminal_draws_one_line_and_erases_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    stream = FakeTerminal()
    progress = Progress(stream)
    progress.start(3, "validating")
    clock[0] += 1.5
    progress.advance(1)
    clock[0] += 0.01  # too soon to redraw
    progress.advance(1)
    clock[0] += 0.5
    progress.advance(1)
    drawn = stream.getvalue()
    assert drawn == "\rvalidating: 1/3 files\rvalidating: 3/3 files"
    progress.finish()
    assert stream.getvalue().endswith("\r" + " " * len("validating: 3/3 files") + "\r")


def test_nothing_is_drawn_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    stream = io.StringIO()
    progress = Progress(stream)
    progress.start(2, "validating")
    clock[0] += 5
    progress.advance(2)
    progress.finish()
    assert stream.getvalue() == ""


#: Runs the command line with the delay before drawing set to zero (a small tree is quick).
_PROGRAM = """
import sys
import iraq_ct_news.core.progress as progress
progress.DELAY = 0.0
progress.INTERVAL = 0.0
from iraq_ct_news.commands.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _tree(tmp_path: Path) -> Path:
    import shutil

    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    return tree


def test_piped_stderr_gets_no_progress(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    for command in (["validate"], ["build", "--check"]):
        result = subprocess.run(
            [sys.executable, "-c", _PROGRAM, *command, "--root", str(tree)],
            capture_output=True, text=True, check=False, cwd=REPOSITORY,
        )
        assert "files" not in result.stderr, result.stderr
        assert "\r" not in result.stderr and "\r" not in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_terminal_gets_a_progress_line_that_is_erased(tmp_path: Path) -> None:
    import pty

    tree = _tree(tmp_path)
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _PROGRAM, "validate", "--root", str(tree)],
            stdout=subprocess.PIPE, stderr=terminal, stdin=subprocess.DEVNULL, cwd=REPOSITORY,
        )
        os.close(terminal)
        terminal = -1
        seen = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        out, _ = process.communicate(timeout=60)
    finally:
        os.close(controller)
        if terminal != -1:
            os.close(terminal)
    text = seen.decode("utf-8", "replace")
    assert "validating: " in text and " files" in text, text
    assert text.endswith("\r"), "the line is erased once the work is done"
    assert b"0 error(s), 0 warning(s)" in out
    assert b"\r" not in out
