"""The validation cache never changes a finding: a warm run reports exactly what a cold run does.

Each test fills a cache from a tree, changes something the cached results depend on (the file
itself, another file it refers to, its seed, the release in ``dataset/``, the cache's own
bytes), and checks the next run against a run without any cache.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from iraq_ct_news.checks import parallel
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.core import cache as cache_module
from iraq_ct_news.core import signature as signature_module
from iraq_ct_news.core.cache import DATABASE, ValidationCache, default_directory
from iraq_ct_news.core.findings import Finding

from .release_support import ARTICLE, add_second_article, build_release, copy_valid_tree, edit

PERSON = "curated/people/fixture-gigauri.yaml"
SEED = "seeds/004_e9dc320f1ba3aa95.txt"


def findings(tree: Path, cache: ValidationCache | None = None, jobs: int = 1) -> list[Finding]:
    return validate_repository(tree, keep_records=False, cache=cache, jobs=jobs).findings


def warm(tree: Path, directory: Path) -> ValidationCache:
    """A cache filled by two runs over ``tree`` (the second also records file signatures)."""
    for _ in range(2):
        findings(tree, ValidationCache(directory))
    return ValidationCache(directory)


def assert_same_as_cold(tree: Path, directory: Path, *codes: str) -> ValidationCache:
    cache = ValidationCache(directory)
    found = findings(tree, cache)
    assert found == findings(tree), "a warm run must report what a cold run reports"
    assert {f.code for f in found} >= set(codes), found
    return cache


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_valid_tree(tmp_path / "repo")


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture(autouse=True)
def _trust_fresh_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test are seconds old; let the cache trust their signatures at once,
    so that the path that skips reading unchanged files is the one tested."""
    monkeypatch.setattr(signature_module, "SETTLED_NS", -(10**18))


def test_a_warm_run_reuses_every_file_and_reports_the_same(tree: Path, directory: Path) -> None:
    first = ValidationCache(directory)
    assert findings(tree, first) == []
    assert first.hits == 0
    second = ValidationCache(directory)
    assert findings(tree, second) == []
    files = len([p for p in (tree / "curated").rglob("*") if p.is_file()])
    assert second.hits == files and second.misses == 0


def test_an_edited_file_is_checked_again(tree: Path, directory: Path) -> None:
    warm(tree, directory)
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    cache = assert_same_as_cold(tree, directory, "I003")
    assert cache.misses == 1


