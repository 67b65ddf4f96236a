"""Hostile input: every case in ``tests/fixtures/hostile/`` ends in a located finding, fast.

Each case is an edit of a copy of the valid fixture tree (the same edit kinds as
``tests/fixtures/invalid/``, plus byte-level edits, links, named pipes and inputs generated at
test time, see :func:`apply_edit`). The real command line is run on it in a fresh process, as
CI runs it on a pull request, and must:

* exit 1 with ``path:line:col: CODE`` for the expected code at the expected line;
* print no traceback (a traceback is a bug: every refusal is a finding);
* use less than 2 seconds of CPU time and 500 MB of memory (the limits the project promises,
  see SECURITY.md); CPU time rather than wall time is asserted so that a busy CI machine cannot
  make the test flaky, with a generous wall-clock bound on top to catch a process that sleeps;
* open no file outside the case's tree (checked with an audit hook in the child process), and
  never print the content of the file that symbolic links in the cases point at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from iraq_ct_news.checks.rules.catalog import RULES
from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.core.fsutil import FileTooLarge, NotARegularFile, read_regular_file
from iraq_ct_news.core.limits import MAX_FILE_BYTES, MAX_NODES, MAX_STRING_LENGTH
from iraq_ct_news.reading.yamlreader import read_yaml_bytes, read_yaml_file

from .conftest import FIXTURES, VALID_TREE

HOSTILE = FIXTURES / "hostile"
CASES = sorted(HOSTILE.glob("*.yaml"))

#: The limits the issue sets for any input.
CPU_SECONDS = 2.0
PEAK_MEMORY_BYTES = 500 * 1024 * 1024
#: Wall-clock bound: CPU time is what is promised; this only catches a process that waits.
WALL_SECONDS = 10.0
#: A process still running after this is killed (a hang fails the test instead of CI).
KILL_AFTER_SECONDS = 60.0

SECRET = "SECRET-CONTENT-OUTSIDE-THE-TREE-7f3a"

#: Run in the child: record every file the process opens, then run the command line.
AUDITED_MAIN = """
import json, os, sys
opened = []
def _hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.append(os.fsdecode(args[0]))
sys.addaudithook(_hook)
from iraq_ct_news.commands.cli import main
try:
    status = main(sys.argv[1:])
finally:
    log = os.environ["ICTN_OPEN_LOG"]
    snapshot = list(opened)
    with open(log, "w", encoding="utf-8") as stream:
        json.dump(snapshot, stream)
