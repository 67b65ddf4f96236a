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

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...core.arabic import search_key
from ...core.taken import TakenSpans
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
_NOT_SPACE = re.compile(r"\S+")
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
    layout = _Layout(text)
    marked = list(_marked(layout))
    beside_marked = TakenSpans(len(text), ((other.start - 1, other.end + 1) for other in marked))
    unmarked = [quote for quote in _unmarked(layout) if beside_marked.free(quote.start, quote.end)]
    return sorted(marked + unmarked, key=lambda quote: quote.start)


class _Layout:
    """Where one text's sentences end, its verbs of saying and its commas stand, and which
    marks pair: each found in one pass, so that a quotation's window, verb and clause cost a
    bisection, not a scan from the start of the text or of its sentence (thousands of colons
    or quotation marks in one sentence made ``draft`` quadratic).

    Every answer is the one the scans gave: the words of a window are the text's own words,
    plus those of a word the window cuts, read from the cut part."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = list(SENTENCE_END.finditer(text))
        self.sentence_starts = [match.start() for match in ends]
        after_colon = _after_colon(text, self.sentence_starts)
        self.window_ends = [
            match.end() for match, colon in zip(ends, after_colon, strict=True)
            if not (match.group(0) == "\n\n" and colon)
        ]
        self.words = words_of(text)
        self.word_starts = [word.start for word in self.words]
        self.saying = [word for word in self.words if is_saying(word.key)]
        self.saying_starts = [word.start for word in self.saying]
        self.commas = [match.start() for match in re.finditer(r"[،,]", text)]
        self.participle_commas = [comma for comma in self.commas if _before_participle(text, comma)]
        self.pairs = list(_pairs(text))
        self.pair_opens = [left for left, _ in self.pairs]
        self._stripped: dict[int, int] = {}

    def window_start(self, open_at: int) -> int:
        """Start of the stretch a quote's verb is looked for in: back to the previous sentence
        end (a mark of end right before ``open_at`` too); across a paragraph break only when
        the paragraph before ends with ':'."""
        if open_at > 0 and self.text[open_at - 1] in ".!?؟":
            return open_at
        index = bisect.bisect_right(self.window_ends, open_at) - 1
        return self.window_ends[index] if index >= 0 else 0

    def verb_before(self, start: int, end: int) -> int | None:
        """Where the last verb of saying in ``text[start:end]`` starts."""
        if end <= start:
            return None
        head_end, tail_start = self._uncut(start, end)
        if tail_start < end:
            found = _last_saying(self.text, tail_start, end)
            if found is not None or tail_start <= head_end:
                return found
        index = bisect.bisect_right(self.saying_starts, tail_start) - 1
        while index >= 0 and self.saying[index].end > tail_start:
            index -= 1
        if index >= 0 and self.saying[index].start >= head_end:
            return self.saying[index].start
        return _last_saying(self.text, start, head_end) if start < head_end else None

    def _uncut(self, start: int, end: int) -> tuple[int, int]:
        """The end of the word ``start`` cuts (else ``start``) and the start of the word ``end``
        cuts (else ``end``)."""
        head_end, tail_start = start, end
        index = bisect.bisect_right(self.word_starts, start) - 1
        if index >= 0 and self.word_starts[index] < start < self.words[index].end:
            head_end = min(self.words[index].end, end)
        index = bisect.bisect_left(self.word_starts, end) - 1
        if index >= 0 and self.word_starts[index] < end < self.words[index].end:
            tail_start = max(self.word_starts[index], start)
        return head_end, tail_start

    def clause_end(self, start: int, *, at_comma: bool = False) -> int:
        """The end of unmarked speech from ``start``: the sentence end, or a comma before a
        participle of saying (…، مشيراً إلى) — or any comma when ``at_comma``."""
        index = bisect.bisect_left(self.sentence_starts, start)
        end = self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)
        commas = self.commas if at_comma else self.participle_commas
        index = bisect.bisect_left(commas, start)
        if index < len(commas) and commas[index] < end:
            end = commas[index]
        return max(start, self.stripped_end(end))

    def stripped_end(self, end: int) -> int:
        """``end`` moved back over spaces, tabs and commas (once per ``end``)."""
        stripped = self._stripped.get(end)
        if stripped is None:
            stripped = end
            while stripped > 0 and self.text[stripped - 1] in " \t،,":
                stripped -= 1
            self._stripped[end] = stripped
        return stripped

    def inside_marks(self, position: int) -> bool:
        index = bisect.bisect_left(self.pair_opens, position) - 1
        return index >= 0 and position < self.pairs[index][1]


def _after_colon(text: str, positions: list[int]) -> list[bool]:
    """For each of the increasing ``positions``, whether the text before it, trailing
    whitespace aside, ends with ':' (each stretch of text read once)."""
    found: list[bool] = []
    last = -1
    done = 0
    for position in positions:
        stripped = text[done:position].rstrip()
        if stripped:
            last = done + len(stripped) - 1
        done = max(done, position)
        found.append(last >= 0 and text[last] == ":")
    return found


def _before_participle(text: str, comma: int) -> bool:
    after = words_of(text[comma + 1 : comma + 21])
    return bool(after and bare_forms(after[0].key) & PARTICIPLES_OF_SAYING)


def _last_saying(text: str, start: int, end: int) -> int | None:
    found = None
    for word in words_of(text[start:end]):
        if is_saying(word.key):
            found = start + word.start
    return found


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``count`` words (read no further)."""
    return sum(1 for _ in itertools.islice(_NOT_SPACE.finditer(text, start, end), count)) >= count


