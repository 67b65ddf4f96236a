"""The registries as ``draft`` sees them, kept between runs.

Drafting one article reads every person, organisation and place record to know their names: at
ten thousand articles that is four thousand files parsed and validated (about 0.6 s) for the
same result every time the registries have not changed. The result is kept in the validation
cache (:mod:`iraq_ct_news.core.cache`), one entry per tree under the tool's fingerprint, with a
digest of every registry file's path, kind and SHA-256 (found from the file signatures the cache
keeps, so unchanged files are not read): any change to a registry file, a file added, removed or
turned into a link gives another digest, another tool another key, and the registries are read
again (and the entry replaced).

What is kept is exactly what :func:`~iraq_ct_news.curation.draft.registry.load_registry` returns (every
entity and the name index's spellings and kinds, in file order), as JSON; an entry that does not
decode to that shape is ignored and the registries read again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath
from typing import Any

from ...core.cache import ValidationCache
from ...core.findings import Finding
from ...core.limits import MAX_FILE_BYTES
from ...core.signature import key as signature_key
from ...models.kinds import ENTITIES
from ...models.layout import CURATED, FileKind, classify
from ...reading.name_index import NameIndex
from ...store.entities import entity_of, registry_of
from ...store.repository import StoredRecord, read_record
from .registry import Entity, Registry, load_registry

#: Changes when the stored form below changes.
_FORMAT = "draft-registry 3"


def cached_registry(root: Path, cache: ValidationCache | None = None) -> Registry:
    """:func:`load_registry` of ``root``, from the cache when no registry file changed."""
    store = cache if cache is not None else ValidationCache()
    store.load_signatures(root)
    # One entry per tree, replaced when its registries change: entries of past registries
    # (about 1.6 MB at 4,000 records) never pile up.
    key = store.key(_FORMAT, os.path.abspath(root))
    entry = store.read([key]).get(key)
    earlier = _files_from_json(entry.get("files")) if isinstance(entry, dict) else {}
    listed: list[tuple[str, FileKind, str | None]]
    if earlier:
        hashed = _registry_hashes(root, store)
        if hashed is None:  # a registry file that cannot be hashed: read as always, keep nothing
            return load_registry(root)
        if isinstance(entry, dict) and entry.get("digest") == _digest(hashed):
            kept = registry_from_json(entry.get("registry"))
            if kept is not None:
                return kept
        listed = list(hashed)
    else:
        # Nothing kept for this tree: every file is read, and reading it gives its hash (hashing
        # every file first read each of them twice).
        listed = [(relative, kind, None) for relative, kind, _entry in registry_files(root)]
    # Only the registry files that changed since the entry was written are read again.
    registry, rows = _updated_registry(root, listed, earlier, store)
    # Kept only if no registry file changed while it was read (the signatures just learnt say
    # which files are unchanged without reading them again).
    store.hasher.known.update(store.hasher.new)
    # A registry with a record that does not read is not kept: its findings are said each run.
    again = _registry_hashes(root, store)
    digest = _digest([(relative, row[0], row[1]) for relative, row in rows.items()])
    if not registry.findings and again is not None and _digest(again) == digest:
        store.write({key: {"digest": digest, "registry": registry_to_json(registry),
                           "files": rows}})
    return registry


def _updated_registry(
    root: Path,
    listed: list[tuple[str, FileKind, str | None]],
    earlier: dict[str, tuple[str, str, Any]],
    store: ValidationCache,
) -> tuple[Registry, dict[str, list[Any]]]:
    """:func:`load_registry` of ``root``, reading only the files whose kind or hash differs
    from ``earlier`` (relative path to kind, SHA-256 and entity row), or whose hash is not
    known yet (None); the same entities, in the same order, and the same name index, as
    reading every file gives. Each file read teaches ``store``'s hasher its hash."""
    entities: list[Entity | None] = []
    findings: list[Finding] = []
    rows: dict[str, list[Any]] = {}
    for relative, kind, sha256 in listed:
        known = earlier.get(relative)
        if sha256 is not None and known is not None and known[0] == kind and known[1] == sha256:
            entity = _entity(known[2]) if known[2] is not None else None
        else:
            read = read_record(root, PurePosixPath(relative), kind)
            if not isinstance(read, StoredRecord):
                findings.extend(read)
                continue
            entity = entity_of(read)
            sha256 = read.token.sha256
            if read.signature is not None and sha256 is not None:
                store.hasher.new[signature_key(root / relative)] = (read.signature, sha256)
        rows[relative] = [kind, sha256, _entity_row(entity) if entity is not None else None]
        entities.append(entity)
    return registry_of(entities, findings), rows


