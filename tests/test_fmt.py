"""``iraq-ct-news fmt``: one canonical layout, and nothing lost on the way.

The properties, over the real records under ``curated/`` (whatever is there when the tests run),
the fixture records, and generated ones:

* formatting is idempotent;
* the formatted file reads back (through the strict reader) to exactly the same data, type for
  type, and so to the same model: no value changes, no Arabic text is altered;
* the comment block at the top of the file is kept;
* the layout does not depend on how the input was laid out (key order, quoting, flow style).
"""

from __future__ import annotations

import os
import random
import shutil
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.core.limits import MAX_INTEGER
from iraq_ct_news.models.kinds import SCHEMA_MODELS
from iraq_ct_news.models.layout import FileKind, classify, curated_files
from iraq_ct_news.reading.yamlreader import read_yaml_bytes, read_yaml_text, resolve_plain_scalar
from iraq_ct_news.store.formatting import FormatRefused, format_record, render, same

from .conftest import REPOSITORY, VALID_TREE

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PERSON = "curated/people/fixture-gigauri.yaml"
PLACE = "curated/places/fixture-baghdad.yaml"


def record_files(root: Path) -> list[tuple[Path, FileKind]]:
    found = []
    for source in curated_files(root):
        if source.kind is not None and not (root / source.relative).is_symlink():
            found.append((root / source.relative, source.kind))
    return found


def header_of(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        if line.startswith("#"):
            lines.append(line)
        elif line.strip():
            break
    return lines


def assert_nothing_lost(raw: bytes, kind: FileKind) -> str:
    """Format ``raw`` and check every property; returns the canonical text."""
    first = format_record(raw, kind)
    before = read_yaml_bytes(raw)
    after = read_yaml_text(first.text)
    assert same(after.data, before.data), "a value changed"
    model = SCHEMA_MODELS[kind]
    assert model.model_validate(after.data) == model.model_validate(before.data)
    assert header_of(first.text) == header_of(before.text), "the top comments changed"
    assert first.text.endswith("\n") and not first.text.endswith("\n\n")
    second = format_record(first.text.encode("utf-8"), kind)
    assert second.text == first.text and not second.changed, "formatting is not idempotent"
    return first.text


# -- the real records and the fixtures ------------------------------------------------------------

REAL_FILES = record_files(REPOSITORY) if (REPOSITORY / "curated").is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="no curated records yet")
def test_real_records_format_without_loss() -> None:
    """Every real record that reads and validates formats losslessly and idempotently.

    Records being written right now may not validate; those are fmt's to refuse (with a
    finding), not to break. A refusal for any other reason is a failure.
    """
    formatted = 0
    for path, kind in REAL_FILES:
        try:
            assert_nothing_lost(path.read_bytes(), kind)
            formatted += 1
        except FormatRefused as refusal:
            assert all(code is not None for code, *_ in refusal.problems), (
                path, refusal.problems
            )
    assert formatted > 0


@pytest.mark.parametrize(
    ("path", "kind"), record_files(VALID_TREE), ids=lambda value: getattr(value, "name", value)
)
def test_fixture_records_format_without_loss(path: Path, kind: FileKind) -> None:
    assert_nothing_lost(path.read_bytes(), kind)


def test_canonical_layout_of_the_fixture_article() -> None:
    text = format_record((VALID_TREE / ARTICLE).read_bytes(), "article").text
    lines = text.split("\n")
    assert lines[0] == "# yaml-language-server: $schema=../../schema/article.schema.json"
    # Keys in the model's order, at every level (a span's identifying field comes first).
    assert [line.split(":")[0] for line in lines if line and line[0] not in " -#"][:8] == [
        "schema_version", "id", "revision", "created", "modified", "status", "seed",
        "seed_sha256",
    ]
    assert "- entity: fixture-baghdad\n  exact: بغداد\n" in text
    assert "- id: gigauri-worst-scenarios\n  speaker: fixture-gigauri\n  exact: " in text
    # Dates and CAMEO codes quoted, the body a literal block, other text plain when it can be.
    assert "published: '2021-12-20'\n" in text
    assert "  date: '2021-12-16'\n" in text
    assert "  cameo: '057'\n" in text
    assert "body: |-\n  في 16 كانون الاول 2021" in text
    assert "  prefix: 'و قال السيد '\n" in text
    assert "schema_version: 1.0.0\n" in text


