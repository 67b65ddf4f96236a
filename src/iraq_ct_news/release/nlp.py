"""The NLP formats of the release, all made from the same spans with their offsets.

- ``ner.jsonl`` (Hugging Face config ``ner``): every active article's headline and body as
  tokens (:mod:`.tokens`, lossless) with BIO tags over person/organisation/place.
- ``quote_attribution.jsonl`` (config ``quote_attribution``): every quotation with its span, its
  speaker, the speaker's nearest mention and how the words were delivered.
- ``annotations.jsonld``: every mention and quotation as a W3C Web Annotation with a
  ``TextQuoteSelector`` and a ``TextPositionSelector``.

Withdrawn articles are tombstones, not training data, so only active articles are included.
"""

from __future__ import annotations

import json
import weakref
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..models import Article, Mention, Quote
from ..models.kinds import ENTITIES, KINDS
from .container import Dataset
from .jsonld import ANNOTATION_CONTEXT, article_iri, entity_iri
from .tokens import TokenStats, split_pieces

NER_JSONL = "ner.jsonl"
ATTRIBUTION_JSONL = "quote_attribution.jsonl"
ANNOTATIONS_JSONLD = "annotations.jsonld"

#: Entity kinds as CoNLL labels: PER, ORG, LOC (from the table of kinds).
KIND_LABELS: Mapping[str, str] = KINDS.view(
    lambda rows: {row.kind: row.ner_label for row in rows if row.entity})
#: The ``ner_tags`` class names, in ClassLabel order.
NER_TAGS = KINDS.sequence(lambda rows: ("O", *(
    f"{p}-{label}" for label in dict.fromkeys(row.ner_label for row in rows if row.entity)
    for p in ("B", "I"))))
SCOPES = ("headline", "body")
#: Characters of context in a TextQuoteSelector's prefix and suffix.
SELECTOR_CONTEXT = 20


def entity_kinds(release: Dataset) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for row in ENTITIES.values():
        kinds.update((key, row.kind) for key in release.of_kind(row))
    return kinds


def scope_text(article: Article, scope: str) -> str:
    return article.headline.ar if scope == "headline" else article.body


def _offsets(span: Mention | Quote) -> tuple[int, int]:
    if span.start is None or span.end is None:
        raise ValueError(f"span {span.exact!r} has no offsets (is this a built release?)")
    return span.start, span.end


def active_articles(release: Dataset) -> Iterator[Article]:
    return (article for article in release.articles.values() if article.status == "active")


@dataclass
class NerCorpus:
    records: list[dict[str, Any]]
    stats: TokenStats
    nested: int
    """Mentions left out of the BIO tags because they lie inside or across another mention."""


