"""Meetings and deliveries read from the text, with participants, what was delivered, and dates.

A delivery is a sentence in which someone submits, hands, delivers or passes a
memorandum, note, statement, letter or message to someone; a meeting is a
conversation the title records ("Record of Conversation between X and Y") or a
sentence in which someone receives, meets or holds talks with someone. Dates
in the sentence ("on the evening of 24 April") are resolved against the
document's date; a sentence that adds "also" keeps the date of the event
before it.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from kg.extract.dates import DATE_IN_TEXT, parse_date
from kg.model import DateValue, Entity, Event, Reference, Span

_THINGS = (r"(?i:memorand(?:um|a)|notes?|statements?|letters?|messages?|aide[- ]m[ée]moires?|repl(?:y|ies)|"
           r"protests?|declarations?)")
_DELIVERY = re.compile(
    rf"\b(?P<verb>submitted|handed(?:\s+over)?|delivered|presented|passed|gave|transmitted|sent)\b"
    rf"(?P<mid>[^.;]{{0,60}}?)\b(?P<what>(?:an?|one|the|our|his|its|their)\s+(?:[\w'-]+\s+){{0,3}}?{_THINGS})\b"
    rf"(?P<after>[^.;]{{0,120}})", re.IGNORECASE)
_MEETING = re.compile(r"\b(?:received|met(?:\s+with)?|held\s+talks\s+with|talks\s+with|conversation\s+with|"
                      r"called\s+on|visited)\b", re.IGNORECASE)
_CONVERSATION_KINDS = {"MemorandumOfConversation", "RecordOfConversation", "Minutes"}
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!Mr\.)(?<!Dr\.)(?<!Cde\.)\s+(?=[A-Z\[\"])")
_DATE = DATE_IN_TEXT.pattern.removesuffix(r"\.?\s*$")
_RELATIVE = re.compile(r"\b(?:on|of)\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?P<d>" + _DATE + ")")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a text (initials such as "S. V." do not end one).

    >>> text = "Zhang met Ambassador S. V. Chervonenko. He agreed."
    >>> [text[s:e] for s, e in sentences(text)]
    ['Zhang met Ambassador S. V. Chervonenko.', 'He agreed.']
    """
    spans, start = [], 0
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for cut in _SENTENCE.finditer(paragraph.group(0)):
            spans.append((start, paragraph.start() + cut.start()))
            start = paragraph.start() + cut.end()
        spans.append((start, paragraph.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_events(body: str, title: str, kind: str, entities: tuple[Entity, ...], document_date: DateValue,
                author: int | None = None, meeting_date: DateValue | None = None) -> tuple[Event, ...]:
    """Every meeting and delivery of one document; ``author`` is the entity index of the writer ("I", "me")."""
    where = BodyIndex(entities)
    found: list[Event] = []
    if kind in _CONVERSATION_KINDS:
        people = tuple(dict.fromkeys(i for (src, _, _), i in sorted(_locator(entities).items()) if src == "title"
                                     and entities[i].kind == "person"))
        if len(people) >= 2:
            found.append(Event("meeting", people, Span(0, len(title)), meeting_date or document_date, source="title"))
    previous: DateValue | None = None
    seen: set[Event] = set(found)
    met: set[frozenset[int]] = {frozenset(e.participants) for e in found if e.kind == "meeting"}
    for start, end in sentences(body):
        sentence = body[start:end]
        when = _date_in(sentence, document_date) or (previous if re.search(r"\balso\b", sentence) else None)
        event = _delivery(sentence, start, where, entities, when, author) or \
            _meeting(sentence, start, where, entities, when, author)
        if event is not None and event not in seen and not _repeats(event, met):
            found.append(event)
            seen.add(event)
            if event.kind == "meeting":
                met.add(frozenset(event.participants))
            previous = event.date or previous
    return tuple(found)


def _repeats(event: Event, met: set[frozenset[int]]) -> bool:
    """An undated meeting of people already recorded as meeting (the title's conversation) adds nothing."""
    return event.kind == "meeting" and event.date is None and frozenset(event.participants) in met


def _locator(entities: tuple[Entity, ...]) -> dict[tuple[str, int, int], int]:
    return {(m.source, m.start, m.end): index for index, entity in enumerate(entities) for m in entity.mentions}


class BodyIndex:
    """The body's person and organisation mentions sorted by start, for :func:`_actors_in` (a binary search
    per sentence instead of a pass over every mention)."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.hits = sorted({(m.start, index, m.end) for index, entity in enumerate(entities) if entity.kind != "place"
                            for m in entity.mentions if m.source == "body"})
        self.starts = [start for start, _, _ in self.hits]


def _actors_in(where: BodyIndex, entities: tuple[Entity, ...], start: int, end: int) -> list[int]:
    """Person and organisation entities mentioned in the body between two offsets, in text order."""
    low, high = bisect.bisect_left(where.starts, start), bisect.bisect_right(where.starts, end)
    return list(dict.fromkeys(i for _, i, e in where.hits[low:high] if e <= end))


def _delivery(sentence: str, offset: int, where: BodyIndex, entities: tuple[Entity, ...], when: DateValue | None,
              author: int | None) -> Event | None:
    match = _DELIVERY.search(sentence)
    if match is None:
        return None
    before = _actors_in(where, entities, offset, offset + match.start())
    between = _actors_in(where, entities, offset + match.start("mid"), offset + match.end("mid"))
    after = _actors_in(where, entities, offset + match.end("what"), offset + match.end("after"))
    giver = before[-1] if before else (author if re.match(r"\s*(?:I|We)\b", sentence) else None)
    receiver = between[0] if between else (after[0] if after and re.match(r"\s*to\b", match["after"]) else None)
    if receiver is None and re.match(r"\s*(?:us|me)\b", match["mid"]):
        receiver = author
    if giver is None or receiver is None or giver == receiver:
        return None
    span = Span(offset + match.start(), offset + match.end("what"))
    return Event("delivery", (giver, receiver), span, when, giver, receiver, match["what"].strip())


def _meeting(sentence: str, offset: int, where: BodyIndex, entities: tuple[Entity, ...], when: DateValue | None,
             author: int | None) -> Event | None:
    match = _MEETING.search(sentence)
    if match is None:
        return None
    people = [i for i in _actors_in(where, entities, offset, offset + len(sentence)) if entities[i].kind == "person"]
    if author is not None and re.search(r"\b(?:me|us)\b", sentence[match.end():match.end() + 12]):
        people.append(author)
    people = list(dict.fromkeys(people))
    if len(people) < 2:
        return None
    return Event("meeting", tuple(people), Span(offset + match.start(), offset + match.end()), when)


def _date_in(sentence: str, document_date: DateValue) -> DateValue | None:
    """A date the sentence gives, its year from the document when missing; never later than the document."""
    match = _RELATIVE.search(sentence)
    if match is None:
        return None
    value = parse_date(match["d"].rstrip(",. "), document_date.year).value
    if value is None or value.precision != "day" or re.search(r"\d{4}", match["d"]):
        return value
    if document_date.precision == "day" and date.fromisoformat(value.iso) > date.fromisoformat(document_date.iso):
        earlier = parse_date(match["d"], document_date.year - 1).value
        return DateValue(value.printed, f"{document_date.year - 1}{value.iso[4:]}", "day") if earlier else value
    return value


_REFERENCE = re.compile(
    rf"\b(?:the\s+|an?\s+|this\s+)?(?P<attached>attached\s+)?(?P<desc>(?:(?:[A-Z][\w'\u2019-]*|[a-z]+['\u2019]s)\s+){{1,4}}"
    rf"{_THINGS}|{_THINGS})(?:\s+of\s+(?P<date>{_DATE}))?"
)


def find_references(body: str, document_date: DateValue, source: str = "body") -> tuple[Reference, ...]:
    """Documents the text refers to: "the attached Chinese memorandum", "the Soviet Embassy's note of 9 August".

    A bare "the memorandum" is not a reference of its own; a qualifier, a date or "attached" is needed.

    >>> [(r.description, r.attached, r.date and r.date.iso) for r in find_references(
    ...     "Please see the attached Chinese memorandum and the Soviet Embassy's note of 9 August.",
    ...     DateValue("1962", "1962-08-20", "day"))]
    [('Chinese memorandum', True, None), ("Soviet Embassy's note", False, '1962-08-09')]
    """
    found: list[Reference] = []
    for match in _REFERENCE.finditer(body):
        description = " ".join(match["desc"].split())
        qualified = description != description.lower().split()[-1] or match["attached"] or match["date"]
        if not qualified:
            continue
        when = parse_date(match["date"].rstrip(",. "), document_date.year).value if match["date"] else None
        found.append(Reference(description, Span(match.start("desc"), match.end()), bool(match["attached"]), when,
                               _kind(description), source))
    return tuple(found)


def _kind(description: str) -> str:
    word = description.lower().split()[-1]
    for stem, kind in (("memorand", "Memorandum"), ("note", "Note"), ("statement", "Statement"), ("letter", "Letter"),
                       ("repl", "Document"), ("message", "Document"), ("aide", "Memorandum"), ("protest", "Note"),
                       ("declaration", "Statement")):
        if word.startswith(stem):
            return kind
    return "Document"
