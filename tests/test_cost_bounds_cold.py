"""Work a cold validation does once, counted: registry names matched once per article text for
C004 and C007 together, a seed's offsets mapped back through the whitespace folding changed
(not through every word), and a seed's normalisation scanning with the exact class of marks
only inside a run the quick class found.

Counts, not timings: the machine running the tests may be busy.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.checks import loading
from iraq_ct_news.checks import released as released_module
from iraq_ct_news.checks.rules import helpers, occurrences
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.core import normalization, signature
from iraq_ct_news.core.cache import ValidationCache
from iraq_ct_news.curation.draft import registry_cache
from iraq_ct_news.reading import anchoring, folded_text
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.name_index import NameMatcher

from .conftest import VALID_TREE
from .cost_support import lines_run
from .open_support import files_opened


def _tree(tmp_path: Path) -> Path:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    return tree


def _articles(tree: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((tree / "curated" / "articles").glob("*.yaml"))]


# Names: one matcher run per text ------------------------------------------------------------------


def test_names_are_matched_once_per_text_for_c004_and_c007(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = _tree(tmp_path)
    matched: Counter[str] = Counter()
    alone: list[list[str]] = []
    find_names = helpers.find_names
    entities_in_words = NameMatcher.entities_in_words

    def counted_find(text: str, *args: Any, **kwargs: Any) -> Any:
        matched[text] += 1
        return find_names(text, *args, **kwargs)

    def counted_entities(self: NameMatcher, words: list[str]) -> set[str]:
        alone.append(words)
        return entities_in_words(self, words)

    monkeypatch.setattr(helpers, "find_names", counted_find)
    monkeypatch.setattr(NameMatcher, "entities_in_words", counted_entities)
    assert [str(finding) for finding in validate_repository(tree, jobs=1).findings] == []

    articles = _articles(tree)
    texts = Counter(text for article in articles
                    for text in (article["headline"]["ar"], article["body"]))
    assert articles and matched == texts, "each headline and body is matched exactly once"
    # C004 matches on its own only a body with a shared head blanked out (a different text).
    with_shared_heads = sum(
        any(mention.get("shared_head") for mention in article.get("mentions") or [])
        for article in articles
    )
    assert len(alone) <= with_shared_heads


# Seeds: offsets mapped back through what folding changed ------------------------------------------


def _reference_starts(text: str) -> list[int]:
    """The original offset of every non-space character, in folded order."""
    return [match.start() + offset for match in re.finditer(r"\S+", text)
            for offset in range(len(match.group()))]


_PIECES = ["كلمة", "ب", "a", " ", "  ", "\n", "\n\n", "\xa0", "\t", " \n ", "\u3000", "\u2029"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_folded_offsets_map_back_to_the_original(pieces: list[str]) -> None:
    text = "".join(pieces)
    folded = folded_text.FoldedText(text)
    starts = _reference_starts(text)
    non_space = [offset for offset, char in enumerate(folded.folded) if char != " "]
    assert len(non_space) == len(starts)
    assert [folded.original(offset) for offset in non_space] == starts


def test_the_way_back_holds_one_entry_per_changed_run_not_per_word() -> None:
    paragraph = " ".join(["كلمة"] * 2000)
    text = "\n\n".join([paragraph] * 10) + "\n"
    folded = folded_text.FoldedText(text)
    breaks, shifts = folded._shifts
    assert len(breaks) == 10  # nine paragraph breaks and the final line end
    assert len(shifts) == len(breaks) + 1
    last = len(folded.folded) - 1
    assert folded.original(last) == len(text) - 2


# Normalisation: the exact class only inside quick runs --------------------------------------------


class _CountingPattern:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def finditer(self, text: str, start: int = 0, end: int = 2**63 - 1) -> Any:
        self.scanned += min(end, len(text)) - start
        return self.pattern.finditer(text, start, end)


def test_a_seed_without_long_runs_is_never_scanned_with_the_exact_class(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    quick, exact = normalization._long_runs()
    counting = _CountingPattern(exact)
    monkeypatch.setattr(normalization, "_long_runs", lambda: (quick, counting))
    plain = "قال الوزير إنَّ الاتفاقَ وُقِّع في بغداد. " * 5000
    assert normalization.nfc(plain) == unicodedata.normalize("NFC", plain)
    assert counting.scanned == 0
    run = "ب" + "\u0651\u064e" * 40 + "\U0001d167" * 10
    text = plain + run + plain
    assert normalization.nfc(text) == unicodedata.normalize("NFC", text)
    assert counting.scanned == len(run) - 1  # the marks after the letter, once


@given(st.lists(st.sampled_from(["ب", "a", " ", "\u0651", "\u064e", "\u0654", "\u0301",
                                 "\u0323", "\U0001d167", "\U0001d16d", "\U0001f600",
                                 "\u0f73", "\u0f75"]), max_size=120))
def test_nfc_is_unicodedatas(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalization.nfc(text) == unicodedata.normalize("NFC", text)


# C007: a found name is checked against the mentions by bisection ---------------------------------


def _article_naming_baghdad(tree: Path, times: int) -> None:
    """The fixture article with a paragraph naming Baghdad ``times`` times, each a mention."""
    path = tree / "curated/articles/fixture-iom-agreement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    before = data["body"].count("بغداد")
    data["body"] += "\n\n" + " ".join(["وصل الوفد إلى بغداد."] * times)
    data["mentions"] = [m for m in data["mentions"] if m["exact"] != "بغداد"] + [
        {"entity": "fixture-baghdad", "exact": "بغداد", "occurrence": number}
        for number in range(1, before + times + 1)
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_every_occurrence_costs_the_names_and_mentions_not_their_product(
    tmp_path: Path,
) -> None:
    """Each name found was compared with every mention of its text: an article naming a place
    a thousand times, each a mention, made C007 a million steps."""
    def lines(times: int) -> int:
        tree = tmp_path / f"tree-{times}"
        shutil.copytree(VALID_TREE, tree)
        _article_naming_baghdad(tree, times)
        return lines_run(lambda: validate_repository(tree, jobs=1),
                         lambda name: name == occurrences.__file__)

    small, large = lines(150), lines(300)
    assert large <= 2 * small + 200, (small, large)


# Spans in the body: the few-searches path answers as the general resolver does ------------------


_SPAN_TEXT = st.text(alphabet="ab عل", max_size=30)


@given(text=_SPAN_TEXT, exact=st.text(alphabet="ab عل", min_size=1, max_size=3),
       prefix=st.one_of(st.none(), st.sampled_from(["a", "b", " ", "ع"])),
       suffix=st.one_of(st.none(), st.sampled_from(["a", "ل", " "])),
       occurrence=st.one_of(st.none(), st.integers(min_value=1, max_value=12)))
def test_the_quick_span_resolver_answers_as_the_general_one(
    text: str, exact: str, prefix: str | None, suffix: str | None, occurrence: int | None,
) -> None:
    quick = resolve_span(text, exact, prefix, suffix, occurrence)
    with mock.patch.object(anchoring, "_by_a_few_searches", lambda *arguments: None):
        general = resolve_span(text, exact, prefix, suffix, occurrence)
    assert quick == general


def test_the_quick_span_resolver_decides_the_common_cases() -> None:
    """The few searches answer a unique span and a near occurrence themselves (the test above
    would pass if they answered nothing at all)."""
    text = "قال الوزير في بغداد إن الوفد وصل إلى بغداد"
    assert anchoring._by_a_few_searches(text, "الوفد", "", "", None) is not None
    assert anchoring._by_a_few_searches(text, "بغداد", "", "", 2) is not None
    assert anchoring._by_a_few_searches(text, "بغداد", "", "", None) is None  # two: ambiguous


# draft: the first run on a tree opens each registry file once ------------------------------------


def test_the_first_draft_on_a_tree_opens_each_registry_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing kept for the tree, every registry file was hashed and then read: two opens
    each. Reading it gives its hash, and the check that nothing changed meanwhile asks the
    signatures the read learnt (files are trusted at once here, instead of after three
    seconds)."""
    monkeypatch.setattr(signature, "SETTLED_NS", 0)
    tree = _tree(tmp_path)
    with files_opened() as opened:
        first = registry_cache.cached_registry(tree, ValidationCache(tmp_path / "cache"))
    registries = Counter(Path(path).resolve() for path in opened
                         if Path(path).parent.name in ("people", "organizations", "places"))
    assert registries and set(registries.values()) == {1}, registries
    assert len(registries) == len(first.entities)
    # The entry was kept: the next run opens none of them.
    with files_opened() as opened:
        again = registry_cache.cached_registry(tree, ValidationCache(tmp_path / "cache"))
    assert not [path for path in opened
                if Path(path).parent.name in ("people", "organizations", "places")]
    assert list(again.entities.items()) == list(first.entities.items())


