"""``iraq-ct-news draft``: what it proposes, and the promises it keeps.

* Every proposed span is at its offsets, and its pin resolves to exactly that place (generated
  texts and the real articles).
* ``draft --write`` then confirming everything (deleting the marks, writing what a person must
  write in place of each TODO) gives records ``validate`` accepts; drafting again proposes
  nothing new.
* The rules about Arabic news prose: proclitics and the elided لل, outermost names, surnames once
  the full name is given, titles, quotes and their speakers (unknown rather than a guess),
  sums, resolutions, dates relative to publication, the seed's date line.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.curation.draft.proposals import Draft, SpanProposal
from iraq_ct_news.curation.draft.registry import Registry, load_registry
from iraq_ct_news.curation.draft.run import draft_file, draft_record
from iraq_ct_news.curation.scaffold import seed_dates
from iraq_ct_news.models.field_types import is_placeholder
from iraq_ct_news.reading import dates as date_rules
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.cameo import codebook, quad_class_of
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

from .conftest import REPOSITORY

sys.path.insert(0, str(REPOSITORY / "benchmarks"))
import draft_eval  # noqa: E402

ARTICLES = sorted((REPOSITORY / "curated" / "articles").glob("*.yaml"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return repository_registry()


def spans_of(draft: Draft) -> list[SpanProposal]:
    found = [m.span for m in draft.mentions] + [q.span for q in draft.quotes]
    found += [a.span for a in draft.amounts] + [r.span for r in draft.resolutions]
    found += [f.span for f in draft.figures] + [e.cue for e in draft.events]
    found += [d.span for d in draft.dates]
    return found


def assert_pinned(span: SpanProposal, texts: dict[str, str]) -> None:
    text = texts[span.scope]
    assert text[span.start : span.end] == span.exact
    found = resolve_span(text, span.exact, span.pin.prefix, span.pin.suffix, span.pin.occurrence)
    assert found.found, (span, found.detail)
    assert (found.start, found.end) == (span.start, span.end)


# -- properties -------------------------------------------------------------------------------

NAMES = ["العراق", "بغداد", "الأمم المتحدة", "مجلس الأمن", "داعش", "الحكومة العراقية",
         "بعثة الأمم المتحدة لمساعدة العراق", "يان كوبيش", "الموصل"]
FILLER = ["في", "من", "وقال", "أكد", "أن", "التعاون", "مع", "الدعم", "الإرهاب", "مكافحة",
          "اليوم", "السيد", "الوزير", "العراقية", "برنامج", "2", "مليون", "دولار", "،", ".",
          "قرار", "2396", "أمس", ":", "«", "»", '"', "شهر", "أيلول", "الماضي", "(2017)"]
PROCLITICS = ["", "", "و", "ب", "ل", "ف", "وب"]


@st.composite
def article_texts(draw: st.DrawFn) -> dict[str, str]:
    """Bodies that mix registry names (glued to proclitics, elided after ل) with filler."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        words = []
        for _ in range(draw(st.integers(3, 40))):
            if draw(st.booleans()):
                name = draw(st.sampled_from(NAMES))
                clitic = draw(st.sampled_from(PROCLITICS))
                if clitic.endswith("ل") and name.startswith("ال"):
                    name = clitic[:-1] + "ل" + name[1:]  # للعراق
                    clitic = ""
                words.append(clitic + name)
            else:
                words.append(draw(st.sampled_from(FILLER)))
        paragraphs.append(" ".join(words))
    headline = " ".join(draw(st.lists(st.sampled_from(NAMES + FILLER[:12]), min_size=2, max_size=8)))
    return {"headline": headline, "body": "\n\n".join(paragraphs)}


@lru_cache(maxsize=1)
def repository_registry() -> Registry:
    return load_registry(REPOSITORY)


@given(article_texts())
def test_every_proposed_span_is_at_its_offsets_and_its_pin_is_unambiguous(
    texts: dict[str, str],
) -> None:
    registry = repository_registry()
    data: dict[str, Any] = {"body": texts["body"], "headline": {"ar": texts["headline"]},
                            "published": "2018-04-11"}
    draft = draft_record(data, texts, registry, None)
    for span in spans_of(draft):
        assert_pinned(span, texts)
    # Mentions never overlap one another: the outermost name wins.
    placed = sorted((m.span.scope, m.span.start, m.span.end) for m in draft.mentions)
    for left, right in zip(placed, placed[1:]):
        assert left[0] != right[0] or left[2] <= right[1]


