"""Work grows no faster than the input, on a third set of inputs built after the second round.

The method of ``tests/test_cost_bounds_round2.py``: count the work (the Python lines the package
runs, under ``sys.settrace``), never time it, at two sizes; doubling the input at most doubles
the count, with a small slack for the work any input costs. Each bound is written in
SECURITY.md ("What each check costs at the limits") beside the test holding it.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from iraq_ct_news.core.errors import BuildError
from iraq_ct_news.core.limits import MAX_RELEASE_VALUES, MAX_SEED_LINES
from iraq_ct_news.curation import scaffold
from iraq_ct_news.curation.draft.mentions import propose_mentions
from iraq_ct_news.curation.draft.proposals import NewEntity
from iraq_ct_news.curation.draft.registry import Registry, load_registry
from iraq_ct_news.curation.draft.stubs import unique_ids
from iraq_ct_news.models import Person
from iraq_ct_news.reading import jsonl
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.seedpage.lines import ScaffoldError, refuse_too_many_lines
from iraq_ct_news.release import search
from iraq_ct_news.release.search import Snippet, snippet
from iraq_ct_news.view.locate import locate_all

from .conftest import VALID_TREE
from .test_cost_bounds_round2 import (
    HEADLINE,
    _at_most_doubles,
    _lines_run,
    _record_with_findings,
)

#: Letters an invented name is spelled with (no real person's name).
_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"


def invented_word(number: int) -> str:
    """A distinct invented word for each ``number`` (its digits in base 26, as letters)."""
    number += len(_LETTERS) ** 3
    word = ""
    while number:
        number, digit = divmod(number, len(_LETTERS))
        word += _LETTERS[digit]
    return word


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(VALID_TREE)


# New names in draft: each question about the names found so far costs one name ---------------


def _people_named_once(count: int) -> str:
    """``count`` people, each introduced by a title and never named again."""
    return " ".join(f"وقال الوزير {invented_word(number)} {invented_word(number + 90_000)} إن "
                    "الاجتماع بحث التعاون." for number in range(count))


def _people_introduced_twice(count: int) -> str:
    """``count`` one-word names, each said after a verb of saying twice, far apart."""
    first = " ".join(f"قال {invented_word(number)} كلاما." for number in range(count))
    again = " ".join(f"وأضاف {invented_word(number)} كلاما." for number in range(count))
    return f"{first} {again}"


@pytest.mark.parametrize("body", [_people_named_once, _people_introduced_twice])
def test_proposing_many_new_people_costs_the_text_not_people_squared(
    registry: Registry, body: object
) -> None:
    """Each new name was compared with every name found before it (whether one begins it, which
    longer one it begins), each name said twice was looked for from the text's start, each
    person's title was sought with a copy of every person's words, and each new entity's
    occurrences were summed over every entity: 4,000 people took 4.9 s and 6.4 s in ``draft``."""
    make = body  # type: ignore[assignment]
    _found, new = propose_mentions({"body": make(40)}, registry)  # type: ignore[operator]
    assert len(new) >= 40
    _at_most_doubles(
        lambda size: _lines_run(lambda: propose_mentions({"body": make(size)}, registry)),  # type: ignore[operator]
        300, slack=20_000,
    )


def test_suggested_ids_spelled_alike_are_numbered_in_one_pass() -> None:
    """Names transliterated alike (ص and س are both s) went through every number given to the
    others before finding their own: names² steps."""

    def count(size: int) -> int:
        entities = [NewEntity(name="ص", kind="person", closest=[], suggested_id="sami",
                              occurrences=1) for _ in range(size)]
        lines = _lines_run(lambda: unique_ids(entities, {"sami"}))
        assert [entity.suggested_id for entity in entities] == [
            f"sami-{number}" for number in range(2, size + 2)
        ]
        return lines

    _at_most_doubles(count, 400)


# Seeds in new: a seed of endless short lines is refused before its lines are read ------------


def test_a_seed_of_endless_short_lines_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each seed line costs ``new`` some microseconds (chrome, credits, dates, the comment
    block): a 1 MiB seed of 500,000 one-letter lines took 9 s to be refused as a 9.6 MB record.
    Past ``MAX_SEED_LINES`` non-blank lines it is refused at once, at the line past the limit."""
    shutil.copytree(VALID_TREE, tmp_path / "tree")
    seed = tmp_path / "tree/seeds/009_lines.txt"
    seed.write_text(HEADLINE + "\n\n" + "ا\n\n" * MAX_SEED_LINES, encoding="utf-8")

    def never(text: str) -> object:
        raise AssertionError("the seed's lines were read")

    monkeypatch.setattr(scaffold, "read_seed", never)
    with pytest.raises(ScaffoldError, match=r"^seeds/009_lines\.txt:100001: Y008 more than "
                       r"50,000 non-blank lines"):
        scaffold.plan_scaffold(tmp_path / "tree", seed)
    refuse_too_many_lines("at-the-limit.txt", "ا\r\n \n" * MAX_SEED_LINES)  # blank lines free