def _marked(layout: _Layout) -> Iterator[QuotedText]:
    """Pairs of quotation marks whose content reads as a quotation tied to a verb of saying."""
    text = layout.text
    previous_end = last_close = 0
    for open_at, close_at in layout.pairs:
        before_close, last_close = last_close, close_at + 1
        inner_start, inner_end = open_at + 1, close_at
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if len(text[inner_start:inner_end].split()) < MIN_QUOTE_WORDS:
            continue
        window_start = max(layout.window_start(open_at), previous_end)
        verb = layout.verb_before(window_start, open_at)
        if verb is not None and not _introduced(text, max(verb, before_close), open_at):
            continue
        if verb is None:
            verb = _verb_after(text, close_at + 1)
        if verb is None:
            continue
        previous_end = close_at + 1
        yield QuotedText(inner_start, inner_end, verb, window_start)


def _unmarked(layout: _Layout) -> Iterator[QuotedText]:
    """Direct speech without marks: after a verb of saying and a colon, or a clause in the
    first person plural (ونحن …) inside a sentence of reported speech."""
    text = layout.text
    opened: list[tuple[int, int, int]] = []  # (start, verb, window start) of each colon's speech
    for match in re.finditer(r":[ \t]*", text):
        start = match.end()
        if start >= len(text) or text[start] in _OPENERS or text[start] == "\n":
            continue
        window_start = layout.window_start(match.start())
        verb = layout.verb_before(window_start, match.start())
        following = words_of(text[start : start + 30])
        if verb is None or not following or search_key(following[0].key) in _REPORTED:
            continue
        opened.append((start, verb, window_start))
    # Speech ends where the next speech of the sentence is introduced (قال: … وأضاف: …): one
    # quotation never holds the next, so k colons in one sentence give k quotes, not k nested.
    for number, (start, verb, window_start) in enumerate(opened):
        end = layout.clause_end(start)
        if number + 1 < len(opened) and start < opened[number + 1][1] < end:
            end = max(start, layout.stripped_end(opened[number + 1][1]))
        if _has_words(text, start, end, MIN_QUOTE_WORDS):
            yield QuotedText(start, end, verb, window_start, "unmarked")
    for word in layout.words:
        if word.key not in _WE:
            continue
        start = word.start + (1 if word.key[0] in "وف" else 0)
        window_start = layout.window_start(start)
        before = word.start
        while before > window_start and text[before - 1].isspace():
            before -= 1
        if before > window_start and text[before - 1] not in ("،", ","):
            continue
        verb = layout.verb_before(window_start, start)
        if verb is None or layout.inside_marks(start):
            continue
        end = layout.clause_end(start, at_comma=True)
        if _has_words(text, start, end, MIN_QUOTE_WORDS):
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


def _verb_after(text: str, position: int) -> int | None:
    """A verb of saying right after the closing mark, in the same sentence ("…"، قال فلان)."""
    stretch = text[position : position + 40]
    end = SENTENCE_END.search(stretch)
    following = words_of(stretch[: end.start()] if end else stretch)
    if following and is_saying(following[0].key):
        return position + following[0].start
    return None


_STATED_CUES = (
    ("read-on-behalf", _ON_BEHALF),
    ("video-message", _VIDEO),
    ("interview", _INTERVIEW),
    ("written-statement", _STATEMENT),
)
_IN_PERSON_CUES = (("in-person", _IN_PERSON),)


def delivery_cues(*, in_person: bool = False) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The cues :func:`delivery_cue` tries, in order. None of their patterns looks behind or
    ahead of its match or anchors it, so searching ``text`` from ``pos`` to ``endpos`` finds
    what searching the slice ``text[pos:endpos]`` finds."""
    return _IN_PERSON_CUES if in_person else _STATED_CUES


def delivery_cue(text: str, *, in_person: bool = False) -> tuple[str, re.Match[str]] | None:
    """The delivery a stretch of text states, and the words that state it; with ``in_person``
    only the weaker cues of speaking in person (a press conference, a speech, a meeting), which
    count only when no stretch states another delivery."""
    for delivery, pattern in delivery_cues(in_person=in_person):
        match = pattern.search(text)
        if match is not None:
            return delivery, match
    return None
