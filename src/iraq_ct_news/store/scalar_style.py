"""How one scalar is written in a record file: plain, quoted or as a literal block, so that
every YAML reader (the strict one, PyYAML's YAML 1.1, editors' YAML 1.2) reads back exactly
the same string. The layout of whole files is :mod:`.formatting`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..core.errors import ReaderError
from ..models.edtf import EDTF_PATTERN, ISO_DATE_PATTERN
from ..reading.yamlreader import resolve_plain_scalar

_DATE_LIKE = re.compile(rf"(?:{EDTF_PATTERN}|{ISO_DATE_PATTERN})")
#: What YAML 1.2's core schema (used by editors and most other tools) reads as a non-string.
_CORE_SCHEMA_NON_STRING = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_STRING_TAG = "tag:yaml.org,2002:str"
#: PyYAML's YAML 1.1 resolution (``yes`` is a boolean, ``2021-12-20`` a date, ``043`` octal).
_YAML_1_1 = yaml.resolver.Resolver()
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\0": "\\0"}


def non_string(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        if exponent and "." not in mantissa:
            # 1e+16 reads as text in YAML 1.1; 1.0e+16 is a float everywhere.
            text = f"{mantissa}.0e{exponent}"
        return text
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def key_text(key: str) -> str:
    return key if plain_safe(key) else inline_string(key)


def inline_string(value: str) -> str:
    """The string on one line: plain when unambiguous, else single-, else double-quoted."""
    if plain_safe(value) and not _DATE_LIKE.fullmatch(value):
        return value
    if all(literal_safe(char) for char in value):
        return "'" + value.replace("'", "''") + "'"
    return '"' + "".join(escaped(char) for char in value) + '"'


def escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if literal_safe(char):
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def literal_safe(char: str) -> bool:
    """Whether YAML holds ``char`` as itself inside any scalar style (except the line break).

    Outside YAML's printable set, and the characters YAML reads as line breaks (CR, NEL, LS,
    PS) or libyaml treats specially (BOM), need an escape in a double-quoted string. Tabs are
    escaped too, so they are visible.
    """
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return False
    if code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
        return False
    return True


def plain_safe(value: str) -> bool:
    """Whether ``value`` can be written unquoted and read back as this same string by the strict
    reader, by YAML 1.1 loaders (PyYAML) and by YAML 1.2 core-schema tools (editors)."""
    if not value or value != value.strip() or value[0] in _INDICATORS:
        return False
    if any(not literal_safe(char) or (char.isspace() and char != " ") for char in value):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    try:
        if resolve_plain_scalar(value) != value:
            return False
    except ReaderError:  # a number too large to read: certainly not a plain string
        return False
    if _CORE_SCHEMA_NON_STRING.fullmatch(value) or value == "<<":
        return False
    tag = _YAML_1_1.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == _STRING_TAG)


def block_safe(value: str) -> bool:
    """Whether a ``|-`` literal block reads back as exactly ``value``.

    ``|-`` drops trailing line breaks, takes its indentation from the first non-empty line, and
    cannot hold characters that need escapes.
    """
    if not value or value[0] in (" ", "\n") or value.endswith("\n"):
        return False
    return all(char == "\n" or literal_safe(char) for char in value)
