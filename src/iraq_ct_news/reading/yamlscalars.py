"""What an unquoted YAML scalar means, kept only where every YAML reader agrees.

Both readers (:mod:`.yamlevents` and :mod:`.yamlfast`) and ``fmt`` resolve plain scalars here,
so a value means the same whichever path read it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..core.errors import ReaderError
from ..core.limits import MAX_INTEGER
from .yamldocument import Position

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_MAX_INT_DIGITS = len(str(MAX_INTEGER))
#: First characters of every plain scalar that ``resolve_plain_scalar`` may turn into something
#: other than a string or refuse (nulls, booleans and numbers are looked up before this is
#: used): any other plain scalar is text.
NON_STRING_STARTS = frozenset("-+.0123456789")
#: First characters of every plain scalar that may not be text at all (for the fast path).
MAYBE_NOT_TEXT = NON_STRING_STARTS | frozenset("~nNtTfF") | {""}


def event_position(event: yaml.Event) -> Position:
    """The 1-based line and column where a parser event starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def resolve_plain_scalar(value: str, event: yaml.ScalarEvent | None = None) -> Any:
    """YAML 1.2 core's resolution of an unquoted scalar, kept only where every reader agrees.

    A record is read by this tool, by PyYAML (YAML 1.1) in users' scripts and by editors that
    check it against the published JSON Schema (YAML 1.2 core). A plain scalar must therefore
    mean one thing to all of them, or be refused (Y011) so that the author quotes it or writes
    the number plainly; nothing is kept silently as a value another tool reads differently:

    * ``null``/``Null``/``NULL``/``~``/empty are null, ``true``/``True``/``TRUE`` and the
      ``false`` spellings are booleans, decimal integers and decimal fractions are numbers, as
      in YAML 1.2 core (and 1.1);
    * an exponent without a fraction (``1e5``, ``0E0``) is a number, as YAML 1.2 core and JSON
      read it (PyYAML alone reads text there, which is why ``fmt`` writes ``100000.0``);
    * spellings 1.2 core reads as numbers that JSON cannot hold or that YAML 1.1 reads as
      another number or as text are refused (Y011): ``.inf``/``.nan`` in every spelling, octal
      ``0o17``, hexadecimal ``0x1F``, leading zeros (``010`` is 10 in 1.2, 8 in 1.1), a leading
      ``+`` and fractions without a digit on one side (``.5``, ``1.``);
    * YAML 1.1's other shorthands (``yes``/``no``/``on``/``off``, timestamps, ``1_000``,
      ``1:30``) are text, as YAML 1.2 core reads them; ``fmt`` writes them quoted, so ``fmt
      --check`` shows a file that relies on them.
    """
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if value[:1] not in NON_STRING_STARTS:
        return value
    if _INT.fullmatch(value):
        if len(value.lstrip("-")) > _MAX_INT_DIGITS or abs(int(value)) > MAX_INTEGER:
            raise ReaderError(
                "Y008", f"integer {value[:24]}… is out of range (limit ±{MAX_INTEGER})",
                *(event_position(event) if event else (1, 1)),
            )
        return int(value)
    if _FLOAT.fullmatch(value):
        number = float(value)
        if number in (float("inf"), float("-inf")):
            raise ReaderError(
                "Y008", f"number {value[:24]} is out of range", *(event_position(event) if event else (1, 1))
            )
        return number
    reading = _other_core_reading(value)
    if reading is not None:
        raise ReaderError(
            "Y011",
            f"unquoted {value[:24]!r} {reading}; write the number in plain decimal as JSON "
            "does (15, 0.5, 1.0), or quote the value if it is text",
            *(event_position(event) if event else (1, 1)),
        )
    return value


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_CORE_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_CORE_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_CORE_OCTAL = re.compile(r"0o[0-7]+")
_CORE_HEX = re.compile(r"0x[0-9a-fA-F]+")
_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def _other_core_reading(value: str) -> str | None:
    """How YAML tools disagree about ``value``, for a number spelling JSON does not share."""
    if _CORE_INFINITY.fullmatch(value) or _CORE_NAN.fullmatch(value):
        return "is infinity or not-a-number to YAML tools, and JSON has no such number"
    if _CORE_OCTAL.fullmatch(value):
        return f"is the octal number {int(value[2:], 8)} to YAML 1.2 tools and text to YAML 1.1 ones"
    if _CORE_HEX.fullmatch(value):
        return f"is the hexadecimal number {int(value[2:], 16)}, a spelling JSON does not have"
    if _CORE_INT.fullmatch(value):
        if value.lstrip("+-").startswith("0"):
            return "has a leading zero: YAML 1.2 tools read a decimal number, YAML 1.1 ones an octal one"
        return "has a leading '+', a spelling JSON does not have"
    if _CORE_FLOAT.fullmatch(value):
        return "is a number to YAML 1.2 tools, in a spelling JSON does not have"
    return None
