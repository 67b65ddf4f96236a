"""What a build writes into ``dataset/``, in one table: each output in the order the build
writes it, and what the dataset card's "Files" table says of it.

(The exports written on request by ``iraq-ct-news export`` are in :mod:`.exports_on_request`.)

The build renders the outputs in this order (a later one may describe the files before it: the
Data Package lists the JSON Lines and CSV files, JSON-LD and Croissant every file written before
them); the card lists them in ``card_order``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.kinds import KINDS
from .croissant import CROISSANT
from .duckdb import DUCKDB_SQL
from .names import ARTICLES_JSONL, CARD, DATAPACKAGE, JSONLD, PARQUET_DIR, TABLES_DIR
from .nlp import ANNOTATIONS_JSONLD, ATTRIBUTION_JSONL, NER_JSONL


@dataclass(frozen=True)
class BuildOutput:
    """One output of a build: a file or a set of files of ``dataset/``."""

    name: str
    """How the build names its renderer."""
    files: str
    """Its files, as the card names them."""
    what: str
    """What they hold, for the card."""
    card_order: int | None
    """Its row in the card's "Files" table (None: not listed there; the tables have a table
    of their own, and the card does not list itself)."""
    committed: bool = True
    """Written to ``dataset/`` by every build and compared by ``build --check`` (Parquet is
    neither: its bytes depend on the pyarrow version)."""


BUILD_OUTPUTS: tuple[BuildOutput, ...] = (
    BuildOutput(
        "articles", f"`{ARTICLES_JSONL}`",
        "one complete nested record per line (sorted by id), with `start`/`end` offsets on every "
        "anchored span and a `content_sha256`",
        card_order=1,
    ),
    BuildOutput(
        "registries",
        ", ".join(f"`{row.release_file}`" for row in KINDS if row.kind != "article"),
        "the registries and vocabularies, one record per line",
        card_order=2,
    ),
    BuildOutput("tables", f"`{TABLES_DIR}/*.csv`", "the flat tables", card_order=None),
    BuildOutput(
        "datapackage", f"`{DATAPACKAGE}`",
        "Frictionless Data Package (v2): every table's schema, keys, size and SHA-256",
        card_order=3,
    ),
    BuildOutput(
        "duckdb", f"`{DUCKDB_SQL}`", "every table as a DuckDB view with its declared types",
        card_order=9,
    ),
    BuildOutput(
        "ner", f"`{NER_JSONL}`",
        "config `ner`: each active article's headline and body as `tokens`, `whitespace` and "
        "`ner_tags` (see *NLP formats*)",
        card_order=6,
    ),
    BuildOutput(
        "attribution", f"`{ATTRIBUTION_JSONL}`",
        "config `quote_attribution`: each quotation's span, speaker, the speaker's nearest "
        "mention and the delivery",
        card_order=7,
    ),
    BuildOutput(
        "annotations", f"`{ANNOTATIONS_JSONLD}`",
        "W3C Web Annotations: every mention (`identifying`) and quotation (`tagging`) with a "
        "TextQuoteSelector and a TextPositionSelector",
        card_order=8,
    ),
    BuildOutput(
        "jsonld", f"`{JSONLD}`",
        "schema.org `NewsArticle` items in a `Dataset` graph (creator, licences, distribution "
        "with SHA-256, coverage)",
        card_order=4,
    ),
    BuildOutput(
        "croissant", f"`{CROISSANT}`",
        "Croissant 1.0 metadata with the Responsible AI fields: files, record sets, fields and "
        "types, and a joined record set `quotes_with_speakers` "
        f"(`mlcroissant.Dataset(\"{CROISSANT}\")`; mlcroissant reads CSV with pandas' type "
        "guessing, so take codes such as `\"040\"` from the other readers)",
        card_order=5,
    ),
    BuildOutput("card", f"`{CARD}`", "this card", card_order=None),
    BuildOutput(
        "parquet", f"`{PARQUET_DIR}/*.parquet`",
        "the tables as Parquet, only where the release was built with `pyarrow` installed (not "
        "committed, not in the wheel)",
        card_order=10, committed=False,
    ),
)


def card_rows() -> str:
    """The rows of the card's "Files" table."""
    listed = sorted((f for f in BUILD_OUTPUTS if f.card_order is not None),
                    key=lambda f: f.card_order or 0)
    return "\n".join(f"| {f.files} | {f.what} |" for f in listed)
