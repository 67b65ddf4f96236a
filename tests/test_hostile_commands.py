"""Every command against the hostile classes the store and its writer close: links anywhere on
the way, comments and values a person wrote, a file changed between read and write, two
commands at once, forged output, malformed records and release lines, leftovers of a killed
write. Each case is run through the real command line (``main``) on a copy of the fixture tree.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

from .conftest import REPOSITORY, VALID_TREE
from .release_support import build_release

sys.path.insert(0, str(REPOSITORY / "benchmarks"))
import draft_eval  # noqa: E402

ARTICLE = Path("curated/articles/fixture-iom-agreement.yaml")
PERSON = Path("curated/people/fixture-gigauri.yaml")
CAMEO = Path("curated/vocabularies/cameo.yaml")
ARTICLE_HEADER = ["# yaml-language-server: $schema=../../schema/article.schema.json"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file below ``folder`` (links not followed) and its bytes."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    destination = tmp_path / "repo"
    shutil.copytree(VALID_TREE, destination)
    return destination


@pytest.fixture
def draftable(tree: Path) -> Path:
    """The fixture article as ``new`` leaves it: ``draft --write --stubs`` adds mentions, stubs
    for new names and an event."""
    path = tree / ARTICLE
    data = read_yaml_file(path).data
    path.write_text(render(draft_eval.scaffolded(data), "article", ARTICLE_HEADER),
                    encoding="utf-8")
    return tree


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def move_out(tree: Path, relative: str, outside: Path) -> Path:
    """Replace the folder or file ``relative`` by a link to a copy of it outside the tree."""
    source = tree / relative
    target = outside / source.name
    shutil.move(str(source), target)
    source.symlink_to(target, target_is_directory=target.is_dir())
    return target


# -- links ---------------------------------------------------------------------------------------


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "draft --write --stubs": lambda t: ["draft", str(t / ARTICLE), "--root", str(t), "--write",
                                        "--stubs"],
    "draft --write": lambda t: ["draft", str(t / ARTICLE), "--root", str(t), "--write"],
    "fmt": lambda t: ["fmt", "--root", str(t)],
    "bump": lambda t: ["bump", "--root", str(t), "--date", "2099-01-01"],
    "build": lambda t: ["build", "--root", str(t), "--no-cache"],
    "schema": lambda t: ["schema", "--root", str(t)],
    "migrate": lambda t: ["migrate", "--root", str(t)],
    "validate --fix": lambda t: ["validate", "--root", str(t), "--fix", "--no-cache"],
}


def _edit_person(tree: Path) -> None:
    """A released person's record changed, so that ``bump`` (a new revision) and ``build`` (a
    stale release) have something to write."""
    path = tree / PERSON
    path.write_text(path.read_text(encoding="utf-8").replace("Giorgi Gigauri", "Giorgi Gigauri Jr"),
                    encoding="utf-8")


def _prepare(tree: Path, command: str, linked: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Leave ``command`` something to write in ``linked``."""
    if linked == "curated/vocabularies":
        _drop_cameo_code(tree, "057")  # so that draft --write adds it
    if command == "migrate":  # a vocabulary of record format 1.0.0 (a pillar as a number)
        path = tree / "curated/vocabularies/themes.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("value: '1'", "value: 1", 1),
                        encoding="utf-8")
    if command == "validate --fix":  # a layout --fix puts right
        path = tree / PERSON
        path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    if command == "fmt":  # a file fmt rewrites
        first = sorted((tree / linked).glob("*.yaml"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    if command == "bump":
        assert run(capsys, "build", "--root", str(tree), "--no-cache")[0] == 0
        _edit_person(tree)
    if command == "build":  # a release file changed by hand, which build writes again
        assert run(capsys, "build", "--root", str(tree), "--no-cache")[0] == 0
        (tree / "dataset/README.md").write_text("edited by hand\n", encoding="utf-8")
    if command == "schema":
        assert run(capsys, "schema", "--root", str(tree))[0] == 0
        stale = sorted((tree / "schema").glob("*.json"))[0]
        stale.write_text("{}\n", encoding="utf-8")


#: Each command with a folder it writes into when there is something to write.
LINKED_CASES = [
    ("draft --write --stubs", "curated/people"),
    ("draft --write --stubs", "curated/vocabularies"),
    ("draft --write", "curated/vocabularies"),
    ("fmt", "curated/people"),
    ("fmt", "curated/vocabularies"),
    ("migrate", "curated/vocabularies"),
    ("validate --fix", "curated/people"),
    ("bump", "curated/people"),
    ("build", "dataset"),
    ("schema", "schema"),
]


@pytest.mark.parametrize(("command", "linked"), LINKED_CASES, ids=[f"{c} in {f}" for c, f in LINKED_CASES])
def test_no_command_writes_through_a_linked_folder(
    request: pytest.FixtureRequest, tmp_path: Path, linked: str, command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each case first runs without the link, to show the command has something to write
    there (else the case could not fail)."""
    draftable: Path = request.getfixturevalue("draftable" if command.startswith("draft")
                                              else "tree")
    control = tmp_path / "control"
    shutil.copytree(draftable, control, symlinks=True)
    _prepare(control, command, linked, capsys)
    written_before = snapshot(control / linked)
    run(capsys, *COMMANDS[command](control))
    assert snapshot(control / linked) != written_before, "the case gives nothing to write"

    _prepare(draftable, command, linked, capsys)
    outside = tmp_path / "outside"
    outside.mkdir()
    target = move_out(draftable, linked, outside)
    before = snapshot(outside)
    status, output = run(capsys, *COMMANDS[command](draftable))
    assert snapshot(outside) == before, output
    assert "Traceback" not in output
    assert status != 0 and "symbolic link" in output, output
    assert target.is_dir()


def test_draft_refuses_a_record_that_is_a_link(
    draftable: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = move_out(draftable, ARTICLE.as_posix(), outside)
    before = target.read_bytes()
    for extra in ([], ["--write"]):
        status, output = run(capsys, "draft", str(draftable / ARTICLE), "--root",
                             str(draftable), *extra)
        assert status == 1 and "symbolic link" in output
        assert "mention" not in output  # nothing was read through it
    assert (draftable / ARTICLE).is_symlink() and target.read_bytes() == before


def test_view_refuses_a_committed_view_link(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    owner = tmp_path / "owner"
    owner.mkdir()
    (owner / "index.html").write_text("the owner's page\n", encoding="utf-8")
    (tree / "view").symlink_to(owner, target_is_directory=True)
    monkeypatch.chdir(tree)
    status, output = run(capsys, "view", "--root", ".")
    assert status == 1 and "symbolic link" in output
    assert snapshot(owner) == {"index.html": b"the owner's page\n"}


# -- what a person wrote -------------------------------------------------------------------------


def _drop_cameo_code(tree: Path, code: str) -> None:
    path = tree / CAMEO
    data = read_yaml_file(path).data
    data["codes"] = [entry for entry in data["codes"] if entry["code"] != code]
    header = ["# yaml-language-server: $schema=../../schema/cameo.schema.json"]
    path.write_text(render(data, "cameo", header), encoding="utf-8")


def _comment_inside(path: Path) -> bytes:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "# a note a person keeps here")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path.read_bytes()


def test_draft_write_adding_a_cameo_code_never_drops_a_comment(
    draftable: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _drop_cameo_code(draftable, "057")
    cameo = _comment_inside(draftable / CAMEO)
    before = snapshot(draftable)
    status, output = run(capsys, *COMMANDS["draft --write --stubs"](draftable))
    assert status == 1 and "cameo.yaml:4:1: a comment" in output
    assert snapshot(draftable) == before and (draftable / CAMEO).read_bytes() == cameo


def test_bump_never_drops_a_comment(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_release(tree)
    path = tree / PERSON
    text = path.read_text(encoding="utf-8").replace("aliases: []", "aliases:\n- جيغاوري")
    if text == path.read_text(encoding="utf-8"):
        data = read_yaml_file(path).data
        data["aliases"] = [*data.get("aliases", []), "جيورجي"]
        text = render(data, "person", ["# yaml-language-server: $schema=../../schema/person.schema.json"])
    path.write_text(text, encoding="utf-8")
    written = _comment_inside(path)
    status, output = run(capsys, "bump", "--root", str(tree), "--date", "2099-01-01")
    assert status == 1 and "fixture-gigauri.yaml:4:1: a comment" in output, output
    assert path.read_bytes() == written


def test_draft_write_never_replaces_amounts_written_as_a_mapping(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / ARTICLE
    data = read_yaml_file(path).data
    data["body"] += "\nوقدمت الحكومة مبلغ 5 ملايين دولار أمريكي لدعم البرنامج.\n"
    data["amounts"] = {"value": 5000000, "currency": "USD", "provider": "fixture-iom",
                       "purpose": {"en": "What the person wrote"}}
    path.write_text(render(data, "article", ARTICLE_HEADER), encoding="utf-8")
    before = snapshot(tree)
    status, output = run(capsys, "draft", str(path), "--root", str(tree), "--write")
    assert status == 1
    line = next(i for i, text in enumerate(path.read_text().split("\n"), 1)
                if text.startswith("amounts:"))
    assert re.search(rf"fixture-iom-agreement.yaml:({line}|{line + 1}):\d+: .*amounts", output)
    assert snapshot(tree) == before


def test_the_writer_refuses_to_replace_or_drop_what_a_person_wrote(tree: Path) -> None:
    from iraq_ct_news.store.writer import Writer, WriteRefused

    writer = Writer(tree)
    document, token = writer.read_document(PERSON.as_posix())
    changed = dict(document.data, name={"en": "Someone else", "ar": document.data["name"]["ar"]})
    with pytest.raises(WriteRefused, match=r"fixture-gigauri.yaml:\d+:\d+: name.en"):
        writer.write_record(PERSON.as_posix(), changed, "person", original=document, expect=token)
    dropped = {key: value for key, value in document.data.items() if key != "created"}
    with pytest.raises(WriteRefused, match="created holds what a person wrote"):
        writer.write_record(PERSON.as_posix(), dropped, "person", original=document, expect=token)


# -- a change between read and write ---------------------------------------------------------------


def test_fmt_never_reverts_an_editors_save(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iraq_ct_news.store.formatting as formatting

    path = tree / PERSON
    data = read_yaml_file(path).data
    path.write_text(f"# yaml-language-server: $schema=../../schema/person.schema.json\n"
                    f"{_flow(data)}", encoding="utf-8")  # valid, not canonical
    saved = path.read_bytes() + b"# saved by an editor meanwhile\n"
    real = formatting.format_record

    def format_then_save(raw: bytes, kind: Any) -> Any:
        result = real(raw, kind)
        if kind == "person":
            path.write_bytes(saved)
        return result

    monkeypatch.setattr(formatting, "format_record", format_then_save)
    status, output = run(capsys, "fmt", "--root", str(tree))
    assert status == 1 and "changed on disk since it was read" in output
    assert path.read_bytes() == saved


def _flow(data: dict[str, Any]) -> str:
    import json

    return "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                   for key, value in data.items())


def test_draft_write_never_reverts_an_editors_save(
    draftable: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iraq_ct_news.curation.draft.run as draft_run

    path = draftable / ARTICLE
    real = draft_run.draft_file

    def draft_then_save(root: Path, target: Path, registry: Any = None) -> Any:
        drafted = real(root, target, registry)
        path.write_bytes(path.read_bytes() + b"# saved meanwhile\n")
        return drafted

    monkeypatch.setattr(draft_run, "draft_file", draft_then_save)
    status, output = run(capsys, "draft", str(path), "--root", str(draftable), "--write")
    assert status == 1 and "changed on disk since it was read" in output
    assert path.read_bytes().endswith(b"# saved meanwhile\n")


# -- two commands at once --------------------------------------------------------------------------


def test_two_builds_at_once_leave_a_complete_release(tree: Path) -> None:
    command = [sys.executable, "-m", "iraq_ct_news", "build", "--root", str(tree), "--no-cache"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    outputs = [process.communicate(timeout=600)[0].decode() for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    dataset = tree / "dataset"
    for name in ("articles.jsonl", "people.jsonl", "organizations.jsonl", "places.jsonl"):
        assert (dataset / name).is_file(), (name, outputs)
    assert main(["build", "--root", str(tree), "--check", "--no-cache"]) == 0
    assert not [p for p in tree.iterdir() if p.name.startswith(".dataset.")]


def test_a_writer_waits_for_the_lock_and_refuses_with_a_clear_message(tree: Path) -> None:
    from iraq_ct_news.store.lock import TreeBusy, tree_lock

    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         f"d = os.open({str(tree)!r}, os.O_RDONLY)\nfcntl.flock(d, fcntl.LOCK_EX)\n"
         "print('held', flush=True)\ntime.sleep(30)"],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        with pytest.raises(TreeBusy, match="another iraq-ct-news command is writing"):
            with tree_lock(tree, wait=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()
    with tree_lock(tree, wait=5):
        pass


# -- forged output ---------------------------------------------------------------------------------


def test_a_withdrawal_reason_with_line_breaks_forges_no_diff_section(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_release(tree)
    old = tmp_path / "old"
    shutil.copytree(tree / "dataset", old)
    path = tree / ARTICLE
    data = read_yaml_file(path).data
    data["status"] = "withdrawn"
    data["withdrawn_reason"] = "dup\n\n### Added\n- article `forged` ##[warning]x\n::error::y"
    data["revision"] += 1
    data["modified"] = "2099-01-01"
    path.write_text(render(data, "article", ARTICLE_HEADER), encoding="utf-8")
    assert main(["build", "--root", str(tree), "--no-cache"]) == 0
    capsys.readouterr()
    status, output = run(capsys, "diff", str(old), str(tree / "dataset"))
    assert status == 0
    lines = output.splitlines()
    assert "### Added" not in lines and not any(line.startswith(("- article `forged`", "::"))
                                                for line in lines)
    assert "##[" not in output
    assert any("### Added" in line and line.startswith("- article") for line in lines)


FORGED_NAMES = ["m##[warning]forged.yaml", "x\n0 error(s), 0 warning(s)\n.yaml",
                "::error file=a,line=1,col=1,title=x::y.yaml"]


@pytest.mark.parametrize("name", FORGED_NAMES)
@pytest.mark.parametrize("command", ["fmt --check", "build --check", "validate", "bump"])
def test_file_names_forge_no_line_and_no_workflow_command(
    tree: Path, name: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if command in ("bump", "build --check"):
        build_release(tree)
    (tree / "curated" / "people" / name).write_bytes((tree / PERSON).read_bytes())
    capsys.readouterr()
    words = command.split()
    _status, output = run(capsys, *words, "--root", str(tree),
                          *(["--no-cache"] if words[0] in ("validate", "build") else []))
    assert "##[" not in output
    for line in output.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert not line.startswith(("0 error(s), 0 warning(s)", ".yaml")), line


def test_the_github_format_keeps_its_own_annotations(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "curated" / "people" / "m##[warning]forged.yaml").write_text("id: [", "utf-8")
    status, output = run(capsys, "validate", "--root", str(tree), "--format", "github",
                         "--no-cache")
    assert status == 1
    annotations = [line for line in output.splitlines() if line.startswith("::error ")]
    assert annotations and all("##[" not in line for line in annotations)


# -- malformed records -------------------------------------------------------------------------------


MALFORMED: dict[str, Callable[[dict[str, Any]], None]] = {
    "entity: [x]": lambda d: d["mentions"][0].__setitem__("entity", ["x"]),
    "exact: 7": lambda d: d["mentions"][0].__setitem__("exact", 7),
    "occurrence: 'two'": lambda d: d["mentions"][0].__setitem__("occurrence", "two"),
    "a list as quote id": lambda d: d["quotes"][0].__setitem__("id", ["q"]),
    "a mapping as event id": lambda d: d["events"][0].__setitem__("id", {"a": 1}),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
@pytest.mark.parametrize("write", [False, True], ids=["draft", "draft --write"])
def test_malformed_records_are_located_findings_in_draft(
    tree: Path, case: str, write: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / ARTICLE
    data = read_yaml_file(path).data
    MALFORMED[case](data)
    path.write_text(render(data, "article", ARTICLE_HEADER), encoding="utf-8")
    before = snapshot(tree)
    status, output = run(capsys, "draft", str(path), "--root", str(tree),
                         *(["--write"] if write else []))
    assert status == 1 and "Traceback" not in output
    assert "fixture-iom-agreement.yaml:" in output and " S003 " in output, output
    assert snapshot(tree) == before


def test_a_broken_cameo_vocabulary_is_named(
    draftable: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _drop_cameo_code(draftable, "057")
    (draftable / CAMEO).write_text((draftable / CAMEO).read_text() + "  - [unclosed\n", "utf-8")
    status, output = run(capsys, *COMMANDS["draft --write"](draftable))
    assert status == 1 and "cameo.yaml:" in output and "Y0" in output, output


DEEP = b"[" * 50_000 + b"]" * 50_000


@pytest.mark.parametrize("command", [
    ["diff", "{old}", "{new}"], ["show", "deep", "--path", "{new}"],
    ["search", "الهجرة", "--path", "{new}"], ["stats", "--path", "{new}"],
])
def test_a_deeply_nested_release_line_is_a_clear_error(
    tree: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    build_release(tree)
    new = tmp_path / "new"
    shutil.copytree(tree / "dataset", new)
    articles = new / "articles.jsonl"
    articles.write_bytes(articles.read_bytes() + b'{"schema_version":"1.1.0","id":"deep","x":'
                         + DEEP + b"}\n")
    arguments = [part.format(old=tree / "dataset", new=new) for part in command]
    status, output = run(capsys, *arguments)
    assert status == 1 and "nested deeper than" in output, output


def test_load_refuses_a_deeply_nested_line_with_a_clear_error(tree: Path, tmp_path: Path) -> None:
    from iraq_ct_news import load
    from iraq_ct_news.core.errors import BuildError

    build_release(tree)
    new = tmp_path / "new"
    shutil.copytree(tree / "dataset", new)
    people = new / "people.jsonl"
    people.write_bytes(people.read_bytes() + b'{"id":"deep","x":' + DEEP + b"}\n")
    with pytest.raises(BuildError, match="nested deeper than"):
        list(load(new).people)


# -- leftovers of a killed write -----------------------------------------------------------------------


@pytest.mark.parametrize("folder, target, command", [
    ("schema", "article.schema.json", ["schema"]),
    ("seeds", "SHA256SUMS", []),
])
def test_leftovers_of_a_killed_write_are_cleaned_by_the_next_write(
    tree: Path, folder: str, target: str, command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from iraq_ct_news.store.writer import Writer

    (tree / folder).mkdir(exist_ok=True)
    leftover = tree / folder / f".{target}.abcd1234.tmp"
    leftover.write_text("half", encoding="utf-8")
    status, output = run(capsys, "validate", "--root", str(tree), "--no-cache")
    assert status == 1 and f"{folder}/.{target}.abcd1234.tmp:1:1: I005" in output
    if folder == "seeds":  # what `new` does: its one write of the list goes through the writer
        Writer(tree).write_bytes(f"{folder}/{target}", b"")
    else:
        run(capsys, *command, "--root", str(tree))
    assert not leftover.exists()


def test_no_module_writes_a_file_but_the_writer() -> None:
    """Every write into the tree goes through ``store.writer``: the only other writers are the
    primitives it uses (``fsutil``), the release folder swap the build runs under the writer's
    lock, the user's validation cache outside the tree, and the schema writer's fallback for
    library use (the commands pass the writer's)."""
    allowed = {"core/fsutil.py", "store/writer.py", "release/build.py", "core/cache.py",
               "models/schema_export.py"}
    pattern = re.compile(
        r"""open\([^)]*['"][wax]b?['"]|(?<!writer)\.write_(text|bytes)\(|os\.replace\(|"""
        r"""os\.rename\(|write_atomic\(|create_new_file\(|exchange_paths\(|shutil\.(copy|move)"""
    )
    package = REPOSITORY / "src" / "iraq_ct_news"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if pattern.search(line) and not line.lstrip().startswith(("#", '"', "``")):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
