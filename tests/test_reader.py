"""The strict YAML reader: what it resolves, what it refuses, and where it says the problem is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.core.errors import IraqCtNewsError, ReaderError
from iraq_ct_news.reading.yamlreader import read_yaml_bytes, read_yaml_text


def read(text: str) -> dict[str, object]:
    return read_yaml_text(text).data


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        ("null", None),
        ("", None),
        ("true", True),
        ("false", False),
        ("0", 0),
        ("-12", -12),
        ("1.5", 1.5),
        ("2e3", 2000.0),
        # YAML 1.2 core's other spellings of null and booleans, read as every YAML tool does:
        ("~", None),
        ("Null", None),
        ("NULL", None),
        ("True", True),
        ("TRUE", True),
        ("False", False),
        ("FALSE", False),
        # Exponents without a fraction are numbers in YAML 1.2 core and JSON:
        ("1e5", 100000.0),
        ("0E0", 0.0),
        ("-1E-2", -0.01),
        # YAML 1.1 shorthands that YAML 1.2 core reads as text stay text:
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("2018-04-11", "2018-04-11"),
        ("2018-04-11T10:00:00Z", "2018-04-11T10:00:00Z"),
        ("1_000", "1_000"),
        ("1:30", "1:30"),
        ("0b101", "0b101"),
        ("-Infinity", "-Infinity"),
        ("NaN", "NaN"),
    ],
)
def test_plain_scalars_resolve_as_every_yaml_tool_agrees(scalar: str, expected: object) -> None:
    value = read(f"value: {scalar}\n")["value"]
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(
    "scalar",
    ["0o17", "0x1F", "0X1f", "043", "-07", "+5", "+0", ".5", "-.5", "1.", "+1.5e3",
     ".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN"],
)
def test_number_spellings_yaml_tools_read_differently_are_refused(scalar: str) -> None:
    """YAML 1.2 core reads each as a number JSON cannot hold or other tools read otherwise."""
    if scalar == "0X1f":  # not a 1.2 core spelling at all: text everywhere
        assert read(f"value: {scalar}\n") == {"value": scalar}
        return
    for text in (f"value: {scalar}\n", f"value: [a, {scalar}]\n", f"{{value: {scalar}}}\n"):
        with pytest.raises(ReaderError) as caught:
            read(text)
        assert caught.value.code == "Y011", text
        assert repr(scalar) in caught.value.message and "quote" in caught.value.message
    assert read(f"value: '{scalar}'\n") == {"value": scalar}


def test_quoted_scalars_are_always_text() -> None:
    assert read("a: '1'\nb: \"true\"\nc: 'null'\n") == {"a": "1", "b": "true", "c": "null"}


def test_arabic_text_and_blocks_are_kept_exactly() -> None:
    text = "body: |-\n  فقرة أولى\n\n  فقرة ثانية\nheadline: عنوان «داعش»\n"
    assert read(text) == {"body": "فقرة أولى\n\nفقرة ثانية", "headline": "عنوان «داعش»"}


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\na: 2\n", "Y003", 2, 1),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", "Y003", 4, 3),
        ("a: &x 1\n", "Y004", 1, 4),
        ("a: 1\nb: *x\n", "Y004", 2, 4),
        ("a: &x 1\nb: *x\n", "Y004", 1, 4),
        ("a:\n  <<: {b: 1}\n", "Y005", 2, 3),
        ("a: !!python/object:os.system ls\n", "Y006", 1, 4),
        ("a: !!str x\n", "Y006", 1, 4),
        ("a: !custom x\n", "Y006", 1, 4),
        ("- a\n", "Y007", 1, 1),
        ("just text\n", "Y007", 1, 1),
        ("", "Y007", 1, 1),
        ("# only a comment\n", "Y007", 1, 1),
        ("a: 1\n---\nb: 2\n", "Y007", 2, 1),
        ("a:\n\t- b\n", "Y002", 2, 1),
        ("a: [1, 2\n", "Y002", 2, 1),
        ("a: 'x\x00'\n", "Y002", 1, 6),
        ("1: one\n", "Y010", 1, 1),
        ("null: x\n", "Y010", 1, 1),
        ("? [a]\n: 1\n", "Y010", 1, 3),
        ("a: " + "9" * 30 + "\n", "Y008", 1, 4),
        ("a: 1e999\n", "Y008", 1, 4),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "Y008", 1, 35),
    ],
)
def test_refusals_are_located(text: str, code: str, line: int, column: int) -> None:
    with pytest.raises(ReaderError) as caught:
        read_yaml_text(text)
    assert (caught.value.code, caught.value.line, caught.value.column) == (code, line, column)


@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"\xef\xbb\xbfa: 1\n", "Y001", 1),
        (b"\xff\xfea\x00:\x00", "Y001", 1),
        (b"a: 1\nb: \xc3\x28\n", "Y001", 2),
        (b"a: 1\r\nb: 2\r\n", "Y009", 1),
        (b"a: 1\nb: 2\rc: 3\n", "Y009", 2),
    ],
)
def test_byte_level_refusals(raw: bytes, code: str, line: int) -> None:
    with pytest.raises(ReaderError) as caught:
        read_yaml_bytes(raw)
    assert (caught.value.code, caught.value.line) == (code, line)


def test_positions_point_at_each_value_and_key() -> None:
    document = read_yaml_text(
        "id: x\nquotes:\n- speaker: a\n  exact: عربي\n- speaker: b\n  exact: نص\n"
    )
    assert document.positions[("quotes", 1, "speaker")] == (5, 12)
    assert document.key_positions[("quotes", 1, "exact")] == (6, 3)
    assert document.positions[("quotes", 0, "exact")] == (4, 10)
    # An absent path is located at its nearest written ancestor.
    assert document.locate(("quotes", 1, "delivery")) == (5, 3)


def test_block_content_maps_offsets_to_lines_and_columns() -> None:
    document = read_yaml_text("a: 1\nbody: |-\n  first\n\n  second line\n")
    offset = document.data["body"].index("line")
    assert document.locate_in_block(("body",), offset) == (5, 10)


def test_duplicate_key_message_names_the_first_line() -> None:
    with pytest.raises(ReaderError, match="first written on line 1"):
        read_yaml_text("a: 1\nb: 2\na: 3\n")


@given(st.text())
def test_arbitrary_text_gives_data_or_a_reader_error(text: str) -> None:
    try:
        document = read_yaml_text(text)
    except ReaderError as error:
        assert error.code.startswith("Y") and error.line >= 1 and error.column >= 1
    else:
        assert isinstance(document.data, dict)


@given(st.binary())
def test_arbitrary_bytes_give_data_or_a_reader_error(raw: bytes) -> None:
    try:
        read_yaml_bytes(raw)
    except IraqCtNewsError as error:
        assert isinstance(error, ReaderError)


YAML_ALPHABET = st.sampled_from(list(":-?[]{},&*!|>'\"%@`#\n\t \\<=~.0123456789abnultrue") + ["عربي"])


@given(st.lists(YAML_ALPHABET, max_size=60).map("".join))
def test_yaml_like_text_gives_data_or_a_reader_error(text: str) -> None:
    """Text made of YAML's own punctuation reaches far more parser states than random text."""
    try:
        document = read_yaml_text(text)
    except ReaderError as error:
        assert error.code.startswith("Y") and error.line >= 1 and error.column >= 1
    else:
        assert isinstance(document.data, dict)
        assert all(isinstance(key, str) for key in document.data)
