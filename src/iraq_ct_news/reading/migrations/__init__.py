"""Migrations: the steps that upgrade a record written in an older record format.

A record says which record format it is written in (``schema_version``). When a release changes
the format so that an older record no longer reads as it should (a value's type changes, a
value must move elsewhere), it ships a :class:`MigrationStep` here, and
``iraq-ct-news migrate`` applies every step a record has not had yet, in version order, and
writes a record a step changed in the current format (``_version.SCHEMA_VERSION``). A contribution curated
under an earlier release is therefore never stranded: it is migrated, not rewritten by hand.

Adding a step (for a change to ``amounts``, say): write a module in this package, named after
the version and the change (``v1_3_0_amount_units.py``), that defines ``STEP``::

    STEP = MigrationStep(
        name="amount-units",
        introduced_in="1.3.0",          # the record format that needs it
        kinds=("article",),             # the file kinds it applies to (layout.FileKind)
        apply=move_units,               # edits the record's data in place
    )

``apply`` receives the record's data (the YAML mapping, as read) and changes it in place; it
returns one line per change it made (``"amounts[0].unit: 'ألف' → value × 1000"``), and an empty
list when the record needed nothing. It must be idempotent (a second run changes nothing more)
and decide only what the record itself decides: a value it cannot convert without a person's
judgement is left for the validator to report, with a message that says how to fix it. The
steps are found by importing every module of this package, like the validator's rules; the
tests apply each step to the fixtures and to records of the older format.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...core._version import SCHEMA_VERSION

#: A step's change to one record: edits ``data`` in place, returns one line per change.
Apply = Callable[[dict[str, Any]], list[str]]


@dataclass(frozen=True)
class MigrationStep:
    """One change of the record format, as a function from an older record to a newer one."""

    name: str
    """Short name, printed with each change it makes."""
    introduced_in: str
    """The record format (``MAJOR.MINOR.PATCH``) whose records need it: it is applied to every
    record whose ``schema_version`` is older."""
    kinds: tuple[str, ...]
    """The file kinds it applies to (``article``, ``person``, ``organization``, ``place``,
    ``themes``, ``cameo``)."""
    apply: Apply
    """Changes a record's data in place and says what it changed (see the module docstring)."""


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10.0"`` → ``(1, 10, 0)``, so that versions sort as numbers; an unreadable version
    sorts first (it is migrated by every step, and the validator reports it)."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (-1,)


def _discover() -> tuple[MigrationStep, ...]:
    folder = str(Path(__file__).parent)
    steps: list[MigrationStep] = []
    for info in sorted(pkgutil.iter_modules([folder]), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        step = getattr(module, "STEP", None)
        if isinstance(step, MigrationStep):
            steps.append(step)
    return tuple(sorted(steps, key=lambda step: (version_key(step.introduced_in), step.name)))


STEPS: tuple[MigrationStep, ...] = _discover()
"""Every step, in the order they apply (record format, then name)."""


def pending(kind: str, schema_version: str) -> list[MigrationStep]:
    """The steps a record of ``kind`` written in ``schema_version`` has not had yet."""
    have = version_key(schema_version)
    return [
        step for step in STEPS
        if kind in step.kinds and have < version_key(step.introduced_in)
    ]


def migrate_data(kind: str, data: dict[str, Any]) -> list[str]:
    """Apply the pending steps to ``data`` (in place); when one changed it, set its
    ``schema_version`` to the current record format. Returns one line per change, each prefixed
    with its step's name, and nothing for a record no step changes: an older record the steps
    leave as it is reads the same in the current format (each format lists what it added as
    optional), so it keeps its version and its file, and a contribution's migration touches
    only the records it had to change."""
    written = data.get("schema_version")
    version = written if isinstance(written, str) else "0"
    if version_key(version) >= version_key(SCHEMA_VERSION):
        return []
    changes = [
        f"{step.name}: {line}" for step in pending(kind, version) for line in step.apply(data)
    ]
    if changes:
        data["schema_version"] = SCHEMA_VERSION
        changes.append(f"schema_version: {written} → {SCHEMA_VERSION}")
    return changes