def test_long_text_becomes_a_literal_block_and_short_text_stays_inline() -> None:
    long = "كلمة " * 30 + "أخيرة"
    text = render({"summary": {"en": "short"}, "aliases": [long, "قصير"]}, None)
    assert text == f"summary:\n  en: short\naliases:\n- |-\n  {long}\n- قصير\n"
    assert read_yaml_text(text).data == {"summary": {"en": "short"}, "aliases": [long, "قصير"]}


@pytest.mark.parametrize(
    "value",
    ["yes", "no", "on", "off", "y", "n", "~", "null", "Null", "true", "TRUE", "1", "-1", "1.5",
     "1e3", "0x1F", "0o17", "043", "1_000", "+5", ".5", ".inf", "-.inf", ".nan", "1:30", "<<",
     "2021", "2021-12", "2021-12-20", "2021-12-20T10:00:00Z", "2016/2017", "2018?", "..",
     "- item", "? key", ": x", "a: b", "a #b", "#x", "&a", "*a", "!tag", "|", ">", "'q'",
     '"q"', "%x", "@x", "`x", "[x]", "{x}", ",x", " leading", "trailing ", "", " ",
     "tab\there", "line\nbreak", "cr\rhere", "nel\x85here", "ls\u2028here", "nul\x00",
     "bom\ufeffhere", "rlo\u202ehere", "nbsp\u00a0here", "emoji \U0001f600",
     "بغداد: العاصمة"],
)
def test_every_awkward_string_reads_back_as_itself(value: str) -> None:
    for data in ({"key": value}, {"key": [value]}, {value or "k": 1}):
        text = render(data, None)
        assert same(read_yaml_text(text).data, data), text
        # And YAML 1.1 loaders (PyYAML) read a value as text too, not as a date or a number.
        loaded = yaml.safe_load(text)
        if "key" in data and isinstance(data["key"], str) and value.isprintable():
            assert loaded == data, text


def test_fmt_never_folds_or_normalises_text() -> None:
    """Whitespace and normalisation problems are the validator's to report, not fmt's to fix."""
    raw = (VALID_TREE / ARTICLE).read_bytes().decode("utf-8")
    nfd = unicodedata.normalize("NFD", "إ")
    assert nfd != "إ"
    raw = raw.replace("أقيم حفل", f"أقيم  حفل {nfd}").replace(
        "en: A test fixture headline", "en: A  test   fixture headline"
    )
    text = assert_nothing_lost(raw.encode("utf-8"), "article")
    assert f"أقيم  حفل {nfd}" in text and "A  test   fixture headline" in text


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (b"kind: city", b"kind: city  # a city", (11, 13)),
        (b"aliases: []\n", b"aliases: []\n# a note between fields\n", (11, 1)),
        (b"schema_version", b"--- # after the document marker\nschema_version", (2, 5)),
    ],
)
def test_a_comment_below_the_header_is_refused_not_dropped(
    old: bytes, new: bytes, where: tuple[int, int]
) -> None:
    raw = (VALID_TREE / PLACE).read_bytes().replace(old, new)
    with pytest.raises(FormatRefused) as refused:
        format_record(raw, "place")
    assert refused.value.problems[0][0] is None
    assert refused.value.problems[0][2:] == where


