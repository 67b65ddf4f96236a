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
from functools import lru_cache

#: A run of marks shorter than this is left to the normaliser (its cost is bounded).
SHORT_RUN = 32
#: Beyond this code point no character has a combining class or decomposes into marks
#: (Unicode 15; ``tests/test_cost_bounds_round2.py`` checks every code point).
_MARKS_END = 0x1F000


def starts_with_mark(char: str) -> bool:
    """Whether ``char`` decomposes (canonically) into something that opens with a mark."""
    return unicodedata.combining(unicodedata.normalize("NFD", char)[:1] or " ") != 0


@lru_cache(maxsize=1)
def _long_run() -> re.Pattern[str]:
    """A run of at least ``SHORT_RUN`` characters that decompose into marks. Built on first use
    (about 50 ms), not on import."""
    ranges: list[tuple[int, int]] = []
    for code in range(_MARKS_END):
        if unicodedata.combining(chr(code)) or starts_with_mark(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    members = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return re.compile(f"[{members}]{{{SHORT_RUN},}}")


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, in time linear in ``text``."""
    if text.isascii():
        return text
    pieces: list[str] = []
    done = 0
    for run in _long_run().finditer(text):
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
