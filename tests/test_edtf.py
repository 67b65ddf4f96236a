"""The EDTF date type: what it accepts, and the range of days each date covers."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.models import Edtf
from iraq_ct_news.models.edtf import EDTF_PATTERN, anchored


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2018", "2018-01-01", "2018-12-31", "year"),
        ("2018-02", "2018-02-01", "2018-02-28", "month"),
        ("2016-02", "2016-02-01", "2016-02-29", "month"),
        ("2018-04-11", "2018-04-11", "2018-04-11", "day"),
        ("2016-10-17/2017-07-10", "2016-10-17", "2017-07-10", "day"),
        ("2016-10/2017", "2016-10-01", "2017-12-31", "year"),
        ("2016-09?", "2016-09-01", "2016-09-30", "month"),
        ("2018~", "2018-01-01", "2018-12-31", "year"),
        ("2000-02-29", "2000-02-29", "2000-02-29", "day"),
    ],
)
def test_ranges(text: str, earliest: str, latest: str, precision: str) -> None:
    date = Edtf.parse(text)
    assert date.text == str(date) == text
    assert date.earliest == datetime.date.fromisoformat(earliest)
    assert date.latest == datetime.date.fromisoformat(latest)
    assert date.precision == precision


def test_qualifiers_and_open_ends() -> None:
    assert Edtf.parse("2016-09?").uncertain and not Edtf.parse("2016-09?").approximate
    assert Edtf.parse("2018~").approximate and not Edtf.parse("2018~").uncertain
    both = Edtf.parse("2018%")
    assert both.uncertain and both.approximate
    open_start = Edtf.parse("../2018-02-14")
    assert open_start.is_interval and open_start.earliest is None
    assert open_start.latest == datetime.date(2018, 2, 14)
    unknown_end = Edtf.parse("2018-02-15/")
    assert unknown_end.latest is None and unknown_end.precision == "day"


def test_order_is_checked_separately_from_syntax() -> None:
    assert Edtf.parse("2018/2017").is_ordered is False
    assert Edtf.parse("2017/2018").is_ordered is True
    assert Edtf.parse("2018-05/2018").is_ordered is True  # overlapping ranges are in order


@pytest.mark.parametrize(
    "text",
    ["", "2018-13", "2018-00", "2018-02-30", "2019-02-29", "1900-02-29", "0000-00-00",
     "2018-13-45", "0999", "3000", "18", "2018-4-11", "2018/04/11", "../..", "/", "2018??",
     " 2018", "2018 ", "2018\n", "٢٠١٨", "2018-04-11T00:00", "[2018]", "2018/2019/2020"],
)
def test_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Edtf.parse(text)
    assert re.search(anchored(EDTF_PATTERN), text) is None


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_every_calendar_day_is_accepted_and_covers_itself(day: datetime.date) -> None:
    date = Edtf.parse(day.isoformat())
    assert date.earliest == date.latest == day


@given(st.text(alphabet="0123456789-/?~%.", max_size=25))
def test_parser_and_published_pattern_agree(text: str) -> None:
    by_pattern = re.search(anchored(EDTF_PATTERN), text) is not None
    try:
        Edtf.parse(text)
    except ValueError:
        assert not by_pattern
    else:
        assert by_pattern


@given(
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
    st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
)
def test_intervals_cover_their_bounds(first: datetime.date, second: datetime.date) -> None:
    date = Edtf.parse(f"{first.isoformat()}/{second.isoformat()}")
    assert (date.earliest, date.latest) == (first, second)
    assert date.is_ordered == (first <= second)
