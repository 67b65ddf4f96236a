"""Leave-one-out evaluation of ``iraq-ct-news draft`` on the curated articles.

For each curated article: copy the repository's ``curated/`` and ``seeds/`` into a temporary
tree, put the article back as ``iraq-ct-news new`` left it (headline and body kept, every other
annotation a placeholder), remove the registry records that only this article references (as
when the article was new), run ``draft`` on it, and compare the proposals with the curated record.

Printed per article and overall:

* mentions: recall of curated mentions (exact span and entity) among the entities still in the
  registries; precision of every proposed registry mention; recall of all curated mention spans
  (a new-entity candidate at the same span counts), and precision of the new-entity candidates;
* quotes: found (at least 90% character overlap with a curated quote), and the speaker right
  among those found (the same id, or for a speaker removed from the registries a new-entity
  candidate that names one of the speaker's curated mentions);
* new-entity candidates: precision (a candidate at the span of a curated mention of an entity
  removed with the article) and span recall (such curated mentions with a candidate at the span);
* amounts (value, currency and overlapping words), resolutions (number, overlapping words, and
  the year when proposed) and explicit publication dates: found, and false proposals;
* events: found (a proposed event whose CAMEO code shares the curated event's root, each
  proposal matched once), and among those found the place right and the curated actors
  (organisers and participants) the proposal names; proposals matching no event are false.

Usage: ``python benchmarks/draft_eval.py [--root DIR] [--corpus DIR] [--misses]``. ``--root``
evaluates the articles of a repository tree (the repository itself by default, or a clone with
a development corpus already overlaid). ``--corpus`` names an overlay folder (a set of articles
with its ``overlay.sh``, as ``../shared/devcorpus`` is): the set is overlaid onto a temporary copy
of ``--root`` and every article is evaluated, with one subtotal for the root's own articles and
one for the set's. It asserts nothing; it prints figures (and with ``--misses`` every miss and
false proposal).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iraq_ct_news.curation.draft.run import draft_file
from iraq_ct_news.curation.scaffold import PLACEHOLDERS
from iraq_ct_news.models import Article
from iraq_ct_news.reading.anchoring import resolve_anchor, scope_texts
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

REFERENCE_KEYS = ("entity", "speaker", "delivered_by", "on_behalf_of", "place", "publisher",
                  "provider", "recipient", "organization", "parent", "superseded_by")
LIST_REFERENCE_KEYS = ("organizers", "participants")
QUOTE_OVERLAP = 0.9


@dataclass
class Counts:
    values: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: Counts) -> None:
        for key, value in other.values.items():
            self.values[key] += value

    def __getitem__(self, key: str) -> int:
        return self.values[key]


def references(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in REFERENCE_KEYS and isinstance(value, str):
                yield value
            elif key in LIST_REFERENCE_KEYS and isinstance(value, list):
                yield from (item for item in value if isinstance(item, str))
            else:
                yield from references(value)
    elif isinstance(data, list):
        for item in data:
            yield from references(item)


def scaffolded(data: dict[str, Any]) -> dict[str, Any]:
    """The record as `new` wrote it: identity, seed, headline and body; the rest placeholders."""
    record = {key: data[key] for key in (
        "schema_version", "id", "revision", "created", "modified", "status", "seed",
        "seed_sha256", "language")}
    record["source"] = dict(PLACEHOLDERS["source"])
    record["headline"] = {"ar": data["headline"]["ar"], "en": PLACEHOLDERS["headline_en"]}
    record["summary"] = dict(PLACEHOLDERS["summary"])
    for key in ("published", "published_basis"):
        record[key] = PLACEHOLDERS[key]
    record["published_evidence"] = dict(PLACEHOLDERS["published_evidence"])
    record["body"] = data["body"]
    for key in ("themes", "mentions", "quotes", "events", "amounts", "resolutions", "figures"):
        record[key] = PLACEHOLDERS[key]
    record["notes"] = dict(PLACEHOLDERS["notes"])
    return record


def prepare(root: Path, work: Path, article_id: str) -> tuple[Path, set[str]]:
    """The leave-one-out tree for ``article_id``; returns its record path and removed ids."""
    shutil.copytree(root / "curated", work / "curated")
    shutil.copytree(root / "seeds", work / "seeds")
    users: dict[str, set[str]] = defaultdict(set)
    for path in (work / "curated" / "articles").glob("*.yaml"):
        data = read_yaml_file(path).data
        for reference in references(data):
            users[reference].add(data["id"])
    removed = {entity for entity, articles in users.items() if articles == {article_id}}
    for folder in ("people", "organizations", "places"):
        for path in (work / "curated" / folder).glob("*.yaml"):
            if path.stem in removed:
                path.unlink()
    target = work / "curated" / "articles" / f"{article_id}.yaml"
    data = read_yaml_file(target).data
    header = ["# yaml-language-server: $schema=../../schema/article.schema.json"]
    target.write_text(render(scaffolded(data), "article", header), encoding="utf-8")
    return target, removed


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return shared / max(a[1] - a[0], b[1] - b[0], 1)


def evaluate(root: Path, article_path: Path, show: bool) -> Counts:
    curated = Article.model_validate(read_yaml_file(article_path).data)
    texts = scope_texts(curated, None)
    counts = Counts()
    with tempfile.TemporaryDirectory() as temporary:
        target, removed = prepare(root, Path(temporary), curated.id)
        drafted = draft_file(Path(temporary), target)
    draft = drafted.draft
    misses: list[str] = []

    gold: dict[tuple[str, int, int], str] = {}
    for mention in curated.mentions:
        found = resolve_anchor(mention, texts)
        gold[(mention.scope, found.start, found.end)] = mention.entity
    proposed = {(m.span.scope, m.span.start, m.span.end): m for m in draft.mentions}
    for key, entity in gold.items():
        known = entity not in removed
        proposal = proposed.get(key)
        counts.values["mentions gold"] += 1
        if known:
            counts.values["mentions gold known"] += 1
            if proposal is not None and proposal.entity == entity:
                counts.values["mentions known found"] += 1
                counts.values["mentions span found"] += 1
                continue
        else:
            counts.values["new gold"] += 1
            if proposal is not None and proposal.entity is None:
                counts.values["mentions span found"] += 1
                counts.values["new span found"] += 1
                continue
        misses.append(f"mention missed: {entity} {texts[key[0]][key[1]:key[2]]!r}"
                      + (f" (got {proposal.entity or 'new'})" if proposal else ""))
    for key, proposal in proposed.items():
        if proposal.entity is not None:
            counts.values["mentions proposed"] += 1
            if gold.get(key) == proposal.entity:
                counts.values["mentions proposed right"] += 1
            else:
                misses.append(f"mention false: {proposal.entity} {proposal.span.exact!r}")
        else:
            counts.values["new proposed"] += 1
            if key in gold and gold[key] in removed:
                counts.values["new proposed right"] += 1
            else:
                misses.append(f"new-entity mention false: {proposal.span.exact!r}")

    speaker_spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for (scope, start, end), entity in gold.items():
        if scope == "body":
            speaker_spans[entity].add((start, end))
    new_names = {index: entity.name for index, entity in enumerate(draft.new_entities)}
    for quote in curated.quotes:
        place = resolve_anchor(quote, texts)
        counts.values["quotes gold"] += 1
        match = next((q for q in draft.quotes if overlap((place.start, place.end),
                      (q.span.start, q.span.end)) >= QUOTE_OVERLAP), None)
        if match is None:
            misses.append(f"quote missed: {quote.id}")
            continue
        counts.values["quotes found"] += 1
        right = match.speaker == quote.speaker
        if not right and quote.speaker in removed and match.speaker is None:
            spoken = {texts["body"][s:e] for s, e in speaker_spans[quote.speaker]}
            right = match.speaker_name in spoken or match.speaker_name in new_names.values() and any(
                match.speaker_name == name for name in spoken)
        if right:
            counts.values["quotes speaker right"] += 1
        else:
            misses.append(f"quote speaker wrong: {quote.id}: {quote.speaker} vs "
                          f"{match.speaker or match.speaker_name}")
    for proposal in draft.quotes:
        if not any(overlap((resolve_anchor(q, texts).start, resolve_anchor(q, texts).end),
                           (proposal.span.start, proposal.span.end)) >= QUOTE_OVERLAP
                   for q in curated.quotes):
            counts.values["quotes false"] += 1
            misses.append(f"quote false: {proposal.span.exact[:40]!r}")

    for amount in curated.amounts:
        place = resolve_anchor(amount, texts)
        counts.values["amounts gold"] += 1
        if any(a.value == amount.value and a.currency == amount.currency and a.span.scope ==
               amount.scope and overlap((place.start, place.end), (a.span.start, a.span.end)) > 0
               for a in draft.amounts):
            counts.values["amounts found"] += 1
        else:
            misses.append(f"amount missed: {amount.exact!r}")
    for proposal in draft.amounts:
        if not any(a.value == proposal.value and a.currency == proposal.currency
                   for a in curated.amounts):
            counts.values["amounts false"] += 1
            misses.append(f"amount false: {proposal.span.exact!r} {proposal.value} {proposal.currency}")
    for resolution in curated.resolutions:
        place = resolve_anchor(resolution, texts)
        number = int(resolution.symbol.split("/")[2].split(" ")[0])
        year = int(resolution.symbol.split("(")[1].rstrip(")"))
        counts.values["resolutions gold"] += 1
        if any(r.number == number and r.year in (None, year) and overlap(
                (place.start, place.end), (r.span.start, r.span.end)) > 0
               for r in draft.resolutions):
            counts.values["resolutions found"] += 1
        else:
            misses.append(f"resolution missed: {resolution.exact!r}")
    for proposal in draft.resolutions:
        if not any(proposal.number == int(r.symbol.split("/")[2].split(" ")[0])
                   for r in curated.resolutions):
            counts.values["resolutions false"] += 1
            misses.append(f"resolution false: {proposal.span.exact!r}")

    if curated.published_basis == "explicit":
        counts.values["published gold"] += 1
        if draft.published is not None and draft.published.date == curated.published.text:
            counts.values["published found"] += 1
        else:
            misses.append(f"published missed: {curated.published.text} vs "
                          f"{draft.published.date if draft.published else None}")
    if draft.published is not None and (
        curated.published_basis != "explicit" or draft.published.date != curated.published.text
    ):
        counts.values["published false"] += 1
        misses.append(f"published false: {draft.published.date}")
    misses += _events(curated, draft.events, counts)
    if show:
        for miss in misses:
            print(f"    {miss}")
    return counts


def _cameo_root(code: str) -> str:
    return code[:2]


def _events(curated: Article, proposals: list[Any], counts: Counts) -> list[str]:
    """Score proposed events against the curated ones (see the module docstring)."""
    misses: list[str] = []
    unused = list(proposals)
    for event in curated.events:
        counts.values["events gold"] += 1
        roots = {_cameo_root(code) for code in (event.cameo, *event.additional_cameo)}
        match = next((p for p in unused if _cameo_root(p.cameo) in roots), None)
        if match is None:
            misses.append(f"event missed: {event.id} ({event.cameo})")
            continue
        unused.remove(match)
        counts.values["events found"] += 1
        if event.place is not None:
            counts.values["events place gold"] += 1
            if match.place == event.place:
                counts.values["events place right"] += 1
            else:
                misses.append(f"event place: {event.id}: {event.place} vs {match.place}")
        actors = set(event.organizers) | set(event.participants)
        counts.values["events actors gold"] += len(actors)
        counts.values["events actors found"] += len(actors & set(match.participants))
    for proposal in unused:
        counts.values["events false"] += 1
        misses.append(f"event false: {proposal.cameo} {proposal.cue.exact!r}")
    return misses


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


COLUMNS = (
    ("mention recall (known)", "mentions known found", "mentions gold known"),
    ("mention precision", "mentions proposed right", "mentions proposed"),
    ("all mention spans", "mentions span found", "mentions gold"),
    ("new-entity precision", "new proposed right", "new proposed"),
    ("new-entity span recall", "new span found", "new gold"),
    ("quotes found", "quotes found", "quotes gold"),
    ("speaker right", "quotes speaker right", "quotes found"),
    ("amounts", "amounts found", "amounts gold"),
    ("resolutions", "resolutions found", "resolutions gold"),
    ("published (explicit)", "published found", "published gold"),
    ("events found", "events found", "events gold"),
    ("event place right", "events place right", "events place gold"),
    ("event actors", "events actors found", "events actors gold"),
)
FALSE = (("false amounts", "amounts false"), ("false resolutions", "resolutions false"),
         ("false published", "published false"), ("false quotes", "quotes false"),
         ("false events", "events false"))


def row(name: str, counts: Counts) -> str:
    cells = [f"{percent(counts[part], counts[whole])} ({counts[part]}/{counts[whole]})"
             for _label, part, whole in COLUMNS]
    cells += [str(counts[key]) for _label, key in FALSE]
    return f"| {name} | " + " | ".join(cells) + " |"


def overlaid(root: Path, corpus: Path, work: Path) -> Path:
    """A copy of ``root`` with the overlay folder ``corpus`` put onto it by its own script."""
    copy = work / "root"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache"))
    script = corpus / "overlay.sh"
    if not script.is_file():
        raise SystemExit(f"{corpus}: no overlay.sh; --corpus takes an overlay folder")
    environment = dict(os.environ, PYTHON=sys.executable)
    done = subprocess.run(["bash", str(script), str(corpus), str(copy)], env=environment,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"overlay of {corpus} failed:\n{done.stdout}{done.stderr}")
    return copy


def table(root: Path, groups: dict[str, list[Path]], show: bool) -> None:
    """Print one row per article, a subtotal per group (when there are several) and the total."""
    header = ["article", *(label for label, _p, _w in COLUMNS), *(label for label, _k in FALSE)]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    total = Counts()
    subtotals: list[str] = []
    for group, paths in groups.items():
        counts_of_group = Counts()
        for path in paths:
            if show:
                print(path.stem)
            counts = evaluate(root, path, show)
            counts_of_group.add(counts)
            print(row(path.stem, counts))
        total.add(counts_of_group)
        subtotals.append(row(f"**{group}**", counts_of_group))
    if len(groups) > 1:
        for line in subtotals:
            print(line)
    print(row("**overall**", total))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--corpus", type=Path, help="an overlay folder to add to --root first")
    parser.add_argument("--misses", action="store_true", help="print every miss and false proposal")
    args = parser.parse_args(argv)
    own = sorted((args.root / "curated" / "articles").glob("*.yaml"))
    if args.corpus is None:
        table(args.root, {"all articles": own}, args.misses)
        return 0
    corpus = args.corpus.resolve()
    added = {path.name for path in (corpus / "curated" / "articles").glob("*.yaml")}
    with tempfile.TemporaryDirectory() as temporary:
        root = overlaid(args.root.resolve(), corpus, Path(temporary))
        articles = sorted((root / "curated" / "articles").glob("*.yaml"))
        table(root, {
            "curated articles": [p for p in articles if p.name not in added],
            f"{corpus.name} articles": [p for p in articles if p.name in added],
        }, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
