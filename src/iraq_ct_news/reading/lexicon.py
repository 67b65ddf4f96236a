"""Words of Arabic news prose that the drafting rules key on, in search-key form.

Every list here is about the language of news reports in general (how Arabic papers introduce
a person, attribute words, name an institution, write a sum), never about particular articles.
Entries are written as a reader sees them and folded with :func:`arabic.search_key` once, so a
rule compares folded keys and is blind to hamza forms, ta marbuta and diacritics.
"""

from __future__ import annotations

from ..core.arabic import search_key


def _keys(*words: str) -> frozenset[str]:
    return frozenset(search_key(word) for word in words)


#: Courtesy titles written before a name; they are not part of a title or of the name.
HONORIFICS = _keys(
    "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "معالي", "سعادة", "فخامة", "دولة", "سمو",
    "صاحب", "السمو", "الأستاذ", "الأستاذة", "المهندس", "المهندسة", "الشيخ", "الشيخة",
    "السادة", "سيادة", "مستر", "مسز", "المستر", "الآنسة", "اللورد", "لورد", "السير",
    "البارونة", "البارون", "الحاج", "الحاجة", "السيناتور",
)

#: Military ranks and the words that complete them (الفريق الأول الركن): CONTRIBUTING's
#: convention keeps them out of ``title_as_stated``, which holds the office printed before them.
RANKS = _keys(
    "المشير", "الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم",
    "الجنرال", "الأدميرال", "الأميرال",
)
#: Words that complete a rank after it (الفريق الأول الركن); alone they belong to an office
#: (النائب الأول), so they count as part of a rank only when a rank stands before them.
RANK_COMPLEMENTS = _keys("الركن", "ركن", "الأول", "أول", "البحري", "الطيار")

