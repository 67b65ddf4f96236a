"""Amounts (C011): an amount's parties agree with what the amount is.

Summing amounts by recipient is how readers count aid, so only a flow of money (a transfer,
pledge, loan or grant, or an amount whose kind the text leaves unstated) may name a provider
and a recipient; the value of an agreement, a contract or a budget names its parties by role
instead, and only an agreement or a contract has signatories."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import AMOUNT_AGREEMENT_KINDS, AMOUNT_FLOW_KINDS, Article
from .base import declare, file_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C011 = declare(
    "C011", "amount roles disagree with its kind", "error",
    "`provider` and `recipient` say who gives money to whom, so they belong only to a flow of "
    "money (`kind` transfer, pledge, loan, grant, or unstated); the value of an agreement, a "
    "contract, a budget or another sum no one is said to pay names its `parties` with roles, "
    "and a `signatory` belongs only to an agreement-value or a contract-value.",
    "Set `kind` to what the text says the sum is, and move the parties of a sum no one pays "
    "from provider/recipient to `parties` (e.g. `- entity: …` with `role: signatory`).",
)


@file_check(C011, kinds=("article",))
def check_amount_roles(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    for index, amount in enumerate(article.amounts):
        if amount.kind not in AMOUNT_FLOW_KINDS:
            for role in ("provider", "recipient"):
                if getattr(amount, role) is not None:
                    checked.report.add(
                        C011,
                        f"amounts[{index}] is a {amount.kind}, which no one pays anyone: "
                        f"its {role} belongs in parties",
                        ("amounts", index, role),
                    )
        if amount.kind in AMOUNT_AGREEMENT_KINDS:
            continue
        for position, party in enumerate(amount.parties):
            if party.role == "signatory":
                checked.report.add(
                    C011,
                    f"amounts[{index}] is a {amount.kind}, which has no signatories "
                    f"(parties[{position}])",
                    ("amounts", index, "parties", position, "role"),
                )
