"""Second round of `draft` rules on invented sentences, one class of Arabic news text per test:
a person named in apposition between commas after a title phrase, a name followed by its title,
a name ending before a part of the day, the given name علي inside a name, the describing
adjective after an outlet's name in quotation marks, and the speakers these names give; an
event's place that is a new name (written only with ``--stubs``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iraq_ct_news.curation.draft.events import EventContext, propose_events
from iraq_ct_news.curation.draft.mentions import propose_mentions
from iraq_ct_news.curation.draft.proposals import (
    Draft,
    EventProposal,
    MentionProposal,
    NewEntity,
    SpanProposal,
)
from iraq_ct_news.curation.draft.registry import Entity, Registry, load_registry
from iraq_ct_news.curation.draft.settle import settle
from iraq_ct_news.curation.draft.speakers import named_actors, propose_quotes
from iraq_ct_news.reading.pins import Pin

#: A small registry of invented records: (folder, id, Arabic name).
RECORDS = (
    ("organizations", "united-nations", "الأمم المتحدة"),
    ("organizations", "daesh", "داعش"),
    ("places", "iraq-country", "العراق"),
    ("places", "baghdad-city", "بغداد"),
)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root: Path = tmp_path_factory.mktemp("tree")
    for folder, record_id, name in RECORDS:
        (root / "curated" / folder).mkdir(parents=True, exist_ok=True)
        (root / "curated" / folder / f"{record_id}.yaml").write_text(
            f"id: {record_id}\nname:\n  ar: {name}\naliases: []\n", encoding="utf-8"
        )
    return load_registry(root)


def new_names(text: str, registry: Registry) -> dict[str, str]:
    """The new names proposed in ``text`` (as written → kind)."""
    _found, new = propose_mentions({"body": text}, registry)
    return {entity.name: entity.kind for entity in new}


def spans(text: str, registry: Registry) -> list[str]:
    found, _new = propose_mentions({"body": text}, registry)
    return [mention.span.exact for mention in found]


def speakers(text: str, registry: Registry) -> list[str | None]:
    """The name each quote of ``text`` is given to (a new name's written form, or a record id)."""
    found, new = propose_mentions({"body": text}, registry)
    actors = named_actors(found, new, registry, [])
    by_place = {(actor.start, actor.end): actor for actor in actors}
    quotes = propose_quotes(
        text, actors, lambda start, end: SpanProposal("body", start, end, text[start:end], Pin())
    )
    names = {actor.entity or actor.name for actor in by_place.values()}
    told = [quote.speaker or quote.speaker_name for quote in quotes]
    assert all(name is None or name in names for name in told)
    return told


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بدوره، أوضح وزير الخارجية الأردني، سليم حداد، للصحفيين أن الاجتماع كان مثمرا.",
         "سليم حداد"),
        ("من جهته، أشار مبعوث الأمم المتحدة إلى العراق، كارل فينسون، إلى أن التهديد قائم.",
         "كارل فينسون"),
        ("أكد مستشار رئيس الوزراء العراقي، ماجد الربيعي، اليوم الأحد، أن القوات جاهزة.",
         "ماجد الربيعي"),
    ],
)
def test_a_name_between_commas_after_a_title_phrase_is_a_person(
    text: str, name: str, registry: Registry
) -> None:
    assert new_names(text, registry).get(name) == "person"


def test_words_between_commas_that_are_no_name_stay_unproposed(registry: Registry) -> None:
    found = new_names("أكد وزير الدفاع، اليوم الأحد، أن القوات، بحسب الخطة، مستعدة.", registry)
    assert not any(kind == "person" for kind in found.values())


def test_a_name_followed_by_its_definite_title_is_a_person(registry: Registry) -> None:
    text = "التقى المحافظ أمس الثلاثاء، في أربيل، توماس ريدلي السفير الكندي في العراق."
    assert new_names(text, registry).get("توماس ريدلي") == "person"


