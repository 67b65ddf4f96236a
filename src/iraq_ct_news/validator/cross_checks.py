"""Checks across records (DATA-MODEL §4.3, §4.8): ids, references, orphans, names.

These need the whole tree, so they run after every file has been read, on the models alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from ..arabic import token_variants, tokens
from ..layout import FileKind
from ..models import Article, CameoVocabulary, Organization, Person, Place, ThemeVocabulary
from ..textutil import fold_whitespace
from ..yamlreader import PathKey
from .loading import ParsedFile

Namespace = Literal["person", "organization", "place", "article", "theme", "cameo"]
_ENTITY_KINDS: tuple[Namespace, ...] = ("person", "organization", "place")
_QUAD_BY_ROOT = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
                 **dict.fromkeys(range(9, 15), 3), **dict.fromkeys(range(15, 21), 4)}


@dataclass(frozen=True)
class Reference:
    """A field of a record that names another record."""

    path: PathKey
    target: str
    allowed: tuple[Namespace, ...]
    role: str


@dataclass
class Definition:
    namespace: Namespace
    parsed: ParsedFile
    path: PathKey
    verified: bool = True
    """False when the record did not validate: its id is known only from the file name."""


@dataclass
class TreeIndex:
    """Every id defined in the tree, by namespace group (entities share one namespace)."""

    definitions: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    themes: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    cameo: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))

    def table(self, namespace: Namespace) -> dict[str, list[Definition]]:
        if namespace in _ENTITY_KINDS:
            return self.definitions
        return {"article": self.articles, "theme": self.themes, "cameo": self.cameo}[namespace]

    def lookup(self, target: str) -> list[Definition]:
        """Every definition of ``target`` in any namespace."""
        return [
            definition
            for table in (self.definitions, self.articles, self.themes, self.cameo)
            for definition in table.get(target, [])
        ]


def check_tree(parsed_files: list[ParsedFile]) -> None:
    """Run every cross-record check, adding findings to each file's report."""
    index = _build_index(parsed_files)
    _check_duplicates(index)
    referenced_by_articles: set[str] = set()
    used_cameo: set[str] = set()
    for parsed in parsed_files:
        record = parsed.record
        if record is None or parsed.kind is None:
            continue
        for reference in references(parsed.kind, record):
            _resolve(parsed, reference, index)
            if parsed.kind == "article":
                referenced_by_articles.add(reference.target)
        if isinstance(record, Article):
            used_cameo.update(event.cameo for event in record.events)
        if isinstance(record, CameoVocabulary):
            _check_quad_classes(parsed, record)
    if all(p.record is not None and not p.repaired for p in parsed_files if p.kind == "article"):
        # Orphans are only known when every article's references could be read.
        _check_orphans(index, referenced_by_articles, used_cameo)
    names = _entity_names(parsed_files)
    matcher = _NameMatcher(names)
    articles = {p.record.id: p.record for p in parsed_files if isinstance(p.record, Article)}
    for parsed in parsed_files:
        if isinstance(parsed.record, Article):
            _check_mention_names(parsed, parsed.record, names)
            _check_unmentioned(parsed, parsed.record, matcher, index)
        if isinstance(parsed.record, Person):
            _check_position_titles(parsed, parsed.record, articles)


def references(kind: FileKind, record: BaseModel) -> Iterator[Reference]:
    """Every reference a record makes, with the kinds of record it may point at."""
    if isinstance(record, Article):
        yield from _article_references(record)
    elif isinstance(record, Person):
        for index, position in enumerate(record.positions):
            if position.organization is not None:
                yield Reference(("positions", index, "organization"), position.organization,
                                ("organization",), "position organisation")
            yield Reference(("positions", index, "source_article"), position.source_article,
                            ("article",), "source article")
    elif isinstance(record, Organization) and record.parent is not None:
        yield Reference(("parent",), record.parent, ("organization",), "parent organisation")
    elif isinstance(record, ThemeVocabulary):
        for index, theme in enumerate(record.themes):
            if theme.broader is not None:
                yield Reference(("themes", index, "broader"), theme.broader, ("theme",),
                                "broader theme")
    superseded_by = getattr(record, "superseded_by", None)
    if superseded_by is not None:
        namespaces: tuple[Namespace, ...] = (
            ("article",) if kind == "article" else ("person", "organization", "place")
        )
        yield Reference(("superseded_by",), superseded_by, namespaces, "replacement record")


