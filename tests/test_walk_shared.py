"""The rules that look at every value of a document share one walk of it, counted.

The text rules (every string), the duplicate-items rule (every list) and the proposals rule
(every mapping) each walked the whole document: three walks of every file. They now read one
walk (``checks.walk``), and the text rules decide a clean file from its strings joined. These
tests count the walks, compare every finding with the string-by-string procedure, and hold the
Unicode facts the joined test rests on.
"""

from __future__ import annotations

import random
import shutil
import unicodedata
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from iraq_ct_news.checks import walk as walk_module
from iraq_ct_news.checks.checked import CheckedFile
from iraq_ct_news.checks.context import FileRun, PassContext
from iraq_ct_news.checks.loading import read_file
from iraq_ct_news.checks.report import FileReport, format_path
from iraq_ct_news.checks.rules import catalog, duplicates, proposals, text
from iraq_ct_news.checks.walk import document_walk, walk_data
from iraq_ct_news.models.layout import CuratedFile
from iraq_ct_news.reading.seeds import SeedStore
from iraq_ct_news.reading.yamlreader import Document, PathKey

from .conftest import VALID_TREE

ARTICLE = PurePosixPath("curated/articles/fixture-iom-agreement.yaml")
PERSON = PurePosixPath("curated/people/fixture-gigauri.yaml")


class _Iterated:
    """How many times each container of a document was iterated (by ``id``)."""

    counts: Counter[int] = Counter()


class CountingDict(dict[str, Any]):
    def items(self) -> Any:
        _Iterated.counts[id(self)] += 1
        return super().items()

    def __iter__(self) -> Any:
        _Iterated.counts[id(self)] += 1
        return super().__iter__()


class CountingList(list[Any]):
    def __iter__(self) -> Any:
        _Iterated.counts[id(self)] += 1
        return super().__iter__()


def _counting(value: Any) -> Any:
    if isinstance(value, dict):
        return CountingDict({key: _counting(item) for key, item in value.items()})
    if isinstance(value, list):
        return CountingList(_counting(item) for item in value)
    return value


def _checked(root: Path, relative: PurePosixPath) -> CheckedFile:
    source = CuratedFile(relative, "article" if "articles" in relative.parts else "person")
    checked = read_file(root, source, relative.as_posix())
    assert checked.document is not None and checked.record is not None
    return checked


def _run_file_checks(root: Path, checked: CheckedFile) -> FileRun:
    run = FileRun(PassContext(root), SeedStore(root))
    plan = catalog.plan(checked.source.kind, checked.record is not None, False)
    for check in plan.checks:
        check.function(checked, run)
    return run


@pytest.mark.parametrize("relative", [ARTICLE, PERSON])
def test_the_file_checks_walk_each_container_of_a_clean_document_once(
    tmp_path: Path, relative: PurePosixPath
) -> None:
    """Every mapping and list of the document is walked once by all the file checks together
    (the text and duplicate-items rules walked it twice before, each on its own); a list whose
    items must be unique is read once more, by the rule that compares them."""
    root = tmp_path / "repo"
    shutil.copytree(VALID_TREE, root)
    checked = _checked(root, relative)
    assert checked.document is not None
    data = _counting(checked.document.data)
    checked.document.data = data
    _Iterated.counts = Counter()
    _run_file_checks(root, checked)
    assert checked.findings == []
    counts = Counter(_Iterated.counts)
    walk = walk_data(checked.document.data)
    containers = walk.mappings + walk.lists
    assert len(containers) > 5
    expected = [2 if path and path[-1] in duplicates._UNIQUE_LISTS else 1
                for path, _container in containers]
    assert 2 in expected
    assert [counts[id(container)] for _path, container in containers] == expected


def test_a_text_finding_walks_the_document_once_more_string_by_string(tmp_path: Path) -> None:
    """Only a file where something is found is walked a second time (to place the finding)."""
    root = tmp_path / "repo"
    shutil.copytree(VALID_TREE, root)
    checked = _checked(root, ARTICLE)
    assert checked.document is not None
    data = checked.document.data
    data["headline"]["en"] = data["headline"]["en"] + "\u200b"
    counted = _counting(data)
    checked.document.data = counted
    _Iterated.counts = Counter()
    run = FileRun(PassContext(root), SeedStore(root))
    text.check_strings(checked, run)
    duplicates.check_unique_lists(checked, run)
    assert [finding.code for finding in checked.findings] == ["T004"]
    counts = Counter(_Iterated.counts)
    walk = walk_data(counted)
    assert {counts[id(container)] for path, container in walk.mappings + walk.lists
            if not (path and path[-1] in duplicates._UNIQUE_LISTS)} == {2}


