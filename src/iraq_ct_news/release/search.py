"""Arabic-normalised search over articles, on keys kept apart from the stored text.

The key of a text is :func:`iraq_ct_news.core.arabic.search_key` with whitespace runs folded to one
space; it is computed once per article on the first search and cached, and never replaces the
text itself, so offsets into ``body`` stay valid.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import islice

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
    :func:`arabic.word_key`). The key is made by C passes (:class:`_PieceKey`) and only the
    block of text holding each end of the match is walked character by character: a list of
    positions for every character took 135 bytes and a few hundred nanoseconds a character
    (a release line of 8 million characters: 1.1 GB). Linear in the text and the query.
    A text that leaves the key no sentinel free is keyed by walking every character
    (:class:`_WalkedKey`).
    """
    wanted = text_key(query)
    if not wanted:
        return None
    pieces: _PieceKey | _WalkedKey
    try:
        pieces = _PieceKey(text)
    except _NoSentinel:
        pieces = _WalkedKey(text)
    found = pieces.key.find(wanted)
    if found == -1:
        return None
    start = pieces.origin(found)
    end = pieces.origin(found + len(wanted) - 1) + 1
    return Snippet(
        text[max(0, start - context) : start].lstrip(),
        text[start:end],
        text[end : end + context].rstrip(),
    )


#: Characters of text walked one by one to place a position of the key.
_BLOCK = 4096


#: Where :class:`_PieceKey` looks for characters the text does not hold (private use, then
#: everything past it).
SENTINEL_CANDIDATES = range(0xE000, 0x110000)


class _NoSentinel(Exception):
    """The text holds every character :class:`_PieceKey` could mark its sentinels with."""


class _WalkedKey:
    """:class:`_PieceKey` for a text that leaves no character free for its sentinels (only a
    forged release line holds them all): the key made and placed by walking the text one
    character at a time, with the positions as machine integers (8 bytes a key character)."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        self.origins = array("q")
        previous_space = True
        for index, char in enumerate(text):
            folded = word_key(char)
            if char.isspace() or folded.isspace():
                if previous_space:
                    continue
                folded = " "
            previous_space = folded == " "
            pieces.append(folded)
            self.origins.extend([index] * len(folded))
        self.key = "".join(pieces)

    def origin(self, position: int) -> int:
        return self.origins[position]


class _PieceKey:
    """The key of ``text`` made of each character's own key (:func:`arabic.word_key`), a
    whitespace character as one space unless it follows another (or starts the text), and
    where each key position comes from.

    Made by ``str.translate`` and one regular expression: whitespace as a sentinel ``space``,
    characters whose key is empty as a sentinel ``gone`` (they still end a run of whitespace),
    then each sentinel space that starts the text or follows another is dropped. No
    position list is kept: a key position is placed by the key lengths of blocks of text and
    then walked within its block."""

    def __init__(self, text: str) -> None:
        self.text = text
        held = set(text)
        # Candidates the text does not hold, found before any character is folded: a text
        # holding nearly every one is a forged line, and folding its million characters only
        # to find no sentinel free doubled its cost.
        candidates = list(islice((char for char in map(chr, SENTINEL_CANDIDATES)
                                  if char not in held), 8))
        if len(candidates) < 3:
            raise _NoSentinel
        own = {char: word_key(char) for char in held}
        pieces = set().union(*own.values())
        free = [char for char in candidates if char not in pieces][:3]
        if len(free) < 3:
            raise _NoSentinel
        self.space, self.gone, self.other = free
        self.spaces = {char for char, piece in own.items() if char.isspace() or piece.isspace()}
        self.table = {ord(char): self.space if char in self.spaces else piece or self.gone
                      for char, piece in own.items()}
        self.own = own
        self.drop = re.compile(f"(?:^|(?<={self.space})){self.space}")
        self.key = self._key(text)

    def _key(self, text: str) -> str:
        marked = self.drop.sub("", text.translate(self.table))
        return marked.replace(self.space, " ").replace(self.gone, "")

    def _length(self, start: int, end: int) -> int:
        """The length of the key of ``text[start:end]`` within the whole text's key."""
        before = self.space if start == 0 or self.text[start - 1] in self.spaces else self.other
        return len(self._key(before + self.text[start:end])) - (before == self.other)

    def origin(self, position: int) -> int:
        """The index of the character of the text that key position ``position`` comes from."""
        done, start = 0, 0
        while True:
            length = self._length(start, start + _BLOCK)
            if done + length > position:
                break
            done, start = done + length, start + _BLOCK
        previous_space = start == 0 or self.text[start - 1] in self.spaces
        for index in range(start, min(start + _BLOCK, len(self.text))):
            char = self.text[index]
            if char in self.spaces:
                if previous_space:
                    continue
                piece = " "
            else:
                piece = self.own[char]
            previous_space = char in self.spaces
            done += len(piece)
            if done > position:
                return index
        raise IndexError(position)
