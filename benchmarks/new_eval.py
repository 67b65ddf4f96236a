"""How well ``iraq-ct-news new`` reads seed pages: its body, headline and dates against curation.

For each curated article of a corpus folder (``DIR/curated/articles/*.yaml`` whose ``seed`` is in
``DIR/seeds/``), read the seed as ``new`` does and compare with the hand-curated record:

* paragraphs: the curated body paragraphs ``new`` put in the body word for word (after whitespace
  folding), and the lines it put in the body that the curated body does not hold (chrome kept);
* headline: ``new``'s headline is the curated ``headline.ar``;
* published: ``new``'s publication date is the curated one when the curated basis is
  ``explicit``, and ``new`` proposes none otherwise (a false proposal counts as wrong);
* dateline and credit: what ``new`` put in ``source.dateline`` / ``source.credit`` equals the
  curated value (null included).

Usage: ``python benchmarks/new_eval.py --corpus DIR [--misses]``. The development corpus is such a
folder as it stands; so is the repository itself. It asserts nothing; it prints a table.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iraq_ct_news.core.textutil import fold_whitespace
from iraq_ct_news.curation.scaffold import read_seed, seed_dates, seed_source_lines
from iraq_ct_news.reading.yamlreader import read_yaml_file


@dataclass
class Score:
    """One seed's figures."""

    name: str
    gold: int
    right: int
    extra: int
    headline: bool
    published: bool
    dateline: bool
    credit: bool
    misses: list[str]


def paragraphs_of(body: str) -> list[str]:
    return [fold_whitespace(part) for part in body.split("\n\n") if part.strip()]


def score(seed_text: str, record: dict[str, Any], name: str) -> Score:
    """Compare what ``new`` reads off ``seed_text`` with the curated ``record``."""
    reading = read_seed(seed_text)
    produced = [line.text for line in reading.paragraphs]
    gold = paragraphs_of(str(record.get("body", "")))
    right = sum(1 for paragraph in gold if paragraph in produced)
    extra = [paragraph for paragraph in produced if paragraph not in gold]
    misses = [f"missed: {paragraph[:90]}" for paragraph in gold if paragraph not in produced]
    misses += [f"kept:   {paragraph[:90]}" for paragraph in extra]
    headline = reading.headline.text == fold_whitespace(str(record["headline"]["ar"]))
    if not headline:
        misses.append(f"headline: {reading.headline.text[:90]}")
    published_found, _captured = seed_dates(seed_text, reading)
    proposed = published_found.date if published_found else None
    if record.get("published_basis") == "explicit":
        published = proposed == str(record.get("published"))
    else:
        published = proposed is None
    if not published:
        misses.append(f"published: {proposed} (curated {record.get('published')}, "
                      f"{record.get('published_basis')})")
    source = record.get("source") or {}
    found = seed_source_lines(reading)
    checks = {}
    for key in ("dateline", "credit"):
        checks[key] = found.get(key) == source.get(key)
        if not checks[key]:
            misses.append(f"{key}: {found.get(key)!r} (curated {source.get(key)!r})")
    return Score(name, len(gold), right, len(extra), headline, published,
                 checks["dateline"], checks["credit"], misses)


def scores(corpus: Path) -> list[Score]:
    found = []
    for path in sorted((corpus / "curated" / "articles").glob("*.yaml")):
        record = read_yaml_file(path).data
        seed = corpus / "seeds" / str(record.get("seed"))
        if not seed.is_file():
            continue
        found.append(score(seed.read_text(encoding="utf-8"), record, seed.name))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder with seeds/, curated/")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    results = scores(args.corpus)
    if not results:
        print(f"no curated article with its seed under {args.corpus}", file=sys.stderr)
        return 1
    print("| seed | paragraphs right | chrome kept | headline | published | dateline | credit |")
    print("|---|---|---|---|---|---|---|")
    mark = {True: "yes", False: "**no**"}
    for item in results:
        print(f"| {item.name[:40]} | {item.right} of {item.gold} | {item.extra} | "
              f"{mark[item.headline]} | {mark[item.published]} | {mark[item.dateline]} | "
              f"{mark[item.credit]} |")
        if args.misses:
            for miss in item.misses:
                print(f"|   | {miss} | | | | | |".replace("\n", " "))
    gold = sum(item.gold for item in results)
    right = sum(item.right for item in results)
    n = len(results)
    print(f"| **all {n}** | {right} of {gold} ({100 * right / max(gold, 1):.0f}%) | "
          f"{sum(item.extra for item in results)} | {sum(item.headline for item in results)} of {n}"
          f" | {sum(item.published for item in results)} of {n} | "
          f"{sum(item.dateline for item in results)} of {n} | "
          f"{sum(item.credit for item in results)} of {n} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
