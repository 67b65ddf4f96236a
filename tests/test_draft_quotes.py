"""Quotations, their speakers and how they were delivered, on sentences written for these tests
(one class of Arabic news prose each): the speaker named once and carried (وأضاف، وتابع،
مشيراً), a surname after the full name, an office's statement, a title alone, a source after
عن, an addressee, names inside quotation marks, delivery cues, direct speech without marks."""

from __future__ import annotations

import pytest

from iraq_ct_news.curation.draft.proposals import QuoteProposal, SpanProposal
from iraq_ct_news.curation.draft.quotes import PARTICIPLES_OF_SAYING, quoted_texts
from iraq_ct_news.curation.draft.speakers import Actor, propose_quotes
from iraq_ct_news.reading.lexicon import REPORTING_VERBS
from iraq_ct_news.reading.pins import Pin


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


#: (paragraphs, actors as (name, id, kind, title, occurrence), speaker of each quote in order).
SPEAKER_CASES = {
    "carried by وأضاف, a surname, وأوضح and a participle": (
        ['قال وزير الداخلية سامر الحداد إن "الحدود مؤمنة بالكامل منذ مطلع العام".',
         'وأضاف: "سنواصل التنسيق مع دول الجوار في كل الملفات".',
         'وتابع الحداد أن "القوات الأمنية أحبطت عدة محاولات للتسلل".',
         'وأوضح أن "التعاون الاستخباري هو مفتاح النجاح في هذه الحرب"، مشيراً إلى أن '
         '"الخلايا النائمة ما زالت تشكل خطرا".'],
        [("سامر الحداد", "samer", "person", None, 1), ("الحداد", "samer", "person", None, 2)],
        ["samer"] * 5,
    ),
    "an office's statement is the office's, not its holder's": (
        ["استقبل وزير الخارجية كمال ناصر نظيره الهولندي في بغداد.",
         'وقالت وزارة الخارجية في بيان إن "الجانبين بحثا سبل تعزيز التعاون الأمني بين البلدين".',
         'وأضافت الوزارة أن "الوزير أكد أهمية تبادل المعلومات".'],
        [("كمال ناصر", "kamal", "person", None, 1),
         ("وزارة الخارجية", "foreign-ministry", "organization", None, 1)],
        ["foreign-ministry", "foreign-ministry"],
    ),
    "a title alone is its holder's, a source after عن speaks": (
        ["أكد رئيس حكومة الإقليم دلشاد عمر أهمية الدعم الدولي.",
         'وقال رئيس الوزراء: "لن نسمح بعودة الإرهاب إلى مدننا أبدا".',
         'ونقلت وكالة الأنباء الرسمية عن المتحدث ياسر علي قوله إن "العمليات مستمرة في الصحراء '
         'الغربية".'],
        [("دلشاد عمر", "dilshad", "person", "رئيس حكومة الإقليم", 1),
         ("وكالة الأنباء الرسمية", "news-agency", "organization", None, 1),
         ("ياسر علي", "yasir", "person", None, 1)],
        ["dilshad", "yasir"],
    ),
    "someone named but not recognised is no one, not the previous speaker": (
        ['قال السفير رامي فؤاد إن "بلاده تدعم العراق في حربه ضد الإرهاب دون تردد".',
         'من جهته، أشار مبعوث الأمم المتحدة إلى العراق، فلان الفلاني، إلى أن "التهديد ما زال '
         'قائما في المنطقة".',
         'وأضاف قائلا: "نحتاج إلى دعم عاجل للنازحين في المخيمات".'],
        [("رامي فؤاد", "rami", "person", None, 1),
         ("الأمم المتحدة", "united-nations", "organization", None, 1)],
        ["rami", None, None],
    ),
    "names inside a quote and the one spoken to are not speakers": (
        ['تحدث المدير العام هادي سالم إلى صحيفة "الأفق" عن الخطة، وقال إن "اللواء ماهر جواد '
         'سيقود العمليات في المرحلة المقبلة".',
         'وأضاف أن "النتائج ستظهر خلال أسابيع قليلة فقط".'],
        [("هادي سالم", "hadi", "person", None, 1), ("الأفق", "al-ufuq", "organization", None, 1),
         ("ماهر جواد", "maher", "person", None, 1)],
        ["hadi", "hadi"],
    ),
}


@pytest.mark.parametrize("case", SPEAKER_CASES)
def test_the_speaker_of_each_quote(case: str) -> None:
    paragraphs, named, expected = SPEAKER_CASES[case]
    text = "\n\n".join(paragraphs)
    actors = [actor(text, name, entity, kind, title, occurrence)
              for name, entity, kind, title, occurrence in named]
    assert [speaker for _exact, speaker, _delivery in said(text, actors)] == expected


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


def test_every_participle_among_the_reporting_verbs_is_a_participle_of_saying() -> None:
    """A speaker's participle (مضيفا، مؤكدة) is recognised by PARTICIPLES_OF_SAYING alone."""
    participles = {key for key in REPORTING_VERBS if key.startswith("م")}
    assert participles and participles <= PARTICIPLES_OF_SAYING