# The folder check, learnt once per folder, still sees a folder swapped for a link -----------------


def test_a_folder_swapped_for_a_link_during_a_run_is_not_read_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a folder lies inside the tree is learnt at its first file; a folder replaced by
    a link to outside the tree before its next file is read must be judged again (I005), not
    read from where it now leads."""
    tree = _tree(tmp_path)
    people = tree / "curated/people"
    outside = tmp_path / "outside"
    shutil.copytree(people, outside)
    person = (people / "fixture-gigauri.yaml").read_text(encoding="utf-8")
    for folder in (people, outside):
        (folder / "zz-second.yaml").write_text(
            person.replace("id: fixture-gigauri", "id: zz-second"), encoding="utf-8")
    real = loading.read_curated
    swapped: list[Path] = []

    def racing(location: Path, kind: Any, **options: Any) -> Any:
        found = real(location, kind, **options)
        if not swapped and location.parent == people:
            swapped.append(location)
            people.rename(tmp_path / "people-moved")
            people.symlink_to(outside, target_is_directory=True)
        return found

    monkeypatch.setattr(loading, "read_curated", racing)
    findings = validate_repository(tree, jobs=1).findings
    assert swapped
    outside_read = [finding for finding in findings
                    if finding.path.endswith("zz-second.yaml") and finding.code == "I005"]
    assert outside_read and "leads outside the repository" in outside_read[0].message


# The versioning rules read the last release within the release-line limits -----------------------


def test_a_forged_release_line_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The versioning rules parsed every line of the last release's articles.jsonl with plain
    ``json.loads``: a line of a million nested lists cost 760 MB before it could be refused.
    Such a line is now refused, as every other reader of a release line refuses it, unparsed."""
    tree = _tree(tmp_path)
    assert main(["build", "--root", str(tree), "--no-cache"]) == 0
    released = tree / "dataset/articles.jsonl"
    first = released.read_bytes().split(b"\n", 1)[0]
    nest = b"[" * 40 + b"1" + b"]" * 40
    released.write_bytes(first[:-1] + b', "x": [' + b",".join([nest] * 13_000) + b"]}\n")
    parsed: list[int] = []
    loads = released_module.json.loads

    def counting(text: Any, **options: Any) -> Any:
        parsed.append(len(text))
        return loads(text, **options)

    monkeypatch.setattr(released_module.json, "loads", counting)
    findings = validate_repository(tree, jobs=1).findings
    monkeypatch.undo()
    (finding,) = [finding for finding in findings if finding.code == "V006"]
    assert "not a released article (more than 500,000 values on one line)" in finding.message
    assert not [size for size in parsed if size > 500_000]


# Spans pinned by far occurrences of many different needles -----------------------------------------


def test_far_occurrences_of_many_needles_search_the_text_once_each() -> None:
    """Each needle's search goes on from where it stopped. Kept in a cache of the last 16
    needles with every match found at once, 17 needles taken in turn made each span search
    the whole text (2,000 spans: 11 s of `validate`)."""
    letters = "ابتثجحخدذرزسشصضطظ"

    def lines(spans: int) -> int:
        text = letters * (spans // len(letters) + 80)  # the text grows with the spans

        def place() -> None:
            for number in range(spans):
                occurrence = 65 + number // len(letters)
                found = resolve_span(text, letters[number % len(letters)], occurrence=occurrence)
                assert found.start == (occurrence - 1) * len(letters) + number % len(letters)

        return lines_run(place, lambda name: name.endswith("anchoring.py"))

    small, large = lines(1_000), lines(2_000)
    assert large <= 2 * small + 2_000, (small, large)
