"""Search finds what a reader types: the query is normalised by the same function as the text,
entity search lists articles with their spans, and the commands answer in JSON for scripts."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.arabic import search_key
from iraq_ct_news.release.dataset import load
from iraq_ct_news.release.search import snippet, text_key

from .conftest import REPOSITORY
from .release_support import add_second_article, build_release, copy_valid_tree

# Letters of Modern Standard Arabic, hamza forms and carriers included, and spaces.
LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة"
ARABIC_WORDS = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=8), min_size=1,
                        max_size=5).map(" ".join)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
NOISE = "\u200c\u200d\u200e\u200f\u061c\u2066\u2069\ufeff\u0640"  # ZWNJ, ZWJ, RLM, tatweel …
# Presentation forms and ligatures a keyboard or a PDF copy may produce, by what NFKC makes them.
LIGATURES = {"لا": "\ufefb", "لأ": "\ufef7", "لإ": "\ufef9", "لآ": "\ufef5", "الله": "\ufdf2"}


def typed_like_a_reader(text: str, data: st.DataObject) -> str:
    """``text`` as a reader might type or paste it: decomposed, with ligatures, invisible and
    bidi characters, tatweel and diacritics in random places, and bare hamza carriers."""
    if data.draw(st.booleans(), label="bare carriers"):
        text = text.translate(str.maketrans("أإآؤئى", "اااويي"))
    if data.draw(st.booleans(), label="ligatures"):
        for letters, ligature in LIGATURES.items():
            text = text.replace(letters, ligature)
    pieces: list[str] = []
    for char in text:
        pieces.append(char)
        if char != " ":
            pieces.append(data.draw(st.text(alphabet=HARAKAT + NOISE, max_size=2), label="marks"))
    text = "".join(pieces)
    form = data.draw(st.sampled_from(["NFC", "NFD", "NFKD"]), label="form")
    return unicodedata.normalize(form, text)


@given(ARABIC_WORDS, st.data())
def test_a_query_typed_any_way_has_the_key_of_the_text(text: str, data: st.DataObject) -> None:
    query = typed_like_a_reader(text, data)
    assert text_key(query) == text_key(text)


@given(ARABIC_WORDS, ARABIC_WORDS, ARABIC_WORDS, st.data())
def test_the_snippet_cuts_the_stored_words_whatever_the_query_looks_like(
    before: str, words: str, after: str, data: st.DataObject
) -> None:
    text = unicodedata.normalize("NFC", f"{before} {words} {after}")
    found = snippet(text, typed_like_a_reader(words, data))
    assert found is not None
    assert text_key(found.match) == text_key(words)
    assert found.match in text  # the stored text, never the normalised key


def test_the_normaliser_folds_each_thing_a_reader_varies() -> None:
    assert search_key("رئيس") == search_key("رييس")
    assert search_key("مؤتمر") == search_key("موتمر")
    assert search_key("\ufefb") == search_key("لا")
    assert search_key("ال\u200cعراق\u200f") == search_key("العراق")
    assert search_key(unicodedata.normalize("NFD", "الأمم")) == search_key("الامم")
    assert search_key("العـــراق") == search_key("العراق")
    assert search_key("العِرَاقُ") == search_key("العراق")
    assert search_key("٢٠١٨") == "2018"
    # Folding never merges distinct letters.
    assert search_key("عراق") != search_key("غراق")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = copy_valid_tree(tmp_path_factory.mktemp("search") / "repo")
    add_second_article(tree, withdrawn=True)
    return build_release(tree)


def test_every_body_word_is_found_however_it_is_typed(dataset: Path) -> None:
    """Every word of every stored body, typed with variations, finds its article."""
    ds = load(dataset)
    checked = 0
    for article in ds.articles.values():
        for word in set(article.body.split()):
            if not any("\u0621" <= char <= "\u064a" for char in word):
                continue
            variant = unicodedata.normalize("NFD", word).replace("لا", "\ufefb")
            variant = "\u200f" + "\u200c".join(variant)
            assert article in ds.search(variant), word
            checked += 1
    assert checked > 20


def test_mentions_of_lists_articles_and_spans(dataset: Path) -> None:
    ds = load(dataset)
    entity_ids = {m.entity for a in ds.articles.values() for m in a.mentions}
    assert entity_ids
    for entity_id in entity_ids:
        hits = ds.mentions_of(entity_id)
        assert hits and [h.article.id for h in hits] == sorted(h.article.id for h in hits)
        for hit in hits:
            for mention in hit.mentions:
                assert mention.entity == entity_id
                text = hit.article.body if mention.scope == "body" else hit.article.headline.ar
                assert mention.start is not None and mention.end is not None
                assert text[mention.start : mention.end] == mention.exact
    never_named = next(iter(set(ds.people) - entity_ids), None)
    if never_named is not None:
        assert ds.mentions_of(never_named) == []
    with pytest.raises(KeyError):
        ds.mentions_of("nobody-at-all")


def test_search_entity_command_in_json(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ds = load(dataset)
    entity_id = next(iter(ds.articles.values())).mentions[0].entity
    assert main(["search", "--entity", entity_id, "--format", "json", "--path", str(dataset)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["entity"]["id"] == entity_id
    expected = ds.mentions_of(entity_id)
    assert document["total"] == len(expected)
    assert [r["id"] for r in document["results"]] == [h.article.id for h in expected]
    first = document["results"][0]["mentions"][0]
    assert (first["start"], first["end"]) == (expected[0].mentions[0].start,
                                              expected[0].mentions[0].end)
    assert main(["search", "--entity", entity_id, "--path", str(dataset)]) == 0
    assert entity_id in capsys.readouterr().out
    assert main(["search", "--entity", "no-such-id", "--path", str(dataset)]) == 2
    assert "no person, organisation or place" in capsys.readouterr().err
    assert main(["search", "--path", str(dataset)]) == 2


def test_search_text_command_in_json(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ds = load(dataset)
    article = ds.articles["fixture-iom-agreement"]
    word = max(article.body.split(), key=len)
    query = unicodedata.normalize("NFD", word)
    assert main(["search", query, "--format", "json", "--path", str(dataset)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["total"] == len(ds.search(word)) >= 1
    hit = next(r for r in document["results"] if r["id"] == article.id)
    assert hit["snippet"]["match"] == word
    assert hit["headline_ar"] == article.headline.ar


def test_stats_in_json(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--format", "json", "--path", str(dataset)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["records"]["articles"] == 2
    assert document["withdrawn_articles"] == 1
    assert sum(document["active_articles_per_publisher"].values()) == 1


def test_show_in_json(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "fixture-iom-agreement", "--format", "json", "--path", str(dataset)]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "fixture-iom-agreement"


def test_diff_exits_1_on_a_deletion(dataset: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    new = shutil.copytree(dataset, tmp_path / "new")
    articles = new / "articles.jsonl"
    lines = articles.read_text(encoding="utf-8").splitlines(keepends=True)
    articles.write_text("".join(line for line in lines if '"fixture-second"' not in line),
                        encoding="utf-8")
    assert main(["diff", str(dataset), str(new)]) == 1
    captured = capsys.readouterr()
    assert "not allowed" in captured.out and "fixture-second" in captured.out
    assert "deleted" in captured.err
    assert main(["diff", str(dataset), str(dataset)]) == 0


def test_the_readme_example_search_finds_its_article() -> None:
    ds = load(REPOSITORY / "dataset")
    assert ds.search("الامم المتحده")
    assert ds.search("\ufefb") == ds.search("لا")
