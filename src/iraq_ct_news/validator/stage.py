"""Checking one file on its own: everything that needs only the file, its seed and the names.

:func:`check_file` is what a worker process runs for each file, and what the main process runs
when the tree is small or the cache does not know the file. Its result, an :class:`Outcome`, is
plain data: located findings, the file's :class:`~.facts.Facts` for the checks across files, and
what the result depends on besides the file's own bytes (its seed, the registry names, the titles
other records quote from it), which is what the cache checks before reusing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from pydantic import BaseModel

from ..anchoring import SpanResolution
from ..layout import CuratedFile
from ..models import Article, CameoVocabulary
from ..signature import key as signature_key
from ..yamlreader import Document, PathKey
from .article_checks import check_article
from .facts import Facts, answer_titles, extract_facts
from .quads import check_quad_classes
from .loading import parse_file
from .names import NameIndex, check_mention_names, check_unmentioned
from .record_checks import check_common
from .seeds import SeedStore

#: A finding located in its file: line, column, code, message (the path is the file's).
Located = tuple[int, int, str, str]


@dataclass(frozen=True)
class StageContext:
    """What checking one file needs besides the file: shared by every file of a run."""

    root: Path
    keep_records: bool = False
    """Return the model and span offsets of each file (for building a release)."""
    names: NameIndex | None = None
    """Registry names, for the articles' name checks (None while reading the registries)."""
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Article id to the (folded) titles people's positions quote from it."""
    resolved_root: Path | None = None
    """``root.resolve()``, worked out once for the run (None: each file works it out)."""
    encode_entries: bool = False
    """Encode each outcome for the cache where it is made (in the workers, in parallel)."""


@dataclass
class Outcome:
    """The result of checking one file on its own."""

    source: CuratedFile
    findings: list[Located]
    facts: Facts
    file_sha256: str | None = None
    """SHA-256 of the bytes that were checked (None when the file could not be read)."""
    seed: tuple[str, str] | None = None
    """For an article: its seed's name and state (``SeedStore.state``) when it was checked."""
    names_fingerprint: str | None = None
    """For an article: the fingerprint of the registry names it was checked against."""
    titles: tuple[str, ...] = ()
    """For an article: the titles it was asked about."""
    record: BaseModel | None = None
    spans: dict[PathKey, SpanResolution] | None = None
    document: Document | None = None
    """The document, when the outcome stays in the process that read it (to locate findings
    the checks across files add); never sent between processes nor cached."""
    cached: bool = False
    """True when the outcome was read from the cache (it need not be stored again)."""
    entry: bytes | None = None
    """The outcome encoded for the cache, when the context asked for it."""
    signatures: list[tuple[str, str, str]] = field(default_factory=list)
    """(absolute path, stat signature, SHA-256) of the file and its seed as read, when settled
    (for the cache's signature table)."""


def check_file(context: StageContext, source: CuratedFile, seeds: SeedStore) -> Outcome:
    """Read and check one file on its own; never raises for bad content."""
    parsed = parse_file(context.root, source, "", resolved_root=context.resolved_root)
    check_common(parsed)
    record = parsed.record
    outcome_seed: tuple[str, str] | None = None
    spans: dict[PathKey, SpanResolution] | None = None
    titles: tuple[str, ...] = ()
    names_fingerprint: str | None = None
    if isinstance(record, Article):
        spans = check_article(parsed, record, seeds)
        outcome_seed = (record.seed, seeds.state(record.seed))
        if context.names is not None:
            names_fingerprint = context.names.fingerprint
            check_mention_names(parsed.report, record, context.names)
            check_unmentioned(parsed.report, record, context.names)
        titles = context.titles.get(record.id, ())
    if isinstance(record, CameoVocabulary):
        check_quad_classes(parsed.report, [(entry.code, entry.quad_class) for entry in record.codes])
    facts = extract_facts(source.kind, source.stem, record, parsed.repaired)
    if isinstance(record, Article):
        facts.title_answers = answer_titles(record, titles)
    facts.index_map = parsed.report.index_map
    signatures = []
    if parsed.signature is not None and parsed.file_sha256 is not None:
        location = context.root / source.relative
        signatures.append((signature_key(location), parsed.signature, parsed.file_sha256))
    if outcome_seed is not None and outcome_seed[0] in seeds.signatures:
        signatures.append(seeds.signatures[outcome_seed[0]])
    outcome = Outcome(
        signatures=signatures,
        source=source,
        findings=[(f.line, f.column, f.code, f.message) for f in parsed.report.findings],
        facts=facts,
        file_sha256=parsed.file_sha256,
        seed=outcome_seed,
        names_fingerprint=names_fingerprint,
        titles=titles,
        record=record if context.keep_records else None,
        spans=spans if context.keep_records else None,
        document=parsed.document,
    )
    if context.encode_entries and outcome.file_sha256 is not None:
        from ..cache import encode_entry

        outcome.entry = encode_entry(outcome)
    return outcome

