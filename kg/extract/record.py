"""A source record interpreted: title, dates, ids, credits, languages, kind and routing.

:func:`extract_record` is the stage's entry point. It never raises on bad data:
a record that cannot stand (no title, no date, no text) comes back as ``None``
with the problems that say why; lesser gaps are warnings beside the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from kg.extract import citation as cite
from kg.extract.coref import entities
from kg.extract.dates import contains, from_iso, parse_date
from kg.extract.doctype import kind_of
from kg.extract.events import find_events, find_references
from kg.extract.given import given_entities, given_routing
from kg.extract.languages import codes
from kg.extract.mentions import KnownNames, find_mentions, key
from kg.extract.names import agent, readings, tidy, uninvert
from kg.extract.routing import extract_routing
from kg.ingest.wilson_patterns import is_funding
from kg.model import (
    AgentName,
    DateValue,
    DocumentRecord,
    Entity,
    Mention,
    Routing,
)
from kg.problems import Problem
from kg.source import Given, SourceRecord

_RECORD_ID_IN_URL = re.compile(r"/document/(?:[^/\s]*?-)?(\d{3,})(?:[/?#.]|$)")
_RECORD_ID_IN_NAME = re.compile(r"(\d{4,})")
_BODY_REFERENCE = re.compile(r"^\s*\[?\s*(?:Source|Archive|Reference)\s*:\s*(?P<v>[^\]]+?)\s*\]?\s*$", re.I)
_TITLE_STOP = r"(?=,|\s+(?:on|at|regarding|concerning|about|re|for)\b|\s*[\"'\u2018\u201c:]|$)"
_TITLE_FROM = r"(?:\b(?:from|by)\s+|^[A-Z][\w ]*?,\s+)"
_TITLE_ROUTES = (
    re.compile(rf"{_TITLE_FROM}(?P<from>.+)\s+to\s+(?P<to>.+?){_TITLE_STOP}"),
    re.compile(rf"{_TITLE_FROM}(?P<from>.+?){_TITLE_STOP}"),
)
_HEADING_STATE = re.compile(r"^(?P<state>[A-Z][\w .()'-]+?)\.\s+(?P<name>\S.*)$")


@dataclass(frozen=True)
class Extraction:
    """The outcome of interpreting one source record."""

    record: DocumentRecord | None
    problems: tuple[Problem, ...]


def extract_record(source: SourceRecord, known: KnownNames = KnownNames()) -> Extraction:
    """Interpret a :class:`SourceRecord`; ``record`` is ``None`` when it must be skipped.

    >>> from kg.source import SourceRecord, Field
    >>> src = SourceRecord("x.txt", "wilson", "text-export", title=Field("Cable from the Foreign Ministry", 3),
    ...                    date=Field("April 25, 1962", 1), body="Text.", body_line=9)
    >>> out = extract_record(src)
    >>> out.record.kind, out.record.date.iso, [p.code for p in out.problems]
    ('Cable', '1962-04-25', ['missing-record-id', 'missing-citation'])
    """
    problems: list[Problem] = []
    if source.layout == "editorial-note":
        line = source.title.line if source.title else 1
        title = source.title.value if source.title else "untitled"
        return Extraction(None, (Problem("editorial-note", source.path, line, f"{title!r} has no dateline."),))
    structured = source.given is not None
    parts = cite.parse_citation(source.citation.value) if source.citation and not structured else cite.Citation()
    title = _title(source, parts)
    date, header_date = _given_date(source, problems) if source.given else _dates(source, parts, problems)
    if title is None:
        problems.append(Problem("missing-title", source.path, 1, "No title line was found."))
    if date is None and not any(p.code == "unparsed-date" for p in problems):
        line = source.title.line if source.title else 1
        problems.append(Problem("missing-date", source.path, line, "No date was found in the header or citation."))
    if not source.body.strip() and not structured:
        last = source.citation.line if source.citation else (source.title.line if source.title else 1)
        problems.append(Problem("truncated", source.path, last, "The record ends before the document's text."))
    if title is None or date is None or not (source.body.strip() or structured):
        return Extraction(None, tuple(problems))
    record = _record(source, parts, title, date, header_date, problems)
    found = _entities(record, known, source.given)
    events = find_events(record.body, record.title, record.kind, found, record.date, _author(record, found),
                         record.routing.meeting_date)
    references = find_references(record.body, record.date) + find_references(record.title, record.date, "title")
    if record.summary:
        references += find_references(record.summary, record.date, "summary")
    record = replace(record, entities=found, events=events, references=references)
    return Extraction(record, tuple(dict.fromkeys(problems)))


def _author(record: DocumentRecord, found: tuple[Entity, ...]) -> int | None:
    """The entity that writes "I" and "me": the document's sender when it is a person."""
    for sender in record.routing.senders:
        if sender.kind != "person":
            continue
        names = {key(sender.name), *(key(f) for f in sender.forms)}
        for index, entity in enumerate(found):
            if entity.kind == "person" and names & {key(entity.name), *(key(f) for f in entity.forms)}:
                return index
    return None


