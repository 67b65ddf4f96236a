"""A warm run does little work and reports exactly what a cold run does: the checks across files
that keep what they found between runs (P015), and the work of looking results up, counted."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.checks.rules import sources
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core import cache as cache_module
from iraq_ct_news.core import signature as signature_module
from iraq_ct_news.core.cache import ValidationCache
from iraq_ct_news.core.findings import Finding

from .release_support import ARTICLE, copy_valid_tree, edit
from .test_duplicate_sources import COPY, copy_article
from .test_synth import synth

SEED = "seeds/004_e9dc320f1ba3aa95.txt"
#: A clause of the fixture article's body; replaced, the copy is no longer near-identical.
CLAUSE = "أقيم حفل الاتفاقية في مقر مكتب في بغداد"
OTHER_CLAUSE = "وجرى توقيع الوثيقة بحضور عدد كبير من الضيوف"


def findings(tree: Path, cache: ValidationCache | None = None) -> list[Finding]:
    return validate_repository(tree, keep_records=False, cache=cache, jobs=1).findings


@pytest.fixture(autouse=True)
def _trust_fresh_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signature_module, "SETTLED_NS", -(10**18))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    tree = copy_valid_tree(tmp_path / "repo")
    seed = (tree / SEED).read_bytes() + "\nأعيد نشر هذا التقرير في موقع آخر.\n".encode()
    copy_article(tree, seed)
    return tree


class _Compared:
    """Counts the times every body is compared with every other (a cold P015)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        compare = sources._compare_bodies

        def counted(noted: Any) -> Any:
            self.calls += 1
            return compare(noted)

        monkeypatch.setattr(sources, "_compare_bodies", counted)


def _p015(found: list[Finding]) -> list[str]:
    return [Path(f.path).name for f in found if f.code == "P015"]


