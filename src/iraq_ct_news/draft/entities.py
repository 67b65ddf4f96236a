"""Names the registries lack: people, organisations and places an article introduces.

Arabic has no capital letters, so a new name is recognised by how news prose introduces one:

* a person after a courtesy title (السيد، الدكتور، معالي …), after a verb of saying and before
  the comma or dash that opens a title (قال يوري فيدوتوف، المدير …), between commas after a
  title (… نائب رئيس البعثة، فلان فلان، الذي …), or closing a title phrase at the end of a
  sentence (… الأمين العام للأمم المتحدة فلان فلان.);
* an organisation from a head noun (مكتب، وزارة، بعثة، حكومة …) through the genitive chain,
  adjectives and prepositional complements that follow it (مكتب الأمم المتحدة المعني بالمخدرات
  والجريمة), stopping at punctuation, a function word or a clause;
* a place after a place noun (مدينة، محافظة، العاصمة …).

Each candidate gets a kind and the closest existing records, so nobody adds a duplicate; its
further occurrences are then found like registry names (surname alone included).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .gazetteer import GazetteerEntry
from .lexicon import (
    BUILDING_HEADS,
    COLLECTIVE_NOUNS,
    DESCRIPTORS,
    EVALUATIVE,
    FUNCTION_WORDS,
    GENERIC_ADJECTIVES,
    HONORIFICS,
    NAME_PARTICIPLES,
    NAME_PARTICLES,
    NAME_PREPOSITIONS,
    NEWS_VERBS,
    ORGANIZATION_HEADS,
    OUTLET_NOUNS,
    PLACE_CUES,
    QUOTATION_MARKS,
    REPORTING_VERBS,
    TAKES_BI,
    TITLE_NOUNS,
    WEEKDAYS,
)
from .registry import EntityKind, Registry
from .text import Word, bare, bare_forms

#: Words of a person's name found after a courtesy title or a verb of saying.
MAX_NAME_WORDS = 3
#: Words of an organisation's name, its head included.
MAX_ORGANIZATION_WORDS = 9
_PUNCTUATION_GAP = set(".,،;؛:!?؟()«»\"“”-–—/\n")


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


def gap(text: str, words: list[Word], left: int) -> str:
    """The characters between word ``left`` and the next word."""
    end = words[left + 1].start if left + 1 < len(words) else len(text)
    return text[words[left].end : end]


def _plain_gap(text: str, words: list[Word], left: int) -> bool:
    return not any(char in _PUNCTUATION_GAP for char in gap(text, words, left))


def _is(key: str, lexicon: frozenset[str]) -> bool:
    return bool(bare_forms(key) & lexicon)


def _blocked(key: str) -> bool:
    """Whether a word can never be part of a new name."""
    return any(
        _is(key, lexicon) for lexicon in (FUNCTION_WORDS, HONORIFICS, TITLE_NOUNS, REPORTING_VERBS)
    ) or _is(key, ORGANIZATION_HEADS) or key.isdigit()


def _not_a_person(key: str) -> bool:
    """Whether a word can never be part of a person's name: collective nouns (قوات) and
    verbs of news (استقبل) besides the words :func:`_blocked` keeps out of any name."""
    return _blocked(key) or _is(key, COLLECTIVE_NOUNS) or _is(key, NEWS_VERBS)


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
        person = _person_at(text, words, claimed, index)
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
        _is(words[index].key, GENERIC_ADJECTIVES | EVALUATIVE) for index in range(head + 1, last + 1)
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


def _name_run(text: str, words: list[Word], claimed: list[bool], first: int) -> int | None:
    """The last word of a name of up to MAX_NAME_WORDS words starting at ``first``."""
    last = None
    position = first
    while position < len(words) and position - first < MAX_NAME_WORDS:
        if claimed[position] or _not_a_person(words[position].key):
            break
        last = position
        if not _plain_gap(text, words, position):
            break
        position += 1
    if last is not None and _is(words[last].key, NAME_PARTICLES):
        # عبد الله، أبو بكر: a particle is never the last word of a name
        following = last + 1
        if following < len(words) and _plain_gap(text, words, last) and not claimed[following]:
            return following
        return last - 1 if last > first else None
    return last


def _person_at(
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
    title_follows = any(mark in after for mark in "،,-–—") and _is(following, TITLE_NOUNS)
    after_verb = index > 0 and _is(words[index - 1].key, REPORTING_VERBS) and any(
        mark in after for mark in "،,-–—"
    )
    between_commas = (
        index > 0
        and any(mark in gap(text, words, index - 1) for mark in "،,")
        and any(mark in after for mark in "،,.")
        and _title_opens_clause(text, words, index - 1)
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


def quoted_outlets(text: str, words: list[Word], claimed: list[bool]) -> list[tuple[int, int]]:
    """Names in quotation marks right after an outlet noun (صحيفة "…"، وكالة «…»): word ranges
    of at most MAX_NAME_WORDS words that close with the mark."""
    found = []
    for index, word in enumerate(words[:-1]):
        if not _is(word.key, OUTLET_NOUNS) or not QUOTATION_MARKS & set(gap(text, words, index)):
            continue
        last = index + 1
        while last < len(words) and last - index <= MAX_NAME_WORDS:
            closing = gap(text, words, last)
            if QUOTATION_MARKS & set(closing):
                if not any(claimed[index + 1 : last + 1]):
                    found.append((index + 1, last))
                break
            if closing.strip():
                break
            last += 1
    return found


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
    position = first
    while position < len(words) and position - first < MAX_NAME_WORDS:
        key = words[position].key
        after_particle = position > first and _is(words[position - 1].key, NAME_PARTICLES)
        if claimed[position] or _not_a_person(key) or (
            position > first and not _could_continue_name(key)
        ) or (key.endswith("ه") and not after_particle):
            return None  # a noun in ta marbuta or with a pronoun (مكافحة، بلاده), not a name
        definite = key.startswith("ال") and not after_particle  # عبد الله: part of the name
        ends = not _plain_gap(text, words, position) or position + 1 == len(words) or (
            _name_ends_before(words[position + 1].key)
        )
        if (ends or definite) and position > first and not _is(key, NAME_PARTICLES):
            return position
        if definite or not _plain_gap(text, words, position):
            return None
        position += 1
    return None


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


def _name_ends_before(key: str) -> bool:
    """Whether a name can end right before the word ``key``."""
    return (
        key in _CLAUSE_OPENERS
        or _is(key, REPORTING_VERBS)
        or _is(key, FUNCTION_WORDS)
        or _is(key, WEEKDAYS)
        or key.startswith(("وال", "لل"))
        or (key.startswith("ل") and not key.startswith("ال") and len(key) >= 4)
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


def normalised(key: str) -> str:
    """A name's key without what varies between spellings of one name: generic nouns before a
    group's name (تنظيم), judging adjectives (الإرهابي), the article and glued conjunctions."""
    kept = [
        word for word in key.split()
        if not (_is(word, DESCRIPTORS) or _is(word, EVALUATIVE) or _is(word, FUNCTION_WORDS))
    ]
    return " ".join(bare(word)[2:] if bare(word).startswith("ال") else bare(word) for word in kept)


def closest_records(registry: Registry, key: str, kind: EntityKind, limit: int = 3) -> list[str]:
    """Ids of the registry records of the same kind whose spellings look most like ``key``:
    the records a duplicate would be a copy of. Names are compared normalised, so a record one
    of whose spellings is the same name (تنظيم داعش الإرهابي, داعش) comes first."""
    scored: list[tuple[float, str]] = []
    wanted = normalised(key)
    words = set(wanted.split())
    for entity in registry.entities.values():
        if entity.kind != kind:
            continue
        best = 0.0
        for spelling in entity.keys:
            other = normalised(spelling)
            if other and other == wanted:
                best = 2.0
                break
            ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
            overlap = len(words & set(other.split())) / max(len(words), len(other.split()), 1)
            best = max(best, ratio, overlap)
        if best >= 0.45:
            scored.append((best, entity.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [entity_id for _score, entity_id in scored[:limit]]
