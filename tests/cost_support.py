"""Counting the Python lines a piece of code runs, for the tests that bound costs.

``sys.settrace`` is deterministic where a timer is not (the machine running the tests may be
busy), and a loop inside a loop shows in the count as it would in the time."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_run(action: Callable[[], object], counted: Callable[[str], bool]) -> int:
    """Lines ``action`` runs in the source files ``counted`` accepts (by file name)."""
    count = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            count[0] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if counted(frame.f_code.co_filename) else None

    earlier = sys.gettrace()
    sys.settrace(calls)
    try:
        action()
    finally:
        sys.settrace(earlier)
    return count[0]
