"""``iraq-ct-news build``: what it writes, that it is deterministic, atomic and checkable."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.textutil import fold_whitespace
from iraq_ct_news.models import Article
from iraq_ct_news.models.content import content_sha256
from iraq_ct_news.release import build as build_module
from iraq_ct_news.release.build import build, check

from .release_support import ARTICLE, add_second_article, build_release, copy_valid_tree, edit


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    tree = copy_valid_tree(tmp_path / "repo")
    add_second_article(tree, withdrawn=True)
    return tree


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path: Path) -> None:
    first = copy_valid_tree(tmp_path / "one")
    second = copy_valid_tree(tmp_path / "two")
    build_release(first)
    build_release(second)
    build_release(second)  # rebuilding over an existing release changes nothing either
    assert snapshot(first / "dataset") == snapshot(second / "dataset")
    assert len(snapshot(first / "dataset")) >= 20


def test_release_layout(tree: Path) -> None:
    files = snapshot(build_release(tree))
    for name in ("articles.jsonl", "people.jsonl", "organizations.jsonl", "places.jsonl",
                 "themes.jsonl", "cameo.jsonl", "datapackage.json", "articles.jsonld",
                 "README.md"):
        assert name in files
    for table in ("articles", "mentions", "quotes", "events", "amounts", "resolutions",
                  "people", "organizations", "places", "themes"):
        assert f"tables/{table}.csv" in files
    assert not any(name.startswith("parquet/") for name in files)
    assert all(data.endswith(b"\n") for data in files.values())
    assert not any(b"\r\n" in data for data in files.values())


def test_articles_jsonl_is_sorted_and_holds_withdrawn_records(tree: Path) -> None:
    lines = (build_release(tree) / "articles.jsonl").read_bytes().splitlines()
    articles = [Article.model_validate_json(line) for line in lines]
    assert [a.id for a in articles] == ["fixture-iom-agreement", "fixture-second"]
    tombstone = articles[1]
    assert tombstone.status == "withdrawn"
    assert tombstone.withdrawn_reason == "duplicate of the first"


def test_every_span_offset_points_at_its_exact_text(tree: Path) -> None:
    seed_text = (tree / "seeds/004_e9dc320f1ba3aa95.txt").read_text(encoding="utf-8")
    lines = (build_release(tree) / "articles.jsonl").read_bytes().splitlines()
    checked = 0
    for line in lines:
        article = Article.model_validate_json(line)
        for path, span in article.spans():
            assert span.start is not None and span.end is not None, path
            scope = getattr(span, "scope", "body")
            if scope == "seed":
                # Seed text keeps its own spacing; the span matches it with whitespace folded.
                assert fold_whitespace(seed_text[span.start : span.end]) == span.exact
            else:
                text = article.body if scope == "body" else article.headline.ar
                assert text[span.start : span.end] == span.exact, path
            checked += 1
    assert checked >= 14
    first = Article.model_validate_json(lines[0])
    # The second mention of Gigauri is pinned by its prefix, not the first occurrence.
    gigauri = first.mentions[2]
    assert first.body[: gigauri.start].endswith("و قال السيد ")


def test_content_sha256_follows_its_documented_definition(tree: Path) -> None:
    line = (build_release(tree) / "articles.jsonl").read_bytes().splitlines()[0]
    data = json.loads(line)
    stored = data["content_sha256"]

    # An independent implementation of the definition in models/content.py.
    # Members at their model default: an article's and an event's status, a span's scope, a
    # quote's form, and an event's optional lists.
    defaults = {("status", "active"), ("status", "occurred"), ("scope", "body"), ("form", "marked")}
    empty_by_default = {"additional_cameo", "supporters", "funders", "outside_evidence"}

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {
                key: strip(item)
                for key, item in value.items()
                if item is not None and key not in ("start", "end")
                and not (isinstance(item, str) and (key, item) in defaults)
                and not (item == [] and key in empty_by_default)
            }
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    for name in ("schema_version", "revision", "created", "modified", "content_sha256"):
        del data[name]
    assert data.pop("figures") == []  # an optional list at its default
    content = strip(data)
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == stored


def test_content_sha256_ignores_lifecycle_but_not_content(tree: Path) -> None:
    article = Article.model_validate_json(
        (build_release(tree) / "articles.jsonl").read_bytes().splitlines()[0]
    )
    base = content_sha256(article)
    assert article.content_sha256 == base
    bumped = article.model_copy(update={"revision": 7, "modified": article.modified.replace(year=2030)})
    assert content_sha256(bumped) == base
    changed = article.model_copy(update={"body": article.body + " ."})
    assert content_sha256(changed) != base


def test_check_passes_after_a_build_and_names_every_difference(tree: Path) -> None:
    dataset = build_release(tree)
    assert check(tree) == []
    (dataset / "tables/quotes.csv").write_bytes(b"tampered\n")
    (dataset / "themes.jsonl").unlink()
    (dataset / "notes.txt").write_text("stray\n", encoding="utf-8")
    (tree / "schema/person.schema.json").write_text("{}\n", encoding="utf-8")
    problems = check(tree)
    assert problems == [
        "schema/person.schema.json: stale",
        "dataset/themes.jsonl: missing",
        "dataset/tables/quotes.csv: differs from what a build would write",
        "dataset/notes.txt: not part of the release",
    ]


def test_check_notices_a_curated_change_and_writes_nothing(tree: Path) -> None:
    dataset = build_release(tree)
    before = snapshot(dataset)
    edit(tree, ARTICLE, "en: A test fixture headline", "en: A reworded headline")
    edit(tree, ARTICLE, "revision: 1", "revision: 2")
    edit(tree, ARTICLE, "modified: '2026-11-25'", "modified: '2026-11-26'")
    problems = check(tree)
    assert "dataset/articles.jsonl: differs from what a build would write" in problems
    assert "dataset/README.md: differs from what a build would write" in problems  # new date
    assert snapshot(dataset) == before


def test_check_ignores_parquet(tree: Path) -> None:
    dataset = build_release(tree)
    (dataset / "parquet").mkdir()
    (dataset / "parquet/articles.parquet").write_bytes(b"PAR1 from another pyarrow")
    assert check(tree) == []


def test_build_command_check_exit_status(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(tree), "--check"]) == 1
    assert "dataset/articles.jsonl: missing" in capsys.readouterr().out
    assert main(["build", "--root", str(tree)]) == 0
    assert main(["build", "--root", str(tree), "--check"]) == 0


def test_build_refuses_a_tree_with_errors_and_keeps_the_release(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = build_release(tree)
    before = snapshot(dataset)
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    assert main(["build", "--root", str(tree)]) == 1
    captured = capsys.readouterr()
    assert "fixture-iom-agreement.yaml:" in captured.out and " I003 " in captured.out
    assert "error(s)" in captured.out.splitlines()[-1]
    assert "not building a release" in captured.err
    assert "Traceback" not in captured.err
    assert snapshot(dataset) == before


def test_a_failure_while_writing_leaves_the_previous_release(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = build_release(tree)
    before = snapshot(dataset)
    edit(tree, ARTICLE, "en: A test fixture headline", "en: A reworded headline")
    edit(tree, ARTICLE, "revision: 1", "revision: 2")
    edit(tree, ARTICLE, "modified: '2026-11-25'", "modified: '2026-11-26'")
    written: list[Path] = []
    real_write = build_module._write_file

    def failing_write(path: Path, data: bytes) -> None:
        if len(written) == 5:
            raise OSError(28, "No space left on device")
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(build_module, "_write_file", failing_write)
    with pytest.raises(OSError, match="No space left"):
        build(tree, with_parquet=False)
    assert len(written) == 5
    assert snapshot(dataset) == before
    assert sorted(p.name for p in tree.iterdir()) == ["curated", "dataset", "schema", "seeds"]


def test_a_failure_during_the_swap_puts_the_previous_release_back(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The two-rename fallback, for systems without an atomic exchange."""
    monkeypatch.setattr(build_module, "exchange_paths", lambda first, second: False)
    dataset = build_release(tree)
    before = snapshot(dataset)
    edit(tree, ARTICLE, "en: A test fixture headline", "en: A reworded headline")
    edit(tree, ARTICLE, "revision: 1", "revision: 2")
    edit(tree, ARTICLE, "modified: '2026-11-25'", "modified: '2026-11-26'")
    real_rename = os.rename
    calls: list[str] = []

    def rename(source: object, target: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:  # the new release moving into place
            raise KeyboardInterrupt
        real_rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build(tree, with_parquet=False)
    monkeypatch.setattr(build_module.os, "rename", real_rename)
    assert snapshot(dataset) == before
    assert sorted(p.name for p in tree.iterdir()) == ["curated", "dataset", "schema", "seeds"]
    build(tree, with_parquet=False)
    assert snapshot(dataset) != before


def test_a_build_killed_between_renames_is_recovered(tree: Path) -> None:
    dataset = build_release(tree)
    before = snapshot(dataset)
    os.rename(dataset, tree / ".dataset.old-abc123")  # what a kill at the worst moment leaves
    (tree / ".dataset.new-def456").mkdir()
    build_module.recover(dataset)
    assert snapshot(dataset) == before
    assert sorted(p.name for p in tree.iterdir()) == ["curated", "dataset", "schema", "seeds"]


def test_build_writes_parquet_when_pyarrow_is_installed(tree: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    result = build(tree, with_parquet=True)
    parquet = tree / "dataset/parquet"
    assert (parquet / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    quotes = pq.read_table(parquet / "quotes.parquet")
    assert quotes.num_rows == 2
    assert quotes.column("start").to_pylist() == [360, 360]
    assert set(result.extra) - {"parquet/.gitignore"} == {
        f"parquet/{path.stem}.parquet" for path in (tree / "dataset/tables").iterdir()
    }
    assert check(tree) == []
