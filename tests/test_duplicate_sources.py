"""P014 and P015 beyond their fixtures: seeds equal in bytes or in normalised text, withdrawn
duplicates, near-identical bodies from distinct seeds, and the clause measure itself."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from iraq_ct_news.checks.rules.sources import NEAR_IDENTICAL, clause_hashes
from iraq_ct_news.checks.run import validate_repository

from .release_support import ARTICLE, SEED, copy_valid_tree

COPY = "curated/articles/fixture-iom-copy.yaml"


def copy_article(tree: Path, seed_bytes: bytes | None = None, *, withdrawn: bool = False) -> None:
    """The fixture article again as ``fixture-iom-copy``, from a seed of its own with
    ``seed_bytes`` (from the same seed when None)."""
    text = (tree / ARTICLE).read_text(encoding="utf-8")
    text = text.replace("id: fixture-iom-agreement", "id: fixture-iom-copy")
    if seed_bytes is not None:
        (tree / "seeds/copy.txt").write_bytes(seed_bytes)
        old = SEED.split("/")[-1]
        text = text.replace(f"seed: {old}", "seed: copy.txt")
        start = text.index("seed_sha256: ") + len("seed_sha256: ")
        text = text[:start] + hashlib.sha256(seed_bytes).hexdigest() + text[start + 64:]
    if withdrawn:
        text = text.replace("status: active", "status: withdrawn\nwithdrawn_reason: a duplicate\n"
                            "superseded_by: fixture-iom-agreement")
    (tree / COPY).write_text(text, encoding="utf-8")


def findings(tree: Path) -> list[tuple[str, str, str]]:
    return [(Path(f.path).name, f.code, f.message) for f in validate_repository(tree).findings]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_valid_tree(tmp_path / "repo")


def test_a_seed_with_the_same_bytes_under_another_name(tree: Path) -> None:
    copy_article(tree, (tree / SEED).read_bytes())
    found = findings(tree)
    assert [(name, code) for name, code, _ in found if code == "P014"] == [
        ("fixture-iom-copy.yaml", "P014")
    ]
    assert "the same bytes" in next(message for _, code, message in found if code == "P014")


def test_a_seed_with_the_same_normalised_text(tree: Path) -> None:
    text = (tree / SEED).read_text(encoding="utf-8")
    # Another hamza form, another dash, another line ending at the end: other bytes, same words.
    variant = text.replace("بعد أربع سنوات", "بعد اربع سنوات").replace("بغداد - ", "بغداد — ")
    copy_article(tree, (variant + "\n\n").encode("utf-8"))
    p012 = [message for _, code, message in findings(tree) if code == "P014"]
    assert len(p012) == 1 and "the same Arabic-normalised text" in p012[0], p012


def test_a_withdrawn_duplicate_is_how_one_is_resolved(tree: Path) -> None:
    copy_article(tree, withdrawn=True)
    assert findings(tree) == []


def test_a_near_identical_body_from_another_seed_is_a_warning(tree: Path) -> None:
    seed = (tree / SEED).read_bytes() + "\nأعيد نشر هذا التقرير في موقع آخر.\n".encode()
    copy_article(tree, seed)
    found = findings(tree)
    assert [(name, code) for name, code, _ in found] == [("fixture-iom-copy.yaml", "P015")]
    assert "fixture-iom-agreement.yaml" in found[0][2]


def test_clauses_are_compared_arabic_normalised() -> None:
    text = "وقّع الطرفان اتفاقيةً للتعاون في مكافحة الإرهاب، وأكد الوزير أن العمل مستمر."
    variant = "وقع الطرفان اتفاقية للتعاون في مكافحة الارهاب ،  واكد الوزير ان العمل مستمر"
    assert clause_hashes(text) == clause_hashes(variant)
    assert len(clause_hashes(text)) == 2


def test_short_clauses_do_not_count() -> None:
    assert clause_hashes("بغداد، 16 كانون الاول: وقال.") == []


def test_an_edit_changes_only_the_clauses_it_touches() -> None:
    clauses = [f"الجملة رقم {n} من هذا التقرير الطويل" for n in range(20)]
    original = set(clause_hashes("، ".join(clauses)))
    clauses[3] = "جملة أخرى كتبت في مكان الجملة الرابعة"
    edited = set(clause_hashes("، ".join(clauses)))
    similarity = len(original & edited) / len(original | edited)
    assert similarity == pytest.approx(19 / 21) and similarity >= NEAR_IDENTICAL
