"""The routing of a text read from its body: telegram form, addressee line, classification,
minutes headers and the closing signature with its date.

Every name keeps the span of body text it was read from.

>>> r = extract_routing("To: Wulumqi [Urumqi] [...] Level: Extremely Urgent [...]\\n\\n"
...     "[To] Comrade Xu Huang, Yili [Ili] Office, Department of Foreign Affairs:\\n\\n"
...     "(Top Secret)\\n\\nText of the cable.\\n\\nMinistry of Foreign Affairs 25 April 1962", 1962)
>>> [a.name for a in r.destinations], r.urgency, r.classification, r.signed_on.iso
(['Wulumqi'], 'Extremely Urgent', 'Top Secret', '1962-04-25')
>>> [(a.name, a.kind) for a in r.recipients]
[('Xu Huang', 'person'), ('Yili Office of the Department of Foreign Affairs', 'organization')]
>>> [a.name for a in r.senders]
['Ministry of Foreign Affairs']
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.dates import find_trailing_date, parse_date
from kg.extract.lexicon import ORG_HEADS
from kg.extract.names import ORG_WORDS, agent, is_post, readings, strip_titles, tidy
from kg.model import AgentName, DateValue, Routing, Span

_HEADER_LINES = 30
_FORM_STOP = r"(?=\s*\[(?:\.\.\.|\u2026)\]|\s+(?:To|From|Level|Receiver|Dispatch No|Contents|Copy)\b|\s{3,}|$)"
_FORM_FIELDS = {
    "to": re.compile(rf"\bTo:\s*(?P<v>.+?){_FORM_STOP}"),
    "from": re.compile(rf"\bFrom:\s*(?P<v>.+?){_FORM_STOP}"),
    "level": re.compile(rf"\b(?:Level|Urgency|Precedence|Priority):\s*(?P<v>[^\[\n]+?){_FORM_STOP}"),
    "receiver": re.compile(rf"\b(?:Receiver|Recipient|Addressee)s?:\s*(?P<v>.+?){_FORM_STOP}"),
    "dispatch": re.compile(r"\bDispatch No\.?\s*:?\s*(?P<v>[\w\-/]+)"),
    "sent": re.compile(r"\b(?:Sent|Date sent|Dispatched)\s*:\s*(?P<v>[^,;\[\n]+?)(?=\s*[,;\[]|\s{2,}|\s+at\b|$)"),
}
_ADDRESSEE = re.compile(
    r"^\s*(?:\[To\]|To)\s+(?P<v>[^:]{3,300}?)\s*:\s*$"
    r"|^\s*(?:Dear\s+)?(?P<w>(?:Comrades?|Cde\.?|Respected|Esteemed)\s+[^:!]{2,200}?)\s*[:!,]\s*$"
)
#: "To the Department of ..." on a line of its own at the top, with no colon.
_BARE_TO = re.compile(r"^\s*To\s+(?:the\s+)?(?P<v>[A-Z][^:]{2,200}?)\s*\.?\s*$")
_CLASSIFICATION = re.compile(
    r"^\s*\(?\s*(?P<v>(?:(?:Top|Strictly|Absolutely|Most)\s+)?(?:Secret|Confidential|Restricted)"
    r"|For Official Use Only|Classified)\b(?P<rest>[^()\n]{0,40}?)\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)
_MINUTES = re.compile(
    r"^\s*(?P<k>Date|Time|Venue|Place|Location|Interpreters?|Minutes [Pp]repared(?: by)?|"
    r"Recorded by|Note[- ]?taker)\s*:\s*(?P<v>.+?)\s*$"
)
_UNITS = re.compile(r"\b(?:Office|Section|Bureau|Division|Department|Branch|Consulate)\s*(?:\[[^\]]*\])?$")
_LIST_SPLIT = re.compile(
    r"\s*;\s*|,\s+(?![^\[]*\])"
    r"|\s+and\s+(?=(?:Comrades?\s|Cde\.?\s|the\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,4}(?:%s)\b|Comrades?\s|Cde)(?![^\[]*\])"
    % "|".join(sorted(ORG_HEADS))
)
_SIGNATURE_SPLIT = re.compile(r"\s{2,}|\s+and\s+(?=(?:the\s+)?[A-Z])|\s*;\s*")
_CLOSINGS = re.compile(r"^(?:With|Yours|Respectfully|Sincerely|Best|Warm|Comradely|Fraternal)\b.*,$", re.I)
_PLACEHOLDER = re.compile(r"^\s*(?:\[(?:\.\.\.|\u2026|signature|seal|stamp)[^\]]*\]\s*)+$", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("of the and for in on at to de des du von der la le el y i".split())


def extract_routing(body: str, context_year: int | None = None) -> Routing:
    """Read the routing of one document's body; ``context_year`` completes partial dates."""
    lines = _numbered(body)
    header = _header_zone(lines)
    routing = _telegram_form(header, context_year)
    routing = _addressee(header, routing)
    routing = _classification(header, routing)
    routing = _minutes(header, routing, context_year)
    return _signature(lines, routing, context_year)


