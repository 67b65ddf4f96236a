"""Unicode NFC in time linear in the text, with the result of ``unicodedata.normalize``.

Normalisation puts each run of combining marks in canonical order by swapping neighbours, in
time quadratic in the run: one letter followed by 100,000 marks of alternating classes takes
minutes. Three Tibetan vowel signs (U+0F73, U+0F75, U+0F81) are no marks but decompose into
two, so a run of them costs the same. No one writes such a run, but a seed can hold one, so a
run of 32 or more is decomposed and ordered here with a stable sort by combining class (which
is how the standard defines canonical order), and the normaliser gets runs already in order,
which it passes through in linear time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from .arabic import CANONICALLY_DECOMPOSING_TO_MARKS, mark_class

#: A run of marks shorter than this is left to the normaliser (its cost is bounded).
SHORT_RUN = 32


@lru_cache(maxsize=1)
def _long_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns for runs of at least ``SHORT_RUN`` characters that decompose into marks (the
    marks of the table :mod:`.arabic` builds in C loops, and the three signs that decompose into
    marks only): a quick one whose class is a bitmap (the marks of the Basic Multilingual Plane,
    and any character beyond it), tested in constant time per character, and the exact one,
    whose class lists the few marks beyond that plane as ranges and is tried only inside a run
    the quick one found. With the exact class alone, every character of a seed was tested
    against some two hundred ranges: that scan was a tenth of a cold validation. Built on first
    use, not on import."""
    repeat = f"{{{SHORT_RUN},}}"
    marks = f"{mark_class(low_plane=True)}{CANONICALLY_DECOMPOSING_TO_MARKS}"
    return (re.compile(f"[{marks}\\U00010000-\\U0010ffff]{repeat}"),
            re.compile(f"[{marks}{mark_class(low_plane=False)}]{repeat}"))


def _runs_of_marks(text: str) -> Iterator[re.Match[str]]:
    """Every run of at least ``SHORT_RUN`` characters that decompose into marks, in order, in
    time linear in ``text`` (the exact pattern reads each quick run once)."""
    quick, exact = _long_runs()
    for candidate in quick.finditer(text):
        yield from exact.finditer(text, candidate.start(), candidate.end())


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, in time linear in ``text``."""
    if text.isascii():
        return text
    pieces: list[str] = []
    done = 0
    for run in _runs_of_marks(text):
        pieces.append(text[done : run.start()])
        pieces.append(_in_canonical_order(run.group()))
        done = run.end()
    if not pieces:
        return unicodedata.normalize("NFC", text)
    pieces.append(text[done:])
    return unicodedata.normalize("NFC", "".join(pieces))


def _in_canonical_order(run: str) -> str:
    """A run of characters that decompose into marks only, decomposed and stably sorted by
    combining class (every character of the result is a mark, so the run is one sequence)."""
    decomposed = "".join(unicodedata.normalize("NFD", char) for char in run)
    return "".join(sorted(decomposed, key=unicodedata.combining))