# Release lines: the depth of a line of many nests found in one pass ---------------------------


class _CountedPattern:
    """A compiled pattern that counts the passes made with it."""

    def __init__(self, pattern: re.Pattern[bytes], passes: list[int]) -> None:
        self.pattern, self.passes = pattern, passes

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.passes[0] += 1
            return method(*args, **kwargs)

        return counted


def test_the_depth_of_a_line_of_many_nests_is_found_in_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The innermost pairs of brackets were removed once per level, so a line of many nests
    just under the limit was read 60 times (6.3 s for a 16 MiB release line in ``show``,
    ``stats``, ``diff``, ``search`` and the sqlite export); now every regular expression of the
    module reads it at most once, whatever its nesting."""
    passes = [0]
    for name in dir(jsonl):
        if isinstance(getattr(jsonl, name), re.Pattern):
            monkeypatch.setattr(jsonl, name, _CountedPattern(getattr(jsonl, name), passes))
    nest = "[" * 60 + '"]}\\"[{"' + "]" * 60
    for nests, deeper in ((100, False), (100, True), (1, True)):
        passes[0] = 0
        line = ("[" * deeper + "[" + ",".join([nest] * nests) + "]" * deeper + "]").encode()
        assert jsonl.too_deep(line, 61) == deeper
        assert jsonl.too_deep(line, 60) is True
        assert passes[0] <= 2


@pytest.mark.parametrize("reader", ["read_jsonl", "read_lazy"])
def test_a_release_line_of_more_values_than_a_record_holds_is_refused_unparsed(
    tmp_path: Path, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each value of a line becomes a Python object when it is parsed: a 16 MiB line of 7.8
    million nested lists took 2.6 GB and 33 s in ``show``. Past ``MAX_RELEASE_VALUES`` the line
    is refused, naming it, before any parser sees it; commas inside strings are not values."""
    parsed: list[bytes] = []
    # Both parsers a release line can meet: the json module's, and pydantic's (read_jsonl).
    monkeypatch.setattr(jsonl.json, "loads", lambda line, **_: parsed.append(line))
    monkeypatch.setattr(Person, "model_validate_json",
                        classmethod(lambda cls, line, **_: parsed.append(line)))
    path = tmp_path / "people.jsonl"
    many = "[" + "[0]," * (MAX_RELEASE_VALUES // 2) + "0]"
    path.write_text(f'\n{{"id": "x", "v": {many}}}\n', encoding="utf-8")
    with pytest.raises(BuildError, match=rf"people\.jsonl:2: more than {MAX_RELEASE_VALUES:,} "
                       "values on one line; this is not a release file"):
        getattr(jsonl, reader)(path, Person)
    assert not parsed
    assert not jsonl.too_many_values(f'{{"a": "{"," * MAX_RELEASE_VALUES}"}}'.encode())
    with pytest.raises(BuildError, match="more than 500,000 values"):
        jsonl.loads(many.encode())


# Search snippets: the key made in C passes, only the blocks holding the match walked ---------


def _slow_snippet(text: str, query: str, context: int = 40) -> Snippet | None:
    """``snippet`` by the walk it made of every character before (the key and its positions
    one character at a time: the reference, and what it still does for a text that leaves no
    sentinel free)."""
    with mock.patch.object(search, "SENTINEL_CANDIDATES", range(0)):  # no sentinel: the walk
        return snippet(text, query, context)


def test_a_snippet_is_the_one_walking_every_character_finds() -> None:
    pieces = ["ا", "أ", "ب", "\u064e", "ـ", " ", "  ", "\n", "\t", "\u00a0", "\u200c", "A", "a",
              "ﷺ", "ﻻ", "¨", "é", "\u1100", "\u1161", "٣", "x", "\x00", "\ue000"]
    chooser = random.Random(18)
    for _ in range(400):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 60)))
        for query in ("ا", "اب", "a", "ب ا", "صلي", "ال", "3", text[3:9], text[-5:]):
            assert snippet(text, query) == _slow_snippet(text, query), (ascii(text), query)
    block = search._BLOCK
    for size in (block - 1, block, block + 1, 3 * block + 7):
        text = ("ب \u064e " * size)[:size] + " ءامن"
        for query in ("امن", "ب ب", "ء"):
            assert snippet(text, query) == _slow_snippet(text, query)


