"""Name rules of `draft` on invented sentences, one class of Arabic news text per test, and the
gazetteer and stubs built from CLDR and pycountry."""

from __future__ import annotations

import datetime
from pathlib import Path

import pycountry
import pytest

from iraq_ct_news.core.arabic import tokens
from iraq_ct_news.core.iso_codes import COUNTRY_CODES, CURRENCY_CODES
from iraq_ct_news.curation.draft.entities import closest_records
from iraq_ct_news.curation.draft.mentions import propose_mentions
from iraq_ct_news.curation.draft.proposals import NewEntity
from iraq_ct_news.curation.draft.registry import Registry, load_registry
from iraq_ct_news.curation.draft.stubs import stub_record
from iraq_ct_news.models import Organization, Place
from iraq_ct_news.reading.gazetteer import by_key, entries
from iraq_ct_news.reading.lexicon import QUOTATION_MARKS

#: A small registry of invented records: (folder, id, Arabic name, aliases).
RECORDS = (
    ("organizations", "security-council", "مجلس الأمن", ()),
    ("organizations", "daesh", "داعش", ("الدولة الإسلامية",)),
    ("places", "usa", "الولايات المتحدة", ()),
    ("places", "baghdad-city", "بغداد", ()),
    ("people", "philippe-moran", "فيليب موران", ()),
)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("tree")
    for folder, record_id, name, aliases in RECORDS:
        (root / "curated" / folder).mkdir(parents=True, exist_ok=True)
        listed = "".join(f"\n- {alias}" for alias in aliases) or " []"
        (root / "curated" / folder / f"{record_id}.yaml").write_text(
            f"id: {record_id}\nname:\n  ar: {name}\naliases:{listed}\n", encoding="utf-8"
        )
    return load_registry(root)


def mentions(text: str, registry: Registry) -> tuple[list[tuple[str, str | None]], list[NewEntity]]:
    found, new = propose_mentions({"body": text}, registry)
    return [(m.span.exact, m.entity) for m in found], new


def test_a_name_takes_the_relational_adjective_that_completes_it(registry: Registry) -> None:
    found, _new = mentions("رحب مجلس الأمن الدولي بالاتفاق مع الولايات المتحدة الأمريكية.", registry)
    assert ("مجلس الأمن الدولي", "security-council") in found
    assert ("الولايات المتحدة الأمريكية", "usa") in found


def test_a_name_is_not_extended_over_a_judging_or_describing_adjective(registry: Registry) -> None:
    found, new = mentions("هاجم داعش الإرهابي قرية، ورد مجلس الأمن الحالي ببيان.", registry)
    assert ("داعش", "daesh") in found
    assert ("مجلس الأمن", "security-council") in found
    assert not any("الإرهابي" in exact or "الحالي" in exact for exact, _e in found)
    assert not new


def test_a_coalition_named_with_its_purpose_is_one_name(registry: Registry) -> None:
    _found, new = mentions("وأعلن التحالف الدولي لمحاربة داعش عن عملية جديدة.", registry)
    assert [entity.name for entity in new] == ["التحالف الدولي لمحاربة داعش"]


def test_a_span_never_crosses_a_quotation_mark(registry: Registry) -> None:
    found, _new = mentions('وقال إن تنظيم "الدولة الإسلامية" خسر مواقعه في «بغداد».', registry)
    assert ("الدولة الإسلامية", "daesh") in found
    assert ("بغداد", "baghdad-city") in found
    assert not any(QUOTATION_MARKS & set(exact) for exact, _e in found)


def test_a_surname_alone_after_the_full_name_is_the_same_person(registry: Registry) -> None:
    found, _new = mentions("التقى فيليب موران وزير الدفاع. وقال موران إن اللقاء مثمر.", registry)
    assert found.count(("موران", "philippe-moran")) == 1
    assert ("فيليب موران", "philippe-moran") in found


def test_an_embassy_in_a_capital_is_not_one_name(registry: Registry) -> None:
    found, new = mentions("واستقبلت سفارة كندا في بغداد وفدا تجاريا.", registry)
    assert ("بغداد", "baghdad-city") in found
    assert not any("بغداد" in entity.name and "سفارة" in entity.name for entity in new)


@pytest.mark.parametrize("text", [
    "وقالت الحكومة المركزية إن الوضع مستقر.",
    "وقال هناك إن الوضع مستقر، وأضاف هناك إن العمل مستمر.",
    "وصل الوفد إلى العاصمة الألمانية برلين أمس.",
    "وذكرت القوات الأمنية أن الطريق مفتوح.",
])
def test_no_new_name_for_adjectives_adverbs_or_common_noun_phrases(
    text: str, registry: Registry
) -> None:
    _found, new = mentions(text, registry)
    names = [entity.name for entity in new]
    assert not any(word in name for name in names for word in (
        "الألمانية", "هناك", "المركزية", "الأمنية"))


