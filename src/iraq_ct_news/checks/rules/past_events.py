"""Past events bounded by publication (D007).

An event the article reports as having happened happened by the time the article was
published, so the publication date bounds it even when the text gives no date of its own. A
null date is therefore left only where nothing bounds it (an article whose own date has no
known end), and an open start (``../X``) cannot end after publication.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...models import Article
from ...models.edtf import Edtf
from .base import declare, file_check, fixer

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

D007 = declare(
    "D007", "past event not bounded by publication", "error",
    "An event the article reports as having happened (`status: occurred`) took place by the "
    "time the article was published, so its date is at least bounded by publication: "
    "`../<published>` (or an earlier bound the text proves), basis `inferred`, with the words "
    "that place it in the past as evidence. A null date (basis `unknown`) is left only when "
    "the publication date itself has no known end. An open start (`../X`) says the event was "
    "over by X, which cannot be after publication.",
    "For a null date: set `date: '../<published>'` (the message gives the value), "
    "`date_basis: inferred`, and `date_evidence` quoting the words that report the event as "
    "past (its past-tense verb: `عقد`, `التقى`, `وقّع` ...), which only a reader can choose; or "
    "mark it `status: planned` when the article announces it. An open start that ends after "
    "publication with basis inferred is narrowed to publication by `iraq-ct-news validate "
    "--fix`.",
)


@file_check(D007, kinds=("article",))
def check_past_events(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    if article.published is None:
        return  # an undated page bounds nothing
    published_latest = article.published.latest
    if published_latest is None:
        return
    bound = article.published.text.rsplit("/", 1)[-1]
    for index, event in enumerate(article.events):
        if event.status != "occurred":
            continue
        if event.date is None:
            if event.date_basis == "unknown":
                checked.report.add(
                    D007,
                    f"events[{index}] is reported as having happened, so publication bounds "
                    f"it: date it '../{bound}' with basis inferred and the words that place it "
                    "in the past as evidence",
                    ("events", index, "date"),
                )
            continue
        latest = event.date.latest
        if event.date.start is None and latest is not None and latest > published_latest:
            checked.report.add(
                D007,
                f"events[{index}] is dated {event.date} (over by {latest.isoformat()}), after "
                f"the article's publication ({article.published}) that reports it as past",
                ("events", index, "date"),
            )


@fixer(D007, kinds=("article",))
def fix_open_start_after_publication(data: dict[str, Any]) -> list[str]:
    """An inferred ``../X`` that ends after publication becomes ``../<publication's end>``: the
    record itself says the event was over by then, and the evidence still places it in the
    past. A null date is left to a person (which words are the evidence is a reading)."""
    published = _edtf(data.get("published"))
    if published is None or published.latest is None:
        return []
    bound = published.text.rsplit("/", 1)[-1]
    changes: list[str] = []
    events = data.get("events")
    for index, event in enumerate(events if isinstance(events, list) else []):
        if not isinstance(event, dict) or event.get("status", "occurred") != "occurred":
            continue
        date = _edtf(event.get("date"))
        if date is None or event.get("date_basis") != "inferred" or date.start is not None:
            continue
        if date.latest is not None and date.latest > published.latest:
            event["date"] = f"../{bound}"
            changes.append(f"events[{index}].date: {date} → ../{bound} (over by publication)")
    return changes


def _edtf(value: Any) -> Edtf | None:
    if not isinstance(value, str):
        return None
    try:
        return Edtf.parse(value)
    except ValueError:
        return None
