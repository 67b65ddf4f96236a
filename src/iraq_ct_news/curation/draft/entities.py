"""Names the registries lack: people, organisations and places an article introduces.

Arabic has no capital letters, so a new name is recognised by how news prose introduces one:

* a person after a courtesy title, a verb of saying or a title (:mod:`.people`);
* an organisation from a head noun (مكتب، وزارة، بعثة، حكومة …) through the genitive chain,
  adjectives and prepositional complements that follow it (مكتب الأمم المتحدة المعني بالمخدرات
  والجريمة), stopping at punctuation, a function word or a clause;
* a place after a place noun (مدينة، محافظة، العاصمة …).

Each candidate gets a kind and the closest existing records, so nobody adds a duplicate; its
further occurrences are then found like registry names (surname alone included).
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ...reading.gazetteer import GazetteerEntry
from ...reading.lexicon import (
    BUILDING_HEADS,
    DESCRIPTORS,
    EVALUATIVE,
    FUNCTION_WORDS,
    GENERIC_ADJECTIVES,
    HONORIFICS,
    NAME_PARTICIPLES,
    NAME_PARTICLES,
    NAME_PREPOSITIONS,
    ORGANIZATION_HEADS,
    OUTLET_DESCRIPTIONS,
    OUTLET_NOUNS,
    PLACE_CUES,
    QUOTATION_MARKS,
    REPORTING_VERBS,
    SITE_NOUNS,
    TAKES_BI,
    TITLE_NOUNS,
)
from ...reading.text import Word, bare, bare_forms
from .name_words import MAX_NAME_WORDS
from .name_words import blocked as _blocked
from .name_words import gap as gap  # where the title rules (titles.py) read it
from .name_words import is_in as _is
from .name_words import plain_gap as _plain_gap
from .people import person_at
from .registry import EntityKind, Registry

#: Words of an organisation's name, its head included.
MAX_ORGANIZATION_WORDS = 9
#: Adjectives that make a definite head a common noun phrase (الحكومة المركزية), not a name.
_COMMON_ADJECTIVES = GENERIC_ADJECTIVES | EVALUATIVE


@dataclass
class Candidate:
    """A name the registries lack, with every spelling of it the article uses."""

    key: str
    """Search key of the full name as first found."""
    kind: EntityKind
    text: str
    """The name as the article first writes it."""
    spellings: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    closest: list[str] = field(default_factory=list)
    place_kind: str | None = None
    reference: GazetteerEntry | None = None
    """The gazetteer's entry, for a name it lists: the record to propose."""


def find_candidates(
    text: str, words: list[Word], claimed: list[bool], match_last: list[int]
) -> list[tuple[int, int, str]]:
    """Word ranges ``(first, last, kind)`` that introduce a new name; ``claimed`` marks the
    words registry names already cover and ``match_last`` the last word of the name covering
    each (-1 if none). A new name never overlaps a known one, except an organisation head that
    takes a known name whole into its own, as مكتب الأمم المتحدة … does."""
    found: list[tuple[int, int, str]] = []
    taken = [False] * len(words)

    def add(first: int, last: int, kind: str) -> None:
        if any(taken[first : last + 1]):
            return
        for index in range(first, last + 1):
            taken[index] = True
        found.append((first, last, kind))

    for index in range(len(words)):
        if _is(words[index].key, DESCRIPTORS) and index + 1 < len(words) and claimed[index + 1]:
            continue  # تنظيم داعش: a generic noun before a known name, not a new name
        organisation = _organisation_at(text, words, claimed, match_last, index)
        if organisation is not None and max(match_last[index : organisation + 1]) <= organisation:
            add(index, organisation, "organization")
            continue
        building = _organisation_at(text, words, claimed, match_last, index, BUILDING_HEADS)
        if building is not None and claimed[index + 1]:
            continue  # مقر التحالف الدولي: the headquarters of a known body, which is the mention
        if building is not None and max(match_last[index : building + 1]) <= building:
            add(index, building, "building")
    for index in range(len(words)):
        person = person_at(text, words, claimed, index)
        if person is not None:
            add(*person, "person")
        place = _place_at(text, words, claimed, index)
        if place is not None:
            add(*place, "place")
    return sorted(found)


