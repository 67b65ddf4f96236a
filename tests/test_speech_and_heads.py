"""The Arabic text rules behind C009 (unmarked speech) and P012 (shared heads), on sentences
of the kinds news articles print, not on the corpus's own articles."""

from __future__ import annotations

import pytest

from iraq_ct_news.checks.rules.shared_heads import heads_coordination
from iraq_ct_news.checks.rules.unmarked_speech import is_reported


def _before(sentence: str, words: str) -> int:
    start = sentence.index(words)
    assert sentence.count(words) == 1
    return start


@pytest.mark.parametrize(
    ("sentence", "speech"),
    [
        ("وقال الوزير إن الحكومة ستواصل دعم القوات", "الحكومة ستواصل"),
        ("وأكد المتحدث أن التحالف باقٍ في البلاد", "التحالف باقٍ"),
        ("وأضاف بأن المفاوضات مستمرة", "المفاوضات مستمرة"),
        ("وأوضحت أنها لن تشارك في الاجتماع", "لن تشارك"),
        ("وأشار إلى أنهم وصلوا إلى بغداد", "وصلوا إلى"),
        ("وذكر البيان وأن الوفد سيزور أربيل", "الوفد سيزور"),
        ("وشدد على أنّ الأمن أولوية", "الأمن أولوية"),
    ],
)
def test_speech_after_a_complementiser_is_reported(sentence: str, speech: str) -> None:
    assert is_reported(sentence, _before(sentence, speech))


@pytest.mark.parametrize(
    ("sentence", "speech"),
    [
        ("وعن الزيارة قال المسؤول. نريد تعزيز التعاون مع الجيران", "نريد تعزيز"),
        ("وأضاف قائلاً: نحن ملتزمون بدعم العراق", "نحن ملتزمون"),
        ("وتابع: سنعمل مع شركائنا حتى النهاية", "سنعمل مع"),
        ("نحن هنا لنساعد", "نحن هنا"),
        ("وقال المبعوث، نسعى إلى حل سياسي", "نسعى إلى"),
    ],
)
def test_speech_at_its_own_start_is_not_reported(sentence: str, speech: str) -> None:
    assert not is_reported(sentence, _before(sentence, speech))


@pytest.mark.parametrize(
    ("sentence", "head", "name"),
    [
        ("رحب الوزير بمساهمات حكومات ألمانيا وفرنسا في الصندوق", "حكومات", "فرنسا"),
        ("التقى وزيري الخارجية والداخلية في بغداد", "وزيري", "الداخلية"),
        ("حضر سفراء فرنسا، وألمانيا، وإيطاليا الحفل", "سفراء", "إيطاليا"),
        ("بدعم من حكومتي كندا أو أستراليا", "حكومتي", "أستراليا"),
        ("رحبت بالمساهمات التي قدمتها حكومة السويد والنرويج", "حكومة", "النرويج"),
    ],
)
def test_a_head_written_once_governs_the_coordinated_names(
    sentence: str, head: str, name: str
) -> None:
    assert heads_coordination(sentence, _before(sentence, name), head)


@pytest.mark.parametrize(
    ("sentence", "head", "name"),
    [
        # the head governs the name directly: nothing is shared
        ("أعلنت حكومة اليابان عن منحة جديدة", "حكومة", "اليابان"),
        # the head is in another sentence
        ("اجتمع الوفد مع حكومة العراق. وزار الوفد اليابان", "حكومة", "اليابان"),
        # the word only contains the head
        ("أكدت الحكومة الأردنية والمصرية دعمهما", "حكومة", "المصرية"),
        # no coordination before the name
        ("رحبت حكومة فرنسا بقرار ألمانيا", "حكومة", "ألمانيا"),
    ],
)
def test_no_shared_head_without_a_coordinated_list(sentence: str, head: str, name: str) -> None:
    assert not heads_coordination(sentence, _before(sentence, name), head)
