"""Work grows no faster than the input, on inputs built after the first round of bounds.

The same method as ``tests/test_cost_bounds.py``: count the work, never time it. The counts are
the Python lines the package runs (``sys.settrace``: deterministic, and a loop inside a loop
shows), and the swaps Unicode normalisation has to make to put a run of marks in canonical
order (it sorts by swapping neighbours, so its time is the number of swaps). Each bound is
written in SECURITY.md ("What each check costs at the limits") beside the test holding it.

Tests marked ``xfail(strict=True)`` hold a cost whose fix lies in a module another change
owns; each says which function to change, and passes (failing the strict mark) once it is.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import iraq_ct_news
from iraq_ct_news.checks.rules import sources
from iraq_ct_news.core import arabic
from iraq_ct_news.core.arabic import search_key
from iraq_ct_news.core.errors import BuildError
from iraq_ct_news.core.findings import Finding
from iraq_ct_news.core.normalization import nfc
from iraq_ct_news.curation.draft import quotes, speakers
from iraq_ct_news.curation.draft.positions import TextPositions
from iraq_ct_news.curation.draft.quantities import figures
from iraq_ct_news.curation.draft.run import draft_file
from iraq_ct_news.reading import jsonl
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.dates import stated_dates
from iraq_ct_news.reading.pins import MAX_CONTEXT_OCCURRENCES, pin_for
from iraq_ct_news.reading.seedpage.dates import seed_dates
from iraq_ct_news.reading.seedpage.lines import seed_lines
from iraq_ct_news.reading.seedpage.reading import read_seed
from iraq_ct_news.reading.seeds import Seed, SeedStore
from iraq_ct_news.reading.text import SENTENCE_END, paragraph_bounds, words_of
from iraq_ct_news.reading.yamlreader import Document, read_yaml_text
from iraq_ct_news.view.locate import locate_all

from .conftest import VALID_TREE
from .cost_support import lines_run
from .test_cost_bounds import _marked

PACKAGE = str(Path(iraq_ct_news.__file__).parent)
#: Invented sentences of the same class as a news text's (no real page's text).
SENTENCE = "قال وزير الداخلية إن الاجتماع بحث التعاون الأمني مع الوفد الياباني في بغداد."
HEADLINE = "وزير الداخلية يلتقي الوفد الياباني في بغداد"
#: The normaliser itself, for expected values while a test records its calls.
_NORMALIZE = unicodedata.normalize


def _starts_with_mark(char: str) -> bool:
    """Whether ``char`` decomposes (canonically) into something that opens with a mark."""
    return unicodedata.combining(unicodedata.normalize("NFD", char)[:1] or " ") != 0


def _lines_run(action: Callable[[], object]) -> int:
    """Lines of the package's own code ``action`` runs."""
    return lines_run(action, lambda name: name.startswith(PACKAGE))


def _at_most_doubles(count: Callable[[int], int], size: int, slack: int = 0) -> tuple[int, int]:
    small, large = count(size), count(2 * size)
    assert large <= 2 * small + slack, (small, large)
    return small, large


# Dates and figures: a span is checked against those claimed before in its own length ---------


def _dates(count: int) -> str:
    forms = ("في 16 كانون الاول 2021", "يوم 3/4/2022", "في آذار 2020", "March 3, 2021")
    return " ".join(f"{SENTENCE} {forms[number % len(forms)]}" for number in range(count))


def test_the_dates_of_a_text_cost_its_length_not_dates_squared() -> None:
    """Each date was compared with every date found before it (a body of 3,000 dates: seconds
    in ``draft``); now each costs its own length."""
    text = _dates(200)
    assert len(list(stated_dates(text))) == 200
    _at_most_doubles(lambda size: _lines_run(lambda: list(stated_dates(_dates(size)))), 200)


def test_figures_beside_many_claimed_spans_cost_the_text() -> None:
    def count(size: int) -> int:
        text = " ".join(f"ارتفع المؤشر {number % 90 + 1}%" for number in range(size))
        taken = [(offset, offset + 3) for offset in range(0, len(text), 7)]
        found: list[object] = []
        lines = _lines_run(lambda: found.extend(figures(text, taken)))
        assert found  # the figures between the claimed spans are still found
        return lines

    _at_most_doubles(count, 300)


