"""``iraq-ct-news export spacy PATH``: the NER corpus as a spaCy ``DocBin`` (the ``spacy`` extra).

Each headline and body becomes a ``Doc`` made from the release's own tokens (:mod:`.tokens`),
so every mention is a whole-token entity: spaCy's blank Arabic tokenizer does not split
proclitics, and a name glued to و or ل would otherwise not align. spaCy's ``Doc`` allows one
space after a token; longer whitespace (a paragraph break) becomes a whitespace token of its
own, which is spaCy's convention, so ``doc.text`` is the text exactly. The ``DocBin`` is
written to a temporary file and renamed, like every file the package writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.writer import Writer
from .container import Dataset
from .nlp import ner_corpus


def _words(tokens: list[str], whitespace: list[str]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and spaces, and the index of each release token among the words."""
    words: list[str] = []
    spaces: list[bool] = []
    positions: list[int] = []
    for token, after in zip(tokens, whitespace, strict=True):
        positions.append(len(words))
        words.append(token)
        spaces.append(after == " ")
        if after not in ("", " "):
            words.append(after)  # a paragraph break: a whitespace token
            spaces.append(False)
    return words, spaces, positions


def docs(release: Dataset, nlp: Any) -> list[Any]:
    """The corpus as spaCy ``Doc`` objects on ``nlp``'s vocabulary (``user_data`` holds the
    article id and scope, each entity's ``kb_id_`` the entity id)."""
    from spacy.tokens import Doc, Span

    result = []
    for record in ner_corpus(release).records:
        words, spaces, positions = _words(record["tokens"], record["whitespace"])
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        doc.user_data["id"] = record["id"]
        doc.user_data["article_id"] = record["article_id"]
        doc.user_data["scope"] = record["scope"]
        doc.ents = [
            Span(doc, positions[span["token_start"]], positions[span["token_end"] - 1] + 1,
                 label=span["label"], kb_id=span["entity_id"])
            for span in record["spans"]
        ]
        result.append(doc)
    return result


def export_docbin(release: Dataset, path: Path) -> list[Path]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("ar")
    bin_ = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"], store_user_data=True)
    for doc in docs(release, nlp):
        bin_.add(doc)
    Writer(path.parent).write_path(path, bin_.to_bytes())
    return [path]
