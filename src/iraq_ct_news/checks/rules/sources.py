"""Duplicate sources (P014) and near-identical articles (P015).

Each article is curated from its own source document. Two articles citing one seed, or citing
two seeds with the same bytes or the same words once Arabic-normalised (hamza forms, ya, ta
marbuta, diacritics, tatweel, digits and case folded by :func:`iraq_ct_news.core.arabic.search_key`;
punctuation, quotation marks, brackets, dashes and spacing ignored), are the same source
curated twice: an error.

An article whose body is near-identical to another's (the same report republished by a second
outlet, lightly edited) is a warning: it may be a legitimate second source, but a person should
look. Bodies are compared as sets of clauses: the body is Arabic-normalised, cut at sentence
and clause punctuation (. ! ? ؟ ؛ ; ، , : and line breaks), quotation marks, brackets and
dashes are dropped, and each clause of at least :data:`MIN_CLAUSE_WORDS` words is hashed. Two bodies of at least :data:`MIN_CLAUSES` clauses
are near-identical when the Jaccard similarity of their clause sets (shared clauses over all
clauses) is at least :data:`NEAR_IDENTICAL`. An edit changes only the clauses it touches, so a
republished text keeps most of its clauses; different reports of one event share names and
phrases, but rarely whole clauses.

Candidates are found through an index from clause to articles, so the work is linear in the
number of clauses; a clause found in more than :data:`COMMON_CLAUSE` articles (boilerplate)
proposes no candidates, but still counts in the similarity of a pair found otherwise.

Withdrawn articles are left out: withdrawing a duplicate (with ``superseded_by`` naming the
record kept) is how one is resolved.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Any

from ...core.arabic import search_key
from ...models import Article
from .base import declare, file_check, tree_check
from .helpers import seed_of

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun
    from ..tree import Tree

P014 = declare(
    "P014", "duplicate source", "error",
    "Each article is curated from its own source document. Two articles that cite the same "
    "seed, or seeds with the same bytes or the same Arabic-normalised words (letters folded as "
    "for search, punctuation and spacing ignored), are one source curated twice.",
    "Keep one article: withdraw the other (`status: withdrawn`, a `withdrawn_reason` and "
    "`superseded_by` naming the one kept), or delete it if it was never released; delete a "
    "duplicate seed file.",
)
P015 = declare(
    "P015", "near-identical article", "warning",
    "The article's body shares most of its clauses with another article's body (Jaccard "
    "similarity of their Arabic-normalised clauses of four words or more, at least 0.8): "
    "usually one report republished by a second outlet.",
    "If both are the same report, keep the original and withdraw the copy (with "
    "`superseded_by`); if they are two sources worth keeping, say so in `notes.en`.",
)

#: Clauses shorter than this (a date, a name, "وقال") are too common to tell texts apart.
MIN_CLAUSE_WORDS = 4
#: Bodies with fewer clauses than this are not compared.
MIN_CLAUSES = 3
#: Jaccard similarity of clause sets from which two bodies are near-identical.
NEAR_IDENTICAL = 0.8
#: A clause in more articles than this proposes no candidate pairs.
COMMON_CLAUSE = 32

#: Where a clause ends (Latin and Arabic sentence and clause punctuation, line breaks).
_BREAKS = "!?؟؛;،,:\n"
#: Quotation marks, brackets and dashes: not part of the words of a clause.
_MARKS = "\"“”«»„‘’'()[]{}-–—…"
_NOTE = "sources"


def clause_hashes(body: str, key: str | None = None) -> list[int]:
    """The body's normalised clauses (see the module docstring), as sorted hashes.

    Written with ``str`` methods, which run in C, rather than regular expressions: this runs
    on every article of every cold run. A hash is the clause's CRC-32 and its length in bytes;
    a rare collision only adds one shared clause to a pair. ``key`` is ``search_key(body)``
    when the caller has it.
    """
    text = search_key(body) if key is None else key
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    for mark in _BREAKS:
        if mark in text:
            text = text.replace(mark, ".")
    clauses = [clause.strip().encode("utf-8") for clause in " ".join(text.split()).split(".")]
    return sorted({
        zlib.crc32(clause) | len(clause) << 32
        for clause in clauses
        if clause.count(b" ") >= MIN_CLAUSE_WORDS - 1
    })


def text_key(text: str) -> str:
    """SHA-256 of a text's words: Arabic-normalised (:func:`arabic.search_key`), without
    punctuation, quotation marks, brackets and dashes, one space apart."""
    text = search_key(text)
    for mark in _MARKS + _BREAKS + ".":
        if mark in text:
            text = text.replace(mark, " ")
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@file_check(kinds=("article",))
def note_sources(checked: CheckedFile, run: FileRun) -> None:
    """Leave, in the article's summary, what the tree check compares: its seed (name, SHA-256
    of the bytes, key of the normalised text) and its body's clauses."""
    article = checked.record
    assert isinstance(article, Article)
    if article.status != "active" or checked.repaired:
        return
    seed = seed_of(checked, run)
    checked.facts.notes[_NOTE] = {
        "seed": article.seed,
        "bytes": seed.sha256 if seed is not None else None,
        "text": text_key(seed.folded) if seed is not None else None,
        "clauses": clause_hashes(article.body, run.body_key(article)),
    }