def test_a_gazetteer_name_is_proposed_with_a_complete_record(
    registry: Registry, tmp_path: Path
) -> None:
    _found, new = mentions("وصل الوفد إلى العاصمة الألمانية برلين قادما من ألمانيا.", registry)
    by_name = {entity.name: entity for entity in new}
    assert by_name["برلين"].reference == "berlin" and by_name["برلين"].place_kind == "city"
    germany = by_name["ألمانيا"]
    assert (germany.reference, germany.suggested_id, germany.kind) == ("germany", "germany", "place")
    record = stub_record(germany, germany.suggested_id, datetime.date(2026, 1, 2), tmp_path)
    assert record["name"] == {"en": "Germany", "ar": "ألمانيا"}
    assert (record["kind"], record["country"], record["proposed"]) == ("country", "DEU", True)
    assert "TODO" not in repr(record)


def test_a_name_without_gazetteer_entry_gets_placeholders(tmp_path: Path) -> None:
    entity = NewEntity(name="مكتب التنسيق الإقليمي", kind="organization", closest=[],
                       suggested_id="x")
    record = stub_record(entity, "x", datetime.date(2026, 1, 2), tmp_path)
    assert record["name"]["ar"] == "مكتب التنسيق الإقليمي"
    assert record["name"]["en"].startswith("TODO") and record["kind"].startswith("TODO")


def test_an_army_and_an_outlet_in_quotation_marks_are_new_names(registry: Registry) -> None:
    _found, new = mentions('وقال الجيش العراقي لصحيفة "النهار الجديد" إن الطريق آمن.', registry)
    kinds = {entity.name: entity.kind for entity in new}
    assert kinds.get("الجيش العراقي") == "organization"
    assert kinds.get("النهار الجديد") == "organization"


def test_a_name_closing_a_title_keeps_its_first_name(registry: Registry) -> None:
    _found, new = mentions("وقال الرئيس الفرنسي ماتيو دوبوا إن بلاده مستعدة للمساعدة.", registry)
    assert "ماتيو دوبوا" in [entity.name for entity in new]


def test_closest_records_rank_by_normalised_name(registry: Registry) -> None:
    assert closest_records(registry, "تنظيم داعش الارهابي", "organization")[0] == "daesh"


def test_the_gazetteer_holds_every_iso_country_once_with_cldr_names() -> None:
    countries = [entry for entry in entries() if entry.kind == "country"]
    assert len({entry.id for entry in entries()}) == len(entries())
    assert {entry.country for entry in countries} <= set(COUNTRY_CODES)
    assert by_key()["العراق"].country == "IRQ"
    assert all(entry.source for entry in entries())


def test_iso_codes_come_from_pycountry() -> None:
    assert set(COUNTRY_CODES) == {country.alpha_3 for country in pycountry.countries}
    assert "IQD" in CURRENCY_CODES and "XAU" not in CURRENCY_CODES


@pytest.mark.parametrize(("text", "name"), [
    ("وقال رئيس الوزراء الأردني عبد الله الفلاني إن الحدود آمنة.", "عبد الله الفلاني"),
    ("ووقع قائد العمليات الفريق الركن سالم كريمي، الاتفاق أمس.", "سالم كريمي"),
    ("وأعلن المبعوث الخاص لدى مجلس الأمن كريم بيتر الأحد أن الاجتماع انتهى.", "كريم بيتر"),
    ("واستقبل وزير الداخلية العراقي نظيره الأردني يوسف حداد لبحث أمن الحدود.", "يوسف حداد"),
])
def test_a_full_name_after_a_title_is_one_person(text: str, name: str, registry: Registry) -> None:
    _found, new = mentions(text, registry)
    assert (name, "person") in [(entity.name, entity.kind) for entity in new]


@pytest.mark.parametrize("text", [
    "وأكد الرئيس العراقي ضرورة تعزيز التعاون بين البلدين.",
    "التقى نائب قائد قوات الحماية، وقال قائد قوات الحماية إن العمل مستمر.",
    "وقال الوزير دوبوا سيتوجه إلى عمّان غدا.",
])
def test_no_person_from_common_nouns_collectives_or_verbs(text: str, registry: Registry) -> None:
    _found, new = mentions(text, registry)
    people = [entity.name for entity in new if entity.kind == "person"]
    assert not any(word in name for name in people for word in ("ضرورة", "قوات", "سيتوجه"))


def test_a_short_form_of_a_new_full_name_is_the_same_person(registry: Registry) -> None:
    text = "وقال العاهل المغربي الملك عبد الله الأول إن البلدين شريكان. وأضاف عبد الله أن العمل مستمر."
    found, new = mentions(text, registry)
    assert [entity.name for entity in new if entity.kind == "person"] == ["عبد الله الأول"]
    assert ("عبد الله", None) in found


