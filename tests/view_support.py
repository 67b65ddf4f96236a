"""Reading the review pages back: the marks, the texts they sit in, and the page's structure.

Both the HTML tests and the browser tests compare the pages with the release, so the parsing
and the expected spans live here once.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.models import Article
from iraq_ct_news.release.compile import compile_release
from iraq_ct_news.release.container import Dataset

#: Elements with no end tag.
VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "wbr", "source", "area", "base"})
#: The elements that hold the record's own text.
CONTAINERS = ("body", "headline")


@dataclass(frozen=True)
class Expected:
    """An anchored span as the release places it."""

    key: str
    exact: str
    scope: str
    start: int | None
    end: int | None


@dataclass
class ParsedPage(HTMLParser):
    """Every mark of a page (the joined text of its parts, where its first part starts), the text
    of each container, every start tag, and any element closed out of order."""

    marks: dict[str, str] = field(default_factory=lambda: defaultdict(str))
    parts: dict[str, list[dict[str, str | None]]] = field(default_factory=lambda: defaultdict(list))
    starts: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=lambda: defaultdict(str))
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    misnested: list[str] = field(default_factory=list)
    pins: dict[str, tuple[str | None, int]] = field(default_factory=dict)
    """Where each finding's pin (an empty link) sits: its container and offset."""
    style: str = ""

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._stack: list[tuple[str, str | None, str | None]] = []  # tag, data-ann, container

    def _container(self) -> str | None:
        for _tag, _key, container in reversed(self._stack):
            if container is not None:
                return container
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        element_id = attributes.get("id")
        container = element_id if element_id in CONTAINERS else None
        key = attributes.get("data-ann") if tag == "mark" else None
        if tag == "a" and "pin" in (attributes.get("class") or "").split():
            where = self._container()
            self.pins[attributes.get("id") or ""] = (where, len(self.texts[where]) if where else 0)
        if key is not None:
            self.parts[key].append(attributes)
            if key not in self.starts:
                where = self._container()
                self.starts[key] = (where, len(self.texts[where]) if where else 0)
        self._stack.append((tag, key, container))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self._stack or self._stack[-1][0] != tag:
            self.misnested.append(tag)
            return
        self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] == "style":
            self.style += data
            return
        where = self._container()
        if where is not None:
            self.texts[where] += data
        for _tag, key, _container in self._stack:
            if key is not None:
                self.marks[key] += data


def parse_page(path: Path) -> ParsedPage:
    page = ParsedPage()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@functools.cache
def released(root: Path) -> Dataset:
    """A valid tree as the release has it, offsets filled in (compiled once per test run)."""
    return compile_release(validate_repository(root))


def released_articles(root: Path) -> list[Article]:
    return list(released(root).articles.values())


def entity_names(root: Path) -> dict[str, tuple[str, str]]:
    """Every registry id with its English name and its kind."""
    release = released(root)
    names: dict[str, tuple[str, str]] = {}
    for kind, records in (("person", release.people), ("organization", release.organizations),
                          ("place", release.places)):
        for record in records.values():
            names[record.id] = (record.name.en, kind)
    return names


def expected_spans(article: Article) -> list[Expected]:
    """Every anchored span of a released article, named as the pages name it."""
    spans = []
    for path, span in article.spans():
        key = "-".join(str(part) for part in path).replace("_", "-")
        scope = getattr(span, "scope", "body")
        spans.append(Expected(key, span.exact, scope, span.start, span.end))
    return spans
