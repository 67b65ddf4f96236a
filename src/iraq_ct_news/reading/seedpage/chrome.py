"""Whether a line of a seed page is site chrome, and of which kind.

Each rule is about how news sites lay out any page (a share button, a comment box, a caption,
a promotion for the outlet's app or Telegram channel), never about one outlet. Lines are
compared in a folded form (:func:`chrome_key`), so hamza seats and the Persian letters of
Kurdish sites (ی، ک) do not matter.
"""

from __future__ import annotations

import re

from ...core.arabic import search_key
from ...core.textutil import has_arabic_letter
from .dates import (
    DATE_LINE,
    HEADER_DATE,
    PUBLISHED_LABEL,
    UPDATE_STAMP,
    is_date_line,
    is_header_date,
    is_update_stamp,
)
from .lines import BULLETS

PAGE_ADDRESS = "the page's address"
#: A line longer than this many words is article text whatever it contains.
CHROME_MAX_WORDS = 30
#: Labels that open a line naming the source, the author or the editor (المصدر: … الكاتب: …).
CREDIT_LABELS = (
    "المصدر|مصدر الخبر|الكاتب|الكاتبة|كتب|كتبت|بقلم|إعداد|تحرير|المحرر|المحررة|محرر|مراسل"
    "|مراسلة|نشر بواسطة|تصوير|ترجمة|source|author|by|editor|edited by|written by"
)
#: News agencies and their abbreviations, as credited in brackets or at the end of a line.
AGENCIES = (
    r"(?:[أ-ي]\.\s?){2,4}|أ ف ب|ا ف ب|د ب أ|د ب ا|أ ش أ|ا ش ا|رويترز|واع|كونا|واس|وام|قنا|بنا"
    r"|سبأ|الأناضول|سانا|إرنا|فرانس برس|أسوشيتد برس|شينخوا|AFP|Reuters|AP|dpa|Xinhua"
)
LINK_INTRO = re.compile(
    r"^(?:و?(?:لمزيد|للمزيد) من المعلومات|(?:اقرا|إقرأ|اقرأ) (?:ايضا|أيضا|أيضاً|أيضًا|المزيد)"
    r"|(?:شاهد|تابع) (?:المزيد|ايضا|أيضا|أيضاً)|(?:أخبار|اخبار|مواضيع|مقالات) (?:ذات صلة|متعلقة)"
    r"|for more information|read more|read also|see more|related)",
    re.IGNORECASE,
)
#: A reader poll asks the reader (you) a question: هل تتوقع …؟ ما رأيك …؟ (a rhetorical question
#: in the article asks about a third party: هل تنجح الحكومة …؟).
_POLL = (
    r"^(?:هل (?:تتوقع|تؤيد|تعتقد|ترى|توافق|تفضل|تثق|تشجع|تريد)|ما (?:رأيك|رايك)|برأيك|برايك)"
    r"\s.{0,120}[؟?]$"
)
#: Lines after which the article is over: comments, "most read", related stories.
FOOTER = re.compile(
    r"^(?:ال)?تعليقات(?:\s*\(\s*[0-9]+\s*\))?$|^(?:الاكثر|الأكثر) (?:قراءة|مشاهدة|تداولا)"
    r"|^(?:شاهد|اقرأ|اقرا) المزيد$|^(?:اخبار|أخبار|مواضيع) (?:ذات صلة|متعلقة)$"
    r"|^(?:[0-9]+ )?comments?$|^no stories found|" + _POLL,
    re.IGNORECASE,
)
_CHROME: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("image caption or missing alt text", re.compile(
        r"^(?:alt text is missing|image|photo|صورة|الصورة|تصوير)\s*(?:[:：/]|$)"
        r"|^شعار\s|(?:UN Photo|Photo|صورة|الصورة|تصوير)\s*[:/]\s*\S+(?:\s+\S+)?\s*\)?$"
        r"|^\((?:صورة|الصورة|تصوير)\b|\((?:يسار|يمين|وسط|الوسط|في الوسط|إلى اليسار|إلى اليمين"
        r"|الى اليسار|الى اليمين)\)|صورة (?:ارشيفية|أرشيفية|تعبيرية|من الارشيف|من الأرشيف)"
        r"|(?:Copyright|©|Getty Images)\s*[^\s©0-9]+(?:\s+[^\s©0-9]+)?\s*$",
        re.IGNORECASE,
    )),
    ("comment widget or comment policy", re.compile(
        r"^(?:ال)?تعليقات(?:\s*\(\s*[0-9]+\s*\))?$|comments powered by|disqus"
        r"|^(?:اكتب|أضف|اضف|أضافة|إضافة|اترك)\s+(?:ال)?تعليق|لا (?:يوجد|توجد)\b.{0,25}تعليق"
        r"|(?:الآراء|الاراء|التعليقات) (?:الواردة|المنشورة)|لا تعبر عن (?:رأي|راي|وجهة نظر)"
        r"|تعبر عن (?:رأي|راي|وجهة نظر) (?:كاتبيها|أصحابها|اصحابها)|^(?:[0-9]+ )?comments?$",
        re.IGNORECASE,
    )),
    ("app promotion", re.compile(
        r"(?:تحميل|حمّل|حمل|نزّل|نزل) (?:ال)?تطبيق|^(?:حملوا|حمّلوا|نزلوا)\b|متجر (?:آبل|أبل|غوغل|جوجل)"
        r"|App Store|Google Play|^(?:logo\s+)?تطبيق\s*\S*$|لتصلكم|ليصلكم|لتصلك|ليصلك"
        r"|(?:قناة|قناتنا|تابعونا|تابعوا|انضموا|انضم|اشترك).{0,40}(?:تلغرام|التلغرام|تليغرام"
        r"|التليغرام|تيليجرام|التيليجرام|تلجرام|تيلجرام|telegram|واتساب|whatsapp)"
        r"|(?:تلغرام|التلغرام|تليغرام|تيليجرام|التيليجرام|telegram)\s*\.{0,3}\s*(?:آخر|اخر)"
        r"|(?:تلقي|بتلقي|تفعيل) (?:ال)?إشعارات|احصل على (?:آخر|اخر) الأخبار",
        re.IGNORECASE,
    )),
    ("subscription prompt", re.compile(
        r"(?:الاشتراك|اشترك|اشتركوا|سجّل|سجل)(?: الآن)? (?:في|ب)\s?(?:ال)?(?:نشرة|إشعارات"
        r"|القائمة البريدية)|النشرة (?:البريدية|الإخبارية)|إشعارات البريد|\bsubscribe\b"
        r"|\bnewsletter\b",
        re.IGNORECASE,
    )),
    ("share buttons", re.compile(
        r"^(?:شارك|شاركها|شاركوا|مشاركة|انشر|نسخ(?:\s*/\s*لصق)?)(?:\s+\S+){0,8}$"
        r"|copy to clipboard|close button|\bcopied\b",
        re.IGNORECASE,
    )),
    ("link introduction", LINK_INTRO),
    ("reader poll", re.compile(_POLL)),
    ("advertisement marker", re.compile(
        r"^(?:إعلان|اعلان|advertisement|sponsored|محتوى (?:مدعوم|ممول|برعاية))$", re.IGNORECASE,
    )),
    ("agency end mark", re.compile(
        r"^[(\[\-–—ـ]*\s*انتهى\s*[)\]\-–—ـ]*\s*(?:[0-9]+\s*/\s*\S{1,5})?$"
    )),
    ("copyright footer", re.compile(
        r"جميع الحقوق محفوظة|حقوق (?:النشر|الطبع)|©|\(c\)\s*\d{4}|\bcopyright\b"
        r"|all rights reserved",
        re.IGNORECASE,
    )),
    ("link", re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)),
    (PAGE_ADDRESS, re.compile(r"^(?:\S+\s+){0,4}https?://\S+$", re.IGNORECASE)),
    ("source or author line", re.compile(rf"^(?:{CREDIT_LABELS})\s*[:：]", re.IGNORECASE)),
    ("font-size or reading buttons", re.compile(
        r"^(?:[+\-]?\s*[Aأ]\s*[+\-]?\s*){1,4}$|^(?:تكبير|تصغير)(?:\s+(?:الخط|النص))?"
        r"(?:\s+(?:تكبير|تصغير)(?:\s+(?:الخط|النص))?)*$|^حجم الخط\b|^[0-9]{2,3}\s*%$",
        re.IGNORECASE,
    )),
    ("view counter", re.compile(
        r"^[0-9٠-٩][0-9٠-٩,.]*(?:\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|views?|reads?))?$"
        r"|^(?:عدد )?(?:المشاهدات|القراءات|المشاهدة)\s*[:：]?\s*[0-9٠-٩]",
        re.IGNORECASE,
    )),
    ("agency or editor credit", re.compile(rf"^(?:\S+(?:\s+\S+){{0,5}}\s+)?\(?(?:{AGENCIES})\)?\.?$")),
    ("section label or breadcrumb", re.compile(
        r"^[^.،,:؛!?؟]{1,60}(?:\s+[›»>/|\\]\s+[^.،,:؛!?؟]{1,40})+$"
    )),
)
#: Whole lines that are a site's tagline or navigation, compared after folding (chrome_key).
_TAGLINES = frozenset({search_key("منظور عالمي قصص إنسانية")})
_NAVIGATION = frozenset(
    search_key(word) for word in (
        "الرئيسية", "الصفحة الرئيسية", "مواقيت الصلاة", "أبرز الأخبار", "آخر الأخبار",
        "عدد اليوم", "الأخبار العالمية", "أخبار عالمية", "الأخبار المحلية", "عربي ودولي",
        "الأكثر قراءة", "الأكثر مشاهدة", "شارك", "مشاركة", "شارك هذا الخبر", "طباعة", "تابعونا",
        "تابعنا", "القائمة", "بحث", "فيديو", "home", "menu", "search", "share", "print", "tweet",
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "فيسبوك", "تويتر",
        "واتساب", "logo", "شعار",
    )
)
#: Section names a page prints as a label line (أخبار العراق، سياسة، عربي ودولي …).
_SECTION_WORDS = frozenset(
    search_key(word) for word in (
        "أخبار", "الأخبار", "سياسة", "السياسة", "اقتصاد", "الاقتصاد", "رياضة", "الرياضة", "ثقافة",
        "منوعات", "محليات", "المحليات", "تقارير", "تقرير", "حوارات", "مقالات", "آراء", "رأي",
        "دولي", "دولية", "عربي", "عربية", "عالمي", "عالمية", "العراق", "عراقية", "محلية",
        "أمن", "الأمن", "أمنية", "شؤون", "متابعات", "خاص", "عاجل", "مجتمع", "تحقيقات", "ملفات", "و",
        "عرب", "وعالم", "عالم",
    )
)
_SENTENCE_LIKE = re.compile(r"[.!?؟:]\s*$|،.*\S+\s+\S+\s+\S+")
_SENTENCE_MIN_WORDS = 15


