"""Event skeletons: a sentence with a clear cue (a signing, a meeting, a visit …) and a date.

The cue gives the kind and the CAMEO code of the interaction (CONTRIBUTING.md: a meeting is a
consultation 040, a visit 042, an agreement signed 057, aid given 071, a pledge 0331, fighting
190); everything else (organizers, the summary) is left to the curator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: (pattern, kind, CAMEO code), most specific first.
CUES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), kind, code)
    for pattern, kind, code in (
        (r"(?:وقع|وقعت|وقعا|يوقعان|توقيع|التوقيع)\w*(?:\s+\S+){0,4}?\s+(?:على\s+)?(?:اتفاقي?ة|مذكرة|اتفاق|بروتوكول)",
         "agreement-signing", "057"),
        (r"(?:أطلق|أطلقت|إطلاق|بإطلاق|تدشين|دشن)\w*\s+(?:ال)?(?:برنامج|مشروع|مبادرة|استراتيجية)",
         "programme-launch", "060"),
        (r"(?:تعهد|تعهدت|يتعهد|التعهد)\w*", "funding-pledge", "0331"),
        (r"ورشة\s+عمل|ورشة|دورة\s+تدريبية", "workshop", "040"),
        (r"(?:ال)?مؤتمر\w*", "conference", "040"),
        (r"(?:ال)?اجتماع\w*\s+(?:ال)?وزاري", "ministerial-meeting", "040"),
        (r"(?:اجتمع|اجتمعت|اجتماع|الاجتماع|التقى|التقت|لقاء|مباحثات|محادثات)\w*", "meeting", "040"),
        (r"(?:زار|زارت|زيارة|بزيارة|يزور|سيزور|يتوجه|سيتوجه)\w*", "visit", "042"),
        (r"(?:هجوم|هجمات|غارة|غارات|عملية عسكرية|العملية العسكرية|معركة|معارك)\w*",
         "military-operation", "190"),
    )
)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str
    cameo: str


def cues_in(sentence: str, offset: int) -> list[Cue]:
    """The first cue of each kind in ``sentence`` (which starts at ``offset`` in its text)."""
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, code in CUES:
        match = pattern.search(sentence)
        if match is None:
            continue
        if any(match.start() < right and match.end() > left for left, right in taken):
            continue
        taken.append((match.start(), match.end()))
        found.append(Cue(offset + match.start(), offset + match.end(), kind, code))
    return found
