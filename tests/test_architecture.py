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

from iraq_ct_news.checks.report import FileReport
from iraq_ct_news.checks.rules import base, catalog
from iraq_ct_news.checks.rules.base import Stage, UndeclaredCode

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "iraq_ct_news"
NAME = "iraq_ct_news"

#: The layers, lowest first, one folder of the package each: a module may import its own
#: layer and those below, never above. The package's own ``__init__`` (the loaders' public
#: face) and ``__main__`` are the top.
LAYERS: tuple[str, ...] = (
    "core",      # errors, limits, file access, Arabic text primitives, the user cache
    "models",    # the models and the tables read from them: kinds, layout, schemas, content
    "reading",   # the strict YAML reader, anchoring, seeds, words, lexicon, name matching, pages
    "checks",    # the validator: the rules and the run that applies them
    "store",     # the repository's one reader and one writer
    "release",   # compiling, writing and loading a release
    "curation",  # `new` and `draft`: proposals for a person to confirm
    "view",      # the HTML review pages
    "commands",  # the command line
    "",          # the package: load() and friends, ``python -m``
)
ORDER = list(LAYERS)
#: Where a function-level import of the package is the design, not a dodge: each command
#: imports its work when it runs (``--help`` stays fast), the package's ``load()`` and
#: ``Dataset`` when first asked for (``import iraq_ct_news`` stays fast).
LAZY_LAYERS = ("commands", "")


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
    """The layer of a module: its top folder (a module directly in the package is the top)."""
    head = module.split(".")[0]
    if head in LAYERS and f"{head}" in MODULES and MODULES[head].name == "__init__.py":
        return head
    if module in ("", "__main__"):
        return ""
    raise AssertionError(f"module {module or NAME!r} is in no layer's folder")


def test_the_import_analysis_sees_function_level_imports() -> None:
    assert "checks.rules.catalog" in GRAPH["commands.validate"]  # imported inside run()
    assert "checks.run" in GRAPH["commands.fmt"]


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


def test_every_module_is_in_a_layer_s_folder() -> None:
    """No module sits directly in the package but its face; no folder is outside the layers."""
    for module in MODULES:
        layer_of(module)
    folders = {path.parent.relative_to(PACKAGE).parts[0] for path in PACKAGE.rglob("*.py")
               if path.parent != PACKAGE}
    assert folders <= set(LAYERS)


def _function_level_imports(path: Path) -> list[int]:
    """Lines of imports of the package made inside a function."""
    found: list[int] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and (
                    inner.level or (inner.module or "").startswith(NAME)
                ):
                    found.append(inner.lineno)
                elif isinstance(inner, ast.Import) and any(
                    alias.name.startswith(NAME) for alias in inner.names
                ):
                    found.append(inner.lineno)
    return found


def test_no_function_level_import_outside_the_lazy_layers() -> None:
    """An import inside a function below the commands is how a circle hides: every module of
    the lower layers imports what it uses at its top."""
    hidden = [
        f"{module}:{line}"
        for module, path in MODULES.items()
        if layer_of(module) not in LAZY_LAYERS
        for line in _function_level_imports(path)
    ]
    assert hidden == []


def test_layers_import_one_way() -> None:
    upward = [
        f"{module or NAME} ({layer_of(module)}) imports {target} ({layer_of(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if ORDER.index(layer_of(target)) > ORDER.index(layer_of(module))
    ]
    assert upward == []


def test_the_cache_imports_nothing_of_the_validator() -> None:
    assert not any(target.startswith("checks") for target in GRAPH["core.cache"])


# -- rule codes ------------------------------------------------------------------------------

_CODE_LITERAL = re.compile(r"^[A-Z][0-9]{3}$")


def test_every_code_is_declared_in_one_rule_module() -> None:
    assert len(catalog.RULES) == len({code.code for code in catalog.RULES.values()})
    for text, code in catalog.RULES.items():
        assert code.code == text
        assert code.module.startswith("iraq_ct_news.checks.rules."), code
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
from iraq_ct_news.checks.rules import base, catalog
module = types.ModuleType("iraq_ct_news.checks.rules.example")
module.__package__ = "iraq_ct_news.checks.rules"
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
    """A rule imports shared helpers from ``checks.rules.helpers``, never from another rule
    (which would also make the two rules change together)."""
    package = "checks.rules."
    support = {f"{package}{name}" for name in ("base", "catalog", "helpers")}
    rules = {name for name in MODULES if name.startswith(package) and name not in support}
    borrowed = sorted(
        f"{module} imports {target}"
        for module in rules
        for target in GRAPH[module]
        if target in rules
    )
    assert borrowed == []


# -- size and names ------------------------------------------------------------------------------

MAX_MODULE_LINES = 400


def test_no_module_is_over_the_size_limit() -> None:
    """A module over 400 lines holds more than one job; split it by job."""
    long = sorted(
        f"{module or NAME}: {count} lines"
        for module, path in MODULES.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    )
    assert long == []


def test_nothing_private_is_imported_from_another_module() -> None:
    """A name with a leading underscore is its module's own; another module that needs it
    needs a public name (or the thing moved to where both can reach it)."""
    private = sorted(
        f"{module or NAME}:{node.lineno} imports {alias.name}"
        for module, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and (node.level or (node.module or "").startswith(NAME))
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    )
    assert private == []


def test_no_module_is_named_like_a_standard_library_module() -> None:
    """``numbers.py`` once shadowed the standard library's inside the package's folders."""
    clashes = sorted(
        module for module in MODULES
        if module and module.rpartition(".")[2] in sys.stdlib_module_names
    )
    assert clashes == []
