"""Fixed costs and repeated work, counted: what a run does not do again.

As in ``test_cost_bounds.py``, these count work instead of timing it: source files read while
the models are built, registry files read by a second ``draft``, files opened by one ``draft``,
set intersections of the near-identical check, comparisons of ``closest_records``, and whether
a seed's index is built.
"""

from __future__ import annotations

import difflib
import random
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.checks.rules import sources
from iraq_ct_news.commands.cli import main
from iraq_ct_news.core import arabic, signature
from iraq_ct_news.core.cache import ValidationCache
from iraq_ct_news.curation.draft import entities, registry_cache
from iraq_ct_news.curation.draft.registry import Entity, Registry, load_registry
from iraq_ct_news.models import Article, RecordModel
from iraq_ct_news.models.schema_export import field_docstring, schema_for
from iraq_ct_news.reading.name_index import NameIndex
from iraq_ct_news.reading.textindex import TextIndex
from iraq_ct_news.store import repository

from .conftest import VALID_TREE
from .open_support import files_opened

ARTICLE = Path("curated/articles/fixture-iom-agreement.yaml")
PLACE = Path("curated/places/fixture-baghdad.yaml")


def _tree(tmp_path: Path) -> Path:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    return tree


# The models --------------------------------------------------------------------------------------


def test_the_models_are_built_without_reading_their_source() -> None:
    """Field docstrings are read only by the schema export: importing the models (every command
    that validates does) opens no Python source and parses none."""
    program = (
        "import ast, inspect, sys\n"
        "calls = []\n"
        "for module, name in ((inspect, 'getsourcelines'), (inspect, 'findsource'), "
        "(inspect, 'getsource'), (ast, 'parse')):\n"
        "    real = getattr(module, name)\n"
        "    def counting(*args, _real=real, _name=name, **kwargs):\n"
        "        calls.append(_name)\n"
        "        return _real(*args, **kwargs)\n"
        "    setattr(module, name, counting)\n"
        "import iraq_ct_news.models\n"
        "print(len(calls))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "0"
    assert not RecordModel.model_config.get("use_attribute_docstrings")
    assert Article.model_fields["id"].description is None


def test_the_schema_describes_each_field_by_its_docstring() -> None:
    described = schema_for("article")["properties"]["id"]["description"]
    assert described == field_docstring(Article, "id")
    assert described == "Stable id; equals the file name without .yaml; never changes once released."


# draft: the registries between runs -------------------------------------------------------------


@pytest.fixture
def registry_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The registry files the store reads (parses and validates) while the test runs."""
    read: list[str] = []
    real = repository.read_record

    def counting(root: Path, relative: Any, kind: Any, **options: Any) -> Any:
        if kind in ("person", "organization", "place"):
            read.append(str(relative))
        return real(root, relative, kind, **options)

    monkeypatch.setattr(repository, "read_record", counting)
    monkeypatch.setattr(registry_cache, "read_record", counting)
    yield read


def _same(first: Registry, second: Registry) -> bool:
    return (list(first.entities.items()) == list(second.entities.items())
            and list(first.index.names.items()) == list(second.index.names.items())
            and list(first.index.kinds.items()) == list(second.index.kinds.items()))


def test_a_second_draft_reads_no_registry_file(tmp_path: Path, registry_reads: list[str]) -> None:
    tree = _tree(tmp_path)
    cache = tmp_path / "cache"
    first = registry_cache.cached_registry(tree, ValidationCache(cache))
    files = len(registry_reads)
    assert files > 0
    again = registry_cache.cached_registry(tree, ValidationCache(cache))
    assert len(registry_reads) == files  # nothing read, nothing validated the second time
    assert _same(again, first) and _same(again, load_registry(tree))


def test_an_edited_registry_is_read_again(tmp_path: Path, registry_reads: list[str]) -> None:
    tree = _tree(tmp_path)
    cache = tmp_path / "cache"
    registry_cache.cached_registry(tree, ValidationCache(cache))
    path = tree / PLACE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "aliases: []\n", "aliases:\n- دار السلام\n"), encoding="utf-8")
    before = len(registry_reads)
    edited = registry_cache.cached_registry(tree, ValidationCache(cache))
    assert registry_reads[before:] == [PLACE.as_posix()]  # the edited file alone is read again
    assert _same(edited, load_registry(tree))
    assert "دار السلام" in edited.index.names["fixture-baghdad"]
    # A new registry file is a change too.
    shutil.copy(path, path.with_name("fixture-basra.yaml"))
    before = len(registry_reads)
    added = registry_cache.cached_registry(tree, ValidationCache(cache))
    assert registry_reads[before:] == [PLACE.with_name("fixture-basra.yaml").as_posix()]
    assert _same(added, load_registry(tree))
    # A registry file removed: nothing to read, and its entity is gone.
    (tree / PLACE.with_name("fixture-basra.yaml")).unlink()
    before = len(registry_reads)
    removed = registry_cache.cached_registry(tree, ValidationCache(cache))
    assert registry_reads[before:] == [] and _same(removed, load_registry(tree))
    # One entry for the tree, replaced each time: past registries do not pile up.
    with closing(sqlite3.connect(cache / "validation.sqlite3")) as database:
        (entries,) = database.execute(
            "SELECT count(*) FROM entries WHERE key LIKE '%draft-registry%'").fetchone()
    assert entries == 1


def test_a_damaged_registry_entry_is_not_used() -> None:
    registry = Registry(
        {"x": Entity("x", "place", "X", "س", ("س",), (), "curated/places/x.yaml", "city")},
        NameIndex({"x": ("س",)}, {"x": "place"}),
    )
    stored = registry_cache.registry_to_json(registry)
    restored = registry_cache.registry_from_json(stored)
    assert restored is not None and _same(restored, registry)
    for damaged in (None, [], {"entities": [[1]], "names": [], "kinds": []},
                    {**stored, "names": [["x", [1]]]}, {**stored, "kinds": "place"}):
        assert registry_cache.registry_from_json(damaged) is None


def test_draft_opens_the_article_twice_and_no_registry_file_on_a_second_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is read once for its checks and its token, once to draft; a second run with
    unchanged registries opens none of their files (their hashes come from the signatures the
    first run stored; files are trusted at once here, instead of after three seconds)."""
    monkeypatch.setattr(signature, "SETTLED_NS", 0)
    tree = _tree(tmp_path)
    assert main(["draft", str(tree / ARTICLE), "--root", str(tree)]) == 0
    first = capsys.readouterr().out
    with files_opened() as opened:
        assert main(["draft", str(tree / ARTICLE), "--root", str(tree)]) == 0
    assert capsys.readouterr().out == first
    inside = [Path(path).resolve() for path in opened if str(tree) in path]
    assert inside.count((tree / ARTICLE).resolve()) == 2
    registries = [path for path in inside if path.parent.name in ("people", "organizations",
                                                                     "places")]
    assert registries == []


# closest_records -----------------------------------------------------------------------------------

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _closest_by_every_ratio(registry: Registry, key: str, kind: str, limit: int = 3) -> list[str]:
    """closest_records as it was: the full ratio for every spelling of every record."""
    scored: list[tuple[float, str]] = []
    wanted = entities.normalised(key)
    words = set(wanted.split())
    for entity in registry.entities.values():
        if entity.kind != kind:
            continue
        best = 0.0
        for spelling in entity.keys:
            other = entities.normalised(spelling)
            if other and (other == wanted or entities._acronym_of(wanted) == other
                          or entities._acronym_of(other) == wanted):
                best = 2.0
                break
            ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
            overlap = len(words & set(other.split())) / max(len(words), len(other.split()), 1)
            best = max(best, ratio, overlap)
        if best >= 0.45:
            scored.append((best, entity.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [entity_id for _score, entity_id in scored[:limit]]


def _random_registry(rng: random.Random, size: int) -> Registry:
    def word() -> str:
        return "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 7)))

    found: dict[str, Entity] = {}
    for number in range(size):
        keys = tuple(" ".join(word() for _ in range(rng.randint(1, 4)))
                     for _ in range(rng.randint(1, 3)))
        found[f"e{number}"] = Entity(f"e{number}", "organization", "", keys[0], keys, (), "")
    return Registry(found, NameIndex({k: e.keys for k, e in found.items()}, {}))


def test_closest_records_compares_in_full_only_what_could_rank(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    ratios = [0]
    real = difflib.SequenceMatcher.ratio

    def counting(self: difflib.SequenceMatcher[str]) -> float:
        ratios[0] += 1
        return real(self)

    rng = random.Random(7)
    registry = _random_registry(rng, 400)
    spellings = sum(len(entity.keys) for entity in registry.entities.values())
    for _ in range(30):
        key = rng.choice(list(registry.entities.values())).keys[0]
        if rng.random() < 0.5:
            key = key[: max(2, len(key) // 2)] + "ة"
        expected = _closest_by_every_ratio(registry, key, "organization")
        wanted = entities.normalised(key)
        could_count = sum(
            difflib.SequenceMatcher(None, wanted, entities.normalised(spelling)).quick_ratio()
            >= 0.45
            for entity in registry.entities.values() for spelling in entity.keys
        )
        monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
        ratios[0] = 0
        assert entities.closest_records(registry, key, "organization") == expected
        monkeypatch.undo()
        # A full comparison only where difflib's own upper bound reaches the threshold.
        assert ratios[0] <= could_count < spellings / 2


# P015: clause sets intersected only when they could be near-identical ----------------------------


class _Report:
    def __init__(self) -> None:
        self.items: list[tuple[Any, ...]] = []

    def add(self, *arguments: Any) -> None:
        self.items.append(arguments)


class _Article:
    def __init__(self, number: int) -> None:
        self.report = _Report()
        self.display_path = f"curated/articles/a{number}.yaml"


def _every_candidate(noted: list[tuple[_Article, dict[str, Any]]]) -> list[tuple[int, str]]:
    """P015 as it was: every candidate pair's clause sets intersected."""
    postings: dict[int, list[int]] = {}
    sets: list[frozenset[int]] = []
    found = []
    for position, (_article, note) in enumerate(noted):
        clauses = frozenset(note["clauses"])
        sets.append(clauses)
        if len(clauses) < sources.MIN_CLAUSES:
            continue
        candidates: set[int] = set()
        for clause in clauses:
            earlier = postings.setdefault(clause, [])
            if len(earlier) < sources.COMMON_CLAUSE:
                candidates.update(earlier)
                earlier.append(position)
        best: tuple[float, int] | None = None
        for other in sorted(candidates):
            shared = len(clauses & sets[other])
            similarity = shared / (len(clauses) + len(sets[other]) - shared)
            if similarity >= sources.NEAR_IDENTICAL and (best is None or similarity > best[0]):
                best = (similarity, other)
        if best is not None:
            found.append((position, f"{noted[best[1]][0].display_path}'s ({best[0]:.0%}"))
    return found


class _CountingSet(frozenset[int]):
    intersections = 0

    def __and__(self, other: Any) -> frozenset[int]:
        _CountingSet.intersections += 1
        return frozenset(self).__and__(other)


@pytest.mark.parametrize("seed", range(40))
def test_near_identical_bodies_are_found_as_by_intersecting_every_pair(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    pool = rng.randint(3, 80)
    noted: list[tuple[_Article, dict[str, Any]]] = []
    for number in range(rng.randint(1, 200)):
        if noted and rng.random() < 0.2:  # a republished body, lightly edited
            clauses = list(rng.choice(noted)[1]["clauses"])
            if clauses:
                clauses[rng.randrange(len(clauses))] = rng.randrange(pool)
        else:
            clauses = rng.sample(range(pool), min(rng.randint(0, 14), pool))
        noted.append((_Article(number), {"clauses": sorted(set(clauses))}))
    expected = _every_candidate(noted)
    monkeypatch.setattr(sources, "frozenset", _CountingSet, raising=False)
    _CountingSet.intersections = 0
    sources._check_bodies(noted)  # type: ignore[arg-type]
    found = [(number, article.report.items) for number, (article, _) in enumerate(noted)
             if article.report.items]
    assert [number for number, _items in found] == [number for number, _text in expected]
    for (_number, items), (_same_number, text) in zip(found, expected):
        assert text in items[0][1]
    listed = Counter(clause for _article, note in noted if len(note["clauses"]) >= sources.MIN_CLAUSES
                     for clause in note["clauses"])
    if max(listed.values(), default=0) <= sources.COMMON_CLAUSE:
        assert _CountingSet.intersections == 0  # no clause list was full: the counts are exact


def test_bodies_sharing_only_unlisted_clauses_are_not_intersected(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """Boilerplate clauses (in more bodies than a list keeps) make no pair worth intersecting
    when the bodies' other clauses differ."""
    boilerplate = list(range(5))
    noted = [(_Article(number), {"clauses": [*boilerplate, *range(100 + 20 * number,
                                                                   120 + 20 * number)]})
             for number in range(3 * sources.COMMON_CLAUSE)]
    monkeypatch.setattr(sources, "frozenset", _CountingSet, raising=False)
    _CountingSet.intersections = 0
    sources._check_bodies(noted)  # type: ignore[arg-type]
    assert _CountingSet.intersections == 0
    assert not any(article.report.items for article, _note in noted)


# The seed index ---------------------------------------------------------------------------------


def test_a_small_seed_is_scanned_and_a_large_one_indexed() -> None:
    small = TextIndex("فقرة أولى من النص. " * 200)
    for _ in range(50):
        assert ("فقرة أولى من النص. " * 3) in small
        assert "نص غير موجود في البذرة على الإطلاق" not in small
    assert small._pieces is None and small._characters is None
    large = TextIndex("كلمة " * 300_000)  # 1.5 million characters: one scan is over budget
    assert ("كلمة " * 10) in large
    assert large._pieces is not None


def test_the_index_answers_as_a_scan_does_once_over_budget() -> None:
    rng = random.Random(3)
    for _ in range(200):
        text = "".join(rng.choice("ab c") for _ in range(rng.randint(0, 400)))
        index = TextIndex(text, scan_budget=rng.choice([0, len(text), 3 * len(text)]))
        for _ in range(20):
            start = rng.randrange(len(text) + 1)
            query = text[start : start + rng.randint(0, 60)]
            if rng.random() < 0.3:
                query = "".join(rng.choice("ab cx") for _ in range(rng.randint(1, 50)))
            assert (query in index) == (query in text)


def test_counting_helpers_are_exact() -> None:
    """The closest-records bound counts letters as difflib's quick ratio does."""
    matcher = difflib.SequenceMatcher(None, "الامم المتحده", "الامم الجديده")
    letters = Counter("الامم المتحده")
    common = (letters & Counter("الامم الجديده")).total()
    assert 2.0 * common / (letters.total() + len("الامم الجديده")) == matcher.quick_ratio()


# Folding plain Arabic without normalising ---------------------------------------------------------


def _plain_characters() -> list[str]:
    return [chr(code) for code in range(0x110000)
            if not 0xD800 <= code <= 0xDFFF and arabic._PLAIN_TEXT.fullmatch(chr(code))]


def test_plain_text_is_folded_as_normalising_would() -> None:
    """Every character of the plain class, and every pair of them, gives what normalising
    gives (a pair: a letter's mark, a hamza seat with harakat)."""
    characters = _plain_characters()
    assert "أ" in characters and "\u064b" in characters and "\u0301" not in characters
    for first in characters:
        for second in ("", *characters):
            text = first + second
            assert arabic.without_marks(text) == arabic._normalised_without_marks(text)
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 40)))
        assert arabic.without_marks(text) == arabic._normalised_without_marks(text)
    assert arabic.search_key("مؤكداً أيضاً") == "مؤكدا ايضا".replace("ؤ", "و")


def test_the_lexicon_is_folded_without_the_table_of_combining_marks() -> None:
    """Its words are plain Arabic: importing it (every command that validates does) builds
    neither the table of every combining mark nor any normalisation."""
    program = (
        "from iraq_ct_news.core import arabic\n"
        "import iraq_ct_news.reading.lexicon\n"
        "print(arabic._combining_marks.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "0"
