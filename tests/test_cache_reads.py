"""Rules cannot get caching wrong: what a rule reads besides its file goes through its
``FileRun``, which records it, and the cache reuses a result from what was recorded.

A rule declares only its codes, its kinds and what it emits; nothing says what it reads. These
tests register a rule at run time that reads something no rule of its kind read before, and show
a warm run still equals a cold one, and that a rule module has no way to the seeds or the names
but the recording run.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from iraq_ct_news.checks.context import FileRun, PassContext, Seed
from iraq_ct_news.checks.rules import base, catalog
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core import signature as signature_module
from iraq_ct_news.core.cache import ValidationCache
from iraq_ct_news.reading.seeds import SeedStore

from .release_support import copy_valid_tree
from .test_cache import PERSON, SEED, assert_same_as_cold, findings, warm

RULES = Path(catalog.__file__).parent
#: Modules of the checks package that are the rule machinery, not rules.
MACHINERY = {"base", "catalog", "__init__"}

_PROBE_SOURCE = '''
from iraq_ct_news.checks.rules.base import declare, file_check
from iraq_ct_news.checks.context import Seed

X901 = declare("X901", "probe", "warning", "A rule made by a test: it reads a seed.", "None.")


@file_check(X901, kinds=("person",))
def read_a_seed(checked, run):
    seed = run.seed(SEED_NAME)
    if isinstance(seed, Seed) and "الإستراتيجية" in seed.text:
        checked.report.add(X901, "the seed spells the strategy with a hamza")
'''


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The valid fixture tree and a cache folder; files written by the test are trusted as
    settled at once (as in tests/test_cache.py), so the warm path is the one tested."""
    monkeypatch.setattr(signature_module, "SETTLED_NS", -(10**18))
    return copy_valid_tree(tmp_path / "repo"), tmp_path / "cache"


@pytest.fixture
def probe(monkeypatch: pytest.MonkeyPatch) -> Iterator[base.Check]:
    """A person rule, registered at run time, that reads an article's seed: no rule of the
    person kind read a seed before, and it declares nothing about it."""
    monkeypatch.setattr(base, "_CHECKS", list(base._CHECKS))
    monkeypatch.setattr(base, "_DECLARED", dict(base._DECLARED))
    module = types.ModuleType(f"{catalog.__package__}.probe")
    module.__dict__["SEED_NAME"] = Path(SEED).name
    exec(compile(_PROBE_SOURCE, "probe", "exec"), module.__dict__)
    (check,) = [c for c in base.registered_checks() if c.module == module.__name__]
    monkeypatch.setattr(catalog, "CHECKS", (*catalog.CHECKS, check))
    catalog.plan.cache_clear()
    yield check
    catalog.plan.cache_clear()


def test_a_rule_reading_something_new_gets_a_correct_warm_run_undeclared(
    repository: tuple[Path, Path], probe: base.Check
) -> None:
    tree, directory = repository
    warm(tree, directory)
    assert not any(f.code == "X901" for f in findings(tree, ValidationCache(directory)))
    seed = tree / SEED
    seed.write_bytes(seed.read_bytes().replace("الاستراتيجية".encode(), "الإستراتيجية".encode()))
    cache = assert_same_as_cold(tree, directory, "X901")
    assert [f.path for f in findings(tree, cache) if f.code == "X901"] == [str(tree / PERSON)]


def test_what_a_rule_read_is_recorded_with_its_file(
    repository: tuple[Path, Path], probe: base.Check
) -> None:
    tree, _ = repository
    files = validate_repository(tree, keep_records=True, jobs=1).files
    person = next(f for f in files if f.source.relative.as_posix() == PERSON)
    (state,) = person.reads["seed"].values()
    assert list(person.reads) == ["seed"] and state.startswith("sha256:")
    article = next(f for f in files if f.source.kind == "article")
    assert {"seed", "names", "titles"} <= set(article.reads)
    organization = next(f for f in files if f.source.kind == "organization")
    assert organization.reads == {}