@tree_check(P014, P015)
def check_duplicate_sources(tree: Tree) -> None:
    """Report each article whose source, or body, repeats an earlier article's (in path
    order), naming the earlier one."""
    noted = [(article, article.facts.notes[_NOTE]) for article in tree.articles
             if isinstance(article.facts.notes.get(_NOTE), dict)]
    _check_seeds(noted)
    _check_bodies(noted)


def _check_seeds(noted: list[tuple[CheckedFile, dict[str, Any]]]) -> None:
    by_name: dict[str, CheckedFile] = {}
    by_bytes: dict[str, tuple[CheckedFile, str]] = {}
    by_text: dict[str, tuple[CheckedFile, str]] = {}
    for article, note in noted:
        name = note["seed"]
        first = by_name.setdefault(name, article)
        if first is not article:
            article.report.add(
                P014, f"seeds/{name} is already the seed of {first.display_path}", ("seed",)
            )
            continue
        for table, key, what in ((by_bytes, note["bytes"], "the same bytes"),
                                 (by_text, note["text"], "the same Arabic-normalised text")):
            if key is None:
                continue
            earlier = table.setdefault(key, (article, name))
            if earlier[0] is not article:
                article.report.add(
                    P014,
                    f"seeds/{name} has {what} as seeds/{earlier[1]}, the seed of "
                    f"{earlier[0].display_path}",
                    ("seed",),
                )
                break


def _check_bodies(noted: list[tuple[CheckedFile, dict[str, Any]]]) -> None:
    postings: dict[int, list[int]] = {}
    sets: list[frozenset[int]] = []
    for position, (article, note) in enumerate(noted):
        clauses = frozenset(note["clauses"])
        sets.append(clauses)
        if len(clauses) < MIN_CLAUSES:
            continue
        # How many of this body's clauses each earlier body is listed under: exactly the
        # clauses they share, but for clauses whose list was already full (``unlisted``), which
        # they may share too. A pair is near-identical only if it shares at least ``least``
        # clauses (the other body has MIN_CLAUSES or more), and the sets are intersected only
        # when the unlisted clauses could make it so.
        listed: list[int] = []
        unlisted = 0
        for clause in clauses:
            earlier = postings.setdefault(clause, [])
            if len(earlier) < COMMON_CLAUSE:
                listed.extend(earlier)
                earlier.append(position)
            else:
                unlisted += 1
        candidates = Counter(listed)
        least = NEAR_IDENTICAL * (len(clauses) + MIN_CLAUSES) / (1 + NEAR_IDENTICAL) - unlisted
        best: tuple[float, int] | None = None
        for other in sorted(other for other, count in candidates.items() if count >= least - 1e-9):
            size = len(sets[other])
            shared = candidates[other]
            if unlisted:
                most = min(shared + unlisted, size)
                if most / (len(clauses) + size - most) < NEAR_IDENTICAL:
                    continue
                shared = len(clauses & sets[other])
            similarity = shared / (len(clauses) + size - shared)
            if similarity >= NEAR_IDENTICAL and (best is None or similarity > best[0]):
                best = (similarity, other)
        if best is not None:
            similarity, other = best
            article.report.add(
                P015,
                f"the body is near-identical to {noted[other][0].display_path}'s "
                f"({similarity:.0%} of their clauses are shared)",
                ("body",),
            )
