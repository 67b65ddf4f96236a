"""File names of a release and where an installed package keeps its copy.

Written once here (the JSON Lines names come from the table of kinds) so the builder, the
loader and the dataset card cannot disagree about them; the wheel's build hook
(``hatch_build.py``) writes the packaged copy to the folder :data:`PACKAGED_RELEASE` names and
``tests/test_packaging.py`` checks that the two agree.
"""

from __future__ import annotations

from pathlib import Path

from ..models.kinds import BY_KIND
from ..models.layout import DATASET

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