def _entities(record: DocumentRecord, known: KnownNames, given: Given | None = None) -> tuple[Entity, ...]:
    if given is not None and given.names:
        texts = {"body": record.body, "title": record.title, "summary": record.summary or "", "notes": record.notes}
        return given_entities(texts, given, known)
    return text_entities(record.body, record.routing, record.title, record.summary or "", known)


def text_entities(body: str, routing: Routing, title: str = "", summary: str = "",
                  known: KnownNames = KnownNames()) -> tuple[Entity, ...]:
    """The actors named in a document's title, summary and body, with every mention.

    >>> from kg.extract.routing import extract_routing
    >>> body = "Comrade Zhou said he agreed.\\n\\nRusk"
    >>> [(e.kind, e.name) for e in text_entities(body, extract_routing(body))]
    [('person', 'Rusk'), ('person', 'Zhou')]
    """
    mentions = find_mentions(title, "title", known) + find_mentions(body, "body", known)
    if summary:
        mentions += find_mentions(summary, "summary", known)
    mentions += _routing_mentions(body, routing, mentions)
    return tuple(entities(body, mentions))


def _routing_mentions(body: str, routing: Routing, found: list[Mention]) -> list[Mention]:
    """Names read from the routing (addressee, signature, minutes header) that the text finder missed."""
    names = [*routing.senders, *routing.recipients, *routing.destinations, *routing.origins,
             *routing.interpreters, *routing.recorded_by, *((routing.venue,) if routing.venue else ())]
    names += [name.parent for name in names if name.parent is not None]
    extra: list[Mention] = []
    for name in names:
        span = name.span
        if span is None or any(m.kind == name.kind and m.source == "body" and m.start < span.end and span.start < m.end
                               for m in (*found, *extra)):
            continue
        extra.append(Mention(name.kind, body[span.start : span.end], span.start, span.end, name.name,
                             method="header", confidence=0.9))
    return extra


