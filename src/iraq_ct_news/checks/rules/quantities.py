"""Numbers against their text (P007, P008, P011): an amount, a resolution symbol or a figure
states a number its anchored words state too."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ...core.numerals import has_digits, stated_numbers
from ...core.textutil import to_latin_digits
from ...models import Article
from .base import declare, file_check
from .helpers import preview

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

P007 = declare(
    "P007", "amount disagrees with its text", "error",
    "`value` must equal a number written in `exact` (Latin or Arabic-Indic digits, with the "
    "scale words ألف/آلاف, مليون/ملايين, مليار/مليارات), in units of the currency.",
    "Correct `value` (e.g. '2 مليون دولار' is 2000000 USD).",
)
P008 = declare(
    "P008", "resolution number not in its text", "error",
    "The number of the resolution `symbol` (S/RES/<n> (<year>)) must occur in `exact`.",
    "Correct the symbol or anchor the span that cites the resolution.",
)
P011 = declare(
    "P011", "figure disagrees with its text", "error",
    "When a figure's `exact` contains digits, `value` must equal a number written there.",
    "Correct `value`.",
)

@file_check(P007, P008, P011, kinds=("article",))
def check_quantities(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    report = checked.report
    for index, amount in enumerate(article.amounts):
        numbers = stated_numbers(amount.exact)
        if Decimal(amount.value) not in numbers:
            stated = ", ".join(_format_decimal(n) for n in numbers) or "no number"
            report.add(
                P007,
                f"amounts[{index}].value {amount.value} is not what the text states ({stated})",
                ("amounts", index, "value"),
            )
    for index, resolution in enumerate(article.resolutions):
        number = resolution.symbol.split("/")[2].split(" ")[0]
        if re.search(rf"(?<![0-9]){number}(?![0-9])", to_latin_digits(resolution.exact)) is None:
            report.add(
                P008,
                f"resolutions[{index}]: {number} does not occur in {preview(resolution.exact)}",
                ("resolutions", index, "symbol"),
            )
    for index, figure in enumerate(article.figures):
        if has_digits(figure.exact) and Decimal(str(figure.value)) not in stated_numbers(
            figure.exact
        ):
            report.add(
                P011,
                f"figures[{index}].value {figure.value} is not a number stated in "
                f"{preview(figure.exact)}",
                ("figures", index, "value"),
            )


def _format_decimal(number: Decimal) -> str:
    return format(number.normalize(), "f")