def _organisation_at(
    text: str,
    words: list[Word],
    claimed: list[bool],
    match_last: list[int],
    head: int,
    heads: frozenset[str] = ORGANIZATION_HEADS,
) -> int | None:
    """The last word of an institution's name headed by word ``head``, or None.

    After an indefinite head (مكتب، وزارة) come nouns in a genitive chain (الأمم، الخارجية)
    and adjectives; after a definite head (المنظمة، التحالف) only adjectives (الدولية، المتحدة)
    and complements with ل. A complement with ب follows only an adjective that takes one
    (المعني بالمخدرات); و joins a second word of a complement (بالمخدرات والجريمة) or of a
    chain (التصدير والاستيراد), but not another head, title or known name (… واليابان).
    """
    if claimed[head] or not _is(words[head].key, heads):
        return None
    last = head
    head_definite = words[head].key.startswith("ال")
    head_forms = bare_forms(words[head].key)
    previous = words[head].key
    genitive_done = False
    expect_genitive = False
    known_until = -1
    position = head + 1
    while position < len(words) and position - head < MAX_ORGANIZATION_WORDS:
        if not _plain_gap(text, words, position - 1):
            break
        key = words[position].key
        known = claimed[position]
        joins = {
            preposition
            for form in head_forms
            for preposition in NAME_PREPOSITIONS.get(form, frozenset())
        }
        if key in joins and position + 1 < len(words) and claimed[position + 1] and (
            _plain_gap(text, words, position)
        ):
            last = match_last[position + 1] if match_last[position + 1] >= 0 else position + 1
            break  # بعثة … إلى العراق، التحالف الدولي ضد داعش
        if _is(key, FUNCTION_WORDS) or _is(key, REPORTING_VERBS) or _is(key, HONORIFICS):
            break
        if known and position > known_until:
            if genitive_done and not key.startswith("ل") or key[0] in "وفبك" and not (
                key.startswith("ال")
            ):
                break  # a second known name, or one behind ب/و: a complement, not the name
            known_until = match_last[position] if match_last[position] >= 0 else position
        if key[0] in "وف" and (
            _is(key, ORGANIZATION_HEADS) or _is(key, TITLE_NOUNS) or (known and key[0] == "و")
        ):
            break  # و + another head, title or known name: the next name begins
        definite = key.startswith("ال") or known
        with_bi = key.startswith("ب") and not known
        with_li = key.startswith("لل") or (key.startswith("ل") and not key.startswith("ال"))
        coordinated = key.startswith("وال") and not known
        if head_definite and position == head + 1 and not (definite or with_li):
            break  # الحكومة ستواصل …: a definite head takes an adjective, not a genitive
        genitive = expect_genitive
        expect_genitive = False
        if with_bi:
            if previous not in TAKES_BI:
                break
        elif coordinated:
            if not (previous.startswith(("بال", "لل", "ب", "ل")) or not head_definite):
                break
        elif with_li:
            if not (key.startswith("لل") or _continues(text, words, claimed, position)):
                break
            expect_genitive = not key.startswith("لل")
        elif definite:
            if not (known or genitive or _adjective(key)) and (head_definite or genitive_done):
                break
            genitive_done = genitive_done or not _adjective(key) or known
        elif previous.startswith("ال") or claimed[position - 1]:
            break  # a definite word closes a genitive chain: what follows is the next clause
        elif _continues(text, words, claimed, position):
            expect_genitive = True
        else:
            break
        last = position
        previous = key
        position += 1
    if last > head and head_definite and all(
        _is(words[index].key, _COMMON_ADJECTIVES) for index in range(head + 1, last + 1)
    ):
        return None  # الحكومة المركزية، القوات الأمنية: a common noun phrase, not a name
    return last if last > head else None


