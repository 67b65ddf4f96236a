"""Registry names, indexed for finding them in article text (the name checks C001 and C004 are
in :mod:`.checks.names`).

Both checks depend on every registry record's spellings, so they are computed against a
:class:`NameIndex` built once from the registries and handed to whoever checks the articles (a
worker process, or the main one). The index has a fingerprint, which the cache stores with each
article's result: when any spelling changes, every article's name checks run again.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..arabic import proclitic_forms, token_variants, tokens
from ..models import Organization, Person, Place


def name_keys(record: BaseModel) -> list[str]:
    """Search keys of every name, alias and acronym of a registry record (sorted, no blanks)."""
    if not isinstance(record, (Person, Organization, Place)):
        return []
    spellings = [record.name.en, record.name.ar, *record.aliases]
    if isinstance(record, Organization):
        spellings += [*record.acronyms.en, *record.acronyms.ar]
    keys = {" ".join(tokens(spelling)) for spelling in spellings}
    return sorted(key for key in keys if key)


@dataclass
class NameIndex:
    """Every entity's spellings, and what kind of record first defines each entity id."""

    names: dict[str, tuple[str, ...]]
    """Entity id to its search keys, in the order the registry files are read."""
    kinds: dict[str, str]
    """Entity id to 'person', 'organization' or 'place' (the first file defining it)."""
    _matcher: NameMatcher | None = field(default=None, init=False, repr=False, compare=False)
    _fingerprint: str | None = field(default=None, init=False, repr=False, compare=False)
    _named: dict[tuple[str, str], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def matcher(self) -> NameMatcher:
        if self._matcher is None:
            self._matcher = NameMatcher(self.names)
        return self._matcher

    @property
    def fingerprint(self) -> str:
        """Changes whenever any spelling, or the kind of any entity, changes."""
        if self._fingerprint is None:
            document = json.dumps([list(self.names.items()), sorted(self.kinds.items())],
                                  ensure_ascii=False, separators=(",", ":"))
            # "surrogatepass": an id taken from a file name that is not UTF-8 is hashed too.
            self._fingerprint = hashlib.sha256(
                document.encode("utf-8", "surrogatepass")
            ).hexdigest()
        return self._fingerprint

    def names_entity(self, entity: str, exact: str) -> bool:
        """Whether the words ``exact`` contain a spelling of ``entity`` (or are part of one);
        true for an entity without names (it is reported elsewhere). Remembered per pair: the
        same names recur across a corpus."""
        key = (entity, exact)
        known = self._named.get(key)
        if known is None:
            spellings = self.names.get(entity)
            if not spellings:
                known = True
            else:
                exact_tokens = tokens(exact)
                mention = _MentionIndex([self.matcher.variants(token) for token in exact_tokens])
                joined = f" {' '.join(exact_tokens)} "
                known = any(
                    mention.contains(spelling.split()) or _is_part_of(joined, spelling)
                    for spelling in spellings
                )
            self._named[key] = known
        return known

    def __getstate__(self) -> dict[str, object]:
        # Sent to worker processes: the matcher is rebuilt there on first use.
        return {"names": self.names, "kinds": self.kinds}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.names = state["names"]  # type: ignore[assignment]
        self.kinds = state["kinds"]  # type: ignore[assignment]
        self._matcher = None
        self._fingerprint = None
        self._named = {}


def build_name_index(entries: Iterable[tuple[str, str, list[str] | None]]) -> NameIndex:
    """The index of ``(kind, id, keys)`` entries in file order; ``keys`` is None for a record
    that could not be read (it still defines its id's kind, but has no names)."""
    names: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, str] = {}
    for kind, entity_id, keys in entries:
        kinds.setdefault(entity_id, kind)
        if keys is not None:
            names[entity_id] = tuple(keys)
    return NameIndex(names, kinds)


def _is_part_of(joined_exact: str, spelling: str) -> bool:
    """True when the mention is a run of words from the name (a surname alone, say).

    ``joined_exact`` is the mention's tokens joined by spaces with a space on each side; one
    substring search (linear) replaces comparing every window of the name's words."""
    return len(joined_exact) - 2 < len(spelling) and joined_exact in f" {spelling} "


#: A name word found more often than this in a mention is matched by bitsets (see
#: :class:`_MentionIndex`).
_FREQUENT = 64


