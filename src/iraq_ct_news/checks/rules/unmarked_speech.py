"""Unmarked direct speech (C009): a quote printed without quotation marks is the speaker's own
words, neither a marked quotation nor reported speech.

Arabic news prints a speaker's first-person words without quotation marks in the middle of an
interview (``نريد ...``); such a quote has ``form: unmarked``. Words inside quotation marks are
a marked quotation, and words right after a complementiser that introduces reported speech
(``أن``, ``إن``, ``بأن`` and their suffixed forms, with or without ``و``/``ف``) are reported
speech, which is no quote at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...core.arabic import search_key
from ...models import Article
from ...reading.anchoring import scope_texts
from ...reading.lexicon import COMPLEMENTISERS
from ...reading.yamlreader import PathKey
from .base import declare, file_check
from .helpers import is_enclosed, resolutions

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C009 = declare(
    "C009", "unmarked quote reads as marked or reported speech", "warning",
    "A quote with `form: unmarked` is direct speech the article prints without quotation "
    "marks. Words inside quotation marks are a marked quote (`form: marked`); words right "
    "after a word that introduces reported speech (أن, إن, بأن, أنه, إنها, وأن ...) are "
    "reported speech, which is not recorded as a quote.",
    "Set `form: marked` for words inside quotation marks, or remove a quote of reported "
    "speech.",
)

_LAST_WORD = re.compile(r"(\S+)\s*$")
_PUNCTUATION = ".,،؛:!?؟-–—()[]"


@file_check(C009, kinds=("article",))
def check_unmarked_speech(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    placed = resolutions(checked, run)
    texts = scope_texts(article, None)
    for index, quote in enumerate(article.quotes):
        if quote.form != "unmarked":
            continue
        path: PathKey = ("quotes", index)
        resolution = placed.get(path)
        if resolution is None or not resolution.found:
            continue
        text = texts[quote.scope]
        if is_enclosed(text, resolution.start, resolution.end):
            checked.report.add(
                C009,
                f"quotes[{index}] has form unmarked but stands inside quotation marks: it is a "
                "marked quote",
                (*path, "form"),
            )
        elif is_reported(text, resolution.start):
            checked.report.add(
                C009,
                f"quotes[{index}] has form unmarked but follows a word that introduces "
                "reported speech: it is not direct speech",
                (*path, "form"),
            )


def is_reported(text: str, start: int) -> bool:
    """Whether the word just before ``start`` (in the same clause) introduces reported speech."""
    found = _LAST_WORD.search(text[:start])
    if found is None:
        return False
    word = search_key(found.group(1).strip(_PUNCTUATION))
    if word in COMPLEMENTISERS:
        return True
    return len(word) > 2 and word[0] in "وف" and word[1:] in COMPLEMENTISERS