@pytest.mark.data
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_spans_proposed_for_real_articles_are_pinned(path: Path, tmp_path: Path) -> None:
    """Holds for any article: whatever ``draft`` proposes is at its offsets, pinned there."""
    target, _removed = draft_eval.prepare(REPOSITORY, tmp_path, path.stem)
    drafted = draft_file(tmp_path, target)
    spans = spans_of(drafted.draft)
    assert spans  # an article emptied of its annotations gets some proposed back
    for span in spans:
        assert_pinned(span, drafted.texts)


#: The project's five seed articles as fixtures of what ``draft`` reads in them: the explicit
#: publication date each prints (None: the UN News page prints none). Another article need not
#: give ``draft`` as much (an undated page, a date form it does not read), so only these are
#: pinned; the leave-one-out measure (benchmarks/draft_eval.py) covers the rest.
SEED_ARTICLE_DATES: dict[str, str | None] = {
    "coalition-new-principles-against-isil-kuwait-2018": "2018-02-15",
    "iom-national-security-adviser-pve-agreement-iraq-2021": "2021-12-20",
    "un-high-level-conference-heads-ct-agencies-2018": "2018-06-21",
    "unami-cted-meeting-iraq-ct-technical-assistance": None,
    "unodc-launches-ct-programme-iraq-2018": "2018-04-11",
}


@pytest.mark.parametrize("article_id", sorted(SEED_ARTICLE_DATES))
def test_draft_reads_the_seed_articles_names_and_dates(article_id: str, tmp_path: Path) -> None:
    target, _removed = draft_eval.prepare(REPOSITORY, tmp_path, article_id)
    drafted = draft_file(tmp_path, target)
    assert drafted.draft.mentions
    published = drafted.draft.published
    found = (published.date, published.basis) if published is not None else None
    expected = SEED_ARTICLE_DATES[article_id]
    assert found == (None if expected is None else (expected, "explicit"))


# -- write, confirm, validate; draft again ---------------------------------------------------

FILLED: dict[str, Any] = {
    "headline_en": "A headline in English",
    "summary": "A summary in English.",
}


def confirm(value: Any, kind: str, path: tuple[Any, ...] = ()) -> Any:
    """What a person does to accept every proposal: delete each mark, write each TODO."""
    if isinstance(value, dict):
        return {
            key: confirm(item, kind, (*path, key)) for key, item in value.items()
            if key != "proposed"
        }
    if isinstance(value, list):
        return [confirm(item, kind, path) for item in value]
    if isinstance(value, str) and is_placeholder(value):
        return _filled(path, kind)
    return value


def _filled(path: tuple[Any, ...], kind: str) -> Any:
    field = path[-1] if path else ""
    if path[:1] == ("source",):
        return "fixture-iom" if field == "publisher" else None
    if field in ("mentions", "quotes", "events", "amounts", "resolutions", "figures"):
        return []
    if field == "themes":
        return ["fixture-pve"]
    if field == "symbol":
        return "S/RES/2396 (2017)"
    if field == "kind":
        return "other" if kind == "organization" else "city"
    return "Written by the person who confirmed the proposals."


def scaffolded_fixture(tree: Path) -> Path:
    """The fixture article as `new` leaves it (its body and headline, placeholders)."""
    path = tree / "curated" / "articles" / "fixture-iom-agreement.yaml"
    data = read_yaml_file(path).data
    header = ["# yaml-language-server: $schema=../../schema/article.schema.json"]
    path.write_text(render(draft_eval.scaffolded(data), "article", header), encoding="utf-8")
    return path