def test_the_top_comment_block_is_kept_and_document_markers_dropped() -> None:
    raw = b"# first\n\n# second\n---\n" + (VALID_TREE / PLACE).read_bytes() + b"...\n"
    text = format_record(raw, "place").text
    assert text.startswith(
        "# first\n# second\n# yaml-language-server: $schema=../../schema/place.schema.json\n"
        "schema_version: 1.0.0\n"
    )
    assert "---" not in text and "..." not in text


def test_hashes_inside_values_are_not_comments() -> None:
    raw = (VALID_TREE / PLACE).read_bytes().replace(
        b"aliases: []", b"aliases:\n- 'a # b'\n- \"#c\"\n- d#e\n- |-\n  # line\n  more"
    )
    text = assert_nothing_lost(raw, "place")
    assert "- 'a # b'" in text and "- d#e" in text


def test_a_file_that_does_not_read_or_validate_is_refused_with_its_finding() -> None:
    with pytest.raises(FormatRefused) as refused:
        format_record(b"a: 1\na: 2\n", "place")
    assert refused.value.problems == [
        ("Y003", "duplicate key 'a' (first written on line 1)", 2, 1)
    ]
    raw = (VALID_TREE / PLACE).read_bytes().replace(b"kind: city", b"kind: town")
    with pytest.raises(FormatRefused) as refused:
        format_record(raw, "place")
    assert [(code, line) for code, _, line, _ in refused.value.problems] == [("S004", 11)]


# -- generated records ---------------------------------------------------------------------------

#: Characters that stress quoting and block style: YAML indicators, every kind of line break and
#: space, invisible and bidi controls, Arabic, astral characters.
AWKWARD = st.sampled_from(
    list(":#-?'\"{}[],&*!|>%@`\\<=~. \t\n\r\x00\x07\x85\xa0\u2028\u2029\ufeff\u200b\u200f\u202e")
    + ["بغداد", "داعش", "ـ", "ً", "١٢", "\U0001f600", "e", "1", "null", "yes"]
    + ["2021-12-20"]
)
#: Texts that a YAML 1.1 or 1.2 reader may take for something else than a string when they are
#: written unquoted: every YAML 1.2 core spelling of null, booleans and numbers, and YAML 1.1's.
NUMBER_LIKE = st.from_regex(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False"
    r"|FALSE|yes|No|ON|off|y|n|[0-9]+_[0-9]+|[0-9]+:[0-5][0-9]|0b[01]+|<<",
    fullmatch=True,
)
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.lists(AWKWARD, max_size=25).map("".join),
    NUMBER_LIKE,
)


def _free_text_paths(data: Any, model_kind: FileKind) -> list[tuple[Any, ...]]:
    """Paths of string values any non-blank text is valid for (names, summaries, spans…)."""
    model = SCHEMA_MODELS[model_kind]
    paths = []
    for path in _string_paths(data):
        probe = _replace(data, path, "Zz ·: #'\" x")
        try:
            model.model_validate(probe)
        except Exception:
            continue
        paths.append(path)
    return paths


def _string_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _string_paths(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _string_paths(item, (*path, index))]
    return []


def _replace(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    if isinstance(data, dict):
        return {k: _replace(v, path[1:], new) if k == path[0] else v for k, v in data.items()}
    return [_replace(v, path[1:], new) if i == path[0] else v for i, v in enumerate(data)]


FIXTURE_DATA: dict[FileKind, tuple[Any, str]] = {}
for _path, _kind in record_files(VALID_TREE):
    _document = read_yaml_bytes(_path.read_bytes())
    FIXTURE_DATA[_kind] = (_document.data, "\n".join(header_of(_document.text)))
FREE_TEXT = {kind: _free_text_paths(data, kind) for kind, (data, _) in FIXTURE_DATA.items()}


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: _shuffled(value[key], rng) for key in keys}
    if isinstance(value, list):
        return [_shuffled(item, rng) for item in value]
    return value


