"""Shared heads of coordinated names (P012).

Arabic writes a head noun once for coordinated names: in ``حكومة الدنمارك واليابان`` one
``حكومة`` governs both, so ``اليابان`` names the Government of Japan. A mention records that word
in ``shared_head``; it must stand earlier in the same sentence, with the mention coordinated to
what follows it (after ``و``, ``أو`` or a comma).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...models import Article
from ...reading.anchoring import scope_texts
from ...reading.yamlreader import PathKey
from .base import declare, file_check
from .helpers import resolutions

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

P012 = declare(
    "P012", "shared head not before its mention", "error",
    "A mention's `shared_head` is a word the article writes once for several coordinated "
    "names ('حكومة' in 'حكومة الدنمارك واليابان'). It must stand, exactly as written, as a "
    "word earlier in the same sentence with another name after it, and the mention must follow "
    "the coordinating 'و' or 'أو' (or a comma) of that list.",
    "Copy the shared word as the article writes it before the first name, or remove "
    "`shared_head`.",
)

#: What ends a sentence: the head of a coordination never reaches across one.
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
#: The text just before a coordinated name: a conjunction glued to it or standing alone, or a
#: list comma.
_COORDINATED = re.compile(r"(?:(?:^|\s)و|(?:^|\s)أو\s|(?:^|\s)و\s|[،,]\s*)$")


@file_check(P012, kinds=("article",))
def check_shared_heads(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    placed = resolutions(checked, run)
    texts = scope_texts(article, None)
    for index, mention in enumerate(article.mentions):
        head = mention.shared_head
        if head is None:
            continue
        path: PathKey = ("mentions", index)
        resolution = placed.get(path)
        if resolution is None or not resolution.found:
            continue
        text = texts[mention.scope]
        if not heads_coordination(text, resolution.start, head):
            checked.report.add(
                P012,
                f"mentions[{index}].shared_head {head!r} does not stand before the mention in "
                "the same sentence as the head of a list it is coordinated in",
                (*path, "shared_head"),
            )


def heads_coordination(text: str, start: int, head: str) -> bool:
    """Whether ``head`` is a word earlier in the sentence that ends at ``start``, followed by
    at least one more word, with ``start`` right after a coordinating word or comma."""
    sentence_start = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = found.end()
    before = text[sentence_start:start]
    if _COORDINATED.search(before) is None:
        return False
    for found in re.finditer(re.escape(head), before):
        at, after = found.start(), found.end()
        word_start = at == 0 or not before[at - 1].isalnum()
        word_end = after < len(before) and before[after].isspace()
        rest = before[after:]
        if word_start and word_end and _COORDINATED.sub("", rest).strip():
            return True
    return False
