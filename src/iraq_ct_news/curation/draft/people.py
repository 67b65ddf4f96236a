"""People an article introduces: names after a courtesy title, after a verb of saying before a
title, between commas after a title, and closing a title phrase (رئيس الوزراء الأردني فلان
فلان إن …).
"""

from __future__ import annotations

from ...reading.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    REPORTING_VERBS,
    TIMES_OF_DAY,
    TITLE_NOUNS,
    WEEKDAYS,
)
from ...reading.text import Word
from .name_words import MAX_NAME_WORDS, gap, given_name_ali
from .name_words import is_in as _is
from .name_words import not_a_person as _not_a_person
from .name_words import plain_gap as _plain_gap


def _name_run(text: str, words: list[Word], claimed: list[bool], first: int) -> int | None:
    """The last word of a name of up to MAX_NAME_WORDS words starting at ``first``."""
    last = None
    position = first
    while position < len(words) and position - first < MAX_NAME_WORDS:
        if claimed[position] or (
            _not_a_person(words[position].key) and not _inner_ali(text, words, first, position)
        ):
            break
        last = position
        if not _plain_gap(text, words, position):
            break
        position += 1
    if last is not None and last > first and given_name_ali(text, words[last]):
        last -= 1  # محمد علي is a name only with a word after علي; at the end it is على
    if last is not None and _is(words[last].key, NAME_PARTICLES):
        # عبد الله، أبو بكر: a particle is never the last word of a name
        following = last + 1
        if following < len(words) and _plain_gap(text, words, last) and not claimed[following]:
            return following
        return last - 1 if last > first else None
    return last


def _inner_ali(text: str, words: list[Word], first: int, position: int) -> bool:
    """Whether word ``position`` is the given name علي inside a name (محمد علي الحكيم): written
    with a dotted ya, after the name's first word and before another word with no mark between."""
    if not (
        position > first
        and given_name_ali(text, words[position])
        and position + 1 < len(words)
        and _plain_gap(text, words, position)
        and _plain_gap(text, words, position - 1)
    ):
        return False
    following = words[position + 1].key
    # على written with ya before its object (علي أهمية، علي الجانب بالتعاون) is no name
    return not (
        following.endswith("ه")
        or following.startswith(("بال", "لل", "وال", "كال", "فال"))
        or _not_a_person(following)
    )


def person_at(
    text: str, words: list[Word], claimed: list[bool], index: int
) -> tuple[int, int] | None:
    key = words[index].key
    if claimed[index]:
        return None
    # After a courtesy title (a chain of them: معالي السيد).
    if _is(key, HONORIFICS) and (index == 0 or not _is(words[index - 1].key, HONORIFICS)):
        first = index
        while first < len(words) and _is(words[first].key, HONORIFICS) and _plain_gap(
            text, words, first
        ):
            first += 1
        opening = words[first].key if first < len(words) else ""
        if opening[:1] in ("ب", "ل", "ك") and opening.endswith("ه"):
            return None  # 24 دولة بعملية سحب: a preposition's noun, so دولة is "state" here
        if first < len(words) and first > index:
            last = _name_run(text, words, claimed, first)
            if last is not None and last > first:
                return first, last
        return None
    opens = index == 0 or not _plain_gap(text, words, index - 1) or _is(
        words[index - 1].key, REPORTING_VERBS
    )
    if not opens or _not_a_person(key) or not _could_open_name(key):
        return None
    last = _name_run(text, words, claimed, index)
    if last is None or last == index:
        return None
    after = gap(text, words, last)
    following = words[last + 1].key if last + 1 < len(words) else ""
    title_follows = _is(following, TITLE_NOUNS) and (
        any(mark in after for mark in "،,-–—")
        # فلان فلان السفير الأسترالي: a definite title right after the name is its apposition
        # (not a noun in ta marbuta before a title's genitive: مبادرة الأمين العام)
        or (not after.strip() and following.startswith("ال") and not any(
            words[position].key.endswith("ه") for position in range(index, last + 1)))
    )
    after_verb = index > 0 and _is(words[index - 1].key, REPORTING_VERBS) and any(
        mark in after for mark in "،,-–—"
    )
    between_commas = (
        index > 0
        and any(mark in gap(text, words, index - 1) for mark in "،,")
        and any(mark in after for mark in "،,.")
        and (
            _title_opens_clause(text, words, index - 1)
            # أوضح وزير الخارجية العراقي، فلان فلان، …: the title phrase ends the clause before
            or _title_within(text, words, index - 1)
        )
    )
    if title_follows or after_verb or between_commas:
        return index, last
    return None


def _title_opens_clause(text: str, words: list[Word], last: int) -> bool:
    """Whether the clause ending at word ``last`` starts with a title noun (… ، نائب رئيس …)."""
    position = last
    while position > 0 and _plain_gap(text, words, position - 1):
        position -= 1
    return _is(words[position].key, TITLE_NOUNS)


#: Words that open the reported clause right after a name (قال الرئيس فلان فلان إن …).
_CLAUSE_OPENERS = frozenset({"ان", "انه", "انها"})

