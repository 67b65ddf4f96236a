"""``dataset/README.md``: the dataset card.

Hugging Face reads its front matter (``configs`` make every file loadable with
``datasets.load_dataset``); people read the datasheet sections (Gebru et al., "Datasheets for
Datasets"). Numbers in it come from :mod:`.summary`, so they always match the files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import yaml

from ..models.edtf import SUBSET
from ..models.kinds import KINDS
from .build_outputs import card_rows
from .container import Dataset
from .datapackage import ANNOTATION_LICENSE, TEXT_RIGHTS
from .duckdb import DUCKDB_SQL
from .features import model_features
from .names import ARTICLES_JSONL, DATAPACKAGE
from .nlp import (
    ATTRIBUTION_FEATURES,
    ATTRIBUTION_JSONL,
    NER_JSONL,
    NER_TAGS,
    ner_corpus,
    ner_features,
)
from .summary import summarize
from .tables import TABLES

#: Hugging Face configs besides ``articles``: the registries and vocabularies.
JSONL_CONFIGS = KINDS.sequence(lambda rows: tuple(r.collection for r in rows if r.kind != "article"))
#: The model each JSON Lines config holds (one line of its file), for its declared features.
CONFIG_MODELS: Mapping[str, type[Any]] = KINDS.view(
    lambda rows: {row.collection: row.release_model for row in rows})


#: The NLP configs: their files and hand-declared features.
NLP_CONFIGS: dict[str, tuple[str, Callable[[], list[dict[str, Any]]]]] = {
    "ner": (NER_JSONL, ner_features),
    "quote_attribution": (ATTRIBUTION_JSONL, lambda: ATTRIBUTION_FEATURES),
}


def dataset_info() -> list[dict[str, Any]]:
    """The card's ``dataset_info``: every config's features, so no tool has to guess a type."""
    return [
        *({"config_name": name, "features": model_features(model)}
          for name, model in CONFIG_MODELS.items()),
        *({"config_name": name, "features": features()}
          for name, (_, features) in NLP_CONFIGS.items()),
    ]


def _front_matter(release: Dataset) -> str:
    count = len(release.articles)
    size = "n<1K" if count < 1000 else "1K<n<10K" if count < 10000 else "10K<n<100K"
    lines = [
        "---",
        "pretty_name: iraq-ct-news",
        "language:",
        "- ar",
        "- en",
        # The annotations are CC BY 4.0; the Arabic texts stay their publishers' (not licensed
        # here), so the whole is "other", named and linked.
        "license: other",
        "license_name: cc-by-4.0-annotations-publisher-texts",
        f"license_link: {ANNOTATION_LICENSE['path']}",
        "multilinguality: multilingual",
        "size_categories:",
        f"- {size}",
        "task_categories:",
        "- token-classification",
        "- text-classification",
        "- summarization",
        "tags:",
        "- counter-terrorism",
        "- preventing-violent-extremism",
        "- iraq",
        "- news",
        "- cameo",
        "- quotation-attribution",
        "- event-extraction",
        # `datasets` picks one builder (JSON or CSV) for a whole repository, whatever each
        # config's files are, so only the JSON Lines files are configs; the CSV tables load with
        # load_dataset("csv", data_files=...).
        "configs:",
        "- config_name: articles",
        f"  data_files: {ARTICLES_JSONL}",
        "  default: true",
    ]
    for name in JSONL_CONFIGS:
        lines += [f"- config_name: {name}", f"  data_files: {name}.jsonl"]
    for name, (path, _) in NLP_CONFIGS.items():
        lines += [f"- config_name: {name}", f"  data_files: {path}"]
    info = yaml.safe_dump(
        {"dataset_info": dataset_info()}, sort_keys=False, allow_unicode=True, width=1 << 20
    )
    lines.append(info.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines)


def _ner_summary(release: Dataset) -> str:
    corpus = ner_corpus(release)
    stats = corpus.stats
    spans = sum(len(record["spans"]) for record in corpus.records)
    return (
        f"In this release: {len(corpus.records)} texts, {stats.tokens} tokens, {spans} "
        f"mentions, all of them whole tokens; {stats.article_splits} proclitic chains split "
        f"before the article, {stats.proclitic_boundaries} mention boundaries after another "
        f"proclitic chain, {stats.other_boundaries} elsewhere inside a word; "
        f"{corpus.nested} overlapping mentions left out of the BIO tags."
    )


def _table(rows: list[tuple[str, int]]) -> str:
    if not rows:
        return "(none)\n"
    return "\n".join(["| | count |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]) + "\n"


def render_card(release: Dataset) -> bytes:
    summary = summarize(release)
    date = release.released.isoformat() if release.released else "unreleased"
    file_list = card_rows()
    table_list = "\n".join(
        f"| `{t.path}` | {t.description} | {', '.join(t.primary_key)} |" for t in TABLES
    )
    quoted = [a for a in release.articles.values() if a.quotes and a.status == "active"]
    example_id = quoted[0].id if quoted else "<article-id>"
    text = f"""{_front_matter(release)}

