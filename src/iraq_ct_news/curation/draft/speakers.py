"""Who said a quotation, and how: the subject of each verb of saying, followed through a text.

News prose names a speaker once and then carries them: وقال الوزير فؤاد حسين … وأضاف …
وتابع … مشيراً. So every verb of saying in the body (outside quotation marks) is given a
subject, in reading order:

* an actor (a person, or an organisation: an office's statement belongs to the office, قالت
  وزارة الخارجية في بيان) named right after the verb, before the complementiser (أن، إن), the
  colon or the quotation that ends the verb's clause; a source after عن (نقلت الوكالة عن فلان)
  comes first, then a person, then an organisation;
* for a participle (مضيفاً، مشيراً، مطالباً) the subject of its sentence: the first actor named
  before it in the sentence;
* for a title alone (قال رئيس الوزراء، وتابع "الرئيس الأمريكي") the last person whose stated title
  has the same head noun;
* otherwise (وأضاف، وتابع، وأوضح, a pronoun subject, or a noun such as الصحيفة) the subject of the
  verb of saying before it: the speaker carried over.

With no verb of saying before, the nearest person named before the verb in its paragraph or the
one before stands in; none means no speaker, never a guess. Names inside quotation marks are
never subjects (the person a quote speaks of is not its speaker).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from ...core.arabic import search_key, word_key
from ...reading.lexicon import COMPLEMENTISERS, TITLE_NOUNS
from ...reading.text import bare, bare_forms, words_of
from .actors import Actor as Actor  # also where run.py and the tests import it from
from .delivery import DeliveryCues, own_stretch, speaker_identity
from .positions import TextPositions
from .proposals import MentionProposal, NewEntity, QuoteProposal, SpanProposal
from .quotes import (
    PARTICIPLES_OF_SAYING,
    QuotedText,
    is_saying,
    quoted_texts,
)
from .registry import Registry

#: "According to": names a source for a quote, but does not make it the speaker that later
#: verbs carry over.
_ACCORDING_TO = frozenset(search_key(word) for word in ("بحسب", "وفقا", "حسب", "حسبما"))
_FROM = re.compile(r"(?<!\w)عن(?!\w)")
#: At most this many words after a verb are read for its subject.
MAX_SUBJECT_WORDS = 14


#: The subject of a verb that names someone the text does not let us tell (وأشار مبعوث الأمم
#: المتحدة … with the name unrecognised): no speaker, and not the previous one carried over.
_SOMEONE_ELSE = Actor(-1, -1, None, "", "unknown")


#: Words before a name that make it the one spoken to, not the speaker (تحدث إلى …، قال لـ …).
_TO = frozenset(search_key(word) for word in (
    "إلى", "الى", "مع", "لـ", "ل", "لصحيفة", "لوكالة", "لقناة", "لموقع", "لإذاعة", "لتلفزيون",
    "لشبكة", "لجريدة", "لمجلة", "في", "على", "من", "ضد", "بين", "حول", "بشأن", "باسم"))
#: Proclitic prepositions glued to a name that make it an object (للحكومة، بالوزارة، لأوباما).
_GLUED = ("لل", "ل", "لـ", "ب", "بال")


def _is_participle(key: str) -> bool:
    return bool(bare_forms(key) & PARTICIPLES_OF_SAYING)


class SpeakerReader:
    """The subjects of a body's verbs of saying, computed once, asked for each quotation."""

    def __init__(self, body: str, actors: list[Actor], quoted: list[tuple[int, int]]) -> None:
        self.body = body
        self.positions = TextPositions(body, ":«“")
        # How many quotes hold each position (a quote's start counted, its end not).
        changes = [0] * (len(body) + 1)
        for start, end in quoted:
            changes[max(0, start)] += 1
            changes[max(0, min(end, len(body)))] -= 1
        self._quotes_at = list(itertools.accumulate(changes))
        self.actors = [actor for actor in actors if not self._inside_quote(actor.start)]
        self._actor_starts = [actor.start for actor in self.actors]
        self._people = [actor for actor in self.actors if actor.kind == "person"]
        self._people_starts = [actor.start for actor in self._people]
        self._titled = _people_by_title_head(self._people)
        self.words = words_of(body)
        self._subjects: list[tuple[int, Actor | None, bool]] = []
        """(verb start, subject, whether the subject is carried over to later verbs)."""
        self._subject_starts: list[int] = []
        last: Actor | None = None
        for index, word in enumerate(self.words):
            if self._inside_quote(word.start) or not is_saying(word.key):
                continue
            subject = self._own_subject(index)
            carries = not (bare_forms(word.key) & _ACCORDING_TO)
            if subject is None:
                subject = last
            elif carries:
                last = None if subject is _SOMEONE_ELSE else subject
            self._subjects.append((word.start, subject, carries))
            self._subject_starts.append(word.start)
        self._own = {start: subject for start, subject, _ in reversed(self._subjects)}
        self._carried = [(start, subject) for start, subject, carries in self._subjects
                         if subject is not None and carries]
        self._carried_starts = [start for start, _ in self._carried]

    def _inside_quote(self, position: int) -> bool:
        return 0 <= position < len(self.body) and self._quotes_at[position] > 0

    def first_person(self, low: int, high: int) -> Actor | None:
        """The first person named in ``[low, high)``."""
        first, past = self._between(self._people_starts, low, high)
        return self._people[first] if past > first else None

    def _between(self, starts: list[int], low: int, high: int) -> tuple[int, int]:
        """The indices of ``starts`` (increasing) that lie in ``[low, high)``."""
        return bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)

    def speaker(self, quote: QuotedText) -> Actor | None:
        """The speaker of ``quote``: the subject of its verb of saying."""
        if quote.verb_start in self._own:
            own = self._own[quote.verb_start]
            if own is _SOMEONE_ELSE:
                return None
            if own is not None:
                return own
        index = bisect.bisect_left(self._carried_starts, quote.verb_start) - 1
        if index >= 0:
            earlier = self._carried[index][1]
            return None if earlier is _SOMEONE_ELSE else earlier
        paragraph_start, _ = self.positions.paragraph_bounds(quote.verb_start)
        previous_start, _ = self.positions.paragraph_bounds(max(paragraph_start - 3, 0))
        first, past = self._between(self._people_starts, previous_start, quote.verb_start)
        return self._people[past - 1] if past > first else None

    def _own_subject(self, index: int) -> Actor | None:
        verb = self.words[index]
        end = self._clause_end(index)
        if _is_participle(verb.key):
            return self._in_sentence(verb.start)
        first, past = self._between(self._actor_starts, verb.end, end)
        region = self.actors[first:past]
        source = [a for a in region if self._after_an(a.start)]
        named = [a for a in region if not self._addressed(a.start) and not self._in_title(a)]
        people = [a for a in named if a.kind == "person"]
        if not source and bare(verb.key).startswith("نقل") and _FROM.search(self.body[verb.end:end]):
            return _SOMEONE_ELSE  # نقلت الوكالة عن …: a source the names here do not include
        if source or people or named:
            return (source or people or named)[0]
        found = self._in_sentence(verb.start) or self._by_title(index, end)
        if found is None and self._names_a_title(index, end, titled=len(region) > len(named)):
            return _SOMEONE_ELSE
        return found

    def _in_title(self, actor: Actor) -> bool:
        return actor.kind == "organization" and in_title(self.body, actor.start)

    def _names_a_title(self, index: int, end: int, *, titled: bool) -> bool:
        """Whether the verb's subject is a title of someone unnamed or unrecognised: an
        indefinite title (وزير الخارجية، مبعوث …) or one with an organisation in it."""
        following = [w for w in self.words[index + 1 : index + 3] if w.start < end]
        if not following or not bare_forms(following[0].key) & TITLE_NOUNS:
            return False
        return titled or not bare_forms(following[0].key) & {
            form for form in TITLE_NOUNS if form.startswith("ال")}

    def _in_sentence(self, position: int) -> Actor | None:
        """The subject of the sentence a verb without its own stands in: that of a verb of
        saying earlier in the sentence, else an actor fronted before the verb (أما فلان فقال،
        وقدم فلان شكره … مطالباً)."""
        sentence_start = self.positions.sentence_start(position)
        first, past = self._between(self._subject_starts, sentence_start, position)
        if past > first:
            return self._subjects[past - 1][1]
        first, past = self._between(self._people_starts, sentence_start, position)
        if past > first:
            return self._people[first]
        first, past = self._between(self._actor_starts, sentence_start, position)
        return self.actors[first] if past > first else None

    def _clause_end(self, index: int) -> int:
        """Where the words that can name the subject of the verb at ``index`` end."""
        verb = self.words[index]
        limit = self.positions.sentence_end(verb.end)
        for mark in (":", "«", "“"):
            at = self.positions.find(mark, verb.end, limit)
            if at != -1:
                limit = at
        for word in self.words[index + 1 : index + 1 + MAX_SUBJECT_WORDS]:
            if word.start >= limit:
                break
            if bare_forms(word.key) & COMPLEMENTISERS or is_saying(word.key):
                return word.start
        following = self.words[index + 1 : index + 1 + MAX_SUBJECT_WORDS]
        return min(limit, following[-1].end if following else verb.end)

    def _addressed(self, position: int) -> bool:
        """Whether the name at ``position`` follows إلى / مع / لـ: the one spoken to."""
        start = position
        while start > 0 and (self.body[start - 1].isalpha() or self.body[start - 1] == "ـ"):
            start -= 1
        if start < position and self.body[start:position] in _GLUED:
            return True
        before = self.body[max(0, position - 16) : position].rstrip(" «\"“”'")
        if before.endswith("لـ"):
            return True
        words = before.split()
        return bool(words) and word_key(words[-1].strip("«\"“”'")) in _TO

    def _after_an(self, position: int) -> bool:
        """Whether the name at ``position`` is the source after عن (نقلت الوكالة عن المتحدث
        فلان), a title of up to four words perhaps between."""
        # Each word's key remembered (word_key): asked for every name, the same few words.
        before = [word_key(word) for word in self.body[max(0, position - 80) : position].split()]
        return any(
            before[index] == "عن" and (index == 0 or "نيابه" not in before[index - 1])
            for index in range(max(0, len(before) - 5), len(before))
        )

    def _by_title(self, index: int, end: int) -> Actor | None:
        """A title alone as the subject: the last person before with a title of that head."""
        heads = [w for w in self.words[index + 1 : index + 4] if w.start < end]
        title_words = [w for w in heads if _title_head(w.key)]
        if not title_words:
            return None
        head = _title_head(title_words[0].key)
        starts, titled = self._titled.get(head or "", ([], []))
        index = bisect.bisect_left(starts, self.words[index].start)
        return titled[index - 1] if index > 0 else None


