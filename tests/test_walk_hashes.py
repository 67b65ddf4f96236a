"""Content hashes, counted: one per record per run, and the same bytes as ``json.dumps``.

``content_sha256`` (a model dump and its canonical JSON) is asked for by the validator's summary
of each versioned file and again by the build's registry tables; it is worked out once per
record object. The versioning rules also hash each registry record of the last release (its
release file carries no hash), a different record: that is the only other hash of a run.
"""

from __future__ import annotations

import gc
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from iraq_ct_news.commands.cli import main
from iraq_ct_news.models import content
from iraq_ct_news.models.kinds import BY_KIND
from iraq_ct_news.models.layout import curated_files


def _counting_hashes(monkeypatch: pytest.MonkeyPatch) -> list[BaseModel]:
    """Every record whose content is dumped for a hash (kept alive, so ids stay distinct)."""
    hashed: list[BaseModel] = []
    real = content.content_of

    def counting(record: BaseModel) -> dict[str, Any]:
        hashed.append(record)
        return real(record)

    monkeypatch.setattr(content, "content_of", counting)
    return hashed


def _versioned_files(root: Path) -> int:
    return sum(1 for source in curated_files(root)
               if source.kind is not None and BY_KIND[source.kind].versioned)


def test_validate_hashes_each_versioned_record_once(
    valid_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed = _counting_hashes(monkeypatch)
    assert main(["validate", "--root", str(valid_tree), "--no-cache"]) == 0
    assert len(hashed) == _versioned_files(valid_tree) > 3
    assert max(Counter(map(id, hashed)).values()) == 1


def test_build_hashes_each_record_once(
    valid_tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build's registry tables take the hash the validator worked out for the same record
    (they hashed every person, organisation and place a second time)."""
    assert main(["build", "--root", str(valid_tree), "--no-cache"]) == 0
    released = sum(
        1 for name in ("people.jsonl", "organizations.jsonl", "places.jsonl")
        for line in (valid_tree / "dataset" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    hashed = _counting_hashes(monkeypatch)
    assert main(["build", "--root", str(valid_tree), "--no-cache"]) == 0
    capsys.readouterr()
    # Each curated versioned record once, and each registry record of the last release once.
    assert len(hashed) == _versioned_files(valid_tree) + released
    assert max(Counter(map(id, hashed)).values()) == 1


def test_a_hash_is_not_taken_for_a_later_record_with_the_same_id() -> None:
    """The memo holds a record weakly: when it is gone, its id may be reused by another."""

    class Record(BaseModel):
        text: str

    first = Record(text="أ")
    expected = content.content_sha256(first)
    assert content.content_sha256(Record(text="أ")) == expected
    key = id(first)
    del first
    gc.collect()
    assert key not in content._HASHED
    others = [Record(text=str(number)) for number in range(200)]
    assert [content.content_sha256(other) for other in others] == [
        hashlib.sha256(f'{{"text":"{other.text}"}}'.encode()).hexdigest()
        for other in others
    ]


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth < 3 and roll < 0.2:
        return {rng.choice(["b", "a", "ä", "z", "1", "é", "ب"]): _random_value(rng, depth + 1)
                for _ in range(rng.randint(0, 4))}
    if depth < 3 and roll < 0.35:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return rng.choice([
        None, True, False, 0, -7, 2**53, 1.5, 1e-07, 1e16, 33.3128, -0.0,
        "", "نص", 'q"uote', "back\\slash", "line\nbreak", "\x00\x1f\x7f", "\u2028", "😀",
        "\u200f", "tab\t",
    ])


def test_the_canonical_encoder_writes_what_json_dumps_writes() -> None:
    rng = random.Random(8785)
    for _ in range(3000):
        value = _random_value(rng)
        expected = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                              allow_nan=False).encode("utf-8")
        assert content.canonical_json(value) == expected
    for refused in (float("nan"), float("inf"), {"a": object()}):
        with pytest.raises((ValueError, TypeError)):
            content.canonical_json(refused)
