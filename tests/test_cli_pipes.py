"""The command line in a pipeline: a reader that stops early is not an error."""

from __future__ import annotations

import datetime
import subprocess
import sys

from iraq_ct_news.release.summary import year_label


def test_output_into_a_closed_pipe_exits_quietly() -> None:
    # The reading end is closed before the command has written anything (it is still
    # importing), so its first write meets a closed pipe, as with `| head` on long output.
    process = subprocess.Popen(
        [sys.executable, "-m", "iraq_ct_news", "show", "unodc-launches-ct-programme-iraq-2018"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    status = process.wait(timeout=60)
    error_output = process.stderr.read().decode()
    process.stderr.close()
    assert error_output == ""
    assert status == 0


def test_a_date_across_years_is_counted_under_its_span() -> None:
    day = datetime.date
    assert year_label(day(2016, 10, 17), day(2017, 7, 10)) == "2016–2017"
    assert year_label(day(2018, 1, 1), day(2018, 12, 31)) == "2018"
    assert year_label(None, day(2018, 2, 14)) == "unknown"
