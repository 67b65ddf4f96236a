"""``articles.jsonld``: the articles as schema.org ``NewsArticle`` items in a ``Dataset`` graph.

For linked-data and search-engine tooling: each article with its headline, publisher, date,
themes and the people, organisations and places it mentions (with ``sameAs`` links to
verified external identifiers), all parts of one schema.org ``Dataset``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..models import Article, Edtf, Organization, Person, Place
from ..models.kinds import ENTITIES
from .container import Dataset
from .datapackage import DESCRIPTION, NAME, PACKAGE_ID
from .publication import LICENSES, release_files, schema_org_dataset

_IDENTIFIER_URLS = {
    "wikidata": "https://www.wikidata.org/wiki/{}",
    "wikipedia": "{}",  # the value is the article's address
    "viaf": "https://viaf.org/viaf/{}",
    "isni": "https://isni.org/isni/{}",
    "ror": "https://ror.org/{}",
    "geonames": "https://sws.geonames.org/{}/",
}


#: The W3C Web Annotation context (``http://www.w3.org/ns/anno.jsonld``), cut to the terms
#: ``annotations.jsonld`` uses and written inline, each term with the IRI and type the W3C
#: context gives it: the file yields the same RDF, and rdflib, pyld and other JSON-LD tools read
#: it with no network (a remote context is fetched on every parse, and fails offline).
ANNOTATION_CONTEXT: dict[str, Any] = {
    "oa": "http://www.w3.org/ns/oa#",
    "as": "http://www.w3.org/ns/activitystreams#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": {"@type": "@id", "@id": "@id"},
    "type": {"@type": "@id", "@id": "@type"},
    "Annotation": "oa:Annotation",
    "AnnotationCollection": "as:OrderedCollection",
    "AnnotationPage": "as:OrderedCollectionPage",
    "SpecificResource": "oa:SpecificResource",
    "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "classifying": "oa:classifying",
    "describing": "oa:describing",
    "identifying": "oa:identifying",
    "tagging": "oa:tagging",
    "body": {"@type": "@id", "@id": "oa:hasBody"},
    "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "items": {"@type": "@id", "@id": "as:items", "@container": "@list"},
    "first": {"@type": "@id", "@id": "as:first"},
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "value": "rdf:value",
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "label": "rdfs:label",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
}


def article_iri(article_id: str) -> str:
    return f"urn:iraq-ct-news:article:{article_id}"


def entity_iri(entity_id: str) -> str:
    return f"urn:iraq-ct-news:entity:{entity_id}"


def _schema_date(date: Edtf) -> str | None:
    """An EDTF date as a schema.org (ISO 8601) date, when it is one plain point."""
    if date.is_interval or date.uncertain or date.approximate:
        return None
    return date.text


def _entity_node(schema_type: str, record: Person | Organization | Place) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": entity_iri(record.id),
        "@type": schema_type,
        "identifier": record.id,
        "name": [
            {"@value": record.name.en, "@language": "en"},
            {"@value": record.name.ar, "@language": "ar"},
        ],
    }
    if record.aliases:
        node["alternateName"] = list(record.aliases)
    same_as = [
        _IDENTIFIER_URLS[identifier.scheme].format(identifier.value)
        for identifier in record.identifiers
    ]
    if same_as:
        node["sameAs"] = same_as
    if isinstance(record, Organization) and record.parent is not None:
        node["parentOrganization"] = {"@id": entity_iri(record.parent)}
    if isinstance(record, Place) and record.coordinates is not None:
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": record.coordinates.lat,
            "longitude": record.coordinates.lon,
        }
    return node


def _article_node(article: Article, theme_labels: dict[str, str]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": article_iri(article.id),
        "@type": "NewsArticle",
        "identifier": article.id,
        "inLanguage": article.language,
        "headline": article.headline.ar,
        "alternativeHeadline": {"@value": article.headline.en, "@language": "en"},
        "abstract": {"@value": article.summary.en, "@language": "en"},
        "articleBody": article.body,
        "publisher": {"@id": entity_iri(article.source.publisher)},
        "copyrightHolder": {"@id": entity_iri(article.source.publisher)},
        "version": str(article.revision),
        "dateModified": article.modified.isoformat(),
        "creativeWorkStatus": article.status,
    }
    published = _schema_date(article.published) if article.published is not None else None
    if published is not None:
        node["datePublished"] = published
    elif article.published is not None:
        node["temporalCoverage"] = article.published.text
    if article.source.url is not None:
        node["url"] = article.source.url
    if article.source.byline is not None:
        node["author"] = article.source.byline
    entities = sorted({mention.entity for mention in article.mentions})
    if entities:
        node["mentions"] = [{"@id": entity_iri(entity)} for entity in entities]
    if article.themes:
        node["keywords"] = [theme_labels.get(theme, theme) for theme in article.themes]
    return node


def render_jsonld(release: Dataset, files: Mapping[str, bytes]) -> bytes:
    """The graph; ``files`` are the release files the Dataset node lists as its distribution
    (by release-relative path, with their bytes for the checksums)."""

    theme_labels = {theme.id: theme.label.en for theme in release.themes.values()}
    dataset: dict[str, Any] = {
        "@id": PACKAGE_ID,
        "@type": "Dataset",
        "identifier": PACKAGE_ID,
        "name": NAME,
        "description": DESCRIPTION,
        **schema_org_dataset(release, files),
        "license": [{"@id": iri} for iri in LICENSES],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": file.path,
                "contentUrl": file.path,
                "encodingFormat": file.media_type,
                "contentSize": f"{file.size} B",
                "sha256": file.sha256,
            }
            for file in release_files(files)
        ],
        "hasPart": [{"@id": article_iri(article.id)} for article in release.articles.values()],
    }
    graph: list[dict[str, Any]] = [dataset]
    graph.extend(_article_node(article, theme_labels) for article in release.articles.values())
    for row in ENTITIES.values():
        graph.extend(_entity_node(row.schema_org, record)  # type: ignore[arg-type]
                     for record in release.of_kind(row).values())
    document = {"@context": {"@vocab": "https://schema.org/"}, "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
