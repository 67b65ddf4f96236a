"""The package's shape: no import circle, layers that import one way, rule codes declared once.

The imports are read from the source (every ``import`` statement, inside functions and under
``if TYPE_CHECKING:`` too), so an import hidden in a function cannot close a circle unseen.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from iraq_ct_news.validator.checks import base, catalog
from iraq_ct_news.validator.checks.base import Stage, UndeclaredCode
from iraq_ct_news.validator.report import FileReport

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "iraq_ct_news"
NAME = "iraq_ct_news"

#: The layers, lowest first: a module may import its own layer and those below, never above.
LAYERS: dict[str, tuple[str, ...]] = {
    "base": (
        "_version", "errors", "findings", "limits", "fsutil", "gcpause", "signature",
        "textutil", "safeoutput", "arabic", "numerals", "iso_codes", "progress", "cache",
        "calendar_names",
    ),
    # The models, and the tables read from them: kinds of record, where they live, schemas.
    "models": ("models", "models.*", "kinds", "layout", "schema_export", "content"),
    # The strict YAML reader, span anchoring, and the JSON Lines reader the versioning rules
    # read the last release with (with its upgrades of lines earlier releases wrote).
    "reader": (
        "yamlreader", "yamldocument", "yamltext", "yamlscalars", "yamlevents", "yamlfast",
        "anchoring", "textindex", "release.jsonl", "release.legacy", "migrations", "migrations.*",
    ),
    # The checks, and the parts of the curation assistant the name checks share with it: the
    # words of a text, the lexicon of news prose, the name matcher with offsets, span pins.
    "checks": (
        "validator", "validator.*", "formatting",
        "draft.text", "draft.lexicon", "draft.matching", "draft.pins", "draft.cameo",
    ),
    "store": ("store", "store.*"),
    "release": ("release", "release.*"),
    "loaders": ("", "release.dataset", "release.diff"),
    # The command line, and the work behind a command that nothing else uses (`new`,
    # `view`, most of `draft`).
    "commands": (
        "commands", "commands.*", "cli", "__main__", "scaffold", "view", "view.*", "draft",
        "draft.*", "scaffold_notes", "scaffold_seed", "seedpage", "seedpage.*",
    ),
}
ORDER = list(LAYERS)


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that ``name`` imports (relative to the package, '' for itself)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                parts = parts[: len(parts) - (node.level - 1)]
                target = ".".join(parts + ([node.module] if node.module else []))
            elif node.module == NAME or (node.module or "").startswith(NAME + "."):
                target = (node.module or "")[len(NAME) + 1:]
            else:
                continue
            submodules = [f"{target}.{a.name}".lstrip(".") for a in node.names]
            modules = [s for s in submodules if s in MODULES]
            found.update(modules or ([target] if target in MODULES else []))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == NAME or alias.name.startswith(NAME + "."):
                    target = alias.name[len(NAME) + 1:]
                    if target in MODULES:
                        found.add(target)
    found.discard(name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def layer_of(module: str) -> str:
    for layer, patterns in LAYERS.items():
        for pattern in patterns:
            if module == pattern or (pattern.endswith(".*") and module.startswith(pattern[:-1])):
                return layer
    raise AssertionError(f"module {module or NAME!r} has no layer in tests/test_architecture.py")


def test_the_import_analysis_sees_function_level_imports() -> None:
    assert "validator.checks.catalog" in GRAPH["commands.validate"]  # imported inside run()
    assert "validator.run" in GRAPH["commands.fmt"]


def test_no_import_circle_anywhere() -> None:
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                circles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
    assert circles == []


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_layers_import_one_way() -> None:
    upward = [
        f"{module or NAME} ({layer_of(module)}) imports {target} ({layer_of(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if ORDER.index(layer_of(target)) > ORDER.index(layer_of(module))
    ]
    assert upward == []


def test_the_cache_imports_nothing_of_the_validator() -> None:
    assert not any(target.startswith("validator") for target in GRAPH["cache"])


# -- rule codes ------------------------------------------------------------------------------

_CODE_LITERAL = re.compile(r"^[A-Z][0-9]{3}$")


def test_every_code_is_declared_in_one_rule_module() -> None:
    assert len(catalog.RULES) == len({code.code for code in catalog.RULES.values()})
    for text, code in catalog.RULES.items():
        assert code.code == text
        assert code.module.startswith("iraq_ct_news.validator.checks."), code
        assert code.title and code.explanation and code.fix
        assert code.severity in ("error", "warning")


def test_every_code_written_in_the_source_is_declared() -> None:
    """Lower layers name problems with a code's text (the reader, the anchoring helpers,
    ``fmt``); a mistyped one fails here, not in a user's run."""
    unknown = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if _CODE_LITERAL.match(node.value) and node.value not in catalog.RULES:
                    unknown.append(f"{module}:{node.lineno}: {node.value}")
    assert unknown == []


