"""A contribution, as a newcomer makes it: a new seed, and the curation of its scaffold.

The seed is invented (a short UN-News-style page with the usual site chrome around it) and never
leaves the temporary copies the tests work in. ``curate`` does by program what CONTRIBUTING.md
asks a curator to do by hand: replace every TODO placeholder, resolve the entities (existing
registry records, and one new person), anchor a quote and an event, and delete the scaffold's
comment lines. It writes YAML in PyYAML's own layout, not the canonical one, so that ``fmt`` has
something to do.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import yaml

from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.store.formatting import render

from .conftest import REPOSITORY

SEED_NAME = "005_unami-workshop.txt"
ARTICLE_ID = "unami-ct-financing-workshop-2019"
PERSON_ID = "layla-haddad"

HEADLINE = "العراق: ورشة عمل في بغداد حول مكافحة تمويل الإرهاب"
PARAGRAPHS = (
    "نظمت بعثة الأمم المتحدة لمساعدة العراق (يونامي) يوم أمس في بغداد ورشة عمل حول تعزيز "
    "التعاون في مكافحة تمويل الإرهاب، شارك فيها ممثلون عن الحكومة العراقية.",
    'وقالت المستشارة في البعثة ليلى حداد: "إن تجفيف مصادر تمويل الإرهاب يتطلب تبادل المعلومات '
    'بين المؤسسات بصورة منتظمة".',
    "وأضافت أن البعثة ستواصل تقديم الدعم الفني إلى العراق في هذا المجال.",
)
DATE_LINE = "١٢ آذار/مارس ٢٠١٩"
RIGHTS = "جميع الحقوق محفوظة © الأمم المتحدة 2019"
#: Line by line, with the extra spaces, the non-breaking space and the blank lines pages have.
SEED_TEXT = "\n".join(
    [
        "أخبار الأمم المتحدة",
        "الرئيسية",
        HEADLINE,
        DATE_LINE,
        HEADLINE.replace(" ", "  ", 1),
        "alt text is missing",
        PARAGRAPHS[0].replace(" ", "\u00a0", 3),
        "",
        PARAGRAPHS[1],
        "",
        "   " + PARAGRAPHS[2],
        "",
        "♦ تحميل تطبيق أخبار الأمم المتحدة من متجر آبل أو من متجر غوغل.",
        RIGHTS,
        "",
    ]
)
#: The seed lines the scaffold should leave out of the body (1-based), with their reasons.
LEFT_OUT = {
    1: "above the headline (page header or menu)",
    2: "navigation",
    4: "date line",
    5: "repeated headline",
    6: "image caption or missing alt text",
    13: "app promotion",
    14: "copyright footer",
}

QUOTE = "إن تجفيف مصادر تمويل الإرهاب يتطلب تبادل المعلومات بين المؤسسات بصورة منتظمة"


def curated_values(today: datetime.date) -> dict[str, Any]:
    """What the curator writes in place of the placeholders."""
    del today  # the article's own dates come from its text, not from the day it is curated
    return {
        "source": {
            "publisher": "un-news",
            "url": None,
            "byline": None,
            "dateline": None,
            "rights": RIGHTS,
            "captured": None,
        },
        "headline": {
            "ar": HEADLINE,
            "en": "Iraq: workshop in Baghdad on countering the financing of terrorism",
        },
        "summary": {
            "en": "The UN Assistance Mission for Iraq (UNAMI) held a workshop in Baghdad on "
            "strengthening cooperation against the financing of terrorism, with "
            "representatives of the Iraqi government. A UNAMI adviser, Layla Haddad, said that "
            "drying up the sources of terrorist financing requires institutions to share "
            "information regularly, and that the mission will keep giving Iraq technical "
            "support in the field.",
        },
        "published": "2019-03-12",
        "published_basis": "explicit",
        "published_evidence": {"exact": DATE_LINE, "scope": "seed"},
        "themes": ["terrorist-financing", "information-sharing", "capacity-building"],
        "mentions": [
            {"entity": "iraq", "exact": "العراق", "scope": "headline"},
            {"entity": "baghdad", "exact": "بغداد", "scope": "headline"},
            {"entity": "unami", "exact": "بعثة الأمم المتحدة لمساعدة العراق"},
            {"entity": "unami", "exact": "يونامي"},
            {"entity": "baghdad", "exact": "بغداد"},
            {"entity": "government-of-iraq", "exact": "الحكومة العراقية"},
            {
                "entity": PERSON_ID,
                "exact": "ليلى حداد",
                "title_as_stated": "المستشارة في البعثة",
            },
            {"entity": "iraq", "exact": "العراق", "prefix": "إلى "},
        ],
        "quotes": [
            {
                "id": "haddad-information-sharing",
                "speaker": PERSON_ID,
                "exact": QUOTE,
                "delivery": "unknown",
            }
        ],
        "events": [
            {
                "id": "ct-financing-workshop",
                "kind": "workshop",
                "cameo": "040",
                "date": "2019-03-11",
                "date_basis": "relative",
                "date_evidence": {"exact": "يوم أمس"},
                "place": "baghdad",
                "organizers": ["unami"],
                "participants": ["government-of-iraq"],
                "summary": {
                    "en": "UNAMI workshop in Baghdad on cooperation against the financing of "
                    "terrorism, attended by representatives of the Iraqi government.",
                },
            }
        ],
        "amounts": [],
        "resolutions": [],
        "figures": [],
        "notes": {
            "en": "Published 12 March 2019 per the date line under the headline ('١٢ آذار/مارس "
            "٢٠١٩'); the workshop was held 'يوم أمس' (yesterday), 11 March 2019. Removed as "
            "chrome: the site name and menu, the repeated headline, the missing alt text, the "
            "app promotion and the copyright footer (kept in source.rights). The article does "
            "not say where Haddad spoke, so her quotation is not tied to the workshop.",
        },
    }


def person_record(today: datetime.date) -> dict[str, Any]:
    """The registry record of the one person the registry does not know yet."""
    return {
        "schema_version": "1.0.0",
        "id": PERSON_ID,
        "revision": 1,
        "created": today.isoformat(),
        "modified": today.isoformat(),
        "status": "active",
        "name": {"en": "Layla Haddad", "ar": "ليلى حداد"},
        "aliases": [],
        "positions": [
            {
                "title": {"en": "Adviser, UNAMI"},
                "title_ar_as_stated": "المستشارة في البعثة",
                "organization": "unami",
                "source_article": ARTICLE_ID,
            }
        ],
        "identifiers": [],
    }


def write_seed(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(SEED_TEXT.encode("utf-8"))


def curate(root: Path, today: datetime.date, article_id: str = ARTICLE_ID) -> Path:
    """Fill the scaffold of ``article_id`` under ``root`` and add the new person record.

    Only the placeholders are replaced: everything ``new`` derived (hash, dates, body) is kept
    as it was scaffolded, which is what the test then proves valid.
    """
    path = root / "curated" / "articles" / f"{article_id}.yaml"
    data = read_yaml_file(path).data
    for key, value in curated_values(today).items():
        data[key] = value
    schema_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
    path.write_text(_pyyaml_layout(schema_line, data), encoding="utf-8")

    person = root / "curated" / "people" / f"{PERSON_ID}.yaml"
    person.write_text(
        render(person_record(today), "person",
               ["# yaml-language-server: $schema=../../schema/person.schema.json"]),
        encoding="utf-8",
    )
    return path


def _pyyaml_layout(schema_line: str, data: dict[str, Any]) -> str:
    """The record as a hand-edited file might be: PyYAML's layout, quoted where it must be."""
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    return schema_line + "\n" + dumped


#: What a contributor's working copy needs for the data commands (README.md: the guide's links).
REPOSITORY_PARTS = ("curated", "seeds", "dataset", "schema", "CHANGELOG.md", "README.md")


def copy_repository(destination: Path) -> Path:
    """A copy of the repository's data and metadata, without the uncommitted Parquet files."""
    destination.mkdir(parents=True)
    for part in REPOSITORY_PARTS:
        source = REPOSITORY / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("parquet"))
        else:
            shutil.copy2(source, destination / part)
    return destination