def test_a_registry_file_deleted_breaks_references_of_a_cached_article(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    (tree / PERSON).unlink()
    cache = assert_same_as_cold(tree, directory, "I003")
    assert cache.misses == 0  # the article itself is unchanged; its references are not cached


def test_a_registry_id_changed_breaks_references_of_a_cached_article(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    edit(tree, "curated/places/fixture-baghdad.yaml", "id: fixture-baghdad", "id: fixture-basra")
    assert_same_as_cold(tree, directory, "I001", "I003")


def test_a_registry_name_changed_reaches_the_name_checks_of_a_cached_article(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    # The mention 'جيورجي جيغاوري' no longer contains any name of the person (C001).
    edit(tree, PERSON, "ar: جيورجي جيغاوري", "ar: اسم آخر")
    assert_same_as_cold(tree, directory, "C001")


def test_a_new_registry_name_found_in_a_cached_body_is_reported(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    # The body says 'الأمن القومي'; an organisation of that name now exists (C004).
    (tree / "curated/organizations/fixture-security.yaml").write_text(
        (tree / "curated/organizations/fixture-iom.yaml").read_text(encoding="utf-8")
        .replace("id: fixture-iom", "id: fixture-security")
        .replace("ar: المنظمة الدولية للهجرة", "ar: الأمن القومي")
        .replace("- IOM", "- NSA"),
        encoding="utf-8",
    )
    assert_same_as_cold(tree, directory, "C004")


def test_a_title_changed_in_a_person_is_checked_against_the_cached_article(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    edit(tree, PERSON, "title_ar_as_stated: رئيس بعثة", "title_ar_as_stated: نائب رئيس بعثة")
    assert_same_as_cold(tree, directory, "P010")


def test_an_edited_seed_is_seen_by_a_cached_article(tree: Path, directory: Path) -> None:
    warm(tree, directory)
    seed = tree / SEED
    seed.write_bytes(seed.read_bytes().replace("الاستراتيجية".encode(), "الإستراتيجية".encode()))
    assert_same_as_cold(tree, directory, "P002", "P003")


def test_a_deleted_seed_is_seen_by_a_cached_article(tree: Path, directory: Path) -> None:
    warm(tree, directory)
    (tree / SEED).unlink()
    assert_same_as_cold(tree, directory, "P001")


def test_a_deleted_article_leaves_orphans_and_a_release_gap(tree: Path, directory: Path) -> None:
    add_second_article(tree)
    build_release(tree)
    warm(tree, directory)
    (tree / ARTICLE).unlink()
    (tree / "curated/articles/fixture-second.yaml").unlink()
    assert_same_as_cold(tree, directory, "O001", "V004")


def test_a_changed_release_is_compared_again(tree: Path, directory: Path) -> None:
    build_release(tree)
    warm(tree, directory)
    released = tree / "dataset/articles.jsonl"
    text = released.read_text(encoding="utf-8")
    # The release now says another content was released, at a later revision.
    text = text.replace('"revision":1,', '"revision":2,', 1)
    released.write_text(text[: text.rindex('"content_sha256":"') + 18] + "0" * 64 + '"}\n',
                        encoding="utf-8")
    assert_same_as_cold(tree, directory, "V002", "V005")


def test_a_damaged_release_is_reported_from_a_warm_cache(tree: Path, directory: Path) -> None:
    build_release(tree)
    warm(tree, directory)
    (tree / "dataset/articles.jsonl").write_text('{"id": "not a whole record"}\n', encoding="utf-8")
    assert_same_as_cold(tree, directory, "V006")


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    tree: Path, directory: Path
) -> None:
    warm(tree, directory)
    path = tree / ARTICLE
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("speaker: fixture-gigauri", "speaker: fixture-gigaurx"),
                    encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert_same_as_cold(tree, directory, "I003")


def test_a_file_written_just_now_is_read_again_whatever_its_signature(
    tree: Path, directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the real settling time, a file younger than it is hashed on every run: two writes
    within one tick of the file system clock cannot hide from the cache."""
    monkeypatch.setattr(signature_module, "SETTLED_NS", 3_000_000_000)
    path = tree / ARTICLE
    warm(tree, directory)
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("fixture-gigauri\n  exact",
                                                                 "fixture-gigaurx\n  exact"),
                    encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert_same_as_cold(tree, directory, "I003")


def _tamper(directory: Path) -> int:
    with sqlite3.connect(directory / DATABASE) as connection:
        rows = connection.execute("SELECT key, value FROM entries").fetchall()
        for key, value in rows:
            damaged = bytearray(value)
            damaged[-2] ^= 0x01
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (bytes(damaged), key))
    return len(rows)


def test_a_damaged_entry_is_ignored(tree: Path, directory: Path) -> None:
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    warm(tree, directory)
    assert _tamper(directory) > 0
    cache = assert_same_as_cold(tree, directory, "I003")
    assert cache.hits == 0


def test_a_damaged_database_is_replaced_and_never_crashes(tree: Path, directory: Path) -> None:
    warm(tree, directory)
    (directory / DATABASE).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (directory / (DATABASE + suffix)).unlink(missing_ok=True)
    assert_same_as_cold(tree, directory)
    cache = ValidationCache(directory)
    assert findings(tree, cache) == []
    assert cache.hits > 0  # a fresh database took its place


def test_an_interrupted_write_leaves_the_previous_entries(
    tree: Path, directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(tree, directory)
    with sqlite3.connect(directory / DATABASE) as connection:
        before = connection.execute("SELECT count(*) FROM entries").fetchone()
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    encode = cache_module._encode
    calls = []

    def failing(value: object) -> bytes:
        calls.append(value)
        if len(calls) > 0:
            raise KeyboardInterrupt  # the user pressed Ctrl-C while the cache was written
        return encode(value)

    monkeypatch.setattr(cache_module, "_encode", failing)
    with pytest.raises(KeyboardInterrupt):
        findings(tree, ValidationCache(directory))
    monkeypatch.setattr(cache_module, "_encode", encode)
    with sqlite3.connect(directory / DATABASE) as connection:
        assert connection.execute("SELECT count(*) FROM entries").fetchone() == before
    assert_same_as_cold(tree, directory, "I003")


def test_results_of_another_version_of_the_tool_are_not_used(
    tree: Path, directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(tree, directory)
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "another tool")
    cache = ValidationCache(directory)
    assert findings(tree, cache) == []
    assert cache.hits == 0


def test_worker_processes_and_the_cache_agree(
    tree: Path, directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    cold = findings(tree)
    assert findings(tree, ValidationCache(directory), jobs=2) == cold
    cache = ValidationCache(directory)
    assert findings(tree, cache, jobs=2) == cold
    assert cache.hits > 0


def test_no_cache_flag_leaves_the_cache_alone(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "elsewhere"
    monkeypatch.setenv("IRAQ_CT_NEWS_CACHE_DIR", str(directory))
    assert main(["validate", "--root", str(tree), "--no-cache"]) == 0
    assert not directory.exists()
    assert main(["validate", "--root", str(tree)]) == 0
    assert (directory / DATABASE).is_file()
    assert capsys.readouterr().out.count("0 error(s), 0 warning(s)") == 2


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("IRAQ_CT_NEWS_CACHE_DIR", str(tmp_path / "chosen"))
    assert default_directory() == tmp_path / "chosen"
    monkeypatch.delenv("IRAQ_CT_NEWS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_directory() == tmp_path / "xdg" / "iraq-ct-news"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if os.name == "posix":
        assert default_directory() == tmp_path / "home" / ".cache" / "iraq-ct-news"


def test_build_fills_the_cache_for_validate(tree: Path, directory: Path) -> None:
    from iraq_ct_news.release.build import build

    build(tree, with_parquet=False, cache=ValidationCache(directory))
    cache = ValidationCache(directory)
    assert findings(tree, cache) == findings(tree) == []
    files = len([p for p in (tree / "curated").rglob("*") if p.is_file()])
    assert cache.hits == files


def test_no_place_for_a_cache_means_no_cache(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(cache_module, "default_directory", nowhere)
    cache = ValidationCache()
    assert findings(tree, cache) == findings(tree) == []
    assert cache.hits == 0


def test_a_file_key_is_the_key_of_its_hash_and_path(tmp_path: Path) -> None:
    """Results are stored and looked up under one key form, whatever the file's name."""
    cache = ValidationCache(tmp_path / "cache")
    sha256 = "ab" * 32
    for relative in ("curated/articles/x.yaml", "curated/people/عراق.yaml",
                     "curated/people/\udcff.yaml"):
        assert cache.file_key(sha256, relative) == cache.key(sha256, relative)


def test_a_cache_found_empty_is_looked_up_once_it_holds_results(tree: Path, directory: Path) -> None:
    """One cache object, first found empty: what a run writes is reused by the next look-up."""
    cache = ValidationCache(directory)
    validate_repository(tree, keep_records=False, jobs=1, cache=cache)
    assert cache.hits == 0
    validate_repository(tree, keep_records=False, jobs=1, cache=cache)
    assert cache.hits > 0