def _article_references(article: Article) -> Iterator[Reference]:
    actors: tuple[Namespace, ...] = ("person", "organization")
    yield Reference(("source", "publisher"), article.source.publisher, ("organization",),
                    "publisher")
    for index, theme in enumerate(article.themes):
        yield Reference(("themes", index), theme, ("theme",), "theme")
    for index, mention in enumerate(article.mentions):
        yield Reference(("mentions", index, "entity"), mention.entity, _ENTITY_KINDS, "mention")
    for index, quote in enumerate(article.quotes):
        yield Reference(("quotes", index, "speaker"), quote.speaker, actors, "speaker")
        if quote.delivered_by is not None:
            yield Reference(("quotes", index, "delivered_by"), quote.delivered_by, ("person",),
                            "reader")
        if quote.on_behalf_of is not None:
            yield Reference(("quotes", index, "on_behalf_of"), quote.on_behalf_of, actors,
                            "principal")
    for index, event in enumerate(article.events):
        yield Reference(("events", index, "cameo"), event.cameo, ("cameo",), "CAMEO code")
        if event.place is not None:
            yield Reference(("events", index, "place"), event.place, ("place",), "event place")
        for role in ("organizers", "participants"):
            for position, actor in enumerate(getattr(event, role)):
                yield Reference(("events", index, role, position), actor, actors, role[:-1])
    for index, amount in enumerate(article.amounts):
        for role in ("provider", "recipient"):
            actor = getattr(amount, role)
            if actor is not None:
                yield Reference(("amounts", index, role), actor, actors, role)


def _build_index(parsed_files: Iterable[ParsedFile]) -> TreeIndex:
    index = TreeIndex()
    for parsed in parsed_files:
        kind = parsed.kind
        record = parsed.record
        if kind in ("article", "person", "organization", "place"):
            namespace: Namespace = kind
            record_id = getattr(record, "id", None) or parsed.source.stem
            index.table(namespace)[record_id].append(
                Definition(namespace, parsed, ("id",), verified=record is not None)
            )
        elif kind == "themes" and isinstance(record, ThemeVocabulary):
            for position, theme in enumerate(record.themes):
                index.themes[theme.id].append(Definition("theme", parsed, ("themes", position, "id")))
        elif kind == "cameo" and isinstance(record, CameoVocabulary):
            for position, entry in enumerate(record.codes):
                index.cameo[entry.code].append(Definition("cameo", parsed, ("codes", position, "code")))
        elif kind in ("themes", "cameo"):
            # An unreadable vocabulary must not turn every use of it into a second error.
            table = index.themes if kind == "themes" else index.cameo
            table["*"].append(Definition("theme" if kind == "themes" else "cameo", parsed, (),
                                         verified=False))
    return index


def _check_duplicates(index: TreeIndex) -> None:
    for table in (index.definitions, index.articles, index.themes, index.cameo):
        for record_id, definitions in table.items():
            if record_id == "*" or len(definitions) < 2:
                continue
            first = definitions[0]
            for duplicate in definitions[1:]:
                where = first.parsed.report.display_path
                duplicate.parsed.report.add(
                    "I002",
                    f"id '{record_id}' is already defined by {where} ({first.namespace})",
                    duplicate.path,
                )


def _resolve(parsed: ParsedFile, reference: Reference, index: TreeIndex) -> None:
    found = index.lookup(reference.target)
    if any(definition.namespace in reference.allowed for definition in found):
        return
    if any(index.table(namespace).get("*") for namespace in reference.allowed):
        return  # the vocabulary itself is unreadable and already reported
    kinds = " or ".join(reference.allowed)
    if found:
        parsed.report.add(
            "I004",
            f"{reference.role} '{reference.target}' is a {found[0].namespace}, but must be a "
            f"{kinds}",
            reference.path,
        )
        return
    parsed.report.add(
        "I003", f"{reference.role} '{reference.target}' is not defined (expected a {kinds})",
        reference.path,
    )


def _check_quad_classes(parsed: ParsedFile, vocabulary: CameoVocabulary) -> None:
    for index, entry in enumerate(vocabulary.codes):
        expected = _QUAD_BY_ROOT.get(int(entry.code[:2]))
        if expected != entry.quad_class:
            parsed.report.add(
                "C006",
                f"CAMEO {entry.code} has quad class {expected}, not {entry.quad_class}"
                if expected else f"CAMEO root {entry.code[:2]} does not exist (01–20)",
                ("codes", index, "quad_class"),
            )


