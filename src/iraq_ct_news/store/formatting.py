"""The canonical layout of a record file, written by ``iraq-ct-news fmt``.

Records are written by hand, by many people, in many editors. One layout for all of them keeps
diffs about content: keys in the order the model defines them (recursively), one quoting rule,
literal blocks for long text, a final newline. The formatter changes layout only, never a value:

* it works on the data the strict reader built, not on the model, so it keeps exactly the keys
  the file has (no defaults are added, no computed field appears);
* strings are written so that they read back as exactly the same string; a string YAML would
  read as something else (``yes``, ``2021-12-20``, ``"057"``, ``1.0``) or mangle (leading
  spaces, ``: ``, `` #``) is quoted, and characters YAML cannot hold literally are escaped;
* whitespace inside text is never folded and text is never normalised: a body with a double
  space or in NFD stays so, and the validator reports it (T001, T005);
* before it returns, the result is read back with the strict reader and compared with the
  original data, value by value and type by type; any difference is a refusal, not an output;
* the comment block at the top of the file (the ``# yaml-language-server: $schema=…`` line) is
  kept; a comment anywhere else could not be kept in place, so such a file is refused rather
  than silently losing the comment.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pydantic
import yaml
from pydantic import BaseModel

from ..checks.rules.schema import translate_model_errors
from ..core.errors import IraqCtNewsError, ReaderError
from ..models.kinds import SCHEMA_MODELS
from ..models.layout import FileKind
from ..reading.yamlreader import Document, PathKey, read_yaml_bytes, read_yaml_text
from .scalar_style import block_safe, inline_string, key_text, non_string

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Lines are never wrapped (wrapping would change where text breaks); a ``key: value`` line
#: that would be longer than this puts its value in a literal block on the lines below.
LINE_WIDTH = 100
#: Fields whose value is always a literal block, however short: the article text.
ALWAYS_BLOCK = frozenset({"body"})
INDENT = 2

#: A block scalar's header line with a comment: the indicator, its chomping and indentation
#: marks, blanks, then ``#`` (up to the ``#``).
_BLOCK_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*[ \t]+#")


class FormatRefused(IraqCtNewsError):
    """A file ``fmt`` will not rewrite; ``problems`` are ``(code, message, line, column)``.

    ``code`` is a validator rule code for files that do not read or do not match their model,
    and None for a refusal of ``fmt``'s own (a comment it could not keep).
    """

    def __init__(self, problems: list[tuple[str | None, str, int, int]]) -> None:
        self.problems = problems
        code, message, line, column = problems[0]
        super().__init__(f"{line}:{column}: {code or 'fmt'} {message}")


@dataclass(frozen=True)
class Formatted:
    """The canonical text of a file and whether it differs from what was read."""

    text: str
    changed: bool


def format_record(raw: bytes, kind: FileKind) -> Formatted:
    """The canonical form of the record file ``raw`` of kind ``kind``.

    Raises :class:`FormatRefused` for a file that does not read, does not validate against its
    model, or holds a comment below its top comment block.
    """
    try:
        document = read_yaml_bytes(raw)
    except ReaderError as error:
        raise FormatRefused([(error.code, error.message, error.line, error.column)]) from None
    _check_model(document, kind)
    header, stray = comments(document.text)
    if stray:
        raise FormatRefused(
            [
                (None, "fmt keeps only the comment block at the top of a file and would lose "
                 "this comment; move it there or delete it", line, column)
                for line, column in stray
            ]
        )
    text = render(document.data, kind, header)
    _verify(document, text, header)
    return Formatted(text, text.encode("utf-8") != raw)


def _check_model(document: Document, kind: FileKind) -> None:

    try:
        SCHEMA_MODELS[kind].model_validate(document.data)
    except pydantic.ValidationError as error:
        problems: list[tuple[str | None, str, int, int]] = []
        for code, path, message, on_key in translate_model_errors(error, document.data):
            line, column = document.locate(path, key=on_key)
            problems.append((code.code, message, line, column))
        raise FormatRefused(problems) from None


def comments(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The comment lines at the top of ``text``, and where every other comment starts.

    Comments are what lies between the scanner's tokens and starts with ``#``; whatever is
    inside a token (a ``#`` in a quoted string or a text block) is content, except on the
    header line of a block scalar (``body: |- # note``): the scanner counts that comment as
    part of the block's token, and it is a comment all the same.
    """
    gaps: list[tuple[int, int]] = []
    previous_end = 0
    first_content: int | None = None
    header_comments: list[int] = []
    for token in yaml.scan(text, Loader=_Loader):
        start, end = token.start_mark.index, token.end_mark.index
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            line_end = text.find("\n", start)
            comment = _BLOCK_HEADER_COMMENT.match(
                text, start, line_end if line_end != -1 else end
            )
            if comment is not None:
                header_comments.append(comment.end() - 1)
        if first_content is None and not isinstance(
            token, (yaml.StreamStartToken, yaml.DocumentStartToken, yaml.DirectiveToken)
        ):
            first_content = start
        gaps.append((previous_end, start))
        previous_end = max(previous_end, end)
    gaps.append((previous_end, len(text)))
    top = first_content if first_content is not None else len(text)
    header: list[str] = []
    stray: list[tuple[int, int]] = []
    for begin, end in gaps:
        for match in re.finditer(r"(?:^|(?<=[ \t\n]))#", text[begin:end]):
            offset = begin + match.start()
            line_start = text.rfind("\n", 0, offset) + 1
            if offset < top and not text[line_start:offset].strip():
                line_end = text.find("\n", offset)
                header.append(text[line_start : line_end if line_end != -1 else len(text)])
                continue
            line = text.count("\n", 0, offset) + 1
            stray.append((line, offset - line_start + 1))
    for offset in header_comments:
        line_start = text.rfind("\n", 0, offset) + 1
        stray.append((text.count("\n", 0, offset) + 1, offset - line_start + 1))
    return header, sorted(stray)


