"""Mentions: every occurrence of every known name, and of the new names an article introduces.

Two passes over the headline and the body. The first finds registry names and, around them, the
names the registries lack (:mod:`.entities`). The second matches registry names and the new
names together with one matcher, longest first, so that every occurrence of a new name is found
too and a known name inside a new one (الأمم المتحدة inside مكتب الأمم المتحدة المعني …) yields
to the outermost.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from ...reading.gazetteer import GazetteerEntry
from ...reading.lexicon import (
    BUILDING_HEADS,
    ORGANIZATION_HEADS,
    REGNAL_ORDINALS,
    SITE_NOUNS,
)
from ...reading.matching import NameMatch, proclitic_letters
from ...reading.pins import pin_for
from ...reading.text import Word, bare_forms, letters_offset, words_of
from .boundaries import extended, find_names, gazetteer_entry, gazetteer_matcher
from .entities import (
    Candidate,
    closest_records,
    find_candidates,
    quoted_outlets,
    quoted_sites,
    quoted_whole_sites,
)
from .name_words import gap
from .new_names import NewNames, introduced_people
from .people import closing_title_person
from .proposals import MentionProposal, NewEntity, SpanProposal
from .registry import EntityKind, Registry
from .stubs import suggested_id, unique_ids
from .titles import NamesBesides, stated_title

NEW = "?"
HEADLINE = "headline"
_ACRONYM = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z.&\- ]{1,15}|[\u0621-\u064a]{3,12})\s*\)")
#: Heads of an institution's or a site's name.
_NAME_HEADS = ORGANIZATION_HEADS | BUILDING_HEADS


def propose_mentions(
    texts: dict[str, str], registry: Registry
) -> tuple[list[MentionProposal], list[NewEntity]]:
    """Mentions of ``texts`` (scope → text, headline first) and the new entities they name."""
    words = {scope: words_of(text) for scope, text in texts.items()}
    surnames = _registry_surnames(registry)
    candidates = NewNames()
    named: dict[str, None] = {}
    known: dict[str, list[NameMatch]] = {}
    for scope, text in texts.items():
        matches = known[scope] = find_names(
            text, words[scope], registry.index.matcher, surnames, named, registry.index.names
        )
        # The registry's matches by first word, to find those inside a longer name by bisection
        # (not by a look through all of them for each name: names × matches).
        by_first = sorted(matches, key=lambda known_match: known_match.first)
        firsts = [known_match.first for known_match in by_first]
        claimed = [False] * len(words[scope])
        match_last = [-1] * len(words[scope])
        for match in matches:
            for index in range(match.first, match.last + 1):
                claimed[index] = True
                match_last[index] = match.last
        quoted: tuple[tuple[Callable[..., list[tuple[int, int]]], EntityKind, bool], ...] = (
            (quoted_outlets, "organization", False),
            (quoted_whole_sites, "place", False),
            (quoted_sites, "place", True),  # computed after whole site names are claimed
        )
        for finder, quoted_kind, after_noun in quoted:
            for first, last in finder(text, words[scope], claimed):
                for index in range(first, last + 1):
                    claimed[index] = True
                    match_last[index] = last
                _add_candidate(
                    candidates, text, words[scope], first, last, quoted_kind,
                    start=words[scope][first].start,
                    place_kind="building" if quoted_kind == "place" else None,
                )
                if after_noun:
                    _add_site_spelling(candidates, words[scope], first, last)
        for match in find_names(text, words[scope], gazetteer_matcher(), {}, {}):
            inside = range(match.first, match.last + 1)
            entry = gazetteer_entry(match.entity)
            known_kinds = {
                registry.kind_of(known_match.entity)
                for known_match in by_first[bisect_left(firsts, match.first):
                                            bisect_right(firsts, match.last)]
                if known_match.last <= match.last
            }
            if any(claimed[index] for index in inside) and (
                all(claimed[index] for index in inside)
                or entry.id in registry.entities
                or entry.entity in known_kinds
                or any(match_last[index] > match.last for index in inside)
                or (match.first > 0 and match_last[match.first - 1] >= match.first)
            ):
                # Only a longer name of another kind than the known ones inside it is proposed
                # (مقر الأمم المتحدة, a building); a longer spelling of the same kind is the
                # known entity's (مجلس الأمن الدولي), extended below.
                continue
            for index in range(match.first, match.last + 1):
                claimed[index] = True
                match_last[index] = match.last
            _add_candidate(
                candidates, text, words[scope], match.first, match.last,
                "place" if entry.entity == "place" else "organization", start=match.start,
                place_kind=entry.kind if entry.entity == "place" else None, reference=entry,
            )
        ranges: list[tuple[int, int, str]] = find_candidates(
            text, words[scope], claimed, match_last
        )
        ranges += [
            (first, last, "person")
            for first, last in closing_title_person(text, words[scope], claimed)
        ]
        for first, last, found_kind in ranges:
            kind: EntityKind = "place" if found_kind == "building" else found_kind  # type: ignore[assignment]
            _add_candidate(candidates, text, words[scope], first, last, kind,
                           place_kind="building" if found_kind == "building" else None)

    introduced_people(texts, words, set(registry.index.matcher.single), candidates)
    ordered = list(candidates.values())
    names = dict(registry.index.names)
    for number, candidate in enumerate(ordered):
        names[f"{NEW}{number}"] = tuple(dict.fromkeys([candidate.key, *candidate.spellings]))
        for surname in candidate.surnames:
            surnames[surname].append(f"{NEW}{number}")
    matcher = registry.index.matcher.extended(names)

    counts: dict[int, int] = defaultdict(int)
    named = {}
    heads = frozenset(
        surname for candidate in ordered if candidate.kind == "organization"
        for surname in candidate.surnames
    )
    # The headline is read last: it names people by the surname the body introduces in full
    # (أوباما يؤكد … over a body that opens with الرئيس الأمريكي باراك أوباما).
    by_scope: dict[str, list[MentionProposal]] = {}
    for scope in sorted(texts, key=lambda scope: scope == HEADLINE):
        text = texts[scope]
        proposals = by_scope[scope] = []
        matches = find_names(text, words[scope], matcher, surnames, named, names, heads)
        starts = {index for match in matches for index in range(match.first, match.last + 1)}
        matches = [
            extended(text, words[scope], match, _kind(match.entity, registry, ordered), starts)
            for match in matches
        ]
        people = {
            index
            for match in matches
            if _kind(match.entity, registry, ordered) == "person"
            for index in range(match.first, match.last + 1)
        }
        by_start = sorted(known[scope], key=lambda other: other.start)
        starts_at = [other.start for other in by_start]
        for match in matches:
            proposal = _proposal(text, scope, words[scope], match, registry, ordered, counts, people)
            if proposal.entity is None:
                inner = tuple(
                    _proposal(text, scope, words[scope], other, registry, ordered, counts, people)
                    for other in by_start[bisect_left(starts_at, match.start):
                                          bisect_right(starts_at, match.end)]
                    if other.end <= match.end
                )
                proposal = replace(proposal, inner=inner)
            proposals.append(proposal)
    proposals = [proposal for scope in texts for proposal in by_scope[scope]]
    # A candidate found only inside a longer name (الدنمارك in حكومة الدنمارك) is not proposed.
    kept = [number for number in range(len(ordered)) if counts[number]]
    # Two spellings of one gazetteer entry (بريطانيا, المملكة المتحدة) are one new entity: one
    # record, which lists both spellings, not two records of the same country.
    first_of: dict[str, int] = {}
    same_as: dict[int, int] = {}
    for number in kept:
        reference = _reference_id(ordered[number])
        same_as[number] = first_of.setdefault(reference, number) if reference else number
    distinct = [number for number in kept if same_as[number] == number]
    position = {number: index for index, number in enumerate(distinct)}
    renumber = {number: position[same_as[number]] for number in kept}
    occurrences: dict[int, int] = defaultdict(int)
    for number in kept:
        occurrences[same_as[number]] += counts[number]
    new_entities = [
        NewEntity(
            name=ordered[number].text,
            kind=ordered[number].kind,
            closest=closest_records(registry, ordered[number].key, ordered[number].kind),
            suggested_id=suggested_id(ordered[number]),
            occurrences=occurrences[number],
            place_kind=ordered[number].place_kind,
            reference=_reference_id(ordered[number]),
        )
        for number in distinct
    ]
    unique_ids(new_entities, set(registry.entities))
    proposals = [
        replace(proposal, new_entity=renumber[proposal.new_entity])
        if proposal.new_entity is not None else proposal
        for proposal in proposals
    ]
    return proposals, new_entities


def _add_site_spelling(
    candidates: dict[str, Candidate], words: list[Word], first: int, last: int
) -> None:
    """The site named in marks after its noun (قاعدة "عين الأسد") is also written without
    them, the noun then part of the name (قاعدة عين الأسد)."""
    name = " ".join(word.key for word in words[first : last + 1])
    site = candidates.get(name)
    noun = max(bare_forms(words[first - 1].key) & SITE_NOUNS, key=len)
    spelling = f"{noun} {name}"
    if site is not None and site.kind == "place" and spelling not in site.spellings:
        site.spellings.append(spelling)


def _registry_surnames(registry: Registry) -> defaultdict[str, list[str]]:
    surnames: defaultdict[str, list[str]] = defaultdict(list)
    for entity in registry.entities.values():
        for surname in entity.surnames:
            surnames[surname].append(entity.id)
    return surnames


def _add_candidate(
    candidates: NewNames,
    text: str,
    words: list[Word],
    first: int,
    last: int,
    kind: EntityKind,
    start: int | None = None,
    place_kind: str | None = None,
    reference: GazetteerEntry | None = None,
) -> None:
    """Record the name in words ``first``..``last`` (from ``start`` if a proclitic is left out)."""
    head = words[first]
    form = head.key
    if start is not None:
        form = " ".join(word.key for word in words_of(text[start : head.end]))
    else:
        heads = [f for f in bare_forms(head.key) if f in _NAME_HEADS]
        form = max(heads, key=len) if heads else head.key
        start = head.start + letters_offset(
            text[head.start : head.end], proclitic_letters(head.key, form)
        )
    keys = [form, *(word.key for word in words[first + 1 : last + 1])]
    key = " ".join(keys)
    written = text[start : words[last].end]
    candidate = candidates.get(key)
    if candidate is None and kind == "person" and candidates.extends_a_name(key):
        return  # a longer reading of a name already found (… الأعرجي بأهمية)
    longer = candidates.first_person_extending(key)
    if candidate is None and kind == "person" and longer is not None and len(keys) >= 2:
        if key not in longer.spellings:
            longer.spellings.append(key)  # عبد الله after عبد الله الثاني: the same person
        return
    if candidate is None:
        candidate = candidates[key] = Candidate(
            key=key, kind=kind, text=written, place_kind=place_kind, reference=reference
        )
        if kind == "person" and len(keys) >= 3 and keys[-1] in REGNAL_ORDINALS:
            candidate.spellings.append(" ".join(keys[:-1]))  # الملك فلان الثاني … فلان
        elif kind == "person" and len(keys) >= 2 and len(keys[-1]) >= 2:
            candidate.surnames.append(keys[-1])
        if kind == "organization" and len(keys) >= 2 and form.startswith("ال"):
            candidate.surnames.append(form)  # التحالف الدولي … then التحالف
    acronym = _ACRONYM.match(text, words[last].end)
    if acronym is not None:
        spelling = " ".join(words_key for words_key in (w.key for w in words_of(acronym.group(1))))
        if spelling and spelling not in candidate.spellings:
            candidate.spellings.append(spelling)


def _proposal(
    text: str,
    scope: str,
    words: list[Word],
    match: NameMatch,
    registry: Registry,
    candidates: list[Candidate],
    counts: dict[int, int],
    people: set[int],
) -> MentionProposal:
    span = SpanProposal(scope, match.start, match.end, text[match.start : match.end],
                        pin_for(text, match.start, match.end))
    new_entity: int | None = None
    entity: str | None = match.entity
    if match.entity.startswith(NEW):
        new_entity = int(match.entity[len(NEW):])
        counts[new_entity] += 1
        entity = None
    kind = _kind(match.entity, registry, candidates)
    # The other people's words, without copying ``people`` for each match (matches × people).
    others = NamesBesides(people, match.first, match.last)
    title = (
        stated_title(text, words, match.first, match.last, others) if kind == "person" else None
    )
    return MentionProposal(span, entity, new_entity, title, match.short_form)


def _kind(entity: str, registry: Registry, candidates: list[Candidate]) -> str:
    if entity.startswith(NEW):
        return candidates[int(entity[len(NEW):])].kind
    return registry.kind_of(entity) or ""


def _reference_id(candidate: Candidate) -> str | None:
    return candidate.reference.id if candidate.reference is not None else None


__all__ = ["propose_mentions", "gap"]
