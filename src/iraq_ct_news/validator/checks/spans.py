"""Anchored spans (P005, P006): every ``exact`` occurs in its scope, once or as pinned.

The positions found here are kept with the article (the build writes them as offsets) and read
by the checks that need to know where a span is (quotation marks, repeated anchors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...anchoring import SpanResolution, resolve_anchor, scope_texts
from ...models import AnchorFields, Article
from ...yamlreader import PathKey
from ..report import format_path
from .base import Dependency, declare, declared, file_check
from .provenance import preview, seed_of

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

P005 = declare(
    "P005", "text span not found", "error",
    "An anchored span (`exact` of a mention, quote, amount, resolution, figure or evidence, "
    "with its `prefix`/`suffix`/`occurrence`) must occur verbatim in its scope (`body` by "
    "default, or `headline`; evidence may also point at the `seed`).",
    "Copy the span from the body exactly (the body's whitespace is folded to single "
    "spaces).",
)
P006 = declare(
    "P006", "ambiguous text span", "error",
    "The span occurs more than once in its scope, so it does not say which occurrence is "
    "meant.",
    "Add `occurrence: N` (1-based), or a `prefix`/`suffix` with the text just before/after.",
)
_SPAN_CODES = frozenset({P005, P006})


def scopes(checked: CheckedFile, run: FileRun) -> dict[str, str]:
    """The texts spans are anchored in (body, headline, and the seed when it can be read)."""
    texts: dict[str, str] | None = run.memo.get("scopes")
    if texts is None:
        article = checked.record
        assert isinstance(article, Article)
        seed = seed_of(checked, run)
        texts = run.memo["scopes"] = scope_texts(article, seed.text if seed else None)
    return texts


def resolutions(checked: CheckedFile, run: FileRun) -> dict[PathKey, SpanResolution]:
    """Where each anchored span of the article is (worked out once, kept with the file)."""
    if checked.spans is None:
        article = checked.record
        assert isinstance(article, Article)
        texts = scopes(checked, run)
        seed_missing = "seed" not in texts
        found: dict[PathKey, SpanResolution] = {}
        for path, span in run.spans(article):
            if seed_missing and getattr(span, "scope", "body") == "seed":
                continue  # the seed problem is already reported
            found[path] = _resolve(span, texts)
        checked.spans = found
    return checked.spans


@file_check(P005, P006, kinds=("article",), depends=(Dependency.SEED,))
def check_spans(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    placed = resolutions(checked, run)
    for path, span in run.spans(article):
        resolution = placed.get(path)
        if resolution is None or resolution.found:
            continue
        assert resolution.problem is not None
        code = declared(resolution.problem)
        assert code in _SPAN_CODES, resolution.problem
        checked.report.add(
            code,
            f"{format_path(path)}.exact {preview(span.exact)}: {resolution.detail}",
            (*path, "exact"),
        )


def _resolve(span: AnchorFields, texts: dict[str, str]) -> SpanResolution:
    """``resolve_anchor``, with the common case (bare ``exact`` words that occur exactly once
    in the body or headline) decided by two string searches."""
    scope: str = getattr(span, "scope", "body")
    text = texts.get(scope)
    if (
        text is not None
        and scope != "seed"
        and span.prefix is None
        and span.suffix is None
        and span.occurrence is None
    ):
        exact = span.exact
        start = text.find(exact)
        if start != -1 and text.find(exact, start + 1) == -1:
            return SpanResolution(start, start + len(exact))
    return resolve_anchor(span, texts)
