"""``iraq-ct-news search TEXT`` and ``search --entity ID``: articles containing a word or phrase
(Arabic-normalised), or naming an entity."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ._options import add_output_format_option, add_path_option

#: Position in `iraq-ct-news --help`.
ORDER = 50


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="find articles containing a word or phrase (Arabic-normalised), or naming an entity",
        description="List the articles whose headline, English summary, body or mentions "
        "contain TEXT. The query is normalised like the text: Unicode NFC/NFKC (presentation "
        "forms and ligatures such as ﻻ), invisible and bidi characters (ZWNJ, RLM), alef/hamza "
        "forms and hamza carriers, alef maqsura and ya, ta marbuta and ha, diacritics, "
        "tatweel, Arabic-Indic digits, letter case and spacing do not matter. With --entity ID, "
        "list the articles that mention that person, organisation or place, with the spans.",
    )
    parser.add_argument("text", metavar="TEXT", nargs="?", help="word or phrase to look for")
    parser.add_argument("--entity", metavar="ID", help="list the mentions of this entity id")
    parser.add_argument("--limit", type=int, default=50, help="show at most this many (50)")
    add_output_format_option(parser)
    add_path_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import UsageError
    from ..release.dataset import load

    if args.text is None and args.entity is None:
        raise UsageError(
            "say what to look for: `iraq-ct-news search TEXT` (a word or phrase) or "
            "`iraq-ct-news search --entity ID` (the articles naming a person, organisation "
            "or place)"
        )
    if args.text is not None and args.entity is not None:
        raise UsageError("give either TEXT or --entity ID, not both")
    dataset = load(args.path)
    if args.entity is not None:
        return _entity(dataset, args)
    return _text(dataset, args)


def _article_summary(article: Any) -> dict[str, Any]:
    return {
        "id": article.id,
        "status": article.status,
        "published": article.published.text if article.published else None,
        "publisher": article.source.publisher,
        "headline_ar": article.headline.ar,
        "headline_en": article.headline.en,
    }


def _text(dataset: Any, args: argparse.Namespace) -> int:
    from ..core.errors import UsageError
    from ..release.search import snippet, text_key

    if not text_key(args.text):
        raise UsageError("the search text is empty once normalised")
    hits = dataset.search(args.text)
    shown = hits[: max(args.limit, 0)]
    found = [(article, _first_snippet(article, args.text, snippet)) for article in shown]
    if args.output_format == "json":
        results = []
        for article, (field, cut) in found:
            entry = _article_summary(article)
            if cut is not None:
                entry["snippet"] = {"field": field, "before": cut.before, "match": cut.match,
                                    "after": cut.after}
            results.append(entry)
        _print_json({"query": args.text, "normalised": text_key(args.text),
                     "total": len(hits), "results": results})
        return 0
    print(f"{len(hits)} article(s) match {args.text!r}")
    for article, (_, cut) in found:
        status = " [withdrawn]" if article.status == "withdrawn" else ""
        print(f"\n{article.id}  {article.published or 'undated'}  {article.source.publisher}{status}")
        print(f"  {article.headline.ar}")
        print(f"  {article.headline.en}")
        if cut is not None:
            print(f"  …{cut.before}[{cut.match}]{cut.after}…")
    if len(hits) > args.limit:
        print(f"\n({len(hits) - args.limit} more; use --limit)")
    return 0


def _first_snippet(article: Any, query: str, snippet: Any) -> tuple[str, Any]:
    for field, text in (("body", article.body), ("headline.ar", article.headline.ar),
                        ("summary.en", article.summary.en)):
        cut = snippet(text, query)
        if cut is not None:
            return field, cut
    return "", None


def _entity(dataset: Any, args: argparse.Namespace) -> int:
    import difflib

    from ..core.errors import UsageError
    from ..models.kinds import ENTITIES, one_of

    known = [key for row in ENTITIES.values() for key in dataset.of_kind(row)]
    # Ids are lower-case: `--entity UNODC` means unodc.
    args.entity = next((key for key in known if key.casefold() == args.entity.casefold()),
                       args.entity)
    try:
        entity = dataset.entity(args.entity)
    except KeyError:
        close = difflib.get_close_matches(args.entity, known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        kinds = one_of([row.prose_label for row in ENTITIES.values()])
        raise UsageError(f"no {kinds} has the id {args.entity!r}{hint}") from None
    hits = dataset.mentions_of(args.entity)
    shown = hits[: max(args.limit, 0)]
    if args.output_format == "json":
        _print_json({
            "entity": {"id": entity.id, "name_en": entity.name.en, "name_ar": entity.name.ar},
            "total": len(hits),
            "results": [
                {**_article_summary(hit.article),
                 "mentions": [{"exact": m.exact, "scope": m.scope, "start": m.start,
                               "end": m.end} for m in hit.mentions]}
                for hit in shown
            ],
        })
        return 0
    print(f"{len(hits)} article(s) mention {entity.id} ({entity.name.en} / {entity.name.ar})")
    for hit in shown:
        article = hit.article
        status = " [withdrawn]" if article.status == "withdrawn" else ""
        print(f"\n{article.id}  {article.published or 'undated'}  {article.source.publisher}{status}")
        for mention in hit.mentions:
            print(f"  {mention.scope} {mention.start}-{mention.end}  {mention.exact}")
    if len(hits) > args.limit:
        print(f"\n({len(hits) - args.limit} more; use --limit)")
    return 0


def _print_json(document: Any) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2))
