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

import functools
import hashlib
import json
import weakref
from json.encoder import encode_basestring
from typing import Any

from pydantic import BaseModel

from . import Article

#: Top-level fields that are bookkeeping, not content.
LIFECYCLE_FIELDS = frozenset({"schema_version", "revision", "created", "modified"})
#: Fields the build computes.
COMPUTED_FIELDS = frozenset({"content_sha256"})
SPAN_COMPUTED_FIELDS = ("start", "end")
_NOT_CONTENT: set[str] = set(LIFECYCLE_FIELDS | COMPUTED_FIELDS)

#: ``json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
#: allow_nan=False)`` without building an encoder object on every call: the C encoder that
#: ``dumps`` uses for these options, made once (arguments: markers, default, string encoder,
#: indent, key separator, item separator, sort_keys, skipkeys, allow_nan). The canonical form
#: has no circular values to guard against (markers None) and no other types (default raises).
def _c_encoder() -> Any:
    """The C encoder for the canonical form, or None where the interpreter has none or builds
    it with other arguments (an undocumented function): it is used only once it has written a
    probe exactly as ``json.dumps`` does."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    probe = {"b": [1, 2.5, None, True, "ع\u2028\"x"], "a": {"z": "", "y": -3}}
    try:
        encode = make(None, json.JSONEncoder().default, encode_basestring, None, ":", ",",
                      True, False, False)
        written = "".join(encode(probe, 0))
    except Exception:  # noqa: BLE001 - any failure means: use json.dumps
        return None
    expected = json.dumps(probe, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          allow_nan=False)
    return encode if written == expected else None


_ENCODE: Any = _c_encoder()


def canonical_json(value: Any) -> bytes:
    """``value`` as canonical JSON bytes (sorted keys, no spaces, UTF-8)."""
    if _ENCODE is None:  # no C accelerator (another Python): the same text, made in Python
        text = json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
    else:
        text = "".join(_ENCODE(value, 0))
    return text.encode("utf-8")


def content_of(record: BaseModel) -> dict[str, Any]:
    """The part of a record that ``content_sha256`` covers, as a JSON object."""
    data = record.model_dump(
        mode="json", exclude=_NOT_CONTENT, exclude_defaults=True, exclude_none=True
    )
    if isinstance(record, Article):
        for path, span in record.spans():
            if span.start is None and span.end is None:
                continue  # dumped without them (null members are left out)
            node: Any = data
            for part in path:
                node = node[part]
            for name in SPAN_COMPUTED_FIELDS:
                node.pop(name, None)
    return data


#: The hash of each record hashed so far and still alive, by ``id``, with a weak reference that
#: tells a live record from a later one given the same ``id`` (and removes the entry with it).
_HASHED: dict[int, tuple[weakref.ref[BaseModel], str]] = {}


def content_sha256(record: BaseModel) -> str:
    """SHA-256 (hex) of the canonical JSON of ``content_of(record)``.

    Worked out once per record object: the validator's summary of a file and the build's
    tables both ask for it (records are frozen models, so the answer cannot change).
    """
    key = id(record)
    known = _HASHED.get(key)
    if known is not None and known[0]() is record:
        return known[1]
    found = hashlib.sha256(canonical_json(content_of(record))).hexdigest()
    _HASHED[key] = (weakref.ref(record, functools.partial(_forget, key)), found)
    return found


def _forget(key: int, reference: weakref.ref[BaseModel]) -> None:
    """Drop the entry of a record that is gone (unless a later record took its ``id``)."""
    known = _HASHED.get(key)
    if known is not None and known[0] is reference:
        del _HASHED[key]
