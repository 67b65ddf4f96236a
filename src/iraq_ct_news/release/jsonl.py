"""JSON Lines: one complete record per line, the form ``load()`` reads back.

Writing uses pydantic's own serialiser (field order as in the models, UTF-8, no ``\\u``
escapes), so the bytes are the same on every run. Reading goes line by line through
``model_validate_json`` — pydantic-core parses the JSON itself, with no intermediate Python
dicts — which keeps memory flat and time linear at tens of thousands of records.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pydantic
from pydantic import BaseModel

from ..errors import BuildError

M = TypeVar("M", bound=BaseModel)


def render_jsonl(records: Iterable[BaseModel]) -> bytes:
    """One compact JSON object per line, LF-terminated."""
    return b"".join(record.__pydantic_serializer__.to_json(record) + b"\n" for record in records)


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a loop that creates many long-lived objects.

    Every few hundred allocations the collector walks the young objects, and ever larger older
    generations as they grow, so creating N models costs collector time that grows faster than
    N and finds nothing to free (records hold no reference cycles). The collector is disabled
    for the loop and restored however the loop ends. (It is not frozen afterwards: that would
    also pin any garbage the caller's program already holds.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Every record in ``path``, validated as ``model``; a bad line raises :class:`BuildError`."""
    records: list[M] = []
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise BuildError(f"{path} does not exist (is this a release folder?)") from None
    with stream, bulk_allocation():
        validate = model.model_validate_json
        for number, line in enumerate(stream, start=1):
            if line.isspace():
                continue
            try:
                records.append(validate(line))
            except pydantic.ValidationError as error:
                first = error.errors(include_url=False)[0]
                where = ".".join(str(part) for part in first["loc"])
                raise BuildError(
                    f"{path}:{number}: not a valid {model.__name__} record "
                    f"({where}: {first['msg']})"
                ) from None
    return records
