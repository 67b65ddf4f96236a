"""Datasette served from a test: on 127.0.0.1, on a free port, stopped when the test ends."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(database: Path, metadata: Path) -> Iterator[str]:
    """Serve ``database`` with ``metadata``; yields the server's address (``http://...:PORT``)
    once it answers, and stops it afterwards whatever happened."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database), "--host", "127.0.0.1",
         "--port", str(port), "--metadata", str(metadata)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{address}/{database.stem}.json", timeout=10).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read().decode() if server.stderr else "")
                time.sleep(0.3)
        yield address
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stderr:
            server.stderr.close()
