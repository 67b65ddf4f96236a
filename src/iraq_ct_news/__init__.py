"""iraq-ct-news: a curated, verifiable dataset of Arabic news on counter-terrorism cooperation
with Iraq.

Importing the package is cheap: models and loaders (and pydantic) load on first use::

    import iraq_ct_news as ictn
    ds = ictn.load()                 # the release shipped with the package
    ds.articles, ds.people, ds.entity("..."), ds.search("داعش")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core._version import SCHEMA_VERSION, __version__
from .core.errors import BuildError, IraqCtNewsError, ReaderError, UsageError, ValidationError

if TYPE_CHECKING:
    from .models import (
        Article,
        CameoEntry,
        Edtf,
        Organization,
        Person,
        Place,
        Theme,
    )
    from .release.curated import load_curated
    from .release.dataset import Dataset, EntityMentions, load

#: Version of the data in the release; the package and the data are released together.
DATA_VERSION = __version__

_LAZY = {
    "Article": "models",
    "CameoEntry": "models",
    "Edtf": "models",
    "Organization": "models",
    "Person": "models",
    "Place": "models",
    "Theme": "models",
    "Dataset": "release.dataset",
    "EntityMentions": "release.dataset",
    "load": "release.dataset",
    "load_curated": "release.curated",
}

__all__ = [
    "DATA_VERSION",
    "SCHEMA_VERSION",
    "Article",
    "BuildError",
    "CameoEntry",
    "Dataset",
    "Edtf",
    "EntityMentions",
    "IraqCtNewsError",
    "Organization",
    "Person",
    "Place",
    "ReaderError",
    "Theme",
    "UsageError",
    "ValidationError",
    "__version__",
    "load",
    "load_curated",
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