def _adjective(key: str) -> bool:
    """Whether a definite word reads as an adjective: a nisba (الدولي، العراقية) or a
    participle that names use (المتحدة، المعني)."""
    return key.endswith(("ي", "يه", "يين", "يون")) or key in NAME_PARTICIPLES


def _continues(text: str, words: list[Word], claimed: list[bool], position: int, depth: int = 0) -> bool:
    """An indefinite word belongs to a name when a definite one (or a known name) follows it
    in a genitive chain: فرع منع الإرهاب، مجلس وزراء العراق، بيت ضيافة رئيس الوزراء."""
    if position + 1 >= len(words) or not _plain_gap(text, words, position):
        return False
    following = words[position + 1].key
    if _is(following, FUNCTION_WORDS) or _is(following, REPORTING_VERBS):
        return False
    if following.startswith("ال") or claimed[position + 1]:
        return True
    if depth == 0 and following[0] not in "وفبلك":
        return _continues(text, words, claimed, position + 1, depth + 1)
    return False


def quoted_outlets(text: str, words: list[Word], claimed: list[bool]) -> list[tuple[int, int]]:
    """Names in quotation marks right after an outlet noun (صحيفة "…"، وكالة «…»): word ranges
    of at most MAX_NAME_WORDS words that close with the mark. An adjective that only describes
    the outlet (الرسمية، الحكومية، اليومية) closing the quoted words is not part of its name."""
    return quoted_names(text, words, claimed, OUTLET_NOUNS, OUTLET_DESCRIPTIONS)


def quoted_sites(text: str, words: list[Word], claimed: list[bool]) -> list[tuple[int, int]]:
    """Names in quotation marks right after a noun for a site (قاعدة "…"، مطار «…»، مخيم "…"):
    the site's name is the quoted words; written without marks, the noun belongs to it."""
    return quoted_names(text, words, claimed, SITE_NOUNS, frozenset())


def quoted_whole_sites(
    text: str, words: list[Word], claimed: list[bool]
) -> list[tuple[int, int]]:
    """A site's whole name in quotation marks, its noun first («قاعدة عين الأسد»، "سجن أبو
    غريب"): an indefinite site noun opening the quoted words, which close with a definite word
    or a name after a particle (a quoted common phrase, «قاعدة بيانات», closes with neither)."""
    found = []
    for index, word in enumerate(words[:-1]):
        opens = index == 0 or QUOTATION_MARKS & set(gap(text, words, index - 1))
        if not opens or word.key.startswith("ال") or not _is(word.key, SITE_NOUNS):
            continue
        last = index + 1
        while last < len(words) and last - index <= MAX_NAME_WORDS:
            closing = gap(text, words, last)
            if QUOTATION_MARKS & set(closing):
                named = words[last].key.startswith("ال") or _is(words[index + 1].key, NAME_PARTICLES)
                if named and not any(claimed[index : last + 1]):
                    found.append((index, last))
                break
            if closing.strip():
                break
            last += 1
    return found


def quoted_names(
    text: str, words: list[Word], claimed: list[bool], nouns: frozenset[str],
    describing: frozenset[str],
) -> list[tuple[int, int]]:
    """Word ranges of at most MAX_NAME_WORDS words in quotation marks right after one of
    ``nouns``, without the ``describing`` adjectives that close them."""
    found = []
    for index, word in enumerate(words[:-1]):
        if not _is(word.key, nouns) or not QUOTATION_MARKS & set(gap(text, words, index)):
            continue
        last = index + 1
        while last < len(words) and last - index <= MAX_NAME_WORDS:
            closing = gap(text, words, last)
            if QUOTATION_MARKS & set(closing):
                name_last = last
                while name_last > index + 1 and _is(words[name_last].key, describing):
                    name_last -= 1  # صحيفة "الصباح الرسمية": the official paper al-Sabah
                if not any(claimed[index + 1 : last + 1]):
                    found.append((index + 1, name_last))
                break
            if closing.strip():
                break
            last += 1
    return found


