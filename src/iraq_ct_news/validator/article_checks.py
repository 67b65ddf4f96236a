"""Checks of one article against its own seed and text (DATA-MODEL §4.4–§4.6).

Everything here needs only the article and its seed, so the results of one file can be computed
in a worker process or cached by content hash. Checks that need other records are in
``cross_checks``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..anchoring import SpanResolution, resolve_anchor, scope_texts
from ..models import AnchorFields, Article, Edtf, Evidence, Quote
from ..numbers import has_digits, stated_numbers
from ..textutil import to_latin_digits
from ..yamlreader import PathKey
from ..textutil import fold_whitespace
from .loading import ParsedFile
from .report import format_path
from .seeds import Seed, SeedStore

_OPENING_MARKS = "\"“”«„‘'"
_CLOSING_MARKS = "\"”“»’'"
_TRAILING_PUNCTUATION = ".,،؛:!?؟"


def check_article(
    parsed: ParsedFile, article: Article, seeds: SeedStore
) -> dict[PathKey, SpanResolution]:
    """Run every single-article check; returns where each anchored span was found."""
    _check_computed_fields(parsed, article)
    seed = _check_seed(parsed, article, seeds)
    paragraphs = _paragraphs(article)
    _check_body_layout(parsed, article, paragraphs)
    if seed is not None:
        _check_against_seed(parsed, article, seed, paragraphs)
    resolutions = _check_spans(parsed, article, seed)
    _check_quantities(parsed, article)
    _check_dates(parsed, article)
    _check_quotes(parsed, article, resolutions)
    _check_local_ids(parsed, article)
    return resolutions


def _check_computed_fields(parsed: ParsedFile, article: Article) -> None:
    """Offsets and the content hash belong to the release; a curated record must not hold them."""
    computed: list[PathKey] = []
    if article.content_sha256 is not None:
        computed.append(("content_sha256",))
    for path, span in article.spans():
        computed.extend((*path, name) for name in ("start", "end") if getattr(span, name) is not None)
    for path in computed:
        parsed.report.add(
            "S005", f"'{path[-1]}' is computed by `iraq-ct-news build`; remove it", path, key=True
        )


def _check_seed(parsed: ParsedFile, article: Article, seeds: SeedStore) -> Seed | None:
    found = seeds.get(article.seed)
    if not isinstance(found, Seed):
        parsed.report.add("P001", found.message, ("seed",))
        return None
    if found.sha256 != article.seed_sha256:
        parsed.report.add(
            "P002",
            f"seed_sha256 does not match seeds/{article.seed} (its SHA-256 is {found.sha256})",
            ("seed_sha256",),
        )
    return found


def _check_body_layout(
    parsed: ParsedFile, article: Article, paragraphs: list[tuple[str, str]]
) -> None:
    body = article.body
    report = parsed.report
    if body != body.strip():
        report.add("T005", "body starts or ends with whitespace (write it as `body: |-`)", ("body",))
    offset = 0
    for paragraph, folded in paragraphs:
        if not paragraph.strip():
            report.add_in_block(
                "T005", "paragraphs are separated by exactly one blank line", ("body",), offset
            )
        elif paragraph != folded or "\n" in paragraph:
            report.add_in_block(
                "T005",
                "paragraph has unfolded whitespace (a line break, double space, tab or "
                "non-breaking space); fold it to single spaces",
                ("body",),
                offset,
            )
        offset += len(paragraph) + 2


def _paragraphs(article: Article) -> list[tuple[str, str]]:
    """The body's paragraphs, each with its whitespace-folded form (worked out once for the
    layout and the seed checks)."""
    return [(paragraph, _folded(paragraph)) for paragraph in article.body.split("\n\n")]


def _folded(text: str) -> str:
    """``fold_whitespace(text)``, at the cost of two C-speed tests for text that is folded
    already (every whitespace character but the space is unprintable)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return fold_whitespace(text)


def _check_against_seed(
    parsed: ParsedFile, article: Article, seed: Seed, paragraphs: list[tuple[str, str]]
) -> None:
    report = parsed.report
    offset = 0
    for number, (paragraph, folded) in enumerate(paragraphs, start=1):
        if folded and folded not in seed.folded:
            report.add_in_block(
                "P003",
                f"body paragraph {number} does not occur in seeds/{seed.name}: "
                f"{_preview(paragraph)}",
                ("body",),
                offset,
            )
        offset += len(paragraph) + 2
    if fold_whitespace(article.headline.ar) not in seed.folded:
        report.add("P004", f"headline.ar does not occur in seeds/{seed.name}", ("headline", "ar"))
    for name in ("byline", "dateline", "rights"):
        value = getattr(article.source, name)
        if value is not None and fold_whitespace(value) not in seed.folded:
            report.add(
                "P009", f"source.{name} does not occur in seeds/{seed.name}", ("source", name)
            )


