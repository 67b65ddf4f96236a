"""Quotations, their speakers and how they were delivered, on sentences written for these tests
(one class of Arabic news prose each): the speaker named once and carried (وأضاف، وتابع،
مشيراً), a surname after the full name, an office's statement, a title alone, a source after
عن, an addressee, names inside quotation marks, delivery cues, direct speech without marks."""

from __future__ import annotations

import pytest

from iraq_ct_news.draft.pins import Pin
from iraq_ct_news.draft.proposals import QuoteProposal, SpanProposal
from iraq_ct_news.draft.quotes import quoted_texts
from iraq_ct_news.draft.speakers import Actor, propose_quotes


def actor(text: str, name: str, entity: str, kind: str = "person", title: str | None = None,
          occurrence: int = 1) -> Actor:
    """The actor named ``name`` at its ``occurrence``-th place in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(name, start + 1)
    return Actor(start, start + len(name), entity, name, kind, title)


def quotes_of(text: str, actors: list[Actor]) -> list[QuoteProposal]:
    return propose_quotes(
        text, sorted(actors, key=lambda a: a.start),
        lambda start, end: SpanProposal("body", start, end, text[start:end], Pin()),
    )


def said(text: str, actors: list[Actor]) -> list[tuple[str, str | None, str]]:
    return [(q.span.exact, q.speaker, q.delivery) for q in quotes_of(text, actors)]


def test_the_speaker_is_carried_by_verbs_without_a_subject_and_by_a_surname() -> None:
    text = (
        'قال وزير الداخلية سامر الحداد إن "الحدود مؤمنة بالكامل منذ مطلع العام".\n\n'
        'وأضاف: "سنواصل التنسيق مع دول الجوار في كل الملفات".\n\n'
        'وتابع الحداد أن "القوات الأمنية أحبطت عدة محاولات للتسلل".\n\n'
        'وأوضح أن "التعاون الاستخباري هو مفتاح النجاح في هذه الحرب"، مشيراً إلى أن '
        '"الخلايا النائمة ما زالت تشكل خطرا".'
    )
    actors = [actor(text, "سامر الحداد", "samer"), actor(text, "الحداد", "samer", occurrence=2)]
    assert [speaker for _exact, speaker, _d in said(text, actors)] == ["samer"] * 5


def test_an_office_statement_is_the_office_s_not_its_holder_s() -> None:
    text = (
        "استقبل وزير الخارجية كمال ناصر نظيره الهولندي في بغداد.\n\n"
        'وقالت وزارة الخارجية في بيان إن "الجانبين بحثا سبل تعزيز التعاون الأمني بين البلدين".\n\n'
        'وأضافت الوزارة أن "الوزير أكد أهمية تبادل المعلومات".'
    )
    actors = [actor(text, "كمال ناصر", "kamal"),
              actor(text, "وزارة الخارجية", "foreign-ministry", "organization")]
    assert said(text, actors) == [
        ("الجانبين بحثا سبل تعزيز التعاون الأمني بين البلدين", "foreign-ministry",
         "written-statement"),
        ("الوزير أكد أهمية تبادل المعلومات", "foreign-ministry", "written-statement"),
    ]


def test_a_title_alone_is_the_person_who_holds_it_and_a_source_after_an() -> None:
    text = (
        "أكد رئيس حكومة الإقليم دلشاد عمر أهمية الدعم الدولي.\n\n"
        'وقال رئيس الوزراء: "لن نسمح بعودة الإرهاب إلى مدننا أبدا".\n\n'
        'ونقلت وكالة الأنباء الرسمية عن المتحدث ياسر علي قوله إن "العمليات مستمرة في الصحراء الغربية".'
    )
    actors = [
        actor(text, "دلشاد عمر", "dilshad", title="رئيس حكومة الإقليم"),
        actor(text, "وكالة الأنباء الرسمية", "news-agency", "organization"),
        actor(text, "ياسر علي", "yasir"),
    ]
    assert [speaker for _e, speaker, _d in said(text, actors)] == ["dilshad", "yasir"]


def test_someone_named_but_not_recognised_is_no_speaker_rather_than_the_previous_one() -> None:
    text = (
        'قال السفير رامي فؤاد إن "بلاده تدعم العراق في حربه ضد الإرهاب دون تردد".\n\n'
        'من جهته، أشار مبعوث الأمم المتحدة إلى العراق، فلان الفلاني، إلى أن "التهديد ما زال قائما في المنطقة".\n\n'
        'وأضاف قائلا: "نحتاج إلى دعم عاجل للنازحين في المخيمات".'
    )
    actors = [actor(text, "رامي فؤاد", "rami"),
              actor(text, "الأمم المتحدة", "united-nations", "organization")]
    assert [speaker for _e, speaker, _d in said(text, actors)] == ["rami", None, None]


def test_names_in_quotes_and_the_one_spoken_to_are_not_speakers() -> None:
    text = (
        'تحدث المدير العام هادي سالم إلى صحيفة "الأفق" عن الخطة، وقال إن "اللواء ماهر '
        'جواد سيقود العمليات في المرحلة المقبلة".\n\n'
        'وأضاف أن "النتائج ستظهر خلال أسابيع قليلة فقط".'
    )
    actors = [actor(text, "هادي سالم", "hadi"), actor(text, "الأفق", "al-ufuq", "organization"),
              actor(text, "ماهر جواد", "maher")]
    assert [speaker for _e, speaker, _d in said(text, actors)] == ["hadi", "hadi"]


@pytest.mark.parametrize(
    ("setting", "delivery"),
    [
        ("في مؤتمر صحفي عقده في بغداد", "in-person"),
        ("للصحفيين بعد الاجتماع", "in-person"),
        ("في تغريدة على حسابه", "written-statement"),
        ("في بيان صدر عن مكتبه", "written-statement"),
        ("في مقابلة مع قناة محلية", "interview"),
        ("في كلمة مسجلة بالفيديو", "video-message"),
    ],
)
def test_delivery_is_read_from_the_text_and_kept_by_the_quote_that_continues(
    setting: str, delivery: str
) -> None:
    text = (f'قال الوزير حسن كريم {setting} إن "الحكومة ماضية في تنفيذ خطتها الأمنية".\n\n'
            'وتابع: "لن نتراجع عن هذا الطريق مهما كانت الظروف".')
    actors = [actor(text, "حسن كريم", "hassan")]
    assert [(s, d) for _e, s, d in said(text, actors)] == [("hassan", delivery)] * 2


def test_direct_speech_without_marks() -> None:
    text = (
        'وتابع "الرئيس": العراق شريك مهم في مكافحة الإرهاب، واتفقنا على توسيع التدريب، '
        "مشيرا إلى أن الدعم سيستمر، ونحن نعمل معا على تأمين الحدود المشتركة، كما قال.\n\n"
        "وقال الناطق: إن القوات أنهت المرحلة الأولى من العملية بنجاح."
    )
    found = [(text[q.start : q.end], q.form) for q in quoted_texts(text)]
    assert found == [
        ("العراق شريك مهم في مكافحة الإرهاب، واتفقنا على توسيع التدريب", "unmarked"),
        ("نحن نعمل معا على تأمين الحدود المشتركة", "unmarked"),
    ]


def test_names_and_titles_in_marks_are_not_quotes() -> None:
    text = (
        'وقال المسؤول على هامش مؤتمر «الأمن والتعاون في المنطقة» و «التحالف الدولي ضد الإرهاب» '
        'إن الاجتماعات كانت مثمرة، وأضاف أن تنظيم "داعش" يفقد قدرته.\n\n'
        'وذكرت الوكالة، تابعها "موقع الخبر"، إن "الوفد وصل إلى العاصمة مساء أمس".'
    )
    assert [text[q.start : q.end] for q in quoted_texts(text)] == [
        "الوفد وصل إلى العاصمة مساء أمس"
    ]
