"""Scaffolding a new article record from a seed: the logic of ``iraq-ct-news new``.

A contributor starts from a source document copied into ``seeds/``. Everything that follows from
it mechanically is written for them: the seed's name and hash, the record format version, the
dates of creation, the headline and the body paragraphs with likely site chrome left out, and
what the page says about its dates and source (how a page is read is :mod:`iraq_ct_news.reading.seedpage`).
Everything that needs judgement is a placeholder whose first word is ``TODO``. The models refuse
such text, so ``iraq-ct-news validate`` lists every placeholder until it is replaced and nothing
half-curated can be formatted or released.

The chrome heuristics only propose. Every seed line left out of the body is listed, with the
reason, in the comment block at the top of the file (:mod:`iraq_ct_news.curation.scaffold_notes`), for the
contributor to confirm: that block is the one place ``fmt`` keeps comments, so the file formats
cleanly once it is filled in.

Writing never overwrites, and happens in one function (:func:`write_scaffold`): the record is
created with an exclusive link, and the seed's hash is
added to ``seeds/SHA256SUMS`` (the list of frozen seeds the test suite checks) only if it is not
there; a seed whose bytes differ from the hash already listed is refused, since seeds are never
edited.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..core._version import SCHEMA_VERSION
from ..core.errors import ReaderError, UsageError
from ..core.fsutil import (
    first_link,
)
from ..core.limits import MAX_FILE_BYTES, MAX_STRING_LENGTH
from ..models.field_types import ID_MAX_LENGTH, ID_PATTERN, is_placeholder
from ..models.layout import CURATED, SEEDS, record_path
from ..reading.seedpage.chrome import chrome_reason
from ..reading.seedpage.dates import SeedDate, is_date_line
from ..reading.seedpage.dates import seed_dates as _seed_dates
from ..reading.seedpage.lines import (
    ScaffoldError,
    SeedLine,
    SeedReading,
    refuse_too_many_lines,
    seed_lines,
)
from ..reading.seedpage.reading import read_seed, seed_source_lines
from ..reading.seeds import Seed, SeedStore
from ..reading.yamlreader import read_yaml_text
from ..store.formatting import render, same
from ..store.writer import ReadFile, Writer
from .draft.registry import load_registry
from .scaffold_notes import header_comments
from .scaffold_seed import SUMS_FILE, refuse_curated_seed, seed_name, sums_with, updated_sums

__all__ = [
    "NO_BODY", "PLACEHOLDERS", "SUMS_FILE", "Scaffold", "ScaffoldError", "SeedDate", "SeedLine",
    "SeedReading", "chrome_reason", "default_id", "is_date_line", "plan_scaffold", "read_seed",
    "seed_credits", "seed_dates", "seed_lines", "seed_source_lines", "write_scaffold",
]

_CREDIT_LABEL = re.compile(r"^[^:：]{1,20}[:：]\s*")

#: What the contributor has to write, field by field. Each value starts with the word TODO, which
#: the models refuse; where the field holds a list or a mapping, the text in its place is refused
#: as the wrong type. Either way `validate` names the field and quotes the instruction.
PLACEHOLDERS: dict[str, Any] = {
    "source": {
        "publisher": "TODO: id of the outlet (a record in curated/organizations/)",
        "url": "TODO: the address of the article if the seed shows it, else null",
        "byline": "TODO: the author line exactly as printed, else null",
        "dateline": "TODO: the place or date line exactly as printed, else null",
        "rights": "TODO: the copyright line exactly as printed, else null",
        "captured": "TODO: EDTF date the page was captured (a page-header date), else null",
    },
    "headline_en": "TODO: the headline in English, in your own words",
    "summary": {"en": "TODO: 3 to 5 sentences in English: who did what, where and when"},
    "published": "TODO: EDTF publication date, no more precise than the evidence",
    "published_basis": "TODO: explicit, inferred or unknown",
    "published_evidence": {
        "exact": "TODO: the words that give the date (delete this field if the basis is unknown)",
        "scope": "TODO: body, headline or seed",
    },
    # Findings quote the first 37 characters of a text given for a list: say it all in that.
    "themes": "TODO: theme ids from themes.yaml",
    "mentions": "TODO: people, organisations, places",
    "quotes": "TODO: quotes, or [] if none",
    "events": "TODO: events, or [] if none",
    "amounts": "TODO: sums of money, or [] if none",
    "resolutions": "TODO: UN resolutions, or [] if none",
    "figures": "TODO: other numbers, or [] if none",
    "notes": {"en": "TODO: your reasoning for the judgement calls: dates, attributions, chrome"},
}
NO_BODY = "TODO: no paragraph was found; copy the article's paragraphs from the seed"



@dataclass(frozen=True)
class Scaffold:
    """A planned scaffold: the record file and the seed list to write (nothing written yet)."""

    article_id: str
    relative: PurePosixPath
    """Where the record goes, relative to the repository."""
    text: str
    """The record file, in canonical layout."""
    seed: str
    seed_sha256: str
    reading: SeedReading
    sums: str | None = None
    """The new content of seeds/SHA256SUMS, or None when it already lists the seed."""
    placeholders: tuple[str, ...] = field(default=())
    """The fields left as placeholders, as dotted paths."""


# -- planning the record ------------------------------------------------------------------------


def plan_scaffold(
    root: Path,
    seed: Path,
    article_id: str | None = None,
    *,
    today: datetime.date | None = None,
) -> Scaffold:
    """Everything ``iraq-ct-news new`` would write, without writing it.

    ``seed`` is a path to a file directly inside ``root/seeds/`` (relative to the current
    folder, or to ``root``). ``today`` is the date written as ``created`` and ``modified``.
    Raises :class:`~iraq_ct_news.core.errors.UsageError` for arguments that cannot work and
    :class:`ScaffoldError` when the repository forbids the scaffold.
    """

    if not (root / CURATED).is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    if article_id is not None:
        _check_id_syntax(article_id)
    name = seed_name(root, seed)
    found = SeedStore(root).get(name)
    if not isinstance(found, Seed):
        raise ScaffoldError(found.message)
    refuse_curated_seed(root, name)
    sums = updated_sums(root, name, found.sha256)
    chosen = _choose_id(root, name, article_id)
    refuse_too_many_lines(name, found.text)
    reading = read_seed(found.text)
    date = (today or datetime.date.today()).isoformat()
    data = _record(chosen, name, found.sha256, date, reading)
    _refuse_oversized(name, reading, data)
    _fill_what_the_seed_shows(root, data, found.text, reading)
    text = _render(data, header_comments(name, reading))
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ScaffoldError(
            f"the record scaffolded from seeds/{name} would be {len(text.encode('utf-8')):,} "
            f"bytes; a record file holds at most {MAX_FILE_BYTES:,}, so nothing was written"
        )
    return Scaffold(
        article_id=chosen,
        relative=record_path("article", chosen),
        text=text,
        seed=name,
        seed_sha256=found.sha256,
        reading=reading,
        sums=sums,
        placeholders=tuple(_placeholder_paths(data)),
    )


def write_scaffold(root: Path, scaffold: Scaffold) -> None:
    """Write a planned scaffold: the seed list first (adding a line is always right once the seed
    is in seeds/), then the record, which is created only if no file has its name.

    Both places are checked for symbolic links before either is written: a linked
    ``curated/articles/`` would put the record wherever it points.
    """
    target = root / scaffold.relative
    for path in (root / SEEDS / SUMS_FILE, target):
        link = first_link(root, path)
        if link is not None:
            raise ScaffoldError(
                f"{link.relative_to(root).as_posix()} is a symbolic link; `iraq-ct-news new` "
                "writes only into real folders of the repository (replace the link by the folder)"
            )

    writer = Writer(root)
    sums_file = f"{SEEDS}/{SUMS_FILE}"
    with writer.locked():
        if scaffold.sums is not None:
            # The list as it is now, not as planned: a line another `new` or a person added
            # since is kept, and the write is refused if the list changes again before it.
            try:
                current: ReadFile | None = writer.read(sums_file)
            except FileNotFoundError:
                current = None
            sums = sums_with(current.data if current else None, scaffold.seed,
                             scaffold.seed_sha256)
            if sums is not None:
                writer.write_bytes(sums_file, sums.encode("utf-8"),
                                   expect=current.token if current else writer.token(sums_file))
        created = writer.create(scaffold.relative, scaffold.text.encode("utf-8"))
    if not created:
        raise ScaffoldError(
            f"{scaffold.relative} already exists; `iraq-ct-news new` never overwrites a record"
        )


def _choose_id(root: Path, seed_name: str, article_id: str | None) -> str:
    if article_id is not None:
        _check_id_syntax(article_id)
        if os.path.lexists(root / record_path("article", article_id)):
            raise ScaffoldError(
                f"{record_path('article', article_id)} already exists; `iraq-ct-news new` never "
                "overwrites a record (choose another --id)"
            )
        return article_id
    base = default_id(seed_name)
    candidate, number = base, 1
    while os.path.lexists(root / record_path("article", candidate)):
        number += 1
        suffix = f"-{number}"
        candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def _check_id_syntax(article_id: str) -> None:
    if len(article_id) > ID_MAX_LENGTH or re.fullmatch(ID_PATTERN, article_id) is None:
        raise UsageError(
            f"--id {article_id!r}: an id is lowercase kebab-case (a-z, 0-9, single hyphens), "
            f"at most {ID_MAX_LENGTH} characters, e.g. 'unodc-launches-ct-programme-iraq-2018'"
        )


def default_id(seed_name: str) -> str:
    """A kebab-case id made from the seed's file name (``005_UN_News.txt`` → ``005-un-news``).

    Headlines are Arabic, and an id is ASCII; a descriptive English id is better chosen with
    ``--id``, as CONTRIBUTING.md advises.
    """
    stem = seed_name.rsplit(".", 1)[0] if "." in seed_name[1:] else seed_name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:ID_MAX_LENGTH].rstrip("-") or "article"


def _record(
    article_id: str, seed: str, digest: str, date: str, reading: SeedReading
) -> dict[str, Any]:
    body = "\n\n".join(line.text for line in reading.paragraphs) or NO_BODY
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "revision": 1,
        "created": date,
        "modified": date,
        "status": "active",
        "seed": seed,
        "seed_sha256": digest,
        "language": "ar",
        "source": dict(PLACEHOLDERS["source"]),
        "headline": {"ar": reading.headline.text, "en": PLACEHOLDERS["headline_en"]},
        "summary": dict(PLACEHOLDERS["summary"]),
        "published": PLACEHOLDERS["published"],
        "published_basis": PLACEHOLDERS["published_basis"],
        "published_evidence": dict(PLACEHOLDERS["published_evidence"]),
        "body": body,
        "themes": PLACEHOLDERS["themes"],
        "mentions": PLACEHOLDERS["mentions"],
        "quotes": PLACEHOLDERS["quotes"],
        "events": PLACEHOLDERS["events"],
        "amounts": PLACEHOLDERS["amounts"],
        "resolutions": PLACEHOLDERS["resolutions"],
        "figures": PLACEHOLDERS["figures"],
        "notes": dict(PLACEHOLDERS["notes"]),
    }


def _fill_what_the_seed_shows(
    root: Path, data: dict[str, Any], seed_text: str, reading: SeedReading
) -> None:
    """Write what the left-out lines show instead of a placeholder: the publication and capture
    dates from the date lines (with their evidence), the dateline, credit and author lines, the
    copyright line and the outlet a credit line names, when it is one registry record. A URL,
    rights or capture date the seed does not show starts as null."""
    published, captured = seed_dates(seed_text, reading)
    if published is not None:
        data["published"] = published.date
        data["published_basis"] = "explicit"
        data["published_evidence"] = _seed_evidence(published)
    source = data["source"]
    found = seed_source_lines(reading)
    source["url"] = found.get("url")
    source["captured"] = captured.date if captured else None
    if captured is not None:
        source["captured_evidence"] = _seed_evidence(captured)
    source["rights"] = found.get("rights")
    for key in ("byline", "credit", "dateline"):
        if key in found:
            source[key] = found[key]
    publisher = _outlet(root, [found.get("credit", "")])
    if publisher is not None:
        source["publisher"] = publisher


def seed_dates(
    text: str, reading: SeedReading | None = None
) -> tuple[SeedDate | None, SeedDate | None]:
    """The publication date and the capture date a seed's date lines give (the rules are in
    :mod:`iraq_ct_news.reading.seedpage.dates`); ``reading`` is the seed's reading, made if not given."""
    return _seed_dates(text, reading or read_seed(text))