def _files_from_json(value: Any) -> dict[str, tuple[str, str, Any]]:
    """The per-file part of an entry; anything else gives nothing (every file is read)."""
    if not isinstance(value, dict):
        return {}
    files: dict[str, tuple[str, str, Any]] = {}
    for relative, row in value.items():
        if (isinstance(row, list) and len(row) == 3 and _strings(row[:2])
                and (row[2] is None or _entity(row[2]) is not None)):
            files[relative] = (row[0], row[1], row[2])
    return files


def _digest(hashed: list[tuple[str, FileKind, str]]) -> str:
    """SHA-256 over every registry file's kind, path and content hash, in path order."""
    digest = hashlib.sha256()
    for relative, kind, content in hashed:
        digest.update(f"{kind}\0{relative}\0{content}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _registry_hashes(
    root: Path, store: ValidationCache
) -> list[tuple[str, FileKind, str]] | None:
    """Every registry file's path, kind and content hash (from the signatures the cache keeps
    when the file is unchanged), in path order; None when one cannot be hashed."""
    hashed: list[tuple[str, FileKind, str]] = []
    for relative, kind, entry in registry_files(root):
        try:
            content = store.hasher.sha256_known(
                os.path.abspath(entry.path), entry.stat(follow_symlinks=False), MAX_FILE_BYTES
            )
        except OSError:
            return None
        hashed.append((relative, kind, content))
    return hashed


def registry_files(root: Path) -> list[tuple[str, FileKind, os.DirEntry[str]]]:
    """The files the store reads as person, organisation and place records, with their kinds,
    in path order: the files :func:`~iraq_ct_news.models.layout.curated_files` classifies so, found by
    listing only the three registry folders (not the articles beside them). Links are never
    followed: ``curated/`` or a registry folder that is a link holds no records, a linked file
    is not one."""
    base = root / CURATED
    if base.is_symlink() or not base.is_dir():
        return []
    found: list[tuple[str, FileKind, os.DirEntry[str]]] = []
    for row in ENTITIES.values():
        kind, folder = row.kind, row.curated
        if os.path.islink(base / folder):
            continue
        try:
            with os.scandir(base / folder) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink() or entry.is_dir():
                continue
            relative = f"{CURATED}/{folder}/{entry.name}"
            if classify(PurePosixPath(relative)) == kind:
                found.append((relative, kind, entry))
    found.sort(key=lambda item: item[0])
    return found


def registry_to_json(registry: Registry) -> dict[str, Any]:
    """The registry as JSON values, every order kept."""
    return {
        "entities": [_entity_row(entity) for entity in registry.entities.values()],
        "names": [[entity_id, list(keys)] for entity_id, keys in registry.index.names.items()],
        "kinds": [[entity_id, kind] for entity_id, kind in registry.index.kinds.items()],
    }


def registry_from_json(value: Any) -> Registry | None:
    """The registry :func:`registry_to_json` wrote, or None for anything else."""
    if not isinstance(value, dict):
        return None
    rows, names, kinds = value.get("entities"), value.get("names"), value.get("kinds")
    if not (isinstance(rows, list) and isinstance(names, list) and isinstance(kinds, list)):
        return None
    entities: dict[str, Entity] = {}
    for row in rows:
        entity = _entity(row)
        if entity is None:
            return None
        entities[entity.id] = entity
    index_names: dict[str, tuple[str, ...]] = {}
    for pair in names:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)
                and _strings(pair[1])):
            return None
        index_names[pair[0]] = tuple(pair[1])
    index_kinds: dict[str, str] = {}
    for pair in kinds:
        if not (isinstance(pair, list) and len(pair) == 2 and _strings(pair)):
            return None
        index_kinds[pair[0]] = pair[1]
    return Registry(entities, NameIndex(index_names, index_kinds))


def _entity_row(entity: Entity) -> list[Any]:
    return [entity.id, entity.kind, entity.name_en, entity.name_ar, list(entity.keys),
            list(entity.surnames), entity.relative_path, entity.detail, entity.proposed]


def _entity(row: Any) -> Entity | None:
    if not (isinstance(row, list) and len(row) == 9):
        return None
    entity_id, kind, name_en, name_ar, keys, surnames, relative, detail, proposed = row
    if not (_strings([entity_id, name_en, name_ar, relative]) and kind in ENTITIES
            and _strings(keys) and _strings(surnames)
            and (detail is None or isinstance(detail, str)) and isinstance(proposed, bool)):
        return None
    return Entity(entity_id, kind, name_en, name_ar, tuple(keys), tuple(surnames), relative,
                  detail, proposed)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)
