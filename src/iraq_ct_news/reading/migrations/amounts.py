"""Record format 1.1.0 → 1.2.0, amounts: every amount says what it is (``kind``).

Format 1.1.0 had no ``kind``: an amount was a sum with an optional provider and recipient, and
nothing said whether it was money paid, promised, lent, or the value of an agreement. The
upgrade does not guess that from the purpose, the event or the names: it writes
``kind: unstated`` ("the record does not say"), the value the 1.2.0 model reads an amount
without a kind as, and keeps provider and recipient as they were written (C011 allows them on
an unstated kind). A curator who reads the text then chooses the kind, and moves the parties of
a sum no one pays (the signatories of a memorandum) to ``parties``.
"""

from __future__ import annotations

from typing import Any

from . import MigrationStep

#: The kind an upgraded amount gets: the format's value for "the record does not say".
UNSTATED = "unstated"


def upgrade_amounts(article: dict[str, Any]) -> list[str]:
    """Give every amount of a 1.1.0 article's plain data a ``kind``, in place.

    Returns one line per amount changed (none for an article without amounts, or one already
    upgraded, so running it twice changes nothing). Values that are not an amount mapping are
    left alone for the validator to report.
    """
    amounts = article.get("amounts")
    if not isinstance(amounts, list):
        return []
    changes: list[str] = []
    for index, amount in enumerate(amounts):
        if not isinstance(amount, dict) or "kind" in amount:
            continue
        _insert_after(amount, "currency", "kind", UNSTATED)
        roles = [role for role in ("provider", "recipient") if amount.get(role) is not None]
        kept = f"; {' and '.join(roles)} kept as written" if roles else ""
        changes.append(
            f"amounts[{index}]: kind {UNSTATED} (format 1.1.0 did not say what the sum is; "
            f"choose its kind from the text){kept}"
        )
    return changes


def _insert_after(mapping: dict[str, Any], anchor: str, key: str, value: Any) -> None:
    """Insert ``key`` right after ``anchor`` (at the end without it), keeping the same dict."""
    items = list(mapping.items())
    position = next((i + 1 for i, (name, _) in enumerate(items) if name == anchor), len(items))
    items.insert(position, (key, value))
    mapping.clear()
    mapping.update(items)


STEP = MigrationStep(
    name="amount-kind",
    introduced_in="1.2.0",
    kinds=("article",),
    apply=upgrade_amounts,
)