def _record(
    source: SourceRecord, parts: cite.Citation, title: str, date: DateValue,
    header_date: DateValue | None, problems: list[Problem],
) -> DocumentRecord:
    url = _url(parts.url or (source.url.value if source.url else None), source.path, problems)
    record_id = _record_id(source, url, problems)
    routing = extract_routing(source.body, date.year)
    given = source.given
    if given is not None:
        routing = given_routing(routing, given)
    translators, contributors = _credits(source, parts)
    record = DocumentRecord(
        path=source.path, source=source.source, layout=source.layout, key=f"{source.source}-{record_id}",
        record_id=record_id, title=title, kind=_kind(given, title, source.body), date=date,
        header_date=header_date, citation=source.citation.value if source.citation else None, url=url,
        publisher=given.collection if given else parts.publisher, reference=_reference(source, parts),
        archive=tidy(source.archive.value) if source.archive else None,
        translators=translators, contributors=contributors, funders=_funders(source),
        languages=given.languages if given and given.languages else _languages(source, problems),
        summary=source.summary.value if source.summary else None,
        subjects=tuple(tidy(f.value) for f in source.subjects if tidy(f.value)),
        subject_agents=tuple(a for f in source.people if (a := _heading_agent(f.value, listed=True))),
        places=tuple(a for f in source.places if (a := _place(f.value))),
        authors=tuple(a for f in source.authors if (a := _heading_agent(f.value))),
        classification=routing.classification or (tidy(source.classification.value) if source.classification else None),
        routing=routing, body=source.body, notes=given.notes if given else "",
        received=from_iso("", given.received).value if given and given.received else None,
        same_as=tuple(u for link in (given.same_as if given else ()) if (u := _url(link, source.path, problems))),
    )
    if source.citation is None and source.layout != "page" and source.given is None:
        problems.append(Problem("missing-citation", source.path, None, "The record has no citation paragraph."))
    return _fallback_routing(record)


def _given_date(source: SourceRecord, problems: list[Problem]) -> tuple[DateValue | None, None]:
    """The date a structured source states (ISO 8601, or an EDTF range), else its printed date read as printed."""
    given = source.given
    assert given is not None
    printed = source.date.value if source.date else ""
    if given.date is None and not printed:
        return None, None
    reading = from_iso(printed, given.date) if given.date else parse_date(printed)
    if reading.problem:
        problems.append(Problem(reading.problem, source.path, source.date.line if source.date else None, reading.detail))
    return reading.value, None


def _kind(given: Given | None, title: str, body: str) -> str:
    """The source's kind when it names one of ours ("letter", "Telegram"), else the title's and text's."""
    stated = kind_of(given.kind) if given and given.kind else "Document"
    return stated if stated != "Document" else kind_of(title, body)


def _title(source: SourceRecord, parts: cite.Citation) -> str | None:
    """The record's title; the citation's mixed case is preferred to a title in capitals."""
    printed = tidy(source.title.value) if source.title else None
    if parts.title and (printed is None or printed.isupper()):
        return parts.title
    return printed or None


def _dates(
    source: SourceRecord, parts: cite.Citation, problems: list[Problem]
) -> tuple[DateValue | None, DateValue | None]:
    """The archive's date (the citation's) and, when it disagrees, the header's."""
    cited = parse_date(parts.date) if parts.date else None
    context = cited.value.year if cited and cited.value else None
    header = parse_date(source.date.value, context) if source.date else None
    for reading, line in ((header, source.date), (cited, source.citation)):
        if reading is not None and reading.problem:
            problems.append(Problem(reading.problem, source.path, line.line if line else None, reading.detail))
    date = (cited.value if cited else None) or (header.value if header else None)
    header_value = header.value if header else None
    if date is not None and header_value is not None and not (contains(date, header_value) or contains(header_value, date)):
        line = source.date.line if source.date else None
        problems.append(Problem(
            "date-disagrees", source.path, line,
            f"the header says {header_value.printed!r} but the citation says {date.printed!r}.",
        ))
        return date, header_value
    return date, None


_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$", re.IGNORECASE)


def _url(url: str | None, path: str, problems: list[Problem]) -> str | None:
    """The page address as an absolute http(s) IRI, or ``None`` (with a problem) if it is not one."""
    if not url:
        return None
    url = url.rstrip(".,;)")
    url = url if re.match(r"^https?://", url, re.I) else f"https://{url}"
    if _IRI.match(url) and len(url) < 1800:
        return url
    problems.append(Problem("bad-url", path, None, f"{url[:80]!r} is not a valid web address."))
    return None


def _record_id(source: SourceRecord, url: str | None, problems: list[Problem]) -> str:
    if source.record_id and source.record_id.value.strip():
        return source.record_id.value.strip()
    for text, pattern in ((url or "", _RECORD_ID_IN_URL), (Path(source.path).stem, _RECORD_ID_IN_NAME)):
        match = pattern.search(text)
        if match:
            return match.group(1)
    problems.append(Problem("missing-record-id", source.path, None, "No record id was found."))
    return re.sub(r"[^a-z0-9]+", "-", Path(source.path).stem.lower()).strip("-") or "untitled"


