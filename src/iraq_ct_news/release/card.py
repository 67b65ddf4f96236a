"""``dataset/README.md``: the dataset card.

Hugging Face reads its front matter (``configs`` make every file loadable with
``datasets.load_dataset``); people read the datasheet sections (Gebru et al., "Datasheets for
Datasets"). Numbers in it come from :mod:`.summary`, so they always match the files.
"""

from __future__ import annotations

from ..kinds import KINDS
from .compile import Release
from .datapackage import TEXT_RIGHTS
from .names import ARTICLES_JSONL, DATAPACKAGE, JSONLD, PARQUET_DIR
from .summary import summarize
from .tables import TABLES

#: Hugging Face configs besides ``articles``: the registries and vocabularies.
JSONL_CONFIGS = tuple(row.collection for row in KINDS if row.kind != "article")


def _front_matter(release: Release) -> str:
    count = len(release.articles)
    size = "n<1K" if count < 1000 else "1K<n<10K" if count < 10000 else "10K<n<100K"
    lines = [
        "---",
        "pretty_name: iraq-ct-news",
        "language:",
        "- ar",
        "- en",
        "license: other",
        "license_name: cc-by-4.0-annotations",
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
    lines.append("---")
    return "\n".join(lines)


def _table(rows: list[tuple[str, int]]) -> str:
    if not rows:
        return "(none)\n"
    return "\n".join(["| | count |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]) + "\n"


def render_card(release: Release) -> bytes:
    summary = summarize(
        release.articles, release.people, release.organizations, release.places, release.themes
    )
    date = release.released.isoformat() if release.released else "unreleased"
    table_list = "\n".join(
        f"| `{t.path}` | {t.description} | {', '.join(t.primary_key)} |" for t in TABLES
    )
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
import iraq_ct_news as ictn          # pip install iraq-ct-news: the release ships in the wheel
ds = ictn.load()
a = ds.articles["<article-id>"]
a.headline.ar, a.published.earliest, a.quotes[0].speaker
ds.entity(a.quotes[0].speaker).name.en
ds.search("داعش")                    # Arabic-normalised search
```

```python
import pandas as pd
quotes = pd.read_csv("tables/quotes.csv")
people = pd.read_csv("tables/people.csv")
quotes.merge(people, left_on="speaker_id", right_on="id")
```

```sql
-- DuckDB
SELECT p.name_en, count(*) FROM 'tables/quotes.csv' q
JOIN 'tables/people.csv' p ON p.id = q.speaker_id GROUP BY 1 ORDER BY 2 DESC;
```

```python
from datasets import load_dataset
articles = load_dataset("path/to/dataset", "articles")   # or "people", "organizations", …
quotes = load_dataset("csv", data_files="path/to/dataset/tables/quotes.csv")
```

```r
library(frictionless)
package <- read_package("datapackage.json")
quotes <- read_resource(package, "quotes")
```

## Files

| file | what |
|---|---|
| `{ARTICLES_JSONL}` | one complete nested record per line (sorted by id), with `start`/`end` offsets on every anchored span and a `content_sha256` |
| `people.jsonl`, `organizations.jsonl`, `places.jsonl`, `themes.jsonl`, `cameo.jsonl` | the registries and vocabularies, one record per line |
| `{DATAPACKAGE}` | Frictionless Data Package (v2): every table's schema, keys, size and SHA-256 |
| `{JSONLD}` | schema.org `NewsArticle` items in a `Dataset` graph |
| `{PARQUET_DIR}/*.parquet` | the tables as Parquet, only where the release was built with `pyarrow` installed (not committed, not in the wheel) |

| table | what | primary key |
|---|---|---|
{table_list}

Offsets (`start` inclusive, `end` exclusive) count Unicode code points (Python `str` indices,
W3C TextPositionSelector) into the text named by `scope`: `body` (default), `headline`
(`headline.ar`) or, for date evidence only, `seed` (the source document). Dates are EDTF
strings (`2018`, `2018-04`, `2018-04-11`, intervals `A/B`, `?`/`~` qualifiers) with their
`earliest`/`latest` days as separate columns: a date is never more precise than the text.

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
Python package normalises Arabic (alef/hamza forms, alef maqsura, ta marbuta, diacritics,
tatweel, Arabic-Indic digits) on a separate key; the stored text is never normalised.

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
