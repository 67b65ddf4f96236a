"""CAMEO quad classes (C006): each root code belongs to one of four classes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import CameoVocabulary
from ...reading.cameo import quad_class_of
from .base import declare, file_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C006 = declare(
    "C006", "CAMEO quad class disagrees with its code", "error",
    "A CAMEO code's quad class follows from its root: 01–05 verbal cooperation (1), 06–08 "
    "material cooperation (2), 09–14 verbal conflict (3), 15–20 material conflict (4).",
    "Correct `quad_class` (or the code).",
)


@file_check(C006, kinds=("cameo",))
def check_quad_classes(checked: CheckedFile, run: FileRun) -> None:
    vocabulary = checked.record
    assert isinstance(vocabulary, CameoVocabulary)
    for position, entry in enumerate(vocabulary.codes):
        code, quad_class = entry.code, entry.quad_class
        expected = quad_class_of(code)
        if expected != quad_class:
            checked.report.add(
                C006,
                f"CAMEO {code} has quad class {expected}, not {quad_class}"
                if expected else f"CAMEO root {code[:2]} does not exist (01–20)",
                ("codes", position, "quad_class"),
            )