def chrome_key(text: str) -> str:
    """``text`` folded for the chrome rules: bullets stripped, search-folded, Persian ی/ک read
    as Arabic ي/ك."""
    bare = text.strip(BULLETS).strip()
    return search_key(bare).replace("ی", "ي").replace("ک", "ك")


def chrome_reason(text: str) -> str | None:
    """Why a whole line reads like site chrome rather than article text, or None."""
    bare = text.strip(BULLETS).strip().replace("ی", "ي").replace("ک", "ك")
    key = chrome_key(text).rstrip(":：").strip()
    if key in _TAGLINES:
        return "site tagline"
    if key in _NAVIGATION or (key and all(word in _NAVIGATION for word in key.split())):
        return "navigation"
    if len(text.split(" ")) > CHROME_MAX_WORDS:
        return None
    if is_update_stamp(bare):
        return UPDATE_STAMP
    if PUBLISHED_LABEL.match(bare) and is_date_line(PUBLISHED_LABEL.sub("", bare)):
        return DATE_LINE
    for reason, pattern in _CHROME:
        if pattern.search(bare):
            return reason
    if is_date_line(bare):
        return DATE_LINE
    if is_header_date(bare):
        return HEADER_DATE
    if not has_arabic_letter(bare):
        return "Latin-script site text (logo, button or link)"
    words = [word.strip("،,:") for word in key.split()]
    if 0 < len(words) <= 3 and all(word in _SECTION_WORDS for word in words) and not (
        _SENTENCE_LIKE.search(bare)
    ):
        return "section label or breadcrumb"
    return None


def is_footer(text: str) -> bool:
    """Whether ``text`` opens the part of the page after the article (comments, most read)."""
    bare = text.strip(BULLETS).strip().replace("ی", "ي").replace("ک", "ك")
    return FOOTER.search(bare) is not None


def sentence_like(text: str) -> bool:
    """Whether a line reads as a sentence of the article rather than a link's title."""
    return bool(_SENTENCE_LIKE.search(text)) or len(text.split(" ")) >= _SENTENCE_MIN_WORDS
