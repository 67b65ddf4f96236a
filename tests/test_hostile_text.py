"""Hostile text: output that could be forged, file names and ids of any bytes, line breaks git
does not see, and the search algorithms whose cost hostile text could blow up.

The properties compare each fast search with the obvious slow one on generated texts built to
repeat (where the fast paths take their shortcuts), and the output properties run the real
command line on file names holding every kind of character a terminal or a CI log acts on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.core.findings import Finding, render_findings
from iraq_ct_news.core.numerals import stated_numbers
from iraq_ct_news.core.textutil import printable
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.name_index import _MentionIndex
from iraq_ct_news.reading.needle_search import find_matches
from iraq_ct_news.reading.textindex import TextIndex
from iraq_ct_news.reading.yamlreader import read_yaml_bytes

from .conftest import VALID_TREE

#: Characters a terminal or a log viewer acts on, or that make ``print`` fail.
DANGEROUS = [
    "\n", "\r", "\x1b", "\x1b[2K", "\x07", "\x00", "\x85", "\x9b", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u200f", "\u061c", "\ufeff", "\u200b", "\udcff", "\udc80",
    "\U000e0001",
]


# -- class 3: one escaping function for everything printed -----------------------------------


@given(st.lists(st.sampled_from(DANGEROUS) | st.text(max_size=5), max_size=12).map("".join))
def test_printable_leaves_nothing_a_terminal_acts_on_and_json_reads_it_back(text: str) -> None:
    shown = printable(text)
    assert shown.isprintable() or shown == ""
    assert all(char not in shown for char in "\n\r\x1b\u202e")
    shown.encode("utf-8")  # a lone surrogate would raise here
    # The escapes are JSON's: inside a JSON string they decode to the original text (a text
    # with its own backslashes or quotes would need JSON's escaping of those first).
    if "\\" not in text and '"' not in text:
        assert json.loads(f'"{shown}"') == text


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_findings_cannot_forge_lines_or_reach_the_terminal_raw(output_format: str) -> None:
    finding = Finding(
        "curated/zz\n0 error(s), 0 warning(s)\n\x1b[2K\u202e\udcff.yaml", 1, 1, "I005",
        "message with \x1b]8;;http://x\x07 and \u2028 and \r", "error",
    )
    output = render_findings([finding], output_format)  # type: ignore[arg-type]
    output.encode("utf-8")
    assert not any(char in output for char in "\x1b\r\x07\u202e\u2028\udcff")
    lines = output.splitlines()
    if output_format == "json":
        document = json.loads(output)
        assert document["findings"][0]["path"] == finding.path  # exact, through the escapes
        assert document["findings"][0]["message"] == finding.message
    else:
        assert len(lines) == 2 and lines[-1] == "1 error(s), 0 warning(s)"


def _run(arguments: list[str], **environment: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "iraq_ct_news", *arguments],
        capture_output=True, timeout=60, env={**os.environ, **environment},
    )


@pytest.mark.skipif(sys.platform != "linux", reason="needs file names with any bytes")
@pytest.mark.parametrize(
    ("output_format", "cache"),
    [("text", "--no-cache"), ("text", "cache"), ("json", "--no-cache"), ("github", "cache")],
)
def test_file_names_with_any_bytes_are_printed_escaped_and_never_crash(
    tmp_path: Path, output_format: str, cache: str
) -> None:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    places = os.fsencode(tree / "curated/places")
    names = [b"zz\n0 error(s), 0 warning(s)\n.yaml", b"a\x1b[2K\xe2\x80\xae.yaml", b"\xff\xfe.yaml"]
    for name in names:
        with open(os.path.join(places, name), "wb") as stream:
            stream.write(b"a: 1\n")
    arguments = ["validate", "--root", str(tree), "--format", output_format]
    if cache == "--no-cache":
        arguments.append("--no-cache")
    for _ in range(2):  # a cold and a warm run
        done = _run(arguments, PYTHONIOENCODING="utf-8",
                    IRAQ_CT_NEWS_CACHE_DIR=str(tmp_path / "cache"))
        assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
        assert done.returncode == 1
        out = done.stdout.decode("utf-8")
        assert not any(char in out for char in "\x1b\u202e\r")
        if output_format == "json":
            paths = {f["path"] for f in json.loads(out)["findings"]}
            assert {os.fsencode(path).rsplit(b"/", 1)[-1] for path in paths} >= set(names)
        else:
            assert not re.search(r"^0 error\(s\)", out, re.M), "a file name forged a summary"
            assert len(re.findall(r"error\(s\), \d+ warning\(s\)$", out, re.M)) == 1


def test_release_ids_are_checked_before_they_are_printed(tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    assert _run(["build", "--root", str(tree), "--no-cache"]).returncode == 0
    places = tree / "dataset/places.jsonl"
    line = places.read_text(encoding="utf-8").splitlines()[0]
    forged = line.replace('"id":"fixture-baghdad"', '"id":"x\\n0 error(s), 0 warning(s)\\u001b[2K"')
    places.write_text(line + "\n" + forged + "\n", encoding="utf-8")
    articles = tree / "dataset/articles.jsonl"
    articles.write_text(articles.read_text(encoding="utf-8").replace(
        '"id":"fixture-iom-agreement"', '"id":"fixture-\\udcff"'), encoding="utf-8")
    done = _run(["validate", "--root", str(tree), "--no-cache"])
    out = done.stdout.decode("utf-8")
    assert b"Traceback" not in done.stderr and "\x1b" not in out
    assert re.search(r"^.*dataset:1:1: V006 warning: versioning not checked", out, re.M), out
    assert not re.search(r"^0 error\(s\)", out.rsplit("\n", 2)[0], re.M)


# -- class 4: line breaks git does not see ------------------------------------------------------


@pytest.mark.parametrize("char", ["\r", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("where", ["plain", "quoted", "block", "comment", "key"])
def test_every_line_break_but_lf_is_refused_where_git_shows_it(char: str, where: str) -> None:
    text = {
        "plain": f"a: x{char}b: y\n",
        "quoted": f'a: "x{char}y"\n',
        "block": f"a: |-\n  x{char}y\n",
        "comment": f"# note{char}a: 1\nb: 2\n",
        "key": f"a{char}b: 1\n",
    }[where]
    with pytest.raises(ReaderError) as caught:
        read_yaml_bytes(text.encode("utf-8"))
    assert caught.value.code == "Y009"
    line, column = caught.value.line, caught.value.column
    lines = text.split("\n")  # git's and grep's lines
    assert lines[line - 1][column - 1] == char


def test_a_line_separator_written_as_an_escape_is_content() -> None:
    assert read_yaml_bytes(b'a: "x\\u2028y"\n').data == {"a": "x\u2028y"}


# -- class 6: searches, against the obvious slow ones --------------------------------------------

REPEATING = st.builds(
    lambda unit, times, noise: "".join(
        "b" if index in noise else char for index, char in enumerate(unit * times)
    ),
    st.text("ab ", min_size=1, max_size=4), st.integers(1, 80),
    st.sets(st.integers(0, 300), max_size=3),
)


def _slow_find_all(text: str, needle: str, limit: int | None) -> list[int]:
    starts = [i for i in range(len(text) - len(needle) + 1) if text.startswith(needle, i)]
    return starts if limit is None else starts[:limit]


@given(REPEATING, REPEATING, st.none() | st.integers(1, 200))
def test_find_matches_agrees_with_the_slow_search(text: str, needle: str, limit: int | None) -> None:
    needle = needle[: len(needle) // 3 + 1]
    expected = _slow_find_all(text, needle, limit)
    matches = find_matches(text, needle, limit)
    assert matches.starts() == expected
    assert matches.count == len(expected)
    assert [matches.nth(i) for i in range(matches.count)] == expected


def _slow_flexible(text: str, exact: str, prefix: str | None, suffix: str | None) -> list[int]:
    """Starts of every place the old regular-expression search accepted, with no window."""
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    found = []
    for start in range(len(text)):
        match = pattern.match(text, start)
        if match is None:
            continue
        before = " ".join(text[:start].split())
        after = " ".join(text[match.end():].split())
        if prefix and prefix.strip() and not before.endswith(" ".join(prefix.split())):
            continue
        if suffix and suffix.strip() and not after.startswith(" ".join(suffix.split())):
            continue
        found.append(start)
    return found


SPACED = st.lists(st.sampled_from(["a", "b", " ", "\n", "\xa0", "  "]), max_size=30).map("".join)


@given(SPACED, SPACED, st.none() | SPACED, st.none() | SPACED, st.integers(1, 70))
def test_seed_spans_agree_with_the_slow_search(
    text: str, exact: str, prefix: str | None, suffix: str | None, occurrence: int
) -> None:
    exact, prefix = exact[:6], prefix[:8] if prefix else prefix
    expected = _slow_flexible(text, exact, prefix, suffix)
    found = resolve_span(text, exact, prefix, suffix, occurrence, flexible_whitespace=True)
    if len(expected) >= occurrence:
        assert found.found and found.start == expected[occurrence - 1]
    else:
        assert found.problem == "P005"


@given(REPEATING, st.lists(REPEATING | st.text("abx ", max_size=50), max_size=10))
def test_the_seed_index_agrees_with_substring_search(text: str, queries: list[str]) -> None:
    text = text * 3
    index = TextIndex(text)
    for start in range(0, len(text), 37):
        queries.append(text[start : start + 40])
    for query in queries:
        assert (query in index) == (query in text)


@given(
    st.lists(st.sets(st.sampled_from("abcd"), min_size=1, max_size=2), max_size=150),
    st.lists(st.sampled_from("abcd"), min_size=1, max_size=6),
)
def test_the_mention_index_agrees_with_comparing_every_window(
    forms: list[set[str]], name: list[str]
) -> None:
    variants = [tuple(sorted(word)) for word in forms]
    expected = any(
        all(name[k] in variants[start + k] for k in range(len(name)))
        for start in range(len(variants) - len(name) + 1)
    )
    assert _MentionIndex(variants).contains(name) == expected


# -- class 10: number words in the letter forms copied text uses ---------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 ملیون دولار", 2_000_000),  # Persian yeh
        ("٣ ملایین", 3_000_000),  # Persian yeh in the plural
        ("1.5 ملیار", 1_500_000_000),
        ("5 الاف", 5000),  # alef without hamza
        ("10 ألفًا", 10_000),  # with tanween
        ("2 مليـون", 2_000_000),  # tatweel
    ],
)
def test_scale_words_are_read_in_every_spelling_the_normaliser_folds(text: str, value: int) -> None:
    assert value in stated_numbers(text)


_PERSIAN_FORMS = str.maketrans({"ي": "ی", "ك": "ک"})


@given(st.integers(1, 999), st.sampled_from(["ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات"]),
       st.booleans(), st.booleans())
def test_a_scale_word_means_the_same_in_persian_letters_and_with_marks(
    number: int, word: str, persian: bool, marks: bool
) -> None:
    spelled = word.translate(_PERSIAN_FORMS) if persian else word
    if marks:
        spelled = spelled[0] + "ـ" + spelled[1:] + "ً"
    assert stated_numbers(f"{number} {spelled}") == stated_numbers(f"{number} {word}")
