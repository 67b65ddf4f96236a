"""Collecting the findings of one file, located through the file's YAML positions."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.findings import Finding
from ..reading.yamlreader import Document, PathKey, Position
from .rules.base import Code


def format_path(path: PathKey) -> str:
    """``("quotes", 2, "speaker")`` as ``quotes[2].speaker``, the way messages name fields."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


class FileReport:
    """The findings for one file; each ``add`` places the finding at the field it is about.

    ``loader`` gives the document when the report has none: a file checked in another process
    or remembered by the cache is read again only if a check across files has something to say
    about it.
    """

    def __init__(
        self,
        display_path: str,
        document: Document | None = None,
        loader: Callable[[], Document | None] | None = None,
    ) -> None:
        self.display_path = display_path
        self._document = document
        self.loader = loader
        self.findings: list[Finding] = []
        self.index_map: dict[str, list[int]] = {}
        """For a repaired record: original index of each kept item of a list that lost items."""

    def __getstate__(self) -> dict[str, object]:
        # Sent between processes without the document or a way to read it again.
        return {"display_path": self.display_path, "findings": self.findings,
                "index_map": self.index_map}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._document = None
        self.loader = None

    @property
    def document(self) -> Document | None:
        if self._document is None and self.loader is not None:
            loader, self.loader = self.loader, None
            self._document = loader()
        return self._document

    @document.setter
    def document(self, document: Document | None) -> None:
        self._document = document
        self.loader = None

    def _original_indices_in(self, message: str) -> str:
        for name, kept in self.index_map.items():
            message = re.sub(
                rf"\b{re.escape(name)}\[(\d+)\]",
                lambda match: f"{name}[{kept[int(match.group(1))]}]"
                if int(match.group(1)) < len(kept) else match.group(0),
                message,
            )
        return message

    def _original(self, path: PathKey) -> PathKey:
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            kept = self.index_map.get(path[0])
            if kept is not None and path[1] < len(kept):
                return (path[0], kept[path[1]], *path[2:])
        return path

    def add(
        self,
        code: Code,
        message: str,
        path: PathKey = (),
        *,
        key: bool = False,
        position: Position | None = None,
    ) -> None:
        if not isinstance(code, Code):
            raise TypeError(f"{code!r} is not a declared rule code")
        path = self._original(path)
        message = self._original_indices_in(message)
        if position is None:
            position = self.document.locate(path, key=key) if self.document else (1, 1)
        line, column = position
        self.findings.append(
            Finding(self.display_path, line, column, code.code, message, code.severity)
        )

    def add_in_block(self, code: Code, message: str, path: PathKey, offset: int) -> None:
        """A finding about the character at ``offset`` inside the text block at ``path``."""
        path = self._original(path)
        position = self.document.locate_in_block(path, offset) if self.document else (1, 1)
        self.add(code, message, path, position=position)
