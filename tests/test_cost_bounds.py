"""Work grows no faster than the input: operation counts, not timings.

Timed tests are flaky on a shared machine, so these count the work itself: texts folded into
search keys (:data:`iraq_ct_news.core.arabic.FOLDS`), trie steps of the name matcher
(:attr:`~iraq_ct_news.reading.name_index.NameMatcher.steps`), the longest run of combining
marks handed to Unicode normalisation (which is quadratic in such a run), and files opened by a
run. Each bound is written in SECURITY.md ("Cost of hostile input") beside the test holding it.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core import arabic
from iraq_ct_news.core.arabic import search_key, word_key
from iraq_ct_news.curation.draft.run import draft_file
from iraq_ct_news.reading.matching import find_names
from iraq_ct_news.reading.name_index import NameMatcher
from iraq_ct_news.reading.text import TextWords, words_of
from iraq_ct_news.release.search import snippet, text_key

from .conftest import VALID_TREE
from .open_support import files_opened

ARTICLE = Path("curated/articles/fixture-iom-agreement.yaml")
PLACE = Path("curated/places/fixture-baghdad.yaml")
#: Invented words of the same class as a news text's (no real page's text).
VOCABULARY = ["وزير", "الداخلية", "بغداد", "اجتماع", "امني", "مع", "الوفد", "الياباني", "في", "اليوم"]


def _tree(tmp_path: Path) -> Path:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    return tree


def _set_body(tree: Path, body: str) -> None:
    """Replace the fixture article's body (one paragraph), leaving every other field."""
    path = tree / ARTICLE
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("body: |-\n", 1)
    path.write_text(head + "body: |-\n  " + body + "\n" + rest[rest.index("themes:"):],
                    encoding="utf-8")


def _set_aliases(tree: Path, aliases: list[str]) -> None:
    path = tree / PLACE
    listed = "".join(f"- {alias}\n" for alias in aliases)
    path.write_text(path.read_text(encoding="utf-8").replace("aliases: []\n", "aliases:\n" + listed),
                    encoding="utf-8")


def _distinct_words(count: int) -> str:
    """``count`` words, all different, made from the vocabulary and a number."""
    return " ".join(f"{VOCABULARY[number % len(VOCABULARY)]}{number}" for number in range(count))


@pytest.fixture
def matchers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[NameMatcher]]:
    """Every name matcher made while the test runs (to read their step counts)."""
    made: list[NameMatcher] = []
    original = NameMatcher.__init__

    def recording(self: NameMatcher, names: dict[str, tuple[str, ...]]) -> None:
        original(self, names)
        made.append(self)

    monkeypatch.setattr(NameMatcher, "__init__", recording)
    yield made


def _folds(action: Callable[[], object]) -> int:
    arabic.WORD_KEYS.clear()
    before = arabic.FOLDS[0]
    action()
    return arabic.FOLDS[0] - before


# Folding -------------------------------------------------------------------------------------


def test_each_distinct_word_is_folded_once_however_often_it_occurs() -> None:
    text = " ".join(VOCABULARY * 500)
    assert _folds(lambda: TextWords(text)) == len(set(VOCABULARY))
    assert _folds(lambda: (TextWords(text), words_of(text), TextWords(text))) == len(
        set(VOCABULARY)
    )


def test_words_and_their_keys_are_those_of_the_texts_search_key() -> None:
    text = "\u200fوزيرُ\u200c الداخلية، Kubiš و٣ ﻻ ـــ"
    words = words_of(text)
    assert [word.key for word in words] == arabic.tokens(text)
    assert [text[word.start:word.end] for word in words] == ["وزيرُ", "الداخلية", "Kubiš", "و٣", "ﻻ"]
    assert list(TextWords(text)) == words and TextWords(text)[1:3] == words[1:3]


