"""Arabic-normalised search over articles, on keys kept apart from the stored text.

The key of a text is :func:`iraq_ct_news.core.arabic.search_key` with whitespace runs folded to one
space; it is computed once per article on the first search and cached, and never replaces the
text itself, so offsets into ``body`` stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.arabic import search_key, word_key
from ..core.textutil import fold_whitespace
from ..models import Article


def text_key(text: str) -> str:
    """The search key of ``text``: Arabic-normalised, case-folded, whitespace folded."""
    return fold_whitespace(search_key(text))


def article_key(article: Article) -> str:
    """One key for everything searchable in an article, fields separated by a newline."""
    parts = [
        article.headline.ar, article.headline.en, article.summary.en, article.body,
        *(mention.exact for mention in article.mentions),
    ]
    return "\n".join(text_key(part) for part in parts)


@dataclass(frozen=True)
class Snippet:
    """Where a query matched in a text: the stored text around it, unaltered."""

    before: str
    match: str
    after: str


def snippet(text: str, query: str, context: int = 40) -> Snippet | None:
    """The first match of ``query`` in ``text`` (by search key), cut out of the original text.

    The key drops characters (diacritics, tatweel) and folds spaces, so key positions are
    mapped back to the original character by character (each distinct character folded once:
    :func:`arabic.word_key`). Linear in the text and the query, however long the query.
    """
    wanted = text_key(query)
    if not wanted:
        return None
    key_chars: list[str] = []
    origin: list[int] = []
    previous_space = True
    for index, char in enumerate(text):
        folded = word_key(char)
        if char.isspace() or folded.isspace():
            if previous_space:
                continue
            folded = " "
        previous_space = folded == " "
        for piece in folded:
            key_chars.append(piece)
            origin.append(index)
    key = "".join(key_chars)
    found = key.find(wanted)
    if found == -1:
        return None
    start = origin[found]
    end = origin[found + len(wanted) - 1] + 1
    return Snippet(
        text[max(0, start - context) : start].lstrip(),
        text[start:end],
        text[end : end + context].rstrip(),
    )
