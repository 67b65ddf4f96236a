"""The table of kinds is the single source: a kind added to it, and nowhere else, is handled by
every command.

The kind added here is a small registry of policy documents (national strategies, action plans)
that articles name; it is added to ``iraq_ct_news.models.kinds.KINDS`` at run time and removed again,
and nothing else in the package is told about it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from operator import not_
from pathlib import Path, PurePosixPath

import pytest
from pydantic import Field

import iraq_ct_news as ictn
from iraq_ct_news.commands.cli import main
from iraq_ct_news.models import ArabicEnglishText, Identifier, VersionedRecord
from iraq_ct_news.models.field_types import Text
from iraq_ct_news.models.kinds import BY_KIND, KINDS, SCHEMA_MODELS, Kind
from iraq_ct_news.models.layout import FILE_KINDS, RECORD_DIRECTORIES, classify
from iraq_ct_news.release.dataset import clear_cache

from .release_support import ARTICLE, copy_valid_tree, edit


class PolicyDocument(VersionedRecord):
    """A strategy or plan an article names (a test kind: not part of the dataset)."""

    name: ArabicEnglishText
    aliases: list[Text]
    identifiers: list[Identifier]
    proposed: bool = Field(default=False, exclude_if=not_)


DOCUMENT_KIND = Kind(
    "document", "documents", False, PolicyDocument,  # type: ignore[arg-type]
    "iraq-ct-news policy document record", "documents.jsonl", PolicyDocument, "documents",
    "document", "document", entity=True,
)
DOCUMENT_ID = "fixture-cve-strategy"
#: Words of the fixture article's body (an invented sentence of the fixture, not a real page).
DOCUMENT_NAME = "الاستراتيجية الوطنية العراقية لمكافحة التطرف العنيف"
DOCUMENT = f"""# yaml-language-server: $schema=../../schema/document.schema.json
schema_version: 1.0.0
id: {DOCUMENT_ID}
revision: 1
created: '2026-11-25'
modified: '2026-11-25'
name:
  en: National strategy for countering violent extremism
  ar: {DOCUMENT_NAME}
aliases: []
identifiers: []
"""
MENTION = f"""- entity: {DOCUMENT_ID}
  exact: {DOCUMENT_NAME}