def test_the_headquarters_of_a_known_body_is_a_mention_of_it(registry: Registry) -> None:
    found, new = mentions("وعقد الاجتماع في مقر مجلس الأمن أمس.", registry)
    assert ("مجلس الأمن", "security-council") in found
    assert not new


def test_a_place_name_is_not_run_on_into_the_next_clause(registry: Registry) -> None:
    _found, new = mentions("ونقل النازحون إلى مخيم الريحان يضم آلاف العائلات.", registry)
    assert "مخيم الريحان" in [entity.name for entity in new]


@pytest.mark.parametrize("entry_id", ["germany", "baghdad", "reuters", "un-security-council"])
def test_a_stub_from_the_gazetteer_is_a_complete_record(entry_id: str, tmp_path: Path) -> None:
    entry = next(entry for entry in entries() if entry.id == entry_id)
    new = NewEntity(name=entry.name_ar, kind=entry.entity, closest=[], suggested_id=entry.id,
                    place_kind=entry.kind if entry.entity == "place" else None, reference=entry.id)
    record = stub_record(new, entry.id, datetime.date(2026, 1, 2), tmp_path)
    model = Place if entry.entity == "place" else Organization
    confirmed = model.model_validate({key: value for key, value in record.items()
                                      if key != "proposed"})
    assert (confirmed.id, confirmed.name.en, confirmed.name.ar) == (
        entry.id, entry.name_en, entry.name_ar)
    assert (confirmed.kind, confirmed.country) == (entry.kind, entry.country)
    if isinstance(confirmed, Organization):  # the tree has no parent record: left for a person
        assert confirmed.parent is None


@pytest.mark.parametrize("spelling", [
    "تنظيم داعش الارهابي", "الدولة الاسلامية", "تنظيم الدولة الإسلامية في العراق والشام",
    "الدولة الاسلامية في العراق و الشام",
])
def test_closest_records_rank_any_spelling_of_a_group_first(
    spelling: str, registry: Registry
) -> None:
    key = " ".join(tokens(spelling))
    assert closest_records(registry, key, "organization")[0] == "daesh"


def test_a_country_name_that_is_an_everyday_word_is_not_proposed_alone(registry: Registry) -> None:
    _found, new = mentions("وقدمت الحكومة دعم مالي كبير للنازحين في ألمانيا.", registry)
    assert [entity.reference for entity in new] == ["germany"]


def test_two_spellings_of_one_gazetteer_entry_are_one_new_entity(
    registry: Registry, tmp_path: Path
) -> None:
    found, new = mentions(
        "وقعت بريطانيا الاتفاق، وقال سفير المملكة المتحدة إن التعاون مستمر.", registry
    )
    kingdom = [entity for entity in new if entity.reference == "united-kingdom"]
    assert len(kingdom) == 1 and kingdom[0].occurrences == 2
    proposed = {exact: number for exact, number in
                ((m.span.exact, m.new_entity) for m in propose_mentions({"body": (
                    "وقعت بريطانيا الاتفاق، وقال سفير المملكة المتحدة إن التعاون مستمر.")},
                    registry)[0]) if number is not None}
    assert proposed["بريطانيا"] == proposed["المملكة المتحدة"]
    record = stub_record(kingdom[0], kingdom[0].suggested_id, datetime.date(2026, 1, 2), tmp_path)
    assert {"بريطانيا", "المملكة المتحدة"} <= {record["name"]["ar"], *record["aliases"]}


def _title_of(text: str, name: str) -> str | None:
    from iraq_ct_news.curation.draft.titles import stated_title
    from iraq_ct_news.reading.text import words_of

    words = words_of(text)
    spelled = [text[word.start:word.end] for word in words]
    parts = name.split()
    first = next(i for i in range(len(spelled)) if spelled[i:i + len(parts)] == parts)
    return stated_title(text, words, first, first + len(parts) - 1)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("وقال قائد القوات البرية الفريق الأول الركن سامي الفلاني إن العمليات مستمرة.",
         "قائد القوات البرية"),
        ("وقال وزير الدفاع اللواء سامي الفلاني إن العمليات مستمرة.", "وزير الدفاع"),
        ("وقال اللواء سامي الفلاني إن العمليات مستمرة.", None),
        ("وقال النائب الأول لرئيس البرلمان سامي الفلاني إن العمليات مستمرة.",
         "النائب الأول لرئيس البرلمان"),
    ],
)
def test_a_rank_is_not_the_title_the_office_before_it_is(text: str, title: str | None) -> None:
    assert _title_of(text, "سامي الفلاني") == title