def _people_by_title_head(people: list[Actor]) -> dict[str, tuple[list[int], list[Actor]]]:
    """People with a stated title, by the title's head noun (their starts, and they)."""
    found: dict[str, tuple[list[int], list[Actor]]] = {}
    for actor in people:
        stated = words_of(actor.title) if actor.title else []
        head = _title_head(stated[0].key) if stated else None
        if head is not None:
            starts, actors = found.setdefault(head, ([], []))
            starts.append(actor.start)
            actors.append(actor)
    return found


def in_title(body: str, position: int) -> bool:
    """Whether the organisation named at ``position`` is part of a person's title (مبعوث الأمم
    المتحدة، المتحدث باسم الوزارة، رئيس حكومة الإقليم) or follows a preposition."""
    words = body[max(0, position - 20) : position].split()
    return bool(words) and bool(bare_forms(search_key(words[-1])) & (TITLE_NOUNS | _TO))


def _title_head(key: str) -> str | None:
    """The head noun of a title word without the article (الرئيس → رئيس), or None."""
    forms = bare_forms(key)
    if not forms & TITLE_NOUNS:
        return None
    for form in sorted(forms, key=len):
        if form in TITLE_NOUNS:
            return form[2:] if form.startswith("ال") else form
    return None


def named_actors(
    mentions: list[MentionProposal],
    entities: list[NewEntity],
    registry: Registry,
    written: list[Actor],
) -> list[Actor]:
    """People and organisations named in the body, proposed or already written, in text order."""
    found: dict[tuple[int, int], Actor] = {}
    for mention in mentions:
        if mention.span.scope != "body":
            continue
        if mention.entity is not None:
            kind, name = registry.kind_of(mention.entity), mention.span.exact
        elif mention.new_entity is not None:
            kind, name = entities[mention.new_entity].kind, entities[mention.new_entity].name
        else:
            continue
        if kind in ("person", "organization"):
            found[(mention.span.start, mention.span.end)] = Actor(
                mention.span.start, mention.span.end, mention.entity, name, kind,
                mention.title_as_stated,
            )
    for actor in written:
        found[(actor.start, actor.end)] = actor
    return sorted(found.values(), key=lambda actor: actor.start)