def _reference(source: SourceRecord, parts: cite.Citation) -> str | None:
    if parts.reference:
        return parts.reference
    if source.reference and source.reference.value.strip():
        return source.reference.value.strip().rstrip(".")
    first = next((line for line in source.body.split("\n") if line.strip()), "")
    match = _BODY_REFERENCE.match(first)
    return match["v"].rstrip(".") if match else None


def _credits(source: SourceRecord, parts: cite.Citation) -> tuple[tuple[AgentName, ...], tuple[AgentName, ...]]:
    lines = [f.value for f in source.credits if not is_funding(f.value)]
    if parts.credits:
        lines.append(parts.credits)
    translators: dict[str, AgentName] = {}
    others: dict[str, AgentName] = {}
    for line in lines:
        names, contributors = cite.translators(line)
        for name, bucket in [(n, translators) for n in names] + [(n, others) for n in contributors]:
            found = agent(name)
            if found is not None:
                bucket.setdefault(found.name, found)
    return tuple(translators.values()), tuple(v for k, v in others.items() if k not in translators)


def _funders(source: SourceRecord) -> tuple[AgentName, ...]:
    lines = [f.value for f in source.credits if is_funding(f.value)]
    if source.donors:
        lines.append(source.donors.value)
    found: dict[str, AgentName] = {}
    for line in lines:
        for name in cite.funders(line):
            named = agent(name, "organization")
            if named is not None:
                found.setdefault(named.name, named)
    return tuple(found.values())


def _languages(source: SourceRecord, problems: list[Problem]) -> tuple[str, ...]:
    if source.languages is None:
        return ()
    found, unknown = codes(source.languages.value)
    for name in unknown:
        problems.append(Problem("unknown-language", source.path, source.languages.line, f"{name!r} is not a known language."))
    return found


def _heading_agent(heading: str, listed: bool = False) -> AgentName | None:
    """A person or organisation from a catalogue heading ("Zhou, Enlai, 1898-1976", "China. Waijiaobu").

    In the archive's list of people and organisations a person's heading is
    inverted ("Surname, Given"), so a heading without a comma is an organisation.
    """
    match = _HEADING_STATE.match(heading.strip())
    if match and "," not in match["state"]:
        found = agent(match["name"], "organization")
        return replace(found, forms=(*found.forms, tidy(heading)), state=match["state"]) if found else None
    name = uninvert(heading)
    found = agent(name, "organization" if listed and "," not in heading else None)
    if found is None:
        return None
    return replace(found, forms=tuple(sorted({*found.forms, tidy(heading)} - {found.name})))


def _place(heading: str) -> AgentName | None:
    """A place from a catalogue heading; a qualifier in parentheses is kept as another form."""
    bare = tidy(re.sub(r"\s*\([^)]*\)\s*$", "", heading))
    found = agent(bare, "place")
    if found is None:
        return None
    return replace(found, forms=tuple(sorted({*found.forms, tidy(heading)} - {found.name})))


def _fallback_routing(record: DocumentRecord) -> DocumentRecord:
    """Senders from the catalogue's authors, then from the title; recipients from the title."""
    routing = record.routing
    match = next((m for pattern in _TITLE_ROUTES if (m := pattern.search(record.title))), None)
    if not routing.senders:
        senders = record.authors or (_title_agents(match["from"]) if match else ())
        routing = replace(routing, senders=senders)
    if not routing.recipients and match and match.groupdict().get("to"):
        routing = replace(routing, recipients=_title_agents(match["to"]))
    return replace(record, routing=routing)


def _title_agents(text: str) -> tuple[AgentName, ...]:
    names = cite.split_names(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
    return tuple(a for name in names if (a := agent(readings(name)[0])) is not None)
