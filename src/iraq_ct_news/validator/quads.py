"""CAMEO quad classes: each root code belongs to one of four classes (C006)."""

from __future__ import annotations

from collections.abc import Iterable

from .report import FileReport

_QUAD_BY_ROOT = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                 **dict.fromkeys(range(9, 15), 3), **dict.fromkeys(range(15, 21), 4)}


def check_quad_classes(report: FileReport, codes: Iterable[tuple[str, int]]) -> None:
    """C006: a CAMEO code's quad class is the one its root code belongs to."""
    for position, (code, quad_class) in enumerate(codes):
        expected = _QUAD_BY_ROOT.get(int(code[:2]))
        if expected != quad_class:
            report.add(
                "C006",
                f"CAMEO {code} has quad class {expected}, not {quad_class}"
                if expected else f"CAMEO root {code[:2]} does not exist (01–20)",
                ("codes", position, "quad_class"),
            )