def closing_title_person(
    text: str, words: list[Word], claimed: list[bool]
) -> list[tuple[int, int]]:
    """Names of two or three words that close a title phrase (… للأمم المتحدة فلان فلان.،
    رئيس الوزراء العراقي فلان فلان الفلاني إن …، الفريق الركن فلان فلان، …).

    The title phrase has a title noun within six words before the name, and its last word is
    definite or a known name; the name's first word is indefinite, a definite word ends it
    (the surname: المالكي), and after it comes punctuation, a clause word (أن), a verb of saying,
    a word with و plus the article (والوفد), a preposition's word, a weekday, or the text's end.
    """
    found = []
    for first in range(1, len(words) - 1):
        if claimed[first] or not _plain_gap(text, words, first - 1):
            continue
        if not claimed[first - 1] and not words[first - 1].key.startswith("ال"):
            continue
        last = _closing_run(text, words, claimed, first)
        if last is None or not _title_within(text, words, first - 1):
            continue
        found.append((first, last))
    return found


def _closing_run(text: str, words: list[Word], claimed: list[bool], first: int) -> int | None:
    """The last word of a name starting at ``first`` that ends where a name can end, or None."""
    if not _could_open_name(words[first].key):
        return None
    if _verb_as_given_name(text, words, claimed, first):
        return first + 1
    position = first
    while position < len(words) and position - first < MAX_NAME_WORDS:
        key = words[position].key
        after_particle = position > first and _is(words[position - 1].key, NAME_PARTICLES)
        if claimed[position] or (
            _not_a_person(key) and not _inner_ali(text, words, first, position)
        ) or (
            position > first and not _could_continue_name(key)
        ) or (key.endswith("ه") and not after_particle):
            return None  # a noun in ta marbuta or with a pronoun (مكافحة، بلاده), not a name
        definite = key.startswith("ال") and not after_particle  # عبد الله: part of the name
        ends = not _plain_gap(text, words, position) or position + 1 == len(words) or (
            _name_ends_before(words[position + 1].key, _key_after(text, words, position + 1))
        )
        if (ends or definite) and position > first and not _is(key, NAME_PARTICLES):
            return position
        if definite or not _plain_gap(text, words, position):
            return None
        position += 1
    return None


def _verb_as_given_name(text: str, words: list[Word], claimed: list[bool], first: int) -> bool:
    """Whether a verb of saying closing a title phrase is a given name (الفريق الركن طالب فلان،):
    a verb there would take an object or a clause, not one indefinite name-like word closed by
    a mark (طالب بالإفراج، أكد ذلك، قال إن are not names)."""
    second = first + 1
    if second >= len(words) or not _is(words[first].key, REPORTING_VERBS):
        return False
    if not _plain_gap(text, words, first) or _plain_gap(text, words, second) or claimed[second]:
        return False
    key = words[second].key
    nisba = key.startswith("ال") and key.endswith("ي")  # a family name: الزيدي، الساعدي
    return (_could_open_name(key) or nisba) and not _not_a_person(key) and not _is(key, WEEKDAYS)


def _could_open_name(key: str) -> bool:
    """Whether ``key`` can be a name's first word: not definite, not a word with a preposition
    or conjunction glued to the article (بالتنسيق، للمجتمع), not a verbal noun or other word in
    ta marbuta (ضرورة، أهمية), not a future verb (سيتوجه)."""
    if key.startswith(("ال", "بال", "لل", "كال", "وال", "فال")):
        return False
    if key.endswith("ه") and not _is(key, NAME_PARTICLES):
        return False
    return _could_continue_name(key)


def _could_continue_name(key: str) -> bool:
    """Whether ``key`` can be a later word of a name: not a future verb, a short word with
    the future prefix (سيتوجه، ستبحث; a long one is a foreign name: ستريكلاند)."""
    return not (key.startswith(("سي", "ست")) and 6 <= len(key) <= 7)


def _key_after(text: str, words: list[Word], position: int) -> str:
    """The key of the word after word ``position`` when no mark stands between, else ''."""
    if position + 1 >= len(words) or not _plain_gap(text, words, position):
        return ""
    return words[position + 1].key


def _name_ends_before(key: str, after: str = "") -> bool:
    """Whether a name can end right before the word ``key`` (``after`` being the word after
    it, '' at a mark). A word with ل is a preposition's word (لمناقشة، لبحث أمن الحدود) unless
    it is followed by what follows a name's end (a mark, صباح، الأحد، في، إن): then it is a
    surname that merely begins with ل (لوران، لودريان)."""
    return (
        key in _CLAUSE_OPENERS
        or _is(key, REPORTING_VERBS)
        or _is(key, FUNCTION_WORDS)
        or _is(key, WEEKDAYS)
        or _is(key, TIMES_OF_DAY)
        or key.startswith(("وال", "لل"))
        or (key.startswith("ل") and not key.startswith("ال") and len(key) >= 4 and (
            key.endswith("ه") or not _closes_a_name(after)))
    )


def _closes_a_name(key: str) -> bool:
    """Whether a name's last word can stand right before the word ``key`` ('' at a mark):
    a part of the day, a weekday, a function word, a verb of saying or a clause opener."""
    return not key or key in _CLAUSE_OPENERS or any(
        _is(key, words) for words in (TIMES_OF_DAY, WEEKDAYS, FUNCTION_WORDS, REPORTING_VERBS)
    )


def _title_within(text: str, words: list[Word], last: int, reach: int = 6) -> bool:
    """Whether a title noun stands within ``reach`` words before word ``last`` (included),
    with no punctuation between."""
    position, steps = last, 0
    while position >= 0 and steps < reach:
        if _is(words[position].key, TITLE_NOUNS):
            return True
        if position == 0 or not _plain_gap(text, words, position - 1):
            return False
        position -= 1
        steps += 1
    return False
