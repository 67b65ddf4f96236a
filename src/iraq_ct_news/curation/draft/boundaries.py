"""Where a name ends: at a quotation mark, and after the relational adjective that completes
it; and the gazetteer's names as one matcher.

A name never crosses a quotation mark (تنظيم "الدولة الإسلامية" names the group inside the
marks), so names are looked for within each stretch between marks. An institution's or a
multi-word place's name goes on over one relational adjective (مجلس الأمن الدولي).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ...reading.gazetteer import GazetteerEntry, by_key
from ...reading.lexicon import EVALUATIVE, GENERIC_ADJECTIVES, QUOTATION_MARKS
from ...reading.matching import NameMatch
from ...reading.matching import find_names as find_names_anywhere
from ...reading.name_index import NameMatcher
from ...reading.text import Word
from .name_words import gap

_ADJECTIVES = EVALUATIVE | GENERIC_ADJECTIVES
#: Gazetteer entries in matcher order; the matcher's entity ``@N`` is entry N.
_GAZETTEER_ENTRIES: tuple[GazetteerEntry, ...] = tuple(dict.fromkeys(by_key().values()))


def find_names(
    text: str, words: list[Word], *arguments: Any, **options: Any
) -> list[NameMatch]:
    """:func:`.matching.find_names` within each stretch between quotation marks: a name never
    crosses one (تنظيم "الدولة الإسلامية" names the group inside the marks)."""
    found: list[NameMatch] = []
    first = 0
    for index in range(len(words) + 1):
        if index < len(words) and not (
            index + 1 < len(words) and QUOTATION_MARKS & set(gap(text, words, index))
        ):
            continue
        stretch = words[first : index + 1]
        found += [
            replace(match, first=match.first + first, last=match.last + first)
            for match in find_names_anywhere(text, stretch, *arguments, **options)
        ]
        first = index + 1
    return found


def extended(
    text: str, words: list[Word], match: NameMatch, kind: str, claimed: set[int]
) -> NameMatch:
    """An institution's or place's name with the relational adjective that completes it
    (مجلس الأمن الدولي، الولايات المتحدة الأمريكية): one definite nisba right after it, unless
    that adjective judges (الإرهابي) or only describes (الحالي، الأمنية). A head noun
    standing alone for a name (التحالف) and a one-word place (الموصل العراقية: Mosul, in Iraq)
    are not extended: the adjective there makes another name or describes."""
    following = match.last + 1
    if kind == "person" or match.short_form or following >= len(words) or following in claimed:
        return match
    if kind == "place" and match.first == match.last:
        return match
    if gap(text, words, match.last).strip():
        return match
    key = words[following].key
    if not (key.startswith("ال") and key.endswith(("ي", "يه")) and len(key) > 4):
        return match
    if key in _ADJECTIVES:
        return match
    return replace(match, last=following, end=words[following].end)


@lru_cache(maxsize=1)
def gazetteer_matcher() -> NameMatcher:
    spellings: dict[str, list[str]] = defaultdict(list)
    for key, entry in by_key().items():
        spellings[entry.id].append(key)
    return NameMatcher({
        f"@{number}": tuple(spellings[entry.id]) for number, entry in enumerate(_GAZETTEER_ENTRIES)
    })


def gazetteer_entry(entity: str) -> GazetteerEntry:
    """The entry a match of :func:`gazetteer_matcher` (entity ``@N``) names."""
    return _GAZETTEER_ENTRIES[int(entity[1:])]