#: Nouns a stated title or role starts with (رئيس، وزير، المتحدث باسم …), with feminine forms.
TITLE_NOUNS = _keys(
    "رئيس", "الرئيس", "رئيسة", "نائب", "النائب", "نائبة", "وزير", "الوزير", "وزيرة", "الوزيرة",
    "مستشار", "المستشار", "مستشارة", "المتحدث", "متحدث", "المتحدثة", "الناطق", "ناطق",
    "الناطقة", "الأمين", "أمين", "الأمينة", "الممثل", "ممثل", "الممثلة", "ممثلة", "المبعوث",
    "مبعوث", "المبعوثة", "الموفد", "موفد", "نظير", "نظيرها", "نظيرته", "نظيرتها", "المدير", "مدير", "المديرة", "مديرة", "وكيل", "وكيلة", "مساعد",
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
    "الجيش", "جيش",
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
    # adverbs of place and time, which stand where a name could (وقال هناك …، الموجودين هنا)
    "هناك", "هنا", "هنالك", "حاليا", "حالياً", "كذلك", "أيضا", "جدا", "فقط", "الآن", "آنذاك",
    "حينها", "لاحقا", "لاحقاً", "سابقا", "سابقاً", "مجددا", "مجدداً", "غدا", "غداً",
    "للمرة", "لمرة",  # للمرة الأولى: an adverbial, never the complement of a name
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

#: Adjectives that judge or describe a group rather than name it (داعش الإرهابي): a name is
#: never extended over them, and they are dropped when names are compared.
EVALUATIVE = _keys(
    "الإرهابي", "الإرهابية", "الإرهابيين", "الإرهابيون", "المتطرف", "المتطرفة", "المتطرفين",
    "التكفيري", "التكفيرية", "الإجرامي", "الإجرامية", "المسلح", "المسلحة", "المزعوم",
    "المزعومة", "المحظور", "المحظورة", "المنحل", "المنحلة",
)

#: Nisba adjectives that describe an institution's level or field rather than whose it is
#: (الحكومة المركزية، القوات الأمنية): a definite head with only these names no one.
GENERIC_ADJECTIVES = _keys(
    "المركزي", "المركزية", "المحلي", "المحلية", "الاتحادي", "الاتحادية", "الأمني", "الأمنية",
    "العسكري", "العسكرية", "الرسمي", "الرسمية", "الحالي", "الحالية", "السابق", "السابقة",
    "الجديد", "الجديدة", "الانتقالي", "الانتقالية", "الحكومي", "الحكومية", "الإقليمي",
    "الإقليمية", "الوطني", "الوطنية", "الدبلوماسي", "الدبلوماسية", "السياسي", "السياسية",
    "الاستخباري", "الاستخبارية", "الخارجي", "الخارجية", "الداخلي", "الداخلية", "المعنية",
    "الأجنبي", "الأجنبية", "الأجانب", "الشعبي", "الشعبية", "العالمي", "العالمية",
)

#: Words that open a compound given name and never stand alone (عبد الله، أبو بكر، بن علي).
NAME_PARTICLES = _keys("عبد", "أبو", "ابو", "أبي", "ابي", "بن", "ابن", "آل", "ذو")

#: Quotation marks: a name never crosses one (تنظيم "الدولة الإسلامية").
QUOTATION_MARKS = frozenset('"“”«»„‟\'‘’')

#: Nouns for a news outlet; a name in quotation marks right after one is the outlet's
#: (صحيفة "الصباح"، وكالة «الأناضول»).
OUTLET_NOUNS = _keys(
    "صحيفة", "الصحيفة", "جريدة", "الجريدة", "وكالة", "الوكالة", "قناة", "القناة", "موقع",
    "الموقع", "إذاعة", "الإذاعة", "مجلة", "المجلة", "شبكة", "الشبكة", "تلفزيون", "فضائية",
)

#: Adjectives saying what kind of outlet a paper or agency is (official, government-run, daily),
#: which a quoted outlet name can close with (صحيفة "الصباح الرسمية") without being part of it.
#: Adjectives that do name an outlet (العربي الجديد) are not here.
OUTLET_DESCRIPTIONS = _keys(
    "الرسمي", "الرسمية", "الحكومي", "الحكومية", "اليومي", "اليومية", "الأسبوعي", "الأسبوعية",
    "المحلي", "المحلية",
)

#: Nouns for a military or civil site whose name news prose often puts in quotation marks
#: (قاعدة "عين الأسد"، مخيم "الهول"، مطار «المثنى»).
SITE_NOUNS = _keys("قاعدة", "القاعدة", "مطار", "المطار", "مخيم", "المخيم", "معسكر", "المعسكر",
                   "سجن", "السجن", "ميناء", "الميناء")

#: Past-tense verbs news prose puts right after a title (الوزير التقى …، الرئيس استقبل …):
#: they are never a name's first word.
NEWS_VERBS = _keys(
    *(
        form
        for stem in (
            "التقى", "استقبل", "زار", "وصل", "بحث", "ناقش", "شارك", "ترأس", "أجرى", "عقد",
            "وقع", "توجه", "غادر", "حضر", "أعلن", "التقت", "استقبلت", "زارت", "وصلت", "بحثت",
            "ناقشت", "شاركت", "ترأست", "أجرت", "عقدت", "وقعت", "توجهت", "غادرت", "حضرت",
            "تلقى", "تلقت", "هنأ", "هنأت", "رحب", "رحبت", "أدان", "أدانت", "سلم", "سلمت",
        )
        for form in (stem, "و" + stem)
    ),
)

#: Weekday names (a name ends before one: … فلان فلان الأحد). Dates are read elsewhere;
#: this list only marks where a name stops.
WEEKDAYS = _keys(
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
)

#: Parts of the day written before a weekday or a date (صباح الخميس، مساء أمس): a name
#: ends before one (… فلان فلان صباح الخميس في بغداد).
TIMES_OF_DAY = _keys("صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "صبيحة", "ضحى")

#: Plural and collective nouns that stand after a title where a name could (قائد قوات …،
#: رئيس وفد …): never a person's name.
COLLECTIVE_NOUNS = _keys(
    "قوات", "القوات", "عناصر", "مسلحي", "مقاتلي", "أعضاء", "ممثلي", "وفد", "الوفد", "قيادة",
    "أجهزة", "وحدات", "فصائل",
)

#: Regnal ordinals closing a sovereign's name (عبد الله الثاني): the name before them is
#: the short form the article goes on with.
REGNAL_ORDINALS = _keys("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس")


#: Complementisers that open reported speech (قال إن، أكد أنه، أشار بأنها): أن / إن, with the
#: preposition ب and the pronoun suffixes they take. What follows one is what was said, so
#: it ends the subject clause of a verb of saying.
COMPLEMENTISERS = frozenset(
    f"{preposition}ان{suffix}"
    for preposition in ("", "ب")
    for suffix in ("", "ه", "ها", "هم", "هما", "هن", "نا", "كم")
)