def propose_quotes(
    body: str, actors: list[Actor], span_of: Callable[[int, int], SpanProposal]
) -> list[QuoteProposal]:
    """A proposal for each quotation in ``body``: its speaker, and the delivery the text states
    (a quote that continues the same speaker's words with no cue of its own keeps theirs)."""
    quotes = quoted_texts(body)
    reader = SpeakerReader(body, actors, [(quote.start, quote.end) for quote in quotes])
    cues = DeliveryCues(reader.body, reader.positions, reader.actors,
                        [own_stretch(reader.positions, quoted) for quoted in quotes])
    proposals: list[QuoteProposal] = []
    for quoted in quotes:
        speaker = reader.speaker(quoted)
        delivery, delivered_by, cue = _delivery(cues, quoted, speaker)
        previous = proposals[-1] if proposals else None
        if (delivery == "unknown" and previous is not None and speaker is not None
                and _same(previous.speaker, previous.speaker_name, speaker)):
            delivery, delivered_by, cue = previous.delivery, previous.delivered_by, previous.cue
        proposals.append(QuoteProposal(
            span_of(quoted.start, quoted.end),
            speaker.entity if speaker else None,
            speaker.name if speaker else None,
            delivery, delivered_by, cue, quoted.form,
        ))
    return proposals


