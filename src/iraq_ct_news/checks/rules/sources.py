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
from collections.abc import Callable, Sequence
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
#: What P015 keeps between runs (see :func:`_from_memory`).
_MEMORY = "P015"
#: Edited bodies, and bodies whose finding they may change, beyond which all bodies are
#: compared again (each is compared with every other body).
MOST_CHANGED = 8
MOST_RECOMPUTED = 24

Best = tuple[int, float] | None
"""A body's P015 finding: the position of the earlier body and their similarity, or None."""


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
    # Encoded once, then cut at the (ASCII) full stops: the same bytes as each clause encoded
    # on its own. Only single spaces are left between words, so stripping the bytes strips
    # what stripping the text would.
    clauses = " ".join(text.split()).encode("utf-8").split(b".")
    return sorted({
        zlib.crc32(clause) | len(clause) << 32
        for clause in map(bytes.strip, clauses)
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
    if tree.memory is None:
        _check_bodies(noted)
        return
    memory = tree.memory
    paths = [article.source.relative.as_posix() for article, _note in noted]
    shas = [article.file_sha256 for article, _note in noted]

    def earlier(position: int, sha256: str) -> Any:
        note = memory.earlier_note(paths[position], sha256, _NOTE)
        return note.get("clauses") if isinstance(note, dict) else None

    found = _from_memory(noted, paths, shas, memory.recall(_MEMORY), earlier)
    if found is None:
        found = _compare_bodies(noted)
    memory.keep(_MEMORY, {"paths": paths, "shas": shas,
                          "found": [list(best) if best else None for best in found]})
    _report_bodies(noted, found)


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
    """P015 over every body (see the module docstring)."""
    _report_bodies(noted, _compare_bodies(noted))


def _report_bodies(noted: list[tuple[CheckedFile, dict[str, Any]]], found: list[Best]) -> None:
    for (article, _note), best in zip(noted, found):
        if best is not None:
            other, similarity = best
            article.report.add(
                P015,
                f"the body is near-identical to {noted[other][0].display_path}'s "
                f"({similarity:.0%} of their clauses are shared)",
                ("body",),
            )


def _compare_bodies(noted: list[tuple[CheckedFile, dict[str, Any]]]) -> list[Best]:
    """For each body, the most similar earlier body it is near-identical to (the first of
    equals), with their similarity: through an index from clause to bodies."""
    found: list[Best] = []
    postings: dict[int, list[int]] = {}
    sets: list[frozenset[int]] = []
    for position, (_article, note) in enumerate(noted):
        clauses = frozenset(note["clauses"])
        sets.append(clauses)
        found.append(None)
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
            found[position] = (best[1], best[0])
    return found


def _from_memory(
    noted: Sequence[tuple[CheckedFile, dict[str, Any]]],
    paths: list[str],
    shas: list[str | None],
    kept: Any,
    earlier: Callable[[int, str], Any],
) -> list[Best] | None:
    """What :func:`_compare_bodies` gives, worked out from what the last run kept (``kept``:
    the bodies' paths and SHA-256s, and what was found for each) by comparing only the bodies
    whose bytes changed, and the bodies whose finding they can change, with the others; None
    when that is not possible (other articles, too many changes, anything unexpected).

    A body's finding depends on the earlier bodies, and on which of its clauses are among the
    first :data:`COMMON_CLAUSE` bodies' listing that clause. With the same bodies but for the
    ``changed`` ones, a finding can change only for a changed body, a body whose earlier
    near-identical body was a changed one or is now one, and a body whose place in a clause's
    listing moved in or out of the first :data:`COMMON_CLAUSE` (only for a clause of a changed
    body, old or new). Each of these is compared again with every earlier body. Finding them
    reads every clause set once per changed body and twice more, so with at most
    :data:`MOST_CHANGED` and :data:`MOST_RECOMPUTED` of them the work is linear in the clauses.
    """
    found = _kept_findings(kept, paths)
    if found is None:
        return None
    changed = [position for position, (sha, before) in enumerate(zip(shas, kept["shas"]))
               if sha is None or sha != before]
    if not changed:
        return found
    if len(changed) > MOST_CHANGED:
        return None
    new = [frozenset(note["clauses"]) for _article, note in noted]
    old = list(new)
    for position in changed:
        before = kept["shas"][position]
        clauses = earlier(position, before) if isinstance(before, str) else None
        if not isinstance(clauses, list) or not all(type(c) is int for c in clauses):
            return None
        old[position] = frozenset(clauses)
    again = set(changed)
    again.update(position for position, best in enumerate(found)
                 if best is not None and best[0] in again)
    probe: frozenset[int] = frozenset()
    for position in changed:
        probe = probe | old[position] | new[position]
        if len(new[position]) >= MIN_CLAUSES:
            again.update(later for later in range(position + 1, len(new))
                         if _similarity(new[position], new[later]) >= NEAR_IDENTICAL)
    again.update(position for _clause, position in _listed(old, probe) ^ _listed(new, probe))
    if len(again) > MOST_RECOMPUTED:
        return None
    for position in again:
        found[position] = _best_earlier(new, position)
    return found


def _kept_findings(kept: Any, paths: list[str]) -> list[Best] | None:
    """The findings ``kept`` holds, when it is what :func:`check_duplicate_sources` keeps, of
    the same articles in the same order."""
    if not isinstance(kept, dict) or kept.get("paths") != paths:
        return None
    shas, stored = kept.get("shas"), kept.get("found")
    if not isinstance(shas, list) or not isinstance(stored, list):
        return None
    if len(shas) != len(paths) or len(stored) != len(paths):
        return None
    if not all(sha is None or isinstance(sha, str) for sha in shas):
        return None
    found: list[Best] = []
    for position, best in enumerate(stored):
        if best is None:
            found.append(None)
            continue
        if not isinstance(best, list) or len(best) != 2:
            return None
        other, similarity = best
        if (type(other) is not int or not 0 <= other < position
                or type(similarity) is not float or not NEAR_IDENTICAL <= similarity <= 1):
            return None
        found.append((other, similarity))
    return found


def _similarity(one: frozenset[int], other: frozenset[int]) -> float:
    """The Jaccard similarity of two clause sets, computed as :func:`_compare_bodies` does."""
    if len(other) < MIN_CLAUSES:
        return 0.0
    shared = len(one & other)
    return shared / (len(one) + len(other) - shared)


def _listed(sets: Sequence[frozenset[int]], clauses: frozenset[int]) -> set[tuple[int, int]]:
    """``(clause, position)`` of each body listed under each of ``clauses`` in
    :func:`_compare_bodies`'s index: the first :data:`COMMON_CLAUSE` bodies (of at least
    :data:`MIN_CLAUSES` clauses) that have it."""
    listed: set[tuple[int, int]] = set()
    counts = dict.fromkeys(clauses, 0)
    open_clauses = set(clauses)
    for position, body in enumerate(sets):
        if not open_clauses:
            break
        if len(body) < MIN_CLAUSES:
            continue
        for clause in body & open_clauses:
            listed.add((clause, position))
            counts[clause] += 1
            if counts[clause] == COMMON_CLAUSE:
                open_clauses.discard(clause)
    return listed


def _best_earlier(sets: Sequence[frozenset[int]], position: int) -> Best:
    """What :func:`_compare_bodies` finds for the body at ``position``, by comparing it with
    every earlier body: among the earlier bodies that share a clause it is listed under (one
    that fewer than :data:`COMMON_CLAUSE` earlier bodies have), the most similar one it is
    near-identical to, the first of equals."""
    clauses = sets[position]
    if len(clauses) < MIN_CLAUSES:
        return None
    before: Counter[int] = Counter()
    sharing: list[tuple[int, frozenset[int]]] = []
    for other in range(position):
        if len(sets[other]) < MIN_CLAUSES:
            continue
        shared = clauses & sets[other]
        if shared:
            sharing.append((other, shared))
            before.update(shared)
    listed = frozenset(clause for clause in clauses if before[clause] < COMMON_CLAUSE)
    best: tuple[float, int] | None = None
    for other, shared in sharing:
        if listed.isdisjoint(shared):
            continue
        size = len(sets[other])
        similarity = len(shared) / (len(clauses) + size - len(shared))
        if similarity >= NEAR_IDENTICAL and (best is None or similarity > best[0]):
            best = (similarity, other)
    return None if best is None else (best[1], best[0])
