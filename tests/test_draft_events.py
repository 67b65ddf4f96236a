"""Event skeletons on sentences written for these tests: the kind and CAMEO code of what a
sentence reports, the place it happened (the city, not the country around it), the actors from
the event's verb, the date D007 asks for; and ``draft`` printing exactly what ``--write`` writes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.commands.cli import main
from iraq_ct_news.curation.draft.events import EventContext, propose_events
from iraq_ct_news.curation.draft.proposals import (
    DateProposal,
    EventProposal,
    MentionProposal,
    SpanProposal,
)
from iraq_ct_news.curation.draft.registry import Entity, Registry
from iraq_ct_news.reading.anchoring import resolve_span
from iraq_ct_news.reading.pins import Pin
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

#: A registry of invented records: (id, kind, place kind).
RECORDS = (
    ("kamal-nasser", "person", None), ("dirk-visser", "person", None),
    ("hadi-salem", "person", None), ("interior-ministry", "organization", None),
    ("iraq", "place", "country"), ("netherlands", "place", "country"),
    ("basra", "place", "city"), ("ankara", "place", "city"), ("turkey", "place", "country"),
)


def events_of(text: str, names: dict[str, str], published: str | None = "2023-05-10",
              dates: tuple[tuple[str, str, str], ...] = ()) -> list[EventProposal]:
    """Events of ``text`` where ``names`` maps each written name to its record id."""
    registry = Registry({
        entity: Entity(entity, kind, entity, entity, (), (), "")  # type: ignore[arg-type]
        for entity, kind, _place in RECORDS
    }, None)  # type: ignore[arg-type]
    place_kinds = {entity: place for entity, _kind, place in RECORDS if place}

    def span(start: int, end: int) -> SpanProposal:
        return SpanProposal("body", start, end, text[start:end], Pin())

    mentions = []
    for name, entity in names.items():
        for match in re.finditer(re.escape(name), text):
            mentions.append(MentionProposal(span(match.start(), match.end()), entity))
    stated = [DateProposal(span(text.index(words), text.index(words) + len(words)), date, basis)
              for words, date, basis in dates]
    return propose_events(EventContext(text, sorted(mentions, key=lambda m: m.span.start),
                                       registry, stated, published, place_kinds, span))


def test_a_reception_is_hosted_in_the_city_with_host_and_guest() -> None:
    text = ("استقبل وزير الداخلية كمال ناصر في مدينة البصرة السفير الهولندي ديرك فيسر، "
            "اليوم الثلاثاء، وبحث معه التعاون الأمني بين العراق وهولندا.")
    names = {"كمال ناصر": "kamal-nasser", "ديرك فيسر": "dirk-visser", "البصرة": "basra",
             "العراق": "iraq", "هولندا": "netherlands"}
    [event] = events_of(text, names, dates=(("اليوم الثلاثاء", "2023-05-09", "relative"),))
    assert (event.kind, event.cameo, event.place) == ("meeting", "043", "basra")
    assert event.organizers == ("kamal-nasser",)
    assert "dirk-visser" in event.participants and "kamal-nasser" not in event.participants
    assert event.date is not None and event.date.date == "2023-05-09"


def test_a_past_event_without_a_date_is_bounded_by_publication_and_a_planned_one_starts_there(
) -> None:
    text = ("وقع العراق وتركيا مذكرة تفاهم لتبادل المعلومات الأمنية. "
            "ومن المقرر أن يزور الوزير كمال ناصر العاصمة التركية أنقرة الشهر المقبل.")
    names = {"العراق": "iraq", "تركيا": "turkey", "كمال ناصر": "kamal-nasser", "أنقرة": "ankara"}
    signing, visit = events_of(text, names, published="2023-05-10")
    assert (signing.kind, signing.cameo, signing.status) == ("agreement-signing", "057", "occurred")
    assert set(signing.participants) == {"iraq", "turkey"} and signing.place is None
    assert signing.date is not None and (signing.date.date, signing.date.basis) == (
        "../2023-05-10", "inferred")
    assert (visit.kind, visit.cameo, visit.status, visit.place) == (
        "visit", "036", "planned", "ankara")
    assert visit.date is not None and visit.date.date == "2023-05-10/.."


@pytest.mark.parametrize("words", ["بعد انقطاع دام سنوات", "في إطار السياسات الأمنية",
                                   "دعما للسيادة الوطنية", "بعد استعادة السيطرة"])
def test_nouns_beginning_like_the_future_tense_leave_an_event_past(words: str) -> None:
    [event] = events_of(f"{words} التقى كمال ناصر ديرك فيسر.",
                        {"كمال ناصر": "kamal-nasser", "ديرك فيسر": "dirk-visser"})
    assert (event.status, event.cameo) == ("occurred", "040")


def test_an_unknown_publication_leaves_a_past_event_undated() -> None:
    [event] = events_of("التقى هادي سالم وفدا من وزارة الداخلية.", {"هادي سالم": "hadi-salem"},
                        published=None)
    assert event.date is None and event.cameo == "040"


def test_the_lead_statement_is_an_event_and_its_speaker_organises_it() -> None:
    text = ("دعا وزير الداخلية كمال ناصر، اليوم الأربعاء، الدول إلى استعادة رعاياها. "
            "وقال ناصر إن الحكومة ستواصل جهودها.")
    [event] = events_of(text, {"كمال ناصر": "kamal-nasser", "ناصر": "kamal-nasser"})
    assert (event.kind, event.cameo, event.organizers) == ("statement", "020", ("kamal-nasser",))


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت وزارة الداخلية عن حملة لدعم الأسر النازحة.",
        "شارك ممثلون عن منظمات المجتمع المدني والاجتماعية في النقاش.",
        "أصدرت الوزارة تعليمات جديدة للمنافذ الحدودية.",
    ],
)
def test_words_that_only_look_like_cues_make_no_event(sentence: str) -> None:
    assert [e for e in events_of("نص تمهيدي قصير. " + sentence, {}) if e.kind != "statement"] == []


def test_a_meeting_named_again_is_one_event() -> None:
    text = ("التقى كمال ناصر بديرك فيسر في البصرة. وخلال الاجتماع جرى بحث الملفات الأمنية. "
            "وفي ختام الاجتماع اتفق الجانبان على اللقاء مجددا.")
    names = {"كمال ناصر": "kamal-nasser", "ديرك فيسر": "dirk-visser", "البصرة": "basra"}
    assert [e.kind for e in events_of(text, names)] == ["meeting"]


# -- what draft prints is what --write writes ---------------------------------------------------

BODY = (
    "في 16 كانون الاول 2021 ، وقعت المنظمة الدولية للهجرة اتفاقية تعاون مع الحكومة في بغداد "
    "بحضور السيد جيورجي جيغاوري والسفير رامي فؤاد.\n\n"
    'وقال جيغاوري في مؤتمر صحفي: "نعمل مع الشركاء على منع التطرف العنيف في كل المحافظات".\n\n'
    'وأشار مبعوث المنظمة، فلان الفلاني، إلى أن "الدعم سيصل إلى المناطق المتضررة قريبا".\n\n'
    "وقدمت المنظمة 2 مليون دولار و500 ألف دينار لهذا الغرض، وفق قرار مجلس الأمن 2396 لعام 2017."
)
_LINE = re.compile(r"^\S+: (mention|quote|amount|resolution|figure) .*\((body|headline) "
                   r"(\d+)-(\d+)\)")


@pytest.mark.parametrize("stubs", [False, True], ids=["registry-only", "with-stubs"])
def test_draft_prints_exactly_what_write_writes(
    valid_tree: Path, stubs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = valid_tree / "curated" / "articles" / "fixture-iom-agreement.yaml"
    data = read_yaml_file(path).data
    data["body"] = BODY
    for key in ("mentions", "quotes", "events", "amounts", "resolutions", "figures"):
        data[key] = "TODO: fill in" if key != "figures" else []
    header = ["# yaml-language-server: $schema=../../schema/article.schema.json"]
    path.write_text(render(data, "article", header), encoding="utf-8")
    arguments = ["draft", str(path), "--root", str(valid_tree), "--write"]
    assert main(arguments + (["--stubs"] if stubs else [])) == 0
    lines = capsys.readouterr().out.splitlines()
    printed = sorted(
        (match.group(1) + "s", match.group(2), int(match.group(3)), int(match.group(4)))
        for match in map(_LINE.match, lines) if match
    )
    written = read_yaml_file(path).data
    texts = {"body": BODY, "headline": data["headline"]["ar"]}
    assert printed == sorted(_written_spans(written, texts))
    assert {group for group, *_rest in printed} >= {"mentions", "quotes", "amounts", "resolutions"}
    printed_events = [re.search(r": event (\S+).* CAMEO (\d+)", line) for line in lines]
    assert sorted((m.group(1), m.group(2)) for m in printed_events if m) == sorted(
        (event["kind"], event["cameo"]) for event in written["events"] if event.get("proposed"))


def _written_spans(data: dict[str, Any], texts: dict[str, str]) -> list[tuple[str, str, int, int]]:
    found = []
    for group in ("mentions", "quotes", "amounts", "resolutions", "figures"):
        items = data.get(group)
        for item in items if isinstance(items, list) else []:
            if not item.get("proposed"):
                continue
            scope = item.get("scope", "body")
            where = resolve_span(texts[scope], item["exact"], item.get("prefix"),
                                 item.get("suffix"), item.get("occurrence"))
            assert where.found
            found.append((group, scope, where.start, where.end))
    return found
