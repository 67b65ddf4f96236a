"""Write a synthetic but valid repository tree of N articles, deterministically from a seed.

    python benchmarks/synth.py --n 10000 --out /tmp/synth-10k [--seed 1]

The tree has everything a real one has: ``seeds/`` (one source document per article, plus
``SHA256SUMS``), the registries (people, organisations, places) sized in proportion to N, the
theme and CAMEO vocabularies, and N articles of realistic size: 3–8 KB Arabic bodies, 5–25
mentions, 0–5 quotes inside quotation marks, 0–4 events with dated evidence, sometimes amounts
and resolutions. Every span really occurs in the body; a span whose words occur more than once is
pinned with a ``prefix`` or an ``occurrence``. Every name in a body has a mention, every mention
contains a registry spelling, and every registry record and CAMEO code is used, so
``iraq-ct-news validate --root DIR`` reports nothing at all (no error and no warning).

The text is nonsense assembled from news vocabulary; only its shape is realistic. The same
``--n`` and ``--seed`` always give byte-identical trees. Records are written in the canonical
layout of ``iraq-ct-news fmt``.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iraq_ct_news.core.arabic import token_variants, tokens
from iraq_ct_news.store.formatting import render

SCHEMA_VERSION = "1.0.0"
RECORD_DATE = "2025-06-01"

# -- vocabulary ------------------------------------------------------------------------------------

#: Filler words of news prose. None of them (nor any proclitic form of them) starts a registry
#: name, so the names the generator inserts are the only names in a body (checked at start-up).
FILLER = (
    "أكد المسؤول أن التعاون بين البلدين يهدف إلى تعزيز القدرات الوطنية في مجال مكافحة الإرهاب "
    "والتطرف العنيف وأشار إلى أهمية تبادل المعلومات والخبرات وتطوير التشريعات ذات الصلة كما دعا "
    "إلى مواصلة الجهود المشتركة من أجل تحقيق الاستقرار وإعادة الإعمار في المناطق المحررة وقد شارك "
    "في الاجتماع عدد من الخبراء والمختصين الذين ناقشوا سبل دعم المجتمعات المحلية وتمكين الشباب "
    "والنساء ومنع عودة الجماعات المسلحة وأضاف أن المرحلة المقبلة تتطلب تنسيقا أكبر بين المؤسسات "
    "الأمنية والقضائية والتعليمية لضمان احترام حقوق الإنسان وسيادة القانون وتناول اللقاء ملفات "
    "النازحين والعائدين والمعتقلين وضحايا الهجمات والبرامج الخاصة بإعادة التأهيل والإدماج وجرى "
    "التأكيد على ضرورة تجفيف منابع التمويل ومراقبة الحدود والمنافذ ومكافحة غسل الأموال وتهريب "
    "الأسلحة والوثائق المزورة وأوضح البيان الصادر عن الجانبين أن الخطة تشمل تدريب الكوادر وتوفير "
    "المعدات الحديثة وإنشاء قاعدة بيانات موحدة تساعد على رصد التهديدات وتحليلها بصورة مبكرة ولفت "
    "إلى أن التحديات ما زالت كبيرة رغم التقدم الملحوظ الذي تحقق خلال الأعوام الماضية وأن الدعم "
    "الدولي يبقى ضروريا لتثبيت المكاسب وبناء الثقة بين المواطنين والدولة ومؤسساتها وفي ختام "
    "الزيارة اتفق الطرفان على عقد جولة جديدة من المشاورات وتشكيل فرق عمل فنية تتابع تنفيذ "
    "التوصيات وتقدم تقارير دورية عن سير العمل والنتائج المتحققة على الأرض ويأتي ذلك في إطار "
    "الاستراتيجية الشاملة التي أقرتها الحكومة لمواجهة الفكر المتطرف ومعالجة أسبابه الجذرية "
    "الاقتصادية والاجتماعية والسياسية عبر برامج التوعية والتعليم وتوفير فرص العمل وتحسين الخدمات "
    "الأساسية للسكان المتضررين من النزاع الذي شهدته البلاد في السنوات الأخيرة ويرى مراقبون أن "
    "نجاح هذه الجهود مرهون بالإرادة السياسية والتمويل المستدام والشراكة الحقيقية مع منظمات "
    "المجتمع المدني والقيادات الدينية والعشائرية التي تؤدي دورا محوريا في نشر ثقافة التسامح "
    "والحوار ونبذ العنف والكراهية وتعزيز قيم المواطنة والتعايش السلمي بين المكونات كافة"
).split()

#: Words that end a sentence before its full stop, for some variety in sentence shape.
CLOSERS = ("خلال المرحلة المقبلة", "على المدى البعيد", "بصورة عاجلة", "دون تأخير", "في أقرب وقت")

#: Person names: (Arabic, English).
FIRST_NAMES = (
    ("أحمد", "Ahmed"), ("محمد", "Mohammed"), ("حسين", "Hussein"), ("عمر", "Omar"),
    ("خالد", "Khaled"), ("فيصل", "Faisal"), ("سامي", "Sami"), ("ماجد", "Majed"),
    ("نبيل", "Nabil"), ("طارق", "Tariq"), ("يوسف", "Yousef"), ("إبراهيم", "Ibrahim"),
    ("هادي", "Hadi"), ("وليد", "Walid"), ("زياد", "Ziad"), ("باسم", "Basim"), ("رائد", "Raed"),
    ("فراس", "Firas"), ("مازن", "Mazen"), ("نزار", "Nizar"), ("عماد", "Imad"), ("قيس", "Qais"),
    ("بشير", "Bashir"), ("جواد", "Jawad"), ("فاضل", "Fadhil"), ("ليلى", "Layla"),
    ("سارة", "Sara"), ("مريم", "Maryam"), ("هدى", "Huda"), ("نادية", "Nadia"), ("رنا", "Rana"),
    ("دينا", "Dina"), ("سلمى", "Salma"), ("جان", "Jan"), ("ماريا", "Maria"),
    ("أنطونيو", "Antonio"), ("بيتر", "Peter"), ("كريستينا", "Cristina"), ("ميشيل", "Michel"),
    ("توماس", "Thomas"), ("هيلين", "Helene"), ("أندريه", "Andre"), ("كينجي", "Kenji"),
    ("أوليفر", "Oliver"), ("إيلينا", "Elena"), ("مصطفى", "Mustafa"), ("قاسم", "Qasim"),
    ("نوفل", "Nawfal"), ("حيدر", "Haider"), ("مهدي", "Mahdi"),
)
MIDDLE_NAMES = (
    ("عبد الله", "Abdullah"), ("جاسم", "Jasim"), ("كاظم", "Kadhim"), ("ناصر", "Nasser"),
    ("منصور", "Mansour"), ("شاكر", "Shakir"), ("عباس", "Abbas"), ("هاشم", "Hashim"),
    ("راضي", "Radhi"), ("مجيد", "Majeed"),
)
FAMILY_NAMES = (
    ("الكبيسي", "Al-Kubaisi"), ("الجبوري", "Al-Jubouri"), ("العبيدي", "Al-Obaidi"),
    ("الدليمي", "Al-Dulaimi"), ("الزبيدي", "Al-Zubaidi"), ("الساعدي", "Al-Saadi"),
    ("الحلبوسي", "Al-Halbousi"), ("العاني", "Al-Ani"), ("الراوي", "Al-Rawi"),
    ("التكريتي", "Al-Tikriti"), ("الموسوي", "Al-Musawi"), ("الحسيني", "Al-Husseini"),
    ("الخفاجي", "Al-Khafaji"), ("الشمري", "Al-Shammari"), ("العزاوي", "Al-Azzawi"),
    ("النعيمي", "Al-Nuaimi"), ("البياتي", "Al-Bayati"), ("الطائي", "Al-Taie"),
    ("الربيعي", "Al-Rubaie"), ("الكعبي", "Al-Kaabi"), ("الياسري", "Al-Yasiri"),
    ("الجنابي", "Al-Janabi"), ("العامري", "Al-Amiri"), ("الزيدي", "Al-Zaidi"),
    ("السامرائي", "Al-Samarrai"), ("الفهداوي", "Al-Fahdawi"), ("المشهداني", "Al-Mashhadani"),
    ("الهاشمي", "Al-Hashimi"), ("القيسي", "Al-Qaisi"), ("البصري", "Al-Basri"),
    ("الحمداني", "Al-Hamdani"), ("الأنصاري", "Al-Ansari"), ("الخزاعي", "Al-Khuzaie"),
    ("الشيباني", "Al-Shaibani"), ("العكيلي", "Al-Ukaili"), ("الفتلاوي", "Al-Fatlawi"),
    ("اللامي", "Al-Lami"), ("الوائلي", "Al-Waili"), ("اليعقوبي", "Al-Yaqoubi"),
    ("البدري", "Al-Badri"), ("التميمي", "Al-Tamimi"), ("الجميلي", "Al-Jumaili"),
    ("الحديثي", "Al-Hadithi"), ("الدوري", "Al-Douri"), ("سميث", "Smith"), ("مولر", "Muller"),
    ("روسي", "Rossi"), ("دوبوا", "Dubois"), ("يانسن", "Jansen"), ("كوفاليف", "Kovalev"),
    ("تاناكا", "Tanaka"), ("سوزوكي", "Suzuki"), ("مارتن", "Martin"), ("غارسيا", "Garcia"),
    ("لوبيز", "Lopez"), ("أندرسن", "Andersen"), ("نيلسن", "Nielsen"), ("فيشر", "Fischer"),
    ("هوفمان", "Hoffmann"), ("شنايدر", "Schneider"), ("بيرغ", "Berg"), ("دالتون", "Dalton"),
    ("كيسلر", "Kessler"), ("رينو", "Renaud"), ("فالنتي", "Valenti"),
)
TITLES = (
    ("وزير الداخلية", "Minister of the Interior"), ("المتحدث الرسمي", "Official spokesperson"),
    ("المدير العام", "Director-General"), ("الأمين العام", "Secretary-General"),
    ("رئيس البعثة", "Head of Mission"), ("المنسق المقيم", "Resident Coordinator"),
    ("نائب الممثل الخاص", "Deputy Special Representative"), ("السفير", "Ambassador"),
    ("المستشار الأمني", "Security Adviser"), ("قائد العمليات", "Operations Commander"),
)

#: Organisation names: a body type, a field and sometimes a qualifier.
ORG_TYPES = (
    ("وزارة", "Ministry of"), ("هيئة", "Authority for"), ("مكتب", "Office for"),
    ("جهاز", "Service for"), ("مديرية", "Directorate of"), ("لجنة", "Committee for"),
    ("صندوق", "Fund for"), ("برنامج", "Programme for"), ("مركز", "Centre for"),
    ("مؤسسة", "Foundation for"), ("منظمة", "Organisation for"), ("بعثة", "Mission for"),
    ("شبكة", "Network for"), ("معهد", "Institute for"), ("رابطة", "League for"),
    ("جمعية", "Association for"), ("وكالة", "Agency for"), ("دائرة", "Department of"),
    ("قيادة", "Command for"), ("أكاديمية", "Academy for"),
)
ORG_FIELDS = (
    ("الأمن الداخلي", "Internal Security"), ("مكافحة الإرهاب", "Counter-Terrorism"),
    ("شؤون الهجرة", "Migration Affairs"), ("حقوق الإنسان", "Human Rights"),
    ("التنمية المستدامة", "Sustainable Development"), ("إعادة الإعمار", "Reconstruction"),
    ("الحوار المجتمعي", "Community Dialogue"), ("النزاهة", "Integrity"),
    ("العدالة الانتقالية", "Transitional Justice"), ("الإغاثة الإنسانية", "Humanitarian Relief"),
    ("الدراسات الاستراتيجية", "Strategic Studies"), ("حماية الحدود", "Border Protection"),
    ("مكافحة المخدرات", "Counter-Narcotics"), ("الاستخبارات المالية", "Financial Intelligence"),
    ("شؤون النازحين", "Displaced Persons"), ("التعليم العالي", "Higher Education"),
    ("الإعلام والاتصالات", "Media and Communications"), ("الشباب والرياضة", "Youth and Sport"),
    ("المرأة والطفل", "Women and Children"), ("الأمن السيبراني", "Cybersecurity"),
    ("الطب العدلي", "Forensic Medicine"), ("إزالة الألغام", "Mine Action"),
    ("السلم الأهلي", "Civil Peace"), ("الشؤون الدينية", "Religious Affairs"),
    ("التخطيط", "Planning"), ("المالية", "Finance"), ("العدل", "Justice"), ("الدفاع", "Defence"),
    ("الخارجية", "Foreign Affairs"), ("الصحة", "Health"), ("الإسكان", "Housing"),
    ("النقل", "Transport"), ("الزراعة", "Agriculture"), ("الطاقة", "Energy"),
    ("المياه", "Water"), ("الثقافة", "Culture"), ("السياحة", "Tourism"), ("العمل", "Labour"),
    ("الهجرة", "Migration"), ("التجارة", "Trade"),
)
ORG_QUALIFIERS = (
    ("", ""), ("الاتحادي", "(Federal)"), ("الوطني", "(National)"), ("الإقليمي", "(Regional)"),
    ("العليا", "(Higher)"), ("المركزي", "(Central)"), ("المشترك", "(Joint)"),
)
OUTLETS = (
    ("صحيفة الرافدين", "Al-Rafidain Daily"), ("صحيفة الفرات", "Al-Furat Daily"),
    ("صحيفة المدى", "Al-Mada Daily"), ("صحيفة الصباح", "Al-Sabah Daily"),
    ("صحيفة الزمان", "Al-Zaman Daily"), ("صحيفة الشرق", "Al-Sharq Daily"),
    ("صحيفة النهار", "Al-Nahar Daily"), ("صحيفة الوطن", "Al-Watan Daily"),
)

#: Places: real ones first, then districts named from a type word and a name.
REAL_PLACES = (
    ("العراق", "Iraq", "country", "IRQ"), ("بغداد", "Baghdad", "city", "IRQ"),
    ("البصرة", "Basra", "city", "IRQ"), ("الموصل", "Mosul", "city", "IRQ"),
    ("أربيل", "Erbil", "city", "IRQ"), ("كركوك", "Kirkuk", "city", "IRQ"),
    ("النجف", "Najaf", "city", "IRQ"), ("كربلاء", "Karbala", "city", "IRQ"),
    ("الأنبار", "Anbar", "region", "IRQ"), ("نينوى", "Nineveh", "region", "IRQ"),
    ("سوريا", "Syria", "country", "SYR"), ("الأردن", "Jordan", "country", "JOR"),
    ("الكويت", "Kuwait", "country", "KWT"), ("تركيا", "Turkey", "country", "TUR"),
    ("إيران", "Iran", "country", "IRN"), ("اليابان", "Japan", "country", "JPN"),
    ("هولندا", "Netherlands", "country", "NLD"), ("الدنمارك", "Denmark", "country", "DNK"),
    ("جنيف", "Geneva", "city", "CHE"), ("فيينا", "Vienna", "city", "AUT"),
)
PLACE_TYPES = (
    ("ناحية", "Subdistrict"), ("قضاء", "District"), ("حي", "Quarter"), ("مخيم", "Camp"),
    ("سهل", "Plain"), ("وادي", "Valley"), ("جزيرة", "Island"), ("قرية", "Village"),
)
PLACE_NAMES = (
    ("النخيل", "Al-Nakhil"), ("الزهور", "Al-Zuhur"), ("السلام", "Al-Salam"),
    ("الفرات", "Al-Furat"), ("الرافدين", "Al-Rafidain"), ("الصمود", "Al-Sumud"),
    ("الربيع", "Al-Rabi"), ("الأمل", "Al-Amal"), ("الحرية", "Al-Hurriya"),
    ("الوحدة", "Al-Wahda"), ("النور", "Al-Nur"), ("الجسر", "Al-Jisr"), ("البساتين", "Al-Basatin"),
    ("القلعة", "Al-Qalaa"), ("المنار", "Al-Manar"), ("الشروق", "Al-Shuruq"),
    ("الغدير", "Al-Ghadir"), ("الينابيع", "Al-Yanabi"), ("الصفا", "Al-Safa"),
    ("المروج", "Al-Muruj"), ("الريان", "Al-Rayyan"), ("الضفاف", "Al-Difaf"),
    ("الكرامة", "Al-Karama"), ("الفجر", "Al-Fajr"), ("الهدى", "Al-Huda"),
    ("الطيب", "Al-Tayyib"), ("الرشاد", "Al-Rashad"), ("الوفاء", "Al-Wafa"),
    ("العروبة", "Al-Uruba"), ("الإخاء", "Al-Ikha"), ("الزيتون", "Al-Zaytun"),
    ("الرمان", "Al-Rumman"), ("التين", "Al-Tin"), ("القصب", "Al-Qasab"), ("الحصى", "Al-Hasa"),
    ("الرمال", "Al-Rimal"), ("الغابات", "Al-Ghabat"), ("الينبوع", "Al-Yanbu"),
    ("النسيم", "Al-Nasim"), ("السواقي", "Al-Sawaqi"),
)

MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
MONTHS_SEED = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

#: Event kinds with the CAMEO codes they are coded with (code, label and quad class as the CAMEO
#: codebook gives them: validate checks them against it).
EVENT_KINDS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "meeting": (("040", "Consult, not specified below", 1), ("043", "Host a visit", 1)),
    "conference": (("044", 'Meet at a "third" location', 1), ("046", "Engage in negotiation", 1)),
    "programme-launch": (("060", "Engage in material cooperation, not specified below", 2),),
    "agreement-signing": (("057", "Sign formal agreement", 1),),
    "workshop": (("040", "Consult, not specified below", 1), ("064", "Share intelligence or information", 2)),
    "ministerial-meeting": (("043", "Host a visit", 1), ("036", "Express intent to meet or negotiate", 1)),
    "funding-pledge": (
        ("071", "Provide economic aid", 2), ("0331", "Express intent to provide economic aid", 1),
    ),
    "visit": (("042", "Make a visit", 1),),
    "military-operation": (("190", "Use conventional military force, not specified below", 4),),
}
DELIVERIES = ("in-person", "in-person", "in-person", "video-message", "interview",
              "written-statement", "unknown")
RESOLUTIONS = (1267, 1373, 1624, 2170, 2178, 2199, 2253, 2368, 2379, 2396, 2427, 2462, 2482)
RESOLUTION_YEARS = {1267: 1999, 1373: 2001, 1624: 2005, 2170: 2014, 2178: 2014, 2199: 2015,
                    2253: 2015, 2368: 2017, 2379: 2017, 2396: 2017, 2427: 2018, 2462: 2019,
                    2482: 2019}
THEMES = (
    ("preventing-violent-extremism", "Preventing violent extremism", "منع التطرف العنيف", 1),
    ("capacity-building", "Capacity building", "بناء القدرات", 4),
    ("border-security", "Border security", "أمن الحدود", 2),
    ("terrorist-financing", "Countering the financing of terrorism", "مكافحة تمويل الإرهاب", 2),
    ("foreign-terrorist-fighters", "Foreign terrorist fighters", "المقاتلون الإرهابيون الأجانب", 2),
    ("human-rights-rule-of-law", "Human rights and the rule of law", "حقوق الإنسان وسيادة القانون", 4),
    ("victims-of-terrorism", "Victims of terrorism", "ضحايا الإرهاب", 1),
    ("gender", "Gender", "النوع الاجتماعي", 1),
    ("reconstruction-stabilisation", "Reconstruction and stabilisation", "إعادة الإعمار والاستقرار", 1),
    ("displacement-returns", "Displacement and returns", "النزوح والعودة", 1),
    ("criminal-justice", "Criminal justice responses", "الاستجابات القضائية", 2),
    ("civil-society-engagement", "Civil society engagement", "إشراك المجتمع المدني", 1),
    ("counter-narratives", "Counter-narratives", "الخطاب المضاد", 1),
    ("military-operations", "Military operations", "العمليات العسكرية", 2),
    ("international-cooperation", "International cooperation", "التعاون الدولي", 3),
)


# -- registries ------------------------------------------------------------------------------------


@dataclass
class Entity:
    """A registry record to be written, with the spellings a body may use for it."""

    kind: str  # person | organization | place
    id: str
    ar: str
    en: str
    surname: str | None = None
    acronym: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    title: tuple[str, str] | None = None
    """For a person: the title an article states, and the article (id) the position cites."""
    title_article: str | None = None


def _key(text: str) -> str:
    return " ".join(tokens(text))


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)


class Registry:
    """People, organisations, places and outlets, sized in proportion to ``n``."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self.rng = rng
        self.people: list[Entity] = []
        self.organizations: list[Entity] = []
        self.places: list[Entity] = []
        self.outlets: list[Entity] = []
        self._ids: set[str] = set()
        self._keys: set[str] = set()
        self._acronyms: set[str] = set()
        self._make_people(8 + n // 4)
        self._make_organizations(8 + n // 8)
        self._make_places(min(len(REAL_PLACES) + len(PLACE_TYPES) * len(PLACE_NAMES), 6 + n // 25))
        self._make_outlets(min(len(OUTLETS), 2 + n // 500, n))

    def _claim(self, base: str, *spellings: str) -> str | None:
        keys = {_key(spelling) for spelling in spellings if spelling}
        if keys & self._keys:
            return None
        self._keys |= keys
        entity_id = base
        number = 2
        while entity_id in self._ids:
            entity_id = f"{base}-{number}"
            number += 1
        self._ids.add(entity_id)
        return entity_id

    def _make_people(self, count: int) -> None:
        combos = [(f, m, s) for f in FIRST_NAMES for s in FAMILY_NAMES for m in (None, *MIDDLE_NAMES)]
        self.rng.shuffle(combos)
        combos.sort(key=lambda combo: combo[1] is not None)  # two-part names first
        for first, middle, family in combos:
            if len(self.people) >= count:
                break
            parts = [first, *([middle] if middle else []), family]
            ar = " ".join(p[0] for p in parts)
            en = " ".join(p[1] for p in parts)
            entity_id = self._claim(_slug(en), ar, en)
            if entity_id is None:
                continue
            person = Entity("person", entity_id, ar, en, surname=family[0])
            if self.rng.random() < 0.3:
                person.title = self.rng.choice(TITLES)
            self.people.append(person)
        if len(self.people) < count:
            raise SystemExit(f"synth: cannot make {count} distinct people")

    def _make_organizations(self, count: int) -> None:
        combos = [(t, f, q) for t in ORG_TYPES for f in ORG_FIELDS for q in ORG_QUALIFIERS]
        self.rng.shuffle(combos)
        for (type_ar, type_en), (field_ar, field_en), (qual_ar, qual_en) in combos:
            if len(self.organizations) >= count:
                break
            ar = " ".join(p for p in (type_ar, field_ar, qual_ar) if p)
            en = " ".join(p for p in (type_en, field_en, qual_en) if p)
            acronym = None
            if self.rng.random() < 0.4:
                acronym = self._acronym()
            entity_id = self._claim(_slug(en), ar, en, acronym or "")
            if entity_id is None:
                continue
            kind = self.rng.choice(("government-body", "government-body", "un-entity", "ngo",
                                    "intergovernmental", "other"))
            country = "IRQ" if kind == "government-body" else None
            self.organizations.append(
                Entity("organization", entity_id, ar, en, acronym=acronym,
                       extra={"kind": kind, "country": country})
            )
        if len(self.organizations) < count:
            raise SystemExit(f"synth: cannot make {count} distinct organisations")

    def _acronym(self) -> str:
        letters = "ABCDEFGHIJKLMNOPRSTUVWXYZ"
        while True:
            acronym = "".join(self.rng.choice(letters) for _ in range(self.rng.randint(3, 5)))
            if acronym not in self._acronyms:
                self._acronyms.add(acronym)
                return acronym

    def _make_places(self, count: int) -> None:
        for ar, en, kind, country in REAL_PLACES:
            if len(self.places) >= count:
                return
            entity_id = self._claim(_slug(en), ar, en)
            assert entity_id is not None
            self.places.append(Entity("place", entity_id, ar, en,
                                      extra={"kind": kind, "country": country}))
        combos = [(t, p) for t in PLACE_TYPES for p in PLACE_NAMES]
        self.rng.shuffle(combos)
        for (type_ar, type_en), (name_ar, name_en) in combos:
            if len(self.places) >= count:
                return
            ar = f"{type_ar} {name_ar}"
            en = f"{name_en} {type_en}"
            entity_id = self._claim(_slug(en), ar, en)
            if entity_id is None:
                continue
            self.places.append(Entity("place", entity_id, ar, en,
                                      extra={"kind": "region", "country": "IRQ"}))

    def _make_outlets(self, count: int) -> None:
        for ar, en in OUTLETS[:count]:
            entity_id = self._claim(_slug(en), ar, en)
            assert entity_id is not None
            self.outlets.append(Entity("organization", entity_id, ar, en,
                                       extra={"kind": "news-outlet", "country": "IRQ"}))

    def spellings(self) -> list[str]:
        """Every spelling of every name, as the validator's name check sees them."""
        found: list[str] = []
        for entity in [*self.people, *self.organizations, *self.places, *self.outlets]:
            found += [entity.ar, entity.en]
            if entity.acronym:
                found.append(entity.acronym)
        return found


def check_vocabulary(registry: Registry) -> None:
    """Refuse to run if a filler word could be read as the start of a registry name."""
    starts = {_key(spelling).split()[0] for spelling in registry.spellings() if _key(spelling)}
    words = [*FILLER, *" ".join(CLOSERS).split(), *" ".join(t for t, _ in TITLES).split(),
             "وقال", "وأضاف", "قائلا", "القرار", "رقم", "بقيمة", "مليون", "دولار", "في",
             *" ".join(MONTHS).split(), "كلمة", "وقرأ", "التي", "جاء", "فيها", "ممثلا", "عن"]
    for word in words:
        for token in tokens(word):
            clash = token_variants(token) & starts
            if clash:
                raise SystemExit(f"synth: filler word {word!r} starts a name ({sorted(clash)})")
    # A name followed by a filler word must not read as a longer name ("X" + "the national").
    keys = {tuple(_key(spelling).split()) for spelling in registry.spellings()}
    following = {token for word in FILLER for token in tokens(word)}
    for key in keys:
        for cut in range(1, len(key)):
            if key[:cut] in keys and key[cut] in following:
                raise SystemExit(f"synth: a filler word after {' '.join(key[:cut])!r} would "
                                 f"read as the longer name {' '.join(key)!r}")


# -- articles -------------------------------------------------------------------------------------


@dataclass
class Anchor:
    """A piece of the body that a record field points at."""

    group: str  # mention | quote | event | amount | resolution
    start: int
    end: int
    data: dict[str, Any]


class BodyWriter:
    """Assembles a body paragraph by paragraph, remembering where each anchored piece is."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.offset = 0
        self.anchors: list[Anchor] = []

    def text(self, words: str) -> None:
        if self.current:
            self.current.append(" ")
            self.offset += 1
        self.current.append(words)
        self.offset += len(words)

    def glued(self, words: str) -> None:
        """Text right after the previous piece, with no space (punctuation)."""
        self.current.append(words)
        self.offset += len(words)

    def anchor(self, words: str, group: str, data: dict[str, Any], *, glue: bool = False,
               inner: tuple[int, int] | None = None) -> None:
        """Append ``words``; the anchored span is ``words[inner[0]:inner[1]]`` (all by default)."""
        if glue:
            self.glued(words)
        else:
            self.text(words)
        start = self.offset - len(words)
        lo, hi = inner or (0, len(words))
        self.anchors.append(Anchor(group, start + lo, start + hi, data))

    def end_paragraph(self) -> None:
        if self.current:
            self.paragraphs.append("".join(self.current))
            self.current = []
            self.offset += 2

    def body(self) -> str:
        self.end_paragraph()
        return "\n\n".join(self.paragraphs)


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    position = text.find(needle)
    while position != -1:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def pin(body: str, start: int, end: int, rng: random.Random) -> dict[str, Any]:
    """The selector fields that place ``body[start:end]`` unambiguously."""
    exact = body[start:end]
    starts = _occurrences(body, exact)
    if len(starts) == 1:
        return {"exact": exact}
    if rng.random() < 0.6:
        word_start = body.rfind(" ", 0, max(0, start - 1)) + 1
        prefix = body[word_start:start]
        if prefix.strip() and "\n" not in prefix and len(_occurrences(body, prefix + exact)) == 1:
            return {"exact": exact, "prefix": prefix}
    return {"exact": exact, "occurrence": starts.index(start) + 1}


def sentence(rng: random.Random, low: int = 7, high: int = 16) -> str:
    start = rng.randrange(len(FILLER) - high)
    return " ".join(FILLER[start : start + rng.randint(low, high)])


def english_sentence(rng: random.Random) -> str:
    subjects = ("The ministry", "Officials", "The delegation", "The programme", "Participants",
                "The government", "Partners", "The mission")
    verbs = ("discussed", "reviewed", "agreed on", "announced", "launched", "supported",
             "called for", "welcomed")
    objects = ("cooperation against terrorism", "border security measures",
               "support for displaced families", "training for investigators",
               "community dialogue programmes", "the return of displaced people",
               "reconstruction in liberated areas", "prevention of violent extremism")
    return f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}."


@dataclass
class ArticlePlan:
    index: int
    entities: list[Entity]
    required: list[Entity]


def make_article(plan: ArticlePlan, registry: Registry, rng: random.Random,
                 cameo_used: dict[str, tuple[str, int]]) -> tuple[dict[str, Any], str]:
    """One article record and the seed document it is curated from."""
    article_id = f"synthetic-article-{plan.index:06d}"
    published = datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    people = [e for e in plan.entities if e.kind == "person"]
    actors = [e for e in plan.entities if e.kind in ("person", "organization")]
    places = [e for e in plan.entities if e.kind == "place"]
    least = max(5, len(plan.entities))
    mention_total = rng.randint(least, max(least, 25))
    occurrences = list(plan.entities)
    while len(occurrences) < mention_total:
        occurrences.append(rng.choice(plan.entities))
    rng.shuffle(occurrences)

    # Sentences that carry something anchored, as functions of the writer.
    pieces: list[Any] = []
    quote_count = min(rng.choice((0, 1, 1, 2, 2, 3, 4, 5)), len(people))
    speakers = rng.sample(people, quote_count) if quote_count else []
    for speaker in speakers:
        if speaker in occurrences:
            occurrences.remove(speaker)
        pieces.append(("quote", speaker))
    event_count = rng.choice((0, 1, 1, 2, 2, 3, 4)) if actors else 0
    for number in range(event_count):
        pieces.append(("event", number))
    if rng.random() < 0.25:
        pieces.append(("amount", None))
    if rng.random() < 0.15:
        pieces.append(("resolution", None))
    for entity in occurrences:
        pieces.append(("mention", entity))
    rng.shuffle(pieces)

    writer = BodyWriter()
    target = rng.randint(3000, 8000)  # UTF-8 bytes of the body
    budget = target - 150 * len(pieces)  # what filler may add around the anchored pieces
    paragraph_words = 0
    titled: set[str] = set()
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    amounts: list[dict[str, Any]] = []
    resolutions: list[dict[str, Any]] = []

    def name_of(entity: Entity) -> tuple[str, str]:
        """Words for the entity in the body and the part of them that is the mention."""
        if entity.kind == "person":
            if entity.title and entity.id not in titled:
                titled.add(entity.id)
                return f"{entity.title[0]} {entity.ar}", entity.ar
            if entity.surname and rng.random() < 0.25:
                return entity.surname, entity.surname
            return entity.ar, entity.ar
        if entity.kind == "organization" and entity.acronym and rng.random() < 0.3:
            return entity.acronym, entity.acronym
        return entity.ar, entity.ar

    def mention(entity: Entity, prefix_words: str = "") -> None:
        words, mentioned = name_of(entity)
        lo = len(prefix_words) + words.index(mentioned)
        data: dict[str, Any] = {"entity": entity.id}
        if words != mentioned:
            data["title_as_stated"] = words[: words.index(mentioned)].strip()
            if entity.title_article is None:
                entity.title_article = article_id
        writer.anchor(prefix_words + words, "mention", data, inner=(lo, lo + len(mentioned)))

    def filler() -> None:
        nonlocal budget
        text = sentence(rng, 4, 9) if budget < 0 else sentence(rng)
        writer.text(text)
        budget -= len(text.encode("utf-8"))

    for kind, payload in pieces:
        filler()
        if kind == "mention":
            glue_place = payload.kind == "place" and rng.random() < 0.3
            mention(payload, "في " if glue_place else "")
            filler()
            writer.glued(".")
        elif kind == "quote":
            writer.glued(".")
            writer.text("وقال")
            mention(payload)
            writer.glued(":")
            quote_text = sentence(rng, 10, 24)
            writer.anchor(f"«{quote_text}»", "quote",
                          {"speaker": payload.id, "delivery": rng.choice(DELIVERIES)},
                          inner=(1, 1 + len(quote_text)))
            writer.glued(".")
        elif kind == "event":
            days_before = rng.randint(0, 20)
            day = published - datetime.timedelta(days=days_before)
            evidence = f"في {day.day} {MONTHS[day.month - 1]} {day.year}"
            event_kind = rng.choice(sorted(EVENT_KINDS))
            code, label, quad = rng.choice(EVENT_KINDS[event_kind])
            cameo_used[code] = (label, quad)
            chosen = rng.sample(actors, min(len(actors), rng.randint(1, 4)))
            organizers = chosen[: rng.randint(0, min(2, len(chosen) - 1))]
            writer.anchor(evidence, "event", {
                "id": f"event-{payload + 1}",
                "kind": event_kind,
                "cameo": code,
                "date": day.isoformat(),
                "date_basis": "explicit",
                "place": rng.choice(places).id if places else None,
                "organizers": [e.id for e in organizers],
                "participants": [e.id for e in chosen if e not in organizers],
                "summary": {"en": english_sentence(rng)},
            })
            filler()
            writer.glued(".")
        elif kind == "amount":
            millions = rng.randint(1, 950)
            writer.text("بقيمة")
            provider = rng.choice(actors) if actors and rng.random() < 0.5 else None
            writer.anchor(f"{millions} مليون دولار", "amount", {
                "value": millions * 1_000_000,
                "currency": "USD",
                "provider": provider.id if provider else None,
                "purpose": {"en": english_sentence(rng)},
            })
            filler()
            writer.glued(".")
        elif kind == "resolution":
            number = rng.choice(RESOLUTIONS)
            writer.anchor(f"القرار رقم {number}", "resolution", {
                "symbol": f"S/RES/{number} ({RESOLUTION_YEARS[number]})",
            })
            filler()
            writer.glued(".")
        paragraph_words += 1
        if paragraph_words >= rng.randint(3, 6):
            writer.end_paragraph()
            paragraph_words = 0
    while len("\n\n".join([*writer.paragraphs, "".join(writer.current)]).encode("utf-8")) < target:
        filler()
        writer.text(rng.choice(CLOSERS))
        writer.glued(".")
        paragraph_words += 1
        if paragraph_words >= rng.randint(3, 6):
            writer.end_paragraph()
            paragraph_words = 0
    body = writer.body()

    mentions: list[dict[str, Any]] = []
    for anchor in writer.anchors:
        selector = pin(body, anchor.start, anchor.end, rng)
        if anchor.group == "mention":
            mentions.append({**anchor.data, **selector})
        elif anchor.group == "quote":
            quotes.append({"id": f"quote-{len(quotes) + 1}", **anchor.data, **selector})
        elif anchor.group == "event":
            data = dict(anchor.data)
            data["date_evidence"] = selector
            events.append(data)
        elif anchor.group == "amount":
            amounts.append({**anchor.data, **selector})
        elif anchor.group == "resolution":
            resolutions.append({**anchor.data, **selector})
    events.sort(key=lambda event: event["id"])
    for event in events:
        for name in ("place",):
            if event[name] is None:
                del event[name]
    for amount in amounts:
        if amount["provider"] is None:
            del amount["provider"]
    if events and quotes and rng.random() < 0.5:
        quotes[0]["event"] = events[0]["id"]

    headline = sentence(rng, 8, 13)
    date_line = f"{published.day} {MONTHS_SEED[published.month - 1]} {published.year}".translate(
        ARABIC_INDIC
    )
    publisher = registry.outlets[plan.index % len(registry.outlets)]
    seed_name = f"synthetic-{plan.index:06d}.txt"
    seed_text = "\n\n".join([headline, date_line, *body.split("\n\n"), "جميع الحقوق محفوظة"]) + "\n"
    theme_ids = [theme[0] for theme in rng.sample(THEMES, rng.randint(1, 4))]
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "revision": 1,
        "created": RECORD_DATE,
        "modified": RECORD_DATE,
        "status": "active",
        "seed": seed_name,
        "seed_sha256": hashlib.sha256(seed_text.encode("utf-8")).hexdigest(),
        "language": "ar",
        "source": {"publisher": publisher.id, "url": None, "byline": None, "dateline": None,
                   "rights": None, "captured": None},
        "headline": {"ar": headline, "en": f"Synthetic article {plan.index}: "
                     + english_sentence(rng).rstrip(".")},
        "summary": {"en": " ".join(english_sentence(rng) for _ in range(3))},
        "published": published.isoformat(),
        "published_basis": "explicit",
        "published_evidence": {"exact": date_line, "scope": "seed"},
        "body": body,
        "themes": theme_ids,
        "mentions": mentions,
        "quotes": quotes,
        "events": events,
        "amounts": amounts,
        "resolutions": resolutions,
    }
    return record, seed_text


def plan_articles(n: int, registry: Registry, rng: random.Random) -> list[ArticlePlan]:
    """Which entities each article names; every entity is named by at least one article."""
    entities = [*registry.people, *registry.organizations, *registry.places]
    order = list(entities)
    rng.shuffle(order)
    required: list[list[Entity]] = [[] for _ in range(n)]
    for position, entity in enumerate(order):
        required[position % n].append(entity)
    plans = []
    for index in range(n):
        wanted = rng.randint(4, 12)
        chosen = list(required[index])
        seen = {entity.id for entity in chosen}
        while len(chosen) < wanted:
            pool = (registry.people, registry.organizations, registry.places)[
                rng.choices((0, 1, 2), (5, 4, 2))[0]
            ]
            candidate = rng.choice(pool)
            if candidate.id not in seen:
                seen.add(candidate.id)
                chosen.append(candidate)
        plans.append(ArticlePlan(index + 1, chosen, required[index]))
    return plans


# -- writing --------------------------------------------------------------------------------------


def _header(kind: str) -> list[str]:
    return [f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"]


def _versioned(entity_id: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "id": entity_id, "revision": 1,
            "created": RECORD_DATE, "modified": RECORD_DATE, "status": "active"}


def registry_record(entity: Entity) -> tuple[str, str, dict[str, Any]]:
    """(folder, schema kind, record) of a registry entity."""
    base = _versioned(entity.id)
    name = {"en": entity.en, "ar": entity.ar}
    if entity.kind == "person":
        positions = []
        if entity.title and entity.title_article:
            positions.append({
                "title": {"en": entity.title[1]},
                "title_ar_as_stated": entity.title[0],
                "source_article": entity.title_article,
            })
        return "people", "person", {**base, "name": name, "aliases": [], "positions": positions,
                                    "identifiers": []}
    if entity.kind == "organization":
        return "organizations", "organization", {
            **base, "name": name, "aliases": [],
            "acronyms": {"en": [entity.acronym] if entity.acronym else [], "ar": []},
            "kind": entity.extra["kind"], "parent": None, "country": entity.extra["country"],
            "identifiers": [],
        }
    return "places", "place", {**base, "name": name, "aliases": [], "kind": entity.extra["kind"],
                               "country": entity.extra["country"], "identifiers": []}


def write_tree(n: int, out: Path, seed: int) -> dict[str, int]:
    """Write the tree; returns how many records of each kind it holds."""
    rng = random.Random(seed)
    registry = Registry(n, rng)
    check_vocabulary(registry)
    if out.exists():
        shutil.rmtree(out)
    curated = out / "curated"
    for folder in ("articles", "people", "organizations", "places", "vocabularies"):
        (curated / folder).mkdir(parents=True)
    (out / "seeds").mkdir(parents=True)

    cameo_used: dict[str, tuple[str, int]] = {}
    sums: list[str] = []
    for plan in plan_articles(n, registry, rng):
        record, seed_text = make_article(plan, registry, rng, cameo_used)
        raw = seed_text.encode("utf-8")
        (out / "seeds" / record["seed"]).write_bytes(raw)
        sums.append(f"{record['seed_sha256']}  {record['seed']}")
        text = render(record, "article", _header("article"))
        (curated / "articles" / f"{record['id']}.yaml").write_text(text, encoding="utf-8")
    (out / "seeds" / "SHA256SUMS").write_text("\n".join(sorted(sums, key=lambda s: s[66:])) + "\n",
                                              encoding="utf-8")

    entities = [*registry.people, *registry.organizations, *registry.places, *registry.outlets]
    for entity in entities:
        folder, kind, record = registry_record(entity)
        text = render(record, kind, _header(kind))  # type: ignore[arg-type]
        (curated / folder / f"{entity.id}.yaml").write_text(text, encoding="utf-8")

    themes = {
        "schema_version": SCHEMA_VERSION,
        "themes": [
            {"id": theme_id, "label": {"en": en, "ar": ar},
             "definition": {"en": f"Articles about {en.lower()}."}, "broader": None,
             "close_match": [{"scheme": "un-gcts-pillar", "value": str(pillar)}]}
            for theme_id, en, ar, pillar in THEMES
        ],
    }
    (curated / "vocabularies" / "themes.yaml").write_text(
        render(themes, "themes", _header("themes")), encoding="utf-8"
    )
    cameo = {
        "schema_version": SCHEMA_VERSION,
        "codes": [{"code": code, "label": label, "quad_class": quad}
                  for code, (label, quad) in sorted(cameo_used.items())],
    }
    (curated / "vocabularies" / "cameo.yaml").write_text(
        render(cameo, "cameo", _header("cameo")), encoding="utf-8"
    )
    return {"articles": n, "people": len(registry.people),
            "organizations": len(registry.organizations) + len(registry.outlets),
            "places": len(registry.places)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True,
                        help="folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    started = time.perf_counter()
    counts = write_tree(args.n, args.out, args.seed)
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    print(f"wrote {args.out}: {summary} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
