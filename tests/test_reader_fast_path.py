"""The reader's fast path never accepts what the event reader refuses, and reads the same data.

The fast path (libyaml's composer) only ever answers "this is the data" or "ask the event
reader"; these tests hold it to that on every file the project has, on edits of them that touch
each construct the reader refuses, and on generated YAML-like text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.reading.yamlevents import strict_read
from iraq_ct_news.reading.yamlfast import fast_read
from iraq_ct_news.reading.yamlreader import read_yaml_text
from iraq_ct_news.store.formatting import same

from .conftest import FIXTURES, REPOSITORY

FILES = sorted(
    [*(REPOSITORY / "curated").rglob("*.yaml"), *(FIXTURES / "valid").rglob("*.yaml")]
)


def assert_agree(text: str) -> None:
    """Fast path data (when it answers) equals the event reader's, type for type."""
    fast = fast_read(text)
    try:
        strict = strict_read(text)
    except ReaderError:
        assert fast is None, "the fast path accepted a text the event reader refuses"
        return
    if fast is not None:
        assert same(fast, strict.data)


@pytest.mark.data
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(REPOSITORY).as_posix())
def test_real_files_take_the_fast_path_and_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = fast_read(text)
    if "!" not in text and "&" not in text and "*" not in text:
        assert fast is not None, "a plain record should not need the event reader"
    assert_agree(text)


def test_positions_of_a_fast_read_equal_the_event_readers() -> None:
    text = (REPOSITORY / "tests/fixtures/valid/curated/articles/fixture-iom-agreement.yaml").read_text(
        encoding="utf-8"
    )
    fast = read_yaml_text(text)
    assert fast.layout is None  # nothing located yet
    strict = strict_read(text)
    assert fast.positions == strict.positions
    assert fast.key_positions == strict.key_positions
    assert fast.block_content_lines == strict.block_content_lines


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: ! b\n",
        "a: !!str b\n",
        "! a: b\n",
        "a: !<!> b\n",
        "a: [!x 1]\n",
        "a: {b: !x 1}\n",
        "a: &x [1]\n",
        '"a":!x b\n',
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "1: a\n",
        "null: a\n",
        "[a]: b\n",
        "a: 99999999999999999999999\n",
        "a: 1e999\n",
        "- a\n",
        "a: 1\n---\nb: 2\n",
        "",
        "# only a comment\n",
        "a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(40)),
        "a: " + "[" * 40 + "]" * 40 + "\n",
        "a: \u2028!x b\n",
        "a: \x85*x\n",
    ],
)
def test_every_refused_construct_goes_to_the_event_reader(text: str) -> None:
    assert fast_read(text) is None
    assert_agree(text)


YAML_ALPHABET = st.sampled_from(
    list(":-?[]{},&*!|>'\"%@`#\n\t \\<=~.0123456789abnultrue") + ["عربي", "\u2028", "\x85"]
)


@given(st.lists(YAML_ALPHABET, max_size=80).map("".join))
def test_yaml_like_text(text: str) -> None:
    assert_agree(text)


@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    assert_agree(text)


@given(st.data())
def test_edits_of_a_real_record(data: st.DataObject) -> None:
    """Splice YAML punctuation into a real record: the two readers still agree."""
    path = data.draw(st.sampled_from(FILES))
    text = path.read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.lists(YAML_ALPHABET, min_size=1, max_size=6).map("".join))
    assert_agree(text[:position] + insert + text[position:])
