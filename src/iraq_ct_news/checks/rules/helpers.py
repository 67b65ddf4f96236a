"""What several rules read, kept apart from every rule: a rule module is never another rule's
helper library (importing one rule for its helper would also register its checks there).

The article's seed, the texts its spans are anchored in and where each span is are worked out
once per file and kept (in ``run.memo`` and ``checked.spans``) for every rule that asks.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...models import Article
from ...reading.anchoring import SpanResolution, resolve_anchor, scope_texts
from ...reading.matching import NameMatch, find_names
from ...reading.text import TextWords
from ...reading.yamlreader import PathKey
from ..context import Seed

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

_OPENING_MARKS = "\"“”«„‘'"
_CLOSING_MARKS = "\"”“»’'"
_TRAILING_PUNCTUATION = ".,،؛:!?؟"


def seed_of(checked: CheckedFile, run: FileRun) -> Seed | None:
    """The article's seed, when it can be read (its problem is reported by
    ``provenance.check_seed``)."""
    article = checked.record
    assert isinstance(article, Article)
    if "seed" not in run.memo:
        found = run.seed(article.seed)
        run.memo["seed"] = found if isinstance(found, Seed) else None
    seed: Seed | None = run.memo["seed"]
    return seed


def scopes(checked: CheckedFile, run: FileRun) -> dict[str, str]:
    """The texts spans are anchored in (body, headline, and the seed when it can be read)."""
    texts: dict[str, str] | None = run.memo.get("scopes")
    if texts is None:
        article = checked.record
        assert isinstance(article, Article)
        seed = seed_of(checked, run)
        texts = run.memo["scopes"] = scope_texts(article, seed.text if seed else None)
    return texts


def resolutions(checked: CheckedFile, run: FileRun) -> dict[PathKey, SpanResolution]:
    """Where each anchored span of the article is (worked out once, kept with the file)."""
    if checked.spans is None:
        article = checked.record
        assert isinstance(article, Article)
        texts = scopes(checked, run)
        seed_missing = "seed" not in texts
        found: dict[PathKey, SpanResolution] = {}
        for path, span in run.spans(article):
            if seed_missing and getattr(span, "scope", "body") == "seed":
                continue  # the seed problem is already reported
            found[path] = resolve_anchor(span, texts)
        checked.spans = found
    return checked.spans


def preview(text: str, limit: int = 50) -> str:
    """A short, quoted, single-line excerpt of ``text`` for a message."""
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def is_enclosed(text: str, start: int, end: int) -> bool:
    """True when quotation marks stand right before ``start`` and right after ``end``."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    after = end
    while after < len(text) and (text[after].isspace() or text[after] in _TRAILING_PUNCTUATION):
        after += 1
    opened = before >= 0 and text[before] in _OPENING_MARKS
    closed = after < len(text) and text[after] in _CLOSING_MARKS
    return opened and closed


def scope_words(run: FileRun, scope: str, text: str) -> TextWords:
    """The words of the article's ``text`` in ``scope`` (:class:`~iraq_ct_news.reading.text.TextWords`), made
    once per article for the name checks that read them (C004 and C007)."""
    memo: dict[tuple[str, str], TextWords] = run.memo.setdefault("words", {})
    found = memo.get((scope, text))
    if found is None:
        found = memo[(scope, text)] = TextWords(text)
    return found


def names_in(run: FileRun, scope: str, text: str) -> list[NameMatch]:
    """Every registry name in the article's ``text`` in ``scope``, longest first (what
    :func:`~iraq_ct_news.reading.matching.find_names` finds with each entity's own spellings),
    matched once per article for the two checks that read them: C004 takes the entities,
    C007 the places."""
    memo: dict[tuple[str, str], list[NameMatch]] = run.memo.setdefault("names", {})
    found = memo.get((scope, text))
    if found is None:
        index = run.names
        assert index is not None
        words = scope_words(run, scope, text)
        found = memo[(scope, text)] = find_names(text, words, index.matcher, {}, {}, index.names)
    return found


def fields_that_may_hold(model: type[BaseModel], wanted: Callable[[Any], bool]) -> tuple[str, ...]:
    """The fields of ``model`` (in order) whose declared type may be or contain a type
    ``wanted`` accepts: directly, or in a nested model, a list, an optional or a union, at any
    depth. A type the walk does not know (``Any``, say) may hold anything, so its field is kept.
    Rules that walk a record for one kind of value read only these fields (cache the result
    per model class: it depends on the class alone)."""
    return tuple(
        name for name, info in model.model_fields.items()
        if _may_hold(info.annotation, wanted, set())
    )


def _may_hold(annotation: Any, wanted: Callable[[Any], bool], seen: set[type[BaseModel]]) -> bool:
    if wanted(annotation):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        seen.add(annotation)
        return any(
            _may_hold(info.annotation, wanted, seen) for info in annotation.model_fields.values()
        )
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        arguments = arguments[:1]  # the type; the rest is validation metadata
    if arguments:
        return any(_may_hold(argument, wanted, seen) for argument in arguments)
    # A plain type (str, int, a date type) holds nothing else. Anything unexpected is visited.
    return not isinstance(annotation, type)