# iraq-ct-news {release.version}

Hand-curated Arabic news articles (2016–2021) about international counter-terrorism (CT) and
preventing-violent-extremism (PVE) cooperation with Iraq. Every person, organisation and place
named, every direct quotation (who said it, how it was delivered), every event (coded with
CAMEO), every amount of money and every UN Security Council resolution cited is anchored to the
exact Arabic words it comes from, with code-point offsets.

Release {release.version} of {date} (the date is the latest `modified` date of any record).

**The English headlines (`headline.en`), summaries (`summary.en`, event and amount
descriptions) and notes are written by the curators; they are not the publishers' words.**
The Arabic text (`headline.ar`, `body`) is the publisher's, copied verbatim.

## Loading

```python
import iraq_ct_news as ictn          # installed from a clone or a built wheel (see the
ds = ictn.load()                     # repository's README): the release ships in the wheel
a = ds.articles["{example_id}"]
a.headline.ar, a.published.earliest, a.quotes[0].speaker
ds.entity(a.quotes[0].speaker).name.en
ds.search("داعش")                    # Arabic-normalised search
```

Every column has a declared type (`{DATAPACKAGE}`, and `dataset_info` above for
`datasets`); codes (`cameo`, `code`: `"040"`) and EDTF dates (`2018-04`) are strings, and no
tool should be left to guess them. With pandas, take the types from `{DATAPACKAGE}`:

```python
import json
import pandas as pd

PANDAS_TYPES = {{"string": "string", "integer": "Int64", "number": "Float64", "date": "string",
                "array": "string"}}
package = json.load(open("{DATAPACKAGE}", encoding="utf-8"))


def read_table(name):
    resource = next(r for r in package["resources"] if r["name"] == name)
    types = {{f["name"]: PANDAS_TYPES[f["type"]] for f in resource["schema"]["fields"]}}
    return pd.read_csv(resource["path"], dtype=types, keep_default_na=False, na_values=[""])


quotes = read_table("quotes").merge(read_table("people"), left_on="speaker_id", right_on="id")
articles = pd.read_json("{ARTICLES_JSONL}", lines=True, dtype=False)
```

DuckDB: `{DUCKDB_SQL}` declares every table as a typed view. In the DuckDB shell, from this
folder:

```sql
.read {DUCKDB_SQL}
SELECT p.name_en, count(*) FROM quotes q JOIN people p ON p.id = q.speaker_id
GROUP BY 1 ORDER BY 2 DESC;
```

In Python, from any folder (`file_search_path` is where the views' relative CSV paths are
looked up, so they keep working after a `chdir`):

```python
import pathlib
import duckdb

release = pathlib.Path(".").resolve()                # this folder, wherever it is
con = duckdb.connect()
quoted = str(release).replace("'", "''")              # a quote in the path, doubled for SQL
con.execute(f"SET file_search_path = '{{quoted}}'")
con.execute((release / "{DUCKDB_SQL}").read_text(encoding="utf-8"))
con.sql("SELECT p.name_en, count(*) FROM quotes q JOIN people p ON p.id = q.speaker_id "
        "GROUP BY 1 ORDER BY 2 DESC").fetchall()
```