def seed_credits(reading: SeedReading) -> dict[str, str]:
    """What the left-out lines say about the source, verbatim: ``byline``, ``source`` (the
    outlet a credit line names) and ``rights``. Kept for callers of the 0.2 interface;
    :func:`seed_source_lines` gives the credit line itself as ``credit``."""
    found = seed_source_lines(reading)
    if "credit" in found:
        found["source"] = _CREDIT_LABEL.sub("", found.pop("credit"))
    found.pop("dateline", None)
    return found


def _seed_evidence(found: SeedDate) -> dict[str, Any]:
    evidence: dict[str, Any] = {"exact": found.line.text}
    if found.occurrence is not None:
        evidence["occurrence"] = found.occurrence
    evidence["scope"] = "seed"
    return evidence


def _outlet(root: Path, texts: list[str]) -> str | None:
    """The one organisation record a source or copyright line names, if exactly one."""

    registry = load_registry(root)
    for text in texts:
        if not text:
            continue
        named = {
            entity for entity in registry.index.matcher.entities_in(text)
            if registry.kind_of(entity) == "organization"
        }
        if len(named) == 1:
            return named.pop()
    return None


def _placeholder_paths(data: Any, prefix: str = "") -> Iterable[str]:

    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholder_paths(value, f"{prefix}{key}.")
    elif isinstance(data, str) and is_placeholder(data):
        yield prefix.rstrip(".")


