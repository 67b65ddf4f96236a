"""Event skeletons: what a sentence reports happening (a meeting, a visit, a signing, a statement).

The cue gives the kind and the CAMEO code of the interaction (CONTRIBUTING.md: a meeting is a
consultation 040, a reception hosted 043, a telephone call 041, a visit 042, an agreement signed
057, aid given 071, a pledge 0331, fighting 190; an appeal 020, praise 051, a condemnation 111,
any other statement 010). An announced meeting or visit (سيتوجه، سيزور، من المقرر) is CAMEO's
intent to meet, 036, with ``status: planned``.

A statement is proposed only where the article leads with it (its first sentence) or dates it,
since every paragraph of a report has a verb of saying. The place is where it happened: the place
named as a location right after the cue (زيارته إلى الكويت), else a city, camp or building named
in the sentence rather than the country around it, a country only when the sentence names
nothing smaller (and not when the country is an actor, وقع العراق), never a place that closes a
title (السفير الكندي في العراق); a place the registries lack can be one (with ``--stubs``). The
actors come from the event's verb: the host of a reception (استقبل X Y) organises it, the others
named with the verb (التقى، بحث مع، وقع … مع) take part; a statement is organised by its speaker.

An event the article reports as past is dated as the validator's D007 asks: the date the
sentence states, else bounded by publication (``../<published>``, basis inferred, the cue words
as evidence); a planned one starts at publication (``<published>/..``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...core.arabic import search_key
from ...reading.cameo import codebook
from ...reading.lexicon import (
    COMPLEMENTISERS,
    NEWS_VERBS,
    REPORTING_VERBS,
    TIMES_OF_DAY,
    TITLE_NOUNS,
    WEEKDAYS,
)
from ...reading.text import SENTENCE_END, bare, bare_forms, words_of
from .proposals import DateProposal, EventProposal, MentionProposal, SpanProposal
from .quotes import is_saying
from .registry import Registry
from .speakers import in_title

#: A cue starts a word, perhaps behind a glued conjunction, preposition or article.
_WORD_START = r"(?<!\w)(?:[وفبل]|وب|ول|وال|بال|لل|ال)?"
#: (pattern, kind, CAMEO code), most specific first.
CUES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(_WORD_START + "(?:" + pattern + ")"), kind, code)
    for pattern, kind, code in (
        (r"(?:وقع|وقعت|وقعا|يوقعان|توقيع|التوقيع)\w*(?:\s+\S+){0,9}?\s+(?:على\s+)?"
         r"(?:اتفاقي?ة|مذكرة|اتفاق|بروتوكول|بيان\s+نوايا|إعلان)",
         "agreement-signing", "057"),
        # an agreement one party reached with another (اتفاق الحكومة مع دول التحالف على …)
        (r"(?:اتفاق|اتفقت|اتفق|اتفقا)(?:\s+\S+){1,6}?\s+مع\s+(?:\S+\s+){1,6}?على\s",
         "agreement-signing", "057"),
        (r"(?:أطلق|أطلقت|إطلاق|بإطلاق|تدشين|دشن)\w*\s+(?:ال)?(?:برنامج|مشروع|مبادرة|استراتيجية)",
         "programme-launch", "060"),
        (r"(?:تعهد|تعهدت|يتعهد|التعهد)\w*", "funding-pledge", "0331"),
        (r"(?:ال)?مؤتمر\w*\s+(?:ال)?صحف\w*", "press-conference", "010"),
        (r"ورشة\s+عمل|ورشة|دورة\s+تدريبية", "workshop", "040"),
        (r"(?:ال)?اجتماع\w*\s+(?:ال)?وزاري", "ministerial-meeting", "040"),
        (r"(?:ال)?مؤتمر\w*", "conference", "040"),
        (r"(?:استقبل|استقبلت|يستقبل|استقباله|استقبالها|باستقبال)\w*", "meeting", "043"),
        (r"(?:اتصالا|اتصال|مكالمة|مكالمةً)\s+هاتفي\w*|(?:هاتف|هاتفت)\b", "meeting", "041"),
        (r"(?:اجتمع|اجتمعت|اجتماع|الاجتماع|التقى|التقت|لقاء|لقائه|لقائها|مباحثات|محادثات"
         r"|(?<!\w)بحث|(?<!\w)وبحث|(?<!\w)بحثا)\w*", "meeting", "040"),
        (r"(?:زار|زارت|زيارة|زيارت|يزور|سيزور|يتوجه|سيتوجه|توجه|إرسال\s+وفد)\w*", "visit", "042"),
        (r"(?:قدم|قدمت|قدمتها|تقديم|المساهمات|مساهمات|تبرع|تبرعت|منحة)\w*(?:\s+\S+){0,4}?\s+"
         r"(?:مساعدات|دعم|مساهم|منح|تمويل|مليون|مليار|دولار)", "other", "071"),
        (r"(?:هجوم|هجمات|غارة|غارات|عملية عسكرية|العملية العسكرية|العمليات العسكرية|معركة|معارك"
         r"|عملية تحرير|عمليات تحرير|عملية «|عملية \""
         r"|(?<=بدء\s)(?:ال)?عمليات|(?<=انطلاق\s)(?:ال)?عمليات)\w*",
         "military-operation", "190"),
    )
)
#: Verbs of saying that make a statement another CAMEO root than 01 (make a statement).
_STATEMENT_CODES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), code)
    for pattern, code in (
        (r"^[وف]?(?:دعا|دعت|طالب|طالبت|ناشد|ناشدت|حث|حثت)", "020"),
        (r"^[وف]?(?:أشاد|أشادت|أثنى|أثنت|رحب|رحبت|ثمن|ثمنت)", "051"),
        (r"^[وف]?(?:أدان|أدانت|ندد|نددت|استنكر|استنكرت)", "111"),
    )
)
#: Words that announce an event to come rather than report one: a verb with the future prefix
#: س (سيتوجه، ستعقد، سنعمل), or من المقرر / من المؤمل / المقبل.
_FUTURE = re.compile(
    r"(?<!\w)[وف]?س(?!ياس|ياد|يار|يطر|يد|ينا|نو|نة|تة|تين|تار|تراتيج)(?:ي|ت|ن)\w{3,}"
    r"|من\s+المقرر|من\s+المؤمل|من\s+المتوقع|المقبل|المقبلة|القادم|القادمة"
)
#: Words before a place name that say it is where something happened or went.
_LOCATIVE = ("في", "ب", "إلى", "الى", "بمدينة", "بالعاصمة", "بمحافظة", "مدينة", "العاصمة",
             "محافظة", "تحرير", "لتحرير", "داخل", "قرب")


#: A cue that is a definite noun (الاجتماع، اللقاء، المؤتمر) names an event already reported.
_DEFINITE = re.compile(r"^[وفب]?(?:ال|لل)")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str
    cameo: str


#: Words a cue's letters also begin that name no event: the ministry (وزارة, read و+زارة),
#: social (اجتماعي), a delegation's members, strategy.
_NOT_CUES = re.compile(
    r"^(?:[وبل]|ال|بال|لل|وال)?(?:وزار[ةتا]|اجتماعي|وفود|وفد[يا]ن|الوفد\s+المرافق)"
)


def cues_in(sentence: str, offset: int) -> list[Cue]:
    """The first cue of each kind in ``sentence`` (which starts at ``offset`` in its text)."""
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, code in CUES:
        match = next((m for m in pattern.finditer(sentence)
                      if not _NOT_CUES.match(_word_at(sentence, m.start()))), None)
        if match is None:
            continue
        if any(match.start() < right and match.end() > left for left, right in taken):
            continue
        if kind == "meeting" and any(cue.kind == "meeting" for cue in found):
            continue
        taken.append((match.start(), match.end()))
        found.append(Cue(offset + match.start(), offset + match.end(), kind, code))
    return found


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and (text[end].isalpha() or text[end] in "\u0640\u064b-\u065f"):
        end += 1
    return text[start:end] + text[end : end + 14]


def statement_cue(sentence: str, offset: int) -> Cue | None:
    """A verb of saying opening ``sentence`` (after an adverbial phrase at most): a statement."""
    words = words_of(sentence)
    for word in words[:3]:
        if is_saying(word.key):
            text = sentence[word.start : word.end]
            code = next((c for pattern, c in _STATEMENT_CODES if pattern.search(text)), "010")
            return Cue(offset + word.start, offset + word.end, "statement", code)
    return None


@dataclass(frozen=True)
class EventContext:
    """What events are read against: the body, its named entities and dates, publication."""

    body: str
    mentions: list[MentionProposal]
    registry: Registry
    dates: list[DateProposal]
    published: str | None
    place_kinds: dict[str, str]
    span_of: Callable[[int, int], SpanProposal]
    new_places: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Places the registries lack, by new-entity number: (suggested id, place kind). An event
    can happen in one (a city first named by this article); :func:`.settle.settle` keeps it
    only when ``--stubs`` writes its record."""