def test_every_code_is_raised_by_a_check_or_while_reading() -> None:
    raised = {code.code for check in catalog.CHECKS for code in check.codes}
    for text, code in catalog.RULES.items():
        module = __import__(code.module, fromlist=["*"])
        assert text in raised or getattr(module, "STAGE", None) is Stage.FILE, text


def test_every_check_runs_in_one_stage_on_what_its_stage_gives() -> None:
    """A rule declares no dependency: a file or article check reads through its run, which
    records each read (tests/test_cache_reads.py); tree and release checks are never cached."""
    for check in catalog.CHECKS:
        assert isinstance(check.stage, Stage), check.name
        assert not hasattr(check, "depends"), check.name
        if check.stage is Stage.ARTICLE:
            assert check.kinds == {"article"}, check.name
        if check.stage in (Stage.TREE, Stage.RELEASE):
            assert check.kinds is None, check.name


def test_an_undeclared_code_fails_loudly() -> None:
    with pytest.raises(UndeclaredCode):
        base.declared("Q999")
    with pytest.raises(UndeclaredCode):
        base.declare("P002", "again", "error", "a second declaration", "none")
    with pytest.raises(TypeError):
        FileReport("x.yaml").add("P002", "a bare string is not a code")  # type: ignore[arg-type]


def test_a_check_may_raise_only_its_own_module_s_codes() -> None:
    with pytest.raises(UndeclaredCode):
        base.file_check(catalog.RULES["P002"])(lambda checked, run: None)


def test_the_example_rule_in_contributing_is_a_working_rule_module() -> None:
    """The "Adding a rule" example, run as a module of the checks package (in a fresh process,
    so its code stays out of this one's catalog), declares its code and registers its check."""
    import subprocess
    import sys

    guide = (PACKAGE.parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Adding a rule"):]
    example = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert example is not None
    code = "\n".join(line[3:] for line in example.group(1).splitlines())
    program = f"""
import sys, types
from iraq_ct_news.validator.checks import base, catalog
module = types.ModuleType("iraq_ct_news.validator.checks.example")
module.__package__ = "iraq_ct_news.validator.checks"
sys.modules[module.__name__] = module
exec(compile({code!r}, "CONTRIBUTING.md", "exec"), module.__dict__)
(check,) = [c for c in base.registered_checks() if c.module == module.__name__]
assert [c.code for c in check.codes] == ["C010"], check
assert base.declared("C010").module == module.__name__
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


_IMPORT_EACH_FIRST = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "iraq_ct_news" or m.startswith("iraq_ct_news.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:  # reported, not raised: every module is tried
        failed.append(f"{name}: {type(error).__name__}: {error}")
print("\\n".join(failed))
"""


def test_every_module_imports_when_it_is_imported_first() -> None:
    """The static graph above does not see that importing ``a.b.c`` runs ``a/b/__init__.py``
    first; an import circle through a package's ``__init__`` shows only at run time, when that
    module is the first of the package a program imports."""
    names = sorted(
        f"{NAME}.{module}" if module else NAME
        for module in MODULES
        if module != "__main__"
    )
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_FIRST, *names],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == ""


def test_no_rule_module_is_another_rule_s_helper_library() -> None:
    """A rule imports shared helpers from ``validator.checks.helpers``, never from another rule
    (which would also make the two rules change together)."""
    package = "validator.checks."
    support = {f"{package}{name}" for name in ("base", "catalog", "helpers")}
    rules = {name for name in MODULES if name.startswith(package) and name not in support}
    borrowed = sorted(
        f"{module} imports {target}"
        for module in rules
        for target in GRAPH[module]
        if target in rules
    )
    assert borrowed == []