def outermost_mentions(mentions: list[Mention]) -> tuple[list[Mention], int]:
    """The mentions BIO can hold (no two overlapping; the longer, then earlier, wins)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (_offsets(m)[0], -_offsets(m)[1])):
        if kept and _offsets(mention)[0] < _offsets(kept[-1])[1]:
            continue
        kept.append(mention)
    return kept, len(mentions) - len(kept)


_last_corpus: tuple[weakref.ref[Dataset], NerCorpus] | None = None


def ner_corpus(release: Dataset) -> NerCorpus:
    """The NER records of ``release`` (tokenized once per release: ``ner.jsonl``, the card's
    summary and the DocBin export all read the same corpus, so the last one made is kept for as
    long as its release lives)."""
    global _last_corpus
    if _last_corpus is not None and _last_corpus[0]() is release:
        return _last_corpus[1]
    corpus = _make_ner_corpus(release)
    _last_corpus = (weakref.ref(release), corpus)
    return corpus


def _make_ner_corpus(release: Dataset) -> NerCorpus:
    kinds = entity_kinds(release)
    stats = TokenStats()
    nested = 0
    records: list[dict[str, Any]] = []
    for article in active_articles(release):
        for scope in SCOPES:
            text = scope_text(article, scope)
            mentions, dropped = outermost_mentions([m for m in article.mentions if m.scope == scope])
            nested += dropped
            boundaries = [edge for m in mentions for edge in _offsets(m)]
            pieces = split_pieces(text, boundaries, stats)
            records.append(_ner_record(article, scope, pieces, mentions, kinds))
    return NerCorpus(records, stats, nested)


def _ner_record(article: Article, scope: str, pieces: tuple[list[str], list[int], list[str]],
                mentions: list[Mention], kinds: dict[str, str]) -> dict[str, Any]:
    texts, starts, spaces = pieces
    tags = [0] * len(texts)
    spans = []
    for mention in mentions:
        start, end = _offsets(mention)
        first, last = _token_starting(starts, start), _token_ending(texts, starts, end) + 1
        label = KIND_LABELS[kinds[mention.entity]]
        tags[first] = NER_TAGS.current().index(f"B-{label}")
        for i in range(first + 1, last):
            tags[i] = NER_TAGS.current().index(f"I-{label}")
        spans.append({"entity_id": mention.entity, "label": label, "token_start": first,
                      "token_end": last, "start": start, "end": end})
    return {
        "id": f"{article.id}#{scope}",
        "article_id": article.id,
        "scope": scope,
        "tokens": texts,
        "whitespace": spaces,
        "ner_tags": tags,
        "spans": spans,
    }


def _token_starting(starts: list[int], offset: int) -> int:
    """The index of the token that starts at ``offset`` (the splitter cut there)."""
    index = bisect_left(starts, offset)
    if index == len(starts) or starts[index] != offset:
        raise KeyError(offset)
    return index


def _token_ending(texts: list[str], starts: list[int], offset: int) -> int:
    """The index of the token that ends at ``offset``: the last one starting before it."""
    index = bisect_left(starts, offset) - 1
    if index < 0 or starts[index] + len(texts[index]) != offset:
        raise KeyError(offset)
    return index


def _span(span: Mention | Quote) -> dict[str, Any]:
    start, end = _offsets(span)
    return {"exact": span.exact, "scope": span.scope, "start": start, "end": end}


def speaker_mention(article: Article, quote: Quote) -> Mention | None:
    """The speaker's mention nearest the quotation in its text: the last one before it, else
    the first one after it; None when the article does not name the speaker there."""
    start, _ = _offsets(quote)
    candidates = [m for m in article.mentions
                  if m.entity == quote.speaker and m.scope == quote.scope]
    before = [m for m in candidates if _offsets(m)[1] <= start]
    if before:
        return max(before, key=lambda m: _offsets(m)[1])
    after = [m for m in candidates if _offsets(m)[0] >= start]
    return min(after, key=lambda m: _offsets(m)[0]) if after else None


def attribution_records(release: Dataset) -> list[dict[str, Any]]:
    kinds = entity_kinds(release)
    records = []
    for article in active_articles(release):
        for quote in article.quotes:
            mention = speaker_mention(article, quote)
            records.append({
                "id": f"{article.id}/{quote.id}",
                "article_id": article.id,
                "quote_id": quote.id,
                "quote": _span(quote),
                "speaker_id": quote.speaker,
                "speaker_kind": kinds[quote.speaker],
                "speaker_mention": _span(mention) if mention is not None else None,
                "delivery": quote.delivery,
                "delivered_by_id": quote.delivered_by,
                "on_behalf_of_id": quote.on_behalf_of,
                "event_id": quote.event,
            })
    return records


def _jsonl(records: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        for record in records
    )


def render_ner(release: Dataset) -> bytes:
    return _jsonl(ner_corpus(release).records)


def render_attribution(release: Dataset) -> bytes:
    return _jsonl(attribution_records(release))


# -- W3C Web Annotation ------------------------------------------------------------------------

def text_iri(article_id: str, scope: str) -> str:
    """The IRI of one text of an article (its body or its Arabic headline)."""
    return f"{article_iri(article_id)}/{scope}"


def _target(article: Article, span: Mention | Quote) -> dict[str, Any]:
    start, end = _offsets(span)
    text = scope_text(article, span.scope)
    return {
        "source": text_iri(article.id, span.scope),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": span.exact,
                "prefix": text[max(0, start - SELECTOR_CONTEXT) : start],
                "suffix": text[end : end + SELECTOR_CONTEXT],
            },
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }


def web_annotations(release: Dataset) -> list[dict[str, Any]]:
    kinds = entity_kinds(release)
    items: list[dict[str, Any]] = []
    for article in active_articles(release):
        for index, mention in enumerate(article.mentions):
            items.append({
                "id": f"{article_iri(article.id)}/mention/{index}",
                "type": "Annotation",
                "motivation": "identifying",
                "body": [
                    {"type": "SpecificResource", "source": entity_iri(mention.entity),
                     "purpose": "identifying"},
                    {"type": "TextualBody", "value": KIND_LABELS[kinds[mention.entity]],
                     "purpose": "classifying"},
                ],
                "target": _target(article, mention),
            })
        for quote in article.quotes:
            items.append({
                "id": f"{article_iri(article.id)}/quote/{quote.id}",
                "type": "Annotation",
                "motivation": "tagging",
                "body": [
                    {"type": "TextualBody", "value": "direct-quotation", "purpose": "tagging"},
                    {"type": "SpecificResource", "source": entity_iri(quote.speaker),
                     "purpose": "identifying"},
                    {"type": "TextualBody", "value": quote.delivery, "purpose": "describing"},
                ],
                "target": _target(article, quote),
            })
    return items


def render_annotations(release: Dataset) -> bytes:
    items = web_annotations(release)
    document = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:iraq-ct-news:annotations:{release.version}",
        "type": "AnnotationCollection",
        "label": f"iraq-ct-news {release.version}: mentions and quotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    # One annotation per line: small, and a changed span is a one-line diff.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    text = text.replace(',{"id":"urn:iraq-ct-news:article:', ',\n{"id":"urn:iraq-ct-news:article:')
    return (text + "\n").encode("utf-8")


# -- Hugging Face features of the two configs ---------------------------------------------------

def _string(name: str) -> dict[str, Any]:
    return {"name": name, "dtype": "string"}


def _int(name: str) -> dict[str, Any]:
    return {"name": name, "dtype": "int64"}


def _span_features() -> list[dict[str, Any]]:
    """Fresh objects each time: YAML would write a shared list as an anchor and an alias,
    which ``datasets`` does not read back."""
    return [_string("exact"), _string("scope"), _int("start"), _int("end")]


def ner_features() -> list[dict[str, Any]]:
    """The features of ``ner.jsonl`` (its tag names follow the table of kinds)."""
    return [
        _string("id"),
        _string("article_id"),
        _string("scope"),
        {"name": "tokens", "list": "string"},
        {"name": "whitespace", "list": "string"},
        {"name": "ner_tags",
         "list": {"class_label": {"names": {str(i): tag for i, tag in enumerate(NER_TAGS)}}}},
        {"name": "spans", "list": [_string("entity_id"), _string("label"), _int("token_start"),
                                   _int("token_end"), _int("start"), _int("end")]},
    ]


ATTRIBUTION_FEATURES: list[dict[str, Any]] = [
    _string("id"),
    _string("article_id"),
    _string("quote_id"),
    {"name": "quote", "struct": _span_features()},
    _string("speaker_id"),
    _string("speaker_kind"),
    {"name": "speaker_mention", "struct": _span_features()},
    _string("delivery"),
    _string("delivered_by_id"),
    _string("on_behalf_of_id"),
    _string("event_id"),
]
