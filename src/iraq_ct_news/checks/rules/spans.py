"""Anchored spans (P005, P006): every ``exact`` occurs in its scope, once or as pinned.

The positions are found once by :func:`.helpers.resolutions` and kept with the article (the
build writes them as offsets) for every check that needs to know where a span is (quotation
marks, repeated anchors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article
from ..report import format_path
from .base import declare, declared, file_check
from .helpers import preview, resolutions

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


@file_check(P005, P006, kinds=("article",))
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