sys.exit(status)
"""


# -- building a case tree -------------------------------------------------------------------------


def _fifty_megabytes(path: Path, original: bytes) -> None:
    """A 50 MB file of real-looking content (not a sparse file), so reading it would cost."""
    line = ("- " + "بغداد " * 40 + "\n").encode("utf-8")
    with path.open("wb") as stream:
        stream.write(original)
        stream.write(b"aliases:\n")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            stream.write(line)


def _billion_laughs(path: Path, original: bytes) -> None:
    lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"lol{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    path.write_bytes(original + ("\n".join(lines) + "\n").encode("utf-8"))


def _deep_sequences(path: Path, original: bytes) -> None:
    path.write_bytes(original + b"coordinates: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")


def _deep_mappings(path: Path, original: bytes) -> None:
    path.write_bytes(original + b"coordinates: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n")


def _long_string(path: Path, original: bytes) -> None:
    too_long = "B" * (MAX_STRING_LENGTH + 1)
    text = original.decode("utf-8").replace("  en: Baghdad", f"  en: {too_long}")
    assert len(text.encode("utf-8")) < MAX_FILE_BYTES
    path.write_text(text, encoding="utf-8")


def _long_explicit_key(path: Path, original: bytes) -> None:
    """A quoted key past the string limit: only an explicit ``?`` key may be that long."""
    key = "B" * (MAX_STRING_LENGTH + 50_000)
    path.write_bytes(original + f'? "{key}"\n: x\n'.encode("utf-8"))


def _many_nodes(path: Path, original: bytes) -> None:
    items = ", ".join(["a"] * (MAX_NODES + 10_000))
    text = original.decode("utf-8").replace("aliases: []", f"aliases: [{items}]")
    assert len(text.encode("utf-8")) < MAX_FILE_BYTES
    path.write_text(text, encoding="utf-8")


def _many_findings(path: Path, original: bytes) -> None:
    block = "- |-\n  a\u202eb\n" * 20_000
    path.write_text(original.decode("utf-8").replace("aliases: []\n", "aliases:\n" + block))


def _many_unknown_fields(path: Path, original: bytes) -> None:
    fields = "".join(f"field{number}: x\n" for number in range(10_000))
    path.write_bytes(original + fields.encode("utf-8"))


def _huge_integer(path: Path, original: bytes) -> None:
    path.write_bytes(original.replace(b"revision: 1\n", b"revision: " + b"9" * 5000 + b"\n"))


def _large_seed(article: Path) -> str:
    """Grow the article's seed to the seed limit (its own text first) and return its new hash,
    for cases whose cost is in searching a large seed."""
    import hashlib

    from iraq_ct_news.core.limits import MAX_SEED_BYTES

    seed = article.parents[2] / "seeds/004_e9dc320f1ba3aa95.txt"
    original = seed.read_bytes()
    filler = ("ب " * 200 + "\n").encode("utf-8")
    seed.write_bytes(original + filler * ((MAX_SEED_BYTES - len(original)) // len(filler)))
    assert seed.stat().st_size <= MAX_SEED_BYTES
    return hashlib.sha256(seed.read_bytes()).hexdigest()


def _with_seed_hash(text: str, digest: str) -> str:
    return re.sub(r"seed_sha256: [0-9a-f]{64}", f"seed_sha256: {digest}", text)


def _seed_scope_long_prefix(path: Path, original: bytes) -> None:
    """Seed-scope evidence whose 20,000-character prefix never matches, against a 1 MiB seed
    where ``exact`` occurs half a million times (44 s in release 0.1.0)."""
    text = _with_seed_hash(original.decode("utf-8"), _large_seed(path))
    evidence = "  exact: ٢٠ ديسمبر ٢٠٢١\n  scope: seed\n"
    assert text.count(evidence) == 1
    prefix = "ب " * 10_000 + "x"
    path.write_text(text.replace(evidence, f"  exact: ب\n  prefix: '{prefix}'\n  scope: seed\n"))


def _many_seed_scope_events(path: Path, original: bytes) -> None:
    """Two hundred events, each with seed-scope evidence whose prefix and suffix of 1,000
    characters never match, against a 1 MiB seed."""
    text = _with_seed_hash(original.decode("utf-8"), _large_seed(path))
    head, rest = text.split("events:\n", 1)
    prefix, suffix = "ب " * 500 + "x", "y" + " ب" * 500
    events = "".join(
        f"- id: event-{number}\n  kind: meeting\n  cameo: '057'\n  date: 2021-12-16\n"
        "  date_basis: explicit\n  date_evidence:\n    exact: ب ب\n"
        f"    prefix: '{prefix}'\n    suffix: '{suffix}'\n    scope: seed\n"
        "  place: fixture-baghdad\n  organizers: []\n  participants: []\n"
        "  summary:\n    en: A meeting.\n"
        for number in range(200)
    )
    path.write_text(head + "events:\n" + events + rest)
    assert path.stat().st_size < MAX_FILE_BYTES


def _periodic_occurrences(path: Path, original: bytes) -> None:
    """A body of one letter repeated and a hundred long mentions of it, each asking for an
    occurrence far down the body: overlapping matches of long periodic needles."""
    text = original.decode("utf-8")
    body = "ب" * 190_000
    mentions = "".join(
        f"- entity: fixture-baghdad\n  exact: {'ب' * (500 + number)}\n  occurrence: 150000\n"
        for number in range(100)
    )
    mentions += f"- entity: fixture-baghdad\n  exact: {'ب' * 600}\n  occurrence: 189500\n"
    text = (
        text.split("body: |-")[0] + "body: |-\n  " + body + "\nthemes:\n- fixture-pve\n"
        + "mentions:\n" + mentions + "quotes: []\nevents: []\namounts: []\nresolutions: []\n"
    )
    path.write_text(text)
    assert path.stat().st_size < MAX_FILE_BYTES


def _many_long_aliases(path: Path, original: bytes) -> None:
    """Four hundred aliases of 150 words each on a place, every word of them frequent in a
    mention of 20,000 words, none of them in it (C001 compared every alias word with every
    mention word: mention words × alias words × aliases)."""
    place = path.parents[1] / "places/fixture-baghdad.yaml"
    aliases = "".join(
        "- " + "الرشيد الكرخ " * (number % 75) + "الكرخ " * (1 + number // 75)
        + "الرشيد الكرخ " * 37 + "\n"
        for number in range(400)
    )
    place_text = place.read_text(encoding="utf-8")
    place.write_text(place_text.replace("aliases: []\n", "aliases:\n" + aliases))
    text = original.decode("utf-8")
    mention = "- entity: fixture-baghdad\n  exact: بغداد\n"
    assert text.count(mention) == 1
    path.write_text(text.replace(
        mention, "- entity: fixture-baghdad\n  exact: " + "الرشيد الكرخ " * 10_000 + "\n"
    ))


def _many_paragraphs_large_seed(path: Path, original: bytes) -> None:
    """A body of 1,500 distinct paragraphs, none in the seed, against a 1 MiB seed (each
    paragraph scanned the whole seed)."""
    text = _with_seed_hash(original.decode("utf-8"), _large_seed(path))
    head, rest = text.split("body: |-\n", 1)
    tail = rest[rest.index("themes:"):]
    paragraphs = "\n\n".join(
        f"  ب ب ب ب ب ب ب ب ب ب ب ب ب ب ب ب ب ب ب{number} ب ب ب ب ب ب ب ب ب ب ب"
        for number in range(1500)
    )
    path.write_text(head + "body: |-\n" + paragraphs + "\n" + tail)
    assert path.stat().st_size < MAX_FILE_BYTES


GENERATORS: dict[str, Callable[[Path, bytes], None]] = {
    "many-long-aliases": _many_long_aliases,
    "many-paragraphs-large-seed": _many_paragraphs_large_seed,
    "seed-scope-long-prefix": _seed_scope_long_prefix,
    "many-seed-scope-events": _many_seed_scope_events,
    "periodic-occurrences": _periodic_occurrences,
    "fifty-megabytes": _fifty_megabytes,
    "billion-laughs": _billion_laughs,
    "deep-sequences": _deep_sequences,
    "deep-mappings": _deep_mappings,
    "long-string": _long_string,
    "long-explicit-key": _long_explicit_key,
    "many-nodes": _many_nodes,
    "many-findings": _many_findings,
    "many-unknown-fields": _many_unknown_fields,
    "huge-integer": _huge_integer,
}


def apply_edit(edit: dict[str, Any], tree: Path, outside: Path) -> None:
    """Apply one edit of a case to ``tree``; ``{outside}`` in text names a folder outside it."""
    target = tree / edit["file"]

    def fill(text: str) -> str:
        return text.replace("{outside}", outside.as_posix())

    if "content" in edit:
        target.write_bytes(fill(edit["content"]).encode("utf-8"))
    if "replace" in edit:
        text = target.read_text(encoding="utf-8")
        for old, new in edit["replace"]:
            assert text.count(old) == 1, f"edit target not unique in {edit['file']}: {old!r}"
            text = text.replace(old, fill(new))
        target.write_bytes(text.encode("utf-8"))
    if "splice_hex" in edit:
        raw = target.read_bytes()
        anchor = edit["splice_hex"]["after"].encode("utf-8")
        assert raw.count(anchor) == 1
        cut = raw.index(anchor) + len(anchor)
        target.write_bytes(raw[:cut] + bytes.fromhex(edit["splice_hex"]["hex"]) + raw[cut:])
    if "encode" in edit:
        target.write_bytes(target.read_text(encoding="utf-8").encode(edit["encode"]))
    if "line_ends" in edit:
        ending = {"crlf": b"\r\n", "cr": b"\r"}[edit["line_ends"]]
        target.write_bytes(target.read_bytes().replace(b"\n", ending))
    if "generate" in edit:
        original = target.read_bytes()
        GENERATORS[edit["generate"]](target, original)
    if edit.get("symlink"):
        _remove(target)
        target.symlink_to(fill(edit["symlink"]))
    if edit.get("fifo"):
        _remove(target)
        os.mkfifo(target)
    if edit.get("directory"):
        _remove(target)
        target.mkdir()
    if edit.get("move_outside"):
        moved = outside / target.name
        shutil.move(target, moved)
        target.symlink_to(moved, target_is_directory=moved.is_dir())


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def build_case(case: dict[str, Any], base: Path) -> tuple[Path, Path]:
    """A tree for ``case`` under ``base``, and the folder outside it that links point into."""
    tree = base / "repo"
    outside = base / "outside"
    shutil.copytree(VALID_TREE, tree)
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    for edit in case["edits"]:
        if any(key in edit for key in ("symlink", "fifo", "move_outside")) and os.name != "posix":
            pytest.skip("needs symbolic links and named pipes")
        apply_edit(edit, tree, outside)
    return tree, outside


# -- running the command line in a measured child process ------------------------------------------


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    cpu_seconds: float
    wall_seconds: float
    peak_memory_bytes: int
    opened: list[str]


def run_cli(arguments: list[str], log: Path, kill_after: float = KILL_AFTER_SECONDS) -> Run:
    """Run ``iraq-ct-news ARGUMENTS`` in a child process and measure its own resource use.

    ``os.wait4`` gives the rusage of exactly this child (``RUSAGE_CHILDREN`` would mix in every
    earlier child of the test process).
    """
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    environment = {**os.environ, "ICTN_OPEN_LOG": str(log), "PYTHONDONTWRITEBYTECODE": "1"}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", AUDITED_MAIN, *arguments],
            stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=environment,
        )
        killer = threading.Timer(kill_after, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    opened = json.loads(log.read_text(encoding="utf-8")) if log.exists() else []
    return Run(
        process.returncode,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        usage.ru_utime + usage.ru_stime,
        wall,
        usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024),
        opened,
    )


def _code_locations() -> list[Path]:
    """Where Python and the installed packages live: opening those files is importing code."""
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    places.update(entry for entry in sys.path if entry)
    import iraq_ct_news

    places.add(str(Path(iraq_ct_news.__file__).resolve().parent))
    import zoneinfo

    places.update(zoneinfo.TZPATH)  # the standard library's time-zone data (dates in a release)
    return [Path(place).resolve() for place in places]


CODE_LOCATIONS = _code_locations()


def opened_outside(run: Run, tree: Path, log: Path) -> list[str]:
    """Files the child opened that are neither in the tree nor Python code or data."""
    root = tree.resolve()
    strays = []
    for name in run.opened:
        path = Path(name)
        if not path.is_absolute():
            path = Path.cwd() / path
        resolved = path.resolve()
        if resolved == log.resolve() or resolved.is_relative_to(root):
            continue
        if any(resolved.is_relative_to(place) for place in CODE_LOCATIONS):
            continue
        strays.append(name)
    return strays


FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]\d{3}) ", re.M)


def load_case(path: Path) -> dict[str, Any]:
    case: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return case


# -- the corpus ----------------------------------------------------------------------------------


def test_corpus_covers_every_case_the_issue_lists() -> None:
    """The hostile inputs issue 5 names, each present with a code the validator knows."""
    names = {path.stem for path in CASES}
    required = {
        "duplicate-key", "billion-laughs", "merge-key", "python-object-tag", "invalid-utf8-byte",
        "utf16-with-bom", "utf16-without-bom", "utf8-bom", "nul-byte", "crlf",
        "tab-indentation", "deep-nesting-sequences", "fifty-megabytes", "empty-file",
        "top-level-list", "huge-integer", "nan", "infinity", "amount-zero", "amount-negative",
        "date-month-13-day-45", "date-all-zeros", "id-uppercase", "id-with-space",
        "id-cyrillic-lookalike", "id-right-to-left-override", "bidi-override-in-text",
        "zero-width-space-in-name", "seed-parent-path", "seed-absolute-path", "seed-symlink-out",
        "file-name-and-id-differ", "reference-to-wrong-kind",
    }
    assert required <= names, required - names
    for path in CASES:
        case = load_case(path)
        assert case["expect"]["code"] in RULES, path.name
        assert set(case.get("also", [])) <= set(RULES), path.name
        assert case.get("description"), path.name


@pytest.mark.parametrize("case_path", CASES, ids=lambda path: path.stem)
def test_hostile_case_ends_in_a_located_finding(case_path: Path, tmp_path: Path) -> None:
    case = load_case(case_path)
    tree, outside = build_case(case, tmp_path)
    log = tmp_path / "opened.json"

    run = run_cli(["validate", "--root", str(tree)], log)

    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
    assert run.stderr == "", run.stderr
    assert run.status == 1, run.stdout
    expect = case["expect"]
    expected_path = (tree / expect["file"]).as_posix()
    found = [
        (m["path"], int(m["line"]), int(m["column"]), m["code"])
        for m in FINDING.finditer(run.stdout)
    ]
    matching = [
        f for f in found
        if f[0] == expected_path and f[1] == expect["line"] and f[3] == expect["code"]
        and ("column" not in expect or f[2] == expect["column"])
    ]
    assert matching, f"expected {expect} in:\n{run.stdout[:3000]}"
    allowed = {expect["code"], *case.get("also", [])}
    unexpected = {f[3] for f in found if RULES[f[3]].severity == "error"} - allowed
    assert not unexpected, f"the case breaks more rules than it declares: {unexpected}"

    assert run.cpu_seconds < CPU_SECONDS, f"{run.cpu_seconds:.2f} s of CPU"
    assert run.wall_seconds < WALL_SECONDS, f"{run.wall_seconds:.2f} s"
    assert run.peak_memory_bytes < PEAK_MEMORY_BYTES, f"{run.peak_memory_bytes} bytes"

    assert opened_outside(run, tree, log) == []
    assert SECRET not in run.stdout and SECRET not in run.stderr
    assert not (outside / "pwned").exists(), "a tag was executed"


def test_the_audit_sees_what_the_validator_reads(tmp_path: Path) -> None:
    """The no-read-outside check is only worth something if the hook records real reads."""
    tree, _ = build_case({"edits": []}, tmp_path)
    log = tmp_path / "opened.json"
    run = run_cli(["validate", "--root", str(tree)], log)
    assert run.status == 0, run.stdout + run.stderr
    opened = {Path(name).resolve() for name in run.opened}
    assert (tree / "seeds/004_e9dc320f1ba3aa95.txt").resolve() in opened
    assert (tree / "curated/articles/fixture-iom-agreement.yaml").resolve() in opened
    # And a read outside the tree would be caught:
    stray = Run(0, "", "", 0, 0, 0, [*run.opened, str(tmp_path / "outside/secret.txt")])
    assert opened_outside(stray, tree, log) == [str(tmp_path / "outside/secret.txt")]


# -- release files, many spans, and writes: inputs that reach past the curated tree ------------------


def test_a_release_file_linked_out_of_the_tree_is_not_read(tmp_path: Path) -> None:
    tree, outside = build_case({"edits": []}, tmp_path)
    (tree / "dataset").mkdir()
    (tree / "dataset/articles.jsonl").symlink_to(outside / "secret.txt")
    log = tmp_path / "opened.json"
    run = run_cli(["validate", "--root", str(tree)], log)
    assert opened_outside(run, tree, log) == []


def test_a_deeply_nested_release_line_is_a_finding(tmp_path: Path) -> None:
    tree, _ = build_case({"edits": []}, tmp_path)
    (tree / "dataset").mkdir()
    (tree / "dataset/articles.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    log = tmp_path / "opened.json"
    run = run_cli(["validate", "--root", str(tree)], log)
    assert "Traceback" not in run.stderr


def test_many_spans_over_a_long_body_stay_within_the_time_limit(tmp_path: Path) -> None:
    tree, _ = build_case({"edits": []}, tmp_path)
    article = tree / "curated/articles/fixture-iom-agreement.yaml"
    text = article.read_text(encoding="utf-8")
    mentions = "- entity: fixture-baghdad\n  exact: ب\n" * 3000
    text = (
        text.split("body: |-")[0] + "body: |-\n  " + "ب" * 50_000 + "\nthemes:\n- fixture-pve\n"
        + "mentions:\n" + mentions + "quotes: []\nevents: []\namounts: []\nresolutions: []\n"
    )
    article.write_text(text, encoding="utf-8")
    run = run_cli(["validate", "--root", str(tree)], tmp_path / "opened.json")
    assert run.status == 1 and run.cpu_seconds < CPU_SECONDS


# -- the reader and file helpers the corpus exercises, directly ----------------------------------


def test_read_regular_file_refuses_what_would_block_or_flood(tmp_path: Path) -> None:
    regular = tmp_path / "regular"
    regular.write_bytes(b"x" * 10)
    assert read_regular_file(regular, 10) == b"x" * 10
    with pytest.raises(FileTooLarge):
        read_regular_file(regular, 9)
    with pytest.raises(NotARegularFile):
        read_regular_file(tmp_path, 10)
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        with pytest.raises(NotARegularFile):
            read_regular_file(pipe, 10)


def test_reader_refuses_a_named_pipe_without_waiting(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes")
    pipe = tmp_path / "record.yaml"
    os.mkfifo(pipe)
    with pytest.raises(ReaderError) as caught:
        read_yaml_file(pipe)
    assert caught.value.code == "Y007"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("a: 1\n".encode("utf-16-le"), "UTF-16 or UTF-32"),
        ("a: 1\n".encode("utf-16-be"), "UTF-16 or UTF-32"),
        ("a: 1\n".encode("utf-32"), "UTF-32"),
        ("a: 1\n".encode("utf-32-be"), "UTF-16 or UTF-32"),
    ],
)
def test_wide_encodings_without_a_mark_are_named(raw: bytes, message: str) -> None:
    with pytest.raises(ReaderError, match=message) as caught:
        read_yaml_bytes(raw)
    assert (caught.value.code, caught.value.line) == ("Y001", 1)


def test_limits_are_what_security_md_documents() -> None:
    """SECURITY.md states the limits; a change to one must change the document too."""
    from iraq_ct_news.core import limits

    text = (Path(__file__).resolve().parent.parent / "SECURITY.md").read_text(encoding="utf-8")
    for name in ("MAX_FILE_BYTES", "MAX_DEPTH", "MAX_STRING_LENGTH", "MAX_NODES", "MAX_INTEGER",
                 "MAX_SEED_BYTES", "MAX_RELEASE_FILE_BYTES", "MAX_RELEASE_LINE_BYTES",
                 "MAX_SEED_LINES", "MAX_RELEASE_VALUES"):
        value = getattr(limits, name)
        rows = [line for line in text.splitlines() if line.startswith(f"| `{name}` |")]
        assert len(rows) == 1, f"SECURITY.md has no one row for {name}"
        # The value in the limit's own row (another limit's row may hold the same number).
        stated = rows[0].split("|")[2]
        assert f"{value:,}" in stated or f"{value:_}" in stated, (
            f"{name} = {value:,} is not what its row in SECURITY.md says: {stated.strip()}")
