"""Stated titles (P010): a title a mention or a person's position gives "as stated" occurs in
the article it comes from.

A mention's title is checked with its article. A position's title is checked across files: the
person names the article, so each article is asked, when it is checked, whether the titles
quoted from it occur in it (the answers travel in its summary), and the tree pass reports the
titles that do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.textutil import fold_whitespace
from ...models import Article
from .base import article_check, declare, file_check, tree_check
from .helpers import preview, scopes

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun
    from ..tree import Tree

P010 = declare(
    "P010", "stated title not in the text", "error",
    "A `title_as_stated` (mention) or `title_ar_as_stated` (position) is the title exactly "
    "as the article states it and must occur in that article's text.",
    "Copy the title from the article, or leave the field out.",
)

@file_check(P010, kinds=("article",))
def check_mention_titles(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    folded_scopes: dict[str, str] = {}
    for index, mention in enumerate(article.mentions):
        title = mention.title_as_stated
        if title is None:
            continue
        if mention.scope not in folded_scopes:
            folded_scopes[mention.scope] = fold_whitespace(scopes(checked, run)[mention.scope])
        if fold_whitespace(title) not in folded_scopes[mention.scope]:
            checked.report.add(
                P010,
                f"mentions[{index}].title_as_stated {preview(title)} is not in the "
                f"{mention.scope}",
                ("mentions", index, "title_as_stated"),
            )


@article_check()
def answer_quoted_titles(checked: CheckedFile, run: FileRun) -> None:
    """Record, in the article's summary, whether each title quoted from it occurs in it."""
    article = checked.record
    assert isinstance(article, Article)
    asked = run.quoted_titles(article.id)
    checked.facts.title_answers = answer_titles(article, asked)


def answer_titles(article: Article, titles: tuple[str, ...]) -> dict[str, bool]:
    """Whether each (folded) title occurs in the article's body or headline."""
    if not titles:
        return {}
    text = fold_whitespace(article.body + " " + article.headline.ar)
    return {title: title in text for title in titles}


@tree_check(P010)
def check_position_titles(tree: Tree) -> None:
    """A title a person's position quotes occurs in the article it cites."""
    by_id: dict[str, CheckedFile] = {}
    for article in tree.articles:
        if article.facts.verified and article.facts.record_id is not None:
            by_id[article.facts.record_id] = article
    for checked in tree.files:
        for position, article_id, title in checked.facts.titles:
            cited = by_id.get(article_id)
            if cited is None:
                continue
            answer = cited.facts.title_answers.get(title)
            if answer is None:  # not asked when the article was checked: read it again
                record = tree.reread(cited).record
                answer = isinstance(record, Article) and answer_titles(record, (title,))[title]
                cited.facts.title_answers[title] = answer
            if not answer:
                checked.report.add(
                    P010,
                    f"positions[{position}].title_ar_as_stated is not in article '{article_id}'",
                    ("positions", position, "title_ar_as_stated"),
                )