def test_a_noun_in_ta_marbuta_before_a_title_is_no_name(registry: Registry) -> None:
    text = "ولتحقيق ذلك، تجسدت مبادرة الأمين العام في إنشاء مكتب جديد."
    assert not any(kind == "person" for kind in new_names(text, registry).values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("التقى وزير الخارجية الإيطالي ماركو بيانكي صباح الخميس في بغداد نظيره العراقي.",
         "ماركو بيانكي"),
        ("وصل وزير الدفاع البلجيكي جان بيير لوران مساء الأحد إلى بغداد.", "جان بيير لوران"),
    ],
)
def test_a_name_ends_before_a_part_of_the_day(text: str, name: str, registry: Registry) -> None:
    found = new_names(text, registry)
    assert found.get(name) == "person"
    assert not any("صباح" in written or "مساء" in written for written in found)


def test_the_given_name_ali_inside_a_name_keeps_the_name_whole(registry: Registry) -> None:
    text = "استقبل الوزير الفرنسي في بغداد نظيره العراقي محمد علي الساعدي لمناقشة الملف."
    assert new_names(text, registry).get("محمد علي الساعدي") == "person"


@pytest.mark.parametrize(
    "text",
    [
        "وأكد السيد سامي حداد على أهمية التعاون بين البلدين.",
        "وأكد السيد سامي حداد علي أهمية التعاون بين البلدين.",
        "وشدد السيد سامي حداد علي الالتزام بالاتفاق.",
    ],
)
def test_the_preposition_ala_after_a_name_is_not_part_of_it(text: str, registry: Registry) -> None:
    found = new_names(text, registry)
    assert found.get("سامي حداد") == "person"
    assert not any("علي" in written or "على" in written for written in found)


def test_a_compound_first_name_stays_whole(registry: Registry) -> None:
    text = "وقال وزير الداخلية الأردني عبد الرحمن الخطيب إن الحدود آمنة."
    found = new_names(text, registry)
    assert found.get("عبد الرحمن الخطيب") == "person"
    assert "عبد" not in found


def test_a_describing_adjective_closing_an_outlets_quoted_name_is_not_part_of_it(
    registry: Registry,
) -> None:
    text = 'وذكرت صحيفة "النهار الرسمية" في عددها الصادر اليوم أن الوفد وصل.'
    assert new_names(text, registry).get("النهار") == "organization"
    assert "النهار" in spans(text, registry)


def test_an_outlets_quoted_name_of_a_noun_and_adjective_is_kept_whole(registry: Registry) -> None:
    text = 'ونقلت وكالة "الأنباء الألمانية" عن مصدر أن الوفد وصل.'
    assert new_names(text, registry).get("الأنباء الألمانية") == "organization"


def test_a_speaker_named_in_apposition_and_then_by_surname_is_found(registry: Registry) -> None:
    text = (
        'من جهته، أشار مبعوث الأمم المتحدة إلى العراق، كارل فينسون، إلى أن "التهديد ما زال '
        'قائما في المنطقة". ونقلت الوكالة عن فينسون أن "النازحين بحاجة إلى دعم عاجل".'
    )
    assert speakers(text, registry) == ["كارل فينسون", "كارل فينسون"]


def test_an_outlet_in_quotation_marks_speaks_under_its_name(registry: Registry) -> None:
    text = 'وذكرت صحيفة "النهار الرسمية" أن "الوفد العراقي سيصل إلى لندن الأسبوع المقبل".'
    assert speakers(text, registry) == ["النهار"]


def _event_in_new_city(text: str, city: str) -> EventProposal:
    """The one event of ``text``, where ``city`` is a place the registries lack (new name 0)."""
    registry = Registry({"kamal": Entity("kamal", "person", "kamal", "kamal", (), (), "")},
                        None)  # type: ignore[arg-type]

    def span(start: int, end: int) -> SpanProposal:
        return SpanProposal("body", start, end, text[start:end], Pin())

    start = text.index(city)
    mentions = [MentionProposal(span(text.index("كمال ناصر"), text.index("كمال ناصر") + 9),
                                "kamal"),
                MentionProposal(span(start, start + len(city)), None, new_entity=0)]
    [event] = propose_events(EventContext(
        text, sorted(mentions, key=lambda m: m.span.start), registry, [], "2023-05-10", {}, span,
        {0: ("zakho", "city")},
    ))
    return event


