"""The NLP formats: a lossless token policy, and every mention and quotation surviving the NER
tags (JSON Lines and Hugging Face), the quote attribution records, the Web Annotations and the
spaCy DocBin."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.arabic import PROCLITIC_CHAINS, article_proclitics
from iraq_ct_news.models import Mention
from iraq_ct_news.release.dataset import load
from iraq_ct_news.release.export_source import release_of
from iraq_ct_news.release.jsonld import ANNOTATION_CONTEXT
from iraq_ct_news.release.nlp import KIND_LABELS, NER_TAGS, entity_kinds, outermost_mentions
from iraq_ct_news.release.tokens import TokenStats, rebuild, tokenize

from .conftest import REPOSITORY
from .tool_support import require

DATASET = REPOSITORY / "dataset"
TEXT = st.lists(
    st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىةـ") + ["ال", "وال", "بال", "لل", "و", "ب"]
        + list("\u064e\u0650\u0651") + list(" \n،.«»()-0123456789ﻻ") + ["\n\n", "abc"]
    ),
    max_size=40,
).map("".join)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        if not text.strip():
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if text[start].isspace() or text[end - 1].isspace():
            continue
        spans.append((start, end))
    return text, spans


@given(text_and_spans())
@example(("والعراق وللأمم المتحدة", [(1, 7), (8, 14)]))
@example(("  \nقال", [(3, 6)]))
def test_tokens_rebuild_the_text_and_every_span_is_whole_tokens(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, spans = case
    stats = TokenStats()
    tokens = tokenize(text, [edge for span in spans for edge in span], stats)
    assert rebuild(tokens) == text
    assert all(token.text for token in tokens)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for start, end in spans:
        assert start in starts and end in ends
    assert stats.tokens == len(tokens)


@given(st.text(alphabet="والفبكلعراقمتد", min_size=1, max_size=10))
def test_proclitics_split_before_the_article_only(word: str) -> None:
    length = article_proclitics(word)
    if length:
        assert word[:length] in PROCLITIC_CHAINS
        assert word[length:].startswith("ال") and len(word) - length >= 5
    pieces = [t.text for t in tokenize(word)]
    assert "".join(pieces) == word


def test_proclitic_examples() -> None:
    assert [t.text for t in tokenize("والعراق")] == ["و", "العراق"]
    assert [t.text for t in tokenize("وبالمكتب")] == ["وب", "المكتب"]
    assert [t.text for t in tokenize("للعراق")] == ["للعراق"]  # the elided alef stays elided
    assert [t.text for t in tokenize("والد")] == ["والد"]  # a word of its own
    assert [t.text for t in tokenize("وزير")] == ["وزير"]
    # At a mention boundary the proclitic goes whatever follows it.
    assert [t.text for t in tokenize("وبغداد", [1])] == ["و", "بغداد"]


def test_bio_keeps_the_outermost_of_nested_mentions() -> None:
    def mention(start: int, end: int) -> Mention:
        return Mention.model_construct(entity="x", exact="x" * (end - start), start=start,
                                       end=end, scope="body")

    kept, dropped = outermost_mentions([mention(5, 9), mention(0, 10), mention(12, 14)])
    assert [(m.start, m.end) for m in kept] == [(0, 10), (12, 14)] and dropped == 1


# -- every span survives every format -----------------------------------------------------------


def expected_mentions(ds: Any) -> dict[str, set[tuple[int, int, str, str]]]:
    kinds = entity_kinds(release_of(ds))
    wanted: dict[str, set[tuple[int, int, str, str]]] = {}
    for article in ds.articles.values():
        if article.status != "active":
            continue
        for scope in ("headline", "body"):
            wanted[f"{article.id}#{scope}"] = {
                (m.start, m.end, KIND_LABELS[kinds[m.entity]], m.entity)
                for m in article.mentions if m.scope == scope
            }
    return wanted


def scope_text(ds: Any, record_id: str) -> str:
    article_id, scope = record_id.split("#")
    article = ds.articles[article_id]
    return str(article.body if scope == "body" else article.headline.ar)


def decode_bio(tokens: list[str], whitespace: list[str], tags: list[str]
               ) -> set[tuple[int, int, str]]:
    spans = set()
    offset = 0
    current: list[Any] | None = None
    for token, space, tag in zip(tokens, whitespace, tags, strict=True):
        if tag.startswith("B-") or tag == "O" or (current and tag[2:] != current[2]):
            if current:
                spans.add(tuple(current))
            current = [offset, offset + len(token), tag[2:]] if tag != "O" else None
        else:  # I- continuing the current mention
            assert current is not None, "an I- tag without a B- before it"
            current[1] = offset + len(token)
        offset += len(token) + len(space)
    if current:
        spans.add(tuple(current))
    return spans  # type: ignore[return-value]


def ner_lines() -> list[dict[str, Any]]:
    lines = (DATASET / "ner.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_mention_survives_the_ner_tags() -> None:
    ds = load(DATASET)
    wanted = expected_mentions(ds)
    records = ner_lines()
    assert {r["id"] for r in records} == set(wanted)
    total = 0
    for record in records:
        text = scope_text(ds, record["id"])
        assert "".join(t + s for t, s in zip(record["tokens"], record["whitespace"])) == text
        tags = [NER_TAGS[i] for i in record["ner_tags"]]
        spans = decode_bio(record["tokens"], record["whitespace"], tags)
        assert spans == {(s, e, label) for s, e, label, _ in wanted[record["id"]]}
        assert {(s["start"], s["end"], s["label"], s["entity_id"]) for s in record["spans"]} == (
            wanted[record["id"]])
        total += len(spans)
    assert total == sum(len(v) for v in wanted.values()) > 100


def test_datasets_reads_the_ner_config(tmp_path: Path) -> None:
    datasets = require("datasets")
    ner = datasets.load_dataset(str(DATASET), "ner", split="train",
                                cache_dir=str(tmp_path / "cache"))
    tag_feature = ner.features["ner_tags"].feature
    assert isinstance(tag_feature, datasets.ClassLabel)
    assert tag_feature.names == list(NER_TAGS)
    ds = load(DATASET)
    wanted = expected_mentions(ds)
    for row in ner:
        tags = [tag_feature.int2str(i) for i in row["ner_tags"]]
        assert "".join(t + s for t, s in zip(row["tokens"], row["whitespace"])) == scope_text(
            ds, row["id"])
        assert decode_bio(row["tokens"], row["whitespace"], tags) == {
            (s, e, label) for s, e, label, _ in wanted[row["id"]]}
    attribution = datasets.load_dataset(str(DATASET), "quote_attribution", split="train",
                                        cache_dir=str(tmp_path / "cache"))
    assert attribution.num_rows == sum(
        len(a.quotes) for a in ds.articles.values() if a.status == "active")


def test_every_quote_survives_the_attribution_records() -> None:
    ds = load(DATASET)
    lines = (DATASET / "quote_attribution.jsonl").read_text(encoding="utf-8").splitlines()
    records = {json.loads(line)["id"]: json.loads(line) for line in lines}
    for article in ds.articles.values():
        if article.status != "active":
            continue
        for quote in article.quotes:
            record = records.pop(f"{article.id}/{quote.id}")
            text = article.body if quote.scope == "body" else article.headline.ar
            q = record["quote"]
            assert text[q["start"] : q["end"]] == q["exact"] == quote.exact
            assert record["speaker_id"] == quote.speaker
            assert record["delivery"] == quote.delivery
            mention = record["speaker_mention"]
            named = [m for m in article.mentions
                     if m.entity == quote.speaker and m.scope == quote.scope]
            if mention is None:
                assert not named
            else:
                assert (mention["start"], mention["end"]) in {(m.start, m.end) for m in named}
                assert text[mention["start"] : mention["end"]] == mention["exact"]
    assert records == {}


def test_every_span_survives_the_web_annotations() -> None:
    ds = load(DATASET)
    document = json.loads((DATASET / "annotations.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == ANNOTATION_CONTEXT  # inline: read offline
    items = document["first"]["items"]
    assert document["total"] == len(items)
    seen = set()
    for item in items:
        assert item["type"] == "Annotation"
        source = item["target"]["source"]
        article_id, scope = source.removeprefix("urn:iraq-ct-news:article:").rsplit("/", 1)
        article = ds.articles[article_id]
        text = article.body if scope == "body" else article.headline.ar
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[position["start"] - len(quote["prefix"]) : position["start"]] == quote["prefix"]
        assert text[position["end"] : position["end"] + len(quote["suffix"])] == quote["suffix"]
        seen.add((article_id, scope, position["start"], position["end"], item["motivation"]))
    for article in ds.articles.values():
        if article.status != "active":
            continue
        for m in article.mentions:
            assert (article.id, m.scope, m.start, m.end, "identifying") in seen
        for q in article.quotes:
            assert (article.id, q.scope, q.start, q.end, "tagging") in seen


def test_spacy_docbin_holds_every_mention(tmp_path: Path) -> None:
    spacy = require("spacy")
    from spacy.tokens import DocBin

    path = tmp_path / "ner.spacy"
    assert main(["export", "spacy", str(path), "--path", str(DATASET)]) == 0
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    ds = load(DATASET)
    wanted = expected_mentions(ds)
    assert {doc.user_data["id"] for doc in docs} == set(wanted)
    for doc in docs:
        assert doc.text == scope_text(ds, doc.user_data["id"])
        assert {(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents} == (
            wanted[doc.user_data["id"]])


def test_the_spacy_export_names_its_extra_when_spacy_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy raises ImportError
    assert main(["export", "spacy", str(tmp_path / "x.spacy"), "--path", str(DATASET)]) == 2
    assert 'pip install "iraq-ct-news[spacy]"' in capsys.readouterr().err
    assert not (tmp_path / "x.spacy").exists()
