"""The scalar validators' one-expression acceptance agrees with their full tests.

Every id, code and text of every record goes through these validators (about 70 calls per
article), so a valid plain string is accepted in one expression and everything else goes
through the full tests; these compare the two on values of every class.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from pydantic_core import PydanticCustomError

from iraq_ct_news.models import base, field_types


def _outcome(function: Any, value: Any) -> tuple[str, Any]:
    try:
        return "accepted", function(value)
    except PydanticCustomError as error:
        return error.type, str(error)


class _Text(str):
    """A subclass of str: not a plain string, so never taken by the one expression."""


_SPACES = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
           "\xa0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f",
           "\u205f", "\u3000"]
_OTHERS = ["a", "Z", "0", "-", "_", "ب", "TODO", "todo", "TODOs", "TODO_", "TODO:", "TODO ",
           "\u200b", "\ufeff", "\u180e", "é", "x" * 90, "S/RES/2396 (2017)", "Q42", "05gq02987"]


def _values(rng: random.Random) -> list[Any]:
    values: list[Any] = [None, 5, 1.5, b"bytes", ["a"], "", _Text("نص"), _Text(" "), _Text("TODO")]
    for _ in range(4000):
        pieces = [rng.choice(_SPACES if rng.random() < 0.4 else _OTHERS)
                  for _ in range(rng.randint(1, 4))]
        values.append("".join(pieces))
    values += [" " + other for other in _OTHERS] + [space for space in _SPACES]
    return values


def test_text_is_accepted_and_refused_as_by_its_full_tests() -> None:
    values = _values(random.Random(70))
    outcomes = [_outcome(field_types._validate_text, value) for value in values]
    assert outcomes == [_outcome(field_types._text_in_full, value) for value in values]
    kinds = {kind for kind, _ in outcomes}
    assert kinds == {"accepted", "string_type", "blank_text", "placeholder"}


@pytest.mark.parametrize(
    "rule",
    [field_types._ID, field_types._CAMEO, field_types._URL, field_types._COUNTRY,
     field_types._RESOLUTION, base._WIKIDATA, base._ROR],
    ids=lambda rule: rule.error_type,
)
def test_a_string_rule_accepts_and_refuses_as_its_full_test(rule: field_types.StringRule) -> None:
    rng = random.Random(rule.error_type)
    values = _values(rng) + [
        "fixture-iom", "a" * 80, "a" * 81, "043", "0331", "IRQ", "https://example.org/x",
        "https://" + "a" * 2000, _Text("fixture-iom"), _Text("IRQ"),
    ]
    fast = rule._fast_validator()
    outcomes = [_outcome(fast, value) for value in values]
    assert outcomes == [_outcome(rule.validate, value) for value in values]
    assert {kind for kind, _ in outcomes} >= {"accepted", "string_type", rule.error_type} - (
        {"accepted"} if rule is base._ROR else set()
    )