def test_a_snippet_walks_only_the_blocks_holding_the_match() -> None:
    """Every character was walked, with a list of its position (a release line of 8 million
    characters: 1.1 GB and 4 s in ``search``): now the walk covers at most two blocks."""

    def count(size: int) -> int:
        text = "ب\u064e ـ " * size + " كلمة أخيرة"
        found: list[object] = []
        lines = _lines_run(lambda: found.append(snippet(text, "كلمه اخيره")))
        assert found[0] is not None
        return lines

    small, large = count(50_000), count(100_000)
    assert large <= small + 3_000 and large <= 20 * search._BLOCK, (small, large)


# The review page: a finding's annotation found by its path's prefixes --------------------------


def test_placing_findings_on_annotations_costs_findings_not_findings_times_annotations() -> None:
    """Each finding looked through every annotation path for one that begins its own (a finding
    on each of 7,000 mentions: 8 s in ``view``); now it looks up its path's prefixes."""
    document, findings = _record_with_findings(40)
    paths = [("mentions", number) for number in range(40)]
    targets = locate_all(findings, document, paths)
    assert [target.path for target in targets if target.kind == "annotation"] == paths

    def count(size: int) -> int:
        document, findings = _record_with_findings(size)
        (document.positions, document.key_positions, document.block_content_lines)
        paths = [("mentions", number) for number in range(size)]
        return _lines_run(lambda: locate_all(findings, document, paths))

    _at_most_doubles(count, 300)


# Owned elsewhere: held here, fixed there ------------------------------------------------------


def test_spans_pinned_by_occurrence_cost_the_spans_not_spans_times_matches() -> None:
    """``resolve_span(text, exact, occurrence=k)`` listed the first k matches, one run each when
    they do not repeat within the needle's length, so spans with occurrences 1..k cost k²
    (validate 8.4 s, view 19 s at 7,000 spans): a needle's matches are now found once per text
    and the k-th by bisection."""

    def count(size: int) -> int:
        text = "اب" * size
        return _lines_run(lambda: [resolve_span(text, "ا", occurrence=number)
                                   for number in range(1, size + 1)])

    _at_most_doubles(count, 300, slack=5_000)


def test_a_snippet_of_a_text_holding_every_sentinel_candidate_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The snippet's key marks spaces and dropped characters with characters the text does not
    hold; a text holding every one it could choose (U+E000 to U+10FFFF: a forged release line
    of 4 MB) raised StopIteration inside a generator (a traceback in `search`). Such a text
    is walked character by character, to the same answer. (The candidates are narrowed here
    to a few, so that the test's text is small.)"""
    monkeypatch.setattr(search, "SENTINEL_CANDIDATES", range(0xE000, 0xE010))
    text = "قال الوزير في بغداد " + "".join(map(chr, range(0xE000, 0xE00E)))
    found = search.snippet(text, "بغداد", context=10)
    assert found is not None and found.match == "بغداد" and found.before == "الوزير في "
    assert found == _slow_snippet(text, "بغداد", context=10)
    with pytest.raises(search._NoSentinel):
        search._PieceKey(text)