@pytest.mark.parametrize("stubs", [False, True], ids=["registry-only", "with-stubs"])
def test_write_then_confirm_validates_and_a_second_draft_proposes_nothing_new(
    valid_tree: Path, stubs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scaffolded_fixture(valid_tree)
    first = draft_file(valid_tree, path).draft
    arguments = ["draft", str(path), "--root", str(valid_tree), "--write"]
    assert main(arguments + (["--stubs"] if stubs else [])) == 0
    written = read_yaml_file(path).data
    assert all(item.get("proposed") is True for item in written["mentions"])
    assert written["published_evidence"]["proposed"] is True

    again = draft_file(valid_tree, path).draft
    if stubs:
        assert again.is_empty() and again.new_entities == []
    else:  # only what could not be written without a stub comes back
        assert [m for m in again.mentions if m.entity is not None] == []
        assert {m.span for m in again.mentions} <= {m.span for m in first.mentions}
        assert again.published is None and again.amounts == [] and again.events == []

    for record in [path, *valid_tree.glob("curated/*/*.yaml")]:
        data = read_yaml_file(record).data
        if isinstance(data, dict) and "id" in data:
            header = [line for line in record.read_text(encoding="utf-8").split("\n") if line.startswith("#")][:1]
            kind = {"articles": "article", "people": "person", "organizations": "organization",
                    "places": "place"}.get(record.parent.name)
            if kind is not None:
                record.write_text(render(confirm(data, kind), kind, header), encoding="utf-8")
    result = validate_repository(valid_tree)
    assert [f for f in result.findings if f.is_error] == []
    assert not [f for f in result.findings if f.code in ("S006", "C007")]


def test_write_never_moves_or_changes_what_a_person_wrote(valid_tree: Path) -> None:
    path = valid_tree / "curated" / "articles" / "fixture-iom-agreement.yaml"
    before = read_yaml_file(path).data
    kept = before["mentions"][:2]
    before["mentions"] = list(reversed(kept))  # a person's own order, not the text's
    header = ["# yaml-language-server: $schema=../../schema/article.schema.json"]
    path.write_text(render(before, "article", header), encoding="utf-8")
    assert main(["draft", str(path), "--root", str(valid_tree), "--write"]) == 0
    after = read_yaml_file(path).data
    confirmed = [m for m in after["mentions"] if not m.get("proposed")]
    assert confirmed == list(reversed(kept))
    assert len(after["mentions"]) > len(kept)
    for key in ("quotes", "events", "amounts", "resolutions"):
        assert [item for item in after[key] if not item.get("proposed")] == before[key]
    for key in ("published", "published_evidence", "source", "summary", "body", "headline"):
        assert after[key] == before[key]


# -- the rules --------------------------------------------------------------------------------


def draft_of(body: str, registry: Registry, headline: str = "عنوان الخبر", **data: Any) -> Draft:
    texts = {"headline": headline, "body": body}
    return draft_record({"body": body, "headline": {"ar": headline}, **data}, texts, registry, None)


def mentioned(draft: Draft) -> list[tuple[str | None, str]]:
    return [(m.entity, m.span.exact) for m in draft.mentions if m.span.scope == "body"]


def test_names_through_proclitics_and_the_elided_form(registry: Registry) -> None:
    draft = draft_of("قدم الدعم للعراق وبغداد، وللحكومة العراقية والعراقيين.", registry)
    assert mentioned(draft) == [
        ("iraq", "للعراق"), ("baghdad", "بغداد"), ("government-of-iraq", "للحكومة العراقية"),
    ]


def test_the_outermost_name_wins_and_a_descriptor_stays_outside(registry: Registry) -> None:
    draft = draft_of("التقى ممثلو بعثة الأمم المتحدة لمساعدة العراق بقادة تنظيم داعش.", registry)
    assert mentioned(draft) == [("unami", "بعثة الأمم المتحدة لمساعدة العراق"), ("isil", "داعش")]


def test_a_surname_alone_once_the_full_name_is_given(registry: Registry) -> None:
    early = draft_of("قال كوبيش إن الوضع صعب.", registry)
    assert ("jan-kubis", "كوبيش") not in mentioned(early)
    later = draft_of("وصل يان كوبيش إلى بغداد. وقال كوبيش إن الوضع صعب.", registry)
    assert ("jan-kubis", "كوبيش") in mentioned(later)


def test_a_title_stated_before_or_after_the_name(registry: Registry) -> None:
    before = draft_of("وحضر الممثل الخاص للأمين العام في العراق السيد يان كوبيش.", registry)
    after = draft_of("وقال يان كوبيش، رئيس البعثة، إن الوضع صعب.", registry)
    title_of = {m.entity: m.title_as_stated for m in before.mentions}
    assert title_of["jan-kubis"] == "الممثل الخاص للأمين العام في العراق"
    assert {m.entity: m.title_as_stated for m in after.mentions}["jan-kubis"] == "رئيس البعثة"


def test_new_names_are_proposed_with_a_kind_and_the_closest_records(registry: Registry) -> None:
    draft = draft_of(
        "وقال السيد خالد العبيدي، مدير مكتب التنسيق الإقليمي، إن وزارة الداخلية العراقية "
        "ستعمل مع بعثة الأمم المتحدة لمساعدة العراق. وأضاف العبيدي أن العمل مستمر.",
        registry,
    )
    kinds = {entity.name: entity.kind for entity in draft.new_entities}
    assert kinds.get("خالد العبيدي") == "person"
    assert kinds.get("وزارة الداخلية العراقية") == "organization"
    assert ("unami", "بعثة الأمم المتحدة لمساعدة العراق") in mentioned(draft)
    surname = [m for m in draft.mentions if m.span.exact == "العبيدي" and m.short_form]
    assert surname and surname[0].entity is None and surname[0].short_form
    ministry = next(e for e in draft.new_entities if e.kind == "organization")
    assert ministry.closest  # what to compare with before adding a record


def test_quotes_with_speaker_delivery_and_reader(registry: Registry) -> None:
    body = ("وأكد يان كوبيش في كلمة ألقاها نيابة عنه السيد نامق حيدروف أن العمل مستمر.\n\n"
            "وقال كوبيش: \"إن العراق يحتاج إلى مساعدة كبيرة في مجال مكافحة الإرهاب\".")
    draft = draft_of(body, registry)
    [quote] = draft.quotes
    assert quote.span.exact == "إن العراق يحتاج إلى مساعدة كبيرة في مجال مكافحة الإرهاب"
    assert (quote.speaker, quote.delivery, quote.delivered_by) == (
        "jan-kubis", "read-on-behalf", "namik-hayderov")


def test_quoted_names_and_titles_are_not_quotes_and_no_speaker_is_guessed(
    registry: Registry,
) -> None:
    body = ("شارك العراق في مؤتمر «التحالف الدولي ضد داعش» وأطلق برنامجاً بعنوان \"الدروس "
            "المستفادة من جهود مكافحة الإرهاب في العراق\".\n\nوأضاف: \"نحن ملتزمون تماماً "
            "بدعم العراق في حربه ضد الإرهاب\".")
    draft = draft_of(body, registry)
    [quote] = draft.quotes
    assert quote.span.exact.startswith("نحن ملتزمون")
    assert quote.speaker is None and quote.speaker_name is None and quote.delivery == "unknown"


def test_amounts_resolutions_and_figures(registry: Registry) -> None:
    body = ("قدمت اليابان ٢ مليون دولار و3,500 يورو ومليار دينار عراقي. وأكد قرار مجلس الأمن "
            "رقم 2396 (2017) والقرار 2254 ذلك، فيما بلغت النسبة 98% وشارك 50 مشروعا. "
            "وصدر القرار رقم 45 لسنة 2019 عن وزارة الداخلية.")
    draft = draft_of(body, registry)
    assert [(a.span.exact, a.value, a.currency) for a in draft.amounts] == [
        ("٢ مليون دولار", 2000000, "USD"), ("3,500 يورو", 3500, "EUR"),
        ("مليار دينار عراقي", 1000000000, "IQD"),
    ]
    assert [(r.span.exact, r.symbol) for r in draft.resolutions] == [
        ("قرار مجلس الأمن رقم 2396 (2017)", "S/RES/2396 (2017)"), ("القرار 2254", None),
    ]
    assert [(f.span.exact, f.value) for f in draft.figures] == [("98%", 98), ("50 مشروعا", 50)]


def test_relative_dates_are_resolved_against_the_publication_date() -> None:
    body = "اجتمعوا أمس، وزاروا الموصل في شهر أيلول الماضي، ويعقد المؤتمر الشهر المقبل."
    found = [(body[d.start : d.end], d.edtf) for d in date_rules.relative_dates(body, "2018-04-11")]
    assert found == [
        ("أمس", "2018-04-10"), ("شهر أيلول الماضي", "2017-09"), ("الشهر المقبل", "2018-05"),
    ]
    assert list(date_rules.relative_dates(body, "2018")) == []  # too vague to resolve a day


def test_the_date_line_under_the_headline_is_the_publication_date() -> None:
    seed = ("الخميس 25 ابريل 2024 أبوظبي الإمارات\nالرئيسية\n\nعنوان الخبر كما نشر في الصفحة\n"
            "15 فبراير 2018 01:56\nنص الخبر الأول وهو طويل بما يكفي ليكون فقرة من فقرات المقال.\n")
    published, captured = seed_dates(seed)
    assert published is not None and captured is not None
    assert (published.date, published.line.text) == ("2018-02-15", "15 فبراير 2018 01:56")
    assert captured.date == "2024-04-25"
    undated = "عنوان الخبر كما نشر في الصفحة\nنص الخبر الأول وهو طويل بما يكفي ليكون فقرة.\n"
    assert seed_dates(undated) == (None, None)


def test_events_get_a_kind_and_a_codebook_code(registry: Registry) -> None:
    draft = draft_of("وقعت الحكومة العراقية أمس مذكرة تفاهم مع بعثة الأمم المتحدة لمساعدة العراق.",
                     registry, published="2021-12-20")
    [event] = draft.events
    assert (event.kind, event.cameo, event.date.date if event.date else None) == (
        "agreement-signing", "057", "2021-12-19")
    assert event.cameo_label == codebook()["057"].label
    assert "government-of-iraq" in event.participants


def test_the_codebook_is_the_standard_list() -> None:
    book = codebook()
    assert len(book) == 311 and book["044"].label == 'Meet at a "third" location'
    assert {code[:2] for code in book} == {f"{root:02d}" for root in range(1, 21)}
    assert all(entry.quad_class == quad_class_of(code) for code, entry in book.items())
    assert (quad_class_of("057"), quad_class_of("071"), quad_class_of("112"),
            quad_class_of("190")) == (1, 2, 3, 4)


# -- the command ------------------------------------------------------------------------------


def test_json_has_the_keys_and_offsets_tools_need(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scaffolded_fixture(valid_tree)
    assert main(["draft", str(path), "--root", str(valid_tree), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("mentions", "new_entities", "quotes", "amounts", "resolutions", "figures",
                "events", "published"):
        assert key in data
    body = read_yaml_file(path).data["body"]
    for mention in data["mentions"]:
        if mention["scope"] == "body":
            assert body[mention["start"] : mention["end"]] == mention["exact"]
    assert data["published"]["date"] == "2021-12-20"
    assert {"date", "basis", "evidence", "scope"} <= set(data["published"])


def test_bad_input_is_one_line_not_a_traceback(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = valid_tree / "curated" / "people" / "fixture-gigauri.yaml"
    assert main(["draft", str(person), "--root", str(valid_tree)]) == 1
    assert "no body" in capsys.readouterr().err
    assert main(["draft", str(valid_tree / "missing.yaml"), "--root", str(valid_tree)]) == 2
    broken = valid_tree / "curated" / "articles" / "broken.yaml"
    broken.write_text("body: [unclosed\n", encoding="utf-8")
    assert main(["draft", str(broken), "--root", str(valid_tree)]) == 1
    assert "broken.yaml:" in capsys.readouterr().err
    path = valid_tree / "curated" / "articles" / "fixture-iom-agreement.yaml"
    assert main(["draft", str(path), "--root", str(valid_tree), "--stubs"]) == 2


def test_build_refuses_a_tree_with_a_proposal_left(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = valid_tree / "curated" / "articles" / "fixture-iom-agreement.yaml"
    data = read_yaml_file(path).data
    data["mentions"][0]["proposed"] = True
    header = ["# yaml-language-server: $schema=../../schema/article.schema.json"]
    path.write_text(render(data, "article", header), encoding="utf-8")
    (valid_tree / "schema").mkdir(exist_ok=True)
    assert main(["build", "--root", str(valid_tree)]) == 1
    output = capsys.readouterr()
    assert "S006" in output.out + output.err
    assert not (valid_tree / "dataset" / "articles.jsonl").exists()
