"""The release's interoperable files: Data Package, CSV tables, JSON-LD and the dataset card."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
import yaml

from iraq_ct_news import __version__
from iraq_ct_news.release.tables import TABLES

from .release_support import add_second_article, build_release, copy_valid_tree


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_valid_tree(tmp_path_factory.mktemp("exports") / "repo")
    add_second_article(tree, withdrawn=True)
    return build_release(tree)


def read_table(dataset: Path, name: str) -> list[dict[str, str]]:
    text = (dataset / "tables" / f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_frictionless_validates_the_package(dataset: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(dataset / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])


def test_frictionless_catches_a_broken_foreign_key(dataset: Path, tmp_path: Path) -> None:
    """The keys are declared for real: a dangling reference is an error, not ignored."""
    frictionless = pytest.importorskip("frictionless")
    import shutil

    broken = tmp_path / "dataset"
    shutil.copytree(dataset, broken)
    quotes = broken / "tables/quotes.csv"
    quotes.write_text(
        quotes.read_text(encoding="utf-8").replace(",fixture-gigauri,", ",nobody,", 1),
        encoding="utf-8",
    )
    descriptor = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # keep sizes and hashes right: only the key breaks
        data = (broken / resource["path"]).read_bytes()
        resource["bytes"] = len(data)
        resource["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert {error[0] for error in report.flatten(["type"])} == {"foreign-key"}


def test_datapackage_descriptor(dataset: Path) -> None:
    descriptor = json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["name"] == "iraq-ct-news"
    assert descriptor["id"].startswith("urn:uuid:")
    assert descriptor["version"] == __version__
    assert descriptor["created"] == "2026-11-25T00:00:00Z"
    assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
    assert "remain the property of their publishers" in descriptor["description"]
    assert descriptor["sources"] and descriptor["contributors"]
    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == [table.name for table in TABLES]
    for resource in descriptor["resources"]:
        data = (dataset / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == f"sha256:{hashlib.sha256(data).hexdigest()}"
        schema = resource["schema"]
        header = data.decode("utf-8").splitlines()[0].split(",")
        assert [field["name"] for field in schema["fields"]] == header
        assert set(schema["primaryKey"]) <= set(header)
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    targets = {
        (tuple(key["fields"]), key["reference"]["resource"])
        for key in quotes["schema"]["foreignKeys"]
    }
    assert (("speaker_id",), "entities") in targets
    assert (("event_key",), "events") in targets


def test_tables_hold_one_row_per_thing(dataset: Path) -> None:
    articles = read_table(dataset, "articles")
    assert [(a["id"], a["status"]) for a in articles] == [
        ("fixture-iom-agreement", "active"), ("fixture-second", "withdrawn")
    ]
    assert articles[0]["published_earliest"] == articles[0]["published_latest"] == "2021-12-20"
    assert articles[0]["body"].count("\n\n") == 1  # multi-line text survives CSV quoting
    mentions = read_table(dataset, "mentions")
    assert len(mentions) == 18
    texts = {"body": articles[0]["body"], "headline": articles[0]["headline_ar"]}
    for mention in mentions:
        text = texts[mention["scope"]]
        assert text[int(mention["start"]) : int(mention["end"])] == mention["exact"]
    quotes = read_table(dataset, "quotes")
    assert [(q["event_id"], q["event_key"]) for q in quotes] == [
        ("signing", "fixture-iom-agreement/signing"), ("", "")
    ]
    actors = read_table(dataset, "event_actors")
    assert {(a["role"], a["entity_id"]) for a in actors} == {
        ("participant", "fixture-iom"), ("participant", "fixture-gigauri")
    }
    entities = read_table(dataset, "entities")
    assert {(e["id"], e["kind"]) for e in entities} == {
        ("fixture-baghdad", "place"), ("fixture-gigauri", "person"), ("fixture-iom", "organization")
    }
    people = read_table(dataset, "people")
    assert json.loads(people[0]["aliases"]) == []
    themes = read_table(dataset, "themes")
    assert json.loads(themes[0]["close_match"])[0] == {"scheme": "un-gcts-pillar", "value": "1"}


def test_jsonld_is_a_dataset_graph_of_news_articles(dataset: Path) -> None:
    document = json.loads((dataset / "articles.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == {"@vocab": "https://schema.org/"}
    graph = document["@graph"]
    by_id = {node["@id"]: node for node in graph}
    root = graph[0]
    assert root["@type"] == "Dataset" and root["version"] == __version__
    parts = [by_id[part["@id"]] for part in root["hasPart"]]
    assert [p["@type"] for p in parts] == ["NewsArticle", "NewsArticle"]
    article = parts[0]
    assert article["inLanguage"] == "ar"
    assert article["datePublished"] == "2021-12-20"
    assert article["headline"].startswith("المنظمة الدولية للهجرة")
    assert article["alternativeHeadline"] == {"@value": "A test fixture headline", "@language": "en"}
    for reference in [article["publisher"], *article["mentions"]]:
        assert reference["@id"] in by_id  # every link resolves inside the graph
    assert by_id[article["publisher"]["@id"]]["@type"] == "Organization"
    assert parts[1]["creativeWorkStatus"] == "withdrawn"


def test_card_front_matter_points_at_real_files(dataset: Path) -> None:
    text = (dataset / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["language"] == ["ar", "en"]
    configs = front["configs"]
    assert configs[0] == {"config_name": "articles", "data_files": "articles.jsonl", "default": True}
    names = [config["config_name"] for config in configs]
    assert names == ["articles", "people", "organizations", "places", "themes", "cameo", "ner",
                     "quote_attribution"]
    for config in configs:
        assert (dataset / config["data_files"]).is_file(), config
        # Hugging Face uses one builder for all configs: they must share one format.
        assert config["data_files"].endswith(".jsonl")
    body = text.split("---\n", 2)[2]
    assert f"# iraq-ct-news {__version__}" in body
    for section in ("## Motivation", "## Composition", "## Collection process",
                    "## Preprocessing", "## Uses and misuses", "## Distribution and licensing",
                    "## Maintenance"):
        assert section in body
    assert "written by the curators" in body
    assert "remain the property of their publishers" in body
    assert "| articles | 2 |" in body  # numbers come from the records