With `datasets`, from this folder (`datasets` names a local dataset after its folder, so give
the folder's path, not `"."`):

```python
import pathlib
from datasets import load_dataset

here = str(pathlib.Path(".").resolve())
articles = load_dataset(here, "articles")   # or "people", "organizations", …
ner = load_dataset(here, "ner")             # tokens + ner_tags (ClassLabel, BIO)
```

```r
library(frictionless)
package <- read_package("datapackage.json")
quotes <- read_resource(package, "quotes")
```

## Files

| file | what |
|---|---|
{file_list}

| table | what | primary key |
|---|---|---|
{table_list}

Made on request, not shipped: `iraq-ct-news export sqlite PATH` writes a SQLite database (every
table with its primary and foreign keys, one-column keys Datasette follows, views
`quotes_with_speakers`, `mentions_with_entities` and `events_with_actors`, and a full-text index
`articles_fts` of each article's Arabic search key, which finds what `Dataset.search` finds) and
`NAME.metadata.json` for Datasette (a licence per table); with this package installed beside
Datasette, its search box normalises a query as the package does; `iraq-ct-news export spacy PATH` writes the NER corpus as a
spaCy `DocBin` (the `spacy` extra).

## NLP formats

Tokens rebuild the text exactly: `"".join(t + w for t, w in zip(tokens, whitespace))` is the
headline or the body. A token is a run of letters, digits and combining marks, or one other
character; a chain of proclitics (و ف, then ب ك ل) before the article ال is split off every
word (والعراق → و + العراق), and any other mention boundary inside a word splits it there (a
name glued to its preposition: لغوتيريش → ل + غوتيريش). Nothing is dropped or respelled
(لل stays لل). `ner_tags` are BIO over `{", ".join(NER_TAGS[1:])}` (PER person, ORG
organisation, LOC place); `spans` gives each mention's entity id and token range. Where two
mentions overlap, BIO keeps the outer one (the Web Annotations keep both).

{_ner_summary(release)}

Offsets (`start` inclusive, `end` exclusive) count Unicode code points (Python `str` indices,
W3C TextPositionSelector) into the text named by `scope`: `body` (default), `headline`
(`headline.ar`) or, for date evidence only, `seed` (the source document). Dates are EDTF
strings with their `earliest`/`latest` days as separate columns, in the {SUBSET}: a date is
never more precise than the text.

`content_sha256` is the SHA-256 of the record's canonical JSON (sorted keys, no whitespace,
UTF-8) without the lifecycle fields (`schema_version`, `revision`, `created`, `modified`), the
computed fields (`content_sha256`, `start`, `end`) and members that are null or equal to their
default: it changes exactly when the curated content changes.

## Motivation

Research on CT/PVE cooperation with Iraq relies on news reporting in Arabic, scattered across
UN agencies, Iraqi and regional outlets. This dataset makes a small, carefully verified set of
such articles queryable — who met whom, who said what, who pledged how much, which resolutions
are invoked — and provides gold annotations for Arabic NLP (named entities, quotation
attribution, event extraction) where every label can be checked against the text.

## Composition

| kind | records |
|---|---:|
""" + "\n".join(f"| {kind} | {count} |" for kind, count in summary.kinds.items()) + f"""

Withdrawn articles (tombstones kept so ids stay valid): {summary.withdrawn}. Counts of mentions,
quotes, events, amounts, resolutions and figures are over active articles.

Articles per publisher:

{_table(summary.publishers)}
Articles per publication year:

{_table(summary.years)}
Articles per theme:

{_table(summary.themes)}
Each article is a single news item in Modern Standard Arabic (`ar`). The dataset contains
names of public officials and quotations of their public statements as reported by the press;
it contains no private individuals' data beyond what the outlets published.

## Collection process

Articles were selected by the curators from public web pages of news outlets and UN agencies
reporting on CT/PVE cooperation with Iraq. Each source document is kept byte for byte in the
repository's `seeds/` folder with its SHA-256 (`seed_sha256`); a page header date is recorded
as a capture date, never as the publication date. A URL is given only where the source itself
shows one.

## Preprocessing and annotation

The body is the article text with site chrome removed (navigation, app promotions, image
alternative text, copyright footers, a repeated headline); nothing else is changed: each
paragraph occurs verbatim in the source (whitespace folded), in Unicode NFC, with no
presentation forms or bidirectional control characters. Every annotation quotes the words it
rests on (`exact`, with `prefix`/`suffix`/`occurrence` when the words repeat), and the build
proves each quotation occurs in the text before computing its offsets. Entities are resolved
to registries (one record per real-world entity, all spellings as aliases); external
identifiers are included only when verified. Publication and event dates are no more precise
than the evidence, which is quoted; inferred dates are explained in `notes.en`. Search in the
Python package (and the SQLite full-text index) normalises text and query alike on a separate
key (NFKC for presentation forms and ligatures, invisible and bidi characters dropped,
alef/hamza forms and hamza carriers, alef maqsura, ta marbuta, diacritics, tatweel,
Arabic-Indic digits); the stored text is never normalised.

## Uses and misuses

Suitable for: qualitative and quantitative study of CT/PVE cooperation as reported in Arabic
news; evaluating Arabic NER, entity linking, quotation attribution and event extraction on
small gold data; teaching with verifiable annotations.

Not suitable for: estimating the frequency or intensity of terrorism or of cooperation (the
articles are a curated selection, not a sample); attributing views to people beyond the quoted
words; training generative models on the publishers' texts (see licensing); any profiling of
individuals. The English summaries are interpretations by the curators, not sources.

## Distribution and licensing

Distributed as this folder in the repository and inside the `iraq-ct-news` Python wheel
(`iraq_ct_news.load()`). {TEXT_RIGHTS} The code is MIT-licensed. Cite the dataset with its
version ({release.version}).

## Maintenance

Records are versioned: a content change raises the record's `revision` and `modified` date;
records are never deleted — a withdrawn record stays as a tombstone with `status: withdrawn`,
`withdrawn_reason` and, when replaced, `superseded_by`. Ids never change. Each release's changes
are listed in `CHANGELOG.md` (`iraq-ct-news diff OLD NEW` lists added, modified and withdrawn
records). Corrections and new articles are contributed by pull request; the validator checks
every rule before a release is built.
"""
    return text.encode("utf-8")
