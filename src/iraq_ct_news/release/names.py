"""File names of a release and where an installed package keeps its copy.

Written once here so the builder, the loader, the wheel configuration (``pyproject.toml``) and
the dataset card cannot disagree about them.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import DATASET

ARTICLES_JSONL = "articles.jsonl"
PEOPLE_JSONL = "people.jsonl"
ORGANIZATIONS_JSONL = "organizations.jsonl"
PLACES_JSONL = "places.jsonl"
THEMES_JSONL = "themes.jsonl"
CAMEO_JSONL = "cameo.jsonl"
DATAPACKAGE = "datapackage.json"
JSONLD = "articles.jsonld"
CARD = "README.md"
TABLES_DIR = "tables"
PARQUET_DIR = "parquet"
"""Parquet copies of the tables: written only when pyarrow is installed, never committed, not
shipped in the wheel and not compared by ``build --check`` (their bytes depend on the pyarrow
version), so the folder holds its own ``.gitignore``."""

#: Folder inside the installed package that holds the release (see pyproject.toml force-include).
PACKAGED_RELEASE = "_release"


def packaged_release() -> Path | None:
    """The release shipped with the package, or the repository's ``dataset/`` for a checkout.

    A wheel carries the release in ``iraq_ct_news/_release``; an editable install (or running
    from a source tree) has none there, so the ``dataset/`` folder of the repository the package
    lives in is used instead.
    """
    package = Path(__file__).resolve().parent.parent
    inside = package / PACKAGED_RELEASE
    if (inside / ARTICLES_JSONL).is_file():
        return inside
    repository = package.parent.parent / DATASET
    if (repository / ARTICLES_JSONL).is_file() and (package.parent.name == "src"):
        return repository
    return None
