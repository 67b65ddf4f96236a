"""``load()`` makes each article into its model on first use; the mapping behaves as a dict."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

import iraq_ct_news as ictn
from iraq_ct_news.reading.jsonl import LazyRecords
from iraq_ct_news.release import dataset as dataset_module

from .release_support import add_second_article, build_release, copy_valid_tree


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_valid_tree(tmp_path_factory.mktemp("lazy") / "repo")
    add_second_article(tree)
    return build_release(tree)


def fresh(folder: Path) -> ictn.Dataset:
    dataset_module.clear_cache()
    return ictn.load(folder)


def test_articles_are_made_on_first_use_and_kept(release: Path) -> None:
    articles = fresh(release).articles
    assert isinstance(articles, LazyRecords)
    assert len(articles) == 2 and list(articles) == ["fixture-iom-agreement", "fixture-second"]
    assert "fixture-second" in articles and "nobody" not in articles
    first = articles["fixture-second"]
    assert isinstance(first, ictn.Article) and articles["fixture-second"] is first
    assert articles.get("nobody") is None
    with pytest.raises(KeyError):
        articles["nobody"]
    assert dict(articles) == {a.id: a for a in articles.values()}


def test_touching_every_article_gives_the_eagerly_validated_records(release: Path) -> None:
    from iraq_ct_news.models import Article
    from iraq_ct_news.reading.jsonl import read_jsonl

    eager = {a.id: a for a in read_jsonl(release / "articles.jsonl", Article)}
    assert dict(fresh(release).articles.items()) == eager


def test_a_damaged_article_line_names_file_and_line_when_used(
    release: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "dataset"
    shutil.copytree(release, damaged)
    path = damaged / "articles.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"revision":1', '"revision":"one"')
    path.write_text("".join(lines), encoding="utf-8")
    articles = fresh(damaged).articles
    assert articles["fixture-iom-agreement"].id == "fixture-iom-agreement"
    with pytest.raises(ictn.BuildError, match=r"articles.jsonl:2: not a valid Article record"):
        articles["fixture-second"]


def test_a_line_without_an_id_is_refused_by_load(release: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "dataset"
    shutil.copytree(release, damaged)
    with (damaged / "articles.jsonl").open("a", encoding="utf-8") as stream:
        stream.write("not json at all\n")
    with pytest.raises(ictn.BuildError, match=r"articles.jsonl:3: not a valid Article record"):
        fresh(damaged)


def test_threads_share_one_record(release: Path) -> None:
    articles = fresh(release).articles
    seen: list[object] = []
    threads = [
        threading.Thread(target=lambda: seen.append(articles["fixture-iom-agreement"]))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(record) for record in seen}) == 1


def test_search_touches_every_article(release: Path) -> None:
    found = fresh(release).search("الامن القومي")
    assert [a.id for a in found] == ["fixture-iom-agreement", "fixture-second"]