def test_p015_in_a_warm_run_follows_each_edit_as_a_cold_run_does(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "cache"
    compared = _Compared(monkeypatch)
    assert _p015(findings(tree, ValidationCache(directory))) == ["fixture-iom-copy.yaml"]
    assert compared.calls == 1
    steps = [
        (COPY, CLAUSE, OTHER_CLAUSE, []),  # the copy is edited away from the original
        (COPY, OTHER_CLAUSE, CLAUSE, ["fixture-iom-copy.yaml"]),  # and back
        (ARTICLE, CLAUSE, OTHER_CLAUSE, []),  # the earlier article is edited
        (COPY, CLAUSE, OTHER_CLAUSE, ["fixture-iom-copy.yaml"]),  # the copy follows it
    ]
    for relative, old, new, expected in steps:
        edit(tree, relative, old, new)
        warm = findings(tree, ValidationCache(directory))
        assert compared.calls == 1, "a warm run compares only the changed bodies"
        assert _p015(warm) == expected
        cold = findings(tree)
        assert warm == cold
        compared.calls = 1  # the cold run compared every body


def test_p015_memory_of_other_bodies_or_a_damaged_one_is_not_used(
    tree: Path, tmp_path: Path
) -> None:
    directory = tmp_path / "cache"
    findings(tree, ValidationCache(directory))
    cache = ValidationCache(directory)
    key = cache.key("tree", "P015", str(tree))
    # Kept for other bytes of the same articles (another checkout of the tree): the bodies
    # count as changed, their earlier clauses are not found, and every body is compared.
    forged = {"paths": [ARTICLE, COPY], "shas": ["0" * 64, "0" * 64], "found": [None, None]}
    cache.write({key: forged})
    assert findings(tree, ValidationCache(directory)) == findings(tree)
    cache.write({key: {"paths": 3}})
    assert findings(tree, ValidationCache(directory)) == findings(tree)


# Work counted on a synthetic tree ---------------------------------------------------------------


ARTICLES = 40


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "tree"
    synth(ARTICLES, out)
    return out


class _Database:
    """Counts the connections to the cache and the statements that read its entries."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.connections = 0
        self.statements: list[str] = []
        connect = sqlite3.connect

        def counted(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            self.connections += 1
            connection = connect(*args, **kwargs)
            connection.set_trace_callback(self.statements.append)
            return connection

        monkeypatch.setattr(cache_module.sqlite3, "connect", counted)

    def entry_scans(self) -> int:
        """Reads of every entry of the tool (the look-up of a large tree's files)."""
        return sum(1 for text in self.statements
                   if text.startswith("SELECT key, value") and "key >=" in text)

    def entry_reads(self) -> int:
        """Reads of entries by key, a scan included."""
        return sum(1 for text in self.statements if text.startswith("SELECT key, value"))


def _edit_summary(tree: Path) -> None:
    """A valid edit of one article that leaves its body as it was (as the benchmark's)."""
    path = sorted((tree / "curated/articles").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    start = text.index("summary:\n  en: ") + len("summary:\n  en: ")
    path.write_text(text[:start] + "Edited. " + text[start:], encoding="utf-8")


def _run(tree: Path, directory: Path) -> tuple[list[Finding], ValidationCache]:
    cache = ValidationCache(directory)
    return validate_repository(tree, keep_records=False, cache=cache, jobs=1).findings, cache


def _filled(synthetic: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the synthetic tree, and a cache filled by a cold run over it."""
    tree = tmp_path / "tree"
    shutil.copytree(synthetic, tree)
    directory = tmp_path / "cache"
    assert _run(tree, directory)[0] == []
    return tree, directory


def test_a_warm_run_reads_the_cache_once_and_decodes_each_entry_once(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "_BATCH", 10)  # a large tree's way, on a small one
    tree, directory = _filled(synthetic, tmp_path)
    files = sum(1 for path in (tree / "curated").rglob("*") if path.is_file())

    database = _Database(monkeypatch)
    found, cache = _run(tree, directory)
    assert found == [] and cache.hits == files and cache.misses == 0
    assert database.connections == 1
    assert database.entry_scans() == 1 == database.entry_reads()  # one read, then none
    assert cache.decoded == files + 1  # each file's result, and P015's memory
    # Each distinct read once: every article's seed and the titles asked of it, and the
    # registry names once for all files (not once per file).
    assert cache.reads_compared <= 2 * ARTICLES + 1
    # Nothing changed, so nothing is written (P015's memory is the same as it was).
    assert not any(text.startswith(("INSERT", "BEGIN")) for text in database.statements)

    database.statements.clear()
    database.connections = 0
    compared = _Compared(monkeypatch)
    _edit_summary(tree)
    found, cache = _run(tree, directory)
    assert found == [] and cache.misses == 1
    assert database.connections == 1 and database.entry_scans() == 1
    assert database.entry_reads() <= 3  # and P015's memory, and the edited body's clauses
    assert cache.decoded <= files + 2  # and the edited article's earlier clauses
    assert compared.calls == 0  # P015 compared the edited body only
    assert found == validate_repository(tree, keep_records=False, jobs=1).findings


def _body(text: str) -> tuple[int, int]:
    """Where the body's block of a synthetic article's YAML is."""
    start = text.index("\nbody: ") + 1
    end = start + text[start:].index("\n") + 1
    while text[end:end + 2] == "  " or text[end:end + 1] == "\n":
        end += text[end:].index("\n") + 1
    return start, end


def test_a_body_copied_into_another_article_and_back_warm_as_cold(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree, directory = _filled(synthetic, tmp_path)
    paths = sorted((tree / "curated/articles").glob("*.yaml"))
    original = paths[7].read_text(encoding="utf-8")
    for source in (paths[2], paths[30]):  # an earlier article's body, then a later one's
        donor = source.read_text(encoding="utf-8")
        start, end = _body(donor)
        here = _body(original)
        paths[7].write_text(original[:here[0]] + donor[start:end] + original[here[1]:],
                            encoding="utf-8")
        compared = _Compared(monkeypatch)
        warm, cache = _run(tree, directory)
        assert compared.calls == 0  # from P015's memory
        assert warm == validate_repository(tree, keep_records=False, jobs=1).findings
        assert "P015" in {finding.code for finding in warm}
        assert cache.misses == 1
    paths[7].write_text(original, encoding="utf-8")
    assert _run(tree, directory)[0] == []


def test_no_database_connection_crosses_a_fork(tmp_path: Path) -> None:
    """Workers may be forked to check files, and an SQLite connection must not cross a fork:
    the cache closes its database before this process forks, and opens it again after."""
    cache = ValidationCache(tmp_path / "cache")
    cache.write({"key": [1, 2]})
    assert cache._connection is not None
    child = os.fork()
    if child == 0:  # the child: nothing inherited
        os._exit(0 if cache._connection is None else 1)
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert cache._connection is None
    assert cache.read(["key"]) == {"key": [1, 2]}
    cache.close()