# Pins: each proposal's occurrences are found once per text ------------------------------------


def _repeated_name(count: int) -> str:
    return " ".join(f"{VERBS[number % len(VERBS)]} السيد جيغاوري" for number in range(count))


VERBS = ("قال", "أضاف", "أكد", "أوضح", "وأشار")


def _pin_every(text: str, exact: str) -> list[tuple[int, object]]:
    starts, position = [], text.find(exact)
    while position != -1:
        starts.append(position)
        position = text.find(exact, position + 1)
    return [(start, pin_for(text, start, start + len(exact))) for start in starts]


@pytest.mark.parametrize("count", [20, MAX_CONTEXT_OCCURRENCES + 40])
def test_every_pin_resolves_to_its_own_occurrence(count: int) -> None:
    """Pinned by context while a span occurs a few times, by occurrence past that: each pin
    resolves, with the validator's resolver, to the occurrence it was made for."""
    text = _repeated_name(count)
    for start, pin in _pin_every(text, "جيغاوري"):
        found = resolve_span(text, "جيغاوري", pin.prefix, pin.suffix, pin.occurrence)  # type: ignore[attr-defined]
        assert found.found and found.start == start, pin


def test_pinning_a_name_repeated_through_a_body_is_linear() -> None:
    """Every one of k occurrences was pinned by listing all k (k² in ``draft``: a name 5,000
    times took seconds)."""
    _at_most_doubles(
        lambda size: _lines_run(lambda: _pin_every(_repeated_name(size), "جيغاوري")), 400
    )


# Normalisation of seeds: never sorting a long run of marks by swaps ---------------------------


@pytest.fixture
def normaliser_swaps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The most swaps of neighbouring marks any call of ``unicodedata.normalize`` had to make to
    put its text in canonical order (the inversions among each run of marks, once decomposed);
    normalisation's time grows with them."""
    most = [0]
    original = unicodedata.normalize

    def recording(form: str, text: str) -> str:
        swaps, seen = 0, dict[int, int]()
        for char in text:
            for mark in original("NFD", char):
                kind = unicodedata.combining(mark)
                if not kind:
                    seen.clear()
                    continue
                swaps += sum(number for other, number in seen.items() if other > kind)
                seen[kind] = seen.get(kind, 0) + 1
        most[0] = max(most[0], swaps)
        return original(form, text)

    monkeypatch.setattr(unicodedata, "normalize", recording)
    yield most


