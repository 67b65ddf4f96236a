"""The build's work, and a validate run's fixed work, counted rather than timed.

Each test counts an operation (comparisons of mention boundaries, texts tokenized, files read
and parsed, modules imported) on a generated input and bounds it by the input's size, so a
change that makes a step quadratic again, or does a step twice, fails here on any machine.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from iraq_ct_news.checks import parallel
from iraq_ct_news.checks.rules import catalog, proposals
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core import signature as signature_module
from iraq_ct_news.core.cache import ValidationCache
from iraq_ct_news.core.errors import ValidationError
from iraq_ct_news.models import Article
from iraq_ct_news.reading.yamlreader import PathKey, read_yaml_bytes
from iraq_ct_news.release import nlp, tokens
from iraq_ct_news.release.build import build
from iraq_ct_news.release.tokens import TokenStats, tokenize

from .conftest import VALID_TREE
from .release_support import ARTICLE, SECOND, add_second_article, copy_valid_tree, edit

#: Invented words of the same class as a news text's (no real page's text): some carry a
#: proclitic before the article, so the tokenizer splits them.
WORDS = ["وزير", "والعراق", "بالحكومة", "اجتماع", "امني", "مع", "الوفد", "في", "، ", "اليوم"]


class CountedOffset(int):
    """An offset that counts every comparison made with it (sorting included)."""

    comparisons = 0

    def _count(self) -> None:
        CountedOffset.comparisons += 1

    def __lt__(self, other: object) -> bool:
        self._count()
        return int(self) < other  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        self._count()
        return int(self) <= other  # type: ignore[operator]

    def __gt__(self, other: object) -> bool:
        self._count()
        return int(self) > other  # type: ignore[operator]

    def __ge__(self, other: object) -> bool:
        self._count()
        return int(self) >= other  # type: ignore[operator]

    __hash__ = int.__hash__


def _text(words: int) -> str:
    return " ".join(WORDS[number % len(WORDS)] for number in range(words))


def _comparisons(words: int, cuts: int) -> int:
    """Comparisons of cut offsets made by tokenizing ``words`` words with ``cuts`` cuts spread
    over the text (as mention boundaries are)."""
    text = _text(words)
    step = max(1, len(text) // max(1, cuts))
    boundaries = [CountedOffset(offset) for offset in range(1, len(text), step)][:cuts]
    CountedOffset.comparisons = 0
    tokenize(text, boundaries, TokenStats())
    return CountedOffset.comparisons


@pytest.mark.parametrize(("words", "cuts"), [(4_000, 400), (20_000, 2_000), (20_000, 10_000)])
def test_tokenizing_compares_each_cut_a_bounded_number_of_times(words: int, cuts: int) -> None:
    # Sorting the cuts (n log n), then each cut is placed among the words by bisection and
    # compared with its word's two ends: never words × cuts.
    bound = cuts * (2 * math.ceil(math.log2(cuts)) + math.ceil(math.log2(words)) + 4)
    assert _comparisons(words, cuts) <= bound


def test_doubling_the_text_and_its_cuts_at_most_doubles_the_comparisons_past_sorting() -> None:
    small, large = _comparisons(5_000, 500), _comparisons(10_000, 1_000)
    assert large <= 2 * small + 1_000 * (2 * math.ceil(math.log2(1_000)) + 2)


def test_a_text_is_split_the_same_with_and_without_counted_offsets() -> None:
    text = _text(300)
    offsets = list(range(0, len(text), 7))
    plain = tokenize(text, offsets)
    counted = tokenize(text, [CountedOffset(offset) for offset in offsets])
    assert [(t.text, t.start, t.whitespace) for t in plain] == [
        (t.text, int(t.start), t.whitespace) for t in counted
    ]
    assert "".join(t.text + t.whitespace for t in plain) == text


def test_a_build_tokenizes_each_active_text_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ner.jsonl`` and the dataset card's NER summary read one corpus, made once."""
    tree = copy_valid_tree(tmp_path / "repo")
    add_second_article(tree)
    calls: list[str] = []
    original = tokens.split_pieces

    def counting(text: str, *args: object, **kwargs: object
                 ) -> tuple[list[str], list[int], list[str]]:
        calls.append(text)
        return original(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(nlp, "split_pieces", counting)
    result = build(tree, with_parquet=False, jobs=1)
    active = [article for article in result.release.articles.values() if article.status == "active"]
    assert len(active) == 2
    assert len(calls) == len(active) * len(nlp.SCOPES)
    assert nlp.ner_corpus(result.release) is nlp.ner_corpus(result.release)


# -- S006: the proposals walk ------------------------------------------------------------------


def _every_value(value: object, path: PathKey) -> Iterator[tuple[PathKey, object]]:
    """Every value inside ``value``, each field of each model and each item of each list."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _every_value(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _every_value(item, (*path, index))


def _article_with_every_item_proposed(copies: int) -> tuple[Article, list[PathKey]]:
    """The fixture article with its lists repeated ``copies`` times and every model that can
    carry ``proposed`` marked; returns it with the paths of the marks (the plain walk's
    answer)."""
    data = read_yaml_bytes((VALID_TREE / ARTICLE).read_bytes()).data
    for name in ("mentions", "quotes", "events", "amounts"):
        data[name] = data[name] * copies
    article = Article.model_validate(data)
    marked: list[PathKey] = []
    for path, value in _every_value(article, ()):
        if isinstance(value, BaseModel) and "proposed" in type(value).model_fields:
            value.__dict__["proposed"] = True
            marked.append(path)
    return article, marked


def _walk_calls(article: Article, monkeypatch: pytest.MonkeyPatch) -> tuple[list[PathKey], int]:
    calls = 0
    original = proposals._proposed

    def counting(value: object, path: PathKey) -> Iterator[PathKey]:
        nonlocal calls
        calls += 1
        return original(value, path)

    with monkeypatch.context() as patch:
        patch.setattr(proposals, "_proposed", counting)
        found = list(proposals._proposed(article, ()))
    return found, calls


def test_the_proposals_walk_finds_every_mark_the_plain_walk_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article, marked = _article_with_every_item_proposed(1)
    assert len(marked) >= 5  # mentions, quotes, events and the evidence inside them
    found, _ = _walk_calls(article, monkeypatch)
    assert found == marked


def test_the_proposals_walk_visits_only_what_can_hold_a_mark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Calls are bounded by the models and lists of the article, not by every value in it (its
    texts, ids and dates are never visited), and grow linearly with its items."""
    for copies in (1, 2, 4):
        article, marked = _article_with_every_item_proposed(copies)
        every = list(_every_value(article, ()))
        containers = sum(1 for _, value in every if isinstance(value, (BaseModel, list, tuple)))
        _, calls = _walk_calls(article, monkeypatch)
        assert calls <= containers
        assert calls <= len(every) // 2
    small = _walk_calls(_article_with_every_item_proposed(2)[0], monkeypatch)[1]
    large = _walk_calls(_article_with_every_item_proposed(4)[0], monkeypatch)[1]
    assert large <= 2 * small


# -- a build takes what it can from the cache ----------------------------------------------------


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Files checked in full, files read, and rules run while the test runs (one process)."""
    monkeypatch.setattr(signature_module, "SETTLED_NS", -(10**18))
    counts = {"checked": 0, "read": 0, "rules": 0}
    check_file, read_file, plan = parallel.check_file, parallel.read_file, catalog.plan

    def checking(*args: object) -> object:
        counts["checked"] += 1
        return check_file(*args)  # type: ignore[arg-type]

    def reading(*args: object, **kwargs: object) -> object:
        counts["read"] += 1
        return read_file(*args, **kwargs)  # type: ignore[arg-type]

    def planning(*args: object) -> object:
        made = plan(*args)  # type: ignore[arg-type]
        counts["rules"] += len(made.checks)
        return made

    monkeypatch.setattr(parallel, "check_file", checking)
    monkeypatch.setattr(parallel, "read_file", reading)
    monkeypatch.setattr(catalog, "plan", planning)
    return counts


def _reset(counts: dict[str, int]) -> None:
    for name in counts:
        counts[name] = 0


def _dataset(tree: Path) -> dict[str, bytes]:
    folder = tree / "dataset"
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _two_articles(tmp_path: Path) -> tuple[Path, int]:
    """The valid fixture tree with a second article, and how many record files it holds."""
    tree = copy_valid_tree(tmp_path / "repo")
    add_second_article(tree)
    return tree, len(list((tree / "curated").rglob("*.yaml")))


def test_a_build_after_validate_checks_no_file_again_and_writes_the_same_release(
    tmp_path: Path, counted: dict[str, int]
) -> None:
    tree, files = _two_articles(tmp_path)
    build(tree, with_parquet=False, jobs=1)
    cold = _dataset(tree)
    cache = ValidationCache(tmp_path / "cache")
    assert validate_repository(tree, keep_records=False, cache=cache, jobs=1).findings == []
    _reset(counted)
    result = build(tree, with_parquet=False, jobs=1, cache=ValidationCache(tmp_path / "cache"))
    assert counted == {"checked": 0, "read": files, "rules": 0}
    assert result.validation.findings == []
    assert _dataset(tree) == cold


def test_a_build_checks_again_only_the_file_edited_since_the_cache_was_filled(
    tmp_path: Path, counted: dict[str, int]
) -> None:
    tree, files = _two_articles(tmp_path)
    validate_repository(tree, keep_records=False, cache=ValidationCache(tmp_path / "cache"))
    edit(tree, SECOND, "en: A second fixture headline", "en: A second fixture headline, edited")
    _reset(counted)
    build(tree, with_parquet=False, jobs=1, cache=ValidationCache(tmp_path / "cache"))
    assert counted["checked"] == 1
    # Every other file is read into its model (the edited one is read by its full check).
    assert counted["read"] == files - 1
    warm = _dataset(tree)
    build(tree, with_parquet=False, jobs=1)
    assert _dataset(tree) == warm


def test_a_build_from_a_cache_of_an_invalid_tree_reports_what_a_cold_build_reports(
    tmp_path: Path, counted: dict[str, int]
) -> None:
    tree = copy_valid_tree(tmp_path / "repo")
    edit(tree, ARTICLE, "status: active", "status: activ")
    validate_repository(tree, keep_records=False, cache=ValidationCache(tmp_path / "cache"))
    errors = []
    for cache in (ValidationCache(tmp_path / "cache"), None):
        with pytest.raises(ValidationError) as raised:
            build(tree, with_parquet=False, jobs=1, cache=cache)
        errors.append(raised.value.findings)
    assert errors[0] == errors[1] != []


def test_a_build_from_the_cache_through_worker_processes_writes_the_same_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(signature_module, "SETTLED_NS", -(10**18))
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    tree, _ = _two_articles(tmp_path)
    build(tree, with_parquet=False, jobs=1)
    cold = _dataset(tree)
    validate_repository(tree, keep_records=False, cache=ValidationCache(tmp_path / "cache"))
    build(tree, with_parquet=False, jobs=2, cache=ValidationCache(tmp_path / "cache"))
    assert _dataset(tree) == cold
