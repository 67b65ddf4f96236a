"""What a rule is: a declared code, and the stage its check runs in.

Every rule lives in one module of this package. The module declares its codes with
:func:`declare` (the code, its severity and the text ``validate --explain`` prints) and its
checks with :func:`file_check`, :func:`article_check`, :func:`tree_check` or
:func:`release_check`. The rest of the validator finds both through :mod:`.catalog`, so adding a
rule is adding a module: nothing else lists codes or calls checks by name.

A rule says nothing about what it reads: a file or article check reaches whatever lies outside
its file through its :class:`~iraq_ct_news.checks.context.FileRun`, which records each read,
and the cache reuses a result only while what was read is unchanged.

A check that looks at every value of its file's document (every string, list or mapping) reads
the document's one shared walk, ``checks.walk.document_walk(checked, run)``, rather than
walking the document itself: a document is walked once however many rules look at all of it.

Codes are :class:`Code` objects, not strings: a report accepts only a ``Code`` (mypy refuses a
bare string, and a misspelled name fails when its module is imported), and a code declared
twice, raised by a check that does not declare it, or looked up without being declared, raises
:class:`UndeclaredCode`; the test suite imports every module and checks every code literal in
the package.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ...core.findings import Severity

if TYPE_CHECKING:
    from ...models.layout import FileKind


class UndeclaredCode(LookupError):
    """A rule code was used without being declared, or declared twice (a bug of the package,
    never of a user's files: the tests raise it before a release does)."""


class Stage(enum.Enum):
    """When a check runs (the one meaning of "stage" in the validator), which decides what it
    is given: a file and its :class:`~iraq_ct_news.checks.context.FileRun`, or the tree."""

    FILE = "one file"
    """The file alone (its bytes, its model, through its run its seed): runs in a worker (see
    ``checks.stage``), cached with what it read."""
    ARTICLE = "one article with the registries"
    """An article once the registries are read (its run also gives the registry names and the
    titles other records quote from it): runs in a worker, cached with what it read."""
    TREE = "across files"
    """Every file's summary (:class:`~iraq_ct_news.checks.facts.Facts`): ids, references,
    orphans. Runs in the main process on every run, never cached."""
    RELEASE = "against the release"
    """The summaries against the last release in ``dataset/``. Runs on every run."""


_CODE_PATTERN = re.compile(r"[A-Z][0-9]{3}")


@dataclass(frozen=True)
class Code:
    """A rule code (``P002``) with its rule: what ``--explain`` prints and the module that
    declared it (the one place the rule lives). Findings hold the code's text."""

    code: str
    title: str
    severity: Severity
    explanation: str
    fix: str
    module: str

    def __str__(self) -> str:
        return self.code

    def explain(self) -> str:
        """The text printed by ``validate --explain CODE``."""
        return (
            f"{self.code} {self.title} ({self.severity})\n\n"
            f"{self.explanation}\n\nHow to fix: {self.fix}\n"
        )


_DECLARED: dict[str, Code] = {}


def declare(code: str, title: str, severity: Severity, explanation: str, fix: str) -> Code:
    """Declare a rule code in the calling module (a code may be declared only once)."""
    if _CODE_PATTERN.fullmatch(code) is None:
        raise UndeclaredCode(f"{code!r} is not a rule code (a capital letter and three digits)")
    module = sys._getframe(1).f_globals.get("__name__", "?")
    known = _DECLARED.get(code)
    if known is not None and known.module != module:
        raise UndeclaredCode(f"{code} is declared by {known.module} and again by {module}")
    made = Code(code, title, severity, explanation, fix, module)
    _DECLARED[code] = made
    return made


def declared(code: str) -> Code:
    """The declared :class:`Code` for a code named in text (a ``ReaderError``, a span problem).

    Lower layers (the YAML reader, the anchoring helpers) name their problems with the code's
    text because they cannot import the rules; the check that reports them turns the text into
    the code here, which fails loudly for a code nobody declared.
    """
    found = _DECLARED.get(code)
    if found is None:
        raise UndeclaredCode(f"rule code {code!r} is not declared by any check module")
    return found


def declared_codes() -> dict[str, Code]:
    """Every code declared so far (``catalog.RULES`` imports every module first)."""
    return dict(_DECLARED)


@dataclass(frozen=True)
class Check:
    """One check: a function, the stage it runs in, the codes it may raise, the files it runs
    on."""

    function: Callable[..., Any]
    stage: Stage
    codes: tuple[Code, ...]
    kinds: frozenset[FileKind] | None
    """The record kinds a file check runs on (None: every kind)."""
    needs_record: bool
    """A file check that reads the model runs only on files that have one."""
    module: str

    @property
    def name(self) -> str:
        return f"{self.module}.{self.function.__name__}"


_CHECKS: list[Check] = []

F = TypeVar("F", bound=Callable[..., Any])


def _register(
    stage: Stage,
    codes: tuple[Code, ...],
    kinds: tuple[FileKind, ...] | None,
    needs_record: bool = True,
) -> Callable[[F], F]:
    def register(function: F) -> F:
        module = function.__module__
        for code in codes:
            if not isinstance(code, Code) or code.module != module:
                raise UndeclaredCode(f"{module}.{function.__name__} raises {code!r}, which "
                                     "this module does not declare")
        _CHECKS.append(Check(function, stage, codes,
                             frozenset(kinds) if kinds is not None else None, needs_record,
                             module))
        return function

    return register


def file_check(
    *codes: Code,
    kinds: tuple[FileKind, ...] | None = None,
    needs_record: bool = True,
) -> Callable[[F], F]:
    """Register ``function(checked: CheckedFile, run: FileRun) -> None``, run on each file of
    ``kinds`` (every kind when None) on its own (stage :attr:`Stage.FILE`).

    It runs on every file that was read as YAML; with ``needs_record`` (the default) only on
    those whose model could be built (``checked.record``, possibly repaired). What it reads
    besides the file it reads through ``run`` (``run.seed(name)``), which records it.
    """
    return _register(Stage.FILE, codes, kinds, needs_record)


def article_check(*codes: Code) -> Callable[[F], F]:
    """Register ``function(checked: CheckedFile, run: FileRun) -> None``, run on each article
    whose model could be built, once the registries are read (``run.names`` and
    ``run.quoted_titles(id)`` are there; stage :attr:`Stage.ARTICLE`)."""
    return _register(Stage.ARTICLE, codes, ("article",))


def tree_check(*codes: Code) -> Callable[[F], F]:
    """Register ``function(tree: Tree) -> None``, run once per run on every file's summary
    (stage :attr:`Stage.TREE`)."""
    return _register(Stage.TREE, codes, None)


def release_check(*codes: Code) -> Callable[[F], F]:
    """Register ``function(tree: Tree) -> None``, run once per run after the tree checks; it
    reads the last release through ``tree.released()`` (stage :attr:`Stage.RELEASE`)."""
    return _register(Stage.RELEASE, codes, None)


def registered_checks() -> list[Check]:
    """Every check registered so far, in registration order."""
    return list(_CHECKS)


# -- automatic fixes ------------------------------------------------------------------------------

#: A fix: edits a record's data (the YAML mapping as read) in place and returns one line per
#: change it made; it changes only what the rule decides by itself, and is idempotent.
FixFunction = Callable[[dict[str, Any]], list[str]]


@dataclass(frozen=True)
class Fixer:
    """The fix a rule makes by itself (``validate --fix``), for files of the kinds named."""

    code: Code
    kinds: frozenset[FileKind]
    apply: FixFunction


_FIXERS: list[Fixer] = []


def fixer(code: Code, *, kinds: tuple[FileKind, ...]) -> Callable[[FixFunction], FixFunction]:
    """Register ``function`` as the automatic fix of ``code`` for files of ``kinds``.

    A new error rule ships with a fixer, or as a warning for one minor release (CONTRIBUTING.md,
    "When the rules change"), so that records written before it are not stranded.
    """

    def register(function: FixFunction) -> FixFunction:
        _FIXERS.append(Fixer(code, frozenset(kinds), function))
        return function

    return register


def registered_fixers() -> list[Fixer]:
    """Every fixer registered so far (``catalog`` imports every module first)."""
    return list(_FIXERS)
