"""The headline, the body and what was left out of a seed page.

The headline is chosen by where it stands: the first line after the header chrome that reads
like a headline (a few words, not chrome). A line printed twice (an image caption, a headline
repeated as alt text) is not thereby a headline. The body is every later line that is not
chrome; after a footer line (comments, "most read", a reader poll) the article is over, and only
long sentences count as text. Short label lines between the headline and the body (tags, the
outlet's name) are left out too. A paragraph that opens with a dateline has it split off, and an
agency end mark or a date stamp at its end is cut away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...core.textutil import text_problems, to_latin_digits
from .chrome import LINK_INTRO, PAGE_ADDRESS, chrome_reason, is_footer, sentence_like
from .credits import dated_place, labelled_parts, source_line_parts, split_opener
from .dates import DATE_LINE, TRAILING_STAMP
from .lines import BULLETS, LeftOut, ScaffoldError, SeedLine, SeedReading, seed_lines

#: Lines after a "for more information" or "read also" line that are at most this long are links.
_LINK_MAX_WORDS = 25
#: A headline has at least this many words (shorter lines above it are the masthead, the site's
#: name and its menu).
_HEADLINE_MIN_WORDS = 4
#: A body paragraph has more words than this, or ends like a sentence (shorter lines are labels).
_LABEL_MAX_WORDS = 3
_LABEL_MAX_CHARS = 60
#: After the footer begins, a line must be this long (and end like a sentence) to be text.
_FOOTER_TEXT_WORDS = 20
_LONG_PARAGRAPH_WORDS = 300
_QUOTE = 30
#: The page's own address, as a page store prints it with the page.
_ADDRESS = re.compile(r"https?://\S{1,2000}")
#: An agency's end mark glued to the last sentence: …المقبلة".انتهى29/أ43
_END_MARK = re.compile(r"(?<=[.!؟?\"”»)])\s*[-–—ـ(]*\s*انتهى\s*[)\-–—ـ]*\s*(?:[0-9]+\s*/\s*\S{1,5})?\s*$")


def _doubled(text: str) -> bool:
    """Whether ``text`` is one string printed twice without a break (a caption or alt text)."""
    half = len(text) // 2
    return len(text) % 2 == 0 and half > 10 and " " in text[:half] and text[:half] == text[half:]


def _trimmed(line: SeedLine, left_out: list[LeftOut]) -> SeedLine:
    """``line`` without an agency end mark or a date stamp at its end (those are left out)."""
    text = line.text
    for pattern, reason in ((_END_MARK, "agency end mark"), (TRAILING_STAMP, DATE_LINE)):
        match = pattern.search(to_latin_digits(text))
        if match is not None and match.start() > 0:
            left_out.append(LeftOut(line.part(text[match.start():].strip()), reason))
            text = text[: match.start()].rstrip()
    return line.part(text)


def read_seed(text: str) -> SeedReading:
    """Split a seed into headline, body paragraphs and left-out lines (see the module doc)."""
    lines = seed_lines(text)
    if not lines:
        raise ScaffoldError("the seed holds no text")
    reasons = {line.number: chrome_reason(line.text) for line in lines}
    for line in lines:
        if reasons[line.number] is None and _doubled(line.text):
            reasons[line.number] = "image caption or alt text (a line printed twice over)"
        if reasons[line.number] is None and source_line_parts(line):
            reasons[line.number] = "dateline, credit or sign-off line"
    headline, repeated = _find_headline(lines, reasons)
    last_of: dict[str, int] = {line.text: line.number for line in lines}

    left_out: list[LeftOut] = []
    paragraphs: list[SeedLine] = []
    link_intro: str | None = None
    footer = False
    for line in lines:
        if line.number == headline.number:
            continue
        reason = reasons[line.number]
        if line.number < headline.number:
            left_out.append(LeftOut(line, reason or "above the headline (page header or menu)"))
            continue
        if line.text == headline.text:
            left_out.append(LeftOut(line, "repeated headline"))
            continue
        if is_footer(line.text):
            footer = True
        if footer and reason is None and not (
            line.words >= _FOOTER_TEXT_WORDS and sentence_like(line.text)
        ):
            reason = "after the article (comments, most read, poll)"
        if (
            link_intro is not None
            and reason is None
            and line.words <= _LINK_MAX_WORDS
            and not sentence_like(line.text)
        ):
            left_out.append(LeftOut(line, f"link under '{_cut(link_intro, _QUOTE)}'"))
            continue
        link_intro = None
        if (
            reason is None
            and line.words <= _LABEL_MAX_WORDS
            and len(line.text) <= _LABEL_MAX_CHARS
            and not sentence_like(line.text)
        ):
            reason = "label (tag, section or outlet name)"
        if reason is not None:
            left_out.append(LeftOut(line, reason))
            if LINK_INTRO.search(line.text.strip(BULLETS)):
                link_intro = line.text
            continue
        if last_of[line.text] != line.number:
            left_out.append(LeftOut(line, "printed again further down (kept there)"))
            continue
        paragraphs.append(_trimmed(line, left_out))
    source_lines = _source_lines(left_out, headline.number)
    if paragraphs:
        opened, rest = split_opener(paragraphs[0])
        if opened and rest.text:
            paragraphs[0] = rest
            for key, part in opened.items():
                left_out.append(LeftOut(part, f"{key} opening the first paragraph"))
            source_lines = {**source_lines, **opened}
    left_out.sort(key=lambda item: item.line.number)
    return SeedReading(
        headline, tuple(paragraphs), tuple(left_out), tuple(_hints(paragraphs)), repeated,
        tuple(source_lines.items()),
    )


def _source_lines(left_out: list[LeftOut], headline: int) -> dict[str, SeedLine]:
    """The dateline, credit, byline and rights the left-out lines show (the first of each;
    a labelled source line comes before a place-and-outlet line), and the page's address when
    the page prints it above the headline (as a page store heads the page with it)."""
    found: dict[str, SeedLine] = {}
    for item in left_out:
        for key, part in labelled_parts(item).items():
            found.setdefault(key, part)
    for item in left_out:
        for key, part in source_line_parts(item.line).items():
            found.setdefault(key, part)
        if item.reason == DATE_LINE:
            for key, part in dated_place(item.line).items():
                found.setdefault(key, part)
        if item.reason == PAGE_ADDRESS and item.line.number < headline:
            address = _ADDRESS.search(item.line.text)
            if address is not None:
                found.setdefault("url", item.line.part(address.group(0)))
    return found


def seed_source_lines(reading: SeedReading) -> dict[str, str]:
    """``dateline``, ``credit``, ``byline``, ``rights`` and ``url`` (an address the page prints
    as its own) as the reading found them, verbatim."""
    return {key: line.text for key, line in reading.source_lines}


def _find_headline(
    lines: list[SeedLine], reasons: dict[int, str | None]
) -> tuple[SeedLine, bool]:
    """The first line of a few words that is not chrome (else the first line that is not
    chrome, else the first line), and whether the page prints it again."""
    candidates = [
        line for line in lines
        if reasons[line.number] is None and line.words >= _HEADLINE_MIN_WORDS
    ]
    plain = [line for line in lines if reasons[line.number] is None]
    chosen = (candidates or plain or lines)[0]
    repeated = sum(1 for line in lines if line.text == chosen.text) > 1
    return chosen, repeated


def _hints(paragraphs: list[SeedLine]) -> Iterable[str]:
    if not paragraphs:
        yield "no body paragraph was found: copy the article's paragraphs from the seed."
        return
    for index, paragraph in enumerate(paragraphs, start=1):
        for code, _offset, message in text_problems(paragraph.text, multiline=False):
            yield (
                f"body paragraph {index} (seed line {paragraph.number}): {message} ({code}); "
                f"`iraq-ct-news validate --explain {code}` says what to do."
            )
        if paragraph.words > _LONG_PARAGRAPH_WORDS:
            yield (
                f"body paragraph {index} (seed line {paragraph.number}) is {paragraph.words} "
                f"words long: if the article has crossheads or paragraph breaks inside it, split "
                f"it there (each part still occurs in the seed)."
            )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
