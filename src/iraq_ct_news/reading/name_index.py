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
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..core.arabic import proclitic_forms, token_variants, tokens
from ..models import Acronyms, ArabicEnglishText


def name_keys(record: BaseModel) -> list[str]:
    """Search keys of every name, alias and acronym of a registry record (sorted, no blanks):
    of any record with an Arabic and English ``name`` (every entity kind's model has one)."""
    name = getattr(record, "name", None)
    if not isinstance(name, ArabicEnglishText):
        return []
    spellings = [name.en, name.ar, *getattr(record, "aliases", ())]
    acronyms = getattr(record, "acronyms", None)
    if isinstance(acronyms, Acronyms):
        spellings += [*acronyms.en, *acronyms.ar]
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


class _Node:
    """One word of a spelling in the matcher's trie: the entity whose spelling ends here (the
    first in registry order), and the words that continue some spelling."""

    __slots__ = ("entity", "following")

    def __init__(self) -> None:
        self.entity: str | None = None
        self.following: dict[str, _Node] = {}


class NameMatcher:
    """Finds registry names in a text, longest match first, in time linear in the number of
    words times the longest spelling (in words).

    Reading left to right, at each word the longest spelling starting there (with the word's
    proclitic-free variants) wins and the words it covers are skipped. The spellings form a
    trie over their words, so finding the longest one at a word walks at most as many steps as
    the longest spelling has words, whatever number of spellings share their opening words.
    Only words one of whose variants starts some spelling can start a match, so those are found
    first with set and dictionary lookups and the rest of the text is skipped over.

    One matcher serves C004, C007 and ``draft`` (:attr:`NameIndex.matcher`, built once per
    process); :attr:`steps` counts the trie steps taken, for the work-counting tests.
    """

    def __init__(self, names: dict[str, tuple[str, ...]]) -> None:
        #: The trie's first level: a spelling's first word to its node.
        self.by_first: dict[str, _Node] = {}
        #: One-word spellings: the word to (1, entity).
        self.single: dict[str, tuple[int, str]] = {}
        #: The most words any spelling has.
        self.longest = 0
        self._names = names
        owned: set[int] = set()
        for entity, spellings in names.items():
            for spelling in spellings:
                self._insert(entity, spelling.split(), owned)
        self.steps = 0
        self._variants: dict[str, tuple[str, ...]] = {}
        self._starts: dict[str, bool] = {}
        self._texts = 0
        self._starting: frozenset[str] | None = None

    def _insert(self, entity: str, parts: list[str], owned: set[int]) -> None:
        """Add one spelling; nodes not in ``owned`` (shared with another matcher) are copied
        before they change, and the copies are owned."""
        if not parts or sum(len(part) for part in parts) < 3:
            return
        level = self.by_first
        node: _Node | None = None
        for part in parts:
            child = level.get(part)
            if child is None or id(child) not in owned:
                fresh = _Node()
                if child is not None:
                    fresh.entity, fresh.following = child.entity, dict(child.following)
                child = level[part] = fresh
                owned.add(id(child))
            node = child
            level = node.following
        assert node is not None
        if node.entity is None:
            node.entity = entity
        if len(parts) == 1:
            self.single.setdefault(parts[0], (1, entity))
        self.longest = max(self.longest, len(parts))

    def extended(self, names: dict[str, tuple[str, ...]]) -> NameMatcher:
        """The matcher of ``names``: this one's names (first, unchanged) and some added after
        them. It shares this matcher's trie and copies only the paths of the added spellings,
        so ``draft`` adds the names it proposes without building the registry's trie again."""
        added = {
            entity: spellings for entity, spellings in names.items()
            if self._names.get(entity) != spellings
        }
        if any(entity in self._names for entity in added) or len(names) - len(added) != len(
            self._names
        ):
            return NameMatcher(names)
        matcher = NameMatcher({})
        matcher.by_first = dict(self.by_first)
        matcher.single = dict(self.single)
        matcher.longest = self.longest
        matcher._names = names
        matcher._variants = self._variants
        owned: set[int] = set()
        for entity, spellings in added.items():
            for spelling in spellings:
                matcher._insert(entity, spelling.split(), owned)
        return matcher

    def variants(self, token: str) -> tuple[str, ...]:
        """``token_variants(token)``, longest first (then alphabetical: the order decides
        between two variants that match as many words), remembered (texts repeat their words)."""
        found = self._variants.get(token)
        if found is None:
            found = self._variants[token] = tuple(
                sorted(token_variants(token), key=lambda variant: (-len(variant), variant))
            )
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

    def starting_words(self, words: list[str]) -> AbstractSet[str]:
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
        starting = self.starting_words(words)
        found: set[str] = set()
        if not starting:
            return found
        resume = 0
        for position in [index for index, word in enumerate(words) if word in starting]:
            if position < resume:
                continue
            match = self.longest_at(words, position)
            if match is not None:
                width, entity, _variant = match
                found.add(entity)
                resume = position + width
        return found

    def longest_at(self, words: list[str], position: int) -> tuple[int, str, str] | None:
        """The longest spelling starting at ``words[position]`` as (words it covers, entity,
        the variant of the first word that starts it); the longer variant wins a tie.

        For each variant, one walk down the trie along the following words: at most
        :attr:`longest` steps, however many spellings share their opening words."""
        best: tuple[int, str, str] | None = None
        end = min(len(words), position + self.longest)
        for variant in self.variants(words[position]):
            node = self.by_first.get(variant)
            if node is None:
                continue
            match = (1, node.entity) if node.entity is not None else None
            at = position + 1
            while at < end and node.following:
                self.steps += 1
                child = node.following.get(words[at])
                if child is None:
                    break
                node = child
                at += 1
                if node.entity is not None:
                    match = (at - position, node.entity)
            if match is not None and (best is None or match[0] > best[0]):
                best = (match[0], match[1], variant)
        return best