- entity: fixture-baghdad
"""


@pytest.fixture
def document_kind() -> Iterator[Kind]:
    KINDS.add(DOCUMENT_KIND)
    clear_cache()
    try:
        yield DOCUMENT_KIND
    finally:
        KINDS.remove("document")
        clear_cache()


def _cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    status = main(list(arguments))
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


def _tree(tmp_path: Path, *, mentioned: bool = True) -> Path:
    tree = copy_valid_tree(tmp_path / "repo")
    folder = tree / "curated" / "documents"
    folder.mkdir()
    (folder / f"{DOCUMENT_ID}.yaml").write_text(DOCUMENT, encoding="utf-8")
    if mentioned:
        edit(tree, ARTICLE, "- entity: fixture-baghdad\n", MENTION)
    return tree


def test_the_table_follows_an_added_kind_and_forgets_it_again() -> None:
    """Every map derived from the table follows it: nothing keeps its own copy."""
    document = PurePosixPath("curated/documents/x.yaml")
    assert classify(document) is None and "document" not in SCHEMA_MODELS
    KINDS.add(DOCUMENT_KIND)
    try:
        assert BY_KIND["document"] is DOCUMENT_KIND  # type: ignore[index]
        assert RECORD_DIRECTORIES["document"] == "documents"  # type: ignore[index]
        assert SCHEMA_MODELS["document"] is PolicyDocument  # type: ignore[index]
        assert "document" in FILE_KINDS
        assert classify(document) == "document"  # type: ignore[comparison-overlap]
        with pytest.raises(ValueError, match="the kind 'document' has the kind 'document'"):
            KINDS.add(DOCUMENT_KIND)
    finally:
        KINDS.remove("document")
    assert "document" not in FILE_KINDS and classify(document) is None
    assert "document" not in SCHEMA_MODELS and "document" not in RECORD_DIRECTORIES


def test_every_command_handles_a_kind_added_to_the_table_only(
    document_kind: Kind, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = _tree(tmp_path)
    root = str(tree)

    # validate: the record is read with its model, its id defined, the mention resolved
    _cli(capsys, "validate", "--root", root, "--no-cache", "--jobs", "1")

    # schema: its JSON Schema is written beside the others
    _cli(capsys, "schema", "--root", root)
    schema = json.loads((tree / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "iraq-ct-news policy document record"

    # build: its release file, the entities table, the JSON-LD graph, the card and the NER tags
    out = _cli(capsys, "build", "--root", root, "--no-cache", "--jobs", "1")
    assert "1 document(s)" in out
    dataset = tree / "dataset"
    lines = (dataset / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [DOCUMENT_ID]
    assert f"{DOCUMENT_ID},document," in (dataset / "tables" / "entities.csv").read_text(
        encoding="utf-8")
    graph = json.loads((dataset / "articles.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert any(node.get("@type") == "Thing" and node.get("identifier") == DOCUMENT_ID
               for node in graph)
    assert any(part["name"] == "documents.jsonl" for part in graph[0]["distribution"])
    croissant = json.loads((dataset / "croissant.json").read_text(encoding="utf-8"))
    assert "documents.jsonl" in [part["name"] for part in croissant["distribution"]]
    card = (dataset / "README.md").read_text(encoding="utf-8")
    assert "config_name: documents" in card and "documents.jsonl" in card
    ner = [json.loads(line) for line in
           (dataset / "ner.jsonl").read_text(encoding="utf-8").splitlines()]
    labels = {span["entity_id"]: span["label"] for record in ner for span in record["spans"]}
    assert labels[DOCUMENT_ID] == "MISC"
    _cli(capsys, "build", "--root", root, "--check", "--no-cache", "--jobs", "1")

    # load() and load_curated(): a collection by name, an entity, its mentions
    clear_cache()
    ds = ictn.load(dataset)
    assert isinstance(ds.collection("documents")[DOCUMENT_ID], PolicyDocument)
    assert ds.entity(DOCUMENT_ID).id == DOCUMENT_ID
    assert [hit.article.id for hit in ds.mentions_of(DOCUMENT_ID)] == ["fixture-iom-agreement"]
    assert "1 documents" in repr(ds)
    curated = ictn.load_curated(tree)
    assert dict(curated.collection("documents")) == dict(ds.collection("documents"))

    # show, stats, search
    assert f"# document {DOCUMENT_ID}" in _cli(capsys, "show", DOCUMENT_ID, "--path", str(dataset))
    stats = json.loads(_cli(capsys, "stats", "--format", "json", "--path", str(dataset)))
    assert stats["records"]["documents"] == 1
    found = json.loads(_cli(capsys, "search", "--entity", DOCUMENT_ID, "--format", "json",
                            "--path", str(dataset)))
    assert found["total"] == 1

    # diff: from a release without the record to the one with it
    old = tmp_path / "old"
    old.mkdir()
    for path in dataset.iterdir():
        if path.is_file():
            (old / path.name).write_bytes(path.read_bytes())
    (old / "documents.jsonl").write_bytes(b"")
    changes = json.loads(_cli(capsys, "diff", "--format", "json", str(old), str(dataset)))
    assert {"kind": "document", "id": DOCUMENT_ID} in [
        {"kind": change["kind"], "id": change["id"]} for change in changes["changes"]
    ]

    # export: the SQLite database's entities table holds it
    (tmp_path / "export").mkdir()
    database = tmp_path / "export" / "ictn.db"
    _cli(capsys, "export", "--path", str(dataset), "sqlite", str(database))
    with sqlite3.connect(database) as connection:
        kinds = dict(connection.execute("SELECT id, kind FROM entities").fetchall())
    assert kinds[DOCUMENT_ID] == "document"

    # view: the mention is marked and named as a document
    pages = tmp_path / "pages"
    _cli(capsys, "view", "--root", root, "--out", str(pages))
    page = (pages / "fixture-iom-agreement.html").read_text(encoding="utf-8")
    assert f"document: National strategy for countering violent extremism (id {DOCUMENT_ID})" in page


def test_draft_matches_the_names_of_an_added_kind(
    document_kind: Kind, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = _tree(tmp_path, mentioned=False)
    drafted = json.loads(_cli(capsys, "draft", "--format", "json", "--root", str(tree),
                              str(tree / ARTICLE)))
    # The name is found and proposed as a mention of the record (how far the proposal reaches
    # past the name is the drafting rules' business, the same for every kind but people and
    # places).
    assert any(m["entity"] == DOCUMENT_ID and m["exact"].startswith(DOCUMENT_NAME)
               for m in drafted["mentions"])
