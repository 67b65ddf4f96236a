"""P015 in a warm run: only the changed bodies, and the bodies whose finding they can change, are
compared again, and what that finds is exactly what comparing every body finds."""

from __future__ import annotations

import random
from typing import Any

import pytest

from iraq_ct_news.checks.rules import sources

Noted = list[tuple[Any, dict[str, Any]]]


class _Article:
    def __init__(self, number: int) -> None:
        self.display_path = f"curated/articles/a{number}.yaml"


class _Counted(frozenset[int]):
    """A clause set that counts the pairs of bodies compared through it."""

    compared = 0

    def __and__(self, other: Any) -> frozenset[int]:
        _Counted.compared += 1
        return frozenset(self).__and__(other)


def _corpus(rng: random.Random, bodies: int, pool: int) -> list[list[int]]:
    found: list[list[int]] = []
    for _ in range(bodies):
        if found and rng.random() < 0.2:  # a republished body, lightly edited
            clauses = list(rng.choice(found))
            if clauses:
                clauses[rng.randrange(len(clauses))] = rng.randrange(pool)
        else:
            clauses = rng.sample(range(pool), min(rng.randint(0, 14), pool))
        found.append(sorted(set(clauses)))
    return found


def _edit(rng: random.Random, corpus: list[list[int]], position: int, pool: int) -> list[int]:
    """Another body for ``position``: a copy of another body (near-identical to it), an edit of
    its own, too few clauses to compare, or a new body."""
    choice = rng.randrange(4)
    if choice == 0:
        clauses = list(rng.choice(corpus))
    elif choice == 1:
        clauses = list(corpus[position])
        if clauses:
            clauses[rng.randrange(len(clauses))] = rng.randrange(pool)
        clauses.append(rng.randrange(pool))
    elif choice == 2:
        clauses = rng.sample(range(pool), min(2, pool))
    else:
        clauses = rng.sample(range(pool), min(rng.randint(3, 14), pool))
    return sorted(set(clauses))


def _noted(corpus: list[list[int]]) -> Noted:
    return [(_Article(number), {"clauses": clauses}) for number, clauses in enumerate(corpus)]


def _kept(corpus: list[list[int]], shas: list[str | None]) -> dict[str, Any]:
    found = sources._compare_bodies(_noted(corpus))  # type: ignore[arg-type]
    return {"paths": [f"a{n}" for n in range(len(corpus))], "shas": shas,
            "found": [list(best) if best else None for best in found]}


def _warm(before: list[list[int]], after: list[list[int]], shas_before: list[str | None],
          shas_after: list[str | None]) -> list[sources.Best] | None:
    kept = _kept(before, shas_before)

    def earlier(position: int, sha256: str) -> Any:
        assert sha256 == shas_before[position]
        return before[position]

    return sources._from_memory(_noted(after), kept["paths"], shas_after, kept,  # type: ignore[arg-type]
                                earlier)


def test_a_warm_run_finds_what_comparing_every_body_finds() -> None:
    worked_out = changed_findings = 0
    for seed in range(150):
        rng = random.Random(seed)
        pool = rng.choice([3, 8, 20, 80])  # small pools: clauses in more bodies than are listed
        before = _corpus(rng, rng.randint(1, 160), pool)
        after = [list(clauses) for clauses in before]
        shas: list[str | None] = [f"sha-{n}" for n in range(len(before))]
        shas_after = list(shas)
        for position in rng.sample(range(len(before)), min(len(before), rng.randint(1, 4))):
            after[position] = _edit(rng, before, position, pool)
            shas_after[position] = f"sha-{position}-edited"
        cold = sources._compare_bodies(_noted(after))  # type: ignore[arg-type]
        warm = _warm(before, after, shas, shas_after)
        if warm is not None:  # None: too much changed, every body is compared as in a cold run
            assert warm == cold, seed
            worked_out += 1
            changed_findings += cold != sources._compare_bodies(_noted(before))  # type: ignore[arg-type]
    assert worked_out >= 100 and changed_findings >= 40


def test_most_small_edits_are_worked_out_from_the_memory() -> None:
    worked_out = 0
    for seed in range(60):
        rng = random.Random(seed)
        before = _corpus(rng, 120, 80)
        after = [list(clauses) for clauses in before]
        position = rng.randrange(len(before))
        after[position] = _edit(rng, before, position, 80)
        shas: list[str | None] = [f"sha-{n}" for n in range(len(before))]
        shas_after = list(shas)
        shas_after[position] = "edited"
        warm = _warm(before, after, shas, shas_after)
        worked_out += warm is not None
        assert warm is None or warm == sources._compare_bodies(_noted(after))  # type: ignore[arg-type]
    assert worked_out >= 50


def test_unchanged_bodies_are_not_compared_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(random.Random(1), 300, 200)
    shas: list[str | None] = [f"sha-{n}" for n in range(len(corpus))]
    kept = _kept(corpus, shas)
    monkeypatch.setattr(sources, "frozenset", _Counted, raising=False)
    _Counted.compared = 0
    found = sources._from_memory(_noted(corpus), kept["paths"], shas, kept,  # type: ignore[arg-type]
                                 lambda position, sha: pytest.fail("nothing changed"))
    assert found == [tuple(best) if best else None for best in kept["found"]]
    assert _Counted.compared == 0