def _delivery(
    cues: DeliveryCues, quoted: QuotedText, speaker: Actor | None
) -> tuple[str, str | None, str | None]:
    """The delivery cue in the quote's sentence, else in the sentences naming its speaker
    (the last before the quote first); stated cues everywhere before the weaker cues of
    speaking in person."""
    own = own_stretch(cues.positions, quoted)
    for in_person in (False, True):
        found = cues.own_cue(*own, in_person)
        if found is None and speaker is not None:
            stretch = cues.latest_naming(speaker, quoted.start, in_person)
            named = cues.cue(*stretch, in_person) if stretch is not None else None
            if stretch is not None and named is not None:
                found = named[0], named[1].group(0), stretch[0] + named[1].end()
        if found is None:
            continue
        delivery, words, cue_end = found
        delivered_by = None
        if delivery == "read-on-behalf":
            # The reader is the person named right after the cue (ألقاها نيابة عنه فلان); one the
            # registries lack stays unnamed here, for the curator to add.
            reader = cues.first_person(cue_end, cue_end + 200)
            delivered_by = reader.entity if reader else None
        return delivery, delivered_by, words
    return "unknown", None, None


def _same(entity: str | None, name: str | None, actor: Actor) -> bool:
    """Whether a registry id or new name is ``actor``."""
    return speaker_identity(entity, name) == speaker_identity(actor.entity, actor.name)