def _refuse_oversized(name: str, reading: SeedReading, data: dict[str, Any]) -> None:
    """Refuse a seed whose headline, a paragraph or the whole body is longer than a record's
    string can be, naming the seed line, before a record that would not read is rendered."""
    for line in (reading.headline, *reading.paragraphs):
        if len(line.text) > MAX_STRING_LENGTH:
            raise ScaffoldError(
                f"seeds/{name}:{line.number}: Y008 line of {len(line.text):,} characters; a "
                f"record's text holds at most {MAX_STRING_LENGTH:,} per string, so nothing was "
                "written (is the document's line structure lost? a paragraph per line is needed)"
            )
    if len(data["body"]) > MAX_STRING_LENGTH:
        raise ScaffoldError(
            f"seeds/{name}: Y008 the body would be {len(data['body']):,} characters; a record's "
            f"text holds at most {MAX_STRING_LENGTH:,} per string, so nothing was written"
        )


def _render(data: dict[str, Any], header: list[str]) -> str:
    """The record in ``fmt``'s canonical layout, proven to read back to exactly ``data``."""

    text = render(data, "article", header)
    try:
        again = read_yaml_text(text)
    except ReaderError as error:  # pragma: no cover - _refuse_oversized and render rule it out
        raise ScaffoldError(
            f"the scaffold would not read back ({error.code} {error.message}); nothing was written"
        ) from None
    if not same(again.data, data):  # pragma: no cover - a formatter bug
        raise ScaffoldError("the scaffold did not read back as written; please report this")
    return text