def _check_spans(
    parsed: ParsedFile, article: Article, seed: Seed | None
) -> dict[PathKey, SpanResolution]:
    texts = scope_texts(article, seed.text if seed else None)
    resolutions: dict[PathKey, SpanResolution] = {}
    placed: dict[tuple[str, str, int, int], PathKey] = {}
    for path, span in article.spans():
        if getattr(span, "scope", "body") == "seed" and seed is None:
            continue  # the seed problem is already reported
        resolution = _resolve(span, texts)
        resolutions[path] = resolution
        if not resolution.found:
            assert resolution.problem is not None
            parsed.report.add(
                resolution.problem,
                f"{format_path(path)}.exact {_preview(span.exact)}: {resolution.detail}",
                (*path, "exact"),
            )
            continue
        group = str(path[0])
        if group == "mentions":
            group = f"mentions:{article.mentions[int(path[1])].entity}"
        identity = (group, getattr(span, "scope", "body"), resolution.start, resolution.end)
        if identity in placed and group not in ("published_evidence", "source", "events"):
            parsed.report.add(
                "I006", f"{format_path(path)} anchors the same text as {format_path(placed[identity])}", path
            )
        placed.setdefault(identity, path)
    folded_scopes: dict[str, str] = {}
    for index, mention in enumerate(article.mentions):
        title = mention.title_as_stated
        if title is None:
            continue
        if mention.scope not in folded_scopes:
            folded_scopes[mention.scope] = fold_whitespace(texts[mention.scope])
        if fold_whitespace(title) not in folded_scopes[mention.scope]:
            parsed.report.add(
                "P010",
                f"mentions[{index}].title_as_stated {_preview(title)} is not in the {mention.scope}",
                ("mentions", index, "title_as_stated"),
            )
    return resolutions


def _resolve(span: AnchorFields, texts: dict[str, str]) -> SpanResolution:
    """``resolve_anchor``, with the common case (bare ``exact`` words that occur exactly once
    in the body or headline) decided by two string searches."""
    scope: str = getattr(span, "scope", "body")
    text = texts.get(scope)
    if (
        text is not None
        and scope != "seed"
        and span.prefix is None
        and span.suffix is None
        and span.occurrence is None
    ):
        exact = span.exact
        start = text.find(exact)
        if start != -1 and text.find(exact, start + 1) == -1:
            return SpanResolution(start, start + len(exact))
    return resolve_anchor(span, texts)


def _check_quantities(parsed: ParsedFile, article: Article) -> None:
    report = parsed.report
    for index, amount in enumerate(article.amounts):
        numbers = stated_numbers(amount.exact)
        if Decimal(amount.value) not in numbers:
            stated = ", ".join(_format_decimal(n) for n in numbers) or "no number"
            report.add(
                "P007",
                f"amounts[{index}].value {amount.value} is not what the text states ({stated})",
                ("amounts", index, "value"),
            )
    for index, resolution in enumerate(article.resolutions):
        number = resolution.symbol.split("/")[2].split(" ")[0]
        if re.search(rf"(?<![0-9]){number}(?![0-9])", to_latin_digits(resolution.exact)) is None:
            report.add(
                "P008",
                f"resolutions[{index}]: {number} does not occur in {_preview(resolution.exact)}",
                ("resolutions", index, "symbol"),
            )
    for index, figure in enumerate(article.figures):
        if has_digits(figure.exact) and Decimal(str(figure.value)) not in stated_numbers(
            figure.exact
        ):
            report.add(
                "P011",
                f"figures[{index}].value {figure.value} is not a number stated in "
                f"{_preview(figure.exact)}",
                ("figures", index, "value"),
            )


