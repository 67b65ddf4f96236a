"""The token policy of the NER formats: lossless, with proclitics split at mention boundaries.

Arabic glues conjunctions and prepositions to the next word (والعراق "and Iraq", لغوتيريش "to
Guterres"), so a name often starts inside a whitespace token and a tokenizer that does not split
clitics (spaCy's blank Arabic one) cannot put a token boundary where the name begins. The policy:

1. A token is a run of letters, digits and combining marks (tatweel included), or one other
   non-space character (punctuation, a symbol); the whitespace after a token is kept with it,
   so ``"".join(token + space)`` rebuilds the text exactly.
2. A proclitic chain (:data:`iraq_ct_news.arabic.PROCLITIC_CHAINS`) before the definite article
   is split off every word (:func:`iraq_ct_news.arabic.article_proclitics`), mention or not, so
   the common case does not depend on the annotations.
3. Every other mention boundary that falls inside a word splits it there, with no space between
   the two pieces. Such a piece before a mention is a proclitic chain in well-formed data
   (:func:`is_proclitic_chain`); :class:`TokenStats` counts the splits that are not, for the card.

Nothing is dropped or rewritten: lam-alef stays لا, لل stays لل (its elided alef cannot be put
back losslessly), and offsets count code points, as everywhere in the release.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..arabic import article_proclitics, is_proclitic_chain

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
    # The cuts are sorted once and passed by one pointer as the words go by, so the cost is
    # linear in the words plus the cuts (not words × cuts). Each match is a word with the
    # whitespace after it; pieces are collected as plain lists and made tokens once, at the end.
    cuts = sorted(set(boundaries))
    cut_count = len(cuts)
    next_cut = 0
    texts: list[str] = []
    starts: list[int] = []
    spaces: list[str] = []
    leading = _LEADING_SPACE.match(text)
    if leading is not None:  # whitespace before the first token is a token of its own
        texts.append(leading.group())
        starts.append(0)
        spaces.append("")
    for match in _SPACED_PIECE.finditer(text, leading.end() if leading is not None else 0):
        piece, space = match.groups()
        start, end = match.span(1)
        while next_cut < cut_count and cuts[next_cut] <= start:
            next_cut += 1
        # ``article_proclitics`` finds ال at offset 1 or 2, so most words skip the call.
        article_split = article_proclitics(piece) if "ال" in piece[1:4] else 0
        if not article_split and (next_cut == cut_count or cuts[next_cut] >= end):
            texts.append(piece)  # the common case: a word that is one token
            starts.append(start)
            spaces.append(space)
            continue
        split_at = {start + article_split} if article_split else set()
        if stats is not None and split_at:
            stats.article_splits += 1
        inside = next_cut
        while inside < cut_count and cuts[inside] < end:
            cut = cuts[inside]
            inside += 1
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
        edges = [start, *sorted(split_at), end]
        for left, right in zip(edges, edges[1:]):
            texts.append(text[left:right])
            starts.append(left)
            spaces.append("")
        spaces[-1] = space
    if stats is not None:
        stats.tokens += len(texts)
    return texts, starts, spaces


def rebuild(tokens: Iterable[Token]) -> str:
    """The text the tokens came from."""
    return "".join(token.text + token.whitespace for token in tokens)