def test_a_file_run_records_every_way_out_of_the_file(tmp_path: Path) -> None:
    """Everything public on a run is either a recording read or worked out from the file."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("نص", encoding="utf-8")
    context = PassContext(tmp_path, titles={"x": ("رئيس",)})
    run = FileRun(context, SeedStore(tmp_path))
    assert not hasattr(run, "__dict__"), "a run's attributes are fixed"
    public = {name for name in dir(run) if not name.startswith("_")}
    recording = {"seed", "names", "quoted_titles"}
    from_the_file = {"memo", "reads", "body_key", "spans", "paragraphs"}
    assert public == recording | from_the_file
    assert isinstance(run.seed("a.txt"), Seed)
    assert run.names is None
    assert run.quoted_titles("x") == ("رئيس",)
    assert set(run.reads) == {"seed", "names", "titles"}
    assert run.reads["titles"] == {"x": ["رئيس"]}


#: What a rule module may not import: the stores behind the run, the cache, files.
_FORBIDDEN_MODULES = {
    "reading.seeds", "reading.name_index", "checks.loading", "checks.stage",
    "checks.parallel", "checks.reuse", "checks.dependencies", "checks.run",
    "core.cache", "core.signature", "core.fsutil",
}
_FORBIDDEN_STDLIB = {"os", "io", "shutil", "sqlite3"}


def _imports(tree: ast.AST) -> Iterator[tuple[str, list[str], int]]:
    """``(module relative to the package, names imported, line)`` of a rule module's imports
    (a rule module sits in ``checks/rules/``)."""
    packages = {1: "checks.rules.", 2: "checks.", 3: ""}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                target = (packages[node.level] + target).rstrip(".")
            else:
                target = target.removeprefix("iraq_ct_news.")
            yield target, [alias.name for alias in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.removeprefix("iraq_ct_news."), [], node.lineno


def ways_around_the_run(name: str, source: str) -> list[str]:
    """Every way ``source`` (a rule module) could read the seeds, the names or a file without
    its run recording it."""
    tree = ast.parse(source)
    found: list[str] = []
    for target, names, line in _imports(tree):
        where = f"{name}:{line}"
        # ``from ..reading import seeds`` names the module too.
        for module in (target, *(f"{target}.{imported}" for imported in names)):
            if module in _FORBIDDEN_MODULES | _FORBIDDEN_STDLIB:
                found.append(f"{where} imports {module}")
        if target == "checks.context" and not set(names) <= {"FileRun", "Seed",
                                                              "SeedProblem"}:
            found.append(f"{where} imports {names} from the context")
        if target == "pathlib" and set(names) - {"PurePosixPath"}:
            found.append(f"{where} imports {names} from pathlib")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("_context", "_seeds", "context",
                                                             "seeds"):
            found.append(f"{name}:{node.lineno} reads .{node.attr}")
        if isinstance(node, ast.Name) and node.id == "open":
            found.append(f"{name}:{node.lineno} opens a file")
    return found


def test_rule_modules_reach_seeds_and_names_only_through_the_run() -> None:
    modules = sorted(path for path in RULES.glob("*.py") if path.stem not in MACHINERY)
    assert len(modules) >= 20
    found = [
        way for path in modules
        for way in ways_around_the_run(path.name, path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_forbidden_modules_exist() -> None:
    """A module that moves must move here too, or the scan above would look for nothing."""
    package = RULES.parent.parent
    missing = [module for module in _FORBIDDEN_MODULES
               if not package.joinpath(*module.split(".")).with_suffix(".py").is_file()]
    assert missing == []


def test_the_scan_sees_a_rule_that_goes_around_the_run() -> None:
    sneaky = (
        "from ...reading.seeds import SeedStore\n"
        "from ..context import PassContext\n"
        "from iraq_ct_news.core import cache\n"
        "from iraq_ct_news.checks.context import PassContext as Again\n"
        "from pathlib import Path\n"
        "import os\n"
        "def check(checked, run):\n"
        "    return run._seeds, run._context.names, open('x')\n"
    )
    found = ways_around_the_run("sneaky.py", sneaky)
    assert len(found) == 9, found
