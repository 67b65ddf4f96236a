"""The token policy of the NER formats: lossless, with proclitics split at mention boundaries.

Arabic glues conjunctions and prepositions to the next word (والعراق "and Iraq", لغوتيريش "to
Guterres"), so a name often starts inside a whitespace token and a tokenizer that does not split
clitics (spaCy's blank Arabic one) cannot put a token boundary where the name begins. The policy:

1. A token is a run of letters, digits and combining marks (tatweel included), or one other
   non-space character (punctuation, a symbol); the whitespace after a token is kept with it,
   so ``"".join(token + space)`` rebuilds the text exactly.
2. A proclitic chain (:data:`iraq_ct_news.core.arabic.PROCLITIC_CHAINS`) before the definite article
   is split off every word (:func:`iraq_ct_news.core.arabic.article_proclitics`), mention or not, so
   the common case does not depend on the annotations.
3. Every other mention boundary that falls inside a word splits it there, with no space between
   the two pieces. Such a piece before a mention is a proclitic chain in well-formed data
   (:func:`is_proclitic_chain`); :class:`TokenStats` counts the splits that are not, for the card.

Nothing is dropped or rewritten: lam-alef stays لا, لل stays لل (its elided alef cannot be put
back losslessly), and offsets count code points, as everywhere in the release.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add

from ..core.arabic import article_proclitics, is_proclitic_chain

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640"
#: A piece that is not whitespace, with the whitespace after it.
_SPACED_PIECE = re.compile(rf"((?:\w|[{_MARKS}])+|[^\w\s{_MARKS}])(\s*)")
_LEADING_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    """Code-point offset of the token in the text it comes from."""
    whitespace: str
    """The whitespace that follows it ("" when the next token is glued to it)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class TokenStats:
    """What the policy did to a corpus, for the card."""

    tokens: int = 0
    article_splits: int = 0
    """Proclitic chains split off before the article (rule 2)."""
    proclitic_boundaries: int = 0
    """Mention boundaries inside a word after a proclitic chain (rule 3)."""
    other_boundaries: int = 0
    """Mention boundaries inside a word elsewhere (rule 3): a suffix, an odd annotation."""
    examples: list[str] = field(default_factory=list)


def tokenize(text: str, boundaries: Iterable[int] = (), stats: TokenStats | None = None
             ) -> list[Token]:
    """``text`` as tokens by the policy, split at every offset in ``boundaries`` too."""
    return [Token(*fields) for fields in zip(*split_pieces(text, boundaries, stats))]


def split_pieces(text: str, boundaries: Iterable[int] = (), stats: TokenStats | None = None
                 ) -> tuple[list[str], list[int], list[str]]:
    """The tokens of :func:`tokenize` as three lists (texts, starts, whitespace after each),
    for the NER records, which need no token objects."""
    # Every word with the whitespace after it is found by one C-speed ``findall``, and the
    # starts are running sums; only the words that are split (a proclitic before the article,
    # or a cut inside) are looked at one by one. Each cut is placed among the words by
    # bisection, so the cost is linear in the words plus cuts × log(words).
    leading = _LEADING_SPACE.match(text)
    begin = leading.end() if leading is not None else 0
    found = _SPACED_PIECE.findall(text, begin)
    texts = [piece for piece, _ in found]
    spaces = [space for _, space in found]
    starts = list(accumulate(map(add, map(len, texts), map(len, spaces)), initial=begin))
    starts.pop()
    # ``article_proclitics`` finds ال at offset 1 or 2, so most words skip the call.
    article_splits = {index: length for index, piece in enumerate(texts)
                      if "ال" in piece[1:4] and (length := article_proclitics(piece))}
    split_words = set(article_splits)
    cuts_in: dict[int, list[int]] = {}
    for cut in sorted(set(boundaries)):
        index = bisect_right(starts, cut) - 1
        if index >= 0 and starts[index] < cut < starts[index] + len(texts[index]):
            cuts_in.setdefault(index, []).append(cut)
            split_words.add(index)
    if split_words:
        texts, starts, spaces = _split_words(
            text, (texts, starts, spaces), sorted(split_words), article_splits, cuts_in, stats
        )
    if leading is not None:  # whitespace before the first token is a token of its own
        texts.insert(0, leading.group())
        starts.insert(0, 0)
        spaces.insert(0, "")
    if stats is not None:
        stats.tokens += len(texts)
    return texts, starts, spaces


def _split_words(
    text: str,
    pieces: tuple[list[str], list[int], list[str]],
    split_words: list[int],
    article_splits: dict[int, int],
    cuts_in: dict[int, list[int]],
    stats: TokenStats | None,
) -> tuple[list[str], list[int], list[str]]:
    """``pieces`` with each word of ``split_words`` (ascending) split before the article (after
    its ``article_splits`` proclitic characters) and at its cuts, counted in ``stats``."""
    texts, starts, spaces = pieces
    new_texts: list[str] = []
    new_starts: list[int] = []
    new_spaces: list[str] = []
    kept = 0
    for index in split_words:
        new_texts += texts[kept:index]
        new_starts += starts[kept:index]
        new_spaces += spaces[kept:index]
        kept = index + 1
        piece, start = texts[index], starts[index]
        article_split = article_splits.get(index, 0)
        split_at = {start + article_split} if article_split else set()
        if stats is not None and split_at:
            stats.article_splits += 1
        for cut in cuts_in.get(index, ()):
            if cut in split_at:
                continue
            split_at.add(cut)
            if stats is not None:
                if is_proclitic_chain(text[start:cut]):
                    stats.proclitic_boundaries += 1
                else:
                    stats.other_boundaries += 1
                    if len(stats.examples) < 5:
                        stats.examples.append(piece)
        edges = [start, *sorted(split_at), start + len(piece)]
        for left, right in zip(edges, edges[1:]):
            new_texts.append(text[left:right])
            new_starts.append(left)
            new_spaces.append("")
        new_spaces[-1] = spaces[index]
    new_texts += texts[kept:]
    new_starts += starts[kept:]
    new_spaces += spaces[kept:]
    return new_texts, new_starts, new_spaces


def rebuild(tokens: Iterable[Token]) -> str:
    """The text the tokens came from."""
    return "".join(token.text + token.whitespace for token in tokens)