class _CarefulDumper(yaml.SafeDumper):
    """PyYAML's writer, quoting what YAML 1.2 reads as a non-string as well.

    PyYAML quotes only what its own YAML 1.1 resolver would misread, so it writes the strings
    ``0E0`` and ``1e5`` bare, which YAML 1.2 (and the strict reader) rightly read as floats:
    a person who writes that file has written a number, and the property would compare a
    string with a float. A careful writer quotes them.
    """


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    try:
        bare_is_text = resolve_plain_scalar(value) == value
    except ReaderError:  # a spelling the reader refuses bare: quoting is what it asks for
        bare_is_text = False
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style=None if bare_is_text else "'"
    )


_CarefulDumper.add_representer(str, _represent_text)


def _messy_yaml(data: Any, header: str, seed: int) -> bytes:
    """``data`` as a person might write it: keys in any order, PyYAML's quoting and wrapping."""
    rng = random.Random(seed)
    dumped = yaml.dump(
        _shuffled(data, rng), Dumper=_CarefulDumper, allow_unicode=True, sort_keys=False,
        default_flow_style=rng.choice([False, None]), width=rng.choice([40, 80, 10_000]),
    )
    return ((header + "\n" if header else "") + dumped).encode("utf-8")


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    kind=st.sampled_from(sorted(FIXTURE_DATA)),
    edits=st.lists(st.tuples(st.integers(min_value=0), TEXT), min_size=1, max_size=4),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_generated_records_format_without_loss(
    kind: FileKind, edits: list[tuple[int, str]], seed: int
) -> None:
    data, header = FIXTURE_DATA[kind]
    paths = FREE_TEXT[kind]
    for index, text in edits:
        data = _replace(data, paths[index % len(paths)], text)
    try:
        SCHEMA_MODELS[kind].model_validate(data)
    except Exception:
        assume(False)
    raw = _messy_yaml(data, header, seed)
    try:
        read_yaml_bytes(raw)
    except Exception:
        assume(False)  # PyYAML wrote something the strict reader refuses (a CR line end)
    text = assert_nothing_lost(raw, kind)
    # The layout depends on the data alone, not on how the input was laid out.
    assert format_record(_messy_yaml(data, header, seed + 1), kind).text == text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-MAX_INTEGER, MAX_INTEGER)
    | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(TEXT.filter(lambda key: len(key) < 200), children, max_size=4),
    max_leaves=20,
)


@given(NUMBER_LIKE | TEXT)
def test_the_writer_quotes_every_text_a_reader_would_take_for_another_type(value: str) -> None:
    """Whatever the text, ``fmt`` writes it so that it reads back as that text: bare only when
    the strict reader, YAML 1.1 (PyYAML) and YAML 1.2 core all read a string there."""
    text = render({"value": value, "list": [value]}, None)
    again = read_yaml_text(text).data
    assert again == {"value": value, "list": [value]} and type(again["value"]) is str, text
    line = text.splitlines()[0]
    if line == f"value: {value}":  # written bare: every YAML reader must agree it is text
        assert yaml.safe_load(text)["value"] == value, text


def test_numbers_pyyaml_writes_bare_are_quoted_by_the_generator() -> None:
    """The generator's own fix, pinned: the inputs that made the property fail now and then."""
    for value in ("0E0", "1e5", "-2E+3", "0o17", ".inf", "~", "True"):
        dumped = yaml.dump({"v": value}, Dumper=_CarefulDumper)
        assert read_yaml_text(dumped).data == {"v": value}, dumped


@given(st.dictionaries(TEXT.filter(lambda key: len(key) < 200), JSON, max_size=5))
def test_any_json_data_renders_to_yaml_that_reads_back_the_same(data: dict[str, Any]) -> None:
    """The writer alone, on shapes and values no record has (keys of any text, nested lists)."""
    text = render(data, None)
    assert same(read_yaml_text(text).data, data), text
    assert render(read_yaml_text(text).data, None) == text


# -- the command --------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*")) if path.is_file() and not path.is_symlink()
    }


