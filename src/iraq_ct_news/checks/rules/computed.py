"""Computed fields in a curated record (S005): offsets and the content hash belong to the
release, which the build computes; a curated record must not hold them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article
from ...reading.yamlreader import PathKey
from .base import declare, file_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

S005 = declare(
    "S005", "computed field in a curated record", "error",
    "`start`, `end` and `content_sha256` are computed by `iraq-ct-news build` and exported "
    "in the release; writing them by hand would let them disagree with the text.",
    "Delete the field from the curated record.",
)

@file_check(S005, kinds=("article",))
def check_computed_fields(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    computed: list[PathKey] = []
    if article.content_sha256 is not None:
        computed.append(("content_sha256",))
    for path, span in run.spans(article):
        computed.extend((*path, name) for name in ("start", "end") if getattr(span, name) is not None)
    for path in computed:
        checked.report.add(
            S005, f"'{path[-1]}' is computed by `iraq-ct-news build`; remove it", path, key=True
        )
