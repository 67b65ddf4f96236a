"""Registry names in a text, found the way the validator finds them, but with offsets.

The validator's :class:`~iraq_ct_news.reading.name_index.NameMatcher` answers *which* entities a
text names (C004); drafting needs *where*, so this module walks the same token index over words
that remember their offsets. The rules are the curation conventions: the longest (outermost)
spelling wins; a name glued to a proclitic (والعراق، بمكتب) starts after it, except that the
elided form لل keeps its two letters (للعراق: the article's alef is not written, so العراق is not
in the text); a person's surname alone counts once the article has named the person in full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..core.arabic import CONJUNCTIONS
from .lexicon import DESCRIPTORS, HONORIFICS, TITLE_NOUNS
from .name_index import NameMatcher
from .text import Word, bare_forms, keys_of, letters_offset


@dataclass(frozen=True)
class NameMatch:
    """Words ``first``..``last`` (inclusive) name ``entity``; the span is ``start``..``end``."""

    entity: str
    first: int
    last: int
    start: int
    end: int
    short_form: bool = False


def find_names(
    text: str,
    words: Sequence[Word],
    matcher: NameMatcher,
    surnames: dict[str, list[str]],
    named_before: dict[str, None],
    spellings: dict[str, tuple[str, ...]] | None = None,
    most_recent: frozenset[str] = frozenset(),
) -> list[NameMatch]:
    """Every registry name in ``words``, left to right, longest first.

    ``surnames`` maps a surname key to the people who have it; a surname alone is a mention
    once its person is in ``named_before`` (updated as the text is read, so the order of the
    text decides, most recent last) or right after a title or courtesy title (الوزير فلان), and
    only when exactly one such person has it; a short form in ``most_recent`` (an institution's
    head noun alone: التحالف) goes to the one named most recently. With ``spellings`` (entity →
    search keys), a match is narrowed to the shortest run of its words that is itself a
    spelling of the entity (تنظيم داعش → داعش).
    """
    found: list[NameMatch] = []
    keys = keys_of(words)
    starting = matcher.starting_words(keys)
    if not surnames:
        # Only a word that starts a spelling can start a match: visit those words only.
        resume = 0
        for position in [index for index, key in enumerate(keys) if key in starting]:
            if position >= resume:
                width = _match_at(text, words, keys, position, matcher, named_before,
                                  spellings, found)
                resume = position + max(width, 1)
        return found
    position = 0
    while position < len(words):
        if keys[position] in starting:
            width = _match_at(text, words, keys, position, matcher, named_before, spellings,
                              found)
            if width:
                position += width
                continue
        short = _surname_at(
            matcher, keys[position], surnames, named_before,
            introduced=lambda: position > 0 and _introduces(text, words, position - 1),
            most_recent=most_recent,
        )
        if short is not None:
            entity, variant = short
            found.append(_span(text, words, position, 1, entity, variant, short_form=True))
        position += 1
    return found


def _match_at(
    text: str,
    words: Sequence[Word],
    keys: list[str],
    position: int,
    matcher: NameMatcher,
    named_before: dict[str, None],
    spellings: dict[str, tuple[str, ...]] | None,
    found: list[NameMatch],
) -> int:
    """Add the longest registry name starting at word ``position`` to ``found`` (narrowed to
    the entity's own spelling) and return how many words it covers, or 0 when none starts
    there."""
    match = matcher.longest_at(keys, position)
    if match is None:
        return 0
    width, entity, variant = match
    first, narrowed_width, narrowed_variant = _narrowest(
        matcher, keys, position, width, variant, (spellings or {}).get(entity, ())
    )
    found.append(_span(text, words, first, narrowed_width, entity, narrowed_variant))
    named_before.pop(entity, None)
    named_before[entity] = None
    return width


def _introduces(text: str, words: Sequence[Word], index: int) -> bool:
    """Whether word ``index`` is a title or courtesy title directly before the next word."""
    between = text[words[index].end : words[index + 1].start]
    return between.strip() == "" and bool(
        bare_forms(words[index].key) & (TITLE_NOUNS | HONORIFICS)
    )


def _narrowest(
    matcher: NameMatcher,
    keys: list[str],
    first: int,
    width: int,
    variant: str,
    spellings: tuple[str, ...],
) -> tuple[int, int, str]:
    """The matched words without the generic nouns before a group's name (تنظيم داعش → داعش),
    when what remains is itself a spelling of the same entity."""
    if width == 1 or not spellings:
        return first, width, variant
    wanted = set(spellings)
    start = first
    while start < first + width - 1 and bare_forms(keys[start]) & DESCRIPTORS:
        start += 1
        rest = keys[start + 1 : first + width]
        for form in matcher.variants(keys[start]):
            if " ".join([form, *rest]) in wanted:
                return start, first + width - start, form
    return first, width, variant


def _surname_at(
    matcher: NameMatcher,
    key: str,
    surnames: dict[str, list[str]],
    named_before: dict[str, None],
    *,
    introduced: Callable[[], bool],
    most_recent: frozenset[str] = frozenset(),
) -> tuple[str, str] | None:
    """A surname alone (or a head noun in ``most_recent``) naming one person already named
    (or ``introduced()`` by a title just before it); ``introduced`` is asked only for a word
    that is some person's surname."""
    if not surnames:
        return None
    asked: bool | None = None
    for variant in matcher.variants(key):
        holders = surnames.get(variant, ())
        if not holders:
            continue
        if asked is None:
            asked = introduced()
        people = [person for person in holders if asked or person in named_before]
        if len(set(people)) == 1:
            return people[0], variant
        if people and variant in most_recent:
            order = list(named_before)
            latest = max((p for p in people if p in named_before), key=order.index, default=None)
            if latest is not None:
                return latest, variant
    return None


def _span(
    text: str,
    words: Sequence[Word],
    first: int,
    width: int,
    entity: str,
    variant: str,
    *,
    short_form: bool = False,
) -> NameMatch:
    word = words[first]
    skip = proclitic_letters(word.key, variant)
    start = word.start + letters_offset(text[word.start : word.end], skip)
    last = first + width - 1
    return NameMatch(entity, first, last, start, words[last].end, short_form)


def proclitic_letters(key: str, variant: str) -> int:
    """How many letters of the word ``key`` come before the name ``variant`` in the text.

    ``variant`` is ``key`` with proclitics removed. For the elided form (للعراق → العراق) the
    name's first letters are not in the text, so the span starts at لل, after any conjunction.
    """
    if key == variant or not variant:
        return 0
    if key.endswith(variant):
        return len(key) - len(variant)
    if variant.startswith("ال") and key.endswith("لل" + variant[2:]):
        return len(key) - len(variant)
    return 1 if key[0] in CONJUNCTIONS else 0
