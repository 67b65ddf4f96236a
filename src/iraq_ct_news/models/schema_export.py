"""The JSON Schemas published in ``schema/``: generated from the models, never edited by hand.

Editors validate records as they are typed against these files (each record starts with a
``yaml-language-server: $schema=`` line), and the test suite proves that they accept and refuse
exactly what the models do.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..core._version import SCHEMA_VERSION
from ..core.fsutil import (
    FileTooLarge,
    LinkedPath,
    NotARegularFile,
    read_regular_file,
    refuse_links,
    write_atomic,
)
from .edtf import EDTF_PATTERN, SUBSET, anchored
from .kinds import BY_KIND, SCHEMA_MODELS, FileKind

EDTF_SCHEMA_PATTERN = anchored(EDTF_PATTERN)

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"



def schema_file_name(kind: FileKind) -> str:
    return BY_KIND[kind].schema_file


def _state_the_date_subset(node: Any) -> None:
    """Append the supported EDTF subset to every EDTF field's description.

    A field's own docstring replaces the description of its type in the generated schema, so
    an editor showing "Publication date" would not say which dates are accepted.
    """
    if isinstance(node, dict):
        if node.get("pattern") == EDTF_SCHEMA_PATTERN and SUBSET not in node.get("description", ""):
            described = str(node.get("description", "EDTF date.")).rstrip()
            node["description"] = f"{described} EDTF date ({SUBSET})."
        for value in node.values():
            _state_the_date_subset(value)
    elif isinstance(node, list):
        for value in node:
            _state_the_date_subset(value)


@cache
def _module_classes(module_name: str) -> dict[str, ast.ClassDef]:
    """The top-level class definitions of a module's source, by name (parsed once)."""
    tree = ast.parse(inspect.getsource(sys.modules[module_name]))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


@cache
def attribute_docstrings(cls: type) -> dict[str, str]:
    """The string literal written under each annotated attribute of ``cls``'s own body.

    The same reading as pydantic's ``use_attribute_docstrings`` (an expression statement that
    is a string, right after an annotated assignment to a name, cleaned by
    ``inspect.cleandoc``), done here instead of in the models' configuration: with it there,
    every process that imports the models read and parsed their source files again for each
    class, while only the schema export needs the text.
    """
    definition = _module_classes(cls.__module__).get(cls.__name__)
    if definition is None or cls.__qualname__ != cls.__name__:
        raise TypeError(f"{cls.__qualname__}: a record model must be a module-level class")
    docstrings: dict[str, str] = {}
    target: str | None = None
    previous: type[ast.stmt] | None = None
    for statement in definition.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            target = statement.target.id
        elif (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
              and isinstance(statement.value.value, str) and previous is ast.AnnAssign):
            if target:
                docstrings[target] = inspect.cleandoc(statement.value.value)
            target = None
        previous = type(statement)
    return docstrings


def field_docstring(model: type[BaseModel], name: str) -> str | None:
    """The docstring of field ``name`` as ``model`` has it: from the nearest class in its
    method resolution order that annotates the field (a subclass that annotates it again
    without a docstring has none), and none when the field states its own description."""
    if model.model_fields[name].description is not None:
        return None
    for owner in model.__mro__:
        if name in owner.__dict__.get("__annotations__", {}):
            return attribute_docstrings(owner).get(name)
    return None


class DocumentedSchema(GenerateJsonSchema):
    """Draft 2020-12 generation that describes each field by its attribute docstring.

    A field's description replaces its type's, beside a ``$ref`` or around an ``anyOf``, as
    pydantic itself does when it builds the models with ``use_attribute_docstrings``.
    """

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        model = schema["cls"]
        properties = json_schema.get("properties", {})
        for name in properties:
            docstring = field_docstring(model, name)
            if docstring is not None:
                properties[name] = {**properties[name], "description": docstring}
        return json_schema


def schema_for(kind: FileKind) -> dict[str, Any]:
    """The draft 2020-12 JSON Schema of one record kind, with a versioned ``$id``."""
    generated = SCHEMA_MODELS[kind].model_json_schema(
        mode="validation", schema_generator=DocumentedSchema
    )
    _state_the_date_subset(generated)
    document: dict[str, Any] = {
        "$schema": DRAFT_2020_12,
        "$id": f"urn:iraq-ct-news:schema:{SCHEMA_VERSION}:{kind}",
        "title": BY_KIND[kind].schema_title,
        "description": (generated.pop("description", None) or BY_KIND[kind].schema_title).strip(),
    }
    generated.pop("title", None)
    document.update(generated)
    return document


def render_schema(kind: FileKind) -> bytes:
    """The exact bytes committed for ``kind`` (stable key order, LF, final newline)."""
    return (json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def stale_schemas(directory: Path) -> list[str]:
    """Names of schema files in ``directory`` that are missing or differ from the models.

    ``directory`` is ``<repository>/schema``; a link in the way raises
    :class:`~iraq_ct_news.core.fsutil.LinkedPath` (nothing outside the repository is compared).
    """
    return [
        schema_file_name(kind)
        for kind in SCHEMA_MODELS
        if not _up_to_date(directory / schema_file_name(kind), render_schema(kind))
    ]


def write_schemas(
    directory: Path, write: Callable[[Path, bytes], None] | None = None
) -> list[Path]:
    """Write every schema (atomically, one file at a time); returns the files that changed.

    Refuses (:class:`~iraq_ct_news.core.fsutil.LinkedPath`) before writing anything when
    ``schema/`` or a schema file is a symbolic link: the write would land where it points.
    The commands pass ``write``, the repository writer's (its lock, its leftover cleaning);
    without it, each file is written atomically in place.
    """
    root = directory.parent
    for kind in SCHEMA_MODELS:
        refuse_links(root, directory / schema_file_name(kind))
    changed = []
    for kind in SCHEMA_MODELS:
        path = directory / schema_file_name(kind)
        content = render_schema(kind)
        if not _up_to_date(path, content):
            if write is not None:
                write(path, content)
            else:
                write_atomic(path, content, root=root)
            changed.append(path)
    return changed


def _up_to_date(path: Path, content: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``content``, read without following a link
    and never more than one byte past ``content``'s length."""
    try:
        return read_regular_file(path, len(content), root=path.parent.parent) == content
    except FileNotFoundError:
        return False
    except (FileTooLarge, NotARegularFile, LinkedPath):
        return False
