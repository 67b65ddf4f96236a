"""The repository store and its writer on their own: what a file becomes when read, and what the
writer refuses at every depth."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iraq_ct_news.core.fsutil import LinkedPath
from iraq_ct_news.store.repository import Repository, StoredRecord
from iraq_ct_news.store.writer import ReadToken, Writer, WriteRefused

from .conftest import VALID_TREE

PERSON = "curated/people/fixture-gigauri.yaml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    destination = tmp_path / "repo"
    shutil.copytree(VALID_TREE, destination)
    return destination


def test_a_record_an_unfinished_record_and_a_malformed_one(tree: Path) -> None:
    people = tree / "curated" / "people"
    text = (people / "fixture-gigauri.yaml").read_text(encoding="utf-8")
    (people / "stub-person.yaml").write_text(
        text.replace("fixture-gigauri", "stub-person").replace("en: Giorgi Gigauri",
                                                               "en: 'TODO: the name in English'"),
        encoding="utf-8")
    (people / "bad-person.yaml").write_text(
        text.replace("fixture-gigauri", "bad-person").replace("aliases: []", "aliases: {a: 1}"),
        encoding="utf-8")
    repository = Repository(tree)
    by_id = {stored.data["id"]: stored for stored in repository.records(["person"])}
    assert isinstance(by_id["fixture-gigauri"], StoredRecord)
    assert by_id["fixture-gigauri"].record is not None
    assert by_id["stub-person"].record is None  # placeholders left: data, no model
    assert "bad-person" not in by_id
    assert [(f.path, f.code) for f in repository.findings] == [
        ("curated/people/bad-person.yaml", "S003")]
    assert repository.findings[0].line == text.split("\n").index("aliases: []") + 1


def test_the_store_reads_only_the_kinds_asked_for(tree: Path) -> None:
    (tree / "curated" / "articles" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    repository = Repository(tree)
    repository.records(["person", "organization", "place"])
    assert repository.findings == []  # the broken article was not read
    repository.records(["article"])
    assert [f.path for f in repository.findings] == ["curated/articles/broken.yaml"]


def test_the_store_never_reads_through_a_link(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(tree / PERSON, outside)
    (tree / "curated" / "people" / "linked.yaml").symlink_to(outside)
    ids = [stored.data["id"] for stored in Repository(tree).records(["person"])]
    assert ids == ["fixture-gigauri"]


@pytest.mark.parametrize("link", ["curated", "curated/people", PERSON])
def test_the_writer_refuses_a_link_at_every_depth(tree: Path, tmp_path: Path, link: str) -> None:
    target = tmp_path / "elsewhere"
    shutil.move(str(tree / link), target)
    (tree / link).symlink_to(target, target_is_directory=target.is_dir())
    before = sorted((p.name, p.stat().st_size) for p in target.rglob("*")) if target.is_dir() \
        else target.read_bytes()
    writer = Writer(tree)
    with pytest.raises(LinkedPath):
        writer.write_text(PERSON, "id: x\n")
    if link != PERSON:  # a folder on the way: nothing is created in it either
        with pytest.raises(LinkedPath):
            writer.create("curated/people/new-person.yaml", b"id: x\n")
    after = sorted((p.name, p.stat().st_size) for p in target.rglob("*")) if target.is_dir() \
        else target.read_bytes()
    assert after == before


def test_the_writer_creates_missing_folders_and_refuses_a_file_in_the_way(tree: Path) -> None:
    writer = Writer(tree)
    writer.write_text("view/deep/page.html", "<p>x</p>\n")
    assert (tree / "view" / "deep" / "page.html").read_text() == "<p>x</p>\n"
    (tree / "blocked").write_text("a file", encoding="utf-8")
    with pytest.raises(WriteRefused, match="is not a folder"):
        writer.write_text("blocked/page.html", "x")


def test_the_writer_refuses_a_file_changed_since_it_was_read(tree: Path) -> None:
    writer = Writer(tree)
    read = writer.read(PERSON)
    (tree / PERSON).write_bytes(read.data + b"# an editor's save\n")
    with pytest.raises(WriteRefused, match="changed on disk since it was read"):
        writer.write_bytes(PERSON, read.data, expect=read.token)
    assert (tree / PERSON).read_bytes().endswith(b"# an editor's save\n")
    with pytest.raises(WriteRefused, match="changed on disk"):  # it must not exist yet
        writer.write_bytes(PERSON, b"", expect=ReadToken(read.token.relative, None))
    assert not [name for name in os.listdir(tree / "curated" / "people") if name.endswith(".tmp")]
