"""Direct quotations: words inside quotation marks that a verb of saying attributes to someone.

Marks are paired in reading order within a paragraph: « closes with », the others (" “ ”) with
the next of " “ ”, since Arabic pages mix them (”…" is common). A pair is a quote only when a
verb of saying stands in the same sentence before it (وأضاف: "…"، وأكد على "…") or right after
it; quoted titles and names («داعش»، a programme's name after بشأن) have no such verb, or are a
few words long. A quote that begins a paragraph takes the sentence before it when that sentence
ends with a colon.

The speaker is the person named between the verb and the quote, else the nearest person named
before the verb (the subject carried over: وأضاف). No person in the paragraph or the one before
it means no speaker: unsure is unknown, never a guess. The delivery is read from cue words in
the quote's sentence or in the sentences that name the speaker (رسالة مصورة، عبر الفيديو → a
video message; ألقاها نيابة عنه فلان → read on behalf, by فلان; تحدث إلى / في مقابلة مع / لـ
«صحيفة» → an interview; في بيان → a written statement), else ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import REPORTING_VERBS
from .text import SENTENCE_END, bare_forms, paragraph_bounds, words_of

#: A quotation of fewer words is a title or a term, not a quote.
MIN_QUOTE_WORDS = 4
_OPENERS = "«\"“”"
_CLOSE_FOR = {"«": "»", '"': "\"“”", "“": "\"“”", "”": "\"“”"}

_VIDEO = re.compile(
    r"رسالة\s+(?:مصورة|مسجلة|بالفيديو|فيديو)|(?:عبر|ب|من خلال)\s*(?:شاشة\s+|تقنية\s+|رابط\s+|خاصية\s+)?"
    r"(?:ال)?(?:فيديو|الفيديو|الاتصال المرئي|الدائرة التلفزيونية)|بالفيديو|كلمة\s+(?:مسجلة|متلفزة|مصورة)"
)
_ON_BEHALF = re.compile(r"(?:ألقاها|ألقى|تلاها|قرأها|قرأ)\w*\s+(?:نيابة|بالنيابة)\s+عن\w*")
_INTERVIEW = re.compile(
    r"(?:في|خلال)\s+(?:مقابلة|حوار|حديث|لقاء|تصريح|تصريحات)\s*(?:خاص[ةه]?\s*)?(?:مع|ل|لـ|إلى)"
    r"|تحدث\w*\s+(?:إلى|الى|ل|لـ)|(?:قال|أكد|كشف|صرح|أوضح|أضاف)\w*\s+\S+\s+(?:لـ|ل)\s*[«\"]"
    r"|(?:لـ|ل)\s*«|تصريح\s+خاص|مقابلة\s+(?:مع|خاصة)"
)
_STATEMENT = re.compile(r"(?:في|ب)\s*بيان|بيان\s+(?:صادر|صحفي|رسمي)|في\s+رسالة\s+(?:خطية|مكتوبة)")


@dataclass(frozen=True)
class QuotedText:
    start: int
    end: int
    """Offsets of the words inside the marks."""
    verb_start: int
    """Where the verb of saying tied to the quote starts."""
    window_start: int
    """Start of the words between the previous sentence end and the quote."""


def quoted_texts(text: str) -> Iterator[QuotedText]:
    """Pairs of quotation marks whose content reads as a quotation tied to a verb of saying."""
    for open_at, close_at in _pairs(text):
        inner_start, inner_end = open_at + 1, close_at
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if len(text[inner_start:inner_end].split()) < MIN_QUOTE_WORDS:
            continue
        window_start = _window_start(text, open_at)
        verb = _verb_before(text, window_start, open_at)
        if verb is None:
            verb = _verb_after(text, close_at + 1)
        if verb is None:
            continue
        yield QuotedText(inner_start, inner_end, verb, window_start)


def _pairs(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    while position < len(text):
        paragraph_start, paragraph_end = paragraph_bounds(text, position)
        opener: int | None = None
        depth = 0
        for index in range(paragraph_start, paragraph_end):
            char = text[index]
            if opener is None:
                if char in _OPENERS:
                    opener, depth = index, 0
            elif text[opener] == "«" and char == "«":
                depth += 1  # a name in guillemets inside the quote
            elif char in _CLOSE_FOR[text[opener]]:
                if depth:
                    depth -= 1
                    continue
                yield opener, index
                opener = None
        position = paragraph_end + 2


def _window_start(text: str, open_at: int) -> int:
    """Start of the stretch a quote's verb is looked for in: back to the previous sentence end
    or closing mark; across a paragraph break only when the paragraph before ends with ':'."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, open_at):
        if match.group(0) == "\n\n" and text[: match.start()].rstrip().endswith(":"):
            continue
        start = match.end()
    for index in range(open_at - 1, start - 1, -1):
        if text[index] in "»\"“”" and index < open_at:
            return index + 1
    return start


def _verb_before(text: str, start: int, end: int) -> int | None:
    found = None
    for word in words_of(text[start:end]):
        if bare_forms(word.key) & REPORTING_VERBS:
            found = start + word.start
    return found


def _verb_after(text: str, position: int) -> int | None:
    """A verb of saying right after the closing mark, in the same sentence ("…"، قال فلان)."""
    stretch = text[position : position + 40]
    end = SENTENCE_END.search(stretch)
    following = words_of(stretch[: end.start()] if end else stretch)
    if following and bare_forms(following[0].key) & REPORTING_VERBS:
        return position + following[0].start
    return None


def delivery_cue(text: str) -> tuple[str, re.Match[str]] | None:
    """The delivery a stretch of text states, and the words that state it."""
    for delivery, pattern in (
        ("read-on-behalf", _ON_BEHALF),
        ("video-message", _VIDEO),
        ("interview", _INTERVIEW),
        ("written-statement", _STATEMENT),
    ):
        match = pattern.search(text)
        if match is not None:
            return delivery, match
    return None
