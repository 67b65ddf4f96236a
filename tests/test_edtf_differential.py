"""The supported EDTF subset against python-edtf (``edtf`` on PyPI), where the two should agree:
every date of the subset is EDTF to python-edtf too and covers the same days; what python-edtf
accepts beyond the subset is refused here with a message that states the subset."""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from iraq_ct_news.models.edtf import EDTF_PATTERN, SUBSET, Edtf

from .tool_support import require

SUBSET_DATES = st.from_regex(EDTF_PATTERN, fullmatch=True)


def _day(value: Any) -> datetime.date | None:
    """A python-edtf bound as a date; None for an open end (±infinity)."""
    if isinstance(value, float):
        assert math.isinf(value)
        return None
    return datetime.date(value.tm_year, value.tm_mon, value.tm_mday)


def _bounds(parsed: Any) -> tuple[Any, Any]:
    try:
        return parsed.lower_strict(), parsed.upper_strict()
    except AttributeError:  # python-edtf 5 cannot compute a bound of an open ('..') interval
        return (parsed.lower.lower_strict() if hasattr(parsed.lower, "lower_strict") else -math.inf,
                parsed.upper.upper_strict() if hasattr(parsed.upper, "upper_strict") else math.inf)


@given(SUBSET_DATES)
def test_every_date_of_the_subset_is_edtf_with_the_same_days(text: str) -> None:
    edtf = require("edtf")
    ours = Edtf.parse(text)
    theirs = edtf.parse_edtf(text)
    low, high = _bounds(theirs)
    first, _, second = text.partition("/")
    # An unknown (empty) end means "not known"; python-edtf guesses ten years, so only the
    # bounded and the open ('..') ends are compared.
    if not ours.is_interval or first != "":
        assert _day(low) == ours.earliest, text
    if not ours.is_interval or second != "":
        assert _day(high) == ours.latest, text


BEYOND_THE_SUBSET = [
    "201X", "20XX", "2018-XX", "2018-04-XX", "XXXX",  # unspecified digits
    "2018-21", "2018-22", "2018-23", "2018-24",  # seasons
    "Y17000", "-1985", "0999", "3000",  # years outside 1000-2999
    "2018-04-11T10:30:00",  # a time
]


@pytest.mark.parametrize("text", BEYOND_THE_SUBSET)
def test_edtf_beyond_the_subset_is_refused_with_the_subset_stated(text: str) -> None:
    edtf = require("edtf")
    edtf.parse_edtf(text)  # EDTF to python-edtf ...
    with pytest.raises(ValidationError) as caught:  # ... but not in the subset, which is said
        TypeAdapter(Edtf).validate_python(text)
    assert SUBSET in str(caught.value)


@pytest.mark.parametrize("text", ["2018-02-30", "2018-13", "2018-04-31", "2018/2019/2020", "18"])
def test_what_neither_accepts(text: str) -> None:
    edtf = require("edtf")
    with pytest.raises(edtf.parser.edtf_exceptions.EDTFParseException):
        edtf.parse_edtf(text)
    with pytest.raises(ValueError):
        Edtf.parse(text)


def test_a_day_missing_from_the_calendar_is_refused_here_only() -> None:
    """python-edtf does not check the calendar (it accepts 1999-02-29); the subset does."""
    with pytest.raises(ValueError):
        Edtf.parse("1999-02-29")
    assert Edtf.parse("2000-02-29").latest == datetime.date(2000, 2, 29)