def _verify(document: Document, text: str, header: list[str]) -> None:
    """Refuse (never write) a result that does not read back to exactly the original."""
    try:
        again = read_yaml_text(text)
    except ReaderError as error:  # pragma: no cover - a formatter bug
        raise FormatRefused(
            [(None, f"fmt produced unreadable YAML ({error}); please report this", 1, 1)]
        ) from None
    if not same(again.data, document.data) or comments(text)[0] != header:
        raise FormatRefused(  # pragma: no cover - a formatter bug
            [(None, "fmt could not rewrite this file without changing it; please report this",
              1, 1)]
        )


def same(left: Any, right: Any) -> bool:
    """Equal values of equal types all the way down (``1 == 1.0 == True`` does not count)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return set(left) == set(right) and all(same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right))
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return bool(left == right)


# -- rendering ----------------------------------------------------------------------------------


def render(data: dict[str, Any], kind: FileKind | None, header: Iterable[str] = ()) -> str:
    """``data`` in canonical layout, keys ordered by ``kind``'s model (or kept, without one)."""
    model = SCHEMA_MODELS[kind] if kind is not None else None
    lines = list(header)
    lines.extend(_mapping(data, [model] if model else [], 0, ()) or ["{}"])
    return "\n".join(lines) + "\n"


def _mapping(
    data: dict[str, Any], models: list[type[BaseModel]], indent: int, path: PathKey
) -> list[str]:
    model = _choose(models, data)
    lines: list[str] = []
    for key in _ordered_keys(data, model):
        field_models = _field_models(model, key)
        lines.extend(_entry(key, data[key], field_models, indent, (*path, key)))
    return lines


def _entry(
    key: str, value: Any, models: list[type[BaseModel]], indent: int, path: PathKey
) -> list[str]:
    pad = " " * indent
    head = f"{pad}{key_text(key)}:"
    if isinstance(value, dict):
        if not value:
            return [f"{head} {{}}"]
        return [head, *_mapping(value, models, indent + INDENT, path)]
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        return [head, *_sequence(value, models, indent, path)]
    return _scalar_after(head, value, indent + INDENT, force_block=key in ALWAYS_BLOCK)


def _sequence(
    items: list[Any], models: list[type[BaseModel]], indent: int, path: PathKey
) -> list[str]:
    """A block sequence; under a mapping key its dashes stay at the key's indentation."""
    pad = " " * indent
    lines: list[str] = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and item:
            inner = _mapping(item, models, indent + INDENT, (*path, index))
            lines.append(f"{pad}- {inner[0][indent + INDENT:]}")
            lines.extend(inner[1:])
        elif isinstance(item, list) and item:
            lines.append(f"{pad}-")
            lines.extend(_sequence(item, models, indent + INDENT, (*path, index)))
        elif isinstance(item, (dict, list)):
            lines.append(f"{pad}- {'{}' if isinstance(item, dict) else '[]'}")
        else:
            lines.extend(_scalar_after(f"{pad}-", item, indent + INDENT, force_block=False))
    return lines


def _scalar_after(head: str, value: Any, block_indent: int, *, force_block: bool) -> list[str]:
    """``head`` followed by a scalar: inline when it fits, else as a literal block."""
    if isinstance(value, str):
        inline = inline_string(value)
        too_long = len(head) + 1 + len(inline) > LINE_WIDTH
        if (force_block or "\n" in value or too_long) and block_safe(value):
            pad = " " * block_indent
            return [f"{head} |-", *(f"{pad}{line}" if line else "" for line in value.split("\n"))]
        return [f"{head} {inline}"]
    return [f"{head} {non_string(value)}"]


# -- which model describes a mapping ------------------------------------------------------------


def _choose(models: list[type[BaseModel]], data: dict[str, Any]) -> type[BaseModel] | None:
    """The model (among a union's members) that describes ``data``: one with all its keys and,
    for a discriminated union, the same ``scheme``."""
    fitting = [model for model in models if set(data) <= set(model.model_fields)]
    for model in fitting:
        annotation = model.model_fields.get("scheme")
        if annotation is None or "scheme" not in data:
            return model
        if data["scheme"] in getattr(annotation.annotation, "__args__", ()):
            return model
    return fitting[0] if fitting else (models[0] if models else None)


def _ordered_keys(data: dict[str, Any], model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return list(data)
    order = {name: index for index, name in enumerate(model.model_fields)}
    return sorted(data, key=lambda key: (order.get(key, len(order)), list(data).index(key)))


def _field_models(model: type[BaseModel] | None, key: str) -> list[type[BaseModel]]:
    if model is None or key not in model.model_fields:
        return []
    return _models_in(model.model_fields[key].annotation)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model class named in ``annotation`` (through ``list[]``, ``| None``, ``Annotated``)."""
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for argument in getattr(annotation, "__args__", ()) or ():
        for model in _models_in(argument):
            if model not in found:
                found.append(model)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        for model in _models_in(origin):
            if model not in found:
                found.append(model)
    return found