def test_check_writes_nothing_and_lists_what_would_change(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(valid_tree)
    assert main(["fmt", "--check", "--root", str(valid_tree)]) == 1
    out = capsys.readouterr().out
    assert f"{valid_tree / ARTICLE}: would reformat" in out
    assert f"{valid_tree / PERSON}: would reformat" in out
    assert "2 file(s) would be reformatted, 4 unchanged" in out
    assert snapshot(valid_tree) == before


def test_fmt_rewrites_then_check_passes(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--root", str(valid_tree)]) == 0
    assert "2 file(s) reformatted, 4 unchanged" in capsys.readouterr().out
    assert main(["fmt", "--check", "--root", str(valid_tree)]) == 0
    assert main(["validate", "--root", str(valid_tree)]) == 0


def test_fmt_formats_only_the_files_named(valid_tree: Path) -> None:
    before = snapshot(valid_tree)
    cwd = Path.cwd()
    os.chdir(valid_tree)
    try:
        assert main(["fmt", PERSON]) == 0
    finally:
        os.chdir(cwd)
    after = snapshot(valid_tree)
    assert after[PERSON] != before[PERSON]
    assert after[ARTICLE] == before[ARTICLE]


def test_a_refused_file_is_left_untouched_and_reported(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = valid_tree / PERSON
    broken.write_bytes(broken.read_bytes().replace(b"revision: 1", b"revision: '1'"))
    before = broken.read_bytes()
    assert main(["fmt", "--root", str(valid_tree)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:4:11: S003 revision: " in out
    assert "1 file(s) reformatted, 4 unchanged, 1 refused" in out
    assert broken.read_bytes() == before


def test_fmt_does_not_follow_links_or_leave_the_repository(
    valid_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.name != "posix":
        pytest.skip("needs symbolic links")
    outside = tmp_path / "outside.yaml"
    outside.write_bytes((VALID_TREE / PERSON).read_bytes())
    link = valid_tree / "curated/people/linked.yaml"
    link.symlink_to(outside)
    assert main(["fmt", "--root", str(valid_tree), str(link)]) == 1
    assert "I005" in capsys.readouterr().out
    assert outside.read_bytes() == (VALID_TREE / PERSON).read_bytes()
    assert link.is_symlink()
    assert main(["fmt", "--root", str(valid_tree), str(outside)]) == 2
    assert main(["fmt", "--root", str(valid_tree), str(valid_tree / "seeds/SHA256SUMS")]) == 2


def test_fmt_on_a_copy_of_the_real_tree_changes_no_model(tmp_path: Path) -> None:
    if not REAL_FILES:
        pytest.skip("no curated records yet")
    copy = tmp_path / "repo"
    shutil.copytree(REPOSITORY / "curated", copy / "curated", symlinks=True)
    before: dict[str, Any] = {}
    for path, _ in record_files(copy):
        try:
            before[path.relative_to(copy).as_posix()] = read_yaml_bytes(path.read_bytes()).data
        except Exception:
            continue  # being written right now; fmt will refuse it
    status = main(["fmt", "--root", str(copy)])
    assert status in (0, 1)
    for path, kind in record_files(copy):
        relative = path.relative_to(copy).as_posix()
        assert classify(PurePosixPath(relative)) == kind
        if relative in before:
            assert same(read_yaml_bytes(path.read_bytes()).data, before[relative]), relative


def test_fmt_refuses_oversized_files_and_named_pipes_without_reading_them(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = valid_tree / PLACE
    with big.open("ab") as stream:
        stream.write(b"aliases:\n" + b"- x\n" * 400_000)
    pipe = valid_tree / "curated/places/pipe.yaml"
    if hasattr(os, "mkfifo"):
        os.mkfifo(pipe)
    assert main(["fmt", "--root", str(valid_tree)]) == 1
    out = capsys.readouterr().out
    assert f"{big}:1:1: Y008 file is " in out
    if hasattr(os, "mkfifo"):
        assert f"{pipe}:1:1: Y007 not a regular file" in out