def _tibetan(count: int) -> str:
    """U+0F73 is no mark, but decomposes into two marks of different classes."""
    return "ا" + "\u0f73\u0f75\u0f81" * (count // 3)


def _seed(run: str) -> str:
    return f"{HEADLINE}\n{SENTENCE}\n{run}\n{SENTENCE}\n12 كانون الثاني 2024\n"


@pytest.mark.parametrize("run", [_marked(20_000), _tibetan(20_000), "ǖ" + _marked(20_000)[1:]])
def test_reading_a_seed_never_sorts_a_long_run_by_swaps(
    normaliser_swaps: list[int], run: str
) -> None:
    text = _seed(run)
    lines = seed_lines(text)
    assert [line.text for line in lines] == [
        " ".join(_NORMALIZE("NFC", line).split()) for line in text.splitlines()
    ]
    seed_dates(text, read_seed(text))
    # At most the marks a letter before the run decomposes into, times the run.
    assert normaliser_swaps[0] <= 2 * len(run)


def test_nfc_is_unicode_nfc() -> None:
    marks = [chr(code) for code in range(0x0300, 0x0370)] + [
        chr(code) for code in range(0x064B, 0x0660)
    ] + ["\u0f71", "\u0f72", "\u0f73", "\u0f75", "\u0f81", "\u3099", "\u05b0", "\u0e38"]
    letters = list("اأبuǖeÅ \u1100\u1161\u0f40가")
    chooser = random.Random(18)
    for _ in range(400):
        text = "".join(
            chooser.choice(marks if chooser.random() < 0.7 else letters)
            for _ in range(chooser.choice((5, 40, 150)))
        )
        assert nfc(text) == _NORMALIZE("NFC", text), ascii(text)
    assert nfc("plain ascii") == "plain ascii"


def test_no_character_past_the_scanned_range_decomposes_into_marks() -> None:
    """``nfc`` looks for runs among the code points below ``MARKS_END`` only, and the signs
    that decompose into marks there are the three it lists."""
    assert not any(
        unicodedata.combining(chr(code)) or _starts_with_mark(chr(code))
        for code in range(arabic.MARKS_END, sys.maxunicode + 1)
    )
    assert "".join(
        chr(code) for code in range(arabic.MARKS_END)
        if not unicodedata.combining(chr(code)) and _starts_with_mark(chr(code))
    ) == arabic.CANONICALLY_DECOMPOSING_TO_MARKS


# Owned elsewhere: held here, fixed there ------------------------------------------------------


def test_the_characters_that_decompose_into_marks_only_are_listed() -> None:
    """Every code point with no combining class whose NFKD is made of marks alone is dropped
    with the marks (the list is written out, so the table is built in C loops)."""
    found = "".join(
        chr(code) for code in range(0x1F000)
        if not unicodedata.combining(chr(code))
        and (decomposed := unicodedata.normalize("NFKD", chr(code))) != chr(code)
        and all(unicodedata.combining(mark) for mark in decomposed)
    )
    assert found == arabic.DECOMPOSING_TO_MARKS


def test_search_keys_never_sort_a_run_of_decomposing_signs(normaliser_swaps: list[int]) -> None:
    assert search_key(_tibetan(6_000)) == "ا"
    assert normaliser_swaps[0] <= 6_000


def test_reading_a_seed_file_never_sorts_a_long_run_by_swaps(
    tmp_path: Path, normaliser_swaps: list[int]
) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001_case.txt").write_text(_seed(_marked(20_000)), encoding="utf-8")
    assert isinstance(SeedStore(tmp_path).get("001_case.txt"), Seed)
    assert normaliser_swaps[0] <= 40_000


# Quotations: each one's window, verb and clause found by bisection ----------------------------


def _speech(count: int) -> str:
    """``count`` verbs of saying with a colon and a few words each, and no sentence end."""
    forms = ("قال الوزير: نحن نعمل مع الشركاء", "وأضاف: ونحن مستمرون في دعم التعاون،",
             "وأكد «أن الحكومة ماضية في خططها الأمنية»، مشيراً")
    return " ".join(forms[number % len(forms)] for number in range(count))


def test_quotations_in_one_endless_sentence_cost_the_text() -> None:
    """Each colon's verb was looked for from the sentence's start, and each clause read to its
    end (thousands of colons in one sentence: seconds in ``draft``)."""
    assert quotes.quoted_texts(_speech(30))
    _at_most_doubles(lambda size: _lines_run(lambda: quotes.quoted_texts(_speech(size))), 150)


def test_speech_after_colons_in_one_sentence_never_nests() -> None:
    """Each colon after a verb of saying opened a quote running to the sentence's end, so k such
    colons in one sentence made quotes of k × its length (the draft written grew as much)."""
    for count in (30, 300):
        text = _speech(count)
        unmarked = [quote for quote in quotes.quoted_texts(text) if quote.form == "unmarked"]
        assert len(unmarked) >= count // 3
        assert sum(quote.end - quote.start for quote in unmarked) <= len(text)
    text = "قال الوزير: نحن نعمل مع الشركاء كل يوم وأضاف: ونحن مستمرون في دعم التعاون الأمني"
    first, second = (quote for quote in quotes.quoted_texts(text) if quote.form == "unmarked")
    assert text[first.start:first.end] == "نحن نعمل مع الشركاء كل يوم"
    assert text[second.start:second.end] == "ونحن مستمرون في دعم التعاون الأمني"


def _slow_window_start(text: str, open_at: int) -> int:
    start = 0
    for match in SENTENCE_END.finditer(text, 0, open_at):
        if match.group(0) == "\n\n" and text[: match.start()].rstrip().endswith(":"):
            continue
        start = match.end()
    return start


def _slow_verb_before(text: str, start: int, end: int) -> int | None:
    found = None
    for word in words_of(text[start:end]):
        if quotes.is_saying(word.key):
            found = start + word.start
    return found


def test_the_layout_of_quotations_agrees_with_scanning_the_text() -> None:
    pieces = ["قال", "وأضاف", "الوزير", ":", "،", ",", ".", "\n\n", "\n", "«", "»", '"', "“",
              "ونحن", "إن", "مشيراً", "ا", "!", "...", "  ", "\t", "بين", "وبين", "\u200c", "قالت:"]
    chooser = random.Random(7)
    for _ in range(300):
        text = chooser.choice(("", " ")).join(
            chooser.choice(pieces) for _ in range(chooser.randint(1, 40))
        )
        layout = quotes._Layout(text)
        for position in range(len(text) + 1):
            assert layout.window_start(position) == _slow_window_start(text, position)
            assert layout.inside_marks(position) == any(
                left < position < right for left, right in quotes._pairs(text)
            )
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 12) + 1):
                assert layout.verb_before(start, end) == _slow_verb_before(text, start, end)


