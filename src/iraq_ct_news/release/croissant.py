"""``croissant.json``: the release described in Croissant 1.0 with its Responsible AI fields.

Croissant (MLCommons) is what ML tooling reads to find a dataset's files, record sets and
fields: every CSV table is a ``FileObject`` (with its SHA-256) and a ``RecordSet`` whose fields
carry the declared types and the primary key. ``quotes_with_speakers`` is a joined record set
(quotes × people, through ``references``) that ``mlcroissant`` computes itself. The RAI fields restate the card's datasheet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .container import Dataset
from .datapackage import ANNOTATION_LICENSE, DESCRIPTION, NAME, TEXT_RIGHTS
from .publication import release_files, schema_org_dataset
from .tables import TABLES, ColumnType, Table

CROISSANT = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"

#: The standard Croissant 1.0 ``@context``.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_DATA_TYPES: dict[ColumnType, str] = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "date": "sc:Date",
    "array": "sc:Text",  # JSON text
}

#: The Responsible AI fields (Croissant RAI 1.0), from the datasheet in the card.
RAI: dict[str, Any] = {
    "rai:dataCollection": (
        "Articles were selected by the curators from public web pages of news outlets and UN "
        "agencies reporting on counter-terrorism and preventing-violent-extremism cooperation "
        "with Iraq. Each source document is kept byte for byte with its SHA-256."
    ),
    "rai:dataCollectionType": ["Manual Human Curation"],
    "rai:dataCollectionRawData": (
        "The source documents (web pages saved as text) are kept in the repository's seeds/ "
        "folder; the article body is their text with site chrome removed, otherwise verbatim."
    ),
    "rai:dataPreprocessingProtocol": (
        "Site chrome removed (navigation, promotions, image alternative text, footers, a "
        "repeated headline); text kept in Unicode NFC without presentation forms or "
        "bidirectional controls; nothing else changed. Search keys are computed apart from the "
        "stored text."
    ),
    "rai:dataAnnotationProtocol": (
        "Curators annotate every named person, organisation and place (resolved to registries), "
        "every direct quotation (speaker, delivery), event (CAMEO code), amount, Security "
        "Council resolution and figure, each quoting the exact words it rests on; the validator "
        "proves the words occur before offsets are computed. Dates are never more precise than "
        "the text. Machine proposals are not data until a curator confirms them."
    ),
    "rai:dataAnnotationPlatform": "YAML records in a git repository, checked by the "
    "iraq-ct-news validator.",
    "rai:machineAnnotationTools": "None: every annotation is made or confirmed by a curator.",
    "rai:dataUseCases": (
        "Qualitative and quantitative study of CT/PVE cooperation as reported in Arabic news; "
        "evaluating Arabic NER, entity linking, quotation attribution and event extraction on "
        "small gold data; teaching with verifiable annotations."
    ),
    "rai:dataBiases": (
        "A curated selection, not a sample: it over-represents UN agencies and official "
        "statements and the outlets the curators read; it says nothing about how often "
        "terrorism or cooperation occurs."
    ),
    "rai:dataLimitations": (
        "Small; English headlines and summaries are the curators' interpretations, not "
        "sources; publication dates may be known only to the month or year. Not suitable for "
        "training generative models on the publishers' texts."
    ),
    "rai:personalSensitiveInformation": (
        "Names of public officials and their public statements as reported by the press; no "
        "private individuals' data beyond what the outlets published. Not to be used for "
        "profiling individuals."
    ),
    "rai:dataSocialImpact": (
        "Makes reporting on international CT/PVE cooperation with Iraq verifiable and "
        "queryable; quotations must not be attributed beyond the quoted words."
    ),
    "rai:dataReleaseMaintenancePlan": (
        "Versioned releases: a content change raises a record's revision; records are never "
        "deleted but withdrawn as tombstones; ids never change; changes are listed in the "
        "changelog. Corrections arrive by pull request and are validated before release."
    ),
}


def _file_id(path: str) -> str:
    return path.replace("/", "-").replace(".", "-")


def _field(table: Table, column: Any) -> dict[str, Any]:
    return {
        "@type": "cr:Field",
        "@id": f"{table.name}/{column.name}",
        "name": column.name,
        "description": column.description,
        "dataType": _DATA_TYPES[column.type],
        "source": {
            "fileObject": {"@id": _file_id(table.path)},
            "extract": {"column": column.name},
        },
    }


def _record_set(table: Table) -> dict[str, Any]:
    # mlcroissant reads a field with ``references`` as an instruction to join the two record
    # sets (and cannot join a table to itself or to several others), so the per-table record
    # sets hold the columns as they are; the foreign keys are declared in datapackage.json and
    # the SQLite export, and the joined record set below is the join made explicit.
    record_set: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": table.name,
        "name": table.name,
        "description": table.description,
        "field": [_field(table, column) for column in table.columns],
    }
    primary = [{"@id": f"{table.name}/{name}"} for name in table.primary_key]
    record_set["key"] = primary[0] if len(primary) == 1 else primary
    return record_set


def _quotes_with_speakers() -> dict[str, Any]:
    """Quotes joined with the people registry on the speaker (quotes by an organisation have
    no row in people and are left out)."""
    quotes = _file_id("tables/quotes.csv")
    return {
        "@type": "cr:RecordSet",
        "@id": "quotes_with_speakers",
        "name": "quotes_with_speakers",
        "description": "Each quotation by a person, with the person's names (a join of "
        "quotes.speaker_id and people.id).",
        "field": [
            {"@type": "cr:Field", "@id": "quotes_with_speakers/article_id", "name": "article_id",
             "dataType": "sc:Text",
             "source": {"fileObject": {"@id": quotes}, "extract": {"column": "article_id"}}},
            {"@type": "cr:Field", "@id": "quotes_with_speakers/quote_id", "name": "quote_id",
             "dataType": "sc:Text",
             "source": {"fileObject": {"@id": quotes}, "extract": {"column": "quote_id"}}},
            {"@type": "cr:Field", "@id": "quotes_with_speakers/speaker_id", "name": "speaker_id",
             "dataType": "sc:Text",
             "source": {"fileObject": {"@id": quotes}, "extract": {"column": "speaker_id"}},
             "references": {"field": {"@id": "people/id"}}},
            {"@type": "cr:Field", "@id": "quotes_with_speakers/speaker_name_en",
             "name": "speaker_name_en", "dataType": "sc:Text",
             "source": {"field": {"@id": "people/name_en"}}},
            {"@type": "cr:Field", "@id": "quotes_with_speakers/speaker_name_ar",
             "name": "speaker_name_ar", "dataType": "sc:Text",
             "source": {"field": {"@id": "people/name_ar"}}},
        ],
    }


def render_croissant(release: Dataset, files: Mapping[str, bytes]) -> bytes:
    """The Croissant document; ``files`` are the release files listed as its distribution."""
    shared = schema_org_dataset(release, files)
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": NAME,
        "description": DESCRIPTION,
        "citeAs": shared.pop("citation"),
        "license": ANNOTATION_LICENSE["path"],
        "creator": [{"@type": "sc:Organization", "name": c["name"]} for c in shared.pop("creator")],
        **shared,
        "sdLicense": ANNOTATION_LICENSE["path"],
        "usageInfo": TEXT_RIGHTS,
        **RAI,
        "distribution": [
            {
                "@type": "cr:FileObject",
                "@id": _file_id(file.path),
                "name": file.path,
                "contentUrl": file.path,
                "encodingFormat": file.media_type,
                "contentSize": f"{file.size} B",
                "sha256": file.sha256,
            }
            for file in release_files(files)
        ],
        "recordSet": [*(_record_set(table) for table in TABLES), _quotes_with_speakers()],
    }
    document["spatialCoverage"] = {"@type": "sc:Place", "name": document["spatialCoverage"]["name"]}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
