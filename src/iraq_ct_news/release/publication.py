"""What the publication metadata says about the dataset as a whole, written once.

The schema.org ``Dataset`` node of ``articles.jsonld``, ``croissant.json``, ``CITATION.cff``
and ``.zenodo.json`` all describe the same release; their shared facts live here or are
computed from the records (coverage, files and their checksums), never typed twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .container import Dataset
from .datapackage import ANNOTATION_LICENSE, NAME

CREATOR = {"@type": "Organization", "name": "iraq-ct-news contributors"}
KEYWORDS = (
    "Arabic", "news", "counter-terrorism", "preventing violent extremism", "Iraq", "CAMEO",
    "named entities", "quotation attribution", "event extraction",
)
#: The code's licence (the annotations are CC BY 4.0, the texts the publishers').
CODE_LICENSE = "https://spdx.org/licenses/MIT.html"
LICENSES = (ANNOTATION_LICENSE["path"], CODE_LICENSE)
#: Where the articles are from, by the dataset's definition (not inferred from the records).
SPATIAL_COVERAGE = {"@type": "Place", "name": "Iraq", "address": {"@type": "PostalAddress",
                                                                 "addressCountry": "IQ"}}

MEDIA_TYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "jsonld": "application/ld+json",
    "json": "application/json",
    "md": "text/markdown",
    "sql": "application/sql",
}


@dataclass(frozen=True)
class ReleaseFile:
    path: str
    media_type: str
    size: int
    sha256: str


def release_files(files: Mapping[str, bytes], wanted: tuple[str, ...] | None = None
                  ) -> list[ReleaseFile]:
    """The release files (by release-relative path) with their size and SHA-256."""
    return [
        ReleaseFile(path, MEDIA_TYPES[path.rsplit(".", 1)[-1]], len(data),
                    hashlib.sha256(data).hexdigest())
        for path, data in files.items()
        if wanted is None or path in wanted
    ]


def temporal_coverage(release: Dataset) -> str | None:
    """The span of the active articles' publication dates as an ISO 8601 interval of years
    (``2016/2021``), from the dates the records give; None when no article has a date."""
    dated = [a.published for a in release.articles.values()
             if a.status == "active" and a.published is not None]
    earliest = [date.earliest for date in dated if date.earliest is not None]
    latest = [date.latest for date in dated if date.latest is not None]
    if not earliest or not latest:
        return None
    return f"{min(earliest).year}/{max(latest).year}"


def citation_text(release: Dataset) -> str:
    """How to cite the release, as a sentence (no DOI or URL is known, so none is given)."""
    year = release.released.year if release.released else "n.d."
    return f"iraq-ct-news contributors ({year}). {NAME}, version {release.version} [data set]."


def schema_org_dataset(release: Dataset, files: Mapping[str, bytes]) -> dict[str, Any]:
    """The schema.org properties every description of the dataset shares."""
    node: dict[str, Any] = {
        "version": release.version,
        "creator": [dict(CREATOR)],
        "keywords": list(KEYWORDS),
        "inLanguage": ["ar", "en"],
        "isAccessibleForFree": True,
        "spatialCoverage": dict(SPATIAL_COVERAGE),
        "citation": citation_text(release),
    }
    coverage = temporal_coverage(release)
    if coverage is not None:
        node["temporalCoverage"] = coverage
    if release.released is not None:
        node["datePublished"] = release.released.isoformat()
    return node