# Speakers: each verb's subject, sentence and cues found by bisection ---------------------------


def _quotes_by_one_speaker(count: int) -> tuple[str, list[speakers.Actor]]:
    """A speaker named before each of ``count`` quotations, in one paragraph of one sentence."""
    name, parts, actors, position = "جيورجي جيغاوري", [], [], 0
    for number in range(count):
        part = (f"وقال {name}: «الحكومة ماضية في خططها الأمنية {number}»، "
                if number % 2 else f"وأكد {name} في بيان: \"نحن نعمل مع الشركاء دائما\"، ")
        at = part.index(name)
        actors.append(speakers.Actor(position + at, position + at + len(name), "fixture-gigauri",
                                     name, "person", "الوزير"))
        parts.append(part)
        position += len(part)
    return "".join(parts), actors


def test_the_speakers_of_many_quotations_cost_the_text() -> None:
    """Each verb's subject, each quote's speaker and delivery were looked for among every
    actor, subject and sentence before it."""
    body, actors = _quotes_by_one_speaker(40)
    found = speakers.propose_quotes(body, actors, lambda start, end: (start, end))  # type: ignore[arg-type,return-value]
    assert any(quote.speaker == "fixture-gigauri" for quote in found)

    def count(size: int) -> int:
        body, actors = _quotes_by_one_speaker(size)
        return _lines_run(lambda: speakers.propose_quotes(body, actors, lambda s, e: (s, e)))  # type: ignore[arg-type,return-value]

    # 2.0 times, less a constant's share (the cost was 2.9 times per doubling before).
    _at_most_doubles(count, 150, slack=20_000)



def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The scan the positions replace: start and end of the sentence holding ``position``."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)

def test_text_positions_agree_with_scanning_the_text() -> None:
    pieces = ["قال", "ا", ":", "«", "“", ".", "...", "!", "\n", "\n\n", "\n\n\n", " ", "؟", "ب."]
    chooser = random.Random(11)
    for _ in range(300):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 40)))
        positions = TextPositions(text, ":«")
        for position in range(len(text) + 1):
            assert positions.sentence_bounds(position) == sentence_bounds(text, position)
            assert positions.paragraph_bounds(position) == paragraph_bounds(text, position)
            for end in (position, position + 3, len(text)):
                assert positions.find(":", position, end) == text.find(":", position, end)


# The review page: each finding placed by a sweep, not by a look through every path ------------


def _record_with_findings(count: int) -> tuple[Document, list[Finding]]:
    """A record with a body of ``count`` lines and ``count`` mentions, and a finding on every
    body line and every mention."""
    body = "".join(f"  {SENTENCE} {number}\n\n" for number in range(count))
    mentions = "".join(f"- entity: fixture-iom\n  exact: بغداد\n  occurrence: {n + 1}\n"
                       for n in range(count))
    text = f"id: case\nbody: |-\n{body.rstrip()}\nmentions:\n{mentions}"
    document = read_yaml_text(text)
    lines = text.split("\n")
    findings = [
        Finding("case.yaml", number, 5, "C007", "a name that is not a mention")
        for number, line in enumerate(lines, start=1) if line.startswith(("  قال", "  exact"))
    ]
    return document, findings


