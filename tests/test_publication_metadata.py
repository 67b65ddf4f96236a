"""Publication metadata: Croissant (validated and read back by mlcroissant, which performs the
quotes–people join), CITATION.cff (validated by cffconvert), .zenodo.json and the schema.org
Dataset node, all telling the same facts as the release."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from iraq_ct_news import __version__
from iraq_ct_news.release.croissant import RAI
from iraq_ct_news.release.publication import KEYWORDS
from iraq_ct_news.release.tables import TABLES

from .conftest import REPOSITORY
from .tool_support import require, require_program

DATASET = REPOSITORY / "dataset"


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def csv_rows(relative: str) -> list[dict[str, str]]:
    with (DATASET / relative).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def in_dataset() -> Iterator[None]:
    before = Path.cwd()
    os.chdir(DATASET)
    try:
        yield
    finally:
        os.chdir(before)


def test_croissant_declares_what_the_tables_declare() -> None:
    document = read_json(DATASET / "croissant.json")
    assert document["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    for key in RAI:
        assert document[key], key
    types = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float",
             "date": "sc:Date", "array": "sc:Text"}
    record_sets = {rs["@id"]: rs for rs in document["recordSet"]}
    for table in TABLES:
        fields = record_sets[table.name]["field"]
        assert [(f["name"], f["dataType"]) for f in fields] == [
            (c.name, types[c.type]) for c in table.columns]
    for entry in document["distribution"]:
        data = (DATASET / entry["contentUrl"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["contentUrl"]


def test_mlcroissant_validates_and_reads_every_record_set(in_dataset: None) -> None:
    mlc = require("mlcroissant")
    dataset = mlc.Dataset("croissant.json")
    issues = dataset.metadata.ctx.issues
    assert not issues.errors and not issues.warnings, issues.report()
    for table in TABLES:
        records = list(dataset.records(table.name))
        assert len(records) == len(csv_rows(table.path)), table.name
        ids = [_text(r[f"{table.name}/{table.primary_key[0]}"]) for r in records]
        assert ids == [row[table.primary_key[0]] for row in csv_rows(table.path)] or (
            table.primary_key[0] == "code")  # mlcroissant reads "040" from CSV as 40
    # The join mlcroissant performs: quotes by a person, with that person's names.
    joined = {(_text(r["quotes_with_speakers/quote_id"]),
               _text(r["quotes_with_speakers/speaker_name_en"]))
              for r in dataset.records("quotes_with_speakers")}
    people = {row["id"]: row for row in csv_rows("tables/people.csv")}
    expected = {(q["quote_id"], people[q["speaker_id"]]["name_en"])
                for q in csv_rows("tables/quotes.csv") if q["speaker_id"] in people}
    assert joined == expected and expected


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def test_citation_cff_is_valid_and_current() -> None:
    cffconvert = require_program("cffconvert")
    result = subprocess.run([cffconvert, "--validate", "-i", str(REPOSITORY / "CITATION.cff")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    citation = yaml.safe_load((REPOSITORY / "CITATION.cff").read_text(encoding="utf-8"))
    croissant = read_json(DATASET / "croissant.json")
    assert citation["version"] == __version__
    assert str(citation["date-released"]) == croissant["datePublished"]
    assert citation["keywords"] == list(KEYWORDS)
    assert set(citation["license"]) == {"CC-BY-4.0", "MIT"}


def test_zenodo_metadata_is_current() -> None:
    zenodo = read_json(REPOSITORY / ".zenodo.json")
    croissant = read_json(DATASET / "croissant.json")
    assert zenodo["upload_type"] == "dataset"
    assert zenodo["version"] == __version__
    assert zenodo["publication_date"] == croissant["datePublished"]
    assert zenodo["license"] == "cc-by-4.0"
    assert zenodo["keywords"] == list(KEYWORDS)
    assert [c["name"] for c in zenodo["creators"]] == ["iraq-ct-news contributors"]
    assert "remain the property of their publishers" in zenodo["description"]


def test_schema_org_dataset_node_is_complete() -> None:
    graph = read_json(DATASET / "articles.jsonld")["@graph"]
    node = next(n for n in graph if n["@type"] == "Dataset")
    assert node["identifier"].startswith("urn:uuid:")
    assert node["creator"] and node["keywords"] == list(KEYWORDS)
    assert node["version"] == __version__
    assert {"@id": "https://creativecommons.org/licenses/by/4.0/"} in node["license"]
    assert node["temporalCoverage"] == "2016/2021"
    assert node["spatialCoverage"]["name"] == "Iraq"
    paths = set()
    for download in node["distribution"]:
        data = (DATASET / download["contentUrl"]).read_bytes()
        assert download["sha256"] == hashlib.sha256(data).hexdigest()
        assert download["encodingFormat"]
        paths.add(download["contentUrl"])
    assert {table.path for table in TABLES} <= paths and "articles.jsonl" in paths
