"""``export sqlite``: every table with its keys, join views and an Arabic full-text index, read
back with sqlite3 and served by Datasette (started on 127.0.0.1, stopped by the test)."""

from __future__ import annotations

import csv
import json
import sqlite3
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.arabic import search_key
from iraq_ct_news.release.dataset import load
from iraq_ct_news.release.sqlite import VIEWS
from iraq_ct_news.release.tables import TABLES

from .conftest import REPOSITORY
from .datasette_support import served
from .tool_support import require

DATASET = REPOSITORY / "dataset"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "ictn.db"
    assert main(["export", "sqlite", str(path), "--path", str(DATASET)]) == 0
    return path


def test_every_table_with_its_rows_and_keys(database: Path) -> None:
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table in TABLES:
        with (DATASET / table.path).open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))[1:]
        stored = connection.execute(f'SELECT * FROM "{table.name}"').fetchall()
        # The same cells as the CSV: numbers as numbers, the rest as the CSV's text.
        numeric = [column.type in ("integer", "number") for column in table.columns]
        assert [[_as_csv(v, n) for v, n in zip(row, numeric, strict=True)] for row in stored] == [
            [_as_csv(float(v), True) if n and v else v for v, n in zip(row, numeric, strict=True)]
            for row in rows
        ], table.name
        keys = connection.execute(f'PRAGMA foreign_key_list("{table.name}")').fetchall()
        declared = {(key.resource or table.name, field)
                    for key in table.foreign_keys for field in key.fields}
        assert {(key[2], key[3]) for key in keys} == declared, table.name
        info = connection.execute(f'PRAGMA table_info("{table.name}")').fetchall()
        assert [row[1] for row in info if row[5]] == list(table.primary_key)
    codes = [row[0] for row in connection.execute("SELECT code FROM cameo")]
    assert all(isinstance(code, str) and len(code) >= 3 for code in codes)


def _as_csv(value: Any, numeric: bool) -> str:
    if value is None:
        return ""
    if numeric:
        assert isinstance(value, (int, float))
        return repr(float(value))
    assert isinstance(value, str)
    return value


def test_keys_are_enforced(database: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(database.read_bytes())
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE quotes SET speaker_id = 'nobody' WHERE rowid = 1")
    connection.commit()
    assert connection.execute("PRAGMA foreign_key_check").fetchall()


def test_views_join(database: Path) -> None:
    connection = sqlite3.connect(database)
    for name, _, _ in VIEWS:
        assert connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] > 0, name
    ds = load(DATASET)
    quotes = connection.execute(
        "SELECT article_id, quote_id, speaker_name_en FROM quotes_with_speakers"
    ).fetchall()
    assert sorted(quotes) == sorted(
        (a.id, q.id, ds.entity(q.speaker).name.en) for a in ds.articles.values() for q in a.quotes
    )


def proclitic_words(ds: Any) -> list[tuple[str, str, str]]:
    """(article id, a body word glued to و + ال, the word without و) for every such word."""
    found = []
    for article in ds.articles.values():
        for word in article.body.split():
            word = word.strip("،.:؛\"«»()")
            if word.startswith("وال") and len(word) > 5 and word.isalpha():
                found.append((article.id, word, word[1:]))
    return found


def test_full_text_search_folds_hamza_and_proclitics(database: Path) -> None:
    from iraq_ct_news.release.sqlite import fts_query

    connection = sqlite3.connect(database)
    ds = load(DATASET)
    words = proclitic_words(ds)
    assert words
    for article_id, _, stem in words:
        hits = {row[0] for row in connection.execute(
            "SELECT id FROM articles_fts WHERE articles_fts MATCH ?", (fts_query(stem),))}
        assert article_id in hits, stem
    hamza = {"أ", "إ", "آ"}
    for article in ds.articles.values():
        for word in article.body.split():
            # A trigram index looks up three characters or more (README).
            if hamza & set(word) and word.isalpha() and len(word) >= 3:
                bare = word.translate(str.maketrans("أإآ", "ااا"))
                hits = {row[0] for row in connection.execute(
                    "SELECT id FROM articles_fts WHERE articles_fts MATCH ?", (fts_query(bare),))}
                assert article.id in hits, bare


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_answers_a_join_and_an_arabic_search(database: Path) -> None:
    require("datasette")
    metadata = database.with_name(f"{database.stem}.metadata.json")
    with served(database, metadata) as address:
        base = f"{address}/{database.stem}"
        joined = _get(f"{base}/quotes_with_speakers.json?_shape=array&_size=max")
        ds = load(DATASET)
        assert len(joined) == sum(len(a.quotes) for a in ds.articles.values())
        assert all(row["speaker_name_en"] == ds.entity(row["speaker_id"]).name.en
                   for row in joined)
        article_id, _, stem = proclitic_words(ds)[0]
        query = urllib.parse.quote(search_key(stem))
        found = _get(f"{base}/articles.json?_search={query}&_shape=array&_col=id")
        assert article_id in {row["id"] for row in found}
        # Datasette follows the single-column keys: a quote's speaker is a link to entities.
        table = _get(f"{base}/quotes.json?_labels=on&_shape=objects&_size=1")
        assert isinstance(table["rows"][0]["speaker_id"], dict)
        described = _get(f"{address}/-/metadata.json")
        assert described["databases"][database.stem]["tables"]["quotes"]["columns"]


def test_export_refuses_a_folder_and_a_missing_parent(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "sqlite", str(tmp_path), "--path", str(DATASET)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["export", "sqlite", str(tmp_path / "no" / "x.db"), "--path", str(DATASET)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def _edit_first_article(record: dict[str, Any], what: str) -> None:
    if what == "speaker":
        record["quotes"][0]["speaker"] = "nobody-at-all"
    else:
        record["mentions"][0]["start"] += 1


@pytest.mark.parametrize(
    ("what", "message"), [("speaker", "which no registry holds"), ("offsets", "do not cut")]
)
def test_a_hand_edited_release_is_refused_with_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, message: str
) -> None:
    import shutil

    broken = shutil.copytree(DATASET, tmp_path / "dataset")
    articles = broken / "articles.jsonl"
    lines = articles.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    edited = next(r for r in records if r["quotes"] and r["status"] == "active")
    _edit_first_article(edited, what)
    articles.write_text(
        "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records),
        encoding="utf-8",
    )
    for name in ("sqlite", "spacy"):
        output = tmp_path / f"out.{name}"
        assert main(["export", name, str(output), "--path", str(broken)]) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
        assert not output.exists()
