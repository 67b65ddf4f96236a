"""The validator's faster paths give exactly what the straightforward ones give.

Each speed-up (whitespace folding and Arabic keys by string methods, the name matcher that skips
words that cannot start a name, the text rules' quick look, worker processes) is compared with
the plain implementation it replaces, on generated input and on every invalid fixture.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import defaultdict
from pathlib import Path, PurePosixPath

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from iraq_ct_news.checks import parallel
from iraq_ct_news.checks.rules.text import is_clean as _is_clean
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core.arabic import (
    _FOLD,
    proclitic_forms,
    search_key,
    token_variants,
    tokens,
)
from iraq_ct_news.core.textutil import fold_whitespace, text_problems
from iraq_ct_news.reading.name_index import NameMatcher

from .conftest import VALID_TREE
from .test_invalid_fixtures import CASES, apply_case

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهوي أإآٱىةـ\u064b\u064c\u0650\u0651\u0670٠١٢٣٤٥٦٧٨٩۰۵")
        + list(" \t\n\u00a0\u2028\u3000\x1c\x85.,:؛،\"«»") + list("ABCxyz019")
    ),
    max_size=80,
)


@given(st.one_of(st.text(max_size=80), ARABIC_TEXT))
def test_fast_folding_and_keys_equal_the_plain_definitions(text: str) -> None:
    """The string-method implementations give what their plain definitions give."""
    assert fold_whitespace(text) == re.sub(r"\s+", " ", text).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    unmarked = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = unicodedata.normalize("NFC", unmarked).translate(_FOLD).casefold()
    assert search_key(text) == plain
    assert tokens(text) == re.findall(r"\w+", plain)


@example("للعراق")
@example("وللعراق")
@example("فبالعراق")
@example("كمكتب")
@given(st.text(alphabet="والفبكلعراقمت", min_size=1, max_size=9))
def test_proclitic_forms_reach_every_word_a_variant_comes_from(word: str) -> None:
    """The matcher only looks at words in ``proclitic_forms`` of a name's first word, so every
    word whose variants include that first word must be among them."""
    for variant in token_variants(word):
        assert word in proclitic_forms(variant)


@given(st.one_of(st.text(max_size=60), ARABIC_TEXT), st.booleans())
def test_the_quick_look_at_text_never_misses_a_problem(text: str, multiline: bool) -> None:
    if _is_clean(text, multiline):
        assert list(text_problems(text, multiline=multiline)) == []


class ReferenceMatcher:
    """The matcher as first written: every word's variants looked up, one word at a time."""

    def __init__(self, names: dict[str, tuple[str, ...]]) -> None:
        self.by_first_token: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for entity, spellings in names.items():
            for spelling in spellings:
                parts = tuple(spelling.split())
                if parts and sum(len(part) for part in parts) >= 3:
                    self.by_first_token[parts[0]].append((parts, entity))
        for candidates in self.by_first_token.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def entities_in(self, text: str) -> set[str]:
        words = tokens(text)
        found: set[str] = set()
        position = 0
        while position < len(words):
            best: tuple[int, str] | None = None
            for variant in token_variants(words[position]):
                for parts, entity in self.by_first_token.get(variant, []):
                    width = len(parts)
                    if words[position + 1 : position + width] == list(parts[1:]):
                        if best is None or width > best[0]:
                            best = (width, entity)
                        break
            if best is None:
                position += 1
                continue
            found.add(best[1])
            position += best[0]
        return found


NAMES = {
    "iraq": ("العراق",), "un": ("الامم المتحده",), "baghdad": ("بغداد",),
    "interior": ("وزاره الداخليه", "وزاره"), "person": ("احمد الكبيسي",), "iom": ("iom",),
    "lebanon": ("لبنان",), "palestine": ("فلسطين",), "country": ("بلد",), "kirkuk": ("كركوك",),
}
WORDS = [
    "العراق", "والعراق", "للعراق", "بالعراق", "وبالعراق", "فللعراق", "الامم", "المتحده", "بغداد",
    "ببغداد", "وبغداد", "وزاره", "الداخليه", "احمد", "الكبيسي", "iom", "لبنان", "للبنان",
    "ولبنان", "فلسطين", "بلد", "وبلد", "كركوك", "ككركوك", "في", "من", "ال", "و", "ب", "لل", "ولل",
    "فبلد", "لبلد", "وكالعراق", "فاحمد", "xyz",
]


@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_the_name_matcher_finds_what_the_reference_finds(words: list[str]) -> None:
    text = " ".join(words)
    expected = ReferenceMatcher(NAMES).entities_in(text)
    assert NameMatcher(NAMES).entities_in(text) == expected
    warmed = NameMatcher(NAMES)
    warmed._texts = 1000  # past the first texts: the precomputed starting words are used
    assert warmed.entities_in(text) == expected


@pytest.mark.parametrize("case_path", CASES[::3], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_worker_processes_report_what_one_process_reports(
    case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    apply_case(case, tree)
    alone = validate_repository(tree, keep_records=False, jobs=1).findings
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    monkeypatch.setattr(parallel, "_CHUNK_FILES", 2)
    assert validate_repository(tree, keep_records=False, jobs=2).findings == alone
    assert validate_repository(tree, jobs=2).findings == alone


def test_the_listing_equals_a_plain_walk(tmp_path: Path) -> None:
    import os

    from iraq_ct_news.models.layout import CuratedFile, classify, curated_files

    def plain(root: Path) -> list[CuratedFile]:
        """The listing as first written, with os.walk and Path objects."""
        base = root / "curated"
        if base.is_symlink():
            return [CuratedFile(PurePosixPath("curated"), None)]
        if not base.is_dir():
            return []
        found = []
        for folder, directories, files in os.walk(base, followlinks=False):
            here = Path(folder)
            linked = [name for name in directories if (here / name).is_symlink()]
            for name in [*files, *linked]:
                path = here / name
                relative = PurePosixPath(path.relative_to(root).as_posix())
                found.append(CuratedFile(relative, None if path.is_symlink() else classify(relative)))
        return sorted(found, key=lambda item: item.relative.as_posix())

    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    curated = tree / "curated"
    for relative in (
        "articles/.yaml", "articles/a.yml", "articles/b.YAML", "articles/deep/c.yaml",
        "stray.yaml", "vocabularies/other.yaml", "people/x.yaml.bak", "places/ü.yaml",
        "organizations/.hidden.yaml", "vocabularies/themes.yaml.orig",
    ):
        (curated / relative).parent.mkdir(parents=True, exist_ok=True)
        (curated / relative).write_text("x: 1\n", encoding="utf-8")
    (curated / "empty-folder").mkdir()
    if os.name == "posix":
        (curated / "articles" / "link.yaml").symlink_to(curated / "stray.yaml")
        (curated / "articles" / "broken.yaml").symlink_to(tmp_path / "missing")
        (curated / "linked-folder").symlink_to(tmp_path, target_is_directory=True)
        os.mkfifo(curated / "people" / "pipe.yaml")
    assert curated_files(tree) == plain(tree)
    assert curated_files(tmp_path / "nothing-here") == plain(tmp_path / "nothing-here") == []
    if os.name == "posix":
        shutil.move(str(curated), str(tmp_path / "elsewhere"))
        (tree / "curated").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
        assert curated_files(tree) == plain(tree)