def _numbered(body: str) -> list[tuple[int, str]]:
    """(offset, text) for every line of the body."""
    result, offset = [], 0
    for line in body.split("\n"):
        result.append((offset, line))
        offset += len(line) + 1
    return result


def _header_zone(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines before the first real paragraph of running text."""
    zone = []
    for offset, text in lines[:_HEADER_LINES]:
        if len(text) > 200 and not _ADDRESSEE.match(text):
            break
        zone.append((offset, text))
    return zone


def _named(printed: str, offset: int, kind: str | None = None) -> AgentName | None:
    """An agent from printed text found at ``offset`` in the body; ``None`` for a bare post."""
    if is_post(readings(printed)[0]):
        return None
    found = agent(printed, kind)  # type: ignore[arg-type]
    if found is None:
        return None
    return replace(found, span=Span(offset, offset + len(printed)))


def _telegram_form(header: list[tuple[int, str]], year: int | None) -> Routing:
    routing = Routing(entry_date=_entry_date(header, year))
    for offset, text in header:
        for name, pattern in _FORM_FIELDS.items():
            for match in pattern.finditer(text):
                value, start = match["v"].strip(), offset + match.start("v")
                routing = _form_value(routing, name, value, start, year)
    return routing


def _entry_date(header: list[tuple[int, str]], year: int | None) -> DateValue | None:
    """A line that is nothing but a date at the top of the text (a diary entry, a dateline)."""
    for _, text in header:
        if text.strip() and not _PLACEHOLDER.match(text):
            return parse_date(text.strip(), year).value if len(text.strip()) <= 30 else None
    return None


def _form_value(routing: Routing, name: str, value: str, start: int, year: int | None) -> Routing:
    if name == "sent":
        return replace(routing, sent_on=routing.sent_on or parse_date(value, year).value)
    if name == "level":
        return replace(routing, urgency=routing.urgency or tidy(value))
    if name == "dispatch":
        return replace(routing, dispatch_number=routing.dispatch_number or value)
    result = routing
    for found in _addressee_list(value, start):
        titled = strip_titles(readings(value[found.span.start - start:found.span.end - start])[0])[1] \
            if found.span else ()
        if name in ("to", "from") and found.kind == "person" and not titled:
            place = replace(found, kind="place")
            field = "destinations" if name == "to" else "origins"
            result = replace(result, **{field: getattr(result, field) + (place,)})
        elif name == "from":
            result = replace(result, senders=result.senders + (found,))
        else:
            result = replace(result, recipients=result.recipients + (found,))
    return result


def _addressee(header: list[tuple[int, str]], routing: Routing) -> Routing:
    lines = [(offset, text) for offset, text in header if text.strip() and not _PLACEHOLDER.match(text)]
    for offset, text in lines[:3]:
        bare = _BARE_TO.match(text)
        if bare and not re.match(r"^\s*To:", text) and (ORG_WORDS.search(bare["v"]) or strip_titles(bare["v"])[1]):
            found = _addressee_list(bare["v"], offset + bare.start("v"))
            if found:
                return replace(routing, recipients=routing.recipients + tuple(found))
    for offset, text in header:
        match = _ADDRESSEE.match(text)
        if not match or re.match(r"^\s*To:", text):
            continue
        group = "v" if match["v"] else "w"
        return replace(routing, recipients=routing.recipients + tuple(
            _addressee_list(match[group], offset + match.start(group))
        ))
    return routing


def _addressee_list(text: str, offset: int) -> list[AgentName]:
    """People and offices in an addressee line; a unit followed by its parent is composed."""
    parts: list[tuple[str, int]] = []
    cursor = 0
    for piece in _LIST_SPLIT.split(text):
        start = text.find(piece, cursor)
        cursor = start + len(piece)
        if piece.strip():
            parts.append((piece.strip(), offset + start))
    names = [found for piece, start in parts if (found := _named(piece, start)) is not None]
    result: list[AgentName] = []
    for found in names:
        previous = result[-1] if result else None
        if previous and previous.kind == "organization" and found.kind == "organization" \
                and _UNITS.search(previous.name) and not previous.parent:
            result[-1] = _compose(previous, found)
        else:
            result.append(found)
    return result


def _compose(unit: AgentName, parent: AgentName) -> AgentName:
    """ "Yili Office" + "Department of Foreign Affairs" -> the office *of* that department."""
    name = f"{unit.name} of the {re.sub(r'^the ', '', parent.name)}"
    forms = tuple(f"{form} of the {parent.name}" for form in unit.forms)
    span = Span(unit.span.start, parent.span.end) if unit.span and parent.span else None
    return AgentName(name, "organization", forms, span, parent)


def _classification(header: list[tuple[int, str]], routing: Routing) -> Routing:
    for _, text in header:
        match = _CLASSIFICATION.match(text)
        if match and len(text.strip()) <= 60:
            wording = tidy(match["v"] + (match["rest"] or "")).rstrip("!")
            return replace(routing, classification=wording)
    return routing


def _minutes(header: list[tuple[int, str]], routing: Routing, year: int | None) -> Routing:
    for offset, text in header:
        match = _MINUTES.match(text)
        if not match:
            continue
        key, value, start = match["k"].lower(), match["v"], offset + match.start("v")
        if key == "date" and routing.meeting_date is None:
            reading = parse_date(re.split(r"[,;(]| at ", value)[0], year)
            routing = replace(routing, meeting_date=reading.value)
        elif key in ("venue", "place", "location") and routing.venue is None:
            routing = replace(routing, venue=_named(value, start, "place"))
        elif key.startswith("interpreter"):
            people = [_named(p, start + value.find(p)) for p in _LIST_SPLIT.split(value) if p.strip()]
            routing = replace(routing, interpreters=routing.interpreters + tuple(p for p in people if p))
        elif key.startswith(("minutes", "recorded", "note")):
            found = _named(value, start)
            routing = replace(routing, recorded_by=routing.recorded_by + ((found,) if found else ()))
    return routing


def _signature(lines: list[tuple[int, str]], routing: Routing, year: int | None) -> Routing:
    """Signers and the date at the end of the text."""
    tail = [(o, t) for o, t in lines if t.strip() and not _PLACEHOLDER.match(t)][-4:]
    if not tail:
        return routing
    offset, text = tail.pop()
    signed_on: DateValue | None = None
    whole = parse_date(text.strip(), year)
    if whole.value is not None:
        signed_on = whole.value
        if not tail:
            return replace(routing, signed_on=signed_on)
        offset, text = tail.pop()
    else:
        split = find_trailing_date(text, year)
        if split is not None and _signature_like(split[0]):
            text, signed_on = split
            if tail and _place_of_writing(text):
                place = _named(text, offset, "place")
                routing = replace(routing, origins=routing.origins + ((place,) if place else ()))
                offset, text = tail.pop()
    signers: list[AgentName] = []
    while _signature_like(text):
        signers[:0] = _signers(text, offset)
        if not tail or not ORG_WORDS.search(text):
            break
        offset, text = tail.pop()
        if not ORG_WORDS.search(text):
            break
    if not signers:
        return replace(routing, signed_on=signed_on)
    return replace(routing, senders=routing.senders + tuple(signers), signed_on=signed_on)


def _place_of_writing(text: str) -> bool:
    """A bare place name before a signature date ("Beijing, 9 August 1962")."""
    return 1 <= len(text.split()) <= 2 and not ORG_WORDS.search(text) and text[:1].isupper()


def _signature_like(text: str) -> bool:
    """Short, title-cased, not a sentence, not a bare post: a signature line or a name."""
    words = text.strip().split()
    if not 1 <= len(words) <= 14 or len(text) > 120 or _CLOSINGS.match(text.strip()):
        return False
    if is_post(text):
        return False
    if re.search(r"[.!?:]\s+\S", text) and not re.search(r"\b[A-Z][a-z]?\.\s*[A-Z]", text):
        return False
    return all(
        word[:1].isupper() or word[:1] in "[(\"'\u201c" or word.lower() in _FUNCTION_WORDS or word[:1].isdigit()
        for word in words
    )


def _signers(text: str, offset: int) -> list[AgentName]:
    names: list[AgentName] = []
    cursor = 0
    for piece in _SIGNATURE_SPLIT.split(text.strip()):
        start = text.find(piece, cursor)
        cursor = start + len(piece)
        found = _named(piece, offset + start)
        if found is not None:
            names.append(found)
    if len(names) > 1 and not all(name.kind == "organization" for name in names):
        whole = _named(text.strip(), offset + text.find(text.strip()))
        return [whole] if whole else []
    return names
