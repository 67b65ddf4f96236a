"""Measure the yaml-rs lever: the package's reader against yaml-rs on the same record files.

    pip install yaml-rs==0.1.6             # not a dependency of the package
    python benchmarks/yaml_rs_lever.py DIR [DIR ...] [--repeat 3]

For every ``*.yaml`` file under the given folders (a synthetic tree from ``synth.py``, the
repository's ``curated/``), it reads the text with the package's reader (``read_yaml_text``: the
libyaml fast path, or the strict event reader) and with ``yaml_rs.loads`` (duplicate keys an
error, no date parsing), counts the files whose data are identical (type for type), and prints
the CPU time per file of each, best of ``--repeat`` passes, in this one process. It asserts
nothing: it prints figures for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def identical(left: Any, right: Any) -> bool:
    """Equal and of the same types all the way down (``1 == 1.0 == True`` is not enough)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(identical(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(identical, left, right))
    return bool(left == right)


def best_time(read: Callable[[str], Any], texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            read(text)
        best = min(best, time.process_time() - started)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        import yaml_rs
    except ImportError:
        print("yaml-rs is not installed: pip install yaml-rs==0.1.6", file=sys.stderr)
        return 2
    from iraq_ct_news.reading.yamlreader import read_yaml_text

    files = sorted(path for folder in args.folders for path in folder.rglob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in files]

    def ours(text: str) -> Any:
        return read_yaml_text(text).data

    def theirs(text: str) -> Any:
        return yaml_rs.loads(text, parse_datetime=False)

    same = different = refused = 0
    for text in texts:
        try:
            data = theirs(text)
        except Exception:  # noqa: BLE001 - any refusal is counted, not judged
            refused += 1
            continue
        if identical(ours(text), data):
            same += 1
        else:
            different += 1
    print(f"{len(files)} files: {same} identical, {different} different, {refused} refused "
          f"by yaml-rs")
    reader = best_time(ours, texts, args.repeat)
    rust = best_time(theirs, texts, args.repeat)
    print(f"package reader: {1e6 * reader / len(texts):.0f} µs per file")
    print(f"yaml-rs:        {1e6 * rust / len(texts):.0f} µs per file ({reader / rust:.1f}× faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