def test_an_event_can_happen_in_a_city_the_registries_lack() -> None:
    event = _event_in_new_city("التقى الوزير كمال ناصر في مدينة زاخو وفدا من التجار.", "زاخو")
    assert (event.cameo, event.place) == ("040", "zakho")


def test_a_new_city_as_an_events_place_is_written_only_with_stubs() -> None:
    event = _event_in_new_city("التقى الوزير كمال ناصر في مدينة زاخو وفدا من التجار.", "زاخو")
    city = NewEntity(name="زاخو", kind="place", closest=[], suggested_id="zakho",
                     place_kind="city")
    drafted = Draft(new_entities=[city], events=[event])
    assert settle(drafted, stubs=True).events[0].place == "zakho"
    without = settle(drafted, stubs=False)
    assert without.events[0].place is None
    assert any("zakho" in note and "--stubs" in note for note in without.notes)


def test_a_new_name_not_standing_as_a_location_is_no_events_place() -> None:
    event = _event_in_new_city("التقى الوزير كمال ناصر وفد زاخو التجاري.", "زاخو")
    assert event.place is None


def _events(text: str, places: dict[str, tuple[str, str]]) -> list[EventProposal]:
    """Events of ``text`` naming the known places ``places`` (written name → (id, place kind))."""
    registry = Registry({
        place: Entity(place, "place", place, place, (), (), "") for place, _kind in places.values()
    }, None)  # type: ignore[arg-type]

    def span(start: int, end: int) -> SpanProposal:
        return SpanProposal("body", start, end, text[start:end], Pin())

    mentions = [MentionProposal(span(text.index(name), text.index(name) + len(name)), place)
                for name, (place, _kind) in places.items()]
    return propose_events(EventContext(
        text, sorted(mentions, key=lambda m: m.span.start), registry, [], "2023-05-10",
        dict(places.values()), span,
    ))


def test_the_place_right_after_the_cue_is_where_the_event_happened() -> None:
    text = "وقال الوزير خلال زيارته إلى الكويت إن الأحداث في حلب شتتت الانتباه."
    [event] = _events(text, {"الكويت": ("kuwait", "country"), "حلب": ("aleppo", "city")})
    assert (event.cameo, event.place) == ("042", "kuwait")


def test_a_place_closing_a_title_is_not_where_the_event_happened() -> None:
    text = "التقى السفير الكندي في العراق وزير الداخلية أمس لبحث التعاون الأمني."
    [event] = _events(text, {"العراق": ("iraq", "country")})
    assert event.place is None
    text = "التقى السفير الكندي وزير الداخلية أمس في العراق لبحث التعاون الأمني."
    [event] = _events(text, {"العراق": ("iraq", "country")})
    assert event.place == "iraq"


def test_an_agreement_one_party_reached_with_another_is_an_agreement_event() -> None:
    text = "وأوضح الوزير أنه بعد اتفاق حكومة بلاده مع دول الجوار على فتح المعابر، عادت التجارة."
    assert [event.cameo for event in _events(text, {})] == ["057"]


def test_agreement_without_a_party_it_was_reached_with_is_no_event() -> None:
    text = "وأكد الوزير اتفاق جميع الأطراف على مجموعة من المبادئ الجديدة."
    assert not any(event.cameo == "057" for event in _events(text, {}))


def test_the_start_of_operations_is_a_military_operation() -> None:
    text = "خسر المسلحون نصف الأراضي منذ بدء العمليات في الشهر الماضي لاستعادة المدينة."
    assert [event.cameo for event in _events(text, {})] == ["190"]
    text = "تواصل الشركة عمليات التصدير من الميناء منذ الشهر الماضي."
    assert _events(text, {}) == []