@pytest.mark.parametrize("words", [400, 800])
def test_validating_an_article_folds_each_distinct_word_at_most_once(
    tmp_path: Path, words: int
) -> None:
    """Folds in a whole validation: the body's distinct words, plus a constant for the rest of
    the tree (registry names, mentions, the headline), not once per word and check."""
    tree = _tree(tmp_path)
    baseline = _folds(lambda: validate_repository(tree, keep_records=False, jobs=1))
    _set_body(tree, _distinct_words(words))
    folds = _folds(lambda: validate_repository(tree, keep_records=False, jobs=1))
    assert folds <= baseline + words + 16
    assert folds >= words  # the body's words are folded, and the counter counts them


# Name matching -------------------------------------------------------------------------------


def _steps_per_word(matcher: NameMatcher, keys: list[str]) -> int:
    """The most trie steps a text may cost: every word, every variant, the longest spelling."""
    most_variants = max((len(matcher.variants(key)) for key in set(keys)), default=1)
    return len(keys) * most_variants * max(matcher.longest, 1)


def _shared_openings(aliases: int, opening: int) -> list[str]:
    """``aliases`` spellings that all open with ``opening`` times the same word."""
    return [f"{'الرشيد ' * opening}الكرخ{number}" for number in range(aliases)]


def _long_aliases(aliases: int, width: int) -> list[str]:
    """``aliases`` spellings of ``width`` words, alternating two words and never completed by
    a text that only alternates them."""
    return [
        " ".join(["الرشيد", "الكرخ"] * ((width - 2) // 2) + ["الكرخ", f"باب{number}"])
        for number in range(aliases)
    ]


@pytest.mark.parametrize("words", [5_000, 10_000])
def test_matching_is_linear_in_words_times_the_longest_name(words: int) -> None:
    """130 aliases sharing their opening words, a body of that word repeated: each word costs
    at most the longest alias in steps, and twice the words cost at most twice the steps (and
    the walks the end of the text cut short, at most the longest alias squared)."""
    names = {"place": tuple(_shared_openings(130, 20))}
    counts = []
    for length in (words, 2 * words):
        matcher = NameMatcher(names)
        keys = ["الرشيد"] * length
        matcher.entities_in_words(keys)
        text = " ".join(keys)
        find_names(text, TextWords(text), matcher, {}, {}, names)
        assert matcher.steps <= 2 * _steps_per_word(matcher, keys)
        counts.append(matcher.steps)
    assert counts[1] <= 2 * counts[0] + matcher.longest**2


def test_long_aliases_cost_words_times_their_length() -> None:
    """400 aliases of 150 words, a text of 20,000 words that follows each of them but the last
    two words."""
    names = {"place": tuple(_long_aliases(400, 150))}
    matcher = NameMatcher(names)
    keys = ["الرشيد", "الكرخ"] * 10_000
    assert matcher.entities_in_words(keys) == set()
    assert matcher.steps <= _steps_per_word(matcher, keys)


@pytest.mark.parametrize("case", ["shared-openings", "long-aliases"])
def test_validating_hostile_names_stays_within_the_step_bound(
    tmp_path: Path, matchers: list[NameMatcher], case: str
) -> None:
    """The issue's cases through the whole validator (C001, C004, C007 share one matcher)."""
    tree = _tree(tmp_path)
    if case == "shared-openings":
        _set_aliases(tree, _shared_openings(130, 20))
        keys = ["الرشيد"] * 10_000
    else:
        _set_aliases(tree, _long_aliases(400, 150))
        keys = ["الرشيد", "الكرخ"] * 10_000
    _set_body(tree, " ".join(keys))
    validate_repository(tree, keep_records=False, jobs=1)
    registry = [matcher for matcher in matchers if matcher.longest > 1]
    assert len(registry) == 1  # built once for the run, shared by the name checks
    matcher = registry[0]
    # C004 and C007 each read the body once.
    assert 0 < matcher.steps <= 2 * _steps_per_word(matcher, keys)


def test_draft_of_hostile_names_stays_within_the_step_bound(
    tmp_path: Path, matchers: list[NameMatcher]
) -> None:
    tree = _tree(tmp_path)
    _set_aliases(tree, _shared_openings(130, 20))
    keys = ["الرشيد"] * 10_000
    _set_body(tree, " ".join(keys))
    draft_file(tree, tree / ARTICLE)
    steps = sum(matcher.steps for matcher in matchers)
    longest = max(matcher.longest for matcher in matchers)
    # Two passes over the text (registry names, then with the proposed names), each word at
    # most the longest name deep, for each of a word's variants.
    assert 0 < steps <= 2 * len(keys) * 2 * longest


def test_draft_adds_its_proposed_names_to_the_shared_matcher_without_rebuilding() -> None:
    base = NameMatcher({"iraq": ("العراق",), "un": ("الامم المتحده",)})
    names = {"iraq": ("العراق",), "un": ("الامم المتحده",), "?0": ("الامم الجديده",)}
    extended = base.extended(names)
    assert extended.by_first["العراق"] is base.by_first["العراق"]  # shared, not copied
    assert extended.entities_in("الامم الجديده والامم المتحده") == {"?0", "un"}
    assert base.entities_in("الامم الجديده") == set()  # the shared trie is unchanged
    assert extended.entities_in("الامم المتحده") == NameMatcher(names).entities_in("الامم المتحده")


# Combining marks -----------------------------------------------------------------------------


@pytest.fixture
def longest_mark_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The longest run of combining marks any text handed to ``unicodedata.normalize`` held
    (normalisation sorts and composes such a run in time quadratic in its length)."""
    longest = [0]
    original = unicodedata.normalize

    def recording(form: str, text: str) -> str:
        run = 0
        for char in text:
            run = run + 1 if unicodedata.combining(char) else 0
            longest[0] = max(longest[0], run)
        return original(form, text)

    monkeypatch.setattr(unicodedata, "normalize", recording)
    yield longest


def _marked(count: int) -> str:
    return "ب" + "".join("\u064e\u0651\u0650\u0301"[number % 4] for number in range(count))


@pytest.mark.parametrize("count", [10_000, 30_000])
def test_search_keys_never_normalise_a_run_of_marks(
    longest_mark_run: list[int], count: int
) -> None:
    assert search_key(_marked(count)) == "ب"
    assert search_key("Kubiš " + _marked(count) + " أُمَم") == "kubis ب امم"
    assert longest_mark_run[0] <= 1


@pytest.mark.parametrize("count", [10_000, 30_000])
def test_a_search_for_a_letter_and_its_marks_is_linear(
    longest_mark_run: list[int], count: int
) -> None:
    query = _marked(count)
    assert text_key(query) == "ب"
    found = snippet("قال ب في بغداد", query)
    assert found is not None and found.match == "ب"
    assert longest_mark_run[0] <= 1


def test_validating_a_letter_with_ten_thousand_marks_never_normalises_the_run(
    tmp_path: Path, longest_mark_run: list[int]
) -> None:
    tree = _tree(tmp_path)
    _set_body(tree, "وزير " + _marked(10_000) + " بغداد")
    validate_repository(tree, keep_records=False, jobs=1)
    assert longest_mark_run[0] <= 1


def test_latin_accents_fold_like_arabic_marks() -> None:
    assert search_key("Kubiš") == search_key("Kubis") == search_key("KUBIS\u030c")
    assert word_key("Ješić") == "jesic"
    assert text_key("Mladenović  ") in text_key("Minister Mladenovic said")


# Files read ----------------------------------------------------------------------------------


def test_a_validation_reads_each_file_once(tmp_path: Path) -> None:
    """Every curated file and every seed is opened once in a run (a file with findings is read
    again to locate them; the valid tree has none)."""
    tree = _tree(tmp_path)
    with files_opened() as opened:
        validate_repository(tree, keep_records=False, jobs=1)
    inside = [Path(path).resolve() for path in opened if str(tree) in path]
    read = [path for path in inside if path.is_file()]
    expected = [*(tree / "curated").rglob("*.yaml"), *(tree / "seeds").iterdir()]
    assert sorted(read) == sorted(path.resolve() for path in expected)
