"""What an amount is (record format 1.2.0): its kind, its parties, and the upgrade from 1.1.0."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.models import Amount
from iraq_ct_news.reading.migrations.amounts import upgrade_amounts

from .conftest import VALID_TREE
from .test_invalid_fixtures import apply_case

_SPAN = {"value": 16, "currency": "USD", "exact": "16 كانون", "purpose": {"en": "test"}}


def _tree_with_amount(tmp_path: Path, amount_yaml: str) -> Path:
    tree = tmp_path / "repo"
    shutil.copytree(VALID_TREE, tree)
    apply_case({"edits": [{
        "file": "curated/articles/fixture-iom-agreement.yaml",
        "replace": [["amounts: []\n", "amounts:\n" + amount_yaml]],
    }]}, tree)
    return tree


def test_an_agreement_value_with_signatories_is_valid(tmp_path: Path) -> None:
    tree = _tree_with_amount(tmp_path, (
        "- value: 16\n  currency: USD\n  kind: agreement-value\n  exact: 16 كانون\n"
        "  parties:\n  - entity: fixture-iom\n    role: signatory\n"
        "  - entity: fixture-baghdad\n    role: signatory\n  purpose:\n    en: test\n"
    ))
    assert validate_repository(tree).findings == []


@pytest.mark.parametrize("kind", ["transfer", "pledge", "loan", "grant", "unstated"])
def test_a_flow_of_money_may_name_provider_and_recipient(tmp_path: Path, kind: str) -> None:
    tree = _tree_with_amount(tmp_path, (
        f"- value: 16\n  currency: USD\n  kind: {kind}\n  exact: 16 كانون\n"
        "  provider: fixture-iom\n  recipient: fixture-baghdad\n  purpose:\n    en: test\n"
    ))
    assert validate_repository(tree).findings == []


def test_an_amount_party_must_exist(tmp_path: Path) -> None:
    tree = _tree_with_amount(tmp_path, (
        "- value: 16\n  currency: USD\n  kind: budget\n  exact: 16 كانون\n"
        "  parties:\n  - entity: no-such-body\n    role: holder\n  purpose:\n    en: test\n"
    ))
    findings = validate_repository(tree).findings
    assert [f.code for f in findings if f.severity == "error"] == ["I003"], findings


def test_an_amount_without_kind_reads_as_unstated() -> None:
    assert Amount.model_validate(_SPAN).kind == "unstated"


def test_an_unknown_kind_or_role_is_refused() -> None:
    with pytest.raises(ValidationError):
        Amount.model_validate({**_SPAN, "kind": "donation"})
    with pytest.raises(ValidationError):
        Amount.model_validate({**_SPAN, "parties": [{"entity": "x", "role": "payer"}]})


def _article_1_1_0(*amounts: dict[str, Any]) -> dict[str, Any]:
    return {"schema_version": "1.1.0", "id": "an-article", "amounts": list(amounts)}


def test_the_upgrade_writes_unstated_and_keeps_the_roles() -> None:
    article = _article_1_1_0(
        {**_SPAN, "provider": "a-donor", "recipient": "iraq"},
        {**_SPAN, "kind": "pledge"},
        dict(_SPAN),
    )
    changes = upgrade_amounts(article)
    first, second, third = article["amounts"]
    assert first["kind"] == "unstated"
    assert (first["provider"], first["recipient"]) == ("a-donor", "iraq")
    assert list(first)[:3] == ["value", "currency", "kind"]
    assert second["kind"] == "pledge"
    assert third["kind"] == "unstated"
    assert len(changes) == 2
    assert changes[0].startswith("amounts[0]: kind unstated")
    assert "provider and recipient kept as written" in changes[0]
    assert changes[1].startswith("amounts[2]: kind unstated")
    for amount in article["amounts"]:
        Amount.model_validate(amount)


def test_the_upgrade_runs_once_and_leaves_other_data_alone() -> None:
    article = _article_1_1_0({**_SPAN, "provider": "a-donor"})
    upgrade_amounts(article)
    upgraded = copy.deepcopy(article)
    assert upgrade_amounts(article) == []
    assert article == upgraded
    for odd in ({"id": "x"}, {"amounts": None}, {"amounts": "TODO"}, {"amounts": [3, None]}):
        before = copy.deepcopy(odd)
        assert upgrade_amounts(odd) == []
        assert odd == before
