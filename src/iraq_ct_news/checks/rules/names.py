"""Registry names in article text (C001, C004): a mention names its entity, and every registry
name a body contains has a mention.

Both read every registry record's spellings, so they run once the registries are read, against
the :class:`~iraq_ct_news.reading.name_index.NameIndex` (whose fingerprint the cache compares).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article
from ...reading.anchoring import resolve_anchor, scope_texts
from ...reading.text import TextWords
from .base import article_check, declare
from .helpers import names_in

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C001 = declare(
    "C001", "mention does not name its entity", "warning",
    "A mention's `exact` contains none of the entity's names, aliases or acronyms (Arabic "
    "normalised). Either the mention points at the wrong record or the registry lacks this "
    "spelling.",
    "Add the spelling to the registry record's `aliases`, or fix the `entity`.",
)
C004 = declare(
    "C004", "named entity without a mention", "warning",
    "The text contains a name or alias of a registry record that the article does not "
    "mention.",
    "Add a mention for it, or correct the registry aliases if the match is a false one.",
)

@article_check(C001, C004)
def check_names(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    index = run.names
    assert index is not None
    report = checked.report
    for position, mention in enumerate(article.mentions):
        if not index.names_entity(mention.entity, mention.exact):
            report.add(
                C001,
                f"mentions[{position}].exact {mention.exact!r} contains no name or alias of "
                f"'{mention.entity}'",
                ("mentions", position, "exact"),
            )
    mentioned = {mention.entity for mention in article.mentions}
    body = _without_shared_heads(article)
    if body == article.body:  # the names C007 looks for too: matched once for both
        named = {match.entity for match in names_in(run, "body", body)}
    else:
        named = index.matcher.entities_in_words(TextWords(body).keys)
    for entity in sorted(named - mentioned):
        kind = index.kinds.get(entity, "entity")
        report.add(
            C004,
            f"the body names {kind} '{entity}' but the article has no mention of it",
            ("mentions",),
            key=True,
        )


def _without_shared_heads(article: Article) -> str:
    """The body with the words of mentions that share a head blanked out.

    In 'حكومة الدنمارك واليابان' the word 'اليابان' names the Government of Japan (the mention
    says so with ``shared_head``); read alone it is also the name of the country, which the
    article does not mention. Blanking the mention's words (with spaces, so that nothing else
    moves) keeps them from being read as an unmentioned name.
    """
    body = article.body
    texts = scope_texts(article, None)
    for mention in article.mentions:
        if mention.shared_head is None or mention.scope != "body":
            continue
        placed = resolve_anchor(mention, texts)
        if placed.found:
            body = body[: placed.start] + " " * (placed.end - placed.start) + body[placed.end :]
    return body