def propose_events(context: EventContext) -> list[EventProposal]:
    """An event skeleton for each cue, one per kind and actors across the article."""
    labels = codebook()
    body = context.body
    events: list[EventProposal] = []
    seen: list[tuple[str, set[str]]] = []
    for number, (start, end) in enumerate(_sentences(body)):
        sentence = body[start:end]
        cues = cues_in(sentence, start)
        statement = statement_cue(sentence, start)
        dated = [d for d in context.dates if start <= d.span.start < end and d.span.scope == "body"]
        if statement is not None and not cues and (number == 0 or dated):
            cues = [statement]
        for cue in cues:
            planned = _FUTURE.search(_near(body, start, cue)) is not None
            code = "036" if planned and cue.kind in ("meeting", "visit", "conference",
                                                      "ministerial-meeting") else cue.cameo
            organizers, participants = _actors(context, cue, start, end)
            date = _date(context, cue, dated, planned)
            actors = set(organizers + participants)
            again = bool(actors) or _DEFINITE.match(body[cue.start : cue.end]) is not None
            if again and any(kind == cue.kind and actors <= earlier for kind, earlier in seen):
                continue  # the same event named again (الاجتماع، اللقاء)
            seen.append((cue.kind, actors))
            events.append(EventProposal(
                cue.kind, code, labels[code].label, context.span_of(cue.start, cue.end), date,
                _place(context, cue, start, end, organizers + participants), tuple(participants),
                "planned" if planned else "occurred", tuple(organizers),
            ))
    return events


