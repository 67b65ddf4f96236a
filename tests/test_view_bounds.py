"""``view`` output stays within a fixed multiple of the record it shows (SECURITY.md): spans that
cross cannot multiply the page, and a long registry name repeated on every mention cannot
either. Counted in bytes and in elements, not timed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from iraq_ct_news.view import render_view
from iraq_ct_news.view.page import after_word

from .conftest import REPOSITORY

VALID = REPOSITORY / "tests" / "fixtures" / "valid"
ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PERSON = "curated/people/fixture-gigauri.yaml"
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
#: The bound: page bytes per byte of the record (article file). The page repeats each span's
#: words in the text and in its table row, and adds markup and a label per span.
PAGE_PER_RECORD_BYTE = 12


def _word(index: int) -> str:
    """An invented word, distinct for each index."""
    digits = []
    for _ in range(3):
        index, rest = divmod(index, len(LETTERS))
        digits.append(LETTERS[rest])
    return "".join(digits) + "ا"


def crossing_tree(destination: Path, spans: int, long_name: int = 0) -> Path:
    """The valid tree with its article's body replaced by invented words and ``spans`` mentions
    that each start one word after the previous one and run ``spans // 2`` words: every span
    crosses the ones that start inside it. With ``long_name``, the mentioned person's English
    name is that many characters long."""
    tree = shutil.copytree(VALID, destination)
    path = tree / ARTICLE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    length = max(spans // 2, 2)
    words = [_word(i) for i in range(spans + length)]
    data["body"] = " ".join(words)
    data["mentions"] = [
        {"entity": "fixture-gigauri", "exact": " ".join(words[i : i + length])}
        for i in range(spans)
    ]
    for group in ("quotes", "events", "amounts", "figures", "resolutions"):
        data.pop(group, None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if long_name:
        person = tree / PERSON
        record = yaml.safe_load(person.read_text(encoding="utf-8"))
        record["name"]["en"] = "Giorgi " + "G" * long_name
        person.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return tree


def page_of(tree: Path, out: Path) -> tuple[int, int, str]:
    """(record bytes, page bytes, page) for the article of ``tree``."""
    render_view(tree, [], out)
    page = (out / "fixture-iom-agreement.html").read_text(encoding="utf-8")
    return (tree / ARTICLE).stat().st_size, len(page.encode("utf-8")), page


def test_crossing_spans_cannot_multiply_the_page(tmp_path: Path) -> None:
    ratios = []
    for spans in (40, 80, 160):
        tree = crossing_tree(tmp_path / f"t{spans}", spans)
        record, size, page = page_of(tree, tmp_path / f"out{spans}")
        ratios.append(size / record)
        assert size <= PAGE_PER_RECORD_BYTE * record, (spans, size, record)
        # Later parts of spans: no more than the characters of the record's spans.
        mentions = yaml.safe_load((tree / ARTICLE).read_text(encoding="utf-8"))["mentions"]
        parts = page.count("data-part=")
        assert spans < parts <= sum(len(m["exact"]) for m in mentions)
        # Only the first part of a span carries its label.
        assert len(re.findall(r'<mark [^>]*data-ann="mentions-[^>]*data-label=', page)) == spans
    # Doubling the spans does not raise the page's multiple of the record.
    assert ratios[2] <= ratios[0] * 1.2


def test_a_long_registry_name_on_every_mention_cannot_multiply_the_page(tmp_path: Path) -> None:
    plain_record, plain_size, _ = page_of(crossing_tree(tmp_path / "plain", 100), tmp_path / "p")
    record, size, page = page_of(crossing_tree(tmp_path / "long", 100, long_name=40_000),
                                 tmp_path / "l")
    assert record == plain_record
    # The long name does reach the page (shortened), so the bound below measures it.
    assert "Giorgi " + "G" * 100 in page
    # The name shows in full once at most per place that lists the registry (not per mention).
    assert size - plain_size <= 4 * 40_000 + 100 * 2_000, (size, plain_size)


def test_a_finding_badge_goes_after_the_word_it_falls_in() -> None:
    text = "قال بنيويورك اليوم"
    inside = text.index("نيويورك")  # after the proclitic ب, inside the word
    assert after_word(text, inside) == text.index(" اليوم")
    assert after_word(text, 0) == 0 and after_word(text, len(text)) == len(text)
    assert after_word(text, text.index(" ")) == text.index(" ")  # between words: stays
    marked = "كَتَبَ"  # marks belong to their word
    assert after_word(marked, 2) == len(marked)
    joined = "في بغ\u200cداد اليوم"  # a ZWNJ between letters is inside the word
    assert after_word(joined, joined.index("\u200c")) == joined.index(" اليوم")
    assert after_word(joined, joined.index("\u200c") + 1) == joined.index(" اليوم")
    ending = "قال\u200b السيد"  # an invisible character that ends a word keeps its badge
    assert after_word(ending, ending.index("\u200b")) == ending.index("\u200b")
