"""The canonical JSON of a record and its ``content_sha256``.

``content_sha256`` answers one question: did the *content* of a record change since the last
release? (A content change needs a ``revision`` bump and a new ``modified`` date: rules V002
and V003.) It is therefore computed over what a curator wrote, without:

* the lifecycle bookkeeping ``schema_version``, ``revision``, ``created``, ``modified`` (they
  change *because* the content changed, or describe the file format, not the record);
* what the build computes: ``content_sha256`` itself and the ``start``/``end`` offsets of every
  anchored span;
* members that are null or equal to their field's default (so that adding an optional field to
  the record format, or writing a default out explicitly, does not change any hash).

The remaining JSON value is serialised canonically: object keys sorted, no whitespace
(separators ``,`` and ``:``), non-ASCII characters written as UTF-8 rather than ``\\u`` escapes,
integers as digits, floats in their shortest round-trip form; the hash is SHA-256 of those
UTF-8 bytes, in lowercase hex. For the values records hold (ASCII keys, integers below 2**53,
short decimals) this is the RFC 8785 (JCS) serialisation.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

from . import Article

#: Top-level fields that are bookkeeping, not content.
LIFECYCLE_FIELDS = frozenset({"schema_version", "revision", "created", "modified"})
#: Fields the build computes.
COMPUTED_FIELDS = frozenset({"content_sha256"})
SPAN_COMPUTED_FIELDS = ("start", "end")


def canonical_json(value: Any) -> bytes:
    """``value`` as canonical JSON bytes (sorted keys, no spaces, UTF-8)."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def content_of(record: BaseModel) -> dict[str, Any]:
    """The part of a record that ``content_sha256`` covers, as a JSON object."""
    data = record.model_dump(
        mode="json",
        exclude=set(LIFECYCLE_FIELDS | COMPUTED_FIELDS),
        exclude_defaults=True,
        exclude_none=True,
    )
    if isinstance(record, Article):
        for path, _span in record.spans():
            node: Any = data
            for part in path:
                node = node[part]
            for name in SPAN_COMPUTED_FIELDS:
                node.pop(name, None)
    return data


def content_sha256(record: BaseModel) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content_of(record)``."""
    return hashlib.sha256(canonical_json(content_of(record))).hexdigest()