def _check_orphans(index: TreeIndex, referenced: set[str], used_cameo: set[str]) -> None:
    for record_id, definitions in index.definitions.items():
        if record_id in referenced:
            continue
        for definition in definitions:
            if definition.verified:
                definition.parsed.report.add(
                    "O001", f"no article refers to {definition.namespace} '{record_id}'", ("id",)
                )
    for code, definitions in index.cameo.items():
        if code != "*" and code not in used_cameo:
            for definition in definitions:
                definition.parsed.report.add(
                    "O002", f"no event uses CAMEO code {code}", definition.path
                )


def _entity_names(parsed_files: Iterable[ParsedFile]) -> dict[str, set[str]]:
    """Search keys of every name, alias and acronym of each entity."""
    names: dict[str, set[str]] = {}
    for parsed in parsed_files:
        record = parsed.record
        if isinstance(record, (Person, Organization, Place)):
            spellings = [record.name.en, record.name.ar, *record.aliases]
            if isinstance(record, Organization):
                spellings += [*record.acronyms.en, *record.acronyms.ar]
            keys = {" ".join(tokens(spelling)) for spelling in spellings}
            names[record.id] = {key for key in keys if key}
    return names


def _check_mention_names(parsed: ParsedFile, article: Article, names: dict[str, set[str]]) -> None:
    for index, mention in enumerate(article.mentions):
        spellings = names.get(mention.entity)
        if not spellings:
            continue
        exact_tokens = tokens(mention.exact)
        exact_variants = [token_variants(token) for token in exact_tokens]
        if not any(
            _contains(exact_variants, spelling.split())
            or _is_part_of(exact_tokens, spelling.split())
            for spelling in spellings
        ):
            parsed.report.add(
                "C001",
                f"mentions[{index}].exact {mention.exact!r} contains no name or alias of "
                f"'{mention.entity}'",
                ("mentions", index, "exact"),
            )


def _is_part_of(exact_tokens: list[str], name_tokens: list[str]) -> bool:
    """True when the mention is a run of words from the name (a surname alone, say)."""
    if not exact_tokens or len(exact_tokens) >= len(name_tokens):
        return False
    width = len(exact_tokens)
    return any(
        name_tokens[start : start + width] == exact_tokens
        for start in range(len(name_tokens) - width + 1)
    )


def _contains(text_variants: list[set[str]], name_tokens: list[str]) -> bool:
    width = len(name_tokens)
    for start in range(len(text_variants) - width + 1):
        if all(name_tokens[k] in text_variants[start + k] for k in range(width)):
            return True
    return False


class _NameMatcher:
    """Finds registry names in a text, longest match first (a token index, linear in the text)."""

    def __init__(self, names: dict[str, set[str]]) -> None:
        self.by_first_token: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for entity, spellings in names.items():
            for spelling in spellings:
                parts = tuple(spelling.split())
                if parts and sum(len(part) for part in parts) >= 3:
                    self.by_first_token[parts[0]].append((parts, entity))
        for candidates in self.by_first_token.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def entities_in(self, text: str) -> set[str]:
        words = tokens(text)
        found: set[str] = set()
        position = 0
        while position < len(words):
            match = self._longest_at(words, position)
            if match is None:
                position += 1
                continue
            width, entity = match
            found.add(entity)
            position += width
        return found

    def _longest_at(self, words: list[str], position: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        for variant in token_variants(words[position]):
            for parts, entity in self.by_first_token.get(variant, []):
                width = len(parts)
                if words[position + 1 : position + width] == list(parts[1:]):
                    if best is None or width > best[0]:
                        best = (width, entity)
                    break
        return best


def _check_unmentioned(
    parsed: ParsedFile, article: Article, matcher: _NameMatcher, index: TreeIndex
) -> None:
    mentioned = {mention.entity for mention in article.mentions}
    for entity in sorted(matcher.entities_in(article.body) - mentioned):
        definitions = index.definitions.get(entity, [])
        kind = definitions[0].namespace if definitions else "entity"
        parsed.report.add(
            "C004",
            f"the body names {kind} '{entity}' but the article has no mention of it",
            ("mentions",),
            key=True,
        )


def _check_position_titles(parsed: ParsedFile, person: Person, articles: dict[str, Article]) -> None:
    for index, position in enumerate(person.positions):
        article = articles.get(position.source_article)
        title = position.title_ar_as_stated
        if article is None or title is None:
            continue
        text = fold_whitespace(article.body + " " + article.headline.ar)
        if fold_whitespace(title) not in text:
            parsed.report.add(
                "P010",
                f"positions[{index}].title_ar_as_stated is not in article '{article.id}'",
                ("positions", index, "title_ar_as_stated"),
            )

