"""The whole path of a contribution, on a copy of the repository.

A new seed goes into ``seeds/``; ``new`` scaffolds it; the record is curated (placeholders
replaced, entities resolved, one new person record, a quote and an event anchored); then
``validate`` finds nothing, ``fmt`` puts the hand-edited file in canonical layout, ``build``
writes the release, and the article is there through ``load_curated`` and through ``load`` of
the built release, with its spans at the right offsets. A later correction needs a new revision.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pytest

import iraq_ct_news as ictn
from iraq_ct_news.commands.cli import main
from iraq_ct_news.release.dataset import clear_cache

from . import contribution_support as contribution

#: What a clone holds that the commands read or write.


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    return contribution.copy_repository(tmp_path / "iraq-ct-news")


def cli(root: Path, *arguments: str) -> int:
    return main([*arguments[:1], "--root", str(root), *arguments[1:]])


@pytest.mark.data
def test_from_a_new_seed_to_the_release(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = datetime.date.today()
    released_before = ictn.load(clone / "dataset")
    seed = clone / "seeds" / contribution.SEED_NAME
    contribution.write_seed(seed)

    assert cli(clone, "new", "--seed", str(seed), "--id", contribution.ARTICLE_ID) == 0
    record = clone / "curated" / "articles" / f"{contribution.ARTICLE_ID}.yaml"
    assert record.is_file()
    sums = (clone / "seeds" / "SHA256SUMS").read_text(encoding="ascii")
    assert f"{hashlib.sha256(seed.read_bytes()).hexdigest()}  {contribution.SEED_NAME}\n" in sums

    # Before curation, validate lists the placeholders and the build refuses the tree. (Only
    # the new record's findings are counted: the tree may hold other articles.)
    assert cli(clone, "validate", str(record)) == 1
    assert "13 error(s)" in capsys.readouterr().out
    assert cli(clone, "build") == 1
    capsys.readouterr()

    contribution.curate(clone, today)
    assert cli(clone, "validate") == 0
    capsys.readouterr()
    assert cli(clone, "validate", str(record)) == 0
    assert capsys.readouterr().out.strip() == "0 error(s), 0 warning(s)"
    assert cli(clone, "fmt", "--check") == 1  # hand-edited layout
    capsys.readouterr()
    assert cli(clone, "fmt") == 0
    assert cli(clone, "fmt", "--check") == 0
    assert cli(clone, "build") == 0
    assert cli(clone, "build", "--check") == 0
    capsys.readouterr()

    curated = ictn.load_curated(clone)
    article = curated.articles[contribution.ARTICLE_ID]
    assert article.seed == contribution.SEED_NAME and article.created == today
    assert article.published.earliest == datetime.date(2019, 3, 12)
    assert curated.entity(contribution.PERSON_ID).name.en == "Layla Haddad"

    clear_cache()
    released = ictn.load(clone / "dataset")
    # The release holds every curated article: the ones released before, and the new one.
    assert set(released.articles) == set(curated.articles)
    assert set(released_before.articles) | {contribution.ARTICLE_ID} <= set(released.articles)
    article = released.articles[contribution.ARTICLE_ID]
    (quote,) = article.quotes
    assert quote.start is not None and quote.end is not None
    assert article.body[quote.start : quote.end] == contribution.QUOTE
    (event,) = article.events
    assert (event.cameo, event.date.text if event.date else None) == ("040", "2019-03-11")
    assert contribution.ARTICLE_ID in [hit.id for hit in released.search("تجفيف مصادر تمويل")]


def test_a_released_article_is_corrected_with_a_new_revision(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = datetime.date.today()
    contribution.write_seed(clone / "seeds" / contribution.SEED_NAME)
    assert cli(clone, "new", "--seed", f"{clone}/seeds/{contribution.SEED_NAME}",
               "--id", contribution.ARTICLE_ID) == 0
    path = contribution.curate(clone, today)
    assert cli(clone, "fmt") == 0 and cli(clone, "build") == 0
    capsys.readouterr()

    text = path.read_text(encoding="utf-8")
    corrected = text.replace("Iraq: workshop in Baghdad", "Iraq: a workshop in Baghdad")
    path.write_text(corrected, encoding="utf-8")
    assert cli(clone, "validate") == 1
    assert "V002" in capsys.readouterr().out

    # revision + 1, and a modified date later than the released one.
    bumped = corrected.replace("revision: 1", "revision: 2").replace(
        f"modified: '{today.isoformat()}'",
        f"modified: '{(today + datetime.timedelta(days=1)).isoformat()}'",
    )
    path.write_text(bumped, encoding="utf-8")
    assert cli(clone, "validate") == 0