def test_a_sites_name_in_quotation_marks_and_then_without_them(registry: Registry) -> None:
    text = ('تسلمت القوات العراقية قاعدة "تل الورد" في الشمال. '
            "وقال الضابط إن قاعدة تل الورد باتت تحت سيطرة الجيش.")
    assert new_names(text, registry).get("تل الورد") == "place"
    assert spans(text, registry) == ["تل الورد", "قاعدة تل الورد"]


def test_a_quoted_name_after_a_common_noun_is_not_a_site(registry: Registry) -> None:
    text = 'وأكد الوزير أن "الحدود آمنة" وأن القاعدة الأساسية هي التعاون.'
    assert not any(kind == "place" for kind in new_names(text, registry).values())


def test_a_headline_names_by_surname_the_person_the_body_names_in_full(registry: Registry) -> None:
    texts = {"headline": "فينسون يحذر من عودة الإرهاب",
             "body": "حذر الوزير الكندي كارل فينسون، أمس، من عودة الإرهاب إلى المنطقة."}
    found, new = propose_mentions(texts, registry)
    assert [(m.span.scope, m.span.exact) for m in found] == [
        ("headline", "فينسون"), ("body", "كارل فينسون")]
    assert {m.new_entity for m in found} == {0} and new[0].name == "كارل فينسون"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال قائد العمليات الفريق الركن طالب الزيدي، إن القوات جاهزة.", "طالب الزيدي"),
        ("وقع رئيس جهاز المخابرات الفريق الركن طالب حمدان، مذكرة تفاهم.", "طالب حمدان"),
    ],
)
def test_a_given_name_spelled_like_a_verb_of_saying_after_a_rank(
    text: str, name: str, registry: Registry
) -> None:
    assert new_names(text, registry).get(name) == "person"


@pytest.mark.parametrize(
    "text",
    [
        "وكان وزير الداخلية العراقي طالب بالإفراج، عن المعتقلين.",
        "وزير الخارجية الفرنسي أكد ذلك، في المؤتمر.",
    ],
)
def test_a_verb_of_saying_after_a_title_is_no_name(text: str, registry: Registry) -> None:
    assert not any(kind == "person" for kind in new_names(text, registry).values())


def test_a_courtesy_title_before_a_prepositional_noun_is_a_common_noun(registry: Registry) -> None:
    text = "وبدأت 24 دولة بعملية سحب لرعاياها من المخيم، وقال دولة رئيس الوزراء إن العمل مستمر."
    assert not any(kind == "person" for kind in new_names(text, registry).values())
    text = "وقال السيد بلال حمدان إن العمل مستمر."
    assert new_names(text, registry).get("بلال حمدان") == "person"


def test_a_group_named_after_its_descriptor_is_mentioned_without_it(registry: Registry) -> None:
    """The project's convention (CONTRIBUTING: words that are not part of the name stay
    outside the span, as the curated articles write `تنظيم داعش` with `تنظيم ` as prefix)."""
    found, new = propose_mentions({"body": "وأكد الوزير أن تنظيم داعش ما زال يشكل خطرا."},
                                  registry)
    assert [(m.span.exact, m.entity) for m in found] == [("داعش", "daesh")]
    assert not any(entity.name.startswith("تنظيم") for entity in new)


def test_for_the_first_time_is_no_complement_of_a_name(registry: Registry) -> None:
    text = "ويزور الوزير الجامعة للمرة الأولى منذ توليه مهامه."
    assert not any("للمرة" in written for written in new_names(text, registry))


def test_a_sites_whole_name_in_quotation_marks_is_a_place(registry: Registry) -> None:
    text = "انسحبت القوات من «قاعدة تل الورد» الجوية، ونقلت المعتقلين إلى \"سجن أبو صخر\" المركزي."
    found = new_names(text, registry)
    assert found.get("قاعدة تل الورد") == "place" and found.get("سجن أبو صخر") == "place"


def test_a_quoted_common_phrase_opening_with_a_site_noun_is_no_place(registry: Registry) -> None:
    text = "وأنشأت الوزارة «قاعدة بيانات» جديدة، وحكمت المحكمة بـ«السجن المؤبد» على المتهم."
    assert not any(kind == "place" for kind in new_names(text, registry).values())
