"""Datasette's search of an exported database finds exactly the articles ``Dataset.search``
finds, for plain, variant-letter and diacritised spellings, through Datasette's HTTP API (run
in-process) with the plugin the package ships; and each table says its own licence."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.arabic import search_key
from iraq_ct_news.release.dataset import load
from iraq_ct_news.release.search import text_key
from iraq_ct_news.release.sqlite import TEXT_COLUMNS, fts_query

from . import browser_support
from .conftest import REPOSITORY
from .datasette_support import served
from .tool_support import require

DATASET = REPOSITORY / "dataset"
#: Fixed queries of the three kinds the package promises to fold: the plain spelling, a variant
#: letter (ta marbuta written as ha) and a diacritised one, plus a phrase and Latin case.
FIXED_QUERIES = ("مكافحة", "مكافحه", "مُكافحة", "الأمم المتحدة", "الامم المتحده", "UNODC", "unodc")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "ictn.db"
    assert main(["export", "sqlite", str(path), "--path", str(DATASET)]) == 0
    return path


def spellings(word: str) -> list[str]:
    """``word`` as written, with its variant letters folded, and with a diacritic added."""
    variant = word.translate(str.maketrans({"ة": "ه", "أ": "ا", "إ": "ا", "ى": "ي"}))
    diacritised = word[0] + "\u064e" + word[1:]
    return [word, variant, diacritised]


def corpus_queries() -> list[str]:
    """Words of the release (every article's longest few) in their three spellings."""
    ds = load(DATASET)
    words: set[str] = set()
    for article in ds.articles.values():
        body_words = sorted({w for w in article.body.split() if w.isalpha() and len(w) >= 4},
                            key=lambda w: (-len(w), w))
        words.update(body_words[:3])
    return [q for word in sorted(words)[:40] for q in spellings(word)]


def package_ids(query: str) -> set[str]:
    return {article.id for article in load(DATASET).search(query)}


def datasette_app(database: Path) -> Any:
    require("datasette")
    from datasette.app import Datasette

    metadata = json.loads(database.with_name("ictn.metadata.json").read_text(encoding="utf-8"))
    return Datasette([str(database)], metadata=metadata)


async def _get_json(app: Any, path: str) -> Any:
    response = await app.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def datasette_ids(app: Any, queries: list[str]) -> list[set[str]]:
    async def run() -> list[set[str]]:
        found = []
        for query in queries:
            rows = await _get_json(
                app, f"/ictn/articles.json?_search={urllib.parse.quote(query)}"
                "&_shape=array&_col=id&_size=max",
            )
            found.append({row["id"] for row in rows})
        return found

    return asyncio.run(run())


def test_the_plugin_is_loaded_by_datasette(database: Path) -> None:
    app = datasette_app(database)
    plugins = asyncio.run(_get_json(app, "/-/plugins.json"))
    assert "iraq-ct-news" in {plugin["name"] for plugin in plugins}


def test_datasette_search_agrees_with_the_package(database: Path) -> None:
    app = datasette_app(database)
    queries = [*FIXED_QUERIES, *corpus_queries()]
    # A trigram index cannot look up fewer than three characters (said in the README).
    queries = [q for q in queries if len(text_key(q)) >= 3]
    for query, found in zip(queries, datasette_ids(app, queries), strict=True):
        assert found == package_ids(query), query
    # Every spelling of a word taken from a body finds at least that article, in both.
    for word in corpus_queries()[::3]:
        found = datasette_ids(app, spellings(word))
        assert found[0] and found[0] == found[1] == found[2], word


def test_other_databases_keep_datasettes_own_escaping(tmp_path: Path, database: Path) -> None:
    """The plugin replaces ``escape_fts`` only on a database this package wrote."""
    require("datasette")
    from datasette.app import Datasette

    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("CREATE VIRTUAL TABLE notes_fts USING fts5(text, content='notes')")
    connection.execute("INSERT INTO notes VALUES (1, 'مكافحة الإرهاب')")
    connection.execute("INSERT INTO notes_fts (rowid, text) VALUES (1, 'مكافحة الإرهاب')")
    connection.commit()
    connection.close()
    app = Datasette([str(other), str(database)])

    async def run() -> tuple[Any, Any]:
        plain = await _get_json(app, "/other/notes.json?_search=%D9%85%D9%83%D8%A7%D9%81%D8%AD%D8%A9&_shape=array")
        ours = await _get_json(app, "/ictn.json?sql=select+escape_fts(%27%D9%85%D9%8F%D9%83%D8%A7%D9%81%D8%AD%D8%A9%27)+as+q&_shape=array")
        return plain, ours

    plain, ours = asyncio.run(run())
    assert [row["id"] for row in plain] == [1]
    assert ours == [{"q": fts_query("مُكافحة")}]
    assert fts_query("مُكافحة") == '"' + search_key("مكافحه") + '"'


def test_each_table_says_its_licence(database: Path) -> None:
    metadata = json.loads(database.with_name("ictn.metadata.json").read_text(encoding="utf-8"))
    assert "license" not in metadata  # no one licence for everything
    tables = metadata["databases"]["ictn"]["tables"]
    connection = sqlite3.connect(database)
    for name, table in tables.items():
        if table.get("hidden"):
            continue
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')}
        if columns & TEXT_COLUMNS:
            assert "publishers" in table["license"], name
        else:
            assert table["license"].startswith("CC BY 4.0"), name
    assert "publishers" in tables["articles"]["license"]


driver = browser_support.driver  # the fixture, shared with the review-page browser tests


def test_the_search_box_in_a_browser_finds_what_the_package_finds(
    database: Path, driver: Any, tmp_path: Path
) -> None:
    """Datasette served on 127.0.0.1 (stopped by the test), its search box typed into in
    Chromium: each spelling lists the articles ``Dataset.search`` finds."""
    require("datasette")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    metadata = database.with_name("ictn.metadata.json")
    with served(database, metadata) as address:
        base = f"{address}/ictn/articles"
        shots = Path(os.environ.get("IRAQ_CT_NEWS_SCREENSHOTS") or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        for number, query in enumerate(spellings("مكافحة")):
            driver.get(base)
            box = driver.find_element(By.CSS_SELECTOR, "input[name=_search]")
            box.clear()
            box.send_keys(query, Keys.ENTER)
            WebDriverWait(driver, 20).until(lambda d: "_search=" in d.current_url)
            ids = {
                cell.text for cell in
                driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td.col-id")
            }
            assert ids == package_ids(query), query
            driver.execute_script(
                "document.querySelector('input[name=_search]').scrollIntoView()"
            )
            assert driver.save_screenshot(str(shots / f"datasette-search-{number}.png"))