def _near(body: str, start: int, cue: Cue) -> str:
    """The cue and the four words before it (in its sentence): where its tense is read."""
    before = body[start : cue.start].split()[-4:]
    return " ".join(before) + " " + body[cue.start : cue.end]


def _sentences(body: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(body):
        if body[start : match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if body[start:].strip():
        bounds.append((start, len(body)))
    return bounds


def _entities(context: EventContext, start: int, end: int) -> list[tuple[MentionProposal, str]]:
    found = []
    for mention in context.mentions:
        if mention.span.scope == "body" and start <= mention.span.start < end and mention.entity:
            kind = context.registry.kind_of(mention.entity)
            if kind is not None:
                found.append((mention, kind))
    return found


def _actors(context: EventContext, cue: Cue, start: int, end: int) -> tuple[list[str], list[str]]:
    """Organisers and participants: the people and organisations named with the event's verb,
    and countries that act (not those after في/ب/إلى, which say where)."""
    body = context.body
    start, end = _clause(body, start, end, cue)
    named = []
    for mention, kind in _entities(context, start, end):
        if kind == "place" and (context.place_kinds.get(mention.entity or "") != "country"
                                or _locative(body, mention.span.start)):
            continue
        if kind == "organization" and in_title(body, mention.span.start):
            continue
        named.append((mention.span.start, mention.entity or ""))
    ids = list(dict.fromkeys(entity for _start, entity in named))
    if cue.kind == "statement":
        before = [entity for position, entity in named if position < cue.start + 80]
        return before[:1], []
    if cue.cameo == "043":
        hosts = [entity for position, entity in named if position < cue.start]
        after = [entity for position, entity in named if position >= cue.end]
        host = hosts[:1] or after[:1]
        return host, [entity for entity in ids if entity not in host]
    return [], ids


def _clause(body: str, start: int, end: int, cue: Cue) -> tuple[int, int]:
    """The part of the sentence the cue's actors are named in: not the reported speech after a
    complementiser (قال X إن …), nor what precedes one the cue follows."""
    for word in words_of(body[start:end]):
        position = start + word.start
        if bare(word.key) in COMPLEMENTISERS:
            if position < cue.start:
                start = start + word.end
            elif position >= cue.end:
                return start, position
    return start, end


def _locative(body: str, position: int) -> bool:
    """Whether a place name stands where a location does: after في، ب، إلى or a place noun, an
    adjective perhaps between (العاصمة التركية أنقرة)."""
    words = body[max(0, position - 30) : position].split()
    if not words:
        return False
    glued = position > 0 and body[position - 1] == "ب" and (
        position < 2 or not body[position - 2].isalpha())
    return words[-1] in _LOCATIVE or glued or (
        len(words) > 1 and words[-1].endswith(("ية", "ي")) and words[-2] in _LOCATIVE)


def _place(
    context: EventContext, cue: Cue, start: int, end: int, actors: list[str]
) -> str | None:
    """Where it happened. The first place named as a location right after the cue (زيارته إلى
    الكويت فالأحداث في عفرين، التقى … صباح الخميس في بغداد) is the event's own; else a
    place smaller than a country named in the sentence, else a country named as a location (after
    في، ب، إلى) that is not one of the actors. A place in a title (السفير الأسترالي في العراق،
    المتحدث باسم الوزارة في الشرق الأوسط) is the office's area, not where anything happened."""
    body = context.body
    places = [(m.span.start, m.entity or "", context.place_kinds.get(m.entity or ""))
              for m, kind in _entities(context, start, end) if kind == "place"]
    places += [
        (m.span.start, *context.new_places[m.new_entity]) for m in context.mentions
        if m.span.scope == "body" and start <= m.span.start < end
        and m.new_entity in context.new_places
    ]
    places = sorted(
        (position, place, kind) for position, place, kind in places
        if _locative(body, position) and not _titled(body, position) and place not in actors
    )
    following = [place for position, place, kind in places
                 if cue.end <= position <= cue.end + _AFTER_CUE and kind]
    if following:
        return following[0]
    for wanted in (("city", "building"), ("region", "country")):
        found = [place for _start, place, kind in places if kind in wanted]
        if found:
            return found[0]
    return None


#: How far after its cue (in characters) a location is read as the event's own.
_AFTER_CUE = 80


def _titled(body: str, position: int) -> bool:
    """Whether the place at ``position`` closes a title phrase: في right before it and a title
    noun among the (at most six) words before that, with no mark, time word or verb between."""
    before = body[max(0, position - 80) : position]
    words = words_of(before)
    if not words or bare(words[-1].key) not in _IN:
        return False
    for index in range(len(words) - 2, max(-1, len(words) - 8), -1):
        between = before[words[index].end : words[index + 1].start]
        if any(mark in between for mark in "،,.:؛;\n\"«»"):
            return False
        forms = bare_forms(words[index].key)
        if forms & TITLE_NOUNS:
            return True
        if forms & _NOT_IN_TITLES:
            return False  # التقى الوزير أمس في بغداد: a time word or verb ends the title phrase
    return False


_NOT_IN_TITLES = (
    frozenset(search_key(word) for word in ("أمس", "اليوم", "غدا", "الليلة", "حاليا"))
    | WEEKDAYS | TIMES_OF_DAY | NEWS_VERBS | REPORTING_VERBS
)


_IN = frozenset({search_key("في")})


def _date(context: EventContext, cue: Cue, dated: list[DateProposal], planned: bool) -> DateProposal | None:
    """The date the sentence states, else the bound publication gives (D007)."""
    if dated:
        return min(dated, key=lambda d: abs(d.span.start - cue.start))
    earliest, latest = _bounds(context.published)
    cue_span = context.span_of(cue.start, cue.end)
    if planned:
        return DateProposal(cue_span, f"{earliest}/..", "relative") if earliest else None
    return DateProposal(cue_span, f"../{latest}", "inferred") if latest else None


def _bounds(published: str | None) -> tuple[str | None, str | None]:
    """The first and last day publication allows (an open end is unknown)."""
    if published is None:
        return None, None
    first, _, last = published.partition("/")
    last = last or first
    known = [part.strip("~?%") for part in (first, last)]
    return (known[0] or None) if known[0] != ".." else None, (known[1] or None) if known[1] != ".." else None
