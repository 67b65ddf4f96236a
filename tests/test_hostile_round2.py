"""A second, independent hostile corpus against every command, in the classes of the first
(``test_hostile_commands.py``): links anywhere a command reads or writes, comments and values a
person wrote, a file changed between a command's read and its write, malformed records, release
lines, seeds and seed lists, forged output, and leftovers of killed writes.

Each case runs the real command line (``main``) on a copy of the fixture tree and asserts the
exact outcome the SECURITY.md guarantees name: exit status 1 or 2 with a one-line error naming
the file (and line and column where there is one), no traceback, nothing written outside the
tree, nothing lost. Where a case could pass vacuously (nothing to read, nothing to write), a
control run without the hostile input shows the command does read or write there.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

from .conftest import VALID_TREE
from .release_support import build_release
from .test_hostile_commands import _comment_inside, move_out

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PERSON = "curated/people/fixture-gigauri.yaml"
THEMES = "curated/vocabularies/themes.yaml"
SEED = "seeds/004_e9dc320f1ba3aa95.txt"
NEW_SEED = "seeds/005_fixture-other.txt"
FORGED = "z\n::error::forged ##[warning]w \x1b[2K \u202e"


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry below ``folder`` (links named, not followed) and its bytes."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = "-> " + os.readlink(path)
        elif path.is_file():
            found[relative] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def released_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture tree with its release built once for the module (copied by each case)."""
    tree = tmp_path_factory.mktemp("released") / "repo"
    shutil.copytree(VALID_TREE, tree)
    build_release(tree)
    return tree


@pytest.fixture
def tree(released_tree: Path, tmp_path: Path) -> Path:
    destination = tmp_path / "repo"
    shutil.copytree(released_tree, destination, symlinks=True)
    return destination


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    status = main(list(arguments))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def assert_clean_error(status: int, output: str, *needles: str) -> None:
    """Exit 1 or 2, no traceback, and every needle in the output."""
    assert status in (1, 2), output
    assert "Traceback" not in output
    for needle in needles:
        assert needle in output, (needle, output)


def assert_not_forged(output: str) -> None:
    """No line a terminal or a CI runner acts on: no workflow command, no raw control."""
    assert "##[" not in output, output
    for line in output.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert not any(ord(char) < 32 and char != "\t" for char in line), repr(line)
        assert "\u202e" not in line and "\x7f" not in line, repr(line)


def copy_release(tree: Path, tmp_path: Path) -> Path:
    """A copy of the tree's release, outside it, to damage."""
    release = tmp_path / "release"
    shutil.copytree(tree / "dataset", release)
    return release


def add_seed(tree: Path, data: bytes | None = None) -> Path:
    """A second seed in ``seeds/`` that ``new`` can scaffold (the first's text plus a line)."""
    path = tree / NEW_SEED
    path.write_bytes(data if data is not None else (tree / SEED).read_bytes()
                     + "\nوقال المتحدث إن التعاون سيستمر.\n".encode())
    return path


# -- links -----------------------------------------------------------------------------------------


LINKED_RECORD_FOLDERS = ["curated", "curated/articles"]


