"""Direct quotations: words inside quotation marks that a verb of saying attributes to someone.

Marks are paired in reading order within a paragraph: « closes with », the others (" “ ”) with
the next of " “ ”, since Arabic pages mix them (”…" is common). A pair is a quote only when a
verb of saying stands in the same sentence before it (وأضاف: "…"، وأكد على "…") or right after
it; quoted titles and names («داعش»، a programme's name after بشأن) have no such verb, or are a
few words long. A quote that begins a paragraph takes the sentence before it when that sentence
ends with a colon.

Direct speech is also printed without marks (``form: unmarked``): after a verb of saying and a
colon, when what follows is not reported speech (no أن/إن opens it), up to the end of the
sentence or the next participle of saying (وتابع: نحن …، مشيراً إلى); and a clause that turns
to the first person (… ونحن نستمر في …) inside a sentence of reported speech.

The speaker is read by :mod:`.speakers`. The delivery is read from cue words in the quote's
sentence or in the sentences that name the speaker (رسالة مصورة، عبر الفيديو → a video
message; ألقاها نيابة عنه فلان → read on behalf, by فلان; تحدث إلى / في مقابلة مع / لـ
«صحيفة» → an interview; في بيان، في تغريدة، على حسابه → a written statement; في مؤتمر صحفي،
للصحفيين، خلال كلمته، خلال استقباله → in person), else ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...core.arabic import search_key
from ...reading.lexicon import REPORTING_VERBS
from ...reading.text import SENTENCE_END, bare_forms, paragraph_bounds, words_of

#: Participles of saying that continue a sentence's subject (…، مبيناً أن، مطالباً بـ).
PARTICIPLES_OF_SAYING = frozenset(
    search_key(stem + ending)
    for stem in ("مبين", "لافت", "منوه", "معتبر", "مشدد", "داعي", "مطالب", "محذر", "معرب",
                 "متابع", "مستدرك", "مختتم", "كاشف", "معلن", "مضيف", "مشير", "مؤكد", "موضح",
                 "قائل", "متسائل", "مردف", "مستطرد", "مجدد", "واصف", "مبدي")
    for ending in ("ا", "اً", "ة", "ين")
)
_SAYING = REPORTING_VERBS | PARTICIPLES_OF_SAYING
#: Verbs of saying that, unvowelled, are also common prepositions (بين: stated / between): read
#: as verbs only with a conjunction glued in front (وبين، فبين).
_ALSO_PREPOSITIONS = frozenset(search_key(word) for word in ("بين",))


def is_saying(key: str) -> bool:
    """Whether the word with search key ``key`` is a verb or participle of saying."""
    if key in _ALSO_PREPOSITIONS:
        return False
    return bool(bare_forms(key) & _SAYING)
#: Words that open reported speech: after them the words are the reporter's, not a quote.
_REPORTED = frozenset(search_key(word) for word in (
    "أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "ان", "انه", "بان", "إلى", "الى", "على"))
#: Nouns a name in quotation marks follows (مؤتمر «…»، عملية "…"، بعنوان "…"): a title, not a quote.
_NAMING_NOUNS = frozenset(search_key(word) for word in (
    "مؤتمر", "مؤتمري", "المؤتمر", "برنامج", "البرنامج", "مشروع", "المشروع", "عملية", "العملية",
    "حملة", "الحملة", "بعنوان", "عنوان", "شعار", "بشعار", "تحت", "تنظيم", "منظمة", "صحيفة",
    "الصحيفة", "وكالة", "قناة", "كتاب", "مبادرة", "المبادرة", "استراتيجية", "خطة", "الخطة",
    "اسم", "باسم", "تسمية", "منصة", "موقع", "و"))
#: The first person plural pronoun that turns reported speech into the speaker's own words.
_WE = frozenset(search_key(word) for word in ("نحن", "ونحن", "فنحن"))

#: A quotation of fewer words is a title or a term, not a quote.
MIN_QUOTE_WORDS = 4
_OPENERS = "«\"“”"
_CLOSERS = "»\"“”"
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
_STATEMENT = re.compile(
    r"(?:في|ب)\s*بيان|بيان\s+(?:صادر|صحفي|رسمي)|في\s+رسالة\s+(?:خطية|مكتوبة)"
    r"|(?:في|ب)\s*(?:تغريدة|منشور|تدوينة|خبر|تقرير)|على\s+(?:حسابه|حسابها|صفحته|صفحتها)"
)
_IN_PERSON = re.compile(
    r"(?:في|خلال|ب)\s*(?:ال)?مؤتمر\w*\s+(?:ال)?صحف|(?:لل|إلى\s+ال|مع\s+ال)صحا?فيين"
    r"|(?:في|خلال)\s+(?:كلمة|كلمته|كلمتها|خطاب|خطابه|خطابها|لقائه|لقائها|اجتماعه|اجتماعها"
    r"|استقباله|استقبالها|الاجتماع|اللقاء|المؤتمر)"
    r"|(?:استقبل|التقى)\w*"
)


@dataclass(frozen=True)
class QuotedText:
    start: int
    end: int
    """Offsets of the words inside the marks."""
    verb_start: int
    """Where the verb of saying tied to the quote starts."""
    window_start: int
    """Start of the words between the previous sentence end and the quote."""
    form: str = "marked"


def quoted_texts(text: str) -> list[QuotedText]:
    """Every quotation in ``text`` in reading order: marked ones, then unmarked ones where
    no marked one stands."""
    marked = list(_marked(text))
    unmarked = [
        quote for quote in _unmarked(text)
        if all(quote.end <= other.start - 1 or quote.start >= other.end + 1 for other in marked)
    ]
    return sorted(marked + unmarked, key=lambda quote: quote.start)


def _marked(text: str) -> Iterator[QuotedText]:
    """Pairs of quotation marks whose content reads as a quotation tied to a verb of saying."""
    previous_end = last_close = 0
    for open_at, close_at in _pairs(text):
        before_close, last_close = last_close, close_at + 1
        inner_start, inner_end = open_at + 1, close_at
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if len(text[inner_start:inner_end].split()) < MIN_QUOTE_WORDS:
            continue
        window_start = max(_window_start(text, open_at), previous_end)
        verb = _verb_before(text, window_start, open_at)
        if verb is not None and not _introduced(text, max(verb, before_close), open_at):
            continue
        if verb is None:
            verb = _verb_after(text, close_at + 1)
        if verb is None:
            continue
        previous_end = close_at + 1
        yield QuotedText(inner_start, inner_end, verb, window_start)


def _unmarked(text: str) -> Iterator[QuotedText]:
    """Direct speech without marks: after a verb of saying and a colon, or a clause in the
    first person plural (ونحن …) inside a sentence of reported speech."""
    for match in re.finditer(r":[ \t]*", text):
        start = match.end()
        if start >= len(text) or text[start] in _OPENERS or text[start] == "\n":
            continue
        window_start = _window_start(text, match.start())
        verb = _verb_before(text, window_start, match.start())
        following = words_of(text[start : start + 30])
        if verb is None or not following or search_key(following[0].key) in _REPORTED:
            continue
        end = _clause_end(text, start)
        if len(text[start:end].split()) >= MIN_QUOTE_WORDS:
            yield QuotedText(start, end, verb, window_start, "unmarked")
    for word in words_of(text):
        if word.key not in _WE:
            continue
        start = word.start + (1 if word.key[0] in "وف" else 0)
        window_start = _window_start(text, start)
        if text[window_start : word.start].rstrip()[-1:] not in ("،", ",", ""):
            continue
        verb = _verb_before(text, window_start, start)
        if verb is None or _inside_marks(text, start):
            continue
        end = _clause_end(text, start, at_comma=True)
        if len(text[start:end].split()) >= MIN_QUOTE_WORDS:
            yield QuotedText(start, end, verb, window_start, "unmarked")


def _introduced(text: str, start: int, open_at: int) -> bool:
    """Whether the words between ``start`` (the verb, or a name in marks after it) and a
    quotation mark introduce a quotation: not a naming noun right before the mark, and after a
    name in marks a complementiser, a colon or a verb of saying (تابعها "سنترال"، إن "…")."""
    words = words_of(text[start:open_at])
    if words and bare_forms(words[-1].key) & _NAMING_NOUNS and not text[
        start + words[-1].end : open_at
    ].strip():
        return False
    if text[start - 1 : start] not in _CLOSERS:
        return True
    return ":" in text[start:open_at] or any(
        search_key(word.key) in _REPORTED or is_saying(word.key) for word in words)


def _clause_end(text: str, start: int, *, at_comma: bool = False) -> int:
    """The end of unmarked speech from ``start``: the sentence end, or a comma before a
    participle of saying (…، مشيراً إلى) — or any comma when ``at_comma``."""
    found = SENTENCE_END.search(text, start)
    end = found.start() if found else len(text)
    for comma in re.finditer(r"[،,]", text[start:end]):
        after = words_of(text[start + comma.end() : start + comma.end() + 20])
        if at_comma or (after and bare_forms(after[0].key) & PARTICIPLES_OF_SAYING):
            end = start + comma.start()
            break
    while end > start and text[end - 1] in " \t،,":
        end -= 1
    return end


def _inside_marks(text: str, position: int) -> bool:
    return any(left < position < right for left, right in _pairs(text))


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
    """Start of the stretch a quote's verb is looked for in: back to the previous sentence end;
    across a paragraph break only when the paragraph before ends with ':'."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, open_at):
        if match.group(0) == "\n\n" and text[: match.start()].rstrip().endswith(":"):
            continue
        start = match.end()
    return start


def _verb_before(text: str, start: int, end: int) -> int | None:
    found = None
    for word in words_of(text[start:end]):
        if is_saying(word.key):
            found = start + word.start
    return found


def _verb_after(text: str, position: int) -> int | None:
    """A verb of saying right after the closing mark, in the same sentence ("…"، قال فلان)."""
    stretch = text[position : position + 40]
    end = SENTENCE_END.search(stretch)
    following = words_of(stretch[: end.start()] if end else stretch)
    if following and is_saying(following[0].key):
        return position + following[0].start
    return None


def delivery_cue(text: str, *, in_person: bool = False) -> tuple[str, re.Match[str]] | None:
    """The delivery a stretch of text states, and the words that state it; with ``in_person``
    only the weaker cues of speaking in person (a press conference, a speech, a meeting), which
    count only when no stretch states another delivery."""
    cues = (("in-person", _IN_PERSON),) if in_person else (
        ("read-on-behalf", _ON_BEHALF),
        ("video-message", _VIDEO),
        ("interview", _INTERVIEW),
        ("written-statement", _STATEMENT),
    )
    for delivery, pattern in cues:
        match = pattern.search(text)
        if match is not None:
            return delivery, match
    return None
