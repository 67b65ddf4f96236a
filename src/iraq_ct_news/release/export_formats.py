"""The formats ``iraq-ct-news export`` writes on request: their names and what each is.

Apart from the writers (:mod:`.exports_on_request`) so that ``--help`` can list the formats
without loading the models, the compiler or an export's library.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestedFormat:
    """One format ``iraq-ct-news export FORMAT PATH`` writes."""

    name: str
    description: str
    requires: str = ""
    """The extra the format needs (``pip install "iraq-ct-news[EXTRA]"``), if any."""


REQUESTED_FORMATS: dict[str, RequestedFormat] = {
    fmt.name: fmt
    for fmt in (
        RequestedFormat(
            "sqlite",
            "SQLite database with keys, join views and an Arabic full-text index, and a "
            "Datasette metadata file beside it (NAME.metadata.json)",
        ),
        RequestedFormat(
            "spacy",
            "spaCy DocBin of the article bodies with their entity spans, tokenised by the "
            "release's clitic policy (needs the spacy extra)",
            requires="spacy",
        ),
    )
}