def _place_at(
    text: str, words: list[Word], claimed: list[bool], index: int
) -> tuple[int, int] | None:
    if claimed[index] or bare(words[index].key) not in PLACE_CUES:
        return None
    if index + 1 >= len(words) or not _plain_gap(text, words, index):
        return None
    following = words[index + 1]
    if claimed[index + 1] or _blocked(following.key) or (
        following.key.startswith("ال") and _adjective(following.key)
    ):
        return None  # العاصمة البريطانية لندن: the adjective describes the place named next
    if not following.key.startswith("ال") and _continues(text, words, claimed, index + 1):
        return None
    return index + 1, index + 1


@lru_cache(maxsize=1 << 16)
def normalised(key: str) -> str:
    """A name's key without what varies between spellings of one name: generic nouns before a
    group's name (تنظيم), judging adjectives (الإرهابي), the article and glued conjunctions."""
    return " ".join(kept for kept in map(_kept_word, key.split()) if kept is not None)


@lru_cache(maxsize=1 << 16)
def _kept_word(word: str) -> str | None:
    """One word of a name as :func:`normalised` keeps it, or None when it drops it. Kept per
    word: the four thousand records of a large registry share most of their words, and
    looking each word up in three lexicons was most of ranking the closest records."""
    if len(word) <= 1 or _is(word, DESCRIPTORS) or _is(word, EVALUATIVE) or _is(
        word, FUNCTION_WORDS
    ):
        return None
    stem = bare(word)
    return stem[2:] if stem.startswith("ال") else stem


def _acronym_of(name: str) -> str | None:
    """The Arabic acronym of a normalised name of three words or more, from their first
    letters (الدولة الإسلامية في العراق والشام → داعش، as حماس and يونامي are formed)."""
    words = name.split()
    if len(words) < 3:
        return None
    return "".join(word[0] for word in words)


#: The least similarity for a record to be named as a possible duplicate.
_CLOSE = 0.45


def _could_raise(wanted: Counter[str], other: str, best: float) -> bool:
    """Whether ``SequenceMatcher(None, wanted, other).ratio()`` could raise ``best`` to a score
    that counts. The ratio is at most difflib's ``quick_ratio()`` (letters in common, counted
    with repeats), which is at most ``real_quick_ratio()`` (the shorter length); both are
    computed here as difflib does, without building a matcher for every record."""
    total = wanted.total() + len(other)
    if not total:
        return False
    for common in (min(wanted.total(), len(other)), (wanted & Counter(other)).total()):
        bound = 2.0 * common / total
        if not (bound > best and bound >= _CLOSE):
            return False
    return True


def closest_records(registry: Registry, key: str, kind: EntityKind, limit: int = 3) -> list[str]:
    """Ids of the registry records of the same kind whose spellings look most like ``key``:
    the records a duplicate would be a copy of. Names are compared normalised, so a record one
    of whose spellings is the same name (تنظيم داعش الإرهابي, داعش) comes first."""
    scored: list[tuple[float, str]] = []
    wanted = normalised(key)
    words = set(wanted.split())
    letters = Counter(wanted)
    for entity in registry.entities.values():
        if entity.kind != kind:
            continue
        best = 0.0
        for spelling in entity.keys:
            other = normalised(spelling)
            if other and (other == wanted or _acronym_of(wanted) == other
                          or _acronym_of(other) == wanted):
                best = 2.0
                break
            overlap = len(words & set(other.split())) / max(len(words), len(other.split()), 1)
            best = max(best, overlap)
            # The ratio is computed only when its upper bounds could raise ``best`` to a score
            # that counts (same result, far fewer full comparisons in a large registry).
            if _could_raise(letters, other, best):
                best = max(best, difflib.SequenceMatcher(None, wanted, other).ratio())
        if best >= _CLOSE:
            scored.append((best, entity.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [entity_id for _score, entity_id in scored[:limit]]
