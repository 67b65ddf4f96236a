"""``datapackage.json``: the release described as a Frictionless Data Package (v2).

Tools that read Data Packages (frictionless, R ``frictionless``, ``datapackage``-aware loaders)
get every table's column types, primary and foreign keys, and can check each file's size and
SHA-256 before trusting it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

from .container import Dataset
from .tables import TABLES, Table

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
NAME = "iraq-ct-news"
#: A fixed, globally unique id for the dataset (UUID v5 of its name); versions share it.
PACKAGE_ID = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:iraq-ct-news:dataset')}"
ANNOTATION_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International (the curated annotations only)",
}
TEXT_RIGHTS = (
    "The Arabic article texts (headline.ar, body, and every quoted span) remain the property of "
    "their publishers and are not licensed by this project; they are included for research on "
    "the annotations. The curated annotations (English headlines and summaries, mentions, "
    "quotes, events, amounts, resolutions, themes, registries, dates and offsets) are licensed "
    "CC-BY-4.0."
)
DESCRIPTION = (
    "Hand-curated Arabic news articles (2016-2021) about international counter-terrorism and "
    "preventing-violent-extremism cooperation with Iraq. Every person, organisation and place "
    "named, every quotation, event (CAMEO-coded), amount of money and Security Council "
    "resolution is anchored to the exact words it comes from. English headlines and summaries "
    "are written by the curators. " + TEXT_RIGHTS
)


def _field(column: Any) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.type == "date":
        field["format"] = "default"
    constraints: dict[str, bool] = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(table: Table) -> dict[str, Any]:
    """The Table Schema of one table: fields, primary key and foreign keys."""
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.fields),
                "reference": (
                    {"resource": key.resource, "fields": list(key.reference)}
                    if key.resource
                    else {"fields": list(key.reference)}
                ),
            }
            for key in table.foreign_keys
        ]
    return schema


def render_datapackage(release: Dataset, files: Mapping[str, bytes]) -> bytes:
    """The descriptor for a release whose CSV files (by release-relative path) are ``files``."""
    publishers = sorted({article.source.publisher for article in release.articles.values()})
    names = {org.id: org.name.en for org in release.organizations.values()}
    descriptor: dict[str, Any] = {
        "$schema": PROFILE,
        "name": NAME,
        "id": PACKAGE_ID,
        "title": "iraq-ct-news: Arabic news on counter-terrorism cooperation with Iraq",
        "description": DESCRIPTION,
        "version": release.version,
        "licenses": [ANNOTATION_LICENSE],
        "sources": [
            {"title": f"{names.get(publisher, publisher)} (news outlet; texts © the publisher)"}
            for publisher in publishers
        ],
        "contributors": [
            {"title": "iraq-ct-news contributors", "roles": ["creator", "curator"]},
        ],
        "keywords": [
            "Arabic", "news", "counter-terrorism", "preventing violent extremism", "Iraq",
            "CAMEO", "named entities", "quotation attribution", "event extraction",
        ],
        "resources": [],
    }
    if release.released is not None:
        descriptor["created"] = f"{release.released.isoformat()}T00:00:00Z"
    for table in TABLES:
        data = files[table.path]
        descriptor["resources"].append(
            {
                "name": table.name,
                "type": "table",
                "path": table.path,
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": table.title,
                "description": table.description,
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "dialect": {"header": True, "delimiter": ",", "quoteChar": '"',
                            "lineTerminator": "\n"},
                "schema": table_schema(table),
            }
        )
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