@pytest.mark.parametrize("linked", LINKED_RECORD_FOLDERS)
@pytest.mark.parametrize("extra", [[], ["--format", "json"]], ids=["text", "json"])
def test_draft_never_reads_a_record_through_a_linked_folder(
    tree: Path, outside: Path, linked: str, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["draft", str(tree / ARTICLE), "--root", str(tree), *extra]
    status, control = run(capsys, *arguments)
    assert status == 0 and "مكتب" in control  # the control run reads and proposes names
    move_out(tree, linked, outside)
    before = snapshot(outside)
    status, output = run(capsys, *arguments)
    assert_clean_error(status, output, "symbolic link")
    assert "مكتب" not in output  # nothing read through the link
    assert snapshot(outside) == before


VIEW_LINKS: dict[str, Callable[[Path, Path], None]] = {
    "linked curated/articles": lambda t, o: move_out(t, "curated/articles", o) and None,
    "linked curated": lambda t, o: move_out(t, "curated", o) and None,
    "record linked out": lambda t, o: move_out(t, ARTICLE, o) and None,
    "record linked to /dev/zero": lambda t, o: ((t / ARTICLE).unlink(),
                                                (t / ARTICLE).symlink_to("/dev/zero")) and None,
}


@pytest.mark.parametrize("case", sorted(VIEW_LINKS))
def test_view_names_records_behind_a_link_instead_of_leaving_them_out(
    tree: Path, outside: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Today: "wrote 0 article page(s) and index.html ... (0 error(s), ...)", exit 0: the review
    silently lacks the articles behind the link. ``view`` shows a hostile tree rather than
    refusing it (``test_view.py``), so what it must do is say so."""
    VIEW_LINKS[case](tree, outside)
    before = snapshot(outside)
    status, output = run(capsys, "view", "--root", str(tree), "--out", str(tree / "view"))
    assert "Traceback" not in output and snapshot(outside) == before
    assert " (0 error(s)" not in output, output
    assert "symbolic link" in (tree / "view/index.html").read_text(encoding="utf-8")


def test_view_out_below_a_linked_view_folder_writes_nothing_outside(
    tree: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "view").symlink_to(outside, target_is_directory=True)
    status, output = run(capsys, "view", "--root", str(tree), "--out", str(tree / "view" / "pages"))
    assert_clean_error(status, output, "symbolic link")
    assert snapshot(outside) == {}


SEED_LIST_SPECIALS: dict[str, Callable[[Path, Path], None]] = {
    "dangling link": lambda t, o: (t / "seeds/SHA256SUMS").symlink_to(o / "nowhere"),
    "link to /dev/zero": lambda t, o: (t / "seeds/SHA256SUMS").symlink_to("/dev/zero"),
    "named pipe": lambda t, o: os.mkfifo(t / "seeds/SHA256SUMS"),
    "folder": lambda t, o: (t / "seeds/SHA256SUMS").mkdir(),
}


@pytest.mark.parametrize("case", sorted(SEED_LIST_SPECIALS))
def test_new_refuses_a_seed_list_that_is_no_regular_file(
    tree: Path, outside: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = add_seed(tree)
    SEED_LIST_SPECIALS[case](tree, outside)
    status, output = run(capsys, "new", "--seed", str(seed), "--root", str(tree))
    assert_clean_error(status, output, "seeds/SHA256SUMS")
    assert len(output.strip().splitlines()) == 1
    assert not (tree / "curated/articles/005-fixture-other.yaml").exists()
    assert snapshot(outside) == {}


SEED_SPECIALS: dict[str, Callable[[Path, Path], None]] = {
    "dangling link": lambda t, o: (t / NEW_SEED).symlink_to(o / "nowhere"),
    "link to /dev/zero": lambda t, o: (t / NEW_SEED).symlink_to("/dev/zero"),
    "link out": lambda t, o: (o.joinpath("seed.txt").write_bytes((t / SEED).read_bytes()),
                              (t / NEW_SEED).symlink_to(o / "seed.txt")) and None,
    "named pipe": lambda t, o: os.mkfifo(t / NEW_SEED),
}


@pytest.mark.parametrize("case", sorted(SEED_SPECIALS))
@pytest.mark.parametrize("command", ["new", "validate"])
def test_a_seed_that_is_no_regular_file_is_named_and_never_read(
    tree: Path, outside: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    SEED_SPECIALS[case](tree, outside)
    if command == "new":
        status, output = run(capsys, "new", "--seed", str(tree / NEW_SEED), "--root", str(tree))
        assert not (tree / "curated/articles/005-fixture-other.yaml").exists()
    else:  # the article names the special seed
        path = tree / ARTICLE
        path.write_text(path.read_text(encoding="utf-8").replace(
            Path(SEED).name, Path(NEW_SEED).name), encoding="utf-8")
        status, output = run(capsys, "validate", "--root", str(tree), "--no-cache")
    assert_clean_error(status, output, Path(NEW_SEED).name)
    assert "P001" in output or command == "new"


RELEASE_SPECIALS: dict[str, Callable[[Path], None]] = {
    "link to /dev/zero": lambda p: (p.unlink(), p.symlink_to("/dev/zero")) and None,
    "named pipe": lambda p: (p.unlink(), os.mkfifo(p)) and None,
}

RELEASE_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "search": lambda t, r: ["search", "الهجرة", "--path", str(r)],
    "stats": lambda t, r: ["stats", "--path", str(r)],
    "export sqlite": lambda t, r: ["export", "sqlite", str(t.parent / "out.sqlite"),
                                   "--path", str(r)],
    "diff": lambda t, r: ["diff", str(t / "dataset"), str(r)],
    "show": lambda t, r: ["show", "fixture-iom-agreement", "--path", str(r)],
}


def test_load_curated_reports_a_linked_registry_folder(tree: Path, outside: Path) -> None:
    from iraq_ct_news import ValidationError, load_curated

    move_out(tree, "curated/people", outside)
    with pytest.raises(ValidationError) as raised:
        load_curated(tree)
    assert "I005" in str(raised.value) or any(
        finding.code == "I005" for finding in getattr(raised.value, "findings", []))


# -- comments and values a person wrote ----------------------------------------------------------


def test_draft_write_refuses_to_drop_a_comment_in_the_article(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / ARTICLE
    status, _ = run(capsys, "draft", str(path), "--root", str(tree), "--write")
    assert status == 0 and path.read_bytes() != (VALID_TREE / ARTICLE).read_bytes()  # control
    path.write_bytes((VALID_TREE / ARTICLE).read_bytes())
    written = _comment_inside(path)
    before = snapshot(tree)
    status, output = run(capsys, "draft", str(path), "--root", str(tree), "--write")
    assert_clean_error(status, output, "fixture-iom-agreement.yaml:4:1: a comment")
    assert path.read_bytes() == written and snapshot(tree) == before


@pytest.mark.parametrize("command", [["migrate"], ["validate", "--fix", "--no-cache"]])
def test_rewriters_keep_a_file_whose_comment_they_would_drop(
    tree: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A vocabulary needs a change (migrate: a pillar written as a number; --fix: a CAMEO label
    that is not the codebook's); with a comment below its top block it is named with the
    comment's line and left as it is, and migrate does not report success."""
    migrating = command == ["migrate"]
    path = tree / (THEMES if migrating else "curated/vocabularies/cameo.yaml")
    text = path.read_text(encoding="utf-8")
    if migrating:
        text = text.replace("value: '1'", "value: 1", 1)
    else:
        text = text.replace("label: Sign formal agreement", "label: Signed something", 1)
    path.write_text(text, encoding="utf-8")
    written = _comment_inside(path)
    status, output = run(capsys, *command, "--root", str(tree))
    assert "Traceback" not in output
    assert f"{path.name}:4:1: skipped: a comment below the top comment block" in output, output
    assert path.read_bytes() == written
    if migrating:
        assert status == 1, output


@pytest.mark.parametrize("command", [["migrate"], ["migrate", "--check"],
                                     ["validate", "--fix", "--no-cache"]])
def test_rewriters_pass_over_a_commented_file_that_needs_no_change(
    tree: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a file with a comment below its top block was skipped unread ("skipped: a
    comment..."), and ``migrate --check`` passed without checking it."""
    path = tree / THEMES
    written = _comment_inside(path)
    status, output = run(capsys, *command, "--root", str(tree))
    assert "skipped" not in output, output
    assert status == 0, output
    assert path.read_bytes() == written


def test_migrate_check_finds_a_record_to_migrate_behind_a_comment(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / THEMES
    path.write_text(path.read_text(encoding="utf-8").replace("value: '1'", "value: 1", 1),
                    encoding="utf-8")
    written = _comment_inside(path)
    status, output = run(capsys, "migrate", "--check", "--root", str(tree))
    assert status == 1, output
    assert "1 record(s) need migrating" in output and "skipped\n" not in output, output
    assert "themes.yaml:4:1: skipped: a comment below the top comment block" in output, output
    assert path.read_bytes() == written


def test_migrate_check_fails_on_a_file_it_could_not_read(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / THEMES
    path.write_text("themes: [unclosed\n", encoding="utf-8")
    status, output = run(capsys, "migrate", "--check", "--root", str(tree))
    assert status == 1, output
    assert "themes.yaml: skipped: it does not read" in output, output
    assert "0 record(s) need migrating to record format" in output and "1 skipped" in output


@pytest.mark.parametrize("there", ["a record a person started", "a folder"])
def test_draft_stubs_keep_what_stands_where_a_stub_would_go_and_say_so(
    tree: Path, there: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the stub was silently not written, while the article's new mentions name it."""
    target = tree / "curated/places/iraq.yaml"
    if there == "a folder":
        target.mkdir()
    else:
        target.write_text("# started by hand\nid: iraq\n", encoding="utf-8")
    status, output = run(capsys, "draft", str(tree / ARTICLE), "--root", str(tree), "--write",
                         "--stubs")
    assert status == 0 and "entity: iraq" in (tree / ARTICLE).read_text(encoding="utf-8")
    assert target.is_dir() if there == "a folder" else \
        target.read_text(encoding="utf-8") == "# started by hand\nid: iraq\n"
    # Said, or avoided: the stub goes to a free id when the store sees the taken one.
    said = "not written: stub curated/places/iraq.yaml: something is already there" in output
    avoided = "suggested id iraq-2" in output and (tree / "curated/places/iraq-2.yaml").is_file()
    assert said or avoided, output


# -- a change between a command's read and its write -------------------------------------------------


EDITOR = b"# saved by an editor meanwhile\n"


def _save_meanwhile(path: Path) -> bytes:
    saved = path.read_bytes() + EDITOR
    path.write_bytes(saved)
    return saved


def test_migrate_never_reverts_an_editors_save(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iraq_ct_news.reading.migrations as migrations

    path = tree / THEMES
    path.write_text(path.read_text(encoding="utf-8").replace("value: '1'", "value: 1", 1),
                    encoding="utf-8")
    real = migrations.migrate_data
    saved: list[bytes] = []

    def migrate_then_save(kind: Any, data: Any) -> Any:
        changes = real(kind, data)
        if changes and not saved:
            saved.append(_save_meanwhile(path))
        return changes

    monkeypatch.setattr(migrations, "migrate_data", migrate_then_save)
    status, output = run(capsys, "migrate", "--root", str(tree))
    assert_clean_error(status, output, "changed on disk since it was read")
    assert saved and path.read_bytes() == saved[0]


def test_validate_fix_never_reverts_an_editors_save(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iraq_ct_news.store.fixing as fixing

    path = tree / PERSON
    path.write_bytes(path.read_bytes() + b"\n\n")  # a layout --fix puts right
    real = fixing.write_record
    saved: dict[Path, bytes] = {}

    def save_then_write(record: Any, text: str) -> None:
        if not saved:
            saved[tree / record.relative] = _save_meanwhile(tree / record.relative)
        real(record, text)

    monkeypatch.setattr(fixing, "write_record", save_then_write)
    status, output = run(capsys, "validate", "--fix", "--root", str(tree), "--no-cache")
    assert_clean_error(status, output, "changed on disk since it was read")
    assert saved and all(changed.read_bytes() == data for changed, data in saved.items())


def test_bump_never_reverts_an_editors_save(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from iraq_ct_news.store.writer import Writer

    path = tree / PERSON
    path.write_text(path.read_text(encoding="utf-8").replace("Giorgi Gigauri", "Giorgi G."),
                    encoding="utf-8")
    real = Writer.record_text
    saved: list[bytes] = []

    def text_then_save(self: Writer, relative: Any, *args: Any, **kwargs: Any) -> str:
        text = real(self, relative, *args, **kwargs)
        saved.append(_save_meanwhile(self.root / relative))
        return text

    monkeypatch.setattr(Writer, "record_text", text_then_save)
    status, output = run(capsys, "bump", "--root", str(tree), "--date", "2099-01-01")
    assert_clean_error(status, output, "changed on disk since it was read")
    assert saved and path.read_bytes() == saved[0]


def test_two_news_planned_together_keep_both_seed_list_lines(tree: Path) -> None:
    """Two ``new`` at once: each plans (reading the seed list), then each writes under the lock.
    Before, the second wrote the list as it had planned it, and the first seed's line was lost."""
    from iraq_ct_news.curation.scaffold import plan_scaffold, write_scaffold

    add_seed(tree)
    third = tree / "seeds/006_fixture-third.txt"
    third.write_bytes((tree / SEED).read_bytes() + "\nوأضاف أن العمل مستمر.\n".encode())
    (tree / "seeds/SHA256SUMS").unlink(missing_ok=True)
    first = plan_scaffold(tree, tree / NEW_SEED)
    second = plan_scaffold(tree, third)
    write_scaffold(tree, first)
    write_scaffold(tree, second)
    listed = (tree / "seeds/SHA256SUMS").read_text(encoding="ascii")
    assert f"  {Path(NEW_SEED).name}\n" in listed and "  006_fixture-third.txt\n" in listed


def test_new_never_reverts_a_seed_list_changed_while_it_writes(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iraq_ct_news.curation.scaffold as scaffold

    seed = add_seed(tree)
    sums = tree / "seeds/SHA256SUMS"
    sums.write_text(f"{'0' * 64}  004_e9dc320f1ba3aa95.txt\n", encoding="ascii")
    real = scaffold.sums_with
    saved: list[bytes] = []

    def compute_then_save(*args: Any) -> Any:  # called under the lock, after the read
        result = real(*args)
        saved.append(_save_meanwhile(sums))
        return result

    monkeypatch.setattr(scaffold, "sums_with", compute_then_save)
    status, output = run(capsys, "new", "--seed", str(seed), "--root", str(tree))
    assert_clean_error(status, output, "changed on disk since it was read")
    assert len(saved) == 1 and sums.read_bytes() == saved[0]
    assert not (tree / "curated/articles/005-fixture-other.yaml").exists()


# -- malformed records, release lines, seeds and seed lists -----------------------------------------


RELEASE_LINES: dict[str, tuple[bytes, str]] = {
    "an array": (b"[]", "a JSON array, not an object of an article's fields"),
    "a number": (b"7", "a JSON number, not an object"),
    "null": (b"null", "a JSON null, not an object"),
    "a string": (b'"x"', "a JSON string, not an object"),
    "an id alone": (b'{"id": "x"}', "no revision, created, modified, content_sha256"),
    "a 5,000-digit number": (b'{"id": "x", "revision": ' + b"9" * 5000 + b"}",
                             "a number with more digits than any field holds"),
    "invalid UTF-8": (b'{"id": "\xff"}', "not UTF-8 text"),
    "a raw NUL": (b'{"id": "a\x00b"}', "not JSON (Invalid control character at, column"),
    "a cut line": (b'{"id": "x",', "not JSON (Expecting property name"),
}


@pytest.mark.parametrize("case", sorted(RELEASE_LINES))
def test_the_versioning_rules_say_in_words_what_a_release_line_is(
    tree: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "('revision')", "'int' object is not subscriptable", "use
    sys.set_int_max_str_digits() to increase the limit": Python's words, not the file's."""
    line, said = RELEASE_LINES[case]
    articles = tree / "dataset/articles.jsonl"
    articles.write_bytes(articles.read_bytes() + line + b"\n")
    status, output = run(capsys, "validate", "--root", str(tree), "--no-cache")
    assert status == 0 and "Traceback" not in output
    assert f"V006 warning: versioning not checked: dataset/articles.jsonl:2: not a released " \
           f"article ({said}" in output, output
    for python in ("object is not subscriptable", "set_int_max_str_digits", "codec", "('"):
        assert python not in output


MALFORMED_LINES = {name: RELEASE_LINES[name][0] for name in
                   ("an array", "a 5,000-digit number", "invalid UTF-8", "a cut line")}


def _append_line(line: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(path.read_bytes() + line + b"\n") and None


#: Each damage to a release file: the file, the damage, and what the error must name.
RELEASE_DAMAGE: dict[str, tuple[str, Callable[[Path], None], str]] = {
    **{f"articles.jsonl {name}": ("articles.jsonl", damage, "articles.jsonl")
       for name, damage in RELEASE_SPECIALS.items()},
    **{f"people.jsonl line {name}": ("people.jsonl", _append_line(line), "people.jsonl:2:")
       for name, line in MALFORMED_LINES.items()},
}


@pytest.mark.parametrize("case", sorted(RELEASE_DAMAGE))
@pytest.mark.parametrize("command", sorted(RELEASE_COMMANDS))
def test_release_readers_name_a_damaged_file_in_one_line(
    tree: Path, tmp_path: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release file that is a device or a named pipe is refused at once; a malformed line
    is named with its file and line."""
    name, damage, said = RELEASE_DAMAGE[case]
    release = copy_release(tree, tmp_path)
    damage(release / name)
    status, output = run(capsys, *RELEASE_COMMANDS[command](tree, release))
    assert_clean_error(status, output, said)
    assert len(output.strip().splitlines()) == 1, output
    assert not (tmp_path / "out.sqlite").exists()


@pytest.mark.parametrize("case", sorted(RELEASE_DAMAGE))
def test_load_names_the_damaged_release_file(tree: Path, tmp_path: Path, case: str) -> None:
    from iraq_ct_news import load
    from iraq_ct_news.core.errors import BuildError

    name, damage, said = RELEASE_DAMAGE[case]
    release = copy_release(tree, tmp_path)
    damage(release / name)
    with pytest.raises(BuildError, match=said.replace(".", r"\.")):
        dataset = load(release)
        list(dataset.people)
        list(dataset.articles.values())


SEED_LISTS: dict[str, tuple[bytes, str]] = {
    "invalid UTF-8": (b"\xff\xfe\n", "seeds/SHA256SUMS:1:1: not UTF-8 text"),
    "binary": (bytes(range(256)), "seeds/SHA256SUMS:2:118: not UTF-8 text"),
    "a line not a checksum": (f"{'0' * 64}  a.txt\n# a note\n".encode(),
                              "seeds/SHA256SUMS:2:1: not '<sha256>  <file name>'"),
    "a forged name": (f"{'0' * 64}  a.txt\nzz  {FORGED}\n".encode(),
                      "seeds/SHA256SUMS:2:1: not '<sha256>  <file name>'"),
}


@pytest.mark.parametrize("case", sorted(SEED_LISTS))
def test_new_names_the_line_and_column_of_a_seed_list_it_cannot_read(
    tree: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "seeds/SHA256SUMS cannot be read: 'utf-8' codec can't decode byte 0xff in
    position 0", and "line 2 is not ..." without the file:line:column form."""
    seed = add_seed(tree)
    content, said = SEED_LISTS[case]
    (tree / "seeds/SHA256SUMS").write_bytes(content)
    status, output = run(capsys, "new", "--seed", str(seed), "--root", str(tree))
    assert_clean_error(status, output, said)
    assert_not_forged(output)
    assert (tree / "seeds/SHA256SUMS").read_bytes() == content


SEEDS: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "the seed holds no text"),
    "binary": (bytes(range(256)) * 8, "seeds/005_fixture-other.txt is not UTF-8 text"),
    "invalid UTF-8": ("خبر\n".encode() + b"\xff\n", "seeds/005_fixture-other.txt is not UTF-8"),
    "over the limit": (b"a" * (1 << 20) + b"a", "seeds/005_fixture-other.txt is larger than"),
    "one endless line": ("كلمة ".encode() * 50_000,
                         "seeds/005_fixture-other.txt:1: Y008 line of 249,999 characters"),
}


@pytest.mark.parametrize("case", sorted(SEEDS))
def test_new_refuses_a_malformed_seed_in_one_line(
    tree: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content, said = SEEDS[case]
    seed = add_seed(tree, content)
    before = snapshot(tree)
    status, output = run(capsys, "new", "--seed", str(seed), "--root", str(tree))
    assert_clean_error(status, output, said)
    assert len(output.strip().splitlines()) == 1
    assert snapshot(tree) == before


@pytest.mark.parametrize("named", [
    "curated/people/no-such-person.yaml", "/etc/hostname", SEED, "curated/people",
])
def test_bump_refuses_a_file_that_is_no_record_of_the_tree(
    tree: Path, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "no record needs a new revision", exit 0, whatever the typo."""
    path = tree / PERSON
    path.write_text(path.read_text(encoding="utf-8").replace("Giorgi Gigauri", "Giorgi G."),
                    encoding="utf-8")
    before = snapshot(tree)
    argument = named if named.startswith("/") else str(tree / named)
    status, output = run(capsys, "bump", argument, "--root", str(tree), "--date", "2099-01-01")
    assert_clean_error(status, output, "iraq-ct-news: error: ")
    assert status == 2 and "no record needs" not in output
    assert snapshot(tree) == before


@pytest.mark.parametrize("command", ["draft", "draft --write", "view"])
def test_a_registry_record_that_does_not_read_is_named_not_ignored(
    tree: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / PERSON
    path.write_bytes(path.read_bytes().replace(b"\nid: ", b"\nid: x\nid: ", 1))  # Y003
    arguments = {
        "draft": ["draft", str(tree / ARTICLE), "--root", str(tree)],
        "draft --write": ["draft", str(tree / ARTICLE), "--root", str(tree), "--write"],
        "view": ["view", "--root", str(tree), "--out", str(tree / "view")],
    }[command]
    _status, output = run(capsys, *arguments)
    assert "Traceback" not in output
    assert "fixture-gigauri.yaml:4:1: Y003" in output, output


def test_draft_json_and_text_keep_forged_body_text_inert(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tree / ARTICLE
    data = read_yaml_file(path).data
    data["body"] = data["body"].replace("العراق", "العراق ##[warning]x \x1b[2K \u202e", 1) \
        + "\n::error::قال جيورجي جيغاوري إن ##[error]x"
    data["mentions"], data["quotes"] = [], []
    path.write_text(render(data, "article", ["# a header"]), encoding="utf-8")
    for extra in ([], ["--format", "json"]):
        status, output = run(capsys, "draft", str(path), "--root", str(tree), *extra)
        assert status == 0 and "العراق" in output, output  # proposals quote the forged text
        assert_not_forged(output)
    status, output = run(capsys, "validate", "--root", str(tree), "--no-cache", "--format", "json")
    assert status == 1 and json.loads(output)["errors"] >= 1
    assert_not_forged(output)


# -- forged output -----------------------------------------------------------------------------------


@pytest.fixture
def forged_release(tree: Path, tmp_path: Path) -> Path:
    """A hand-edited release whose article's texts hold line breaks, workflow commands, ANSI
    escapes and bidirectional controls."""
    release = tmp_path / "forged"
    shutil.copytree(tree / "dataset", release)
    articles = release / "articles.jsonl"
    lines = articles.read_bytes().split(b"\n")
    data = json.loads(lines[0])
    data["body"] += "\n::error::body\n##[warning]body \x1b[31m red"
    data["headline"] = {key: f"{value}{FORGED}" for key, value in data["headline"].items()} \
        if isinstance(data["headline"], dict) else data["headline"] + FORGED
    data["withdrawn_reason"] = FORGED
    lines[0] = json.dumps(data, ensure_ascii=False).encode()
    articles.write_bytes(b"\n".join(lines))
    return release


FORGED_READERS: dict[str, Callable[[Path, Path], list[str]]] = {
    "show": lambda t, r: ["show", "fixture-iom-agreement", "--path", str(r)],
    "search body": lambda t, r: ["search", "الهجرة", "--path", str(r)],
    "search headline": lambda t, r: ["search", "forged", "--path", str(r)],
    "stats": lambda t, r: ["stats", "--path", str(r)],
    "diff": lambda t, r: ["diff", str(t / "dataset"), str(r)],
}


@pytest.mark.parametrize("command", sorted(FORGED_READERS))
def test_forged_release_texts_print_as_inert_lines(
    tree: Path, forged_release: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = run(capsys, *FORGED_READERS[command](tree, forged_release))
    assert status == 0, output
    assert_not_forged(output)
    if command not in ("stats", "diff"):  # diff names the changed fields only
        assert "#\\u0023[" in output or "\\u003a:" in output or "\\u001b" in output, output


FORGED_ARGUMENTS: dict[str, Callable[[Path], list[str]]] = {
    "show ID": lambda t: ["show", FORGED, "--path", str(t / "dataset")],
    "search TEXT": lambda t: ["search", FORGED, "--path", str(t / "dataset")],
    "view ID": lambda t: ["view", FORGED, "--root", str(t), "--out", str(t / "view")],
    "draft FILE": lambda t: ["draft", str(t / "curated/articles" / f"{FORGED}.yaml"),
                             "--root", str(t)],
    "new --id": lambda t: ["new", "--seed", str(add_seed(t)), "--id", FORGED, "--root", str(t)],
    "new --seed": lambda t: ["new", "--seed", str(t / "seeds" / f"{FORGED}.txt"), "--root",
                             str(t)],
    "bump FILE": lambda t: ["bump", str(t / "curated/people" / f"{FORGED}.yaml"), "--root",
                            str(t)],
    "fmt FILE": lambda t: ["fmt", str(t / "curated/people" / f"{FORGED}.yaml"), "--root", str(t)],
    "export PATH": lambda t: ["export", "sqlite", str(t / FORGED / "x.sqlite"),
                              "--path", str(t / "dataset")],
    "diff OLD": lambda t: ["diff", str(t / FORGED), str(t / "dataset")],
}


@pytest.mark.parametrize("case", sorted(FORGED_ARGUMENTS))
def test_forged_arguments_are_escaped_in_every_error(
    tree: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, output = run(capsys, *FORGED_ARGUMENTS[case](tree))
    assert status != 0 or case == "search TEXT", output  # a search finding nothing is no error
    assert "Traceback" not in output
    assert_not_forged(output)


@pytest.mark.parametrize("command", [["migrate"], ["validate", "--fix", "--no-cache"],
                                     ["fmt"], ["validate", "--format", "github", "--no-cache"]])
def test_forged_file_names_in_rewriters_print_as_inert_lines(
    tree: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "curated/people" / f"{FORGED}.yaml").write_bytes(b"id: [\n")
    (tree / "curated/places" / f"{FORGED}.yaml").write_bytes(
        (tree / PERSON).read_bytes() + b"\n# a note\n")
    _status, output = run(capsys, *command, "--root", str(tree))
    assert "Traceback" not in output
    assert "z\\n" in output, output  # the file is named, escaped
    assert_not_forged(output.replace("::error file=", "").replace("::warning file=", ""))


def _with_datapackage(release: Path, change: Callable[[dict[str, Any]], None] | bytes) -> None:
    path = release / "datapackage.json"
    if isinstance(change, bytes):
        path.write_bytes(change)
        return
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


@pytest.mark.parametrize("command", ["show", "stats"])
def test_a_forged_release_version_forges_no_line(
    tree: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Today: "no record has the id 'nope' in release 1.0" then a line "### Added" (show), and
    "iraq-ct-news release 1.0" then "### Added" (stats)."""
    from iraq_ct_news.release.dataset import clear_cache

    release = copy_release(tree, tmp_path)
    _with_datapackage(release, lambda d: d.__setitem__("version", "1.0\n### Added\n- forged"))
    clear_cache()
    arguments = (["show", "nope", "--path", str(release)] if command == "show"
                 else ["stats", "--path", str(release)])
    _status, output = run(capsys, *arguments)
    assert "Traceback" not in output
    assert not any(line.startswith(("### Added", "- forged")) for line in output.splitlines())


@pytest.mark.parametrize("content", [b'{"version": "\xff"}', b"[" * 100_000 + b"]" * 100_000,
                                     b'{"version": ' + b"9" * 5000 + b"}"],
                         ids=["invalid UTF-8", "nested 100,000 deep", "5,000-digit number"])
def test_a_malformed_datapackage_is_named_in_words(
    tree: Path, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    from iraq_ct_news.release.dataset import clear_cache

    release = copy_release(tree, tmp_path)
    _with_datapackage(release, content)
    clear_cache()
    status, output = run(capsys, "stats", "--path", str(release))
    assert_clean_error(status, output, "datapackage.json")
    for python in ("codec", "recursion", "set_int_max_str_digits"):
        assert python not in output, output


# -- leftovers of killed writes ----------------------------------------------------------------------


def test_new_removes_what_a_killed_new_left_and_validate_names_it_first(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = add_seed(tree)
    leftovers = [tree / "curated/articles/.005-fixture-other.yaml.abcd1234.tmp",
                 tree / "seeds/.SHA256SUMS.abcd1234.tmp"]
    for leftover in leftovers:
        leftover.write_text("half", encoding="utf-8")
    status, output = run(capsys, "validate", "--root", str(tree), "--no-cache")
    assert status == 1 and output.count(" I005 ") == 2, output
    status, output = run(capsys, "new", "--seed", str(seed), "--root", str(tree))
    assert status == 0, output
    assert not any(leftover.exists() for leftover in leftovers)


def test_view_and_build_leave_no_leftover_in_the_folders_they_write(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "view").mkdir()
    leftovers = [tree / "view/.index.html.abcd1234.tmp",
                 tree / "dataset/.articles.jsonl.abcd1234.tmp"]
    for leftover in leftovers:
        leftover.write_text("half", encoding="utf-8")
    status, output = run(capsys, "build", "--root", str(tree), "--no-cache", "--check")
    assert status == 1 and ".articles.jsonl.abcd1234.tmp" in output, output
    assert run(capsys, "view", "--root", str(tree), "--out", str(tree / "view"))[0] == 0
    assert run(capsys, "build", "--root", str(tree), "--no-cache")[0] == 0
    assert not any(leftover.exists() for leftover in leftovers)
    assert run(capsys, "build", "--root", str(tree), "--no-cache", "--check")[0] == 0


@pytest.fixture(autouse=True)
def _no_stray_lock(tree: Path) -> Iterator[None]:
    """Every case leaves the tree unlocked (a refused write releases the lock)."""
    yield
    from iraq_ct_news.store.lock import tree_lock

    if tree.is_dir():
        with tree_lock(tree, wait=1):
            pass
