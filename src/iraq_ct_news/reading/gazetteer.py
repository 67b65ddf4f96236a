"""The names any article brings (countries, capitals, regions, wire agencies, UN bodies,
regional organisations), shipped as ``reference/gazetteer.tsv``.

The table is generated from CLDR (through Babel) and ISO 3166 (through pycountry), with a small
curated part whose rows say their source (``tools/build_gazetteer.py``). A name here that the
registries lack is proposed as a new entity with a complete record to confirm (id by the
registry's conventions, both names, kind, country), never written as data by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..core.arabic import tokens


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    entity: str
    """``place`` or ``organization``."""
    kind: str
    """The record's ``kind``: country, city, region; un-entity, intergovernmental, news-outlet."""
    country: str | None
    parent: str | None
    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...]
    acronyms_en: tuple[str, ...]
    source: str

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases_ar)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@lru_cache(maxsize=1)
def entries() -> tuple[GazetteerEntry, ...]:
    """Every row of the table, in table order."""
    text = resources.files("iraq_ct_news").joinpath("reference/gazetteer.tsv").read_text(
        encoding="utf-8"
    )
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 10:
            raise ValueError(f"gazetteer.tsv:{number}: expected 10 columns, found {len(cells)}")
        entry_id, entity, kind, country, parent, name_en, name_ar, aliases, acronyms, source = cells
        found.append(GazetteerEntry(
            entry_id, entity, kind, country or None, parent or None, name_en, name_ar,
            _split(aliases), _split(acronyms), source,
        ))
    return tuple(found)


#: Names that are also everyday words (مالي "financial" in دعم مالي, بنين "sons"): alone they
#: name no place often enough to be proposed.
COMMON_WORDS = frozenset({"مالي", "بنين"})


@lru_cache(maxsize=1)
def by_key() -> dict[str, GazetteerEntry]:
    """Each spelling's search key (words joined by spaces) → its entry. A key two entries share
    (عمان: Oman or Amman) names neither: it is left out rather than guessed."""
    seen: dict[str, GazetteerEntry] = {}
    shared: set[str] = set()
    for entry in entries():
        for spelling in entry.spellings:
            key = " ".join(tokens(spelling))
            other = seen.get(key)
            if other is None or other.id == entry.id or _capital_of(entry, other):
                seen.setdefault(key, entry)
            elif _capital_of(other, entry):
                seen[key] = entry
            else:
                shared.add(key)
    return {key: entry for key, entry in seen.items() if key not in shared | COMMON_WORDS}


def _capital_of(city: GazetteerEntry, country: GazetteerEntry) -> bool:
    """Whether ``city`` is named like its own country (الكويت، الجزائر، تونس): the press
    means the country far more often, so the shared name goes to it."""
    return city.kind == "city" and country.kind == "country" and city.country == country.country


def entry_for(entry_id: str) -> GazetteerEntry | None:
    """The entry with id ``entry_id``, if the table has one."""
    return next((entry for entry in entries() if entry.id == entry_id), None)
