"""The numbers a text states, as the validator (P007, P011) and ``draft`` read them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from iraq_ct_news.core.numerals import stated_numbers
from iraq_ct_news.curation.draft import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فر 8ر1 مليون شخص من ديارهم", [Decimal("1800000")]),
        ("ارتفع المؤشر بنسبة 5ر12 في المائة", [Decimal("12.5")]),
        ("بلغ العجز ٣ر٤ مليار دينار", [Decimal("4300000000")]),
        ("قدمت 2.5 مليون دولار", [Decimal("2500000")]),
        ("بين 8 و1 مليون", [Decimal("8"), Decimal("1000000")]),
        ("العدد 8 ر 1", [Decimal("8"), Decimal("1")]),
    ],
)
def test_agency_decimal_is_one_number(text: str, expected: list[Decimal]) -> None:
    assert stated_numbers(text) == expected


def test_draft_reads_the_agency_decimal_as_the_validator_does() -> None:
    text = "وقالت الوكالة إن 5ر2 مليون دولار خصصت لإيواء 4ر1 مليون نازح في المخيمات."
    found = list(quantities.amounts(text))
    assert [(text[start:end], value, currency) for start, end, value, currency in found] == [
        ("5ر2 مليون دولار", 2500000, "USD")
    ]
    taken = [(start, end) for start, end, _value, _currency in found]
    figures = [(text[start:end], value) for start, end, value, _unit in quantities.figures(text, taken)]
    assert figures == [("4ر1 مليون نازح", Decimal("1400000"))]


def test_no_top_level_module_is_named_after_a_standard_library_module() -> None:
    """A module named like one of the standard library's (``numbers``) shadows it for any script
    run from the package folder, and confuses readers of ``from .. import numbers``."""
    import sys
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "src" / "iraq_ct_news"
    names = {path.stem for path in package.glob("*.py")} | {
        path.name for path in package.iterdir() if path.is_dir()
    }
    assert not names & set(sys.stdlib_module_names) - {"__init__", "__main__"}