def _check_dates(parsed: ParsedFile, article: Article) -> None:
    report = parsed.report
    _check_basis(
        parsed, article.published_basis, article.published, article.published_evidence,
        ("published_basis",), ("published_evidence",),
    )
    if article.published_basis in ("inferred", "unknown") and article.notes is None:
        report.add(
            "D005",
            f"a publication date with basis '{article.published_basis}' needs the reasoning in "
            "notes.en",
            ("published_basis",),
        )
    if (article.source.captured is None) != (article.source.captured_evidence is None):
        report.add(
            "D005",
            "source.captured and source.captured_evidence go together",
            ("source", "captured") if article.source.captured else ("source", "captured_evidence"),
        )
    elif article.source.captured is not None and article.source.captured_evidence is not None:
        _check_explicit(
            parsed, article.source.captured, article.source.captured_evidence,
            ("source", "captured_evidence"),
        )
    published_latest = article.published.latest
    published_earliest = article.published.earliest
    for index, event in enumerate(article.events):
        path: PathKey = ("events", index)
        if event.date_basis == "unknown":
            if event.date is not None or event.date_evidence is not None:
                report.add(
                    "D005", "an event with date_basis 'unknown' has no date and no evidence",
                    (*path, "date_basis"),
                )
            continue
        if event.date is None:
            report.add(
                "D005", f"date_basis '{event.date_basis}' needs a date", (*path, "date"), key=True
            )
            continue
        _check_basis(
            parsed, event.date_basis, event.date, event.date_evidence,
            (*path, "date_basis"), (*path, "date_evidence"),
        )
        start = event.date.earliest
        latest = event.date.latest
        after = start is not None and published_latest is not None and start > published_latest
        if after and (event.status != "planned" or event.date_basis not in ("explicit", "relative")):
            report.add(
                "D003",
                f"events[{index}] is dated {event.date} after publication ({article.published}); "
                "it must be `status: planned` with basis explicit or relative",
                (*path, "date"),
            )
        before = latest is not None and published_earliest is not None and latest < published_earliest
        if event.status == "planned" and before:
            report.add(
                "D003",
                f"events[{index}] is planned but dated {event.date}, before publication",
                (*path, "status"),
            )


def _check_basis(
    parsed: ParsedFile,
    basis: str,
    date: Edtf,
    evidence: Evidence | None,
    basis_path: PathKey,
    evidence_path: PathKey,
) -> None:
    if basis == "unknown":
        if evidence is not None:
            parsed.report.add("D005", "basis 'unknown' has no evidence", evidence_path, key=True)
        return
    if evidence is None:
        parsed.report.add(
            "D005", f"basis '{basis}' needs evidence (the words the date comes from)", basis_path
        )
        return
    if basis == "explicit":
        _check_explicit(parsed, date, evidence, evidence_path)


def _check_explicit(
    parsed: ParsedFile, date: Edtf, evidence: AnchorFields, evidence_path: PathKey
) -> None:
    numbers = {int(n) for n in re.findall(r"[0-9]+", to_latin_digits(evidence.exact))}
    for point in (date.start, date.end):
        if point is None:
            continue
        missing = []
        if point.year not in numbers:
            missing.append(f"year {point.year}")
        if point.day is not None and point.day not in numbers:
            missing.append(f"day {point.day}")
        if missing:
            parsed.report.add(
                "D006",
                f"explicit date {date} but the evidence does not show the {' or '.join(missing)}",
                (*evidence_path, "exact"),
            )
            return


def _check_quotes(
    parsed: ParsedFile, article: Article, resolutions: dict[PathKey, SpanResolution]
) -> None:
    report = parsed.report
    mentioned = {mention.entity for mention in article.mentions}
    texts = {"body": article.body, "headline": article.headline.ar}
    for index, quote in enumerate(article.quotes):
        path: PathKey = ("quotes", index)
        resolution = resolutions.get(path)
        if resolution is not None and resolution.found:
            if not _is_enclosed(texts[quote.scope], resolution.start, resolution.end):
                report.add(
                    "C002",
                    f"quotes[{index}] is not inside quotation marks in the {quote.scope}",
                    (*path, "exact"),
                )
        for role in ("speaker", "delivered_by"):
            person = getattr(quote, role)
            if person is not None and person not in mentioned:
                report.add(
                    "C003", f"quotes[{index}].{role} '{person}' has no mention in this article",
                    (*path, role),
                )
        _check_delivery(parsed, index, quote)


def _check_delivery(parsed: ParsedFile, index: int, quote: Quote) -> None:
    if quote.delivery == "read-on-behalf" and quote.delivered_by is None:
        parsed.report.add(
            "C005", f"quotes[{index}] was read on someone's behalf: name the reader in "
            "delivered_by", ("quotes", index, "delivery"),
        )
    elif quote.delivery != "read-on-behalf" and quote.delivered_by is not None:
        parsed.report.add(
            "C005", f"quotes[{index}].delivered_by is only for delivery 'read-on-behalf'",
            ("quotes", index, "delivered_by"),
        )


def _is_enclosed(text: str, start: int, end: int) -> bool:
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


def _check_local_ids(parsed: ParsedFile, article: Article) -> None:
    report = parsed.report
    for group in ("quotes", "events"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(article, group)):
            if item.id in seen:
                report.add("I006", f"{group} id '{item.id}' is used twice", (group, index, "id"))
            seen.add(item.id)
    event_ids = {event.id for event in article.events}
    for index, quote in enumerate(article.quotes):
        if quote.event is not None and quote.event not in event_ids:
            report.add(
                "I003", f"quotes[{index}].event '{quote.event}' is not an event of this article",
                ("quotes", index, "event"),
            )


def _preview(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _format_decimal(number: Decimal) -> str:
    return format(number.normalize(), "f")