class _MentionIndex:
    """Where each word form occurs in one mention, for finding a name's words there in a row.

    A name of W words occurs at position s when its k-th word is a form of the mention's word
    at s + k, for every k. The rarest of the name's words gives the candidate positions, and
    each other word keeps the candidates it agrees with, so a name costs its length times the
    number of places its rarest word occurs, instead of the mention's length times the name's.
    When even the rarest word is frequent (a mention of one word repeated), the words'
    positions are bitsets and a name costs its length times a machine word per 64 positions.
    """

    def __init__(self, variants: list[tuple[str, ...]]) -> None:
        self.length = len(variants)
        self.positions: dict[str, list[int]] = {}
        for position, forms in enumerate(variants):
            for form in set(forms):
                self.positions.setdefault(form, []).append(position)
        self._sets: dict[str, frozenset[int]] = {}
        self._bits: dict[str, int] = {}

    def contains(self, name: list[str]) -> bool:
        width = len(name)
        if width > self.length:
            return False
        found: list[tuple[int, int, str]] = []
        for offset, word in enumerate(name):
            where = self.positions.get(word)
            if not where:
                return False
            found.append((len(where), offset, word))
        found.sort()
        count, offset, word = found[0]
        if count > _FREQUENT:
            return self._contains_by_bits(name)
        candidates = [
            start for start in (at - offset for at in self.positions[word])
            if 0 <= start <= self.length - width
        ]
        for _, offset, word in found[1:]:
            if not candidates:
                return False
            members = self._set(word)
            candidates = [start for start in candidates if start + offset in members]
        return bool(candidates)

    def _contains_by_bits(self, name: list[str]) -> bool:
        matches = (1 << (self.length - len(name) + 1)) - 1  # every possible start
        for offset, word in enumerate(name):
            matches &= self._bitset(word) >> offset
            if not matches:
                return False
        return True

    def _set(self, word: str) -> frozenset[int]:
        found = self._sets.get(word)
        if found is None:
            found = self._sets[word] = frozenset(self.positions[word])
        return found

    def _bitset(self, word: str) -> int:
        found = self._bits.get(word)
        if found is None:
            bits = bytearray((self.length + 8) // 8)
            for position in self.positions[word]:
                bits[position >> 3] |= 1 << (position & 7)
            found = self._bits[word] = int.from_bytes(bits, "little")
        return found


class NameMatcher:
    """Finds registry names in a text, longest match first (a token index, linear in the text).

    Reading left to right, at each word the longest spelling starting there (with the word's
    proclitic-free variants) wins and the words it covers are skipped. Only words one of whose
    variants starts some spelling can start a match, so those are found first with set and
    dictionary lookups and the rest of the text is skipped over.
    """

    def __init__(self, names: dict[str, tuple[str, ...]]) -> None:
        by_first: dict[str, list[tuple[list[str], int, str]]] = defaultdict(list)
        for entity, spellings in names.items():
            for spelling in spellings:
                parts = spelling.split()
                if parts and sum(len(part) for part in parts) >= 3:
                    by_first[parts[0]].append((parts[1:], len(parts), entity))
        for candidates in by_first.values():
            candidates.sort(key=lambda item: -item[1])
        self.by_first = dict(by_first)
        # The same candidates split by their second word (spellings of two words or more) and
        # the one-word spellings: a common first name starts hundreds of spellings, but only
        # those whose second word follows can match.
        self.by_pair: dict[tuple[str, str], list[tuple[list[str], int, str]]] = defaultdict(list)
        self.single: dict[str, tuple[int, str]] = {}
        for first, candidates in self.by_first.items():
            for rest, width, entity in candidates:
                if rest:
                    self.by_pair[(first, rest[0])].append((rest, width, entity))
                else:
                    self.single.setdefault(first, (width, entity))
        self._variants: dict[str, tuple[str, ...]] = {}
        self._starts: dict[str, bool] = {}
        self._texts = 0
        self._starting: frozenset[str] | None = None

    def variants(self, token: str) -> tuple[str, ...]:
        """``token_variants(token)``, remembered (texts repeat their words)."""
        found = self._variants.get(token)
        if found is None:
            found = self._variants[token] = tuple(token_variants(token))
        return found

    @property
    def starting(self) -> frozenset[str]:
        """Every word one of whose variants starts a spelling (see :func:`arabic.proclitic_forms`)."""
        if self._starting is None:
            self._starting = frozenset(
                word for first in self.by_first for word in proclitic_forms(first)
                if first in self.variants(word)
            )
        return self._starting

    def _starting_words(self, words: list[str]) -> AbstractSet[str]:
        """The words of a text that may start a spelling. Working out :attr:`starting` costs
        as much as a few dozen texts, so the first texts (a warm run checks one or two) ask
        about their own words instead."""
        self._texts += 1
        if self._starting is None and self._texts <= 32:
            starts = self._starts
            found = set()
            for word in set(words):
                known = starts.get(word)
                if known is None:
                    known = starts[word] = any(v in self.by_first for v in self.variants(word))
                if known:
                    found.add(word)
            return found
        return self.starting.intersection(words)

    def entities_in(self, text: str) -> set[str]:
        return self.entities_in_words(tokens(text))

    def entities_in_words(self, words: list[str]) -> set[str]:
        """:meth:`entities_in` of a text given as its tokens (:func:`arabic.tokens`)."""
        starting = self._starting_words(words)
        found: set[str] = set()
        if not starting:
            return found
        resume = 0
        for position in [index for index, word in enumerate(words) if word in starting]:
            if position < resume:
                continue
            match = self._longest_at(words, position)
            if match is not None:
                width, entity = match
                found.add(entity)
                resume = position + width
        return found

    def _longest_at(self, words: list[str], position: int) -> tuple[int, str] | None:
        """The longest spelling starting at ``words[position]``: for each variant of the word,
        the first of its candidates (longest first) that the following words complete."""
        best: tuple[int, str] | None = None
        following = words[position + 1] if position + 1 < len(words) else None
        for variant in self.variants(words[position]):
            match: tuple[int, str] | None = None
            candidates = self.by_pair.get((variant, following), ()) if following else ()
            for rest, width, entity in candidates:
                if words[position + 1 : position + width] == rest:
                    match = (width, entity)
                    break
            if match is None:
                match = self.single.get(variant)
            if match is not None and (best is None or match[0] > best[0]):
                best = match
        return best
