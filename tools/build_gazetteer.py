"""Write ``src/iraq_ct_news/reference/gazetteer.tsv``: the names any article brings.

Countries come from CLDR through Babel (Arabic and English names, ``Locale(...).territories``)
keyed by pycountry's ISO 3166-1 codes; capitals whose time zone CLDR names by the capital take
their Arabic name from CLDR's exemplar cities; the rest (other capitals, Arabic spelling variants
the press uses, Iraqi regions, wire agencies, UN bodies and regional organisations) are a small
curated table below, each row with its source. Run it after upgrading Babel or pycountry and
commit the result: ``python tools/build_gazetteer.py``.

Columns: id, entity (place/organization), kind, country (ISO alpha-3 or empty), parent (an id
of this table or empty), English name, Arabic name, Arabic aliases (``|``-separated), English
acronyms (``|``-separated), source.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale

OUTPUT = Path(__file__).resolve().parents[1] / "src/iraq_ct_news/reference/gazetteer.tsv"
CLDR = f"CLDR (Babel {__import__('babel').__version__})"

#: Spellings the Arabic press uses besides CLDR's, by ISO alpha-2 code.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "SY": ("سورية",),
    "US": ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"),
    "GB": ("بريطانيا", "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية"),
    "SA": ("السعودية",),
    "AE": ("الإمارات",),
    "OM": ("سلطنة عمان",),
    "NL": ("هولندا",),
    "TR": ("تركيا",),
    "CZ": ("التشيك",),
    "BA": ("البوسنة والهرسك",),
    "ZA": ("جنوب إفريقيا",),
    "IR": ("الجمهورية الإسلامية الإيرانية",),
    "PS": ("فلسطين",),
    "RU": ("روسيا الاتحادية",),
}

#: Capitals: (ISO alpha-2, English name, CLDR time zone named after the city, or the Arabic
#: name when CLDR has none).
CAPITALS: tuple[tuple[str, str, str], ...] = (
    ("IQ", "Baghdad", "Asia/Baghdad"), ("SY", "Damascus", "Asia/Damascus"),
    ("LB", "Beirut", "Asia/Beirut"), ("JO", "Amman", "Asia/Amman"),
    ("SA", "Riyadh", "Asia/Riyadh"), ("KW", "Kuwait City", "Asia/Kuwait"),
    ("QA", "Doha", "Asia/Qatar:الدوحة"), ("BH", "Manama", "Asia/Bahrain:المنامة"),
    ("AE", "Abu Dhabi", ":أبوظبي"), ("OM", "Muscat", "Asia/Muscat"),
    ("YE", "Sanaa", "Asia/Aden:صنعاء"), ("IR", "Tehran", "Asia/Tehran"),
    ("TR", "Ankara", ":أنقرة"), ("EG", "Cairo", "Africa/Cairo"),
    ("LY", "Tripoli", "Africa/Tripoli"), ("TN", "Tunis", "Africa/Tunis"),
    ("DZ", "Algiers", "Africa/Algiers"), ("MA", "Rabat", ":الرباط"),
    ("SD", "Khartoum", "Africa/Khartoum"), ("AF", "Kabul", "Asia/Kabul"),
    ("PK", "Islamabad", ":إسلام أباد"), ("IN", "New Delhi", ":نيودلهي"),
    ("CN", "Beijing", ":بكين"), ("JP", "Tokyo", "Asia/Tokyo"),
    ("KR", "Seoul", "Asia/Seoul"), ("RU", "Moscow", "Europe/Moscow"),
    ("UA", "Kyiv", ":كييف"), ("DE", "Berlin", "Europe/Berlin"),
    ("FR", "Paris", "Europe/Paris"), ("GB", "London", "Europe/London"),
    ("IT", "Rome", "Europe/Rome"), ("ES", "Madrid", "Europe/Madrid"),
    ("NL", "Amsterdam", "Europe/Amsterdam"), ("BE", "Brussels", "Europe/Brussels"),
    ("AT", "Vienna", "Europe/Vienna"), ("CH", "Bern", ":برن"),
    ("DK", "Copenhagen", "Europe/Copenhagen"), ("SE", "Stockholm", "Europe/Stockholm"),
    ("NO", "Oslo", "Europe/Oslo"), ("FI", "Helsinki", "Europe/Helsinki"),
    ("PL", "Warsaw", "Europe/Warsaw"), ("GR", "Athens", "Europe/Athens"),
    ("PT", "Lisbon", "Europe/Lisbon"), ("IE", "Dublin", "Europe/Dublin"),
    ("HU", "Budapest", "Europe/Budapest"), ("CZ", "Prague", "Europe/Prague"),
    ("RO", "Bucharest", "Europe/Bucharest"), ("BG", "Sofia", "Europe/Sofia"),
    ("US", "Washington", ":واشنطن"), ("CA", "Ottawa", ":أوتاوا"),
    ("AU", "Canberra", ":كانبيرا"), ("NZ", "Wellington", ":ويلينغتون"),
)
CAPITAL_SOURCE = "capital: CLDR exemplar city of the capital's time zone"
HAND_SOURCE = "hand-written Arabic exonym (Arabic press usage)"

#: Regions and cities of Iraq and its neighbours named in counter-terrorism news:
#: (id, kind, country alpha-3, English, Arabic, aliases).
PLACES: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    ("middle-east", "region", "", "Middle East", "الشرق الأوسط", ()),
    ("north-africa", "region", "", "North Africa", "شمال أفريقيا", ("شمال إفريقيا",)),
    ("europe", "region", "", "Europe", "أوروبا", ()),
    ("africa", "region", "", "Africa", "أفريقيا", ("إفريقيا",)),
    ("asia", "region", "", "Asia", "آسيا", ()),
    ("central-asia", "region", "", "Central Asia", "آسيا الوسطى", ()),
    ("latin-america", "region", "", "Latin America", "أمريكا اللاتينية", ("أميركا اللاتينية",)),
    ("sahel", "region", "", "Sahel", "منطقة الساحل", ("الساحل الأفريقي",)),
    ("balkans", "region", "", "Balkans", "البلقان", ()),
    ("kurdistan-region", "region", "IRQ", "Kurdistan Region", "إقليم كردستان",
     ("إقليم كوردستان", "كردستان العراق", "إقليم كردستان العراق")),
    ("anbar-governorate", "region", "IRQ", "Anbar Governorate", "محافظة الأنبار", ("الأنبار",)),
    ("nineveh-governorate", "region", "IRQ", "Nineveh Governorate", "محافظة نينوى", ("نينوى",)),
    ("salah-al-din-governorate", "region", "IRQ", "Salah al-Din Governorate",
     "محافظة صلاح الدين", ("صلاح الدين",)),
    ("diyala-governorate", "region", "IRQ", "Diyala Governorate", "محافظة ديالى", ("ديالى",)),
    ("nineveh-plains", "region", "IRQ", "Nineveh Plains", "سهل نينوى", ()),
    ("un-headquarters", "building", "USA", "United Nations Headquarters", "مقر الأمم المتحدة", ()),
    *(
        (re.sub(r"[^a-z]+", "-", english.lower()).strip("-"), "city", country, english, arabic,
         aliases)
        for country, english, arabic, aliases in (
            ("IRQ", "Mosul", "الموصل", ()), ("IRQ", "Basra", "البصرة", ()),
            ("IRQ", "Erbil", "أربيل", ()), ("IRQ", "Kirkuk", "كركوك", ()),
            ("IRQ", "Fallujah", "الفلوجة", ()), ("IRQ", "Ramadi", "الرمادي", ()),
            ("IRQ", "Tikrit", "تكريت", ()), ("IRQ", "Najaf", "النجف", ()),
            ("IRQ", "Karbala", "كربلاء", ()), ("IRQ", "Sulaymaniyah", "السليمانية", ()),
            ("IRQ", "Duhok", "دهوك", ()), ("IRQ", "Sinjar", "سنجار", ()),
            ("IRQ", "Tal Afar", "تلعفر", ()), ("IRQ", "Samarra", "سامراء", ()),
            ("IRQ", "Baqubah", "بعقوبة", ()), ("SYR", "Raqqa", "الرقة", ()),
            ("SYR", "Aleppo", "حلب", ()), ("SYR", "Idlib", "إدلب", ()),
            ("SYR", "Deir ez-Zor", "دير الزور", ()), ("SYR", "Afrin", "عفرين", ()),
            ("SYR", "Manbij", "منبج", ()), ("SYR", "Hasakah", "الحسكة", ()),
            ("SYR", "Qamishli", "القامشلي", ()), ("TUR", "Istanbul", "إسطنبول", ("اسطنبول",)),
            ("USA", "New York", "نيويورك", ()), ("CHE", "Geneva", "جنيف", ()),
            ("NLD", "The Hague", "لاهاي", ()), ("ARE", "Dubai", "دبي", ()),
        )
    ),
)

UN = "the United Nations' Arabic site (un.org/ar)"
#: Organisations: (id, kind, country, parent, English, Arabic, aliases, acronyms, source).
ORGANIZATIONS: tuple[tuple[str, str, str, str, str, str, tuple[str, ...], tuple[str, ...], str],
                     ...] = (
    ("united-nations", "un-entity", "", "", "United Nations", "الأمم المتحدة", ("منظمة الأمم المتحدة",),
     ("UN",), UN),
    ("un-security-council", "un-entity", "", "united-nations", "United Nations Security Council",
     "مجلس الأمن", ("مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة"), ("UNSC",), UN),
    ("un-general-assembly", "un-entity", "", "united-nations", "United Nations General Assembly",
     "الجمعية العامة للأمم المتحدة", (), ("UNGA",), UN),
    ("unami", "un-entity", "", "united-nations", "United Nations Assistance Mission for Iraq",
     "بعثة الأمم المتحدة لمساعدة العراق", ("يونامي",), ("UNAMI",), UN),
    ("unodc", "un-entity", "", "united-nations", "United Nations Office on Drugs and Crime",
     "مكتب الأمم المتحدة المعني بالمخدرات والجريمة", (), ("UNODC",), UN),
    ("unoct", "un-entity", "", "united-nations", "United Nations Office of Counter-Terrorism",
     "مكتب الأمم المتحدة لمكافحة الإرهاب", (), ("UNOCT",), UN),
    ("unhcr", "un-entity", "", "united-nations", "Office of the United Nations High Commissioner"
     " for Refugees", "المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
     ("مفوضية الأمم المتحدة لشؤون اللاجئين",), ("UNHCR",), UN),
    ("unicef", "un-entity", "", "united-nations", "United Nations Children's Fund",
     "منظمة الأمم المتحدة للطفولة", ("يونيسف", "اليونيسف"), ("UNICEF",), UN),
    ("undp", "un-entity", "", "united-nations", "United Nations Development Programme",
     "برنامج الأمم المتحدة الإنمائي", (), ("UNDP",), UN),
    ("unesco", "un-entity", "", "united-nations",
     "United Nations Educational, Scientific and Cultural Organization",
     "منظمة الأمم المتحدة للتربية والعلم والثقافة", ("اليونسكو", "يونسكو"), ("UNESCO",), UN),
    ("wfp", "un-entity", "", "united-nations", "World Food Programme", "برنامج الأغذية العالمي",
     (), ("WFP",), UN),
    ("who", "un-entity", "", "united-nations", "World Health Organization", "منظمة الصحة العالمية",
     (), ("WHO",), UN),
    ("iom", "un-entity", "", "", "International Organization for Migration",
     "المنظمة الدولية للهجرة", (), ("IOM",), UN),
    ("ohchr", "un-entity", "", "united-nations",
     "Office of the United Nations High Commissioner for Human Rights",
     "مفوضية الأمم المتحدة السامية لحقوق الإنسان", (), ("OHCHR",), UN),
    ("league-of-arab-states", "intergovernmental", "", "", "League of Arab States",
     "جامعة الدول العربية", ("الجامعة العربية",), (), "the League's Arabic name (lasportal.org)"),
    ("gulf-cooperation-council", "intergovernmental", "", "", "Gulf Cooperation Council",
     "مجلس التعاون لدول الخليج العربية", ("مجلس التعاون الخليجي",), ("GCC",),
     "the Council's Arabic name (gcc-sg.org)"),
    ("organisation-of-islamic-cooperation", "intergovernmental", "", "",
     "Organisation of Islamic Cooperation", "منظمة التعاون الإسلامي", (), ("OIC",),
     "the Organisation's Arabic name (oic-oci.org)"),
    ("european-union", "intergovernmental", "", "", "European Union", "الاتحاد الأوروبي",
     ("الاتحاد الاوروبي",), ("EU",), "the EU's Arabic pages (eeas.europa.eu)"),
    ("african-union", "intergovernmental", "", "", "African Union", "الاتحاد الأفريقي",
     ("الاتحاد الإفريقي",), ("AU",), "the Union's Arabic name (au.int/ar)"),
    ("nato", "intergovernmental", "", "", "North Atlantic Treaty Organization",
     "حلف شمال الأطلسي", ("حلف الناتو", "الناتو", "حلف الأطلسي"), ("NATO",),
     "NATO's Arabic pages (nato.int)"),
    ("interpol", "intergovernmental", "", "", "International Criminal Police Organization",
     "الإنتربول", ("المنظمة الدولية للشرطة الجنائية",), ("INTERPOL",),
     "INTERPOL's Arabic pages (interpol.int/ar)"),
    ("reuters", "news-outlet", "GBR", "", "Reuters", "رويترز", (), (), "the agency's own name"),
    ("agence-france-presse", "news-outlet", "FRA", "", "Agence France-Presse",
     "وكالة فرانس برس", ("فرانس برس", "وكالة الصحافة الفرنسية"), ("AFP",),
     "the agency's Arabic service"),
    ("associated-press", "news-outlet", "USA", "", "Associated Press", "وكالة أسوشيتد برس",
     ("أسوشيتد برس",), ("AP",), "the agency's own name"),
    ("dpa", "news-outlet", "DEU", "", "Deutsche Presse-Agentur", "وكالة الأنباء الألمانية",
     (), ("dpa",), "the agency's Arabic service"),
    ("anadolu-agency", "news-outlet", "TUR", "", "Anadolu Agency", "وكالة الأناضول",
     ("الأناضول",), ("AA",), "the agency's Arabic service (aa.com.tr/ar)"),
    ("xinhua", "news-outlet", "CHN", "", "Xinhua News Agency", "وكالة أنباء شينخوا",
     ("شينخوا",), (), "the agency's Arabic service"),
    ("ina", "news-outlet", "IRQ", "", "Iraqi News Agency", "وكالة الأنباء العراقية",
     ("واع",), ("INA",), "the agency's own name (ina.iq)"),
    ("jordan-news-agency", "news-outlet", "JOR", "", "Jordan News Agency",
     "وكالة الأنباء الأردنية", ("بترا",), ("Petra",), "the agency's own name (petra.gov.jo)"),
    ("kuna", "news-outlet", "KWT", "", "Kuwait News Agency", "وكالة الأنباء الكويتية",
     ("كونا",), ("KUNA",), "the agency's own name (kuna.net.kw)"),
    ("saudi-press-agency", "news-outlet", "SAU", "", "Saudi Press Agency",
     "وكالة الأنباء السعودية", ("واس",), ("SPA",), "the agency's own name (spa.gov.sa)"),
    ("wam", "news-outlet", "ARE", "", "Emirates News Agency", "وكالة أنباء الإمارات",
     ("وام",), ("WAM",), "the agency's own name (wam.ae)"),
    ("qatar-news-agency", "news-outlet", "QAT", "", "Qatar News Agency", "وكالة الأنباء القطرية",
     ("قنا",), ("QNA",), "the agency's own name (qna.org.qa)"),
    ("mena", "news-outlet", "EGY", "", "Middle East News Agency", "وكالة أنباء الشرق الأوسط",
     (), ("MENA",), "the agency's own name (mena.org.eg)"),
    ("sana", "news-outlet", "SYR", "", "Syrian Arab News Agency",
     "الوكالة العربية السورية للأنباء", ("سانا",), ("SANA",), "the agency's own name (sana.sy)"),
    ("irna", "news-outlet", "IRN", "", "Islamic Republic News Agency",
     "وكالة الجمهورية الإسلامية للأنباء", ("إرنا",), ("IRNA",), "the agency's Arabic service"),
    ("sputnik", "news-outlet", "RUS", "", "Sputnik", "سبوتنيك", (), (),
     "the agency's Arabic service"),
)


def slug(english: str) -> str:
    """A registry id from an English name: ASCII, lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def rows() -> list[list[str]]:
    arabic, english = Locale("ar"), Locale("en")
    found: list[list[str]] = []
    alpha3 = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_2
        if code not in arabic.territories or code not in english.territories:
            continue
        alpha3[code] = country.alpha_3
        found.append([
            slug(english.territories[code]), "place", "country", country.alpha_3, "",
            english.territories[code], arabic.territories[code],
            "|".join(COUNTRY_ALIASES.get(code, ())), "",
            f"{CLDR}; ISO 3166-1 (pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''})".replace(" ()", ""),
        ])
    zones = arabic.time_zones
    for code, name, zone in CAPITALS:
        zone_id, _colon, written = zone.partition(":")
        city = written or (zones.get(zone_id) or {}).get("city")
        if not city:
            raise SystemExit(f"CLDR has no Arabic exemplar city for {zone_id}")
        source = f"{CLDR} {CAPITAL_SOURCE} {zone_id}" if not written else HAND_SOURCE
        found.append([slug(name), "place", "city", alpha3[code], "", name, city, "", "", source])
    for place_id, kind, country, name, city, aliases in PLACES:
        found.append([place_id, "place", kind, country, "", name, city, "|".join(aliases), "",
                      HAND_SOURCE])
    for org in ORGANIZATIONS:
        org_id, kind, country, parent, name, ar, aliases, acronyms, source = org
        found.append([org_id, "organization", kind, country, parent, name, ar, "|".join(aliases),
                      "|".join(acronyms), source])
    ids = [row[0] for row in found]
    repeated = {i for i in ids if ids.count(i) > 1}
    if repeated:
        raise SystemExit(f"ids given twice: {sorted(repeated)}")
    return found


def main() -> int:
    header = ("# The names any article brings, for `draft` (generated by tools/build_gazetteer.py;"
              " do not edit by hand).\n# id\tentity\tkind\tcountry\tparent\tname_en\tname_ar\t"
              "aliases_ar\tacronyms_en\tsource\n")
    text = header + "".join("\t".join(row) + "\n" for row in rows())
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {text.count(chr(10)) - 2} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