def _pairs_compared(bodies: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Pairs of bodies compared when one body of a corpus like the synthetic one (bodies made of
    sentences from a shared pool: each shares clauses with many others) is edited."""
    rng = random.Random(bodies)
    corpus = [sorted(rng.sample(range(bodies * 2), 25)) for _ in range(bodies)]
    shas: list[str | None] = [f"sha-{n}" for n in range(bodies)]
    kept = _kept(corpus, shas)
    after = [list(clauses) for clauses in corpus]
    middle = bodies // 2
    after[middle] = sorted({*after[middle][1:], bodies * 3})
    shas_after = list(shas)
    shas_after[middle] = "edited"
    monkeypatch.setattr(sources, "frozenset", _Counted, raising=False)
    _Counted.compared = 0
    found = sources._from_memory(_noted(after), kept["paths"], shas_after, kept,  # type: ignore[arg-type]
                                 lambda position, sha: corpus[position])
    monkeypatch.undo()
    assert found == sources._compare_bodies(_noted(after))  # type: ignore[arg-type]
    return _Counted.compared


def test_one_edited_body_is_compared_a_linear_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = _pairs_compared(1_000, monkeypatch)
    large = _pairs_compared(2_000, monkeypatch)
    # The edited body against the later ones, each body once per listing (before and after the
    # edit), and the edited body against the earlier ones: a few times N, not N squared.
    assert small <= 3.5 * 1_000
    assert large <= 3.5 * 2_000
    assert large <= 2.2 * small


def test_a_memory_of_other_articles_is_not_used() -> None:
    corpus = _corpus(random.Random(3), 50, 40)
    shas: list[str | None] = [f"sha-{n}" for n in range(len(corpus))]
    kept = _kept(corpus, shas)
    paths = [*kept["paths"][:-1], "renamed"]
    assert sources._from_memory(_noted(corpus), paths, shas, kept,  # type: ignore[arg-type]
                                lambda position, sha: None) is None


@pytest.mark.parametrize("damage", [
    lambda kept: kept.update(found=kept["found"][:-1]),
    lambda kept: kept.update(shas="nope"),
    lambda kept: kept["found"].__setitem__(5, [7, 0.9]),  # a later body
    lambda kept: kept["found"].__setitem__(5, [1, 0.5]),  # not near-identical
    lambda kept: kept["found"].__setitem__(5, [1, "0.9"]),
    lambda kept: kept["found"].__setitem__(5, [True, 0.9]),
    lambda kept: kept.clear(),
])
def test_a_damaged_memory_is_not_used(damage: Any) -> None:
    corpus = _corpus(random.Random(4), 50, 40)
    shas: list[str | None] = [f"sha-{n}" for n in range(len(corpus))]
    kept = _kept(corpus, shas)
    paths = list(kept["paths"])
    damage(kept)
    assert sources._from_memory(_noted(corpus), paths, shas, kept,  # type: ignore[arg-type]
                                lambda position, sha: None) is None


def test_an_old_body_that_cannot_be_found_means_comparing_every_body() -> None:
    corpus = _corpus(random.Random(5), 50, 40)
    shas: list[str | None] = [f"sha-{n}" for n in range(len(corpus))]
    kept = _kept(corpus, shas)
    edited = list(shas)
    edited[10] = "edited"
    assert sources._from_memory(_noted(corpus), kept["paths"], edited, kept,  # type: ignore[arg-type]
                                lambda position, sha: None) is None
    assert sources._from_memory(_noted(corpus), kept["paths"], edited, kept,  # type: ignore[arg-type]
                                lambda position, sha: ["not", "clauses"]) is None


class _Looked(frozenset[int]):
    """A clause set that counts the clauses an intersection with it looks at."""

    looked_at = 0

    def __and__(self, other: Any) -> frozenset[int]:
        _Looked.looked_at += min(len(self), len(other))
        return frozenset(self).__and__(other)


@pytest.mark.parametrize("edit", ["copy", "different"])
def test_an_edit_among_identical_long_bodies_costs_a_few_readings_of_the_clauses(
    edit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of copies of one long body: every later copy is near-identical to the first,
    and one edited copy could change every finding after it."""
    body = list(range(2_000))
    corpus = [list(body) for _ in range(300)]
    shas: list[str | None] = [f"sha-{n}" for n in range(len(corpus))]
    kept = _kept(corpus, shas)
    after = [list(clauses) for clauses in corpus]
    after[10] = body[:1_900] if edit == "copy" else list(range(5_000, 7_000))
    shas_after = list(shas)
    shas_after[10] = "edited"
    monkeypatch.setattr(sources, "frozenset", _Looked, raising=False)
    _Looked.looked_at = 0
    found = sources._from_memory(_noted(after), kept["paths"], shas_after, kept,  # type: ignore[arg-type]
                                 lambda position, sha: corpus[position])
    looked_at = _Looked.looked_at
    monkeypatch.undo()
    assert found is None or found == sources._compare_bodies(_noted(after))  # type: ignore[arg-type]
    clauses = sum(len(clauses) for clauses in after)
    bound = sources.MOST_CHANGED + sources.MOST_RECOMPUTED + 2
    assert looked_at <= bound * clauses
