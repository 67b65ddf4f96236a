"""File names of a release and where an installed package keeps its copy.

Written once here (the JSON Lines names come from the table of kinds) so the builder, the
loader and the dataset card cannot disagree about them; the wheel's build hook
(``hatch_build.py``) writes the packaged copy to the folder :data:`PACKAGED_RELEASE` names and
``tests/test_packaging.py`` checks that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..kinds import BY_KIND, KINDS
from ..layout import DATASET

# The JSON Lines file of each kind, from the table of kinds.
ARTICLES_JSONL = BY_KIND["article"].release_file
PEOPLE_JSONL = BY_KIND["person"].release_file
ORGANIZATIONS_JSONL = BY_KIND["organization"].release_file
PLACES_JSONL = BY_KIND["place"].release_file
THEMES_JSONL = BY_KIND["themes"].release_file
CAMEO_JSONL = BY_KIND["cameo"].release_file
DATAPACKAGE = "datapackage.json"
JSONLD = "articles.jsonld"
CARD = "README.md"
TABLES_DIR = "tables"
PARQUET_DIR = "parquet"
"""Parquet copies of the tables: written only when pyarrow is installed, never committed, not
shipped in the wheel and not compared by ``build --check`` (their bytes depend on the pyarrow
version), so the folder holds its own ``.gitignore``."""



@dataclass(frozen=True)
class ExportFormat:
    """One export of a release: what the build writes and the card's "Files" table lists."""

    name: str
    """How the build names its renderer."""
    files: str
    """Its files, as the card names them."""
    what: str
    """What they hold, for the card."""
    committed: bool = True
    """Written to ``dataset/`` by every build and compared by ``build --check`` (Parquet is
    neither: its bytes depend on the pyarrow version)."""
    in_card: bool = True
    """Listed in the card's "Files" table (the tables have a table of their own there)."""


#: Every export, in the order the build renders them (the Data Package, which lists the JSON
#: Lines and CSV files with their sizes and hashes, comes after them).
FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "articles", f"`{ARTICLES_JSONL}`",
        "one complete nested record per line (sorted by id), with `start`/`end` offsets on every "
        "anchored span and a `content_sha256`",
    ),
    ExportFormat(
        "registries",
        ", ".join(f"`{row.release_file}`" for row in KINDS if row.kind != "article"),
        "the registries and vocabularies, one record per line",
    ),
    ExportFormat("tables", f"`{TABLES_DIR}/*.csv`", "the flat tables", in_card=False),
    ExportFormat(
        "datapackage", f"`{DATAPACKAGE}`",
        "Frictionless Data Package (v2): every table's schema, keys, size and SHA-256",
    ),
    ExportFormat("jsonld", f"`{JSONLD}`", "schema.org `NewsArticle` items in a `Dataset` graph"),
    ExportFormat(
        "parquet", f"`{PARQUET_DIR}/*.parquet`",
        "the tables as Parquet, only where the release was built with `pyarrow` installed (not "
        "committed, not in the wheel)",
        committed=False,
    ),
    ExportFormat("card", f"`{CARD}`", "this card", in_card=False),
)

#: Folder inside the installed package that holds the release (written by ``hatch_build.py``).
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
