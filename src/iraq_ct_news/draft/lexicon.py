"""Words of Arabic news prose that the drafting rules key on, in search-key form.

Every list here is about the language of news reports in general (how Arabic papers introduce
a person, attribute words, name an institution, write a sum), never about particular articles.
Entries are written as a reader sees them and folded with :func:`arabic.search_key` once, so a
rule compares folded keys and is blind to hamza forms, ta marbuta and diacritics.
"""

from __future__ import annotations

from ..arabic import search_key


def _keys(*words: str) -> frozenset[str]:
    return frozenset(search_key(word) for word in words)


#: Courtesy titles written before a name; they are not part of a title or of the name.
HONORIFICS = _keys(
    "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "معالي", "سعادة", "فخامة", "دولة", "سمو",
    "صاحب", "السمو", "الأستاذ", "الأستاذة", "المهندس", "المهندسة", "الشيخ", "الشيخة",
    "السادة", "سيادة", "مستر", "مسز", "المستر", "الآنسة",
)

#: Nouns a stated title or role starts with (رئيس، وزير، المتحدث باسم …), with feminine forms.
TITLE_NOUNS = _keys(
    "رئيس", "الرئيس", "رئيسة", "نائب", "النائب", "نائبة", "وزير", "الوزير", "وزيرة", "الوزيرة",
    "مستشار", "المستشار", "مستشارة", "المتحدث", "متحدث", "المتحدثة", "الناطق", "ناطق",
    "الناطقة", "الأمين", "أمين", "الأمينة", "الممثل", "ممثل", "الممثلة", "ممثلة", "المبعوث",
    "مبعوث", "المبعوثة", "المدير", "مدير", "المديرة", "مديرة", "وكيل", "وكيلة", "مساعد",
    "مساعدة", "السفير", "سفير", "السفيرة", "سفيرة", "القائد", "قائد", "المنسق", "منسق",
    "المنسقة", "منسقة", "عضو", "محافظ", "المحافظ", "قنصل", "القنصل", "المفوض", "مفوض",
    "المفوضة", "رئيسا", "الملك", "الأمير", "ولي", "اللواء", "العميد", "الفريق", "العقيد",
    "الجنرال", "المقرر", "مقرر", "الملحق", "ملحق", "مسؤول", "المسؤول", "مسؤولة", "خبير",
    "الخبير", "الخبيرة", "القاضي", "المدعي",
)

#: A title's feminine form is the masculine one with ta marbuta (المستشار → المستشارة).
TITLE_NOUNS = TITLE_NOUNS | frozenset(key + "ه" for key in TITLE_NOUNS if not key.endswith("ه"))

#: Verbs of saying in the past tense, masculine and feminine, singular and plural; a
#: conjunction glued in front (وقال، فأكد) is removed before looking a word up.
REPORTING_VERBS = _keys(
    *(
        form
        for stem in (
            "قال", "أكد", "أضاف", "أشار", "ذكر", "أوضح", "تابع", "واصل", "شدد", "لفت", "اعتبر",
            "رأى", "صرح", "أعلن", "بين", "تحدث", "أفاد", "كشف", "نوه", "أردف", "استطرد", "ختم",
            "اختتم", "دعا", "طالب", "حذر", "أعرب", "قالت", "أكمل", "علق", "أجاب", "ردد",
            "استهل", "افتتح", "جدد", "وصف", "ألمح", "أبلغ", "أقر", "زعم", "نقل",
        )
        for form in (stem, stem + "ت", stem + "وا", stem + "ا")
    ),
    "قائلا", "قائلاً", "قائلة", "مضيفا", "مضيفاً", "مضيفة", "مشيرا", "مشيراً", "مشيرة",
    "مؤكدا", "مؤكداً", "مؤكدة", "موضحا", "موضحاً", "موضحة", "متسائلا", "يقول", "تقول",
    "يضيف", "تضيف", "بحسب", "وفقا", "وفقاً",
)

#: Words that head the name of an institution (مكتب …، المنظمة …، وزارة …).
ORGANIZATION_HEADS = _keys(
    "مكتب", "منظمة", "المنظمة", "بعثة", "البعثة", "حكومة", "الحكومة", "وزارة", "الوزارة",
    "مجلس", "المجلس", "لجنة", "اللجنة", "هيئة", "الهيئة", "وكالة", "الوكالة", "مؤسسة",
    "المؤسسة", "فرع", "مديرية", "المديرية", "صندوق", "الصندوق", "بنك", "البنك",
    "مصرف", "المصرف", "التحالف", "تحالف", "منتدى", "المنتدى", "اتحاد", "الاتحاد", "جامعة",
    "الجامعة", "مركز", "المركز", "معهد", "المعهد", "محكمة", "المحكمة", "جهاز", "الجهاز",
    "مجموعة", "المجموعة", "حلف",
    "الحلف", "مفوضية", "المفوضية", "أمانة", "الأمانة", "رئاسة", "مستشارية", "سفارة",
    "السفارة", "شركة", "الشركة", "برلمان", "البرلمان", "حزب", "الحزب", "جمعية", "الجمعية",
    "شبكة", "الشبكة", "تنظيم", "جماعة", "الجماعة", "دائرة", "الدائرة", "وحدة", "الوحدة",
)

