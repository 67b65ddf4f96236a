"""A downstream user's script: what `mypy --strict` must accept against the public API.

tests/test_typing.py type-checks it and runs it against a built release, so the API that the
type checker sees is the one that works.
"""

from __future__ import annotations

import datetime
import sys
from collections import Counter

import iraq_ct_news as ictn


def speakers(ds: ictn.Dataset) -> Counter[str]:
    """How often each speaker is quoted, by English name."""
    counts: Counter[str] = Counter()
    for article in ds.articles.values():
        if article.status != "active":
            continue
        for quote in article.quotes:
            counts[ds.entity(quote.speaker).name.en] += 1
    return counts


def first_published(ds: ictn.Dataset) -> datetime.date | None:
    # `published` is None for an undated page (record format 1.2.0).
    dates = [a.published.earliest for a in ds.articles.values()
             if a.published is not None and a.published.earliest]
    return min(dates) if dates else None


def describe(path: str | None) -> str:
    ds: ictn.Dataset = ictn.load(path)
    article: ictn.Article = next(iter(ds.articles.values()))
    span_text = [article.body[m.start : m.end] for m in article.mentions if m.start is not None]
    person: ictn.Person = next(iter(ds.people.values()))
    theme: ictn.Theme = next(iter(ds.themes.values()))
    hits: list[ictn.Article] = ds.search(article.headline.ar.split()[0])
    edtf: ictn.Edtf | None = article.published
    lines = [
        f"version {ds.version} (package {ictn.__version__}, data {ictn.DATA_VERSION})",
        f"articles {len(ds.articles)}, first published {first_published(ds)}",
        f"speakers {dict(speakers(ds))}",
        f"mentions {len(span_text)}, person {person.name.en}, theme {theme.label.en}",
        f"hits {len(hits)}, precision {edtf.precision if edtf else 'undated'}",
    ]
    try:
        ictn.load_curated("/nonexistent")
    except ictn.IraqCtNewsError as error:
        lines.append(f"error {type(error).__name__}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe(sys.argv[1] if len(sys.argv) > 1 else None))
