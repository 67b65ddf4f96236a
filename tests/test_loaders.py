"""``load()``, ``load_curated()`` and ``Dataset``: typed, read-only, cached, light to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import iraq_ct_news as ictn
from iraq_ct_news.release import dataset as dataset_module
from iraq_ct_news.release import names

from .release_support import ARTICLE, add_second_article, build_release, copy_valid_tree, edit


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_valid_tree(tmp_path_factory.mktemp("loaders") / "repo")
    add_second_article(tree, withdrawn=True)
    build_release(tree)
    return tree


def test_load_returns_typed_records(tree: Path) -> None:
    ds = ictn.load(tree / "dataset")
    assert isinstance(ds, ictn.Dataset)
    assert ds.version == ictn.DATA_VERSION
    assert list(ds.articles) == ["fixture-iom-agreement", "fixture-second"]
    article = ds.articles["fixture-iom-agreement"]
    assert isinstance(article, ictn.Article)
    assert article.published.earliest is not None and article.published.earliest.isoformat() == "2021-12-20"
    assert article.quotes[0].speaker == "fixture-gigauri"
    assert article.events[0].cameo == "057"
    quote = article.quotes[0]
    assert quote.start is not None and article.body[quote.start : quote.end] == quote.exact
    assert isinstance(ds.people["fixture-gigauri"], ictn.Person)
    assert isinstance(ds.themes["fixture-pve"], ictn.Theme)
    assert ds.cameo["057"].quad_class == 1


def test_load_is_cached_per_folder(tree: Path, tmp_path: Path) -> None:
    first = ictn.load(tree / "dataset")
    assert ictn.load(str(tree / "dataset")) is first
    assert ictn.load(tree / "dataset" / ".." / "dataset") is first
    other = copy_valid_tree(tmp_path / "other")
    build_release(other)
    assert ictn.load(other / "dataset") is not first


def test_load_reads_no_yaml(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iraq_ct_news.reading.yamlreader as reader

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("load() must not parse YAML")

    monkeypatch.setattr(reader, "read_yaml_file", refuse)
    dataset_module.clear_cache()
    assert len(ictn.load(tree / "dataset").articles) == 2


def test_load_curated_equals_the_built_release(tree: Path) -> None:
    curated = ictn.load_curated(tree)
    released = ictn.load(tree / "dataset")
    assert dict(curated.articles) == dict(released.articles)
    assert dict(curated.people) == dict(released.people)
    assert dict(curated.organizations) == dict(released.organizations)
    assert dict(curated.places) == dict(released.places)
    assert dict(curated.themes) == dict(released.themes)
    assert dict(curated.cameo) == dict(released.cameo)
    assert curated.path is None


def test_load_curated_raises_with_every_finding(tmp_path: Path) -> None:
    tree = copy_valid_tree(tmp_path / "repo")
    edit(tree, ARTICLE, "speaker: fixture-gigauri", "speaker: nobody-known")
    edit(tree, ARTICLE, "cameo: '057'", "cameo: '999'")
    with pytest.raises(ictn.ValidationError) as caught:
        ictn.load_curated(tree)
    codes = sorted(f.code for f in caught.value.findings if f.is_error)
    assert codes == ["I003", "I003"]
    assert isinstance(caught.value, ictn.IraqCtNewsError)


def test_mappings_are_read_only(tree: Path) -> None:
    ds = ictn.load(tree / "dataset")
    with pytest.raises(TypeError):
        ds.articles["x"] = ds.articles["fixture-second"]  # type: ignore[index]
    with pytest.raises(Exception):
        ds.articles["fixture-second"].id = "changed"  # type: ignore[misc]


def test_entity(tree: Path) -> None:
    ds = ictn.load(tree / "dataset")
    assert isinstance(ds.entity("fixture-gigauri"), ictn.Person)
    assert isinstance(ds.entity("fixture-iom"), ictn.Organization)
    assert isinstance(ds.entity("fixture-baghdad"), ictn.Place)
    with pytest.raises(KeyError, match="no person, organisation or place"):
        ds.entity("fixture-pve")  # a theme is not an entity
    with pytest.raises(KeyError):
        ds.entity("fixture-iom-agreement")  # nor is an article


@pytest.mark.parametrize(
    "query",
    [
        "الامن القومي",  # bare alef for hamza on alef (stored: الأمن)
        "الأمن القومى",  # alef maqsura for ya
        "المنظمة الدولية للهجره",  # ha for ta marbuta
        "المُنظّمة",  # diacritics
        "المنـــظمة",  # tatweel
        "١٦ كانون الاول ٢٠٢١",  # Arabic-Indic digits (stored: 16 ... 2021)
        "IOM",
        "iom",
        "fixture headline",
    ],
)
def test_search_normalises_arabic(tree: Path, query: str) -> None:
    ds = ictn.load(tree / "dataset")
    assert [a.id for a in ds.search(query)] == ["fixture-iom-agreement", "fixture-second"]


def test_search_misses_and_never_alters_text(tree: Path) -> None:
    ds = ictn.load(tree / "dataset")
    body = ds.articles["fixture-iom-agreement"].body
    assert ds.search("داعش") == []
    assert ds.search("   ") == []
    assert ds.search("الامن")
    assert ds.articles["fixture-iom-agreement"].body == body
    assert "الأمن" in body and "ة" in body


def test_load_without_a_release_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ictn.BuildError, match="not a release folder"):
        ictn.load(tmp_path)
    monkeypatch.setattr(dataset_module, "packaged_release", lambda: None)
    with pytest.raises(ictn.BuildError, match="no release found"):
        ictn.load()


def test_a_damaged_release_names_file_and_line(tree: Path, tmp_path: Path) -> None:
    import shutil

    damaged = tmp_path / "dataset"
    shutil.copytree(tree / "dataset", damaged)
    with (damaged / "people.jsonl").open("a", encoding="utf-8") as stream:
        stream.write('{"id": "half a record"}\n')
    with pytest.raises(ictn.BuildError, match=r"people.jsonl:2: not a valid Person record"):
        ictn.load(damaged)


def test_packaged_release_prefers_the_copy_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "iraq_ct_news"
    (package / "release").mkdir(parents=True)
    assert names.packaged_release.__module__ == "iraq_ct_news.release.names"
    fake_file = package / "release" / "names.py"
    monkeypatch.setattr(names, "__file__", str(fake_file))
    assert names.packaged_release() is None  # not a source checkout, nothing packaged
    (package / "_release").mkdir()
    (package / "_release" / "articles.jsonl").write_text("", encoding="utf-8")
    assert names.packaged_release() == package / "_release"


def test_import_does_not_load_pydantic() -> None:
    code = (
        "import sys, iraq_ct_news as m\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported eagerly'\n"
        "assert 'iraq_ct_news.release.dataset' not in sys.modules\n"
        "m.load\n"
        "assert 'pydantic' in sys.modules and 'iraq_ct_news.release.dataset' in sys.modules\n"
        "print(sorted(n for n in dir(m) if n.startswith('load')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['load', 'load_curated']"


def test_a_source_checkout_falls_back_to_its_dataset_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editable install has no _release inside the package: it reads <repo>/dataset."""
    fake_file = tmp_path / "src" / "iraq_ct_news" / "release" / "names.py"
    fake_file.parent.mkdir(parents=True)
    monkeypatch.setattr(names, "__file__", str(fake_file))
    assert names.packaged_release() is None  # no release built yet
    (tmp_path / "dataset").mkdir()
    (tmp_path / "dataset" / "articles.jsonl").write_text("", encoding="utf-8")
    assert names.packaged_release() == tmp_path / "dataset"