#: Words that precede a place name (مدينة الموصل، محافظة نينوى، العاصمة بغداد).
PLACE_CUES = _keys(
    "مدينة", "محافظة", "العاصمة", "إقليم", "قضاء", "بلدة", "قرية", "ولاية", "جزيرة",
    "مخيم", "منطقة",
)

#: Function words: a name never contains them and never starts with them.
FUNCTION_WORDS = _keys(
    "في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "ان", "أنه", "إنه", "أنها", "إنها",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "هذا", "هذه", "ذلك", "تلك", "هو",
    "هي", "هم", "كما", "قد", "لقد", "لا", "لم", "لن", "ما", "ماذا", "كل", "بعد", "قبل", "خلال",
    "عند", "حول", "بين", "أمام", "حيث", "كان", "كانت", "يكون", "تكون", "أو", "أم", "ثم", "بل",
    "لكن", "ولكن", "إلا", "غير", "منذ", "حتى", "عبر", "ضد", "نحو", "لدى", "لدي", "فيه", "فيها",
    "منه", "منها", "عليه", "عليها", "له", "لها", "به", "بها", "التابع", "التابعة", "التابعين",
    "أيضا", "أيضاً", "وهو", "وهي", "ومن", "وفي", "أما", "إذ", "إذا", "لو", "ليس", "دون", "سوى",
    "نيابة", "بالنيابة", "باسم", "الذى", "جميع", "عدد", "بعض", "أحد", "إحدى", "اليوم", "أمس",
    "مصدر", "مصادر", "ضمن", "بشأن", "لدعم", "إطار", "مثل", "بسبب", "وسط", "أكثر", "أقل",
)

#: Words that head the name of a building or site (مقر الأمم المتحدة، بيت ضيافة رئيس الوزراء).
BUILDING_HEADS = _keys("مقر", "بيت", "قصر", "مبنى", "فندق", "مطار", "سجن", "مخيم")

#: Adjectives (participles, not nisba forms) that continue an institution's name after a
#: definite head (الأمم المتحدة، اللجنة العليا); the ones in the first row take a ب complement.
NAME_PARTICIPLES = _keys(
    "المعني", "المعنية", "الخاص", "الخاصة", "المكلف", "المكلفة", "المختص", "المختصة",
    "المتحدة", "المستقلة", "العليا", "الكبرى", "العامة", "العام", "الأعلى", "المشتركة",
    "المشترك", "الدائمة", "الدائم", "المؤقتة", "المتكاملة",
)
TAKES_BI = _keys("المعني", "المعنية", "الخاص", "الخاصة", "المكلف", "المكلفة", "المختص", "المختصة")

#: Currency words and the ISO 4217 code each means when nothing qualifies it.
CURRENCY_WORDS: tuple[tuple[str, str | None], ...] = (
    ("دولار", "USD"), ("دولارا", "USD"), ("دولاراً", "USD"), ("دولارات", "USD"),
    ("يورو", "EUR"), ("جنيه إسترليني", "GBP"), ("جنيه استرليني", "GBP"),
    ("ين ياباني", "JPY"), ("يناً يابانياً", "JPY"), ("دينار عراقي", "IQD"),
    ("دينار كويتي", "KWD"), ("دينار أردني", "JOD"), ("دينار بحريني", "BHD"),
    ("ريال سعودي", "SAR"), ("ريال قطري", "QAR"), ("ريال عماني", "OMR"), ("درهم إماراتي", "AED"),
    ("درهم", None), ("دينار", None), ("ريال", None), ("جنيه", None),
)
#: Words after دولار that name another dollar than the US one.
OTHER_DOLLARS: dict[str, str] = {
    search_key("كندي"): "CAD", search_key("أسترالي"): "AUD", search_key("استرالي"): "AUD",
    search_key("سنغافوري"): "SGD", search_key("نيوزيلندي"): "NZD", search_key("هونغ"): "HKD",
}

#: Generic nouns written before a group's name (تنظيم داعش): the mention is the name after them.
DESCRIPTORS = _keys("تنظيم", "جماعة", "ميليشيا", "ميليشيات", "عصابات", "عصابة", "فصيل")

#: Heads whose name goes on with a preposition and a known name: a mission or delegation *to* a
#: country (بعثة اليابان إلى العراق), a coalition *against* a group (التحالف الدولي ضد داعش).
NAME_PREPOSITIONS: dict[str, frozenset[str]] = {
    **{head: _keys("إلى", "الى", "لدى") for head in _keys(
        "بعثة", "البعثة", "وفد", "الوفد", "سفارة", "السفارة", "ممثلية", "الممثلية")},
    **{head: _keys("ضد") for head in _keys("التحالف", "تحالف")},
}