def test_the_walk_is_made_once_per_run_of_a_files_checks(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(VALID_TREE, root)
    checked = _checked(root, ARTICLE)
    run = _run_file_checks(root, checked)
    walk = document_walk(checked, run)
    assert document_walk(checked, run) is walk
    assert FileRun(PassContext(root), SeedStore(root)).memo == {}


def test_a_confirmed_record_is_not_walked_for_proposals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model is walked for ``proposed`` marks only when its document has the key: a record
    without one (every confirmed record) costs one look-up per mapping of the shared walk."""
    calls: list[PathKey] = []
    real = proposals._proposed

    def counting(value: object, path: PathKey) -> Any:
        calls.append(path)
        return real(value, path)

    monkeypatch.setattr(proposals, "_proposed", counting)
    root = tmp_path / "repo"
    shutil.copytree(VALID_TREE, root)
    checked = _checked(root, ARTICLE)
    proposals.check_proposals(checked, FileRun(PassContext(root), SeedStore(root)))
    assert calls == [] and checked.findings == []

    path = root / ARTICLE
    source = path.read_text(encoding="utf-8")
    first_mention = source.index("- entity:", source.index("\nmentions:"))
    line_end = source.index("\n", first_mention)
    path.write_text(source[:line_end] + "\n  proposed: true" + source[line_end:], encoding="utf-8")
    marked = _checked(root, ARTICLE)
    proposals.check_proposals(marked, FileRun(PassContext(root), SeedStore(root)))
    assert calls
    assert [(finding.code, finding.message) for finding in marked.findings] == [
        ("S006", "mentions[0] is a proposal no one has confirmed (proposed: true)")
    ]


# -- the walk itself ---------------------------------------------------------------------------


def _reference_walk(value: Any, path: PathKey, found: dict[str, list[Any]]) -> None:
    if isinstance(value, dict):
        found["mappings"].append((path, value))
        items: Any = value.items()
    else:
        found["lists"].append((path, value))
        items = enumerate(value)
    for key, item in items:
        if isinstance(item, str):
            found["strings"].append(item)
        elif isinstance(item, (dict, list)):
            _reference_walk(item, (*path, key), found)


def test_the_walk_meets_every_container_in_document_order() -> None:
    data = {"a": "x", "b": {"c": ["y", {"d": "z", "en": "e"}, [1, "w"]]}, "ar": "ع",
            "e": None, "f": [{"body": "b"}]}
    walk = walk_data(data)
    reference: dict[str, list[Any]] = {"mappings": [], "lists": [], "strings": []}
    _reference_walk(data, (), reference)
    assert walk.mappings == reference["mappings"]
    assert walk.lists == reference["lists"]
    assert walk.strings == reference["strings"] == ["x", "y", "z", "e", "w", "ع", "b"]
    assert walk.named == [(("b", "c", 1), "en", "e"), ((), "ar", "ع"), (("f", 0), "body", "b")]


# -- the text rules: joined, and string by string ---------------------------------------------

#: Characters of every class the text rules tell apart: plain Arabic and ASCII, combining marks
#: (in and out of canonical order, composable or not), presentation forms at both ends of their
#: blocks, bidi controls, invisible and control characters, spaces of other widths, line breaks,
#: Hangul jamo and characters whose NFC differs from themselves.
_PIECES = [
    "بغداد", "العراق", "Iraq", "a", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u0301", "e",
    "e\u0301", "\u00e9", "\u0627\u0653", "\u0622", "\u064b\u0650", "\u0650\u064b", "\ufb50",
    "\ufdff", "\ufe70", "\ufefe", "\ufeff", "\uff21", "\u200e", "\u202e", "\u2066", "\u061c",
    "\u200b", "\u200d", "\u2060", "\x00", "\x1b", "\x7f", "\u1100", "\u1161", "\u11a8",
    "\u2126", "\u0344", "\u212b", "Å", "\u0041\u030a", "\ud800", "١٢", "\u06f0",
]
_KEYS = ["ar", "en", "body", "exact", "prefix", "suffix", "withdrawn_reason", "name", "x"]
_PARENTS = ["summary", "notes", "acronyms", "definition", "purpose", "headline", "name", "q"]


def _random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(["بغداد العراق", "Iraq and the UN", "fixture-iom", "نص"])
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 4)))


def _random_document(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for _ in range(rng.randint(1, 4)):
        key = rng.choice(_PARENTS if depth < 2 and rng.random() < 0.4 else _KEYS)
        roll = rng.random()
        if roll < 0.55 or depth >= 2:
            document[key] = _random_text(rng)
        elif roll < 0.8:
            document[key] = _random_document(rng, depth + 1)
        elif roll < 0.9:
            document[key] = [_random_text(rng) for _ in range(rng.randint(0, 3))]
        else:
            document[key] = [_random_document(rng, depth + 1), 3, None]
    return document


def _findings_of(check: Any, data: dict[str, Any]) -> list[tuple[str, str]]:
    checked = CheckedFile(CuratedFile(PurePosixPath("curated/x.yaml"), None), FileReport("x"))
    checked.document = Document(data)
    check(checked, FileRun(PassContext(Path(".")), SeedStore(Path("."))))
    return [(finding.code, finding.message) for finding in checked.findings]


def _string_by_string(checked: CheckedFile, run: FileRun) -> None:
    assert checked.document is not None
    text._visit(checked, checked.document.data, ())


def test_the_joined_text_test_finds_exactly_what_the_string_by_string_test_finds() -> None:
    rng = random.Random(18)
    clean = 0
    for _ in range(4000):
        data = _random_document(rng)
        expected = _findings_of(_string_by_string, data)
        assert _findings_of(text.check_strings, data) == expected, data
        assert text._all_clean(walk_data(data)) or expected or _has_unclean_string(data), data
        clean += not expected
    assert 400 < clean < 3600


def _has_unclean_string(data: Any, path: PathKey = ()) -> bool:
    """Whether some string fails ``is_clean`` (text that is not clean may still give no
    finding: the joined test then hands the file to the string-by-string one, which agrees)."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, item in items:
        if isinstance(item, str):
            if not text.is_clean(item, text._is_multiline((*path, key))):
                return True
        elif isinstance(item, (dict, list)) and _has_unclean_string(item, (*path, key)):
            return True
    return False


@pytest.mark.parametrize("piece", _PIECES)
def test_one_bad_string_among_clean_ones_is_found(piece: str) -> None:
    data = {"headline": {"ar": "عنوان", "en": "A headline"}, "body": "نص.\n\nنص آخر.",
            "mentions": [{"entity": "x", "exact": "نص"}], "themes": ["a", "b"],
            "summary": {"en": "One.\nTwo."}, "name": {"en": "Name" + piece}}
    assert _findings_of(text.check_strings, data) == _findings_of(_string_by_string, data)


def test_the_space_and_the_line_break_never_compose_reorder_or_decompose() -> None:
    """What the joined NFC test rests on: NFC treats the text on either side of a space or a
    line break independently. Neither is a combining mark, has a decomposition, or takes part in
    any character's canonical decomposition (so no composition starts or ends with one)."""
    for separator in (" ", "\n"):
        assert unicodedata.combining(separator) == 0
        assert unicodedata.decomposition(separator) == ""
    used = set()
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            used.update(decomposition.split())
    assert used and not used & {"0020", "000A"}


# -- duplicate items: the same lists, in the same order ------------------------------------------


def _old_unique_lists(checked: CheckedFile, run: FileRun) -> None:
    """The rule as it was, walking the document itself (the reference)."""

    def visit(value: Any, path: PathKey) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(item, list):
                if key in duplicates._UNIQUE_LISTS:
                    duplicates._check_unique(checked, (*path, key), item)
                visit(item, (*path, key))
            elif isinstance(item, dict):
                visit(item, (*path, key))

    assert checked.document is not None
    visit(checked.document.data, ())


def test_repeated_items_are_found_in_the_same_order_from_the_shared_walk() -> None:
    data = {
        "themes": ["a", "b", "a"],
        "events": [{"participants": ["x", "x"], "organizers": ["y"]},
                   {"participants": ["z", "z", "z"], "aliases": [["q"], ["q"]]}],
        "name": {"en": ["one", "one"], "ar": ["ع"]},
        "aliases": [{"en": "A", "ar": "ع"}, {"en": "A", "ar": "ع"}],
        "additional_cameo": ["040", 40, "040"],
    }
    found = _findings_of(duplicates.check_unique_lists, data)
    assert found == _findings_of(_old_unique_lists, data)
    assert [message.split(" lists ")[0] for _code, message in found] == [
        "themes", "events[0].participants", "events[1].participants", "events[1].participants",
        "events[1].aliases", "name.en", "aliases", "additional_cameo",
    ]
    assert format_path(("events", 1, "aliases")) == "events[1].aliases"


@pytest.mark.parametrize("relative", [ARTICLE, PERSON])
def test_the_walk_visits_each_container_of_plain_data_once(
    tmp_path: Path, relative: PurePosixPath, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same bound on the data the readers make (plain dicts and lists, whose values the
    walk tells apart by exact type), counted where the walk enters a container."""
    root = tmp_path / "repo"
    shutil.copytree(VALID_TREE, root)
    checked = _checked(root, relative)
    assert checked.document is not None
    entered: Counter[int] = Counter()
    visit = walk_module._visit

    def counting(value: Any, path: Any, found: Any) -> None:
        entered[id(value)] += 1
        visit(value, path, found)

    monkeypatch.setattr(walk_module, "_visit", counting)
    _run_file_checks(root, checked)
    assert checked.findings == []
    monkeypatch.setattr(walk_module, "_visit", visit)
    walk = walk_data(checked.document.data)
    containers = walk.mappings + walk.lists
    assert len(containers) > 5
    assert [entered[id(container)] for _path, container in containers] == [1] * len(containers)