def test_placing_findings_on_the_page_costs_findings_and_paths_not_their_product() -> None:
    """Each finding looked through every data path of the record for the deepest on its line,
    and split the whole body into lines again for its offset (thousands of findings on a long
    body: seconds in ``view``)."""
    document, findings = _record_with_findings(50)
    targets = locate_all(findings, document, [("mentions", number) for number in range(50)])
    assert [target.kind for target in targets].count("text") == 50
    assert [target.kind for target in targets].count("annotation") == 50

    def count(size: int) -> int:
        document, findings = _record_with_findings(size)
        # The reader finds its positions on demand: that is the reader's work, not the view's.
        (document.positions, document.key_positions, document.block_content_lines)
        return _lines_run(lambda: locate_all(findings, document, []))

    _at_most_doubles(count, 120)


def test_drafting_a_new_name_repeated_through_a_body_is_linear(tmp_path: Path) -> None:
    def count(size: int) -> int:
        tree = tmp_path / f"repo-{size}"
        shutil.copytree(VALID_TREE, tree)
        article = tree / "curated/articles/fixture-iom-agreement.yaml"
        text = article.read_text(encoding="utf-8")
        head, rest = text.split("body: |-\n", 1)
        body = " ".join(f"قال السيد جيغاوري في بغداد {number}." for number in range(size))
        article.write_text(head + "body: |-\n  " + body + "\n" + rest[rest.index("themes:"):],
                           encoding="utf-8")
        return _lines_run(lambda: draft_file(tree, article))

    _at_most_doubles(count, 300)


class _CountedClauses(frozenset[int]):
    """A clause set that counts the members an intersection with it looks at."""

    looked_at = 0

    def __and__(self, other: object) -> frozenset[int]:
        assert isinstance(other, frozenset)
        _CountedClauses.looked_at += min(len(self), len(other))
        return frozenset.__and__(self, other)


class _Noted:
    display_path = "curated/articles/case.yaml"

    class report:  # noqa: N801  (the checked file's report, as the rule uses it)
        @staticmethod
        def add(*args: object) -> None:
            pass


def test_near_identical_bodies_cost_the_clauses_not_clauses_times_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Articles that each share one clause with every other: each became a candidate of every
    later one, and each pair's clause sets were intersected in full."""
    articles = 120
    noted = [
        (_Noted(), {"clauses": sorted(min(one, other) * 1_000 + max(one, other)
                                      for other in range(articles) if other != one)})
        for one in range(articles)
    ]
    monkeypatch.setattr(sources, "frozenset", _CountedClauses, raising=False)
    _CountedClauses.looked_at = 0
    sources._check_bodies(noted)  # type: ignore[arg-type]
    clauses = sum(len(note["clauses"]) for _, note in noted)
    assert _CountedClauses.looked_at <= sources.COMMON_CLAUSE * clauses


# Release lines: strings dropped in one pass ---------------------------------------------------


@pytest.mark.parametrize("line", [
    b"[" * 65 + b'\\"' * 2_000,
    b'["' + b'\\"[' * 2_000,
    b'{"a": "' + b'"x' * 2_000,
    b"[" * 70 + b'"open to the end \\',
])
def test_measuring_a_release_lines_depth_never_searches_a_string_twice(line: bytes) -> None:
    """Strings are dropped before the brackets are counted, by one search through the line;
    a string pattern that fails where a quote is left open makes the search start again at the
    next quote, and each start reads on to the end (7 s for 20,000 open quotes). A match from
    every quote is what keeps it one pass."""
    for position in range(len(line)):
        if line[position : position + 1] == b'"':
            assert jsonl._STRING.match(line, position) is not None


def test_the_depth_of_a_release_line_is_the_depth_of_its_json() -> None:
    """Brackets inside strings (escaped quotes too) are not nesting; brackets before a string
    left open are."""
    for depth in (0, 1, 5, 63, 64, 65, 200):
        value: object = "a\"[{\\"
        for level in range(depth):
            value = [value, "]}\\\""] if level % 2 else {"[\"{": value}
        line = json.dumps(value).encode("utf-8")
        for limit in (1, 5, 64):
            assert jsonl.too_deep(line, limit) == (depth > limit)
    assert jsonl.too_deep(b"[" * 70 + b'"]]]] left open')
    assert not jsonl.too_deep(b'"left open' + b"[" * 70)
    with pytest.raises(BuildError, match="nested deeper"):
        jsonl.loads(b"[" * 100_000)  # brackets never closed: a clear error, not a RecursionError
